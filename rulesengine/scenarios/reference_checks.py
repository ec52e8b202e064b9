"""Check the ids and names a scenario mentions: every guarantor and encounter id a ledger row,
a step or an expectation names is in the ledger, and every skip reason, channel, suppression
reason and message id an expectation names is one the scenario's rules can produce."""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING, Any

from rulesengine.hints import closest, did_you_mean
from rulesengine.model import SKIP_REASONS_BUILTIN, SUPPRESSION_REASONS

if TYPE_CHECKING:
    from rulesengine.rules.policy import Rules
    from rulesengine.rules.schema_toolkit import Context
    from rulesengine.scenarios.step_checks import CheckedStep

__all__ = ["check_names", "check_references"]


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


def check_references(ledger: dict[str, Any], steps: list[CheckedStep], ctx: Context) -> None:
    """Every id a ledger row or a step names must exist in the ledger.

    The ledger and the steps are as checked, values with a problem included: only ids that
    are text are followed.
    """
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


def check_names(rules: Rules, steps: list[CheckedStep], ctx: Context) -> None:
    """Every skip reason, channel, suppression reason and message id an expectation names
    must be one the scenario's rules (after overrides) can produce: a misspelt one would only
    fail when the scenario runs, with no hint."""
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
    used = f"the rules' channels: {', '.join(channels)}"
    if name in ctx.channel_specs:
        return f"the rules never use channel '{name}' ({used})"
    return f"unknown channel '{name}'" + did_you_mean(name, channels, "the rules' channels")
