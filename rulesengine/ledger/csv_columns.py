"""The files of a ledger folder and their columns: each column's cell parser (text ->
value, or :class:`ValueError` with the message for the user) and whether it is required.
The checks of the parsed values are in :mod:`rulesengine.store.ledger_checks`, which a
ledger built in Python goes through too.

Columns are the ledger keys of the scenario format (the postal address as ``postal_line1``
... ``postal_zip``); payments and adjustments may have an ``id`` (the practice system's,
unique in its file), which a sync import matches them by.
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Callable, Mapping
from typing import Any

from rulesengine.model import (
    LEVEL_MAX,
    STATEMENTS_SENT_MAX,
    parse_money,
    shown_number,
)
from rulesengine.store.ledger_checks import (
    checked_count,
    checked_email,
    checked_mobile,
    checked_status,
    checked_timezone,
    close_match_hint,
)

__all__ = [
    "ADJUSTMENTS",
    "COLUMNS",
    "ENCOUNTERS",
    "FILES",
    "GUARANTORS",
    "MAX_COLUMNS",
    "PAYMENTS",
    "POSTAL",
    "CellParser",
    "close_match_hint",
    "text_cell",
]

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

#: A cell's parser: its text (never empty) -> its value, or ValueError with the message.
CellParser = Callable[[str], Any]


# -- cell parsers: text -> value, or ValueError with the message for the user --------------


def text_cell(value: str) -> str:
    """A text column's parser: the cell as it is (the reader skips calling it)."""
    return value


def _date(value: str) -> dt.date:
    if re.fullmatch(r"\d{4}-\d{2}-\d{2}", value):
        try:
            return dt.date.fromisoformat(value)
        except ValueError:
            pass
    raise ValueError(f"expected a date as YYYY-MM-DD, got {value!r}")


def _count(maximum: int) -> CellParser:
    """A whole number from 0 to ``maximum`` (a longer digit string is refused unread)."""

    def parse(value: str) -> int:
        if not re.fullmatch(r"[0-9]+", value):
            raise ValueError(f"expected a whole number, 0 or more, got {shown_number(value)!r}")
        too_long = len(value.lstrip("0")) > len(str(maximum))
        return checked_count(maximum + 1 if too_long else int(value), maximum, value)

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


def _money(value: str) -> int:
    return parse_money(value)


# -- the files' columns: name -> (parser, required) ----------------------------------------

_GUARANTOR_COLUMNS: Mapping[str, tuple[CellParser, bool]] = {
    "id": (text_cell, True),
    "first_name": (text_cell, False),
    "last_name": (text_cell, False),
    "email": (checked_email, False),
    "mobile": (checked_mobile, False),
    "timezone": (checked_timezone, False),
    "paperless": (_bool, False),
    "hold": (_bool, False),
    "sms_opt_out": (_bool, False),
    "email_opt_out": (_bool, False),
    "profile": (text_cell, False),
    "postal_line1": (text_cell, False),
    "postal_line2": (text_cell, False),
    "postal_city": (text_cell, False),
    "postal_state": (text_cell, False),
    "postal_zip": (text_cell, False),
}
_ENCOUNTER_COLUMNS: Mapping[str, tuple[CellParser, bool]] = {
    "id": (text_cell, True),
    "guarantor": (text_cell, True),
    "patient": (text_cell, True),
    "service_date": (_date, True),
    "balance": (_money, True),
    "level": (_count(LEVEL_MAX), False),
    "status": (checked_status, False),
    "hold": (_bool, False),
    "location": (text_cell, False),
    "provider": (text_cell, False),
    "first_statement": (_date, False),
    "last_statement": (_date, False),
    "statements_sent": (_count(STATEMENTS_SENT_MAX), False),
    "profile": (text_cell, False),
}
_POSTING_COLUMNS: Mapping[str, tuple[CellParser, bool]] = {
    "id": (text_cell, False),
    "encounter": (text_cell, True),
    "amount": (_money, True),
    "date": (_date, True),
}
#: File name -> its columns: column name -> (cell parser, required).
COLUMNS = {
    GUARANTORS: _GUARANTOR_COLUMNS,
    ENCOUNTERS: _ENCOUNTER_COLUMNS,
    PAYMENTS: _POSTING_COLUMNS,
    ADJUSTMENTS: _POSTING_COLUMNS,
}
#: The postal address columns of guarantors.csv, in PostalAddress's order.
POSTAL = ("postal_line1", "postal_line2", "postal_city", "postal_state", "postal_zip")
