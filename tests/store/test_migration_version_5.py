"""Schema version 5: the batch_id indexes of ``statements`` and ``notifications`` become
``(batch_id, seq, level)`` and ``(batch_id, channel, status)``; a version 4 store is upgraded in
place with its data intact, on SQLite and PostgreSQL, and the Batches screen's counts read
those indexes alone."""

from __future__ import annotations

import pytest
from sqlalchemy import inspect, text

from rulesengine.store import SCHEMA_VERSION, open_store
from rulesengine.store.migrations import MIGRATIONS, VERSION_5_INDEXES
from rulesengine.store.sql_store import SQLStore
from tests.store.factories import batch, save_live, small_ledger
from tests.store.test_migrations import everything, version_of

OLD = {"statements": "ix_statements_batch_id", "notifications": "ix_notifications_batch_id"}


def index_names(store: SQLStore) -> set[str]:
    with store.reading() as conn:
        found = inspect(conn)
        return {
            str(index["name"])
            for table in ("statements", "notifications")
            for index in found.get_indexes(table)
        }


def make_version_4(store: SQLStore) -> None:
    """Make a fresh store what rulesengine wrote at schema version 4."""
    with store.writing() as conn:
        for name in VERSION_5_INDEXES:
            conn.execute(text(f"DROP INDEX {name}"))
        for table, name in OLD.items():
            conn.execute(text(f"CREATE INDEX {name} ON {table} (batch_id)"))
        conn.execute(text("UPDATE meta SET value = '4' WHERE key = 'schema_version'"))


def test_schema_version_5_is_a_step() -> None:
    assert SCHEMA_VERSION >= 5 and 5 in MIGRATIONS


@pytest.mark.parametrize("store_url", ["sqlite-file", "postgresql"], indirect=True)
def test_version_4_store_is_upgraded_in_place_with_its_data(store_url: str) -> None:
    store = open_store(store_url)
    store.import_ledger(small_ledger())
    with store.run_transaction("default", live=True) as run:
        save_live(run, batch(), "rulesengine: 1\n")
    before = everything(store)
    make_version_4(store)
    assert set(OLD.values()) <= index_names(store)
    store.close()

    upgraded = open_store(store_url)
    try:
        assert version_of(upgraded) >= 5
        names = index_names(upgraded)
        assert set(VERSION_5_INDEXES) <= names
        assert not set(OLD.values()) & names
        assert everything(upgraded) == before
        with upgraded.writing() as conn:  # step 5 again changes nothing
            MIGRATIONS[5](conn)
        assert index_names(upgraded) == names
    finally:
        upgraded.close()


@pytest.mark.parametrize("store_url", ["sqlite-file"], indirect=True)
def test_the_batch_screens_read_only_the_indexes(store_url: str) -> None:
    """SQLite's plans: the grouped counts read a covering index, no table row; a page of a
    batch's statements seeks its position in the index."""
    queries = {
        "levels": "SELECT batch_id, level, count(*) FROM statements"
        " WHERE batch_id IN ('a', 'b') GROUP BY batch_id, level",
        "notifications": "SELECT batch_id, channel, status, count(*) FROM notifications"
        " WHERE batch_id IN ('a', 'b') GROUP BY batch_id, channel, status",
        "page": "SELECT seq, id FROM statements WHERE batch_id = 'a' AND seq > 5"
        " ORDER BY seq LIMIT 101",
    }
    store = open_store(store_url)
    try:
        with store.reading() as conn:
            plans = {
                name: " ".join(
                    str(row[-1]) for row in conn.execute(text("EXPLAIN QUERY PLAN " + sql))
                )
                for name, sql in queries.items()
            }
    finally:
        store.close()
    assert "COVERING INDEX ix_statements_batch_seq" in plans["levels"]
    assert "COVERING INDEX ix_notifications_batch_channel_status" in plans["notifications"]
    assert "INDEX ix_statements_batch_seq (batch_id=? AND seq>?)" in plans["page"]
    assert "TEMP B-TREE FOR ORDER BY" not in plans["page"]
