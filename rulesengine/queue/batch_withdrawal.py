"""What deleting a live batch does to notifications: it may go only while none of its
notifications was handed to a channel and no on-demand notification was rendered from its
statements; the notifications it superseded go back to ``scheduled`` (their ``superseded``
history entry removed) and its own are removed with their history.

Called by :func:`rulesengine.statements.deletion.delete_batch` inside the deletion's one
transaction, between the store's checks and its removal of the batch.
"""

from __future__ import annotations

import datetime as dt
import json
from collections import Counter
from collections.abc import Sequence
from typing import Any

from sqlalchemy import Connection, delete, select, update

from rulesengine.errors import DeleteRefused
from rulesengine.queue.batch_upload import superseded_detail
from rulesengine.store.rows import as_utc
from rulesengine.store.tables import notification_history, notifications, statements

__all__ = [
    "check_withdrawable",
    "handed_over",
    "restore_superseded",
    "withdraw_notifications",
]

_IN_CHUNK = 500


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


def check_withdrawable(conn: Connection, batch_id: str, profile_id: str) -> Counter[str]:
    """The batch's notifications per status, locked; raises :class:`DeleteRefused` when any
    was handed to a channel, or an on-demand notification was made from its statements."""
    statuses = _check_notifications(conn, batch_id)
    _check_on_demand(conn, batch_id, profile_id)
    return statuses


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


def restore_superseded(conn: Connection, batch_id: str, at: dt.datetime) -> tuple[int, ...]:
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


def withdraw_notifications(conn: Connection, batch_id: str) -> None:
    """Remove the batch's own notifications with their history."""
    n, h = notifications.c, notification_history.c
    own = select(n.id).where(n.batch_id == batch_id, n.kind == "batch")
    conn.execute(delete(notification_history).where(h.notification_id.in_(own)))
    conn.execute(delete(notifications).where(n.batch_id == batch_id, n.kind == "batch"))


def _chunks(ids: Sequence[int]) -> list[Sequence[int]]:
    return [ids[start : start + _IN_CHUNK] for start in range(0, len(ids), _IN_CHUNK)]
