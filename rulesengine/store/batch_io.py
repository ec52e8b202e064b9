"""Writing a live batch and everything it decided, and reading it back whole.

Everything is set-based where it can be: the batch's children are inserted executemany-style,
and the ledger is then updated from them with one ``UPDATE ... FROM`` per kind of change, so
a batch touching a million encounters costs a handful of statements, not a million.
"""

from __future__ import annotations

import datetime as dt
import json
from collections.abc import Iterator
from typing import Any

from sqlalchemy import Connection, and_, case, literal, null, select, text, update
from sqlalchemy.exc import IntegrityError

from rulesengine.errors import RunRefused
from rulesengine.model import (
    BatchResult,
    EncounterChange,
    NotificationDraft,
    SendWindow,
    Skip,
    Statement,
    StatementLine,
    TraceStep,
    plain,
    send_window_text,
)
from rulesengine.store.queue_io import supersede_earlier
from rulesengine.store.rows import (
    STATEMENT_COLUMNS,
    as_utc,
    dumps,
    dumps_mapping,
    from_db_instant,
    statement_from_row,
    utcnow,
)
from rulesengine.store.sqlutil import dialect_insert, insert_rows
from rulesengine.store.tables import (
    batch_changes,
    batch_encounters_before,
    batch_pre_collections,
    batch_reviewed_payments,
    batch_skips,
    batch_traces,
    batches,
    encounters,
    notification_history,
    notifications,
    payments,
    profiles,
    rules_versions,
    statement_lines,
    statements,
)

__all__ = ["read_batch", "write_batch"]

_PRE = "pre_collections"

#: A live batch queuing at least this many notifications refreshes PostgreSQL's statistics
#: of the queue (``ANALYZE notifications``) in its transaction.
ANALYZE_AFTER = 1_000


def write_batch(conn: Connection, batch: BatchResult, rules_text: str) -> list[int]:
    """Record a live batch, apply its changes to the ledger and queue its notifications.

    Before the changes are applied, each changed encounter's fields are kept
    (``batch_encounters_before``), so the batch can be deleted exactly; before its own
    notifications are queued, the earlier batches' notifications it supersedes become
    ``superseded`` (:func:`~rulesengine.store.queue_io.supersede_earlier`). Returns their ids.
    """
    now = utcnow()
    bid = batch.id
    conn.execute(
        dialect_insert(conn, rules_versions)
        .values(content_hash=batch.rules_hash, text=rules_text)
        .on_conflict_do_nothing()
    )
    try:
        conn.execute(
            batches.insert().values(
                id=bid,
                profile_id=batch.profile_id,
                run_date=batch.run_date,
                mode=batch.mode,
                rules_hash=batch.rules_hash,
                rules_path=batch.rules_path,
                created_at=as_utc(batch.created_at) if batch.created_at else now,
            )
        )
    except IntegrityError:
        raise RunRefused(
            f"a live batch of profile {batch.profile_id!r} on {batch.run_date.isoformat()} "
            f"(or with id {bid!r}) is already stored"
        ) from None
    _write_statements(conn, batch)
    _write_children(conn, batch)
    _keep_before_state(conn, batch)
    superseded = supersede_earlier(conn, bid, batch.profile_id, now)
    _apply_changes(conn, batch)
    _queue_notifications(conn, batch, now)
    if len(batch.notifications) >= ANALYZE_AFTER and conn.dialect.name == "postgresql":
        # The workers' claim is planned from the table's statistics. Left stale (or never
        # gathered, in a new store), PostgreSQL expects few due rows and reads and sorts
        # all of them every round; autovacuum would gather them only later.
        conn.execute(text("ANALYZE notifications"))
    conn.execute(
        update(profiles)
        .where(profiles.c.id == batch.profile_id)
        .values(latest_live_date=batch.run_date, latest_batch_id=bid)
    )
    return superseded


def _write_statements(conn: Connection, batch: BatchResult) -> None:
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

    insert_rows(
        conn,
        statements,
        (
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
        ),
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
                s.due_date,
            )
            for seq, s in enumerate(batch.statements)
        ),
    )
    insert_rows(
        conn,
        statement_lines,
        (
            "statement_id",
            "seq",
            "encounter_id",
            "patient_id",
            "service_date",
            "balance_cents",
            "level",
            "rider",
        ),
        (
            (
                s.id,
                seq,
                line.encounter_id,
                line.patient_id,
                line.service_date,
                line.balance_cents,
                line.level,
                line.rider,
            )
            for s in batch.statements
            for seq, line in enumerate(s.lines)
        ),
    )


def _write_children(conn: Connection, batch: BatchResult) -> None:
    bid = batch.id
    insert_rows(
        conn,
        batch_pre_collections,
        ("batch_id", "seq", "encounter_id"),
        ((bid, i, e) for i, e in enumerate(batch.pre_collections)),
    )
    insert_rows(
        conn,
        batch_skips,
        ("batch_id", "seq", "encounter_id", "guarantor_id", "reason"),
        ((bid, i, s.encounter_id, s.guarantor_id, s.reason) for i, s in enumerate(batch.skips)),
    )
    insert_rows(
        conn,
        batch_traces,
        ("batch_id", "seq", "encounter_id", "guarantor_id", "steps_json"),
        _trace_rows(batch),
    )
    insert_rows(
        conn,
        batch_changes,
        (
            "batch_id",
            "seq",
            "encounter_id",
            "level",
            "status",
            "first_statement",
            "last_statement",
            "statements_sent",
        ),
        (
            (
                bid,
                i,
                c.encounter_id,
                c.level,
                c.status,
                c.first_statement,
                c.last_statement,
                c.statements_sent,
            )
            for i, c in enumerate(batch.changes)
        ),
    )
    insert_rows(
        conn,
        batch_reviewed_payments,
        ("batch_id", "seq", "payment_id"),
        ((bid, i, p) for i, p in enumerate(batch.reviewed_payment_ids)),
    )


def _keep_before_state(conn: Connection, batch: BatchResult) -> None:
    """Copy the fields the batch is about to change of every encounter in its changes
    (one ``INSERT ... SELECT``; the worklist entries are among the changes)."""
    if not batch.changes:
        return
    ch, e = batch_changes.c, encounters.c
    conn.execute(
        batch_encounters_before.insert().from_select(
            [c.name for c in batch_encounters_before.c],
            select(
                ch.batch_id,
                ch.seq,
                e.id,
                e.level,
                e.status,
                e.first_statement,
                e.last_statement,
                e.statements_sent,
                e.worklist_batch_id,
                e.worklist_since,
            )
            .join_from(batch_changes, encounters, e.id == ch.encounter_id)
            .where(ch.batch_id == batch.id)
            .order_by(ch.seq),
        )
    )


def _trace_rows(batch: BatchResult) -> Iterator[tuple[Any, ...]]:
    """One row per encounter looked at or traced; guarantor_id is set iff looked at."""
    bid = batch.id
    traces = batch.traces
    guarantor_of = batch.guarantor_of
    steps_json = _StepsJSON()
    seq = 0
    for eid, gid in guarantor_of.items():
        steps = traces.get(eid)
        yield (bid, seq, eid, gid, None if steps is None else steps_json(steps))
        seq += 1
    for eid, steps in traces.items():
        if eid not in guarantor_of:
            yield (bid, seq, eid, None, steps_json(steps))
            seq += 1


class _StepsJSON:
    """A trace as JSON (a list of ``[step, outcome, detail, rule]``). Encounters with the
    same reasoning share step objects, so each step is encoded once per batch."""

    def __init__(self) -> None:
        self.encoded: dict[int, tuple[TraceStep, str]] = {}

    def __call__(self, steps: Any) -> str:
        parts = []
        for step in steps:
            found = self.encoded.get(id(step))
            if found is None or found[0] is not step:
                if len(self.encoded) >= 65_536:  # bounded: most steps are shared by many
                    self.encoded.clear()
                found = self.encoded[id(step)] = (
                    step,
                    dumps([step.step, step.outcome, step.detail, step.rule]),
                )
            parts.append(found[1])
        return f"[{','.join(parts)}]"


def _apply_changes(conn: Connection, batch: BatchResult) -> None:
    """Update encounters, worklist marks and payments from the rows just written."""
    bid = batch.id
    ch = batch_changes.c
    if batch.changes:
        conn.execute(
            update(encounters)
            .where(encounters.c.id == ch.encounter_id, ch.batch_id == bid)
            .values(
                level=ch.level,
                status=ch.status,
                first_statement=ch.first_statement,
                last_statement=ch.last_statement,
                statements_sent=ch.statements_sent,
                worklist_batch_id=case(
                    (ch.status == _PRE, encounters.c.worklist_batch_id), else_=null()
                ),
                worklist_since=case((ch.status == _PRE, encounters.c.worklist_since), else_=null()),
            )
        )
    if batch.pre_collections:
        sent = select(batch_pre_collections.c.encounter_id).where(
            batch_pre_collections.c.batch_id == bid
        )
        conn.execute(
            update(encounters)
            .where(encounters.c.id.in_(sent))
            .values(worklist_batch_id=bid, worklist_since=batch.run_date)
        )
    if batch.reviewed_payment_ids:
        rp = batch_reviewed_payments.c
        conn.execute(
            update(payments)
            .where(payments.c.id == rp.payment_id, rp.batch_id == bid)
            .values(reviewed_batch=bid)
        )


def _queue_notifications(conn: Connection, batch: BatchResult, now: dt.datetime) -> None:
    """One queued notification per draft, each with its first history entry."""
    if not batch.notifications:
        return
    rows = _NotificationRows(batch, now)
    insert_rows(conn, notifications, _NOTIFICATION_COLUMNS, map(rows, batch.notifications))
    n = notifications.c
    conn.execute(
        notification_history.insert().from_select(
            [
                "notification_id",
                "at",
                "old_status",
                "new_status",
                "message_id",
                "level",
                "rules_hash",
                "attempt",
                "detail",
            ],
            select(
                n.id,
                n.created_at,
                literal(None, notification_history.c.old_status.type),
                n.status,
                n.message_id,
                n.level,
                n.rules_hash,
                n.attempt,
                n.reason,
            )
            .where(n.batch_id == batch.id, n.kind == "batch")
            .order_by(n.id),
        )
    )


_NOTIFICATION_COLUMNS = (
    "batch_id",
    "statement_id",
    "guarantor_id",
    "profile_id",
    "channel",
    "message_id",
    "level",
    "status",
    "reason",
    "to_address",
    "scheduled_at",
    "content_json",
    "idempotency_key",
    "attempt",
    "next_attempt_at",
    "rules_hash",
    "proof",
    "created_at",
    "updated_at",
    "context_json",
    "timezone",
    "send_window",
    "max_attempts",
    "backoff_json",
    "kind",
)


class _NotificationRows:
    """Each draft as a notifications row, in the order of ``_NOTIFICATION_COLUMNS``.

    A batch repeats few distinct values in some columns (the schedule instants, the
    backoff), so their conversions are remembered; a statement's notifications come one
    after another and share one context mapping, which is encoded once per statement.
    """

    def __init__(self, batch: BatchResult, now: dt.datetime) -> None:
        self.batch = batch
        self.now = now
        self.instants: dict[dt.datetime, dt.datetime] = {}
        self.backoffs: dict[Any, str] = {}
        self.context: Any = None
        self.context_json = ""

    def __call__(self, n: NotificationDraft) -> tuple[Any, ...]:
        batch = self.batch
        scheduled_at = self.instants.get(n.scheduled_at)
        if scheduled_at is None:
            scheduled_at = self.instants[n.scheduled_at] = as_utc(n.scheduled_at)
        backoff = self.backoffs.get(n.backoff)
        if backoff is None:
            backoff = self.backoffs[n.backoff] = dumps(list(n.backoff))
        if n.context is not self.context:
            self.context, self.context_json = n.context, dumps(plain(n.context))
        return (
            batch.id,
            n.statement_id,
            n.guarantor_id,
            batch.profile_id,
            n.channel,
            n.message_id,
            n.level,
            n.status,
            n.reason,
            n.to,
            scheduled_at,
            dumps_mapping(plain(n.content)),
            f"{n.statement_id}:{n.channel}",
            0,
            scheduled_at if n.status == "scheduled" else None,
            batch.rules_hash,
            False,
            self.now,
            self.now,
            self.context_json,
            n.timezone,
            send_window_text(n.send_window),
            n.max_attempts,
            backoff,
            "batch",
        )


# -- reading ------------------------------------------------------------------------------


def read_batch(conn: Connection, batch_id: str) -> BatchResult | None:
    """A stored batch, complete, with ``replayed=True``; None when there is none."""
    head = conn.execute(select(batches).where(batches.c.id == batch_id)).mappings().first()
    if head is None:
        return None
    traces, guarantor_of = _read_traces(conn, batch_id)
    return BatchResult(
        id=head["id"],
        profile_id=head["profile_id"],
        run_date=head["run_date"],
        mode=head["mode"],
        rules_hash=head["rules_hash"],
        rules_path=head["rules_path"],
        statements=_read_statements(conn, batch_id),
        pre_collections=tuple(
            conn.execute(
                select(batch_pre_collections.c.encounter_id)
                .where(batch_pre_collections.c.batch_id == batch_id)
                .order_by(batch_pre_collections.c.seq)
            ).scalars()
        ),
        skips=tuple(
            Skip(*row)
            for row in conn.execute(
                select(batch_skips.c.encounter_id, batch_skips.c.guarantor_id, batch_skips.c.reason)
                .where(batch_skips.c.batch_id == batch_id)
                .order_by(batch_skips.c.seq)
            )
        ),
        changes=_read_changes(conn, batch_id),
        reviewed_payment_ids=tuple(
            conn.execute(
                select(batch_reviewed_payments.c.payment_id)
                .where(batch_reviewed_payments.c.batch_id == batch_id)
                .order_by(batch_reviewed_payments.c.seq)
            ).scalars()
        ),
        notifications=_read_notifications(conn, batch_id),
        superseded=tuple(
            conn.execute(
                select(notifications.c.id)
                .where(notifications.c.superseded_by == batch_id)
                .order_by(notifications.c.id)
            ).scalars()
        ),
        traces=traces,
        guarantor_of=guarantor_of,
        created_at=from_db_instant(head["created_at"]),
        replayed=True,
    )


def _read_statements(conn: Connection, batch_id: str) -> tuple[Statement, ...]:
    sl = statement_lines.c
    lines: dict[str, list[StatementLine]] = {}
    query = (
        select(
            sl.statement_id,
            sl.encounter_id,
            sl.patient_id,
            sl.service_date,
            sl.balance_cents,
            sl.level,
            sl.rider,
        )
        .join_from(statement_lines, statements, statements.c.id == sl.statement_id)
        .where(statements.c.batch_id == batch_id)
        .order_by(sl.statement_id, sl.seq)
    )
    for sid, *rest in conn.execute(query):
        lines.setdefault(sid, []).append(StatementLine(*rest))
    s = statements.c
    query = select(*STATEMENT_COLUMNS).where(s.batch_id == batch_id).order_by(s.seq)
    built: list[Statement] = []
    row: Any
    for row in conn.execute(query):
        built.append(statement_from_row(row, lines.get(row[0], ())))
    return tuple(built)


def _read_changes(conn: Connection, batch_id: str) -> tuple[EncounterChange, ...]:
    c = batch_changes.c
    query = (
        select(
            c.encounter_id,
            c.level,
            c.status,
            c.first_statement,
            c.last_statement,
            c.statements_sent,
        )
        .where(c.batch_id == batch_id)
        .order_by(c.seq)
    )
    return tuple(EncounterChange(*row) for row in conn.execute(query))


def _read_traces(
    conn: Connection, batch_id: str
) -> tuple[dict[str, tuple[TraceStep, ...]], dict[str, str]]:
    t = batch_traces.c
    traces: dict[str, tuple[TraceStep, ...]] = {}
    guarantor_of: dict[str, str] = {}
    query = (
        select(t.encounter_id, t.guarantor_id, t.steps_json)
        .where(t.batch_id == batch_id)
        .order_by(t.seq)
    )
    for eid, gid, steps in conn.execute(query):
        if gid is not None:
            guarantor_of[eid] = gid
        if steps is not None:
            traces[eid] = tuple(TraceStep(*step) for step in json.loads(steps))
    return traces, guarantor_of


def _read_notifications(conn: Connection, batch_id: str) -> tuple[NotificationDraft, ...]:
    """The drafts as uploaded: status and reason come from each first history entry."""
    n = notifications.c
    h = notification_history.c
    query = (
        select(
            n.id,
            n.statement_id,
            n.guarantor_id,
            n.channel,
            n.message_id,
            n.level,
            h.new_status,
            h.detail,
            n.to_address,
            n.scheduled_at,
            n.content_json,
            n.timezone,
            n.send_window,
            n.max_attempts,
            n.backoff_json,
            n.context_json,
        )
        .join_from(
            notifications,
            notification_history,
            and_(h.notification_id == n.id, h.old_status.is_(None)),
        )
        .where(n.batch_id == batch_id, n.kind == "batch")
        .order_by(n.id, h.id)
    )
    drafts: list[NotificationDraft] = []
    last_id = None
    row: Any
    for row in conn.execute(query):
        (nid, sid, gid, channel, message, level, status, reason, to, at, content) = row[:11]
        zone, window, max_attempts, backoff, context = row[11:]
        if nid == last_id:
            continue
        last_id = nid
        drafts.append(
            NotificationDraft(
                sid,
                gid,
                channel,
                message,
                level,
                status,
                reason,
                to,
                from_db_instant(at),
                json.loads(content),
                timezone=zone,
                send_window=SendWindow.parse(window),
                max_attempts=max_attempts,
                backoff=json.loads(backoff),
                context=json.loads(context),
            )
        )
    return tuple(drafts)
