"""Reading a ledger folder of CSV files (``rulesengine import LEDGER_DIR``).

``guarantors.csv`` and ``encounters.csv`` are required, ``payments.csv`` and
``adjustments.csv`` optional (their columns: :mod:`rulesengine.ledger.csv_columns`). Every
cell is checked and every problem is reported, as ``file:row:column: message`` with the
header as row 1, before anything is written: :func:`read_ledger_dir` raises
:class:`~rulesengine.errors.LedgerError` or returns a ledger that is safe to import.
"""

from __future__ import annotations

import datetime as dt
import os
from collections.abc import Callable, Collection, Iterable, Sequence
from typing import Any

from rulesengine.errors import InvalidRequest, LedgerError, Problem
from rulesengine.ledger.csv_columns import (
    ADJUSTMENTS,
    ENCOUNTERS,
    FILES,
    GUARANTORS,
    PAYMENTS,
    POSTAL,
)
from rulesengine.ledger.csv_sheet import Sheet, read_sheet
from rulesengine.model import Adjustment, Encounter, Guarantor, Payment, PostalAddress, given
from rulesengine.store.base import LedgerData, Store
from rulesengine.store.ledger_checks import (
    adjustment_amount_problem,
    payment_amount_problem,
    statement_dates_problem,
    values_checked,
)

__all__ = ["read_ledger_dir", "validate_against_store"]


def _unique_ids(sheet: Sheet, column: str) -> dict[str, int]:
    """Id -> first row; later rows with the same id are problems."""
    first: dict[str, int] = {}
    for number, values in sheet.rows:
        key = values.get(column)
        if key is None:
            continue
        if key in first:
            sheet.problem(number, column, f"duplicate id {key!r} (first on row {first[key]})")
        else:
            first[key] = number
    return first


def _guarantor(sheet: Sheet, number: int, v: dict[str, Any]) -> Guarantor:
    postal = None
    if any(v.get(c) for c in POSTAL):
        if not v.get("postal_line1"):
            sheet.problem(number, "postal_line1", "required when another postal column is set")
        postal = PostalAddress(*(v.get(c) or "" for c in POSTAL))
    return Guarantor(
        id=v.get("id") or "",
        first_name=v.get("first_name") or "",
        last_name=v.get("last_name") or "",
        email=v.get("email"),
        mobile=v.get("mobile"),
        postal=postal,
        timezone=v.get("timezone"),
        paperless=bool(v.get("paperless")),
        hold=bool(v.get("hold")),
        sms_opt_out=bool(v.get("sms_opt_out")),
        email_opt_out=bool(v.get("email_opt_out")),
        profile=v.get("profile"),
    )


def _encounter(sheet: Sheet, number: int, v: dict[str, Any]) -> Encounter:
    first, last = v.get("first_statement"), v.get("last_statement")
    dates_problem = statement_dates_problem(first, last)
    if dates_problem is not None:
        sheet.problem(number, "first_statement", dates_problem)
    return Encounter(
        id=v.get("id") or "",
        guarantor_id=v.get("guarantor") or "",
        patient_id=v.get("patient") or "",
        service_date=v.get("service_date") or dt.date.min,
        balance_cents=v.get("balance") or 0,
        level=v.get("level") or 0,
        status=v.get("status") or "open",
        hold=bool(v.get("hold")),
        location=v.get("location"),
        provider=v.get("provider"),
        first_statement=first,
        last_statement=last,
        statements_sent=v.get("statements_sent") or 0,
        profile=v.get("profile"),
    )


def _postings(sheet: Sheet, payment: bool) -> list[Payment] | list[Adjustment]:
    built: list[Any] = []
    for number, v in sheet.rows:
        amount = v.get("amount")
        if amount is not None:
            check = payment_amount_problem if payment else adjustment_amount_problem
            amount_problem = check(amount)
            if amount_problem is not None:
                sheet.problem(number, "amount", amount_problem)
        encounter, date = v.get("encounter") or "", v.get("date") or dt.date.min
        if payment:
            built.append(Payment(None, encounter, amount or 0, date, external_id=v.get("id")))
        else:
            built.append(Adjustment(None, encounter, amount or 0, date, external_id=v.get("id")))
    return built


def _check_references(
    sheet: Sheet,
    column: str,
    what: str,
    targets: Collection[str],
    target_file: str,
    known_elsewhere: Callable[[Iterable[str]], set[str]] | None,
) -> None:
    """Each row's ``column`` names a ``what`` listed in ``targets`` (or known elsewhere)."""
    missing = [(n, v[column]) for n, v in sheet.rows if v.get(column) and v[column] not in targets]
    if not missing:
        return
    found = known_elsewhere({ref for _, ref in missing}) if known_elsewhere else set()
    where = f"not in {target_file}" + (" or the store" if known_elsewhere else "")
    for number, ref in missing:
        if ref not in found:
            sheet.problem(number, column, f"unknown {what} {ref!r} ({where})")


def read_ledger_dir(path: str | os.PathLike[str], *, store: Store | None = None) -> LedgerData:
    """Read and check a ledger folder; raise :class:`LedgerError` listing every problem.

    Encounters must name a guarantor of ``guarantors.csv`` and payments and adjustments an
    encounter of ``encounters.csv``; with ``store``, ids already in the store count too
    (an import of new encounters for known guarantors).
    """
    if not isinstance(path, (str, os.PathLike)):
        raise InvalidRequest(f"a ledger folder is a path, got {given(path)}")
    if store is not None and not isinstance(store, Store):
        raise InvalidRequest(f"store must be an open store (open_store(url)), got {given(store)}")
    folder = os.fspath(path)
    if not os.path.isdir(folder):
        raise LedgerError([Problem(folder, None, None, "no such folder")])
    sheets = {name: read_sheet(folder, name) for name in FILES}
    g_sheet, e_sheet = sheets[GUARANTORS], sheets[ENCOUNTERS]
    guarantor_rows = _unique_ids(g_sheet, "id")
    encounter_rows = _unique_ids(e_sheet, "id")
    for name in (PAYMENTS, ADJUSTMENTS):
        _unique_ids(sheets[name], "id")
    guarantors = [_guarantor(g_sheet, n, v) for n, v in g_sheet.rows]
    encounters = [_encounter(e_sheet, n, v) for n, v in e_sheet.rows]
    payments = _postings(sheets[PAYMENTS], payment=True)
    adjustments = _postings(sheets[ADJUSTMENTS], payment=False)
    if g_sheet.readable:
        _check_references(
            e_sheet,
            "guarantor",
            "guarantor",
            guarantor_rows,
            GUARANTORS,
            store.known_guarantors if store else None,
        )
    if e_sheet.readable:
        for name in (PAYMENTS, ADJUSTMENTS):
            _check_references(
                sheets[name],
                "encounter",
                "encounter",
                encounter_rows,
                ENCOUNTERS,
                store.known_encounters if store else None,
            )
    problems = [p for sheet in sheets.values() for p in sheet.sorted_problems()]
    if problems:
        raise LedgerError(problems)
    ledger = LedgerData(
        guarantors,
        encounters,
        payments,  # type: ignore[arg-type]
        adjustments,  # type: ignore[arg-type]
        columns={name: frozenset(sheet.header) for name, sheet in sheets.items() if sheet.readable},
        row_numbers={name: tuple(n for n, _ in sheet.rows) for name, sheet in sheets.items()},
    )
    return values_checked(ledger)  # every cell passed its column's checks above


def validate_against_store(ledger: LedgerData, store: Store, folder: str = "") -> list[Problem]:
    """Problems with references a ledger makes that neither it nor the store can satisfy:
    encounters of unknown guarantors, payments and adjustments of unknown encounters.

    Rows count the header as row 1: the file rows :func:`read_ledger_dir` recorded, else
    one row per item in the ledger's order.
    """
    problems: list[Problem] = []

    def check(
        name: str,
        column: str,
        what: str,
        refs: Sequence[str],
        own: set[str],
        lookup: Callable[[Iterable[str]], set[str]],
    ) -> None:
        outside = {r for r in refs if r not in own}
        found = lookup(outside) if outside else set()
        for index, ref in enumerate(refs):
            if ref not in own and ref not in found:
                where = "not in the ledger or the store"
                problems.append(
                    Problem(
                        os.path.join(folder, name),
                        ledger.row_of(name, index),
                        column,
                        f"unknown {what} {ref!r} ({where})",
                    )
                )

    check(
        ENCOUNTERS,
        "guarantor",
        "guarantor",
        [e.guarantor_id for e in ledger.encounters],
        {g.id for g in ledger.guarantors},
        store.known_guarantors,
    )
    encounter_ids = {e.id for e in ledger.encounters}
    check(
        PAYMENTS,
        "encounter",
        "encounter",
        [p.encounter_id for p in ledger.payments],
        encounter_ids,
        store.known_encounters,
    )
    check(
        ADJUSTMENTS,
        "encounter",
        "encounter",
        [a.encounter_id for a in ledger.adjustments],
        encounter_ids,
        store.known_encounters,
    )
    return problems
