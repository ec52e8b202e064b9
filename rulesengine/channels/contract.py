"""The channel contract: :class:`Channel`, the base class a channel plugin may subclass.

Every attribute rulesengine reads from a channel class is declared here, with its type and
its default; :func:`rulesengine.channels.channel_checks.channel_problems` checks a class
against them when a plugin registers it (subclassing is not required: a plain class with the
same attributes is checked the same way). ``docs/plugins.md`` describes each attribute and
what ``send`` receives.
"""

from __future__ import annotations

import abc
import datetime as dt
from collections.abc import Collection, Iterable, Mapping
from typing import TYPE_CHECKING, Any, ClassVar, Literal, get_args

if TYPE_CHECKING:
    from rulesengine.channels.results import DeliveryResult
    from rulesengine.model import Notification

__all__ = [
    "ADDRESS_KINDS",
    "AddressKind",
    "Channel",
    "MAX_IN_FLIGHT",
    "SETTING_TYPES",
    "SettingType",
    "Window",
]

#: The guarantor contact a channel needs, which becomes a notification's ``to``: an email
#: address, an E.164 mobile number, the postal address on one line, or the guarantor's id
#: (a channel keyed by the guarantor, such as a patient portal). The one list of them.
AddressKind = Literal["email", "mobile", "postal", "guarantor"]
ADDRESS_KINDS: tuple[str, ...] = get_args(AddressKind)

#: The types a channel's ``setting_types`` may give a setting.
SettingType = Literal["str", "int", "bool"]
SETTING_TYPES: tuple[str, ...] = get_args(SettingType)

#: The most calls of ``send`` one channel object may have running at once (``max_in_flight``).
MAX_IN_FLIGHT = 100

#: A send window: ``(start, end)`` in the guarantor's local time, whole minutes, no zone.
Window = tuple[dt.time, dt.time]


class Channel(abc.ABC):
    """Base class of a channel: declare ``name`` and ``address``, implement ``send``.

    Class attributes (checked when the plugin registers the class; a wrong one is an error
    naming the plugin's distribution):

    :cvar name: what rules files write under ``channels:``; ``[a-z][a-z0-9_]*``. Required.
    :cvar address: the guarantor contact the channel needs (:data:`ADDRESS_KINDS`).
        Required. ``guarantor``: ``to`` is the guarantor's id, never suppressed for a
        missing address (opt-outs still apply); a proof's ``to`` is the test recipient.
    :cvar settings_keys: the keys accepted under ``channels.<name>`` besides ``send_window``
        and ``outbox``; ``None`` (the default) accepts any key.
    :cvar content_keys: the keys of a message's content for this channel; ``None`` (the
        default) accepts any mapping.
    :cvar required_content: content keys every message using the channel must have.
    :cvar single_line_content: content keys whose text must be one line (a header).
    :cvar setting_types: setting name -> ``"str"``, ``"int"`` or ``"bool"``; the rules
        loader converts and checks those settings. ``None``: every setting as written.
    :cvar setting_ranges: setting name -> ``(least, most)`` for settings typed ``"int"``:
        the rules loader refuses any other whole number, with file, line and column (``None``:
        any whole number from 0).
    :cvar default_window: the send window when the rules file sets none (``None``: none).
    :cvar max_window: a rules file's send window must lie within it (``None``: no limit).
    :cvar deduplicates: ``True`` when the channel passes each notification's
        ``idempotency_key`` to a provider that drops a repeated key, so sending the same
        notification twice delivers it once. The queue then sends a notification whose
        outcome is unknown (its worker stopped after the hand-over) again by itself, with
        the same key, instead of leaving it ``unknown`` for staff. Default ``False``.
    :cvar max_in_flight: how many calls of ``send`` the queue may have running at once on one
        channel object, each on a thread of its own, each with one notification (at most
        :data:`MAX_IN_FLIGHT`). ``1`` (the default): one call at a time, with the whole batch,
        always on the same thread. A channel that sets more must be safe to call from that
        many threads at once (a pool of connections, say); it may set its own from its
        settings in ``__init__`` (the built-in email and text channels take ``connections``).

    Optional methods: :meth:`preview`, what a notification would look like on this channel
    without sending it (the dashboard shows a statement's letter with it);
    :meth:`send_problem`, why ``send`` would fail a notification (its address or its
    content), checked without sending (a scenario's ``deliver`` step fails it so); ``close()``,
    called with no argument when the queue that built the object is closed (a worker
    stopping), to close what it keeps open (a pool's connections); the queue builds a new
    object if it delivers again, and logs a ``close()`` that raises.
    """

    name: ClassVar[str]
    address: ClassVar[AddressKind]
    settings_keys: ClassVar[Collection[str] | None] = None
    content_keys: ClassVar[Collection[str] | None] = None
    required_content: ClassVar[Collection[str]] = frozenset()
    single_line_content: ClassVar[Collection[str]] = frozenset()
    setting_types: ClassVar[Mapping[str, SettingType] | None] = None
    setting_ranges: ClassVar[Mapping[str, tuple[int, int]] | None] = None
    default_window: ClassVar[Window | None] = None
    max_window: ClassVar[Window | None] = None
    deduplicates: ClassVar[bool] = False
    max_in_flight: int = 1

    # Not abstract: a channel without settings need not override it.
    def __init__(self, settings: Mapping[str, Any]) -> None:  # noqa: B027
        """Build the channel from the rules file's ``channels.<name>`` mapping (with
        ``outbox`` and ``send_window``). The base class keeps nothing: a subclass parses
        what it needs, and a setting it cannot use fails the notifications, saying why."""

    @abc.abstractmethod
    def send(self, notifications: list[Notification]) -> Iterable[DeliveryResult]:
        """Deliver a batch of due notifications; one :class:`~rulesengine.DeliveryResult`
        per notification (``sent``, ``retry`` or ``failed``), in any order: returned as a
        list (recorded when ``send`` returns), or yielded one by one as each is known (a
        generator: each is recorded as it arrives, so a worker that dies part way leaves
        ``unknown`` only the notifications without one; ``docs/plugins.md``, "Results as
        they happen"). Called on a thread of the channel object's own, never twice at once,
        and a generator is read on that thread too; with ``max_in_flight`` above 1, called
        with one notification at a time from up to that many threads at once."""

    def send_problem(self, notification: Notification) -> str | None:
        """Why :meth:`send` would answer ``failed`` for ``notification`` because of the
        notification itself (an address the channel refuses, content it cannot send): the
        result's detail, as ``send`` words it; None when it would try to deliver it (the
        default). Checked without sending or writing anything, on the caller's thread: a
        scenario's ``deliver`` step fails what its channel refuses, so that a scenario
        cannot pass with a notification production would fail. Settings problems are not
        the notification's: leave them to ``send``.

        .. versionadded:: 0.1
        """
        return None

    def preview(self, notification: Notification) -> tuple[str, bytes] | None:
        """What ``notification`` would look like on this channel, without sending it or
        writing anything: ``(media type, bytes)`` (such as ``("application/pdf", ...)``), or
        None when the channel has no preview (the default). Called on the caller's thread;
        may raise ``ValueError`` for a notification it cannot show (no content to lay out).

        .. versionadded:: 0.1
        """
        return None
