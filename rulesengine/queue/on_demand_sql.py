"""The SQL of a notification made outside a batch (on demand, or a proof): inserting it
with its first history entry, keeping its rules text, finding the guarantor's live
statement it is rendered from.

Every function works on a connection inside the caller's transaction.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Mapping
from typing import Any

from sqlalchemy import (
    Connection,
    select,
)

from rulesengine.model import Statement
from rulesengine.store.rows import (
    STATEMENT_COLUMNS,
    as_utc,
    dumps,
    statement_from_row,
)
from rulesengine.store.sqlutil import dialect_insert
from rulesengine.store.tables import (
    batches,
    notification_history,
    notifications,
    rules_versions,
    statements,
)

__all__ = [
    "insert_notification",
    "keep_rules_text",
    "latest_live_rules",
    "latest_live_statement",
]


def insert_notification(
    conn: Connection,
    values: Mapping[str, Any],
    at: dt.datetime,
    detail: str | None,
    actor: str | None = None,
) -> int:
    """Insert one notification (columns of ``notifications``) and its first history entry
    (``actor``: who asked for it, None for the queue itself)."""
    row: dict[str, Any] = {
        key: as_utc(value) if isinstance(value, dt.datetime) else value
        for key, value in values.items()
    }
    for key in ("content", "context"):
        if key in row:
            row[f"{key}_json"] = dumps(dict(row.pop(key)))
    if "backoff" in row:
        row["backoff_json"] = dumps(list(row.pop("backoff")))
    row.setdefault("created_at", as_utc(at))
    row.setdefault("updated_at", as_utc(at))
    result = conn.execute(notifications.insert().values(**row))
    nid = int(result.inserted_primary_key[0])  # type: ignore[index]
    conn.execute(
        notification_history.insert().values(
            notification_id=nid,
            at=as_utc(at),
            old_status=None,
            new_status=row["status"],
            message_id=row["message_id"],
            level=row["level"],
            rules_hash=row.get("rules_hash"),
            attempt=row.get("attempt", 0),
            detail=detail,
            actor=actor,
        )
    )
    return nid


def keep_rules_text(conn: Connection, content_hash: str, text: str) -> None:
    """Keep a rules file's text under its content hash (once per hash)."""
    conn.execute(
        dialect_insert(conn, rules_versions)
        .values(content_hash=content_hash, text=text)
        .on_conflict_do_nothing()
    )


# -- on-demand notifications -----------------------------------------------------------------


def latest_live_rules(conn: Connection, guarantor_id: str) -> tuple[str, str] | None:
    """``(batch id, rules hash)`` of the live batch, of any profile, that holds the
    guarantor's newest statement (None: no live statement yet)."""
    s, b = statements.c, batches.c
    row = conn.execute(
        select(b.id, b.rules_hash)
        .join_from(statements, batches, b.id == s.batch_id)
        .where(s.guarantor_id == guarantor_id, b.mode == "live")
        .order_by(b.run_date.desc(), b.created_at.desc(), s.seq.desc())
        .limit(1)
    ).first()
    return None if row is None else (row[0], row[1])


def latest_live_statement(
    conn: Connection, guarantor_id: str, profile_id: str
) -> tuple[str, Statement] | None:
    """The guarantor's newest statement of a live batch of the profile, with its batch id."""
    s, b = statements.c, batches.c
    head = conn.execute(
        select(s.batch_id, *STATEMENT_COLUMNS)
        .join_from(statements, batches, b.id == s.batch_id)
        .where(s.guarantor_id == guarantor_id, b.profile_id == profile_id, b.mode == "live")
        .order_by(b.run_date.desc(), b.created_at.desc(), s.seq.desc())
        .limit(1)
    ).first()
    if head is None:
        return None
    return head[0], statement_from_row(head[1:])
