"""A value the store cannot read back, found after a read failed: a row changed outside
rulesengine (``UPDATE statements SET due_date='notadate'``) is a store to repair, not a bug.

A read fails far from the value it read (SQLAlchemy's date conversion, a JSON decode, a sum
of a number that is text), so the failure cannot say where the value is. After such a failure
:func:`unreadable_value` looks for it: each column of each table, checked in SQL against
what its type reads back, the first value that fails named by table, column and row key.

Only SQLite stores a value of another type than its column's (its columns take any value);
the checks are its: a date that is not ``YYYY-MM-DD``, an instant that is not one, a number
or a true/false flag that is not a number, a text that is not text, and a ``*_json`` column
that is neither JSON nor empty. A PostgreSQL server keeps every column's type itself:
nothing is checked there.
The value itself is never shown nor logged: it may be patient data.
"""

from __future__ import annotations

import os
from typing import TYPE_CHECKING

from sqlalchemy import (
    Boolean,
    Date,
    DateTime,
    Double,
    Integer,
    String,
    case,
    func,
    inspect,
    literal,
    or_,
    select,
)

from rulesengine.errors import StoreError
from rulesengine.store.connect import create_store_engine, sqlite_file
from rulesengine.store.redact import display_url
from rulesengine.store.tables import metadata

if TYPE_CHECKING:
    from sqlalchemy import Column, ColumnElement, Connection, Engine

__all__ = ["READ_FAILURES", "unreadable_value", "unreadable_value_at"]

#: The errors a value of the wrong type raises where it is read: only after one of these is
#: the store searched for such a value (any other error is no sign of one).
READ_FAILURES = (ValueError, TypeError, LookupError, AttributeError, ArithmeticError)


def unreadable_value(engine: Engine, url: str) -> StoreError | None:
    """A :class:`StoreError` naming the store, the table, the column and the row of the
    first value the store at ``url`` (over ``engine``) cannot read back, or None when
    there is none (or the search itself fails: the failure that led here stays what it
    is)."""
    if engine.dialect.name != "sqlite":
        return None
    try:
        with engine.connect() as conn:
            return _first_unreadable(conn, url)
    except Exception:  # a store too damaged to search: the original failure is reported
        return None


def unreadable_value_at(url: str) -> StoreError | None:
    """:func:`unreadable_value` of the store at ``url``, over an engine of its own (a
    command's store is closed by the time its failure is reported)."""
    try:
        path = sqlite_file(url)
    except StoreError:
        return None
    if path is None or not os.path.isfile(path):  # PostgreSQL, in memory, or no file
        return None
    engine = create_store_engine(url)
    try:
        return unreadable_value(engine, url)
    finally:
        engine.dispose()


def _first_unreadable(conn: Connection, url: str) -> StoreError | None:
    present = set(inspect(conn).get_table_names())
    for table in metadata.sorted_tables:
        if table.name not in present:
            continue
        stored = {column["name"] for column in inspect(conn).get_columns(table.name)}
        checks = [
            (column, *check)
            for column in table.columns
            if column.name in stored and (check := _check(column)) is not None
        ]
        if not checks:
            continue
        key = list(table.primary_key.columns)  # every table has one
        flags = [case((failed, literal(1)), else_=literal(0)) for _, failed, _ in checks]
        query = select(*key, *flags).where(or_(*(failed for _, failed, _ in checks))).limit(1)
        found = conn.execute(query).first()
        if found is None:
            continue
        row = ", ".join(
            f"{column.name} {value!r}" for column, value in zip(key, found, strict=False)
        )
        for index, (column, _, why) in enumerate(checks):
            if found[len(key) + index]:
                return StoreError(
                    f"the store {display_url(url)} holds a value it cannot read back:"
                    f" {table.name}.{column.name} of the row with {row} {why}. It was changed"
                    " outside rulesengine: restore the store from a backup, or correct that"
                    " value"
                )
    return None


def _check(column: Column[object]) -> tuple[ColumnElement[bool], str] | None:
    """An SQLite condition true for a value of ``column`` that its type cannot read back,
    and what is wrong with such a value; None for a column no such check fits."""
    kind = column.type
    stored = func.typeof(column)
    if isinstance(kind, DateTime):
        day = func.substr(column, 1, 10)
        failed = or_(stored != "text", func.datetime(column).is_(None), _not_a_day(day))
        why = "is not a date and time (YYYY-MM-DD HH:MM:SS)"
    elif isinstance(kind, Date):
        failed = or_(stored != "text", _not_a_day(column))
        why = "is not a date (YYYY-MM-DD)"
    elif isinstance(kind, Boolean):
        failed = or_(stored != "integer", column.not_in([0, 1]))
        why = "is not true or false (1 or 0)"
    elif isinstance(kind, Integer):
        failed = stored != "integer"
        why = "is not a whole number"
    elif isinstance(kind, Double):
        failed = stored.not_in(["integer", "real"])
        why = "is not a number"
    elif isinstance(kind, String) and column.name.endswith("_json"):
        # Empty: none yet (a notification's content before it is drafted).
        failed = or_(stored != "text", (column != "") & (func.json_valid(column) == 0))
        why = "is not JSON"
    elif isinstance(kind, String):
        failed = stored != "text"
        why = "is not text"
    else:
        return None
    return column.is_not(None) & failed, why


def _not_a_day(text: ColumnElement[object]) -> ColumnElement[bool]:
    """True for a text that is not a day of the calendar as ``YYYY-MM-DD``: SQLite's
    ``date()`` takes 2026-02-30 as it is, and moves it to 2026-03-02 with a modifier."""
    return func.date(text, "+0 days").is_distinct_from(text)
