"""The plugin kit's check of a channel with ``max_in_flight`` above 1: ``send`` called from
several threads at once, one notification each, as the queue's lanes call it
(:mod:`rulesengine.queue.send_lanes`)."""

from __future__ import annotations

import threading
from collections.abc import Callable
from concurrent.futures import ThreadPoolExecutor
from typing import Any

from rulesengine.channels.channel_checks import valid_in_flight
from rulesengine.channels.contract import MAX_IN_FLIGHT
from rulesengine.model import Notification

__all__ = ["KIT_LANES", "lane_problems"]

#: The most calls of ``send`` the kit has open at once.
KIT_LANES = 8


def lane_problems(
    channel: Any,
    batch_of: Callable[[range], list[Notification]],
    send_one: Callable[[Notification], list[str]],
) -> list[str]:
    """For a channel object whose ``max_in_flight`` is above 1: call ``send_one`` (which
    sends one notification and returns its problems) for twice as many sample notifications
    (``batch_of(ids)``) as lanes, from ``min(max_in_flight, KIT_LANES)`` threads at once;
    every problem found, each once, saying how the calls were made. A ``max_in_flight``
    that is not a whole number from 1 to 100 is a problem itself."""
    lanes = getattr(channel, "max_in_flight", 1)
    if not valid_in_flight(lanes):
        return [
            f"max_in_flight set on the channel object must be a whole number from 1 to"
            f" {MAX_IN_FLIGHT}, got {lanes!r:.40}"
        ]
    if lanes == 1:
        return []
    count = min(lanes, KIT_LANES)
    problems: list[str] = []
    lock = threading.Lock()

    def one(n: Notification) -> None:
        found = send_one(n)
        with lock:
            problems.extend(found)

    with ThreadPoolExecutor(max_workers=count, thread_name_prefix="kit-lane") as pool:
        list(pool.map(one, batch_of(range(1_001, 1_001 + 2 * count))))
    where = f"with max_in_flight {lanes}, send called from {count} threads at once"
    return [f"{where}: {p}" for p in dict.fromkeys(problems)]
