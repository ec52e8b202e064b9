"""The files of a ledger folder and their columns: each column's cell parser (text ->
value, or :class:`ValueError` with the message for the user) and whether it is required.

Columns are the ledger keys of the scenario format (the postal address as ``postal_line1``
... ``postal_zip``); payments and adjustments may have an ``id`` (the practice system's,
unique in its file), which a sync import matches them by.
"""

from __future__ import annotations

import datetime as dt
import difflib
import functools
import re
import zoneinfo
from collections.abc import Callable, Iterable, Mapping
from typing import Any

from rulesengine.model import (
    ENCOUNTER_STATUSES,
    LEVEL_MAX,
    STATEMENTS_SENT_MAX,
    parse_money,
    shown_number,
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


def _text(value: str) -> str:
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
        + close_match_hint(value, ENCOUNTER_STATUSES)
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
        import phonenumbers  # optional dependency, imported only when a mobile is read
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
    raise ValueError(f"unknown time zone {value!r}" + close_match_hint(value, _zones()))


def _money(value: str) -> int:
    return parse_money(value)


def close_match_hint(word: str, options: Iterable[str]) -> str:
    """``; did you mean 'x'?`` for the option closest to ``word`` (any case), else ""."""
    choices = list(options)
    lowered = {o.lower(): o for o in choices}
    close = difflib.get_close_matches(word.lower(), list(lowered), n=1, cutoff=0.6)
    return f"; did you mean {lowered[close[0]]!r}?" if close else ""


# -- the files' columns: name -> (parser, required) ----------------------------------------

_GUARANTOR_COLUMNS: Mapping[str, tuple[CellParser, bool]] = {
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
_ENCOUNTER_COLUMNS: Mapping[str, tuple[CellParser, bool]] = {
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
_POSTING_COLUMNS: Mapping[str, tuple[CellParser, bool]] = {
    "id": (_text, False),
    "encounter": (_text, True),
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
