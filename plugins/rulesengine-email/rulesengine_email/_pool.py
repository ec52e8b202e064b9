"""A pool of open SMTP connections, shared by every thread calling one email channel.

A call of ``send`` borrows one connection (:meth:`SmtpPool.borrow`), sends its messages on
it and gives it back open (:meth:`Lease.give_back`). At most ``size`` connections are open
at once, borrowed or idle: a borrower waits for a free place. A connection idle for
``idle_seconds`` or more is closed instead of lent again (servers drop idle sessions), and
so is one opened for other settings (a changed password). A connection that failed is
never given back.
"""

from __future__ import annotations

import smtplib
import threading
import time
import weakref
from collections.abc import Callable, Hashable

import attrs

__all__ = ["Lease", "PoolBusy", "SmtpPool"]


class PoolBusy(Exception):
    """No place in the pool became free in time."""


def close_quietly(conn: smtplib.SMTP, polite: bool = False) -> None:
    """Close ``conn``: with ``QUIT`` first when ``polite`` (waiting at most 2 s for the
    server), else by closing the socket."""
    if polite and conn.sock is not None:
        try:
            conn.sock.settimeout(min(conn.timeout, 2.0))
            conn.quit()
            return
        except (OSError, smtplib.SMTPException):
            pass
    conn.close()


def _close_idle(idle: list[_Idle]) -> None:
    for entry in idle:
        close_quietly(entry.conn)
    idle.clear()


@attrs.define
class _Idle:
    conn: smtplib.SMTP
    key: Hashable
    since: float


class SmtpPool:
    """At most ``size`` open SMTP connections, lent one per call; thread-safe."""

    def __init__(self, size: int, idle_seconds: float = 30.0) -> None:
        self.size = size
        self.idle_seconds = idle_seconds
        self._places = threading.BoundedSemaphore(size)
        self._lock = threading.Lock()
        self._idle: list[_Idle] = []  # changed in place: the finaliser holds it
        self._generation = 0
        # A pool dropped without close() (its channel forgotten) closes its idle sockets.
        weakref.finalize(self, _close_idle, self._idle)
        #: Connections opened so far (for tests and logs).
        self.opened = 0

    def borrow(
        self, key: Hashable, open_connection: Callable[[], smtplib.SMTP], wait: float
    ) -> Lease:
        """A connection for ``key`` (the server and credentials it was opened with): an idle
        one opened for the same key, else a new one from ``open_connection()`` (whose
        exceptions go to the caller). Waits up to ``wait`` seconds for a place; raises
        :class:`PoolBusy` after that."""
        if not self._places.acquire(timeout=wait):
            raise PoolBusy(f"all {self.size} connections stayed in use for {wait:g} s")
        try:
            conn = self._take_idle(key)
            lease = Lease(self, key, open_connection, conn, self._generation)
            if conn is None:
                lease.reopen()
            return lease
        except BaseException:
            self._places.release()
            raise

    def _take_idle(self, key: Hashable) -> smtplib.SMTP | None:
        """The most recently used idle connection for ``key``; every idle connection that
        has been idle too long, or was opened for another key, is closed."""
        now = time.monotonic()
        taken = None
        with self._lock:
            keep = []
            stale = []
            for idle in self._idle:
                if idle.key != key or now - idle.since >= self.idle_seconds:
                    stale.append(idle.conn)
                else:
                    keep.append(idle)
            if keep:
                taken = keep.pop().conn
            self._idle[:] = keep
        for conn in stale:
            close_quietly(conn)
        return taken

    def _opened(self) -> None:
        with self._lock:
            self.opened += 1

    def _give_back(self, lease: Lease) -> None:
        conn = lease.conn
        lease.conn = None
        try:
            if conn is None:
                return
            with self._lock:
                if conn.sock is not None and lease.generation == self._generation:
                    self._idle.append(_Idle(conn, lease.key, time.monotonic()))
                    return
            close_quietly(conn)
        finally:
            self._places.release()

    def close(self, polite: bool = True) -> None:
        """Close every idle connection now (with ``QUIT`` when ``polite``), and each one in
        use when it is given back. The pool stays usable: it opens new connections. Safe
        to call more than once, from any thread."""
        with self._lock:
            idle = list(self._idle)
            self._idle.clear()
            self._generation += 1
        for entry in idle:
            close_quietly(entry.conn, polite)

    @property
    def idle(self) -> int:
        """How many open connections wait in the pool."""
        with self._lock:
            return len(self._idle)


@attrs.define
class Lease:
    """One borrowed place of a :class:`SmtpPool` and its connection.

    :ivar reused: whether the connection already carried a message (so the server may have
        closed it meanwhile); false for one opened by this lease until it carried one.
    """

    pool: SmtpPool
    key: Hashable
    open_connection: Callable[[], smtplib.SMTP]
    conn: smtplib.SMTP | None
    generation: int
    reused: bool = attrs.field(init=False)
    returned: bool = attrs.field(init=False, default=False)

    def __attrs_post_init__(self) -> None:
        self.reused = self.conn is not None

    def reopen(self) -> smtplib.SMTP:
        """Drop the current connection (closed) and open a new one in its place."""
        self.discard()
        self.conn = self.open_connection()
        self.reused = False
        self.pool._opened()
        return self.conn

    def carried(self) -> None:
        """Note that the connection carried a message."""
        self.reused = True

    def discard(self) -> None:
        """Close the connection: it is never given back."""
        if self.conn is not None:
            close_quietly(self.conn)
            self.conn = None

    def give_back(self) -> None:
        """Give the connection back open (closed instead when it failed, or the pool was
        closed meanwhile) and free the place; only the first call counts."""
        if not self.returned:
            self.returned = True
            self.pool._give_back(self)
