"""What every part of the queue shares: the store, this worker's name and lease length, the
clock, the channel objects and the observers told of each status change.

:class:`~rulesengine.queue.Queue` builds one :class:`QueueContext` and hands it to the
modules that do the work (:mod:`.delivery_round`, :mod:`.leases`, :mod:`.staff`,
:mod:`.on_demand`, ...), so none of them needs the ``Queue`` class itself.
"""

from __future__ import annotations

import datetime as dt
import os
import socket
import uuid
from collections.abc import Callable, Iterable, Mapping
from typing import TYPE_CHECKING, Any

from rulesengine.channels.manager import get_plugin_manager, notify_each, notify_observers
from rulesengine.channels.results import DeliveryResult
from rulesengine.errors import InvalidRequest
from rulesengine.model import given
from rulesengine.queue.channel_objects import Channels
from rulesengine.queue.clock import check_supported, database_now
from rulesengine.queue.notification_rows import Transition
from rulesengine.store.rows import as_utc, utcnow

if TYPE_CHECKING:
    import pluggy

    from rulesengine.store.sql_store import SQLStore

__all__ = ["QueueContext", "default_worker_id"]


def default_worker_id() -> str:
    """``host:pid:random``: unique per process, readable in the history."""
    return f"{socket.gethostname()}:{os.getpid()}:{uuid.uuid4().hex[:6]}"


class QueueContext:
    """The store, worker, lease, clock, channels and observers of one queue (see
    :class:`~rulesengine.queue.Queue` for the parameters)."""

    def __init__(
        self,
        store: SQLStore,
        *,
        channels: Mapping[str, Any] | None,
        pm: pluggy.PluginManager | None,
        worker_id: str | None,
        lease_seconds: float,
        clock: Callable[[], dt.datetime] | None,
        leases_on_clock: bool,
    ) -> None:
        self.store = store
        self.worker_id = worker_id or default_worker_id()
        self.lease = dt.timedelta(seconds=lease_seconds)
        self.clock = clock or utcnow
        self._clock_given = clock is not None
        self.leases_on_clock = leases_on_clock
        self._pm = pm
        self.channels = Channels(store, channels, self.plugin_manager)

    def plugin_manager(self) -> pluggy.PluginManager:
        """The plugin manager (built on first use)."""
        if self._pm is None:
            self._pm = get_plugin_manager()
        return self._pm

    # -- time --------------------------------------------------------------------------------

    def checked_now(self, now: dt.datetime | None) -> dt.datetime:
        """``now`` in UTC (checked), else the clock read on this machine."""
        if now is None:
            return as_utc(self.clock())
        if not isinstance(now, dt.datetime):
            raise InvalidRequest(
                "a time is a datetime with its zone, such as 2026-02-01T15:00:00Z;"
                f" got {given(now)}"
            )
        try:
            return check_supported(as_utc(now))
        except ValueError:
            raise InvalidRequest(
                f"a time needs its zone, such as 2026-02-01T15:00:00Z; got {now.isoformat()}"
            ) from None

    def fixed_instant(self, now: dt.datetime | None) -> dt.datetime | None:
        """``None`` (act on the clock) or the checked simulated instant ``now``."""
        return None if now is None else self.checked_now(now)

    def time_in(self, conn: Any, fixed: dt.datetime | None) -> dt.datetime:
        """The instant a transaction acts at: ``fixed`` (simulated time), else the clock;
        on PostgreSQL, without a clock given, the database server's, read on ``conn``."""
        if fixed is not None:
            return fixed
        if not self._clock_given and conn.dialect.name == "postgresql":
            return database_now(conn)
        return as_utc(self.clock())

    def leases_run_on_clock(self, fixed: dt.datetime | None) -> bool:
        """Whether leases run on the clock (real time, renewed while calls send) rather than
        on the simulated instant ``fixed``."""
        return fixed is None or self.leases_on_clock

    def lease_time_in(
        self, conn: Any, fixed: dt.datetime | None, now: dt.datetime | None = None
    ) -> dt.datetime:
        """The instant leases are set and compared at (see ``leases_on_clock``); ``now``: the
        clock as this transaction already read it."""
        if not self.leases_run_on_clock(fixed):
            assert fixed is not None
            return fixed
        return now if now is not None and fixed is None else self.time_in(conn, None)

    # -- observers ---------------------------------------------------------------------------

    def observe(self, transitions: Iterable[Transition]) -> None:
        """Call the ``notification_status_changed`` observers for committed changes (an
        observer that raises is logged and never stops the queue)."""
        transitions = list(transitions)
        if not transitions:
            return
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

    def delivery_finished(self, channel: str, results: list[DeliveryResult]) -> None:
        """Call the ``delivery_finished`` observers for a recorded call."""
        notify_observers(
            self.plugin_manager(), "delivery_finished", channel=channel, results=results
        )
