"""The notification queue's values: a decoded ``notifications`` row, a status change to
make and one made, and the facts the pre-send check reads.

Frozen values only; the SQL that reads and writes the rows is in
:mod:`rulesengine.queue.notification_sql` and its neighbours.
"""

from __future__ import annotations

import datetime as dt
import json
from collections.abc import Callable, Iterable, Mapping
from typing import Any

import attrs

from rulesengine.model import Notification
from rulesengine.storable_text import storable
from rulesengine.store.rows import (
    from_db_instant,
)

__all__ = [
    "NOTIFICATION_FIELDS",
    "Change",
    "PresendFacts",
    "QueueRow",
    "Transition",
    "history_fields",
    "notification_fields",
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
    # False: a live batch's notification stored without its content and context (schema
    # version 6), which are empty here until rendered (rulesengine.queue.batch_content)
    rendered: bool = True
    # Why its content could not be rendered when it was read to be shown (None: it was, or
    # it was stored with it)
    unrendered: str | None = None

    @classmethod
    def from_mapping(cls, row: Any) -> QueueRow:
        """Build one from a ``select(notifications)`` result mapping."""
        content = row["content_json"]
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
            content=_mapping(content),
            context=_mapping(row["context_json"]),
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
            rendered=content != "",
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


def _mapping(text: str) -> Any:
    """A ``content_json`` or ``context_json`` value decoded ({} for an unrendered one)."""
    return json.loads(text) if text else {}


@attrs.frozen
class Transition:
    """A status change, for the ``notification_status_changed`` observers after commit."""

    notification_id: int
    old_status: str | None
    new_status: str
    detail: str | None


def _storable_values(values: Mapping[str, Any]) -> Mapping[str, Any]:
    return {name: storable(value) for name, value in values.items()}


@attrs.frozen
class Change:
    """A status change to make (:func:`change_statuses`): ``row`` as it was read, the new
    status, the history detail, and further columns to set.

    The detail and the columns' text often quote a channel or its provider (an SMTP reply,
    an exception's message): a NUL character in them, which PostgreSQL refuses and would
    stop the worker's round, is stored as ``\\x00`` (:func:`~rulesengine.storable_text.storable`).
    """

    row: QueueRow
    new_status: str
    detail: str | None = attrs.field(default=None, converter=storable)
    values: Mapping[str, Any] = attrs.field(factory=dict, converter=_storable_values)


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


def _iso(value: dt.datetime | None) -> str | None:
    return value.isoformat() if value is not None else None


#: Every field of a notification as the command line's ``--json`` and the dashboard's API
#: answer it, by name: a record it points to by the record's name (``guarantor``, not
#: ``guarantor_id``), instants in ISO 8601.
_FIELDS: dict[str, Callable[[QueueRow], Any]] = {
    "id": lambda row: row.id,
    "kind": lambda row: row.kind,
    "status": lambda row: row.status,
    "reason": lambda row: row.reason,
    "channel": lambda row: row.channel,
    "guarantor": lambda row: row.guarantor_id,
    "profile": lambda row: row.profile_id,
    "batch": lambda row: row.batch_id,
    "statement": lambda row: row.statement_id,
    "message": lambda row: row.message_id,
    "level": lambda row: row.level,
    "attempt": lambda row: row.attempt,
    "max_attempts": lambda row: row.max_attempts,
    "backoff": lambda row: list(row.backoff),
    "to": lambda row: row.to,
    "scheduled_at": lambda row: _iso(row.scheduled_at),
    "next_attempt_at": lambda row: _iso(row.next_attempt_at),
    "timezone": lambda row: row.timezone,
    "send_window": lambda row: row.send_window,
    "idempotency_key": lambda row: row.idempotency_key,
    "rules_hash": lambda row: row.rules_hash,
    "proof": lambda row: row.proof,
    "lease_owner": lambda row: row.lease_owner,
    "lease_expires_at": lambda row: _iso(row.lease_expires_at),
    "handed_at": lambda row: _iso(row.handed_at),
    "provider_ref": lambda row: row.provider_ref,
    "superseded_by": lambda row: row.superseded_by,
    "content": lambda row: dict(row.content),
    "context": lambda row: dict(row.context),
    "unrendered": lambda row: row.unrendered,
    "created_at": lambda row: _iso(row.created_at),
    "updated_at": lambda row: _iso(row.updated_at),
}

#: The names of :func:`notification_fields`, in the order it gives them by default.
NOTIFICATION_FIELDS: tuple[str, ...] = tuple(_FIELDS)


def notification_fields(
    row: QueueRow, names: Iterable[str] = NOTIFICATION_FIELDS
) -> dict[str, Any]:
    """The fields ``names`` of a notification (all by default), in that order, as JSON
    values: the one place the command line and the dashboard's API read them from."""
    return {name: _FIELDS[name](row) for name in names}


def history_fields(entries: Iterable[Mapping[str, Any]]) -> list[dict[str, Any]]:
    """Status history entries (``Queue.history``) as JSON values: ``at`` in ISO 8601."""
    return [{**entry, "at": _iso(entry["at"])} for entry in entries]
