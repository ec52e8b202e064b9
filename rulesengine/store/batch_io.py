"""Writing a live batch and everything it decided, and reading it back whole.

Everything is set-based where it can be: the batch's children are inserted executemany-style,
and the ledger is then updated from them with one ``UPDATE ... FROM`` per kind of change, so
a batch touching a million encounters costs a handful of statements, not a million.
"""

from __future__ import annotations

import datetime as dt
import json
from collections.abc import Iterator, Mapping
from typing import Any

from sqlalchemy import Connection, case, null, select, update
from sqlalchemy.exc import IntegrityError

from rulesengine.errors import RunRefused
from rulesengine.model import (
    BatchResult,
    EncounterChange,
    Skip,
    Statement,
    TraceStep,
)
from rulesengine.store.rows import (
    STATEMENT_COLUMNS,
    as_utc,
    dumps,
    from_db_instant,
    recipient_json,
    statement_from_row,
    utcnow,
)
from rulesengine.store.migration_v6 import lines_json
from rulesengine.store.sqlutil import dialect_insert, insert_rows
from rulesengine.store.tables import (
    batch_changes,
    batch_encounters_before,
    batch_pre_collections,
    batch_reviewed_payments,
    batch_skips,
    batch_traces,
    batches,
    encounters,
    payments,
    profiles,
    rules_versions,
    statements,
)

__all__ = ["read_batch", "write_batch"]

_PRE = "pre_collections"


def write_batch(
    conn: Connection, batch: BatchResult, rules_text: str, at: dt.datetime | None = None
) -> None:
    """Record a live batch and apply its changes to the ledger (its notifications are the
    queue's: :func:`rulesengine.queue.batch_upload.upload_batch`, in the same transaction).

    Before the changes are applied, each changed encounter's fields are kept
    (``batch_encounters_before``), so the batch can be deleted exactly. ``at``: when it is
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
    _write_statements(conn, batch)
    _write_children(conn, batch)
    _keep_before_state(conn, batch)
    _apply_changes(conn, batch)
    conn.execute(
        update(profiles)
        .where(profiles.c.id == batch.profile_id)
        .values(latest_live_date=batch.run_date, latest_batch_id=bid)
    )


def _write_statements(conn: Connection, batch: BatchResult) -> None:
    """The batch's statements, each with its lines (``lines_json``) and its guarantor as the
    run saw them (``recipient_json``, from ``batch.recipients``; NULL for a statement whose
    guarantor the batch does not carry, whose notifications then keep their content)."""
    bid = batch.id
    # A batch's statements share a few groupings and channel lists: encode each once.
    encoded: dict[tuple[Any, ...], str] = {}

    def json_of(value: tuple[Any, ...]) -> str:
        found = encoded.get(value)
        if found is None:
            if len(encoded) >= 65_536:  # bounded: a grouping by patient is one per statement
                encoded.clear()
            found = encoded[value] = dumps(value)
        return found

    recipients = batch.recipients
    recipient_of: dict[str, str | None] = {}

    def recipient(guarantor_id: str) -> str | None:
        found = recipient_of.get(guarantor_id, _UNSEEN)
        if found is _UNSEEN:
            guarantor = recipients.get(guarantor_id)
            found = recipient_of[guarantor_id] = (
                None if guarantor is None else recipient_json(guarantor)
            )
        return found

    insert_rows(
        conn,
        statements,
        (
            "id",
            "batch_id",
            "seq",
            "guarantor_id",
            "patient_id",
            "group_json",
            "level",
            "message_id",
            "channels_json",
            "total_cents",
            "due_date",
            "lines_json",
            "recipient_json",
        ),
        (
            (
                s.id,
                bid,
                seq,
                s.guarantor_id,
                s.patient_id,
                json_of(s.group),
                s.level,
                s.message_id,
                json_of(s.channels),
                s.total_cents,
                s.due_date,
                lines_json(
                    [
                        (
                            line.encounter_id,
                            line.patient_id,
                            line.service_date,
                            line.balance_cents,
                            line.level,
                            line.rider,
                        )
                        for line in s.lines
                    ]
                ),
                recipient(s.guarantor_id),
            )
            for seq, s in enumerate(batch.statements)
        ),
    )


#: Not looked up yet (None is a guarantor the batch does not carry).
_UNSEEN: Any = object()


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
        batch_traces,
        ("batch_id", "seq", "encounter_id", "guarantor_id", "steps_json"),
        _trace_rows(batch),
    )
    insert_rows(
        conn,
        batch_changes,
        (
            "batch_id",
            "seq",
            "encounter_id",
            "level",
            "status",
            "first_statement",
            "last_statement",
            "statements_sent",
        ),
        (
            (
                bid,
                i,
                c.encounter_id,
                c.level,
                c.status,
                c.first_statement,
                c.last_statement,
                c.statements_sent,
            )
            for i, c in enumerate(batch.changes)
        ),
    )
    insert_rows(
        conn,
        batch_reviewed_payments,
        ("batch_id", "seq", "payment_id"),
        ((bid, i, p) for i, p in enumerate(batch.reviewed_payment_ids)),
    )


def _keep_before_state(conn: Connection, batch: BatchResult) -> None:
    """Copy the fields the batch is about to change of every encounter in its changes
    (one ``INSERT ... SELECT``; the worklist entries are among the changes)."""
    if not batch.changes:
        return
    ch, e = batch_changes.c, encounters.c
    conn.execute(
        batch_encounters_before.insert().from_select(
            [c.name for c in batch_encounters_before.c],
            select(
                ch.batch_id,
                ch.seq,
                e.id,
                e.level,
                e.status,
                e.first_statement,
                e.last_statement,
                e.statements_sent,
                e.worklist_batch_id,
                e.worklist_since,
            )
            .join_from(batch_changes, encounters, e.id == ch.encounter_id)
            .where(ch.batch_id == batch.id)
            .order_by(ch.seq),
        )
    )


def _trace_rows(batch: BatchResult) -> Iterator[tuple[Any, ...]]:
    """One row per encounter looked at or traced; guarantor_id is set iff looked at."""
    bid = batch.id
    traces = batch.traces
    guarantor_of = batch.guarantor_of
    steps_json = _StepsJSON()
    seq = 0
    for eid, gid in guarantor_of.items():
        steps = traces.get(eid)
        yield (bid, seq, eid, gid, None if steps is None else steps_json(steps))
        seq += 1
    for eid, steps in traces.items():
        if eid not in guarantor_of:
            yield (bid, seq, eid, None, steps_json(steps))
            seq += 1


class _StepsJSON:
    """A trace as JSON (a list of ``[step, outcome, detail, rule]``). Encounters with the
    same reasoning share step objects, so each step is encoded once per batch."""

    def __init__(self) -> None:
        self.encoded: dict[int, tuple[TraceStep, str]] = {}

    def __call__(self, steps: Any) -> str:
        parts = []
        for step in steps:
            found = self.encoded.get(id(step))
            if found is None or found[0] is not step:
                if len(self.encoded) >= 65_536:  # bounded: most steps are shared by many
                    self.encoded.clear()
                found = self.encoded[id(step)] = (
                    step,
                    dumps([step.step, step.outcome, step.detail, step.rule]),
                )
            parts.append(found[1])
        return f"[{','.join(parts)}]"


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
    traces, guarantor_of = _read_traces(conn, batch_id, guarantor_id)
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
        statements=_read_statements(conn, batch_id, guarantor_id),
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


def _read_statements(
    conn: Connection, batch_id: str, guarantor_id: str | None = None
) -> tuple[Statement, ...]:
    """The batch's statements in order (only ``guarantor_id``'s when given), with their lines."""
    s = statements.c
    query = select(*STATEMENT_COLUMNS).where(s.batch_id == batch_id).order_by(s.seq)
    if guarantor_id is not None:
        query = query.where(s.guarantor_id == guarantor_id)
    return tuple(statement_from_row(row) for row in conn.execute(query))


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


def _read_traces(
    conn: Connection, batch_id: str, guarantor_id: str | None = None
) -> tuple[dict[str, tuple[TraceStep, ...]], dict[str, str]]:
    t = batch_traces.c
    traces: dict[str, tuple[TraceStep, ...]] = {}
    guarantor_of: dict[str, str] = {}
    query = (
        select(t.encounter_id, t.guarantor_id, t.steps_json)
        .where(t.batch_id == batch_id)
        .order_by(t.seq)
    )
    if guarantor_id is not None:
        query = query.where(t.guarantor_id == guarantor_id)
    for eid, gid, steps in conn.execute(query):
        if gid is not None:
            guarantor_of[eid] = gid
        if steps is not None:
            traces[eid] = tuple(TraceStep(*step) for step in json.loads(steps))
    return traces, guarantor_of
