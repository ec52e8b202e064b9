"""Many ``rulesengine worker`` processes on one PostgreSQL queue: nothing is lost, nothing is
handed to a channel twice, whatever happens to a worker or to its database connections."""

from __future__ import annotations

from collections import Counter

import pytest

from tests.concurrency.harness import claimed_by, ids_of, received, strangers

pytestmark = pytest.mark.concurrency

GUARANTORS = 150  # one statement each, by email and by text: 300 notifications
WORKERS = 4


def test_workers_drain_the_queue_handing_each_notification_over_once(practice) -> None:
    """Four workers deliver 300 notifications: every one is sent, each was claimed once,
    and the providers received exactly one message per notification."""
    practice.workers.start_many(WORKERS, "--limit", "20")
    queued = practice.upload(GUARANTORS)
    assert queued == 2 * GUARANTORS
    state = practice.wait_until_final()
    assert practice.workers.stop_all() == {f"w{i}": 0 for i in range(1, WORKERS + 1)}

    assert state.counts() == Counter({"sent": queued})
    twice = [nid for nid, n in state.claims.items() if n != 1]
    assert not twice, f"claimed more than once: {ids_of(twice)}"
    assert all(state.handed.values())
    got = received(state, practice.smtp, practice.sms)
    assert Counter(got.values()) == Counter({1: queued})
    assert strangers(state, practice.smtp, practice.sms) == []
    assert sum(practice.smtp.counts.snapshot().values()) == GUARANTORS
    assert sum(practice.sms.counts.snapshot().values()) == GUARANTORS
    assert len(claimed_by(practice)) > 1, "the proof needs more than one worker at work"
