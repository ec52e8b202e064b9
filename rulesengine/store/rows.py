"""Conversions between model values and table rows (tight loops: these run per encounter)."""

from __future__ import annotations

import datetime as dt
import json
from collections.abc import Iterable, Sequence
from typing import Any, overload

import attrs

from rulesengine.model import (
    Encounter,
    Guarantor,
    Payment,
    PostalAddress,
    Statement,
    StatementLine,
)
from rulesengine.store.tables import encounters, guarantors, payments, statements

__all__ = [
    "ENCOUNTER_COLUMNS",
    "GUARANTOR_COLUMNS",
    "PAYMENT_COLUMNS",
    "STATEMENT_COLUMNS",
    "as_utc",
    "dumps",
    "dumps_mapping",
    "encode_string",
    "encounter_from_row",
    "encounter_row",
    "from_db_instant",
    "guarantor_from_row",
    "guarantor_from_recipient",
    "guarantor_row",
    "lines_json",
    "payment_from_row",
    "recipient_json",
    "recipient_mapping",
    "statement_from_row",
    "statement_lines_from_json",
    "utcnow",
]

GUARANTOR_COLUMNS = (
    guarantors.c.id,
    guarantors.c.first_name,
    guarantors.c.last_name,
    guarantors.c.email,
    guarantors.c.mobile,
    guarantors.c.timezone,
    guarantors.c.paperless,
    guarantors.c.hold,
    guarantors.c.sms_opt_out,
    guarantors.c.email_opt_out,
    guarantors.c.profile,
    guarantors.c.postal_line1,
    guarantors.c.postal_line2,
    guarantors.c.postal_city,
    guarantors.c.postal_state,
    guarantors.c.postal_zip,
)

# In the order of Encounter's fields: Encounter(*row) builds one.
ENCOUNTER_COLUMNS = (
    encounters.c.id,
    encounters.c.guarantor_id,
    encounters.c.patient_id,
    encounters.c.service_date,
    encounters.c.balance_cents,
    encounters.c.level,
    encounters.c.status,
    encounters.c.hold,
    encounters.c.location,
    encounters.c.provider,
    encounters.c.first_statement,
    encounters.c.last_statement,
    encounters.c.statements_sent,
    encounters.c.profile,
)

# In the order of Payment's fields.
PAYMENT_COLUMNS = (
    payments.c.id,
    payments.c.encounter_id,
    payments.c.amount_cents,
    payments.c.date,
    payments.c.reviewed_batch,
)


def guarantor_from_row(row: Sequence[Any]) -> Guarantor:
    """A guarantor from a row of :data:`GUARANTOR_COLUMNS` (booleans as bool or as the
    0/1 a raw SQLite row holds)."""
    (
        gid,
        first,
        last,
        email,
        mobile,
        tz,
        paperless,
        hold,
        sms_out,
        email_out,
        profile,
        line1,
        line2,
        city,
        state,
        zip_,
    ) = row
    postal = (
        PostalAddress(line1, line2 or "", city or "", state or "", zip_ or "")
        if line1 is not None
        else None
    )
    return Guarantor(
        gid,
        first,
        last,
        email,
        mobile,
        postal,
        tz,
        bool(paperless),
        bool(hold),
        bool(sms_out),
        bool(email_out),
        profile,
    )


def encounter_from_row(row: Sequence[Any]) -> Encounter:
    """An encounter from a row of :data:`ENCOUNTER_COLUMNS`."""
    return Encounter(*row)


def payment_from_row(row: Sequence[Any]) -> Payment:
    """A payment from a row of :data:`PAYMENT_COLUMNS`."""
    return Payment(*row)


#: The columns :func:`statement_from_row` reads, in its order.
STATEMENT_COLUMNS = (
    statements.c.id,
    statements.c.guarantor_id,
    statements.c.patient_id,
    statements.c.group_json,
    statements.c.level,
    statements.c.message_id,
    statements.c.channels_json,
    statements.c.total_cents,
    statements.c.due_date,
    statements.c.lines_json,
)


def statement_from_row(row: Sequence[Any]) -> Statement:
    """A statement from a row of :data:`STATEMENT_COLUMNS` (its lines from ``lines_json``)."""
    sid, gid, pid, group, level, message, channels, total, due, lines = row
    return Statement(
        sid,
        gid,
        pid,
        tuple((k, v) for k, v in json.loads(group)),
        level,
        message,
        tuple(json.loads(channels)),
        total,
        due,
        statement_lines_from_json(lines),
    )


def statement_lines_from_json(text: str) -> tuple[StatementLine, ...]:
    """A statement's lines from its ``lines_json`` (written by :func:`lines_json`)."""
    fromisoformat = dt.date.fromisoformat
    return tuple(
        StatementLine(eid, pid, fromisoformat(service), balance, level, bool(rider))
        for eid, pid, service, balance, level, rider in json.loads(text)
    )


def lines_json(lines: Iterable[tuple[Any, ...]]) -> str:
    """A statement's ``lines_json``, ``[[encounter_id, patient_id, service_date,
    balance_cents, level, rider], ...]``, from (encounter_id, patient_id, service_date,
    balance_cents, level, rider) tuples: the text :func:`dumps` gives, joined here (a large
    batch has a million lines)."""
    day = _DAY_TEXT
    return (
        "["
        + ",".join(
            [
                f"[{_string(eid)},{_string(pid)},{day[service]},{int(balance)},{int(level)},"
                f"{1 if rider else 0}]"
                for eid, pid, service, balance, level, rider in lines
            ]
        )
        + "]"
    )


class _DayText(dict[dt.date, str]):
    """A date as a JSON string, each distinct date formatted once (a few hundred)."""

    def __missing__(self, day: dt.date) -> str:
        if len(self) >= 4096:
            self.clear()
        text = self[day] = f'"{day.isoformat()}"'
        return text


_DAY_TEXT = _DayText()


def recipient_mapping(guarantor: Guarantor) -> dict[str, str]:
    """The ``recipient`` mapping a channel receives: the guarantor's names and postal fields
    (empty without an address). A statement's ``recipient_json`` is this mapping, so its
    notifications render later exactly as the run drafted them."""
    postal = guarantor.postal
    return {
        "first_name": guarantor.first_name,
        "last_name": guarantor.last_name,
        "postal_line1": postal.line1 if postal else "",
        "postal_line2": postal.line2 if postal else "",
        "postal_city": postal.city if postal else "",
        "postal_state": postal.state if postal else "",
        "postal_zip": postal.zip if postal else "",
    }


def recipient_json(guarantor: Guarantor) -> str:
    """A statement's ``recipient_json``: :func:`recipient_mapping` as JSON."""
    return dumps_mapping(recipient_mapping(guarantor))


def guarantor_from_recipient(guarantor_id: str, text: str) -> Guarantor:
    """The guarantor a statement's ``recipient_json`` describes: enough of them to render
    its notifications exactly as the run did (names and postal address)."""
    found = json.loads(text)
    postal = PostalAddress(
        found["postal_line1"],
        found["postal_line2"],
        found["postal_city"],
        found["postal_state"],
        found["postal_zip"],
    )
    return Guarantor(
        guarantor_id,
        found["first_name"],
        found["last_name"],
        postal=postal if any(attrs.astuple(postal)) else None,
    )


def guarantor_row(g: Guarantor) -> tuple[Any, ...]:
    """The ``guarantors`` row of a guarantor, in the order of :data:`GUARANTOR_COLUMNS`."""
    postal = g.postal
    if postal is None:
        address: tuple[Any, ...] = (None, None, None, None, None)
    else:
        address = (postal.line1, postal.line2, postal.city, postal.state, postal.zip)
    return (
        g.id,
        g.first_name,
        g.last_name,
        g.email,
        g.mobile,
        g.timezone,
        g.paperless,
        g.hold,
        g.sms_opt_out,
        g.email_opt_out,
        g.profile,
        *address,
    )


def encounter_row(e: Encounter) -> tuple[Any, ...]:
    """The ``encounters`` row of an encounter, in the order of :data:`ENCOUNTER_COLUMNS`."""
    return (
        e.id,
        e.guarantor_id,
        e.patient_id,
        e.service_date,
        e.balance_cents,
        e.level,
        e.status,
        e.hold,
        e.location,
        e.provider,
        e.first_statement,
        e.last_statement,
        e.statements_sent,
        e.profile,
    )


def utcnow() -> dt.datetime:
    """The current instant, timezone-aware UTC."""
    return dt.datetime.now(dt.UTC)


def as_utc(value: dt.datetime) -> dt.datetime:
    """An aware instant converted to UTC for storing (naive values are refused)."""
    if value.tzinfo is None or value.utcoffset() is None:
        raise ValueError(f"an instant must be timezone-aware, got {value!r}")
    return value.astimezone(dt.UTC)


@overload
def from_db_instant(value: dt.datetime) -> dt.datetime: ...
@overload
def from_db_instant(value: None) -> None: ...
def from_db_instant(value: dt.datetime | None) -> dt.datetime | None:
    """An instant read back, as aware UTC (SQLite returns naive UTC values)."""
    if value is None:
        return None
    if value.tzinfo is None:
        return value.replace(tzinfo=dt.UTC)
    return value.astimezone(dt.UTC)


#: One encoder for every ``*_json`` value: ``json.dumps`` with options builds a new
#: encoder per call, which costs more than encoding a small value.
_ENCODER = json.JSONEncoder(separators=(",", ":"), ensure_ascii=False)


def dumps(value: Any) -> str:
    """Compact, deterministic JSON for a ``*_json`` column."""
    return _ENCODER.encode(value)


def dumps_mapping(value: dict[str, Any]) -> str:
    """:func:`dumps` of a dict, the same text; a dict of text to text (a message's
    rendered content) is joined from its encoded strings without starting the encoder,
    which costs more than encoding two short strings."""
    items = value.items()
    if all(type(k) is str and type(v) is str for k, v in items):
        return "{" + ",".join([_string(k) + ":" + _string(v) for k, v in items]) + "}"
    return _ENCODER.encode(value)


#: The encoder's own string encoding (``ensure_ascii=False``): a str as a JSON string.
encode_string = _string = json.encoder.encode_basestring
