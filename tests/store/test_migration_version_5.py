"""Schema version 5: the ``channel_rates`` table behind ``max_per_second`` and the claim's
index by channel; a version 4 store is upgraded in place with its data intact, on SQLite
and PostgreSQL."""

from __future__ import annotations

import datetime as dt

import pytest
from sqlalchemy import select, text

from rulesengine.queue import claim_sql
from rulesengine.queue.send_rates import reserve_slots
from rulesengine.store import SCHEMA_VERSION, open_store
from rulesengine.store.migrations import MIGRATIONS
from rulesengine.store.sql_store import SQLStore
from rulesengine.store.tables import channel_rates
from rulesengine.store.user_accounts import add_user
from tests.store.factories import batch, save_live, small_ledger
from tests.store.test_migration_version_4 import reads
from tests.store.test_migrations import (
    notification_indexes,
    table_names,
    undo_version_5,
    undo_version_6,
    version_of,
)


def make_version_4(store: SQLStore) -> None:
    """Make a fresh store what rulesengine wrote at schema version 4: no ``channel_rates``,
    the claim's index on ``(next_attempt_at, id)``."""
    with store.writing() as conn:
        undo_version_6(conn)
        undo_version_5(conn)
        conn.execute(text("UPDATE meta SET value = '4' WHERE key = 'schema_version'"))


def rate_rows(store: SQLStore) -> list[tuple[str, float]]:
    with store.reading() as conn:
        query = select(channel_rates.c.key, channel_rates.c.next_free).order_by(channel_rates.c.key)
        return [(key, next_free) for key, next_free in conn.execute(query)]


def test_version_5_has_its_step() -> None:
    assert 5 in MIGRATIONS and SCHEMA_VERSION >= 5


@pytest.mark.parametrize("store_url", ["sqlite-file", "postgresql"], indirect=True)
def test_version_4_store_is_upgraded_in_place_with_its_data(store_url: str) -> None:
    """Opening a version 4 store adds an empty ``channel_rates`` table, replaces the claim's
    index with the one by channel, records version 5 and keeps every row (users included);
    send slots can then be reserved in it, and due notifications claimed."""
    store = open_store(store_url)
    assert isinstance(store, SQLStore)
    fresh_indexes = notification_indexes(store)
    store.import_ledger(small_ledger())
    with store.run_transaction("default", live=True) as run:
        save_live(run, batch(), "rulesengine: 1\n")
    add_user(store, "admin", "admin", "a long enough password")
    before = reads(store)
    make_version_4(store)
    assert "channel_rates" not in table_names(store)
    assert "ix_notifications_scheduled_due" in notification_indexes(store)
    assert "ix_notifications_scheduled_channel_due" not in notification_indexes(store)
    store.close()

    upgraded = open_store(store_url)
    assert isinstance(upgraded, SQLStore)
    try:
        assert version_of(upgraded) == SCHEMA_VERSION
        assert "channel_rates" in table_names(upgraded)
        assert notification_indexes(upgraded) == fresh_indexes
        assert rate_rows(upgraded) == []
        assert reads(upgraded) == before
        reserve_slots(upgraded, "default/text", 50, 5)
        assert [key for key, _ in rate_rows(upgraded)] == ["default/text"]
        assert reads(upgraded) == before
        with upgraded.writing() as conn:
            due = claim_sql.due_rows(conn, dt.datetime(2026, 2, 2, tzinfo=dt.UTC), 10)
        assert [(row.statement_id, row.channel) for row in due] == [("B1-S1", "email")]
    finally:
        upgraded.close()


@pytest.mark.parametrize("store_url", ["sqlite-file", "postgresql"], indirect=True)
def test_version_5_step_leaves_a_version_5_store_as_it_is(store_url: str) -> None:
    """Step 5 run again on a store whose ``channel_rates`` has a row changes nothing, nor
    its indexes."""
    store = open_store(store_url)
    assert isinstance(store, SQLStore)
    try:
        reserve_slots(store, "default/email", 10, 3)
        found = table_names(store), rate_rows(store), notification_indexes(store)
        with store.writing() as conn:
            MIGRATIONS[5](conn)
        assert (table_names(store), rate_rows(store), notification_indexes(store)) == found
    finally:
        store.close()
