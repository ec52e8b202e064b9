"""The plugin contract: every hook rulesengine calls, and nothing else.

Plugins implement these hooks with :data:`rulesengine.hookimpl` and are found through the
``rulesengine`` setuptools entry-point group (``docs/plugins.md``). A hook implementation may
accept any subset of a hook's arguments, by name.

Observer hooks (everything except ``register_channels``) are told about things that already
happened. An exception raised by an observer is logged and never breaks delivery: the host
calls them through :func:`rulesengine.channels.manager.notify_observers`.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING

import pluggy

if TYPE_CHECKING:
    from rulesengine.channels.results import DeliveryResult

__all__ = [
    "batch_uploaded",
    "delivery_finished",
    "hookspec",
    "notification_status_changed",
    "register_channels",
]

hookspec = pluggy.HookspecMarker("rulesengine")


# --- Start-up: what a plugin provides ---------------------------------------------------------


@hookspec
def register_channels(register: Callable[[type], None]) -> None:
    """Register the channel classes this plugin provides.

    Fires once for every plugin manager the host builds, when rulesengine collects the
    channels (before a rules file is loaded, since its ``channels:`` keys and message
    contents are checked against the registered channels). Call ``register`` once per
    channel class. The host owns ``register`` and may grow keyword arguments later, so
    call it with the class as its only positional argument.

    A channel class (best a subclass of :class:`rulesengine.Channel`, which declares every
    attribute with its type and default) has a ``name`` (``[a-z][a-z0-9_]*``, what rules
    files write under ``channels:``), an ``address`` (``email``, ``mobile``, ``postal`` or
    ``guarantor``), a constructor
    taking the rules file's settings mapping and a ``send(notifications)`` method returning
    one :class:`~rulesengine.DeliveryResult` per notification. It may declare
    ``settings_keys``, ``content_keys`` and ``required_content`` (``None``: accepts any),
    ``single_line_content`` (content keys whose text must be one line, a header),
    ``setting_types`` (setting name -> ``"str"``, ``"int"`` or ``"bool"``), ``setting_ranges``
    (``"int"`` setting -> ``(least, most)``), ``default_window`` and ``max_window``
    (``(datetime.time, datetime.time)`` pairs), ``deduplicates`` (``True`` when its provider
    drops a repeated idempotency key) and ``max_in_flight`` (calls of ``send`` at once, 1 to
    100). Each
    declared attribute is checked when ``register`` is called: one of the wrong type or shape
    is an error naming the plugin's distribution, the channel and the attribute.

    The queue builds a channel object on the worker's main thread and calls its ``send`` on
    a thread of the object's own (always the same one); calls to one object never overlap
    (unless it sets ``max_in_flight`` above 1: then up to that many calls, one notification
    each, on threads of its own), but different channel objects' ``send`` run at the same time
    (``docs/plugins.md``, "Threads").

    :param register: the host's function ``register(channel_class)`` that records a channel
        class; two channels with one name are an error naming both plugins.
    :returns: nothing; return values are ignored.

    .. versionadded:: 0.1
    """


# --- Statement runs ------------------------------------------------------------------------------


@hookspec
def batch_uploaded(batch_id: str, profile_id: str, notifications: int) -> None:
    """Observe a live batch whose notifications were queued.

    Fires after a live statement run's batch is committed and its notifications are in the
    queue (not for test runs, and not when loading the same batch again queues nothing new).
    An exception raised here is logged and does not undo the upload.

    :param batch_id: the id of the uploaded batch.
    :param profile_id: the id of the statement profile (``profile.id`` of the rules file).
    :param notifications: how many notifications the batch put into the queue (scheduled or
        suppressed).
    :returns: nothing; return values are ignored.

    .. versionadded:: 0.1
    """


# --- Delivery ------------------------------------------------------------------------------------


@hookspec
def delivery_finished(channel: str, results: list[DeliveryResult]) -> None:
    """Observe the results of one call to a channel's ``send``.

    Fires after each ``send`` call, once its results (including the retries the host made
    of an exception or a missing result) are recorded in the queue's history. An exception
    raised here is logged and never breaks delivery.

    :param channel: the name of the channel that was called (``email``, ``text`` ...).
    :param results: one :class:`~rulesengine.DeliveryResult` per notification handed to
        ``send``, in the order they were handed over.
    :returns: nothing; return values are ignored.

    .. versionadded:: 0.1
    """


@hookspec
def notification_status_changed(
    notification_id: int, old_status: str | None, new_status: str, detail: str | None
) -> None:
    """Observe a notification moving from one status to another.

    Fires after the change is committed to the queue, once per change: on upload
    (``None`` -> ``scheduled``, or ``suppressed`` with the reason as ``detail``), when
    claimed (``sending``), after delivery (``sent``, ``scheduled`` again for a retry,
    ``error``), when canceled, suppressed or marked ``unknown``, when a later live batch
    supersedes it (``scheduled`` -> ``superseded``, after that run's commit) and when
    deleting that batch schedules it again (``superseded`` -> ``scheduled``). An exception
    raised here is logged and never breaks delivery.

    A live run's uploads are reported together, batched: once the run has committed, one
    call per notification of its batch (in id order, then the ones it superseded), before
    ``batch_uploaded``. The host reads them back in one query, and only when a plugin
    implements this hook, so a million-notification run costs nothing without one. A
    proof or an on-demand notification is reported when it is queued.

    :param notification_id: the id of the notification (``Notification.id``).
    :param old_status: the status before the change; ``None`` when the notification was
        just created.
    :param new_status: the status after the change.
    :param detail: the reason recorded in the history (a provider's error, "paid", ...),
        or ``None``.
    :returns: nothing; return values are ignored.

    .. versionadded:: 0.1
    """
