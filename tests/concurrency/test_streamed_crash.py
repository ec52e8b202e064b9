"""A worker killed while a channel yields its results one by one (the built-in email
channel): what it yielded before is recorded already, so only what was in flight when it
died ends ``unknown``."""

from __future__ import annotations

from collections import Counter

import pytest

from tests.concurrency.harness import received, sink_key, wait_until

pytestmark = pytest.mark.concurrency

SMALL = 60  # 120 notifications


@pytest.mark.stall_email(2)
def test_a_worker_killed_mid_stream_leaves_unknown_only_what_was_in_flight(practice) -> None:
    """The SMTP sink takes two messages, then holds its reply to the third: the email
    channel's send is blocked mid-batch. The two it answered are recorded ``sent`` while it
    is blocked; kill -9 then leaves ``unknown`` only the rest of that worker's calls (the
    held message and those not yet answered), and nothing is received twice."""
    queued = practice.upload(SMALL)
    victim = practice.workers.start("victim", "--limit", "20", "--lease", "2")
    assert practice.stall.caught.wait(30), victim.output()

    def answered_are_sent():
        state = practice.queue()
        got = received(state, practice.smtp, practice.sms)
        emails = [
            n
            for n, c in state.channel.items()
            if c == "email" and got[n] and sink_key(c, state.key[n]) != practice.stall.key
        ]
        return state if emails and all(state.status[n] == "sent" for n in emails) else None

    # The blocked send's first results are in the store while it is still blocked.
    before = wait_until(answered_are_sent, timeout=30, what="the answered emails recorded")
    (stalled,) = [
        n
        for n, c in before.channel.items()
        if c == "email" and sink_key(c, before.key[n]) == practice.stall.key
    ]
    assert before.status[stalled] == "sending"
    practice.workers.kill(victim)

    state = practice.queue()
    in_flight = sorted(n for n, s in state.status.items() if s == "sending" and state.handed[n])
    assert stalled in in_flight
    email_sent = [n for n, s in state.status.items() if s == "sent" and state.channel[n] == "email"]
    assert len(email_sent) >= 2  # recorded before the kill, never left to the lease
    practice.stall.release()
    helpers = practice.workers.start_many(3, prefix="h")
    final = practice.wait_until_final()
    assert final.counts() == Counter({"sent": queued - len(in_flight), "unknown": len(in_flight)})
    assert all(final.status[n] == "unknown" for n in in_flight)
    got = received(final, practice.smtp, practice.sms)
    assert max(got.values()) == 1
    assert all(got[n] == 1 for n, s in final.status.items() if s == "sent")
    for helper in helpers:
        assert practice.workers.stop(helper) == 0
