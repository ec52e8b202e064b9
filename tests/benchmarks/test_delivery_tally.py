"""The rules the delivery benchmark's crash scenario judges a drain by
(``benchmarks/delivery_tally.py``): what counts as a duplicate, as lost, as a provider's
dedupe, and the steady rate of a rate-limited drain."""

from __future__ import annotations

import pytest

from benchmarks.delivery_tally import QueuedMessage, busiest_second, steady_rate, tally


def email(nid: int, status: str, reason: str | None = None) -> QueuedMessage:
    return QueuedMessage(nid, "email", f"<m{nid}@x>", status, reason)


def text(nid: int, status: str, reason: str | None = None) -> QueuedMessage:
    return QueuedMessage(nid, "text", f"k{nid}", status, reason)


def test_every_sent_notification_received_once_is_a_clean_drain() -> None:
    """Sent and received once each: nothing lost, no duplicate."""
    outcome = tally([email(1, "sent"), text(2, "sent")], {"<m1@x>": 1}, {"k2": 1})
    assert outcome.as_json() == {
        "notifications": 2,
        "by_status": {"sent": 2},
        "delivered": 2,
        "duplicates": 0,
        "provider_dedupes": 0,
        "lost": 0,
        "unknown": 0,
        "unknown_received": 0,
        "strangers": 0,
    }


def test_an_email_received_twice_is_a_duplicate_delivery() -> None:
    """An SMTP server delivers a repeated Message-ID again: each extra copy counts."""
    outcome = tally([email(1, "sent")], {"<m1@x>": 3}, {})
    assert (outcome.duplicates, outcome.provider_dedupes) == (2, 0)


def test_a_text_posted_twice_with_its_key_is_a_provider_dedupe_not_a_duplicate() -> None:
    """The provider drops a repeated Idempotency-Key: the guarantor got one text."""
    outcome = tally([text(1, "sent")], {}, {"k1": 2})
    assert (outcome.duplicates, outcome.provider_dedupes) == (0, 1)


def test_sent_but_never_received_is_lost() -> None:
    outcome = tally([email(1, "sent"), text(2, "sent")], {"<m1@x>": 1}, {})
    assert outcome.lost == [2]


def test_unknown_counts_whether_or_not_it_went_out() -> None:
    """``unknown`` may have gone out or not: neither is lost; those that did are noted."""
    outcome = tally([email(1, "unknown"), email(2, "unknown")], {"<m1@x>": 1}, {})
    assert (outcome.unknown(), outcome.unknown_received, outcome.lost) == (2, 1, [])


def test_an_error_needs_its_reason_and_unsettled_statuses_are_lost() -> None:
    """``error`` with a reason is settled for staff; without one, or still scheduled,
    sending or set aside, the notification is lost."""
    queued = [
        email(1, "error", "550 mailbox unavailable"),
        email(2, "error"),
        text(3, "scheduled"),
        text(4, "sending"),
        text(5, "canceled", "hold"),
    ]
    assert tally(queued, {}, {}).lost == [2, 3, 4, 5]


def test_keys_of_no_notification_are_strangers() -> None:
    outcome = tally([email(1, "sent")], {"<m1@x>": 1, "<other@x>": 1}, {"k9": 1})
    assert outcome.strangers == 2


def test_a_key_counts_only_at_its_own_channels_sink() -> None:
    """A text's key received by the SMTP sink is not the text's delivery."""
    outcome = tally([text(1, "sent")], {"k1": 1}, {})
    assert (outcome.lost, outcome.strangers) == ([1], 1)


def test_the_steady_rate_leaves_out_the_first_and_last_tenth() -> None:
    """A slow start-up and a tail do not count: 10 per second in between."""
    arrivals = [0.0] * 10 + [10 + i / 10 for i in range(80)] + [100.0] * 10
    assert steady_rate(arrivals) == (79, pytest.approx(7.9), pytest.approx(10.0))


def test_too_few_arrivals_have_no_steady_rate() -> None:
    assert steady_rate([1.0, 2.0]) == (0, 0.0, 0.0)


def test_the_busiest_second_counts_a_burst() -> None:
    assert busiest_second([0.0, 0.1, 0.2, 0.95, 1.5, 3.0]) == 4
