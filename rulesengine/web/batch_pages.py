"""The Batches screen: every batch of every profile, newest first, with its counts; a
batch's page with its statements, its worklist additions and "Why did a Statement not
Batch?" (its skips, each with the sentence ``rulesengine explain`` gives for it).

The counts come from one grouped query per kind for all the batches of a page
(:mod:`rulesengine.store.batch_reads`, :mod:`rulesengine.queue.notification_counts`), and
what a batch produced is kept once read (it never changes);
a batch's lists are keyset pages on their ``seq``, so a batch of 250,000 statements shows
its first hundred and a link to the next.
"""

from __future__ import annotations

import datetime as dt
import threading
from collections import OrderedDict
from collections.abc import Sequence
from typing import Any

import attrs
from starlette.responses import Response
from starlette.routing import Route

from rulesengine.errors import InvalidRequest, NotFound
from rulesengine.queue.notification_counts import notification_counts
from rulesengine.store import batch_reads
from rulesengine.store.batch_reads import BatchHead
from rulesengine.web.visits import Visit, api, screen

__all__ = ["ROUTES", "page_after", "text_param"]

#: Batches per page of the list; rows per page of a batch's lists.
_BATCHES_PER_PAGE = 50
_ROWS_PER_PAGE = 100
_MAX_ID = 200


def text_param(visit: Visit, name: str) -> str | None:
    """A query parameter that is an id (None when absent or empty); refused when longer
    than 200 characters."""
    value = visit.query.get(name) or None
    if value is not None and len(value) > _MAX_ID:
        raise InvalidRequest(f"the parameter {name!r} is longer than {_MAX_ID} characters")
    return value


def page_after(visit: Visit, name: str) -> int:
    """A keyset position (a ``seq``) from the query, -1 (the start) when absent."""
    value = visit.query.get(name)
    if not value:
        return -1
    if not value.isdigit() or len(value) > 9:
        raise InvalidRequest(f"the parameter {name!r} must be a whole number")
    return int(value)


@attrs.frozen
class _BatchCounts:
    """A batch's row of the list: the batch and what it produced."""

    head: BatchHead
    statements_by_level: dict[int, int]
    pre_collections: int
    skips_by_reason: dict[str, int]
    notifications: dict[str, dict[str, int]]

    @property
    def statements(self) -> int:
        return sum(self.statements_by_level.values())

    @property
    def skips(self) -> int:
        return sum(self.skips_by_reason.values())

    @property
    def notification_total(self) -> int:
        return sum(sum(by_status.values()) for by_status in self.notifications.values())

    def as_json(self) -> dict[str, Any]:
        head = self.head
        return {
            "id": head.id,
            "profile": head.profile_id,
            "run_date": head.run_date.isoformat(),
            "mode": head.mode,
            "rules_hash": head.rules_hash,
            "created_at": head.created_at.isoformat() if head.created_at else None,
            "statements": self.statements,
            "statements_by_level": {str(k): v for k, v in self.statements_by_level.items()},
            "pre_collections": self.pre_collections,
            "skips": self.skips,
            "skips_by_reason": self.skips_by_reason,
            "notifications": self.notification_total,
            "notifications_by_channel": self.notifications,
        }


_Produced = tuple[dict[int, int], int, dict[str, int]]


class _ProducedCounts:
    """What each batch produced (statements by level, worklist additions, skips by reason),
    kept once read: a stored batch never changes them. Keyed by the batch's id and when it
    was run, so a batch deleted and run again is read afresh. Bounded; shared by the
    app's threads. (Notifications change, and are counted on every request.)"""

    _SIZE = 4096

    def __init__(self) -> None:
        self._lock = threading.Lock()
        self._kept: OrderedDict[tuple[str, dt.datetime | None], _Produced] = OrderedDict()

    def of(self, conn: Any, heads: Sequence[BatchHead]) -> dict[str, _Produced]:
        found: dict[str, _Produced] = {}
        with self._lock:
            for head in heads:
                kept = self._kept.get((head.id, head.created_at))
                if kept is not None:
                    found[head.id] = kept
        missing = [head for head in heads if head.id not in found]
        if not missing:
            return found
        ids = [head.id for head in missing]
        levels = batch_reads.statement_levels(conn, ids)
        pre = batch_reads.pre_collection_counts(conn, ids)
        skips = batch_reads.skip_reasons(conn, ids)
        with self._lock:
            for head in missing:
                counts = (levels.get(head.id, {}), pre.get(head.id, 0), skips.get(head.id, {}))
                found[head.id] = self._kept[head.id, head.created_at] = counts
            while len(self._kept) > self._SIZE:
                self._kept.popitem(last=False)
        return found


def _produced_counts(visit: Visit) -> _ProducedCounts:
    state = visit.app_state
    kept = getattr(state, "batch_produced_counts", None)
    if kept is None:
        kept = state.batch_produced_counts = _ProducedCounts()
    return kept


def _with_counts(visit: Visit, conn: Any, heads: Sequence[BatchHead]) -> list[_BatchCounts]:
    produced = _produced_counts(visit).of(conn, heads)
    notes = notification_counts(conn, [head.id for head in heads])
    return [_BatchCounts(head, *produced[head.id], notes.get(head.id, {})) for head in heads]


def _batch_page(visit: Visit) -> tuple[list[_BatchCounts], str | None, str | None]:
    """The list's batches (newest first), its profile filter and the next page's key."""
    profile = text_param(visit, "profile")
    before_id = text_param(visit, "before")
    with visit.store.reading() as conn:
        before: tuple[dt.datetime, str] | None = None
        if before_id is not None:
            anchor = batch_reads.batch_head(conn, before_id)
            if anchor is None or anchor.created_at is None:
                raise NotFound(f"no batch {before_id!r} in the store")
            before = (anchor.created_at, anchor.id)
        heads = batch_reads.batch_heads(
            conn, profile_id=profile, before=before, limit=_BATCHES_PER_PAGE + 1
        )
        more = len(heads) > _BATCHES_PER_PAGE
        heads = heads[:_BATCHES_PER_PAGE]
        rows = _with_counts(visit, conn, heads)
    return rows, profile, (heads[-1].id if more else None)


@screen("viewer")
def _batch_list(visit: Visit) -> Response:
    rows, profile, next_before = _batch_page(visit)
    return visit.render(
        "batches.html", batches=rows, profile=profile or "", next_before=next_before
    )


@api("viewer")
def _api_batch_list(visit: Visit) -> Response:
    rows, _profile, next_before = _batch_page(visit)
    return visit.json({"batches": [row.as_json() for row in rows], "next_before": next_before})


def _batch_detail(visit: Visit) -> dict[str, Any]:
    batch_id = str(visit.params["batch_id"])
    if len(batch_id) > _MAX_ID:
        raise NotFound("no such batch")
    positions = {
        name: page_after(visit, name)
        for name in ("statements_after", "worklist_after", "skips_after")
    }
    with visit.store.reading() as conn:
        head = batch_reads.batch_head(conn, batch_id)
        if head is None:
            raise NotFound(f"no batch {batch_id!r} in the store")
        [counts] = _with_counts(visit, conn, [head])
        statements = batch_reads.batch_statements_page(
            conn, batch_id, after_seq=positions["statements_after"], limit=_ROWS_PER_PAGE + 1
        )
        worklist = batch_reads.batch_pre_collections_page(
            conn, batch_id, after_seq=positions["worklist_after"], limit=_ROWS_PER_PAGE + 1
        )
        skips = batch_reads.batch_skips_page(
            conn, batch_id, after_seq=positions["skips_after"], limit=_ROWS_PER_PAGE + 1
        )

    def page(rows: list[Any]) -> tuple[list[Any], int | None]:
        if len(rows) > _ROWS_PER_PAGE:
            return rows[:_ROWS_PER_PAGE], rows[_ROWS_PER_PAGE - 1].seq
        return rows, None

    statements, statements_next = page(statements)
    worklist, worklist_next = page(worklist)
    skips, skips_next = page(skips)
    return {
        "batch": counts,
        "statements": statements,
        "statements_next": statements_next,
        "worklist": worklist,
        "worklist_next": worklist_next,
        "skips": skips,
        "skips_next": skips_next,
        "positions": positions,
    }


@screen("viewer")
def _batch(visit: Visit) -> Response:
    return visit.render("batch.html", **_batch_detail(visit))


@api("viewer")
def _api_batch(visit: Visit) -> Response:
    detail = _batch_detail(visit)
    return visit.json(
        {
            "batch": detail["batch"].as_json(),
            "statements": [
                {
                    "seq": s.seq,
                    "id": s.id,
                    "guarantor": s.guarantor_id,
                    "level": s.level,
                    "message": s.message_id,
                    "channels": list(s.channels),
                    "total_cents": s.total_cents,
                    "due_date": s.due_date.isoformat(),
                }
                for s in detail["statements"]
            ],
            "statements_next_after": detail["statements_next"],
            "pre_collections": [
                {"seq": w.seq, "encounter": w.encounter_id, "guarantor": w.guarantor_id}
                for w in detail["worklist"]
            ],
            "pre_collections_next_after": detail["worklist_next"],
            "skips": [
                {
                    "seq": k.seq,
                    "encounter": k.encounter_id,
                    "guarantor": k.guarantor_id,
                    "reason": k.reason,
                    "detail": k.detail,
                }
                for k in detail["skips"]
            ],
            "skips_next_after": detail["skips_next"],
        }
    )


ROUTES = [
    Route("/batches", _batch_list, name="batches"),
    Route("/batches/{batch_id}", _batch, name="batch"),
    Route("/api/batches", _api_batch_list, name="api_batches"),
    Route("/api/batches/{batch_id}", _api_batch, name="api_batch"),
]
