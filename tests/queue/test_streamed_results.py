"""Results as they happen: a channel's ``send`` yields each result as soon as it is known,
and the queue records it while ``send`` is still running (``rulesengine.queue.
streamed_results``), on SQLite (a file) and PostgreSQL."""

from __future__ import annotations

import threading
from collections.abc import Iterator
from typing import Any

import pytest
from sqlalchemy.exc import DBAPIError

from rulesengine.channels.channel_calls import NO_RESULT
from rulesengine.channels.manager import hookimpl
from rulesengine.channels.results import DeliveryResult
from rulesengine.queue import streamed_results
from rulesengine.queue.streamed_results import FLUSH_AFTER, FLUSH_EVERY
from tests.queue.helpers import chicago, draft, history, save, statuses

NINE = chicago(2026, 2, 1, 9)


def _two_emails(qstore: Any) -> list[int]:
    return save(qstore, draft("G1", at=NINE), draft("G2", at=NINE))


class YieldsThenWaits:
    """Yields a result for the first ``first`` notifications, then waits for ``go`` before
    yielding the others (or raising ``then_raise``)."""

    name = "email"
    address = "email"

    def __init__(self, first: int, then_raise: Exception | None = None) -> None:
        self.first = first
        self.then_raise = then_raise
        self.waiting = threading.Event()
        self.go = threading.Event()

    def send(self, notifications: list[Any]) -> Iterator[DeliveryResult]:
        for n in notifications[: self.first]:
            yield DeliveryResult.sent(n, provider_ref=f"ref-{n.id}")
        self.waiting.set()
        assert self.go.wait(30)
        if self.then_raise is not None:
            raise self.then_raise
        for n in notifications[self.first :]:
            yield DeliveryResult.sent(n)


def _deliver_in_background(queue: Any) -> tuple[threading.Thread, dict[str, Any]]:
    out: dict[str, Any] = {}
    thread = threading.Thread(target=lambda: out.update(report=queue.deliver(NINE)))
    thread.start()
    return thread, out


def _wait_for(condition: Any, seconds: float = 10) -> bool:
    ended = threading.Event()
    for _ in range(int(seconds / 0.02)):
        if condition():
            return True
        ended.wait(0.02)
    return bool(condition())


@pytest.mark.parametrize(
    ("every", "after"), [(FLUSH_EVERY, FLUSH_AFTER), (1, 600.0)], ids=["timer", "count"]
)
def test_yielded_results_are_recorded_while_send_still_runs(
    qstore, make_queue, plugin_manager, monkeypatch, every, after
) -> None:
    """Recorded by the timer (the default: 50 ms), or on the channel's thread once
    ``FLUSH_EVERY`` results are waiting (here 1, the timer out of the way)."""
    monkeypatch.setattr(streamed_results, "FLUSH_EVERY", every)
    monkeypatch.setattr(streamed_results, "FLUSH_AFTER", after)
    ids = _two_emails(qstore)
    finished: list[list[int]] = []
    changed: list[tuple[int, str, threading.Thread]] = []

    class Finished:
        @hookimpl
        def delivery_finished(self, channel: str, results: list[DeliveryResult]) -> None:
            finished.append([r.notification_id for r in results])

        @hookimpl
        def notification_status_changed(
            self, notification_id: int, old_status: Any, new_status: str, detail: Any
        ) -> None:
            changed.append((notification_id, new_status, threading.current_thread()))

    plugin_manager.register(Finished())
    channel = YieldsThenWaits(first=1)
    queue = make_queue(channels={"email": channel})
    thread, out = _deliver_in_background(queue)
    try:
        assert channel.waiting.wait(10)
        # send is blocked in the middle: its first result are in the store already.
        _wait_for(lambda: statuses(qstore, ids) == ["sent", "sending"])
        assert statuses(qstore, ids) == ["sent", "sending"]
        assert history(qstore, ids[0])[-1] == (
            "sending",
            "sent",
            f"provider reference ref-{ids[0]}",
        )
        # The observers are told on the worker's thread, when the call has ended.
        assert finished == []
        assert [c[:2] for c in changed] == [(ids[0], "sending"), (ids[1], "sending")]
    finally:
        channel.go.set()
        thread.join(30)
    queue.close()
    assert statuses(qstore, ids) == ["sent"] * 2
    assert out["report"].counts == {"sent": 2}
    assert finished == [ids]  # once, with every result of the call, in order
    assert [c[:2] for c in changed[2:]] == [(ids[0], "sent"), (ids[1], "sent")]
    assert {c[2] for c in changed} == {thread}
    for nid in ids:  # each recorded once
        assert [h[:2] for h in history(qstore, nid)].count(("sending", "sent")) == 1


def test_an_exception_mid_stream_keeps_what_was_yielded_and_retries_the_rest(
    qstore, make_queue
) -> None:
    ids = _two_emails(qstore)
    channel = YieldsThenWaits(first=1, then_raise=ConnectionResetError("smtp went away"))
    channel.go.set()
    with make_queue(channels={"email": channel}) as queue:
        report = queue.deliver(NINE)
    assert report.counts == {"sent": 1, "scheduled": 1}
    assert statuses(qstore, ids) == ["sent", "scheduled"]
    detail = history(qstore, ids[1])[-1][2] or ""
    assert detail.startswith(
        f"{NO_RESULT} (producing its results raised ConnectionResetError: smtp went away)"
    )


def test_strange_results_in_a_stream_are_handled_as_in_a_list(qstore, make_queue) -> None:
    """A result for an id not handed over is ignored, a second one for a notification does
    not count, and a notification without one is retried."""
    ids = _two_emails(qstore)

    class Odd:
        name = "email"
        address = "email"

        def send(self, notifications: list[Any]) -> Iterator[DeliveryResult]:
            yield DeliveryResult.sent(notifications[0])
            yield DeliveryResult.sent(10_000)
            yield DeliveryResult.failed(notifications[0], "too late")

    with make_queue(channels={"email": Odd()}) as queue:
        report = queue.deliver(NINE)
    assert report.counts == {"sent": 1, "scheduled": 1}
    assert statuses(qstore, ids) == ["sent", "scheduled"]
    assert NO_RESULT in (history(qstore, ids[1])[-1][2] or "")


def test_a_list_is_still_recorded_in_one_transaction_with_the_call(qstore, make_queue) -> None:
    ids = _two_emails(qstore)

    class Plain:
        name = "email"
        address = "email"

        def send(self, notifications: list[Any]) -> list[DeliveryResult]:
            return [DeliveryResult.sent(n) for n in notifications]

    with make_queue(channels={"email": Plain()}) as queue:
        assert queue.deliver(NINE).counts == {"sent": 2}
    assert statuses(qstore, ids) == ["sent"] * 2


def test_results_a_database_error_kept_back_are_recorded_with_the_call(
    qstore, make_queue, monkeypatch
) -> None:
    """Recording the streamed result fails: it waits, and is recorded (once) when the call
    ends, with the rest."""
    ids = _two_emails(qstore)
    real = streamed_results.record_results
    failed: list[int] = []

    def fails(*args, **kwargs):
        failed.append(1)
        raise DBAPIError("UPDATE", {}, OSError("connection lost"))

    monkeypatch.setattr(streamed_results, "record_results", fails)
    channel = YieldsThenWaits(first=1)
    queue = make_queue(channels={"email": channel})
    thread, out = _deliver_in_background(queue)
    try:
        assert channel.waiting.wait(10)
        assert _wait_for(lambda: bool(failed))
        assert statuses(qstore, ids) == ["sending", "sending"]
    finally:
        monkeypatch.setattr(streamed_results, "record_results", real)
        channel.go.set()
        thread.join(30)
    queue.close()
    assert out["report"].counts == {"sent": 2}
    assert statuses(qstore, ids) == ["sent", "sent"]
    assert [h[:2] for h in history(qstore, ids[0])].count(("sending", "sent")) == 1
