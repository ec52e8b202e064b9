"""Recording a channel's results as they arrive, while its ``send`` is still running.

A channel's ``send`` may yield its results one by one (``docs/plugins.md``, "Results as
they happen"). :func:`rulesengine.channels.channel_calls.call_channel` reads them on the
channel object's thread and passes each valid one to :meth:`StreamedResults.add`; they are
recorded (:func:`.record_results`, without ``delivery_finished``) in short transactions:
as soon as :data:`FLUSH_EVERY` are waiting, or :data:`FLUSH_AFTER` seconds after the first
one waiting arrived, whichever comes first (a timer thread records them then, so a send
that blocks after yielding does not hold its results back). A worker killed part way
leaves ``unknown`` only what it had not recorded yet.

When ``send`` ends, :meth:`StreamedResults.close` records the results still waiting (on
the call's thread: the worker's thread may be waiting for an earlier call that a provider
holds up, and must not hold these back meanwhile) and stops the flushing; whatever is not
recorded yet (the host's ``retry`` for the notifications without a result, results a
database error kept back) is recorded by the worker's thread with the call, as a list's
results are (:meth:`.CallsInFlight.record_returned`), which also calls
``delivery_finished`` once with the whole call's results.

Used only when calls run on threads of their own and the store is not in memory (its one
shared connection cannot take a second thread's transactions).
"""

from __future__ import annotations

import datetime as dt
import logging
import threading
from typing import TYPE_CHECKING

from sqlalchemy.exc import DBAPIError

from rulesengine.queue.result_recording import record_results

if TYPE_CHECKING:
    from rulesengine.channels.results import DeliveryResult
    from rulesengine.queue.notification_rows import QueueRow, Transition
    from rulesengine.queue.queue_context import QueueContext

__all__ = ["FLUSH_AFTER", "FLUSH_EVERY", "StreamedResults"]

_log = logging.getLogger(__name__)

#: Results recorded together as soon as this many are waiting.
FLUSH_EVERY = 50
#: Seconds a result waits at most (for others to share its transaction) before it is recorded.
FLUSH_AFTER = 0.05


class StreamedResults:
    """One call's results recorded as they arrive (module docstring). Thread-safe: ``add``
    runs on the channel's thread, flushes on it or on a timer's."""

    def __init__(
        self,
        context: QueueContext,
        fixed: dt.datetime | None,
        channel_name: str,
        rows: list[QueueRow],
    ) -> None:
        self._context = context
        self._fixed = fixed
        self._channel_name = channel_name
        self._rows = {row.id: row for row in rows}
        #: Ids of the notifications whose result is recorded (final once closed).
        self.recorded: set[int] = set()
        #: The status changes recorded, for the round's report.
        self.transitions: list[Transition] = []
        self._waiting: list[DeliveryResult] = []
        self._timer: threading.Timer | None = None
        self._closed = False
        self._lock = threading.Lock()  # the waiting results, the timer, closed
        self._flushing = threading.Lock()  # one flush at a time

    def add(self, result: DeliveryResult) -> None:
        """Take one valid result of the call (from ``call_channel``, on the channel's
        thread); record the waiting ones now when there are :data:`FLUSH_EVERY` of them."""
        with self._lock:
            if self._closed or result.notification_id not in self._rows:
                return
            self._waiting.append(result)
            full = len(self._waiting) >= FLUSH_EVERY
            if not full and self._timer is None:
                self._timer = threading.Timer(FLUSH_AFTER, self.flush)
                self._timer.name = f"results-{self._channel_name}-{self._context.worker_id}"
                self._timer.daemon = True
                self._timer.start()
        if full:
            self.flush()

    def flush(self) -> None:
        """Record the waiting results in one transaction. A database error (or anything
        else) keeps them waiting: the next flush, or the worker's thread once the call
        ends, records them."""
        with self._flushing:
            with self._lock:
                if self._timer is not None:
                    self._timer.cancel()
                    self._timer = None
                if self._closed or not self._waiting:
                    return
                results, self._waiting = self._waiting, []
            try:
                changed = record_results(
                    self._context,
                    self._fixed,
                    self._channel_name,
                    [self._rows[r.notification_id] for r in results],
                    results,
                    call_ended=False,
                )
            except Exception as exc:
                if isinstance(exc, DBAPIError):
                    _log.warning(
                        "recording %s's results as they arrive failed: %s",
                        self._channel_name,
                        type(exc.orig).__name__,
                    )
                else:
                    _log.exception("recording %s's results failed", self._channel_name)
                with self._lock:
                    self._waiting[:0] = results
                return
            self.recorded.update(r.notification_id for r in results)
            self.transitions.extend(changed)

    def close(self) -> None:
        """Record the waiting results, then stop recording (the call ended): no more
        flushes, and one under way is waited for, so :attr:`recorded` is final when this
        returns."""
        self.flush()
        with self._lock:
            self._closed = True
            if self._timer is not None:
                self._timer.cancel()
                self._timer = None
        with self._flushing:
            pass
