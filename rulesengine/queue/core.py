"""The notification queue: claim due work, hand it to channels, record what happened.

One delivery round (:meth:`Queue.deliver`):

1. **expire leases**: ``sending`` rows whose lease ran out go back to ``scheduled`` when
   they were never handed to a channel, else to ``unknown`` (never blindly resent);
2. **claim**, in one transaction (SQLite ``BEGIN IMMEDIATE``; PostgreSQL ``FOR UPDATE SKIP
   LOCKED``): scheduled notifications due now, oldest first; each is deferred to its next
   window start when now is outside its send window, else stopped by the pre-send check
   (:mod:`rulesengine.queue.checks`), else left waiting when its channel is not available,
   else moved to ``sending`` under this worker's lease;
3. **hand over**: stamp ``handed_at`` and renew the lease (one committed transaction for
   the channels that are free, then one per channel object still sending the round
   before's batch, once that call returned: calls to one object never overlap) on the rows
   this worker still holds (a row whose lease ran out meanwhile is not handed over: it is
   no longer ours), then call each channel once with its rows through
   :func:`rulesengine.channels.channel_calls.call_channel`, all channels at the same time,
   each channel object on a thread of its own (:mod:`rulesengine.queue.handoff`);
4. **record** the calls of the round before (and any of this round's that already
   returned) while this round's calls send: each as soon as it returns, in one transaction
   per call, set-based (one locking read, one ``UPDATE`` per kind of change, one history
   ``INSERT``): ``sent``; ``retry``
   back to ``scheduled`` after the backoff (or ``error`` when out of attempts); ``failed``
   to ``error``. Only rows still ``sending`` under this worker's lease and attempt are
   recorded. So the next round's claim and this round's sends overlap too; a round that
   claims nothing, :meth:`Queue.deliver` before it returns and a worker before it stops
   record every call still sending. While calls send, a heartbeat thread renews their
   leases (and only theirs); a claim waiting for its busy channel is renewed by the
   worker's own thread while it waits. A claim that expires before its hand-over gets its
   attempt back.

A database error ends the round, but what the worker knows is kept in memory and settled at
the start of its next round, or by :meth:`Queue.finish` (which :meth:`Queue.close` calls):
results a channel returned are recorded, and claims that were never handed to a channel go
back to ``scheduled`` at once (rather than waiting for their lease to run out). Only a
worker that dies loses that knowledge; its lease decides then.

Every status change appends a history entry and, after its transaction commits, calls the
``notification_status_changed`` observers; ``delivery_finished`` follows each recorded call.
"""

from __future__ import annotations

import datetime as dt
import functools
import logging
import os
import socket
import threading
import uuid
from collections.abc import Callable, Iterable, Iterator, Mapping, Sequence
from concurrent.futures import FIRST_COMPLETED, Future, wait
from contextlib import contextmanager
from typing import TYPE_CHECKING, Any

import attrs
from sqlalchemy.exc import DBAPIError

from rulesengine.channels import DeliveryResult, call_channel, exception_summary
from rulesengine.errors import RulesengineError
from rulesengine.model import NOTIFICATION_STATUSES
from rulesengine.plurals import counted, noun_for
from rulesengine.queue import notification_sql as qio
from rulesengine.queue import presend_sql
from rulesengine.queue.channel_objects import Channels, ChannelSetupError
from rulesengine.queue.checks import presend_outcome
from rulesengine.queue.clock import check_supported, database_now
from rulesengine.queue.delivery_report import DeliveryReport, ProofsAdded
from rulesengine.queue.handoff import ChannelThreads
from rulesengine.queue.notification_reads import notification_history
from rulesengine.queue.notification_rows import Change, QueueRow, Transition
from rulesengine.queue.windows import local_zone, parse_window
from rulesengine.store.failures import first_line
from rulesengine.store.rows import as_utc, utcnow

if TYPE_CHECKING:
    import pluggy

    from rulesengine.model import BatchResult
    from rulesengine.rules.policy import Rules
    from rulesengine.store.sql_store import SQLStore

__all__ = ["STATUSES", "Queue"]

log = logging.getLogger(__name__)

STATUSES = NOTIFICATION_STATUSES
#: How long a notification whose channel is not available waits before it is looked at again.
UNAVAILABLE_RECHECK = dt.timedelta(hours=1)
UNKNOWN_DETAIL = "the worker stopped after handing it to the channel; it may have been sent"
#: The longest pause of a worker between rounds that failed on a database error (seconds).
MAX_ERROR_PAUSE = 30.0


def default_worker_id() -> str:
    """``host:pid:random``: unique per process, readable in the history."""
    return f"{socket.gethostname()}:{os.getpid()}:{uuid.uuid4().hex[:6]}"


@attrs.frozen(eq=False)
class _Call:
    """One call of a round: these claimed rows, for this channel object (compared by
    identity)."""

    channel_name: str
    channel: Any
    rows: list[QueueRow]


@attrs.frozen(eq=False)
class _Sent:
    """A call handed to its channel's thread, its results not yet recorded (compared by
    identity)."""

    call: _Call
    future: Future[list[DeliveryResult]]


@attrs.define
class _Round:
    """What one round did (merged into a :class:`DeliveryReport`)."""

    claimed: int = 0
    final: dict[int, str] = attrs.field(factory=dict)
    deferred: list[int] = attrs.field(factory=list)
    waiting: list[int] = attrs.field(factory=list)

    def note(self, transitions: Iterable[Transition]) -> None:
        for t in transitions:
            self.final[t.notification_id] = t.new_status


class Queue:
    """The notification queue over a store (``docs/queue.md``).

    :param store: an open SQL store (:func:`rulesengine.store.open_store`).
    :param channels: channel name -> channel object to use as is (tests, scenarios); when
        given, only these channels are used. Default: the registered plugin channels,
        built with the settings of each notification's rules file.
    :param pm: the plugin manager for channels and observers (default: a fresh
        :func:`~rulesengine.channels.manager.get_plugin_manager`, made when first needed).
    :param worker_id: this worker's name in leases and history (default ``host:pid:rand``).
    :param lease_seconds: how long a claim holds a notification before it is expired.
    :param clock: returns the current instant (aware). Default: the real clock, which on
        PostgreSQL is the database server's (:mod:`rulesengine.queue.clock`), so every
        worker measures due times, send windows and leases on one clock.
    :param leases_on_clock: take lease instants (claim, renewal, expiry, hand-over) from
        the clock even when a delivery is given an explicit ``now``: for ``deliver --now``,
        an earlier instant on a queue real workers share. Default: an explicit ``now``
        is simulated time for everything (scenarios, tests).
    :param concurrent_channels: call a round's channels at the same time, each channel
        object on a thread of its own (:mod:`rulesengine.queue.handoff`); ``False`` calls
        them one after the other on the caller's thread.

    A queue that called its channels holds one thread per channel object until
    :meth:`close` (or the end of a ``with`` block).
    """

    def __init__(
        self,
        store: SQLStore,
        *,
        channels: Mapping[str, Any] | None = None,
        pm: pluggy.PluginManager | None = None,
        worker_id: str | None = None,
        lease_seconds: float = 300,
        clock: Callable[[], dt.datetime] | None = None,
        leases_on_clock: bool = False,
        concurrent_channels: bool = True,
    ) -> None:
        if lease_seconds <= 0:
            raise ValueError("lease_seconds must be positive")
        self.store = store
        self.worker_id = worker_id or default_worker_id()
        self.lease = dt.timedelta(seconds=lease_seconds)
        self.clock = clock or utcnow
        self._clock_given = clock is not None
        self.leases_on_clock = leases_on_clock
        self._pm = pm
        self.channels = Channels(store, channels, self.plugin_manager)
        self._threads = ChannelThreads(self.worker_id, concurrent=concurrent_channels)
        # What a round cut short by a database error left in memory (see _settle).
        self._unhanded: list[QueueRow] = []
        self._unrecorded: list[tuple[str, list[QueueRow], list[DeliveryResult]]] = []
        # Calls handed to their channels whose results are not recorded yet (call order).
        self._flight: list[_Sent] = []
        # Inline: claims of the round waiting while an earlier call runs on this thread.
        self._claims_waiting: list[int] = []
        # What a call raised that ends delivery (SystemExit), kept while the rest is recorded.
        self._fatal: BaseException | None = None

    def __repr__(self) -> str:
        return f"<Queue {self.store!r} worker={self.worker_id}>"

    def __enter__(self) -> Queue:
        return self

    def __exit__(self, *exc_info: object) -> None:
        self.close()

    def close(self) -> None:
        """Record what is still held in memory (:meth:`finish`) and end the channels'
        threads. The store stays open, and delivering again starts new threads."""
        try:
            if self._flight or self._unrecorded or self._unhanded:
                self.finish()
        finally:
            self._threads.close()

    def plugin_manager(self) -> pluggy.PluginManager:
        """The plugin manager (built on first use)."""
        if self._pm is None:
            from rulesengine.channels.manager import get_plugin_manager

            self._pm = get_plugin_manager()
        return self._pm

    def _now(self, now: dt.datetime | None) -> dt.datetime:
        """``now`` in UTC (checked), else the clock read on this machine."""
        if now is None:
            return as_utc(self.clock())
        try:
            return check_supported(as_utc(now))
        except ValueError:
            raise RulesengineError(
                f"a time needs its zone, such as 2026-02-01T15:00:00Z; got {now.isoformat()}"
            ) from None

    def _time(self, conn: Any, fixed: dt.datetime | None) -> dt.datetime:
        """The instant a transaction acts at: ``fixed`` (simulated time), else the clock;
        on PostgreSQL, without a clock given, the database server's, read on ``conn``."""
        if fixed is not None:
            return fixed
        if not self._clock_given and conn.dialect.name == "postgresql":
            return database_now(conn)
        return as_utc(self.clock())

    def _leases_on_clock(self, fixed: dt.datetime | None) -> bool:
        """Whether leases run on the clock (real time, renewed while calls send) rather than
        on the simulated instant ``fixed``."""
        return fixed is None or self.leases_on_clock

    def _lease_time(
        self, conn: Any, fixed: dt.datetime | None, now: dt.datetime | None = None
    ) -> dt.datetime:
        """The instant leases are set and compared at (see ``leases_on_clock``); ``now``: the
        clock as this transaction already read it."""
        if not self._leases_on_clock(fixed):
            assert fixed is not None
            return fixed
        return now if now is not None and fixed is None else self._time(conn, None)

    # -- observers ---------------------------------------------------------------------------

    def observe(self, transitions: Iterable[Transition]) -> None:
        """Call the ``notification_status_changed`` observers for committed changes (an
        observer that raises is logged and never stops the queue)."""
        transitions = list(transitions)
        if not transitions:
            return
        from rulesengine.channels.manager import notify_each

        notify_each(
            self.plugin_manager(),
            "notification_status_changed",
            (
                {
                    "notification_id": t.notification_id,
                    "old_status": t.old_status,
                    "new_status": t.new_status,
                    "detail": t.detail,
                }
                for t in transitions
            ),
        )

    def _delivery_finished(self, channel: str, results: list[DeliveryResult]) -> None:
        from rulesengine.channels.manager import notify_observers

        notify_observers(
            self.plugin_manager(), "delivery_finished", channel=channel, results=results
        )

    # -- delivery ----------------------------------------------------------------------------

    def deliver(
        self, now: dt.datetime | None = None, *, until_empty: bool = False, limit: int = 100
    ) -> DeliveryReport:
        """Hand due notifications to their channels: one round, or rounds until none is due.

        :param now: the instant to deliver at (aware); default the clock, read afresh at
            each step.
        :param until_empty: repeat rounds until nothing is due at ``now``.
        :param limit: the most notifications one round claims.
        """
        if limit < 1:
            raise ValueError("limit must be at least 1")
        fixed = None if now is None else self._now(now)
        final: dict[int, str] = {}
        deferred: list[int] = []
        waiting: list[int] = []
        rounds = 0
        with self._heartbeat_while(self._leases_on_clock(fixed)), self._finishing(fixed):
            while True:
                done = self._round(fixed, limit)
                rounds += 1
                if not until_empty or done.claimed == 0:
                    self._land_all(fixed, done)
                final.update(done.final)
                deferred.extend(done.deferred)
                waiting.extend(done.waiting)
                if not until_empty or done.claimed == 0:
                    break
        counts: dict[str, int] = {}
        for status in final.values():
            counts[status] = counts.get(status, 0) + 1
        return DeliveryReport(counts, tuple(final), deferred, waiting, rounds)

    def _round(self, fixed: dt.datetime | None, limit: int) -> _Round:
        """Claim, hand over, and record the calls of the round before (see :meth:`_land`).

        This round's calls are left running when it returns: the next round records them
        after handing over its own, so one round's database work overlaps the other's
        sends. A round that claims nothing records every call still running and claims once
        more (a retry due at once is claimed then), so after it nothing is left running.
        Without ``concurrent_channels`` a round records its own calls: they are done.
        """
        done = _Round()
        try:
            self._settle(fixed, done)
            done.note(self.expire_leases(fixed))
            claimed = self._claim(fixed, limit, done)
            if not claimed and self._flight:
                self._land_all(fixed, done)
                claimed = self._claim(fixed, limit, done)
            groups: dict[tuple[str | None, str], list[QueueRow]] = {}
            for row in claimed:
                key = (None if self.channels.injected else row.rules_hash, row.channel)
                groups.setdefault(key, []).append(row)
            calls = self._build_channels(fixed, list(groups.items()), done)
            earlier = len(self._flight)
            self._dispatch(fixed, calls)
            # Calls made on the caller's thread are done already: nothing to overlap.
            self._land(fixed, done, earlier if self._threads.concurrent else len(self._flight))
        except DBAPIError:
            self._ground()
            raise
        return done

    def _settle(self, fixed: dt.datetime | None, done: _Round) -> None:
        """Finish what a round cut short by a database error left in memory: record the
        results a channel returned, and queue again what was claimed but never handed to a
        channel. Only rows still held under this worker's lease change; one whose lease ran
        out meanwhile was already decided by ``expire_leases`` (``unknown`` if handed)."""
        while self._unrecorded:
            channel_name, rows, results = self._unrecorded[0]
            done.note(self._record(fixed, channel_name, rows, results))
            del self._unrecorded[0]
        if self._unhanded:
            done.note(self._release(fixed, self._unhanded))
            self._unhanded = []

    def _release(self, fixed: dt.datetime | None, rows: list[QueueRow]) -> list[Transition]:
        """``sending`` -> ``scheduled`` (due now) for claims this worker never handed over."""
        detail = (
            f"{self.worker_id} lost its database connection before handing it to the channel: "
            "queued again"
        )
        with self.store.writing() as conn:
            now = self._time(conn, fixed)
            values = {
                "next_attempt_at": now,
                "handed_at": None,
                "lease_owner": None,
                "lease_expires_at": None,
            }
            changed = qio.change_statuses(
                conn,
                [  # never attempted: the claim's attempt is given back
                    Change(row, "scheduled", detail, {**values, "attempt": max(row.attempt - 1, 0)})
                    for row in rows
                ],
                now,
                expect_lease=self.worker_id,
            )
        transitions = [t for t in changed if t is not None]
        self.observe(transitions)
        return transitions

    def _claim(self, fixed: dt.datetime | None, limit: int, done: _Round) -> list[QueueRow]:
        """Claim due rows, run the window and pre-send checks; return the rows now sending."""
        sending: list[QueueRow] = []
        changes: list[Change] = []
        with self.store.writing() as conn:
            now = self._time(conn, fixed)
            rows = qio.due_rows(conn, now, limit)
            done.claimed = len(rows)
            in_window = [row for row in rows if self._in_window(conn, row, now, done)]
            facts = presend_sql.presend_facts(conn, in_window) if in_window else None
            expires = self._lease_time(conn, fixed, now) + self.lease
            for row in in_window:
                assert facts is not None
                stopped = presend_outcome(row, facts)
                if stopped is not None:
                    status, detail = stopped
                    changes.append(Change(row, status, detail, {"next_attempt_at": None}))
                    continue
                if not self.channels.available(row.channel):
                    self._wait_for_channel(conn, row, now)
                    done.waiting.append(row.id)
                    continue
                attempt = row.attempt + 1
                changes.append(
                    Change(
                        row,
                        "sending",
                        f"attempt {attempt} of {row.max_attempts} by {self.worker_id}",
                        {
                            "attempt": attempt,
                            "lease_owner": self.worker_id,
                            "lease_expires_at": expires,
                            "handed_at": None,
                        },
                    )
                )
            changed = qio.change_statuses(conn, changes, now)
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
                        lease_owner=self.worker_id,
                        lease_expires_at=expires,
                    )
                )
        self.observe(transitions)
        done.note(transitions)
        return sending

    def _in_window(self, conn: Any, row: QueueRow, now: dt.datetime, done: _Round) -> bool:
        """True when ``now`` is inside the row's window; else defer it to the next start."""
        zone = local_zone(row.timezone)
        try:
            window = parse_window(row.send_window, zone)
        except ValueError:
            log.warning("notification %s: bad send window %r, ignored", row.id, row.send_window)
            window = None
        if window is None or window.contains(now):
            return True
        start = window.next_start(now)
        local = start.astimezone(zone).isoformat(timespec="minutes")
        qio.add_note(conn, row, now, f"window {window}: deferred to {local}", next_attempt_at=start)
        done.deferred.append(row.id)
        return False

    def _wait_for_channel(self, conn: Any, row: QueueRow, now: dt.datetime) -> None:
        """Leave a row queued whose channel is not registered (or injected); look again later."""
        later = now + UNAVAILABLE_RECHECK
        detail = (
            f"no channel {row.channel!r} is available (install or enable its plugin): "
            "waiting in the queue"
        )
        if qio.last_detail(conn, row.id) == detail:  # said once is enough
            qio.postpone(conn, row.id, later, now)
        else:
            qio.add_note(conn, row, now, detail, next_attempt_at=later)

    def _build_channels(
        self,
        fixed: dt.datetime | None,
        groups: list[tuple[tuple[str | None, str], list[QueueRow]]],
        done: _Round,
    ) -> list[_Call]:
        """The channel object for each group of claimed rows. A group whose channel cannot be
        built is recorded at once as ``retry`` with the reason. On a database error (reading
        a rules file, recording), every claim not handed over is kept for :meth:`_settle`."""
        ready: list[_Call] = []
        for index, ((rules_hash, channel_name), rows) in enumerate(groups):
            try:
                channel = self.channels.instance(rules_hash, channel_name)
            except ChannelSetupError as exc:
                results = [DeliveryResult.retry(row.id, str(exc)) for row in rows]
                try:  # on a database error these results are kept by _record_or_keep
                    done.note(self._record_or_keep(fixed, channel_name, rows, results))
                except DBAPIError:
                    self._keep_unhanded(ready, groups[index + 1 :])
                    raise
                continue
            except DBAPIError:  # reading the rules file of its settings
                self._keep_unhanded(ready, groups[index:])
                raise
            ready.append(_Call(channel_name, channel, rows))
        return ready

    def _keep_unhanded(
        self,
        calls: list[_Call],
        groups: list[tuple[tuple[str | None, str], list[QueueRow]]],
    ) -> None:
        """Keep claims never handed over for :meth:`_settle` (queued again)."""
        for call in calls:
            self._unhanded.extend(call.rows)
        for _, rows in groups:
            self._unhanded.extend(rows)

    def _hand_over(self, fixed: dt.datetime | None, calls: list[_Call]) -> list[_Call]:
        """Stamp ``handed_at`` and renew the lease of every row about to go to a channel, in
        one transaction; returns the calls with only the rows this worker still held."""
        if not calls:
            return []
        with self.store.writing() as conn:
            now = self._lease_time(conn, fixed)
            handed = qio.mark_handed(
                conn,
                [row.id for call in calls for row in call.rows],
                self.worker_id,
                now,
                now + self.lease,
            )
        kept: list[_Call] = []
        for call in calls:
            lost = [row.id for row in call.rows if row.id not in handed]
            if lost:
                log.warning(
                    "%s %s %s not handed to the channel: the lease of %s ran out "
                    "before the hand-off and another worker may have them",
                    call.channel_name,
                    noun_for(len(lost), "notification"),
                    ", ".join(map(str, lost)),
                    self.worker_id,
                )
            rows = [row for row in call.rows if row.id in handed]
            if rows:
                kept.append(attrs.evolve(call, rows=rows))
        return kept

    def _dispatch(self, fixed: dt.datetime | None, calls: list[_Call]) -> None:
        """Hand over and start ``calls``: those whose channel object is free at once, in one
        transaction; the others as their objects' previous calls return (calls to one object
        never overlap, and a batch is stamped ``handed_at`` only when its channel takes it),
        renewing the claims still waiting meanwhile. Inline, each call is handed over just
        before it runs. When anything ends this early, the claims not handed over are kept
        for :meth:`_settle` (queued again)."""
        waiting = list(calls)
        try:
            while waiting:
                ready = self._free(waiting)
                if not ready:
                    self._wait_for_a_channel(waiting, fixed)
                    continue
                handed = self._hand_over(fixed, ready)
                waiting = [call for call in waiting if call not in ready]
                if not self._threads.concurrent:  # the heartbeat renews them meanwhile
                    self._claims_waiting = [row.id for call in waiting for row in call.rows]
                self._send(handed)  # inline: runs them
        except BaseException:
            self._keep_unhanded(waiting, [])
            raise
        finally:
            self._claims_waiting = []

    def _free(self, waiting: list[_Call]) -> list[_Call]:
        """The calls of ``waiting`` whose channel object has no call still running (inline:
        the first one only, so each is handed over just before it runs)."""
        if not self._threads.concurrent:
            return waiting[:1]
        busy = {id(sent.call.channel) for sent in self._flight if not sent.future.done()}
        return [call for call in waiting if id(call.channel) not in busy]

    def _wait_for_a_channel(self, waiting: list[_Call], fixed: dt.datetime | None) -> None:
        """Wait until a call that a waiting claim's channel object is still running returns.
        On the clock, renew the waiting claims' leases every third of a lease meanwhile:
        this thread is alive, only the channels are slow, so they are not given up to
        another worker."""
        objects = {id(call.channel) for call in waiting}
        running = [
            sent.future
            for sent in self._flight
            if id(sent.call.channel) in objects and not sent.future.done()
        ]
        timeout = self.lease.total_seconds() / 3 if self._leases_on_clock(fixed) else None
        if not running or wait(running, timeout=timeout, return_when=FIRST_COMPLETED)[0]:
            return
        try:
            self._renew_claims([row.id for call in waiting for row in call.rows])
        except DBAPIError as exc:
            log.warning("renewing claims failed: %s", type(exc.orig).__name__)

    def _renew_claims(self, ids: list[int]) -> int:
        """Extend the leases of claims not handed over yet, only while they are still this
        worker's and unexpired (a lapsed claim is never revived)."""
        if not ids:
            return 0
        with self.store.writing() as conn:
            now = self._time(conn, None)
            return qio.extend_leases(
                conn, self.worker_id, now + self.lease, ids, handed_only=False, alive_at=now
            )

    def _send(self, calls: list[_Call]) -> None:
        """Start every call, each on its channel object's thread (:mod:`.handoff`); they
        join the calls in flight (before they start, so the heartbeat renews them), to be
        recorded by :meth:`_land`."""
        for call in calls:
            notifications = [row.as_notification() for row in call.rows]
            log.info(
                "handing %s to %s", counted(len(notifications), "notification"), call.channel_name
            )
            sent = _Sent(call, Future())
            self._flight.append(sent)
            self._threads.run(
                call.channel,
                call.channel_name,
                functools.partial(call_channel, call.channel, notifications),
                sent.future,
            )

    def _land(
        self, fixed: dt.datetime | None, done: _Round, count: int, *, reraise: bool = True
    ) -> None:
        """Record the results of the first ``count`` calls in flight, each as soon as it
        returns (in the order they were made when several have), then those of any later
        call that has already returned. A call stays in flight until it is recorded, so the
        heartbeat renews it. A call that raised what ``call_channel`` does not catch
        (``SystemExit``, ``KeyboardInterrupt``: what ends a worker) is dropped
        (:meth:`_abandon`) and, with ``reraise``, what it raised ends delivery."""
        waiting = self._flight[:count]
        while waiting:
            wait([sent.future for sent in waiting], return_when=FIRST_COMPLETED)
            for sent in [sent for sent in waiting if sent.future.done()]:
                waiting.remove(sent)
                self._land_one(fixed, done, sent, reraise=reraise)
        for sent in [sent for sent in self._flight if sent.future.done()]:
            self._land_one(fixed, done, sent, reraise=reraise)

    def _land_one(
        self, fixed: dt.datetime | None, done: _Round, sent: _Sent, *, reraise: bool
    ) -> None:
        """Record one returned call (see :meth:`_land`)."""
        error = sent.future.exception()
        self._flight.remove(sent)
        if error is not None:
            self._abandon(sent, error)
            if reraise:
                raise error
            self._fatal = self._fatal or error  # raised once everything is recorded
            return
        call = sent.call
        results = sent.future.result()
        done.note(self._record_or_keep(fixed, call.channel_name, call.rows, results))

    def _land_all(self, fixed: dt.datetime | None, done: _Round, *, reraise: bool = True) -> None:
        """Record every call in flight (a database error keeps them for :meth:`_settle`)."""
        try:
            self._land(fixed, done, len(self._flight), reraise=reraise)
        except DBAPIError:
            self._ground()
            raise

    def _ground(self) -> None:
        """After a database error: wait for every call in flight and keep its results for
        :meth:`_settle` (they were handed over, so they are never handed over again). A call
        that ended like a dying worker (:meth:`_abandon`) then ends delivery with what it
        raised, rather than the database error."""
        fatal: BaseException | None = None
        while self._flight:
            head = self._flight[0]
            error = head.future.exception()
            self._flight.pop(0)
            if error is not None:
                self._abandon(head, error)
                fatal = fatal or error
            else:
                rows = head.call.rows
                self._unrecorded.append((head.call.channel_name, rows, head.future.result()))
        if fatal is not None:
            raise fatal

    def _abandon(self, sent: _Sent, error: BaseException) -> None:
        """Leave a call that ended like a dying worker as a dead worker leaves it: its rows
        stay ``sending``, handed over, until the lease runs out and makes them ``unknown``
        (they may have gone out, so they are never retried blindly)."""
        log.error(
            "channel %s ended its send with %s: %s %s stay sending and become "
            "unknown when the lease of %s runs out",
            sent.call.channel_name,
            exception_summary(error),
            counted(len(sent.call.rows), "notification"),
            ", ".join(str(row.id) for row in sent.call.rows[:20]),
            self.worker_id,
        )

    def _record_or_keep(
        self,
        fixed: dt.datetime | None,
        channel_name: str,
        rows: list[QueueRow],
        results: list[DeliveryResult],
    ) -> list[Transition]:
        """:meth:`_record`; when the database fails, keep the results for :meth:`_settle`."""
        try:
            return self._record(fixed, channel_name, rows, results)
        except DBAPIError:
            self._unrecorded.append((channel_name, rows, results))
            raise

    def _record(
        self,
        fixed: dt.datetime | None,
        channel_name: str,
        rows: list[QueueRow],
        results: list[DeliveryResult],
    ) -> list[Transition]:
        """Record a call's results in one transaction (:func:`~.notification_sql.change_statuses`):
        only rows still ``sending`` under this worker's lease and attempt change."""
        with self.store.writing() as conn:
            now = self._time(conn, fixed)
            changes = [
                self._result_change(row, result, now)
                for row, result in zip(rows, results, strict=True)
            ]
            changed = qio.change_statuses(conn, changes, now, expect_lease=self.worker_id)
        transitions: list[Transition] = []
        for row, result, t in zip(rows, results, changed, strict=True):
            if t is None:
                log.warning(
                    "notification %s changed while it was being sent; result %s not recorded",
                    row.id,
                    result.outcome,
                )
            else:
                transitions.append(t)
        self.observe(transitions)
        self._delivery_finished(channel_name, results)
        return transitions

    def _result_change(self, row: QueueRow, result: DeliveryResult, now: dt.datetime) -> Change:
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

    # -- leases ------------------------------------------------------------------------------

    def expire_leases(self, now: dt.datetime | None = None) -> list[Transition]:
        """Return expired claims: never handed -> ``scheduled`` (due now); handed ->
        ``unknown``, which only staff resolve (``resolve``)."""
        fixed = None if now is None else self._now(now)
        with self.store.writing() as conn:
            at = self._lease_time(conn, fixed)
            changes: list[Change] = []
            for row in qio.expired_leases(conn, at):
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
                    changes.append(
                        Change(
                            row,
                            "unknown",
                            f"lease of {row.lease_owner} expired: {UNKNOWN_DETAIL}",
                            {"next_attempt_at": None, **release},
                        )
                    )
            changed = qio.change_statuses(conn, changes, at)
        transitions = [t for t in changed if t is not None]
        self.observe(transitions)
        return transitions

    def heartbeat(self, now: dt.datetime | None = None) -> int:
        """Extend this worker's leases to ``now + lease_seconds``; returns how many."""
        fixed = None if now is None else self._now(now)
        with self.store.writing() as conn:
            at = self._lease_time(conn, fixed)
            return qio.extend_leases(conn, self.worker_id, at + self.lease)

    def _renew_in_flight(self) -> int:
        """Extend the leases of the notifications handed to a channel whose results are not
        recorded yet, so a long send does not make them ``unknown``; inline, also those of
        the round's claims waiting while this worker's thread runs an earlier call. Other
        claims not yet handed over are not renewed here: a worker stalled before its
        hand-off loses them (the worker's own thread renews those waiting for a busy
        channel, and ``mark_handed`` renews the lease of those it hands over)."""
        ids = [row.id for sent in list(self._flight) for row in sent.call.rows]
        ids += [row.id for _, rows, _ in list(self._unrecorded) for row in rows]
        renewed = 0
        if ids:
            with self.store.writing() as conn:
                at = self._time(conn, None)
                renewed = qio.extend_leases(conn, self.worker_id, at + self.lease, ids)
        # Inline, the round's later claims wait while this thread runs an earlier call.
        return renewed + self._renew_claims(list(self._claims_waiting))

    @contextmanager
    def _heartbeat_while(self, enabled: bool) -> Iterator[None]:
        """Renew the leases of the calls in flight in the background (every third of a
        lease) while delivering on the clock. Not for an in-memory store: its one shared
        connection cannot take a second thread's transactions, and no other process can
        take its leases over."""
        if not enabled or self.store.in_memory:
            yield
            return
        stop = threading.Event()
        interval = self.lease.total_seconds() / 3

        def beat() -> None:
            while not stop.wait(interval):
                try:
                    self._renew_in_flight()
                except DBAPIError as exc:
                    log.warning("heartbeat failed: %s", type(exc.orig).__name__)
                except Exception:  # keep beating: a lost heartbeat makes sends unknown
                    log.exception("heartbeat failed")

        thread = threading.Thread(target=beat, name=f"heartbeat-{self.worker_id}", daemon=True)
        thread.start()
        try:
            yield
        finally:
            stop.set()
            thread.join()

    # -- staff actions -----------------------------------------------------------------------

    def retry(self, ids: Sequence[int], now: dt.datetime | None = None) -> list[Transition]:
        """``error``/``unknown``/``canceled`` -> ``scheduled`` now (attempt kept)."""
        from rulesengine.queue.staff import staff_action

        return staff_action(self, ids, "retry", self._now(now))

    def cancel(self, ids: Sequence[int], now: dt.datetime | None = None) -> list[Transition]:
        """``scheduled``/``error``/``unknown`` -> ``canceled``."""
        from rulesengine.queue.staff import staff_action

        return staff_action(self, ids, "cancel", self._now(now))

    def resolve(
        self, ids: Sequence[int], outcome: str, now: dt.datetime | None = None
    ) -> list[Transition]:
        """Decide ``unknown`` notifications: ``sent`` (it went out) or ``resend``."""
        from rulesengine.queue.staff import staff_action

        if outcome not in ("sent", "resend"):
            raise RulesengineError(f"resolve as 'sent' or 'resend', not {outcome!r}")
        return staff_action(self, ids, f"resolve-{outcome}", self._now(now))

    def opt_out(
        self,
        guarantor_id: str,
        channel: str,
        source: str = "staff",
        now: dt.datetime | None = None,
    ) -> list[int]:
        """Record an opt-out and suppress what is still scheduled; returns those ids."""
        from rulesengine.queue.staff import opt_out

        return opt_out(self, guarantor_id, channel, source, self._now(now))

    # -- new notifications -------------------------------------------------------------------

    def notify(
        self,
        guarantor_id: str,
        channel: str,
        message_id: str,
        rules: Rules,
        now: dt.datetime | None = None,
        *,
        rules_text: str | None = None,
    ) -> int:
        """Queue an on-demand notification; returns its id (see :mod:`.create`)."""
        from rulesengine.queue.create import notify

        return notify(self, guarantor_id, channel, message_id, rules, self._now(now), rules_text)

    def add_proofs(
        self,
        batch: BatchResult,
        rules: Rules,
        now: dt.datetime | None = None,
        *,
        rules_text: str | None = None,
    ) -> ProofsAdded:
        """Queue the proofs of a test batch; returns their ids (see :mod:`.create`)."""
        from rulesengine.queue.create import add_proofs

        return add_proofs(self, batch, rules, self._now(now), rules_text)

    # -- reads -------------------------------------------------------------------------------

    def find(
        self,
        *,
        profile_id: str | None = None,
        batch_id: str | None = None,
        status: str | None = None,
        guarantor_id: str | None = None,
        channel: str | None = None,
        kind: str | None = None,
        limit: int | None = None,
    ) -> list[QueueRow]:
        """Notifications matching every given filter, oldest first."""
        if status is not None and status not in STATUSES:
            raise RulesengineError(
                f"unknown status {status!r}; the statuses are {', '.join(STATUSES)}"
            )
        with self.store.reading() as conn:
            return qio.queue_rows(
                conn,
                profile_id=profile_id,
                batch_id=batch_id,
                status=status,
                guarantor_id=guarantor_id,
                channel=channel,
                kind=kind,
                limit=limit,
            )

    def get(self, notification_id: int) -> QueueRow:
        """One notification; :class:`RulesengineError` when there is none."""
        with self.store.reading() as conn:
            found = qio.rows_by_id(conn, [notification_id], lock=False)
        if notification_id not in found:
            raise RulesengineError(f"no notification {notification_id}")
        return found[notification_id]

    def history(self, notification_id: int) -> list[Mapping[str, object]]:
        """A notification's history entries, oldest first."""
        return notification_history(self.store, notification_id)

    # -- the worker --------------------------------------------------------------------------

    def run_worker(
        self, stop_event: threading.Event, *, poll_seconds: float = 1.0, limit: int = 100
    ) -> int:
        """Deliver round after round until ``stop_event`` is set; returns the rounds run.

        A round always finishes; between rounds with nothing due the worker sleeps up to
        ``poll_seconds`` (waking at once when the event is set). A database error (the server
        restarted, the connection was dropped) ends the round with one log line; the worker
        pauses (``poll_seconds``, doubling while the errors go on, at most
        :data:`MAX_ERROR_PAUSE`) and goes on with fresh connections. What the failed round
        knew is not lost: results a channel returned are recorded and claims never handed
        over are queued again at the start of the next round (:meth:`_settle`).
        """
        rounds = 0
        failures = 0
        with self._heartbeat_while(True), self._finishing(None, always=True):
            while not stop_event.is_set():
                try:
                    done = self._round(None, limit)
                except DBAPIError as exc:
                    failures += 1
                    pause = min(poll_seconds * 2 ** (failures - 1), MAX_ERROR_PAUSE)
                    log.warning(
                        "delivery round failed (%s: %s); trying again in %.1f s",
                        type(exc.orig).__name__,
                        first_line(exc.orig, self.store.url),
                        pause,
                    )
                    stop_event.wait(pause)
                    continue
                failures = 0
                rounds += 1
                if done.claimed == 0:  # and so nothing is left in flight
                    stop_event.wait(poll_seconds)
        return rounds

    @contextmanager
    def _finishing(self, fixed: dt.datetime | None, *, always: bool = False) -> Iterator[None]:
        """On the way out (``always``), or when something other than a database error ends
        delivery, record the calls still in flight: a round leaves its calls sending."""
        try:
            yield
        except DBAPIError:
            raise  # the flight is kept for the next round (_ground, _settle)
        except BaseException:
            self.finish(fixed)
            raise
        if always:
            self.finish(fixed)

    def finish(self, now: dt.datetime | None = None) -> None:
        """Record what this queue still holds in memory: the results of calls still sending
        (waiting for them) and of a round cut short by a database error, and claims never
        handed over (queued again). :meth:`deliver` and :meth:`run_worker` leave nothing
        behind when they end normally; :meth:`close` calls this. A database error is
        logged: those notifications become ``unknown`` when the lease runs out, unless this
        queue delivers again first."""
        fixed = None if now is None else self._now(now)
        try:
            done = _Round()
            self._land_all(fixed, done, reraise=False)
            self._settle(fixed, done)
        except DBAPIError as exc:
            log.warning(
                "could not record %s before stopping (%s: %s): those notifications "
                "become unknown, and %s never handed over are queued again, when the "
                "lease of %s runs out",
                counted(sum(len(rows) for _, rows, _ in self._unrecorded), "result"),
                type(exc.orig).__name__,
                first_line(exc.orig, self.store.url),
                counted(len(self._unhanded), "claim"),
                self.worker_id,
            )
        fatal, self._fatal = self._fatal, None
        if fatal is not None:
            raise fatal
