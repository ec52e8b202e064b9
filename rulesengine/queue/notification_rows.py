"""The notification queue's values: a decoded ``notifications`` row, a status change to
make and one made, and the facts the pre-send check reads.

Frozen values only; the SQL that reads and writes the rows is in
:mod:`rulesengine.queue.notification_sql` and its neighbours.
"""

from __future__ import annotations

import datetime as dt
import json
from collections.abc import Mapping
from typing import Any

import attrs

from rulesengine.model import Notification
from rulesengine.store.rows import (
    from_db_instant,
)

__all__ = [
    "Change",
    "PresendFacts",
    "QueueRow",
    "Transition",
]


@attrs.frozen
class QueueRow:
    """One ``notifications`` row, decoded (JSON columns parsed, instants aware UTC)."""

    id: int
    kind: str
    batch_id: str | None
    statement_id: str
    guarantor_id: str
    profile_id: str | None
    channel: str
    message_id: str
    level: int
    status: str
    reason: str | None
    to: str | None
    scheduled_at: dt.datetime
    content: Mapping[str, Any]
    context: Mapping[str, Any]
    idempotency_key: str
    attempt: int
    next_attempt_at: dt.datetime | None
    rules_hash: str | None
    proof: bool
    timezone: str
    send_window: str | None
    max_attempts: int
    backoff: tuple[int, ...] = attrs.field(converter=tuple)
    lease_owner: str | None = None
    lease_expires_at: dt.datetime | None = None
    handed_at: dt.datetime | None = None
    provider_ref: str | None = None
    created_at: dt.datetime | None = None
    updated_at: dt.datetime | None = None
    superseded_by: str | None = None  # the live batch that superseded it

    @classmethod
    def from_mapping(cls, row: Any) -> QueueRow:
        """Build one from a ``select(notifications)`` result mapping."""
        return cls(
            id=row["id"],
            kind=row["kind"],
            batch_id=row["batch_id"],
            statement_id=row["statement_id"],
            guarantor_id=row["guarantor_id"],
            profile_id=row["profile_id"],
            channel=row["channel"],
            message_id=row["message_id"],
            level=row["level"],
            status=row["status"],
            reason=row["reason"],
            to=row["to_address"],
            scheduled_at=from_db_instant(row["scheduled_at"]),
            content=json.loads(row["content_json"]),
            context=json.loads(row["context_json"]),
            idempotency_key=row["idempotency_key"],
            attempt=row["attempt"],
            next_attempt_at=from_db_instant(row["next_attempt_at"]),
            rules_hash=row["rules_hash"],
            proof=bool(row["proof"]),
            timezone=row["timezone"],
            send_window=row["send_window"],
            max_attempts=row["max_attempts"],
            backoff=json.loads(row["backoff_json"]),
            lease_owner=row["lease_owner"],
            lease_expires_at=from_db_instant(row["lease_expires_at"]),
            handed_at=from_db_instant(row["handed_at"]),
            provider_ref=row["provider_ref"],
            created_at=from_db_instant(row["created_at"]),
            updated_at=from_db_instant(row["updated_at"]),
            superseded_by=row["superseded_by"],
        )

    @property
    def checked_statement_id(self) -> str:
        """The stored statement whose encounters the pre-send check looks at: the
        notification's own, or for an on-demand notification the statement it was rendered
        from (``context["statement"]["id"]``)."""
        statement = self.context.get("statement") or {}
        return str(statement.get("id") or self.statement_id)

    def as_notification(self) -> Notification:
        """The :class:`~rulesengine.model.Notification` a channel's ``send`` receives."""
        return Notification(
            id=self.id,
            idempotency_key=self.idempotency_key,
            channel=self.channel,
            to=self.to or "",
            guarantor_id=self.guarantor_id,
            statement_id=self.statement_id,
            batch_id=self.batch_id or self.kind.replace("_", "-"),
            message_id=self.message_id,
            level=self.level,
            content=dict(self.content),
            attempt=self.attempt,
            scheduled_at=self.scheduled_at,
            recipient=dict(self.context.get("recipient") or {}),
            statement=dict(self.context.get("statement") or {}),
            sender=dict(self.context.get("sender") or {}),
            proof=self.proof,
        )


@attrs.frozen
class Transition:
    """A status change, for the ``notification_status_changed`` observers after commit."""

    notification_id: int
    old_status: str | None
    new_status: str
    detail: str | None


@attrs.frozen
class Change:
    """A status change to make (:func:`change_statuses`): ``row`` as it was read, the new
    status, the history detail, and further columns to set."""

    row: QueueRow
    new_status: str
    detail: str | None = None
    values: Mapping[str, Any] = attrs.field(factory=dict)


@attrs.frozen
class PresendFacts:
    """What the pre-send check reads about a set of claimed notifications.

    ``opted_out``: (guarantor, channel) -> the source of the opt-out (the ledger's first
    entry, or the guarantor flag); ``held``: guarantors on hold; ``lines``: per stored
    statement, its encounters' current (hold, balance in cents).
    """

    opted_out: Mapping[tuple[str, str], str]
    held: frozenset[str]
    lines: Mapping[str, tuple[tuple[bool, int], ...]]
