"""Reading stored batches for screens: grouped counts over many batches, a batch's
statements, skips and worklist additions a page at a time, one statement with its lines,
and which rules versions the batches used.

Every function reads in the caller's connection (``with store.reading() as conn``). The
counts take the ids of the batches shown and answer with one grouped query per kind, not
one per batch; the pages are keyset pages on ``seq`` (the primary key ``(batch_id, seq)``
of each child table, and ``ix_statements_batch_seq`` for statements), so the hundredth
page of a batch of 250,000 statements costs what the first does.
"""

from __future__ import annotations

import datetime as dt
import json
from collections.abc import Iterable, Sequence
from typing import Any

import attrs
from sqlalchemy import Connection, func, select

from rulesengine.model import Statement
from rulesengine.store.rows import STATEMENT_COLUMNS, from_db_instant, statement_from_row
from rulesengine.store.tables import (
    batch_pre_collections,
    batch_skips,
    batches,
    encounters,
    statements,
)
from rulesengine.store.trace_storage import read_traces

__all__ = [
    "BatchHead",
    "PreCollectionRow",
    "RulesUsage",
    "SkipRow",
    "StatementRow",
    "StoredStatement",
    "batch_head",
    "batch_heads",
    "batch_pre_collections_page",
    "batch_skips_page",
    "batch_statements_page",
    "pre_collection_counts",
    "rules_usage",
    "skip_reasons",
    "statement_levels",
    "stored_statement",
]

#: Ids per ``IN (...)`` list.
_IN_CHUNK = 500


@attrs.frozen
class BatchHead:
    """A stored batch's own row."""

    id: str
    profile_id: str
    run_date: dt.date
    mode: str
    rules_hash: str
    rules_path: str
    created_at: dt.datetime | None


@attrs.frozen
class StatementRow:
    """A statement as a batch's list shows it (no lines)."""

    seq: int
    id: str
    guarantor_id: str
    level: int
    message_id: str
    channels: tuple[str, ...]
    total_cents: int
    due_date: dt.date


@attrs.frozen
class SkipRow:
    """An encounter a batch skipped: its reason, and the sentence its trace gives for it
    (what ``rulesengine explain`` prints; None when the batch kept no trace of it)."""

    seq: int
    encounter_id: str
    guarantor_id: str
    reason: str
    detail: str | None


@attrs.frozen
class PreCollectionRow:
    """An encounter a batch sent to the pre-collections worklist."""

    seq: int
    encounter_id: str
    guarantor_id: str | None  # None: the encounter is no longer in the store


@attrs.frozen
class StoredStatement:
    """A statement with its lines and the batch that produced it."""

    batch: BatchHead
    seq: int
    statement: Statement


@attrs.frozen
class RulesUsage:
    """A rules version as a profile's live batches used it."""

    profile_id: str
    content_hash: str
    first_batch_id: str
    first_run_date: dt.date
    last_batch_id: str
    last_run_date: dt.date
    batches: int


_HEAD = (
    batches.c.id,
    batches.c.profile_id,
    batches.c.run_date,
    batches.c.mode,
    batches.c.rules_hash,
    batches.c.rules_path,
    batches.c.created_at,
)


def _head(row: Sequence[Any]) -> BatchHead:
    bid, profile_id, run_date, mode, rules_hash, rules_path, created = row
    return BatchHead(
        bid, profile_id, run_date, mode, rules_hash, rules_path, from_db_instant(created)
    )


def batch_head(conn: Connection, batch_id: str) -> BatchHead | None:
    """The batch's row, None when there is no such batch."""
    row = conn.execute(select(*_HEAD).where(batches.c.id == batch_id)).first()
    return None if row is None else _head(row)


def batch_heads(
    conn: Connection,
    *,
    profile_id: str | None = None,
    rules_hash: str | None = None,
    before: tuple[dt.datetime, str] | None = None,
    limit: int | None = None,
) -> list[BatchHead]:
    """Batches newest first (by creation, then id), of one profile or rules version when
    given; ``before``: only those older than this ``(created_at, id)`` (a keyset page)."""
    b = batches.c
    query = select(*_HEAD).order_by(b.created_at.desc(), b.id.desc())
    if profile_id is not None:
        query = query.where(b.profile_id == profile_id)
    if rules_hash is not None:
        query = query.where(b.rules_hash == rules_hash)
    if before is not None:
        at, bid = before
        query = query.where((b.created_at < at) | ((b.created_at == at) & (b.id < bid)))
    if limit is not None:
        query = query.limit(limit)
    return [_head(row) for row in conn.execute(query)]


def _chunks(ids: Iterable[str]) -> Iterable[list[str]]:
    unique = sorted(set(ids))
    for start in range(0, len(unique), _IN_CHUNK):
        yield unique[start : start + _IN_CHUNK]


def statement_levels(conn: Connection, batch_ids: Iterable[str]) -> dict[str, dict[int, int]]:
    """Per batch: level -> how many statements it produced at that level (batches without
    statements are left out)."""
    s = statements.c
    out: dict[str, dict[int, int]] = {}
    for chunk in _chunks(batch_ids):
        query = (
            select(s.batch_id, s.level, func.count())
            .where(s.batch_id.in_(chunk))
            .group_by(s.batch_id, s.level)
        )
        for bid, level, count in conn.execute(query):
            out.setdefault(bid, {})[level] = count
    return {bid: dict(sorted(levels.items())) for bid, levels in out.items()}


def skip_reasons(conn: Connection, batch_ids: Iterable[str]) -> dict[str, dict[str, int]]:
    """Per batch: skip reason -> how many encounters it skipped for it."""
    k = batch_skips.c
    out: dict[str, dict[str, int]] = {}
    for chunk in _chunks(batch_ids):
        query = (
            select(k.batch_id, k.reason, func.count())
            .where(k.batch_id.in_(chunk))
            .group_by(k.batch_id, k.reason)
        )
        for bid, reason, count in conn.execute(query):
            out.setdefault(bid, {})[reason] = count
    return {bid: dict(sorted(reasons.items())) for bid, reasons in out.items()}


def pre_collection_counts(conn: Connection, batch_ids: Iterable[str]) -> dict[str, int]:
    """Per batch: how many encounters it sent to the pre-collections worklist."""
    p = batch_pre_collections.c
    out: dict[str, int] = {}
    for chunk in _chunks(batch_ids):
        query = select(p.batch_id, func.count()).where(p.batch_id.in_(chunk)).group_by(p.batch_id)
        out.update((bid, count) for bid, count in conn.execute(query))
    return out


def batch_statements_page(
    conn: Connection, batch_id: str, *, after_seq: int = -1, limit: int = 100
) -> list[StatementRow]:
    """Up to ``limit`` of the batch's statements in the order it produced them, from the
    one after ``after_seq``."""
    s = statements.c
    query = (
        select(s.seq, s.id, s.guarantor_id, s.level, s.message_id, s.channels_json)
        .add_columns(s.total_cents, s.due_date)
        .where(s.batch_id == batch_id, s.seq > after_seq)
        .order_by(s.seq)
        .limit(limit)
    )
    return [
        StatementRow(seq, sid, gid, level, message, tuple(json.loads(channels)), total, due)
        for seq, sid, gid, level, message, channels, total, due in conn.execute(query)
    ]


def batch_skips_page(
    conn: Connection, batch_id: str, *, after_seq: int = -1, limit: int = 100
) -> list[SkipRow]:
    """Up to ``limit`` of the encounters the batch skipped, from the one after
    ``after_seq``, each with the sentence of its trace's skipping step."""
    k = batch_skips.c
    rows = conn.execute(
        select(k.seq, k.encounter_id, k.guarantor_id, k.reason)
        .where(k.batch_id == batch_id, k.seq > after_seq)
        .order_by(k.seq)
        .limit(limit)
    ).all()
    details = _skip_details(conn, batch_id, {row[2] for row in rows}, {row[1] for row in rows})
    return [SkipRow(seq, eid, gid, reason, details.get(eid)) for seq, eid, gid, reason in rows]


def _skip_details(
    conn: Connection, batch_id: str, guarantor_ids: set[str], encounter_ids: set[str]
) -> dict[str, str]:
    """Encounter id -> the detail of its trace's ``skipped`` step (through the traces'
    guarantor index: a page's guarantors, not the whole batch)."""
    traces, _ = read_traces(conn, batch_id, guarantor_ids)
    found: dict[str, str] = {}
    for eid in encounter_ids:
        for step in traces.get(eid, ()):
            if step.outcome == "skipped":
                found[eid] = step.detail
    return found


def batch_pre_collections_page(
    conn: Connection, batch_id: str, *, after_seq: int = -1, limit: int = 100
) -> list[PreCollectionRow]:
    """Up to ``limit`` of the encounters the batch sent to the worklist, with their
    guarantors, from the one after ``after_seq``."""
    p, e = batch_pre_collections.c, encounters.c
    query = (
        select(p.seq, p.encounter_id, e.guarantor_id)
        .join_from(batch_pre_collections, encounters, e.id == p.encounter_id, isouter=True)
        .where(p.batch_id == batch_id, p.seq > after_seq)
        .order_by(p.seq)
        .limit(limit)
    )
    return [PreCollectionRow(*row) for row in conn.execute(query)]


def stored_statement(conn: Connection, statement_id: str) -> StoredStatement | None:
    """The statement with its lines and its batch, None when there is none."""
    s = statements.c
    row = conn.execute(
        select(s.batch_id, s.seq, *STATEMENT_COLUMNS).where(s.id == statement_id)
    ).first()
    if row is None:
        return None
    head = batch_head(conn, row[0])
    if head is None:  # pragma: no cover - the foreign key keeps a statement's batch
        return None
    return StoredStatement(head, row[1], statement_from_row(row[2:]))


def rules_usage(conn: Connection, profile_id: str | None = None) -> list[RulesUsage]:
    """Each profile's rules versions with the first and last batch that used them and how
    many did, by profile, then first use."""
    b = batches.c
    query = select(b.profile_id, b.rules_hash, b.run_date, b.id).order_by(
        b.profile_id, b.run_date, b.created_at, b.id
    )
    if profile_id is not None:
        query = query.where(b.profile_id == profile_id)
    found: dict[tuple[str, str], list[Any]] = {}
    for pid, content_hash, run_date, bid in conn.execute(query):
        usage = found.get((pid, content_hash))
        if usage is None:
            found[pid, content_hash] = [bid, run_date, bid, run_date, 1]
        else:
            usage[2:] = [bid, run_date, usage[4] + 1]
    return sorted(
        (RulesUsage(pid, content_hash, *usage) for (pid, content_hash), usage in found.items()),
        key=lambda u: (u.profile_id, u.first_run_date, u.content_hash),
    )
