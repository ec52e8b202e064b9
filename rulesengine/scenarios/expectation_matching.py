"""Compare what a step expects with what happened: statements, notification drafts and
delivered notifications as plain views, matched item by item (order free), each mismatch a
:class:`~rulesengine.scenarios.scenario_results.Failure` at its own expectation."""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from typing import TYPE_CHECKING, Any

from rulesengine.model import format_money
from rulesengine.scenarios.scenario_results import NOTE_PREFIX, Failure, TracePart

if TYPE_CHECKING:
    from rulesengine.scenarios.scenario_model import Step

__all__ = [
    "draft_view",
    "failure_at",
    "match_lists",
    "money_or",
    "statement_view",
    "stored_view",
]

#: At most this many guarantors' traces explain an expectation that names no guarantor.
_RELATED_MAX = 3


def money_or(field: str, value: Any) -> Any:
    """A balance or total in cents as money (``12.50``); any other value as it is."""
    return (
        format_money(value) if field in ("balance", "total") and isinstance(value, int) else value
    )


def statement_view(statement: Any) -> dict[str, Any]:
    """A run's statement as the fields an expected statement may list."""
    return {
        "guarantor": statement.guarantor_id,
        "patient": statement.patient_id,
        "level": statement.level,
        "message": statement.message_id,
        "encounters": sorted(statement.encounter_ids),
        "total": statement.total_cents,
        "channels": list(statement.channels),
        "riders": sorted(line.encounter_id for line in statement.lines if line.rider),
    }


def draft_view(note: Any) -> dict[str, Any]:
    """A run's notification draft as the fields an expected notification may list."""
    return {
        "guarantor": note.guarantor_id,
        "channel": note.channel,
        "message": note.message_id,
        "status": note.status,
        "level": note.level,
        "reason": note.reason,
        "to": note.to,
    }


def stored_view(note: Mapping[str, Any]) -> dict[str, Any]:
    """A stored notification as the fields an expected notification may list."""
    return {
        "guarantor": note["guarantor_id"],
        "channel": note["channel"],
        "message": note["message_id"],
        "status": note["status"],
        "level": note["level"],
        "reason": note.get("reason"),
        "to": note.get("to"),
    }


def _normalise(field: str, value: Any) -> Any:
    if field in ("encounters", "riders"):
        return sorted(value)
    if field == "channels":
        return list(value)
    return value


def _fits(expected: Mapping[str, Any], actual: Mapping[str, Any]) -> bool:
    return all(_normalise(k, v) == actual.get(k) for k, v in expected.items())


def failure_at(
    step: Step,
    field: str,
    expected: Any,
    actual: Any,
    at: str,
    traces: tuple[TracePart, ...] = (),
) -> Failure:
    """A failure at the expectation ``at`` (a path under the step's ``expect``, such as
    ``statements[1]`` or ``skipped.E1``): the nearest of it, the key it sits under, the step."""
    mark = step.expect.marks.get(at)
    while mark is None and at:
        at = at.rpartition(".")[0] if "." in at else at.partition("[")[0] if "[" in at else ""
        mark = step.expect.marks.get(at) if at else None
    mark = mark or step.mark
    return Failure(step.title, field, expected, actual, mark.line, mark.column, traces)


def match_lists(
    step: Step,
    name: str,
    expected: Sequence[Mapping[str, Any]],
    actual: Sequence[Mapping[str, Any]],
    why: Any,
    *,
    key: str,
) -> list[Failure]:
    """Exactly these items, order free: every expected item matches its own actual item on
    the fields it lists. A mismatch is reported field by field against the closest item,
    each failure at its own expectation and with the trace of the guarantors it concerns."""
    matched = _perfect_matching(expected, actual)
    if matched is not None:
        return []
    failures: list[Failure] = []
    free = list(range(len(actual)))
    unmatched_expected = []
    for i, want in enumerate(expected):
        exact = next((j for j in free if _fits(want, actual[j])), None)
        if exact is not None:
            free.remove(exact)
        else:
            unmatched_expected.append(i)

    def traced(*guarantors: Any) -> tuple[TracePart, ...]:
        found = {g for g in guarantors if g}
        return tuple(why(found)) if found else ()

    for i in unmatched_expected:
        want = expected[i]
        candidates = [j for j in free if actual[j].get(key) == want.get(key)] or free
        if not candidates:
            failures.append(
                failure_at(
                    step,
                    f"{name}[{i}]",
                    dict(want),
                    f"no such {name[:-1]}",
                    f"{name}[{i}]",
                    traced(want.get(key)) if key in want else _related(want, actual, key, why),
                )
            )
            continue
        best = max(
            candidates,
            key=lambda j: sum(_normalise(k, v) == actual[j].get(k) for k, v in want.items()),
        )
        free.remove(best)
        got = actual[best]
        traces = traced(want.get(key), got.get(key))
        for field, value in want.items():
            if _normalise(field, value) != got.get(field):
                failures.append(
                    failure_at(
                        step,
                        f"{name}[{i}].{field}" + (f" ({key} {want[key]})" if key in want else ""),
                        money_or(field, _normalise(field, value)),
                        money_or(field, got.get(field)),
                        f"{name}[{i}].{field}",
                        traces,
                    )
                )
    for j in free:
        shown = {k: money_or(k, v) for k, v in actual[j].items() if v not in (None, [], ())}
        failures.append(
            failure_at(
                step,
                f"{name} (unexpected)",
                "nothing more",
                shown,
                name,
                traced(actual[j].get(key)),
            )
        )
    if not failures:  # counts differ in a way the greedy pass did not explain
        everyone = [a.get(key) for a in actual] + [e.get(key) for e in expected]
        failures.append(
            failure_at(step, name, list(expected), list(actual), name, traced(*everyone))
        )
    return failures


def _related(
    want: Mapping[str, Any], actual: Sequence[Mapping[str, Any]], key: str, why: Any
) -> tuple[TracePart, ...]:
    """The why of an expected item that names no guarantor and matched nothing: the traces
    of the guarantors whose items in this step share its channel, status or message (a few
    of them), or a note saying there are none and how to get a guarantor's trace."""
    named = {k: want[k] for k in ("channel", "status", "message") if k in want}
    related = [a for a in actual if not named or any(a.get(k) == v for k, v in named.items())]
    guarantors = sorted({str(a[key]) for a in related if a.get(key)})
    what = " or ".join(f"{k} {v}" for k, v in named.items())
    how = f"add '{key}: <id>' to the expectation to see that {key}'s trace"
    if not guarantors:
        nothing = f"nothing in this step has {what}" if what else "this step lists nothing"
        return ((f"{NOTE_PREFIX}{what}", f"{nothing}: {how}"),)
    parts = tuple(why(set(guarantors[:_RELATED_MAX])))
    if len(guarantors) > _RELATED_MAX:
        rest = ", ".join(guarantors[_RELATED_MAX:])
        also = f"also in this step with {what}" if what else "also in this step"
        parts += ((f"{NOTE_PREFIX}{what} more", f"{also}: {rest} ({how})"),)
    return parts


def _perfect_matching(
    expected: Sequence[Mapping[str, Any]], actual: Sequence[Mapping[str, Any]]
) -> dict[int, int] | None:
    """A one-to-one pairing of every expected item with a fitting actual item (Kuhn's
    augmenting paths), or None."""
    if len(expected) != len(actual):
        return None
    fits = [[j for j, a in enumerate(actual) if _fits(e, a)] for e in expected]
    owner: dict[int, int] = {}

    def place(i: int, seen: set[int]) -> bool:
        for j in fits[i]:
            if j in seen:
                continue
            seen.add(j)
            if j not in owner or place(owner[j], seen):
                owner[j] = i
                return True
        return False

    for i in range(len(expected)):
        if not place(i, set()):
            return None
    return {i: j for j, i in owner.items()}
