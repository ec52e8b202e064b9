"""Uploading a live batch to the queue (:mod:`rulesengine.queue.batch_upload`), on SQLite
(file and in memory) and PostgreSQL."""

from __future__ import annotations

import datetime as dt

import pytest
from sqlalchemy import func, select

from rulesengine.queue import Queue, batch_upload
from rulesengine.queue.notification_reads import (
    batch_drafts,
    list_notifications,
    notification_history,
    uploaded_statuses,
)
from rulesengine.queue.notification_sql import last_details
from rulesengine.store import open_store
from rulesengine.store.base import Store
from rulesengine.store.tables import notification_history as history_table
from tests.store.factories import batch, save_live, small_ledger


def save(store: Store, result, rules_text: str = "rulesengine: 1\n") -> None:  # type: ignore[no-untyped-def]
    """Save a live batch as the statement run does (its notifications queued with it)."""
    with store.run_transaction(result.profile_id, live=True) as run:
        save_live(run, result, rules_text)


def test_upload_queues_notifications_with_history(store: Store) -> None:
    """Each draft becomes one queued notification with its first history entry."""
    store.import_ledger(small_ledger())
    save(store, batch())
    email, text = list_notifications(store, batch_id="B1")
    assert {
        k: email[k]
        for k in (
            "batch_id",
            "statement_id",
            "guarantor_id",
            "channel",
            "message_id",
            "level",
            "status",
            "reason",
            "to",
            "attempt",
            "idempotency_key",
            "content",
        )
    } == {
        "batch_id": "B1",
        "statement_id": "B1-S1",
        "guarantor_id": "G1",
        "channel": "email",
        "message_id": "final_notice",
        "level": 3,
        "status": "scheduled",
        "reason": None,
        "to": "ada@example.org",
        "attempt": 0,
        "idempotency_key": "B1-S1:email",
        "content": {"subject": "Final notice", "body": "Pay 200.00 — now"},
    }
    assert email["scheduled_at"] == dt.datetime(2026, 2, 1, 6, 0, tzinfo=dt.UTC)
    assert email["scheduled_at"].utcoffset() == dt.timedelta(0)
    assert (text["status"], text["reason"], text["to"]) == ("suppressed", "opted out of text", None)
    [entry] = notification_history(store, email["id"])
    assert {
        k: entry[k]
        for k in (
            "old_status",
            "new_status",
            "message_id",
            "level",
            "rules_hash",
            "attempt",
            "detail",
        )
    } == {
        "old_status": None,
        "new_status": "scheduled",
        "message_id": "final_notice",
        "level": 3,
        "rules_hash": "sha256:abc",
        "attempt": 0,
        "detail": None,
    }
    assert notification_history(store, text["id"])[0]["detail"] == "opted out of text"


def test_upload_keeps_delivery_fields(store: Store) -> None:
    """Zone, window, retry policy and channel context are stored with each notification."""
    store.import_ledger(small_ledger())
    save(store, batch())
    email, text = list_notifications(store, batch_id="B1")
    assert {
        k: email[k]
        for k in ("kind", "timezone", "send_window", "max_attempts", "backoff", "handed_at")
    } == {
        "kind": "batch",
        "timezone": "America/Chicago",
        "send_window": "09:00-17:30",
        "max_attempts": 3,
        "backoff": (30, 90),
        "handed_at": None,
    }
    assert email["context"]["recipient"]["postal_zip"] == "62701"
    assert email["next_attempt_at"] == email["scheduled_at"]
    assert (text["timezone"], text["send_window"], text["backoff"]) == (
        "UTC",
        None,
        (60, 300, 1800, 7200),
    )
    assert text["next_attempt_at"] is None
    assert list_notifications(store, kind="proof") == []
    assert len(list_notifications(store, kind="batch")) == 2


@pytest.mark.parametrize("store_url", ["postgresql"], indirect=True)
@pytest.mark.parametrize("threshold, analysed", [(1, True), (3, False)])
def test_a_large_live_batch_refreshes_the_queues_statistics(
    store_url: str, monkeypatch: pytest.MonkeyPatch, threshold: int, analysed: bool
) -> None:
    """On PostgreSQL a batch queuing ANALYZE_AFTER notifications or more analyses the
    queue in its transaction, so the workers' claim is planned from its real size (a
    table never analysed has reltuples -1)."""
    monkeypatch.setattr(batch_upload, "ANALYZE_AFTER", threshold)
    opened = open_store(store_url)
    opened.import_ledger(small_ledger())
    with opened.run_transaction("default", live=True) as run:
        save_live(run, batch(), "rules")  # two notifications
    with opened.engine.connect() as conn:
        estimate = conn.exec_driver_sql(
            "SELECT reltuples FROM pg_class WHERE oid = 'notifications'::regclass"
        ).scalar()
    opened.close()
    assert (estimate == 2) is analysed


def test_a_queued_notification_holds_its_first_history_entry_itself(store: Store) -> None:
    """A live batch writes no history row per notification: the first entry (when it was
    queued, with which status and why) is read from the notification's own row, before the
    entries its later changes add, and is the newest detail until there is one."""
    store.import_ledger(small_ledger())
    save(store, batch())
    email, text = list_notifications(store, batch_id="B1")
    with store.reading() as conn:  # type: ignore[attr-defined]
        rows = conn.execute(select(func.count()).select_from(history_table)).scalar_one()
        assert rows == 0
        assert last_details(conn, [email["id"], text["id"]]) == {
            email["id"]: None,
            text["id"]: "opted out of text",
        }
        drafts = batch_drafts(conn, "B1")
    assert [(d.status, d.reason) for d in drafts] == [
        ("scheduled", None),
        ("suppressed", "opted out of text"),
    ]
    assert uploaded_statuses(store, "B1") == [  # type: ignore[arg-type]
        (email["id"], "scheduled", None),
        (text["id"], "suppressed", "opted out of text"),
    ]
    with Queue(store, channels={}) as queue:  # type: ignore[arg-type]
        queue.cancel([email["id"]], actor="staff:ann")
    history = notification_history(store, email["id"])  # type: ignore[arg-type]
    assert [(h["old_status"], h["new_status"], h["actor"]) for h in history] == [
        (None, "scheduled", None),
        ("scheduled", "canceled", "staff:ann"),
    ]
    assert history[0]["at"] == email["created_at"]
    with store.reading() as conn:  # type: ignore[attr-defined]
        newest = last_details(conn, [email["id"]])[email["id"]]
        drafts = batch_drafts(conn, "B1")
    assert newest == history[-1]["detail"]
    assert drafts[0].status == "scheduled"  # as uploaded, whatever happened since
