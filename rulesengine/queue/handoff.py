"""Where a channel's ``send`` runs: a thread of its own per channel object.

A delivery round hands each channel its batch at the same time, so that waiting on one
provider (an SMTP server's replies) overlaps waiting on another (an HTTP API) and the
worker's own database work. The rules a channel author can rely on (``docs/plugins.md``,
"Threads"):

- every call to one channel object's ``send`` runs on the same thread, made for that object
  when it is first called and kept until the queue is closed; the object was built on the
  worker's main thread;
- calls to one channel object never overlap: the queue hands an object its next batch only
  once its previous call returned;
- different channel objects' ``send`` run at the same time;
- a ``send`` that yields its results is read on the same thread, one result at a time
  (:mod:`rulesengine.queue.streamed_results` records them as they arrive);
- a channel object whose ``max_in_flight`` is N > 1 (or whose channel has
  ``max_per_second``) has its call run by a :class:`~rulesengine.queue.send_lanes.LanePump`
  on a thread of its own (:meth:`ChannelThreads.run_pump`), which calls ``send`` with one
  notification at a time from up to N lane threads of the object's own, so up to N calls
  overlap; the next round's pump may start before this one ended, its lanes waiting for
  free lane threads; the threads end when the object's last pump ended.

With ``concurrent=False`` every call runs on the caller's thread, one after the other (the
scenario runner does this, so that a scenario's recording channels see their calls in one
fixed order).
"""

from __future__ import annotations

import functools
import threading
from collections.abc import Callable
from concurrent.futures import Future, ThreadPoolExecutor
from typing import Any, TypeVar

from rulesengine.plurals import counted

__all__ = ["PUMPS", "ChannelThreads"]

#: The most pumps of one channel object running at once (a round's and the next's: a
#: round waits for the round before's calls, so two at most in practice).
PUMPS = 4

_T = TypeVar("_T")


def _fill(future: Future[_T], call: Callable[[], _T]) -> None:
    """Run ``call`` and put its result, or what it raised, into ``future``."""
    if not future.set_running_or_notify_cancel():
        return
    try:
        result = call()
    except BaseException as exc:
        future.set_exception(exc)
        if not isinstance(exc, Exception):
            raise  # Ctrl-C on an inline call still stops the caller
    else:
        future.set_result(result)


class ChannelThreads:
    """One single-thread executor per channel object, made on its first call."""

    def __init__(self, name: str, *, concurrent: bool = True) -> None:
        self.concurrent = concurrent
        self._name = name
        # id(channel) -> (channel, its executor); the channel is kept so its id stays its own.
        self._threads: dict[int, tuple[Any, ThreadPoolExecutor]] = {}
        # id(channel) -> (channel, its pumps' threads, its lanes'), for channels on lanes,
        # while a pump of theirs runs; and how many run.
        self._pumps: dict[int, tuple[Any, ThreadPoolExecutor, ThreadPoolExecutor]] = {}
        self._running: dict[int, int] = {}
        self._lock = threading.Lock()

    def __repr__(self) -> str:
        mode = counted(len(self._threads), "thread") if self.concurrent else "inline"
        return f"<ChannelThreads {self._name}: {mode}>"

    def run(self, channel: Any, label: str, call: Callable[[], _T], future: Future[_T]) -> None:
        """Run ``call`` (a call to ``channel``) on ``channel``'s thread, its outcome going
        into ``future``; ``label`` names the thread (``channel-<label>-<name>``). Inline,
        ``call`` runs now, and ``future`` is done when this returns."""
        if not self.concurrent:
            _fill(future, call)
            return
        self._executor(channel, label).submit(_fill, future, call)

    def _executor(self, channel: Any, label: str) -> ThreadPoolExecutor:
        with self._lock:
            found = self._threads.get(id(channel))
            if found is None:
                executor = ThreadPoolExecutor(
                    max_workers=1, thread_name_prefix=f"channel-{label}-{self._name}"
                )
                found = self._threads[id(channel)] = (channel, executor)
            return found[1]

    def run_pump(
        self,
        channel: Any,
        label: str,
        lanes: int,
        call: Callable[[ThreadPoolExecutor], _T],
        future: Future[_T],
    ) -> None:
        """Run ``call(lane_threads)``, a :class:`~rulesengine.queue.send_lanes.LanePump` of
        ``channel``'s, on a thread of its own (``pump-<label>-<name>``), with the object's
        ``lanes`` lane threads (``lane-<label>-<name>``): a round's pump may start while the
        round before's still runs, its lanes taking over as the other's finish. The
        threads are made when a pump starts and end once the object's last pump ended, so
        a worker keeps none for a channel object it no longer sends on (an old rules
        file's)."""
        key = id(channel)
        with self._lock:
            found = self._pumps.get(key)
            if found is None:
                found = self._pumps[key] = (
                    channel,
                    ThreadPoolExecutor(
                        max_workers=PUMPS, thread_name_prefix=f"pump-{label}-{self._name}"
                    ),
                    ThreadPoolExecutor(
                        max_workers=lanes, thread_name_prefix=f"lane-{label}-{self._name}"
                    ),
                )
            self._running[key] = self._running.get(key, 0) + 1
        pumps, lane_threads = found[1], found[2]

        def pump() -> None:
            try:
                _fill(future, functools.partial(call, lane_threads))
            finally:
                self._pump_ended(key)

        pumps.submit(pump)

    def _pump_ended(self, key: int) -> None:
        """One pump of the object ``key`` ended: its threads end with its last one."""
        with self._lock:
            self._running[key] -= 1
            if self._running[key] or key not in self._pumps:
                return
            del self._running[key]
            _, pumps, lane_threads = self._pumps.pop(key)
        pumps.shutdown(wait=False)  # this thread is one of them: it ends when this returns
        lane_threads.shutdown(wait=False)  # idle: every lane of the object's pumps ended

    def close(self) -> None:
        """Wait for calls still running, then end every thread. A later call starts a new
        thread for its channel."""
        with self._lock:
            threads, self._threads = self._threads, {}
            pumps, self._pumps = self._pumps, {}
        for _, executor in threads.values():
            executor.shutdown(wait=True)
        for _, pump_threads, lane_threads in pumps.values():
            pump_threads.shutdown(wait=True)
            lane_threads.shutdown(wait=True)
