"""A batch's traces as stored (schema version 6): why the run decided what it did about each
encounter, for ``rulesengine explain``.

One ``batch_guarantor_traces`` row per guarantor the run looked at holds each of their
encounters with its steps as references into the batch's distinct steps
(``batch_trace_steps``), so a step many encounters share ("eligible for a statement") is
stored once; a step naming a statement is stored once as a template (:class:`_StepNumbers`).
"""

from __future__ import annotations

import json
from collections.abc import Collection, Iterator
from typing import Any

from sqlalchemy import Connection, select

from rulesengine.keyed_values import aligned, share_keys
from rulesengine.model import BatchResult, TraceStep
from rulesengine.store.rows import dumps
from rulesengine.store.rows import encode_string as _string
from rulesengine.store.sqlutil import insert_rows
from rulesengine.store.tables import batch_guarantor_traces, batch_trace_steps

__all__ = ["read_traces", "write_traces"]

#: The most values one ``IN`` of a read holds (far below SQLite's limit on parameters).
_IN_LIMIT = 500


def write_traces(conn: Connection, batch: BatchResult) -> None:
    """The batch's trace: one row per guarantor looked at (their encounters in the order
    the run looked at them, each with its steps as numbers), then the batch's distinct
    steps, each once."""
    steps = _StepNumbers(f"{batch.id}-")
    insert_rows(
        conn,
        batch_guarantor_traces,
        ("batch_id", "seq", "guarantor_id", "encounters_json"),
        _guarantor_trace_rows(batch, steps),
        ready=True,
    )
    insert_rows(
        conn,
        batch_trace_steps,
        ("batch_id", "idx", "step_json"),
        ((batch.id, number, dumps(list(key))) for number, key in enumerate(steps.numbers)),
        ready=True,
    )


#: Encounters per row for those traced but not looked at (no guarantor to group them by).
_UNGROUPED_PER_ROW = 1_000


def _guarantor_trace_rows(batch: BatchResult, steps: _StepNumbers) -> Iterator[tuple[Any, ...]]:
    """``(batch_id, seq, guarantor_id, encounters_json)`` rows: a guarantor's encounters
    come one after another in ``guarantor_of`` (the order the run read them in)."""
    bid = batch.id
    traces = batch.traces
    guarantor_of = batch.guarantor_of
    seq = 0
    current: Any = None
    parts: list[str] = []
    for eid, gid, found in aligned(guarantor_of, traces):
        if gid != current and parts:
            yield (bid, seq, current, f"[{','.join(parts)}]")
            seq += 1
            parts = []
        current = gid
        parts.append(_encounter_trace(eid, found, steps))
    if parts:
        yield (bid, seq, current, f"[{','.join(parts)}]")
        seq += 1
        parts = []
    # Encounters traced but not looked at (none when both share their keys).
    for eid, found in () if share_keys(traces, guarantor_of) else traces.items():
        if eid not in guarantor_of:
            parts.append(_encounter_trace(eid, found, steps))
            if len(parts) >= _UNGROUPED_PER_ROW:
                yield (bid, seq, None, f"[{','.join(parts)}]")
                seq += 1
                parts = []
    if parts:
        yield (bid, seq, None, f"[{','.join(parts)}]")


def _encounter_trace(eid: str, found: Any, steps: _StepNumbers) -> str:
    """``[encounter_id,[step,...]]`` (``null`` for an encounter looked at, not traced)."""
    if found is None:
        return f"[{_string(eid)},null]"
    known = steps.by_identity.get
    references = ",".join([known(id(step)) or steps.reference(step) for step in found])
    return f"[{_string(eid)},[{references}]]"


class _StepNumbers:
    """Each distinct step of a batch numbered once, and how an encounter's trace refers to
    it (as JSON text): its number, or ``[number, "digits"]`` for a step about a statement.

    A statement's steps name it ("billed on statement standard-2026-06-01-000123 ..."),
    so each statement would add steps of its own: most of a large batch's distinct steps.
    Such a step is stored once as a template, ``[step, outcome, [before, after], rule]``,
    its detail split around the statement's number, and each encounter's trace gives the
    number: the detail is ``before + digits + after`` again, exactly.

    Encounters with the same reasoning share step objects, so most are found by identity
    (``by_identity``: the batch holds every step until it is written, so no identity is
    reused meanwhile); equal steps built apart share a number (``numbers``: each distinct
    step or template, as the list it is stored as -> its number, in order). The steps are
    encoded as JSON only when written."""

    def __init__(self, statement_prefix: str) -> None:
        self.statement_prefix = statement_prefix
        self.numbers: dict[tuple[Any, ...], str] = {}
        self.by_identity: dict[int, str] = {}

    def reference(self, step: TraceStep) -> str:
        detail = step.detail
        digits = ""
        at = detail.find(self.statement_prefix)
        if at >= 0:
            start = end = at + len(self.statement_prefix)
            while end < len(detail) and detail[end] in _DIGITS:
                end += 1
            digits = detail[start:end]
        if digits:
            key: tuple[Any, ...] = (
                step.step,
                step.outcome,
                (detail[:start], detail[end:]),
                step.rule,
            )
        else:
            key = (step.step, step.outcome, detail, step.rule)
        number = self.numbers.get(key)
        if number is None:
            number = self.numbers[key] = str(len(self.numbers))
        found = f'[{number},"{digits}"]' if digits else number
        self.by_identity[id(step)] = found
        return found


_DIGITS = frozenset("0123456789")


def read_traces(
    conn: Connection, batch_id: str, guarantor_ids: Collection[str] | None = None
) -> tuple[dict[str, tuple[TraceStep, ...]], dict[str, str]]:
    """The batch's traces (encounter id -> its steps) and the guarantor of each encounter it
    looked at: of the whole batch, or of ``guarantor_ids`` only (through the guarantor
    index, however large the batch)."""
    t = batch_guarantor_traces.c
    query = select(t.guarantor_id, t.encounters_json).order_by(t.seq)
    if guarantor_ids is None:
        queries = [query.where(t.batch_id == batch_id)]
    else:
        # ``batch_id || ''`` keeps the planner on the guarantor index, off the primary key
        # (batch_id, seq), which would read every row of the batch.
        of_batch = t.batch_id.concat("") == batch_id
        wanted = sorted(guarantor_ids)
        queries = [
            query.where(t.guarantor_id.in_(wanted[start : start + _IN_LIMIT]), of_batch)
            for start in range(0, len(wanted), _IN_LIMIT)
        ]
    rows = [(gid, json.loads(found)) for q in queries for gid, found in conn.execute(q)]
    numbers = None
    if guarantor_ids is not None:
        numbers = {
            r if isinstance(r, int) else r[0]
            for _, found in rows
            for _, references in found
            if references
            for r in references
        }
    stored = _read_steps(conn, batch_id, numbers)
    made: dict[Any, TraceStep] = {}

    def step_of(reference: Any) -> TraceStep:
        """A number, or ``[number, digits]`` for a template (``[before, after]`` detail)."""
        key = reference if isinstance(reference, int) else tuple(reference)
        step = made.get(key)
        if step is None:
            name, outcome, detail, rule = stored[key if isinstance(key, int) else key[0]]
            if not isinstance(key, int):
                before, after = detail
                detail = before + key[1] + after
            step = made[key] = TraceStep(name, outcome, detail, rule)
        return step

    traces: dict[str, tuple[TraceStep, ...]] = {}
    guarantor_of: dict[str, str] = {}
    for gid, found in rows:
        for eid, references in found:
            if gid is not None:
                guarantor_of[eid] = gid
            if references is not None:
                traces[eid] = tuple([step_of(r) for r in references])
    return traces, guarantor_of


def _read_steps(conn: Connection, batch_id: str, wanted: set[int] | None) -> dict[int, Any]:
    """The batch's steps by number, each ``[step, outcome, detail, rule]`` as stored (a
    template's detail is its ``[before, after]`` pair): all of them, or only the
    ``wanted`` ones."""
    ts = batch_trace_steps.c
    query = select(ts.idx, ts.step_json).where(ts.batch_id == batch_id)
    steps: dict[int, Any] = {}
    if wanted is None:
        batches_of = [query]
    else:
        numbers = sorted(wanted)
        batches_of = [
            query.where(ts.idx.in_(numbers[start : start + _IN_LIMIT]))
            for start in range(0, len(numbers), _IN_LIMIT)
        ]
    for chunk in batches_of:
        for index, encoded in conn.execute(chunk):
            steps[index] = json.loads(encoded)
    return steps
