"""In one process, step by step: what a round cut short by a database error leaves behind,
and a worker that lost its claim before the hand-off (SQLite and PostgreSQL).

The worker-process proofs in ``test_workers.py`` show the same things with real processes
and real dropped connections; these pin each step deterministically.
"""

from __future__ import annotations

import datetime as dt
from typing import Any

import pytest
from sqlalchemy.exc import DBAPIError, OperationalError

from rulesengine.channels.manager import hookimpl
from rulesengine.queue import notification_sql
from tests.queue.helpers import RecordingChannel, chicago, draft, history, save, statuses

NINE = chicago(2026, 2, 1, 9)


def _dropped(*args: Any, **kwargs: Any) -> None:
    raise OperationalError(
        "UPDATE notifications ...", {}, Exception("server closed the connection")
    )


def _fail_once(
    monkeypatch: pytest.MonkeyPatch, name: str, when: Any = None, module: Any = notification_sql
) -> None:
    """Make ``<module>.<name>`` (default ``notification_sql``) raise a dropped-connection
    error once (when ``when(args)``)."""
    real = getattr(module, name)
    failed: list[bool] = []

    def flaky(*args: Any, **kwargs: Any) -> Any:
        if not failed and (when is None or when(*args, **kwargs)):
            failed.append(True)
            _dropped()
        return real(*args, **kwargs)

    monkeypatch.setattr(module, name, flaky)


def _fail_recording_sent_once(monkeypatch: pytest.MonkeyPatch) -> None:
    """The first transaction recording a ``sent`` result loses its connection."""
    _fail_once(
        monkeypatch,
        "change_statuses",
        lambda conn, changes, *a, **k: any(c.new_status == "sent" for c in changes),
    )


def test_results_the_database_did_not_take_are_recorded_next_round(
    qstore, make_queue, recorders, monkeypatch
) -> None:
    """The channel sent it, then recording failed: the next round records ``sent`` (no
    ``unknown``, no second hand-over)."""
    [nid] = save(qstore, draft("G1", at=NINE))
    queue = make_queue()
    _fail_recording_sent_once(monkeypatch)
    with pytest.raises(DBAPIError):
        queue.deliver(NINE)
    assert statuses(qstore, [nid]) == ["sending"]

    report = queue.deliver(NINE + dt.timedelta(seconds=5))
    assert report.counts == {"sent": 1}
    assert recorders["email"].handed == [nid]
    assert [h[:2] for h in history(qstore, nid)] == [
        (None, "scheduled"),
        ("scheduled", "sending"),
        ("sending", "sent"),
    ]


def test_claims_never_handed_over_are_queued_again_at_once(
    qstore, make_queue, recorders, monkeypatch
) -> None:
    """Stamping the hand-over failed: the next round puts the claim back at once (without
    waiting for its lease) and sends it."""
    [nid] = save(qstore, draft("G1", at=NINE))
    queue = make_queue()
    _fail_once(monkeypatch, "mark_handed")
    with pytest.raises(DBAPIError):
        queue.deliver(NINE)
    assert recorders["email"].calls == []

    report = queue.deliver(NINE + dt.timedelta(seconds=5))
    assert report.counts == {"sent": 1}
    assert recorders["email"].handed == [nid]
    assert [n.attempt for n in recorders["email"].calls[0]] == [1]  # the first never counted
    assert history(qstore, nid)[2] == (
        "sending",
        "scheduled",
        "w1 lost its database connection before handing it to the channel: queued again",
    )


def test_a_round_cut_short_puts_back_the_channels_it_did_not_reach(
    qstore, make_queue, recorders, monkeypatch
) -> None:
    """Email and text claimed in one round; the email hand-over fails: the text claim is
    put back too, and both are sent next round, once each."""
    email_id, text_id = save(qstore, draft("G1", at=NINE), draft("G2", "text", at=NINE))
    queue = make_queue()
    _fail_once(monkeypatch, "mark_handed")
    with pytest.raises(DBAPIError):
        queue.deliver(NINE)

    queue.deliver(NINE + dt.timedelta(seconds=5))
    assert statuses(qstore, [email_id, text_id]) == ["sent", "sent"]
    assert recorders["email"].handed == [email_id]
    assert recorders["text"].handed == [text_id]


def test_a_worker_that_lost_its_claim_does_not_hand_it_over(
    qstore, make_queue, plugin_manager
) -> None:
    """Worker A stalls between its claim and the hand-over; its lease runs out and worker B
    sends the notification; when A goes on, it hands nothing to its channel."""
    [nid] = save(qstore, draft("G1", at=NINE))
    a_channel, b_channel = RecordingChannel(), RecordingChannel()
    b = make_queue(worker_id="b", channels={"email": b_channel}, pm=_fresh_pm())

    class StallAfterClaim:
        """While A is stalled, its lease runs out and B delivers."""

        @hookimpl
        def notification_status_changed(self, notification_id, old_status, new_status, detail):
            if new_status == "sending":
                b.deliver(NINE + dt.timedelta(minutes=6))

    plugin_manager.register(StallAfterClaim())
    a = make_queue(worker_id="a", channels={"email": a_channel}, lease_seconds=300)
    a.deliver(NINE)

    assert b_channel.handed == [nid]
    assert a_channel.calls == []
    assert statuses(qstore, [nid]) == ["sent"]


def _fresh_pm() -> Any:
    import pluggy

    from rulesengine.channels import hookspecs

    pm = pluggy.PluginManager("rulesengine")
    pm.add_hookspecs(hookspecs)
    return pm
