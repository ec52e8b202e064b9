"""Deleting a live batch (``rulesengine batch delete``) and listing batches with the deleted.

A deletion is one transaction holding the profile's run lock (as a live run does): it checks
that the batch may go, puts back every field the batch changed from what
``batch_encounters_before`` kept, returns the payments it reviewed to unreviewed and the
notifications it superseded to ``scheduled`` (their ``superseded`` history entry removed),
removes the batch and everything it wrote, and appends the audit record to
``batch_deletions``. So a killed process leaves the store before or after, never between,
and the store is then what it was before the run, the audit record aside.
"""

from __future__ import annotations

import datetime as dt
import json
from collections import Counter
from collections.abc import Sequence
from typing import Any

import attrs
from sqlalchemy import Connection, delete, func, select, update

from rulesengine.errors import DeleteRefused
from rulesengine.store.queue_io import superseded_detail
from rulesengine.store.rows import as_utc, dumps, from_db_instant
from rulesengine.store.tables import (
    batch_changes,
    batch_deletions,
    batch_encounters_before,
    batch_pre_collections,
    batch_reviewed_payments,
    batch_skips,
    batch_traces,
    batches,
    encounters,
    notification_history,
    notifications,
    payments,
    profiles,
    statement_lines,
    statements,
)

__all__ = ["BatchDeletion", "BatchRecord", "batch_records", "delete_batch", "handed_over"]

_IN_CHUNK = 500


@attrs.frozen
class BatchDeletion:
    """What :func:`delete_batch` did: the audit record's facts and the notifications it put
    back to ``scheduled`` (ids, ascending)."""

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


def handed_over(status: str, attempt: int, handed_at: Any) -> bool:
    """Whether a notification has been handed to a channel (or may be at any instant).

    A worker's claim counts the attempt (``attempt`` + 1) and moves it to ``sending``;
    right before the call it stamps ``handed_at``. A claim given back before its hand-over
    (its lease ran out, or the worker lost the database) returns its attempt. So a
    notification has been handed to a channel when it is ``sending``, or ``handed_at`` is
    set, or ``attempt`` > 0: ``sent``, ``unknown``, ``error``, a retry waiting in
    ``scheduled``, and ``canceled`` or ``suppressed`` after an attempt all are.
    """
    return status == "sending" or handed_at is not None or attempt > 0


def delete_batch(conn: Connection, batch_id: str, at: dt.datetime) -> BatchDeletion:
    """Delete live batch ``batch_id`` (module docstring), or raise :class:`DeleteRefused`
    having changed nothing. ``conn`` is in a write transaction; the caller commits."""
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
    statuses = _check_notifications(conn, batch_id)
    _check_on_demand(conn, batch_id, profile_id)
    _check_before_state(conn, batch_id)
    restored = _restore_superseded(conn, batch_id, at)
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


def _check_notifications(conn: Connection, batch_id: str) -> Counter[str]:
    """The batch's notifications per status, locked; refused when any was handed over."""
    n = notifications.c
    rows = conn.execute(
        select(n.id, n.status, n.attempt, n.handed_at)
        .where(n.batch_id == batch_id, n.kind == "batch")
        .order_by(n.id)
        .with_for_update()
    ).all()
    handed = [row for row in rows if handed_over(row[1], row[2], row[3])]
    if handed:
        by_status = Counter(row[1] for row in handed)
        shown = ", ".join(f"{count} {status}" for status, count in sorted(by_status.items()))
        ids = ", ".join(str(row[0]) for row in handed[:10]) + (
            f" and {len(handed) - 10} more" if len(handed) > 10 else ""
        )
        raise DeleteRefused(
            f"batch {batch_id} cannot be deleted: {len(handed)} of its notifications"
            f" {'has' if len(handed) == 1 else 'have'} been handed to a channel ({shown};"
            f" notification {ids}) and may have reached guarantors. A batch can only be"
            " deleted while none of its notifications has gone out; see them with"
            f" 'rulesengine queue --batch {batch_id}'. Nothing changed."
        )
    return Counter(row[1] for row in rows)


def _check_on_demand(conn: Connection, batch_id: str, profile_id: str) -> None:
    """Refused when an on-demand notification was rendered from one of its statements: its
    pay link and its pre-send check refer to that statement."""
    n = notifications.c
    query = select(n.id, n.context_json).where(n.kind == "on_demand", n.profile_id == profile_id)
    prefix = f"{batch_id}-"
    found = []
    for nid, context in conn.execute(query):
        statement = (json.loads(context).get("statement") or {}).get("id")
        if isinstance(statement, str) and statement.startswith(prefix):
            if conn.execute(
                select(statements.c.id).where(
                    statements.c.id == statement, statements.c.batch_id == batch_id
                )
            ).first():
                found.append(nid)
    if found:
        ids = ", ".join(map(str, found))
        raise DeleteRefused(
            f"batch {batch_id} cannot be deleted: on-demand notification {ids} was made from"
            " its statements after the run (its pay link and pre-send check refer to them)."
            " Nothing changed."
        )


def _check_before_state(conn: Connection, batch_id: str) -> None:
    """Refused for a batch that changed encounters but kept no before-state (written before
    schema version 3): it could not be put back exactly."""
    changes = conn.execute(
        select(func.count()).select_from(batch_changes).where(batch_changes.c.batch_id == batch_id)
    ).scalar_one()
    kept = conn.execute(
        select(func.count())
        .select_from(batch_encounters_before)
        .where(batch_encounters_before.c.batch_id == batch_id)
    ).scalar_one()
    if changes != kept:
        raise DeleteRefused(
            f"batch {batch_id} was run by an earlier version of rulesengine, which did not"
            " keep the encounters' state from before the run, so it cannot be put back"
            " exactly. Nothing changed."
        )


def _restore_superseded(conn: Connection, batch_id: str, at: dt.datetime) -> tuple[int, ...]:
    """The notifications the batch superseded go back to ``scheduled``, their schedule as it
    was, and lose the history entry that said so."""
    n, h = notifications.c, notification_history.c
    ids = tuple(
        conn.execute(
            select(n.id)
            .where(n.superseded_by == batch_id, n.status == "superseded")
            .order_by(n.id)
            .with_for_update()
        ).scalars()
    )
    detail = superseded_detail(batch_id)
    for chunk in _chunks(ids):
        conn.execute(
            delete(notification_history).where(
                h.notification_id.in_(chunk),
                h.new_status == "superseded",
                h.detail == detail,
            )
        )
        conn.execute(
            update(notifications)
            .where(n.id.in_(chunk))
            .values(status="scheduled", superseded_by=None, updated_at=as_utc(at))
        )
    return ids


def _restore_encounters(conn: Connection, batch_id: str) -> int:
    """Every field the batch wrote, back to what it was (one ``UPDATE ... FROM``)."""
    before = batch_encounters_before.c
    result = conn.execute(
        update(encounters)
        .where(encounters.c.id == before.encounter_id, before.batch_id == batch_id)
        .values(
            level=before.level,
            status=before.status,
            first_statement=before.first_statement,
            last_statement=before.last_statement,
            statements_sent=before.statements_sent,
            worklist_batch_id=before.worklist_batch_id,
            worklist_since=before.worklist_since,
        )
    )
    return int(result.rowcount or 0)


def _remove_batch(conn: Connection, batch_id: str) -> int:
    """Remove the batch's notifications (with their history), statements and every other
    row it wrote; returns how many statements it had."""
    n, h = notifications.c, notification_history.c
    own = select(n.id).where(n.batch_id == batch_id, n.kind == "batch")
    conn.execute(delete(notification_history).where(h.notification_id.in_(own)))
    conn.execute(delete(notifications).where(n.batch_id == batch_id, n.kind == "batch"))
    s = statements.c
    count = conn.execute(
        select(func.count()).select_from(statements).where(s.batch_id == batch_id)
    ).scalar_one()
    conn.execute(
        delete(statement_lines).where(
            statement_lines.c.statement_id.in_(select(s.id).where(s.batch_id == batch_id))
        )
    )
    conn.execute(delete(statements).where(s.batch_id == batch_id))
    for table in (
        batch_pre_collections,
        batch_skips,
        batch_traces,
        batch_changes,
        batch_reviewed_payments,
        batch_encounters_before,
    ):
        conn.execute(delete(table).where(table.c.batch_id == batch_id))
    conn.execute(delete(batches).where(batches.c.id == batch_id))
    return int(count)


def _chunks(ids: Sequence[int]) -> list[Sequence[int]]:
    return [ids[start : start + _IN_CHUNK] for start in range(0, len(ids), _IN_CHUNK)]


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
