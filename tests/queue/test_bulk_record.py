"""Set-based status changes: a round's claims and a call's results are written in a few
statements, with exactly the history entries and ownership checks of one-at-a-time changes."""

from __future__ import annotations

import datetime as dt

from sqlalchemy import update

from rulesengine.channels.results import DeliveryResult
from rulesengine.queue import notification_sql
from rulesengine.queue.notification_reads import list_notifications, notification_history
from rulesengine.queue.notification_rows import Change, Transition
from rulesengine.store.tables import notifications
from tests.queue.helpers import chicago, draft, history, save, statuses

NINE = chicago(2026, 2, 1, 9)


def _set(store, nid: int, **values) -> None:
    with store.writing() as conn:
        conn.execute(update(notifications).where(notifications.c.id == nid).values(**values))


def test_every_outcome_of_one_call_is_recorded_once(qstore, make_queue, recorders) -> None:
    """One call answering sent, retry, failed and retry-out-of-attempts: one history entry
    each, with the detail, attempt and columns one-at-a-time recording wrote."""
    ids = save(
        qstore,
        draft("G1", at=NINE),
        draft("G2", at=NINE),
        draft("G1", "text", at=NINE),
        draft("G2", "text", at=NINE, max_attempts=1),
    )
    sent, retry, failed, gave_up = ids
    answers = {
        sent: lambda n: DeliveryResult.sent(n, provider_ref="ref-a"),
        retry: lambda n: DeliveryResult.retry(n, "busy"),
        failed: lambda n: DeliveryResult.failed(n, "no mailbox"),
        gave_up: lambda n: DeliveryResult.retry(n, "busy"),
    }
    for channel in ("email", "text"):
        recorders[channel].behaviour = lambda n: answers[n.id](n)
    report = make_queue().deliver(NINE)
    assert report.counts == {"sent": 1, "scheduled": 1, "error": 2}
    assert statuses(qstore, ids) == ["sent", "scheduled", "error", "error"]
    claimed = ("scheduled", "sending", "attempt 1 of 5 by w1")
    assert history(qstore, sent) == [
        (None, "scheduled", None),
        claimed,
        ("sending", "sent", "provider reference ref-a"),
    ]
    assert history(qstore, retry) == [
        (None, "scheduled", None),
        claimed,
        ("sending", "scheduled", "busy; attempt 1 of 5, next at 2026-02-01T09:01:00-06:00"),
    ]
    assert history(qstore, failed) == [
        (None, "scheduled", None),
        claimed,
        ("sending", "error", "no mailbox"),
    ]
    assert history(qstore, gave_up) == [
        (None, "scheduled", None),
        ("scheduled", "sending", "attempt 1 of 1 by w1"),
        ("sending", "error", "busy; gave up after 1 of 1 attempt"),
    ]
    rows = {n["id"]: n for n in list_notifications(qstore)}
    assert rows[sent]["provider_ref"] == "ref-a"
    assert rows[retry]["next_attempt_at"] == NINE + dt.timedelta(seconds=60)
    assert rows[retry]["handed_at"] is None
    assert {rows[i]["lease_owner"] for i in ids} == {None}
    assert {rows[i]["next_attempt_at"] for i in (sent, failed, gave_up)} == {None}
    for nid in ids:
        assert [h["attempt"] for h in notification_history(qstore, nid)] == [0, 1, 1]


def test_a_claim_lost_during_the_call_is_not_recorded_the_others_are(
    qstore, make_queue, recorders
) -> None:
    """While the channel works, one row of the batch is taken over by another worker: its
    result is dropped (no status change, no history entry); the rest are recorded."""
    ids = save(qstore, draft("G1", at=NINE), draft("G2", at=NINE), draft("G5", "text", at=NINE))
    first, second = ids[:2]

    def send(n):
        if n.id == first:
            _set(qstore, second, lease_owner="w2")
        return DeliveryResult.sent(n, provider_ref=f"ref-{n.id}")

    recorders["email"].behaviour = send
    make_queue().deliver(NINE)
    assert statuses(qstore, [first, second]) == ["sent", "sending"]
    assert [h[1] for h in history(qstore, second)] == ["scheduled", "sending"]
    [stored] = [n for n in list_notifications(qstore) if n["id"] == second]
    assert (stored["lease_owner"], stored["provider_ref"]) == ("w2", None)


def test_change_statuses_checks_status_attempt_and_lease_per_row(qstore) -> None:
    """Rows whose status, attempt or lease owner moved on since they were read are left
    alone; the others change; one history entry per change made, results in order."""
    ids = save(qstore, *(draft(g, at=NINE) for g in ("G1", "G2", "G3", "G4")))
    for nid in ids:
        _set(qstore, nid, status="sending", attempt=1, lease_owner="w1")
    with qstore.reading() as conn:
        rows = notification_sql.rows_by_id(conn, ids, lock=False)
    _set(qstore, ids[1], status="unknown")
    _set(qstore, ids[2], attempt=2)
    _set(qstore, ids[3], lease_owner="w2")
    changes = [Change(rows[nid], "sent", f"done {nid}", {"provider_ref": "r"}) for nid in ids]
    with qstore.writing() as conn:
        out = notification_sql.change_statuses(conn, changes, NINE, expect_lease="w1")
    assert out == [Transition(ids[0], "sending", "sent", f"done {ids[0]}"), None, None, None]
    assert statuses(qstore, ids) == ["sent", "unknown", "sending", "sending"]
    assert history(qstore, ids[0])[-1] == ("sending", "sent", f"done {ids[0]}")
    for nid in ids[1:]:
        assert history(qstore, nid) == [(None, "scheduled", None)]
    with qstore.writing() as conn:
        assert notification_sql.change_statuses(conn, [], NINE) == []


def test_change_statuses_sets_each_rows_own_values(qstore) -> None:
    """Rows of one kind of change with different values (instants, texts, NULLs) each get
    their own; values shared by every row are set once."""
    ids = save(qstore, *(draft(g, at=NINE) for g in ("G1", "G2", "G3")))
    for nid in ids:
        _set(qstore, nid, status="sending", attempt=1, lease_owner="w1")
    with qstore.reading() as conn:
        rows = notification_sql.rows_by_id(conn, ids, lock=False)
    later = [NINE + dt.timedelta(minutes=1), NINE + dt.timedelta(hours=2), None]
    refs = ["r1", None, "r3"]
    changes = [
        Change(
            rows[nid],
            "scheduled",
            None,
            {"next_attempt_at": at, "provider_ref": ref, "lease_owner": None},
        )
        for nid, at, ref in zip(ids, later, refs, strict=True)
    ]
    with qstore.writing() as conn:
        out = notification_sql.change_statuses(conn, changes, NINE, expect_lease="w1")
    assert [t.new_status for t in out if t is not None] == ["scheduled"] * 3
    stored = {n["id"]: n for n in list_notifications(qstore)}
    assert [stored[i]["next_attempt_at"] for i in ids] == later
    assert [stored[i]["provider_ref"] for i in ids] == refs
    assert {stored[i]["lease_owner"] for i in ids} == {None}
    assert {stored[i]["updated_at"] for i in ids} == {NINE}
