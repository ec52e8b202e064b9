"""What a delivery benchmark's sinks received, held against what the queue recorded.

Pure functions over plain data (no database, no sockets), so the rules the crash scenario
of ``bench_delivery.py`` judges by are pinned by ``tests/benchmarks/test_delivery_tally.py``:

- a notification is **delivered** when the sink of its channel received its key: the
  Message-ID an email carries, the Idempotency-Key a text is posted with;
- an email received more than once is a **duplicate** (an SMTP server delivers a repeated
  Message-ID again); a text posted again with the same Idempotency-Key is a **provider
  dedupe**, not a duplicate: the provider (Twilio) drops the repeated key, as the
  loopback sink answers it with the first post's sid;
- every notification must end ``sent``, ``unknown`` or ``error`` with a reason, and every
  ``sent`` one must have been delivered. A notification that is none of these is **lost**:
  ``sent`` but never received, ``error`` without a reason, or in any other status (still
  ``scheduled`` or ``sending``, or set aside);
- ``unknown`` is allowed only up to the **bound**: the killed workers' notifications in
  flight (``sending``, handed to the channel) at the instant of the kill.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping, Sequence

import attrs

#: The statuses a notification of the crash scenario may end in.
SETTLED = ("sent", "unknown", "error")


@attrs.frozen
class QueuedMessage:
    """One notification as the store has it at the end: its channel, the key its sink
    counts it by, its status and its reason."""

    id: int
    channel: str
    key: str
    status: str
    reason: str | None = None


@attrs.frozen
class Tally:
    """The outcome of a drain, by the rules of this module."""

    notifications: int
    by_status: Mapping[str, int]
    delivered: int
    duplicates: int  # extra deliveries of an email (a repeated Message-ID)
    provider_dedupes: int  # repeated text posts with the same Idempotency-Key
    lost: Sequence[int]  # notification ids
    unknown_received: int  # unknown ones that the sink did receive (they went out)
    strangers: int  # keys the sinks received that belong to no notification

    def unknown(self) -> int:
        return self.by_status.get("unknown", 0)

    def as_json(self) -> dict[str, object]:
        return {
            "notifications": self.notifications,
            "by_status": dict(sorted(self.by_status.items())),
            "delivered": self.delivered,
            "duplicates": self.duplicates,
            "provider_dedupes": self.provider_dedupes,
            "lost": len(self.lost),
            "unknown": self.unknown(),
            "unknown_received": self.unknown_received,
            "strangers": self.strangers,
        }


def tally(
    queued: Iterable[QueuedMessage],
    emails: Mapping[str, int],
    texts: Mapping[str, int],
) -> Tally:
    """Hold the store's notifications against the sinks' counts by key (``emails`` by
    Message-ID, ``texts`` by Idempotency-Key)."""
    by_status: dict[str, int] = {}
    delivered = duplicates = dedupes = unknown_received = total = 0
    lost: list[int] = []
    known: set[tuple[str, str]] = set()
    for message in queued:
        total += 1
        by_status[message.status] = by_status.get(message.status, 0) + 1
        sink = "email" if message.channel == "email" else "text"
        counts = emails if sink == "email" else texts
        known.add((sink, message.key))
        received = counts.get(message.key, 0)
        if received:
            delivered += 1
        if received > 1:
            if sink == "email":
                duplicates += received - 1
            else:
                dedupes += received - 1
        if message.status == "unknown" and received:
            unknown_received += 1
        settled = message.status in SETTLED and (message.status != "error" or message.reason)
        if not settled or (message.status == "sent" and not received):
            lost.append(message.id)
    strangers = sum(1 for key in emails if ("email", key) not in known) + sum(
        1 for key in texts if ("text", key) not in known
    )
    return Tally(
        notifications=total,
        by_status=by_status,
        delivered=delivered,
        duplicates=duplicates,
        provider_dedupes=dedupes,
        lost=lost,
        unknown_received=unknown_received,
        strangers=strangers,
    )


def steady_rate(arrivals: Sequence[float], skip: float = 0.1) -> tuple[int, float, float]:
    """The rate over the steady part of a drain: the messages between the first and the
    last ``skip`` of the arrival times (start-up and the tail left out). Returns (messages,
    seconds, per second); (0, 0.0, 0.0) when too few arrived to tell."""
    times = sorted(arrivals)
    first, last = int(len(times) * skip), int(len(times) * (1 - skip)) - 1
    if last - first < 2 or times[last] <= times[first]:
        return 0, 0.0, 0.0
    seconds = times[last] - times[first]
    return last - first, seconds, (last - first) / seconds


def busiest_second(arrivals: Sequence[float]) -> int:
    """The most messages that arrived within any one second (a rate limit's burst)."""
    times = sorted(arrivals)
    most = start = 0
    for end, at in enumerate(times):
        while at - times[start] >= 1.0:
            start += 1
        most = max(most, end - start + 1)
    return most
