"""The notification queue's public face, :class:`Queue`: it builds what its parts share
(:class:`~.queue_context.QueueContext`) and hands each request to the module that does it.

- delivery: :mod:`.worker_loop` runs :mod:`.delivery_round` rounds (claiming in
  :mod:`.due_claims`, recording in :mod:`.result_recording`, what is held in memory in
  :mod:`.calls_in_flight`);
- leases: :mod:`.leases`;
- staff actions and opt-outs: :mod:`.staff`; on-demand notifications and proofs:
  :mod:`.on_demand`; reads: :mod:`.notification_reads`.
"""

from __future__ import annotations

import datetime as dt
import math
import threading
from collections.abc import Callable, Iterable, Mapping, Sequence
from typing import TYPE_CHECKING, Any

from rulesengine.errors import InvalidRequest
from rulesengine.model import BatchResult, given, is_whole
from rulesengine.queue import leases, on_demand, staff
from rulesengine.queue.delivery_round import DeliveryRounds
from rulesengine.queue.notification_reads import (
    find_notifications,
    get_notification,
    notification_history,
)
from rulesengine.queue.queue_context import QueueContext
from rulesengine.queue.request_values import (
    RESOLVE_OUTCOMES,
    checked_actor,
    checked_id,
    checked_ids,
    checked_kind,
    checked_limit,
    checked_source,
    checked_statuses,
    checked_texts,
    checked_worker_arguments,
)
from rulesengine.queue.worker_loop import deliver_in_rounds, finish_delivery, run_worker_rounds
from rulesengine.rules.policy import Rules
from rulesengine.store.base import Store

if TYPE_CHECKING:
    import pluggy

    from rulesengine.queue.channel_objects import Channels
    from rulesengine.queue.delivery_report import DeliveryReport, ProofsAdded
    from rulesengine.queue.notification_rows import QueueRow, Transition
    from rulesengine.store.sql_store import SQLStore

__all__ = ["Queue"]


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
        if not isinstance(store, Store):
            raise InvalidRequest(
                f"a queue works on an open store (Queue(open_store(url))), got {given(store)}"
            )
        if clock is not None and not callable(clock):
            raise InvalidRequest(f"clock must be a function returning the time, got {given(clock)}")
        if not is_whole(lease_seconds) and not isinstance(lease_seconds, float):
            raise InvalidRequest(f"lease_seconds must be a number, got {given(lease_seconds)}")
        if not 0 < lease_seconds < math.inf:
            raise InvalidRequest(f"lease_seconds must be positive, got {lease_seconds!r}")
        self._context = QueueContext(
            store,
            channels=channels,
            pm=pm,
            worker_id=worker_id,
            lease_seconds=lease_seconds,
            clock=clock,
            leases_on_clock=leases_on_clock,
        )
        self._rounds = DeliveryRounds(self._context, concurrent_channels=concurrent_channels)

    # -- what the queue was built with -------------------------------------------------------

    @property
    def store(self) -> SQLStore:
        """The store the queue reads and writes."""
        return self._context.store

    @property
    def worker_id(self) -> str:
        """This worker's name in leases and history."""
        return self._context.worker_id

    @property
    def lease(self) -> dt.timedelta:
        """How long a claim holds a notification."""
        return self._context.lease

    @property
    def clock(self) -> Callable[[], dt.datetime]:
        """Returns the current instant (the machine's clock unless one was given)."""
        return self._context.clock

    @property
    def leases_on_clock(self) -> bool:
        """Whether leases run on the clock even when a delivery is given ``now``."""
        return self._context.leases_on_clock

    @property
    def channels(self) -> Channels:
        """The channel objects notifications are handed to."""
        return self._context.channels

    def __repr__(self) -> str:
        return f"<Queue {self.store!r} worker={self.worker_id}>"

    def __enter__(self) -> Queue:
        return self

    def __exit__(self, *exc_info: object) -> None:
        self.close()

    def close(self) -> None:
        """Record what is still held in memory (:meth:`finish`), end the channels' threads
        and close the channel objects the queue built (their optional ``close()``: a pool's
        connections). The store stays open, and delivering again starts new threads and
        builds new channel objects."""
        try:
            if self._rounds.calls.holds_anything():
                self.finish()
        finally:
            self._rounds.threads.close()
            self._context.channels.close()

    def plugin_manager(self) -> pluggy.PluginManager:
        """The plugin manager (built on first use)."""
        return self._context.plugin_manager()

    def observe(self, transitions: Iterable[Transition]) -> None:
        """Call the ``notification_status_changed`` observers for committed changes (an
        observer that raises is logged and never stops the queue)."""
        self._context.observe(transitions)

    # -- delivery ----------------------------------------------------------------------------

    def deliver(
        self, now: dt.datetime | None = None, *, until_empty: bool = False, limit: int = 100
    ) -> DeliveryReport:
        """Hand due notifications to their channels: one round, or rounds until none is due
        (:mod:`.delivery_round` describes a round).

        :param now: the instant to deliver at (aware); default the clock, read afresh at
            each step.
        :param until_empty: repeat rounds until nothing is due at ``now``.
        :param limit: the most notifications one round claims.
        """
        checked_limit(limit, least=1)
        return deliver_in_rounds(
            self._rounds,
            self._context.fixed_instant(now),
            until_empty=until_empty,
            limit=limit,
            finish=self.finish,
        )

    def run_worker(
        self, stop_event: threading.Event, *, poll_seconds: float = 1.0, limit: int = 100
    ) -> int:
        """Deliver round after round until ``stop_event`` is set; returns the rounds run.

        A round always finishes; between rounds with nothing due the worker sleeps up to
        ``poll_seconds`` (waking at once when the event is set). A database error (the server
        restarted, the connection was dropped) ends the round with one log line; the worker
        pauses (``poll_seconds``, doubling while the errors go on, at most
        :data:`~.worker_loop.MAX_ERROR_PAUSE`) and goes on with fresh connections. What the
        failed round knew is not lost: results a channel returned are recorded and claims
        never handed over are queued again at the start of the next round
        (:meth:`~.calls_in_flight.CallsInFlight.record_what_a_failed_round_left`).
        """
        checked_limit(limit, least=1)
        checked_worker_arguments(stop_event, poll_seconds)
        return run_worker_rounds(
            self._rounds,
            stop_event,
            poll_seconds=poll_seconds,
            limit=limit,
            finish=self.finish,
        )

    def finish(self, now: dt.datetime | None = None) -> None:
        """Record what this queue still holds in memory: the results of calls still sending
        (waiting for them; calls on lanes hand nothing more over, and what they did not send
        is queued again) and of a round cut short by a database error, and claims never
        handed over (queued again). :meth:`deliver` and :meth:`run_worker` leave nothing
        behind when they end normally; :meth:`close` calls this. A database error is
        logged: those notifications become ``unknown`` when the lease runs out, unless this
        queue delivers again first."""
        finish_delivery(self._rounds, self._context.fixed_instant(now))

    # -- leases ------------------------------------------------------------------------------

    def expire_leases(self, now: dt.datetime | None = None) -> list[Transition]:
        """Return expired claims: never handed -> ``scheduled`` (due now); handed ->
        ``unknown``, which only staff resolve (``resolve``)."""
        return leases.expire_leases(self._context, self._context.fixed_instant(now))

    def heartbeat(self, now: dt.datetime | None = None) -> int:
        """Extend this worker's leases to ``now + lease_seconds``; returns how many."""
        return leases.extend_worker_leases(self._context, self._context.fixed_instant(now))

    # -- staff actions -----------------------------------------------------------------------

    # Each staff action takes ``actor``: who asked for it, kept in every history entry it
    # writes (the command line passes ``cli:<user>``, the dashboard ``dashboard:<user>``).

    def retry(
        self, ids: Sequence[int], now: dt.datetime | None = None, *, actor: str | None = None
    ) -> list[Transition]:
        """``error``/``unknown``/``canceled`` -> ``scheduled`` now (attempt kept)."""
        return staff.staff_action(
            self._context,
            checked_ids(ids),
            "retry",
            self._context.checked_now(now),
            checked_actor(actor),
        )

    def cancel(
        self, ids: Sequence[int], now: dt.datetime | None = None, *, actor: str | None = None
    ) -> list[Transition]:
        """``scheduled``/``error``/``unknown`` -> ``canceled``."""
        return staff.staff_action(
            self._context,
            checked_ids(ids),
            "cancel",
            self._context.checked_now(now),
            checked_actor(actor),
        )

    def resolve(
        self,
        ids: Sequence[int],
        outcome: str,
        now: dt.datetime | None = None,
        *,
        actor: str | None = None,
    ) -> list[Transition]:
        """Decide ``unknown`` notifications: ``sent`` (it went out) or ``resend`` (it did
        not: schedule it again now)."""
        if outcome not in RESOLVE_OUTCOMES:
            raise InvalidRequest(f"resolve as 'sent' or 'resend', not {outcome!r}")
        return staff.staff_action(
            self._context,
            checked_ids(ids),
            f"resolve-{outcome}",
            self._context.checked_now(now),
            checked_actor(actor),
        )

    def opt_out(
        self,
        guarantor_id: str,
        channel: str,
        source: str = "staff",
        now: dt.datetime | None = None,
        *,
        actor: str | None = None,
    ) -> list[int]:
        """Record an opt-out and suppress what is still scheduled; returns those ids."""
        checked_texts(guarantor_id=guarantor_id, channel=channel)
        checked_source(source)
        return staff.opt_out(
            self._context,
            guarantor_id,
            channel,
            source,
            self._context.checked_now(now),
            checked_actor(actor),
        )

    # -- new notifications -------------------------------------------------------------------

    def notify(
        self,
        guarantor_id: str,
        channel: str,
        message_id: str,
        rules: Rules,
        now: dt.datetime | None = None,
        *,
        actor: str | None = None,
    ) -> int:
        """Queue an on-demand notification; returns its id (see :mod:`.on_demand`).
        ``actor``: who asked for it, kept in its first history entry."""
        checked_texts(guarantor_id=guarantor_id, channel=channel, message_id=message_id)
        _check_rules(rules)
        return on_demand.notify(
            self._context,
            guarantor_id,
            channel,
            message_id,
            rules,
            self._context.checked_now(now),
            checked_actor(actor),
        )

    def add_proofs(
        self,
        batch: BatchResult,
        rules: Rules,
        now: dt.datetime | None = None,
    ) -> ProofsAdded:
        """Queue the proofs of a test batch; returns their ids (see :mod:`.on_demand`)."""
        if not isinstance(batch, BatchResult):
            raise InvalidRequest(f"batch must be a run's BatchResult, got {given(batch)}")
        _check_rules(rules)
        return on_demand.add_proofs(self._context, batch, rules, self._context.checked_now(now))

    # -- reads -------------------------------------------------------------------------------

    def find(
        self,
        *,
        profile_id: str | None = None,
        batch_id: str | None = None,
        status: str | Sequence[str] | None = None,
        guarantor_id: str | None = None,
        channel: str | None = None,
        kind: str | None = None,
        limit: int | None = None,
        newest_first: bool = False,
        after: int | None = None,
        with_content: bool = True,
    ) -> list[QueueRow]:
        """Notifications matching every given filter, oldest first (``newest_first``: the
        newest first), at most ``limit``.

        ``with_content=False``: a live batch's notifications are left without their content
        and context (empty, ``rendered`` False) instead of rendered: for a list that does not
        show them (:mod:`rulesengine.queue.batch_content`).

        ``status`` is one status or a sequence of them (any of them matches;
        :data:`~rulesengine.model.NEEDS_STAFF_STATUSES` is "Manage errors"). ``after``: only
        the notifications after that id in this order (newer with oldest first, older with
        newest first), to read a long list a page at a time: the next page is ``after=`` the
        last id of this one (keyset pagination, as fast on the last page as on the first).
        """
        if limit is not None:
            checked_limit(limit, least=0)
        if kind is not None:
            checked_kind(kind)
        if after is not None:
            checked_id(after)
        if not isinstance(newest_first, bool):
            raise InvalidRequest(f"newest_first must be True or False, got {given(newest_first)}")
        if not isinstance(with_content, bool):
            raise InvalidRequest(f"with_content must be True or False, got {given(with_content)}")
        statuses = checked_statuses(status)
        checked_texts(
            profile_id=profile_id,
            batch_id=batch_id,
            guarantor_id=guarantor_id,
            channel=channel,
        )
        return find_notifications(
            self.store,
            profile_id=profile_id,
            batch_id=batch_id,
            status=statuses,
            guarantor_id=guarantor_id,
            channel=channel,
            kind=kind,
            limit=limit,
            newest_first=newest_first,
            after=after,
            with_content=with_content,
        )

    def get(self, notification_id: int) -> QueueRow:
        """One notification; :class:`~rulesengine.errors.NotFound` when there is none."""
        return get_notification(self.store, checked_id(notification_id))

    def history(self, notification_id: int) -> list[Mapping[str, object]]:
        """A notification's history entries, oldest first;
        :class:`~rulesengine.errors.NotFound` when there is no such notification."""
        entries = notification_history(self.store, checked_id(notification_id))
        if not entries:
            get_notification(self.store, notification_id)  # raises NotFound
        return entries


def _check_rules(rules: object) -> None:
    if not isinstance(rules, Rules):
        raise InvalidRequest(f"rules must be loaded rules (load_rules(path)), got {given(rules)}")
