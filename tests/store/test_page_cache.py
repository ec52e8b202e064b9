"""SQLite's page cache: the store's size for writing, SQLite's default while a run reads."""

from __future__ import annotations

import datetime as dt
from pathlib import Path
from typing import Any

import pytest

from rulesengine.store import open_store, run_transaction
from rulesengine.store.connect import PAGE_CACHE_KIB, PAGE_CACHE_PRAGMA


def test_the_pragma_sets_the_documented_size() -> None:
    assert PAGE_CACHE_PRAGMA == f"PRAGMA cache_size=-{PAGE_CACHE_KIB}"


def test_a_run_reads_the_ledger_with_sqlite_s_default_cache_then_has_the_full_one_again(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """The ledger is read once: a full cache held through the evaluation would only add
    to the run's memory peak."""
    seen: list[int] = []
    real = run_transaction.read_ledger

    def reading(conn: Any, profile_id: str) -> Any:
        seen.append(conn.exec_driver_sql("PRAGMA cache_size").scalar())
        return real(conn, profile_id)

    monkeypatch.setattr(run_transaction, "read_ledger", reading)
    store = open_store(str(tmp_path / "store.db"))
    try:
        with store.run_transaction("default", live=True) as run:
            run.load_input(dt.date(2026, 6, 1))
            seen.append(run.connection.exec_driver_sql("PRAGMA cache_size").scalar())
    finally:
        store.close()
    assert seen == [-2000, -PAGE_CACHE_KIB]
