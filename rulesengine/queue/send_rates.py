"""Send rates: a channel's ``max_per_second``, kept across every worker of the store.

Virtual scheduling (GCRA): the ``channel_rates`` table holds, per key, the next free send
slot (epoch seconds). :func:`reserve_slots` takes ``count`` slots ``1 / per_second`` apart
from it in one short transaction, :func:`pause_slots` moves it past a provider's
Retry-After, and :class:`RateGate` reserves slots for a worker's waiting sending
threads, several in one transaction. On PostgreSQL the slots are on the database server's
clock, on SQLite on the machine's (its worker processes share the file); an in-memory
store keeps everything in the process. ``docs/queue.md`` ("Rate limits: max_per_second")
tells the whole story.
"""

from __future__ import annotations

import collections
import logging
import math
import threading
import time
from typing import TYPE_CHECKING, Any

import attrs
from sqlalchemy import Double, cast, extract, func, literal
from sqlalchemy.exc import SQLAlchemyError

from rulesengine.channels.specs import MAX_PER_SECOND
from rulesengine.errors import InvalidRequest
from rulesengine.model import given
from rulesengine.store.sqlutil import dialect_insert
from rulesengine.store.tables import channel_rates

if TYPE_CHECKING:
    from sqlalchemy import Connection

    from rulesengine.store.sql_store import SQLStore

__all__ = [
    "BLOCK_SECONDS",
    "RateGate",
    "Reservation",
    "pause_slots",
    "reserve_slots",
]

_log = logging.getLogger(__name__)

#: The most a gate reserves in one transaction: a tenth of a second's slots (at least one).
BLOCK_SECONDS = 0.1


@attrs.frozen
class Reservation:
    """``count`` send slots ``interval`` seconds apart, the first at ``first`` (epoch seconds
    on the store's clock), which was ``wait`` seconds after the reservation (0: at once)."""

    first: float
    wait: float
    count: int
    interval: float

    def slots(self) -> list[float]:
        """Every slot's time, in order (epoch seconds on the store's clock)."""
        return [self.first + i * self.interval for i in range(self.count)]


def reserve_slots(store: SQLStore, key: str, per_second: int, count: int = 1) -> Reservation:
    """Take the next ``count`` send slots of ``key`` at ``per_second`` slots a second.

    In one transaction of its own: ``next_free = max(next_free, now) + count / per_second``
    (the row added when missing), so the slots start at the later of the first free one
    and now, and an idle key banks nothing. Reservations of every connection to the store
    serialise on the row (PostgreSQL: its row lock; SQLite: the write lock), so no slot is
    ever handed out twice.
    """
    _check_key(key)
    _check_rate(per_second)
    if isinstance(count, bool) or not isinstance(count, int) or count < 1:
        raise InvalidRequest(f"a reservation takes 1 or more slots, not {given(count)}")
    interval = 1 / per_second
    span = count * interval
    with store.writing() as conn:
        next_free, now = _advance(conn, key, offset=0.0, span=span)
    first = next_free - span
    return Reservation(first=first, wait=max(0.0, first - now), count=count, interval=interval)


def pause_slots(store: SQLStore, key: str, seconds: float) -> float:
    """Hand out no slot of ``key`` before ``seconds`` from now (a provider's Retry-After),
    for every worker of the store: ``next_free = max(next_free, now + seconds)``. Returns
    the next free slot (epoch seconds on the store's clock)."""
    _check_key(key)
    _check_pause(seconds)
    with store.writing() as conn:
        next_free, _ = _advance(conn, key, offset=float(seconds), span=0.0)
    return next_free


def _advance(conn: Connection, key: str, *, offset: float, span: float) -> tuple[float, float]:
    """``next_free = max(next_free, now + offset) + span`` for ``key`` (added when missing);
    returns the new ``next_free`` and the clock read after the row was locked."""
    now = _clock(conn)
    greatest = func.greatest if conn.dialect.name == "postgresql" else func.max
    insert = dialect_insert(conn, channel_rates).values(key=key, next_free=now + offset + span)
    upsert = insert.on_conflict_do_update(
        index_elements=[channel_rates.c.key],
        set_={"next_free": greatest(channel_rates.c.next_free, now + offset) + span},
    ).returning(channel_rates.c.next_free, now)
    next_free, at = conn.execute(upsert).one()
    return float(next_free), float(at)


def _clock(conn: Connection) -> Any:
    """Now as epoch seconds, as SQL: PostgreSQL's ``clock_timestamp()`` (one clock for
    workers on every machine; evaluated where it is used, so after the row lock is taken),
    else this machine's clock, read inside the write transaction."""
    if conn.dialect.name == "postgresql":
        return cast(extract("epoch", func.clock_timestamp()), Double)
    return literal(time.time(), Double)


def _check_key(key: str) -> None:
    if not isinstance(key, str) or not key:
        raise InvalidRequest(f"a send-rate key is a non-empty text, not {given(key)}")


def _check_rate(per_second: int) -> None:
    if (
        isinstance(per_second, bool)
        or not isinstance(per_second, int)
        or not 1 <= per_second <= MAX_PER_SECOND
    ):
        raise InvalidRequest(
            f"max_per_second is a whole number from 1 to {MAX_PER_SECOND:,},"
            f" not {given(per_second)}"
        )


def _check_pause(seconds: float) -> None:
    if (
        isinstance(seconds, bool)
        or not isinstance(seconds, (int, float))
        or not math.isfinite(seconds)
        or seconds < 0
    ):
        raise InvalidRequest(f"a pause is 0 or more seconds, not {given(seconds)}")


@attrs.frozen
class _Slot:
    """A slot as this process sleeps until it (``at``, ``time.monotonic()``) and as the
    store's clock names it (``clock``, epoch seconds)."""

    at: float
    clock: float


@attrs.define
class _Ticket:
    """A thread waiting for a slot, and the slot once reserved for it."""

    slot: _Slot | None = None


class RateGate:
    """One worker's gate to a rate-limited channel: each sending thread asks it before each
    message, and it lets ``per_second`` messages a second through across every worker of
    the store (``per_second`` None: no limit, only pauses).

    Thread-safe. The threads waiting for a slot are served in order: one of them reserves
    slots from the store for all of them (up to :data:`BLOCK_SECONDS` worth at once) while
    the threads that come meanwhile wait for the next reservation, so a busy worker takes
    one transaction per round trip, not per message, and never reserves a slot that no
    thread is waiting for. When the store cannot reserve (an error of the database), a
    warning is logged and those slots are reserved in this process alone. On an in-memory
    store everything stays in the process.
    """

    def __init__(self, store: SQLStore, key: str, per_second: int | None) -> None:
        _check_key(key)
        if per_second is not None:
            _check_rate(per_second)
        self.store = store
        self.key = key
        self.per_second = per_second
        self.shared = per_second is not None and not store.in_memory
        self._interval = 1 / per_second if per_second else 0.0
        self._block = max(1, int(per_second * BLOCK_SECONDS)) if per_second else 1
        self._turns = threading.Condition()
        self._waiting: collections.deque[_Ticket] = collections.deque()
        self._reserving = False  # a thread is reserving for the waiting ones
        self._local_next = 0.0  # the next free slot of this process (time.monotonic())
        self._to_clock = time.time() - time.monotonic()  # for slots taken in this process
        self._pausing = threading.Lock()
        self._paused_until = 0.0  # time.monotonic()
        self._pauses = 0

    def __repr__(self) -> str:
        rate = "no limit" if self.per_second is None else f"{self.per_second}/s"
        return f"<RateGate {self.key} {rate}{'' if self.shared else ' in process'}>"

    def wait(self, stop: threading.Event | None = None) -> bool:
        """Block until this thread may send one message; False when ``stop`` was set first."""
        return self.next_slot(stop) is not None

    def next_slot(self, stop: threading.Event | None = None) -> float | None:
        """Block until this thread may send one message, and return the time of its slot
        (epoch seconds on the store's clock: PostgreSQL's, else this machine's); None when
        ``stop`` was set first. A pause that begins while the thread waits for its slot
        sends it back for a slot after the pause (that slot is lost)."""
        while True:
            if stop is not None and stop.is_set():
                return None
            paused = self._paused_until - time.monotonic()
            if paused > 0:
                if _sleep(paused, stop):
                    return None
                continue
            if self.per_second is None:
                return time.time()
            pauses = self._pauses
            slot = self._take()
            if _sleep(slot.at - time.monotonic(), stop):
                return None
            if self._pauses != pauses and slot.at < self._paused_until:
                continue  # paused meanwhile: this slot is lost
            return slot.clock

    def pause(self, seconds: float) -> None:
        """Send nothing for ``seconds`` (a provider's Retry-After): this gate's threads at
        once and, with a rate set on a shared store, every worker's from its next
        reservation on (through :func:`pause_slots`; when the store cannot be reached, a
        warning is logged and only this process pauses)."""
        _check_pause(seconds)
        with self._pausing:
            self._paused_until = max(self._paused_until, time.monotonic() + seconds)
            self._pauses += 1
        if self.shared:
            try:
                pause_slots(self.store, self.key, seconds)
            except SQLAlchemyError as exc:
                _log.warning(
                    "send rate %s: the store could not record a pause of %.3g s (%s);"
                    " only this worker pauses",
                    self.key,
                    seconds,
                    _error_name(exc),
                )

    def _take(self) -> _Slot:
        """A slot for this thread: reserved by whichever waiting thread's turn it is, for
        itself and the threads queued with it (at most :data:`BLOCK_SECONDS` worth)."""
        ticket = _Ticket()
        with self._turns:
            self._waiting.append(ticket)
        while True:
            with self._turns:
                while ticket.slot is None and self._reserving:
                    self._turns.wait()
                if ticket.slot is not None:
                    return ticket.slot
                self._reserving = True
                queued = min(len(self._waiting), self._block)
                batch = [self._waiting.popleft() for _ in range(queued)]
            slots: list[_Slot] = []
            try:
                slots = self._reserve(len(batch))
            finally:
                with self._turns:
                    for waiting, slot in zip(batch, slots, strict=False):
                        waiting.slot = slot
                    if not slots:  # reserving raised: the others try again
                        self._waiting.extendleft(reversed(batch))
                        self._waiting.remove(ticket)
                    self._reserving = False
                    self._turns.notify_all()

    def _reserve(self, count: int) -> list[_Slot]:
        """``count`` slots from the store, or from this process when it is in memory or
        the database fails."""
        assert self.per_second is not None
        interval = self._interval
        if self.shared:
            try:
                reservation = reserve_slots(self.store, self.key, self.per_second, count)
            except SQLAlchemyError as exc:
                _log.warning(
                    "send rate %s: the store could not reserve send slots (%s); keeping to"
                    " %d per second in this worker alone for the next %d",
                    self.key,
                    _error_name(exc),
                    self.per_second,
                    count,
                )
            else:
                start = time.monotonic() + reservation.wait
                slots = [
                    _Slot(start + i * interval, reservation.first + i * interval)
                    for i in range(count)
                ]
                self._local_next = max(self._local_next, slots[-1].at + interval)
                return slots
        first = max(self._local_next, time.monotonic())
        self._local_next = first + count * interval
        return [
            _Slot(first + i * interval, first + i * interval + self._to_clock) for i in range(count)
        ]


def _sleep(seconds: float, stop: threading.Event | None) -> bool:
    """Sleep ``seconds`` (nothing when not positive); True when ``stop`` is set."""
    if stop is None:
        if seconds > 0:
            time.sleep(seconds)
        return False
    if seconds > 0:
        return stop.wait(seconds)
    return stop.is_set()


def _error_name(exc: SQLAlchemyError) -> str:
    """The database error's class name only: its message may quote values."""
    orig = getattr(exc, "orig", None)
    return type(orig if orig is not None else exc).__name__
