"""Reading notifications back: as queue rows by filter or id (``Queue.find``,
``Queue.get``), as plain mappings (the command line, scenarios, tests), a live batch's
drafts as it uploaded them, its history.

Each function opens its own reading transaction on the store, except those that take a
connection (:func:`batch_drafts`, :func:`with_notifications`), which read in the caller's.
"""

from __future__ import annotations

import json
from collections.abc import Mapping, Sequence
from typing import TYPE_CHECKING, Any

import attrs
from sqlalchemy import Connection, and_, case, func, or_, select

from rulesengine.errors import InvalidRequest, NotFound
from rulesengine.model import NOTIFICATION_STATUSES, BatchResult, NotificationDraft, SendWindow
from rulesengine.queue import notification_sql
from rulesengine.queue.batch_content import (
    Bodies,
    Unrendered,
    render_bodies,
    report_unrendered,
    rows_with_bodies,
)
from rulesengine.queue.notification_sql import notification_query
from rulesengine.store.batch_io import read_batch
from rulesengine.store.rows import from_db_instant
from rulesengine.store.tables import notification_history as history_table
from rulesengine.store.tables import notifications

if TYPE_CHECKING:
    from rulesengine.queue.notification_rows import QueueRow
    from rulesengine.store.sql_store import SQLStore

__all__ = [
    "find_notifications",
    "get_notification",
    "batch_drafts",
    "list_notifications",
    "notification_history",
    "stored_batch",
    "superseded_by",
    "uploaded_statuses",
    "with_notifications",
]


def list_notifications(
    store: SQLStore,
    *,
    profile_id: str | None = None,
    batch_id: str | None = None,
    status: str | None = None,
    guarantor_id: str | None = None,
    channel: str | None = None,
    kind: str | None = None,
) -> list[Mapping[str, object]]:
    """Queued notifications as mappings, oldest first: id, kind (``batch``, ``proof``,
    ``on_demand``), batch_id, statement_id, guarantor_id, profile_id, channel,
    message_id, level, status, reason, to, scheduled_at, attempt, next_attempt_at,
    idempotency_key, content, context, timezone, send_window, max_attempts, backoff,
    rules_hash, proof, lease_owner, lease_expires_at, handed_at, provider_ref,
    superseded_by (the live batch that superseded it), created_at, updated_at."""
    query = notification_query(
        profile_id=profile_id,
        batch_id=batch_id,
        status=status,
        guarantor_id=guarantor_id,
        channel=channel,
        kind=kind,
    )
    with store.reading() as conn:
        rows = conn.execute(query).mappings().all()
        bodies = render_bodies(
            conn,
            (
                Unrendered(row["id"], row["statement_id"], row["channel"], row["rules_hash"])
                for row in rows
                if row["content_json"] == ""  # rendered on reading (batch_content)
            ),
        )
    report_unrendered(bodies)
    return [_notification_mapping(row, bodies.get(row["id"])) for row in rows]


def uploaded_statuses(store: SQLStore, batch_id: str) -> list[tuple[int, str, str | None]]:
    """``(notification id, status, reason)`` as live batch ``batch_id`` queued each of its
    notifications (its first history entry: ``scheduled``, or ``suppressed`` with the
    reason), in id order; for the ``notification_status_changed`` observers."""
    h, n = history_table.c, notifications.c
    first = (
        select(n.id, func.coalesce(n.first_status, h.new_status), _first_detail(n, h))
        .outerjoin_from(notifications, history_table, _stored_first_entry(n, h))
        .where(n.batch_id == batch_id, n.kind == "batch")
        .where(or_(n.first_status.is_not(None), h.id.is_not(None)))
        .order_by(n.id)
    )
    with store.reading() as conn:
        return [(int(i), str(status), detail) for i, status, detail in conn.execute(first)]


def _stored_first_entry(n: Any, h: Any) -> Any:
    """Join condition: a notification's first history entry, when it is a history row (a
    notification queued with its ``first_status`` holds its first entry itself)."""
    return and_(h.notification_id == n.id, h.old_status.is_(None), n.first_status.is_(None))


def _first_detail(n: Any, h: Any) -> Any:
    """The detail of a notification's first history entry (:func:`_stored_first_entry`
    joined): its reason when the row holds the entry."""
    return case((n.first_status.is_not(None), n.reason), else_=h.detail)


def notification_history(store: SQLStore, notification_id: int) -> list[Mapping[str, object]]:
    """History entries (at, old_status, new_status, message_id, level, rules_hash,
    attempt, detail, actor), oldest first. A live batch's notification holds its first
    entry itself (``first_status``); the others are ``notification_history`` rows."""
    h, n = history_table.c, notifications.c
    query = (
        select(
            h.at,
            h.old_status,
            h.new_status,
            h.message_id,
            h.level,
            h.rules_hash,
            h.attempt,
            h.detail,
            h.actor,
        )
        .where(h.notification_id == notification_id)
        .order_by(h.id)
    )
    own = select(n.created_at, n.first_status, n.message_id, n.level, n.rules_hash, n.reason).where(
        n.id == notification_id, n.first_status.is_not(None)
    )
    with store.reading() as conn:
        entries = [dict(row) for row in conn.execute(query).mappings()]
        first = conn.execute(own).first()
    if first is not None:
        at, status, message_id, level, rules_hash, reason = first
        entries.insert(
            0,
            {
                "at": at,
                "old_status": None,
                "new_status": status,
                "message_id": message_id,
                "level": level,
                "rules_hash": rules_hash,
                "attempt": 0,
                "detail": reason,
                "actor": None,
            },
        )
    return [{**entry, "at": from_db_instant(entry["at"])} for entry in entries]


def stored_batch(
    store: SQLStore, batch_id: str, guarantor_id: str | None = None
) -> BatchResult | None:
    """A stored batch, complete (the store's part and its notifications as uploaded), with
    ``replayed=True``; None when there is none. With ``guarantor_id``, only the part about
    that guarantor (:func:`~rulesengine.store.batch_io.read_batch`) and their notifications."""
    with store.reading() as conn:
        batch = read_batch(conn, batch_id, guarantor_id)
        if batch is None:
            return None
        if guarantor_id is None:
            return with_notifications(conn, batch)
        return attrs.evolve(batch, notifications=batch_drafts(conn, batch_id, guarantor_id))


def with_notifications(conn: Connection, batch: BatchResult) -> BatchResult:
    """``batch`` as read back from the store, with its notifications as uploaded and the ids
    of those it superseded."""
    return attrs.evolve(
        batch,
        notifications=batch_drafts(conn, batch.id),
        superseded=superseded_by(conn, batch.id),
    )


def superseded_by(conn: Connection, batch_id: str) -> tuple[int, ...]:
    """The ids of the notifications live batch ``batch_id`` superseded, ascending."""
    return tuple(
        conn.execute(
            select(notifications.c.id)
            .where(notifications.c.superseded_by == batch_id)
            .order_by(notifications.c.id)
        ).scalars()
    )


def batch_drafts(
    conn: Connection, batch_id: str, guarantor_id: str | None = None
) -> tuple[NotificationDraft, ...]:
    """The drafts as uploaded (only those to ``guarantor_id`` when given): status and reason
    come from each first history entry (:func:`notification_history`)."""
    n = notifications.c
    h = history_table.c
    query = (
        select(
            n.id,
            n.statement_id,
            n.guarantor_id,
            n.channel,
            n.message_id,
            n.level,
            func.coalesce(n.first_status, h.new_status),
            _first_detail(n, h),
            n.to_address,
            n.scheduled_at,
            n.content_json,
            n.timezone,
            n.send_window,
            n.max_attempts,
            n.backoff_json,
            n.context_json,
            n.rules_hash,
        )
        .outerjoin_from(notifications, history_table, _stored_first_entry(n, h))
        .where(n.batch_id == batch_id, n.kind == "batch")
        .where(or_(n.first_status.is_not(None), h.id.is_not(None)))
        .order_by(n.id, h.id)
    )
    if guarantor_id is not None:
        query = query.where(n.guarantor_id == guarantor_id)
    rows: list[Any] = []
    for row in conn.execute(query):
        if not rows or rows[-1][0] != row[0]:
            rows.append(row)
    bodies = render_bodies(
        conn,
        (
            Unrendered(row[0], row[1], row[3], row[16])
            for row in rows
            if row[10] == ""  # rendered on reading (batch_content)
        ),
    )
    report_unrendered(bodies)
    drafts: list[NotificationDraft] = []
    for row in rows:
        (nid, sid, gid, channel, message, level, status, reason, to, at, content) = row[:11]
        zone, window, max_attempts, backoff, context, _rules_hash = row[11:]
        found = bodies.get(nid)
        if isinstance(found, Bodies):
            content_of, context_of = found.content, found.context
        else:
            content_of, context_of = _decoded(content), _decoded(context)
        drafts.append(
            NotificationDraft(
                sid,
                gid,
                channel,
                message,
                level,
                status,
                reason,
                to,
                from_db_instant(at),
                content_of,
                timezone=zone,
                send_window=SendWindow.parse(window),
                max_attempts=max_attempts,
                backoff=json.loads(backoff),
                context=context_of,
            )
        )
    return tuple(drafts)


def _decoded(text: str) -> dict[str, Any]:
    """A stored ``content_json``/``context_json`` ({} for one rendered on reading)."""
    found: dict[str, Any] = json.loads(text) if text else {}
    return found


def _notification_mapping(row: Any, rendered: Bodies | str | None) -> dict[str, object]:
    """A notifications row as the mapping :func:`list_notifications` documents, with its
    content and context as ``rendered`` when it was stored without them."""
    content, context = _decoded(row["content_json"]), _decoded(row["context_json"])
    if isinstance(rendered, Bodies):
        content, context = rendered.content, rendered.context
    return {
        "id": row["id"],
        "batch_id": row["batch_id"],
        "statement_id": row["statement_id"],
        "guarantor_id": row["guarantor_id"],
        "profile_id": row["profile_id"],
        "channel": row["channel"],
        "message_id": row["message_id"],
        "level": row["level"],
        "status": row["status"],
        "reason": row["reason"],
        "to": row["to_address"],
        "scheduled_at": from_db_instant(row["scheduled_at"]),
        "attempt": row["attempt"],
        "next_attempt_at": from_db_instant(row["next_attempt_at"]),
        "idempotency_key": row["idempotency_key"],
        "content": content,
        "rules_hash": row["rules_hash"],
        "proof": row["proof"],
        "kind": row["kind"],
        "timezone": row["timezone"],
        "send_window": row["send_window"],
        "max_attempts": row["max_attempts"],
        "backoff": tuple(json.loads(row["backoff_json"])),
        "context": context,
        "lease_owner": row["lease_owner"],
        "lease_expires_at": from_db_instant(row["lease_expires_at"]),
        "handed_at": from_db_instant(row["handed_at"]),
        "provider_ref": row["provider_ref"],
        "superseded_by": row["superseded_by"],
        "created_at": from_db_instant(row["created_at"]),
        "updated_at": from_db_instant(row["updated_at"]),
    }


def find_notifications(
    store: SQLStore,
    *,
    profile_id: str | None,
    batch_id: str | None,
    status: Sequence[str] | None,
    guarantor_id: str | None,
    channel: str | None,
    kind: str | None,
    limit: int | None,
    newest_first: bool = False,
    after: int | None = None,
    with_content: bool = True,
) -> list[QueueRow]:
    """Notifications matching every given filter (``status``: any of these statuses),
    oldest or newest first, after id ``after`` in that order, with their content and
    context unless ``with_content`` is False (``Queue.find``); :class:`InvalidRequest` for
    an unknown status."""
    for one in status or ():
        if one not in NOTIFICATION_STATUSES:
            raise InvalidRequest(
                f"unknown status {one!r}; the statuses are {', '.join(NOTIFICATION_STATUSES)}"
            )
    with store.reading() as conn:
        rows = notification_sql.queue_rows(
            conn,
            profile_id=profile_id,
            batch_id=batch_id,
            status=status,
            guarantor_id=guarantor_id,
            channel=channel,
            kind=kind,
            limit=limit,
            newest_first=newest_first,
            after=after,
        )
        return rows_with_bodies(conn, rows) if with_content else rows


def get_notification(store: SQLStore, notification_id: int) -> QueueRow:
    """One notification; :class:`NotFound` when there is none."""
    with store.reading() as conn:
        found = notification_sql.rows_by_id(conn, [notification_id], lock=False)
        if notification_id not in found:
            raise NotFound(f"no notification {notification_id}")
        return rows_with_bodies(conn, [found[notification_id]])[0]
