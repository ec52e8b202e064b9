"""Syncing a ledger export into the store (``rulesengine import``).

A practice's system exports its ledger every day or month: the balances now, the payments
so far. Importing that export again must not undo what the statement runs decided, nor
count a payment twice. :func:`plan_sync` compares the export with the store set-based
(bulk reads of the stored rows into dicts, no query per row) and returns a
:class:`SyncPlan`: the rows to insert and to update, and the summary. :func:`apply_sync`
writes it with the bulk helpers of :mod:`rulesengine.store.sqlutil`. Both run in the
caller's transaction, so an import either happens whole or not at all.

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
import os
from collections import Counter
from collections.abc import Callable, Iterable, Iterator, Mapping, Sequence
from typing import Any

import attrs
from sqlalchemy import Connection, bindparam, func, select, update

from rulesengine.errors import LedgerError, Problem
from rulesengine.model import Adjustment, Payment, format_money
from rulesengine.store.base import FileSync, LedgerData, SyncSummary, chunked
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

#: Ids per ``IN (...)`` list.
_IN_CHUNK = 500
#: From this many ids on, one scan of the whole table is cheaper than ``IN`` lists.
_SCAN_FROM = 20_000
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


@attrs.frozen
class SyncPlan:
    """The writes a sync makes, and its summary (rows as tuples in the tables' orders)."""

    summary: SyncSummary
    new_guarantors: list[_Row]
    changed_guarantors: list[_Row]
    new_encounters: list[_Row]
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
    new_g, changed_g, g_sync, g_merged = _plan_rows(
        conn,
        guarantors,
        GUARANTOR_COLUMNS,
        [guarantor_row(g) for g in ledger.guarantors],
        g_cols,
    )
    e_cols = _taken(ledger, _ENCOUNTERS, _ENCOUNTER_TARGETS, _E_NAMES)
    dunning = {_E_INDEX[name] for name in DUNNING_FIELDS} & e_cols
    differs: set[str] = set()

    def note(stored: _Row, given: _Row) -> None:
        if any(stored[i] != given[i] for i in dunning):
            differs.add(stored[0])

    if not dunning_from_file:
        e_cols -= dunning
    new_e, changed_e, e_sync, e_merged = _plan_rows(
        conn,
        encounters,
        ENCOUNTER_COLUMNS,
        [encounter_row(e) for e in ledger.encounters],
        e_cols,
        note=note,
    )

    covered, missing = _not_in_file(conn, g_merged, e_merged)
    zero = [eid for eid, balance in missing if balance != 0] if complete else []

    last_statement = {eid: row[_E_INDEX["last_statement"]] for eid, row in e_merged.items()}
    problems: list[Problem] = []
    new_p, p_sync = _plan_postings(
        conn, payments, ledger.payments, ledger, _PAYMENTS, folder, problems
    )
    new_a, a_sync = _plan_postings(
        conn, adjustments, ledger.adjustments, ledger, _ADJUSTMENTS, folder, problems
    )
    if problems:
        raise LedgerError(problems)
    _fill_last_statements(conn, last_statement, {p.encounter_id for p in new_p})
    summary = SyncSummary(
        files={_GUARANTORS: g_sync, _ENCOUNTERS: e_sync, _PAYMENTS: p_sync, _ADJUSTMENTS: a_sync},
        dunning_differs=len(differs),
        dunning_from_file=dunning_from_file,
        covered_profiles=sorted(covered, key=lambda p: (p is not None, p or "")),
        not_in_file=len(missing),
        zeroed=len(zero),
        complete=complete,
        dry_run=dry_run,
    )
    return SyncPlan(
        summary,
        new_g,
        changed_g,
        new_e,
        changed_e,
        zero,
        [_payment_row(p, last_statement) for p in new_p],
        [(a.encounter_id, a.amount_cents, a.date, a.external_id) for a in new_a],
    )


def apply_sync(conn: Connection, plan: SyncPlan, *, upsert: Callable[[str], Any]) -> None:
    """Write a plan (``upsert(table name)``: the table's insert-or-update statement)."""
    insert_rows(conn, guarantors, _G_NAMES, plan.new_guarantors)
    insert_rows(
        conn,
        guarantors,
        _G_NAMES,
        plan.changed_guarantors,
        statement=upsert("guarantors"),
        cache_key="upsert",
    )
    insert_rows(conn, encounters, _E_NAMES, plan.new_encounters)
    insert_rows(
        conn,
        encounters,
        _E_NAMES,
        plan.changed_encounters,
        statement=upsert("encounters"),
        cache_key="upsert",
    )
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


def _plan_rows(
    conn: Connection,
    table: Any,
    columns: Sequence[Any],
    given: list[_Row],
    taken: set[int],
    note: Callable[[_Row, _Row], None] | None = None,
) -> tuple[list[_Row], list[_Row], FileSync, dict[str, _Row]]:
    """New rows, changed rows (merged: the file's ``taken`` values over the stored row),
    the counts, and every row of the file as it stands after the sync, by id."""
    by_id = {row[0]: row for row in given}
    merged: dict[str, _Row] = {}
    changed: list[_Row] = []
    unchanged = 0
    width = len(columns)
    keep = [i not in taken for i in range(width)]
    for stored in _stored_rows(conn, table, columns, by_id):
        row = by_id[stored[0]]
        if note is not None:
            note(stored, row)
        if any(keep):
            row = tuple(stored[i] if keep[i] else row[i] for i in range(width))
        merged[stored[0]] = row
        if row == stored:  # booleans read back as bool (SQLAlchemy's Boolean type)
            unchanged += 1
        else:
            changed.append(row)
    new = [row for row in given if row[0] not in merged]
    for row in new:
        merged[row[0]] = row
    counts = FileSync(inserted=len(new), updated=len(changed), unchanged=unchanged)
    return new, changed, counts, merged


def _stored_rows(
    conn: Connection, table: Any, columns: Sequence[Any], ids: Mapping[str, Any]
) -> Iterator[_Row]:
    """The stored rows whose id is in ``ids``."""
    query = select(*columns)
    if len(ids) >= _SCAN_FROM:
        for row in conn.execute(query.execution_options(yield_per=_YIELD)):
            if row[0] in ids:
                yield tuple(row)
        return
    for chunk in chunked(sorted(ids), _IN_CHUNK):
        for row in conn.execute(query.where(table.c.id.in_(chunk))):
            yield tuple(row)


# -- encounters the file does not list ----------------------------------------------------


def _not_in_file(
    conn: Connection,
    g_merged: Mapping[str, _Row],
    e_merged: Mapping[str, _Row],
) -> tuple[set[str | None], list[tuple[str, int]]]:
    """The profiles the encounters file covers, and the stored open or pre-collections
    encounters of those profiles it does not list (id, balance).

    An encounter's profile is its own ``profile``, else its guarantor's (as after the sync),
    else none; "no profile" is a profile of its own here.
    """
    if not e_merged:
        return set(), []
    e_profile, e_guarantor = _E_INDEX["profile"], _E_INDEX["guarantor_id"]
    outside = {
        row[e_guarantor] for row in e_merged.values() if row[e_guarantor] not in g_merged
    } - {None}
    g_profile = {gid: row[_G_PROFILE] for gid, row in g_merged.items()}
    for chunk in chunked(sorted(outside), _IN_CHUNK):
        query = select(guarantors.c.id, guarantors.c.profile).where(guarantors.c.id.in_(chunk))
        g_profile.update((gid, profile) for gid, profile in conn.execute(query))
    covered = {
        row[e_profile] if row[e_profile] is not None else g_profile.get(row[e_guarantor])
        for row in e_merged.values()
    }
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
    missing: list[tuple[str, int]] = []
    rows: Iterable[Any] = conn.execute(query.execution_options(yield_per=_YIELD))
    for eid, own, gid, theirs, balance in rows:
        if eid in e_merged:
            continue
        if gid in g_merged:
            theirs = g_merged[gid][_G_PROFILE]
        if (own if own is not None else theirs) in covered:
            missing.append((eid, balance))
    return covered, missing


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
    if len(ids) >= _SCAN_FROM:
        rows: Iterable[Any] = conn.execute(
            query.where(c.external_id.is_not(None)).execution_options(yield_per=_YIELD)
        )
        for xid, eid, amount, date in rows:
            if xid in ids:
                found[xid] = (eid, amount, date)
        return found
    for chunk in chunked(sorted(ids), _IN_CHUNK):
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
    if len(encounter_ids) >= _SCAN_FROM:
        for eid, amount, date, n in conn.execute(query.execution_options(yield_per=_YIELD)):
            if eid in encounter_ids:
                counts[(eid, amount, date)] = n
        return counts
    for chunk in chunked(sorted(encounter_ids), _IN_CHUNK):
        for eid, amount, date, n in conn.execute(query.where(c.encounter_id.in_(chunk))):
            counts[(eid, amount, date)] = n
    return counts


def _fill_last_statements(
    conn: Connection, last: dict[str, dt.date | None], wanted: set[str]
) -> None:
    """Add the stored ``last_statement`` of encounters the file does not list."""
    missing = sorted(wanted - last.keys())
    for ids in chunked(missing, _IN_CHUNK):
        query = select(encounters.c.id, encounters.c.last_statement).where(encounters.c.id.in_(ids))
        last.update((eid, billed) for eid, billed in conn.execute(query))


def _payment_row(p: Payment, last: Mapping[str, dt.date | None]) -> _Row:
    """A new payment dated on or before its encounter's last statement is already
    reviewed (``reviewed_batch="imported"``)."""
    billed = last.get(p.encounter_id)
    reviewed = p.reviewed_batch
    if reviewed is None and billed is not None and p.date <= billed:
        reviewed = "imported"
    return (p.encounter_id, p.amount_cents, p.date, reviewed, p.external_id)
