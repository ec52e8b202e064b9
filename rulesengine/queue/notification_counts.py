"""Reading the queue for the screens: its notifications counted by batch, channel and
status (one grouped query for all the batches shown), and a statement's notifications.

Each function reads in the caller's connection (``with store.reading() as conn``).
"""

from __future__ import annotations

from collections.abc import Iterable

from sqlalchemy import Connection, func, select

from rulesengine.queue.batch_content import rows_with_bodies
from rulesengine.queue.notification_rows import QueueRow
from rulesengine.store.tables import notifications

__all__ = ["notification_counts", "statement_notifications"]

#: Ids per ``IN (...)`` list.
_IN_CHUNK = 500


def notification_counts(
    conn: Connection, batch_ids: Iterable[str]
) -> dict[str, dict[str, dict[str, int]]]:
    """Per batch: channel -> status -> how many of its notifications are in it now
    (from ``ix_notifications_batch_channel_status`` alone; batches without notifications
    are left out)."""
    n = notifications.c
    unique = sorted(set(batch_ids))
    out: dict[str, dict[str, dict[str, int]]] = {}
    for start in range(0, len(unique), _IN_CHUNK):
        query = (
            select(n.batch_id, n.channel, n.status, func.count())
            .where(n.batch_id.in_(unique[start : start + _IN_CHUNK]))
            .group_by(n.batch_id, n.channel, n.status)
        )
        for bid, channel, status, count in conn.execute(query):
            out.setdefault(bid, {}).setdefault(channel, {})[status] = count
    return {
        bid: {channel: dict(sorted(c.items())) for channel, c in sorted(channels.items())}
        for bid, channels in out.items()
    }


def statement_notifications(conn: Connection, statement_id: str) -> list[QueueRow]:
    """The statement's notifications, one per channel, in id order (through the unique
    index on ``(statement_id, channel)``), each with its content and context."""
    query = (
        select(notifications)
        .where(notifications.c.statement_id == statement_id)
        .order_by(notifications.c.id)
    )
    rows = [QueueRow.from_mapping(row) for row in conn.execute(query).mappings()]
    return rows_with_bodies(conn, rows)
