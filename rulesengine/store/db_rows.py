"""Guarantor and encounter rows as the database driver takes and gives them ("driver
form"), built straight from the model values (an import's million rows), and back.

:func:`~rulesengine.store.sqlutil.insert_rows` builds a row tuple, then applies the column
types' bind processors to it value by value; for a million encounters that is two tuples
and four calls per row. Here each row is built once, with a dict lookup per date and flag:
the values SQLAlchemy's processors give for this dialect, computed once per distinct value
(a ledger repeats a few hundred dates). The rows equal what ``insert_rows`` binds
(``tests/store/test_ledger_import.py`` holds them side by side).

A sync compares the stored rows with the file's in driver form (:func:`driver_rows`), so
reading a million stored rows converts none of their values; only the rows it writes
back are converted (:func:`model_rows`).
"""

from __future__ import annotations

from collections.abc import Iterator, Sequence
from typing import Any

from sqlalchemy import Connection, Table
from sqlalchemy.engine import Dialect

from rulesengine.model import Encounter, Guarantor
from rulesengine.store.rows import (
    ENCOUNTER_COLUMNS,
    GUARANTOR_COLUMNS,
    encounter_row,
    guarantor_row,
)
from rulesengine.store.sqlutil import Processed
from rulesengine.store.tables import encounters, guarantors

__all__ = [
    "driver_batches",
    "driver_rows",
    "model_rows",
    "sqlite_encounter_rows",
    "sqlite_guarantor_rows",
]

_Row = tuple[Any, ...]
#: Rows per batch :func:`driver_batches` fetches.
_BATCH = 10_000


def sqlite_guarantor_rows(dialect: Dialect, items: Sequence[Guarantor]) -> list[_Row]:
    """The rows of :data:`~rulesengine.store.rows.GUARANTOR_COLUMNS`, bind-processed."""
    c = guarantors.c
    paperless, hold = Processed(c.paperless, dialect), Processed(c.hold, dialect)
    sms, email = Processed(c.sms_opt_out, dialect), Processed(c.email_opt_out, dialect)
    no_address = (None, None, None, None, None)
    rows: list[_Row] = []
    for g in items:
        postal = g.postal
        rows.append(
            (
                g.id,
                g.first_name,
                g.last_name,
                g.email,
                g.mobile,
                g.timezone,
                paperless[g.paperless],
                hold[g.hold],
                sms[g.sms_opt_out],
                email[g.email_opt_out],
                g.profile,
                *(
                    no_address
                    if postal is None
                    else (postal.line1, postal.line2, postal.city, postal.state, postal.zip)
                ),
            )
        )
    return rows


def sqlite_encounter_rows(dialect: Dialect, items: Sequence[Encounter]) -> list[_Row]:
    """The rows of :data:`~rulesengine.store.rows.ENCOUNTER_COLUMNS`, bind-processed."""
    c = encounters.c
    served, hold = Processed(c.service_date, dialect), Processed(c.hold, dialect)
    first, last = Processed(c.first_statement, dialect), Processed(c.last_statement, dialect)
    return [
        (
            e.id,
            e.guarantor_id,
            e.patient_id,
            served[e.service_date],
            e.balance_cents,
            e.level,
            e.status,
            hold[e.hold],
            e.location,
            e.provider,
            first[e.first_statement],
            last[e.last_statement],
            e.statements_sent,
            e.profile,
        )
        for e in items
    ]


def driver_rows(
    dialect: Dialect, table: Table, items: Sequence[Guarantor] | Sequence[Encounter]
) -> list[_Row]:
    """The rows of guarantors or encounters (``table``: which) in driver form: what this
    database's driver binds and reads back (on PostgreSQL psycopg takes and gives the
    model's dates and flags as they are)."""
    if dialect.name == "sqlite":
        build = sqlite_guarantor_rows if table is guarantors else sqlite_encounter_rows
        return build(dialect, items)  # type: ignore[arg-type]
    to_row = guarantor_row if table is guarantors else encounter_row
    return list(map(to_row, items))  # type: ignore[arg-type]


def model_rows(dialect: Dialect, table: Table, rows: Sequence[Sequence[Any]]) -> list[_Row]:
    """Rows of guarantors or encounters read in driver form, with the values the model
    holds (the column types' result processors applied: SQLite's date text as dates, its
    0/1 flags as booleans)."""
    columns = GUARANTOR_COLUMNS if table is guarantors else ENCOUNTER_COLUMNS
    active = []
    for index, column in enumerate(columns):
        process = column.type.dialect_impl(dialect).result_processor(dialect, None)
        if process is not None:
            active.append((index, process))
    converted: list[_Row] = []
    for row in rows:
        values = list(row)
        for index, process in active:
            values[index] = process(values[index])
        converted.append(tuple(values))
    return converted


def driver_batches(conn: Connection, sql: str) -> Iterator[list[tuple[Any, ...]]]:
    """The rows of a query (SQL text without parameters) in batches, as the driver gives
    them (tuples, no SQLAlchemy row objects), within ``conn``'s transaction (begun here
    if it has not begun yet, so every read of a sync sees one snapshot). PostgreSQL sends
    them a batch at a time from a server-side cursor."""
    if not conn.in_transaction():
        conn.begin()
    driver: Any = conn.connection.driver_connection
    postgresql = conn.dialect.name == "postgresql"
    cursor = driver.cursor(name="rulesengine_scan") if postgresql else driver.cursor()
    try:
        cursor.execute(sql)
        while batch := cursor.fetchmany(_BATCH):
            yield batch
    finally:
        cursor.close()
