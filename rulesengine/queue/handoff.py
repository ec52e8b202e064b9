"""Where a channel's ``send`` runs: a thread of its own per channel object.

A delivery round hands each channel its batch at the same time, so that waiting on one
provider (an SMTP server's replies) overlaps waiting on another (an HTTP API) and the
worker's own database work. The rules a channel author can rely on (``docs/plugins.md``):

- every call to one channel object's ``send`` runs on the same thread, made for that object
  when it is first called and kept until the queue is closed; the object was built on the
  worker's main thread;
- calls to one channel object never overlap (a round waits for every call it made before
  the next round starts);
- different channel objects' ``send`` run at the same time.

With ``concurrent=False`` every call runs on the caller's thread, one after the other (the
scenario runner does this, so that a scenario's recording channels see their calls in one
fixed order).
"""

from __future__ import annotations

import threading
from collections.abc import Callable
from concurrent.futures import Future, ThreadPoolExecutor
from typing import Any, TypeVar

__all__ = ["ChannelThreads"]

T = TypeVar("T")


class ChannelThreads:
    """One single-thread executor per channel object, made on its first call."""

    def __init__(self, name: str, *, concurrent: bool = True) -> None:
        self.concurrent = concurrent
        self._name = name
        # id(channel) -> (channel, its executor); the channel is kept so its id stays its own.
        self._threads: dict[int, tuple[Any, ThreadPoolExecutor]] = {}
        self._lock = threading.Lock()

    def __repr__(self) -> str:
        mode = f"{len(self._threads)} thread(s)" if self.concurrent else "inline"
        return f"<ChannelThreads {self._name}: {mode}>"

    def submit(self, channel: Any, label: str, call: Callable[[], T]) -> Future[T]:
        """Run ``call`` (a call to ``channel``) on ``channel``'s thread; ``label`` names the
        thread (``channel-<label>-<worker>``). Inline, ``call`` runs now and the future
        returned is already done (with its result or its exception)."""
        if not self.concurrent:
            future: Future[T] = Future()
            try:
                future.set_result(call())
            except BaseException as exc:  # handed to whoever asks for the result
                future.set_exception(exc)
            return future
        return self._executor(channel, label).submit(call)

    def _executor(self, channel: Any, label: str) -> ThreadPoolExecutor:
        with self._lock:
            found = self._threads.get(id(channel))
            if found is None:
                executor = ThreadPoolExecutor(
                    max_workers=1, thread_name_prefix=f"channel-{label}-{self._name}"
                )
                found = self._threads[id(channel)] = (channel, executor)
            return found[1]

    def close(self) -> None:
        """Wait for calls still running, then end every thread. A later call starts a new
        thread for its channel."""
        with self._lock:
            threads, self._threads = self._threads, {}
        for _, executor in threads.values():
            executor.shutdown(wait=True)
