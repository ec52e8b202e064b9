"""The pre-send check and its order, leases (expiry, unknown, late workers), heartbeats."""

from __future__ import annotations

import datetime as dt

import pytest

from rulesengine.channels.results import DeliveryResult
from rulesengine.queue import notification_sql, presend_sql
from rulesengine.queue.notification_reads import list_notifications
from tests.queue.helpers import RecordingChannel, chicago, draft, history, save, statuses

NINE = chicago(2026, 2, 1, 9)


# -- pre-send check ----------------------------------------------------------------------------


def test_guarantor_on_hold_is_canceled(qstore, make_queue, recorders) -> None:
    """G3 is on hold: canceled (hold), never handed over."""
    [nid] = save(qstore, draft("G3", at=NINE))
    assert make_queue().deliver(NINE).counts == {"canceled": 1}
    assert history(qstore, nid)[-1] == ("scheduled", "canceled", "hold: the guarantor is on hold")
    assert recorders["email"].calls == []


def test_every_encounter_on_hold_is_canceled(qstore, make_queue) -> None:
    """G4's encounters are all on hold: canceled (hold)."""
    [nid] = save(qstore, draft("G4", at=NINE))
    make_queue().deliver(NINE)
    assert history(qstore, nid)[-1] == (
        "scheduled",
        "canceled",
        "hold: every encounter of the statement is on hold",
    )


def test_one_encounter_on_hold_is_not_enough(qstore, make_queue) -> None:
    """Only when every encounter is on hold does the hold cancel it."""
    qstore.set_hold(encounter_id="E1", hold=True)
    [nid] = save(qstore, draft("G1", at=NINE))
    make_queue().deliver(NINE)
    assert statuses(qstore, [nid]) == ["sent"]


def test_paid_statement_is_canceled(qstore, make_queue) -> None:
    """A statement whose encounters now owe nothing in total is canceled (paid)."""
    [nid] = save(qstore, draft("G1", at=NINE))
    qstore.post_payment("E1", 10_000, dt.date(2026, 2, 1))
    qstore.post_payment("E2", 5_000, dt.date(2026, 2, 1))
    make_queue().deliver(NINE)
    assert history(qstore, nid)[-1] == (
        "scheduled",
        "canceled",
        "paid: the statement's encounters owe nothing now",
    )


def test_credits_count_toward_paid(qstore, make_queue) -> None:
    """G5 owes 40.00 on one encounter and has a 40.00 credit on the other: paid."""
    [nid] = save(qstore, draft("G5", at=NINE))
    make_queue().deliver(NINE)
    assert statuses(qstore, [nid]) == ["canceled"]
    assert history(qstore, nid)[-1][2].startswith("paid")


def test_check_order_opt_out_beats_hold_beats_paid(qstore, make_queue) -> None:
    """Opted out, on hold and paid: suppressed; on hold and paid: canceled (hold)."""
    qstore.set_hold(guarantor_id="G1", hold=True)
    qstore.post_payment("E1", 10_000, dt.date(2026, 2, 1))
    qstore.post_payment("E2", 5_000, dt.date(2026, 2, 1))
    email, text = save(qstore, draft("G1", at=NINE), draft("G1", "text", at=NINE))
    queue = make_queue()
    with queue.store.writing() as conn:
        presend_sql.record_opt_out(conn, "G1", "text", NINE, "inbound STOP")
    queue.deliver(NINE)
    assert history(qstore, text)[-1] == ("scheduled", "suppressed", "opted out (inbound STOP)")
    assert history(qstore, email)[-1] == ("scheduled", "canceled", "hold: the guarantor is on hold")


def test_guarantor_opt_out_flag_suppresses(qstore, make_queue) -> None:
    """The guarantor's sms_opt_out flag counts as an opt-out of text."""
    import attrs

    from rulesengine.store.base import LedgerData

    g1 = qstore.get_guarantor("G1")
    qstore.import_ledger(LedgerData(guarantors=[attrs.evolve(g1, sms_opt_out=True)]))
    email, text = save(qstore, draft("G1", at=NINE), draft("G1", "text", at=NINE))
    make_queue().deliver(NINE)
    assert statuses(qstore, [email, text]) == ["sent", "suppressed"]
    assert history(qstore, text)[-1][2] == "opted out (sms_opt_out on the guarantor)"


def test_window_check_comes_before_the_pre_send_check(qstore, make_queue) -> None:
    """Outside its window a notification is only deferred, whatever else holds."""
    [nid] = save(qstore, draft("G3", at=chicago(2026, 2, 1, 6), window="08:00-21:00"))
    queue = make_queue()
    queue.deliver(chicago(2026, 2, 1, 6))
    assert statuses(qstore, [nid]) == ["scheduled"]
    queue.deliver(chicago(2026, 2, 1, 8))
    assert statuses(qstore, [nid]) == ["canceled"]


# -- leases ------------------------------------------------------------------------------------


class _Crash(BaseException):
    """Stands for a worker process dying (not an Exception: nothing catches it)."""


def test_lease_expiry_before_handing_requeues(qstore, make_queue, recorders, monkeypatch) -> None:
    """A worker that stopped before handing a notification over: it is queued again, and
    the claim's attempt is given back (it never reached the channel)."""
    [nid] = save(qstore, draft("G1", at=NINE))

    def crash(*args, **kwargs):
        raise _Crash

    from rulesengine.queue import Queue

    monkeypatch.setattr(notification_sql, "mark_handed", crash)
    monkeypatch.setattr(Queue, "finish", lambda self, now=None: None)  # the process is gone
    with pytest.raises(_Crash):
        make_queue(worker_id="dead").deliver(NINE)
    monkeypatch.undo()
    assert statuses(qstore, [nid]) == ["sending"]
    queue = make_queue(worker_id="w2")
    assert queue.deliver(NINE + dt.timedelta(minutes=4)).changed == ()
    report = queue.deliver(NINE + dt.timedelta(minutes=5))
    assert statuses(qstore, [nid]) == ["sent"]
    assert report.counts == {"sent": 1}
    assert history(qstore, nid)[2] == (
        "sending",
        "scheduled",
        "lease of dead expired before it was handed to the channel: queued again",
    )
    assert [n.attempt for n in recorders["email"].calls[0]] == [1]


def test_lease_expiry_after_handing_is_unknown(qstore, make_queue, recorders) -> None:
    """A worker that died after handing it over: unknown, and deliver never resends it."""
    [nid] = save(qstore, draft("G1", at=NINE))

    def die(n):
        raise _Crash

    recorders["email"].behaviour = die
    with pytest.raises(_Crash):
        make_queue(worker_id="dead").deliver(NINE)
    recorders["email"].behaviour = None
    queue = make_queue()
    report = queue.deliver(NINE + dt.timedelta(minutes=5), until_empty=True)
    assert report.counts == {"unknown": 1}
    assert history(qstore, nid)[-1] == (
        "sending",
        "unknown",
        "lease of dead expired: the worker stopped after handing it to the channel; "
        "it may have been sent",
    )
    queue.deliver(NINE + dt.timedelta(days=3), until_empty=True)
    assert statuses(qstore, [nid]) == ["unknown"]
    assert len(recorders["email"].calls) == 1


def test_late_worker_does_not_overwrite(qstore, make_queue, recorders) -> None:
    """A result recorded after the lease expired (and the row moved on) is dropped."""
    [nid] = save(qstore, draft("G1", at=NINE))
    other = make_queue(worker_id="w2")

    def slow(n):
        other.expire_leases(NINE + dt.timedelta(minutes=6))
        return DeliveryResult.sent(n, provider_ref="late")

    recorders["email"].behaviour = slow
    report = make_queue(worker_id="w1").deliver(NINE)
    assert statuses(qstore, [nid]) == ["unknown"]
    assert "sent" not in report.counts
    [stored] = list_notifications(qstore)
    assert stored["provider_ref"] is None


def test_heartbeat_extends_this_workers_leases(qstore, make_queue, recorders) -> None:
    """heartbeat() pushes this worker's leases forward; another worker's are untouched."""
    [nid] = save(qstore, draft("G1", at=NINE))
    queue = make_queue(worker_id="w1", lease_seconds=60)
    seen = {}

    def beat(n):
        seen["extended"] = queue.heartbeat(NINE + dt.timedelta(seconds=50))
        seen["other"] = make_queue(worker_id="w9").heartbeat(NINE + dt.timedelta(seconds=50))
        [row] = list_notifications(qstore)
        seen["expires"] = row["lease_expires_at"]
        return DeliveryResult.sent(n)

    recorders["email"].behaviour = beat
    queue.deliver(NINE)
    assert seen == {"extended": 1, "other": 0, "expires": NINE + dt.timedelta(seconds=110)}
    assert statuses(qstore, [nid]) == ["sent"]


def test_two_queues_never_claim_the_same_row(qstore, make_queue, recorders) -> None:
    """Claims are exclusive: a row claimed by one worker is not due for another."""
    ids = save(qstore, draft("G1", at=NINE), draft("G2", at=NINE))
    second = make_queue(worker_id="w2", channels={"email": RecordingChannel()})
    claimed_by_second = []

    def nested(n):
        claimed_by_second.append(second.deliver(NINE).changed)
        return DeliveryResult.sent(n)

    recorders["email"].behaviour = nested
    make_queue(worker_id="w1").deliver(NINE, limit=1)
    # while w1 was sending the first row, w2 claimed only the other one
    assert claimed_by_second == [(ids[1],)]
    assert statuses(qstore, ids) == ["sent", "sent"]


# -- the worker loop ---------------------------------------------------------------------------


def test_run_worker_finishes_its_round_after_the_stop_event(qstore, make_queue, recorders) -> None:
    """The stop event set during a send: the round is recorded, then the loop ends."""
    import threading

    ids = save(qstore, draft("G1", at=NINE), draft("G2", at=NINE))
    stop = threading.Event()

    def stop_then_send(n):
        stop.set()
        return DeliveryResult.sent(n)

    recorders["email"].behaviour = stop_then_send
    queue = make_queue(clock=lambda: NINE)
    assert queue.run_worker(stop, poll_seconds=0.01) == 1
    assert statuses(qstore, ids) == ["sent", "sent"]
