"""The notification queue's SQL: claiming, status changes with history, checks, leases.

Every function works on a connection inside the caller's transaction; the queue
(:mod:`rulesengine.queue`) decides what to do and when to commit (the claim's own reads are
in :mod:`rulesengine.queue.claim_sql`). Rows that are about to
change are read with ``SELECT ... FOR UPDATE`` (``SKIP LOCKED`` when claiming due work), so
on PostgreSQL several workers share the queue without handing one notification out twice;
on SQLite the caller's ``BEGIN IMMEDIATE`` serialises writers and the locking clauses are
not rendered.

Instants are bound as UTC (SQLite compares them as text) and read back as aware UTC.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable, Sequence
from typing import Any

from sqlalchemy import (
    Connection,
    bindparam,
    func,
    literal,
    or_,
    select,
    update,
)

from rulesengine.model import NEEDS_STAFF_STATUSES
from rulesengine.queue.notification_rows import Change, QueueRow, Transition
from rulesengine.queue.status_bulk_sql import expect_rows, guarded_update, write_changes_postgresql
from rulesengine.store.rows import as_utc
from rulesengine.store.tables import (
    IS_SENDING,
    notification_history,
    notifications,
)

__all__ = [
    "add_note",
    "change_status",
    "change_statuses",
    "expired_leases",
    "extend_leases",
    "last_detail",
    "last_details",
    "mark_handed",
    "notification_query",
    "postpone",
    "queue_rows",
    "rows_by_id",
    "scheduled_for",
    "status_counts",
]


def notification_query(
    *,
    newest_first: bool = False,
    after: int | None = None,
    **filters: str | Sequence[str] | None,
) -> Any:
    """Notifications matching every given filter (``profile_id``, ``batch_id``, ``status``,
    ``guarantor_id``, ``channel``, ``kind``; None: any), oldest first (``newest_first``:
    newest first), only those after id ``after`` in that order (keyset pagination).

    ``status`` may be several statuses (any matches), written as ``status = 'a' OR status
    = 'b'``. The status and the kind are written into the SQL as literals, so that the
    planner can use the partial indexes (a bound parameter does not match their
    predicates): ``error`` and ``unknown`` find their rows through
    ``ix_notifications_needs_staff``, proofs and on-demand ones through
    ``ix_notifications_other_kinds``, and on PostgreSQL ``sending`` through the lease index.
    With a batch and only statuses few are in (:data:`_FEW_STATUSES`), the batch is
    compared as ``batch_id || ''`` (no index answers it): the planner reads the few through
    their partial index instead of walking every notification of the batch for them.
    """
    n = notifications.c
    wanted = filters.get("status")
    few = bool(wanted) and set((wanted,) if isinstance(wanted, str) else wanted or ()) <= {
        *_FEW_STATUSES
    }
    query = select(notifications).order_by(n.id.desc() if newest_first else n.id)
    if after is not None:
        query = query.where(n.id < after if newest_first else n.id > after)
    for name, value in filters.items():
        if value is None:
            continue
        if name == "status":
            statuses = (value,) if isinstance(value, str) else tuple(value)
            query = query.where(
                or_(*(n.status == literal(one, literal_execute=True) for one in statuses))
            )
        elif name == "kind":
            query = query.where(n.kind == literal(value, literal_execute=True))
        elif name == "batch_id" and few:
            query = query.where(n.batch_id.concat("") == value)
        else:
            query = query.where(n[name] == value)
    return query


_IN_CHUNK = 500

#: The statuses few notifications are in: those staff settle, those being handed over.
_FEW_STATUSES = (*NEEDS_STAFF_STATUSES, "sending")


# -- reading rows --------------------------------------------------------------------------


def expired_leases(conn: Connection, now: dt.datetime) -> list[QueueRow]:
    """Lock and return ``sending`` notifications whose lease ran out at or before ``now``."""
    n = notifications.c
    query = (
        select(notifications)
        .where(IS_SENDING, n.lease_expires_at <= as_utc(now))
        .order_by(n.lease_expires_at, n.id)  # the index's order: SQLite scans it, not the table
        .with_for_update(skip_locked=True)
    )
    rows = [QueueRow.from_mapping(row) for row in conn.execute(query).mappings()]
    return sorted(rows, key=lambda row: row.id)


def rows_by_id(conn: Connection, ids: Iterable[int], *, lock: bool = True) -> dict[int, QueueRow]:
    """The notifications with these ids (missing ids are absent), locked for update."""
    found: dict[int, QueueRow] = {}
    wanted = sorted(set(ids))
    for start in range(0, len(wanted), _IN_CHUNK):
        query = select(notifications).where(
            notifications.c.id.in_(wanted[start : start + _IN_CHUNK])
        )
        if lock:
            query = query.with_for_update()
        for row in conn.execute(query).mappings():
            found[row["id"]] = QueueRow.from_mapping(row)
    return found


def scheduled_for(conn: Connection, guarantor_id: str, channel: str) -> list[QueueRow]:
    """A guarantor's still-scheduled notifications on a channel (proofs excluded), locked."""
    n = notifications.c
    query = (
        select(notifications)
        .where(
            n.guarantor_id == guarantor_id,
            n.channel == channel,
            n.status == "scheduled",
            n.kind != "proof",
        )
        .order_by(n.id)
        .with_for_update()
    )
    return [QueueRow.from_mapping(row) for row in conn.execute(query).mappings()]


def queue_rows(
    conn: Connection,
    *,
    profile_id: str | None = None,
    batch_id: str | None = None,
    status: str | Sequence[str] | None = None,
    guarantor_id: str | None = None,
    channel: str | None = None,
    kind: str | None = None,
    limit: int | None = None,
    newest_first: bool = False,
    after: int | None = None,
) -> list[QueueRow]:
    """Notifications matching every given filter, oldest (or newest) first, after id
    ``after`` in that order (the status as a literal, for the partial indexes:
    :func:`notification_query`)."""
    query = notification_query(
        newest_first=newest_first,
        after=after,
        profile_id=profile_id,
        batch_id=batch_id,
        status=status,
        guarantor_id=guarantor_id,
        channel=channel,
        kind=kind,
    )
    if limit is not None:
        query = query.limit(limit)
    return [QueueRow.from_mapping(row) for row in conn.execute(query).mappings()]


def last_detail(conn: Connection, notification_id: int) -> str | None:
    """The detail of a notification's newest history entry."""
    return last_details(conn, [notification_id]).get(notification_id)


def last_details(conn: Connection, ids: Sequence[int]) -> dict[int, str | None]:
    """The detail of each notification's newest history entry, by id: its newest history
    row's, or, with none, the first entry its own row holds (``first_status``: its
    reason)."""
    h, n = notification_history.c, notifications.c
    found: dict[int, str | None] = {}
    for start in range(0, len(ids), _IN_CHUNK):
        chunk = ids[start : start + _IN_CHUNK]
        newest = (
            select(func.max(h.id)).where(h.notification_id.in_(chunk)).group_by(h.notification_id)
        )
        query = select(h.notification_id, h.detail).where(h.id.in_(newest))
        found.update((nid, detail) for nid, detail in conn.execute(query))
        alone = [nid for nid in chunk if nid not in found]
        if alone:
            own = select(n.id, n.reason).where(n.id.in_(alone), n.first_status.is_not(None))
            found.update((nid, reason) for nid, reason in conn.execute(own))
    return found


# -- writing -------------------------------------------------------------------------------


def _history(
    conn: Connection,
    row: QueueRow,
    at: dt.datetime,
    old: str | None,
    new: str,
    attempt: int,
    detail: str | None,
    actor: str | None = None,
) -> None:
    conn.execute(
        notification_history.insert().values(
            notification_id=row.id,
            at=as_utc(at),
            old_status=old,
            new_status=new,
            message_id=row.message_id,
            level=row.level,
            rules_hash=row.rules_hash,
            attempt=attempt,
            detail=detail,
            actor=actor,
        )
    )


def change_status(
    conn: Connection,
    row: QueueRow,
    new_status: str,
    at: dt.datetime,
    *,
    detail: str | None = None,
    expect_lease: str | None = None,
    actor: str | None = None,
    **values: Any,
) -> Transition | None:
    """Move ``row`` from its status to ``new_status`` and append the history entry (with
    ``actor``, who asked for the change: None for the queue's own changes).

    The update only applies while the row still has the status (and attempt) it was read
    with, and, with ``expect_lease``, that lease owner: a late worker cannot overwrite a
    newer decision. Returns the :class:`Transition`, or None when nothing matched.
    ``values`` are further columns to set (instants are converted to UTC).
    """
    n = notifications.c
    conditions = [n.id == row.id, n.status == row.status, n.attempt == row.attempt]
    if expect_lease is not None:
        conditions.append(n.lease_owner == expect_lease)
    values = {
        key: as_utc(value) if isinstance(value, dt.datetime) else value
        for key, value in values.items()
    }
    result = conn.execute(
        update(notifications)
        .where(*conditions)
        .values(status=new_status, updated_at=as_utc(at), **values)
    )
    if result.rowcount != 1:
        return None
    attempt = values.get("attempt", row.attempt)
    _history(conn, row, at, row.status, new_status, attempt, detail, actor)
    return Transition(row.id, row.status, new_status, detail)


def change_statuses(
    conn: Connection,
    changes: Sequence[Change],
    at: dt.datetime,
    *,
    expect_lease: str | None = None,
) -> list[Transition | None]:
    """:func:`change_status` for many rows at once, with the same conditions, in a few
    statements whatever their number: one locking read, then per kind of change (old and new
    status, columns set) one ``UPDATE``, and one history ``INSERT`` (SQLite: executemany;
    PostgreSQL: one statement over ``unnest`` of one array per column).

    A change applies only while its row still has the status and attempt it was read with
    (and, with ``expect_lease``, that lease owner): the rows are read ``FOR UPDATE`` (SQLite:
    the caller's ``BEGIN IMMEDIATE`` holds the write lock), the changes that still match are
    written, and each ``UPDATE`` repeats the conditions. Returns, per change in order, its
    :class:`Transition`, or None when its row no longer matched (nothing written for it).
    """
    if not changes:
        return []
    ids = [c.row.id for c in changes]
    if len(set(ids)) != len(ids):
        raise ValueError("change_statuses: one change per notification")
    n = notifications.c
    current: dict[int, tuple[str, int, str | None]] = {}
    wanted = sorted(ids)
    for start in range(0, len(wanted), _IN_CHUNK):
        query = (
            select(n.id, n.status, n.attempt, n.lease_owner)
            .where(n.id.in_(wanted[start : start + _IN_CHUNK]))
            .order_by(n.id)
            .with_for_update()
        )
        for nid, status, attempt, owner in conn.execute(query):
            current[nid] = (status, attempt, owner)
    at_utc = as_utc(at)
    out: list[Transition | None] = []
    groups: dict[tuple[str, str, tuple[str, ...]], list[dict[str, Any]]] = {}
    history: list[dict[str, Any]] = []
    for change in changes:
        row = change.row
        found = current.get(row.id)
        if (
            found is None
            or found[0] != row.status
            or found[1] != row.attempt
            or (expect_lease is not None and found[2] != expect_lease)
        ):
            out.append(None)
            continue
        values = {
            key: as_utc(value) if isinstance(value, dt.datetime) else value
            for key, value in change.values.items()
        }
        params = {f"v_{key}": value for key, value in values.items()}
        params.update(
            b_id=row.id,
            b_status=row.status,
            b_attempt=row.attempt,
            v_status=change.new_status,
            v_updated_at=at_utc,
        )
        groups.setdefault((row.status, change.new_status, tuple(sorted(values))), []).append(params)
        history.append(
            {
                "notification_id": row.id,
                "at": at_utc,
                "old_status": row.status,
                "new_status": change.new_status,
                "message_id": row.message_id,
                "level": row.level,
                "rules_hash": row.rules_hash,
                "attempt": values.get("attempt", row.attempt),
                "detail": change.detail,
            }
        )
        out.append(Transition(row.id, row.status, change.new_status, change.detail))
    if conn.dialect.name == "postgresql":
        write_changes_postgresql(conn, groups, history, expect_lease)
        return out
    for (_, _, columns), params_list in groups.items():
        statement = guarded_update(
            bindparam("b_id"),
            bindparam("b_status"),
            bindparam("b_attempt"),
            expect_lease,
            {
                "status": bindparam("v_status"),
                "updated_at": bindparam("v_updated_at"),
                **{key: bindparam(f"v_{key}") for key in columns},
            },
        )
        expect_rows(conn.execute(statement, params_list).rowcount, len(params_list))
    if history:
        conn.execute(notification_history.insert(), history)
    return out


def add_note(conn: Connection, row: QueueRow, at: dt.datetime, detail: str, **values: Any) -> None:
    """A history entry without a status change (a deferral), plus column updates."""
    values = {
        key: as_utc(value) if isinstance(value, dt.datetime) else value
        for key, value in values.items()
    }
    conn.execute(
        update(notifications)
        .where(notifications.c.id == row.id)
        .values(updated_at=as_utc(at), **values)
    )
    _history(conn, row, at, row.status, row.status, row.attempt, detail)


def postpone(conn: Connection, notification_id: int, until: dt.datetime, at: dt.datetime) -> None:
    """Move a scheduled notification's next attempt to ``until`` without a history entry."""
    conn.execute(
        update(notifications)
        .where(notifications.c.id == notification_id)
        .values(next_attempt_at=as_utc(until), updated_at=as_utc(at))
    )


def mark_handed(
    conn: Connection,
    ids: Sequence[int],
    worker_id: str,
    at: dt.datetime,
    lease_until: dt.datetime | None = None,
) -> set[int]:
    """Stamp ``handed_at`` on this worker's ``sending`` rows about to go to a channel, and
    renew their lease to ``lease_until``; returns the ids stamped.

    Only rows this worker still holds are stamped: still ``sending`` under its lease, and the
    lease not run out at ``at``. A row missing from the result was lost (its lease expired and
    another worker may have it) and must not be handed to the channel.
    """
    n = notifications.c
    values: dict[str, Any] = {"handed_at": as_utc(at)}
    if lease_until is not None:
        values["lease_expires_at"] = as_utc(lease_until)
    stamped: set[int] = set()
    for start in range(0, len(ids), _IN_CHUNK):
        result = conn.execute(
            update(notifications)
            .where(
                n.id.in_(ids[start : start + _IN_CHUNK]),
                n.status == "sending",
                n.lease_owner == worker_id,
                n.lease_expires_at > as_utc(at),
            )
            .values(**values)
            .returning(n.id)
        )
        stamped.update(result.scalars())
    return stamped


def extend_leases(
    conn: Connection,
    worker_id: str,
    until: dt.datetime,
    ids: Sequence[int] | None = None,
    *,
    handed_only: bool = True,
    alive_at: dt.datetime | None = None,
) -> int:
    """Extend the leases this worker holds to ``until`` (never shortening one): all of them,
    or only those of ``ids`` that were handed to a channel (``handed_at`` set), or with
    ``handed_only=False`` those of ``ids`` whatever their hand-over. With ``alive_at``, only
    leases not run out at that instant (a lapsed claim is never revived). Returns how many
    were extended."""
    n = notifications.c
    until_utc = as_utc(until)
    held = (
        IS_SENDING,
        n.lease_owner == worker_id,
        or_(n.lease_expires_at.is_(None), n.lease_expires_at < until_utc),
    )
    if ids is None:
        query = update(notifications).where(*held).values(lease_expires_at=until_utc)
        return conn.execute(query).rowcount
    handed = (n.handed_at.is_not(None),) if handed_only else ()
    alive = () if alive_at is None else (n.lease_expires_at > as_utc(alive_at),)
    extended = 0
    for start in range(0, len(ids), _IN_CHUNK):
        chunk = n.id.in_(ids[start : start + _IN_CHUNK])
        query = (
            update(notifications)
            .where(chunk, *handed, *alive, *held)
            .values(lease_expires_at=until_utc)
        )
        extended += conn.execute(query).rowcount
    return extended


def status_counts(conn: Connection) -> dict[str, int]:
    """Notifications per status."""
    n = notifications.c
    return {
        status: count
        for status, count in conn.execute(
            select(n.status, func.count()).group_by(n.status).order_by(n.status)
        )
    }
