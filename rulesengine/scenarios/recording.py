"""The channels a scenario's ``deliver`` steps use: they keep what they would have sent.

A scenario never touches the network or a real provider. Each recording channel stands in
for the installed channel of its name, built from the rules file's settings but never
asked to send: the notifications that channel's ``send_problem`` refuses (an address or a
content it would fail) are ``failed`` with its words, as production would fail them, so a
scenario cannot pass with a notification production refuses; the others are kept as sent.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from rulesengine.rules.policy import Rules

__all__ = ["RecordingChannel", "recording_channels"]


class RecordingChannel:
    """Keeps every notification it is handed in :attr:`sent`, except those ``stands_for``
    (the real channel object, or None) would fail: those are ``failed`` results."""

    def __init__(
        self,
        name: str,
        settings: Any = None,
        *,
        stands_for: Any = None,
        address: str = "email",
    ) -> None:
        self.name = name
        self.settings = settings or {}
        self.address = getattr(stands_for, "address", address)
        self.stands_for = stands_for
        self.sent: list[Any] = []

    def send(self, notifications: Sequence[Any]) -> list[Any]:
        from rulesengine.channels.results import DeliveryResult

        results = []
        for n in notifications:
            problem = self._problem(n)
            if problem is not None:
                results.append(DeliveryResult.failed(n, problem))
            else:
                self.sent.append(n)
                results.append(DeliveryResult.sent(n, provider_ref=f"recorded-{n.id}"))
        return results

    def _problem(self, notification: Any) -> str | None:
        check = getattr(self.stands_for, "send_problem", None)
        if check is None:
            return None
        problem = check(notification)
        return problem if isinstance(problem, str) and problem else None


def recording_channels(rules: Rules, classes: Mapping[str, type]) -> dict[str, RecordingChannel]:
    """A recording channel for each channel of ``rules``, standing for the object of its
    installed class (``classes``: name -> class) built from the rules' settings; one whose
    class is not installed, or whose settings it cannot take, records everything."""
    channels: dict[str, RecordingChannel] = {}
    for name, configured in rules.channels.items():
        real = None
        cls = classes.get(name)
        if cls is not None:
            try:
                real = cls(dict(configured.settings))
            except Exception:  # its settings fail every send anyway: nothing of the scenario's
                real = None
        channels[name] = RecordingChannel(name, configured.settings, stands_for=real)
    return channels
