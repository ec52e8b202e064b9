"""Sending one call on lanes: many messages in flight, or a rate limit, with a small hand-off.

A channel object whose ``max_in_flight`` is N > 1, or whose channel has ``max_per_second``,
is not handed its whole batch in one call. Its call runs as a :class:`LanePump`: N lanes
(threads of the object's own, :meth:`.ChannelThreads.lanes`) each take the next notification,
call ``send`` with that one notification, and go on to the next, so up to N are in flight at
once. With ``max_per_second`` a lane first waits for its slot (:class:`.send_rates.RateGate`).

The call's claimed rows are handed over (``handed_at`` stamped, :func:`.hand_over_rows`) a
few at a time, just before lanes take them (a quarter of the lanes' number at a time),
not all at once: a worker killed part way leaves ``unknown`` only what it was sending (at most
N), the few it had stamped for its lanes, and the results of the last
:data:`~.streamed_results.FLUSH_AFTER` not yet recorded. Its claims not handed over go back to
``scheduled`` when their lease runs out, their attempt given back. Each result is recorded as
it arrives (:mod:`.streamed_results`).

A ``retry`` result with ``retry_after`` (the provider said to slow down) stops the pump: no
more of the call is handed over, the lanes finish the sends they started, the channel's gate
pauses (every worker, when the channel has ``max_per_second``), and the rest of the call goes
back to ``scheduled``, due after ``retry_after``, its attempt given back. So does a database
error while handing over (due at once). Either way the worker's thread queues them again when
it records the call (:meth:`.CallsInFlight.record_returned`).
"""

from __future__ import annotations

import collections
import datetime as dt
import logging
import threading
from concurrent.futures import Future, ThreadPoolExecutor, wait
from typing import TYPE_CHECKING, Any

from sqlalchemy.exc import DBAPIError

from rulesengine.channels.channel_calls import call_channel
from rulesengine.channels.results import DeliveryResult
from rulesengine.model import Notification
from rulesengine.plurals import noun_for
from rulesengine.queue import notification_sql
from rulesengine.queue.result_recording import MIN_SLOW_DOWN

if TYPE_CHECKING:
    from rulesengine.queue.channel_call import ChannelCall
    from rulesengine.queue.notification_rows import QueueRow
    from rulesengine.queue.queue_context import QueueContext
    from rulesengine.queue.send_rates import RateGate
    from rulesengine.queue.streamed_results import StreamedResults

__all__ = ["LanePump", "hand_over_rows", "paced_call", "run_pumped"]

_log = logging.getLogger(__name__)


def hand_over_rows(
    context: QueueContext, fixed: dt.datetime | None, rows: list[QueueRow]
) -> set[int]:
    """Stamp ``handed_at`` and renew the lease of ``rows``, about to go to their channels, in
    one transaction; returns the ids stamped: only rows this worker still holds. A row
    missing was lost (its lease ran out and another worker may have it): it must not be
    sent, and the log says so, per channel."""
    if not rows:
        return set()
    with context.store.writing() as conn:
        now = context.lease_time_in(conn, fixed)
        handed = notification_sql.mark_handed(
            conn, [row.id for row in rows], context.worker_id, now, now + context.lease
        )
    lost: dict[str, list[int]] = {}
    for row in rows:
        if row.id not in handed:
            lost.setdefault(row.channel, []).append(row.id)
    for channel, ids in lost.items():
        _log.warning(
            "%s %s %s not handed to the channel: the lease of %s ran out before the "
            "hand-off and another worker may have them",
            channel,
            noun_for(len(ids), "notification"),
            ", ".join(map(str, ids)),
            context.worker_id,
        )
    return handed


class LanePump:
    """One call sent on ``lanes`` lanes (module docstring). :meth:`run` runs on the channel
    object's call thread; the lanes on ``executor``. Thread-safe."""

    def __init__(
        self,
        context: QueueContext,
        fixed: dt.datetime | None,
        call: ChannelCall,
        streamed: StreamedResults,
        *,
        lanes: int,
        gate: RateGate | None,
    ) -> None:
        self._context = context
        self._fixed = fixed
        self._call = call
        self._streamed = streamed
        if gate is not None and gate.per_second is not None:
            # Lanes waiting for their slot book the shared rate ahead: two seconds' worth.
            lanes = min(lanes, 2 * gate.per_second)
        self._lanes = max(1, min(lanes, len(call.rows)))
        self._gate = gate
        #: Rows handed over this many at a time.
        self._chunk = max(1, lanes // 4)
        self._waiting: collections.deque[QueueRow] = collections.deque(call.rows)
        self._ready: collections.deque[QueueRow] = collections.deque()
        self._results: dict[int, DeliveryResult] = {}
        self._lock = threading.Lock()  # the rows, the results: held only for moments
        self._handing = threading.Lock()  # one lane hands rows over at a time
        self._promised = 0  # lanes waiting for a slot of the gate, each for a row left
        self._being_handed = 0  # rows a lane is handing over now (under _handing)
        self._stop = threading.Event()
        #: Set once :meth:`run` returned: the rows never sent, to queue again ...
        self.unhanded: list[QueueRow] = []
        #: ... due this many seconds later (a provider's ``retry_after``; 0: at once) ...
        self.requeue_delay = 0.0
        #: ... because the worker is stopping (:meth:`stop`).
        self.stopping = False

    def stop(self) -> None:
        """The worker is stopping: hand nothing more over (the sends open finish; the rest
        goes back to the queue, due at once, its attempt given back), and stop waiting for
        slots."""
        with self._lock:
            if not self._stop.is_set():  # not when it stopped for another reason already
                self.stopping = True
                self._stop.set()

    def pending_ids(self) -> list[int]:
        """The claims not handed over yet (the heartbeat renews them while the call runs)."""
        with self._lock:
            return [row.id for row in self._waiting]

    def run(self, lane_threads: ThreadPoolExecutor) -> list[DeliveryResult | None]:
        """Send the call; one entry per row of the call, in order: its result, or None for a
        row not sent (lost, or in :attr:`unhanded`). What a lane raised that
        ``call_channel`` does not catch (``SystemExit``) is raised once every lane ended."""
        lanes: list[Future[None]] = [lane_threads.submit(self._lane) for _ in range(self._lanes)]
        wait(lanes)
        with self._lock:
            self.unhanded = [*self._ready, *self._waiting]
            self._ready.clear()
            self._waiting.clear()
        for lane in lanes:
            error = lane.exception()
            if error is not None:
                raise error
        return [self._results.get(row.id) for row in self._call.rows]

    def _lane(self) -> None:
        """Take the next row, send it alone, record its result; until none is left or the
        pump stopped."""
        channel = self._call.channel
        try:
            while not self._stop.is_set():
                if self._gate is not None and not self._wait_for_a_slot():
                    return
                row = self._take(promised=self._gate is not None)
                if row is None:
                    return
                (result,) = call_channel(channel, [row.as_notification()])
                if result.outcome == "retry" and result.retry_after is not None:
                    self._slow_down(result.retry_after)  # first: no other lane starts a send
                with self._lock:
                    self._results[row.id] = result
                self._streamed.add(result)
        except BaseException:
            self._stop.set()
            raise

    def _wait_for_a_slot(self) -> bool:
        """Wait for the gate's next slot, only while a row is left that no other lane
        waiting for a slot will take: a lane with nothing left to send never holds a slot
        of the shared rate (every worker's) that it would not use. False: none left, or the
        pump stopped."""
        with self._lock:
            if self._rows_left() <= self._promised:
                return False
            self._promised += 1
        assert self._gate is not None
        if self._gate.wait(self._stop):
            return True  # the promise is kept by _take
        with self._lock:
            self._promised -= 1
        return False

    def _take(self, *, promised: bool = False) -> QueueRow | None:
        """The next row handed over, handing over the next few when none is ready; None
        when none is left, or the pump stopped. One lane hands over at a time, without
        holding the others up meanwhile (they record their results, and take the rows
        ready). ``promised``: the lane waited for a slot for a row (its promise ends)."""
        while True:
            with self._lock:
                ends = self._stop.is_set() or not self._rows_left()
                if ends or self._ready:
                    if promised:  # under the same lock as the row it was for
                        self._promised -= 1
                    return None if ends else self._ready.popleft()
            with self._handing:
                with self._lock:
                    if self._ready or self._stop.is_set() or not self._waiting:
                        continue  # another lane handed some over meanwhile
                    count = min(self._chunk, len(self._waiting))
                    chunk = [self._waiting.popleft() for _ in range(count)]
                    self._being_handed = len(chunk)
                try:
                    handed = hand_over_rows(self._context, self._fixed, chunk)
                except DBAPIError as exc:
                    _log.warning(
                        "handing %s %s over failed (%s): the rest of the call is queued again",
                        self._call.channel_name,
                        noun_for(len(chunk), "notification"),
                        type(exc.orig).__name__,
                    )
                    with self._lock:
                        self._waiting.extendleft(reversed(chunk))
                        self._being_handed = 0
                        self._stop.set()
                        self._promised -= promised
                    return None
                with self._lock:  # a row lost (not handed) is never sent: nor recorded
                    self._ready.extend(row for row in chunk if row.id in handed)
                    self._being_handed = 0

    def _rows_left(self) -> int:
        """The rows no lane has taken yet: waiting, being handed over, or ready (under
        ``_lock``)."""
        return len(self._waiting) + self._being_handed + len(self._ready)

    def _slow_down(self, seconds: float) -> None:
        """The provider asked to slow down: stop handing over, pause the gate (at least
        :data:`MIN_SLOW_DOWN`: a ``Retry-After: 0`` must not have the rest sent at once)."""
        seconds = max(seconds, MIN_SLOW_DOWN)
        with self._lock:
            self.requeue_delay = max(self.requeue_delay, seconds)
            first = not self._stop.is_set()
            self._stop.set()
        if first:
            _log.warning(
                "%s asked to slow down: nothing more sent on it for %.1f s",
                self._call.channel_name,
                seconds,
            )
        if self._gate is not None:
            self._gate.pause(seconds)


def paced_call(
    channel: Any, notifications: list[Notification], gate: RateGate
) -> list[DeliveryResult]:
    """Send ``notifications`` to ``channel`` one at a time on this thread, each when
    ``gate`` allows (a rate-limited channel called inline: ``--serial``, an in-memory
    store). After a ``retry_after`` the gate pauses and the rest are not sent: each gets
    the same ``retry_after`` (its attempt given back, due after the pause)."""
    results: list[DeliveryResult] = []
    slow_down: DeliveryResult | None = None
    for n in notifications:
        if slow_down is None:
            gate.wait()
            (result,) = call_channel(channel, [n])
            if result.outcome == "retry" and result.retry_after is not None:
                slow_down = result
                gate.pause(max(result.retry_after, MIN_SLOW_DOWN))
            results.append(result)
            continue
        assert slow_down.retry_after is not None
        results.append(
            DeliveryResult.retry(
                n,
                f"not sent: the provider asked to slow down; queued again, due in"
                f" {max(slow_down.retry_after, MIN_SLOW_DOWN):g} s",
                retry_after=slow_down.retry_after,
            )
        )
    return results


def run_pumped(pump: LanePump, streamed: StreamedResults, lane_threads: ThreadPoolExecutor) -> Any:
    """:meth:`LanePump.run` on ``lane_threads``, ``streamed`` closed when it ends (on the
    call's thread, so its future is done only then)."""
    try:
        return pump.run(lane_threads)
    finally:
        streamed.close()
