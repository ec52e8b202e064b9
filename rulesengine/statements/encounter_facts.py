"""The facts a statement run decides on: each encounter's state while the run works on it,
and how each field a rule condition may read is found for an encounter on the run date."""

from __future__ import annotations

import datetime as dt
from collections import defaultdict
from collections.abc import Iterable, Mapping
from operator import attrgetter
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from rulesengine.model import Encounter, Guarantor, TraceStep
    from rulesengine.statements.compile import FieldReader

__all__ = ["FIELD_PATHS", "EncounterWork", "field_readers", "guarantor_facts"]


class EncounterWork:
    """An encounter's state while the run decides about it.

    ``tentative``: the level it is billed at if it gets on a statement (set in step 4; a
    maxed encounter's is its own level, it rides along).
    """

    __slots__ = (
        "enc",
        "guarantor",
        "level",
        "status",
        "payment",
        "hold_payment",
        "tentative",
        "maxed",
        "billed",
        "trace",
    )

    def __init__(self, enc: Encounter, guarantor: Guarantor) -> None:
        self.enc = enc
        self.guarantor = guarantor
        self.level = self.tentative = enc.level
        self.status = enc.status
        # amount, percent, days_ago, largest (payment.* fields)
        self.payment: tuple[int, float, int, int] | None = None
        self.hold_payment = self.maxed = self.billed = False
        self.trace: tuple[TraceStep, ...] = ()  # a tuple: a million lists cost memory


def guarantor_facts(
    encounters: Iterable[Encounter],
) -> tuple[dict[str, int], dict[str, dt.date]]:
    """Per guarantor, ``guarantor.balance`` and the latest ``last_statement`` of the
    encounters the run covers (no entry: the field has no value).

    guarantor.balance: positive balances of encounters open or in the worklist after step 2.
    Closed ones with a positive balance reopen in step 2, so that is every positive balance.
    guarantor.days_since_last_statement: from the latest last_statement of the guarantor's
    covered encounters, whatever their status (the ledger as it was before this run).
    """
    gbal: dict[str, int] = defaultdict(int)
    glast: dict[str, dt.date] = {}
    for enc in encounters:
        balance = enc.balance_cents
        if balance > 0:
            gbal[enc.guarantor_id] += balance
        last = enc.last_statement
        if last is not None:
            gid = enc.guarantor_id
            known = glast.get(gid)
            if known is None or last > known:
                glast[gid] = last
    return gbal, glast


def field_readers(
    run_date: dt.date, gbal: Mapping[str, int], glast: Mapping[str, dt.date]
) -> dict[str, FieldReader[EncounterWork]]:
    """How each field a condition may read is found for an encounter on the run date:
    ``(raw, value)`` as :meth:`~rulesengine.statements.compile.Stage.decide_items` takes them
    (``raw`` reads the encounter's state, ``value`` turns that into the field's value).
    ``gbal`` and ``glast``: per guarantor, the balance and the latest ``last_statement``
    of its encounters covered by the run (no entry: none has one, the field has no value).
    ``x.`` fields are internal: they carry the run's own state into durable-rules."""
    ordinal = run_date.toordinal()

    def days_since(day: dt.date | None) -> int | None:
        return None if day is None else ordinal - day.toordinal()

    def payment(index: int) -> FieldReader[EncounterWork]:
        return attrgetter("payment"), lambda p: None if p is None else p[index]

    return {
        "encounter.balance": (attrgetter("enc.balance_cents"), None),
        "encounter.level": (attrgetter("enc.level"), None),
        "encounter.statements_sent": (attrgetter("enc.statements_sent"), None),
        "encounter.days_since_service": (attrgetter("enc.service_date"), days_since),
        "encounter.days_since_first_statement": (attrgetter("enc.first_statement"), days_since),
        "encounter.days_since_last_statement": (attrgetter("enc.last_statement"), days_since),
        "encounter.location": (attrgetter("enc.location"), _or_none),
        "encounter.provider": (attrgetter("enc.provider"), _or_none),
        "guarantor.balance": (attrgetter("enc.guarantor_id"), lambda gid: gbal.get(gid, 0)),
        "guarantor.has_email": (attrgetter("guarantor.email"), bool),
        "guarantor.has_mobile": (attrgetter("guarantor.mobile"), bool),
        "guarantor.paperless": (attrgetter("guarantor.paperless"), None),
        "guarantor.days_since_last_statement": (
            attrgetter("enc.guarantor_id"),
            lambda gid: days_since(glast.get(gid)),
        ),
        "payment.amount": payment(0),
        "payment.percent": payment(1),
        "payment.days_ago": payment(2),
        "payment.largest": payment(3),
        "x.encounter_hold": (attrgetter("enc.hold"), None),
        "x.guarantor_hold": (attrgetter("guarantor.hold"), None),
        "x.status": (attrgetter("status"), None),
        "x.level": (attrgetter("level"), None),
        "x.hold_payment": (attrgetter("hold_payment"), None),
    }


def _or_none(value: Any) -> Any:
    return value or None


#: Every field a condition may read (the keys of :func:`field_readers`).
FIELD_PATHS = frozenset(field_readers(dt.date(2000, 1, 1), {}, {}))
