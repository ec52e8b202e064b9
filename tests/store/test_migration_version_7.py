"""Schema version 7: a live batch's notification holds its first history entry in its own
row (``notifications.first_status``). A version-6 store (the version-5 release's store,
upgraded to version 6 alone) is upgraded in place on open, on SQLite and PostgreSQL: the
notifications it had queued keep their first entries as history rows and read back as
before, and a live run afterwards queues its own with their first entries in their rows."""

from __future__ import annotations

import datetime as dt
from pathlib import Path
from typing import Any

import pytest
import sqlalchemy
from sqlalchemy import inspect, text

from rulesengine.queue.notification_reads import list_notifications, notification_history
from rulesengine.rules import load_rules
from rulesengine.statements.statement_run import run_statements
from rulesengine.store import SCHEMA_VERSION, open_store
from rulesengine.store.connect import create_store_engine
from rulesengine.store.migrations import MIGRATIONS, ensure_schema
from tests.store.test_migration_version_6 import (  # noqa: F401 (fixtures)
    version_5_postgresql,
    version_5_sqlite,
)

RULES = Path(__file__).resolve().parents[2] / "rules" / "standard.yaml"


def histories(store: Any) -> dict[int, list[tuple[Any, ...]]]:
    return {
        int(n["id"]): [  # type: ignore[call-overload]
            (h["old_status"], h["new_status"], h["detail"], h["at"])
            for h in notification_history(store, n["id"])  # type: ignore[arg-type]
        ]
        for n in list_notifications(store)
    }


@pytest.fixture(params=["sqlite", "postgresql"])
def version_6_url(request: pytest.FixtureRequest) -> str:
    """A store at schema version 6, as the version-6 code left it (no first_status)."""
    url: str = request.getfixturevalue(f"version_5_{request.param}")
    engine = create_store_engine(url)
    with engine.begin() as conn:
        ensure_schema(conn, target=6)
    engine.dispose()
    return url


def test_schema_version_is_7() -> None:
    assert SCHEMA_VERSION == 7 and set(MIGRATIONS) == {1, 2, 3, 4, 5, 6, 7}


def test_a_version_6_store_opens_at_version_7_with_its_history_as_it_was(
    version_6_url: str,
) -> None:
    engine: sqlalchemy.Engine = create_store_engine(version_6_url)
    with engine.connect() as conn:
        columns = {c["name"] for c in inspect(conn).get_columns("notifications")}
        history_rows = conn.execute(text("SELECT count(*) FROM notification_history")).scalar()
    assert "first_status" not in columns and history_rows
    store = open_store(version_6_url)
    try:
        with engine.connect() as conn:
            version = conn.execute(
                text("SELECT value FROM meta WHERE key = 'schema_version'")
            ).scalar()
            unset = conn.execute(
                text("SELECT count(*) FROM notifications WHERE first_status IS NULL")
            ).scalar()
            queued = conn.execute(text("SELECT count(*) FROM notifications")).scalar()
        assert version == str(SCHEMA_VERSION) == "7"
        assert unset == queued > 0  # the first entries already queued stay history rows
        before = histories(store)
        assert all(entries[0][0] is None for entries in before.values())
        rules = load_rules(str(RULES))
        later = run_statements(store, rules, dt.date(2026, 8, 1), live=True)
        after = histories(store)
        new = [n for n in list_notifications(store) if n["batch_id"] == later.id]
        assert new
        for n in new:  # queued with their first entry in their row
            first = after[int(n["id"])][0]  # type: ignore[call-overload]
            assert first[:3] == (None, n["status"], n["reason"])
        for nid, entries in before.items():  # the earlier ones: as they were, then more
            assert after[nid][: len(entries)] == entries
    finally:
        store.close()
        engine.dispose()
