"""Staff actions on the queue: retry, cancel, resolve ``unknown``, and the opt-out ledger.

A staff action is all or nothing: when any id is unknown or in a status the action does not
apply to, nothing changes and the error names every such id with its status.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence
from typing import TYPE_CHECKING, Any

import attrs

from rulesengine.errors import InvalidRequest, NotFound, RefusedTransition
from rulesengine.queue import notification_sql, presend_sql
from rulesengine.queue.notification_rows import Transition

if TYPE_CHECKING:
    from rulesengine.queue.queue_context import QueueContext

__all__ = ["ACTIONS", "StaffAction", "opt_out", "staff_action"]


@attrs.frozen
class StaffAction:
    """What one staff action does: from which statuses, to which, and what history says."""

    verb: str  # for messages: "retried", "canceled", "resolved"
    allowed: tuple[str, ...]
    new_status: str
    detail: str
    reschedule: bool  # due again now


ACTIONS = {
    "retry": StaffAction(
        "retried", ("error", "unknown", "canceled"), "scheduled", "retried by staff", True
    ),
    "cancel": StaffAction(
        "canceled", ("scheduled", "error", "unknown"), "canceled", "canceled by staff", False
    ),
    "resolve-sent": StaffAction(
        "resolved",
        ("unknown",),
        "sent",
        "unknown resolved by staff: confirmed sent",
        False,
    ),
    "resolve-resend": StaffAction(
        "resolved", ("unknown",), "scheduled", "unknown resolved by resending", True
    ),
}


def _refusal(
    action: StaffAction, ids: Sequence[int], found: dict[int, Any]
) -> NotFound | RefusedTransition | None:
    """Why the action is refused, naming every unknown id and every id in a status it does
    not apply to: :class:`RefusedTransition` when any status refuses it, else
    :class:`NotFound`; ``None`` when it applies to every id."""
    allowed = " or ".join(action.allowed)
    problems = []
    refused = False
    for nid in dict.fromkeys(ids):
        row = found.get(nid)
        if row is None:
            problems.append(f"no notification {nid}")
        elif row.status not in action.allowed:
            refused = True
            problems.append(
                f"notification {nid} is {row.status}: only {allowed} notifications can be "
                f"{action.verb}"
            )
    if not problems:
        return None
    error = RefusedTransition if refused else NotFound
    return error("nothing changed: " + "; ".join(problems))


def staff_action(
    queue: QueueContext,
    ids: Sequence[int],
    name: str,
    now: dt.datetime,
    actor: str | None = None,
) -> list[Transition]:
    """Apply ACTIONS[name] to every id, or to none: :class:`InvalidRequest` for no ids,
    :class:`NotFound` when only unknown ids refuse it, else :class:`RefusedTransition`.
    Each history entry records ``actor``, who asked."""
    action = ACTIONS[name]
    if not ids:
        raise InvalidRequest("name at least one notification id")
    transitions: list[Transition] = []
    with queue.store.writing() as conn:
        found = notification_sql.rows_by_id(conn, ids)
        refusal = _refusal(action, ids, found)
        if refusal is not None:
            raise refusal
        for nid in dict.fromkeys(ids):
            row = found[nid]
            values: dict[str, Any] = {"lease_owner": None, "lease_expires_at": None}
            if action.reschedule:
                values.update(next_attempt_at=now, handed_at=None)
            else:
                values["next_attempt_at"] = None
            t = notification_sql.change_status(
                conn, row, action.new_status, now, detail=action.detail, actor=actor, **values
            )
            if t is None:  # pragma: no cover - the row is locked
                raise RefusedTransition(f"notification {nid} changed meanwhile; nothing changed")
            transitions.append(t)
    queue.observe(transitions)
    return transitions


def opt_out(
    queue: QueueContext,
    guarantor_id: str,
    channel: str,
    source: str,
    now: dt.datetime,
    actor: str | None = None,
) -> list[int]:
    """Record the opt-out and suppress the guarantor's still-scheduled notifications on
    ``channel`` (proofs, addressed to the practice, excluded), each history entry with
    ``actor``. Returns their ids."""
    if not source.strip():
        raise InvalidRequest("an opt-out needs a source, such as 'staff' or 'inbound STOP'")
    if queue.store.get_guarantor(guarantor_id) is None:
        raise NotFound(f"no guarantor {guarantor_id!r} in the store")
    names = queue.channels.names()
    if channel not in names:
        raise InvalidRequest(
            f"unknown channel {channel!r}; the channels are {', '.join(names) or 'none'}"
        )
    detail = f"opted out ({source})"
    transitions: list[Transition] = []
    with queue.store.writing() as conn:
        presend_sql.record_opt_out(conn, guarantor_id, channel, now, source)
        for row in notification_sql.scheduled_for(conn, guarantor_id, channel):
            t = notification_sql.change_status(
                conn, row, "suppressed", now, detail=detail, actor=actor, next_attempt_at=None
            )
            if t is not None:
                transitions.append(t)
    queue.observe(transitions)
    return [t.notification_id for t in transitions]
