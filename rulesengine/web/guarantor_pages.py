"""The Guarantor screen: a guarantor's contact and preferences, encounters, statements and
notifications, and the ``explain`` trace of a live batch in plain words.

Guarantors are looked up by id only (``/guarantors?id=`` redirects to their page): names and
addresses never go into a URL. The trace is that of the latest live batch that looked at the
guarantor with a run date on or before the date asked for (the latest of all by default),
as ``rulesengine explain --batch`` gives it.
"""

from __future__ import annotations

import datetime as dt
from typing import Any
from urllib.parse import quote

import attrs
from starlette.responses import Response
from starlette.routing import Route

from rulesengine.errors import InvalidRequest, NotFound
from rulesengine.model import Guarantor
from rulesengine.queue.notification_rows import notification_fields
from rulesengine.statements.explain import explain_stored_batch, render_explanation
from rulesengine.store.guarantor_reads import (
    batch_with_guarantor_by,
    opt_outs_of,
    statements_of_guarantor,
)
from rulesengine.web.visits import Visit, api, screen

__all__ = ["ROUTES"]

#: The longest guarantor id the lookup takes.
_MAX_ID = 200
#: The most statements and notifications a guarantor's page lists (newest first).
_MAX_LISTED = 500


def _checked_id(value: str) -> str:
    value = value.strip()
    if not value:
        raise InvalidRequest("give a guarantor id")
    if len(value) > _MAX_ID or not value.isprintable():
        raise InvalidRequest(f"a guarantor id is at most {_MAX_ID} printable characters")
    return value


def _guarantor_of(visit: Visit) -> Guarantor:
    guarantor_id = _checked_id(str(visit.params["guarantor_id"]))
    guarantor = visit.store.get_guarantor(guarantor_id)
    if guarantor is None:
        raise NotFound(f"no guarantor {guarantor_id!r} in the store")
    return guarantor


def _date_param(visit: Visit) -> dt.date | None:
    text = visit.query.get("date", "").strip()
    if not text:
        return None
    try:
        if len(text) != 10:
            raise ValueError(text)
        return dt.date.fromisoformat(text)
    except ValueError:
        raise InvalidRequest(f"the date {text[:20]!r} is not a date as YYYY-MM-DD") from None


def _explanation(visit: Visit, guarantor_id: str, on: dt.date | None) -> dict[str, Any] | None:
    """The explain structure of the batch to explain by ``on``; None when there is none."""
    batch_id = batch_with_guarantor_by(visit.store, guarantor_id, on)
    if batch_id is None:
        return None
    return explain_stored_batch(visit.store, batch_id, guarantor_id)


def _notifications(visit: Visit, guarantor_id: str) -> list[Any]:
    found = visit.queue.find(guarantor_id=guarantor_id, limit=_MAX_LISTED, with_content=False)
    return list(reversed(found))


@screen("viewer")
def _lookup(visit: Visit) -> Response:
    wanted = visit.query.get("id")
    if wanted is not None:
        return visit.redirect("/guarantors/" + quote(_checked_id(wanted), safe=""))
    return visit.render("guarantor_lookup.html")


@screen("viewer")
def _guarantor(visit: Visit) -> Response:
    guarantor = _guarantor_of(visit)
    on = _date_param(visit)
    explanation = _explanation(visit, guarantor.id, on)
    return visit.render(
        "guarantor.html",
        guarantor=guarantor,
        encounters=visit.store.encounters_of(guarantor.id),
        statements=statements_of_guarantor(visit.store, guarantor.id, limit=_MAX_LISTED),
        notifications=_notifications(visit, guarantor.id),
        opt_outs=opt_outs_of(visit.store, guarantor.id),
        explanation=explanation,
        explanation_text=render_explanation(explanation) if explanation else "",
        date=on.isoformat() if on else (explanation["date"] if explanation else ""),
        asked_date=on.isoformat() if on else "",
    )


def _jsonable(value: Any) -> Any:
    if isinstance(value, dt.date | dt.datetime):
        return value.isoformat()
    if isinstance(value, dict):
        return {k: _jsonable(v) for k, v in value.items()}
    if isinstance(value, list | tuple):
        return [_jsonable(v) for v in value]
    return value


#: A notification's fields in a guarantor's answer.
_NOTIFICATION_FIELDS = (
    "id",
    "kind",
    "batch",
    "statement",
    "profile",
    "channel",
    "message",
    "level",
    "status",
    "reason",
    "scheduled_at",
    "attempt",
    "updated_at",
)


def _notification_json(row: Any) -> dict[str, Any]:
    return notification_fields(row, _NOTIFICATION_FIELDS)


#: The API names a record it points to by the record's name, as every other answer of the
#: API and the command line's ``--json`` do (``guarantor``, not ``guarantor_id``).
_SHORT_KEYS = {
    "batch_id": "batch",
    "encounter_id": "encounter",
    "guarantor_id": "guarantor",
    "message_id": "message",
    "patient_id": "patient",
    "profile_id": "profile",
    "statement_id": "statement",
}


def _short_keys(value: Any) -> Any:
    if isinstance(value, dict):
        return {_SHORT_KEYS.get(key, key): _short_keys(item) for key, item in value.items()}
    if isinstance(value, list):
        return [_short_keys(item) for item in value]
    return value


@api("viewer")
def _api_guarantor(visit: Visit) -> Response:
    guarantor = _guarantor_of(visit)
    return visit.json(
        _short_keys(
            {
                "guarantor": _jsonable(attrs.asdict(guarantor)),
                "opt_outs": [
                    _jsonable(attrs.asdict(o)) for o in opt_outs_of(visit.store, guarantor.id)
                ],
                "encounters": [
                    _jsonable(attrs.asdict(e)) for e in visit.store.encounters_of(guarantor.id)
                ],
                "statements": [
                    _jsonable(attrs.asdict(s))
                    for s in statements_of_guarantor(visit.store, guarantor.id, limit=_MAX_LISTED)
                ],
                "notifications": [
                    _notification_json(row) for row in _notifications(visit, guarantor.id)
                ],
            }
        )
    )


@api("viewer")
def _api_explain(visit: Visit) -> Response:
    guarantor = _guarantor_of(visit)
    on = _date_param(visit)
    explanation = _explanation(visit, guarantor.id, on)
    if explanation is None:
        when = f" on or before {on.isoformat()}" if on else ""
        raise NotFound(f"guarantor {guarantor.id!r} is in no live batch{when}")
    return visit.json(explanation)


ROUTES = [
    Route("/guarantors", _lookup, name="guarantors"),
    Route("/guarantors/{guarantor_id}", _guarantor, name="guarantor"),
    Route("/api/guarantors/{guarantor_id}", _api_guarantor, name="api_guarantor"),
    Route("/api/guarantors/{guarantor_id}/explain", _api_explain, name="api_guarantor_explain"),
]
