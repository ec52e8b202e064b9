"""A round calls its channels at the same time, each channel object on a thread of its own
(``rulesengine.queue.handoff``), and records their results on the worker's thread as each
returns; rounds overlap (a round records the round before's calls while its own send)."""

from __future__ import annotations

import datetime as dt
import threading
import time
from typing import Any

import pytest
from sqlalchemy.exc import DBAPIError

from rulesengine.channels.manager import hookimpl
from rulesengine.channels.results import DeliveryResult
from rulesengine.queue import claim_sql
from rulesengine.queue.notification_reads import list_notifications
from tests.concurrency.test_round_recovery import _fail_once, _fail_recording_sent_once
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


class OutlastsTheLease(ThreadNoting):
    """Its first call takes ``seconds`` (longer than the lease); then, before it answers,
    ``other`` (another worker's queue) expires whatever leases ran out, into ``expired``."""

    def __init__(self, name: str, address: str, other: Any, seconds: float) -> None:
        super().__init__(name, address)
        self.other = other
        self.seconds = seconds
        self.expired: list[Any] = []
        self.attempts: list[int] = []

    def send(self, notifications: list[Any]) -> list[DeliveryResult]:
        if not self.attempts:
            time.sleep(self.seconds)
            self.expired.extend(self.other.expire_leases())
        self.attempts.extend(n.attempt for n in notifications)
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


def test_results_are_recorded_as_each_call_returns_on_the_workers_thread(
    qstore, make_queue, plugin_manager
) -> None:
    """Email is called first and answers last: text's results are recorded first, not held
    up by email, and ``delivery_finished`` follows the same order, on the worker's thread."""
    _email_and_text(qstore)
    seen: list[tuple[str, threading.Thread]] = []

    class Finished:
        @hookimpl
        def delivery_finished(self, channel: str, results: list[DeliveryResult]) -> None:
            seen.append((channel, threading.current_thread()))

    plugin_manager.register(Finished())
    channels = {
        "email": ThreadNoting("email", "email", pause=0.5),
        "text": ThreadNoting("text", "mobile"),
    }
    with make_queue(channels=channels) as queue:
        queue.deliver(NINE)
    main = threading.current_thread()
    assert seen == [("text", main), ("email", main)]


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
    _fail_recording_sent_once(monkeypatch)
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
    claimed_twice = lambda *a, **k: claims.append(1) or len(claims) == 2  # noqa: E731
    _fail_once(monkeypatch, "due_rows", claimed_twice, module=claim_sql)
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
    email = OutlastsTheLease("email", "email", make_queue(worker_id="w2"), seconds=2.5)
    queue = make_queue(channels={"email": email}, lease_seconds=1.8)
    assert queue.deliver().counts == {"sent": 1}
    assert email.expired == []
    assert statuses(qstore, [nid]) == ["sent"]


def test_the_heartbeat_renews_only_notifications_handed_to_a_channel(qstore, make_queue) -> None:
    """A claim still waiting for its hand-over is not renewed by the heartbeat."""
    from rulesengine.queue import notification_sql
    from rulesengine.store import tables
    from rulesengine.store.rows import as_utc

    handed, waiting = save(qstore, draft("G1", at=NINE), draft("G2", at=NINE))
    lease_end = as_utc(NINE + dt.timedelta(minutes=5))
    with qstore.writing() as conn:
        for nid in (handed, waiting):
            conn.execute(
                tables.notifications.update()
                .where(tables.notifications.c.id == nid)
                .values(status="sending", lease_owner="w1", lease_expires_at=lease_end)
            )
        notification_sql.mark_handed(conn, [handed], "w1", NINE)
        renewed = notification_sql.extend_leases(
            conn, "w1", NINE + dt.timedelta(minutes=10), [handed, waiting]
        )
    assert renewed == 1
    leases = {n["id"]: n["lease_expires_at"] for n in list_notifications(qstore)}
    assert leases[waiting] == lease_end
    assert leases[handed] == NINE + dt.timedelta(minutes=10)


def test_a_free_channel_is_handed_its_batch_while_a_busy_one_still_sends(
    qstore, make_queue, recorders
) -> None:
    """Round 1 calls email (which blocks) and print; round 2 claims a second email and a
    text: the text is handed over and sent while email still sends the first batch, and
    the second email is stamped ``handed_at`` only once email took it."""
    first, letter, second, text = save(
        qstore,
        draft("G1", at=NINE),
        draft("G1", "print", at=NINE),
        draft("G2", at=NINE),
        draft("G2", "text", at=NINE),
    )
    text_sent = threading.Event()
    handed_while_busy: list[Any] = []

    class Texts(ThreadNoting):
        def send(self, notifications: list[Any]) -> list[DeliveryResult]:
            try:
                return super().send(notifications)
            finally:
                text_sent.set()

    class BlockUntilTheTextIsSent(ThreadNoting):
        def send(self, notifications: list[Any]) -> list[DeliveryResult]:
            if notifications[0].id == first:
                if not text_sent.wait(10):
                    raise TimeoutError("the text waited for the busy email channel")
                time.sleep(0.2)  # the main thread would have stamped the second email by now
                row = {n["id"]: n for n in list_notifications(qstore)}[second]
                handed_while_busy.append(row["handed_at"])
            return super().send(notifications)

    email = BlockUntilTheTextIsSent("email", "email")
    channels = {"email": email, "text": Texts("text", "mobile"), "print": recorders["print"]}
    with make_queue(channels=channels) as queue:
        report = queue.deliver(NINE, until_empty=True, limit=2)
    assert report.counts == {"sent": 4}
    assert email.handed == [first, second]
    assert handed_while_busy == [None]
    assert statuses(qstore, [first, letter, second, text]) == ["sent"] * 4


def test_a_channel_ending_in_system_exit_is_left_as_a_dead_worker_leaves_it(
    qstore, make_queue
) -> None:
    """What ``call_channel`` does not catch (``SystemExit`` from a plugin, on the channel's
    thread) ends delivery as it would end the worker: the other channel's results are
    recorded first, and the exiting channel's notifications stay ``sending`` until their
    lease makes them ``unknown`` (they may have gone out, so they are not retried)."""
    email_id, text_id = _email_and_text(qstore)

    class Exits(ThreadNoting):
        def send(self, notifications: list[Any]) -> list[DeliveryResult]:
            raise SystemExit(3)

    channels = {"email": Exits("email", "email"), "text": ThreadNoting("text", "mobile")}
    with make_queue(channels=channels) as queue, pytest.raises(SystemExit):
        queue.deliver(NINE)
    assert statuses(qstore, [email_id, text_id]) == ["sending", "sent"]
    make_queue(worker_id="w2").expire_leases(NINE + dt.timedelta(hours=1))
    assert statuses(qstore, [email_id]) == ["unknown"]


def test_calls_left_sending_by_an_unexpected_error_are_recorded_before_it_propagates(
    qstore, make_queue, monkeypatch
) -> None:
    first, second = save(qstore, draft("G1", at=NINE), draft("G2", at=NINE))
    real = claim_sql.due_rows
    claims: list[int] = []

    def broken_second_claim(*args: Any, **kwargs: Any) -> Any:
        claims.append(1)
        if len(claims) == 2:
            raise RuntimeError("a bug in the claim")
        return real(*args, **kwargs)

    monkeypatch.setattr(claim_sql, "due_rows", broken_second_claim)
    email = ThreadNoting("email", "email", pause=0.1)
    queue = make_queue(channels={"email": email})
    with pytest.raises(RuntimeError, match="a bug in the claim"):
        queue.deliver(NINE, until_empty=True, limit=1)
    assert statuses(qstore, [first, second]) == ["sent", "scheduled"]


def test_close_records_what_a_database_error_left_in_memory(
    qstore, make_queue, monkeypatch
) -> None:
    [nid] = save(qstore, draft("G1", at=NINE))
    _fail_recording_sent_once(monkeypatch)
    queue = make_queue(clock=lambda: NINE)
    with pytest.raises(DBAPIError):
        queue.deliver()
    assert statuses(qstore, [nid]) == ["sending"]
    queue.close()
    assert statuses(qstore, [nid]) == ["sent"]


def test_no_heartbeat_on_an_in_memory_store() -> None:
    """An in-memory store has one connection, which a heartbeat thread would share."""
    from rulesengine.queue import Queue
    from rulesengine.store import open_store
    from tests.queue.helpers import ledger

    store = open_store("sqlite://")
    store.import_ledger(ledger())
    save(store, draft("G1", at=NINE))
    seen: list[str] = []

    class Watch(ThreadNoting):
        def send(self, notifications: list[Any]) -> list[DeliveryResult]:
            seen.extend(t.name for t in threading.enumerate())
            return super().send(notifications)

    with Queue(store, channels={"email": Watch("email", "email")}, worker_id="m") as queue:
        assert queue.deliver().counts == {"sent": 1}
    assert seen and not [name for name in seen if name.startswith("heartbeat-")]
    store.close()


def test_inline_each_call_is_handed_over_just_before_it_runs(qstore, make_queue) -> None:
    email_id, text_id = _email_and_text(qstore)
    seen: list[Any] = []

    class LookAtTheText(ThreadNoting):
        def send(self, notifications: list[Any]) -> list[DeliveryResult]:
            seen.append({n["id"]: n["handed_at"] for n in list_notifications(qstore)}[text_id])
            return super().send(notifications)

    channels = {"email": LookAtTheText("email", "email"), "text": ThreadNoting("text", "mobile")}
    queue = make_queue(channels=channels, concurrent_channels=False)
    assert queue.deliver(NINE).counts == {"sent": 2}
    assert seen == [None]


def test_a_claim_waiting_for_its_busy_channel_keeps_its_lease(qstore, make_queue) -> None:
    """The first email's send outlasts the lease; the second email, claimed meanwhile by the
    next round, waits for the busy channel. The worker renews both, so another worker
    expiring leases finds nothing, and the second goes out on its first attempt."""
    first, second = save(qstore, draft("G1", at=NINE), draft("G2", at=NINE))
    email = OutlastsTheLease("email", "email", make_queue(worker_id="w2"), seconds=3.0)
    with make_queue(channels={"email": email}, lease_seconds=1.8) as queue:
        assert queue.deliver(until_empty=True, limit=1).counts == {"sent": 2}
    assert email.expired == []
    assert email.handed == [first, second]
    assert email.attempts == [1, 1]


def test_inline_the_rounds_later_claims_keep_their_lease_while_an_earlier_call_runs(
    qstore, make_queue
) -> None:
    email_id, text_id = _email_and_text(qstore)
    email = OutlastsTheLease("email", "email", make_queue(worker_id="w2"), seconds=3.0)
    channels = {"email": email, "text": ThreadNoting("text", "mobile")}
    queue = make_queue(channels=channels, lease_seconds=1.8, concurrent_channels=False)
    assert queue.deliver().counts == {"sent": 2}
    assert email.expired == []
    assert statuses(qstore, [email_id, text_id]) == ["sent", "sent"]


def test_claims_are_queued_again_when_reading_a_channels_settings_fails(qstore, make_queue) -> None:
    """The database fails while the round builds its channel objects: nothing was handed
    over, so every claim is queued again at the next round, its attempt given back."""
    from tests.concurrency.test_round_recovery import _dropped

    email_id, text_id = _email_and_text(qstore)
    email, text = ThreadNoting("email", "email"), ThreadNoting("text", "mobile")
    queue = make_queue(channels={"email": email, "text": text})
    real = queue.channels.instance
    failed: list[bool] = []

    def flaky(*args: Any) -> Any:
        if not failed:
            failed.append(True)
            _dropped()
        return real(*args)

    queue.channels.instance = flaky  # type: ignore[method-assign]
    with pytest.raises(DBAPIError):
        queue.deliver(NINE)
    assert statuses(qstore, [email_id, text_id]) == ["sending", "sending"]
    assert queue.deliver(NINE).counts == {"sent": 2}
    assert (email.handed, text.handed) == ([email_id], [text_id])
    assert [h[1] for h in history(qstore, email_id)] == [
        "scheduled",
        "sending",
        "scheduled",
        "sending",
        "sent",
    ]


def test_system_exit_from_a_channel_still_ends_delivery_after_a_database_error(
    qstore, make_queue, monkeypatch
) -> None:
    """Recording text's results fails; email's send then ends in SystemExit. Delivery ends
    with the SystemExit (not the database error), after text's results are recorded."""
    email_id, text_id = _email_and_text(qstore)

    class SlowExit(ThreadNoting):
        def send(self, notifications: list[Any]) -> list[DeliveryResult]:
            time.sleep(0.3)
            raise SystemExit(3)

    _fail_recording_sent_once(monkeypatch)
    channels = {"email": SlowExit("email", "email"), "text": ThreadNoting("text", "mobile")}
    with make_queue(channels=channels) as queue, pytest.raises(SystemExit):
        queue.deliver(NINE)
    assert statuses(qstore, [email_id, text_id]) == ["sending", "sent"]


def test_ctrl_c_before_the_hand_over_queues_the_claims_again_at_once(
    qstore, make_queue, monkeypatch
) -> None:
    from rulesengine.queue import notification_sql

    [nid] = save(qstore, draft("G1", at=NINE))

    def interrupted(*args: Any, **kwargs: Any) -> Any:
        raise KeyboardInterrupt

    monkeypatch.setattr(notification_sql, "mark_handed", interrupted)
    with pytest.raises(KeyboardInterrupt):
        make_queue().deliver(NINE)
    assert statuses(qstore, [nid]) == ["scheduled"]
    assert {n["id"]: n["attempt"] for n in list_notifications(qstore)}[nid] == 0


def test_renewing_waiting_claims_never_revives_a_lapsed_one(qstore) -> None:
    from rulesengine.queue import notification_sql
    from rulesengine.store import tables
    from rulesengine.store.rows import as_utc

    alive, lapsed = save(qstore, draft("G1", at=NINE), draft("G2", at=NINE))
    with qstore.writing() as conn:
        for nid, ends in ((alive, NINE + dt.timedelta(minutes=5)), (lapsed, NINE)):
            conn.execute(
                tables.notifications.update()
                .where(tables.notifications.c.id == nid)
                .values(status="sending", lease_owner="w1", lease_expires_at=as_utc(ends))
            )
        renewed = notification_sql.extend_leases(
            conn,
            "w1",
            NINE + dt.timedelta(minutes=10),
            [alive, lapsed],
            handed_only=False,
            alive_at=NINE + dt.timedelta(minutes=1),
        )
    assert renewed == 1
    leases = {n["id"]: n["lease_expires_at"] for n in list_notifications(qstore)}
    assert leases[alive] == NINE + dt.timedelta(minutes=10)
    assert leases[lapsed] == NINE
