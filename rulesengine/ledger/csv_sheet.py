"""Reading and checking one CSV file of a ledger folder: its header against the file's
columns and every cell with its column's parser, collecting every problem as
``file:row:column: message`` with the header as row 1.

Cells are parsed a column at a time, each distinct text once (a million rows repeat a few
hundred dates, statuses and flags): the parsed values are the same as parsing every cell
in turn, and the problems, sorted by row and column, are the same too.
"""

from __future__ import annotations

import csv
import os
from collections.abc import Iterable, Mapping, Sequence
from typing import Any

import attrs

from rulesengine.errors import Problem
from rulesengine.ledger.csv_columns import (
    COLUMNS,
    FILES,
    MAX_COLUMNS,
    CellParser,
    close_match_hint,
    text_cell,
)
from rulesengine.plurals import counted
from rulesengine.storable_text import nul_problem

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
    numbers: list[int] = attrs.field(factory=list)  # the file row of each data row
    #: Column (of the header) -> its value in each data row (None: empty, or refused).
    values: dict[str, list[Any]] = attrs.field(factory=dict)
    readable: bool = False  # the file was found and its header is usable
    holds_nul: bool = False  # a NUL character is somewhere in the file (see _refuse_nul)

    def column(self, name: str) -> Sequence[Any]:
        """The values of column ``name`` in each data row (all None if the file lacks it)."""
        found = self.values.get(name)
        return found if found is not None else [None] * len(self.numbers)

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
    strip = str.strip
    try:
        with open(sheet.path, encoding="utf-8-sig", newline="") as handle:
            # Cells stripped; rows with no text left out (a row counts from the header, 1).
            records = [
                (n, cells)
                for n, raw in enumerate(csv.reader(handle), start=1)
                if any(cells := list(map(strip, raw)))
            ]
    except UnicodeDecodeError:
        sheet.problem(None, None, "not UTF-8 text; save it as CSV UTF-8")
        return sheet
    except csv.Error as exc:
        sheet.problem(None, None, f"not a CSV file: {exc}")
        return sheet
    with open(sheet.path, "rb") as binary:  # one search of the bytes (UTF-8 has no other 0)
        sheet.holds_nul = b"\x00" in binary.read()
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
        _parse_rows(sheet, records[1:])
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


def _parse_rows(sheet: Sheet, records: list[tuple[int, list[str]]]) -> None:
    """Parse every data row: a row with more cells than the header has columns is a
    problem (unless the extra cells are empty), a missing cell is empty."""
    width = len(sheet.header)
    sheet.numbers = [number for number, _ in records]
    rows: list[list[str]] = []
    for number, cells in records:
        if len(cells) != width:
            if len(cells) > width and any(cells[width:]):
                sheet.problem(
                    number,
                    None,
                    f"has {counted(len(cells), 'cell')}, but the header has"
                    f" {counted(width, 'column')}",
                )
            cells = (cells + [""] * (width - len(cells)))[:width]
        rows.append(cells)
    by_column: Iterable[Sequence[str]] = zip(*rows, strict=True) if rows else [()] * width
    for name, column in zip(sheet.header, by_column, strict=True):
        sheet.values[name] = _parse_column(sheet, name, column)


def _parse_column(sheet: Sheet, name: str, cells: Sequence[str]) -> list[Any]:
    """The values of one column's cells (None for an empty or a refused one), its
    problems recorded: an empty cell of a required column, a cell its parser refuses."""
    parse, required = sheet.columns[name]
    numbers = sheet.numbers
    if required and "" in cells:
        for number, cell in zip(numbers, cells, strict=True):
            if not cell:
                sheet.problem(number, name, "required, but empty")
    parsed = _Parsed(parse)
    if sheet.holds_nul and "\x00" in "".join(cells):  # a store cannot keep a NUL
        _refuse_nul(sheet, name, cells, parsed)
    if parse is text_cell:  # a refused text keeps its value: nothing is written anyway
        return [cell or None for cell in cells]
    values = list(map(parsed.__getitem__, cells))
    if parsed.refused:
        for place, cell in enumerate(cells):
            message = parsed.refused.get(cell)
            if message is not None:
                sheet.problem(numbers[place], name, message)
                values[place] = None
    return values


def _refuse_nul(sheet: Sheet, name: str, cells: Sequence[str], parsed: _Parsed) -> None:
    """Refuse each cell holding a NUL character, whatever its column (PostgreSQL's text
    cannot keep one, and an SQLite store refuses it too); its column's parser never sees
    it."""
    for number, cell in zip(sheet.numbers, cells, strict=True):
        problem = nul_problem(cell)
        if problem is not None:
            sheet.problem(number, name, problem)
            parsed[cell] = None


class _Parsed(dict[str, Any]):
    """Cell text -> its value, parsed on first use; the text of a refused cell maps to
    None and its message is in ``refused``."""

    def __init__(self, parse: CellParser) -> None:
        super().__init__({"": None})
        self.parse = parse
        self.refused: dict[str, str] = {}

    def __missing__(self, cell: str) -> Any:
        try:
            value = self.parse(cell)
        except ValueError as exc:
            self.refused[cell] = str(exc)
            value = None
        self[cell] = value
        return value
