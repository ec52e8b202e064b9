"""The schema of a rules file (``docs/rules.md``) and :func:`validate`, which checks a rules
file's node tree against it.

The schema is built from the field specs of :mod:`rulesengine.rules.schema_toolkit`; the
sections that need more than a spec have their own modules (:mod:`.channel_schema`,
:mod:`.message_content_schema`), and :mod:`.cross_section_checks` runs the checks that span
sections once every section is checked. Every problem is collected, in file order.
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING, Any

import attrs

from rulesengine.errors import Problem
from rulesengine.rules.channel_schema import (
    check_channel_name,
    check_channels,
    check_test_recipients,
)
from rulesengine.rules.condition_tokens import ConditionError
from rulesengine.rules.cross_section_checks import check_across_sections
from rulesengine.rules.expressions import (
    MAX_FILE_ALTERNATIVES,
    MAX_FILE_COMPARISONS,
    alternatives,
    comparisons,
    parse_condition,
)
from rulesengine.rules.message_content_schema import check_messages
from rulesengine.rules.policy import Mark
from rulesengine.rules.rules_context import RulesContext, rules_context
from rulesengine.rules.schema_toolkit import (
    INVALID,
    Context,
    Custom,
    Flag,
    Key,
    ListOf,
    Money,
    Record,
    Text,
    TimeZone,
    Whole,
    describe_node,
    required_scalar,
    sort_problems,
)
from rulesengine.rules.yamlmarks import MapNode, Node
from rulesengine.version import __version__

if TYPE_CHECKING:
    from rulesengine.channels.specs import ChannelSpec
    from rulesengine.rules.policy import Expr

__all__ = ["FORMAT_VERSION", "THEN_ACTIONS", "Condition", "Validation", "rules_schema", "validate"]

#: The rules format version this rulesengine reads.
FORMAT_VERSION = 1
THEN_ACTIONS = ("reset_to_zero", "minus_one", "hold")


@attrs.frozen
class Condition:
    """A parsed ``when:`` condition with the text as written and where it stands."""

    expr: Expr
    source: str
    mark: Mark


def _condition(allow_payment: bool) -> Custom:
    """A ``when:`` condition (``payment.*`` fields only with ``allow_payment``), counted
    towards the file's bounds on alternatives and comparisons."""

    def check(node: Node, path: str, ctx: Context) -> Any:
        scalar = required_scalar(node, path, ctx, "a condition such as encounter.balance < 5.00")
        if scalar is None:
            return INVALID
        try:
            expr = parse_condition(scalar.value, allow_payment=allow_payment)
        except ConditionError as exc:
            return ctx.error(scalar.position(exc.offset), path, exc.message)
        rules = rules_context(ctx)
        if not rules.too_many_alternatives:
            rules.alternatives += alternatives(expr)
            rules.comparisons += comparisons(expr)
            if rules.alternatives > MAX_FILE_ALTERNATIVES:
                rules.too_many_alternatives = True
                return ctx.error(
                    scalar.mark,
                    path,
                    "the rules file is too large for the rule engine: its conditions have"
                    f" more than {MAX_FILE_ALTERNATIVES:,} alternatives in all (comparisons"
                    " joined by 'or', values of 'in [...]'; this condition brings them to"
                    f" {rules.alternatives:,}); use fewer rules or shorter lists of values",
                )
            if rules.comparisons > MAX_FILE_COMPARISONS:
                rules.too_many_alternatives = True
                return ctx.error(
                    scalar.mark,
                    path,
                    "the rules file is too large for the rule engine: its conditions have"
                    f" more than {MAX_FILE_COMPARISONS:,} comparisons in all, counting each"
                    " comparison once for every alternative it is 'and'-ed with (this"
                    f" condition brings them to {rules.comparisons:,}); use fewer or shorter"
                    " conditions",
                )
        return Condition(expr, scalar.value, scalar.mark)

    return Custom(check)


def rules_schema() -> Record:
    """The schema of a version 1 rules file (``docs/rules.md``)."""
    rule_name = Key(Text(), required=True, hint="a short name for reports")
    return Record(
        {
            # Checked first, by _check_version; listed so it is a known key.
            "rulesengine": Key(Custom(lambda node, path, ctx: None)),
            "profile": Key(
                Record(
                    {
                        "id": Key(
                            Text(
                                pattern=r"[a-z0-9_-]+",
                                hint="use lower-case letters, digits, '_' and '-' only, "
                                "such as standard",
                            ),
                            required=True,
                            hint="a short name such as standard",
                        ),
                        "name": Key(Text(), default=""),
                        "practice": Key(Text(), default=""),
                        "phone": Key(Text(), default=""),
                        "timezone": Key(
                            TimeZone(),
                            required=True,
                            hint="an IANA time zone such as America/Chicago",
                        ),
                        "pay_link": Key(Text(), default=""),
                        "due_days": Key(Whole(0), default=21),
                    }
                ),
                required=True,
                hint="the profile's id and timezone",
            ),
            "eligibility": Key(
                Record(
                    {
                        "min_statement_balance": Key(Money(), default=1),
                        "cycle_days": Key(Whole(0), default=28),
                        "exclude": Key(
                            ListOf(
                                Record(
                                    {
                                        "name": rule_name,
                                        "when": Key(_condition(False), required=True),
                                    }
                                ),
                                unique_by="name",
                            ),
                            default=[],
                        ),
                    }
                )
            ),
            "dunning": Key(
                Record(
                    {
                        "no_limit": Key(Flag(), default=False),
                        "levels": Key(
                            ListOf(
                                Record(
                                    {
                                        "message": Key(
                                            Text(),
                                            required=True,
                                            hint="a message id from messages",
                                        ),
                                        "channels": Key(
                                            ListOf(
                                                Custom(check_channel_name, one_value=True),
                                                min_items=1,
                                                unique=True,
                                            ),
                                            required=True,
                                            hint="a list of channels such as [email]",
                                        ),
                                        "after_days": Key(Whole(0)),
                                        "fallback": Key(
                                            ListOf(
                                                Custom(check_channel_name, one_value=True),
                                                unique=True,
                                            ),
                                            hint="a list of channels such as [print]",
                                        ),
                                    }
                                ),
                                min_items=1,
                            ),
                            required=True,
                            hint="a list with one entry per dunning level",
                        ),
                    }
                ),
                required=True,
                hint="the dunning levels",
            ),
            "payments": Key(
                Record(
                    {
                        "rules": Key(
                            ListOf(
                                Record(
                                    {
                                        "name": rule_name,
                                        "when": Key(_condition(True), required=True),
                                        "then": Key(
                                            Text(choices=THEN_ACTIONS),
                                            required=True,
                                            hint="reset_to_zero, minus_one or hold",
                                        ),
                                    }
                                ),
                                unique_by="name",
                            ),
                            default=[],
                        ),
                    }
                )
            ),
            "grouping": Key(
                Record(
                    {
                        "one_statement_per": Key(
                            Text(choices=("guarantor", "patient")), default="guarantor"
                        ),
                        "also_by": Key(
                            ListOf(Text(choices=("location", "provider")), unique=True),
                            default=[],
                        ),
                        "include_maxed_encounters": Key(Flag(), default=True),
                    }
                )
            ),
            "pre_collections": Key(
                Record(
                    {
                        "return_on_reset": Key(Flag(), default=True),
                        "clear_on_zero_balance": Key(Flag(), default=True),
                    }
                )
            ),
            "messages": Key(
                Custom(check_messages), required=True, hint="the content sent with each level"
            ),
            "channels": Key(Custom(check_channels), default={}),
            "delivery": Key(
                Record(
                    {
                        "max_attempts": Key(Whole(1), default=5),
                        "backoff": Key(
                            ListOf(Whole(0), min_items=1), default=[60, 300, 1800, 7200]
                        ),
                        "test_recipients": Key(Custom(check_test_recipients), default={}),
                    }
                )
            ),
        }
    )


_SCHEMA = rules_schema()


def _check_version(root: MapNode, ctx: Context) -> bool:
    """Check ``rulesengine:``; ``False`` when nothing else should be checked."""
    node = root.get("rulesengine")
    if node is None:
        ctx.error(
            root.mark,
            "",
            f"missing required top-level key 'rulesengine' (the format version: write "
            f"'rulesengine: {FORMAT_VERSION}' as the first line)",
        )
        return True
    version = Whole().check(node, "rulesengine", ctx)
    if version is INVALID:
        return True
    if version > FORMAT_VERSION:
        ctx.problems.clear()
        ctx.error(
            node.mark,
            "",
            f"this file needs rulesengine format version {version}; this is rulesengine "
            f"{__version__} which reads version {FORMAT_VERSION}: "
            "upgrade rulesengine",
        )
        return False
    if version < 1:
        ctx.error(
            node.mark,
            "rulesengine",
            f"unknown format version {version}: this rulesengine reads version {FORMAT_VERSION}",
        )
    return True


@attrs.frozen
class Validation:
    """The outcome of :func:`validate`.

    :ivar data: the converted data, usable only when there are no problems.
    :ivar problems: every problem, in file order.
    :ivar newer_version: the file needs a newer rulesengine; ``problems`` is that one message.
    """

    data: dict[str, Any] | None
    problems: list[Problem]
    newer_version: bool = False


def validate(
    tree: Node | None, filename: str, channel_specs: Mapping[str, ChannelSpec]
) -> Validation:
    """Check a rules tree against the schema and the checks that span sections."""
    ctx = RulesContext(channel_specs)
    if tree is None:
        ctx.error(
            Mark(filename, 1, 1),
            "",
            f"the file is empty: a rules file starts with 'rulesengine: {FORMAT_VERSION}'",
        )
        return Validation(None, ctx.problems)
    if not isinstance(tree, MapNode):
        ctx.error(
            tree.mark,
            "",
            f"a rules file is a mapping of keys (rulesengine:, profile:, ...), got "
            f"{describe_node(tree)}",
        )
        return Validation(None, ctx.problems)
    if not _check_version(tree, ctx):
        return Validation(None, ctx.problems, newer_version=True)
    data = ctx.check(_SCHEMA, tree, "")
    if isinstance(data, dict):
        check_across_sections(data, ctx)
    return Validation(data if isinstance(data, dict) else None, sort_problems(ctx.problems))
