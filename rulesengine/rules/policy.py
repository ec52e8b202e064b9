"""The loaded form of a rules file: frozen values built after the schema accepted the file.

Condition expressions are kept as a small AST (:class:`Expr`) that the engine compiles into
durable-rules conditions; templates are kept as source text and rendered in the sandbox of
:mod:`rulesengine.rules.templates`.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from typing import Any

import attrs

from rulesengine.model import SendWindow


def _tuple(items: Iterable[Any]) -> tuple[Any, ...]:
    """attrs converter: keep list fields immutable (typed, unlike a bare ``tuple``)."""
    return tuple(items)


__all__ = [
    "And",
    "ChannelSettings",
    "Compare",
    "Const",
    "Delivery",
    "Dunning",
    "Eligibility",
    "ExcludeRule",
    "Expr",
    "Field",
    "Grouping",
    "In",
    "Level",
    "Mark",
    "Message",
    "Not",
    "Or",
    "PaymentRule",
    "PreCollections",
    "Profile",
    "Rules",
]


@attrs.frozen
class Mark:
    """Where something stands in a file: 1-based line and column."""

    file: str
    line: int
    column: int

    def __str__(self) -> str:
        return f"{self.file}:{self.line}:{self.column}"


# --- condition expressions ---------------------------------------------------------------


@attrs.frozen
class Field:
    """A vocabulary field such as ``encounter.balance`` (see ``docs/rules.md``)."""

    path: str


@attrs.frozen
class Const:
    """A literal: an ``int``, ``float``, ``str`` or ``bool``.

    Numbers are kept as written; money fields compare to cents after compilation.
    """

    value: int | float | str | bool


@attrs.frozen
class Compare:
    """``left op right`` with op one of ``< <= > >= == !=``. At least one side is a Field.

    A bare boolean field (``when: guarantor.paperless``) is ``Compare("==", Field, Const(True))``.
    """

    op: str
    left: Field | Const
    right: Field | Const


@attrs.frozen
class In:
    """``field in [v1, v2, ...]``."""

    field: Field
    values: tuple[Const, ...] = attrs.field(converter=_tuple)


@attrs.frozen
class And:
    operands: tuple[Expr, ...] = attrs.field(converter=_tuple)


@attrs.frozen
class Or:
    operands: tuple[Expr, ...] = attrs.field(converter=_tuple)


@attrs.frozen
class Not:
    operand: Expr


#: A condition. ``Const(True)`` / ``Const(False)`` alone are the conditions ``true`` / ``false``.
Expr = Compare | In | And | Or | Not | Const


# --- the rules file ----------------------------------------------------------------------


@attrs.frozen
class Profile:
    id: str
    timezone: str
    name: str = ""
    practice: str = ""
    phone: str = ""
    pay_link: str = ""
    due_days: int = 21


@attrs.frozen
class ExcludeRule:
    name: str
    when: Expr
    source: str  # the expression as written
    mark: Mark | None = None


@attrs.frozen
class Eligibility:
    min_statement_balance_cents: int = 1
    cycle_days: int = 28
    exclude: tuple[ExcludeRule, ...] = attrs.field(default=(), converter=_tuple)


@attrs.frozen
class Level:
    number: int  # 1-based
    message: str  # a key of Rules.messages
    channels: tuple[str, ...] = attrs.field(converter=_tuple)
    after_days: int | None = None
    #: Used for a statement only when none of ``channels`` can reach the guarantor.
    fallback: tuple[str, ...] = attrs.field(default=(), converter=_tuple)


@attrs.frozen
class Dunning:
    levels: tuple[Level, ...] = attrs.field(converter=_tuple)
    no_limit: bool = False


@attrs.frozen
class PaymentRule:
    name: str
    when: Expr
    then: str  # reset_to_zero | minus_one | hold
    source: str
    mark: Mark | None = None


@attrs.frozen
class Grouping:
    one_statement_per: str = "guarantor"  # guarantor | patient
    also_by: tuple[str, ...] = attrs.field(default=(), converter=_tuple)  # location, provider
    include_maxed_encounters: bool = True


@attrs.frozen
class PreCollections:
    return_on_reset: bool = True
    clear_on_zero_balance: bool = True


@attrs.frozen
class Message:
    """A message id and its content per channel.

    Content values are template sources. ``text`` content written as a plain string is
    normalised to ``{"body": ...}``; email has ``subject`` and ``body``; print has ``body``;
    a plugin channel's content is its free-form mapping.
    """

    id: str
    content: Mapping[str, Mapping[str, Any]]


@attrs.frozen
class ChannelSettings:
    """A channel's settings from the ``channels:`` section (plus defaults)."""

    name: str
    send_window: SendWindow | None = None  # [start, end); settings keep its text
    settings: Mapping[str, Any] = attrs.field(factory=dict)  # every key, as written


@attrs.frozen
class Delivery:
    max_attempts: int = 5
    backoff: tuple[int, ...] = attrs.field(default=(60, 300, 1800, 7200), converter=_tuple)
    test_recipients: Mapping[str, str] = attrs.field(factory=dict)


@attrs.frozen
class Rules:
    """One statement profile, as loaded from one rules file."""

    path: str
    content_hash: str  # sha256 hex of source_text (computed once, by the loader)
    #: The exact text the rules were loaded from (a canonical JSON of the data when they
    #: came from data or with overrides): what a live run keeps, under content_hash.
    source_text: str = attrs.field(repr=False, eq=False)
    version: int
    profile: Profile
    dunning: Dunning
    eligibility: Eligibility = Eligibility()
    payment_rules: tuple[PaymentRule, ...] = attrs.field(default=(), converter=_tuple)
    grouping: Grouping = Grouping()
    pre_collections: PreCollections = PreCollections()
    messages: Mapping[str, Message] = attrs.field(factory=dict)
    channels: Mapping[str, ChannelSettings] = attrs.field(factory=dict)
    delivery: Delivery = Delivery()

    @property
    def level_count(self) -> int:
        return len(self.dunning.levels)

    def level(self, k: int) -> Level:
        """The level entry used for dunning level ``k`` (``min(k, N)``; k >= 1)."""
        return self.dunning.levels[min(max(k, 1), self.level_count) - 1]

    @property
    def short_hash(self) -> str:
        return self.content_hash[:12]
