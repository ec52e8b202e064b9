"""What the pre-send check reads (opt-outs, holds, current balances) and the opt-out
ledger's appends.

Every function works on a connection inside the caller's transaction.
"""

from __future__ import annotations

import datetime as dt
import json
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
    statements,
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
    on_statement = _statement_encounters(conn, sids)
    now = _hold_and_balance(conn, {eid for eids in on_statement.values() for eid in eids})
    lines = {
        sid: tuple(now[eid] for eid in eids if eid in now) for sid, eids in on_statement.items()
    }
    return PresendFacts(
        opted, frozenset(held), {sid: found for sid, found in lines.items() if found}
    )


def _statement_encounters(conn: Connection, sids: Sequence[str]) -> dict[str, list[str]]:
    """Per stored statement among ``sids``, the encounters on it, in line order."""
    s = statements.c
    found: dict[str, list[str]] = {}
    for start in range(0, len(sids), _IN_CHUNK):
        query = select(s.id, s.lines_json).where(s.id.in_(sids[start : start + _IN_CHUNK]))
        for sid, lines in conn.execute(query):
            found[sid] = [line[0] for line in json.loads(lines)]
    return found


def _hold_and_balance(conn: Connection, encounter_ids: set[str]) -> dict[str, tuple[bool, int]]:
    """Each of these encounters' current (hold, balance in cents); absent ones left out."""
    e = encounters.c
    wanted = sorted(encounter_ids)
    found: dict[str, tuple[bool, int]] = {}
    for start in range(0, len(wanted), _IN_CHUNK):
        query = select(e.id, e.hold, e.balance_cents).where(
            e.id.in_(wanted[start : start + _IN_CHUNK])
        )
        for eid, hold, balance in conn.execute(query):
            found[eid] = (bool(hold), int(balance))
    return found
