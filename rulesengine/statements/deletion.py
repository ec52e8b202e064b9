"""Deleting a live batch: the store's and the queue's parts in one transaction, then the
observers.

The deletion is one transaction holding the profile's run lock: the store finds the batch
and checks it may go (:mod:`rulesengine.store.batch_delete`), the queue checks and withdraws
its notifications (:mod:`rulesengine.queue.batch_withdrawal`), and the store removes the
batch and keeps the audit record. Once it is committed, ``notification_status_changed``
observers hear of every notification of an earlier batch that went back from
``superseded`` to ``scheduled``.
"""

from __future__ import annotations

import datetime as dt
from typing import TYPE_CHECKING

from rulesengine.queue.batch_withdrawal import (
    check_withdrawable,
    restore_superseded,
    withdraw_notifications,
)
from rulesengine.store.batch_delete import (
    BatchDeletion,
    check_before_state,
    find_deletable,
    remove_batch,
)
from rulesengine.store.rows import utcnow

if TYPE_CHECKING:
    import pluggy
    from sqlalchemy import Connection

    from rulesengine.store.sql_store import SQLStore

__all__ = ["delete_batch", "delete_batch_in", "preview_deletion", "restored_detail"]


def restored_detail(batch_id: str) -> str:
    """What observers are told of a notification scheduled again by a deletion."""
    return f"batch {batch_id} was deleted: scheduled again"


def delete_batch_in(conn: Connection, batch_id: str, at: dt.datetime) -> BatchDeletion:
    """Delete live batch ``batch_id`` in ``conn``'s write transaction (the caller commits),
    or raise :class:`~rulesengine.errors.DeleteRefused` having changed nothing."""
    head = find_deletable(conn, batch_id)
    statuses = check_withdrawable(conn, batch_id, head["profile_id"])
    check_before_state(conn, batch_id)
    restored = restore_superseded(conn, batch_id, at)
    withdraw_notifications(conn, batch_id)
    return remove_batch(conn, head, at, statuses, restored)


def preview_deletion(store: SQLStore, batch_id: str) -> BatchDeletion:
    """What deleting the batch would do: every check and change, then rolled back; raises
    :class:`~rulesengine.errors.DeleteRefused` when it may not be deleted."""
    with store.engine.connect() as conn:
        conn.execution_options(sqlite_begin="IMMEDIATE")
        with conn.begin() as trans:
            try:
                return delete_batch_in(conn, batch_id, utcnow())
            finally:
                trans.rollback()


def delete_batch(
    store: SQLStore, batch_id: str, *, plugin_manager: pluggy.PluginManager | None = None
) -> BatchDeletion:
    """Delete live batch ``batch_id`` (``rulesengine batch delete``); raises
    :class:`~rulesengine.errors.DeleteRefused`, having changed nothing, when it may not be.

    :param plugin_manager: whose observers hear of the notifications scheduled again
        (default: the installed plugins).
    """
    from rulesengine.channels.manager import get_plugin_manager, notify_observers

    with store.writing() as conn:
        deletion = delete_batch_in(conn, batch_id, utcnow())
    if deletion.restored:
        pm = plugin_manager or get_plugin_manager()
        detail = restored_detail(batch_id)
        for notification_id in deletion.restored:
            notify_observers(
                pm,
                "notification_status_changed",
                notification_id=notification_id,
                old_status="superseded",
                new_status="scheduled",
                detail=detail,
            )
    return deletion
