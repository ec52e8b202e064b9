"""Writing a live batch and everything it decided, and reading it back whole.

Everything is set-based where it can be: the batch's children are inserted executemany-style,
and the ledger is then updated from them with one ``UPDATE ... FROM`` per kind of change, so
a batch touching a million encounters costs a handful of statements, not a million.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterator, Mapping
from typing import Any

from sqlalchemy import Connection, and_, case, not_, null, or_, select, update
from sqlalchemy.exc import IntegrityError

from rulesengine.errors import RunRefused
from rulesengine.model import (
    BatchResult,
    EncounterChange,
    Skip,
)
from rulesengine.store.rows import (
    as_utc,
    from_db_instant,
    utcnow,
)
from rulesengine.store.sqlutil import Processed, dialect_insert, insert_rows
from rulesengine.store.statement_storage import read_statements, write_statements
from rulesengine.store.tables import (
    batch_changes,
    batch_pre_collections,
    batch_reviewed_payments,
    batch_skips,
    batches,
    encounters,
    payments,
    profiles,
    rules_versions,
)
from rulesengine.store.trace_storage import read_traces, write_traces

__all__ = ["read_batch", "write_batch"]

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
    write_traces(conn, batch)
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


def _apply_changes(conn: Connection, batch: BatchResult) -> None:
    """Update encounters, worklist marks and payments from the rows just written.

    Most changes leave an encounter's status and worklist marks as they are (a statement
    sent, a level up), so those are applied apart, setting only the columns that change:
    the worklist index, which holds the status, is then left alone for them instead of
    each of its entries being rewritten (at a million changes, a third of the update).
    """
    bid = batch.id
    ch = batch_changes.c
    e = encounters.c
    if batch.changes:
        of_batch = (e.id == ch.encounter_id, ch.batch_id == bid)
        marks_stay = and_(
            e.status == ch.status,
            or_(ch.status == _PRE, and_(e.worklist_batch_id.is_(None), e.worklist_since.is_(None))),
        )
        counters = {
            "level": ch.level,
            "first_statement": ch.first_statement,
            "last_statement": ch.last_statement,
            "statements_sent": ch.statements_sent,
        }
        conn.execute(update(encounters).where(*of_batch, marks_stay).values(**counters))
        conn.execute(
            update(encounters)
            .where(*of_batch, not_(marks_stay))
            .values(
                **counters,
                status=ch.status,
                worklist_batch_id=case((ch.status == _PRE, e.worklist_batch_id), else_=null()),
                worklist_since=case((ch.status == _PRE, e.worklist_since), else_=null()),
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
