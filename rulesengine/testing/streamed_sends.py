"""The plugin kit's check of a ``send`` that yields its results as they happen
(``docs/plugins.md``, "Results as they happen"): :class:`WatchedChannel` calls a channel as
the host does and notes whether its ``send`` returned a stream and when that stream ended;
:func:`stream_problems` reports results that did not reach the host while it ran."""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from typing import Any

from rulesengine.channels.results import DeliveryResult
from rulesengine.model import Notification

__all__ = ["WatchedChannel", "stream_problems"]


class WatchedChannel:
    """``channel`` as the host calls it, noting whether its ``send`` returned a stream (an
    iterator or generator rather than a list or a tuple) and when that stream ended."""

    def __init__(self, channel: Any) -> None:
        self.channel = channel
        self.name = getattr(channel, "name", type(channel).__name__)
        self.streams = False
        self.ended = False

    def send(self, notifications: list[Notification]) -> Any:
        returned = self.channel.send(notifications)
        if isinstance(returned, list | tuple | str | bytes) or not isinstance(returned, Iterable):
            return returned
        self.streams = True
        return self._watch(returned)

    def _watch(self, returned: Iterable[Any]) -> Iterator[Any]:
        yield from returned
        self.ended = True


def stream_problems(
    hosted: list[DeliveryResult], passed_on: list[tuple[DeliveryResult, bool]]
) -> list[str]:
    """Problems with the results of a ``send`` that yields them: each valid one must reach
    the host (to be recorded) while the stream is still running, and be the one that
    counts."""
    problems = []
    late = [r.notification_id for r, ended in passed_on if ended]
    if late:
        problems.append(
            f"results for {late} reached the host only after send's stream ended; the queue "
            "records each result as it is yielded (docs/plugins.md, Results as they happen)"
        )
    counted_results = {r.notification_id: r for r in hosted}
    differ = [
        r.notification_id for r, _ in passed_on if counted_results.get(r.notification_id) != r
    ]
    if differ:
        problems.append(f"the results yielded for {differ} are not the ones the host keeps")
    return problems
