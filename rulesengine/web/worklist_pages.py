"""The Pre-collections worklist screen: the encounters that exhausted their dunning levels
(what ``rulesengine worklist`` lists), their totals per profile, and a CSV export.

The page shows at most :data:`_PAGE` entries in encounter-id order and links to the next
ones (keyset pagination: as fast on the thousandth page as on the first); the totals are
counted in the database, and the CSV streams every entry, a page at a time.
"""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

from starlette.responses import Response, StreamingResponse
from starlette.routing import Route

from rulesengine.csv_output import csv_chunks
from rulesengine.errors import InvalidRequest
from rulesengine.store.base import WorklistEntry
from rulesengine.store.worklist_reads import (
    WorklistTotal,
    batch_profiles,
    worklist_page,
    worklist_totals,
)
from rulesengine.web.visits import Visit, api, screen

__all__ = ["COLUMNS", "ROUTES"]

#: Entries per page (and the most ``/api/worklist`` answers at once).
_PAGE = 500
#: Entries per store read while the CSV streams.
_CSV_PAGE = 2000
#: The longest id a filter takes (profile, encounter).
_MAX_ID = 200

#: The CSV's columns: the keys of ``rulesengine worklist --json``, with the service date.
COLUMNS = (
    "encounter",
    "guarantor",
    "name",
    "patient",
    "service_date",
    "balance",
    "level",
    "statements_sent",
    "last_statement",
    "batch",
    "since",
)


def _id_param(visit: Visit, name: str) -> str | None:
    value = visit.query.get(name, "").strip()
    if len(value) > _MAX_ID:
        raise InvalidRequest(f"{name} is longer than {_MAX_ID} characters")
    return value or None


def _limit(visit: Visit) -> int:
    text = visit.query.get("limit", "")
    if not text:
        return _PAGE
    if not text.isdigit() or not 1 <= int(text) <= _PAGE:
        raise InvalidRequest(f"limit must be a whole number from 1 to {_PAGE}")
    return int(text)


def _name(entry: WorklistEntry) -> str:
    return f"{entry.guarantor.first_name} {entry.guarantor.last_name}".strip()


def _iso(value: Any) -> str | None:
    return value.isoformat() if value is not None else None


def _entry_json(entry: WorklistEntry) -> dict[str, Any]:
    """An entry as ``rulesengine worklist --json`` gives it, with its service date and its
    balance in cents."""
    enc = entry.encounter
    return {
        "encounter": enc.id,
        "guarantor": entry.guarantor.id,
        "name": _name(entry),
        "patient": enc.patient_id,
        "service_date": enc.service_date.isoformat(),
        "balance": enc.balance_cents / 100,
        "balance_cents": enc.balance_cents,
        "level": enc.level,
        "statements_sent": enc.statements_sent,
        "last_statement": _iso(enc.last_statement),
        "batch": entry.batch_id,
        "since": _iso(entry.since),
    }


def _csv_row(entry: WorklistEntry) -> dict[str, object]:
    # Plain decimals ("2500.00"), no thousands separator: a spreadsheet in any locale reads
    # them as numbers.
    cents = entry.encounter.balance_cents
    sign = "-" if cents < 0 else ""
    return {**_entry_json(entry), "balance": f"{sign}{abs(cents) // 100}.{abs(cents) % 100:02d}"}


def _totals_json(totals: list[WorklistTotal]) -> dict[str, Any]:
    return {
        "count": sum(t.count for t in totals),
        "balance_cents": sum(t.balance_cents for t in totals),
        "by_profile": [
            {"profile": t.profile, "count": t.count, "balance_cents": t.balance_cents}
            for t in totals
        ],
    }


def _page_of(visit: Visit) -> tuple[str | None, str | None, list[WorklistEntry], str | None]:
    """The filter, the cursor, one page of entries and the cursor of the next page."""
    profile = _id_param(visit, "profile")
    after = _id_param(visit, "after")
    limit = _limit(visit)
    entries = worklist_page(visit.store, profile, after=after, limit=limit + 1)
    more = len(entries) > limit
    entries = entries[:limit]
    return profile, after, entries, entries[-1].encounter.id if more else None


@screen("viewer")
def _worklist(visit: Visit) -> Response:
    profile, after, entries, next_after = _page_of(visit)
    totals = worklist_totals(visit.store, profile)
    profiles = batch_profiles(visit.store)
    if profile is not None and profile not in profiles:
        profiles.append(profile)
    return visit.render(
        "worklist.html",
        entries=entries,
        totals=totals,
        total=_totals_json(totals),
        profile=profile or "",
        profiles=profiles,
        after=after or "",
        next_after=next_after,
        page_size=_PAGE,
    )


def _all_entries(visit: Visit, profile: str | None) -> Iterator[dict[str, object]]:
    after = None
    while True:
        entries = worklist_page(visit.store, profile, after=after, limit=_CSV_PAGE)
        yield from (_csv_row(entry) for entry in entries)
        if len(entries) < _CSV_PAGE:
            return
        after = entries[-1].encounter.id


@screen("viewer")
def _worklist_csv(visit: Visit) -> Response:
    profile = _id_param(visit, "profile")
    return StreamingResponse(
        csv_chunks(COLUMNS, _all_entries(visit, profile)),
        media_type="text/csv; charset=utf-8",
        headers={"Content-Disposition": 'attachment; filename="worklist.csv"'},
    )


@api("viewer")
def _api_worklist(visit: Visit) -> Response:
    profile, after, entries, next_after = _page_of(visit)
    totals = worklist_totals(visit.store, profile)
    return visit.json(
        {
            "profile": profile,
            "entries": [_entry_json(entry) for entry in entries],
            "next_after": next_after,
            "totals": _totals_json(totals),
        }
    )


ROUTES = [
    Route("/worklist", _worklist, name="worklist"),
    Route("/worklist.csv", _worklist_csv, name="worklist_csv"),
    Route("/api/worklist", _api_worklist, name="api_worklist"),
]
