"""Reading and checking one CSV file of a ledger folder: its header against the file's
columns and every cell with its column's parser, collecting every problem as
``file:row:column: message`` with the header as row 1."""

from __future__ import annotations

import csv
import os
from collections.abc import Iterable, Mapping
from typing import Any

import attrs

from rulesengine.errors import Problem
from rulesengine.ledger.csv_columns import (
    COLUMNS,
    FILES,
    MAX_COLUMNS,
    CellParser,
    close_match_hint,
)
from rulesengine.plurals import counted

__all__ = ["Sheet", "check_header", "read_sheet"]


@attrs.define
class Sheet:
    """One CSV file being checked: its problems, and its rows parsed into values."""

    name: str
    path: str
    columns: Mapping[str, tuple[CellParser, bool]]
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
        """The problems by row, then by the column's place in the header."""
        return [p for _, _, p in sorted(self.problems, key=lambda item: (item[0], item[1]))]


def read_sheet(folder: str, name: str) -> Sheet:
    """Read and check ``name`` of ``folder`` (a missing optional file has no problem)."""
    sheet = Sheet(name, os.path.join(folder, name), COLUMNS[name])
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
    check_header(sheet, records[0][1])
    if sheet.readable:
        for number, cells in records[1:]:
            _parse_row(sheet, number, cells)
    return sheet


def check_header(sheet: Sheet, names: list[str]) -> None:
    """Check the header row; the sheet is ``readable`` when its rows can be parsed."""
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
            hint = close_match_hint(name, unnamed)
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


def _parse_row(sheet: Sheet, number: int, cells: list[str]) -> None:
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
