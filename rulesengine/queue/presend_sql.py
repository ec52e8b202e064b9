"""What the pre-send check reads (opt-outs, holds, current balances) and the opt-out
ledger's appends.

Every function works on a connection inside the caller's transaction.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence
from typing import Any

from sqlalchemy import (
    Connection,
    select,
)

from rulesengine.queue.notification_rows import PresendFacts, QueueRow
from rulesengine.store.rows import (
    as_utc,
)
from rulesengine.store.tables import (
    encounters,
    guarantors,
    opt_outs,
    statement_lines,
)

__all__ = [
    "FLAG_OPT_OUTS",
    "presend_facts",
    "record_opt_out",
]

#: The guarantor flags that opt out of a built-in channel (besides the opt-out ledger).
FLAG_OPT_OUTS = {"text": "sms_opt_out", "email": "email_opt_out"}
_IN_CHUNK = 500


def record_opt_out(
    conn: Connection, guarantor_id: str, channel: str, at: dt.datetime, source: str
) -> None:
    """Append an entry to the opt-out ledger."""
    conn.execute(
        opt_outs.insert().values(
            guarantor_id=guarantor_id, channel=channel, at=as_utc(at), source=source
        )
    )


# -- the pre-send check's facts --------------------------------------------------------------


def presend_facts(conn: Connection, rows: Sequence[QueueRow]) -> PresendFacts:
    """Read the opt-outs, holds and current balances that decide the pre-send check."""
    gids = sorted({r.guarantor_id for r in rows})
    sids = sorted({r.checked_statement_id for r in rows})
    opted: dict[tuple[str, str], str] = {}
    held: set[str] = set()
    lines: dict[str, list[tuple[bool, int]]] = {}
    g = guarantors.c
    for start in range(0, len(gids), _IN_CHUNK):
        chunk = gids[start : start + _IN_CHUNK]
        query = select(g.id, g.hold, g.sms_opt_out, g.email_opt_out).where(g.id.in_(chunk))
        for gid, hold, sms_out, email_out in conn.execute(query):
            if hold:
                held.add(gid)
            if sms_out:
                opted[(gid, "text")] = "sms_opt_out on the guarantor"
            if email_out:
                opted[(gid, "email")] = "email_opt_out on the guarantor"
        o = opt_outs.c
        query = (
            select(o.guarantor_id, o.channel, o.source)
            .where(o.guarantor_id.in_(chunk))
            .order_by(o.id.desc())
        )
        entry: Any
        for entry in conn.execute(query):  # newest first: the oldest entry wins
            opted[(entry[0], entry[1])] = entry[2]
    sl, e = statement_lines.c, encounters.c
    for start in range(0, len(sids), _IN_CHUNK):
        query = (
            select(sl.statement_id, e.hold, e.balance_cents)
            .join_from(statement_lines, encounters, e.id == sl.encounter_id)
            .where(sl.statement_id.in_(sids[start : start + _IN_CHUNK]))
            .order_by(sl.statement_id, sl.seq)
        )
        for entry in conn.execute(query):
            lines.setdefault(entry[0], []).append((bool(entry[1]), int(entry[2])))
    return PresendFacts(opted, frozenset(held), {k: tuple(v) for k, v in lines.items()})
