"""Small SQLAlchemy Core helpers shared by the store modules."""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from typing import Any

from sqlalchemy import Connection, Table
from sqlalchemy.dialects import postgresql, sqlite

__all__ = ["CHUNK", "dialect_insert", "insert_rows"]

#: Rows per executemany call: large enough to be fast, small enough to bound memory.
CHUNK = 10_000


def dialect_insert(conn: Connection, table: Table) -> Any:
    """An INSERT that supports ``on_conflict_do_nothing/do_update`` on this database
    (SQLite and PostgreSQL spell ``ON CONFLICT`` the same way)."""
    if conn.dialect.name == "postgresql":
        return postgresql.insert(table)
    return sqlite.insert(table)


def insert_rows(conn: Connection, statement: Any, rows: Iterable[dict[str, Any]]) -> int:
    """Execute ``statement`` for every row, executemany-style, in chunks; returns the count."""
    total = 0
    for chunk in _chunks(rows, CHUNK):
        conn.execute(statement, chunk)
        total += len(chunk)
    return total


def _chunks(rows: Iterable[dict[str, Any]], size: int) -> Iterator[list[dict[str, Any]]]:
    chunk: list[dict[str, Any]] = []
    for row in rows:
        chunk.append(row)
        if len(chunk) >= size:
            yield chunk
            chunk = []
    if chunk:
        yield chunk
