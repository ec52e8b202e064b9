"""Staff actions (retry, cancel, resolve), the opt-out ledger and the observer hooks."""

from __future__ import annotations

import datetime as dt

import pytest
from sqlalchemy import select

from rulesengine import hookimpl
from rulesengine.channels.results import DeliveryResult
from rulesengine.errors import RulesengineError
from rulesengine.queue.notification_reads import list_notifications
from rulesengine.store.tables import opt_outs
from tests.queue.helpers import chicago, draft, history, save, statuses

NINE = chicago(2026, 2, 1, 9)
TEN = chicago(2026, 2, 1, 10)


def _failing(recorders) -> None:
    recorders["email"].behaviour = lambda n: DeliveryResult.failed(n, "SMTP 550 from mx:25")


def _unknown(qstore, make_queue, recorders) -> int:
    """A notification left unknown by a worker that died after handing it over."""

    class Died(BaseException):
        pass

    def die(n):
        raise Died

    [nid] = save(qstore, draft("G2", at=NINE))
    recorders["email"].behaviour = die
    with pytest.raises(Died):
        make_queue(worker_id="dead").deliver(NINE)
    recorders["email"].behaviour = None
    make_queue().expire_leases(NINE + dt.timedelta(hours=1))
    assert statuses(qstore, [nid]) == ["unknown"]
    return nid


# -- retry / cancel / resolve -------------------------------------------------------------------


def test_retry_an_error_schedules_it_now_keeping_the_attempt(qstore, make_queue, recorders) -> None:
    """error -> scheduled, due at once; the attempt count is kept."""
    _failing(recorders)
    [nid] = save(qstore, draft("G1", at=NINE))
    queue = make_queue()
    queue.deliver(NINE)
    recorders["email"].behaviour = None
    [t] = queue.retry([nid], TEN)
    assert (t.old_status, t.new_status, t.detail) == ("error", "scheduled", "retried by staff")
    [stored] = list_notifications(qstore)
    assert (stored["status"], stored["attempt"], stored["next_attempt_at"]) == ("scheduled", 1, TEN)
    queue.deliver(TEN)
    assert statuses(qstore, [nid]) == ["sent"]
    assert recorders["email"].calls[-1][0].attempt == 2


def test_cancel_scheduled_and_error(qstore, make_queue, recorders) -> None:
    """scheduled and error notifications can be canceled; canceled ones are not sent."""
    ids = save(qstore, draft("G1", at=NINE), draft("G2", at=TEN))
    _failing(recorders)
    queue = make_queue()
    queue.deliver(NINE)
    assert statuses(qstore, ids) == ["error", "scheduled"]
    queue.cancel(ids, TEN)
    assert statuses(qstore, ids) == ["canceled", "canceled"]
    assert history(qstore, ids[1])[-1] == ("scheduled", "canceled", "canceled by staff")
    queue.deliver(TEN, until_empty=True)
    assert statuses(qstore, ids) == ["canceled", "canceled"]


def test_refused_action_changes_nothing(qstore, make_queue, recorders) -> None:
    """One id in a wrong status (or unknown) refuses the whole action, naming each."""
    ids = save(qstore, draft("G1", at=NINE), draft("G2", at=TEN))
    queue = make_queue()
    queue.deliver(NINE)
    assert statuses(qstore, ids) == ["sent", "scheduled"]
    with pytest.raises(RulesengineError) as refused:
        queue.cancel([ids[1], ids[0], 999], TEN)
    assert str(refused.value) == (
        f"nothing changed: notification {ids[0]} is sent: only scheduled or error or unknown "
        "notifications can be canceled; no notification 999"
    )
    assert statuses(qstore, ids) == ["sent", "scheduled"]
    with pytest.raises(RulesengineError, match=f"notification {ids[1]} is scheduled: only error"):
        queue.retry([ids[1]], TEN)
    with pytest.raises(RulesengineError, match=f"notification {ids[1]} is scheduled: only unknown"):
        queue.resolve([ids[1]], "sent", TEN)
    with pytest.raises(RulesengineError, match="resolve as 'sent' or 'resend'"):
        queue.resolve([ids[1]], "maybe", TEN)


def test_resolve_unknown_as_sent(qstore, make_queue, recorders) -> None:
    """Staff confirmed it went out: unknown -> sent, never handed again."""
    nid = _unknown(qstore, make_queue, recorders)
    make_queue().resolve([nid], "sent", TEN)
    assert history(qstore, nid)[-1] == (
        "unknown",
        "sent",
        "unknown resolved by staff: confirmed sent",
    )
    make_queue().deliver(TEN + dt.timedelta(days=1), until_empty=True)
    assert len(recorders["email"].calls) == 1


def test_resolve_unknown_by_resending(qstore, make_queue, recorders) -> None:
    """unknown -> scheduled now, and the next round sends it again."""
    nid = _unknown(qstore, make_queue, recorders)
    queue = make_queue()
    queue.resolve([nid], "resend", TEN)
    assert history(qstore, nid)[-1] == ("unknown", "scheduled", "unknown resolved by resending")
    queue.deliver(TEN)
    assert statuses(qstore, [nid]) == ["sent"]
    assert len(recorders["email"].calls) == 2


def test_retry_and_cancel_apply_to_unknown(qstore, make_queue, recorders) -> None:
    """unknown can also be retried or canceled."""
    nid = _unknown(qstore, make_queue, recorders)
    queue = make_queue()
    queue.cancel([nid], TEN)
    queue.retry([nid], TEN)
    assert [h[1] for h in history(qstore, nid)[-2:]] == ["canceled", "scheduled"]


# -- opt-outs ------------------------------------------------------------------------------


def test_opt_out_suppresses_what_is_queued(qstore, make_queue, recorders) -> None:
    """An inbound STOP: recorded with time and source; queued texts are suppressed."""
    email, text, later_text = save(
        qstore,
        draft("G1", at=NINE),
        draft("G1", "text", at=NINE),
        draft("G2", "text", at=NINE),
    )
    queue = make_queue()
    assert queue.opt_out("G1", "text", source="inbound STOP", now=NINE) == [text]
    assert statuses(qstore, [email, text, later_text]) == ["scheduled", "suppressed", "scheduled"]
    assert history(qstore, text)[-1] == ("scheduled", "suppressed", "opted out (inbound STOP)")
    with qstore.reading() as conn:
        rows = conn.execute(
            select(opt_outs.c.guarantor_id, opt_outs.c.channel, opt_outs.c.source)
        ).all()
    assert [tuple(r) for r in rows] == [("G1", "text", "inbound STOP")]


def test_opt_out_applies_to_later_notifications(qstore, make_queue, recorders) -> None:
    """A notification queued after the opt-out is suppressed by the pre-send check."""
    queue = make_queue()
    queue.opt_out("G1", "email", now=NINE)
    [nid] = save(qstore, draft("G1", at=TEN))
    queue.deliver(TEN)
    assert history(qstore, nid)[-1] == ("scheduled", "suppressed", "opted out (staff)")


def test_opt_out_refuses_unknown_guarantor_or_channel(qstore, make_queue) -> None:
    queue = make_queue()
    with pytest.raises(RulesengineError, match="no guarantor 'G404'"):
        queue.opt_out("G404", "text", now=NINE)
    with pytest.raises(
        RulesengineError, match="unknown channel 'sms'; the channels are email, print, text"
    ):
        queue.opt_out("G1", "sms", now=NINE)


# -- observers ----------------------------------------------------------------------------------


class Recorder:
    def __init__(self) -> None:
        self.changes: list[tuple[int, str | None, str, str | None]] = []
        self.finished: list[tuple[str, list[str]]] = []

    @hookimpl
    def notification_status_changed(self, notification_id, old_status, new_status, detail):
        self.changes.append((notification_id, old_status, new_status, detail))

    @hookimpl
    def delivery_finished(self, channel, results):
        self.finished.append((channel, [r.outcome for r in results]))


class Broken:
    @hookimpl
    def notification_status_changed(self, notification_id):
        raise RuntimeError("observer bug")

    @hookimpl
    def delivery_finished(self, channel):
        raise RuntimeError("observer bug")


def test_observers_hear_every_change_and_a_broken_one_is_ignored(
    qstore, make_queue, recorders, plugin_manager
) -> None:
    """Status changes and finished sends reach observers; one that raises changes nothing."""
    recorder = Recorder()
    plugin_manager.register(Broken(), name="broken")
    plugin_manager.register(recorder, name="recorder")
    email, text = save(qstore, draft("G1", at=NINE), draft("G3", "text", at=NINE))
    recorders["email"].behaviour = lambda n: DeliveryResult.retry(n, "busy")
    report = make_queue().deliver(NINE)
    assert report.counts == {"scheduled": 1, "canceled": 1}
    assert recorder.changes == [
        (email, "scheduled", "sending", "attempt 1 of 5 by w1"),
        (text, "scheduled", "canceled", "hold: the guarantor is on hold"),
        (email, "sending", "scheduled", "busy; attempt 1 of 5, next at 2026-02-01T09:01:00-06:00"),
    ]
    assert recorder.finished == [("email", ["retry"])]


def test_staff_actions_and_opt_outs_are_observed(qstore, make_queue, plugin_manager) -> None:
    """Opt-outs and staff actions call the observers too."""
    recorder = Recorder()
    plugin_manager.register(recorder, name="recorder")
    text, email = save(qstore, draft("G1", "text", at=NINE), draft("G1", at=NINE))
    queue = make_queue()
    queue.opt_out("G1", "text", source="inbound STOP", now=NINE)
    queue.cancel([email], NINE)
    assert recorder.changes == [
        (text, "scheduled", "suppressed", "opted out (inbound STOP)"),
        (email, "scheduled", "canceled", "canceled by staff"),
    ]
