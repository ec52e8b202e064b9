"""Reading one guarantor's history: the statements that billed them (with their batches),
the opt-out ledger's entries about them, and the live batch to explain them by for a date.

Each function opens its own reading transaction on the store.
"""

from __future__ import annotations

import datetime as dt
import json
from typing import TYPE_CHECKING

import attrs
from sqlalchemy import select

from rulesengine.store.rows import from_db_instant
from rulesengine.store.tables import (
    batch_guarantor_traces,
    batches,
    opt_outs,
    statements,
)

if TYPE_CHECKING:
    from rulesengine.store.sql_store import SQLStore

__all__ = [
    "GuarantorStatement",
    "OptOutEntry",
    "batch_with_guarantor_by",
    "opt_outs_of",
    "statements_of_guarantor",
]


@attrs.frozen
class GuarantorStatement:
    """A statement that billed the guarantor, with its batch's profile and run date."""

    id: str
    batch_id: str
    profile_id: str
    run_date: dt.date
    level: int
    message_id: str
    channels: tuple[str, ...]
    total_cents: int
    due_date: dt.date
    encounters: tuple[str, ...]


@attrs.frozen
class OptOutEntry:
    """An entry of the opt-out ledger: an inbound STOP, a staff action, ..."""

    channel: str
    at: dt.datetime
    source: str


def statements_of_guarantor(
    store: SQLStore, guarantor_id: str, *, limit: int = 500
) -> list[GuarantorStatement]:
    """The newest ``limit`` statements of live batches that billed ``guarantor_id``, newest
    first, each with the encounters on it."""
    s, b = statements.c, batches.c
    query = (
        select(
            s.id,
            s.batch_id,
            b.profile_id,
            b.run_date,
            s.level,
            s.message_id,
            s.channels_json,
            s.total_cents,
            s.due_date,
            s.lines_json,
        )
        .join_from(statements, batches, b.id == s.batch_id)
        .where(s.guarantor_id == guarantor_id)
        .order_by(b.run_date.desc(), s.id.desc())
        .limit(limit)
    )
    with store.reading() as conn:
        rows = conn.execute(query).all()
    return [
        GuarantorStatement(
            sid,
            bid,
            profile,
            run_date,
            level,
            message,
            tuple(json.loads(channels)),
            total,
            due,
            tuple(line[0] for line in json.loads(lines)),
        )
        for sid, bid, profile, run_date, level, message, channels, total, due, lines in rows
    ]


def opt_outs_of(store: SQLStore, guarantor_id: str) -> list[OptOutEntry]:
    """The opt-out ledger's entries about ``guarantor_id``, oldest first."""
    o = opt_outs.c
    query = select(o.channel, o.at, o.source).where(o.guarantor_id == guarantor_id).order_by(o.id)
    with store.reading() as conn:
        return [
            OptOutEntry(channel, from_db_instant(at), source)
            for channel, at, source in conn.execute(query)
        ]


def batch_with_guarantor_by(
    store: SQLStore, guarantor_id: str, run_date: dt.date | None = None
) -> str | None:
    """The live batch with the latest run date on or before ``run_date`` (None: any) that
    looked at an encounter of ``guarantor_id``; None when there is none."""
    b, t = batches.c, batch_guarantor_traces.c
    query = (
        select(b.id)
        .join_from(batches, batch_guarantor_traces, t.batch_id == b.id)
        .where(t.guarantor_id == guarantor_id, b.mode == "live")
        .order_by(b.run_date.desc(), b.created_at.desc(), b.id.desc())
        .limit(1)
    )
    if run_date is not None:
        query = query.where(b.run_date <= run_date)
    with store.reading() as conn:
        return conn.execute(query).scalar()
