"""What a channel returns for each notification: :class:`DeliveryResult`.

A channel's ``send(notifications)`` returns one :class:`DeliveryResult` per notification,
whose ``outcome`` is one of :data:`OUTCOMES`. The host calls ``send`` through
:func:`rulesengine.channels.channel_calls.call_channel`, which turns anything else into
``retry`` results.
"""

from __future__ import annotations

from typing import Any

import attrs

from rulesengine.model import Notification

__all__ = ["MAX_RETRY_AFTER", "OUTCOMES", "DeliveryResult"]

#: ``sent``: handed over; ``retry``: a transient problem; ``failed``: a permanent one.
OUTCOMES = ("sent", "retry", "failed")


def _notification_id(n: Notification | int) -> int:
    if isinstance(n, Notification):
        return n.id
    if isinstance(n, int) and not isinstance(n, bool):
        return n
    raise TypeError(f"expected a Notification or a notification id, got {type(n).__name__}")


def _check_outcome(_result: object, _attribute: object, value: Any) -> None:
    """A plain sentence for a wrong outcome (attrs' own message shows its internals)."""
    if value not in OUTCOMES:
        choices = ", ".join(map(repr, OUTCOMES[:-1])) + f" or {OUTCOMES[-1]!r}"
        raise ValueError(f"DeliveryResult outcome must be {choices}, got {value!r}")


#: The longest pause a ``retry_after`` may ask for (seconds): one hour.
MAX_RETRY_AFTER = 3600.0


def _check_retry_after(result: DeliveryResult, _attribute: object, value: Any) -> None:
    if value is None:
        return
    if isinstance(value, bool) or not isinstance(value, (int, float)) or not value >= 0:
        raise ValueError(f"DeliveryResult retry_after must be seconds (>= 0), got {value!r}")
    if value > MAX_RETRY_AFTER:
        raise ValueError(
            f"DeliveryResult retry_after must be at most {MAX_RETRY_AFTER:g} seconds, got {value!r}"
        )
    if result.outcome != "retry":
        raise ValueError("DeliveryResult retry_after is only for a 'retry' outcome")


@attrs.frozen
class DeliveryResult:
    """The outcome of handing one notification to a channel.

    :ivar notification_id: the notification's ``id``.
    :ivar outcome: ``sent``, ``retry`` (transient: the queue tries again later) or
        ``failed`` (permanent: the notification goes to ``error``).
    :ivar provider_ref: the provider's reference (a message id, a file), when there is one.
    :ivar detail: what staff see in the history, such as "SMTP 550 from mx:25: no mailbox".
    :ivar retry_after: for a ``retry`` only: the provider asked to be called less often (an
        HTTP 429 and its ``Retry-After``), in seconds (at most :data:`MAX_RETRY_AFTER`). The
        notification is due again that much later without counting an attempt, and the
        worker pauses the channel that long (every worker, when the channel has
        ``max_per_second``): a rate limit slows the channel down instead of using up
        attempts. ``None`` (the default): an ordinary retry.
    """

    notification_id: int = attrs.field(validator=attrs.validators.instance_of(int))
    outcome: str = attrs.field(validator=_check_outcome)
    provider_ref: str | None = None
    detail: str | None = None
    retry_after: float | None = attrs.field(default=None, validator=_check_retry_after)

    @classmethod
    def sent(
        cls, n: Notification | int, provider_ref: str | None = None, detail: str | None = None
    ) -> DeliveryResult:
        """The notification was handed over (``provider_ref``: the provider's reference)."""
        return cls(_notification_id(n), "sent", provider_ref, detail)

    @classmethod
    def retry(
        cls, n: Notification | int, detail: str, *, retry_after: float | None = None
    ) -> DeliveryResult:
        """A transient problem (server busy, connection lost): try again later. With
        ``retry_after`` (seconds), the provider asked to slow down: no attempt is counted and
        the channel pauses that long (see :attr:`retry_after`)."""
        return cls(_notification_id(n), "retry", None, detail, retry_after)

    @classmethod
    def failed(cls, n: Notification | int, detail: str) -> DeliveryResult:
        """A permanent problem (bad address, rejected, misconfigured): do not retry."""
        return cls(_notification_id(n), "failed", None, detail)
