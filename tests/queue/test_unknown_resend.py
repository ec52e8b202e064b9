"""Unknown outcomes settled where it is safe: a handed-over notification whose lease expired
is sent again at once, with the same idempotency key, when its channel ``deduplicates``
(and attempts remain); otherwise it stays ``unknown`` for staff."""

from __future__ import annotations

import datetime as dt
from typing import Any

import pytest

import rulesengine
from rulesengine.channels.results import DeliveryResult
from rulesengine.queue import Queue
from rulesengine.queue.channel_objects import Channels
from rulesengine.queue.leases import RESENT_DETAIL, UNKNOWN_DETAIL
from rulesengine.queue.notification_reads import list_notifications
from tests.queue.helpers import chicago, draft, history, plugins_registering, save, statuses

NINE = chicago(2026, 2, 1, 9)
LATER = NINE + dt.timedelta(minutes=10)  # past the 5-minute lease


class _Crash(BaseException):
    """Stands for a worker process dying (not an Exception: nothing catches it)."""


def _die(n: Any) -> DeliveryResult:
    raise _Crash


def _kill_after_handoff(make_queue: Any, recorders: Any, at: dt.datetime) -> None:
    """A worker hands everything due over, then dies before any result comes back."""
    for recorder in recorders.values():
        recorder.behaviour = _die
    with pytest.raises(_Crash):
        make_queue(worker_id="dead").deliver(at)
    for recorder in recorders.values():
        recorder.behaviour = None


def _row(store: Any, nid: int) -> dict[str, Any]:
    return next(n for n in list_notifications(store) if n["id"] == nid)


def test_a_deduplicating_channel_sends_again_with_the_same_key(
    qstore, make_queue, recorders
) -> None:
    """Text deduplicates: due again at once, attempt counted, the same key on the resend;
    email does not: unknown, never resent by itself."""
    recorders["text"].deduplicates = True
    email, text = save(qstore, draft("G1", at=NINE), draft("G1", "text", at=NINE))
    _kill_after_handoff(make_queue, recorders, NINE)
    [first] = recorders["text"].calls[0]

    transitions = make_queue(worker_id="w2").expire_leases(LATER)
    assert {(t.notification_id, t.new_status) for t in transitions} == {
        (email, "unknown"),
        (text, "scheduled"),
    }
    assert history(qstore, text)[-1] == (
        "sending",
        "scheduled",
        f"lease of dead expired: {RESENT_DETAIL}; attempt 1 of 5",
    )
    assert history(qstore, email)[-1] == (
        "sending",
        "unknown",
        f"lease of dead expired: {UNKNOWN_DETAIL}",
    )
    row = _row(qstore, text)
    assert (row["attempt"], row["next_attempt_at"], row["handed_at"]) == (1, LATER, None)

    report = make_queue(worker_id="w2").deliver(LATER, until_empty=True)
    assert report.counts == {"sent": 1}
    assert statuses(qstore, [email, text]) == ["unknown", "sent"]
    [again] = recorders["text"].calls[1]
    assert again.id == first.id == text
    assert again.idempotency_key == first.idempotency_key == "B1-G1:text"
    assert (first.attempt, again.attempt) == (1, 2)
    assert len(recorders["email"].calls) == 1  # email was never sent again


def test_without_the_declaration_a_handed_notification_stays_unknown(
    qstore, make_queue, recorders
) -> None:
    [text] = save(qstore, draft("G1", "text", at=NINE))
    _kill_after_handoff(make_queue, recorders, NINE)
    assert make_queue(worker_id="w2").deliver(LATER, until_empty=True).counts == {"unknown": 1}
    assert history(qstore, text)[-1] == (
        "sending",
        "unknown",
        f"lease of dead expired: {UNKNOWN_DETAIL}",
    )
    assert len(recorders["text"].calls) == 1


def test_out_of_attempts_it_becomes_unknown(qstore, make_queue, recorders) -> None:
    """Each automatic resend counts an attempt; the last one's expiry leaves it unknown."""
    recorders["text"].deduplicates = True
    [text] = save(qstore, draft("G1", "text", at=NINE, max_attempts=2))
    _kill_after_handoff(make_queue, recorders, NINE)
    make_queue(worker_id="w2").expire_leases(LATER)
    _kill_after_handoff(make_queue, recorders, LATER)
    make_queue(worker_id="w2").expire_leases(LATER + dt.timedelta(minutes=10))
    assert statuses(qstore, [text]) == ["unknown"]
    assert [h[1:] for h in history(qstore, text)[1:]] == [
        ("sending", "attempt 1 of 2 by dead"),
        ("scheduled", f"lease of dead expired: {RESENT_DETAIL}; attempt 1 of 2"),
        ("sending", "attempt 2 of 2 by dead"),
        (
            "unknown",
            f"lease of dead expired: {UNKNOWN_DETAIL}; not sent again: 2 of 2 attempts used",
        ),
    ]
    assert [n.attempt for call in recorders["text"].calls for n in call] == [1, 2]
    assert make_queue(worker_id="w2").deliver(LATER + dt.timedelta(hours=1)).changed == ()


class _DedupText(rulesengine.Channel):
    name = "text"
    address = "mobile"
    deduplicates = True

    def send(self, notifications: Any) -> list[DeliveryResult]:  # pragma: no cover
        return [DeliveryResult.sent(n) for n in notifications]


@pytest.mark.parametrize(
    ("classes", "status"),
    [((_DedupText,), "scheduled"), ((), "unknown")],
    ids=["installed", "not-installed"],
)
def test_the_expiring_workers_installed_class_decides(
    qstore, make_queue, recorders, classes, status
) -> None:
    """The declaration is read from the channel class installed in the worker that expires
    the lease; a worker without the channel leaves it unknown, as for any channel."""
    [text] = save(qstore, draft("G1", "text", at=NINE))
    _kill_after_handoff(make_queue, recorders, NINE)
    with Queue(qstore, pm=plugins_registering(*classes), worker_id="w3") as queue:
        [transition] = queue.expire_leases(LATER)
    assert (transition.notification_id, transition.new_status) == (text, status)
    assert statuses(qstore, [text]) == [status]


def test_the_built_in_text_channel_deduplicates_and_email_and_print_do_not() -> None:
    """Text sends the key as its Idempotency-Key header (its outbox writes a key once);
    SMTP servers deliver a repeated Message-ID again."""
    from rulesengine_email import EmailChannel
    from rulesengine_print import PrintChannel
    from rulesengine_text import TextChannel

    assert (TextChannel.deduplicates, EmailChannel.deduplicates) == (True, False)
    assert PrintChannel.deduplicates is False
    pm = plugins_registering(TextChannel, EmailChannel, PrintChannel)
    channels = Channels(store=None, injected=None, plugin_manager=lambda: pm)  # type: ignore[arg-type]
    assert channels.deduplicating() == {"text"}
