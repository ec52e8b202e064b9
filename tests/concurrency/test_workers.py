"""Many ``rulesengine worker`` processes on one PostgreSQL queue: nothing is lost, nothing is
handed to a channel twice, whatever happens to a worker or to its database connections."""

from __future__ import annotations

from collections import Counter

import pytest
import sqlalchemy

from rulesengine.queue.leases import RESENT_DETAIL
from tests.concurrency import pause_plugin
from tests.concurrency.harness import (
    claimed_by,
    details,
    history,
    ids_of,
    received,
    run_cli,
    sink_key,
    strangers,
    wait_until,
)

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
    assert not twice, f"claimed more than once: {ids_of(twice)}: " + "; ".join(
        f"{nid}: {details(practice.engine, nid)}" for nid in twice
    )
    assert all(state.handed.values())
    got = received(state, practice.smtp, practice.sms)
    assert Counter(got.values()) == Counter({1: queued})
    assert strangers(state, practice.smtp, practice.sms) == []
    assert sum(practice.smtp.counts.snapshot().values()) == GUARANTORS
    assert sum(practice.sms.counts.snapshot().values()) == GUARANTORS
    assert len(claimed_by(practice)) > 1, "the proof needs more than one worker at work"


# -- a worker dies, or stalls, in the middle of a round -----------------------------------------

SMALL = 60  # 120 notifications


def _paused_victim(practice, tmp_path, *args: str):
    """A worker with the pause plugin, stopped right after its first claim committed;
    returns it and the ids it holds (all ``sending``, none handed to a channel yet)."""
    pause = tmp_path / "pause"
    env = pause_plugin.install(tmp_path / "site", pause)
    victim = practice.workers.start("victim", *args, env=env)
    wait_until(
        lambda: (pause / "claimed").exists() or victim.proc.poll() is not None,
        timeout=30,
        what="the victim's first claim",
    )
    assert victim.proc.poll() is None, victim.output()
    state = practice.queue()
    held = sorted(nid for nid, status in state.status.items() if status == "sending")
    assert held and not any(state.handed[nid] for nid in held)
    return victim, pause, held


def test_a_worker_killed_after_claiming_loses_nothing(practice, tmp_path) -> None:
    """kill -9 between the claim and the hand-off: the claims' lease runs out, they go back
    to the queue, another worker sends each of them exactly once."""
    queued = practice.upload(SMALL)
    victim, _, held = _paused_victim(practice, tmp_path, "--limit", "5", "--lease", "2")
    assert len(held) == 5
    practice.workers.kill(victim)
    helpers = practice.workers.start_many(3, prefix="h")

    state = practice.wait_until_final()
    for helper in helpers:
        assert practice.workers.stop(helper) == 0
    assert state.counts() == Counter({"sent": queued})
    assert Counter(received(state, practice.smtp, practice.sms).values()) == Counter({1: queued})
    for nid in held:
        assert history(practice.engine, nid) == [
            (None, "scheduled"),
            ("scheduled", "sending"),  # the victim's claim
            ("sending", "scheduled"),  # its lease expired before the hand-off
            ("scheduled", "sending"),
            ("sending", "sent"),
        ]


def test_a_worker_stalled_past_its_lease_does_not_send_what_it_lost(practice, tmp_path) -> None:
    """A worker frozen after its claim (a long GC pause, SIGSTOP, a slow disk) wakes up after
    its lease ran out and another worker sent the notification: it must not send it again."""
    practice.upload(SMALL)
    victim, pause, held = _paused_victim(practice, tmp_path, "--limit", "1", "--lease", "1")
    (nid,) = held
    helper = practice.workers.start("h1").ready()
    wait_until(
        lambda: practice.queue().status[nid] == "sent",
        timeout=30,
        what=f"notification {nid} to be sent by another worker",
    )
    (pause / "release").touch()  # the victim goes on with its round: its hand-over finds
    wait_until(  # the claim lost, and says so, before it is told to stop
        lambda: "not handed to the channel" in victim.err.read_text(),
        timeout=30,
        what="the victim to find its claim lost",
    )
    assert practice.workers.stop(victim) == 0

    state = practice.wait_until_final()
    assert practice.workers.stop(helper) == 0
    assert received(state, practice.smtp, practice.sms)[nid] == 1, victim.output()
    assert state.status[nid] == "sent"


@pytest.mark.stall_first_message(channels=("email",))
def test_a_worker_killed_after_the_provider_accepted_leaves_it_unknown(practice) -> None:
    """kill -9 after the SMTP server took the email but before the result was recorded: the
    email ends ``unknown`` and is not resent; staff resolve it as sent.

    While the first email is stalled the victim may already have handed its next round's
    call to the text channel, or its next email to another connection (rounds overlap): an
    email it had handed over when it died ends ``unknown`` too (received once, or not at all
    when it had not reached the provider yet), and no email is ever received twice; a text it
    had handed over is sent again with the same idempotency key (the text channel
    ``deduplicates``)."""
    queued = practice.upload(SMALL)
    victim = practice.workers.start("victim", "--limit", "1", "--lease", "2")
    assert practice.stall.caught.wait(30), victim.output()
    practice.workers.kill(victim)
    state = practice.queue()
    stalled = [n for n, status in state.status.items() if status == "sending"]
    handed = sorted(n for n in stalled if state.handed[n])
    emails = [n for n in handed if state.channel[n] == "email"]
    texts = [n for n in handed if state.channel[n] == "text"]
    (nid,) = [n for n in emails if sink_key("email", state.key[n]) == practice.stall.key]
    practice.stall.release()
    helpers = practice.workers.start_many(3, prefix="h")

    state = practice.wait_until_final()
    assert state.counts() == Counter({"sent": queued - len(emails), "unknown": len(emails)})
    assert all(state.status[n] == "sent" for n in texts)
    assert state.status[nid] == "unknown"
    got = received(state, practice.smtp, practice.sms)
    assert all(got.get(n) == 1 for n, s in state.status.items() if s == "sent" and n not in texts)
    # An email handed to a lane a moment before the kill may not have reached the provider.
    assert all(got.get(n, 0) <= 1 for n in emails)
    assert all(got[n] in (1, 2) for n in texts)  # the same key twice: the provider drops one
    assert got[nid] == 1  # accepted by the provider, never resent
    assert history(practice.engine, nid)[-2:] == [("scheduled", "sending"), ("sending", "unknown")]

    resolved = run_cli(
        practice.url, "queue", "resolve", str(nid), "--as", "sent", cwd=practice.folder
    )
    assert resolved.returncode == 0, resolved.stderr
    assert practice.queue().status[nid] == "sent"
    assert history(practice.engine, nid)[-1] == ("unknown", "sent")
    for helper in helpers:
        assert practice.workers.stop(helper) == 0
    assert received(practice.queue(), practice.smtp, practice.sms)[nid] == 1


@pytest.mark.stall_first_message(holds=2)
def test_a_killed_workers_text_is_sent_again_with_the_same_key_and_its_email_stays_unknown(
    any_practice,
) -> None:
    """kill -9 while both providers hold a message of the worker's: the text channel
    ``deduplicates``, so another worker sends the text again at once with the same
    Idempotency-Key (the provider drops the copy); the email stays ``unknown`` for staff.
    On PostgreSQL and on a SQLite file."""
    practice = any_practice
    assert practice.upload(1) == 2
    victim = practice.workers.start("victim", "--lease", "2")
    assert practice.stall.caught.wait(30), victim.output()
    practice.workers.kill(victim)
    before = practice.queue()
    assert set(before.status.values()) == {"sending"} and all(before.handed.values())
    [email] = [n for n, channel in before.channel.items() if channel == "email"]
    [text] = [n for n, channel in before.channel.items() if channel == "text"]
    practice.stall.release()
    helper = practice.workers.start("h1").ready()

    state = practice.wait_until_final()
    assert practice.workers.stop(helper) == 0
    assert (state.status[email], state.status[text]) == ("unknown", "sent")
    assert practice.sms.counts.snapshot() == Counter({state.key[text]: 2})  # the same key twice
    assert received(state, practice.smtp, practice.sms)[email] == 1
    assert history(practice.engine, text) == [
        (None, "scheduled"),
        ("scheduled", "sending"),  # the victim's claim
        ("sending", "scheduled"),  # its lease expired after the hand-off: sent again
        ("scheduled", "sending"),
        ("sending", "sent"),
    ]
    assert history(practice.engine, email)[-1] == ("sending", "unknown")
    with practice.engine.connect() as conn:
        detail, attempt = conn.execute(
            sqlalchemy.text(
                "SELECT detail, attempt FROM notification_history WHERE notification_id = :id "
                "AND old_status = 'sending' AND new_status = 'scheduled'"
            ),
            {"id": text},
        ).one()
    assert detail == f"lease of victim expired: {RESENT_DETAIL}; attempt 1 of 5"
    assert attempt == 1


# -- the database drops connections -------------------------------------------------------------


def test_workers_ride_out_terminated_database_connections(practice) -> None:
    """Every time another 30 notifications are sent, every connection of this practice is
    terminated by the server (pg_terminate_backend): the workers reconnect and finish;
    nothing is lost, nothing is sent twice, nothing is left for staff."""
    # A claim whose COMMIT reached the server but whose reply was lost is unknown to its
    # worker: only its lease brings it back, so the lease is short here.
    workers = practice.workers.start_many(WORKERS, "--limit", "10", "--lease", "10")
    queued = practice.upload(GUARANTORS)
    terminated = 0
    for threshold in range(30, queued, 30):
        wait_until(
            lambda t=threshold: practice.queue().counts()["sent"] >= t,
            timeout=60,
            what=f"{threshold} notifications sent\n{practice.workers.output()}",
        )
        terminated += practice.pg.terminate_connections()
    state = practice.wait_until_final()
    assert practice.workers.stop_all() == {w.name: 0 for w in workers}

    assert terminated >= WORKERS
    assert state.counts() == Counter({"sent": queued})
    assert Counter(received(state, practice.smtp, practice.sms).values()) == Counter({1: queued})
    assert strangers(state, practice.smtp, practice.sms) == []
