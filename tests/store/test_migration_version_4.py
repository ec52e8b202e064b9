"""Schema version 4: the ``users`` table for dashboard users, the history's ``actor`` and
the indexes the dashboard's screens read through; a version 3 store is upgraded in place
with its data intact, on SQLite and PostgreSQL."""

from __future__ import annotations

import pytest
from sqlalchemy import text

from rulesengine.store import SCHEMA_VERSION, open_store
from rulesengine.store.migrations import (
    MIGRATIONS,
    VERSION_4_INDEXES,
    VERSION_4_REPLACED_INDEXES,
)
from rulesengine.store.sql_store import SQLStore
from rulesengine.store.user_accounts import add_user, list_users, login_user
from tests.store.factories import batch, save_live, small_ledger
from tests.store.test_migrations import (
    everything,
    notification_indexes,
    table_names,
    undo_version_4,
    undo_version_5,
    undo_version_6,
    version_of,
)


def make_version_3(store: SQLStore) -> None:
    """Make a fresh store what rulesengine wrote at schema version 3: no ``users``, and
    the indexes as they were before the dashboard's."""
    with store.writing() as conn:
        undo_version_6(conn)
        undo_version_5(conn)
        undo_version_4(conn)
        conn.execute(text("UPDATE meta SET value = '3' WHERE key = 'schema_version'"))


def index_names(store: SQLStore) -> set[str]:
    """The names of the store's ``ix_`` indexes, on every table."""
    with store.reading() as conn:
        if conn.dialect.name == "postgresql":
            query = (
                "SELECT indexname FROM pg_indexes WHERE schemaname = current_schema()"
                " AND indexname LIKE 'ix_%'"
            )
        else:
            query = "SELECT name FROM sqlite_master WHERE type = 'index' AND name LIKE 'ix_%'"
        return set(conn.execute(text(query)).scalars())


def reads(store: SQLStore) -> dict[str, object]:
    """What the dashboard's screens read, besides every row: the worklist in its order."""
    return {**everything(store), "worklist": store.worklist()}


@pytest.mark.parametrize("store_url", ["sqlite-file", "postgresql"], indirect=True)
def test_version_3_store_is_upgraded_in_place_with_its_data(store_url: str) -> None:
    """Opening a version 3 store adds an empty ``users`` table, records version 4 and keeps
    every row; users can then be added to it."""
    store = open_store(store_url)
    assert isinstance(store, SQLStore)
    store.import_ledger(small_ledger())
    with store.run_transaction("default", live=True) as run:
        save_live(run, batch(), "rulesengine: 1\n")
    before = reads(store)
    indexes = index_names(store)
    make_version_3(store)
    assert "users" not in table_names(store)
    assert not index_names(store) & set(VERSION_4_INDEXES)
    assert set(VERSION_4_REPLACED_INDEXES) <= index_names(store)
    assert "(batch_id)" in notification_indexes(store)["ix_notifications_batch_id"]
    store.close()

    upgraded = open_store(store_url)
    assert isinstance(upgraded, SQLStore)
    try:
        assert version_of(upgraded) == SCHEMA_VERSION
        assert "users" in table_names(upgraded)
        assert index_names(upgraded) == indexes
        assert not index_names(upgraded) & set(VERSION_4_REPLACED_INDEXES)
        assert "(batch_id, id)" in notification_indexes(upgraded)["ix_notifications_batch_id"]
        assert reads(upgraded) == before
        assert list_users(upgraded) == []
        added = add_user(upgraded, "admin", "admin", "a long enough password")
        assert login_user(upgraded, "admin", "a long enough password") == added
        assert reads(upgraded) == before
    finally:
        upgraded.close()


@pytest.mark.parametrize("store_url", ["sqlite-file", "postgresql"], indirect=True)
def test_version_4_step_leaves_a_version_4_store_as_it_is(store_url: str) -> None:
    """Step 4 run again on a store that has ``users`` (with a user in it) and the
    dashboard's indexes changes nothing."""
    store = open_store(store_url)
    assert isinstance(store, SQLStore)
    try:
        add_user(store, "admin", "admin", "a long enough password")
        found = table_names(store), list_users(store), index_names(store)
        # (version 6 replaced batch_traces, and its index, by batch_guarantor_traces)
        assert set(VERSION_4_INDEXES) - {"ix_batch_traces_guarantor_batch"} <= found[2]
        with store.writing() as conn:
            MIGRATIONS[4](conn)
        assert (table_names(store), list_users(store), index_names(store)) == found
    finally:
        store.close()
