"""Uploading a live batch to the queue: the earlier batches' notifications it supersedes
become ``superseded``, then one notification per draft is queued (its first history entry
is its own row: ``first_status``).

Called by the statement run inside the live run's transaction, after the store wrote the
batch (:func:`rulesengine.store.batch_io.write_batch`), so the batch and its notifications
are committed together or not at all.
"""

from __future__ import annotations

import datetime as dt
import json
from typing import Any

from sqlalchemy import Connection, literal, select, text, update

from rulesengine.model import BatchResult, NotificationDraft, plain, send_window_text
from rulesengine.store.rows import as_utc, dumps, dumps_mapping
from rulesengine.store.sqlutil import Processed, insert_rows
from rulesengine.store.tables import (
    IS_SCHEDULED,
    notification_history,
    notifications,
    statements,
)

__all__ = [
    "ANALYZE_AFTER",
    "queue_batch_notifications",
    "supersede_earlier",
    "superseded_detail",
    "upload_batch",
]

_IN_CHUNK = 500

#: A live batch queuing at least this many notifications refreshes PostgreSQL's statistics
#: of the queue (``ANALYZE notifications``) in its transaction.
ANALYZE_AFTER = 1_000


def upload_batch(conn: Connection, batch: BatchResult, at: dt.datetime) -> list[int]:
    """Queue live batch ``batch``'s notifications (stamped ``at``), having first made the
    earlier batches' notifications it supersedes ``superseded`` (:func:`supersede_earlier`).
    ``conn`` is the run's transaction, in which the store has written the batch. Returns the
    superseded ids, ascending."""
    superseded = supersede_earlier(conn, batch, at)
    queue_batch_notifications(conn, batch, at)
    if len(batch.notifications) >= ANALYZE_AFTER and conn.dialect.name == "postgresql":
        # The workers' claim is planned from the table's statistics. Left stale (or never
        # gathered, in a new store), PostgreSQL expects few due rows and reads and sorts
        # all of them every round; autovacuum would gather them only later.
        conn.execute(text("ANALYZE notifications"))
    return superseded


def queue_batch_notifications(conn: Connection, batch: BatchResult, now: dt.datetime) -> None:
    """One queued notification per draft. Its first history entry is the row itself: it
    carries the status it was queued with (``first_status``) besides its reason, its time
    and what it is (:func:`rulesengine.queue.notification_reads.notification_history`
    reads the entry from it), so a large batch does not write a million history rows."""
    if not batch.notifications:
        return
    rows = _NotificationRows(conn, batch, now)
    insert_rows(
        conn, notifications, _NOTIFICATION_COLUMNS, map(rows, batch.notifications), ready=True
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
    "first_status",
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

    A notification whose statement carries its recipient (the guarantor is in
    ``batch.recipients``) is stored without its content and context (``''``): they are
    rendered when it is read (:mod:`rulesengine.queue.batch_content`), so the run renders
    only one of each message and channel, as a check. Any other (a batch built without its
    recipients) keeps them rendered; a statement's notifications come one after another and
    share one context mapping, which is encoded once per statement.

    A batch repeats few distinct values in some columns (the schedule instants, the
    backoff), so their conversions are remembered.
    """

    def __init__(self, conn: Connection, batch: BatchResult, now: dt.datetime) -> None:
        self.batch = batch
        # Rows in the driver's form: instants and flags as the columns bind them.
        instant = Processed(notifications.c.scheduled_at, conn.dialect)
        self.now = instant[now]
        self.no = Processed(notifications.c.proof, conn.dialect)[False]
        self.instant = instant
        self.instants: dict[dt.datetime, Any] = {}
        self.backoffs: dict[Any, str] = {}
        self.context: Any = None
        self.context_json = ""
        self.rendered_once: set[tuple[str, str]] = set()

    def _bodies(self, n: NotificationDraft) -> tuple[str, str]:
        """(content_json, context_json): empty when rendered on reading. The first
        notification of each message and channel is rendered all the same (and dropped): a
        template that cannot be rendered stops the run with a
        :class:`~rulesengine.errors.RenderError`, in its transaction, so nothing is written."""
        if n.guarantor_id in self.batch.recipients:
            key = (n.message_id, n.channel)
            if key not in self.rendered_once:
                self.rendered_once.add(key)
                plain(n.content)
            return "", ""
        if n.context is not self.context:
            self.context, self.context_json = n.context, dumps(plain(n.context))
        return dumps_mapping(plain(n.content)), self.context_json

    def __call__(self, n: NotificationDraft) -> tuple[Any, ...]:
        batch = self.batch
        scheduled_at = self.instants.get(n.scheduled_at)
        if scheduled_at is None:
            scheduled_at = self.instants[n.scheduled_at] = self.instant[as_utc(n.scheduled_at)]
        backoff = self.backoffs.get(n.backoff)
        if backoff is None:
            backoff = self.backoffs[n.backoff] = dumps(list(n.backoff))
        content_json, context_json = self._bodies(n)
        return (
            batch.id,
            n.statement_id,
            n.guarantor_id,
            batch.profile_id,
            n.channel,
            n.message_id,
            n.level,
            n.status,
            n.status,
            n.reason,
            n.to,
            scheduled_at,
            content_json,
            f"{n.statement_id}:{n.channel}",
            0,
            scheduled_at if n.status == "scheduled" else None,
            batch.rules_hash,
            self.no,
            self.now,
            self.now,
            context_json,
            n.timezone,
            send_window_text(n.send_window),
            n.max_attempts,
            backoff,
            "batch",
        )


def superseded_detail(batch_id: str) -> str:
    """The history detail of a notification that live batch ``batch_id`` superseded."""
    return f"superseded by batch {batch_id}"


def supersede_earlier(conn: Connection, batch: BatchResult, at: dt.datetime) -> list[int]:
    """Supersede the still-``scheduled`` notifications of the profile's earlier live batches
    whose statement lists an encounter that is on a statement of live batch ``batch``.

    Called inside the live run's transaction, after its statements are written and before
    its own notifications are queued (so the scan sees only earlier batches' backlog: the
    scheduled rows, through their partial index). On-demand notifications and proofs are
    never superseded. Each becomes ``superseded`` with ``superseded_by = batch.id`` and a
    history entry naming the batch; its schedule is kept, so deleting the batch can put it
    back as it was. The rows are locked first (``FOR UPDATE``: a worker claiming one right
    now finishes its claim, and the row, then ``sending``, is left alone). Returns the ids,
    ascending.
    """
    batch_id = batch.id
    n = notifications.c
    waiting: dict[str, list[int]] = {}
    query = (
        select(n.id, n.statement_id)
        .where(
            IS_SCHEDULED,
            n.kind == "batch",
            n.profile_id == batch.profile_id,
            n.batch_id != batch_id,
        )
        .order_by(n.id)
        .with_for_update()
    )
    for nid, sid in conn.execute(query):
        waiting.setdefault(sid, []).append(nid)
    if not waiting:
        return []
    billed_now = {line.encounter_id for s in batch.statements for line in s.lines}
    s = statements.c
    superseding: set[str] = set()
    wanted = sorted(waiting)
    for start in range(0, len(wanted), _IN_CHUNK):
        query = select(s.id, s.lines_json).where(s.id.in_(wanted[start : start + _IN_CHUNK]))
        for sid, lines in conn.execute(query):
            if any(line[0] in billed_now for line in json.loads(lines)):
                superseding.add(sid)
    ids = sorted(nid for sid in superseding for nid in waiting[sid])
    at_utc = as_utc(at)
    detail = superseded_detail(batch_id)
    h = notification_history.c
    for start in range(0, len(ids), _IN_CHUNK):
        chunk = ids[start : start + _IN_CHUNK]
        conn.execute(
            notification_history.insert().from_select(
                [
                    h.notification_id,
                    h.at,
                    h.old_status,
                    h.new_status,
                    h.message_id,
                    h.level,
                    h.rules_hash,
                    h.attempt,
                    h.detail,
                ],
                select(
                    n.id,
                    literal(at_utc, h.at.type),
                    n.status,
                    literal("superseded", h.new_status.type),
                    n.message_id,
                    n.level,
                    n.rules_hash,
                    n.attempt,
                    literal(detail, h.detail.type),
                )
                .where(n.id.in_(chunk))
                .order_by(n.id),
            )
        )
        result = conn.execute(
            update(notifications)
            .where(n.id.in_(chunk), n.status == "scheduled")
            .values(status="superseded", superseded_by=batch_id, updated_at=at_utc)
        )
        if result.rowcount != len(chunk):  # the rows are locked: cannot happen
            raise RuntimeError(f"supersede_earlier: {result.rowcount} of {len(chunk)} updated")
    return ids
