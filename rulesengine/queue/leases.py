"""Leases: a claim holds a notification for one worker until its lease runs out.

- :func:`expire_leases` gives back expired claims: never handed to a channel ->
  ``scheduled`` (due now, the claim's attempt given back); handed -> ``unknown`` (it may
  have gone out, so it is never resent blindly), unless its channel ``deduplicates`` and
  attempts remain: then ``scheduled`` (due now, the same idempotency key, the attempt
  counted), as the provider drops the copy if the first one went out;
- :func:`extend_worker_leases` (``Queue.heartbeat``) extends every lease of a worker;
- :func:`renew_claims` extends claims not handed over yet, only while still held;
- :func:`renewing_leases_in_background` runs a renewal every third of a lease on a
  thread of its own while calls send.
"""

from __future__ import annotations

import datetime as dt
import logging
import threading
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from typing import TYPE_CHECKING

from sqlalchemy.exc import DBAPIError

from rulesengine.plurals import noun_for
from rulesengine.queue import notification_sql
from rulesengine.queue.notification_rows import Change, QueueRow, Transition

if TYPE_CHECKING:
    from rulesengine.queue.queue_context import QueueContext

__all__ = [
    "RESENT_DETAIL",
    "UNKNOWN_DETAIL",
    "expire_leases",
    "extend_handed_leases",
    "extend_worker_leases",
    "renew_claims",
    "renewing_leases_in_background",
]

_log = logging.getLogger(__name__)

UNKNOWN_DETAIL = "the worker stopped after handing it to the channel; it may have been sent"
RESENT_DETAIL = (
    "unknown outcome; the provider drops a repeated idempotency key: sent again with the same key"
)


def expire_leases(context: QueueContext, fixed: dt.datetime | None) -> list[Transition]:
    """Return expired claims: never handed -> ``scheduled`` (due now); handed -> ``unknown``,
    which only staff resolve (``resolve``), or ``scheduled`` (due now) when its channel
    deduplicates and attempts remain (:func:`_handed_change`)."""
    deduplicating = context.channels.deduplicating()  # plugins loaded outside the transaction
    with context.store.writing() as conn:
        at = context.lease_time_in(conn, fixed)
        changes: list[Change] = []
        for row in notification_sql.expired_leases(conn, at):
            release = {"lease_owner": None, "lease_expires_at": None}
            if row.handed_at is None:
                changes.append(
                    Change(
                        row,
                        "scheduled",
                        f"lease of {row.lease_owner} expired before it was handed to the "
                        "channel: queued again",
                        # never attempted: the claim's attempt is given back
                        {"next_attempt_at": at, "attempt": max(row.attempt - 1, 0), **release},
                    )
                )
            else:
                changes.append(_handed_change(row, at, row.channel in deduplicating))
        changed = notification_sql.change_statuses(conn, changes, at)
    transitions = [t for t in changed if t is not None]
    context.observe(transitions)
    return transitions


def _handed_change(row: QueueRow, at: dt.datetime, deduplicates: bool) -> Change:
    """A handed-over claim whose lease expired: ``unknown``; or, when its channel
    ``deduplicates`` and the attempt was not its last, ``scheduled`` due now with the attempt
    counted (the idempotency key never changes, so the provider drops a second copy)."""
    release = {"lease_owner": None, "lease_expires_at": None}
    expired = f"lease of {row.lease_owner} expired"
    if deduplicates and row.attempt < row.max_attempts:
        return Change(
            row,
            "scheduled",
            f"{expired}: {RESENT_DETAIL}; attempt {row.attempt} of {row.max_attempts}",
            {"next_attempt_at": at, "handed_at": None, **release},
        )
    detail = f"{expired}: {UNKNOWN_DETAIL}"
    if deduplicates:
        attempts = noun_for(row.max_attempts, "attempt")
        detail += f"; not sent again: {row.attempt} of {row.max_attempts} {attempts} used"
    return Change(row, "unknown", detail, {"next_attempt_at": None, **release})


def extend_worker_leases(context: QueueContext, fixed: dt.datetime | None) -> int:
    """Extend every lease of this worker to ``now + lease``; returns how many."""
    with context.store.writing() as conn:
        at = context.lease_time_in(conn, fixed)
        return notification_sql.extend_leases(conn, context.worker_id, at + context.lease)


def extend_handed_leases(context: QueueContext, ids: list[int]) -> int:
    """Extend the leases of these notifications handed to a channel (on the clock)."""
    if not ids:
        return 0
    with context.store.writing() as conn:
        at = context.time_in(conn, None)
        return notification_sql.extend_leases(conn, context.worker_id, at + context.lease, ids)


def renew_claims(context: QueueContext, ids: list[int]) -> int:
    """Extend the leases of claims not handed over yet, only while they are still this
    worker's and unexpired (a lapsed claim is never revived)."""
    if not ids:
        return 0
    with context.store.writing() as conn:
        now = context.time_in(conn, None)
        return notification_sql.extend_leases(
            conn, context.worker_id, now + context.lease, ids, handed_only=False, alive_at=now
        )


@contextmanager
def renewing_leases_in_background(
    context: QueueContext, renew: Callable[[], object], enabled: bool
) -> Iterator[None]:
    """Call ``renew`` (which renews the leases of the calls in flight) on a thread of its
    own every third of a lease while delivering on the clock. Not for an in-memory store:
    its one shared connection cannot take a second thread's transactions, and no other
    process can take its leases over."""
    if not enabled or context.store.in_memory:
        yield
        return
    stop = threading.Event()
    interval = context.lease.total_seconds() / 3

    def beat() -> None:
        while not stop.wait(interval):
            try:
                renew()
            except DBAPIError as exc:
                _log.warning("heartbeat failed: %s", type(exc.orig).__name__)
            except Exception:  # keep beating: a lost heartbeat makes sends unknown
                _log.exception("heartbeat failed")

    thread = threading.Thread(target=beat, name=f"heartbeat-{context.worker_id}", daemon=True)
    thread.start()
    try:
        yield
    finally:
        stop.set()
        thread.join()
