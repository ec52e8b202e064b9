"""Reading a ledger folder of CSV files (``rulesengine import LEDGER_DIR``).

``guarantors.csv`` and ``encounters.csv`` are required, ``payments.csv`` and
``adjustments.csv`` optional. Columns are the ledger keys of the scenario format (the postal
address as ``postal_line1`` ... ``postal_zip``); payments and adjustments may have an ``id``
(the practice system's, unique in its file), which a sync import matches them by. Every
cell is checked and every problem is reported, as ``file:row:column: message`` with the
header as row 1, before anything is written: :func:`read_ledger_dir` raises
:class:`~rulesengine.errors.LedgerError` or returns a ledger that is safe to import.
"""

from __future__ import annotations

import csv
import datetime as dt
import difflib
import functools
import os
import re
import zoneinfo
from collections.abc import Callable, Collection, Iterable, Mapping, Sequence
from typing import TYPE_CHECKING, Any

import attrs

from rulesengine.errors import LedgerError, Problem
from rulesengine.model import (
    ENCOUNTER_STATUSES,
    LEVEL_MAX,
    STATEMENTS_SENT_MAX,
    Adjustment,
    Encounter,
    Guarantor,
    Payment,
    PostalAddress,
    parse_money,
    shown_number,
)
from rulesengine.plurals import counted
from rulesengine.store.base import LedgerData

if TYPE_CHECKING:
    from rulesengine.store.base import Store

__all__ = ["FILES", "MAX_COLUMNS", "read_ledger_dir", "validate_against_store"]

GUARANTORS, ENCOUNTERS, PAYMENTS, ADJUSTMENTS = (
    "guarantors.csv",
    "encounters.csv",
    "payments.csv",
    "adjustments.csv",
)
#: The most columns a ledger file's header may have (each file has at most 16 of its own).
MAX_COLUMNS = 200
#: The files of a ledger folder and whether each is required.
FILES = {GUARANTORS: True, ENCOUNTERS: True, PAYMENTS: False, ADJUSTMENTS: False}

Parser = Callable[[str], Any]


# -- cell parsers: text -> value, or ValueError with the message for the user --------------


def _text(value: str) -> str:
    return value


def _date(value: str) -> dt.date:
    if re.fullmatch(r"\d{4}-\d{2}-\d{2}", value):
        try:
            return dt.date.fromisoformat(value)
        except ValueError:
            pass
    raise ValueError(f"expected a date as YYYY-MM-DD, got {value!r}")


def _count(maximum: int) -> Parser:
    """A whole number from 0 to ``maximum`` (a longer digit string is refused unread)."""

    def parse(value: str) -> int:
        if not re.fullmatch(r"[0-9]+", value):
            raise ValueError(f"expected a whole number, 0 or more, got {shown_number(value)!r}")
        if len(value.lstrip("0")) > len(str(maximum)) or int(value) > maximum:
            raise ValueError(f"must be at most {maximum:,}, got {shown_number(value)}")
        return int(value)

    return parse


_TRUE = {"true", "yes", "1"}
_FALSE = {"false", "no", "0"}


def _bool(value: str) -> bool:
    lowered = value.lower()
    if lowered in _TRUE:
        return True
    if lowered in _FALSE:
        return False
    raise ValueError(f"expected true or false (or yes/no, 1/0), got {value!r}")


def _status(value: str) -> str:
    if value in ENCOUNTER_STATUSES:
        return value
    raise ValueError(
        f"expected open, pre_collections or closed, got {value!r}"
        + _did_you_mean(value, ENCOUNTER_STATUSES)
    )


_EMAIL = re.compile(r"[^@\s,;<>\"]+@[^@\s,;<>\"]+\.[^@\s,;<>\".]+")


def _email(value: str) -> str:
    if not _EMAIL.fullmatch(value) or ".." in value:
        raise ValueError(f"not an email address: {value!r}")
    return value


def _mobile(value: str) -> str:
    """An E.164 number (``+`` and digits) of a possible length for its country (checked
    with ``phonenumbers`` when it is installed)."""
    bad = ValueError(f"expected a mobile number in E.164 form such as +15555550101, got {value!r}")
    if not re.fullmatch(r"\+[1-9]\d{6,14}", value):
        raise bad
    try:
        import phonenumbers
    except ImportError:  # pragma: no cover - the form check above is all we can do
        return value
    try:
        number = phonenumbers.parse(value, None)
    except phonenumbers.NumberParseException:
        raise bad from None
    if not phonenumbers.is_possible_number(number):
        raise bad
    return value


@functools.cache
def _zones() -> frozenset[str]:
    return frozenset(zoneinfo.available_timezones())


def _timezone(value: str) -> str:
    if value in _zones():
        return value
    raise ValueError(f"unknown time zone {value!r}" + _did_you_mean(value, _zones()))


def _money(value: str) -> int:
    return parse_money(value)


def _did_you_mean(word: str, options: Iterable[str]) -> str:
    choices = list(options)
    lowered = {o.lower(): o for o in choices}
    close = difflib.get_close_matches(word.lower(), list(lowered), n=1, cutoff=0.6)
    return f"; did you mean {lowered[close[0]]!r}?" if close else ""


# -- the files' columns: name -> (parser, required) ----------------------------------------

_GUARANTOR_COLUMNS: Mapping[str, tuple[Parser, bool]] = {
    "id": (_text, True),
    "first_name": (_text, False),
    "last_name": (_text, False),
    "email": (_email, False),
    "mobile": (_mobile, False),
    "timezone": (_timezone, False),
    "paperless": (_bool, False),
    "hold": (_bool, False),
    "sms_opt_out": (_bool, False),
    "email_opt_out": (_bool, False),
    "profile": (_text, False),
    "postal_line1": (_text, False),
    "postal_line2": (_text, False),
    "postal_city": (_text, False),
    "postal_state": (_text, False),
    "postal_zip": (_text, False),
}
_ENCOUNTER_COLUMNS: Mapping[str, tuple[Parser, bool]] = {
    "id": (_text, True),
    "guarantor": (_text, True),
    "patient": (_text, True),
    "service_date": (_date, True),
    "balance": (_money, True),
    "level": (_count(LEVEL_MAX), False),
    "status": (_status, False),
    "hold": (_bool, False),
    "location": (_text, False),
    "provider": (_text, False),
    "first_statement": (_date, False),
    "last_statement": (_date, False),
    "statements_sent": (_count(STATEMENTS_SENT_MAX), False),
    "profile": (_text, False),
}
_POSTING_COLUMNS: Mapping[str, tuple[Parser, bool]] = {
    "id": (_text, False),
    "encounter": (_text, True),
    "amount": (_money, True),
    "date": (_date, True),
}
_COLUMNS = {
    GUARANTORS: _GUARANTOR_COLUMNS,
    ENCOUNTERS: _ENCOUNTER_COLUMNS,
    PAYMENTS: _POSTING_COLUMNS,
    ADJUSTMENTS: _POSTING_COLUMNS,
}
_POSTAL = ("postal_line1", "postal_line2", "postal_city", "postal_state", "postal_zip")


# -- reading one file ---------------------------------------------------------------------


@attrs.define
class _Sheet:
    """One CSV file being checked: its problems, and its rows parsed into values."""

    name: str
    path: str
    columns: Mapping[str, tuple[Parser, bool]]
    problems: list[tuple[int, int, Problem]] = attrs.field(factory=list)
    header: list[str] = attrs.field(factory=list)
    places: dict[str, int] = attrs.field(factory=dict)  # column -> its (first) place in header
    rows: list[tuple[int, dict[str, Any]]] = attrs.field(factory=list)  # (row number, values)
    readable: bool = False  # the file was found and its header is usable

    def problem(self, row: int | None, column: str | None, message: str) -> None:
        """Record a problem (sorted later by row, then by the column's place in the header)."""
        place = self.places.get(column, -1) if column is not None else -1
        self.problems.append((row or 0, place, Problem(self.path, row, column, message)))

    def sorted_problems(self) -> list[Problem]:
        return [p for _, _, p in sorted(self.problems, key=lambda item: (item[0], item[1]))]


def _read_sheet(folder: str, name: str) -> _Sheet:
    sheet = _Sheet(name, os.path.join(folder, name), _COLUMNS[name])
    if not os.path.isfile(sheet.path):
        if FILES[name]:
            sheet.problem(
                None,
                None,
                "file not found (a ledger folder needs guarantors.csv and encounters.csv)",
            )
        return sheet
    try:
        with open(sheet.path, encoding="utf-8-sig", newline="") as handle:
            records = list(enumerate(csv.reader(handle), start=1))
    except UnicodeDecodeError:
        sheet.problem(None, None, "not UTF-8 text; save it as CSV UTF-8")
        return sheet
    except csv.Error as exc:
        sheet.problem(None, None, f"not a CSV file: {exc}")
        return sheet
    records = [(n, [cell.strip() for cell in cells]) for n, cells in records]
    records = [(n, cells) for n, cells in records if any(cells)]
    required = ", ".join(c for c, (_, req) in sheet.columns.items() if req)
    if not records:
        sheet.problem(
            None, None, f"empty file; its first row names the columns ({required} required)"
        )
        return sheet
    if records[0][0] != 1:
        sheet.problem(1, None, f"empty row; the first row names the columns ({required} required)")
        return sheet
    if len(records[0][1]) > MAX_COLUMNS:
        sheet.problem(
            1,
            None,
            f"the header has {counted(len(records[0][1]), 'column')}; a ledger file has at most"
            f" {MAX_COLUMNS} (the columns are {', '.join(sheet.columns)})",
        )
        return sheet
    _check_header(sheet, records[0][1])
    if sheet.readable:
        for number, cells in records[1:]:
            _parse_row(sheet, number, cells)
    return sheet


def _check_header(sheet: _Sheet, names: list[str]) -> None:
    sheet.header = names
    for place, name in enumerate(names):
        sheet.places.setdefault(name, place)
    known = sheet.columns
    ok = True
    seen: set[str] = set()
    unnamed = [c for c in known if c not in set(names)]  # what a misspelt name may mean
    for place, name in enumerate(names, start=1):
        if not name:
            sheet.problem(1, None, f"column {place} has no name")
            ok = False
        elif name in seen:
            sheet.problem(1, None, f"column {name!r} appears twice")
            ok = False
        elif name not in known:
            hint = _did_you_mean(name, unnamed)
            sheet.problem(1, None, f"unknown column {name!r}{hint or _expected(known)}")
            ok = False
        seen.add(name)
    for name, (_, required) in known.items():
        if required and name not in seen:
            sheet.problem(1, None, f"missing required column {name!r}")
            ok = False
    sheet.readable = ok


def _expected(known: Iterable[str]) -> str:
    return f" (the columns are {', '.join(known)})"


def _parse_row(sheet: _Sheet, number: int, cells: list[str]) -> None:
    width = len(sheet.header)
    if len(cells) > width and any(cells[width:]):
        sheet.problem(
            number,
            None,
            f"has {counted(len(cells), 'cell')}, but the header has {counted(width, 'column')}",
        )
    values: dict[str, Any] = {}
    for name, cell in zip(sheet.header, cells + [""] * (width - len(cells)), strict=False):
        parse, required = sheet.columns[name]
        if not cell:
            if required:
                sheet.problem(number, name, "required, but empty")
            values[name] = None
            continue
        try:
            values[name] = parse(cell)
        except ValueError as exc:
            sheet.problem(number, name, str(exc))
            values[name] = None
    sheet.rows.append((number, values))


# -- building the ledger ------------------------------------------------------------------


def _unique_ids(sheet: _Sheet, column: str) -> dict[str, int]:
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


def _guarantor(sheet: _Sheet, number: int, v: dict[str, Any]) -> Guarantor:
    postal = None
    if any(v.get(c) for c in _POSTAL):
        if not v.get("postal_line1"):
            sheet.problem(number, "postal_line1", "required when another postal column is set")
        postal = PostalAddress(*(v.get(c) or "" for c in _POSTAL))
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


def _encounter(sheet: _Sheet, number: int, v: dict[str, Any]) -> Encounter:
    first, last = v.get("first_statement"), v.get("last_statement")
    if first is not None and last is not None and first > last:
        sheet.problem(number, "first_statement", f"after last_statement ({last.isoformat()})")
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


def _postings(sheet: _Sheet, payment: bool) -> list[Payment] | list[Adjustment]:
    built: list[Any] = []
    for number, v in sheet.rows:
        amount = v.get("amount")
        if payment and amount is not None and amount <= 0:
            sheet.problem(
                number, "amount", f"a payment's amount must be greater than 0, got {_cents(amount)}"
            )
        if not payment and amount == 0:
            sheet.problem(number, "amount", "an adjustment's amount must not be 0")
        encounter, date = v.get("encounter") or "", v.get("date") or dt.date.min
        if payment:
            built.append(Payment(None, encounter, amount or 0, date, external_id=v.get("id")))
        else:
            built.append(Adjustment(None, encounter, amount or 0, date, external_id=v.get("id")))
    return built


def _cents(cents: int) -> str:
    sign = "-" if cents < 0 else ""
    return f"{sign}{abs(cents) // 100}.{abs(cents) % 100:02d}"


def _check_references(
    sheet: _Sheet,
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
    folder = os.fspath(path)
    if not os.path.isdir(folder):
        raise LedgerError([Problem(folder, None, None, "no such folder")])
    sheets = {name: _read_sheet(folder, name) for name in FILES}
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
    return LedgerData(
        guarantors,
        encounters,
        payments,  # type: ignore[arg-type]
        adjustments,  # type: ignore[arg-type]
        columns={name: frozenset(sheet.header) for name, sheet in sheets.items() if sheet.readable},
        row_numbers={name: tuple(n for n, _ in sheet.rows) for name, sheet in sheets.items()},
    )


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
