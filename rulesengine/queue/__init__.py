"""The notification queue (``docs/queue.md``): scheduling, send windows, claiming, retries,
leases, staff actions, the opt-out ledger, on-demand notifications, proofs and history.

Start with :class:`Queue`; ``docs/queue.md`` describes the statuses and every rule.
"""

from __future__ import annotations

from rulesengine.queue.delivery_report import DeliveryReport, ProofsAdded
from rulesengine.queue.notification_queue import Queue
from rulesengine.queue.notification_rows import QueueRow, Transition
from rulesengine.queue.queue_context import default_worker_id
from rulesengine.queue.windows import Window, parse_window

__all__ = [
    "DeliveryReport",
    "ProofsAdded",
    "Queue",
    "QueueRow",
    "Transition",
    "Window",
    "default_worker_id",
    "parse_window",
]
