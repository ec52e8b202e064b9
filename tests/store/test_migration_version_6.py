"""Schema version 6: a batch stores what it decided. A store written by the version-5
release (tests/data/stores, made by its make_version_5.py with that release) is upgraded in
place on open, on SQLite and PostgreSQL: every batch reads back as that release read it,
the notifications keep their stored bodies, each change its before-state (so the batch can
still be deleted exactly), and the store runs on."""

from __future__ import annotations

import datetime as dt
import hashlib
import json
import sqlite3
import uuid
from pathlib import Path
from typing import Any
from urllib.parse import quote

import pytest
import sqlalchemy
from sqlalchemy import inspect, text

from rulesengine.rules import load_rules
from rulesengine.statements.deletion import delete_batch
from rulesengine.statements.explain import explain_stored_batch
from rulesengine.statements.statement_run import run_statements
from rulesengine.store import SCHEMA_VERSION, open_store
from rulesengine.store.batch_io import read_batch
from rulesengine.store.migrations import MIGRATIONS
from rulesengine.store.sql_store import SQLStore
from tests.data.stores.make_version_5 import batch_shape

FIXTURES = Path(__file__).resolve().parents[1] / "data" / "stores"
RULES = Path(__file__).resolve().parents[2] / "rules" / "standard.yaml"
OLD_TABLES = {"statement_lines", "batch_traces", "batch_encounters_before"}
NEW_TABLES = {"batch_guarantor_traces", "batch_trace_steps"}


def version_5_reads(kind: str) -> dict[str, Any]:
    found: dict[str, Any] = json.loads((FIXTURES / "version-5-reads.json").read_text())[kind]
    return found


@pytest.fixture
def version_5_sqlite(tmp_path: Path) -> str:
    path = tmp_path / "store.db"
    with sqlite3.connect(path) as conn:
        conn.executescript((FIXTURES / "version-5.sqlite.sql").read_text())
    conn.close()
    return str(path)


@pytest.fixture
def version_5_postgresql(pg_server: str) -> Any:
    schema = f"v5_{uuid.uuid4().hex[:12]}"
    driver = pg_server.replace("postgresql://", "postgresql+psycopg://", 1)
    admin = sqlalchemy.create_engine(driver)
    dump = (FIXTURES / "version-5.postgresql.sql").read_text().replace("__schema__", schema)
    with admin.begin() as conn:
        raw = conn.connection.driver_connection
        assert raw is not None
        raw.execute(dump)  # type: ignore[attr-defined]
    separator = "&" if "?" in pg_server else "?"
    try:
        yield f"{pg_server}{separator}options={quote(f'-csearch_path={schema}')}"
    finally:
        with admin.begin() as conn:
            conn.exec_driver_sql(f'DROP SCHEMA "{schema}" CASCADE')
        admin.dispose()


@pytest.fixture(params=["sqlite", "postgresql"])
def upgraded(request: pytest.FixtureRequest) -> Any:
    """(kind, the version-5 store opened, and so upgraded, by this release)."""
    url = request.getfixturevalue(f"version_5_{request.param}")
    store = open_store(url)
    assert isinstance(store, SQLStore)
    yield request.param, store
    store.close()


def batch_as_read(store: SQLStore, batch_id: str) -> dict[str, Any]:
    """The batch in the shape make_version_5.py wrote the old release's reads in."""
    with store.reading() as conn:
        batch = read_batch(conn, batch_id)
    assert batch is not None
    return batch_shape(batch)


def test_version_6_is_a_step_on_the_way_to_the_current_version() -> None:
    assert 6 in MIGRATIONS and SCHEMA_VERSION == max(MIGRATIONS) >= 6


def test_the_old_tables_give_way_to_the_compact_ones(upgraded: Any) -> None:
    _, store = upgraded
    with store.reading() as conn:
        names = set(inspect(conn).get_table_names())
        version = conn.execute(text("SELECT value FROM meta WHERE key = 'schema_version'"))
        assert version.scalar() == str(SCHEMA_VERSION)
    assert not names & OLD_TABLES
    assert names >= NEW_TABLES


def test_every_batch_reads_back_as_the_version_5_release_read_it(upgraded: Any) -> None:
    kind, store = upgraded
    expected = version_5_reads(kind)["batches"]
    assert len(expected) == 2
    for batch_id, read in expected.items():
        assert batch_as_read(store, batch_id) == read, batch_id


def test_notifications_keep_their_stored_bodies(upgraded: Any) -> None:
    kind, store = upgraded
    expected = version_5_reads(kind)["notifications"]
    with store.reading() as conn:
        rows = conn.execute(
            text("SELECT id, status, content_json, context_json FROM notifications ORDER BY id")
        ).all()
    digest = lambda body: hashlib.sha256(body.encode()).hexdigest()  # noqa: E731
    assert {str(i): [s, digest(a), digest(b)] for i, s, a, b in rows} == expected


def test_each_change_keeps_its_before_state(upgraded: Any) -> None:
    kind, store = upgraded
    with store.reading() as conn:
        rows = conn.execute(
            text(
                "SELECT batch_id, seq, encounter_id, before_level, before_status,"
                " before_first_statement, before_last_statement, before_statements_sent,"
                " before_worklist_batch_id, before_worklist_since"
                " FROM batch_changes ORDER BY batch_id, seq"
            )
        ).all()
    as_text = [[*row[:5], str(row[5]), str(row[6]), row[7], row[8], str(row[9])] for row in rows]
    assert as_text == version_5_reads(kind)["before"]
    assert len(as_text) > 50


def test_the_latest_batch_is_deleted_exactly_after_the_upgrade(upgraded: Any) -> None:
    """The before-state moved into batch_changes puts the ledger back as it was: each
    changed encounter's fields equal what the version-5 release kept."""
    kind, store = upgraded
    latest = "standard-2026-07-01"
    before = [row for row in version_5_reads(kind)["before"] if row[0] == latest]
    delete_batch(store, latest)
    with store.reading() as conn:
        now = {
            eid: [level, status, str(first), str(last), sent, wb, str(since)]
            for eid, level, status, first, last, sent, wb, since in conn.execute(
                text(
                    "SELECT id, level, status, first_statement, last_statement,"
                    " statements_sent, worklist_batch_id, worklist_since FROM encounters"
                )
            )
        }
    assert before
    for _, _, eid, *fields in before:
        assert now[eid] == fields, eid


def test_the_upgraded_store_runs_on(upgraded: Any) -> None:
    """A live run after the upgrade stores its batch the version-6 way, beside the old
    ones, and explain reads old and new batches alike."""
    _, store = upgraded
    batch = run_statements(store, load_rules(str(RULES)), dt.date(2026, 8, 1), live=True)
    assert batch.statements
    guarantor = batch.statements[0].guarantor_id
    for batch_id in ("standard-2026-06-01", batch.id):
        explained = explain_stored_batch(store, batch_id, guarantor)
        assert explained is not None and explained["encounters"], batch_id
        assert all(e["steps"] for e in explained["encounters"]), batch_id
    assert batch_as_read(store, batch.id)["traces"] == batch_shape(batch)["traces"]
