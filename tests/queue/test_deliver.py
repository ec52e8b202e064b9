"""Delivery rounds: statuses and history, send windows, retries, failures, until-empty."""

from __future__ import annotations

import datetime as dt

from rulesengine.channels.results import DeliveryResult
from rulesengine.queue.notification_reads import list_notifications, notification_history
from tests.queue.helpers import UTC, chicago, draft, history, save, statuses


def test_due_notification_is_sent_with_full_history(qstore, make_queue, recorders) -> None:
    """scheduled -> sending -> sent, each change in the history with attempt and detail."""
    [nid] = save(qstore, draft("G1", at=chicago(2026, 2, 1, 9, 0)))
    report = make_queue().deliver(chicago(2026, 2, 1, 9, 0))
    assert report.counts == {"sent": 1}
    assert report.changed == (nid,)
    assert history(qstore, nid) == [
        (None, "scheduled", None),
        ("scheduled", "sending", "attempt 1 of 5 by w1"),
        ("sending", "sent", f"provider reference ref-{nid}"),
    ]
    entries = notification_history(qstore, nid)
    assert [h["attempt"] for h in entries] == [0, 1, 1]
    assert {(h["message_id"], h["level"], h["rules_hash"]) for h in entries} == {
        ("reminder", 1, "hash-B1")
    }
    [stored] = list_notifications(qstore)
    assert (stored["provider_ref"], stored["lease_owner"], stored["attempt"]) == (
        f"ref-{nid}",
        None,
        1,
    )
    assert stored["handed_at"] == chicago(2026, 2, 1, 9, 0)


def test_channel_receives_the_notification_fields(qstore, make_queue, recorders) -> None:
    """What send gets: address, content, context mappings, attempt, idempotency key."""
    [nid] = save(qstore, draft("G1", at=chicago(2026, 2, 1, 9, 0)))
    make_queue().deliver(chicago(2026, 2, 1, 9, 0))
    [[n]] = recorders["email"].calls
    assert (n.id, n.to, n.channel, n.guarantor_id, n.statement_id, n.batch_id) == (
        nid,
        "g1@example.org",
        "email",
        "G1",
        "B1-G1",
        "B1",
    )
    assert (n.message_id, n.level, n.attempt, n.idempotency_key, n.proof) == (
        "reminder",
        1,
        1,
        "B1-G1:email",
        False,
    )
    assert n.content == {"subject": "Your statement", "body": "Please pay"}
    assert n.recipient["last_name"] == "G1"
    assert n.statement["id"] == "B1-G1"
    assert n.sender["practice"] == "Riverside"
    assert n.scheduled_at == chicago(2026, 2, 1, 9, 0)


def test_not_yet_due_is_left_alone(qstore, make_queue, recorders) -> None:
    """A notification due later is not claimed."""
    [nid] = save(qstore, draft("G1", at=chicago(2026, 2, 1, 9, 0)))
    report = make_queue().deliver(chicago(2026, 2, 1, 8, 59))
    assert (report.counts, report.changed) == ({}, ())
    assert statuses(qstore, [nid]) == ["scheduled"]
    assert recorders["email"].calls == []


def test_one_call_per_channel_per_round(qstore, make_queue, recorders) -> None:
    """Each channel gets all of its due notifications in one send call."""
    ids = save(
        qstore,
        draft("G1", at=chicago(2026, 2, 1, 9)),
        draft("G1", "text", at=chicago(2026, 2, 1, 9)),
        draft("G2", at=chicago(2026, 2, 1, 9)),
    )
    make_queue().deliver(chicago(2026, 2, 1, 9))
    assert len(recorders["email"].calls) == 1
    assert sorted(recorders["email"].handed) == [ids[0], ids[2]]
    assert recorders["text"].handed == [ids[1]]
    assert statuses(qstore, ids) == ["sent"] * 3


# -- send windows ------------------------------------------------------------------------------


def test_text_window_end_is_excluded(qstore, make_queue, recorders) -> None:
    """08:00-21:00: 20:59 local is inside, 21:00 is outside (deferred to 08:00 next day)."""
    early, late = save(
        qstore,
        draft("G1", "text", at=chicago(2026, 2, 1, 8), window="08:00-21:00"),
        draft("G2", "text", at=chicago(2026, 2, 1, 8), window="08:00-21:00"),
    )
    queue = make_queue()
    queue.deliver(chicago(2026, 2, 1, 20, 59), limit=1)
    assert statuses(qstore, [early, late]) == ["sent", "scheduled"]
    report = queue.deliver(chicago(2026, 2, 1, 21, 0))
    assert report.deferred == (late,)
    assert report.changed == ()
    assert history(qstore, late)[-1] == (
        "scheduled",
        "scheduled",
        "window 08:00-21:00 America/Chicago: deferred to 2026-02-02T08:00-06:00",
    )
    [stored] = list_notifications(qstore, status="scheduled")
    assert stored["next_attempt_at"] == chicago(2026, 2, 2, 8, 0)


def test_early_notification_waits_for_the_window_then_goes(qstore, make_queue, recorders) -> None:
    """Due at 06:00 local with a window from 08:00: deferred to 08:00, then sent at 08:00."""
    [nid] = save(qstore, draft("G1", "text", at=chicago(2026, 2, 2, 6), window="08:00-21:00"))
    queue = make_queue()
    assert queue.deliver(chicago(2026, 2, 2, 6)).deferred == (nid,)
    assert queue.deliver(chicago(2026, 2, 2, 7, 59)).changed == ()
    assert queue.deliver(chicago(2026, 2, 2, 8)).counts == {"sent": 1}
    assert [h[1] for h in history(qstore, nid)] == ["scheduled", "scheduled", "sending", "sent"]


def test_deferral_never_drops(qstore, make_queue, recorders) -> None:
    """However often a round finds it outside its window, it stays scheduled."""
    [nid] = save(qstore, draft("G1", at=chicago(2026, 2, 1, 1), window="09:00-10:00"))
    queue = make_queue()
    for day in range(1, 4):
        queue.deliver(chicago(2026, 2, day, 10, 30), until_empty=True)
        assert statuses(qstore, [nid]) == ["scheduled"]
    assert queue.deliver(chicago(2026, 2, 4, 9, 0)).counts == {"sent": 1}


def test_spring_forward_day_window(qstore, make_queue, recorders) -> None:
    """On 2026-03-08 (Chicago jumps 02:00 -> 03:00) 08:00 local is 13:00 UTC, not 14:00."""
    [nid] = save(qstore, draft("G1", "text", at=chicago(2026, 3, 8, 6), window="08:00-21:00"))
    queue = make_queue()
    queue.deliver(dt.datetime(2026, 3, 8, 11, 0, tzinfo=UTC))  # 06:00 CDT
    [stored] = list_notifications(qstore)
    assert stored["next_attempt_at"] == dt.datetime(2026, 3, 8, 13, 0, tzinfo=UTC)
    assert history(qstore, nid)[-1][2].endswith("deferred to 2026-03-08T08:00-05:00")


def test_window_opening_inside_the_gap_opens_when_clocks_jump(qstore, make_queue) -> None:
    """A window from 02:30 on the spring-forward day opens at 03:00 CDT (08:00 UTC)."""
    [nid] = save(qstore, draft("G1", at=chicago(2026, 3, 8, 1), window="02:30-05:00"))
    make_queue().deliver(dt.datetime(2026, 3, 8, 7, 0, tzinfo=UTC))  # 01:00 CST
    [stored] = list_notifications(qstore)
    assert stored["next_attempt_at"] == dt.datetime(2026, 3, 8, 8, 0, tzinfo=UTC)
    assert history(qstore, nid)[-1][2].endswith("deferred to 2026-03-08T03:00-05:00")


def test_fall_back_day_window(qstore, make_queue, recorders) -> None:
    """On 2026-11-01 (Chicago repeats 01:00-02:00) 08:00 local is 14:00 UTC; the repeated
    hour is read as local time both times."""
    [nid] = save(qstore, draft("G1", at=chicago(2026, 11, 1, 0), window="08:00-21:00"))
    queue = make_queue()
    queue.deliver(dt.datetime(2026, 11, 1, 7, 30, tzinfo=UTC))  # 01:30 CST, the second time
    [stored] = list_notifications(qstore)
    assert stored["next_attempt_at"] == dt.datetime(2026, 11, 1, 14, 0, tzinfo=UTC)
    assert history(qstore, nid)[-1][2].endswith("deferred to 2026-11-01T08:00-06:00")
    assert queue.deliver(dt.datetime(2026, 11, 1, 13, 59, tzinfo=UTC)).changed == ()
    assert queue.deliver(dt.datetime(2026, 11, 1, 14, 0, tzinfo=UTC)).counts == {"sent": 1}


def test_window_is_read_in_the_stored_zone(qstore, make_queue, recorders) -> None:
    """The zone resolved at upload (here New York, not the guarantor's Chicago) is used."""
    [nid] = save(
        qstore,
        draft("G1", at=chicago(2026, 2, 1, 7), timezone="America/New_York", window="08:00-21:00"),
    )
    queue = make_queue()
    # 07:30 Chicago is 08:30 New York: inside the window read in New York.
    assert queue.deliver(chicago(2026, 2, 1, 7, 30)).counts == {"sent": 1}
    assert statuses(qstore, [nid]) == ["sent"]


def test_guarantor_without_zone_uses_the_stored_profile_zone(qstore, make_queue) -> None:
    """G2 has no zone; the notification carries the profile's, and the window follows it."""
    [nid] = save(
        qstore,
        draft("G2", at=chicago(2026, 2, 1, 0), timezone="America/Denver", window="08:00-21:00"),
    )
    queue = make_queue()
    queue.deliver(chicago(2026, 2, 1, 8, 30))  # 07:30 in Denver
    assert history(qstore, nid)[-1][2] == (
        "window 08:00-21:00 America/Denver: deferred to 2026-02-01T08:00-07:00"
    )


# -- retries and failures ---------------------------------------------------------------------


def test_retries_follow_the_backoff_then_error(qstore, make_queue, recorders) -> None:
    """A transient failure goes back to scheduled after backoff[attempt-1] seconds (the last
    value repeating); at max_attempts it becomes error."""
    recorders["email"].behaviour = lambda n: DeliveryResult.retry(n, "SMTP 451 from mx:25: busy")
    start = dt.datetime(2026, 2, 1, 15, 0, tzinfo=UTC)
    [nid] = save(qstore, draft("G1", at=start, max_attempts=4, backoff=(60, 300)))
    queue = make_queue()
    at = start
    for delay in (60, 300, 300):
        assert queue.deliver(at).counts == {"scheduled": 1}
        [stored] = list_notifications(qstore)
        assert stored["next_attempt_at"] == at + dt.timedelta(seconds=delay)
        assert queue.deliver(at + dt.timedelta(seconds=delay - 1)).changed == ()
        at += dt.timedelta(seconds=delay)
    assert queue.deliver(at).counts == {"error": 1}
    changes = history(qstore, nid)
    assert changes[2] == (
        "sending",
        "scheduled",
        "SMTP 451 from mx:25: busy; attempt 1 of 4, next at 2026-02-01T09:01:00-06:00",
    )
    assert changes[-1] == (
        "sending",
        "error",
        "SMTP 451 from mx:25: busy; gave up after 4 of 4 attempts",
    )
    assert len(recorders["email"].calls) == 4
    assert [n.attempt for call in recorders["email"].calls for n in call] == [1, 2, 3, 4]


def test_permanent_failure_is_an_error_at_once(qstore, make_queue, recorders) -> None:
    """failed -> error with the channel's detail; no retry."""
    recorders["email"].behaviour = lambda n: DeliveryResult.failed(
        n, "SMTP 550 from mx:25: no mailbox"
    )
    [nid] = save(qstore, draft("G1", at=chicago(2026, 2, 1, 9)))
    assert make_queue().deliver(chicago(2026, 2, 1, 9), until_empty=True).counts == {"error": 1}
    assert history(qstore, nid)[-1] == ("sending", "error", "SMTP 550 from mx:25: no mailbox")


def test_exception_in_send_becomes_a_retry_with_its_summary(qstore, make_queue, recorders) -> None:
    """A channel that raises never stops the queue: its notifications are retried."""

    def boom(n):
        raise ConnectionRefusedError("[Errno 111] Connection refused")

    recorders["email"].behaviour = boom
    ids = save(
        qstore,
        draft("G1", at=chicago(2026, 2, 1, 9)),
        draft("G1", "text", at=chicago(2026, 2, 1, 9)),
    )
    report = make_queue().deliver(chicago(2026, 2, 1, 9))
    assert statuses(qstore, ids) == ["scheduled", "sent"]
    assert report.counts == {"scheduled": 1, "sent": 1}
    assert history(qstore, ids[0])[-1][2].startswith(
        "ConnectionRefusedError: [Errno 111] Connection refused; attempt 1 of 5"
    )


def test_until_empty_drains_in_rounds(qstore, make_queue, recorders) -> None:
    """With a small limit, until_empty runs rounds until nothing is due."""
    ids = save(
        qstore,
        *(draft(g, at=chicago(2026, 2, 1, 9)) for g in ("G1", "G2")),
        draft("G1", "text", at=chicago(2026, 2, 1, 9)),
    )
    report = make_queue().deliver(chicago(2026, 2, 1, 9), until_empty=True, limit=1)
    assert statuses(qstore, ids) == ["sent"] * 3
    assert report.rounds == 4
    assert report.counts == {"sent": 3}


def test_until_empty_stops_when_only_retries_wait(qstore, make_queue, recorders) -> None:
    """Retries due later do not keep an until-empty delivery going."""
    recorders["email"].behaviour = lambda n: DeliveryResult.retry(n, "busy")
    [nid] = save(qstore, draft("G1", at=chicago(2026, 2, 1, 9)))
    report = make_queue().deliver(chicago(2026, 2, 1, 9), until_empty=True)
    assert report.rounds == 2
    assert statuses(qstore, [nid]) == ["scheduled"]


def test_unavailable_channel_keeps_the_notification_queued(qstore, make_queue, recorders) -> None:
    """A channel that is not registered: the notification waits (said once in history)."""
    [nid] = save(qstore, draft("G1", "fax", at=chicago(2026, 2, 1, 9)))
    queue = make_queue()
    report = queue.deliver(chicago(2026, 2, 1, 9), until_empty=True)
    assert report.waiting == (nid,)
    assert statuses(qstore, [nid]) == ["scheduled"]
    queue.deliver(chicago(2026, 2, 1, 12), until_empty=True)
    notes = [h for h in history(qstore, nid) if h[0] == "scheduled"]
    assert notes == [
        (
            "scheduled",
            "scheduled",
            "no channel 'fax' is available (install or enable its plugin): waiting in the queue",
        )
    ]


TWO_CHANNELS = """
rulesengine: 1
profile: {id: calls, timezone: America/Chicago, practice: Riverside}
dunning:
  levels:
    - message: reminder
      channels: [email, voice]
    - message: reminder
      channels: [email, voice]
messages:
  reminder:
    email: {subject: "Your statement", body: "Please pay {{ statement.total | money }}."}
    voice: {say: "Hello from {{ practice }}."}
channels:
  voice: {caller_id: "+15555550199"}
"""


def test_a_worker_missing_one_plugin_still_delivers_the_other_channels(
    qstore, tmp_path, monkeypatch
) -> None:
    """The batch was queued where the voice plugin is installed; a worker without it leaves
    the voice calls waiting and sends the email, whose settings still load from the stored
    rules file."""
    from rulesengine.channels.manager import get_plugin_manager
    from rulesengine.channels.registry import channel_addressing, installed_channel_specs
    from rulesengine.queue import Queue
    from rulesengine.rules import load_rules_text
    from rulesengine.statements.statement_run import run_statements

    monkeypatch.chdir(tmp_path)
    monkeypatch.delenv("RULESENGINE_DISABLE_PLUGINS", raising=False)
    specs = installed_channel_specs()
    rules = load_rules_text(TWO_CHANNELS, filename="calls.yaml", channel_specs=specs)
    run = dt.date(2026, 2, 1)
    batch = run_statements(
        qstore,
        rules,
        run,
        live=True,
        addressing=channel_addressing(specs),
    )
    queued = {
        n["channel"]: n["id"]
        for n in list_notifications(qstore, batch_id=batch.id)
        if n["guarantor_id"] == "G1"
    }

    monkeypatch.setenv("RULESENGINE_DISABLE_PLUGINS", "rulesengine-voice")
    with Queue(qstore, pm=get_plugin_manager(), worker_id="no-voice") as queue:
        report = queue.deliver(chicago(2026, 2, 1, 12), until_empty=True)
    assert statuses(qstore, [queued["email"]]) == ["sent"]
    assert queued["voice"] in report.waiting
    assert statuses(qstore, [queued["voice"]]) == ["scheduled"]


def test_suppressed_at_upload_is_never_handed_over(qstore, make_queue, recorders) -> None:
    """A notification suppressed by the run stays suppressed."""
    [nid] = save(
        qstore, draft("G1", at=chicago(2026, 2, 1, 9), status="suppressed", reason="no_email")
    )
    make_queue().deliver(chicago(2026, 2, 2, 9), until_empty=True)
    assert statuses(qstore, [nid]) == ["suppressed"]
    assert recorders["email"].calls == []


def test_a_provider_answer_holding_a_nul_is_recorded_with_it_escaped(
    qstore, make_queue, recorders
) -> None:
    """A NUL in a channel's detail, provider reference or exception (a provider's reply,
    outside the practice's control) is stored as ``\\x00`` on every store: PostgreSQL
    refuses the character itself, which stopped the worker's round."""
    recorders["email"].behaviour = lambda n: DeliveryResult.failed(n, "550 no such\x00 mailbox")
    recorders["text"].behaviour = lambda n: DeliveryResult.sent(n, provider_ref="SM\x00abc")
    ids = save(
        qstore,
        draft("G1", at=chicago(2026, 2, 1, 9)),
        draft("G1", "text", at=chicago(2026, 2, 1, 9)),
    )
    report = make_queue().deliver(chicago(2026, 2, 1, 9), until_empty=True)
    assert report.counts == {"error": 1, "sent": 1}
    assert history(qstore, ids[0])[-1] == ("sending", "error", "550 no such\\x00 mailbox")
    sent = {n["id"]: n for n in list_notifications(qstore)}[ids[1]]
    assert sent["provider_ref"] == "SM\\x00abc"

    def boom(n):
        raise RuntimeError("boom\x00boom")

    recorders["email"].behaviour = boom
    [again] = save(qstore, draft("G2", at=chicago(2026, 2, 1, 9)), bid="B2", day=2)
    make_queue().deliver(chicago(2026, 2, 1, 9))
    assert history(qstore, again)[-1][2].startswith("RuntimeError: boom\\x00boom; attempt 1")
