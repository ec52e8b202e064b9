"""The notification queue's SQL: claiming, status changes with history, checks, leases.

Every function works on a connection inside the caller's transaction; the queue
(:mod:`rulesengine.queue`) decides what to do and when to commit. Rows that are about to
change are read with ``SELECT ... FOR UPDATE`` (``SKIP LOCKED`` when claiming due work), so
on PostgreSQL several workers share the queue without handing one notification out twice;
on SQLite the caller's ``BEGIN IMMEDIATE`` serialises writers and the locking clauses are
not rendered.

Instants are bound as UTC (SQLite compares them as text) and read back as aware UTC.
"""

from __future__ import annotations

import datetime as dt
import json
from collections.abc import Iterable, Mapping, Sequence
from typing import Any

import attrs
from sqlalchemy import (
    BigInteger,
    Connection,
    Integer,
    bindparam,
    func,
    literal,
    or_,
    select,
    update,
)
from sqlalchemy.dialects.postgresql import ARRAY

from rulesengine.model import Notification, Statement, StatementLine
from rulesengine.plurals import counted
from rulesengine.store.rows import (
    STATEMENT_COLUMNS,
    as_utc,
    dumps,
    from_db_instant,
    notification_query,
    statement_from_row,
)
from rulesengine.store.sqlutil import dialect_insert
from rulesengine.store.tables import (
    IS_SCHEDULED,
    IS_SENDING,
    batches,
    encounters,
    guarantors,
    notification_history,
    notifications,
    opt_outs,
    rules_versions,
    statement_lines,
    statements,
)

__all__ = [
    "FLAG_OPT_OUTS",
    "Change",
    "PresendFacts",
    "QueueRow",
    "Transition",
    "add_note",
    "change_status",
    "change_statuses",
    "due_rows",
    "expired_leases",
    "extend_leases",
    "insert_notification",
    "keep_rules_text",
    "last_detail",
    "last_details",
    "latest_live_statement",
    "mark_handed",
    "postpone",
    "presend_facts",
    "queue_rows",
    "record_opt_out",
    "rows_by_id",
    "scheduled_for",
    "status_counts",
    "supersede_earlier",
    "superseded_detail",
]

#: The guarantor flags that opt out of a built-in channel (besides the opt-out ledger).
FLAG_OPT_OUTS = {"text": "sms_opt_out", "email": "email_opt_out"}
_IN_CHUNK = 500


@attrs.frozen
class QueueRow:
    """One ``notifications`` row, decoded (JSON columns parsed, instants aware UTC)."""

    id: int
    kind: str
    batch_id: str | None
    statement_id: str
    guarantor_id: str
    profile_id: str | None
    channel: str
    message_id: str
    level: int
    status: str
    reason: str | None
    to: str | None
    scheduled_at: dt.datetime
    content: Mapping[str, Any]
    context: Mapping[str, Any]
    idempotency_key: str
    attempt: int
    next_attempt_at: dt.datetime | None
    rules_hash: str | None
    proof: bool
    timezone: str
    send_window: str | None
    max_attempts: int
    backoff: tuple[int, ...] = attrs.field(converter=tuple)
    lease_owner: str | None = None
    lease_expires_at: dt.datetime | None = None
    handed_at: dt.datetime | None = None
    provider_ref: str | None = None
    created_at: dt.datetime | None = None
    updated_at: dt.datetime | None = None
    superseded_by: str | None = None  # the live batch that superseded it

    @classmethod
    def from_mapping(cls, row: Any) -> QueueRow:
        """Build one from a ``select(notifications)`` result mapping."""
        return cls(
            id=row["id"],
            kind=row["kind"],
            batch_id=row["batch_id"],
            statement_id=row["statement_id"],
            guarantor_id=row["guarantor_id"],
            profile_id=row["profile_id"],
            channel=row["channel"],
            message_id=row["message_id"],
            level=row["level"],
            status=row["status"],
            reason=row["reason"],
            to=row["to_address"],
            scheduled_at=from_db_instant(row["scheduled_at"]),
            content=json.loads(row["content_json"]),
            context=json.loads(row["context_json"]),
            idempotency_key=row["idempotency_key"],
            attempt=row["attempt"],
            next_attempt_at=from_db_instant(row["next_attempt_at"]),
            rules_hash=row["rules_hash"],
            proof=bool(row["proof"]),
            timezone=row["timezone"],
            send_window=row["send_window"],
            max_attempts=row["max_attempts"],
            backoff=json.loads(row["backoff_json"]),
            lease_owner=row["lease_owner"],
            lease_expires_at=from_db_instant(row["lease_expires_at"]),
            handed_at=from_db_instant(row["handed_at"]),
            provider_ref=row["provider_ref"],
            created_at=from_db_instant(row["created_at"]),
            updated_at=from_db_instant(row["updated_at"]),
            superseded_by=row["superseded_by"],
        )

    @property
    def checked_statement_id(self) -> str:
        """The stored statement whose encounters the pre-send check looks at: the
        notification's own, or for an on-demand notification the statement it was rendered
        from (``context["statement"]["id"]``)."""
        statement = self.context.get("statement") or {}
        return str(statement.get("id") or self.statement_id)

    def as_notification(self) -> Notification:
        """The :class:`~rulesengine.model.Notification` a channel's ``send`` receives."""
        return Notification(
            id=self.id,
            idempotency_key=self.idempotency_key,
            channel=self.channel,
            to=self.to or "",
            guarantor_id=self.guarantor_id,
            statement_id=self.statement_id,
            batch_id=self.batch_id or self.kind.replace("_", "-"),
            message_id=self.message_id,
            level=self.level,
            content=dict(self.content),
            attempt=self.attempt,
            scheduled_at=self.scheduled_at,
            recipient=dict(self.context.get("recipient") or {}),
            statement=dict(self.context.get("statement") or {}),
            sender=dict(self.context.get("sender") or {}),
            proof=self.proof,
        )


@attrs.frozen
class Transition:
    """A status change, for the ``notification_status_changed`` observers after commit."""

    notification_id: int
    old_status: str | None
    new_status: str
    detail: str | None


@attrs.frozen
class Change:
    """A status change to make (:func:`change_statuses`): ``row`` as it was read, the new
    status, the history detail, and further columns to set."""

    row: QueueRow
    new_status: str
    detail: str | None = None
    values: Mapping[str, Any] = attrs.field(factory=dict)


# -- reading rows --------------------------------------------------------------------------


def due_rows(conn: Connection, now: dt.datetime, limit: int) -> list[QueueRow]:
    """Lock and return up to ``limit`` scheduled notifications due at ``now``, oldest first.

    PostgreSQL: ``FOR UPDATE SKIP LOCKED`` in the statement that picks them, so concurrent
    workers each get different rows. The status is the partial index's literal
    (``ix_notifications_scheduled_due``), which also gives the order.
    """
    n = notifications.c
    query = (
        select(notifications)
        .where(IS_SCHEDULED, n.next_attempt_at <= as_utc(now))
        .order_by(n.next_attempt_at, n.id)
        .limit(limit)
        .with_for_update(skip_locked=True)
    )
    return [QueueRow.from_mapping(row) for row in conn.execute(query).mappings()]


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
    status: str | None = None,
    guarantor_id: str | None = None,
    channel: str | None = None,
    kind: str | None = None,
    limit: int | None = None,
) -> list[QueueRow]:
    """Notifications matching every given filter, oldest first (the status as a literal,
    for the partial indexes: :func:`notification_query`)."""
    query = notification_query(
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
    h = notification_history.c
    return conn.execute(
        select(h.detail).where(h.notification_id == notification_id).order_by(h.id.desc()).limit(1)
    ).scalar()


def last_details(conn: Connection, ids: Sequence[int]) -> dict[int, str | None]:
    """The detail of each notification's newest history entry, by id."""
    h = notification_history.c
    found: dict[int, str | None] = {}
    for start in range(0, len(ids), _IN_CHUNK):
        newest = (
            select(func.max(h.id))
            .where(h.notification_id.in_(ids[start : start + _IN_CHUNK]))
            .group_by(h.notification_id)
        )
        query = select(h.notification_id, h.detail).where(h.id.in_(newest))
        found.update((nid, detail) for nid, detail in conn.execute(query))
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
    **values: Any,
) -> Transition | None:
    """Move ``row`` from its status to ``new_status`` and append the history entry.

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
    _history(conn, row, at, row.status, new_status, attempt, detail)
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
        _pg_write(conn, groups, history, expect_lease)
        return out
    for (_, _, columns), params_list in groups.items():
        statement = _guarded_update(
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
        _expect_rows(conn.execute(statement, params_list).rowcount, len(params_list))
    if history:
        conn.execute(notification_history.insert(), history)
    return out


def _guarded_update(
    id_: Any, status: Any, attempt: Any, expect_lease: str | None, values: Mapping[str, Any]
) -> Any:
    """``UPDATE notifications SET values`` where the row still has the id, status and
    attempt it was read with (and, with ``expect_lease``, that lease owner)."""
    n = notifications.c
    conditions = [n.id == id_, n.status == status, n.attempt == attempt]
    if expect_lease is not None:
        conditions.append(n.lease_owner == expect_lease)
    return update(notifications).where(*conditions).values(**values)


def _expect_rows(updated: int, expected: int) -> None:
    if updated != expected:  # the rows were read locked and matched: cannot happen
        raise RuntimeError(
            f"change_statuses: {updated} of {counted(expected, 'locked row')} updated"
        )


def _pg_write(
    conn: Connection,
    groups: Mapping[tuple[str, str, tuple[str, ...]], list[dict[str, Any]]],
    history: list[dict[str, Any]],
    expect_lease: str | None,
) -> None:
    """PostgreSQL: each kind of change is one ``UPDATE ... FROM unnest(<arrays>)`` and the
    history one ``INSERT ... SELECT FROM unnest(<arrays>)``, one array parameter per column
    (an executemany costs the server a statement per row)."""
    n = notifications.c
    for (old_status, new_status, columns), params_list in groups.items():
        names = ("b_id", "b_attempt", *(f"v_{key}" for key in columns))
        arrays = [
            [params["b_id"] for params in params_list],
            [params["b_attempt"] for params in params_list],
            *([params[f"v_{key}"] for params in params_list] for key in columns),
        ]
        types = [BigInteger(), Integer(), *(n[key].type for key in columns)]
        rows = _unnest(arrays, types, names)
        statement = _guarded_update(
            rows.c.b_id,
            old_status,
            rows.c.b_attempt,
            expect_lease,
            {
                "status": new_status,
                "updated_at": params_list[0]["v_updated_at"],
                **{key: rows.c[f"v_{key}"] for key in columns},
            },
        )
        _expect_rows(conn.execute(statement).rowcount, len(params_list))
    if history:
        h = notification_history.c
        names = tuple(history[0])
        rows = _unnest(
            [[entry[name] for entry in history] for name in names],
            [h[name].type for name in names],
            names,
        )
        conn.execute(
            notification_history.insert().from_select(
                list(names), select(*(rows.c[name] for name in names))
            )
        )


def _unnest(arrays: Sequence[list[Any]], types: Sequence[Any], names: Sequence[str]) -> Any:
    """``unnest(:a, :b, ...) AS rows(names...)``: parallel arrays as rows (PostgreSQL)."""
    return (
        func.unnest(
            *(
                bindparam(None, values, type_=ARRAY(kind))
                for values, kind in zip(arrays, types, strict=True)
            )
        )
        .table_valued(*names)
        .render_derived(name="rows")
    )


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


def insert_notification(
    conn: Connection, values: Mapping[str, Any], at: dt.datetime, detail: str | None
) -> int:
    """Insert one notification (columns of ``notifications``) and its first history entry."""
    row: dict[str, Any] = {
        key: as_utc(value) if isinstance(value, dt.datetime) else value
        for key, value in values.items()
    }
    for key in ("content", "context"):
        if key in row:
            row[f"{key}_json"] = dumps(dict(row.pop(key)))
    if "backoff" in row:
        row["backoff_json"] = dumps(list(row.pop("backoff")))
    row.setdefault("created_at", as_utc(at))
    row.setdefault("updated_at", as_utc(at))
    result = conn.execute(notifications.insert().values(**row))
    nid = int(result.inserted_primary_key[0])  # type: ignore[index]
    conn.execute(
        notification_history.insert().values(
            notification_id=nid,
            at=as_utc(at),
            old_status=None,
            new_status=row["status"],
            message_id=row["message_id"],
            level=row["level"],
            rules_hash=row.get("rules_hash"),
            attempt=row.get("attempt", 0),
            detail=detail,
        )
    )
    return nid


def keep_rules_text(conn: Connection, content_hash: str, text: str) -> None:
    """Keep a rules file's text under its content hash (once per hash)."""
    conn.execute(
        dialect_insert(conn, rules_versions)
        .values(content_hash=content_hash, text=text)
        .on_conflict_do_nothing()
    )


def record_opt_out(
    conn: Connection, guarantor_id: str, channel: str, at: dt.datetime, source: str
) -> None:
    """Append an entry to the opt-out ledger."""
    conn.execute(
        opt_outs.insert().values(
            guarantor_id=guarantor_id, channel=channel, at=as_utc(at), source=source
        )
    )


# -- the pre-send check's facts --------------------------------------------------------------


@attrs.frozen
class PresendFacts:
    """What the pre-send check reads about a set of claimed notifications.

    ``opted_out``: (guarantor, channel) -> the source of the opt-out (the ledger's first
    entry, or the guarantor flag); ``held``: guarantors on hold; ``lines``: per stored
    statement, its encounters' current (hold, balance in cents).
    """

    opted_out: Mapping[tuple[str, str], str]
    held: frozenset[str]
    lines: Mapping[str, tuple[tuple[bool, int], ...]]


def presend_facts(conn: Connection, rows: Sequence[QueueRow]) -> PresendFacts:
    """Read the opt-outs, holds and current balances that decide the pre-send check."""
    gids = sorted({r.guarantor_id for r in rows})
    sids = sorted({r.checked_statement_id for r in rows})
    opted: dict[tuple[str, str], str] = {}
    held: set[str] = set()
    lines: dict[str, list[tuple[bool, int]]] = {}
    g = guarantors.c
    for start in range(0, len(gids), _IN_CHUNK):
        chunk = gids[start : start + _IN_CHUNK]
        query = select(g.id, g.hold, g.sms_opt_out, g.email_opt_out).where(g.id.in_(chunk))
        for gid, hold, sms_out, email_out in conn.execute(query):
            if hold:
                held.add(gid)
            if sms_out:
                opted[(gid, "text")] = "sms_opt_out on the guarantor"
            if email_out:
                opted[(gid, "email")] = "email_opt_out on the guarantor"
        o = opt_outs.c
        query = (
            select(o.guarantor_id, o.channel, o.source)
            .where(o.guarantor_id.in_(chunk))
            .order_by(o.id.desc())
        )
        entry: Any
        for entry in conn.execute(query):  # newest first: the oldest entry wins
            opted[(entry[0], entry[1])] = entry[2]
    sl, e = statement_lines.c, encounters.c
    for start in range(0, len(sids), _IN_CHUNK):
        query = (
            select(sl.statement_id, e.hold, e.balance_cents)
            .join_from(statement_lines, encounters, e.id == sl.encounter_id)
            .where(sl.statement_id.in_(sids[start : start + _IN_CHUNK]))
            .order_by(sl.statement_id, sl.seq)
        )
        for entry in conn.execute(query):
            lines.setdefault(entry[0], []).append((bool(entry[1]), int(entry[2])))
    return PresendFacts(opted, frozenset(held), {k: tuple(v) for k, v in lines.items()})


# -- on-demand notifications -----------------------------------------------------------------


def latest_live_rules(conn: Connection, guarantor_id: str) -> tuple[str, str] | None:
    """``(batch id, rules hash)`` of the live batch, of any profile, that holds the
    guarantor's newest statement (None: no live statement yet)."""
    s, b = statements.c, batches.c
    row = conn.execute(
        select(b.id, b.rules_hash)
        .join_from(statements, batches, b.id == s.batch_id)
        .where(s.guarantor_id == guarantor_id, b.mode == "live")
        .order_by(b.run_date.desc(), b.created_at.desc(), s.seq.desc())
        .limit(1)
    ).first()
    return None if row is None else (row[0], row[1])


def latest_live_statement(
    conn: Connection, guarantor_id: str, profile_id: str
) -> tuple[str, Statement] | None:
    """The guarantor's newest statement of a live batch of the profile, with its batch id."""
    s, b = statements.c, batches.c
    head = conn.execute(
        select(s.batch_id, *STATEMENT_COLUMNS)
        .join_from(statements, batches, b.id == s.batch_id)
        .where(s.guarantor_id == guarantor_id, b.profile_id == profile_id, b.mode == "live")
        .order_by(b.run_date.desc(), b.created_at.desc(), s.seq.desc())
        .limit(1)
    ).first()
    if head is None:
        return None
    bid, sid = head[0], head[1]
    sl = statement_lines.c
    lines = tuple(
        StatementLine(*line)
        for line in conn.execute(
            select(
                sl.encounter_id,
                sl.patient_id,
                sl.service_date,
                sl.balance_cents,
                sl.level,
                sl.rider,
            )
            .where(sl.statement_id == sid)
            .order_by(sl.seq)
        )
    )
    return bid, statement_from_row(head[1:], lines)


def status_counts(conn: Connection) -> dict[str, int]:
    """Notifications per status."""
    n = notifications.c
    return {
        status: count
        for status, count in conn.execute(
            select(n.status, func.count()).group_by(n.status).order_by(n.status)
        )
    }


# -- superseded notifications ----------------------------------------------------------------


def superseded_detail(batch_id: str) -> str:
    """The history detail of a notification that live batch ``batch_id`` superseded."""
    return f"superseded by batch {batch_id}"


def supersede_earlier(
    conn: Connection, batch_id: str, profile_id: str, at: dt.datetime
) -> list[int]:
    """Supersede the still-``scheduled`` notifications of the profile's earlier live batches
    whose statement lists an encounter that is on a statement of ``batch_id``.

    Called inside the live run's transaction, after its statements are written and before
    its own notifications are queued (so the scan sees only earlier batches' backlog: the
    scheduled rows, through their partial index). On-demand notifications and proofs are
    never superseded. Each becomes ``superseded`` with ``superseded_by = batch_id`` and a
    history entry naming the batch; its schedule is kept, so deleting the batch can put it
    back as it was. The rows are locked first (``FOR UPDATE``: a worker claiming one right
    now finishes its claim, and the row, then ``sending``, is left alone). Returns the ids,
    ascending.
    """
    n = notifications.c
    waiting: dict[str, list[int]] = {}
    query = (
        select(n.id, n.statement_id)
        .where(IS_SCHEDULED, n.kind == "batch", n.profile_id == profile_id, n.batch_id != batch_id)
        .order_by(n.id)
        .with_for_update()
    )
    for nid, sid in conn.execute(query):
        waiting.setdefault(sid, []).append(nid)
    if not waiting:
        return []
    sl, s = statement_lines.c, statements.c
    encounters_of: dict[str, set[str]] = {}
    wanted = sorted(waiting)
    for start in range(0, len(wanted), _IN_CHUNK):
        query = select(sl.statement_id, sl.encounter_id).where(
            sl.statement_id.in_(wanted[start : start + _IN_CHUNK])
        )
        for sid, eid in conn.execute(query):
            encounters_of.setdefault(sid, set()).add(eid)
    candidates = sorted(set().union(*encounters_of.values())) if encounters_of else []
    billed_now: set[str] = set()
    for start in range(0, len(candidates), _IN_CHUNK):
        query = (
            select(sl.encounter_id)
            .join_from(statement_lines, statements, s.id == sl.statement_id)
            .where(
                s.batch_id == batch_id, sl.encounter_id.in_(candidates[start : start + _IN_CHUNK])
            )
            .distinct()
        )
        billed_now.update(conn.execute(query).scalars())
    ids = sorted(
        nid
        for sid, nids in waiting.items()
        if encounters_of.get(sid, set()) & billed_now
        for nid in nids
    )
    at_utc = as_utc(at)
    detail = superseded_detail(batch_id)
    h = notification_history.c
    for start in range(0, len(ids), _IN_CHUNK):
        chunk = ids[start : start + _IN_CHUNK]
        conn.execute(
            notification_history.insert().from_select(
                [
                    h.notification_id,
                    h.at,
                    h.old_status,
                    h.new_status,
                    h.message_id,
                    h.level,
                    h.rules_hash,
                    h.attempt,
                    h.detail,
                ],
                select(
                    n.id,
                    literal(at_utc, h.at.type),
                    n.status,
                    literal("superseded", h.new_status.type),
                    n.message_id,
                    n.level,
                    n.rules_hash,
                    n.attempt,
                    literal(detail, h.detail.type),
                )
                .where(n.id.in_(chunk))
                .order_by(n.id),
            )
        )
        result = conn.execute(
            update(notifications)
            .where(n.id.in_(chunk), n.status == "scheduled")
            .values(status="superseded", superseded_by=batch_id, updated_at=at_utc)
        )
        if result.rowcount != len(chunk):  # the rows are locked: cannot happen
            raise RuntimeError(f"supersede_earlier: {result.rowcount} of {len(chunk)} updated")
    return ids
