"""A live batch's statements as the store keeps them (schema version 6): one ``statements``
row each, carrying its lines (``lines_json``) and its guarantor as the run saw them
(``recipient_json``, what its notifications are rendered from:
:mod:`rulesengine.queue.batch_content`).

Both functions work on a connection inside the caller's transaction
(:mod:`rulesengine.store.batch_io` writes and reads a batch through them).
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

from sqlalchemy import Connection, select

from rulesengine.model import BatchResult, Statement
from rulesengine.store.rows import (
    STATEMENT_COLUMNS,
    dumps,
    lines_json,
    recipient_json,
    statement_from_row,
)
from rulesengine.store.sqlutil import Processed, insert_rows
from rulesengine.store.tables import statements

__all__ = ["read_statements", "write_statements"]

_COLUMNS = (
    "id",
    "batch_id",
    "seq",
    "guarantor_id",
    "patient_id",
    "group_json",
    "level",
    "message_id",
    "channels_json",
    "total_cents",
    "due_date",
    "lines_json",
    "recipient_json",
    "pay_link",
)


def write_statements(conn: Connection, batch: BatchResult, pay_links: Mapping[str, str]) -> None:
    """The batch's statements, in order, each with its lines, its guarantor from
    ``batch.recipients`` (``recipient_json`` NULL for a statement whose guarantor the batch
    does not carry: its notifications then keep their content) and its pay link from
    ``pay_links`` (statement id -> the link the run made; NULL when not given: rendering
    then signs the link with the key it has)."""
    bid = batch.id
    # A batch's statements share a few groupings and channel lists: encode each once.
    encoded: dict[tuple[Any, ...], str] = {}

    def json_of(value: tuple[Any, ...]) -> str:
        found = encoded.get(value)
        if found is None:
            if len(encoded) >= 65_536:  # bounded: a grouping by patient is one per statement
                encoded.clear()
            found = encoded[value] = dumps(value)
        return found

    recipient_of = {gid: recipient_json(g) for gid, g in batch.recipients.items()}
    due = Processed(statements.c.due_date, conn.dialect)  # rows in the driver's form
    insert_rows(
        conn,
        statements,
        _COLUMNS,
        (
            (
                s.id,
                bid,
                seq,
                s.guarantor_id,
                s.patient_id,
                json_of(s.group),
                s.level,
                s.message_id,
                json_of(s.channels),
                s.total_cents,
                due[s.due_date],
                _lines_json(s),
                recipient_of.get(s.guarantor_id),
                pay_links.get(s.id),
            )
            for seq, s in enumerate(batch.statements)
        ),
        ready=True,
    )


def _lines_json(statement: Statement) -> str:
    return lines_json(
        [
            (
                line.encounter_id,
                line.patient_id,
                line.service_date,
                line.balance_cents,
                line.level,
                line.rider,
            )
            for line in statement.lines
        ]
    )


def read_statements(
    conn: Connection, batch_id: str, guarantor_id: str | None = None
) -> tuple[Statement, ...]:
    """The batch's statements in order (only ``guarantor_id``'s when given), with their
    lines (through ``ix_statements_batch_seq``, or ``ix_statements_guarantor_batch``)."""
    s = statements.c
    query = select(*STATEMENT_COLUMNS).where(s.batch_id == batch_id).order_by(s.seq)
    if guarantor_id is not None:
        query = query.where(s.guarantor_id == guarantor_id)
    return tuple(statement_from_row(row) for row in conn.execute(query))
