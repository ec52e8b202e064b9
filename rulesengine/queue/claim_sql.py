"""The claim's SQL: a round's due notifications, shared fairly among their channels.

Each channel's due rows are read from its own range of the partial index
``ix_notifications_scheduled_channel_due`` (``channel, next_attempt_at, id`` of the scheduled
notifications), and the channels are found in it too, a lookup each: a backlog on one
channel is never read through. Works on a connection inside the caller's transaction
(:mod:`rulesengine.queue.due_claims`): on PostgreSQL the rows are read ``FOR UPDATE SKIP
LOCKED``; on SQLite the caller's ``BEGIN IMMEDIATE`` serialises writers.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence

from sqlalchemy import Connection, func, select

from rulesengine.queue.notification_rows import QueueRow
from rulesengine.store.rows import as_utc
from rulesengine.store.tables import IS_SCHEDULED, notifications

__all__ = ["due_rows", "scheduled_channels"]


def due_rows(conn: Connection, now: dt.datetime, limit: int) -> list[QueueRow]:
    """Lock and return up to ``limit`` scheduled notifications due at ``now``, shared fairly
    among their channels: taken in turns, one of each channel at a time (each channel's
    oldest first; the channel with the oldest due row first), until ``limit`` are taken or
    none is left. Returned oldest first.

    So a batch queued channel by channel (every email, then every text) is sent on all its
    channels at once, and a backlog on one channel does not hold another's up. Each channel
    is read from its own range of ``ix_notifications_scheduled_channel_due``, up to
    ``limit`` rows (rows read and not taken are left as they are; on PostgreSQL they stay
    locked until the claim's short transaction ends, and other workers skip them meanwhile).
    PostgreSQL: ``FOR UPDATE SKIP LOCKED`` in each statement, so concurrent workers each get
    different rows.
    """
    by_channel = [
        _due_on_channel(conn, channel, now, limit) for channel in scheduled_channels(conn)
    ]
    return _in_turns(by_channel, limit)


def scheduled_channels(conn: Connection) -> list[str]:
    """The channels that have scheduled notifications (due or not), in name order.

    One recursive query that skips from each channel to the next in
    ``ix_notifications_scheduled_channel_due``: an index lookup per channel, however many
    notifications are scheduled (``SELECT DISTINCT`` would read all of them).
    """
    n = notifications.c
    first = select(func.min(n.channel).label("channel")).where(IS_SCHEDULED)
    found = first.cte("scheduled_channels", recursive=True)
    following = select(func.min(n.channel)).where(IS_SCHEDULED, n.channel > found.c.channel)
    found = found.union_all(select(following.scalar_subquery()).where(found.c.channel.is_not(None)))
    query = select(found.c.channel).where(found.c.channel.is_not(None))
    return [channel for (channel,) in conn.execute(query)]


def _due_on_channel(conn: Connection, channel: str, now: dt.datetime, limit: int) -> list[QueueRow]:
    """Lock and return up to ``limit`` of the channel's notifications due at ``now``, oldest
    first. The status is the partial index's literal, which with the channel gives the
    index range and the order."""
    n = notifications.c
    query = (
        select(notifications)
        .where(IS_SCHEDULED, n.channel == channel, n.next_attempt_at <= as_utc(now))
        .order_by(n.next_attempt_at, n.id)
        .limit(limit)
        .with_for_update(skip_locked=True)
    )
    return [QueueRow.from_mapping(row) for row in conn.execute(query).mappings()]


def _in_turns(by_channel: Sequence[Sequence[QueueRow]], limit: int) -> list[QueueRow]:
    """Up to ``limit`` rows taken one of each sequence at a time (each sequence oldest
    first; the one whose first row is oldest first), returned oldest first."""
    queues = sorted((rows for rows in by_channel if rows), key=lambda rows: _age(rows[0]))
    taken: list[QueueRow] = []
    depth = 0
    while len(taken) < limit and any(depth < len(rows) for rows in queues):
        taken.extend(rows[depth] for rows in queues if depth < len(rows))
        depth += 1
    return sorted(taken[:limit], key=_age)


def _age(row: QueueRow) -> tuple[dt.datetime, int]:
    """A due row's place in the queue: when it became due, then its id."""
    assert row.next_attempt_at is not None  # a scheduled row due now has its due time
    return row.next_attempt_at, row.id
