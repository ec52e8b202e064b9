"""The queue's queries can use the partial indexes of schema versions 2, 4 and 5."""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from typing import Any

import pytest
from sqlalchemy import Connection, event, text

from rulesengine.queue import claim_sql, notification_sql
from rulesengine.store import open_store
from rulesengine.store.sql_store import SQLStore
from rulesengine.store.tables import notifications

NOW = dt.datetime(2026, 2, 2, tzinfo=dt.UTC)


def statements(store: SQLStore, call: Callable[[Connection], object]) -> list[tuple[str, Any]]:
    """The SQL (and parameters) that ``call`` sends to the database, in a write transaction."""
    sent: list[tuple[str, Any]] = []

    def note(conn, cursor, statement, parameters, context, executemany) -> None:  # type: ignore[no-untyped-def]
        sent.append((statement, parameters))

    event.listen(store.engine, "after_cursor_execute", note)
    try:
        with store.writing() as conn:
            call(conn)
    finally:
        event.remove(store.engine, "after_cursor_execute", note)
    return [(sql, params) for sql, params in sent if "notifications" in sql]


def test_queue_queries_spell_the_index_predicates(store: SQLStore) -> None:
    """The claim, the lease expiry, the heartbeat and the status filter write the status as
    a literal, as the partial indexes' predicates do (PostgreSQL does not match a bound
    parameter to a predicate in a generic plan)."""
    calls: dict[str, Callable[[Connection], object]] = {
        "status = 'scheduled'": lambda conn: claim_sql.due_rows(conn, NOW, 10),
        "status = 'sending'": lambda conn: notification_sql.expired_leases(conn, NOW),
        "status = 'error'": lambda conn: notification_sql.queue_rows(conn, status="error"),
    }
    for predicate, call in calls.items():
        [(sql, _)] = statements(store, call)
        assert f"notifications.{predicate}" in sql, sql
    [(sql, _)] = statements(store, lambda conn: notification_sql.extend_leases(conn, "w1", NOW))
    assert "notifications.status = 'sending'" in sql


def test_sqlite_plans_read_the_partial_indexes(tmp_path) -> None:  # type: ignore[no-untyped-def]
    """On SQLite (which has no statistics) the lease expiry and the staff views of errors
    and unknowns read their partial index instead of scanning the table (the claim: see
    test_each_channels_claim_reads_only_its_own_range)."""
    store = open_store(str(tmp_path / "s.db"))
    assert isinstance(store, SQLStore)
    expected: dict[str, Callable[[Connection], object]] = {
        "ix_notifications_sending_lease": lambda conn: notification_sql.expired_leases(conn, NOW),
        "ix_notifications_needs_staff": lambda conn: notification_sql.queue_rows(
            conn, status="unknown", limit=5
        ),
    }
    try:
        for index, call in expected.items():
            [(sql, params)] = statements(store, call)
            with store.reading() as conn:
                plan = [
                    row[-1] for row in conn.exec_driver_sql(f"EXPLAIN QUERY PLAN {sql}", params)
                ]
            assert any(f"USING INDEX {index}" in step for step in plan), plan
    finally:
        store.close()


#: The dashboard's queue filters, newest first from an ``after`` id -> what SQLite reads:
#: an index, or the table walked backwards by id (the filters most rows match), never the
#: whole table sorted.
KEYSET_PLANS: list[tuple[dict[str, Any], str]] = [
    ({}, "INTEGER PRIMARY KEY"),
    ({"batch_id": "B1"}, "ix_notifications_batch_id"),
    ({"guarantor_id": "G1"}, "ix_notifications_guarantor_id"),
    ({"status": "error"}, "ix_notifications_needs_staff"),
    ({"status": ("error", "unknown")}, "ix_notifications_needs_staff"),
    ({"status": "canceled"}, "ix_notifications_set_aside"),
    ({"status": "suppressed"}, "ix_notifications_set_aside"),
    ({"status": "superseded"}, "ix_notifications_set_aside"),
    ({"status": "sent"}, "ix_notifications_sent_id"),
    ({"status": "scheduled"}, "ix_notifications_scheduled_id"),
    ({"status": "sending"}, "ix_notifications_sending_id"),
    ({"kind": "proof"}, "ix_notifications_other_kinds"),
    ({"kind": "on_demand"}, "ix_notifications_other_kinds"),
    ({"kind": "batch"}, "INTEGER PRIMARY KEY"),
    ({"channel": "email"}, "INTEGER PRIMARY KEY"),
    ({"profile_id": "riverside"}, "INTEGER PRIMARY KEY"),
    ({"batch_id": "B1", "status": ("error", "unknown")}, "ix_notifications_needs_staff"),
    ({"batch_id": "B1", "status": "error"}, "ix_notifications_needs_staff"),
    ({"batch_id": "B1", "status": "sending"}, "ix_notifications_sending_id"),
    ({"batch_id": "B1", "status": "scheduled"}, "ix_notifications_"),
    ({"guarantor_id": "G1", "channel": "text"}, "ix_notifications_guarantor_id"),
    ({"profile_id": "riverside", "status": "canceled"}, "ix_notifications_set_aside"),
]


def test_sqlite_plans_of_the_queue_pages(tmp_path) -> None:  # type: ignore[no-untyped-def]
    """Every filter of the dashboard's queue, a page newest first after an id, reads an
    index or walks the ids backwards (stopping at the page's end), never sorts the table;
    only "Manage errors" sorts, what its partial index holds."""
    store = open_store(str(tmp_path / "s.db"))
    assert isinstance(store, SQLStore)
    try:
        for filters, reads in KEYSET_PLANS:

            def page(conn: Connection, filters: dict[str, Any] = filters) -> object:
                return notification_sql.queue_rows(
                    conn, **filters, newest_first=True, after=1_000_000, limit=51
                )

            [(sql, params)] = statements(store, page)
            with store.reading() as conn:
                plan = [
                    row[-1] for row in conn.exec_driver_sql(f"EXPLAIN QUERY PLAN {sql}", params)
                ]
            assert any(reads in step for step in plan), (filters, plan)
            if "status" not in filters or isinstance(filters["status"], str):
                assert not any("TEMP B-TREE" in step for step in plan), (filters, plan)
    finally:
        store.close()


def queue_scheduled(store: SQLStore, channel: str, count: int, *, due: dt.datetime) -> None:
    """Insert ``count`` scheduled notifications on ``channel``, due at ``due``, directly
    (what a live batch would queue, without the statements behind them)."""
    rows = [
        {
            "statement_id": f"S-{channel}-{i}",
            "guarantor_id": f"G{i}",
            "channel": channel,
            "message_id": "reminder",
            "level": 1,
            "status": "scheduled",
            "scheduled_at": due,
            "next_attempt_at": due,
            "content_json": "{}",
            "idempotency_key": f"{channel}-{i}",
            "created_at": due,
            "updated_at": due,
        }
        for i in range(count)
    ]
    with store.writing() as conn:
        conn.execute(notifications.insert(), rows)
        if conn.dialect.name == "postgresql":
            conn.execute(text("ANALYZE notifications"))


def plan_of(store: SQLStore, sql: str, params: Any, *, run: bool = False) -> str:
    """The database's plan for ``sql``, as one text; ``run``: on PostgreSQL, run it too
    (``EXPLAIN ANALYZE``, which alone shows the plan of a subquery in a recursive step)."""
    explain = "EXPLAIN QUERY PLAN"
    if store.engine.dialect.name == "postgresql":
        explain = "EXPLAIN (ANALYZE, COSTS OFF)" if run else "EXPLAIN (COSTS OFF)"
    with store.reading() as conn:
        return "\n".join(str(row[-1]) for row in conn.exec_driver_sql(f"{explain} {sql}", params))


@pytest.mark.parametrize("store_url", ["sqlite-file", "postgresql"], indirect=True)
def test_each_channels_claim_reads_only_its_own_range(store: SQLStore) -> None:
    """With 20,000 emails due before 10 texts, the claim finds the channels by a lookup in
    ``ix_notifications_scheduled_channel_due`` and reads each channel's due rows from its
    own range of it, in its order: the texts' query never reads through the emails, and
    nothing is sorted."""
    queue_scheduled(store, "email", 20_000, due=NOW - dt.timedelta(days=1))
    queue_scheduled(store, "text", 10, due=NOW - dt.timedelta(hours=1))
    sent = statements(store, lambda conn: claim_sql.due_rows(conn, NOW, 100))
    [(channels_sql, channels_params), *claims] = sent
    assert "WITH RECURSIVE" in channels_sql
    by_channel = {
        channel: (sql, params)
        for sql, params in claims
        for channel in ("email", "text")
        if channel in (params.values() if isinstance(params, dict) else params)
    }
    assert sorted(by_channel) == ["email", "text"], claims
    index = "ix_notifications_scheduled_channel_due"
    if store.engine.dialect.name == "postgresql":
        channels_plan = plan_of(store, channels_sql, channels_params, run=True)
        assert "Seq Scan" not in channels_plan, channels_plan
        assert f"Index Only Scan using {index}" in channels_plan, channels_plan
        assert "(channel > scheduled_channels_1.channel))" in channels_plan, channels_plan
        for sql, params in by_channel.values():
            claim_plan = plan_of(store, sql, params)
            assert f"Index Scan using {index}" in claim_plan, claim_plan
            assert "Index Cond: (((channel)::text = " in claim_plan, claim_plan
            assert "Sort" not in claim_plan, claim_plan
    else:
        channels_plan = plan_of(store, channels_sql, channels_params)
        assert "SCAN notifications" not in channels_plan, channels_plan
        assert f"SEARCH notifications USING INDEX {index} (channel>?)" in channels_plan, (
            channels_plan
        )
        for sql, params in by_channel.values():
            claim_plan = plan_of(store, sql, params)
            assert f"USING INDEX {index} (channel=? AND next_attempt_at<?)" in claim_plan, (
                claim_plan
            )
            assert "TEMP B-TREE" not in claim_plan, claim_plan
