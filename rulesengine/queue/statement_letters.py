"""A statement's letter as its channel would deliver it, without delivering it (the
dashboard's Print/View Statements).

The notification is the queue's own when the statement has one on the channel (a letter
suppressed for a paperless guarantor included); otherwise it is drafted as a live batch
drafts it (:func:`rulesengine.drafting.notification_drafts.draft_notifications`, with the
rules version the batch ran under), when that version's message has content for the
channel. The channel object is the one the queue would hand it to, and renders it with its
optional ``preview`` method (``docs/plugins.md``): one code path for the letter, and nothing
is written anywhere.
"""

from __future__ import annotations

import logging
from typing import TYPE_CHECKING, Any

import attrs

from rulesengine.drafting.notification_drafts import draft_notifications
from rulesengine.errors import NotFound, RulesengineError
from rulesengine.model import Notification, plain
from rulesengine.queue.channel_objects import ChannelSetupError
from rulesengine.queue.notification_counts import statement_notifications
from rulesengine.store.batch_reads import StoredStatement, stored_statement

if TYPE_CHECKING:
    from rulesengine.queue.channel_objects import Channels
    from rulesengine.store.sql_store import SQLStore

__all__ = ["LetterPreview", "LetterSource", "NoPreview", "letter_source", "statement_letter"]

_log = logging.getLogger(__name__)


class NoPreview(RulesengineError):
    """The statement has no letter on the channel, or the channel cannot show it."""


@attrs.frozen
class LetterSource:
    """What a statement's letter is rendered from: the notification, the rules version
    whose channel settings render it, and the queued notification's id (None: drafted)."""

    notification: Notification
    rules_hash: str
    notification_id: int | None
    channel_object: Any


@attrs.frozen
class LetterPreview:
    """A statement's letter: its media type and bytes, and the queued notification it was
    rendered from (None: drafted from the batch's rules)."""

    media_type: str
    data: bytes
    notification_id: int | None


def letter_source(
    store: SQLStore, channels: Channels, statement_id: str, channel: str = "print"
) -> LetterSource:
    """Where the letter of stored statement ``statement_id`` on ``channel`` comes from,
    without rendering it (module docstring).

    :raises NotFound: no such statement (or its guarantor is gone).
    :raises NoPreview: the statement has no letter on the channel (its message has no
        content for it), or the channel is not installed here or has no preview; the
        message says which, in plain words.
    """
    with store.reading() as conn:
        found = stored_statement(conn, statement_id)
        if found is None:
            raise NotFound(f"no statement {statement_id!r} in the store")
        queued = [r for r in statement_notifications(conn, statement_id) if r.channel == channel]
    if queued:
        row = queued[0]
        notification = row.as_notification()
        rules_hash = row.rules_hash or found.batch.rules_hash
        nid: int | None = row.id
    else:
        if not channels.available(channel):
            raise NoPreview(f"the letter is not part of this statement (no {channel} channel)")
        notification = _drafted(store, channels, found, channel)
        rules_hash, nid = found.batch.rules_hash, None
    if not channels.available(channel):
        raise NoPreview(f"the {channel} channel is not installed here: its letter cannot be shown")
    try:
        obj = channels.instance(rules_hash, channel)
    except ChannelSetupError as exc:
        raise NoPreview(str(exc)) from None
    if not callable(getattr(obj, "preview", None)):
        raise NoPreview(f"the {channel} channel cannot show a letter without sending it")
    return LetterSource(notification, rules_hash, nid, obj)


def statement_letter(
    store: SQLStore, channels: Channels, statement_id: str, channel: str = "print"
) -> LetterPreview:
    """The letter of stored statement ``statement_id`` on ``channel``, rendered by the
    channel's ``preview`` (module docstring).

    :raises NotFound: no such statement (or its guarantor is gone).
    :raises NoPreview: as :func:`letter_source`, or the channel refused the notification.
    """
    source = letter_source(store, channels, statement_id, channel)
    try:
        shown = source.channel_object.preview(source.notification)
    except ValueError as exc:
        raise NoPreview(f"the {channel} channel cannot show this letter: {exc}") from None
    if shown is None:
        raise NoPreview(f"the {channel} channel cannot show a letter without sending it")
    media_type, data = shown
    _log.debug("letter of statement %s shown (%d bytes)", statement_id, len(data))
    return LetterPreview(str(media_type), bytes(data), source.notification_id)


def _drafted(
    store: SQLStore, channels: Channels, found: StoredStatement, channel: str
) -> Notification:
    """The notification a live batch would have drafted for the statement on ``channel``."""
    statement = found.statement
    try:
        rules = channels.rules(found.batch.rules_hash)
    except ChannelSetupError as exc:
        raise NoPreview(str(exc)) from None
    message = rules.messages.get(statement.message_id)
    if message is None or channel not in message.content:
        raise NoPreview(
            f"the letter is not part of this statement: its message {statement.message_id!r}"
            f" has no {channel} content in the rules it was produced under"
        )
    guarantor = store.get_guarantor(statement.guarantor_id)
    if guarantor is None:
        raise NotFound(f"no guarantor {statement.guarantor_id!r} in the store")
    [draft] = draft_notifications(
        rules,
        [attrs.evolve(statement, channels=(channel,))],
        {guarantor.id: guarantor},
        found.batch.run_date,
        secret=store.secret(),
        addressing=channels.addressing(),
    )
    context = plain(draft.context)
    return Notification(
        id=0,
        idempotency_key=f"{statement.id}:{channel}",
        channel=channel,
        to=draft.to or "",
        guarantor_id=draft.guarantor_id,
        statement_id=statement.id,
        batch_id=found.batch.id,
        message_id=draft.message_id,
        level=draft.level,
        content=plain(draft.content),
        attempt=0,
        scheduled_at=draft.scheduled_at,
        recipient=dict(context.get("recipient") or {}),
        statement=dict(context.get("statement") or {}),
        sender=dict(context.get("sender") or {}),
    )
