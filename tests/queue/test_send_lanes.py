"""Many messages in flight: a channel object with ``max_in_flight`` N > 1 has up to N calls
of ``send`` open at once, each with one notification, and its rows are handed over a few at
a time (``rulesengine.queue.send_lanes``), on SQLite (a file) and PostgreSQL."""

from __future__ import annotations

import datetime as dt
import logging
import threading
from typing import Any

import pytest
from sqlalchemy import func, select

from rulesengine.channels.results import DeliveryResult
from rulesengine.store.tables import notifications
from tests.queue.helpers import chicago, draft, history, import_guarantors, save, statuses

NINE = chicago(2026, 2, 1, 9)


@pytest.fixture
def thirty(qstore: Any, monkeypatch: pytest.MonkeyPatch) -> list[int]:
    """Thirty scheduled emails, due at nine, one per guarantor L00..L29."""
    gids = [f"L{i:02d}" for i in range(30)]
    import_guarantors(qstore, monkeypatch, gids)
    return save(qstore, *[draft(g, at=NINE) for g in gids])


class Pooled:
    """An email channel with ``lanes`` sends open at once: it counts how many are open, and
    each send waits (``hold``) until it may answer."""

    name = "email"
    address = "email"

    def __init__(self, lanes: int, answer: Any = None) -> None:
        self.max_in_flight = lanes
        self.answer = answer or (lambda n: DeliveryResult.sent(n, provider_ref=f"ref-{n.id}"))
        self.lock = threading.Lock()
        self.open = 0
        self.most_open = 0
        self.batches: list[list[int]] = []
        self.entered = threading.Semaphore(0)
        self.hold: Any = None  # called in each send before it answers

    def send(self, notifications: list[Any]) -> list[DeliveryResult]:
        with self.lock:
            self.batches.append([n.id for n in notifications])
            self.open += 1
            self.most_open = max(self.most_open, self.open)
        self.entered.release()
        try:
            if self.hold is not None:
                self.hold()
            return [self.answer(n) for n in notifications]
        finally:
            with self.lock:
                self.open -= 1


def _handed(qstore: Any) -> int:
    with qstore.reading() as conn:
        query = select(func.count()).where(notifications.c.handed_at.is_not(None))
        return int(conn.execute(query).scalar_one())


def test_a_channel_with_max_in_flight_has_that_many_sends_open_at_once_and_never_more(
    qstore, make_queue, thirty
) -> None:
    channel = Pooled(lanes=4)
    first_four = threading.Barrier(4, timeout=20)
    calls = iter(range(1_000))

    def hold() -> None:  # the first four sends wait for each other: all four are open
        if next(calls) < 4:
            first_four.wait()

    channel.hold = hold
    with make_queue(channels={"email": channel}) as queue:
        report = queue.deliver(NINE)
    assert report.counts == {"sent": 30}
    assert statuses(qstore, thirty) == ["sent"] * 30
    assert channel.most_open == 4
    assert sorted(channel.batches) == [[nid] for nid in thirty]  # one notification a call


def test_a_channel_without_max_in_flight_gets_its_whole_batch_in_one_call(
    qstore, make_queue, thirty, recorders
) -> None:
    with make_queue() as queue:
        assert queue.deliver(NINE).counts == {"sent": 30}
    assert [[n.id for n in call] for call in recorders["email"].calls] == [thirty]


def test_rows_are_handed_over_a_few_at_a_time_as_lanes_take_them(
    qstore, make_queue, thirty
) -> None:
    """Eight lanes take their rows two at a time (a quarter of the lanes): while eight sends
    are open, at most one more row is stamped; the other 21 are claimed but not handed over,
    so a worker dying now would leave at most nine ``unknown``."""
    channel = Pooled(lanes=8)
    go = threading.Event()
    channel.hold = lambda: go.wait(30)
    queue = make_queue(channels={"email": channel})
    thread = threading.Thread(target=queue.deliver, args=(NINE,))
    thread.start()
    try:
        for _ in range(8):
            assert channel.entered.acquire(timeout=20)
        assert 8 <= _handed(qstore) <= 9
        assert statuses(qstore, thirty).count("sending") == 30
    finally:
        go.set()
        thread.join(60)
    assert statuses(qstore, thirty) == ["sent"] * 30


def test_a_retry_after_stops_the_call_and_queues_the_rest_later_without_an_attempt(
    qstore, make_queue, thirty
) -> None:
    channel = Pooled(
        lanes=2,
        answer=lambda n: DeliveryResult.retry(n, "HTTP 429: too many requests", retry_after=30),
    )
    with make_queue(channels={"email": channel}) as queue:
        report = queue.deliver(NINE)
    assert report.counts == {"scheduled": 30}
    assert len(channel.batches) <= 2  # the sends already open when the first answer came
    with qstore.reading() as conn:
        rows = conn.execute(
            select(
                notifications.c.attempt, notifications.c.next_attempt_at, notifications.c.handed_at
            )
        ).all()
    assert {row.attempt for row in rows} == {0}  # no attempt counted
    assert {row.handed_at for row in rows} == {None}
    later = NINE + dt.timedelta(seconds=30)
    assert all(row.next_attempt_at.replace(tzinfo=dt.UTC) >= later for row in rows)
    sent_first = channel.batches[0][0]
    assert "the provider asked to slow down: not counted as an attempt" in (
        history(qstore, sent_first)[-1][2] or ""
    )
    never_sent = next(nid for nid in thirty if [nid] not in channel.batches)
    assert history(qstore, never_sent)[-1][2] == (
        "not sent: the provider asked to slow down; queued again, due in 30 s"
        " (not counted as an attempt)"
    )


def test_a_max_in_flight_outside_1_to_100_on_an_object_sends_one_call_and_says_why(
    qstore, make_queue, thirty, caplog
) -> None:
    channel = Pooled(lanes=0)
    with caplog.at_level(logging.WARNING), make_queue(channels={"email": channel}) as queue:
        assert queue.deliver(NINE).counts == {"sent": 30}
    assert channel.batches == [thirty]
    assert "channel email has max_in_flight 0, not a whole number from 1 to 100" in caplog.text


def test_calls_on_the_callers_thread_get_the_whole_batch_whatever_max_in_flight(
    qstore, make_queue, thirty
) -> None:
    """``--serial`` and scenarios: one call, one batch, on the caller's thread."""
    channel = Pooled(lanes=8)
    with make_queue(channels={"email": channel}, concurrent_channels=False) as queue:
        assert queue.deliver(NINE).counts == {"sent": 30}
    assert channel.batches == [thirty]


def test_a_rate_limited_channels_lanes_take_a_slot_only_for_a_row_left(
    qstore, make_queue, thirty, counted_slots
) -> None:
    """Eight lanes, thirty rows, a shared rate of 1,000 a second: thirty slots are taken,
    one per message; a lane with no row left for it takes none (a slot taken for nothing
    is lost to every worker of the store)."""
    channel = Pooled(lanes=8)
    with make_queue(channels={"email": channel}) as queue:
        assert queue.deliver(NINE).counts == {"sent": 30}
    assert len(counted_slots) == 30
    assert len(set(counted_slots)) == 30  # each slot its own
    assert sorted(channel.batches) == [[nid] for nid in thirty]


def test_a_channels_lane_threads_end_once_its_last_pump_ended(qstore, make_queue, thirty) -> None:
    """A worker keeps no lanes for a channel object it no longer sends on (an old rules
    file's): they end with the object's last call, and come back with its next one."""

    def lanes() -> list[str]:
        return [t.name for t in threading.enumerate() if t.name.startswith("lane-email-w1")]

    channel = Pooled(lanes=4)
    queue = make_queue(channels={"email": channel})
    assert queue.deliver(NINE).counts == {"sent": 30}
    ended = threading.Event()
    for _ in range(500):
        if not lanes():
            break
        ended.wait(0.02)
    assert lanes() == []
    save(qstore, draft("G1", at=NINE, bid="B2"), bid="B2", day=2)
    assert queue.deliver(NINE).counts == {"sent": 1}


@pytest.fixture
def counted_slots(monkeypatch: pytest.MonkeyPatch) -> list[float]:
    """Every channel has a shared rate of 1,000 a second; the slots taken, as taken."""
    from rulesengine.queue.channel_objects import Channels
    from rulesengine.queue.send_rates import RateGate

    monkeypatch.setattr(Channels, "rate_limit", lambda self, h, name: (f"standard/{name}", 1000))
    slots: list[float] = []
    take = RateGate.next_slot

    def counted(self: Any, stop: Any = None) -> float | None:
        slot = take(self, stop)
        if slot is not None:
            slots.append(slot)
        return slot

    monkeypatch.setattr(RateGate, "next_slot", counted)
    return slots


def test_a_rate_limited_channel_called_inline_is_sent_one_at_a_time_at_the_rate(
    qstore, make_queue, thirty, counted_slots
) -> None:
    """``--serial``: one notification per call, each on its slot of the shared rate."""
    channel = Pooled(lanes=8)
    with make_queue(channels={"email": channel}, concurrent_channels=False) as queue:
        assert queue.deliver(NINE).counts == {"sent": 30}
    assert channel.batches == [[nid] for nid in thirty]
    assert len(counted_slots) == 30


def test_inline_a_retry_after_leaves_the_rest_unsent_without_an_attempt(
    qstore, make_queue, thirty, counted_slots
) -> None:
    channel = Pooled(
        lanes=1,
        answer=lambda n: DeliveryResult.retry(n, "HTTP 429: too many requests", retry_after=30),
    )
    with make_queue(channels={"email": channel}, concurrent_channels=False) as queue:
        assert queue.deliver(NINE).counts == {"scheduled": 30}
    assert channel.batches == [[thirty[0]]]  # nothing sent after the provider's answer
    assert history(qstore, thirty[1])[-1][2] == (
        "not sent: the provider asked to slow down; queued again, due in 30 s; the provider"
        " asked to slow down: not counted as an attempt, next at 2026-02-01T09:00:30-06:00"
    )
    with qstore.reading() as conn:
        assert {row.attempt for row in conn.execute(select(notifications.c.attempt))} == {0}


def test_a_worker_told_to_stop_sends_no_more_of_a_call_on_lanes(qstore, make_queue, thirty) -> None:
    """Told to stop while two lanes send: those two finish, nothing more of the call is
    handed over, and the other 28 go back to the queue, due at once, no attempt counted."""
    channel = Pooled(lanes=2)
    go = threading.Event()
    channel.hold = lambda: go.wait(30)
    queue = make_queue(channels={"email": channel})
    stop = threading.Event()
    worker = threading.Thread(target=queue.run_worker, args=(stop,), kwargs={"poll_seconds": 0.05})
    worker.start()
    try:
        for _ in range(2):
            assert channel.entered.acquire(timeout=20)
        stop.set()
        pumps = [sent.pump for sent in queue._rounds.calls.sending if sent.pump is not None]
        noticed = threading.Event()
        for _ in range(500):  # the worker looks every 0.2 s while it waits for its calls
            if pumps and all(pump.stopping for pump in pumps):
                break
            noticed.wait(0.02)
        assert pumps and all(pump.stopping for pump in pumps)
    finally:
        go.set()
        worker.join(60)
    assert not worker.is_alive()
    assert len(channel.batches) == 2
    sent = [nid for nid in thirty if [nid] in channel.batches]
    rest = [nid for nid in thirty if nid not in sent]
    assert statuses(qstore, sent) == ["sent"] * 2
    assert statuses(qstore, rest) == ["scheduled"] * 28
    assert history(qstore, rest[0])[-1][2] == (
        "w1 stopped before handing it to the channel: queued again"
    )
    with qstore.reading() as conn:
        query = select(notifications.c.attempt).where(notifications.c.id.in_(rest))
        assert {row.attempt for row in conn.execute(query)} == {0}


def test_a_retry_after_of_0_still_pauses_a_second_and_queues_the_rest_as_slowed_down(
    qstore, make_queue, thirty
) -> None:
    """``Retry-After: 0`` with a 429 for ever must not spin: the rest of the call is due a
    second later, and its history says why."""
    channel = Pooled(lanes=2, answer=lambda n: DeliveryResult.retry(n, "HTTP 429", retry_after=0))
    with make_queue(channels={"email": channel}) as queue:
        assert queue.deliver(NINE).counts == {"scheduled": 30}
    never_sent = next(nid for nid in thirty if [nid] not in channel.batches)
    assert history(qstore, never_sent)[-1][2] == (
        "not sent: the provider asked to slow down; queued again, due in 1 s"
        " (not counted as an attempt)"
    )
