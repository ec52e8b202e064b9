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
import os
from collections import Counter
from collections.abc import Iterable, Mapping, Sequence
from typing import Any

import attrs
from sqlalchemy import Connection, bindparam, func, select, update

from rulesengine.errors import LedgerError, Problem
from rulesengine.model import Adjustment, Encounter, Payment, format_money
from rulesengine.store.base import FileSync, LedgerData, SyncSummary, chunked
from rulesengine.store.ledger_import import (
    IN_CHUNK,
    SCAN_FROM,
    insert_driver_rows,
    payment_row,
    update_rows,
)
from rulesengine.store.rows import (
    ENCOUNTER_COLUMNS,
    GUARANTOR_COLUMNS,
)
from rulesengine.store.sqlutil import insert_rows
from rulesengine.store.sync_rows import OPEN, RowsPlan, plan_rows
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

_Row = tuple[Any, ...]
#: A row in driver form (:mod:`rulesengine.store.db_rows`).
_Stored = Sequence[Any]


@attrs.frozen
class SyncPlan:
    """The writes a sync makes, and its summary (rows as tuples in the tables' orders,
    with the model's values; new guarantors and encounters as the driver takes them)."""

    summary: SyncSummary
    new_guarantors: list[_Stored]
    changed_guarantors: list[_Row]
    new_encounters: list[_Stored]
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
    g_plan = plan_rows(conn, guarantors, ledger.guarantors, g_cols, needed=[_G_PROFILE])
    e_cols = _taken(ledger, _ENCOUNTERS, _ENCOUNTER_TARGETS, _E_NAMES)
    dunning = {_E_INDEX[name] for name in DUNNING_FIELDS} & e_cols
    if not dunning_from_file:
        e_cols -= dunning
    e_plan = plan_rows(
        conn,
        encounters,
        ledger.encounters,
        e_cols,
        dunning=dunning,
        needed=[_E_INDEX["profile"], _E_INDEX["guarantor_id"]],
    )
    covered, missing = _not_in_file(conn, g_plan, e_plan)
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
    last_statement = _last_statements(
        conn, ledger.encounters, e_plan, {p.encounter_id for p in new_p}
    )
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
    insert_driver_rows(conn, guarantors, plan.new_guarantors)
    update_rows(conn, guarantors, plan.changed_guarantors)
    insert_driver_rows(conn, encounters, plan.new_encounters)
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


# -- encounters the file does not list ----------------------------------------------------


def _not_in_file(
    conn: Connection, g_plan: RowsPlan, e_plan: RowsPlan
) -> tuple[set[str | None], list[tuple[str, int]]]:
    """The profiles the encounters file covers, and the stored open or pre-collections
    encounters of those profiles it does not list (id, balance).

    An encounter's profile is its own ``profile``, else its guarantor's (as after the sync),
    else none; "no profile" is a profile of its own here.
    """
    if not e_plan.given:
        return set(), []
    e_profile, e_guarantor = _E_INDEX["profile"], _E_INDEX["guarantor_id"]
    listed_g = g_plan.index
    g_profile = dict(zip(listed_g, g_plan.after(_G_PROFILE), strict=True))
    own_profiles, their_ids = e_plan.after(e_profile), e_plan.after(e_guarantor)
    g_profile.update(_stored_profiles(conn, set(their_ids) - listed_g.keys()))
    covered = {
        own if own is not None else g_profile.get(gid)
        for own, gid in zip(own_profiles, their_ids, strict=True)
    }
    if e_plan.open_outside is not None:  # the sync scanned the encounters
        balance = _E_INDEX["balance_cents"]
        outside = [
            (row[0], row[e_profile], row[e_guarantor], row[balance]) for row in e_plan.open_outside
        ]
        theirs_of = _stored_profiles(
            conn, {gid for _, own, gid, _ in outside if own is None} - listed_g.keys()
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
            .where(encounters.c.status.in_(OPEN))
        )
        rows = conn.execute(query.execution_options(yield_per=_YIELD))
    missing: list[tuple[str, int]] = []
    listed_e = e_plan.index
    for eid, own, gid, theirs, cents in rows:
        if eid in listed_e:
            continue
        if gid in listed_g:
            theirs = g_plan.value_after(gid, _G_PROFILE)
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
    conn: Connection, items: Sequence[Encounter], plan: RowsPlan, wanted: set[str]
) -> dict[str, dt.date | None]:
    """The ``last_statement`` (as after the sync) of the encounters ``wanted``: the file's
    when it gives it or the encounter is new, else the store's."""
    at = _E_INDEX["last_statement"]
    last: dict[str, dt.date | None] = {}
    for eid in wanted:
        place = plan.index.get(eid)
        if place is not None and (at in plan.taken or not plan.stored[place]):
            last[eid] = items[place].last_statement
    missing = sorted(wanted - last.keys())
    for ids in chunked(missing, IN_CHUNK):
        query = select(encounters.c.id, encounters.c.last_statement).where(encounters.c.id.in_(ids))
        last.update((eid, billed) for eid, billed in conn.execute(query))
    return last
