"""Run a scenario: a fresh in-memory store, the real statement run and queue, step by step.

Nothing here re-implements the semantics: ``run`` and ``test_run`` steps call
:func:`rulesengine.statements.statement_run.run_statements`, ``deliver`` steps drain the real
queue with recording channels, and expectations are compared with what those produced.
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

from rulesengine.errors import LiveRunBeforeLatest, RulesengineError, RulesError, RunRefused
from rulesengine.model import BatchResult, format_money
from rulesengine.queue.notification_reads import list_notifications, notification_history
from rulesengine.scenarios.coverage import Exercised, exercised_by
from rulesengine.scenarios.load import Scenario, Step, load_scenario
from rulesengine.scenarios.recording import RecordingChannel
from rulesengine.statements.explain import explain_guarantor, render_explanation
from rulesengine.statements.statement_run import run_statements

if TYPE_CHECKING:
    from rulesengine.store.sql_store import SQLStore

__all__ = ["Failure", "ScenarioResult", "run_scenario", "run_scenario_file"]


#: One part of the "why" of a failure: who it is about (a guarantor id, or a note's own
#: key) and its text. A report prints each part once per step, however many failures need it.
TracePart = tuple[str, str]


@attrs.frozen
class Failure:
    """One expectation that did not hold, at the line and column of that expectation."""

    step: str  # "step 2 (run: 2026-03-01) at line 14"
    field: str  # "statements[0].level"
    expected: Any
    actual: Any
    line: int | None = None
    column: int | None = None
    #: why: the rule trace (or notification history) of each guarantor concerned
    traces: tuple[TracePart, ...] = ()

    @property
    def trace(self) -> str | None:
        """The parts of :attr:`traces` as one text, ``None`` when there are none."""
        return "\n".join(text for _, text in self.traces) or None

    @property
    def guarantors(self) -> tuple[str, ...]:
        return tuple(who for who, _ in self.traces if not who.startswith(_NOTE))

    def describe(self) -> str:
        return f"{self.field}: expected {_show(self.expected)}, got {_show(self.actual)}"


#: The key prefix of a trace part that is a note, not a guarantor's trace.
_NOTE = "note:"
#: At most this many guarantors' traces explain an expectation that names no guarantor.
_RELATED_MAX = 3


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


def _earlier_run_refused(refused: LiveRunBeforeLatest) -> str:
    """A scenario's own words for a ``run:`` step dated before an earlier live run."""
    day, latest = refused.run_date.isoformat(), refused.latest_date.isoformat()
    return (
        f"a live run on {latest} came before this step; live runs move forward, so"
        f" 'run: {day}' is refused. Write 'test_run: {day}' to see what a run on that"
        " earlier date would do (it changes nothing), or put the run steps in date order."
    )


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
    from rulesengine.channels import hookspecs

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
        return runner.result((), started, error=f"{runner.where()}: {exc}")
    finally:
        _release(store)


class _Runner:
    def __init__(self, scenario: Scenario, store: Any) -> None:
        self.scenario = scenario
        self.store = store
        self.batches: list[BatchResult] = []
        self.delivered: list[Mapping[str, Any]] = []
        self.current: Step | None = None  # None: loading the ledger
        self._queue: Any = None

    def where(self) -> str:
        """``file:line:col: step N (kind: value)``, or the file while loading the ledger."""
        step = self.current
        if step is None:
            return f"{self.scenario.path}: loading the ledger"
        return f"{self.scenario.path}:{step.mark.line}:{step.mark.column}: {step.name}"

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
        self.current = step
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
        try:
            batch = run_statements(
                self.store,
                self.scenario.rules,
                step.value,
                live=live,
                plugin_manager=_no_plugins(),
            )
        except LiveRunBeforeLatest as refused:
            raise RunRefused(_earlier_run_refused(refused)) from None
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
                    _failure(
                        step, "pre_collections", want, got, "pre_collections", trace(guarantors)
                    )
                )
        if expect.skipped is not None:
            got_skips = {s.encounter_id: s.reason for s in batch.skips}
            if got_skips != dict(expect.skipped):
                ids = set(got_skips) ^ set(expect.skipped) | {
                    e for e in got_skips if expect.skipped.get(e) != got_skips[e]
                }
                guarantors = {batch.guarantor_of.get(e) for e in ids} - {None}
                # at the first listed entry that differs, else at 'skipped:' itself
                entry = next((e for e in expect.skipped if e in ids), None)
                failures.append(
                    _failure(
                        step,
                        "skipped",
                        dict(sorted(expect.skipped.items())),
                        dict(sorted(got_skips.items())),
                        f"skipped.{entry}" if entry is not None else "skipped",
                        trace(guarantors),
                    )
                )
        if expect.notifications is not None:
            actual_notes = [] if batch.replayed else [_draft_view(n) for n in batch.notifications]
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
        before = {n["id"]: n["status"] for n in list_notifications(self.store)}
        self._queue.deliver(step.value, until_empty=True)
        changed = [n for n in list_notifications(self.store) if before.get(n["id"]) != n["status"]]
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
                    trace = self._trace(batch, {encounter.guarantor_id}) if batch else ()
                    failures.append(
                        _failure(
                            step,
                            f"encounters.{eid}.{field}",
                            _money_or(field, want),
                            _money_or(field, actual[field]),
                            f"encounters.{eid}.{field}",
                            trace,
                        )
                    )
        return failures

    # -- why ---------------------------------------------------------------------------------

    def _trace(self, batch: BatchResult | None, guarantors: Any) -> tuple[TracePart, ...]:
        """The rule trace of each guarantor, as ``rulesengine explain`` prints it."""
        if batch is None or not guarantors:
            return ()
        return tuple(
            (g, render_explanation(explain_guarantor(batch, g))) for g in sorted(guarantors)
        )

    def _history(self, guarantors: Any) -> tuple[TracePart, ...]:
        """The status history of each guarantor's notifications, with each change's reason."""
        parts = []
        notes = list_notifications(self.store)
        for guarantor in sorted(guarantors):
            lines = []
            for note in notes:
                if note["guarantor_id"] != guarantor:
                    continue
                lines.append(
                    f"Notification {note['id']} ({note['channel']}, {note['message_id']})"
                    f" for {note['guarantor_id']}:"
                )
                for entry in notification_history(self.store, note["id"]):  # type: ignore[arg-type]
                    detail = f": {entry['detail']}" if entry.get("detail") else ""
                    lines.append(
                        f"  {entry['at']} {entry['old_status'] or '-'} -> {entry['new_status']}"
                        f"{detail}"
                    )
            if lines:
                parts.append((guarantor, "\n".join(lines)))
        return tuple(parts)


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


def _failure(
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
                _failure(
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
                    _failure(
                        step,
                        f"{name}[{i}].{field}" + (f" ({key} {want[key]})" if key in want else ""),
                        _money_or(field, _normalise(field, value)),
                        _money_or(field, got.get(field)),
                        f"{name}[{i}].{field}",
                        traces,
                    )
                )
    for j in free:
        shown = {k: _money_or(k, v) for k, v in actual[j].items() if v not in (None, [], ())}
        failures.append(
            _failure(
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
        failures.append(_failure(step, name, list(expected), list(actual), name, traced(*everyone)))
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
        return ((f"{_NOTE}{what}", f"{nothing}: {how}"),)
    parts = tuple(why(set(guarantors[:_RELATED_MAX])))
    if len(guarantors) > _RELATED_MAX:
        rest = ", ".join(guarantors[_RELATED_MAX:])
        also = f"also in this step with {what}" if what else "also in this step"
        parts += ((f"{_NOTE}{what} more", f"{also}: {rest} ({how})"),)
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
