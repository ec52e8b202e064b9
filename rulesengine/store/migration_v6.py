"""Schema version 6: a batch stores what it decided, not a row for everything it saw.

Three moves, each idempotent (a store that step 1 built at version 6 is left as it is):

- statements carry their lines (``lines_json``, was the ``statement_lines`` table) and,
  from now on, the recipient their notifications are rendered from (``recipient_json``;
  NULL for the statements already stored, whose notifications hold their content);
- a batch's traces are one row per guarantor (``batch_guarantor_traces``) over the batch's
  distinct steps (``batch_trace_steps``), was one row per encounter (``batch_traces``);
- what a changed encounter was before its batch is in ``batch_changes``' ``before_``
  columns, was the ``batch_encounters_before`` table.

The rows are moved in the upgrade's transaction, then the old tables are dropped.
"""

from __future__ import annotations

import json
from collections.abc import Iterator
from typing import Any

from sqlalchemy import Connection, bindparam, inspect, select, text, update

from rulesengine.store.legacy_tables import batch_encounters_before, batch_traces, statement_lines
from rulesengine.store.rows import dumps, lines_json
from rulesengine.store.sqlutil import insert_rows
from rulesengine.store.tables import (
    batch_changes,
    batch_guarantor_traces,
    batch_trace_steps,
    statements,
)

__all__ = ["version_6"]

#: Rows read or written per round trip while moving a large store's rows.
_CHUNK = 10_000


def version_6(conn: Connection) -> None:
    """Version 6 (see the module's docstring)."""
    names = set(inspect(conn).get_table_names())
    _statement_columns(conn)
    if "statement_lines" in names:
        _move_statement_lines(conn)
        conn.execute(text("DROP TABLE statement_lines"))
    batch_guarantor_traces.create(conn, checkfirst=True)
    batch_trace_steps.create(conn, checkfirst=True)
    if "batch_traces" in names:
        _move_traces(conn)
        conn.execute(text("DROP TABLE batch_traces"))
    _before_columns(conn)
    if "batch_encounters_before" in names:
        _move_before_state(conn)
        conn.execute(text("DROP TABLE batch_encounters_before"))


def _columns(conn: Connection, table: str) -> set[str]:
    return {c["name"] for c in inspect(conn).get_columns(table)}


def _statement_columns(conn: Connection) -> None:
    present = _columns(conn, "statements")
    if "lines_json" not in present:
        conn.execute(
            text("ALTER TABLE statements ADD COLUMN lines_json TEXT NOT NULL DEFAULT '[]'")
        )
    if "recipient_json" not in present:
        conn.execute(text("ALTER TABLE statements ADD COLUMN recipient_json TEXT"))
    if "pay_link" not in present:
        conn.execute(text("ALTER TABLE statements ADD COLUMN pay_link TEXT"))


def _move_statement_lines(conn: Connection) -> None:
    """Each statement's lines, in order, into its ``lines_json``."""
    sl = statement_lines.c
    query = select(
        sl.statement_id,
        sl.encounter_id,
        sl.patient_id,
        sl.service_date,
        sl.balance_cents,
        sl.level,
        sl.rider,
    ).order_by(sl.statement_id, sl.seq)
    s = statements.c
    set_lines = (
        update(statements).where(s.id == bindparam("sid")).values(lines_json=bindparam("lines"))
    )
    pending: list[dict[str, Any]] = []
    for sid, lines in _grouped(conn.execute(query)):
        pending.append({"sid": sid, "lines": lines_json(lines)})
        if len(pending) >= _CHUNK:
            conn.execute(set_lines, pending)
            pending = []
    if pending:
        conn.execute(set_lines, pending)


def _grouped(rows: Any) -> Iterator[tuple[Any, list[tuple[Any, ...]]]]:
    """(key, [rest of each row]) for rows ordered by their first column."""
    key: Any = None
    found: list[tuple[Any, ...]] = []
    for row in rows:
        if row[0] != key and found:
            yield key, found
            found = []
        key = row[0]
        found.append(tuple(row[1:]))
    if found:
        yield key, found


def _move_traces(conn: Connection) -> None:
    """Each batch's per-encounter trace rows as per-guarantor rows over its distinct steps:
    consecutive rows of one guarantor (the order a run wrote them in) become one row."""
    t = batch_traces.c
    query = select(t.batch_id, t.guarantor_id, t.encounter_id, t.steps_json).order_by(
        t.batch_id, t.seq
    )
    writer: _TraceWriter | None = None
    for row in conn.execute(query):
        batch_id, guarantor_id, encounter_id, steps = row
        if writer is None or writer.batch_id != batch_id:
            if writer is not None:
                writer.finish()
            writer = _TraceWriter(conn, batch_id)
        writer.add(guarantor_id, encounter_id, None if steps is None else json.loads(steps))
    if writer is not None:
        writer.finish()


class _TraceWriter:
    """One batch's trace rows, written a chunk at a time."""

    def __init__(self, conn: Connection, batch_id: str) -> None:
        self.conn = conn
        self.batch_id = batch_id
        self.steps: dict[str, int] = {}
        self.rows: list[tuple[Any, ...]] = []
        self.seq = 0
        self.guarantor: Any = None
        self.encounters: list[Any] = []

    def add(self, guarantor_id: Any, encounter_id: str, steps: list[Any] | None) -> None:
        if self.encounters and guarantor_id != self.guarantor:
            self._row()
        self.guarantor = guarantor_id
        if steps is None:
            self.encounters.append([encounter_id, None])
            return
        indexes = []
        for step in steps:
            encoded = dumps(step)
            index = self.steps.get(encoded)
            if index is None:
                index = self.steps[encoded] = len(self.steps)
            indexes.append(index)
        self.encounters.append([encounter_id, indexes])

    def _row(self) -> None:
        self.rows.append((self.batch_id, self.seq, self.guarantor, dumps(self.encounters)))
        self.seq += 1
        self.encounters = []
        if len(self.rows) >= _CHUNK:
            self._flush()

    def _flush(self) -> None:
        insert_rows(
            self.conn,
            batch_guarantor_traces,
            ("batch_id", "seq", "guarantor_id", "encounters_json"),
            self.rows,
        )
        self.rows = []

    def finish(self) -> None:
        if self.encounters:
            self._row()
        self._flush()
        insert_rows(
            self.conn,
            batch_trace_steps,
            ("batch_id", "idx", "step_json"),
            ((self.batch_id, index, encoded) for encoded, index in self.steps.items()),
        )


#: The statements adding the ``before_`` columns of ``batch_changes`` as version 6 defines
#: them (ids byte-ordered on PostgreSQL, as ``tables.Id``), by column and database.
_ADD_BEFORE: dict[str, tuple[str, str]] = {
    "before_level": (
        "ALTER TABLE batch_changes ADD COLUMN before_level INTEGER",
        "ALTER TABLE batch_changes ADD COLUMN before_level INTEGER",
    ),
    "before_status": (
        "ALTER TABLE batch_changes ADD COLUMN before_status VARCHAR",
        "ALTER TABLE batch_changes ADD COLUMN before_status VARCHAR",
    ),
    "before_first_statement": (
        "ALTER TABLE batch_changes ADD COLUMN before_first_statement DATE",
        "ALTER TABLE batch_changes ADD COLUMN before_first_statement DATE",
    ),
    "before_last_statement": (
        "ALTER TABLE batch_changes ADD COLUMN before_last_statement DATE",
        "ALTER TABLE batch_changes ADD COLUMN before_last_statement DATE",
    ),
    "before_statements_sent": (
        "ALTER TABLE batch_changes ADD COLUMN before_statements_sent INTEGER",
        "ALTER TABLE batch_changes ADD COLUMN before_statements_sent INTEGER",
    ),
    "before_worklist_batch_id": (
        "ALTER TABLE batch_changes ADD COLUMN before_worklist_batch_id VARCHAR",
        'ALTER TABLE batch_changes ADD COLUMN before_worklist_batch_id VARCHAR COLLATE "C"',
    ),
    "before_worklist_since": (
        "ALTER TABLE batch_changes ADD COLUMN before_worklist_since DATE",
        "ALTER TABLE batch_changes ADD COLUMN before_worklist_since DATE",
    ),
}


def _before_columns(conn: Connection) -> None:
    present = _columns(conn, "batch_changes")
    postgresql = conn.dialect.name == "postgresql"
    for name, (on_sqlite, on_postgresql) in _ADD_BEFORE.items():
        if name not in present:
            conn.execute(text(on_postgresql if postgresql else on_sqlite))


def _move_before_state(conn: Connection) -> None:
    """Each change's before-state into its ``before_`` columns (matched by batch and seq)."""
    ch, b = batch_changes.c, batch_encounters_before.c
    conn.execute(
        update(batch_changes)
        .where(ch.batch_id == b.batch_id, ch.seq == b.seq)
        .values(
            before_level=b.level,
            before_status=b.status,
            before_first_statement=b.first_statement,
            before_last_statement=b.last_statement,
            before_statements_sent=b.statements_sent,
            before_worklist_batch_id=b.worklist_batch_id,
            before_worklist_since=b.worklist_since,
        )
    )
