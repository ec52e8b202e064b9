"""Syncing a ledger export into the store (``rulesengine import``).

A practice's system exports its ledger every day or month: the balances now, the payments
so far. Importing that export again must not undo what the statement runs decided, nor
count a payment twice. :func:`plan_sync` compares the export with the store set-based
(bulk reads of the stored rows into dicts, no query per row; rows compared as the driver
gives them, so a million stored rows cost no value conversions) and returns a
:class:`SyncPlan`: the rows to insert and to update, and the summary. :func:`apply_sync`
writes it: new ids with plain inserts (:mod:`rulesengine.store.ledger_import`), changed
ones with the upserts. Both run in the caller's transaction, so an import either happens
whole or not at all.

Matching:

- guarantors and encounters by id. A new id is inserted with every value the file gives;
  for a stored id the file's columns replace the stored values, except an encounter's
  dunning fields (:data:`DUNNING_FIELDS`), which stay the store's unless
  ``dunning_from_file``. Columns the file lacks, and rows it lacks, are left as stored.
- payments and adjustments by their ``id`` (``external_id`` in the store) when they have
  one; otherwise the k-th row with a given (encounter, amount, date) is the k-th stored
  posting with those values, so the same file imported twice adds nothing while two equal
  payments on one day stay two.
"""

from __future__ import annotations

import datetime as dt
import operator
import os
from collections import Counter
from collections.abc import Callable, Iterable, Iterator, Mapping, Sequence
from typing import Any

import attrs
from sqlalchemy import ColumnClause, Connection, bindparam, column, func, select, update

from rulesengine.errors import LedgerError, Problem
from rulesengine.model import Adjustment, Encounter, Guarantor, Payment, format_money
from rulesengine.store.base import FileSync, LedgerData, SyncSummary, chunked
from rulesengine.store.db_rows import driver_rows, model_rows
from rulesengine.store.ledger_import import (
    IN_CHUNK,
    SCAN_FROM,
    insert_new,
    payment_row,
    update_rows,
)
from rulesengine.store.rows import (
    ENCOUNTER_COLUMNS,
    GUARANTOR_COLUMNS,
    encounter_row,
    guarantor_row,
)
from rulesengine.store.sqlutil import insert_rows
from rulesengine.store.tables import adjustments, encounters, guarantors, payments

__all__ = ["DUNNING_FIELDS", "SyncPlan", "apply_sync", "plan_sync"]

_GUARANTORS, _ENCOUNTERS, _PAYMENTS, _ADJUSTMENTS = (
    "guarantors.csv",
    "encounters.csv",
    "payments.csv",
    "adjustments.csv",
)

#: An encounter's dunning state: what statement runs decide, kept across a sync.
DUNNING_FIELDS = ("level", "status", "first_statement", "last_statement", "statements_sent")

#: Rows fetched at a time while scanning a table.
_YIELD = 10_000

_POSTAL = ("postal_line1", "postal_line2", "postal_city", "postal_state", "postal_zip")
#: File column -> the table columns it sets (the postal columns set the address together).
_GUARANTOR_TARGETS: Mapping[str, tuple[str, ...]] = {
    **{c.name: (c.name,) for c in GUARANTOR_COLUMNS if c.name not in _POSTAL},
    **{name: _POSTAL for name in _POSTAL},
}
_ENCOUNTER_TARGETS: Mapping[str, tuple[str, ...]] = {
    **{c.name: (c.name,) for c in ENCOUNTER_COLUMNS},
    "guarantor": ("guarantor_id",),
    "patient": ("patient_id",),
    "balance": ("balance_cents",),
}
_G_NAMES = [c.name for c in GUARANTOR_COLUMNS]
_E_NAMES = [c.name for c in ENCOUNTER_COLUMNS]
_E_INDEX = {name: i for i, name in enumerate(_E_NAMES)}
_G_PROFILE = _G_NAMES.index("profile")
_OPEN = ("open", "pre_collections")

_Row = tuple[Any, ...]
#: A row as the driver reads it (a tuple, or SQLAlchemy's Row).
_Stored = Sequence[Any]


@attrs.frozen
class SyncPlan:
    """The writes a sync makes, and its summary (rows as tuples in the tables' orders,
    with the model's values)."""

    summary: SyncSummary
    new_guarantors: list[Guarantor]
    changed_guarantors: list[_Row]
    new_encounters: list[Encounter]
    changed_encounters: list[_Row]
    zero_balances: list[str]
    new_payments: list[_Row]  # encounter_id, amount_cents, date, reviewed_batch, external_id
    new_adjustments: list[_Row]  # encounter_id, amount_cents, date, external_id


def plan_sync(
    conn: Connection,
    ledger: LedgerData,
    *,
    folder: str = "",
    dunning_from_file: bool = False,
    complete: bool = False,
    dry_run: bool = False,
) -> SyncPlan:
    """Compare ``ledger`` with the store (reads only); raise :class:`LedgerError` for
    postings whose id is stored with other values."""
    g_cols = _taken(ledger, _GUARANTORS, _GUARANTOR_TARGETS, _G_NAMES)
    g_plan = _plan_rows(conn, guarantors, ledger.guarantors, g_cols)
    e_cols = _taken(ledger, _ENCOUNTERS, _ENCOUNTER_TARGETS, _E_NAMES)
    dunning = {_E_INDEX[name] for name in DUNNING_FIELDS} & e_cols
    if not dunning_from_file:
        e_cols -= dunning
    e_plan = _plan_rows(conn, encounters, ledger.encounters, e_cols, dunning)
    g_merged, e_merged = g_plan.merged, e_plan.merged

    covered, missing = _not_in_file(conn, g_merged, e_merged, e_plan.open_outside)
    zero = [eid for eid, balance in missing if balance != 0] if complete else []

    problems: list[Problem] = []
    new_p, p_sync = _plan_postings(
        conn, payments, ledger.payments, ledger, _PAYMENTS, folder, problems
    )
    new_a, a_sync = _plan_postings(
        conn, adjustments, ledger.adjustments, ledger, _ADJUSTMENTS, folder, problems
    )
    if problems:
        raise LedgerError(problems)
    last_statement = _last_statements(conn, e_merged, {p.encounter_id for p in new_p})
    summary = SyncSummary(
        files={
            _GUARANTORS: g_plan.counts,
            _ENCOUNTERS: e_plan.counts,
            _PAYMENTS: p_sync,
            _ADJUSTMENTS: a_sync,
        },
        dunning_differs=e_plan.dunning_differs,
        dunning_from_file=dunning_from_file,
        covered_profiles=sorted(covered, key=lambda p: (p is not None, p or "")),
        not_in_file=len(missing),
        zeroed=len(zero),
        complete=complete,
        dry_run=dry_run,
    )
    return SyncPlan(
        summary,
        g_plan.new,
        g_plan.changed,
        e_plan.new,
        e_plan.changed,
        zero,
        [payment_row(p, last_statement) for p in new_p],
        [(a.encounter_id, a.amount_cents, a.date, a.external_id) for a in new_a],
    )


def apply_sync(conn: Connection, plan: SyncPlan) -> None:
    """Write a plan."""
    insert_new(conn, guarantors, plan.new_guarantors)
    update_rows(conn, guarantors, plan.changed_guarantors)
    insert_new(conn, encounters, plan.new_encounters)
    update_rows(conn, encounters, plan.changed_encounters)
    if plan.zero_balances:
        statement = (
            update(encounters).where(encounters.c.id == bindparam("eid")).values(balance_cents=0)
        )
        for ids in chunked(plan.zero_balances, 10_000):
            conn.execute(statement, [{"eid": eid} for eid in ids])
    insert_rows(
        conn,
        payments,
        ("encounter_id", "amount_cents", "date", "reviewed_batch", "external_id"),
        plan.new_payments,
    )
    insert_rows(
        conn,
        adjustments,
        ("encounter_id", "amount_cents", "date", "external_id"),
        plan.new_adjustments,
    )


# -- guarantors and encounters ------------------------------------------------------------


def _taken(
    ledger: LedgerData, name: str, targets: Mapping[str, tuple[str, ...]], names: list[str]
) -> set[int]:
    """Positions (in the table's column order) of the values the file gives."""
    header = ledger.columns.get(name)
    if header is None:
        return set(range(len(names)))
    given = {column for file_column in header for column in targets.get(file_column, ())}
    return {i for i, column in enumerate(names) if column in given}


@attrs.frozen
class _RowsPlan:
    """What a sync does with a file's guarantors or encounters."""

    new: list[Any]  # the items whose id is not stored
    changed: list[_Row]  # stored ids with other values: rows as they become (model values)
    counts: FileSync
    merged: dict[str, _Stored]  # every id of the file -> its row after the sync (driver form)
    dunning_differs: int  # stored rows whose ``dunning`` values the file gives otherwise
    #: Scanning the whole table: the stored open or pre-collections rows the file does
    #: not list (encounters); None: the table was not scanned.
    open_outside: list[_Stored] | None


def _plan_rows(
    conn: Connection,
    table: Any,
    items: Sequence[Guarantor] | Sequence[Encounter],
    taken: set[int],
    dunning: set[int] = frozenset(),  # type: ignore[assignment]
) -> _RowsPlan:
    """Compare a file's rows with the stored ones, in driver form (no stored value is
    converted): a stored row changes when a ``taken`` value differs; it then becomes the
    file's ``taken`` values over the stored row."""
    dialect = conn.dialect
    given = driver_rows(dialect, table, items)
    index = {row[0]: i for i, row in enumerate(given)}
    width = len(given[0]) if given else 0
    compared = _values_at(sorted(taken))
    dunning_of = _values_at(sorted(dunning))
    merged: dict[str, _Stored] = {}
    changed: list[tuple[_Stored, int]] = []
    differs = unchanged = 0
    scan = len(index) >= SCAN_FROM
    outside: list[_Stored] | None = [] if scan and table is encounters else None
    status = _E_INDEX["status"]
    for batch in _stored_rows(conn, table, index, scan):
        for stored in batch:
            at = index.get(stored[0])
            if at is None:  # scanning: a stored row the file does not list
                if outside is not None and stored[status] in _OPEN:
                    outside.append(stored)
                continue
            row = given[at]
            if dunning and dunning_of(stored) != dunning_of(row):
                differs += 1
            if compared(stored) == compared(row):
                merged[stored[0]] = stored
                unchanged += 1
            else:
                merged[stored[0]] = tuple(row[i] if i in taken else stored[i] for i in range(width))
                changed.append((stored, at))
    stored_ids = set(merged)
    new = [item for item, row in zip(items, given, strict=True) if row[0] not in stored_ids]
    for row in given:
        if row[0] not in stored_ids:
            merged[row[0]] = row
    counts = FileSync(inserted=len(new), updated=len(changed), unchanged=unchanged)
    stored_model = model_rows(dialect, table, [stored for stored, _ in changed])
    to_row: Callable[[Any], _Row] = guarantor_row if table is guarantors else encounter_row
    changed_rows = [
        tuple(mine[i] if i in taken else theirs[i] for i in range(width))
        for theirs, mine in zip(stored_model, (to_row(items[at]) for _, at in changed), strict=True)
    ]
    return _RowsPlan(new, changed_rows, counts, merged, differs, outside)


def _values_at(positions: Sequence[int]) -> Callable[[Sequence[Any]], Any]:
    """A row's values at ``positions`` (something equal for equal values)."""
    if not positions:
        return lambda row: ()
    return operator.itemgetter(*positions)


def _stored_rows(
    conn: Connection, table: Any, ids: Mapping[str, Any], scan: bool
) -> Iterator[Sequence[Sequence[Any]]]:
    """Batches of stored rows in driver form (typeless columns: no result processing):
    every row of the table (``scan``), else the rows whose id is in ``ids``."""
    columns = GUARANTOR_COLUMNS if table is guarantors else ENCOUNTER_COLUMNS
    typeless: list[ColumnClause[Any]] = [column(c.name) for c in columns]
    query = select(*typeless).select_from(table)
    if scan:
        yield from conn.execute(query.execution_options(yield_per=_YIELD)).partitions()
        return
    key: ColumnClause[Any] = column("id")
    for chunk in chunked(sorted(ids), IN_CHUNK):
        yield conn.execute(query.where(key.in_(chunk))).all()


# -- encounters the file does not list ----------------------------------------------------


def _not_in_file(
    conn: Connection,
    g_merged: Mapping[str, _Stored],
    e_merged: Mapping[str, _Stored],
    open_outside: list[_Stored] | None,
) -> tuple[set[str | None], list[tuple[str, int]]]:
    """The profiles the encounters file covers, and the stored open or pre-collections
    encounters of those profiles it does not list (id, balance); ``open_outside``: those
    encounters' stored rows when the sync scanned the table (else they are read here).

    An encounter's profile is its own ``profile``, else its guarantor's (as after the sync),
    else none; "no profile" is a profile of its own here.
    """
    if not e_merged:
        return set(), []
    e_profile, e_guarantor = _E_INDEX["profile"], _E_INDEX["guarantor_id"]
    g_profile = {gid: row[_G_PROFILE] for gid, row in g_merged.items()}
    g_profile.update(
        _stored_profiles(conn, {row[e_guarantor] for row in e_merged.values()} - g_merged.keys())
    )
    covered = {
        row[e_profile] if row[e_profile] is not None else g_profile.get(row[e_guarantor])
        for row in e_merged.values()
    }
    if open_outside is not None:
        balance = _E_INDEX["balance_cents"]
        outside = [(row[0], row[e_profile], row[e_guarantor], row[balance]) for row in open_outside]
        theirs_of = _stored_profiles(
            conn, {gid for _, own, gid, _ in outside if own is None} - g_merged.keys()
        )
        rows: Iterable[Any] = (
            (eid, own, gid, theirs_of.get(gid), cents) for eid, own, gid, cents in outside
        )
    else:
        query = (
            select(
                encounters.c.id,
                encounters.c.profile,
                encounters.c.guarantor_id,
                guarantors.c.profile,
                encounters.c.balance_cents,
            )
            .join_from(encounters, guarantors, guarantors.c.id == encounters.c.guarantor_id)
            .where(encounters.c.status.in_(_OPEN))
        )
        rows = conn.execute(query.execution_options(yield_per=_YIELD))
    missing: list[tuple[str, int]] = []
    for eid, own, gid, theirs, cents in rows:
        if eid in e_merged:
            continue
        if gid in g_merged:
            theirs = g_merged[gid][_G_PROFILE]
        if (own if own is not None else theirs) in covered:
            missing.append((eid, cents))
    return covered, missing


def _stored_profiles(conn: Connection, ids: set[str]) -> dict[str, str | None]:
    """The stored profile of each of these guarantors."""
    query = select(guarantors.c.id, guarantors.c.profile)
    found: dict[str, str | None] = {}
    if len(ids) >= SCAN_FROM:
        for gid, profile in conn.execute(query.execution_options(yield_per=_YIELD)):
            if gid in ids:
                found[gid] = profile
        return found
    for chunk in chunked(sorted(ids), IN_CHUNK):
        rows = conn.execute(query.where(guarantors.c.id.in_(chunk)))
        found.update((gid, profile) for gid, profile in rows)
    return found


# -- payments and adjustments -------------------------------------------------------------


def _plan_postings(
    conn: Connection,
    table: Any,
    items: Sequence[Payment | Adjustment],
    ledger: LedgerData,
    name: str,
    folder: str,
    problems: list[Problem],
) -> tuple[list[Any], FileSync]:
    """The postings to insert, and the counts; a stored id with other values is a problem."""
    with_id = {p.external_id: (i, p) for i, p in enumerate(items) if p.external_id is not None}
    stored_by_id = _stored_by_external_id(conn, table, with_id)
    anonymous = [p for p in items if p.external_id is None]
    stored_counts = _stored_counts(conn, table, {p.encounter_id for p in anonymous})
    new: list[Any] = []
    skipped = 0
    seen: Counter[tuple[str, int, dt.date]] = Counter()
    path = os.path.join(folder, name)
    for index, item in enumerate(items):
        if item.external_id is not None:
            stored = stored_by_id.get(item.external_id)
            if stored is None:
                new.append(item)
                continue
            skipped += 1
            given = (item.encounter_id, item.amount_cents, item.date)
            for column, mine, theirs in zip(
                ("encounter", "amount", "date"), given, stored, strict=True
            ):
                if mine != theirs:
                    problems.append(
                        Problem(
                            path,
                            ledger.row_of(name, index),
                            column,
                            f"id {item.external_id!r} is stored with {column}"
                            f" {_shown(theirs)}, not {_shown(mine)}; a posting's id names"
                            " one posting: give this one an id of its own, or correct the"
                            f" {column}",
                        )
                    )
                    break
            continue
        key = (item.encounter_id, item.amount_cents, item.date)
        seen[key] += 1
        if seen[key] <= stored_counts.get(key, 0):
            skipped += 1
        else:
            new.append(item)
    return new, FileSync(inserted=len(new), skipped=skipped)


def _shown(value: Any) -> str:
    if isinstance(value, int):
        return format_money(value)
    if isinstance(value, dt.date):
        return value.isoformat()
    return repr(value)


def _stored_by_external_id(
    conn: Connection, table: Any, ids: Mapping[str, Any]
) -> dict[str, tuple[str, int, dt.date]]:
    """(encounter, amount, date) of the stored postings with these external ids."""
    c = table.c
    query = select(c.external_id, c.encounter_id, c.amount_cents, c.date)
    found: dict[str, tuple[str, int, dt.date]] = {}
    if len(ids) >= SCAN_FROM:
        rows: Iterable[Any] = conn.execute(
            query.where(c.external_id.is_not(None)).execution_options(yield_per=_YIELD)
        )
        for xid, eid, amount, date in rows:
            if xid in ids:
                found[xid] = (eid, amount, date)
        return found
    for chunk in chunked(sorted(ids), IN_CHUNK):
        for xid, eid, amount, date in conn.execute(query.where(c.external_id.in_(chunk))):
            found[xid] = (eid, amount, date)
    return found


def _stored_counts(
    conn: Connection, table: Any, encounter_ids: set[str]
) -> dict[tuple[str, int, dt.date], int]:
    """How many postings each (encounter, amount, date) of these encounters has stored."""
    c = table.c
    query = select(c.encounter_id, c.amount_cents, c.date, func.count()).group_by(
        c.encounter_id, c.amount_cents, c.date
    )
    counts: dict[tuple[str, int, dt.date], int] = {}
    if len(encounter_ids) >= SCAN_FROM:
        for eid, amount, date, n in conn.execute(query.execution_options(yield_per=_YIELD)):
            if eid in encounter_ids:
                counts[(eid, amount, date)] = n
        return counts
    for chunk in chunked(sorted(encounter_ids), IN_CHUNK):
        for eid, amount, date, n in conn.execute(query.where(c.encounter_id.in_(chunk))):
            counts[(eid, amount, date)] = n
    return counts


def _last_statements(
    conn: Connection, merged: Mapping[str, _Stored], wanted: set[str]
) -> dict[str, dt.date | None]:
    """The ``last_statement`` (as after the sync) of the encounters ``wanted``: the file's
    ones from ``merged`` (driver form, converted), the others read from the store."""
    at = _E_INDEX["last_statement"]
    listed = [merged[eid] for eid in wanted if eid in merged]
    dialect = conn.dialect
    last: dict[str, dt.date | None] = {
        row[0]: row[at] for row in model_rows(dialect, encounters, listed)
    }
    missing = sorted(wanted - last.keys())
    for ids in chunked(missing, IN_CHUNK):
        query = select(encounters.c.id, encounters.c.last_statement).where(encounters.c.id.in_(ids))
        last.update((eid, billed) for eid, billed in conn.execute(query))
    return last
