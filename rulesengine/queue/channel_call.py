"""One call of a delivery round: claimed rows for one channel object, and how it is sent."""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

import attrs

if TYPE_CHECKING:
    from rulesengine.queue.notification_rows import QueueRow
    from rulesengine.queue.send_rates import RateGate

__all__ = ["ChannelCall"]


@attrs.frozen(eq=False)
class ChannelCall:
    """One call of a round: these claimed rows, for this channel object (compared by
    identity)."""

    channel_name: str
    channel: Any
    rows: list[QueueRow]
    #: How many calls of ``send`` may run at once on the object (its ``max_in_flight``).
    lanes: int = 1
    #: The rate limit of the channel (``max_per_second``), when it has one.
    gate: RateGate | None = None
    #: Whether the call is sent one notification at a time on lanes (:mod:`.send_lanes`),
    #: rather than as one batch (with a ``gate``: one at a time on the caller's thread).
    on_lanes: bool = False
