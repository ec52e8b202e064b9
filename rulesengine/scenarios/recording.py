"""The channels a scenario's ``deliver`` steps use: they keep what they would have sent.

A scenario never touches the network or a real provider.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

__all__ = ["RecordingChannel"]


class RecordingChannel:
    """Accepts every notification it is handed and keeps it in :attr:`sent`."""

    address = "email"

    def __init__(self, name: str, settings: Any = None) -> None:
        self.name = name
        self.settings = settings or {}
        self.sent: list[Any] = []

    def send(self, notifications: Sequence[Any]) -> list[Any]:
        from rulesengine.channels.results import DeliveryResult

        self.sent.extend(notifications)
        return [DeliveryResult.sent(n, provider_ref=f"recorded-{n.id}") for n in notifications]
