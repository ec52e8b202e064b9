"""open_store: the URL forms it accepts and how it configures SQLite."""

from __future__ import annotations

from pathlib import Path

import pytest

from rulesengine.errors import StoreError
from rulesengine.store import open_store
from rulesengine.store.sql_store import SQLStore
from tests.store.factories import small_ledger


def pragma(store: SQLStore, name: str) -> object:
    with store.reading() as conn:
        return conn.exec_driver_sql(f"PRAGMA {name}").scalar()


def test_plain_path_is_sqlite_file(tmp_path: Path) -> None:
    """A plain path opens (and creates) an SQLite file."""
    store = open_store(str(tmp_path / "a.db"))
    assert (tmp_path / "a.db").exists()
    assert store.url == str(tmp_path / "a.db")


def test_sqlite_url_is_sqlite_file(tmp_path: Path) -> None:
    """sqlite:///path opens the same file as the plain path."""
    first = open_store(str(tmp_path / "a.db"))
    first.import_ledger(small_ledger())
    first.close()
    assert open_store(f"sqlite:///{tmp_path / 'a.db'}").counts()["encounters"] == 3


def test_default_is_rulesengine_db_in_working_folder(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """With no URL and no RULESENGINE_DB the store is ./rulesengine.db."""
    monkeypatch.chdir(tmp_path)
    monkeypatch.delenv("RULESENGINE_DB", raising=False)
    open_store().close()
    assert (tmp_path / "rulesengine.db").exists()


def test_environment_variable_sets_the_url(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """RULESENGINE_DB is used when no URL is given."""
    monkeypatch.setenv("RULESENGINE_DB", str(tmp_path / "env.db"))
    open_store(None).close()
    assert (tmp_path / "env.db").exists()


def test_in_memory_store_is_shared_across_connections() -> None:
    """sqlite:// is one in-memory database for every connection of the store."""
    store = open_store("sqlite://")
    assert isinstance(store, SQLStore)
    store.import_ledger(small_ledger())
    with store.engine.connect() as one:
        assert one.exec_driver_sql("SELECT count(*) FROM encounters").scalar() == 3
    with store.engine.connect() as two:
        assert two.exec_driver_sql("SELECT count(*) FROM guarantors").scalar() == 2


def test_sqlite_file_settings(tmp_path: Path) -> None:
    """SQLite files run in WAL mode, synchronous NORMAL, foreign keys on, with a busy timeout."""
    store = open_store(str(tmp_path / "a.db"))
    assert isinstance(store, SQLStore)
    assert pragma(store, "journal_mode") == "wal"
    assert pragma(store, "synchronous") == 1  # NORMAL
    assert pragma(store, "foreign_keys") == 1
    assert pragma(store, "busy_timeout") == 60_000


def test_unsupported_url_is_refused() -> None:
    """Only SQLite and PostgreSQL URLs are accepted."""
    with pytest.raises(StoreError, match=r"unsupported store URL 'mysql://u:\*\*\*@h/db'"):
        open_store("mysql://u:pw@h/db")


def test_missing_folder_is_refused(tmp_path: Path) -> None:
    """A path in a folder that does not exist gives a clear error."""
    with pytest.raises(StoreError, match="no folder .*nowhere"):
        open_store(str(tmp_path / "nowhere" / "a.db"))


def test_unreachable_postgresql_is_a_store_error() -> None:
    """A PostgreSQL server that does not answer gives a StoreError, not a traceback."""
    with pytest.raises(StoreError, match=r"cannot open the store postgresql://nobody@127.0.0.1:1/"):
        open_store("postgresql://nobody@127.0.0.1:1/none?connect_timeout=2")


def test_sqlite_url_without_a_path_is_refused_not_run_in_memory():
    """`sqlite:///` would otherwise run a "live" batch in a store that vanishes."""
    import pytest

    from rulesengine.errors import StoreError
    from rulesengine.store import open_store

    with pytest.raises(StoreError, match="names no file"):
        open_store("sqlite:///")
