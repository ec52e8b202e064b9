"""Schema versions: recorded on creation, newer refused, older upgraded step by step."""

from __future__ import annotations

from collections.abc import Iterator

import pytest
import sqlalchemy
from sqlalchemy import Column, Connection, Integer, MetaData, Table, inspect, select, text

from rulesengine.errors import StoreError
from rulesengine.store import SCHEMA_VERSION, open_store
from rulesengine.store.migrations import MIGRATIONS, ensure_schema
from rulesengine.store.schema import meta
from rulesengine.store.sql import SQLStore


def version_of(store: SQLStore) -> int:
    with store.reading() as conn:
        return int(
            conn.execute(select(meta.c.value).where(meta.c.key == "schema_version")).scalar_one()
        )


def set_version(store: SQLStore, version: int) -> None:
    with store.writing() as conn:
        conn.execute(meta.update().where(meta.c.key == "schema_version").values(value=str(version)))


def add_column_step(conn: Connection) -> None:
    """A stand-in version 2: a new column on encounters."""
    conn.execute(text("ALTER TABLE encounters ADD COLUMN note TEXT"))


def encounter_columns(store: SQLStore) -> set[str]:
    with store.reading() as conn:
        return {c["name"] for c in inspect(conn).get_columns("encounters")}


def test_every_version_has_a_step() -> None:
    """MIGRATIONS has one step per version up to SCHEMA_VERSION."""
    assert sorted(MIGRATIONS) == list(range(1, SCHEMA_VERSION + 1))


def test_new_store_records_schema_version(store) -> None:  # type: ignore[no-untyped-def]
    """A fresh store is stamped with the current schema version."""
    assert version_of(store) == SCHEMA_VERSION


def test_reopening_keeps_data(tmp_path) -> None:  # type: ignore[no-untyped-def]
    """Opening an existing store of the current version changes nothing."""
    path = str(tmp_path / "s.db")
    store = open_store(path)
    secret = store.secret()
    store.close()
    again = open_store(path)
    assert (version_of(again), again.secret()) == (SCHEMA_VERSION, secret)  # type: ignore[arg-type]


@pytest.mark.parametrize("store_url", ["sqlite-file", "postgresql"], indirect=True)
def test_newer_store_is_refused(store_url: str) -> None:
    """A store written by a newer rulesengine asks for an upgrade of rulesengine."""
    store = open_store(store_url)
    set_version(store, SCHEMA_VERSION + 1)  # type: ignore[arg-type]
    store.close()
    with pytest.raises(
        StoreError,
        match=rf"was written by a newer rulesengine \(schema "
        rf"{SCHEMA_VERSION + 1}\); upgrade rulesengine$",
    ):
        open_store(store_url)


def test_newer_store_message_names_the_file(tmp_path) -> None:  # type: ignore[no-untyped-def]
    """The refusal names the store's file."""
    path = tmp_path / "s.db"
    store = open_store(str(path))
    set_version(store, 99)  # type: ignore[arg-type]
    store.close()
    with pytest.raises(StoreError) as caught:
        open_store(f"sqlite:///{path}")
    assert str(caught.value) == (
        f"the store {path} was written by a newer rulesengine (schema 99); upgrade rulesengine"
    )


@pytest.mark.parametrize("store_url", ["sqlite-file", "postgresql"], indirect=True)
def test_older_store_is_upgraded_by_steps(store_url: str) -> None:
    """An older store runs the missing steps in order and records the new version."""
    store = open_store(store_url)
    assert isinstance(store, SQLStore)
    steps = {**MIGRATIONS, SCHEMA_VERSION + 1: add_column_step}
    with store.writing() as conn:
        before = ensure_schema(conn, target=SCHEMA_VERSION + 1, steps=steps)
    assert before == SCHEMA_VERSION
    assert version_of(store) == SCHEMA_VERSION + 1
    assert "note" in encounter_columns(store)
    store.close()


def test_missing_step_fails_and_changes_nothing(tmp_path) -> None:  # type: ignore[no-untyped-def]
    """An upgrade with a gap in its steps is refused and leaves the store as it was."""
    store = open_store(str(tmp_path / "s.db"))
    assert isinstance(store, SQLStore)
    steps = {**MIGRATIONS, SCHEMA_VERSION + 2: add_column_step}
    with pytest.raises(StoreError, match=f"no migration to schema version {SCHEMA_VERSION + 1}"):
        with store.writing() as conn:
            ensure_schema(conn, target=SCHEMA_VERSION + 2, steps=steps)
    assert version_of(store) == SCHEMA_VERSION


def test_failing_step_rolls_back_the_upgrade(tmp_path) -> None:  # type: ignore[no-untyped-def]
    """A step that fails midway leaves neither its changes nor a new version."""
    store = open_store(str(tmp_path / "s.db"))
    assert isinstance(store, SQLStore)

    def half_done(conn: Connection) -> None:
        add_column_step(conn)
        raise RuntimeError("step failed")

    with pytest.raises(RuntimeError, match="step failed"):
        with store.writing() as conn:
            ensure_schema(
                conn, target=SCHEMA_VERSION + 1, steps={**MIGRATIONS, SCHEMA_VERSION + 1: half_done}
            )
    assert version_of(store) == SCHEMA_VERSION
    assert "note" not in encounter_columns(store)


def test_unrelated_tables_are_left_alone(tmp_path) -> None:  # type: ignore[no-untyped-def]
    """A database holding other tables only gets the store's tables next to them."""
    path = tmp_path / "shared.db"
    engine = sqlalchemy.create_engine(f"sqlite:///{path}")
    other = Table("other", MetaData(), Column("x", Integer))
    other.metadata.create_all(engine)
    engine.dispose()
    store = open_store(str(path))
    assert version_of(store) == SCHEMA_VERSION  # type: ignore[arg-type]


def test_store_tables_without_version_are_refused(tmp_path) -> None:  # type: ignore[no-untyped-def]
    """Store tables without a meta table are not a rulesengine store."""
    path = tmp_path / "odd.db"
    engine = sqlalchemy.create_engine(f"sqlite:///{path}")
    Table("guarantors", MetaData(), Column("id", Integer)).metadata.create_all(engine)
    engine.dispose()
    with pytest.raises(StoreError, match="has rulesengine tables but no schema version"):
        open_store(str(path))


# -- the migration list builds what a fresh store has --------------------------------------------


def _schema_shape(conn: Connection) -> dict[str, object]:
    """Tables with their columns, primary keys, indexes, unique and foreign keys, as
    reflected from the database (names and types as the database reports them)."""
    found = inspect(conn)
    shape: dict[str, object] = {}
    for table in sorted(found.get_table_names()):
        shape[table] = {
            "columns": [
                (c["name"], str(c["type"]), c["nullable"], str(c.get("default")))
                for c in found.get_columns(table)
            ],
            "primary_key": found.get_pk_constraint(table)["constrained_columns"],
            "indexes": sorted(
                (i["name"], tuple(i["column_names"]), bool(i["unique"]))
                for i in found.get_indexes(table)
            ),
            "unique": sorted(tuple(u["column_names"]) for u in found.get_unique_constraints(table)),
            "foreign_keys": sorted(
                (tuple(f["constrained_columns"]), f["referred_table"], tuple(f["referred_columns"]))
                for f in found.get_foreign_keys(table)
            ),
        }
    return shape


@pytest.fixture
def two_empty_databases(request: pytest.FixtureRequest, tmp_path) -> Iterator[tuple[str, str]]:  # type: ignore[no-untyped-def]
    """Two empty databases of the kind in ``request.param``, as store URLs."""
    if request.param == "sqlite-file":
        yield str(tmp_path / "fresh.db"), str(tmp_path / "migrated.db")
        return
    import uuid
    from urllib.parse import quote

    server = request.getfixturevalue("pg_server")
    admin = sqlalchemy.create_engine(server.replace("postgresql://", "postgresql+psycopg://", 1))
    schemas = [f"m_{uuid.uuid4().hex[:16]}" for _ in range(2)]
    with admin.begin() as conn:
        for schema in schemas:
            conn.exec_driver_sql(f'CREATE SCHEMA "{schema}"')
    sep = "&" if "?" in server else "?"
    try:
        yield tuple(f"{server}{sep}options={quote(f'-csearch_path={s}')}" for s in schemas)  # type: ignore[misc]
    finally:
        with admin.begin() as conn:
            for schema in schemas:
                conn.exec_driver_sql(f'DROP SCHEMA "{schema}" CASCADE')
        admin.dispose()


@pytest.mark.parametrize("two_empty_databases", ["sqlite-file", "postgresql"], indirect=True)
def test_the_migration_steps_build_the_fresh_schema(two_empty_databases: tuple[str, str]) -> None:
    """Every step of MIGRATIONS applied in order to an empty database gives the same tables,
    columns, keys and indexes as a store created fresh at SCHEMA_VERSION."""
    from rulesengine.store.connect import create_store_engine
    from rulesengine.store.migrations import upgrade

    fresh_url, migrated_url = two_empty_databases
    fresh = open_store(fresh_url)
    migrated_engine = create_store_engine(migrated_url)
    try:
        with migrated_engine.begin() as conn:
            MIGRATIONS[1](conn)
            conn.execute(meta.insert().values(key="schema_version", value="1"))
            upgrade(conn, 1, SCHEMA_VERSION)
        with fresh.reading() as a, migrated_engine.connect() as b:
            fresh_shape, migrated_shape = _schema_shape(a), _schema_shape(b)
    finally:
        fresh.close()
        migrated_engine.dispose()
    assert fresh_shape, "the fresh store has no tables?"
    assert migrated_shape == fresh_shape
    migrated = open_store(migrated_url)
    assert version_of(migrated) == SCHEMA_VERSION
    migrated.close()
