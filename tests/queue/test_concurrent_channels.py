"""A round calls its channels at the same time, each channel object on a thread of its own
(``rulesengine.queue.handoff``), and records their results on the worker's thread, in the
order it called them."""

from __future__ import annotations

import datetime as dt
import threading
import time
from typing import Any

import pytest
from sqlalchemy.exc import DBAPIError

from rulesengine.delivery import DeliveryResult
from rulesengine.plugins import hookimpl
from tests.concurrency.test_round_recovery import _fail_once
from tests.queue.helpers import RecordingChannel, chicago, draft, history, save, statuses

NINE = chicago(2026, 2, 1, 9)


class ThreadNoting:
    """Sends everything, noting the thread of each call and how many calls overlapped."""

    def __init__(self, name: str, address: str, pause: float = 0.0) -> None:
        self.name = name
        self.address = address
        self.pause = pause
        self.threads: list[threading.Thread] = []
        self.handed: list[int] = []
        self.running = 0
        self.most_at_once = 0
        self._lock = threading.Lock()

    def send(self, notifications: list[Any]) -> list[DeliveryResult]:
        with self._lock:
            self.running += 1
            self.most_at_once = max(self.most_at_once, self.running)
        try:
            self.threads.append(threading.current_thread())
            time.sleep(self.pause)
            self.handed.extend(n.id for n in notifications)
            return [DeliveryResult.sent(n) for n in notifications]
        finally:
            with self._lock:
                self.running -= 1


class MeetAtBarrier(ThreadNoting):
    """Sends only when every channel sharing the barrier is in ``send`` at the same time."""

    def __init__(self, name: str, address: str, barrier: threading.Barrier) -> None:
        super().__init__(name, address)
        self.barrier = barrier

    def send(self, notifications: list[Any]) -> list[DeliveryResult]:
        self.barrier.wait()  # BrokenBarrierError after its timeout: a retry
        return super().send(notifications)


def _email_and_text(qstore: Any) -> tuple[int, int]:
    email_id, text_id = save(qstore, draft("G1", at=NINE), draft("G2", "text", at=NINE))
    return email_id, text_id


def test_a_rounds_channels_are_called_at_the_same_time(qstore, make_queue) -> None:
    """Email's send waits until text's send has started, and the other way round: both
    deliver only because the queue called them at once."""
    email_id, text_id = _email_and_text(qstore)
    barrier = threading.Barrier(2, timeout=10)
    channels = {
        "email": MeetAtBarrier("email", "email", barrier),
        "text": MeetAtBarrier("text", "mobile", barrier),
    }
    with make_queue(channels=channels) as queue:
        report = queue.deliver(NINE)
    assert report.counts == {"sent": 2}
    assert statuses(qstore, [email_id, text_id]) == ["sent", "sent"]


def test_each_channel_object_keeps_one_thread_of_its_own(qstore, make_queue) -> None:
    email_id, text_id, later_text, later_email = save(
        qstore,
        draft("G1", at=NINE),
        draft("G2", "text", at=NINE),
        draft("G1", "text", at=NINE),
        draft("G2", at=NINE),
    )
    email, text = ThreadNoting("email", "email"), ThreadNoting("text", "mobile")
    queue = make_queue(channels={"email": email, "text": text}, worker_id="w1")
    queue.deliver(NINE, limit=2)
    queue.deliver(NINE, limit=2)
    assert (email.handed, text.handed) == ([email_id, later_email], [text_id, later_text])
    assert len(set(email.threads)) == len(set(text.threads)) == 1
    assert email.threads[0] != text.threads[0]
    assert email.threads[0].name.startswith("channel-email-w1")
    assert threading.current_thread() not in email.threads + text.threads

    queue.close()
    assert not email.threads[0].is_alive()
    assert not text.threads[0].is_alive()


def test_one_object_under_two_channel_names_is_never_called_twice_at_once(
    qstore, make_queue
) -> None:
    _email_and_text(qstore)
    both = ThreadNoting("email", "email", pause=0.05)
    with make_queue(channels={"email": both, "text": both}) as queue:
        assert queue.deliver(NINE).counts == {"sent": 2}
    assert both.most_at_once == 1
    assert len(set(both.threads)) == 1


def test_results_are_recorded_in_the_order_the_channels_were_called(
    qstore, make_queue, plugin_manager
) -> None:
    """Email is called first and answers last: its results are still recorded first, and
    ``delivery_finished`` follows the same order, on the worker's thread."""
    _email_and_text(qstore)
    seen: list[tuple[str, str]] = []

    class Finished:
        @hookimpl
        def delivery_finished(self, channel: str, results: list[DeliveryResult]) -> None:
            seen.append((channel, threading.current_thread().name))

    plugin_manager.register(Finished())
    channels = {
        "email": ThreadNoting("email", "email", pause=0.2),
        "text": ThreadNoting("text", "mobile"),
    }
    with make_queue(channels=channels) as queue:
        queue.deliver(NINE)
    main = threading.current_thread().name
    assert seen == [("email", main), ("text", main)]


def test_a_channel_that_raises_on_its_thread_is_retried_and_the_other_is_sent(
    qstore, make_queue
) -> None:
    email_id, text_id = _email_and_text(qstore)

    def down(n: Any) -> DeliveryResult:
        raise ConnectionRefusedError("smtp.example.org:587 refused the connection")

    channels = {
        "email": RecordingChannel("email", "email", down),
        "text": ThreadNoting("text", "mobile"),
    }
    with make_queue(channels=channels) as queue:
        report = queue.deliver(NINE)
    assert report.counts == {"scheduled": 1, "sent": 1}
    assert statuses(qstore, [email_id, text_id]) == ["scheduled", "sent"]
    assert "refused the connection" in (history(qstore, email_id)[-1][2] or "")


def test_results_not_yet_recorded_when_the_database_fails_are_kept_for_the_next_round(
    qstore, make_queue, monkeypatch
) -> None:
    """Recording email's results fails; text had been sent at the same time. Both results
    are recorded next round, and neither notification is handed over again."""
    email_id, text_id = _email_and_text(qstore)
    email, text = ThreadNoting("email", "email"), ThreadNoting("text", "mobile", pause=0.1)
    queue = make_queue(channels={"email": email, "text": text})
    _fail_once(
        monkeypatch,
        "change_statuses",
        lambda conn, changes, *a, **k: any(c.new_status == "sent" for c in changes),
    )
    with pytest.raises(DBAPIError):
        queue.deliver(NINE)
    assert statuses(qstore, [email_id, text_id]) == ["sending", "sending"]

    report = queue.deliver(NINE + dt.timedelta(seconds=5))
    queue.close()
    assert report.counts == {"sent": 2}
    assert (email.handed, text.handed) == ([email_id], [text_id])
    for nid in (email_id, text_id):
        assert [h[:2] for h in history(qstore, nid)] == [
            (None, "scheduled"),
            ("scheduled", "sending"),
            ("sending", "sent"),
        ]


def test_without_concurrent_channels_every_call_runs_on_the_callers_thread(
    qstore, make_queue
) -> None:
    _email_and_text(qstore)
    email, text = ThreadNoting("email", "email"), ThreadNoting("text", "mobile")
    queue = make_queue(channels={"email": email, "text": text}, concurrent_channels=False)
    assert queue.deliver(NINE).counts == {"sent": 2}
    assert email.threads == text.threads == [threading.current_thread()]


# -- rounds overlap: the next round's claim runs while this round's calls are sending --------


def test_the_next_round_claims_while_this_rounds_call_is_still_sending(
    qstore, make_queue, plugin_manager
) -> None:
    """The first email's send returns only once the second email was claimed, which
    happens in the next round: rounds overlap. Each is still handed over once, one call
    at a time."""
    first, second = save(qstore, draft("G1", at=NINE), draft("G2", at=NINE))
    second_claimed = threading.Event()

    class WatchClaims:
        @hookimpl
        def notification_status_changed(self, notification_id: int, new_status: str) -> None:
            if notification_id == second and new_status == "sending":
                second_claimed.set()

    class WaitForTheNextClaim(ThreadNoting):
        def send(self, notifications: list[Any]) -> list[DeliveryResult]:
            if notifications[0].id == first and not second_claimed.wait(10):
                raise TimeoutError("the next round did not claim while this call was sending")
            return super().send(notifications)

    plugin_manager.register(WatchClaims())
    email = WaitForTheNextClaim("email", "email")
    with make_queue(channels={"email": email}) as queue:
        report = queue.deliver(NINE, until_empty=True, limit=1)
    assert report.counts == {"sent": 2}
    assert email.handed == [first, second]
    assert email.most_at_once == 1
    assert [h[:2] for h in history(qstore, first)][-2:] == [
        ("scheduled", "sending"),
        ("sending", "sent"),
    ]


def test_a_call_left_sending_when_the_next_claim_fails_is_recorded_next_round(
    qstore, make_queue, monkeypatch
) -> None:
    """Round 1 hands the first email over; round 2's claim fails on a dropped connection.
    The first email's result is kept and recorded by the next delivery, never resent."""
    first, second = save(qstore, draft("G1", at=NINE), draft("G2", at=NINE))
    claims: list[int] = []
    _fail_once(monkeypatch, "due_rows", lambda *a, **k: claims.append(1) or len(claims) == 2)
    email = ThreadNoting("email", "email", pause=0.1)
    queue = make_queue(channels={"email": email})
    with pytest.raises(DBAPIError):
        queue.deliver(NINE, until_empty=True, limit=1)
    assert statuses(qstore, [first, second]) == ["sending", "scheduled"]

    report = queue.deliver(NINE + dt.timedelta(seconds=5), until_empty=True)
    assert report.counts == {"sent": 2}
    assert email.handed == [first, second]
    assert [h[:2] for h in history(qstore, first)] == [
        (None, "scheduled"),
        ("scheduled", "sending"),
        ("sending", "sent"),
    ]


def test_a_stopping_worker_records_the_calls_its_last_round_left_sending(
    qstore, make_queue, plugin_manager
) -> None:
    [nid] = save(qstore, draft("G1", at=NINE))
    stop = threading.Event()

    class StopAfterTheClaim:
        @hookimpl
        def notification_status_changed(self, new_status: str) -> None:
            if new_status == "sending":
                stop.set()

    plugin_manager.register(StopAfterTheClaim())
    email = ThreadNoting("email", "email", pause=0.1)
    with make_queue(channels={"email": email}, clock=lambda: NINE) as queue:
        assert queue.run_worker(stop, poll_seconds=0.01) == 1
    assert email.handed == [nid]
    assert statuses(qstore, [nid]) == ["sent"]


def test_the_heartbeat_renews_the_leases_of_calls_in_flight(qstore, make_queue) -> None:
    """A send that outlasts the lease: the worker renews the lease while it runs, so
    another worker expiring leases in the meantime finds nothing to expire."""
    [nid] = save(qstore, draft("G1", at=NINE))
    other = make_queue(worker_id="w2")
    expired: list[Any] = []

    class Slow(ThreadNoting):
        def send(self, notifications: list[Any]) -> list[DeliveryResult]:
            time.sleep(2.5)
            expired.extend(other.expire_leases())
            return super().send(notifications)

    queue = make_queue(channels={"email": Slow("email", "email")}, lease_seconds=1.5)
    assert queue.deliver().counts == {"sent": 1}
    assert expired == []
    assert statuses(qstore, [nid]) == ["sent"]
