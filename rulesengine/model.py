"""Ledger value types: guarantors, encounters, payments, and what a statement run produces.

Money is held as whole cents (``int``) everywhere inside rulesengine, so totals are exact;
:func:`parse_money` and :func:`format_money` convert at the edges (CSV, YAML, reports).

Models do not know how they are stored: stores build them with named constructors and read
them back with :func:`attrs.asdict` or plain attribute access.
"""

from __future__ import annotations

import abc
import datetime as dt
import decimal
import functools
import re
from collections.abc import Iterable, Iterator, Mapping
from typing import Any, NamedTuple

import attrs


def _tuple(items: Iterable[Any]) -> tuple[Any, ...]:
    """attrs converter: keep list fields immutable (typed, unlike a bare ``tuple``)."""
    return tuple(items)


__all__ = [
    "ENCOUNTER_STATUSES",
    "LEVEL_MAX",
    "MONEY_MAX_CENTS",
    "NOTIFICATION_KINDS",
    "NEEDS_STAFF_STATUSES",
    "NOTIFICATION_STATUSES",
    "NO_ADDRESS_OTHER",
    "NO_ADDRESS_REASONS",
    "SKIP_REASONS_BUILTIN",
    "STATEMENTS_SENT_MAX",
    "SUPPRESSION_REASONS",
    "WHOLE_MAX_DIGITS",
    "Adjustment",
    "BatchResult",
    "Deferred",
    "Encounter",
    "EncounterChange",
    "Guarantor",
    "Notification",
    "NotificationDraft",
    "Payment",
    "PostalAddress",
    "SendWindow",
    "Skip",
    "Statement",
    "StatementLine",
    "TraceStep",
    "checked_cents",
    "format_money",
    "given",
    "is_date",
    "is_whole",
    "parse_money",
    "plain",
    "send_window_text",
    "shown_number",
]

ENCOUNTER_STATUSES = ("open", "pre_collections", "closed")
#: A queued notification's statuses (``docs/queue.md``).
NOTIFICATION_STATUSES = (
    "scheduled",
    "sending",
    "sent",
    "error",
    "canceled",
    "suppressed",
    "unknown",
    "superseded",
)
#: The statuses only staff settle: "Manage errors" lists them (``docs/queue.md``).
NEEDS_STAFF_STATUSES = ("error", "unknown")
#: A queued notification's kinds: a live batch's, a test batch's proof, an on-demand one.
NOTIFICATION_KINDS = ("batch", "proof", "on_demand")
#: Skip reasons that are not the name of an ``eligibility.exclude`` rule.
SKIP_REASONS_BUILTIN = ("encounter_hold", "guarantor_hold", "billed_recently", "below_minimum")
#: Why a notification is ``suppressed``, by the kind of address its channel needs and has not.
NO_ADDRESS_REASONS = {"email": "no_email", "mobile": "no_mobile", "postal": "no_postal"}
#: The reason of a channel whose kind of address is none of those (a plugin's own kind).
NO_ADDRESS_OTHER = "no_address"
#: Every reason a notification can be ``suppressed`` with: no address for the channel,
#: opted out of it, or a letter to a paperless guarantor.
SUPPRESSION_REASONS = (*NO_ADDRESS_REASONS.values(), NO_ADDRESS_OTHER, "opted_out", "paperless")


#: The largest amount rulesengine takes, in cents ($10,000,000.00), in either direction.
#: Bounding each amount bounds every sum: a guarantor would need more than 900 million
#: encounters at this amount before a total left the 64-bit range of the store and of
#: durable-rules (and 9 million before it left the 2**53 a float holds exactly).
MONEY_MAX_CENTS = 1_000_000_000

#: The highest dunning level an encounter can be at (a ledger or scenario file's ``level``).
LEVEL_MAX = 1_000
#: The most statements an encounter can have been sent (``statements_sent``).
STATEMENTS_SENT_MAX = 1_000_000
#: The longest whole number read from a user's file, in digits: every bound above fits in
#: it, and Python's int() refuses past 4,300 digits (and is slow well before).
WHOLE_MAX_DIGITS = 18


def shown_number(text: str) -> str:
    """``text`` as a message quotes it: a long digit string is cut, with its length."""
    return text if len(text) <= 40 else f"{text[:20]}… ({len(text):,} characters)"


#: Plain decimal money: ASCII digits, an optional leading minus, an optional point with
#: decimals. No exponent, underscore, sign ``+``, currency sign, thousands separator, space
#: or non-ASCII digit (``decimal.Decimal`` and ``int`` take ``1E+2``, ``1_000`` and ``١٠٠``).
_MONEY = re.compile(r"(-?)([0-9]+)(?:\.([0-9]+))?")


def parse_money(text: str | int | float | decimal.Decimal) -> int:
    """Return whole cents for a plain decimal amount such as ``"12.50"`` or ``"-20"``.

    At most two decimal places and at most :data:`MONEY_MAX_CENTS` either side of zero.
    Raises :class:`ValueError` (with a message fit for a user) otherwise.
    """
    written = text if isinstance(text, str) else repr(text)
    match = None if isinstance(text, bool) else _MONEY.fullmatch(str(text))
    if match is None:
        raise ValueError(
            f"expected an amount such as 12.50 (digits, an optional minus and decimal point;"
            f" no currency sign, thousands separator or exponent), got {_shortened(written)!r}"
        )
    sign, whole, fraction = match.groups()
    fraction = fraction or ""
    if len(fraction) > 2:
        raise ValueError(f"an amount has at most two decimal places, got {_shortened(written)!r}")
    whole = whole.lstrip("0") or "0"
    cents = int(whole + fraction.ljust(2, "0")) if len(whole) <= 20 else MONEY_MAX_CENTS + 1
    if cents > MONEY_MAX_CENTS:
        raise _out_of_range(repr(_shortened(written)))
    return -cents if sign else cents


def checked_cents(cents: object) -> int:
    """``cents`` when it is whole cents (an ``int``, not a ``bool``) within
    :data:`MONEY_MAX_CENTS` either side of zero: the limit :func:`parse_money` applies to
    text, for amounts given as values. Raises :class:`ValueError` otherwise."""
    if not is_whole(cents):
        raise ValueError(f"expected whole cents (an int), got {given(cents)}")
    assert isinstance(cents, int)
    if abs(cents) > MONEY_MAX_CENTS:
        raise _out_of_range(f"{shown_number(str(cents))} cents")
    return cents


def _out_of_range(written: str) -> ValueError:
    return ValueError(
        f"out of range: an amount is at most {format_money(MONEY_MAX_CENTS)}"
        f" either side of zero, got {written}"
    )


def is_whole(value: object) -> bool:
    """An ``int`` that is not a ``bool`` (which Python counts as one)."""
    return isinstance(value, int) and not isinstance(value, bool)


def is_date(value: object) -> bool:
    """A :class:`datetime.date` that is not a :class:`datetime.datetime` (a subclass)."""
    return isinstance(value, dt.date) and not isinstance(value, dt.datetime)


def given(value: object) -> str:
    """``value`` as a message names what the caller gave: its repr (cut) and type."""
    return f"{_shortened(repr(value))} ({type(value).__name__})"


def _shortened(text: str, limit: int = 40) -> str:
    return text if len(text) <= limit else f"{text[:limit]}..."


def format_money(cents: int) -> str:
    """Format whole cents as ``1,234.50`` (with a leading ``-`` for credits)."""
    sign = "-" if cents < 0 else ""
    whole, frac = divmod(abs(cents), 100)
    return f"{sign}{whole:,}.{frac:02d}"


@attrs.frozen
class PostalAddress:
    line1: str
    line2: str = ""
    city: str = ""
    state: str = ""
    zip: str = ""

    @property
    def is_complete(self) -> bool:
        return bool(self.line1 and self.city and self.zip)


@attrs.frozen
class Guarantor:
    """The person responsible for paying."""

    id: str
    first_name: str = ""
    last_name: str = ""
    email: str | None = None
    mobile: str | None = None  # E.164
    postal: PostalAddress | None = None
    timezone: str | None = None  # IANA zone; None: the profile's
    paperless: bool = False
    hold: bool = False
    sms_opt_out: bool = False
    email_opt_out: bool = False
    profile: str | None = None


@attrs.frozen
class Encounter:
    """One visit with a patient balance owed by a guarantor, with its dunning state."""

    id: str
    guarantor_id: str
    patient_id: str
    service_date: dt.date
    balance_cents: int
    level: int = 0
    status: str = "open"  # one of ENCOUNTER_STATUSES
    hold: bool = False
    location: str | None = None
    provider: str | None = None
    first_statement: dt.date | None = None
    last_statement: dt.date | None = None
    statements_sent: int = 0
    profile: str | None = None


@attrs.frozen
class Payment:
    """A payment posted to an encounter. ``reviewed_batch`` is the live batch that reviewed it;
    ``external_id`` the practice system's id of it (the ledger's ``id`` column), if any."""

    id: int | None
    encounter_id: str
    amount_cents: int
    date: dt.date
    reviewed_batch: str | None = None
    external_id: str | None = None


@attrs.frozen
class Adjustment:
    """An adjustment (insurance, write-off, correction) posted to an encounter;
    ``external_id`` is the practice system's id of it (the ledger's ``id`` column), if any."""

    id: int | None
    encounter_id: str
    amount_cents: int
    date: dt.date
    external_id: str | None = None


# --- what a statement run produces -------------------------------------------------------


@attrs.frozen
class TraceStep:
    """One step of the reasoning about one encounter, for ``rulesengine explain``.

    ``step`` is the semantics step (``payments``, ``closing``, ``eligibility``, ``advance``,
    ``grouping``, ``minimum``, ``statement``); ``rule`` names the rule that decided, when one
    did; ``outcome`` is a short machine word (``reset_to_zero``, ``skipped``, ``maxed`` ...);
    ``detail`` is the sentence shown to staff.
    """

    step: str
    outcome: str
    detail: str
    rule: str | None = None


@attrs.frozen
class StatementLine:
    encounter_id: str
    patient_id: str
    service_date: dt.date
    balance_cents: int
    level: int  # the level billed (a rider's unchanged level)
    rider: bool = False  # a maxed encounter riding along


@attrs.frozen
class Statement:
    id: str
    guarantor_id: str
    patient_id: str | None  # set when one_statement_per: patient
    group: tuple[tuple[str, str | None], ...]  # also_by field -> value
    level: int
    message_id: str
    channels: tuple[str, ...]
    total_cents: int
    due_date: dt.date
    lines: tuple[StatementLine, ...] = attrs.field(converter=_tuple)

    @property
    def encounter_ids(self) -> tuple[str, ...]:
        return tuple(line.encounter_id for line in self.lines)


@attrs.frozen
class Skip:
    encounter_id: str
    guarantor_id: str
    reason: str


@attrs.frozen
class EncounterChange:
    """The state an encounter has after a run (only encounters the run changed)."""

    encounter_id: str
    level: int
    status: str
    first_statement: dt.date | None
    last_statement: dt.date | None
    statements_sent: int
    #: The encounter as the run read it, before this change (for the store, which keeps it
    #: so the batch can be deleted exactly); None when unknown, and then the store reads it.
    before: Encounter | None = attrs.field(default=None, eq=False, repr=False)


class Deferred(Mapping[str, Any]):
    """A mapping computed by :meth:`resolve` each time it is read, and never kept.

    A large batch would otherwise hold its notifications' rendered content and channel
    context (more than a gigabyte for a million encounters) from the run until the
    commit; deferred, each is computed when its notification is written, or when someone
    reads it. It equals any mapping with the same items. Subclasses implement
    :meth:`resolve` (and keep only what it needs, in ``__slots__``).
    """

    __slots__ = ()

    @abc.abstractmethod
    def resolve(self) -> dict[str, Any]:
        """The mapping, computed now (a new dict each time)."""

    def __getitem__(self, key: str) -> Any:
        return self.resolve()[key]

    def __iter__(self) -> Iterator[str]:
        return iter(self.resolve())

    def __len__(self) -> int:
        return len(self.resolve())

    def __repr__(self) -> str:
        return repr(self.resolve())


def plain(mapping: Mapping[str, Any]) -> dict[str, Any]:
    """A mapping as a plain dict (a :class:`Deferred` computed once)."""
    return mapping.resolve() if isinstance(mapping, Deferred) else dict(mapping)


_SEND_WINDOW = re.compile(r"(\d{2}):(\d{2})-(\d{2}):(\d{2})")


class SendWindow(NamedTuple):
    """A channel's daily send window, ``[start, end)`` in a notification's local time.

    Read once, when the rules are loaded, and passed around as this value; its text
    ``HH:MM-HH:MM`` (``str()``) is how the store keeps it, read back by :meth:`parse`. A
    window whose end is not after its start wraps past midnight (rules files cannot write
    one, but a plugin's stored window might). A tuple, so ``(start, end)`` pairs compare
    equal to it.
    """

    start: dt.time
    end: dt.time

    def __str__(self) -> str:
        return _send_window_text(self.start, self.end)

    @staticmethod
    def parse(text: str | None) -> SendWindow | None:
        """The window a stored ``"HH:MM-HH:MM"`` says; None for none (NULL or empty).

        :raises ValueError: not a window.
        """
        return _parse_send_window(text) if text else None


@functools.lru_cache(maxsize=256)  # a batch has a few windows and a million notifications
def _send_window_text(start: dt.time, end: dt.time) -> str:
    return f"{start:%H:%M}-{end:%H:%M}"


@functools.lru_cache(maxsize=256)
def _parse_send_window(text: str) -> SendWindow:
    match = _SEND_WINDOW.fullmatch(text.strip())
    if match is None:
        raise ValueError(f"not a send window (HH:MM-HH:MM): {text!r}")
    h1, m1, h2, m2 = (int(part) for part in match.groups())
    return SendWindow(dt.time(h1, m1), dt.time(h2, m2))


def send_window_text(window: SendWindow | None) -> str | None:
    """How the store keeps ``window`` (:meth:`SendWindow.parse` reads it back)."""
    return None if window is None else str(window)


@attrs.frozen
class NotificationDraft:
    """A notification a batch uploads (or would upload): one per statement and channel."""

    statement_id: str
    guarantor_id: str
    channel: str
    message_id: str
    level: int
    status: str  # "scheduled" or "suppressed"
    reason: str | None  # why suppressed
    to: str | None  # the address: email, E.164 mobile, or a one-line postal address
    scheduled_at: dt.datetime  # timezone-aware, UTC
    content: Mapping[str, Any]  # rendered per-channel content (a batch's: Deferred)
    timezone: str = "UTC"  # the zone its send window is read in (guarantor's, else profile's)
    send_window: SendWindow | None = None  # local, start included, end excluded
    max_attempts: int = 5
    backoff: tuple[int, ...] = attrs.field(default=(60, 300, 1800, 7200), converter=_tuple)
    #: what a channel needs besides ``content``: ``recipient``, ``statement`` and ``sender``
    #: mappings exactly as :class:`Notification` documents them.
    context: Mapping[str, Any] = attrs.field(factory=dict)


@attrs.frozen
class BatchResult:
    """Everything one statement run decided; a live run commits it, a test run reports it."""

    id: str
    profile_id: str
    run_date: dt.date
    mode: str  # "live" or "test"
    rules_hash: str
    rules_path: str
    statements: tuple[Statement, ...] = attrs.field(converter=_tuple)
    pre_collections: tuple[str, ...] = attrs.field(converter=_tuple)
    skips: tuple[Skip, ...] = attrs.field(converter=_tuple)
    changes: tuple[EncounterChange, ...] = attrs.field(converter=_tuple)
    reviewed_payment_ids: tuple[int, ...] = attrs.field(converter=_tuple)
    notifications: tuple[NotificationDraft, ...] = attrs.field(converter=_tuple)
    traces: Mapping[str, tuple[TraceStep, ...]] = attrs.field(factory=dict)
    # encounter id -> guarantor id for every encounter the run looked at (for explain)
    guarantor_of: Mapping[str, str] = attrs.field(factory=dict)
    created_at: dt.datetime | None = None
    replayed: bool = False  # True when an idempotent repeat returned a stored batch
    # ids of earlier batches' notifications this live batch superseded (set when it is saved)
    superseded: tuple[int, ...] = attrs.field(default=(), converter=_tuple)
    # guarantor id -> each billed guarantor as the run saw them (statements' recipient_json)
    recipients: Mapping[str, Guarantor] = attrs.field(factory=dict, eq=False, repr=False)


# --- delivery --------------------------------------------------------------------------------


@attrs.frozen
class Notification:
    """A due notification as a channel's ``send`` receives it (``docs/plugins.md``).

    ``to`` is the address for the channel (an email address, an E.164 number, the postal
    address on one line, or the guarantor's id for the address kind ``guarantor``);
    ``recipient`` has the guarantor's ``first_name``, ``last_name``
    and postal fields (``postal_line1``, ``postal_line2``, ``postal_city``, ``postal_state``,
    ``postal_zip``); ``statement`` has ``id``, ``total_cents``, ``due_date`` (ISO),
    ``level``, ``encounter_count``, ``pay_link`` and ``lines`` (each ``service_date``,
    ``patient_id``, ``balance_cents``); ``sender`` has ``practice``, ``phone`` and
    ``profile``. ``content`` is the rendered per-channel content (``subject``/``body`` for
    email, ``body`` for text and print, a plugin's own mapping otherwise). Amounts are in
    cents. ``proof``: a proof of a test run, whose ``to`` is the practice's test recipient
    while ``guarantor_id`` and the rest are a real guarantor's: a channel routes by ``to``.
    """

    id: int
    idempotency_key: str
    channel: str
    to: str
    guarantor_id: str
    statement_id: str
    batch_id: str
    message_id: str
    level: int
    content: Mapping[str, Any]
    attempt: int
    scheduled_at: dt.datetime
    recipient: Mapping[str, str] = attrs.field(factory=dict)
    statement: Mapping[str, Any] = attrs.field(factory=dict)
    sender: Mapping[str, str] = attrs.field(factory=dict)
    proof: bool = False
