"""Claiming due notifications for one delivery round.

In one transaction (SQLite ``BEGIN IMMEDIATE``; PostgreSQL ``FOR UPDATE SKIP LOCKED``):
scheduled notifications due now, oldest first; each is deferred to its next window start
when now is outside its send window, else stopped by the pre-send check
(:mod:`rulesengine.queue.presend_check`), else left waiting when its channel is not available,
else moved to ``sending`` under this worker's lease, with its content rendered when a live
batch stored it without (:mod:`rulesengine.queue.batch_content`; one that cannot be
rendered goes to ``error`` instead).
"""

from __future__ import annotations

import datetime as dt
import logging
from typing import TYPE_CHECKING, Any

import attrs

from rulesengine.queue import claim_sql, notification_sql, presend_sql
from rulesengine.queue.batch_content import render_rows, report_unrendered
from rulesengine.queue.notification_rows import Change, QueueRow, Transition
from rulesengine.queue.presend_check import presend_outcome
from rulesengine.queue.windows import local_zone, parse_window

if TYPE_CHECKING:
    from rulesengine.queue.delivery_report import RoundOutcome
    from rulesengine.queue.queue_context import QueueContext

__all__ = ["UNAVAILABLE_RECHECK", "claim_due_rows"]

_log = logging.getLogger(__name__)

#: How long a notification whose channel is not available waits before it is looked at again.
UNAVAILABLE_RECHECK = dt.timedelta(hours=1)


def claim_due_rows(
    context: QueueContext, fixed: dt.datetime | None, limit: int, done: RoundOutcome
) -> list[QueueRow]:
    """Claim due rows, run the window and pre-send checks; return the rows now sending."""
    worker_id = context.worker_id
    sending: list[QueueRow] = []
    changes: list[Change] = []
    with context.store.writing() as conn:
        now = context.time_in(conn, fixed)
        rows = claim_sql.due_rows(conn, now, limit)
        done.claimed = len(rows)
        in_window = [row for row in rows if _in_window_or_deferred(conn, row, now, done)]
        facts = presend_sql.presend_facts(conn, in_window) if in_window else None
        expires = context.lease_time_in(conn, fixed, now) + context.lease
        decided: list[tuple[QueueRow, Change | None]] = []  # None: to send
        for row in in_window:
            assert facts is not None
            stopped = presend_outcome(row, facts)
            if stopped is not None:
                status, detail = stopped
                decided.append((row, Change(row, status, detail, {"next_attempt_at": None})))
                continue
            if not context.channels.available(row.channel):
                _postpone_for_missing_channel(conn, row, now)
                done.waiting.append(row.id)
                continue
            decided.append((row, None))
        rendered = render_rows(conn, [row for row, change in decided if change is None])
        report_unrendered(rendered, "put in error")
        for row, change in decided:
            if change is not None:
                changes.append(change)
                continue
            found = rendered.get(row.id, row)
            if isinstance(found, str):  # a batch's notification that cannot be rendered
                changes.append(Change(row, "error", found, {"next_attempt_at": None}))
                continue
            attempt = row.attempt + 1
            changes.append(
                Change(
                    found,
                    "sending",
                    f"attempt {attempt} of {row.max_attempts} by {worker_id}",
                    {
                        "attempt": attempt,
                        "lease_owner": worker_id,
                        "lease_expires_at": expires,
                        "handed_at": None,
                    },
                )
            )
        changed = notification_sql.change_statuses(conn, changes, now)
    transitions: list[Transition] = []
    for change, t in zip(changes, changed, strict=True):
        if t is None:
            continue
        transitions.append(t)
        if change.new_status == "sending":
            sending.append(
                attrs.evolve(
                    change.row,
                    status="sending",
                    attempt=change.values["attempt"],
                    lease_owner=worker_id,
                    lease_expires_at=expires,
                )
            )
    context.observe(transitions)
    done.note(transitions)
    return sending


def _in_window_or_deferred(conn: Any, row: QueueRow, now: dt.datetime, done: RoundOutcome) -> bool:
    """True when ``now`` is inside the row's window; else defer it to the next start."""
    zone = local_zone(row.timezone)
    try:
        window = parse_window(row.send_window, zone)
    except ValueError:
        _log.warning("notification %s: bad send window %r, ignored", row.id, row.send_window)
        window = None
    if window is None or window.contains(now):
        return True
    start = window.next_start(now)
    local = start.astimezone(zone).isoformat(timespec="minutes")
    notification_sql.add_note(
        conn, row, now, f"window {window}: deferred to {local}", next_attempt_at=start
    )
    done.deferred.append(row.id)
    return False


def _postpone_for_missing_channel(conn: Any, row: QueueRow, now: dt.datetime) -> None:
    """Leave a row queued whose channel is not registered (or injected); look again later."""
    later = now + UNAVAILABLE_RECHECK
    detail = (
        f"no channel {row.channel!r} is available (install or enable its plugin): "
        "waiting in the queue"
    )
    if notification_sql.last_detail(conn, row.id) == detail:  # said once is enough
        notification_sql.postpone(conn, row.id, later, now)
    else:
        notification_sql.add_note(conn, row, now, detail, next_attempt_at=later)
