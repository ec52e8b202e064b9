"""One delivery round: claim due work, hand it to channels, record what happened.

A round (:meth:`DeliveryRounds.run_round`; ``Queue.deliver`` runs one or more):

1. **expire leases** (:func:`.expire_leases`): ``sending`` rows whose lease ran out go back
   to ``scheduled`` when they were never handed to a channel, else to ``unknown`` (never
   blindly resent), or to ``scheduled`` again when the channel ``deduplicates``;
2. **claim** (:func:`.claim_due_rows`): scheduled notifications due now, deferred outside
   their send window, stopped by the pre-send check, left waiting for a missing channel,
   else moved to ``sending`` under this worker's lease;
3. **hand over**: stamp ``handed_at`` and renew the lease (one committed transaction for
   the channels that are free, then one per channel object still sending the round
   before's batch, once that call returned: calls to one object never overlap) on the rows
   this worker still holds (a row whose lease ran out meanwhile is not handed over: it is
   no longer ours), then call each channel once with its rows through
   :func:`rulesengine.channels.channel_calls.call_channel`, all channels at the same time, each
   channel object on a thread of its own (:mod:`rulesengine.queue.handoff`);
4. **record** (:mod:`.result_recording`) the calls of the round before (and any of this
   round's that already returned) while this round's calls send: each as soon as it
   returns, in one transaction per call (a call whose ``send`` yields its results has each
   recorded as it arrives, :mod:`.streamed_results`, the rest when it returns). So the next
   round's claim and this round's sends overlap too; a round that claims nothing,
   ``Queue.deliver`` before it returns and a worker before it stops record every call
   still sending. While calls send, a heartbeat thread renews their leases (and only
   theirs); a claim waiting for its busy channel is renewed by the worker's own thread
   while it waits. A claim that expires before its hand-over gets its attempt back.

A database error ends the round, but what the worker knows is kept in memory
(:mod:`.calls_in_flight`) and recorded at the start of its next round, or by
``Queue.finish``: results a channel returned are recorded, and claims that were never
handed to a channel go back to ``scheduled`` at once (rather than waiting for their lease
to run out). Only a worker that dies loses that knowledge; its lease decides then.

Every status change appends a history entry and, after its transaction commits, calls the
``notification_status_changed`` observers; ``delivery_finished`` follows each recorded call.
"""

from __future__ import annotations

import datetime as dt
import functools
import logging
from concurrent.futures import FIRST_COMPLETED, Future, wait
from typing import TYPE_CHECKING, Any

import attrs
from sqlalchemy.exc import DBAPIError

from rulesengine.channels.channel_calls import call_channel
from rulesengine.channels.channel_checks import valid_in_flight
from rulesengine.channels.contract import MAX_IN_FLIGHT
from rulesengine.channels.results import DeliveryResult
from rulesengine.plurals import counted
from rulesengine.queue.calls_in_flight import CallsInFlight, SentCall
from rulesengine.queue.channel_call import ChannelCall
from rulesengine.queue.channel_objects import ChannelSetupError
from rulesengine.queue.delivery_report import RoundOutcome
from rulesengine.queue.due_claims import claim_due_rows
from rulesengine.queue.handoff import ChannelThreads
from rulesengine.queue.leases import expire_leases, renew_claims
from rulesengine.queue.send_lanes import LanePump, hand_over_rows, paced_call, run_pumped
from rulesengine.queue.send_rates import RateGate
from rulesengine.queue.streamed_results import StreamedResults

if TYPE_CHECKING:
    from rulesengine.model import Notification
    from rulesengine.queue.notification_rows import QueueRow
    from rulesengine.queue.queue_context import QueueContext

__all__ = ["DeliveryRounds"]

_log = logging.getLogger(__name__)

_Group = tuple[tuple[str | None, str], list["QueueRow"]]


class DeliveryRounds:
    """Runs delivery rounds for one queue: its context, the calls it holds in memory, and
    the channels' threads (see the module docstring)."""

    def __init__(self, context: QueueContext, *, concurrent_channels: bool) -> None:
        self.context = context
        self.calls = CallsInFlight(context)
        self.threads = ChannelThreads(context.worker_id, concurrent=concurrent_channels)
        #: The rate limits of the channels that have one, by (key, max_per_second).
        self.gates: dict[tuple[str, int], RateGate] = {}
        self._bad_in_flight: set[str] = set()

    def close_channels(self) -> None:
        """End the channels' threads and close the channel objects built for them (their
        ``close()``: a pool's connections), with no call in flight: a worker with nothing to
        send holds no connection to a provider. The next round builds them again."""
        if self.calls.sending:
            return
        self.threads.close()
        self.context.channels.close()

    def run_round(self, fixed: dt.datetime | None, limit: int) -> RoundOutcome:
        """Claim, hand over, and record the calls of the round before (see
        :meth:`CallsInFlight.record_returned`).

        This round's calls are left running when it returns: the next round records them
        after handing over its own, so one round's database work overlaps the other's
        sends. A round that claims nothing records every call still running and claims once
        more (a retry due at once is claimed then), so after it nothing is left running.
        Without ``concurrent_channels`` a round records its own calls: they are done.
        """
        context, calls = self.context, self.calls
        done = RoundOutcome()
        try:
            calls.record_what_a_failed_round_left(fixed, done)
            done.note(expire_leases(context, fixed))
            claimed = claim_due_rows(context, fixed, limit, done)
            if not claimed and calls.sending:
                calls.record_all(fixed, done)
                claimed = claim_due_rows(context, fixed, limit, done)
            groups: dict[tuple[str | None, str], list[QueueRow]] = {}
            for row in claimed:
                key = (None if context.channels.injected else row.rules_hash, row.channel)
                groups.setdefault(key, []).append(row)
            ready = self._channel_calls(fixed, list(groups.items()), done)
            earlier = len(calls.sending)
            self._hand_over_and_start(fixed, ready)
            # Calls made on the caller's thread are done already: nothing to overlap.
            count = earlier if self.threads.concurrent else len(calls.sending)
            calls.record_returned(fixed, done, count)
        except DBAPIError:
            calls.keep_results_after_database_error()
            raise
        return done

    def _channel_calls(
        self, fixed: dt.datetime | None, groups: list[_Group], done: RoundOutcome
    ) -> list[ChannelCall]:
        """The channel object for each group of claimed rows. A group whose channel cannot be
        built is recorded at once as ``retry`` with the reason. On a database error (reading
        a rules file, recording), every claim not handed over is kept to be queued again."""
        ready: list[ChannelCall] = []
        for index, ((rules_hash, channel_name), rows) in enumerate(groups):
            try:
                channel = self.context.channels.instance(rules_hash, channel_name)
            except ChannelSetupError as exc:
                results = [DeliveryResult.retry(row.id, str(exc)) for row in rows]
                try:  # on a database error these results are kept by record_or_keep
                    done.note(self.calls.record_or_keep(fixed, channel_name, rows, results))
                except DBAPIError:
                    self._keep_unhanded(ready, groups[index + 1 :])
                    raise
                continue
            except DBAPIError:  # reading the rules file of its settings
                self._keep_unhanded(ready, groups[index:])
                raise
            ready.append(self._call_for(rules_hash, channel_name, channel, rows))
        return ready

    def _call_for(
        self, rules_hash: str | None, channel_name: str, channel: Any, rows: list[QueueRow]
    ) -> ChannelCall:
        """The call of ``rows`` to ``channel``: on lanes (:mod:`.send_lanes`) when the object
        has a ``max_in_flight`` above 1 or the channel a ``max_per_second``, and calls run on
        threads of their own with a store not in memory; else one batch, as always, except
        that a channel with ``max_per_second`` is sent one notification at a time, each when
        the rate allows (:func:`.paced_call`)."""
        limit = self.context.channels.rate_limit(rules_hash, channel_name)
        gate = None
        if limit is not None:
            gate = self.gates.get(limit)
            if gate is None:
                gate = self.gates[limit] = RateGate(self.context.store, *limit)
        if not self.threads.concurrent or self.context.store.in_memory:
            return ChannelCall(channel_name, channel, rows, gate=gate)
        lanes = getattr(channel, "max_in_flight", 1)
        if not valid_in_flight(lanes):
            if channel_name not in self._bad_in_flight:
                self._bad_in_flight.add(channel_name)
                _log.warning(
                    "channel %s has max_in_flight %r, not a whole number from 1 to %d: "
                    "it is sent one call at a time",
                    channel_name,
                    lanes,
                    MAX_IN_FLIGHT,
                )
            lanes = 1
        return ChannelCall(channel_name, channel, rows, lanes, gate, lanes > 1 or gate is not None)

    def _keep_unhanded(self, ready: list[ChannelCall], groups: list[_Group]) -> None:
        """Keep claims never handed over (queued again at the next round)."""
        self.calls.keep_unhanded(ready, [row for _, rows in groups for row in rows])

    def _hand_over(self, fixed: dt.datetime | None, ready: list[ChannelCall]) -> list[ChannelCall]:
        """Stamp ``handed_at`` and renew the lease of every row about to go to a channel, in
        one transaction (:func:`.hand_over_rows`); returns the calls with only the rows this
        worker still held."""
        handed = hand_over_rows(self.context, fixed, [row for call in ready for row in call.rows])
        kept: list[ChannelCall] = []
        for call in ready:
            rows = [row for row in call.rows if row.id in handed]
            if rows:
                kept.append(attrs.evolve(call, rows=rows))
        return kept

    def _hand_over_and_start(self, fixed: dt.datetime | None, ready: list[ChannelCall]) -> None:
        """Hand over and start ``ready``: those whose channel object is idle at once, in one
        transaction; the others as their objects' previous calls return (calls to one object
        never overlap, and a batch is stamped ``handed_at`` only when its channel takes it),
        renewing the claims still waiting meanwhile. Inline, each call is handed over just
        before it runs. When anything ends this early, the claims not handed over are kept
        to be queued again."""
        waiting = list(ready)
        try:
            while waiting:
                idle = self._calls_with_idle_channel(waiting)
                if not idle:
                    self._wait_for_a_busy_channel(waiting, fixed)
                    continue
                # A call on lanes hands its rows over a few at a time, as lanes take them.
                handed = self._hand_over(fixed, [call for call in idle if not call.on_lanes])
                handed += [call for call in idle if call.on_lanes]
                waiting = [call for call in waiting if call not in idle]
                if not self.threads.concurrent:  # the heartbeat renews them meanwhile
                    self.calls.claims_waiting = [row.id for call in waiting for row in call.rows]
                self._start_calls(fixed, handed)  # inline: runs them
        except BaseException:
            self.calls.keep_unhanded(waiting)
            raise
        finally:
            self.calls.claims_waiting = []

    def _calls_with_idle_channel(self, waiting: list[ChannelCall]) -> list[ChannelCall]:
        """The calls of ``waiting`` whose channel object has no call still running, and the
        calls on lanes: their lanes take the next call's rows as they finish the last one's
        (at most ``max_in_flight`` sends open in all). Inline: the first one only, so each
        is handed over just before it runs."""
        if not self.threads.concurrent:
            return waiting[:1]
        busy = {id(sent.call.channel) for sent in self.calls.sending if not sent.future.done()}
        return [call for call in waiting if call.on_lanes or id(call.channel) not in busy]

    def _wait_for_a_busy_channel(
        self, waiting: list[ChannelCall], fixed: dt.datetime | None
    ) -> None:
        """Wait until a call that a waiting claim's channel object is still running returns.
        On the clock, renew the waiting claims' leases every third of a lease meanwhile:
        this thread is alive, only the channels are slow, so they are not given up to
        another worker."""
        objects = {id(call.channel) for call in waiting}
        running = [
            sent.future
            for sent in self.calls.sending
            if id(sent.call.channel) in objects and not sent.future.done()
        ]
        on_clock = self.context.leases_run_on_clock(fixed)
        timeout = self.context.lease.total_seconds() / 3 if on_clock else None
        if not running or wait(running, timeout=timeout, return_when=FIRST_COMPLETED)[0]:
            return
        try:
            renew_claims(self.context, [row.id for call in waiting for row in call.rows])
        except DBAPIError as exc:
            _log.warning("renewing claims failed: %s", type(exc.orig).__name__)

    def _start_calls(self, fixed: dt.datetime | None, handed: list[ChannelCall]) -> None:
        """Start every call, each on its channel object's thread (:mod:`.handoff`); they
        join the calls in flight (before they start, so the heartbeat renews them), to be
        recorded by :meth:`CallsInFlight.record_returned`. On threads and a store not in
        memory, each result is recorded as it arrives (:mod:`.streamed_results`)."""
        streaming = self.threads.concurrent and not self.context.store.in_memory
        for call in handed:
            notifications = [row.as_notification() for row in call.rows]
            _log.info(
                "handing %s to %s", counted(len(notifications), "notification"), call.channel_name
            )
            streamed = None
            if streaming:
                streamed = StreamedResults(self.context, fixed, call.channel_name, call.rows)
            if call.on_lanes:
                assert streamed is not None
                pump = LanePump(
                    self.context,
                    fixed,
                    call,
                    streamed,
                    lanes=call.lanes,
                    gate=call.gate,
                )
                sent = SentCall(call, Future(), streamed, pump)
                self.calls.sending.append(sent)
                pumped = functools.partial(run_pumped, pump, streamed)
                self.threads.run_pump(
                    call.channel, call.channel_name, call.lanes, pumped, sent.future
                )
                continue
            sent = SentCall(call, Future(), streamed)
            self.calls.sending.append(sent)
            work = functools.partial(
                _call_and_close, call.channel, notifications, streamed, call.gate
            )
            self.threads.run(call.channel, call.channel_name, work, sent.future)


def _call_and_close(
    channel: Any,
    notifications: list[Notification],
    streamed: StreamedResults | None,
    gate: RateGate | None = None,
) -> list[DeliveryResult | None]:
    """:func:`call_channel`, each result recorded as it arrives into ``streamed``, which is
    closed when the call ends (on the channel's thread, so its future is done only then).
    With ``gate`` (a rate-limited channel called inline): one notification at a time."""
    if gate is not None:
        assert streamed is None  # inline, or an in-memory store: nothing is streamed
        return list(paced_call(channel, notifications, gate))
    if streamed is None:
        return list(call_channel(channel, notifications))
    try:
        return list(call_channel(channel, notifications, streamed.add))
    finally:
        streamed.close()
