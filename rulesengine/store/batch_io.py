"""Writing a live batch and everything it decided, and reading it back whole.

Everything is set-based where it can be: the batch's children are inserted executemany-style,
and the ledger is then updated from them with one ``UPDATE ... FROM`` per kind of change, so
a batch touching a million encounters costs a handful of statements, not a million.
"""

from __future__ import annotations

import datetime as dt
import json
from collections.abc import Collection, Iterator, Mapping
from typing import Any

from sqlalchemy import Connection, case, null, or_, select, update
from sqlalchemy.exc import IntegrityError

from rulesengine.errors import RunRefused
from rulesengine.keyed_values import aligned, share_keys
from rulesengine.model import (
    BatchResult,
    EncounterChange,
    Skip,
    TraceStep,
)
from rulesengine.store.rows import (
    as_utc,
    dumps,
    from_db_instant,
    utcnow,
)
from rulesengine.store.rows import (
    encode_string as _string,
)
from rulesengine.store.sqlutil import Processed, dialect_insert, insert_rows
from rulesengine.store.statement_storage import read_statements, write_statements
from rulesengine.store.tables import (
    batch_changes,
    batch_guarantor_traces,
    batch_pre_collections,
    batch_reviewed_payments,
    batch_skips,
    batch_trace_steps,
    batches,
    encounters,
    payments,
    profiles,
    rules_versions,
)

__all__ = ["read_batch", "read_traces", "write_batch"]

_PRE = "pre_collections"


def write_batch(
    conn: Connection,
    batch: BatchResult,
    rules_text: str,
    at: dt.datetime | None = None,
    *,
    pay_links: Mapping[str, str] | None = None,
) -> None:
    """Record a live batch and apply its changes to the ledger (its notifications are the
    queue's: :func:`rulesengine.queue.batch_upload.upload_batch`, in the same transaction).

    Each change's row keeps what the encounter was before it (its ``before_`` columns), so
    the batch can be deleted exactly. ``at``: when it is
    recorded (default: now), the batch's ``created_at`` unless it has its own.
    """
    now = utcnow() if at is None else at
    bid = batch.id
    conn.execute(
        dialect_insert(conn, rules_versions)
        .values(content_hash=batch.rules_hash, text=rules_text)
        .on_conflict_do_nothing()
    )
    try:
        conn.execute(
            batches.insert().values(
                id=bid,
                profile_id=batch.profile_id,
                run_date=batch.run_date,
                mode=batch.mode,
                rules_hash=batch.rules_hash,
                rules_path=batch.rules_path,
                created_at=as_utc(batch.created_at) if batch.created_at else now,
            )
        )
    except IntegrityError:
        raise RunRefused(
            f"a live batch of profile {batch.profile_id!r} on {batch.run_date.isoformat()} "
            f"(or with id {bid!r}) is already stored"
        ) from None
    write_statements(conn, batch, pay_links or {})
    _write_children(conn, batch)
    _write_traces(conn, batch)
    _write_changes(conn, batch)
    _apply_changes(conn, batch)
    conn.execute(
        update(profiles)
        .where(profiles.c.id == batch.profile_id)
        .values(latest_live_date=batch.run_date, latest_batch_id=bid)
    )


def _write_children(conn: Connection, batch: BatchResult) -> None:
    bid = batch.id
    insert_rows(
        conn,
        batch_pre_collections,
        ("batch_id", "seq", "encounter_id"),
        ((bid, i, e) for i, e in enumerate(batch.pre_collections)),
    )
    insert_rows(
        conn,
        batch_skips,
        ("batch_id", "seq", "encounter_id", "guarantor_id", "reason"),
        ((bid, i, s.encounter_id, s.guarantor_id, s.reason) for i, s in enumerate(batch.skips)),
    )
    insert_rows(
        conn,
        batch_reviewed_payments,
        ("batch_id", "seq", "payment_id"),
        ((bid, i, p) for i, p in enumerate(batch.reviewed_payment_ids)),
    )


def _write_changes(conn: Connection, batch: BatchResult) -> None:
    """One row per changed encounter: what the batch made of it and, in the ``before_``
    columns, what it was. A change that does not carry its encounter's before-state (a
    batch built by hand) has it read from the ledger; the worklist marks, which a run does
    not read, come from the ledger for every change (a read of only the marked encounters)."""
    if not batch.changes:
        return
    bid = batch.id
    marks = _worklist_marks(conn)
    unknown = [c.encounter_id for c in batch.changes if c.before is None]
    read = _before_state(conn, unknown) if unknown else {}
    c = batch_changes.c
    # Rows in the driver's form (a million changes in a large run): each date converted
    # once per distinct value.
    day = Processed(c.first_statement, conn.dialect)
    unmarked = (None, None)

    def rows() -> Iterator[tuple[Any, ...]]:
        for i, change in enumerate(batch.changes):
            eid = change.encounter_id
            e = change.before
            if e is not None:
                before: tuple[Any, ...] = (
                    e.level,
                    e.status,
                    day[e.first_statement],
                    day[e.last_statement],
                    e.statements_sent,
                )
            else:
                level, status, first, last, sent = read.get(eid, _NOT_IN_LEDGER)
                before = (level, status, day[first], day[last], sent)
            mark = marks.get(eid)
            yield (
                bid,
                i,
                eid,
                change.level,
                change.status,
                day[change.first_statement],
                day[change.last_statement],
                change.statements_sent,
                *before,
                *(unmarked if mark is None else (mark[0], day[mark[1]])),
            )

    insert_rows(conn, batch_changes, _CHANGE_COLUMNS, rows(), ready=True)


_CHANGE_COLUMNS = (
    "batch_id",
    "seq",
    "encounter_id",
    "level",
    "status",
    "first_statement",
    "last_statement",
    "statements_sent",
    "before_level",
    "before_status",
    "before_first_statement",
    "before_last_statement",
    "before_statements_sent",
    "before_worklist_batch_id",
    "before_worklist_since",
)
#: A change of an encounter the ledger does not have: nothing to put back (the update of
#: the ledger touches no row for it either).
_NOT_IN_LEDGER = (None, None, None, None, None)


def _worklist_marks(conn: Connection) -> dict[str, tuple[Any, Any]]:
    """Encounter id -> (worklist_batch_id, worklist_since) of every encounter a live batch
    sent to the worklist (few, beside the ledger)."""
    e = encounters.c
    query = select(e.id, e.worklist_batch_id, e.worklist_since).where(
        or_(e.worklist_batch_id.is_not(None), e.worklist_since.is_not(None))
    )
    return {eid: (wb, since) for eid, wb, since in conn.execute(query)}


def _before_state(conn: Connection, ids: list[str]) -> dict[str, tuple[Any, ...]]:
    """Encounter id -> (level, status, first_statement, last_statement, statements_sent)
    as the ledger has them, for ``ids``."""
    e = encounters.c
    found: dict[str, tuple[Any, ...]] = {}
    for start in range(0, len(ids), _IN_LIMIT):
        query = select(
            e.id, e.level, e.status, e.first_statement, e.last_statement, e.statements_sent
        ).where(e.id.in_(ids[start : start + _IN_LIMIT]))
        for eid, *rest in conn.execute(query):
            found[eid] = tuple(rest)
    return found


def _write_traces(conn: Connection, batch: BatchResult) -> None:
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


def _apply_changes(conn: Connection, batch: BatchResult) -> None:
    """Update encounters, worklist marks and payments from the rows just written."""
    bid = batch.id
    ch = batch_changes.c
    if batch.changes:
        conn.execute(
            update(encounters)
            .where(encounters.c.id == ch.encounter_id, ch.batch_id == bid)
            .values(
                level=ch.level,
                status=ch.status,
                first_statement=ch.first_statement,
                last_statement=ch.last_statement,
                statements_sent=ch.statements_sent,
                worklist_batch_id=case(
                    (ch.status == _PRE, encounters.c.worklist_batch_id), else_=null()
                ),
                worklist_since=case((ch.status == _PRE, encounters.c.worklist_since), else_=null()),
            )
        )
    if batch.pre_collections:
        sent = select(batch_pre_collections.c.encounter_id).where(
            batch_pre_collections.c.batch_id == bid
        )
        conn.execute(
            update(encounters)
            .where(encounters.c.id.in_(sent))
            .values(worklist_batch_id=bid, worklist_since=batch.run_date)
        )
    if batch.reviewed_payment_ids:
        rp = batch_reviewed_payments.c
        conn.execute(
            update(payments)
            .where(payments.c.id == rp.payment_id, rp.batch_id == bid)
            .values(reviewed_batch=bid)
        )


# -- reading ------------------------------------------------------------------------------


def read_batch(
    conn: Connection, batch_id: str, guarantor_id: str | None = None
) -> BatchResult | None:
    """A stored batch with ``replayed=True``, None when there is none; without its
    notifications, which are the queue's
    (:func:`rulesengine.queue.notification_reads.with_notifications`).

    With ``guarantor_id``, only what concerns that guarantor (their statements, traces,
    skips and worklist additions; no changes or reviewed payments): enough to explain them,
    read through the guarantor indexes instead of the whole batch."""
    head = conn.execute(select(batches).where(batches.c.id == batch_id)).mappings().first()
    if head is None:
        return None
    traces, guarantor_of = read_traces(
        conn, batch_id, None if guarantor_id is None else [guarantor_id]
    )
    whole = guarantor_id is None
    skips = select(batch_skips.c.encounter_id, batch_skips.c.guarantor_id, batch_skips.c.reason)
    if not whole:
        skips = skips.where(batch_skips.c.guarantor_id == guarantor_id)
    return BatchResult(
        id=head["id"],
        profile_id=head["profile_id"],
        run_date=head["run_date"],
        mode=head["mode"],
        rules_hash=head["rules_hash"],
        rules_path=head["rules_path"],
        statements=read_statements(conn, batch_id, guarantor_id),
        pre_collections=_read_pre_collections(conn, batch_id, None if whole else guarantor_of),
        skips=tuple(
            Skip(*row)
            for row in conn.execute(
                skips.where(batch_skips.c.batch_id == batch_id).order_by(batch_skips.c.seq)
            )
        ),
        changes=_read_changes(conn, batch_id) if whole else (),
        reviewed_payment_ids=tuple(
            conn.execute(
                select(batch_reviewed_payments.c.payment_id)
                .where(batch_reviewed_payments.c.batch_id == batch_id)
                .order_by(batch_reviewed_payments.c.seq)
            ).scalars()
        )
        if whole
        else (),
        traces=traces,
        guarantor_of=guarantor_of,
        notifications=(),
        created_at=from_db_instant(head["created_at"]),
        replayed=True,
    )


def _read_pre_collections(
    conn: Connection, batch_id: str, among: Mapping[str, str] | None
) -> tuple[str, ...]:
    """The encounters the batch added to the worklist, in order; with ``among`` (a
    guarantor's encounters), only those, picked by the database rather than by reading
    the whole batch's list here (up to :data:`_IN_LIMIT` of them in one ``IN``)."""
    pc = batch_pre_collections.c
    query = select(pc.encounter_id).where(pc.batch_id == batch_id).order_by(pc.seq)
    if among is None:
        return tuple(conn.execute(query).scalars())
    if not among:
        return ()
    if len(among) <= _IN_LIMIT:
        query = query.where(pc.encounter_id.in_(sorted(among)))
    return tuple(e for e in conn.execute(query).scalars() if e in among)


#: The most values :func:`_read_pre_collections` puts in one ``IN`` (far below SQLite's
#: limit on bound parameters).
_IN_LIMIT = 500


def _read_changes(conn: Connection, batch_id: str) -> tuple[EncounterChange, ...]:
    c = batch_changes.c
    query = (
        select(
            c.encounter_id,
            c.level,
            c.status,
            c.first_statement,
            c.last_statement,
            c.statements_sent,
        )
        .where(c.batch_id == batch_id)
        .order_by(c.seq)
    )
    return tuple(EncounterChange(*row) for row in conn.execute(query))


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
