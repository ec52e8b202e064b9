"""Load scenario files (``docs/scenarios.md``) with every problem at file:line:col.

A scenario is loaded completely before anything runs: its rules (a file, or an inline
mapping, with ``overrides`` merged over it), its ledger, and its steps with their
expectations. Unknown keys, bad values and references to ids the ledger does not have are
all reported together, like problems in a rules file.
"""

from __future__ import annotations

import datetime as dt
import functools
import os
import re
from collections.abc import Callable, Mapping
from typing import Any

import attrs

from rulesengine.channels.specs import ChannelSpec
from rulesengine.errors import Problem, RulesError
from rulesengine.model import (
    ENCOUNTER_STATUSES,
    LEVEL_MAX,
    NOTIFICATION_STATUSES,
    SKIP_REASONS_BUILTIN,
    STATEMENTS_SENT_MAX,
    SUPPRESSION_REASONS,
    Adjustment,
    Encounter,
    Guarantor,
    Payment,
    PostalAddress,
    parse_money,
)
from rulesengine.queue.clock import supported_instant
from rulesengine.rules import load_rules_data
from rulesengine.rules.input_limits import read_limited_text
from rulesengine.rules.policy import Mark, Rules
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
    is_whole,
    sort_problems,
)
from rulesengine.rules.yamlmarks import MapNode, Node, ScalarNode, SeqNode, compose, merge_overrides
from rulesengine.store.base import LedgerData

__all__ = ["Expect", "Scenario", "Step", "is_scenario_file", "load_scenario"]

STEP_KINDS = ("run", "test_run", "payment", "adjustment", "hold", "release", "deliver")


@attrs.frozen
class Expect:
    """What a step must produce. ``None``: not checked. Each value keeps its mark."""

    statements: tuple[Mapping[str, Any], ...] | None = None
    encounters: Mapping[str, Mapping[str, Any]] | None = None
    pre_collections: tuple[str, ...] | None = None
    skipped: Mapping[str, str] | None = None
    notifications: tuple[Mapping[str, Any], ...] | None = None
    marks: Mapping[str, Mark] = attrs.field(factory=dict)


@attrs.frozen
class Step:
    index: int  # 1-based
    kind: str  # one of STEP_KINDS
    value: Any  # a date, an instant, or a mapping (payment, hold ...)
    expect: Expect
    mark: Mark

    @property
    def name(self) -> str:
        """``step 2 (run: 2026-02-01)``: the step by number, kind and value."""
        if isinstance(self.value, dt.datetime):
            shown = self.value.isoformat()
        elif isinstance(self.value, dt.date):
            shown = self.value.isoformat()
        else:
            shown = ", ".join(f"{k}: {v}" for k, v in self.value.items())
        return f"step {self.index} ({self.kind}: {shown})"

    @property
    def title(self) -> str:
        """The :attr:`name` and the line where the step starts, for failure reports."""
        return f"{self.name} at line {self.mark.line}"


@attrs.frozen
class Scenario:
    path: str
    title: str
    rules: Rules  # its source_text is kept with live batches (canonical JSON when inline)
    ledger: LedgerData
    steps: tuple[Step, ...]
    mark: Mark


def is_scenario_file(path: str | os.PathLike[str]) -> bool:
    return os.fspath(path).endswith(".scenario.yaml")


# --- value specs ---------------------------------------------------------------------------


_DATE_RE = re.compile(r"[0-9]{4}-[0-9]{2}-[0-9]{2}")
_INSTANT_RE = re.compile(
    r"[0-9]{4}-[0-9]{2}-[0-9]{2}[Tt ][0-9]{2}:[0-9]{2}(:[0-9]{2}(\.[0-9]+)?)?"
    r"([Zz]|[+-][0-9]{2}:?[0-9]{2})?"
)


def _scalar(node: Node, path: str, ctx: Context, expected: str) -> ScalarNode | None:
    if isinstance(node, ScalarNode) and not node.is_null:
        return node
    ctx.error(node.mark, path, f"expected {expected}, got {describe_node(node)}")
    return None


def _date(node: Node, path: str, ctx: Context) -> Any:
    scalar = _scalar(node, path, ctx, "a date such as 2026-02-01")
    if scalar is None:
        return INVALID
    try:
        if _DATE_RE.fullmatch(scalar.value):
            return dt.date.fromisoformat(scalar.value)
    except ValueError:
        pass
    return ctx.error(scalar.mark, path, f"expected a date such as 2026-02-01, got '{scalar.value}'")


def _instant(node: Node, path: str, ctx: Context) -> Any:
    scalar = _scalar(node, path, ctx, "a timestamp such as 2026-02-01T15:00:00Z")
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
        scalar = _scalar(node, path, ctx, "an amount such as 12.50")
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


_TEXT = Text()
_DATE = Custom(_date)
_POSTAL = Record(
    {
        "line1": Key(_TEXT, required=True),
        "line2": Key(_TEXT),
        "city": Key(_TEXT),
        "state": Key(_TEXT),
        "zip": Key(_TEXT),
    }
)
_GUARANTOR = Record(
    {
        "id": Key(_TEXT, required=True),
        "first_name": Key(_TEXT),
        "last_name": Key(_TEXT),
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
        "profile": Key(_TEXT),
    }
)
_ENCOUNTER = Record(
    {
        "id": Key(_TEXT, required=True),
        "guarantor": Key(_TEXT, required=True),
        "patient": Key(_TEXT, required=True),
        "service_date": Key(_DATE, required=True),
        "balance": Key(Custom(_money_any), required=True),
        "level": Key(Whole(minimum=0, maximum=LEVEL_MAX)),
        "status": Key(Text(choices=ENCOUNTER_STATUSES)),
        "hold": Key(Flag()),
        "location": Key(_TEXT),
        "provider": Key(_TEXT),
        "first_statement": Key(_DATE),
        "last_statement": Key(_DATE),
        "statements_sent": Key(Whole(minimum=0, maximum=STATEMENTS_SENT_MAX)),
        "profile": Key(_TEXT),
    }
)
_PAYMENT = Record(
    {
        "encounter": Key(_TEXT, required=True),
        "amount": Key(_money(positive=True), required=True),
        "date": Key(_DATE, required=True),
    }
)
_ADJUSTMENT = Record(
    {
        "encounter": Key(_TEXT, required=True),
        "amount": Key(_money(nonzero=True), required=True),
        "date": Key(_DATE, required=True),
    }
)
_LEDGER = Record(
    {
        "guarantors": Key(ListOf(_GUARANTOR, unique_by="id"), default=[]),
        "encounters": Key(ListOf(_ENCOUNTER, unique_by="id"), default=[]),
        "payments": Key(ListOf(_PAYMENT), default=[]),
        "adjustments": Key(ListOf(_ADJUSTMENT), default=[]),
    }
)


def _hold_target(node: Node, path: str, ctx: Context) -> Any:
    value = ctx.check(Record({"guarantor": Key(_TEXT), "encounter": Key(_TEXT)}), node, path)
    if isinstance(value, dict) and len(value) != 1:
        return ctx.error(node.mark, path, "name exactly one of guarantor: or encounter:")
    return value


_EXPECTED_STATEMENT = Record(
    {
        "guarantor": Key(_TEXT),
        "patient": Key(_TEXT),
        "level": Key(Whole(minimum=1, maximum=LEVEL_MAX)),
        "message": Key(_TEXT),
        "encounters": Key(Custom(_ids)),
        "total": Key(Custom(_money_any)),
        "channels": Key(ListOf(_TEXT)),
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
        "guarantor": Key(_TEXT),
        "channel": Key(_TEXT),
        "message": Key(_TEXT),
        "status": Key(Text(choices=NOTIFICATION_STATUSES)),
        "level": Key(Whole(minimum=1, maximum=LEVEL_MAX)),
        "reason": Key(_TEXT),
        "to": Key(_TEXT),
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


_EXPECT = Record(
    {
        "statements": Key(ListOf(_EXPECTED_STATEMENT)),
        "encounters": Key(
            _mapping_of(_EXPECTED_ENCOUNTER, "encounter id -> fields", "{E1: {level: 1}}")
        ),
        "pre_collections": Key(Custom(_ids)),
        "skipped": Key(_mapping_of(_TEXT, "encounter id -> skip reason", "{E1: encounter_hold}")),
        "notifications": Key(ListOf(_EXPECTED_NOTIFICATION)),
    }
)
_STEP_VALUE = {
    "run": _DATE,
    "test_run": _DATE,
    "deliver": Custom(_instant),
    "payment": _PAYMENT,
    "adjustment": _ADJUSTMENT,
    "hold": Custom(_hold_target),
    "release": Custom(_hold_target),
}
#: the type a step's value has once it passed its check
_STEP_TYPE: dict[str, type] = {
    "run": dt.date,
    "test_run": dt.date,
    "deliver": dt.datetime,
    "payment": dict,
    "adjustment": dict,
    "hold": dict,
    "release": dict,
}
#: how the value of a step that takes a mapping is written
_STEP_EXAMPLE = {
    "payment": "{encounter: E1, amount: 60.00, date: 2026-02-10}",
    "adjustment": "{encounter: E1, amount: -20.00, date: 2026-02-11}",
    "hold": "{guarantor: G1} or {encounter: E1}",
    "release": "{guarantor: G1} or {encounter: E1}",
}
#: what each kind of step may expect
_EXPECT_KEYS = {
    "run": {"statements", "encounters", "pre_collections", "skipped", "notifications"},
    "test_run": {"statements", "encounters", "pre_collections", "skipped", "notifications"},
    "deliver": {"notifications", "encounters"},
}


# --- loading ---------------------------------------------------------------------------------


def load_scenario(
    path: str | os.PathLike[str], *, channel_specs: Mapping[str, ChannelSpec] | None = None
) -> Scenario:
    """Load and check a scenario file; raises :class:`RulesError` with every problem."""
    filename = os.fspath(path)
    text = read_limited_text(filename, "scenario file")
    tree, problems = compose(text, filename, kind="scenario file")
    if tree is None:
        raise RulesError(
            problems
            or [
                Problem(
                    filename, 1, 1, "the file is empty: a scenario starts with 'scenario: <title>'"
                )
            ]
        )
    ctx = Context(channel_specs or {})
    ctx.problems.extend(problems)
    if not isinstance(tree, MapNode):
        ctx.error(
            tree.mark, "", "a scenario file is a mapping (scenario:, rules:, ledger:, steps:)"
        )
        raise RulesError(sort_problems(ctx.problems))

    allowed = ("scenario", "rules", "overrides", "ledger", "steps")
    for key, _ in tree.items:
        if key.value not in allowed:
            from rulesengine.hints import did_you_mean

            ctx.error(
                key.mark,
                "",
                f"unknown top-level key '{key.value}'"
                + did_you_mean(key.value, allowed, "allowed"),
            )
    title = _required(tree, "scenario", ctx)
    title_value = ctx.check(_TEXT, title, "scenario") if title is not None else INVALID
    rules = _rules(tree, filename, ctx, channel_specs)
    ledger_node = tree.get("ledger")
    ledger = (
        ctx.check(_LEDGER, ledger_node, "ledger") if ledger_node is not None else _LEDGER.defaults()
    )
    steps_node = _required(tree, "steps", ctx)
    steps, checked = _steps(steps_node, ctx) if steps_node is not None else ([], [])
    if isinstance(ledger, dict):
        _check_references(ledger, checked, ctx)
    if rules is not None:
        _check_names(rules, checked, ctx)
    ledger_data = _ledger(ledger) if isinstance(ledger, dict) and is_whole(ledger) else None
    if ctx.problems or rules is None or ledger_data is None or title_value is INVALID:
        raise RulesError(sort_problems(ctx.problems))
    return Scenario(
        path=filename,
        title=title_value,
        rules=rules,
        ledger=ledger_data,
        steps=tuple(steps),
        mark=tree.mark,
    )


def _required(tree: MapNode, key: str, ctx: Context) -> Node | None:
    node = tree.get(key)
    if node is None:
        ctx.error(tree.mark, "", f"missing required top-level key '{key}'")
    return node


def _rules(
    tree: MapNode, filename: str, ctx: Context, channel_specs: Mapping[str, ChannelSpec] | None
) -> Rules | None:
    """The scenario's rules: a file path relative to the scenario, or an inline mapping."""
    node = _required(tree, "rules", ctx)
    overrides = tree.get("overrides")
    if overrides is not None and not isinstance(overrides, MapNode):
        ctx.error(
            overrides.mark,
            "overrides",
            "expected a mapping merged over the rules file such as {dunning: {no_limit: true}},"
            f" got {describe_node(overrides)}",
        )
        overrides = None
    if node is None:
        return None
    if isinstance(node, ScalarNode) and not node.is_null:
        rules_path = os.path.normpath(os.path.join(os.path.dirname(filename), node.value))
        try:
            rules_file_text, base, problems = _composed_rules_file(rules_path)
        except OSError:
            ctx.error(
                node.mark,
                "rules",
                f"cannot read the rules file '{node.value}' (looked for {rules_path})",
            )
            return None
        except RulesError as exc:  # there, but not a regular file, too large or not UTF-8
            ctx.problems.extend(
                p
                if p.line is not None
                else Problem(
                    filename, node.mark.line, node.mark.column, f"rules: '{node.value}' {p.message}"
                )
                for p in exc.problems
            )
            return None
        if base is None:
            ctx.problems.extend(problems)
            return None
        if problems:
            ctx.problems.extend(problems)
        rules_tree: Node = base
        text = rules_file_text
        label = rules_path
    elif isinstance(node, MapNode):
        rules_tree, text, label = node, "", filename
    else:
        ctx.error(
            node.mark,
            "rules",
            "expected the path of a rules file or an inline rules mapping,"
            f" got {describe_node(node)}",
        )
        return None
    if overrides is not None:
        rules_tree = merge_overrides(rules_tree, overrides)
    try:
        rules = load_rules_data(
            rules_tree,
            filename=label,
            channel_specs=channel_specs,
            source_text=text if text and overrides is None else None,
        )
    except RulesError as exc:
        ctx.problems.extend(exc.problems)
        return None
    return rules


def _composed_rules_file(path: str) -> tuple[str, Node | None, list[Problem]]:
    """A rules file's text and node tree; a suite of scenarios shares one rules file, so it
    is read and parsed once per version of the file (path, size and modification time)."""
    stat = os.stat(path)
    return _compose_cached(path, stat.st_size, stat.st_mtime_ns)


@functools.lru_cache(maxsize=64)
def _compose_cached(path: str, size: int, mtime_ns: int) -> tuple[str, Node | None, list[Problem]]:
    del size, mtime_ns  # part of the cache key only
    text = read_limited_text(path, "rules file")
    tree, problems = compose(text, path)
    return text, tree, problems


@attrs.frozen
class _CheckedStep:
    """A step's checked value and expectations, parts with a problem included: the ids it
    names are checked against the ledger from it."""

    path: str
    kind: str
    value: Any
    expect: Any


def _steps(node: Node, ctx: Context) -> tuple[list[Step], list[_CheckedStep]]:
    """The steps that were checked whole, and every step as checked."""
    if not isinstance(node, SeqNode):
        ctx.error(
            node.mark,
            "steps",
            f"expected a list of steps ('- run: 2026-02-01' lines), got {describe_node(node)}",
        )
        return [], []
    steps = []
    checked = []
    for i, item in enumerate(node.items):
        path = f"steps[{i}]"
        if not isinstance(item, MapNode):
            ctx.error(
                item.mark,
                path,
                f"expected a step such as 'run: 2026-02-01', got {describe_node(item)}",
            )
            continue
        kinds = [k for k in item.keys() if k in STEP_KINDS]
        from rulesengine.hints import did_you_mean

        for key, _ in item.items:
            if key.value not in STEP_KINDS and key.value != "expect":
                ctx.error(
                    key.mark,
                    path,
                    f"unknown key '{key.value}'"
                    + did_you_mean(key.value, (*STEP_KINDS, "expect"), "allowed"),
                )
        if len(kinds) != 1:
            if not kinds and all(k in (*STEP_KINDS, "expect") for k in item.keys()):
                ctx.error(item.mark, path, f"a step needs one of {', '.join(STEP_KINDS)}")
            elif len(kinds) > 1:
                ctx.error(
                    item.mark, path, f"a step does one thing; this one has {' and '.join(kinds)}"
                )
            continue
        kind = kinds[0]
        kind_node = item.get(kind)
        assert kind_node is not None  # kinds lists the keys the step has
        if kind in _STEP_EXAMPLE and not isinstance(kind_node, MapNode):
            value = ctx.error(
                kind_node.mark,
                f"{path}.{kind}",
                f"expected a mapping such as {kind}: {_STEP_EXAMPLE[kind]},"
                f" got {describe_node(kind_node)}",
            )
        else:
            value = ctx.check(_STEP_VALUE[kind], kind_node, f"{path}.{kind}")
        expect, expect_data = _expect(kind, item.get("expect"), path, ctx)
        checked.append(_CheckedStep(path, kind, value, expect_data))
        if isinstance(value, _STEP_TYPE[kind]) and is_whole(value):
            steps.append(Step(index=i + 1, kind=kind, value=value, expect=expect, mark=item.mark))
    return steps, checked


def _expect(kind: str, node: Node | None, path: str, ctx: Context) -> tuple[Expect, Any]:
    """A step's expectations, and the checked ``expect`` mapping as it is.

    The :class:`Expect` holds only values checked whole: one with a problem (already
    reported) is left out, so nothing later trips over half a value.
    """
    if node is None:
        return Expect(), {}
    allowed = _EXPECT_KEYS.get(kind, {"encounters"})
    if isinstance(node, MapNode):
        for key, _ in node.items:
            if key.value in _EXPECT.keys and key.value not in allowed:
                ctx.error(
                    key.mark,
                    f"{path}.expect",
                    f"a {kind} step cannot expect '{key.value}'"
                    f" (it can expect: {', '.join(sorted(allowed))})",
                )
    checked = ctx.check(_EXPECT, node, f"{path}.expect")
    if not isinstance(checked, dict):
        return Expect(), checked
    data = {k: v for k, v in checked.items() if is_whole(v)}
    marks = {k: ctx.marks.get(f"{path}.expect.{k}", node.mark) for k in data}

    def listed(key: str) -> tuple[Any, ...] | None:
        return tuple(data[key]) if key in data else None

    expect = Expect(
        statements=listed("statements"),
        encounters=data.get("encounters"),
        pre_collections=listed("pre_collections"),
        skipped=data.get("skipped"),
        notifications=listed("notifications"),
        marks={**marks, **_item_marks(ctx, path)},
    )
    return expect, checked


def _item_marks(ctx: Context, path: str) -> dict[str, Mark]:
    prefix = f"{path}.expect."
    return {
        k[len(prefix) :]: m
        for k, m in {**ctx.marks, **ctx.key_marks}.items()
        if k.startswith(prefix)
    }


def _ledger(data: dict[str, Any]) -> LedgerData:
    """The ledger's models, from a ledger checked whole."""
    guarantors = [
        Guarantor(
            id=g["id"],
            first_name=g.get("first_name", ""),
            last_name=g.get("last_name", ""),
            email=g.get("email"),
            mobile=g.get("mobile"),
            postal=PostalAddress(**g["postal"]) if g.get("postal") else None,
            timezone=g.get("timezone"),
            paperless=g.get("paperless", False),
            hold=g.get("hold", False),
            sms_opt_out=g.get("sms_opt_out", False),
            email_opt_out=g.get("email_opt_out", False),
            profile=g.get("profile"),
        )
        for g in data["guarantors"]
    ]
    encounters = [
        Encounter(
            id=e["id"],
            guarantor_id=e["guarantor"],
            patient_id=e["patient"],
            service_date=e["service_date"],
            balance_cents=e["balance"],
            level=e.get("level", 0),
            status=e.get("status", "open"),
            hold=e.get("hold", False),
            location=e.get("location"),
            provider=e.get("provider"),
            first_statement=e.get("first_statement"),
            last_statement=e.get("last_statement"),
            statements_sent=e.get("statements_sent", 0),
            profile=e.get("profile"),
        )
        for e in data["encounters"]
    ]
    payments = [Payment(None, p["encounter"], p["amount"], p["date"]) for p in data["payments"]]
    adjustments = [
        Adjustment(None, a["encounter"], a["amount"], a["date"]) for a in data["adjustments"]
    ]
    return LedgerData(guarantors, encounters, payments, adjustments)


def _known_ids(rows: Any) -> list[str] | None:
    """The ids of a ledger section; ``None`` when a row or its id had a problem (already
    reported): references into that section are then not checked, rather than be called
    unknown."""
    if not isinstance(rows, list):
        return None
    ids = []
    for row in rows:
        if not isinstance(row, dict) or not isinstance(row.get("id"), str):
            return None
        ids.append(row["id"])
    return ids


def _dicts(rows: Any) -> list[tuple[int, dict[str, Any]]]:
    """The items of a checked list that are mappings, with their index."""
    if not isinstance(rows, list | tuple):
        return []
    return [(i, row) for i, row in enumerate(rows) if isinstance(row, dict)]


def _texts(values: Any) -> list[tuple[int, str]]:
    """The items of a checked list that are text, with their index."""
    if not isinstance(values, list | tuple):
        return []
    return [(i, v) for i, v in enumerate(values) if isinstance(v, str)]


def _check_references(ledger: dict[str, Any], steps: list[_CheckedStep], ctx: Context) -> None:
    """Every id a ledger row or a step names must exist in the ledger.

    The ledger and the steps are as checked, values with a problem included: only ids that
    are text are followed.
    """
    from rulesengine.hints import did_you_mean

    guarantors = _known_ids(ledger.get("guarantors"))
    encounters = _known_ids(ledger.get("encounters"))

    def check(value: Any, known: list[str] | None, what: str, path: str) -> None:
        if known is None or not isinstance(value, str) or value in known:
            return
        mark = ctx.marks.get(path) or ctx.key_marks.get(path)
        if mark is not None:
            ctx.error(
                mark,
                path,
                f"unknown {what} '{value}'" + did_you_mean(value, known, f"{what}s in the ledger"),
            )

    for i, row in _dicts(ledger.get("encounters")):
        check(row.get("guarantor"), guarantors, "guarantor", f"ledger.encounters[{i}].guarantor")
    for section in ("payments", "adjustments"):
        for i, row in _dicts(ledger.get(section)):
            path = f"ledger.{section}[{i}].encounter"
            check(row.get("encounter"), encounters, "encounter", path)
    for step in steps:
        path = step.path
        if isinstance(step.value, dict):  # payment, adjustment, hold, release
            for key, known in (("guarantor", guarantors), ("encounter", encounters)):
                check(step.value.get(key), known, key, f"{path}.{step.kind}.{key}")
        expect = step.expect if isinstance(step.expect, dict) else {}
        where = f"{path}.expect"
        for key in ("encounters", "skipped"):
            ids = expect.get(key)
            for eid in ids if isinstance(ids, dict) else ():
                check(eid, encounters, "encounter", f"{where}.{key}.{eid}")
        for j, eid in _texts(expect.get("pre_collections")):
            check(eid, encounters, "encounter", f"{where}.pre_collections[{j}]")
        for j, statement in _dicts(expect.get("statements")):
            at = f"{where}.statements[{j}]"
            check(statement.get("guarantor"), guarantors, "guarantor", f"{at}.guarantor")
            for k, eid in _texts(statement.get("encounters")):
                check(eid, encounters, "encounter", f"{at}.encounters[{k}]")
        for j, note in _dicts(expect.get("notifications")):
            at = f"{where}.notifications[{j}]"
            check(note.get("guarantor"), guarantors, "guarantor", f"{at}.guarantor")


def _check_names(rules: Rules, steps: list[_CheckedStep], ctx: Context) -> None:
    """Every skip reason, channel, suppression reason and message id an expectation names
    must be one the scenario's rules (after overrides) can produce: a misspelt one would only
    fail when the scenario runs, with no hint."""
    from rulesengine.hints import did_you_mean

    excludes = [rule.name for rule in rules.eligibility.exclude]
    skip_reasons = [*SKIP_REASONS_BUILTIN, *excludes]
    channels = list(rules.channels)
    messages = list(rules.messages)
    suppressions = list(SUPPRESSION_REASONS)

    def check(value: Any, known: list[str], why: Callable[[str], str], path: str) -> None:
        if not isinstance(value, str) or value in known:
            return
        mark = ctx.marks.get(path) or ctx.key_marks.get(path)
        if mark is not None:
            ctx.error(mark, path, why(value))

    def unknown_message(value: str) -> str:
        return f"unknown message '{value}'" + did_you_mean(value, messages, "messages of the rules")

    def unknown_reason(value: str) -> str:
        return f"unknown suppression reason '{value}'" + did_you_mean(
            value, suppressions, "a suppressed notification's reasons"
        )

    def unknown_channel(value: str) -> str:
        return _unknown_channel(value, channels, ctx)

    def unknown_skip(value: str) -> str:
        return _unknown_skip(value, excludes)

    for step in steps:
        expect = step.expect if isinstance(step.expect, dict) else {}
        where = f"{step.path}.expect"
        skipped = expect.get("skipped")
        for eid, reason in skipped.items() if isinstance(skipped, dict) else ():
            check(reason, skip_reasons, unknown_skip, f"{where}.skipped.{eid}")
        for j, statement in _dicts(expect.get("statements")):
            at = f"{where}.statements[{j}]"
            check(statement.get("message"), messages, unknown_message, f"{at}.message")
            for k, channel in _texts(statement.get("channels")):
                check(channel, channels, unknown_channel, f"{at}.channels[{k}]")
        for j, note in _dicts(expect.get("notifications")):
            at = f"{where}.notifications[{j}]"
            check(note.get("channel"), channels, unknown_channel, f"{at}.channel")
            check(note.get("reason"), suppressions, unknown_reason, f"{at}.reason")
            check(note.get("message"), messages, unknown_message, f"{at}.message")


def _unknown_skip(reason: str, excludes: list[str]) -> str:
    """Why ``reason`` is no skip reason, with the one likely meant."""
    from rulesengine.hints import closest

    close = closest(reason, [*SKIP_REASONS_BUILTIN, *excludes])
    if close is not None:
        return f"unknown skip reason '{reason}'; did you mean '{close}'?"
    rule_names = (
        f"the name of an exclude rule ({', '.join(excludes)})"
        if excludes
        else "the name of an exclude rule (the rules have none)"
    )
    return (
        f"unknown skip reason '{reason}': a skip reason is one of"
        f" {', '.join(SKIP_REASONS_BUILTIN)}, or {rule_names}"
    )


def _unknown_channel(name: str, channels: list[str], ctx: Context) -> str:
    """Why an expected notification can never be on channel ``name``."""
    from rulesengine.hints import did_you_mean

    used = f"the rules' channels: {', '.join(channels)}"
    if name in ctx.channel_specs:
        return f"the rules never use channel '{name}' ({used})"
    return f"unknown channel '{name}'" + did_you_mean(name, channels, "the rules' channels")
