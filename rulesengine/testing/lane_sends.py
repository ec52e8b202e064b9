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
    send_one: Callable[[Notification], tuple[list[str], str | None]],
) -> list[str]:
    """For a channel object whose ``max_in_flight`` is above 1: call ``send_one`` (which
    sends one notification and returns its problems and its result's outcome) for twice as
    many sample notifications (``batch_of(ids)``) as lanes, from ``min(max_in_flight,
    KIT_LANES)`` threads at once, then for each again on this thread alone. Every problem
    found, each once, saying how the calls were made; a call that raised, or answered
    ``retry`` where the same notification alone was ``sent``, says the channel is probably
    not safe for that many threads. A ``max_in_flight`` that is not a whole number from 1 to
    100 is a problem itself."""
    lanes = getattr(channel, "max_in_flight", 1)
    if not valid_in_flight(lanes):
        return [
            f"max_in_flight set on the channel object must be a whole number from 1 to"
            f" {MAX_IN_FLIGHT}, got {lanes!r:.40}"
        ]
    if lanes == 1:
        return []
    count = min(lanes, KIT_LANES)
    samples = batch_of(range(1_001, 1_001 + 2 * count))
    problems: list[str] = []
    together: dict[int, str | None] = {}
    lock = threading.Lock()

    def one(n: Notification) -> None:
        found, outcome = send_one(n)
        with lock:
            problems.extend(found)
            together[n.id] = outcome

    with ThreadPoolExecutor(max_workers=count, thread_name_prefix="kit-lane") as pool:
        list(pool.map(one, samples))
    where = f"with max_in_flight {lanes}, send called from {count} threads at once"
    found = [f"{where}: {p}; {_THREAD_SAFETY}" for p in dict.fromkeys(problems)]
    alone = {n.id: send_one(n)[1] for n in samples}
    worse = [i for i, outcome in together.items() if outcome == "retry" and alone[i] == "sent"]
    if worse:
        found.append(
            f"{where}: {len(worse)} of {len(samples)} calls answered retry, while the same"
            f" notifications sent one at a time were sent; {_THREAD_SAFETY}"
        )
    return found


#: What a channel whose calls fail together but not alone should do.
_THREAD_SAFETY = (
    "send is probably not safe for that many threads at once: take a connection from a pool"
    " in each call and lock what the calls share (docs/plugins.md, Many messages in flight)"
)
