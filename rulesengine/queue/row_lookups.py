"""Reading the queue: notifications by filter or by id (``Queue.find``, ``Queue.get``)."""

from __future__ import annotations

from typing import TYPE_CHECKING

from rulesengine.errors import InvalidRequest, NotFound
from rulesengine.model import NOTIFICATION_STATUSES
from rulesengine.queue import notification_sql as qio

if TYPE_CHECKING:
    from rulesengine.queue.notification_rows import QueueRow
    from rulesengine.store.sql_store import SQLStore

__all__ = ["find_notifications", "get_notification"]


def find_notifications(
    store: SQLStore,
    *,
    profile_id: str | None,
    batch_id: str | None,
    status: str | None,
    guarantor_id: str | None,
    channel: str | None,
    kind: str | None,
    limit: int | None,
) -> list[QueueRow]:
    """Notifications matching every given filter, oldest first; :class:`InvalidRequest` for
    an unknown status."""
    if status is not None and status not in NOTIFICATION_STATUSES:
        raise InvalidRequest(
            f"unknown status {status!r}; the statuses are {', '.join(NOTIFICATION_STATUSES)}"
        )
    with store.reading() as conn:
        return qio.queue_rows(
            conn,
            profile_id=profile_id,
            batch_id=batch_id,
            status=status,
            guarantor_id=guarantor_id,
            channel=channel,
            kind=kind,
            limit=limit,
        )


def get_notification(store: SQLStore, notification_id: int) -> QueueRow:
    """One notification; :class:`NotFound` when there is none."""
    with store.reading() as conn:
        found = qio.rows_by_id(conn, [notification_id], lock=False)
    if notification_id not in found:
        raise NotFound(f"no notification {notification_id}")
    return found[notification_id]
