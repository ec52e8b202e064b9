"""Schema version 5: the index ``ix_encounters_worklist`` that the dashboard's worklist pages
and totals read; a version 4 store is upgraded in place with its data intact."""

from __future__ import annotations

import pytest
from sqlalchemy import inspect, text

from rulesengine.store import SCHEMA_VERSION, open_store
from rulesengine.store.migrations import MIGRATIONS
from rulesengine.store.sql_store import SQLStore
from rulesengine.store.worklist_reads import worklist_page, worklist_query
from tests.store.factories import batch, save_live, small_ledger
from tests.store.test_migrations import everything, version_of


def _encounter_indexes(store: SQLStore) -> set[str]:
    with store.reading() as conn:
        return {str(i["name"]) for i in inspect(conn).get_indexes("encounters")}


def test_schema_version_5_has_its_step() -> None:
    assert SCHEMA_VERSION >= 5 and {1, 2, 3, 4, 5} <= set(MIGRATIONS)


@pytest.mark.parametrize("store_url", ["sqlite-file", "postgresql"], indirect=True)
def test_version_4_store_gets_the_worklist_index_and_keeps_its_data(store_url: str) -> None:
    store = open_store(store_url)
    assert isinstance(store, SQLStore)
    store.import_ledger(small_ledger())
    with store.run_transaction("default", live=True) as run:
        save_live(run, batch(), "rulesengine: 1\n")
    before = everything(store)
    with store.writing() as conn:
        conn.execute(text("DROP INDEX ix_encounters_worklist"))
        conn.execute(text("UPDATE meta SET value = '4' WHERE key = 'schema_version'"))
    assert "ix_encounters_worklist" not in _encounter_indexes(store)
    store.close()

    upgraded = open_store(store_url)
    assert isinstance(upgraded, SQLStore)
    try:
        assert version_of(upgraded) == SCHEMA_VERSION
        assert "ix_encounters_worklist" in _encounter_indexes(upgraded)
        assert everything(upgraded) == before
        assert [e.encounter.id for e in worklist_page(upgraded, None)] == ["E3"]
        with upgraded.writing() as conn:  # the step again changes nothing
            MIGRATIONS[5](conn)
        assert everything(upgraded) == before
    finally:
        upgraded.close()


@pytest.mark.parametrize("store_url", ["sqlite-file"], indirect=True)
def test_a_worklist_page_reads_the_worklist_index(store_url: str) -> None:
    """SQLite plans a page (encounter order, after a cursor) on the index, with no sort."""
    store = open_store(store_url)
    assert isinstance(store, SQLStore)
    try:
        from rulesengine.store.tables import encounters

        query = (
            worklist_query("riverside")
            .where(encounters.c.id > "E1")
            .order_by(encounters.c.id)
            .limit(501)
        )
        with store.reading() as conn:
            compiled = query.compile(conn, compile_kwargs={"literal_binds": True})
            plan = [row[3] for row in conn.execute(text(f"EXPLAIN QUERY PLAN {compiled}"))]
        assert any("ix_encounters_worklist" in step for step in plan), plan
        assert not any("TEMP B-TREE" in step for step in plan), plan
    finally:
        store.close()
