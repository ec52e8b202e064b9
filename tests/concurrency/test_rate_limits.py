"""Rate limits through real ``rulesengine worker`` processes (docs/queue.md "Rate limits:
max_per_second"): a channel's ``max_per_second`` holds across workers, and a provider's
"429 Too Many Requests" pauses the channel without using up attempts. On a SQLite file and
on PostgreSQL."""

from __future__ import annotations

import bisect
from collections import Counter

import pytest
import sqlalchemy

from tests.concurrency.harness import claimed_by, received, strangers

pytestmark = pytest.mark.concurrency

RATE = 20
#: The most arrivals one second may hold at RATE a second: a tenth more, and two, for the
#: lateness of a woken thread and of the loopback network (an upper bound only).
MOST_IN_A_SECOND = int(RATE * 1.1) + 2


def _busiest_second(arrivals: list[float]) -> int:
    """The most arrivals in any window of one second (each starting at an arrival)."""
    times = sorted(arrivals)
    return max(bisect.bisect_left(times, t + 1.0) - i for i, t in enumerate(times))


@pytest.mark.alone
def test_workers_share_a_channels_max_per_second(any_practice) -> None:
    """Two workers send 120 texts on a ``max_per_second: 20`` channel: no second at the
    SMS sink holds more than 20 posts (and a margin for late threads), however the two
    workers share them; each text is delivered once. Alone (see the ``alone`` marker): a
    sending thread that wakes late for its slot, or a sink thread that stamps a post late,
    puts it beside the next ones; with the CPU taken by another worker of the parallel
    suite, a second at the sink held 25."""
    practice = any_practice
    practice.configure(channels=("text",), text={"max_per_second": RATE})
    workers = practice.workers.start_many(2, "--limit", "20")
    queued = practice.upload(120)
    assert queued == 120

    state = practice.wait_until_final()
    assert practice.workers.stop_all() == {w.name: 0 for w in workers}
    assert state.counts() == Counter({"sent": queued})
    assert Counter(received(state, practice.smtp, practice.sms).values()) == Counter({1: queued})
    assert strangers(state, practice.smtp, practice.sms) == []
    assert len(claimed_by(practice)) == 2, "the proof needs both workers at work"
    busiest = _busiest_second(practice.sms.arrivals)
    assert busiest <= MOST_IN_A_SECOND, f"{busiest} posts in one second at {RATE} a second"


def _attempts(practice) -> dict[int, int]:
    with practice.engine.connect() as conn:
        return dict(conn.execute(sqlalchemy.text("SELECT id, attempt FROM notifications")).all())


def _slow_downs(practice) -> list[tuple[int, str, int]]:
    """The history entries of texts queued again because the provider asked to slow down:
    (notification, detail, attempt)."""
    with practice.engine.connect() as conn:
        return [
            (r[0], r[1], r[2])
            for r in conn.execute(
                sqlalchemy.text(
                    "SELECT notification_id, detail, attempt FROM notification_history "
                    "WHERE new_status = 'scheduled' AND detail LIKE '%asked to slow down%' "
                    "ORDER BY id"
                )
            )
        ]


def test_a_text_refused_with_429_more_often_than_max_attempts_is_still_sent(any_practice) -> None:
    """The SMS provider answers the first three posts "429 Too Many Requests" with
    ``Retry-After: 1``; ``max_attempts: 2``. Each 429 queues the text again, its attempt
    given back: after three of them it is sent, on its first counted attempt."""
    practice = any_practice
    practice.configure(channels=("text",), max_attempts=2)
    practice.sms.refuse = 3
    assert practice.upload(1) == 1
    worker = practice.workers.start("w1").ready()

    state = practice.wait_until_final()
    assert practice.workers.stop(worker) == 0
    [(nid, key)] = state.key.items()
    assert state.status[nid] == "sent", worker.output()
    assert practice.sms.refused.snapshot() == Counter({key: 3})
    assert practice.sms.counts.snapshot() == Counter({key: 1})
    slow_downs = _slow_downs(practice)
    assert [n for n, _, _ in slow_downs] == [nid] * 3
    assert all("not counted as an attempt" in detail for _, detail, _ in slow_downs)
    assert _attempts(practice) == {nid: 1}
    with practice.engine.connect() as conn:
        most = conn.execute(
            sqlalchemy.text("SELECT max(attempt) FROM notification_history")
        ).scalar_one()
    assert most <= 2


def test_429s_pause_the_lanes_of_every_worker_and_use_no_attempts(any_practice) -> None:
    """Two workers send 40 texts on 4 connections each, at ``max_per_second: 50``, with
    ``max_attempts: 2``; the provider answers the first 4 posts 429 with ``Retry-After:
    1``. Every text ends ``sent``, received once, on its first counted attempt; the ones
    refused or never handed over were queued again "asked to slow down"."""
    practice = any_practice
    practice.configure(
        channels=("text",), text={"connections": 4, "max_per_second": 50}, max_attempts=2
    )
    practice.sms.refuse = 4
    workers = practice.workers.start_many(2, "--limit", "20")
    queued = practice.upload(40)

    state = practice.wait_until_final()
    assert practice.workers.stop_all() == {w.name: 0 for w in workers}
    assert state.counts() == Counter({"sent": queued}), practice.workers.output()
    assert Counter(received(state, practice.smtp, practice.sms).values()) == Counter({1: queued})
    assert strangers(state, practice.smtp, practice.sms) == []
    assert sum(practice.sms.refused.snapshot().values()) == 4
    refused = {n for n, key in state.key.items() if key in practice.sms.refused.snapshot()}
    slowed = {n for n, _, _ in _slow_downs(practice)}
    assert refused <= slowed
    assert set(_attempts(practice).values()) == {1}
