"""The store's part of deleting a live batch (``rulesengine batch delete``), and listing
batches with the deleted.

A deletion is one transaction holding the profile's run lock (as a live run does),
orchestrated by :func:`rulesengine.statements.deletion.delete_batch`: the store finds the
batch and checks it may go (:func:`find_deletable`, :func:`check_before_state`), the queue
does what the deletion means for notifications (:mod:`rulesengine.queue.batch_withdrawal`),
then the store puts back every field the batch changed from what the ``before_`` columns
of ``batch_changes`` kept, returns the payments it reviewed to unreviewed, removes the
batch and everything it wrote, and appends the audit record to ``batch_deletions``
(:func:`remove_batch`). So a killed process leaves the store before or after, never
between, and the store is then what it was before the run, the audit record aside.
"""

from __future__ import annotations

import datetime as dt
import json
from collections.abc import Mapping
from typing import Any

import attrs
from sqlalchemy import Connection, RowMapping, delete, func, select, update

from rulesengine.errors import DeleteRefused
from rulesengine.store.rows import as_utc, dumps, from_db_instant
from rulesengine.store.tables import (
    batch_changes,
    batch_deletions,
    batch_guarantor_traces,
    batch_pre_collections,
    batch_reviewed_payments,
    batch_skips,
    batch_trace_steps,
    batches,
    encounters,
    notifications,
    payments,
    profiles,
    statements,
)

__all__ = [
    "BatchDeletion",
    "BatchRecord",
    "batch_records",
    "check_before_state",
    "find_deletable",
    "remove_batch",
]


@attrs.frozen
class BatchDeletion:
    """What deleting a batch did (:func:`~rulesengine.statements.deletion.delete_batch`):
    the audit record's facts and the notifications it put back to ``scheduled`` (ids,
    ascending)."""

    batch_id: str
    profile_id: str
    run_date: dt.date
    rules_hash: str
    deleted_at: dt.datetime
    statements: int
    notifications: dict[str, int]
    restored: tuple[int, ...]
    encounters: int = 0


@attrs.frozen
class BatchRecord:
    """One row of ``rulesengine batches``: a live batch, or the audit record of a deleted
    one (``deleted_at`` set; ``notifications`` then counts them as they were deleted)."""

    id: str
    profile_id: str
    run_date: dt.date
    mode: str
    rules_hash: str
    created_at: dt.datetime | None
    statements: int
    notifications: dict[str, int]
    deleted_at: dt.datetime | None = None

    @property
    def deleted(self) -> bool:
        return self.deleted_at is not None


def find_deletable(conn: Connection, batch_id: str) -> RowMapping:
    """The ``batches`` row of ``batch_id`` with its profile's run lock held; raises
    :class:`DeleteRefused` when there is no such batch or it is not its profile's latest
    live batch."""
    b = batches.c
    head = conn.execute(select(batches).where(b.id == batch_id)).mappings().first()
    if head is None:
        raise DeleteRefused(_not_found(conn, batch_id))
    profile_id = head["profile_id"]
    _lock_profile(conn, profile_id)
    latest = conn.execute(
        select(b.id, b.run_date)
        .where(b.profile_id == profile_id, b.mode == "live")
        .order_by(b.run_date.desc())
        .limit(1)
    ).first()
    if latest is not None and latest[0] != batch_id:
        raise DeleteRefused(
            f"batch {batch_id} is not the latest live batch of profile {profile_id!r}:"
            f" {latest[0]} (run on {latest[1].isoformat()}) came after it. Only the latest"
            " live batch can be deleted; delete the later ones first, newest first. Nothing"
            " changed."
        )
    return head


def remove_batch(
    conn: Connection,
    head: RowMapping,
    at: dt.datetime,
    statuses: Mapping[str, int],
    restored: tuple[int, ...],
) -> BatchDeletion:
    """Put back what batch ``head`` (from :func:`find_deletable`) changed, remove it and
    append its audit record, which counts its notifications by status (``statuses``) and
    those put back to ``scheduled`` (``restored``)."""
    batch_id, profile_id = head["id"], head["profile_id"]
    b = batches.c
    changed = _restore_encounters(conn, batch_id)
    conn.execute(
        update(payments).where(payments.c.reviewed_batch == batch_id).values(reviewed_batch=None)
    )
    statement_count = _remove_batch(conn, batch_id)
    previous = conn.execute(
        select(b.id, b.run_date)
        .where(b.profile_id == profile_id, b.mode == "live")
        .order_by(b.run_date.desc())
        .limit(1)
    ).first()
    conn.execute(
        update(profiles)
        .where(profiles.c.id == profile_id)
        .values(
            latest_live_date=None if previous is None else previous[1],
            latest_batch_id=None if previous is None else previous[0],
        )
    )
    at_utc = as_utc(at)
    conn.execute(
        batch_deletions.insert().values(
            batch_id=batch_id,
            profile_id=profile_id,
            run_date=head["run_date"],
            mode=head["mode"],
            rules_hash=head["rules_hash"],
            rules_path=head["rules_path"],
            created_at=head["created_at"],
            deleted_at=at_utc,
            statements=statement_count,
            notifications_json=dumps(dict(sorted(statuses.items()))),
            restored=len(restored),
        )
    )
    return BatchDeletion(
        batch_id=batch_id,
        profile_id=profile_id,
        run_date=head["run_date"],
        rules_hash=head["rules_hash"],
        deleted_at=at_utc,
        statements=statement_count,
        notifications=dict(sorted(statuses.items())),
        restored=restored,
        encounters=changed,
    )


def _not_found(conn: Connection, batch_id: str) -> str:
    d = batch_deletions.c
    gone = conn.execute(
        select(d.deleted_at).where(d.batch_id == batch_id).order_by(d.id.desc()).limit(1)
    ).scalar()
    if gone is not None:
        when = from_db_instant(gone)
        shown = when.isoformat(timespec="seconds") if when else "earlier"
        return f"batch {batch_id} was already deleted ({shown}); nothing changed"
    return f"no batch {batch_id!r} in the store; 'rulesengine batches' lists them. Nothing changed."


def _lock_profile(conn: Connection, profile_id: str) -> None:
    """The profile's run lock (SQLite: the caller's ``BEGIN IMMEDIATE`` already holds it),
    so no live run of the profile interleaves with the deletion."""
    conn.execute(select(profiles.c.id).where(profiles.c.id == profile_id).with_for_update()).first()


def check_before_state(conn: Connection, batch_id: str) -> None:
    """Refused for a batch that changed encounters but kept no before-state (written before
    schema version 3): it could not be put back exactly."""
    ch = batch_changes.c
    unkept = conn.execute(
        select(ch.seq).where(ch.batch_id == batch_id, ch.before_level.is_(None)).limit(1)
    ).first()
    if unkept is not None:
        raise DeleteRefused(
            f"batch {batch_id} was run by an earlier version of rulesengine, which did not"
            " keep the encounters' state from before the run, so it cannot be put back"
            " exactly. Nothing changed."
        )


def _restore_encounters(conn: Connection, batch_id: str) -> int:
    """Every field the batch wrote, back to what it was (one ``UPDATE ... FROM``)."""
    ch = batch_changes.c
    result = conn.execute(
        update(encounters)
        .where(encounters.c.id == ch.encounter_id, ch.batch_id == batch_id)
        .values(
            level=ch.before_level,
            status=ch.before_status,
            first_statement=ch.before_first_statement,
            last_statement=ch.before_last_statement,
            statements_sent=ch.before_statements_sent,
            worklist_batch_id=ch.before_worklist_batch_id,
            worklist_since=ch.before_worklist_since,
        )
    )
    return int(result.rowcount or 0)


def _remove_batch(conn: Connection, batch_id: str) -> int:
    """Remove the batch's statements and every other row it wrote (its notifications are
    gone already: :func:`rulesengine.queue.batch_withdrawal.withdraw_notifications`);
    returns how many statements it had."""
    s = statements.c
    count = conn.execute(
        select(func.count()).select_from(statements).where(s.batch_id == batch_id)
    ).scalar_one()
    conn.execute(delete(statements).where(s.batch_id == batch_id))
    for table in (
        batch_pre_collections,
        batch_skips,
        batch_guarantor_traces,
        batch_trace_steps,
        batch_changes,
        batch_reviewed_payments,
    ):
        conn.execute(delete(table).where(table.c.batch_id == batch_id))
    conn.execute(delete(batches).where(batches.c.id == batch_id))
    return int(count)


# -- listing --------------------------------------------------------------------------------


def batch_records(conn: Connection, profile_id: str | None = None) -> list[BatchRecord]:
    """Every live batch and every deleted one's audit record, by profile, date and time."""
    b, n = batches.c, notifications.c
    statement_count = (
        select(func.count())
        .select_from(statements)
        .where(statements.c.batch_id == b.id)
        .scalar_subquery()
    )
    query = select(
        b.id, b.profile_id, b.run_date, b.mode, b.rules_hash, b.created_at, statement_count
    )
    if profile_id is not None:
        query = query.where(b.profile_id == profile_id)
    heads = conn.execute(query).all()
    counts: dict[str, dict[str, int]] = {}
    if heads:
        status_query = (
            select(n.batch_id, n.status, func.count())
            .where(n.kind == "batch", n.batch_id.is_not(None))
            .group_by(n.batch_id, n.status)
        )
        if profile_id is not None:
            status_query = status_query.where(n.profile_id == profile_id)
        for bid, status, count in conn.execute(status_query):
            counts.setdefault(bid, {})[status] = int(count)
    records = [
        BatchRecord(
            id=bid,
            profile_id=pid,
            run_date=run_date,
            mode=mode,
            rules_hash=rules_hash,
            created_at=from_db_instant(created),
            statements=int(count),
            notifications=dict(sorted(counts.get(bid, {}).items())),
        )
        for bid, pid, run_date, mode, rules_hash, created, count in heads
    ]
    d = batch_deletions.c
    audit: Any = select(
        d.batch_id,
        d.profile_id,
        d.run_date,
        d.mode,
        d.rules_hash,
        d.created_at,
        d.statements,
        d.notifications_json,
        d.deleted_at,
    )
    if profile_id is not None:
        audit = audit.where(d.profile_id == profile_id)
    row: Any
    for row in conn.execute(audit):
        bid, pid, run_date, mode, rules_hash, created, count, noted, deleted = row
        records.append(
            BatchRecord(
                id=bid,
                profile_id=pid,
                run_date=run_date,
                mode=mode,
                rules_hash=rules_hash,
                created_at=from_db_instant(created),
                statements=int(count),
                notifications=json.loads(noted),
                deleted_at=from_db_instant(deleted),
            )
        )
    far = dt.datetime.max.replace(tzinfo=dt.UTC)
    return sorted(
        records,
        key=lambda r: (r.profile_id, r.run_date, r.created_at or far, r.deleted_at or far),
    )
