"""Run a scenario: a fresh in-memory store, the real statement run and queue, step by step.

Nothing here re-implements the semantics: ``run`` and ``test_run`` steps call
:func:`rulesengine.statements.statement_run.run_statements`, ``deliver`` steps drain the real
queue with recording channels, and expectations are compared with what those produced
(:mod:`rulesengine.scenarios.expectation_matching`).
"""

from __future__ import annotations

import functools
import threading
import time
from collections.abc import Mapping, Sequence
from typing import TYPE_CHECKING, Any

import pluggy

from rulesengine.channels import hookspecs
from rulesengine.errors import LiveRunBeforeLatest, RulesengineError, RulesError, RunRefused
from rulesengine.model import BatchResult
from rulesengine.queue import Queue
from rulesengine.queue.notification_reads import list_notifications, notification_history
from rulesengine.scenarios.coverage import exercised_by
from rulesengine.scenarios.expectation_matching import (
    draft_view,
    failure_at,
    match_lists,
    money_or,
    statement_view,
    stored_view,
)
from rulesengine.scenarios.recording import recording_channels
from rulesengine.scenarios.scenario_load import load_scenario
from rulesengine.scenarios.scenario_results import Failure, ScenarioResult, TracePart
from rulesengine.statements.explain import explain_guarantor, render_explanation
from rulesengine.statements.statement_run import run_statements
from rulesengine.store import open_store

if TYPE_CHECKING:
    from rulesengine.scenarios.scenario_model import Scenario, Step
    from rulesengine.store.sql_store import SQLStore

__all__ = ["run_scenario", "run_scenario_file"]


def _earlier_run_refused(refused: LiveRunBeforeLatest) -> str:
    """A scenario's own words for a ``run:`` step dated before an earlier live run."""
    day, latest = refused.run_date.isoformat(), refused.latest_date.isoformat()
    return (
        f"a live run on {latest} came before this step; live runs move forward, so"
        f" 'run: {day}' is refused. Write 'test_run: {day}' to see what a run on that"
        " earlier date would do (it changes nothing), or put the run steps in date order."
    )


def run_scenario_file(
    path: str, *, channel_specs: Any = None, traces: bool = True
) -> ScenarioResult:
    """Load and run one scenario file; load problems become the result's ``error``.
    ``traces=False``: failures come without the why (the rule traces and notification
    histories), which is then not computed either (``rulesengine test --no-trace``)."""
    started = time.perf_counter()
    try:
        scenario = load_scenario(path, channel_specs=channel_specs)
    except RulesError as exc:
        return ScenarioResult(path, path, error=str(exc), seconds=time.perf_counter() - started)
    return run_scenario(scenario, traces=traces)


_shared = threading.local()


def _scenario_store() -> SQLStore:
    """An empty in-memory store for one scenario.

    Each thread keeps one and empties it before every scenario: a store per scenario would
    cost a fresh engine, whose SQL statements are all compiled again. A scenario run inside
    another thread's (or while this thread's store is in use) gets a store of its own.
    """
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
    pm = pluggy.PluginManager("rulesengine")
    pm.add_hookspecs(hookspecs)
    return pm


def run_scenario(scenario: Scenario, *, traces: bool = True) -> ScenarioResult:
    """Run every step; stop after the first step whose expectations fail (``traces``: as
    :func:`run_scenario_file`)."""
    started = time.perf_counter()
    store = _scenario_store()
    runner = _Runner(scenario, store, traces=traces)
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
    def __init__(self, scenario: Scenario, store: Any, *, traces: bool = True) -> None:
        self.scenario = scenario
        self.store = store
        self.traces = traces
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
            actual = [statement_view(s) for s in batch.statements]
            failures += match_lists(
                step, "statements", expect.statements, actual, trace, key="guarantor"
            )
        if expect.pre_collections is not None:
            got, want = sorted(batch.pre_collections), sorted(expect.pre_collections)
            if got != want:
                guarantors = {batch.guarantor_of.get(e) for e in [*got, *want]} - {None}
                failures.append(
                    failure_at(
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
                    failure_at(
                        step,
                        "skipped",
                        dict(sorted(expect.skipped.items())),
                        dict(sorted(got_skips.items())),
                        f"skipped.{entry}" if entry is not None else "skipped",
                        trace(guarantors),
                    )
                )
        if expect.notifications is not None:
            actual_notes = [] if batch.replayed else [draft_view(n) for n in batch.notifications]
            failures += match_lists(
                step, "notifications", expect.notifications, actual_notes, trace, key="guarantor"
            )
        if expect.encounters:
            would_be = {} if live else {c.encounter_id: c for c in batch.changes}
            failures += self._check_encounters(step, would_be, batch)
        return failures

    def _deliver(self, step: Step) -> list[Failure]:
        if self._queue is None:
            from rulesengine.channels.manager import get_channels, get_plugin_manager

            installed = get_channels(get_plugin_manager())  # the channels the rules were read with
            channels = recording_channels(self.scenario.rules, installed)
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
            actual = [stored_view(n) for n in changed]
            failures += match_lists(
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
                        failure_at(
                            step,
                            f"encounters.{eid}.{field}",
                            money_or(field, want),
                            money_or(field, actual[field]),
                            f"encounters.{eid}.{field}",
                            trace,
                        )
                    )
        return failures

    # -- why ---------------------------------------------------------------------------------

    def _trace(self, batch: BatchResult | None, guarantors: Any) -> tuple[TracePart, ...]:
        """The rule trace of each guarantor, as ``rulesengine explain`` prints it."""
        if not self.traces or batch is None or not guarantors:
            return ()
        return tuple(
            (g, render_explanation(explain_guarantor(batch, g))) for g in sorted(guarantors)
        )

    def _history(self, guarantors: Any) -> tuple[TracePart, ...]:
        """The status history of each guarantor's notifications, with each change's reason."""
        if not self.traces:
            return ()
        parts = []
        for guarantor in sorted(guarantors):
            lines = []
            for note in list_notifications(self.store, guarantor_id=guarantor):
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
