"""Run a scenario: a fresh in-memory store, the real statement run and queue, step by step.

Nothing here re-implements the semantics: ``run`` and ``test_run`` steps call
:func:`rulesengine.engine.run.run_statements`, ``deliver`` steps drain the real queue with
recording channels, and expectations are compared with what those produced.
"""

from __future__ import annotations

import datetime as dt
import functools
import threading
import time
from collections.abc import Mapping, Sequence
from typing import TYPE_CHECKING, Any

import attrs
import pluggy

from rulesengine.engine.explain import explain_guarantor, render_explanation
from rulesengine.engine.run import run_statements
from rulesengine.errors import RulesengineError, RulesError
from rulesengine.model import BatchResult, format_money
from rulesengine.scenarios.coverage import Exercised, exercised_by
from rulesengine.scenarios.load import Scenario, Step, load_scenario
from rulesengine.scenarios.recording import RecordingChannel

if TYPE_CHECKING:
    from rulesengine.store.sql import SQLStore

__all__ = ["Failure", "ScenarioResult", "run_scenario", "run_scenario_file"]


@attrs.frozen
class Failure:
    """One expectation that did not hold."""

    step: str  # "step 2 (run: 2026-03-01) at line 14"
    field: str  # "statements[0].level"
    expected: Any
    actual: Any
    line: int | None = None
    trace: str | None = None  # why: the rule trace of the affected guarantor(s)

    def describe(self) -> str:
        return f"{self.field}: expected {_show(self.expected)}, got {_show(self.actual)}"


@attrs.frozen
class ScenarioResult:
    path: str
    title: str
    failures: tuple[Failure, ...] = ()
    error: str | None = None  # the scenario could not be loaded or crashed
    seconds: float = 0.0
    exercised: Exercised | None = None
    rules_path: str | None = None

    @property
    def passed(self) -> bool:
        return not self.failures and self.error is None


def _show(value: Any) -> str:
    if isinstance(value, list | tuple):
        return "[" + ", ".join(_show(v) for v in value) + "]"
    if isinstance(value, dict):
        return "{" + ", ".join(f"{k}: {_show(v)}" for k, v in value.items()) + "}"
    if isinstance(value, dt.date | dt.datetime):
        return value.isoformat()
    return str(value) if value is not None else "nothing"


def run_scenario_file(path: str, *, channel_specs: Any = None) -> ScenarioResult:
    """Load and run one scenario file; load problems become the result's ``error``."""
    started = time.perf_counter()
    try:
        scenario = load_scenario(path, channel_specs=channel_specs)
    except RulesError as exc:
        return ScenarioResult(path, path, error=str(exc), seconds=time.perf_counter() - started)
    return run_scenario(scenario)


_shared = threading.local()


def _scenario_store() -> SQLStore:
    """An empty in-memory store for one scenario.

    Each thread keeps one and empties it before every scenario: a store per scenario would
    cost a fresh engine, whose SQL statements are all compiled again. A scenario run inside
    another thread's (or while this thread's store is in use) gets a store of its own.
    """
    from rulesengine.store import open_store

    store = getattr(_shared, "store", None)
    if store is None or getattr(_shared, "busy", False):
        return open_store("sqlite://")
    _shared.busy = True
    store.reset()
    return store


def _release(store: SQLStore) -> None:
    if store is getattr(_shared, "store", None):
        _shared.busy = False
    elif getattr(_shared, "store", None) is None:
        _shared.store = store  # the first one becomes this thread's store
    else:
        store.close()


@functools.cache
def _no_plugins() -> pluggy.PluginManager:
    """Hooks with no implementations: a scenario never calls installed plugins' observers
    (a third party's ``batch_uploaded`` must not fire because a rule author ran a test)."""
    from rulesengine import hookspecs

    pm = pluggy.PluginManager("rulesengine")
    pm.add_hookspecs(hookspecs)
    return pm


def run_scenario(scenario: Scenario) -> ScenarioResult:
    """Run every step; stop after the first step whose expectations fail."""
    started = time.perf_counter()
    store = _scenario_store()
    runner = _Runner(scenario, store)
    try:
        store.import_ledger(scenario.ledger)
        for step in scenario.steps:
            failures = runner.do(step)
            if failures:
                return runner.result(failures, started)
        return runner.result((), started)
    except RulesengineError as exc:
        return runner.result((), started, error=f"{scenario.path}: {runner.current}: {exc}")
    finally:
        _release(store)


class _Runner:
    def __init__(self, scenario: Scenario, store: Any) -> None:
        self.scenario = scenario
        self.store = store
        self.batches: list[BatchResult] = []
        self.delivered: list[Mapping[str, Any]] = []
        self.current = "loading the ledger"
        self._queue: Any = None

    def result(
        self, failures: Sequence[Failure], started: float, error: str | None = None
    ) -> ScenarioResult:
        return ScenarioResult(
            path=self.scenario.path,
            title=self.scenario.title,
            failures=tuple(failures),
            error=error,
            seconds=time.perf_counter() - started,
            exercised=exercised_by(self.scenario.rules, self.batches, self.delivered),
            rules_path=self.scenario.rules.path,
        )

    # -- steps -------------------------------------------------------------------------------

    def do(self, step: Step) -> list[Failure]:
        self.current = step.title
        if step.kind in ("run", "test_run"):
            return self._run(step, live=step.kind == "run")
        if step.kind == "deliver":
            return self._deliver(step)
        value = step.value
        if step.kind == "payment":
            self.store.post_payment(value["encounter"], value["amount"], value["date"])
        elif step.kind == "adjustment":
            self.store.post_adjustment(value["encounter"], value["amount"], value["date"])
        else:  # hold / release
            self.store.set_hold(
                guarantor_id=value.get("guarantor"),
                encounter_id=value.get("encounter"),
                hold=step.kind == "hold",
            )
        return self._check_encounters(step, {}) if step.expect.encounters else []

    def _run(self, step: Step, *, live: bool) -> list[Failure]:
        batch = run_statements(
            self.store,
            self.scenario.rules,
            step.value,
            live=live,
            rules_text=self.scenario.rules_text,
            plugin_manager=_no_plugins(),
        )
        self.batches.append(batch)
        expect = step.expect
        failures: list[Failure] = []
        trace = lambda guarantors: self._trace(batch, guarantors)  # noqa: E731
        if expect.statements is not None:
            actual = [_statement_view(s) for s in batch.statements]
            failures += _match_lists(
                step, "statements", expect.statements, actual, trace, key="guarantor"
            )
        if expect.pre_collections is not None:
            got, want = sorted(batch.pre_collections), sorted(expect.pre_collections)
            if got != want:
                guarantors = {batch.guarantor_of.get(e) for e in [*got, *want]} - {None}
                failures.append(
                    Failure(
                        step.title, "pre_collections", want, got, step.mark.line, trace(guarantors)
                    )
                )
        if expect.skipped is not None:
            got_skips = {s.encounter_id: s.reason for s in batch.skips}
            if got_skips != dict(expect.skipped):
                ids = set(got_skips) ^ set(expect.skipped) | {
                    e for e in got_skips if expect.skipped.get(e) != got_skips[e]
                }
                guarantors = {batch.guarantor_of.get(e) for e in ids} - {None}
                failures.append(
                    Failure(
                        step.title,
                        "skipped",
                        dict(sorted(expect.skipped.items())),
                        dict(sorted(got_skips.items())),
                        step.mark.line,
                        trace(guarantors),
                    )
                )
        if expect.notifications is not None:
            actual_notes = [] if batch.replayed else [_draft_view(n) for n in batch.notifications]
            if batch.superseded and not batch.replayed:  # the earlier ones it superseded
                wanted = set(batch.superseded)
                actual_notes += [
                    _stored_view(n)
                    for n in self.store.notifications(status="superseded")
                    if n["id"] in wanted
                ]
            failures += _match_lists(
                step, "notifications", expect.notifications, actual_notes, trace, key="guarantor"
            )
        if expect.encounters:
            would_be = {} if live else {c.encounter_id: c for c in batch.changes}
            failures += self._check_encounters(step, would_be, batch)
        return failures

    def _deliver(self, step: Step) -> list[Failure]:
        from rulesengine.queue import Queue

        if self._queue is None:
            channels = {name: RecordingChannel(name) for name in self.scenario.rules.channels}
            self._queue = Queue(
                self.store,
                channels=channels,
                pm=_no_plugins(),
                worker_id="scenario",
                concurrent_channels=False,  # recording channels see one fixed order
            )
        before = {n["id"]: n["status"] for n in self.store.notifications()}
        self._queue.deliver(step.value, until_empty=True)
        changed = [n for n in self.store.notifications() if before.get(n["id"]) != n["status"]]
        self.delivered.extend(changed)
        failures: list[Failure] = []
        if step.expect.notifications is not None:
            actual = [_stored_view(n) for n in changed]
            failures += _match_lists(
                step,
                "notifications",
                step.expect.notifications,
                actual,
                self._history,
                key="guarantor",
            )
        if step.expect.encounters:
            failures += self._check_encounters(step, {})
        return failures

    def _check_encounters(
        self, step: Step, would_be: Mapping[str, Any], batch: BatchResult | None = None
    ) -> list[Failure]:
        failures = []
        for eid, fields in (step.expect.encounters or {}).items():
            encounter = self.store.get_encounter(eid)
            actual = {
                "level": encounter.level,
                "status": encounter.status,
                "statements_sent": encounter.statements_sent,
                "balance": encounter.balance_cents,
                "first_statement": encounter.first_statement,
                "last_statement": encounter.last_statement,
            }
            change = would_be.get(eid)
            if change is not None:
                actual.update(
                    level=change.level,
                    status=change.status,
                    statements_sent=change.statements_sent,
                    first_statement=change.first_statement,
                    last_statement=change.last_statement,
                )
            for field, want in fields.items():
                if actual[field] != want:
                    trace = self._trace(batch, {encounter.guarantor_id}) if batch else None
                    failures.append(
                        Failure(
                            step.title,
                            f"encounters.{eid}.{field}",
                            _money_or(field, want),
                            _money_or(field, actual[field]),
                            step.expect.marks.get(f"encounters.{eid}.{field}", step.mark).line,
                            trace,
                        )
                    )
        return failures

    # -- why ---------------------------------------------------------------------------------

    def _trace(self, batch: BatchResult | None, guarantors: Any) -> str | None:
        if batch is None or not guarantors:
            return None
        return "\n".join(
            render_explanation(explain_guarantor(batch, g)) for g in sorted(guarantors)
        )

    def _history(self, guarantors: Any) -> str | None:
        lines = []
        for note in self.store.notifications():
            if note["guarantor_id"] not in guarantors:
                continue
            lines.append(
                f"Notification {note['id']} ({note['channel']}, {note['message_id']})"
                f" for {note['guarantor_id']}:"
            )
            for entry in self.store.notification_history(note["id"]):
                detail = f": {entry['detail']}" if entry.get("detail") else ""
                lines.append(
                    f"  {entry['at']} {entry['old_status'] or '-'} -> {entry['new_status']}{detail}"
                )
        return "\n".join(lines) or None


def _money_or(field: str, value: Any) -> Any:
    return (
        format_money(value) if field in ("balance", "total") and isinstance(value, int) else value
    )


def _statement_view(statement: Any) -> dict[str, Any]:
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


def _draft_view(note: Any) -> dict[str, Any]:
    return {
        "guarantor": note.guarantor_id,
        "channel": note.channel,
        "message": note.message_id,
        "status": note.status,
        "level": note.level,
        "reason": note.reason,
        "to": note.to,
    }


def _stored_view(note: Mapping[str, Any]) -> dict[str, Any]:
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


def _match_lists(
    step: Step,
    name: str,
    expected: Sequence[Mapping[str, Any]],
    actual: Sequence[Mapping[str, Any]],
    why: Any,
    *,
    key: str,
) -> list[Failure]:
    """Exactly these items, order free: every expected item matches its own actual item on
    the fields it lists. A mismatch is reported field by field against the closest item."""
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
    involved: set[Any] = set()  # the guarantors whose items differ: their trace is shown
    trace = None
    line = step.expect.marks.get(name, step.mark).line
    for i in unmatched_expected:
        want = expected[i]
        candidates = [j for j in free if actual[j].get(key) == want.get(key)] or free
        if not candidates:
            failures.append(
                Failure(step.title, f"{name}[{i}]", dict(want), f"no such {name[:-1]}", line, trace)
            )
            continue
        best = max(
            candidates,
            key=lambda j: sum(_normalise(k, v) == actual[j].get(k) for k, v in want.items()),
        )
        free.remove(best)
        got = actual[best]
        involved |= {want.get(key), got.get(key)}
        for field, value in want.items():
            if _normalise(field, value) != got.get(field):
                where = step.expect.marks.get(f"{name}[{i}].{field}")
                failures.append(
                    Failure(
                        step.title,
                        f"{name}[{i}].{field}" + (f" ({key} {want[key]})" if key in want else ""),
                        _money_or(field, _normalise(field, value)),
                        _money_or(field, got.get(field)),
                        where.line if where else line,
                        trace,
                    )
                )
    for j in free:
        involved.add(actual[j].get(key))
        shown = {k: _money_or(k, v) for k, v in actual[j].items() if v not in (None, [], ())}
        failures.append(
            Failure(step.title, f"{name} (unexpected)", "nothing more", shown, line, trace)
        )
    if not failures:  # counts differ in a way the greedy pass did not explain
        failures.append(Failure(step.title, name, list(expected), list(actual), line, trace))
        involved |= {a.get(key) for a in actual} | {e.get(key) for e in expected}
    for i, want in enumerate(expected):
        if i in unmatched_expected:
            involved.add(want.get(key))
    trace = why({g for g in involved if g})
    return [attrs.evolve(failure, trace=trace) for failure in failures]


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
