"""Every CSV file rulesengine writes goes through :func:`csv_text`: safe to open in a spreadsheet.

Cells come from ledgers and rules files, which are untrusted: a cell such as
``=HYPERLINK(...)`` or ``@SUM(...)`` is a formula when the mail house opens the file in a
spreadsheet. So each cell is made inert (OWASP, "CSV Injection"):

- a control character (C0, DEL and C1) is removed, except that CR, LF, TAB and the Unicode
  line breaks become a space, so one record stays one line;
- a cell that then starts with ``=``, ``+``, ``-`` or ``@`` (or their full-width forms),
  after any spaces, gets a leading single quote: the spreadsheet shows it as text.

A cell that is a plain number (an optional sign, digits with optional thousands commas, an
optional decimal part: ``-2.00``, ``1,234.50``, ``+15555550101``) is left as it is in every
column: a spreadsheet reads it as a number, never as a formula, and a quote would spoil the
credits rulesengine formats itself (``-2.00``) and E.164 phone numbers.
"""

from __future__ import annotations

import csv
import io
import re
from collections.abc import Iterable, Iterator, Mapping, Sequence

__all__ = ["csv_chunks", "csv_text", "safe_cell"]

#: Characters that become a space: line and tab breaks, in ASCII and in Unicode.
_BREAKS = re.compile("\r\n|[\r\n\t\x0b\x0c\x85\u2028\u2029]")
#: Every other control character: C0, DEL and C1.
_CONTROLS = re.compile("[\x00-\x1f\x7f-\x9f]")
#: A spreadsheet reads a cell starting with one of these as a formula (U+2212 is the minus
#: sign, U+FE63 and U+FE62 the small hyphen-minus and plus).
_FORMULA_START = tuple("=+-@\uff1d\uff0b\uff0d\uff20\u2212\ufe62\ufe63")
#: Invisible characters a spreadsheet may skip before a formula: spaces, a byte-order mark,
#: zero-width characters, and bidirectional marks and overrides.
_INVISIBLE = (
    " \u00a0\ufeff\u200b\u200c\u200d\u2060\u200e\u200f"
    "\u202a\u202b\u202c\u202d\u202e\u2066\u2067\u2068\u2069"
)
#: A plain number: never a formula.
_NUMBER = re.compile(r"[-+]?(?:[0-9]{1,3}(?:,[0-9]{3})+|[0-9]+)(?:\.[0-9]+)?")


def safe_cell(value: object) -> str:
    """``value`` as a cell a spreadsheet shows as text: no control characters, no formula."""
    text = _CONTROLS.sub("", _BREAKS.sub(" ", "" if value is None else str(value)))
    if text.lstrip(_INVISIBLE).startswith(_FORMULA_START) and not _NUMBER.fullmatch(text):
        return "'" + text
    return text


def csv_text(columns: Sequence[str], rows: Iterable[Mapping[str, object]]) -> str:
    """A CSV document (header row first, CRLF line ends) with every cell made safe.

    Keys of a row that are not in ``columns`` are left out; missing ones are empty.
    """
    return "".join(csv_chunks(columns, rows))


def csv_chunks(
    columns: Sequence[str], rows: Iterable[Mapping[str, object]], *, rows_per_chunk: int = 1000
) -> Iterator[str]:
    """The document :func:`csv_text` writes, in pieces of at most ``rows_per_chunk`` rows (the
    header row is the first piece), for streaming a long one without holding it all."""
    out = io.StringIO()
    writer = csv.writer(out, lineterminator="\r\n")
    writer.writerow([safe_cell(c) for c in columns])
    written = 0
    for row in rows:
        if written == 0:
            yield _taken(out)
        writer.writerow([safe_cell(row.get(c)) for c in columns])
        written = (written + 1) % rows_per_chunk
    rest = _taken(out)
    if rest:
        yield rest


def _taken(out: io.StringIO) -> str:
    text = out.getvalue()
    out.seek(0)
    out.truncate()
    return text
