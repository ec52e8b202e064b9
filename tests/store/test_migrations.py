"""Schema versions: recorded on creation, newer refused, older upgraded step by step."""

from __future__ import annotations

import datetime as dt
import json
from collections.abc import Iterator
from typing import Any

import pytest
import sqlalchemy
from sqlalchemy import Column, Connection, Integer, MetaData, Table, inspect, select, text

from rulesengine.errors import StoreError
from rulesengine.queue import claim_sql
from rulesengine.queue.notification_reads import (
    list_notifications,
    notification_history,
    stored_batch,
)
from rulesengine.statements.deletion import delete_batch
from rulesengine.store import SCHEMA_VERSION, open_store
from rulesengine.store.migrations import (
    MIGRATIONS,
    VERSION_2_INDEXES,
    VERSION_3_INDEXES,
    VERSION_4_INDEXES,
    VERSION_5_INDEXES,
    ensure_schema,
)
from rulesengine.store.sql_store import SQLStore
from rulesengine.store.tables import meta
from tests.store.factories import batch, save_live, small_ledger


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
                (i["name"], tuple(i["column_names"]), bool(i["unique"]), _index_where(i))
                for i in found.get_indexes(table)
            ),
            "unique": sorted(tuple(u["column_names"]) for u in found.get_unique_constraints(table)),
            "foreign_keys": sorted(
                (tuple(f["constrained_columns"]), f["referred_table"], tuple(f["referred_columns"]))
                for f in found.get_foreign_keys(table)
            ),
        }
    return shape


def _index_where(index: Any) -> str:
    """A partial index's predicate as the database reports it ("" for a full index)."""
    options = index.get("dialect_options", {})
    return " ".join(str(v) for k, v in sorted(options.items()) if k.endswith("_where"))


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


# -- version 2: the claim's partial indexes ----------------------------------------------------


def notification_indexes(store: SQLStore) -> dict[str, str]:
    """The indexes of ``notifications`` (primary and unique keys aside), by name, with the
    SQL the database keeps for them."""
    with store.reading() as conn:
        if conn.dialect.name == "postgresql":
            query = (
                "SELECT indexname, indexdef FROM pg_indexes WHERE tablename = 'notifications'"
                " AND schemaname = current_schema() AND indexname LIKE 'ix_%'"
            )
        else:
            query = (
                "SELECT name, sql FROM sqlite_master WHERE type = 'index'"
                " AND tbl_name = 'notifications' AND name LIKE 'ix_%'"
            )
        return {name: " ".join(sql.split()) for name, sql in conn.execute(text(query))}


def make_version_2(store: SQLStore) -> None:
    """Make a fresh store what rulesengine wrote at schema version 2: no before-state or
    deletion tables, no ``notifications.superseded_by``, no ``external_id`` on payments and
    adjustments."""
    with store.writing() as conn:
        for name in VERSION_3_INDEXES:
            conn.execute(text(f"DROP INDEX {name}"))
        for table in ("payments", "adjustments"):
            conn.execute(text(f"ALTER TABLE {table} DROP COLUMN external_id"))
        conn.execute(text("ALTER TABLE notifications DROP COLUMN superseded_by"))
        undo_version_6(conn)
        conn.execute(text("DROP TABLE batch_encounters_before"))
        conn.execute(text("DROP TABLE batch_deletions"))
        undo_version_5(conn)
        undo_version_4(conn)
        conn.execute(meta.update().where(meta.c.key == "schema_version").values(value="2"))


def _step_text(steps: dict[tuple[str, int], str], batch_id: str, reference: Any) -> str:
    """A version-6 trace reference as version 5 stored the step: a number, or
    ``[number, digits]`` into a template whose detail is ``[before, after]``."""
    if isinstance(reference, int):
        return steps[batch_id, reference]
    number, digits = reference
    name, outcome, (before, after), rule = json.loads(steps[batch_id, number])
    return json.dumps(
        [name, outcome, before + digits + after, rule], separators=(",", ":"), ensure_ascii=False
    )


def undo_version_6(conn: Connection) -> None:
    """Put a fresh store's rows back the way schema version 5 stored them: statement lines
    in ``statement_lines``, a row per encounter in ``batch_traces``, the before-state in
    ``batch_encounters_before``, every notification with its rendered bodies; then drop
    what version 6 added."""
    import json

    from rulesengine.queue.batch_content import Unrendered, render_bodies
    from rulesengine.store.legacy_tables import legacy_metadata
    from rulesengine.store.rows import dumps, dumps_mapping

    legacy_metadata.create_all(conn)
    unrendered = [
        Unrendered(*row)
        for row in conn.execute(
            text(
                "SELECT id, statement_id, channel, rules_hash FROM notifications"
                " WHERE content_json = '' ORDER BY id"
            )
        )
    ]
    for nid, bodies in render_bodies(conn, unrendered).items():
        assert not isinstance(bodies, str), bodies
        conn.execute(
            text("UPDATE notifications SET content_json = :a, context_json = :b WHERE id = :i"),
            {"a": dumps_mapping(bodies.content), "b": dumps(bodies.context), "i": nid},
        )
    for sid, lines in conn.execute(text("SELECT id, lines_json FROM statements")).all():
        for seq, (eid, pid, service, balance, level, rider) in enumerate(json.loads(lines)):
            conn.execute(
                text("INSERT INTO statement_lines VALUES (:s, :q, :e, :p, :d, :b, :l, :r)"),
                {
                    "s": sid,
                    "q": seq,
                    "e": eid,
                    "p": pid,
                    "d": service,
                    "b": balance,
                    "l": level,
                    "r": bool(rider),
                },
            )
    steps = {
        (bid, idx): json.dumps(json.loads(step), separators=(",", ":"), ensure_ascii=False)
        for bid, idx, step in conn.execute(
            text("SELECT batch_id, idx, step_json FROM batch_trace_steps")
        )
    }
    seqs: dict[str, int] = {}
    for bid, gid, found in conn.execute(
        text(
            "SELECT batch_id, guarantor_id, encounters_json FROM batch_guarantor_traces"
            " ORDER BY batch_id, seq"
        )
    ).all():
        for eid, indexes in json.loads(found):
            seq = seqs[bid] = seqs.get(bid, -1) + 1
            traced = (
                None
                if indexes is None
                else "[" + ",".join(_step_text(steps, bid, i) for i in indexes) + "]"
            )
            conn.execute(
                text("INSERT INTO batch_traces VALUES (:b, :q, :e, :g, :t)"),
                {"b": bid, "q": seq, "e": eid, "g": gid, "t": traced},
            )
    conn.execute(
        text(
            "INSERT INTO batch_encounters_before SELECT batch_id, seq, encounter_id,"
            " before_level, before_status, before_first_statement, before_last_statement,"
            " before_statements_sent, before_worklist_batch_id, before_worklist_since"
            " FROM batch_changes WHERE before_level IS NOT NULL"
        )
    )
    conn.execute(text("DROP TABLE batch_guarantor_traces"))
    conn.execute(text("DROP TABLE batch_trace_steps"))
    for column in ("lines_json", "recipient_json", "pay_link"):
        conn.execute(text(f"ALTER TABLE statements DROP COLUMN {column}"))
    for column in (
        "level",
        "status",
        "first_statement",
        "last_statement",
        "statements_sent",
        "worklist_batch_id",
        "worklist_since",
    ):
        conn.execute(text(f"ALTER TABLE batch_changes DROP COLUMN before_{column}"))


def undo_version_5(conn: Connection) -> None:
    """Take from a fresh store what schema version 5 added: the ``channel_rates`` table and
    the claim's index by channel, giving back version 2's claim index."""
    conn.execute(text("DROP TABLE channel_rates"))
    for name in VERSION_5_INDEXES:
        conn.execute(text(f"DROP INDEX {name}"))
    conn.execute(
        text(
            "CREATE INDEX ix_notifications_scheduled_due ON notifications"
            " (next_attempt_at, id) WHERE status = 'scheduled'"
        )
    )


def undo_version_4(conn: Connection) -> None:
    """Take from a fresh store what schema version 4 added: the ``users`` table, the
    history's ``actor`` and the dashboard's indexes, giving back the indexes they replaced
    or rebuilt."""
    conn.execute(text("DROP TABLE users"))
    for name in VERSION_4_INDEXES:
        conn.execute(text(f"DROP INDEX {name}"))
    conn.execute(text("CREATE INDEX ix_encounters_status ON encounters (status)"))
    conn.execute(text("CREATE INDEX ix_statements_batch_id ON statements (batch_id)"))
    conn.execute(text("CREATE INDEX ix_statements_guarantor_id ON statements (guarantor_id)"))
    conn.execute(text("CREATE INDEX ix_batch_traces_guarantor_id ON batch_traces (guarantor_id)"))
    conn.execute(text("ALTER TABLE notification_history DROP COLUMN actor"))
    conn.execute(text("DROP INDEX ix_notifications_batch_id"))
    conn.execute(text("CREATE INDEX ix_notifications_batch_id ON notifications (batch_id)"))


def make_version_1(store: SQLStore) -> None:
    """Make a fresh store what rulesengine wrote at schema version 1: the claim's indexes
    lead with the status and hold every notification."""
    make_version_2(store)
    with store.writing() as conn:
        for name in VERSION_2_INDEXES:
            conn.execute(text(f"DROP INDEX {name}"))
        conn.execute(
            text("CREATE INDEX ix_notifications_due ON notifications (status, next_attempt_at)")
        )
        conn.execute(
            text("CREATE INDEX ix_notifications_lease ON notifications (status, lease_expires_at)")
        )
        conn.execute(meta.update().where(meta.c.key == "schema_version").values(value="1"))


def queue_snapshot(store: SQLStore) -> dict[str, object]:
    notifications = list_notifications(store)
    return {
        "counts": dict(store.counts()),
        "notifications": notifications,
        "history": [notification_history(store, int(n["id"])) for n in notifications],  # type: ignore[call-overload]
        "secret": store.secret(),
    }


def test_version_2_has_the_partial_indexes(store: SQLStore) -> None:
    """A fresh store's claim, lease and staff-view indexes hold only the rows they serve,
    and the version 1 indexes are gone (the claim's in its version 5 form)."""
    found = notification_indexes(store)
    assert "ix_notifications_due" not in found
    assert "ix_notifications_lease" not in found
    assert "ix_notifications_scheduled_due" not in found
    expected = {
        "ix_notifications_scheduled_channel_due": "(channel, next_attempt_at, id) WHERE",
        "ix_notifications_sending_lease": "(lease_expires_at) WHERE",
        "ix_notifications_needs_staff": "(status, id) WHERE",
    }
    for name, columns in expected.items():
        assert columns in found[name], found[name]
    assert "'scheduled'" in found["ix_notifications_scheduled_channel_due"]
    assert "'sending'" in found["ix_notifications_sending_lease"]
    assert "'error'" in found["ix_notifications_needs_staff"]
    assert "'unknown'" in found["ix_notifications_needs_staff"]


@pytest.mark.parametrize("store_url", ["sqlite-file", "postgresql"], indirect=True)
def test_version_1_store_is_upgraded_to_partial_indexes(store_url: str) -> None:
    """Opening a version 1 store replaces its claim indexes with the partial ones, records
    version 2 and keeps every row; the queue then claims from it as before."""
    store = open_store(store_url)
    assert isinstance(store, SQLStore)
    fresh_indexes = notification_indexes(store)
    store.import_ledger(small_ledger())
    with store.run_transaction("default", live=True) as run:
        save_live(run, batch(), "rulesengine: 1\n")
    before = queue_snapshot(store)  # (read before: this release reads the new column)
    make_version_1(store)
    assert {"ix_notifications_due", "ix_notifications_lease"} <= set(notification_indexes(store))
    store.close()

    upgraded = open_store(store_url)
    assert isinstance(upgraded, SQLStore)
    try:
        assert version_of(upgraded) == SCHEMA_VERSION
        assert notification_indexes(upgraded) == fresh_indexes
        assert queue_snapshot(upgraded) == before
        with upgraded.writing() as conn:
            due = claim_sql.due_rows(conn, dt.datetime(2026, 2, 2, tzinfo=dt.UTC), 10)
        assert [(row.statement_id, row.channel, row.status) for row in due] == [
            ("B1-S1", "email", "scheduled")
        ]
    finally:
        upgraded.close()


@pytest.mark.parametrize("store_url", ["sqlite-file", "postgresql"], indirect=True)
def test_version_2_step_leaves_a_version_2_store_as_it_is(store_url: str) -> None:
    """Step 2 run again on a store that has its indexes (step 1 builds today's tables)
    changes nothing."""
    store = open_store(store_url)
    assert isinstance(store, SQLStore)
    found = notification_indexes(store)
    with store.writing() as conn:
        MIGRATIONS[2](conn)
    assert notification_indexes(store) == found
    store.close()


# -- version 3: batch deletion and superseded notifications ---------------------------------------


def table_names(store: SQLStore) -> set[str]:
    with store.reading() as conn:
        return set(inspect(conn).get_table_names())


def everything(store: SQLStore) -> dict[str, object]:
    """Every row of the version 2 tables, as the store reads them back."""
    snapshot = queue_snapshot(store)
    snapshot["batches"] = store.list_batches()
    snapshot["encounters"] = [store.encounters_of(g) for g in ("G1", "G2")]
    snapshot["batch"] = stored_batch(store, "B1")
    return snapshot


@pytest.mark.parametrize("store_url", ["sqlite-file", "postgresql"], indirect=True)
def test_version_2_store_is_upgraded_in_place_with_its_data(store_url: str) -> None:
    """Opening a store written by the version 2 layout adds the before-state and deletion
    tables and ``notifications.superseded_by`` with its index, records version 3 and keeps
    every row; a batch it holds that changed encounters cannot be deleted (nothing was kept
    to put back), and the next live run supersedes as a fresh store's does."""
    from rulesengine.errors import DeleteRefused

    store = open_store(store_url)
    assert isinstance(store, SQLStore)
    fresh_indexes = notification_indexes(store)
    store.import_ledger(small_ledger())
    with store.run_transaction("default", live=True) as run:
        save_live(run, batch(), "rulesengine: 1\n")
    with store.writing() as conn:  # as version 2 wrote it: no before-state
        conn.execute(
            text(
                "UPDATE batch_changes SET before_level = NULL, before_status = NULL,"
                " before_first_statement = NULL, before_last_statement = NULL,"
                " before_statements_sent = NULL, before_worklist_batch_id = NULL,"
                " before_worklist_since = NULL"
            )
        )
    before = everything(store)  # (read before: this release reads the new column)
    make_version_2(store)
    assert "batch_deletions" not in table_names(store)
    store.close()

    upgraded = open_store(store_url)
    assert isinstance(upgraded, SQLStore)
    try:
        assert version_of(upgraded) == SCHEMA_VERSION
        assert "batch_deletions" in table_names(upgraded)
        assert "batch_encounters_before" not in table_names(upgraded)  # version 6 moved it
        assert notification_indexes(upgraded) == fresh_indexes
        assert everything(upgraded) == before
        assert [n["status"] for n in list_notifications(upgraded)] == ["scheduled", "suppressed"]
        with pytest.raises(DeleteRefused, match="run by an earlier version of rulesengine"):
            delete_batch(upgraded, "B1")
        assert everything(upgraded) == before
    finally:
        upgraded.close()


@pytest.mark.parametrize("store_url", ["sqlite-file", "postgresql"], indirect=True)
def test_version_3_step_leaves_a_version_3_store_as_it_is(store_url: str) -> None:
    """Step 3 run again on a store that has its tables and columns changes nothing."""
    store = open_store(store_url)
    assert isinstance(store, SQLStore)
    found = notification_indexes(store), table_names(store), posting_columns(store)
    with store.writing() as conn:
        MIGRATIONS[3](conn)
    assert (notification_indexes(store), table_names(store), posting_columns(store)) == found
    store.close()


# -- version 3: payments and adjustments keep the practice system's id -------------------------


def posting_columns(store: SQLStore) -> dict[str, set[str]]:
    with store.reading() as conn:
        return {
            table: {c["name"] for c in inspect(conn).get_columns(table)}
            for table in ("payments", "adjustments")
        }


def posting_rows(store: SQLStore) -> list[tuple[Any, ...]]:
    with store.reading() as conn:
        return [
            *conn.execute(text("SELECT id, encounter_id, amount_cents, date FROM payments")),
            *conn.execute(text("SELECT id, encounter_id, amount_cents, date FROM adjustments")),
        ]


@pytest.mark.parametrize("store_url", ["sqlite-file", "postgresql"], indirect=True)
def test_version_2_store_gets_posting_external_ids(store_url: str) -> None:
    """Opening a version 2 store adds ``external_id`` (NULL for the rows it holds) and its
    unique indexes to payments and adjustments, keeps every row, and a sync import then
    matches postings by id."""
    from rulesengine.model import Payment
    from rulesengine.store.base import LedgerData

    store = open_store(store_url)
    assert isinstance(store, SQLStore)
    store.import_ledger(small_ledger())
    make_version_2(store)
    assert "external_id" not in posting_columns(store)["payments"]
    before = posting_rows(store)
    store.close()

    upgraded = open_store(store_url)
    assert isinstance(upgraded, SQLStore)
    try:
        assert version_of(upgraded) == SCHEMA_VERSION
        assert all("external_id" in cols for cols in posting_columns(upgraded).values())
        assert posting_rows(upgraded) == before
        with upgraded.reading() as conn:
            ids = conn.execute(text("SELECT external_id FROM payments")).scalars().all()
        assert ids == [None]
        paid = LedgerData(
            payments=[Payment(None, "E1", 700, dt.date(2026, 2, 3), external_id="P9")]
        )
        assert upgraded.sync_ledger(paid).files["payments.csv"].inserted == 1
        assert upgraded.sync_ledger(paid).files["payments.csv"].skipped == 1
        assert [p.amount_cents for p in upgraded.payments_of("E1")] == [2_500, 700]
    finally:
        upgraded.close()
