"""Checks of the values a caller gives the queue (ids, id lists, limits, filters), so that
a wrong one is an :class:`~rulesengine.errors.InvalidRequest` naming what was given rather
than a driver error, an overflow, or a silently empty answer."""

from __future__ import annotations

import math
from collections.abc import Sequence

from rulesengine.errors import InvalidRequest
from rulesengine.model import (
    NOTIFICATION_KINDS,
    NOTIFICATION_STATUSES,
    given,
    is_whole,
)
from rulesengine.storable_text import nul_problem

__all__ = [
    "ACTOR_MAX",
    "RESOLVE_OUTCOMES",
    "SOURCE_MAX",
    "checked_actor",
    "checked_id",
    "checked_ids",
    "checked_kind",
    "checked_limit",
    "checked_source",
    "checked_statuses",
    "checked_texts",
    "checked_worker_arguments",
]

#: The store's ids are 64-bit signed integers.
_ID_MIN, _ID_MAX = -(2**63), 2**63 - 1


def checked_id(notification_id: object) -> int:
    """A notification id: an ``int`` (not a ``bool``) in the store's 64-bit range."""
    if not is_whole(notification_id):
        raise InvalidRequest(f"a notification id is an int, got {given(notification_id)}")
    assert isinstance(notification_id, int)
    if not _ID_MIN <= notification_id <= _ID_MAX:
        raise InvalidRequest(
            f"a notification id is within the 64-bit range, got {given(notification_id)}"
        )
    return notification_id


def checked_ids(ids: object) -> list[int]:
    """A sequence of notification ids (a ``str`` is not one)."""
    if isinstance(ids, (str, bytes)) or not isinstance(ids, Sequence):
        raise InvalidRequest(
            f"expected a sequence of notification ids (such as [12, 13]), got {given(ids)}"
        )
    return [checked_id(nid) for nid in ids]


def checked_limit(limit: object, *, least: int) -> None:
    """A limit on how many notifications: an ``int`` of at least ``least``."""
    if not is_whole(limit) or not least <= limit <= _ID_MAX:  # type: ignore[operator]
        raise InvalidRequest(f"limit must be a whole number, at least {least}, got {given(limit)}")


def checked_kind(kind: object) -> None:
    """One of :data:`~rulesengine.model.NOTIFICATION_KINDS`."""
    if kind not in NOTIFICATION_KINDS:
        raise InvalidRequest(
            f"unknown kind {kind!r}; the kinds are {', '.join(NOTIFICATION_KINDS)}"
        )


#: The longest opt-out source kept (``staff``, ``inbound STOP``, a staff member's note).
SOURCE_MAX = 200


def checked_texts(**values: object) -> None:
    """Each given value (None: not given) is text, as a filter or an id is."""
    for name, value in values.items():
        if value is not None and not isinstance(value, str):
            raise InvalidRequest(f"{name} must be text (a str), got {given(value)}")
        _refuse_nul(name, value)


def _refuse_nul(name: str, value: str | None) -> None:
    """Text the store is given holds no NUL character (PostgreSQL's text cannot)."""
    problem = nul_problem(value) if value is not None else None
    if problem is not None:
        raise InvalidRequest(f"{name} {problem}")


def checked_source(source: object) -> None:
    """An opt-out's source: text, at most :data:`SOURCE_MAX` characters."""
    if not isinstance(source, str):
        raise InvalidRequest(f"source must be text (a str), got {given(source)}")
    _refuse_nul("source", source)
    if len(source) > SOURCE_MAX:
        raise InvalidRequest(
            f"an opt-out's source is at most {SOURCE_MAX} characters, got {len(source):,}"
        )


#: How an ``unknown`` notification is resolved: it went out, or send it again.
RESOLVE_OUTCOMES = ("sent", "resend")

#: The longest actor kept in a history entry (``dashboard:NAME``, ``cli:NAME``).
ACTOR_MAX = 200


def checked_actor(actor: object) -> str | None:
    """Who asked for a staff action: None, or text of 1 to :data:`ACTOR_MAX` characters."""
    if actor is None:
        return None
    if not isinstance(actor, str):
        raise InvalidRequest(f"actor must be text (a str), got {given(actor)}")
    _refuse_nul("actor", actor)
    if not actor.strip() or len(actor) > ACTOR_MAX:
        raise InvalidRequest(
            f"an actor is 1 to {ACTOR_MAX} characters (such as 'cli:alice'), got {len(actor):,}"
        )
    return actor


def checked_statuses(status: object) -> tuple[str, ...] | None:
    """A status filter: None (any), one status, or a non-empty sequence of statuses."""
    if status is None:
        return None
    statuses = (status,) if isinstance(status, str) else status
    if not isinstance(statuses, Sequence) or isinstance(statuses, bytes) or not statuses:
        raise InvalidRequest(f"status must be a status or a list of them, got {given(status)}")
    for one in statuses:
        if one not in NOTIFICATION_STATUSES:
            raise InvalidRequest(
                f"unknown status {one!r}; the statuses are {', '.join(NOTIFICATION_STATUSES)}"
            )
    return tuple(dict.fromkeys(statuses))


def checked_worker_arguments(stop_event: object, poll_seconds: object) -> None:
    """``run_worker``'s event (it has ``is_set`` and ``wait``) and its pause between
    rounds with nothing due (a number of seconds, more than 0)."""
    if not (hasattr(stop_event, "is_set") and hasattr(stop_event, "wait")):
        raise InvalidRequest(f"stop_event must be a threading.Event, got {given(stop_event)}")
    number = isinstance(poll_seconds, (int, float)) and not isinstance(poll_seconds, bool)
    if not number or not 0 < poll_seconds < math.inf:  # type: ignore[operator]
        raise InvalidRequest(
            f"poll_seconds must be a number of seconds above 0, got {given(poll_seconds)}"
        )
