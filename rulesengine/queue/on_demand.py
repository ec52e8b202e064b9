"""Notifications that do not come from a live batch: on-demand ones and proofs.

- **On demand** (a pay-now link for a guarantor on the phone): rendered like a batch
  notification from the guarantor's latest live statement of the rules' profile, with the
  message asked for; kind ``on_demand``, statement id ``on-demand-<uuid hex>``; it never
  changes a dunning level and goes through the same window and pre-send checks (against
  the statement it was rendered from). Refused for a guarantor without a live statement.
- **Proofs** of a test batch: one per distinct (message, channel) of the batch, rendered for
  a real statement of it (the first one using that message and channel), addressed to
  ``delivery.test_recipients[channel]``; kind ``proof``, ``proof=True``. The guarantor's
  postal fields are left out of a proof's recipient, so a letter goes to the test address.

Both are due now, or at the next start of their send window, and keep the rules text
(``rules.source_text``, what the rules were loaded from) under its hash so a worker can
build their channels with the file's settings.
"""

from __future__ import annotations

import datetime as dt
import logging
import uuid
from typing import TYPE_CHECKING, Any

import attrs

from rulesengine.drafting.notification_drafts import draft_notifications
from rulesengine.errors import InvalidRequest, NotFound
from rulesengine.model import send_window_text
from rulesengine.queue import on_demand_sql
from rulesengine.queue.delivery_report import ProofsAdded
from rulesengine.queue.notification_rows import Transition
from rulesengine.queue.windows import local_zone, window_in_zone
from rulesengine.rules.loader import load_rules_text

if TYPE_CHECKING:
    from collections.abc import Mapping

    from rulesengine.channels.specs import ChannelSpec
    from rulesengine.model import BatchResult, NotificationDraft
    from rulesengine.queue.queue_context import QueueContext
    from rulesengine.rules.policy import Rules
    from rulesengine.store.sql_store import SQLStore

__all__ = ["add_proofs", "notify", "rules_of_latest_statement"]

_log = logging.getLogger(__name__)

_POSTAL = ("postal_line1", "postal_line2", "postal_city", "postal_state", "postal_zip")


def _due_at(draft: NotificationDraft, now: dt.datetime) -> dt.datetime:
    """Now when inside the draft's send window (or it has none), else the next start."""
    window = window_in_zone(draft.send_window, local_zone(draft.timezone))
    if window is None or window.contains(now):
        return now
    return window.next_start(now)


def _row_values(draft: NotificationDraft, at: dt.datetime) -> dict[str, Any]:
    """The columns every new notification takes from its draft."""
    scheduled = draft.status == "scheduled"
    return {
        "guarantor_id": draft.guarantor_id,
        "channel": draft.channel,
        "message_id": draft.message_id,
        "level": draft.level,
        "status": draft.status,
        "reason": draft.reason,
        "to_address": draft.to,
        "scheduled_at": at,
        "next_attempt_at": at if scheduled else None,
        "content": draft.content,
        "context": draft.context,
        "timezone": draft.timezone,
        "send_window": send_window_text(draft.send_window),
        "max_attempts": draft.max_attempts,
        "backoff": draft.backoff,
        "attempt": 0,
    }


def notify(
    queue: QueueContext,
    guarantor_id: str,
    channel: str,
    message_id: str,
    rules: Rules,
    now: dt.datetime,
    actor: str | None = None,
) -> int:
    """Queue an on-demand notification; returns its id (see the module docstring). Its
    first history entry records ``actor``, who asked for it."""
    message = rules.messages.get(message_id)
    if message is None:
        known = ", ".join(sorted(rules.messages)) or "none"
        raise InvalidRequest(
            f"{rules.path} has no message {message_id!r}; its messages are {known}"
        )
    if channel not in message.content:
        has = ", ".join(sorted(message.content)) or "no channel"
        raise InvalidRequest(
            f"message {message_id!r} has no content for {channel!r} (it has {has})"
        )
    guarantor = queue.store.get_guarantor(guarantor_id)
    if guarantor is None:
        raise NotFound(f"no guarantor {guarantor_id!r} in the store")
    secret = queue.store.secret()
    addressing = queue.channels.addressing()
    queue.channels.remember(rules)
    profile = rules.profile.id
    with queue.store.writing() as conn:
        found = on_demand_sql.latest_live_statement(conn, guarantor_id, profile)
        if found is None:
            raise InvalidRequest(
                f"guarantor {guarantor_id!r} has had no live statement in profile {profile!r} "
                "yet; on-demand notifications need one"
            )
        _batch_id, statement = found
        source = attrs.evolve(statement, message_id=message_id, channels=(channel,))
        [draft] = draft_notifications(
            rules,
            [source],
            {guarantor_id: guarantor},
            now.date(),
            secret=secret,
            addressing=addressing,
        )
        at = _due_at(draft, now)
        statement_id = f"on-demand-{uuid.uuid4().hex}"
        on_demand_sql.keep_rules_text(conn, rules.content_hash, rules.source_text)
        values = _row_values(draft, at) | {
            "kind": "on_demand",
            "batch_id": None,
            "statement_id": statement_id,
            "profile_id": profile,
            "idempotency_key": f"{statement_id}:{channel}",
            "rules_hash": rules.content_hash,
            "proof": False,
        }
        detail = draft.reason or f"on demand, from statement {statement.id}"
        nid = on_demand_sql.insert_notification(conn, values, now, detail, actor)
    _log.info("on-demand notification %s queued (%s, %s)", nid, channel, message_id)
    queue.observe([Transition(nid, None, draft.status, detail)])
    return nid


def rules_of_latest_statement(
    store: SQLStore, guarantor_id: str, channel_specs: Mapping[str, ChannelSpec]
) -> Rules:
    """The rules version the guarantor's latest live statement was made with, loaded (against
    ``channel_specs``, the installed channels') from the text the store kept: what an
    on-demand notification is rendered with when no rules file is given.
    :class:`NotFound` when there is no such guarantor, statement or text."""
    with store.reading() as conn:
        found = on_demand_sql.latest_live_rules(conn, guarantor_id)
    if found is None:
        if store.get_guarantor(guarantor_id) is None:
            raise NotFound(f"no guarantor {guarantor_id!r} in the store")
        raise NotFound(
            f"guarantor {guarantor_id!r} has had no live statement yet; on-demand notifications"
            " need one"
        )
    batch_id, rules_hash = found
    text = store.rules_text(rules_hash)
    if text is None:
        raise NotFound(
            f"the rules file of batch {batch_id} is not in the store; give it with --rules"
        )
    return load_rules_text(
        text, filename=f"<rules of batch {batch_id}>", channel_specs=channel_specs
    )


def add_proofs(
    queue: QueueContext,
    batch: BatchResult,
    rules: Rules,
    now: dt.datetime,
) -> ProofsAdded:
    """Queue one proof per distinct (message, channel) of a test batch (module docstring)."""
    if batch.mode != "test":
        raise InvalidRequest(
            f"proofs are made from a test batch; {batch.id} is a {batch.mode} batch"
        )
    firsts: dict[tuple[str, str], NotificationDraft] = {}
    for draft in batch.notifications:
        firsts.setdefault((draft.message_id, draft.channel), draft)
    recipients = rules.delivery.test_recipients
    queue.channels.remember(rules)
    ids: list[int] = []
    skipped: list[tuple[str, str]] = []
    transitions: list[Transition] = []
    with queue.store.writing() as conn:
        if firsts:
            on_demand_sql.keep_rules_text(conn, batch.rules_hash, rules.source_text)
        for (message_id, channel), draft in firsts.items():
            to = recipients.get(channel)
            if not to:
                skipped.append((message_id, channel))
                continue
            context = dict(draft.context)
            recipient = dict(context.get("recipient") or {})
            context["recipient"] = {k: v for k, v in recipient.items() if k not in _POSTAL}
            proof = attrs.evolve(draft, status="scheduled", reason=None, to=to, context=context)
            at = _due_at(proof, now)
            statement_id = f"proof-{batch.id}-{message_id}-{channel}-{uuid.uuid4().hex}"
            values = _row_values(proof, at) | {
                "kind": "proof",
                "batch_id": batch.id,
                "statement_id": statement_id,
                "profile_id": batch.profile_id,
                "idempotency_key": f"{statement_id}:{channel}",
                "rules_hash": batch.rules_hash,
                "proof": True,
            }
            detail = (
                f"proof of {message_id} by {channel}, rendered for statement {draft.statement_id}"
            )
            nid = on_demand_sql.insert_notification(conn, values, now, detail)
            ids.append(nid)
            transitions.append(Transition(nid, None, "scheduled", detail))
    for message_id, channel in skipped:
        _log.warning(
            "no proof of %s by %s: delivery.test_recipients has no %s address",
            message_id,
            channel,
            channel,
        )
    queue.observe(transitions)
    return ProofsAdded(ids, skipped)
