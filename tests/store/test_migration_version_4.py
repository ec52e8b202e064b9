"""Schema version 4: the ``users`` table for dashboard users, the history's ``actor`` and
the queue pages' indexes; a version 3 store is upgraded in place with its data intact, on
SQLite and PostgreSQL."""

from __future__ import annotations

import pytest
from sqlalchemy import text

from rulesengine.store import SCHEMA_VERSION, open_store
from rulesengine.store.migrations import MIGRATIONS, VERSION_4_INDEXES
from rulesengine.store.sql_store import SQLStore
from rulesengine.store.user_accounts import add_user, list_users, login_user
from tests.store.factories import batch, save_live, small_ledger
from tests.store.test_migrations import (
    everything,
    notification_indexes,
    table_names,
    version_of,
)


def make_version_3(store: SQLStore) -> None:
    """Make a fresh store what rulesengine wrote at schema version 3: no ``users``, no
    ``notification_history.actor``, no queue page indexes, the batch index on ``batch_id``
    alone."""
    with store.writing() as conn:
        conn.execute(text("DROP TABLE users"))
        for name in VERSION_4_INDEXES:
            conn.execute(text(f"DROP INDEX {name}"))
        conn.execute(text("ALTER TABLE notification_history DROP COLUMN actor"))
        conn.execute(text("DROP INDEX ix_notifications_batch_id"))
        conn.execute(text("CREATE INDEX ix_notifications_batch_id ON notifications (batch_id)"))
        conn.execute(text("UPDATE meta SET value = '3' WHERE key = 'schema_version'"))


def test_schema_version_is_4() -> None:
    assert SCHEMA_VERSION == 4 and set(MIGRATIONS) == {1, 2, 3, 4}


@pytest.mark.parametrize("store_url", ["sqlite-file", "postgresql"], indirect=True)
def test_version_3_store_is_upgraded_in_place_with_its_data(store_url: str) -> None:
    """Opening a version 3 store adds an empty ``users`` table, records version 4 and keeps
    every row; users can then be added to it."""
    store = open_store(store_url)
    assert isinstance(store, SQLStore)
    store.import_ledger(small_ledger())
    with store.run_transaction("default", live=True) as run:
        save_live(run, batch(), "rulesengine: 1\n")
    before = everything(store)
    indexes = notification_indexes(store)
    make_version_3(store)
    assert "users" not in table_names(store)
    assert not set(VERSION_4_INDEXES) & set(notification_indexes(store))
    assert "(batch_id)" in notification_indexes(store)["ix_notifications_batch_id"]
    store.close()

    upgraded = open_store(store_url)
    assert isinstance(upgraded, SQLStore)
    try:
        assert version_of(upgraded) == 4
        assert "users" in table_names(upgraded)
        assert notification_indexes(upgraded) == indexes
        assert everything(upgraded) == before
        assert list_users(upgraded) == []
        added = add_user(upgraded, "admin", "admin", "a long enough password")
        assert login_user(upgraded, "admin", "a long enough password") == added
        assert everything(upgraded) == before
    finally:
        upgraded.close()


@pytest.mark.parametrize("store_url", ["sqlite-file", "postgresql"], indirect=True)
def test_version_4_step_leaves_a_version_4_store_as_it_is(store_url: str) -> None:
    """Step 4 run again on a store that has ``users`` (with a user in it), the history's
    actor and the queue page indexes changes nothing."""
    store = open_store(store_url)
    assert isinstance(store, SQLStore)
    try:
        add_user(store, "admin", "admin", "a long enough password")
        found = table_names(store), list_users(store), notification_indexes(store)
        with store.writing() as conn:
            MIGRATIONS[4](conn)
        assert (table_names(store), list_users(store), notification_indexes(store)) == found
    finally:
        store.close()
