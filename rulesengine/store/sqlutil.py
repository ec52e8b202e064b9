"""Small SQLAlchemy Core helpers shared by the store modules."""

from __future__ import annotations

from collections.abc import Callable, Iterable, Iterator, Sequence
from typing import Any

from sqlalchemy import Connection, Table
from sqlalchemy.dialects import postgresql, sqlite
from sqlalchemy.engine import Dialect

__all__ = [
    "CHUNK",
    "REMEMBERED",
    "Processed",
    "dialect_insert",
    "insert_rows",
    "remembered",
]

#: Rows per executemany call: large enough to be fast, small enough to bound memory.
CHUNK = 10_000


def dialect_insert(conn: Connection | str, table: Table) -> Any:
    """An INSERT that supports ``on_conflict_do_nothing/do_update`` on this database
    (SQLite and PostgreSQL spell ``ON CONFLICT`` the same way); ``conn``: a connection, or
    the database kind's name."""
    name = conn if isinstance(conn, str) else conn.dialect.name
    if name == "postgresql":
        return postgresql.insert(table)
    return sqlite.insert(table)


def insert_rows(
    conn: Connection,
    table: Table,
    columns: Sequence[str],
    rows: Iterable[Sequence[Any]],
    *,
    statement: Any = None,
    cache_key: str | None = None,
    ready: bool = False,
) -> int:
    """Insert value tuples (in the order of ``columns``) executemany-style, in chunks.

    The statement (``table.insert()`` unless given, e.g. an upsert) is compiled once by
    SQLAlchemy for this database; rows go to the driver's ``executemany`` with the column
    types' bind conversions applied here, once per value, which skips SQLAlchemy's
    per-row parameter bookkeeping (the bulk of the cost of a million-row batch). Values
    are always bound parameters. Returns the number of rows. A ``statement`` given with a
    ``cache_key`` (a name for it that no other statement of that table uses) is compiled
    once per process, like a plain insert.

    On PostgreSQL a plain insert streams the rows with ``COPY ... FROM STDIN`` instead
    (psycopg adapts each value; nothing is formatted into SQL), in the same transaction.

    ``ready``: the rows are tuples already in the driver's form, each value processed as
    the column's type binds it (:class:`Processed`), so they go to the driver as they are
    (a large batch's rows are built once instead of twice).
    """
    dialect = conn.dialect
    if statement is None and dialect.name == "postgresql":
        return _copy_rows(conn, table, columns, rows)
    keys = list(columns)
    if statement is None or cache_key is not None:
        # Its text depends only on the database kind, the table, the columns (and the
        # statement named by cache_key): compile it once per process, not once per store.
        sql, fixed, names = _cached_compile(dialect, table, tuple(keys), statement, cache_key)
    else:
        sql, fixed, names = _compile(statement, dialect, keys)
    convert = _unchanged if ready else _converter(conn, table, columns)
    shape: Callable[[Sequence[Any]], Any] = convert
    if dialect.positional:
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
        conn.exec_driver_sql(sql, chunk if shape is _unchanged else [shape(row) for row in chunk])
        total += len(chunk)
    return total


def _unchanged(row: Sequence[Any]) -> Any:
    return row


class _Remembered(dict[Any, Any]):
    """Value -> ``process(value)``, computed on first use (``remembered[value]``, a dict
    lookup after that); at most :data:`REMEMBERED` are kept at once."""

    def __init__(self, process: Callable[[Any], Any]) -> None:
        super().__init__()
        self.process = process

    def __missing__(self, value: Any) -> Any:
        if len(self) >= REMEMBERED:
            self.clear()
        result = self[value] = self.process(value)
        return result


class Processed(_Remembered):
    """Value -> its form as ``column``'s type binds it on ``dialect``'s database (a date as
    SQLite's text, say), computed on first use (``processed[value]``, a dict lookup after
    that): rows built with these are ready for the driver (:func:`insert_rows` with
    ``ready=True``). A ledger or a batch repeats few distinct dates, instants and flags."""

    def __init__(self, column: Any, dialect: Dialect) -> None:
        process = column.type.dialect_impl(dialect).bind_processor(dialect)
        super().__init__(process if process is not None else _unchanged)


def _compile(
    statement: Any, dialect: Any, keys: list[str]
) -> tuple[str, dict[str, Any], list[str]]:
    """SQL text, the statement's own parameters (e.g. constants in an upsert's SET clause)
    and the positional parameter order."""
    compiled = statement.compile(dialect=dialect, column_keys=keys)
    fixed = {k: v for k, v in compiled.params.items() if k not in keys}
    return str(compiled), fixed, list(compiled.positiontup or ())


_Compiled = tuple[str, dict[str, Any], list[str]]
#: (database kind, parameter style, table, columns, statement name) -> compiled statement
_COMPILED: dict[tuple[str, str, Table, tuple[str, ...], str | None], _Compiled] = {}


def _cached_compile(
    dialect: Any, table: Table, columns: tuple[str, ...], statement: Any, name: str | None
) -> _Compiled:
    """:func:`_compile`, cached by what determines the text (not by the dialect object:
    every new engine brings a new one). ``statement`` None: ``table.insert()``."""
    key = (dialect.name, dialect.paramstyle, table, columns, name)
    found = _COMPILED.get(key)
    if found is None:
        if statement is None and dialect.paramstyle == "qmark":
            # A plain insert spelt with its columns in the caller's order, so each row
            # goes to the driver as it is (SQLAlchemy would put them in the table's order,
            # and every row would then have to be rearranged).
            quote = dialect.identifier_preparer
            sql = (
                f"INSERT INTO {quote.format_table(table)}"
                f" ({', '.join(quote.quote(c) for c in columns)})"
                f" VALUES ({', '.join('?' for _ in columns)})"
            )
            found = _COMPILED[key] = (sql, {}, list(columns))
        else:
            found = _COMPILED[key] = _compile(
                table.insert() if statement is None else statement, dialect, list(columns)
            )
    return found


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
            active.append((index, remembered(processor)))
    if not active:
        return tuple

    def convert(row: Sequence[Any]) -> Sequence[Any]:
        values = list(row)
        for index, processor in active:
            values[index] = processor(values[index])
        return tuple(values)

    return convert


def remembered(processor: Callable[[Any], Any]) -> Callable[[Any], Any]:
    """``processor`` remembering its recent results by value: a batch's rows repeat few
    distinct dates and instants (the run date, its time of writing, a service date), and
    formatting one as SQLite text costs more than looking it up."""
    seen = _Remembered(processor)

    def process(value: Any) -> Any:
        try:
            return seen[value]
        except TypeError:  # unhashable: not worth remembering
            return processor(value)

    return process


#: How many distinct values :func:`remembered` and :class:`Processed` keep per column.
REMEMBERED = 65_536


def _chunks(rows: Iterable[Sequence[Any]], size: int) -> Iterator[list[Sequence[Any]]]:
    chunk: list[Sequence[Any]] = []
    for row in rows:
        chunk.append(row)
        if len(chunk) >= size:
            yield chunk
            chunk = []
    if chunk:
        yield chunk
