"""What a worker holds in memory between its rounds, and recording it.

- **calls in flight**: calls handed to their channels whose results are not recorded yet
  (in the order they were made); each is recorded as soon as it returns;
- **unrecorded results**: results a channel returned that a database error kept from
  being recorded;
- **unhanded claims**: rows claimed but never handed to a channel when a database error
  (or anything else) ended the round;
- **claims waiting** (inline): the round's claims waiting while an earlier call runs on
  this worker's thread.

Unrecorded results and unhanded claims are recorded (:func:`.record_results`) and queued
again (:func:`.requeue_unhanded_claims`) at the start of the next round, or by
``Queue.finish``. Only a worker that dies loses them; its lease decides then.
"""

from __future__ import annotations

import datetime as dt
import logging
import threading
from collections.abc import Sequence
from concurrent.futures import FIRST_COMPLETED, Future, wait
from typing import TYPE_CHECKING

import attrs
from sqlalchemy.exc import DBAPIError

from rulesengine.channels.channel_calls import exception_summary
from rulesengine.channels.results import DeliveryResult
from rulesengine.plurals import counted
from rulesengine.queue.leases import extend_handed_leases, renew_claims
from rulesengine.queue.result_recording import record_results, requeue_unhanded_claims

if TYPE_CHECKING:
    from rulesengine.queue.channel_call import ChannelCall
    from rulesengine.queue.delivery_report import RoundOutcome
    from rulesengine.queue.notification_rows import QueueRow, Transition
    from rulesengine.queue.queue_context import QueueContext
    from rulesengine.queue.send_lanes import LanePump
    from rulesengine.queue.streamed_results import StreamedResults

__all__ = ["CallsInFlight", "SentCall"]

_log = logging.getLogger(__name__)

#: How often a worker waiting for its calls looks whether it was told to stop (seconds).
_STOP_CHECK = 0.2


@attrs.frozen(eq=False)
class SentCall:
    """A call handed to its channel's thread, its results not yet recorded (compared by
    identity)."""

    call: ChannelCall
    future: Future[list[DeliveryResult | None]]
    #: Its results recorded as they arrive, when they are (:mod:`.streamed_results`).
    streamed: StreamedResults | None = None
    #: The call sent on lanes, when it is (:mod:`.send_lanes`).
    pump: LanePump | None = None

    def unrecorded(
        self, results: list[DeliveryResult | None]
    ) -> tuple[list[QueueRow], list[DeliveryResult]]:
        """The rows, and their results of ``results`` (the call's, one per row), not recorded
        as they arrived; rows without a result (a pump's, never sent) are left out."""
        done = self.streamed.recorded if self.streamed is not None else set()
        pairs = [(row, r) for row, r in zip(self.call.rows, results, strict=True)]
        kept = [(row, r) for row, r in pairs if r is not None and row.id not in done]
        return [row for row, _ in kept], [r for _, r in kept]

    def unsent(self) -> list[QueueRow]:
        """The claims a pump never sent (to queue again), once its call ended."""
        return list(self.pump.unhanded) if self.pump is not None else []


class CallsInFlight:
    """The calls, results and claims one worker holds in memory (module docstring)."""

    def __init__(self, context: QueueContext) -> None:
        self.context = context
        # Calls handed to their channels whose results are not recorded yet (call order).
        self.sending: list[SentCall] = []
        # What a round cut short by a database error left in memory.
        self.unrecorded: list[tuple[str, list[QueueRow], list[DeliveryResult]]] = []
        self.unhanded: list[QueueRow] = []
        # Inline: claims of the round waiting while an earlier call runs on this thread.
        self.claims_waiting: list[int] = []
        # What a call raised that ends delivery (SystemExit), kept while the rest is recorded.
        self.fatal: BaseException | None = None
        #: Set when the worker is told to stop (``Queue.run_worker``'s event): waiting for
        #: calls, the calls on lanes are stopped then (:meth:`stop_pumps`).
        self.stopping: threading.Event | None = None

    def holds_anything(self) -> bool:
        """Whether any call, result or claim is left to record."""
        return bool(self.sending or self.unrecorded or self.unhanded)

    def take_fatal(self) -> BaseException | None:
        """What a call raised that ends delivery, once (then forgotten)."""
        fatal, self.fatal = self.fatal, None
        return fatal

    # -- recording returned calls ------------------------------------------------------------

    def record_returned(
        self, fixed: dt.datetime | None, done: RoundOutcome, count: int, *, reraise: bool = True
    ) -> None:
        """Record the results of the first ``count`` calls in flight, each as soon as it
        returns (in the order they were made when several have), then those of any later
        call that has already returned. A call stays in flight until it is recorded, so the
        heartbeat renews it. A call that raised what ``call_channel`` does not catch
        (``SystemExit``, ``KeyboardInterrupt``: what ends a worker) is left sending
        (:meth:`_leave_sending`) and, with ``reraise``, what it raised ends delivery."""
        waiting = self.sending[:count]
        while waiting:
            stopping = self.stopping
            timeout = None if stopping is None else _STOP_CHECK
            wait([sent.future for sent in waiting], timeout, FIRST_COMPLETED)
            if stopping is not None and stopping.is_set():
                self.stop_pumps()
            for sent in [sent for sent in waiting if sent.future.done()]:
                waiting.remove(sent)
                self._record_returned_call(fixed, done, sent, reraise=reraise)
        for sent in [sent for sent in self.sending if sent.future.done()]:
            self._record_returned_call(fixed, done, sent, reraise=reraise)

    def _record_returned_call(
        self, fixed: dt.datetime | None, done: RoundOutcome, sent: SentCall, *, reraise: bool
    ) -> None:
        """Record one returned call (see :meth:`record_returned`)."""
        error = sent.future.exception()
        self.sending.remove(sent)
        if error is not None:
            self._leave_sending(sent, error)
            if reraise:
                raise error
            self.fatal = self.fatal or error  # raised once everything is recorded
            return
        results = sent.future.result()
        self._observe_streamed(sent, done)
        rows, rest = sent.unrecorded(results)
        unsent = sent.unsent()
        try:
            done.note(
                self.record_or_keep(
                    fixed,
                    sent.call.channel_name,
                    rows,
                    rest,
                    call_results=[r for r in results if r is not None],
                )
            )
        except DBAPIError:
            self.unhanded.extend(unsent)
            raise
        if unsent:
            assert sent.pump is not None
            try:
                done.note(
                    requeue_unhanded_claims(
                        self.context,
                        fixed,
                        unsent,
                        slow_down=sent.pump.requeue_delay,
                        stopping=sent.pump.stopping,
                    )
                )
            except DBAPIError:
                self.unhanded.extend(unsent)
                raise

    def _observe_streamed(self, sent: SentCall, done: RoundOutcome | None) -> None:
        """Tell the observers (on this, the worker's thread) of the status changes recorded
        as the ended call's results arrived, and note them in the round's report."""
        if sent.streamed is None:
            return
        self.context.observe(sent.streamed.transitions)
        if done is not None:
            done.note(sent.streamed.transitions)

    def stop_pumps(self) -> None:
        """Stop every call on lanes from handing more over (the worker is stopping): what
        they have not sent goes back to the queue when they are recorded."""
        for sent in list(self.sending):
            if sent.pump is not None:
                sent.pump.stop()

    def record_all(
        self, fixed: dt.datetime | None, done: RoundOutcome, *, reraise: bool = True
    ) -> None:
        """Record every call in flight (a database error keeps their results for
        :meth:`record_what_a_failed_round_left`)."""
        try:
            self.record_returned(fixed, done, len(self.sending), reraise=reraise)
        except DBAPIError:
            self.keep_results_after_database_error()
            raise

    def keep_results_after_database_error(self) -> None:
        """After a database error: wait for every call in flight and keep its results for
        :meth:`record_what_a_failed_round_left` (they were handed over, so they are never
        handed over again). A call that ended like a dying worker (:meth:`_leave_sending`)
        then ends delivery with what it raised, rather than the database error."""
        fatal: BaseException | None = None
        while self.sending:
            head = self.sending[0]
            error = head.future.exception()
            self.sending.pop(0)
            if error is not None:
                self._leave_sending(head, error)
                fatal = fatal or error
            else:
                self._observe_streamed(head, None)
                rows, rest = head.unrecorded(head.future.result())
                self.unrecorded.append((head.call.channel_name, rows, rest))
                self.unhanded.extend(head.unsent())
        if fatal is not None:
            raise fatal

    def _leave_sending(self, sent: SentCall, error: BaseException) -> None:
        """Leave a call that ended like a dying worker as a dead worker leaves it: its rows
        stay ``sending``, handed over, until the lease runs out and makes them ``unknown``
        (they may have gone out, so they are never retried blindly; a channel that
        deduplicates sends them again with the same key). Those whose results were recorded
        as they arrived keep them."""
        self._observe_streamed(sent, None)
        unsent = sent.unsent()
        self.unhanded.extend(unsent)  # never sent: queued again at the next round
        done = sent.streamed.recorded if sent.streamed is not None else set()
        done = done | {row.id for row in unsent}
        rows = [row for row in sent.call.rows if row.id not in done]
        _log.error(
            "channel %s ended its send with %s: %s %s stay sending and become "
            "unknown (or due again, if the channel deduplicates) when the lease of %s runs out",
            sent.call.channel_name,
            exception_summary(error),
            counted(len(rows), "notification"),
            ", ".join(str(row.id) for row in rows[:20]),
            self.context.worker_id,
        )

    def record_or_keep(
        self,
        fixed: dt.datetime | None,
        channel_name: str,
        rows: list[QueueRow],
        results: list[DeliveryResult],
        *,
        call_results: list[DeliveryResult] | None = None,
    ) -> list[Transition]:
        """:func:`.record_results`; when the database fails, keep the results for
        :meth:`record_what_a_failed_round_left`."""
        try:
            return record_results(
                self.context, fixed, channel_name, rows, results, call_results=call_results
            )
        except DBAPIError:
            self.unrecorded.append((channel_name, rows, results))
            raise

    # -- what a failed round left ------------------------------------------------------------

    def keep_unhanded(self, calls: Sequence[ChannelCall], rows: Sequence[QueueRow] = ()) -> None:
        """Keep claims never handed over (``calls``' rows, and ``rows``) to queue them again
        (:meth:`record_what_a_failed_round_left`)."""
        for call in calls:
            self.unhanded.extend(call.rows)
        self.unhanded.extend(rows)

    def record_what_a_failed_round_left(
        self, fixed: dt.datetime | None, done: RoundOutcome
    ) -> None:
        """Finish what a round cut short by a database error left in memory: record the
        results a channel returned, and queue again what was claimed but never handed to a
        channel. Only rows still held under this worker's lease change; one whose lease ran
        out meanwhile was already decided by ``expire_leases`` (``unknown`` if handed, or
        due again when its channel deduplicates)."""
        while self.unrecorded:
            channel_name, rows, results = self.unrecorded[0]
            done.note(record_results(self.context, fixed, channel_name, rows, results))
            del self.unrecorded[0]
        if self.unhanded:
            done.note(requeue_unhanded_claims(self.context, fixed, self.unhanded))
            self.unhanded = []

    # -- leases ------------------------------------------------------------------------------

    def renew_leases(self) -> int:
        """Extend the leases of the notifications handed to a channel whose results are not
        recorded yet, so a long send does not make them ``unknown``; inline, also those of
        the round's claims waiting while this worker's thread runs an earlier call. Other
        claims not yet handed over are not renewed here: a worker stalled before its
        hand-off loses them (the worker's own thread renews those waiting for a busy
        channel, and ``mark_handed`` renews the lease of those it hands over)."""
        calls = list(self.sending)
        ids = [row.id for sent in calls for row in sent.call.rows]
        ids += [row.id for _, rows, _ in list(self.unrecorded) for row in rows]
        renewed = extend_handed_leases(self.context, ids)
        # Inline, the round's later claims wait while this thread runs an earlier call; a
        # call sent on lanes hands its claims over a few at a time.
        claims = list(self.claims_waiting)
        claims += [i for sent in calls if sent.pump is not None for i in sent.pump.pending_ids()]
        return renewed + renew_claims(self.context, claims)
