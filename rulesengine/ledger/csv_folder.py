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
from rulesengine.store.bulk_load import collector_paused
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
    for number, key in zip(sheet.numbers, sheet.column(column), strict=True):
        if key is None:
            continue
        if key in first:
            sheet.problem(number, column, f"duplicate id {key!r} (first on row {first[key]})")
        else:
            first[key] = number
    return first


_GUARANTOR_FLAGS = ("paperless", "hold", "sms_opt_out", "email_opt_out")


def _guarantors(sheet: Sheet) -> list[Guarantor]:
    c = sheet.column
    built: list[Guarantor] = []
    for number, gid, first, last, email, mobile, tz, flags, profile, postal in zip(
        sheet.numbers,
        c("id"),
        c("first_name"),
        c("last_name"),
        c("email"),
        c("mobile"),
        c("timezone"),
        zip(*(c(name) for name in _GUARANTOR_FLAGS), strict=True),
        c("profile"),
        zip(*(c(name) for name in POSTAL), strict=True),
        strict=True,
    ):
        address = None
        if any(postal):
            if not postal[0]:
                sheet.problem(number, "postal_line1", "required when another postal column is set")
            address = PostalAddress(*(part or "" for part in postal))
        paperless, hold, sms_opt_out, email_opt_out = flags
        built.append(
            Guarantor(
                id=gid or "",
                first_name=first or "",
                last_name=last or "",
                email=email,
                mobile=mobile,
                postal=address,
                timezone=tz,
                paperless=bool(paperless),
                hold=bool(hold),
                sms_opt_out=bool(sms_opt_out),
                email_opt_out=bool(email_opt_out),
                profile=profile,
            )
        )
    return built


def _encounters(sheet: Sheet) -> list[Encounter]:
    c = sheet.column
    built: list[Encounter] = []
    columns = zip(
        c("id"),
        c("guarantor"),
        c("patient"),
        c("service_date"),
        c("balance"),
        c("level"),
        c("status"),
        c("hold"),
        c("location"),
        c("provider"),
        zip(c("first_statement"), c("last_statement"), strict=True),
        c("statements_sent"),
        c("profile"),
        strict=True,
    )
    for number, row in zip(sheet.numbers, columns, strict=True):
        eid, gid, pid, served, balance, level, status, hold, where, who, dates, sent, profile = row
        first, last = dates
        dates_problem = statement_dates_problem(first, last)
        if dates_problem is not None:
            sheet.problem(number, "first_statement", dates_problem)
        built.append(
            Encounter(
                id=eid or "",
                guarantor_id=gid or "",
                patient_id=pid or "",
                service_date=served or dt.date.min,
                balance_cents=balance or 0,
                level=level or 0,
                status=status or "open",
                hold=bool(hold),
                location=where,
                provider=who,
                first_statement=first,
                last_statement=last,
                statements_sent=sent or 0,
                profile=profile,
            )
        )
    return built


def _postings(sheet: Sheet, payment: bool) -> list[Payment] | list[Adjustment]:
    built: list[Any] = []
    check = payment_amount_problem if payment else adjustment_amount_problem
    c = sheet.column
    for number, amount, encounter, date, xid in zip(
        sheet.numbers, c("amount"), c("encounter"), c("date"), c("id"), strict=True
    ):
        if amount is not None:
            amount_problem = check(amount)
            if amount_problem is not None:
                sheet.problem(number, "amount", amount_problem)
        encounter, date = encounter or "", date or dt.date.min
        if payment:
            built.append(Payment(None, encounter, amount or 0, date, external_id=xid))
        else:
            built.append(Adjustment(None, encounter, amount or 0, date, external_id=xid))
    return built


def _check_references(
    sheet: Sheet,
    column: str,
    what: str,
    targets: Collection[str],
    target_file: str,
    known_elsewhere: Callable[[Iterable[str]], set[str]] | None,
) -> None:
    """Each row's ``column`` names a ``what`` listed in ``targets`` (or known elsewhere).
    A reference holding a NUL character is not looked up: its cell is refused already."""
    missing = [
        (n, ref)
        for n, ref in zip(sheet.numbers, sheet.column(column), strict=True)
        if ref and ref not in targets and "\x00" not in ref
    ]
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
    with collector_paused():
        return _read_folder(folder, store)


def _read_folder(folder: str, store: Store | None) -> LedgerData:
    sheets = {name: read_sheet(folder, name) for name in FILES}
    g_sheet, e_sheet = sheets[GUARANTORS], sheets[ENCOUNTERS]
    guarantor_rows = _unique_ids(g_sheet, "id")
    encounter_rows = _unique_ids(e_sheet, "id")
    for name in (PAYMENTS, ADJUSTMENTS):
        _unique_ids(sheets[name], "id")
    guarantors = _guarantors(g_sheet)
    encounters = _encounters(e_sheet)
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
        row_numbers={name: tuple(sheet.numbers) for name, sheet in sheets.items()},
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
