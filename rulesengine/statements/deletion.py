"""Deleting a live batch: the store's transaction, then the observers.

The store does the work in one transaction (:mod:`rulesengine.store.batch_delete`); once it
is committed, ``notification_status_changed`` observers hear of every notification of an
earlier batch that went back from ``superseded`` to ``scheduled``.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

if TYPE_CHECKING:
    import pluggy

    from rulesengine.store.base import Store
    from rulesengine.store.batch_delete import BatchDeletion

__all__ = ["delete_batch", "restored_detail"]


def restored_detail(batch_id: str) -> str:
    """What observers are told of a notification scheduled again by a deletion."""
    return f"batch {batch_id} was deleted: scheduled again"


def delete_batch(
    store: Store, batch_id: str, *, plugin_manager: pluggy.PluginManager | None = None
) -> BatchDeletion:
    """Delete live batch ``batch_id`` (``rulesengine batch delete``); raises
    :class:`~rulesengine.errors.DeleteRefused`, having changed nothing, when it may not be.

    :param plugin_manager: whose observers hear of the notifications scheduled again
        (default: the installed plugins).
    """
    from rulesengine.channels.manager import get_plugin_manager, notify_observers

    deletion = store.delete_batch(batch_id)
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
