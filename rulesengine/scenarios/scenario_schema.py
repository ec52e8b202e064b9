"""What each part of a scenario file accepts: the ledger's rows, each step kind's value and
what a step may expect, as schema specs that report every problem at its file:line:col.

The specs only check shapes and values; ids that must exist in the ledger and names the
rules must know are checked by :mod:`rulesengine.scenarios.reference_checks`.
"""

from __future__ import annotations

import datetime as dt
import re
from typing import Any

from rulesengine.model import (
    ENCOUNTER_STATUSES,
    LEVEL_MAX,
    NOTIFICATION_STATUSES,
    STATEMENTS_SENT_MAX,
    parse_money,
)
from rulesengine.queue.clock import supported_instant
from rulesengine.rules.schema_toolkit import (
    INVALID,
    Context,
    Custom,
    Flag,
    Key,
    ListOf,
    Record,
    Text,
    TimeZone,
    Whole,
    describe_node,
    required_scalar,
)
from rulesengine.rules.yamlmarks import MapNode, Node, ScalarNode

__all__ = [
    "EXPECT_KEYS_BY_KIND",
    "EXPECT_SPEC",
    "LEDGER_SPEC",
    "STEP_VALUE_EXAMPLES",
    "STEP_VALUE_SPECS",
    "STEP_VALUE_TYPES",
    "TEXT_SPEC",
]


_DATE_RE = re.compile(r"[0-9]{4}-[0-9]{2}-[0-9]{2}")
_INSTANT_RE = re.compile(
    r"[0-9]{4}-[0-9]{2}-[0-9]{2}[Tt ][0-9]{2}:[0-9]{2}(:[0-9]{2}(\.[0-9]+)?)?"
    r"([Zz]|[+-][0-9]{2}:?[0-9]{2})?"
)


def _date(node: Node, path: str, ctx: Context) -> Any:
    scalar = required_scalar(node, path, ctx, "a date such as 2026-02-01")
    if scalar is None:
        return INVALID
    try:
        if _DATE_RE.fullmatch(scalar.value):
            return dt.date.fromisoformat(scalar.value)
    except ValueError:
        pass
    return ctx.error(scalar.mark, path, f"expected a date such as 2026-02-01, got '{scalar.value}'")


def _instant(node: Node, path: str, ctx: Context) -> Any:
    scalar = required_scalar(node, path, ctx, "a timestamp such as 2026-02-01T15:00:00Z")
    if scalar is None:
        return INVALID
    text = scalar.value
    if _DATE_RE.fullmatch(text):
        return ctx.error(
            scalar.mark,
            path,
            f"expected a timestamp such as 2026-02-01T15:00:00Z, got the date '{text}':"
            f" add the time and its zone, such as {text}T15:00:00Z",
        )
    try:
        if not _INSTANT_RE.fullmatch(text):
            raise ValueError(text)
        value = dt.datetime.fromisoformat(text.replace("Z", "+00:00").replace("z", "+00:00"))
    except ValueError:
        return ctx.error(
            scalar.mark, path, f"expected a timestamp such as 2026-02-01T15:00:00Z, got '{text}'"
        )
    if value.tzinfo is None:
        return ctx.error(
            scalar.mark, path, f"'{text}' has no time zone: add Z (UTC) or an offset such as -05:00"
        )
    utc = supported_instant(value)
    if isinstance(utc, str):
        return ctx.error(scalar.mark, path, utc)
    return utc


def _money(*, positive: bool = False, nonzero: bool = False) -> Custom:
    def check(node: Node, path: str, ctx: Context) -> Any:
        scalar = required_scalar(node, path, ctx, "an amount such as 12.50")
        if scalar is None:
            return INVALID
        try:
            cents = parse_money(scalar.value)
        except ValueError as exc:
            return ctx.error(scalar.mark, path, str(exc))
        if positive and cents <= 0:
            return ctx.error(
                scalar.mark, path, f"a payment's amount is more than 0, got {scalar.value}"
            )
        if nonzero and cents == 0:
            return ctx.error(scalar.mark, path, "an adjustment's amount is not 0")
        return cents

    return Custom(check)


def _ids(node: Node, path: str, ctx: Context) -> Any:
    return ctx.check(ListOf(Text()), node, path)


def _money_any(node: Node, path: str, ctx: Context) -> Any:
    return _money().check(node, path, ctx)


#: any text (a title, an id)
TEXT_SPEC = Text()
_DATE = Custom(_date)
_POSTAL = Record(
    {
        "line1": Key(TEXT_SPEC, required=True),
        "line2": Key(TEXT_SPEC),
        "city": Key(TEXT_SPEC),
        "state": Key(TEXT_SPEC),
        "zip": Key(TEXT_SPEC),
    }
)
_GUARANTOR = Record(
    {
        "id": Key(TEXT_SPEC, required=True),
        "first_name": Key(TEXT_SPEC),
        "last_name": Key(TEXT_SPEC),
        "email": Key(
            Text(
                pattern=r"[^@\s]+@[^@\s]+\.[^@\s.]+",
                hint="write an email address such as ada@example.org",
            )
        ),
        "mobile": Key(
            Text(
                pattern=r"\+[1-9][0-9]{6,14}",
                hint="write the number in E.164 form such as +15555550101",
            )
        ),
        "timezone": Key(TimeZone()),
        "postal": Key(_POSTAL),
        "paperless": Key(Flag()),
        "hold": Key(Flag()),
        "sms_opt_out": Key(Flag()),
        "email_opt_out": Key(Flag()),
        "profile": Key(TEXT_SPEC),
    }
)
_ENCOUNTER = Record(
    {
        "id": Key(TEXT_SPEC, required=True),
        "guarantor": Key(TEXT_SPEC, required=True),
        "patient": Key(TEXT_SPEC, required=True),
        "service_date": Key(_DATE, required=True),
        "balance": Key(Custom(_money_any), required=True),
        "level": Key(Whole(minimum=0, maximum=LEVEL_MAX)),
        "status": Key(Text(choices=ENCOUNTER_STATUSES)),
        "hold": Key(Flag()),
        "location": Key(TEXT_SPEC),
        "provider": Key(TEXT_SPEC),
        "first_statement": Key(_DATE),
        "last_statement": Key(_DATE),
        "statements_sent": Key(Whole(minimum=0, maximum=STATEMENTS_SENT_MAX)),
        "profile": Key(TEXT_SPEC),
    }
)
_PAYMENT = Record(
    {
        "encounter": Key(TEXT_SPEC, required=True),
        "amount": Key(_money(positive=True), required=True),
        "date": Key(_DATE, required=True),
    }
)
_ADJUSTMENT = Record(
    {
        "encounter": Key(TEXT_SPEC, required=True),
        "amount": Key(_money(nonzero=True), required=True),
        "date": Key(_DATE, required=True),
    }
)
#: the ``ledger:`` mapping
LEDGER_SPEC = Record(
    {
        "guarantors": Key(ListOf(_GUARANTOR, unique_by="id"), default=[]),
        "encounters": Key(ListOf(_ENCOUNTER, unique_by="id"), default=[]),
        "payments": Key(ListOf(_PAYMENT), default=[]),
        "adjustments": Key(ListOf(_ADJUSTMENT), default=[]),
    }
)


def _hold_target(node: Node, path: str, ctx: Context) -> Any:
    value = ctx.check(
        Record({"guarantor": Key(TEXT_SPEC), "encounter": Key(TEXT_SPEC)}), node, path
    )
    if isinstance(value, dict) and len(value) != 1:
        return ctx.error(node.mark, path, "name exactly one of guarantor: or encounter:")
    return value


_EXPECTED_STATEMENT = Record(
    {
        "guarantor": Key(TEXT_SPEC),
        "patient": Key(TEXT_SPEC),
        "level": Key(Whole(minimum=1, maximum=LEVEL_MAX)),
        "message": Key(TEXT_SPEC),
        "encounters": Key(Custom(_ids)),
        "total": Key(Custom(_money_any)),
        "channels": Key(ListOf(TEXT_SPEC)),
        "riders": Key(Custom(_ids)),
    }
)
_EXPECTED_ENCOUNTER = Record(
    {
        "level": Key(Whole(minimum=0, maximum=LEVEL_MAX)),
        "status": Key(Text(choices=ENCOUNTER_STATUSES)),
        "statements_sent": Key(Whole(minimum=0, maximum=STATEMENTS_SENT_MAX)),
        "balance": Key(Custom(_money_any)),
        "first_statement": Key(_DATE),
        "last_statement": Key(_DATE),
    }
)
_EXPECTED_NOTIFICATION = Record(
    {
        "guarantor": Key(TEXT_SPEC),
        "channel": Key(TEXT_SPEC),
        "message": Key(TEXT_SPEC),
        "status": Key(Text(choices=NOTIFICATION_STATUSES)),
        "level": Key(Whole(minimum=1, maximum=LEVEL_MAX)),
        "reason": Key(TEXT_SPEC),
        "to": Key(TEXT_SPEC),
    }
)


def _mapping_of(value_spec: Any, what: str, example: str) -> Custom:
    def check(node: Node, path: str, ctx: Context) -> Any:
        if isinstance(node, ScalarNode) and node.is_null:
            return {}
        if not isinstance(node, MapNode):
            return ctx.error(
                node.mark,
                path,
                f"expected a mapping of {what} such as {example}, got {describe_node(node)}",
            )
        out = {}
        for key, value in node.items:
            ctx.key_marks[f"{path}.{key.value}"] = key.mark
            out[key.value] = ctx.check(value_spec, value, f"{path}.{key.value}")
        return out

    return Custom(check)


#: a step's ``expect:`` mapping (which keys a step kind may use: EXPECT_KEYS_BY_KIND)
EXPECT_SPEC = Record(
    {
        "statements": Key(ListOf(_EXPECTED_STATEMENT)),
        "encounters": Key(
            _mapping_of(_EXPECTED_ENCOUNTER, "encounter id -> fields", "{E1: {level: 1}}")
        ),
        "pre_collections": Key(Custom(_ids)),
        "skipped": Key(
            _mapping_of(TEXT_SPEC, "encounter id -> skip reason", "{E1: encounter_hold}")
        ),
        "notifications": Key(ListOf(_EXPECTED_NOTIFICATION)),
    }
)
#: the value of each kind of step
STEP_VALUE_SPECS = {
    "run": _DATE,
    "test_run": _DATE,
    "deliver": Custom(_instant),
    "payment": _PAYMENT,
    "adjustment": _ADJUSTMENT,
    "hold": Custom(_hold_target),
    "release": Custom(_hold_target),
}
#: the type a step's value has once it passed its check
STEP_VALUE_TYPES: dict[str, type] = {
    "run": dt.date,
    "test_run": dt.date,
    "deliver": dt.datetime,
    "payment": dict,
    "adjustment": dict,
    "hold": dict,
    "release": dict,
}
#: how the value of a step that takes a mapping is written
STEP_VALUE_EXAMPLES = {
    "payment": "{encounter: E1, amount: 60.00, date: 2026-02-10}",
    "adjustment": "{encounter: E1, amount: -20.00, date: 2026-02-11}",
    "hold": "{guarantor: G1} or {encounter: E1}",
    "release": "{guarantor: G1} or {encounter: E1}",
}
#: what each kind of step may expect
EXPECT_KEYS_BY_KIND = {
    "run": {"statements", "encounters", "pre_collections", "skipped", "notifications"},
    "test_run": {"statements", "encounters", "pre_collections", "skipped", "notifications"},
    "deliver": {"notifications", "encounters"},
}
