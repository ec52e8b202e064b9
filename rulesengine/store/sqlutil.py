"""Small SQLAlchemy Core helpers shared by the store modules."""

from __future__ import annotations

from collections.abc import Callable, Iterable, Iterator, Sequence
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


def insert_rows(
    conn: Connection,
    table: Table,
    columns: Sequence[str],
    rows: Iterable[Sequence[Any]],
    *,
    statement: Any = None,
) -> int:
    """Insert value tuples (in the order of ``columns``) executemany-style, in chunks.

    The statement (``table.insert()`` unless given, e.g. an upsert) is compiled once by
    SQLAlchemy for this database; rows go to the driver's ``executemany`` with the column
    types' bind conversions applied here, once per value, which skips SQLAlchemy's
    per-row parameter bookkeeping (the bulk of the cost of a million-row batch). Values
    are always bound parameters. Returns the number of rows.

    On PostgreSQL a plain insert streams the rows with ``COPY ... FROM STDIN`` instead
    (psycopg adapts each value; nothing is formatted into SQL), in the same transaction.
    """
    dialect = conn.dialect
    if statement is None and dialect.name == "postgresql":
        return _copy_rows(conn, table, columns, rows)
    compiled = (statement if statement is not None else table.insert()).compile(
        dialect=dialect, column_keys=list(columns)
    )
    sql = str(compiled)
    convert = _converter(conn, table, columns)
    keys = list(columns)
    # Parameters of the statement itself (e.g. constants in an upsert's SET clause).
    fixed = {k: v for k, v in compiled.params.items() if k not in keys}
    shape: Callable[[Sequence[Any]], Any] = convert
    if dialect.positional:
        names = list(compiled.positiontup or ())
        if names != keys:
            slots = [(keys.index(n), None) if n in keys else (-1, fixed[n]) for n in names]

            def shape(row: Sequence[Any]) -> Any:
                values = convert(row)
                return tuple([values[i] if i >= 0 else const for i, const in slots])

    else:

        def shape(row: Sequence[Any]) -> Any:
            return {**fixed, **dict(zip(keys, convert(row), strict=True))}

    total = 0
    for chunk in _chunks(rows, CHUNK):
        conn.exec_driver_sql(sql, [shape(row) for row in chunk])
        total += len(chunk)
    return total


def _copy_rows(
    conn: Connection, table: Table, columns: Sequence[str], rows: Iterable[Sequence[Any]]
) -> int:
    """Insert rows on PostgreSQL through psycopg's COPY, inside the current transaction."""
    quote = conn.dialect.identifier_preparer
    names = ", ".join(quote.quote(name) for name in columns)
    sql = f"COPY {quote.format_table(table)} ({names}) FROM STDIN"
    total = 0
    driver = conn.connection.driver_connection
    assert driver is not None
    with driver.cursor() as cursor, cursor.copy(sql) as copy:
        for row in rows:
            copy.write_row(row)
            total += 1
    return total


def _converter(
    conn: Connection, table: Table, columns: Sequence[str]
) -> Callable[[Sequence[Any]], Sequence[Any]]:
    """A function applying the columns' bind processors (e.g. dates to text on SQLite)."""
    dialect = conn.dialect
    active = []
    for index, name in enumerate(columns):
        processor = table.c[name].type.dialect_impl(dialect).bind_processor(dialect)
        if processor is not None:
            active.append((index, processor))
    if not active:
        return tuple

    def convert(row: Sequence[Any]) -> Sequence[Any]:
        values = list(row)
        for index, processor in active:
            values[index] = processor(values[index])
        return tuple(values)

    return convert


def _chunks(rows: Iterable[Sequence[Any]], size: int) -> Iterator[list[Sequence[Any]]]:
    chunk: list[Sequence[Any]] = []
    for row in rows:
        chunk.append(row)
        if len(chunk) >= size:
            yield chunk
            chunk = []
    if chunk:
        yield chunk
