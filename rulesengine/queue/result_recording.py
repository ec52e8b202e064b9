"""Turning what a channel returned into status changes, and queueing again claims never
handed to a channel.

A channel's results are recorded in one transaction per call, set-based
(:func:`~rulesengine.queue.notification_sql.change_statuses`: one locking read, one ``UPDATE`` per
kind of change, one history ``INSERT``): ``sent``; ``retry`` back to ``scheduled`` after the
backoff (or ``error`` when out of attempts), or after its ``retry_after`` with the attempt
given back (the provider asked to slow down); ``failed`` to ``error``. Only rows still
``sending`` under this worker's lease and attempt are recorded.
"""

from __future__ import annotations

import datetime as dt
import logging
from typing import TYPE_CHECKING

from rulesengine.plurals import noun_for
from rulesengine.queue import notification_sql
from rulesengine.queue.notification_rows import Change, QueueRow, Transition
from rulesengine.queue.windows import local_zone

if TYPE_CHECKING:
    from rulesengine.channels.results import DeliveryResult
    from rulesengine.queue.queue_context import QueueContext

__all__ = ["MIN_SLOW_DOWN", "record_results", "requeue_unhanded_claims"]

_log = logging.getLogger(__name__)

#: The least a provider's ``retry_after`` delays a notification (seconds): a ``0`` would
#: have it claimed again at once, over and over, without counting an attempt.
MIN_SLOW_DOWN = 1.0


def record_results(
    context: QueueContext,
    fixed: dt.datetime | None,
    channel_name: str,
    rows: list[QueueRow],
    results: list[DeliveryResult],
    *,
    call_results: list[DeliveryResult] | None = None,
    call_ended: bool = True,
) -> list[Transition]:
    """Record a call's results in one transaction (:func:`~.notification_sql.change_statuses`):
    only rows still ``sending`` under this worker's lease and attempt change. Then, when
    ``call_ended``, tell the observers: status changes, and ``delivery_finished`` with
    ``call_results`` (default ``results``: the whole call's, when some were recorded
    earlier as they arrived, :mod:`.streamed_results`, whose observers are told then)."""
    changed: list[Transition | None] = []
    if rows:  # none left when every result was recorded as it arrived
        with context.store.writing() as conn:
            now = context.time_in(conn, fixed)
            changes = [
                _status_change_for(row, result, now)
                for row, result in zip(rows, results, strict=True)
            ]
            changed = notification_sql.change_statuses(
                conn, changes, now, expect_lease=context.worker_id
            )
    transitions: list[Transition] = []
    for row, result, t in zip(rows, results, changed, strict=True):
        if t is None:
            _log.warning(
                "notification %s changed while it was being sent; result %s not recorded",
                row.id,
                result.outcome,
            )
        else:
            transitions.append(t)
    if call_ended:  # else the worker's thread tells them when the call ends
        context.observe(transitions)
        context.delivery_finished(channel_name, results if call_results is None else call_results)
    return transitions


def _status_change_for(row: QueueRow, result: DeliveryResult, now: dt.datetime) -> Change:
    """The status change a channel's result asks for (``sent``, ``scheduled`` again after
    the backoff, or ``error``), releasing the lease."""
    release = {"lease_owner": None, "lease_expires_at": None}
    detail = result.detail
    if result.outcome == "sent":
        if detail is None and result.provider_ref:
            detail = f"provider reference {result.provider_ref}"
        return Change(
            row,
            "sent",
            detail,
            {"provider_ref": result.provider_ref, "next_attempt_at": None, **release},
        )
    if result.outcome == "retry" and result.retry_after is not None:
        later = now + dt.timedelta(seconds=max(result.retry_after, MIN_SLOW_DOWN))
        local = later.astimezone(local_zone(row.timezone)).isoformat(timespec="seconds")
        return Change(  # a rate limit: the attempt is given back
            row,
            "scheduled",
            f"{detail}; the provider asked to slow down: not counted as an attempt, next at "
            f"{local}",
            {
                "next_attempt_at": later,
                "handed_at": None,
                "attempt": max(row.attempt - 1, 0),
                **release,
            },
        )
    if result.outcome == "retry" and row.attempt < row.max_attempts:
        backoff = row.backoff or (0,)
        delay = backoff[min(row.attempt - 1, len(backoff) - 1)]  # the last one repeats
        later = now + dt.timedelta(seconds=delay)
        local = later.astimezone(local_zone(row.timezone)).isoformat(timespec="seconds")
        return Change(
            row,
            "scheduled",
            f"{detail}; attempt {row.attempt} of {row.max_attempts}, next at {local}",
            {"next_attempt_at": later, "handed_at": None, **release},
        )
    if result.outcome == "retry":
        attempts = noun_for(row.max_attempts, "attempt")
        detail = f"{detail}; gave up after {row.attempt} of {row.max_attempts} {attempts}"
    return Change(row, "error", detail, {"next_attempt_at": None, **release})


def requeue_unhanded_claims(
    context: QueueContext,
    fixed: dt.datetime | None,
    rows: list[QueueRow],
    *,
    slow_down: float = 0.0,
    stopping: bool = False,
) -> list[Transition]:
    """``sending`` -> ``scheduled`` (due now, or ``slow_down`` seconds later) for claims this
    worker never sent: a database error kept them from being handed over, the worker was
    stopping (``stopping``), or the channel's provider asked to slow down (``slow_down``:
    its ``retry_after``)."""
    detail = (
        f"{context.worker_id} lost its database connection before handing it to the channel: "
        "queued again"
    )
    if stopping:
        detail = f"{context.worker_id} stopped before handing it to the channel: queued again"
    if slow_down:
        slow_down = max(slow_down, MIN_SLOW_DOWN)
        detail = (
            f"not sent: the provider asked to slow down; queued again, due in {slow_down:g} s"
            " (not counted as an attempt)"
        )
    with context.store.writing() as conn:
        now = context.time_in(conn, fixed)
        values = {
            "next_attempt_at": now + dt.timedelta(seconds=slow_down),
            "handed_at": None,
            "lease_owner": None,
            "lease_expires_at": None,
        }
        changed = notification_sql.change_statuses(
            conn,
            [  # never attempted: the claim's attempt is given back
                Change(row, "scheduled", detail, {**values, "attempt": max(row.attempt - 1, 0)})
                for row in rows
            ],
            now,
            expect_lease=context.worker_id,
        )
    transitions = [t for t in changed if t is not None]
    context.observe(transitions)
    return transitions
