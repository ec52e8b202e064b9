"""Writing a ledger into the store (:meth:`SQLStore.import_ledger
<rulesengine.store.sql_store.SQLStore.import_ledger>`), and the upserts a sync writes
changed rows with.

A ledger's rows are split by whether their id is stored (one bulk read of the stored ids,
no query per row): new ids go in with a plain ``INSERT`` (``COPY`` on PostgreSQL), stored
ids with the table's ``INSERT ... ON CONFLICT DO UPDATE``. The result is the same as
upserting every row, but SQLite inserts a million new rows several times faster without
the conflict clause, and PostgreSQL streams them. Everything runs in the caller's
transaction: an import happens whole or not at all.
"""

from __future__ import annotations

import datetime as dt
import functools
from collections.abc import Callable, Iterable, Sequence
from typing import Any

from sqlalchemy import Connection, Table, and_, case, select
from sqlalchemy.dialects import sqlite

from rulesengine.model import Encounter, Guarantor, Payment
from rulesengine.store.base import LedgerData, chunked
from rulesengine.store.db_rows import (
    driver_batches,
    sqlite_encounter_rows,
    sqlite_guarantor_rows,
)
from rulesengine.store.rows import (
    ENCOUNTER_COLUMNS,
    GUARANTOR_COLUMNS,
    encounter_row,
    guarantor_row,
)
from rulesengine.store.sqlutil import CHUNK, dialect_insert, insert_rows
from rulesengine.store.tables import adjustments, encounters, guarantors, payments

__all__ = [
    "IN_CHUNK",
    "SCAN_FROM",
    "encounter_upsert",
    "guarantor_upsert",
    "insert_driver_rows",
    "insert_new",
    "payment_row",
    "stored_ids",
    "table_upsert",
    "update_rows",
    "write_ledger",
]

#: Ids per ``IN (...)`` list.
IN_CHUNK = 500
#: From this many ids on, one scan of a table's ids is cheaper than ``IN`` lists.
SCAN_FROM = 20_000
_Row = tuple[Any, ...]
_G_NAMES = [c.name for c in GUARANTOR_COLUMNS]
_E_NAMES = [c.name for c in ENCOUNTER_COLUMNS]
_PAYMENT_NAMES = ("encounter_id", "amount_cents", "date", "reviewed_batch", "external_id")
_ADJUSTMENT_NAMES = ("encounter_id", "amount_cents", "date", "external_id")


# Built once per database kind: constructing an upsert (its ``excluded`` alias, a SET
# clause per column) cost more than a small import's rows.
@functools.cache
def guarantor_upsert(dialect: str) -> Any:
    """``INSERT ... ON CONFLICT (id) DO UPDATE`` of every guarantor column."""
    stmt = dialect_insert(dialect, guarantors)
    return stmt.on_conflict_do_update(
        index_elements=["id"],
        set_={c.name: stmt.excluded[c.name] for c in guarantors.c if c.name != "id"},
    )


@functools.cache
def encounter_upsert(dialect: str) -> Any:
    """``INSERT ... ON CONFLICT (id) DO UPDATE`` of every encounter column; a worklist mark
    survives only while the encounter stays in the worklist (pre-collections)."""
    stmt = dialect_insert(dialect, encounters)
    keep = and_(encounters.c.status == "pre_collections", stmt.excluded.status == "pre_collections")
    updates: dict[str, Any] = {
        c.name: stmt.excluded[c.name] for c in ENCOUNTER_COLUMNS if c.name != "id"
    }
    updates["worklist_batch_id"] = case((keep, encounters.c.worklist_batch_id), else_=None)
    updates["worklist_since"] = case((keep, encounters.c.worklist_since), else_=None)
    return stmt.on_conflict_do_update(index_elements=["id"], set_=updates)


def table_upsert(dialect: str) -> Callable[[str], Any]:
    """The upsert of a table, by table name (``guarantors``, ``encounters``)."""
    upserts = {"guarantors": guarantor_upsert, "encounters": encounter_upsert}
    return lambda table: upserts[table](dialect)


def stored_ids(conn: Connection, table: Table, ids: Iterable[str]) -> set[str]:
    """Which of ``ids`` the table holds: one scan of its ids for many, ``IN`` lists for
    a few."""
    wanted = ids if isinstance(ids, (set, frozenset)) else set(ids)
    if not wanted:
        return set()
    query = select(table.c.id)
    if len(wanted) >= SCAN_FROM:
        sql = str(query.compile(dialect=conn.dialect))
        return {row[0] for batch in driver_batches(conn, sql) for row in batch if row[0] in wanted}
    found: set[str] = set()
    for chunk in chunked(sorted(wanted), IN_CHUNK):
        found.update(conn.execute(query.where(table.c.id.in_(chunk))).scalars())
    return found


def write_ledger(conn: Connection, ledger: LedgerData) -> None:
    """Insert or update ``ledger``'s guarantors and encounters, append its payments and
    adjustments (see :meth:`~rulesengine.store.base.Store.import_ledger`)."""
    _write_by_id(conn, guarantors, ledger.guarantors)
    _write_by_id(conn, encounters, ledger.encounters)
    last = _last_statements(conn, ledger)
    insert_rows(conn, payments, _PAYMENT_NAMES, [payment_row(p, last) for p in ledger.payments])
    insert_rows(
        conn,
        adjustments,
        _ADJUSTMENT_NAMES,
        [(a.encounter_id, a.amount_cents, a.date, a.external_id) for a in ledger.adjustments],
    )


#: Per table: its columns, an item's row, the same rows bind-processed for SQLite.
_TABLES: dict[Table, tuple[list[str], Callable[[Any], _Row], Callable[..., list[_Row]]]] = {
    guarantors: (_G_NAMES, guarantor_row, sqlite_guarantor_rows),
    encounters: (_E_NAMES, encounter_row, sqlite_encounter_rows),
}


def _write_by_id(
    conn: Connection, table: Table, items: Sequence[Guarantor] | Sequence[Encounter]
) -> None:
    """Plain-insert the items whose id is new, upsert the rest (in the ledger's order: of
    two items with one id, the later one's values win, as when upserting each)."""
    stored = stored_ids(conn, table, [item.id for item in items])
    new: list[Any] = []
    again: list[Any] = []
    for item in items:
        if item.id in stored:
            again.append(item)
        else:
            stored.add(item.id)
            new.append(item)
    insert_new(conn, table, new)
    update_rows(conn, table, [_TABLES[table][1](item) for item in again])


def insert_new(
    conn: Connection, table: Table, items: Sequence[Guarantor] | Sequence[Encounter]
) -> None:
    """Insert guarantors or encounters whose ids are not stored (``guarantors`` or
    ``encounters``, ``items`` of its kind).

    On SQLite the rows are built ready for the driver (:mod:`rulesengine.store.db_rows`)
    and go to its ``executemany`` a chunk at a time; on PostgreSQL they are streamed
    with ``COPY`` (:func:`~rulesengine.store.sqlutil.insert_rows`).
    """
    names, to_row, sqlite_rows = _TABLES[table]
    if conn.dialect.name != "sqlite":
        insert_rows(conn, table, names, map(to_row, items))
        return
    for chunk in chunked(items, CHUNK):
        conn.exec_driver_sql(_sqlite_insert(table), sqlite_rows(conn.dialect, chunk))


def insert_driver_rows(conn: Connection, table: Table, rows: Sequence[Sequence[Any]]) -> None:
    """Insert guarantor or encounter rows already in driver form
    (:func:`~rulesengine.store.db_rows.driver_rows`) whose ids are not stored."""
    if conn.dialect.name != "sqlite":  # psycopg takes the model's values as they are
        insert_rows(conn, table, _TABLES[table][0], rows)
        return
    for chunk in chunked(rows, CHUNK):
        conn.exec_driver_sql(_sqlite_insert(table), list(chunk))


@functools.cache
def _sqlite_insert(table: Table) -> str:
    """The plain INSERT of a table's ``*_COLUMNS`` on SQLite (positional ``?`` marks)."""
    names = _TABLES[table][0]
    compiled = table.insert().compile(dialect=sqlite.dialect(), column_keys=names)
    if list(compiled.positiontup or ()) != names:  # the rows are built in names' order
        raise AssertionError(f"{table.name}: INSERT binds {compiled.positiontup}, not {names}")
    return str(compiled)


def update_rows(conn: Connection, table: Table, rows: Sequence[_Row]) -> None:
    """Write guarantor or encounter rows (in the order of the table's ``*_COLUMNS``)
    whose ids may be stored, with the table's upsert."""
    statement = table_upsert(conn.dialect.name)(table.name)
    insert_rows(conn, table, _TABLES[table][0], rows, statement=statement, cache_key="upsert")


def _last_statements(conn: Connection, ledger: LedgerData) -> dict[str, dt.date | None]:
    """The ``last_statement`` of every encounter a payment of ``ledger`` names: the
    ledger's, else the store's."""
    wanted = {p.encounter_id for p in ledger.payments}
    if not wanted:
        return {}
    last = {e.id: e.last_statement for e in ledger.encounters if e.id in wanted}
    missing = sorted(wanted - last.keys())
    for ids in chunked(missing, IN_CHUNK):
        query = select(encounters.c.id, encounters.c.last_statement).where(encounters.c.id.in_(ids))
        last.update((eid, billed) for eid, billed in conn.execute(query))
    return last


def payment_row(p: Payment, last: dict[str, dt.date | None]) -> tuple[Any, ...]:
    """A new payment's row: dated on or before its encounter's last statement, it is
    already reviewed (``reviewed_batch="imported"``)."""
    billed = last.get(p.encounter_id)
    reviewed = p.reviewed_batch
    if reviewed is None and billed is not None and p.date <= billed:
        reviewed = "imported"
    return (p.encounter_id, p.amount_cents, p.date, reviewed, p.external_id)
