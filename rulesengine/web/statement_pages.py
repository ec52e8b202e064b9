"""The Statement screen: a stored statement's lines, total, level, message, channels and
notifications, and its letter as the print channel renders it (Print/View Statements),
shown in the page and downloadable as a PDF.

The letter comes from :func:`rulesengine.queue.statement_letters.statement_letter`: the
statement's own queued notification (or one drafted as the batch would have), rendered by
the installed channel's ``preview``. Nothing is written: each request renders it afresh.
"""

from __future__ import annotations

from typing import Any

from starlette.responses import Response
from starlette.routing import Route

from rulesengine.errors import NotFound
from rulesengine.queue.notification_counts import statement_notifications
from rulesengine.queue.statement_letters import NoPreview, letter_source, statement_letter
from rulesengine.store.batch_reads import StoredStatement, stored_statement
from rulesengine.web.visits import Visit, api, screen

__all__ = ["ROUTES"]

_MAX_ID = 200


def _statement(visit: Visit) -> tuple[StoredStatement, list[Any]]:
    statement_id = str(visit.params["statement_id"])
    if len(statement_id) > _MAX_ID:
        raise NotFound("no such statement")
    with visit.store.reading() as conn:
        found = stored_statement(conn, statement_id)
        if found is None:
            raise NotFound(f"no statement {statement_id!r} in the store")
        notes = statement_notifications(conn, statement_id)
    return found, notes


@screen("viewer")
def _statement_page(visit: Visit) -> Response:
    found, notes = _statement(visit)
    try:
        source = letter_source(visit.store, visit.queue.channels, found.statement.id)
        letter_problem = None
        letter_queued = source.notification_id is not None
    except NoPreview as problem:
        letter_problem, letter_queued = str(problem), False
    return visit.render(
        "statement.html",
        found=found,
        statement=found.statement,
        notifications=notes,
        letter_problem=letter_problem,
        letter_queued=letter_queued,
    )


@screen("viewer")
def _letter(visit: Visit) -> Response:
    statement_id = str(visit.params["statement_id"])
    if len(statement_id) > _MAX_ID:
        raise NotFound("no such statement")
    try:
        letter = statement_letter(visit.store, visit.queue.channels, statement_id)
    except NoPreview as problem:
        raise NotFound(str(problem)) from None
    disposition = "attachment" if visit.query.get("download") == "1" else "inline"
    # The statement id is the only part of the name; it is an id, not patient data.
    safe = "".join(c if c.isalnum() or c in "-_." else "_" for c in statement_id)
    return Response(
        letter.data,
        media_type=letter.media_type,
        headers={"Content-Disposition": f'{disposition}; filename="statement-{safe}.pdf"'},
    )


@api("viewer")
def _api_statement(visit: Visit) -> Response:
    found, notes = _statement(visit)
    s = found.statement
    return visit.json(
        {
            "id": s.id,
            "batch": found.batch.id,
            "profile": found.batch.profile_id,
            "run_date": found.batch.run_date.isoformat(),
            "guarantor": s.guarantor_id,
            "patient": s.patient_id,
            "level": s.level,
            "message": s.message_id,
            "channels": list(s.channels),
            "total_cents": s.total_cents,
            "due_date": s.due_date.isoformat(),
            "lines": [
                {
                    "encounter": line.encounter_id,
                    "patient": line.patient_id,
                    "service_date": line.service_date.isoformat(),
                    "balance_cents": line.balance_cents,
                    "level": line.level,
                    "rider": line.rider,
                }
                for line in s.lines
            ],
            "notifications": [
                {
                    "id": n.id,
                    "channel": n.channel,
                    "message": n.message_id,
                    "status": n.status,
                    "reason": n.reason,
                    "scheduled_at": n.scheduled_at.isoformat(),
                }
                for n in notes
            ],
            "letter": f"/statements/{s.id}/letter.pdf",
        }
    )


ROUTES = [
    Route("/statements/{statement_id}", _statement_page, name="statement"),
    Route("/statements/{statement_id}/letter.pdf", _letter, name="statement_letter"),
    Route("/api/statements/{statement_id}", _api_statement, name="api_statement"),
]
