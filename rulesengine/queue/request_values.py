"""Checks of the values a caller gives the queue (ids, id lists, limits, filters), so that
a wrong one is an :class:`~rulesengine.errors.InvalidRequest` naming what was given rather
than a driver error, an overflow, or a silently empty answer."""

from __future__ import annotations

from collections.abc import Sequence

from rulesengine.errors import InvalidRequest
from rulesengine.model import NOTIFICATION_KINDS, given, is_whole

__all__ = ["checked_id", "checked_ids", "checked_kind", "checked_limit"]

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
