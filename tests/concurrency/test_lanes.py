"""Channels with many connections (``connections``: the lanes of docs/queue.md "Many messages
in flight") through real ``rulesengine worker`` processes: no more messages open at once
than the setting allows, and a worker killed with all of them open leaves ``unknown`` no more
than it had handed over, nothing received twice, nothing lost. On a SQLite file and on
PostgreSQL."""

from __future__ import annotations

import math
from collections import Counter

import pytest
import sqlalchemy

from tests.concurrency.harness import ids_of, received, sink_key, strangers

pytestmark = pytest.mark.concurrency


def test_a_worker_keeps_no_more_messages_open_than_its_connections(any_practice) -> None:
    """``connections: 3`` on email and text, sinks that take 30 ms to answer: the sinks
    never have more than 3 of the worker's messages open at once per channel, and do have
    more than one (the messages go out on lanes); each is delivered once."""
    practice = any_practice
    practice.configure(email={"connections": 3}, text={"connections": 3})
    practice.smtp.hold = practice.sms.hold = 0.03
    queued = practice.upload(40)
    worker = practice.workers.start("w1", "--limit", "25").ready()

    state = practice.wait_until_final()
    assert practice.workers.stop(worker) == 0
    assert state.counts() == Counter({"sent": queued}), worker.output()
    assert Counter(received(state, practice.smtp, practice.sms).values()) == Counter({1: queued})
    assert strangers(state, practice.smtp, practice.sms) == []
    most = {"email": practice.smtp.open.most, "text": practice.sms.open.most}
    assert all(n <= 3 for n in most.values()), f"more open than connections: {most}"
    assert all(n > 1 for n in most.values()), f"one message at a time: {most}"


N = 4  # connections per channel of the killed worker


def _handed_unrecorded(practice, worker: str) -> dict[str, list[int]]:
    """Per channel, the notifications ``worker`` handed to it whose result is not recorded
    (``sending`` with ``handed_at`` set, under its lease)."""
    with practice.engine.connect() as conn:
        rows = conn.execute(
            sqlalchemy.text(
                "SELECT channel, id FROM notifications WHERE status = 'sending' "
                "AND handed_at IS NOT NULL AND lease_owner = :worker ORDER BY id"
            ),
            {"worker": worker},
        ).all()
    out: dict[str, list[int]] = {"email": [], "text": []}
    for channel, nid in rows:
        out[channel].append(nid)
    return out


@pytest.mark.stall_first_message(holds=2 * N)
def test_a_worker_killed_with_every_connection_open_loses_nothing_and_sends_nothing_twice(
    any_practice,
) -> None:
    """A worker with ``connections: 4`` on both channels; the sinks hold their replies, so
    it has 4 emails and 4 texts open when it is killed -9. What it had handed over and not
    recorded then is at most the documented bound per channel: the N messages open plus the
    rows stamped for its lanes, N + ceil(N/4). Replacements drain the queue: every
    notification ends ``sent`` or ``unknown``; only emails it had handed over end
    ``unknown`` (a text is sent again with the same Idempotency-Key: the text channel
    deduplicates, the provider drops the copy); every ``sent`` one was received exactly
    once, no email twice, no text twice unless it was the killed worker's."""
    practice = any_practice
    practice.configure(email={"connections": N}, text={"connections": N})
    queued = practice.upload(30)
    victim = practice.workers.start("victim", "--limit", "20", "--lease", "2")
    assert practice.stall.caught.wait(30), victim.output()
    handed = _handed_unrecorded(practice, "victim")
    practice.workers.kill(victim)

    bound = N + math.ceil(N / 4)
    assert all(N <= len(ids) <= bound for ids in handed.values()), (handed, victim.output())
    held = {practice.stall.keys.count(k) for k in practice.stall.keys}
    assert held == {1} and len(practice.stall.keys) == 2 * N
    practice.stall.release()
    helpers = practice.workers.start_many(2, prefix="h")
    final = practice.wait_until_final()
    for helper in helpers:
        assert practice.workers.stop(helper) == 0

    unknown = sorted(n for n, s in final.status.items() if s == "unknown")
    assert final.counts() == Counter({"sent": queued - len(unknown), "unknown": len(unknown)})
    assert set(unknown) <= set(handed["email"]), f"unknown not in flight: {ids_of(unknown)}"
    got = received(final, practice.smtp, practice.sms)
    not_once = [n for n, s in final.status.items() if s == "sent" and got[n] != 1]
    again = [n for n in not_once if n in handed["text"] and got[n] == 2]
    assert sorted(set(not_once) - set(again)) == [], f"received 0 or 2+ times: {not_once}"
    for n in again:  # sent again with the same key: the provider drops the copy
        assert final.channel[n] == "text"
    assert all(got[n] <= 1 for n in unknown)
    assert strangers(final, practice.smtp, practice.sms) == []
    emails_held = [k for k in practice.stall.keys if k.startswith("<")]
    assert len(emails_held) == N
    email_of = {sink_key("email", final.key[n]): n for n in handed["email"]}
    assert all(k in email_of and final.status[email_of[k]] == "unknown" for k in emails_held)
