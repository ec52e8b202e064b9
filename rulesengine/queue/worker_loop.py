"""Running delivery rounds one after another: ``Queue.deliver`` (until nothing is due, or
one round) and ``Queue.run_worker`` (until told to stop), with the heartbeat renewing the
leases of calls in flight meanwhile, and recording what is still held in memory on the way
out (``Queue.finish``)."""

from __future__ import annotations

import datetime as dt
import logging
import threading
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from typing import TYPE_CHECKING

from sqlalchemy.exc import DBAPIError

from rulesengine.plurals import counted
from rulesengine.queue.delivery_report import DeliveryReport, RoundOutcome
from rulesengine.queue.leases import renewing_leases_in_background
from rulesengine.store.failures import first_line

if TYPE_CHECKING:
    from rulesengine.queue.delivery_round import DeliveryRounds

__all__ = ["MAX_ERROR_PAUSE", "deliver_in_rounds", "finish_delivery", "run_worker_rounds"]

_log = logging.getLogger(__name__)

#: The longest pause of a worker between rounds that failed on a database error (seconds).
MAX_ERROR_PAUSE = 30.0

#: ``Queue.finish``: records what the queue still holds (looked up on the queue at each
#: call, so that a test may replace it).
_Finish = Callable[[dt.datetime | None], None]


def deliver_in_rounds(
    rounds: DeliveryRounds,
    fixed: dt.datetime | None,
    *,
    until_empty: bool,
    limit: int,
    finish: _Finish,
) -> DeliveryReport:
    """One round, or rounds until none claims anything; every call recorded at the end."""
    context, calls = rounds.context, rounds.calls
    final: dict[int, str] = {}
    deferred: list[int] = []
    waiting: list[int] = []
    count = 0
    on_clock = context.leases_run_on_clock(fixed)
    with (
        renewing_leases_in_background(context, calls.renew_leases, on_clock),
        _finishing(finish, fixed),
    ):
        while True:
            done = rounds.run_round(fixed, limit)
            count += 1
            if not until_empty or done.claimed == 0:
                calls.record_all(fixed, done)
            final.update(done.final)
            deferred.extend(done.deferred)
            waiting.extend(done.waiting)
            if not until_empty or done.claimed == 0:
                break
    counts: dict[str, int] = {}
    for status in final.values():
        counts[status] = counts.get(status, 0) + 1
    return DeliveryReport(counts, tuple(final), deferred, waiting, count)


def run_worker_rounds(
    rounds: DeliveryRounds,
    stop_event: threading.Event,
    *,
    poll_seconds: float,
    limit: int,
    finish: _Finish,
) -> int:
    """Deliver round after round until ``stop_event`` is set; returns the rounds run (see
    ``Queue.run_worker``)."""
    context = rounds.context
    count = 0
    failures = 0
    idle = False
    rounds.calls.stopping = stop_event  # calls on lanes stop handing over once it is set
    with (
        renewing_leases_in_background(context, rounds.calls.renew_leases, True),
        _finishing(finish, None, always=True),
    ):
        while not stop_event.is_set():
            try:
                done = rounds.run_round(None, limit)
            except DBAPIError as exc:
                failures += 1
                pause = min(poll_seconds * 2 ** (failures - 1), MAX_ERROR_PAUSE)
                _log.warning(
                    "delivery round failed (%s: %s); trying again in %.1f s",
                    type(exc.orig).__name__,
                    first_line(exc.orig, context.store.url),
                    pause,
                )
                stop_event.wait(pause)
                continue
            failures = 0
            count += 1
            if done.claimed == 0:  # and so nothing is left in flight
                if not idle:  # a quiet spell begins: hold no connection open meanwhile
                    rounds.close_channels()
                idle = True
                stop_event.wait(poll_seconds)
            else:
                idle = False
    rounds.calls.stopping = None
    return count


@contextmanager
def _finishing(
    finish: _Finish, fixed: dt.datetime | None, *, always: bool = False
) -> Iterator[None]:
    """On the way out (``always``), or when something other than a database error ends
    delivery, record the calls still in flight: a round leaves its calls sending."""
    try:
        yield
    except DBAPIError:
        raise  # the calls are kept for the next round (keep_results_after_database_error)
    except BaseException:
        finish(fixed)
        raise
    if always:
        finish(fixed)


def finish_delivery(rounds: DeliveryRounds, fixed: dt.datetime | None) -> None:
    """Record what the queue still holds in memory (see ``Queue.finish``); a database error
    is logged. Then raise what a call raised that ends delivery, if one did."""
    context, calls = rounds.context, rounds.calls
    try:
        done = RoundOutcome()
        calls.stop_pumps()  # a rate-limited call could take long to finish its rows
        calls.record_all(fixed, done, reraise=False)
        calls.record_what_a_failed_round_left(fixed, done)
    except DBAPIError as exc:
        _log.warning(
            "could not record %s before stopping (%s: %s): those notifications "
            "become unknown, and %s never handed over are queued again, when the "
            "lease of %s runs out",
            counted(sum(len(rows) for _, rows, _ in calls.unrecorded), "result"),
            type(exc.orig).__name__,
            first_line(exc.orig, context.store.url),
            counted(len(calls.unhanded), "claim"),
            context.worker_id,
        )
    fatal = calls.take_fatal()
    if fatal is not None:
        raise fatal
