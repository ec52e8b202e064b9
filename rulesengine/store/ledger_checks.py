"""The rules a ledger's values follow, wherever the ledger comes from: a folder of CSV files
(:mod:`rulesengine.ledger.csv_columns` parses each cell, then applies the value checks
here) or a :class:`~rulesengine.store.base.LedgerData` built in Python, which
:func:`ledger_problems` checks item by item before a store writes any of it.

A value check returns the value or raises :class:`ValueError` with the message for the
user; the CSV reader reports it as ``file:row:column: message``, :func:`ledger_problems` as
``ledger: encounters[3] (E00012).level: message``; :func:`ledger_problems_at` gives each
problem's place as data (a scenario file reports it at its line and column).
"""

from __future__ import annotations

import difflib
import functools
import re
import weakref
import zoneinfo
from collections.abc import Callable, Iterable, Sequence
from typing import TYPE_CHECKING, Any

from rulesengine.errors import InvalidRequest, LedgerError, Problem
from rulesengine.model import (
    ENCOUNTER_STATUSES,
    LEVEL_MAX,
    STATEMENTS_SENT_MAX,
    Adjustment,
    Encounter,
    Guarantor,
    Payment,
    PostalAddress,
    checked_cents,
    given,
    is_date,
    is_whole,
    shown_number,
)
from rulesengine.storable_text import nul_problem
from rulesengine.store.base import LedgerData

if TYPE_CHECKING:
    import datetime as dt

    from rulesengine.store.base import Store

__all__ = [
    "adjustment_amount_problem",
    "check_hold_request",
    "check_lookup",
    "check_ledger",
    "values_checked",
    "check_posting",
    "checked_count",
    "checked_email",
    "checked_mobile",
    "checked_status",
    "checked_timezone",
    "close_match_hint",
    "ledger_problems",
    "ledger_problems_at",
    "payment_amount_problem",
    "statement_dates_problem",
]


def close_match_hint(word: str, options: Iterable[str]) -> str:
    """``; did you mean 'x'?`` for the option closest to ``word`` (any case), else ""."""
    choices = list(options)
    lowered = {o.lower(): o for o in choices}
    close = difflib.get_close_matches(word.lower(), list(lowered), n=1, cutoff=0.6)
    return f"; did you mean {lowered[close[0]]!r}?" if close else ""


# -- value checks: the value, or ValueError with the message for the user -----------------


def checked_count(number: int, maximum: int, written: str | None = None) -> int:
    """A whole number from 0 to ``maximum``; ``written`` is how the user wrote it."""
    shown = written if written is not None else str(number)
    if number < 0:
        raise ValueError(f"expected a whole number, 0 or more, got {shown_number(shown)!r}")
    if number > maximum:
        raise ValueError(f"must be at most {maximum:,}, got {shown_number(shown)}")
    return number


def checked_status(value: str) -> str:
    """One of :data:`~rulesengine.model.ENCOUNTER_STATUSES`."""
    if value in ENCOUNTER_STATUSES:
        return value
    raise ValueError(
        f"expected open, pre_collections or closed, got {value!r}"
        + close_match_hint(value, ENCOUNTER_STATUSES)
    )


_EMAIL = re.compile(r"[^@\s,;<>\"]+@[^@\s,;<>\"]+\.[^@\s,;<>\".]+")


def checked_email(value: str) -> str:
    """An email address (one, with a domain)."""
    if not _EMAIL.fullmatch(value) or ".." in value:
        raise ValueError(f"not an email address: {value!r}")
    return value


def checked_mobile(value: str) -> str:
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


def checked_timezone(value: str) -> str:
    """An IANA time zone name."""
    if value in _zones():
        return value
    raise ValueError(f"unknown time zone {value!r}" + close_match_hint(value, _zones()))


def payment_amount_problem(cents: int) -> str | None:
    """Why ``cents`` cannot be a payment's amount (it must be more than 0), else None."""
    if cents <= 0:
        return f"a payment's amount must be greater than 0, got {_cents(cents)}"
    return None


def adjustment_amount_problem(cents: int) -> str | None:
    """Why ``cents`` cannot be an adjustment's amount (it must not be 0), else None."""
    return "an adjustment's amount must not be 0" if cents == 0 else None


def statement_dates_problem(first: dt.date | None, last: dt.date | None) -> str | None:
    """Why an encounter's first statement date cannot go with its last one, else None."""
    if first is not None and last is not None and first > last:
        return f"after last_statement ({last.isoformat()})"
    return None


def _cents(cents: int) -> str:
    sign = "-" if cents < 0 else ""
    return f"{sign}{abs(cents) // 100}.{abs(cents) % 100:02d}"


def check_posting(kind: str, encounter_id: object, amount_cents: object, date: object) -> None:
    """Raise :class:`~rulesengine.errors.InvalidRequest` when a ``kind`` (payment or
    adjustment) posted with these arguments cannot be stored: the encounter id is not text,
    the amount not whole cents within the money limits, the date not a
    :class:`datetime.date`."""
    problem = None
    if not isinstance(encounter_id, str):
        problem = f"encounter_id must be text (a str), got {given(encounter_id)}"
    elif nul_problem(encounter_id) is not None:
        problem = f"encounter_id {nul_problem(encounter_id)}"
    elif not is_date(date):
        problem = f"date must be a datetime.date, got {given(date)}"
    else:
        try:
            checked_cents(amount_cents)
        except ValueError as exc:
            problem = f"amount_cents: {exc}"
    if problem is not None:
        raise InvalidRequest(f"cannot post the {kind}: {problem}")


def check_hold_request(named: object, hold: object) -> None:
    """Raise :class:`~rulesengine.errors.InvalidRequest` unless ``set_hold`` names a
    guarantor or encounter by its id (text) and ``hold`` is True or False."""
    if not isinstance(named, str):
        raise InvalidRequest(f"set_hold needs the id as text (a str), got {given(named)}")
    if nul_problem(named) is not None:
        raise InvalidRequest(f"set_hold's id {nul_problem(named)}")
    if not isinstance(hold, bool):
        raise InvalidRequest(f"set_hold needs hold=True or False, got {given(hold)}")


def check_lookup(**keys: object) -> None:
    """Raise :class:`~rulesengine.errors.InvalidRequest` when a key a read looks up (an id,
    a profile, a hash: None when not given) is text holding a NUL character, which no
    store can hold (PostgreSQL refuses even to compare with one)."""
    for name, key in keys.items():
        problem = nul_problem(key) if isinstance(key, str) else None
        if problem is not None:
            raise InvalidRequest(f"{name} {problem}")


# -- a LedgerData built in Python ----------------------------------------------------------


#: Ledgers whose values the CSV reader checked as it built them (by ``id()``, so that
#: looking one up never hashes a million items); :func:`check_ledger` checks only their
#: references again.
_VALUES_CHECKED: weakref.WeakValueDictionary[int, LedgerData] = weakref.WeakValueDictionary()


def values_checked(ledger: LedgerData) -> LedgerData:
    """Record that ``ledger``'s values passed the checks below as it was read (the CSV
    reader's), so that importing it does not check each value twice; returns it."""
    _VALUES_CHECKED[id(ledger)] = ledger
    return ledger


def check_ledger(ledger: LedgerData, store: Store) -> None:
    """Raise :class:`~rulesengine.errors.LedgerError` with :func:`ledger_problems` (the
    references looked up in ``store``) when there are any; nothing is written. A ledger
    the CSV reader built has its references checked again, not its values."""
    if not isinstance(ledger, LedgerData):
        raise InvalidRequest(f"expected a LedgerData, got {given(ledger)}")
    problems = ledger_problems(
        ledger,
        known_guarantors=store.known_guarantors,
        known_encounters=store.known_encounters,
        values=_VALUES_CHECKED.get(id(ledger)) is not ledger,
    )
    if problems:
        raise LedgerError(problems)


#: A field's check: the value (never None) -> ValueError with the message, or nothing.
_Check = Callable[[Any], object]


def _text(value: object) -> None:
    if not isinstance(value, str):
        raise ValueError(f"expected text (a str), got {given(value)}")
    if "\x00" in value:  # checked inline: a large ledger has millions of texts
        raise ValueError(nul_problem(value))


def _required_text(value: object) -> None:
    _text(value)
    if not value:
        raise ValueError("required, but empty")


def _checked_text(check: Callable[[str], str]) -> _Check:
    def run(value: object) -> None:
        _text(value)
        check(value)  # type: ignore[arg-type]

    return run


def _flag(value: object) -> None:
    if not isinstance(value, bool):
        raise ValueError(f"expected True or False, got {given(value)}")


def _date(value: object) -> None:
    if not is_date(value):
        raise ValueError(f"expected a datetime.date, got {given(value)}")


def _count(maximum: int) -> _Check:
    def run(value: object) -> None:
        if not is_whole(value):
            raise ValueError(f"expected a whole number (an int), got {given(value)}")
        checked_count(value, maximum)  # type: ignore[arg-type]

    return run


def _postal(value: object) -> None:
    if not isinstance(value, PostalAddress):
        raise ValueError(f"expected a PostalAddress, got {given(value)}")
    for name in ("line1", "line2", "city", "state", "zip"):
        try:
            _text(getattr(value, name))
        except ValueError as exc:
            raise ValueError(f"{name}: {exc}") from None
    others = (value.line2, value.city, value.state, value.zip)
    # Blank is empty, as a CSV cell is read: a line1 of spaces is no line1.
    if not value.line1.strip() and any(part.strip() for part in others):
        raise ValueError("line1: required when another postal column is set")


#: Per kind of item, its fields: name -> (check, whether None is refused).
_GUARANTOR_FIELDS: dict[str, tuple[_Check, bool]] = {
    "id": (_required_text, True),
    "first_name": (_text, True),
    "last_name": (_text, True),
    "email": (_checked_text(checked_email), False),
    "mobile": (_checked_text(checked_mobile), False),
    "postal": (_postal, False),
    "timezone": (_checked_text(checked_timezone), False),
    "paperless": (_flag, True),
    "hold": (_flag, True),
    "sms_opt_out": (_flag, True),
    "email_opt_out": (_flag, True),
    "profile": (_text, False),
}
_ENCOUNTER_FIELDS: dict[str, tuple[_Check, bool]] = {
    "id": (_required_text, True),
    "guarantor_id": (_required_text, True),
    "patient_id": (_required_text, True),
    "service_date": (_date, True),
    "balance_cents": (checked_cents, True),
    "level": (_count(LEVEL_MAX), True),
    "status": (_checked_text(checked_status), True),
    "hold": (_flag, True),
    "location": (_text, False),
    "provider": (_text, False),
    "first_statement": (_date, False),
    "last_statement": (_date, False),
    "statements_sent": (_count(STATEMENTS_SENT_MAX), True),
    "profile": (_text, False),
}
_POSTING_FIELDS: dict[str, tuple[_Check, bool]] = {
    "encounter_id": (_required_text, True),
    "amount_cents": (checked_cents, True),
    "date": (_date, True),
    "external_id": (_text, False),
}
_PAYMENT_FIELDS: dict[str, tuple[_Check, bool]] = {
    **_POSTING_FIELDS,
    "reviewed_batch": (_text, False),
}


def ledger_problems(
    ledger: LedgerData,
    *,
    known_guarantors: Callable[[Iterable[str]], set[str]],
    known_encounters: Callable[[Iterable[str]], set[str]],
    values: bool = True,
) -> list[Problem]:
    """Every problem of ``ledger``'s values, by the rules the CSV reader applies: each
    field's type and limits, unique ids, payments above 0 and adjustments not 0, and
    references to guarantors and encounters the ledger or the store (the ``known_*``
    lookups) has. Empty when the ledger is safe to write."""
    found = ledger_problems_at(
        ledger,
        known_guarantors=known_guarantors,
        known_encounters=known_encounters,
        values=values,
    )
    problems = []
    for kind, index, field, message in found:
        where = _item_name(kind, index, getattr(ledger, kind)[index])
        name = f"{where}.{field}" if field else where
        problems.append(Problem("ledger", None, None, f"{name}: {message}"))
    return problems


def ledger_problems_at(
    ledger: LedgerData,
    *,
    known_guarantors: Callable[[Iterable[str]], set[str]],
    known_encounters: Callable[[Iterable[str]], set[str]],
    values: bool = True,
) -> list[tuple[str, int, str | None, str]]:
    """:func:`ledger_problems`, each as its place and words: the list (``encounters``),
    the item's index in it, the field (None: the item itself) and the message."""
    problems: list[tuple[str, int, str | None, str]] = []

    def report(kind: str, index: int, field: str | None, message: str) -> None:
        problems.append((kind, index, field, message))

    if not values:  # checked as they were read: only the references are looked up
        guarantor_ids = {g.id for g in ledger.guarantors}
        encounter_ids = {e.id for e in ledger.encounters}
    else:
        guarantor_ids = _check_items(
            "guarantors", ledger.guarantors, _GUARANTOR_FIELDS, "id", report, _no_more
        )
        encounter_ids = _check_items(
            "encounters", ledger.encounters, _ENCOUNTER_FIELDS, "id", report, _encounter_problems
        )
        _check_items(
            "payments", ledger.payments, _PAYMENT_FIELDS, "external_id", report, _payment_problems
        )
        _check_items(
            "adjustments",
            ledger.adjustments,
            _POSTING_FIELDS,
            "external_id",
            report,
            _adjustment_problems,
        )
    _check_references(
        "encounters", ledger.encounters, "guarantor_id", guarantor_ids, known_guarantors, report
    )
    for name, items in (("payments", ledger.payments), ("adjustments", ledger.adjustments)):
        _check_references(name, items, "encounter_id", encounter_ids, known_encounters, report)
    return problems


_ITEM_TYPES: dict[str, type] = {
    "guarantors": Guarantor,
    "encounters": Encounter,
    "payments": Payment,
    "adjustments": Adjustment,
}
_Report = Callable[[str, int, "str | None", str], None]


def _no_more(item: Any) -> Iterable[tuple[str, str | None]]:
    return ()


def _encounter_problems(item: Any) -> Iterable[tuple[str, str | None]]:
    if is_date(item.first_statement) and is_date(item.last_statement):
        yield "first_statement", statement_dates_problem(item.first_statement, item.last_statement)


def _payment_problems(item: Any) -> Iterable[tuple[str, str | None]]:
    if is_whole(item.amount_cents):
        yield "amount_cents", payment_amount_problem(item.amount_cents)


def _adjustment_problems(item: Any) -> Iterable[tuple[str, str | None]]:
    if is_whole(item.amount_cents):
        yield "amount_cents", adjustment_amount_problem(item.amount_cents)


def _item_name(kind: str, index: int, item: Any) -> str:
    """``encounters[3] (E00012)``: the item's place, and its id when it has one."""
    key = getattr(item, "id", None)
    if not isinstance(key, str) or not key:
        key = getattr(item, "external_id", None)
    shown = f" ({key[:40]})" if isinstance(key, str) and key else ""
    return f"{kind}[{index}]{shown}"


def _check_items(
    kind: str,
    items: Sequence[Any],
    fields: dict[str, tuple[_Check, bool]],
    key: str,
    report: _Report,
    more: Callable[[Any], Iterable[tuple[str, str | None]]],
) -> set[str]:
    """Check every item's fields; return the items' ``key`` values (ids), reporting a
    repeated one."""
    item_type = _ITEM_TYPES[kind]
    first: dict[str, int] = {}
    for index, item in enumerate(items):
        if not isinstance(item, item_type):
            report(kind, index, None, f"expected a {item_type.__name__}, got {given(item)}")
            continue
        for field, (check, required) in fields.items():
            value = getattr(item, field)
            if value is None:
                if required:
                    report(kind, index, field, "required, but None")
                continue
            try:
                check(value)
            except ValueError as exc:
                report(kind, index, field, str(exc))
        for field, message in more(item):
            if message is not None:
                report(kind, index, field, message)
        ident = getattr(item, key)
        if isinstance(ident, str) and ident:
            if ident in first:
                report(
                    kind, index, key, f"duplicate id {ident!r} (first at {kind}[{first[ident]}])"
                )
            else:
                first[ident] = index
    return set(first) if key == "id" else set()


def _check_references(
    kind: str,
    items: Sequence[Any],
    field: str,
    own: set[str],
    lookup: Callable[[Iterable[str]], set[str]],
    report: _Report,
) -> None:
    """Each item's ``field`` names an id of the ledger or of the store."""
    refs = [getattr(item, field, None) for item in items]
    outside = {r for r in refs if isinstance(r, str) and r and r not in own}
    found = lookup(outside) if outside else set()
    what = field.removesuffix("_id")
    for index, ref in enumerate(refs):
        if ref in outside and ref not in found:
            report(kind, index, field, f"unknown {what} {ref!r} (not in the ledger or the store)")
