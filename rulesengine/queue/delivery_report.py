"""What a call to :meth:`Queue.deliver` did, for the CLI and for tests."""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from typing import TYPE_CHECKING, Any

import attrs

if TYPE_CHECKING:
    from rulesengine.queue.notification_rows import Transition

__all__ = ["DeliveryReport", "ProofsAdded", "RoundOutcome"]


def _ids(items: Iterable[int]) -> tuple[int, ...]:
    return tuple(items)


@attrs.frozen
class DeliveryReport:
    """The outcome of :meth:`~rulesengine.queue.Queue.deliver`.

    :ivar counts: per status, how many notifications ended the call in it after changing
        (``sent``, ``scheduled`` for a retry, ``error``, ``canceled``, ``suppressed``,
        ``unknown``).
    :ivar changed: the ids of the notifications whose status changed, in order.
    :ivar deferred: the ids moved to their next send window (status unchanged).
    :ivar waiting: the ids left queued because their channel is not available.
    :ivar rounds: how many claim-send-record rounds ran.
    """

    counts: Mapping[str, int] = attrs.field(factory=dict)
    changed: tuple[int, ...] = attrs.field(default=(), converter=_ids)
    deferred: tuple[int, ...] = attrs.field(default=(), converter=_ids)
    waiting: tuple[int, ...] = attrs.field(default=(), converter=_ids)
    rounds: int = 0

    def as_json(self) -> dict[str, Any]:
        """A plain mapping for ``rulesengine deliver --json``."""
        return {
            "counts": dict(sorted(self.counts.items())),
            "changed": list(self.changed),
            "deferred": list(self.deferred),
            "waiting": list(self.waiting),
            "rounds": self.rounds,
        }


@attrs.define
class RoundOutcome:
    """What one delivery round did (merged into a :class:`DeliveryReport`): how many rows it
    claimed, each changed notification's last status, the deferred and the waiting ids."""

    claimed: int = 0
    final: dict[int, str] = attrs.field(factory=dict)
    deferred: list[int] = attrs.field(factory=list)
    waiting: list[int] = attrs.field(factory=list)

    def note(self, transitions: Iterable[Transition]) -> None:
        """Remember the status each of ``transitions`` left its notification in."""
        for t in transitions:
            self.final[t.notification_id] = t.new_status


class ProofsAdded(list[int]):
    """The ids of the proofs :meth:`~rulesengine.queue.Queue.add_proofs` queued (a list),
    with ``skipped``: the (message, channel) pairs without a test recipient."""

    def __init__(self, ids: list[int], skipped: list[tuple[str, str]]) -> None:
        super().__init__(ids)
        self.skipped = skipped
