"""The Notification queue screen: the queue with the seeds' filters, newest first a page at a
time, and a notification's page with every field and its status history; their ``/api``
twins. Everything is read through :meth:`rulesengine.queue.Queue.find`, ``get`` and
``history``, as ``rulesengine queue`` reads it."""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any
from urllib.parse import quote, urlencode

from starlette.responses import Response
from starlette.routing import Route

from rulesengine.errors import InvalidRequest
from rulesengine.model import NEEDS_STAFF_STATUSES, NOTIFICATION_KINDS, NOTIFICATION_STATUSES
from rulesengine.queue.notification_rows import history_fields, notification_fields
from rulesengine.queue.staff import ACTIONS
from rulesengine.web.visits import Visit, api, screen

__all__ = [
    "FILTERS",
    "PAGE_SIZE",
    "ROUTES",
    "TEXT_MAX",
    "path_part",
]

#: A page of the queue screen; the API's ``limit`` may go up to :data:`_API_MAX`.
PAGE_SIZE = 50
_API_MAX = 200
#: The longest filter value or id the dashboard takes.
TEXT_MAX = 200
#: The query parameters of the queue (screen and API) -> the keyword of ``Queue.find``.
FILTERS = {
    "profile": "profile_id",
    "batch": "batch_id",
    "status": "status",
    "channel": "channel",
    "guarantor": "guarantor_id",
    "kind": "kind",
}
#: The status filter "Manage errors" uses (error and unknown).
_ERRORS = "errors"
_ID_MAX = 2**63 - 1


def path_part(value: str) -> str:
    """An id as one segment of a dashboard path (``/`` and every other reserved character
    escaped)."""
    return quote(value, safe="")


# --- reading the filters ------------------------------------------------------------------


def _text(visit: Visit, name: str) -> str:
    value = visit.query.get(name, "").strip()
    if len(value) > TEXT_MAX:
        raise InvalidRequest(f"{name} is at most {TEXT_MAX} characters")
    return value


def _after(visit: Visit) -> int | None:
    text = visit.query.get("after", "").strip()
    if not text:
        return None
    if not text.isdigit() or not 1 <= int(text) <= _ID_MAX:
        raise InvalidRequest(f"after must be a notification id (a whole number), not {text!r}")
    return int(text)


def _filters(visit: Visit) -> dict[str, str]:
    """The filters asked for (only those given), checked."""
    given = {name: _text(visit, name) for name in FILTERS}
    given = {name: value for name, value in given.items() if value}
    status = given.get("status")
    if status is not None and status != _ERRORS and status not in NOTIFICATION_STATUSES:
        raise InvalidRequest(
            f"unknown status {status!r}; the statuses are {_ERRORS} (error and unknown), "
            + ", ".join(NOTIFICATION_STATUSES)
        )
    kind = given.get("kind")
    if kind is not None and kind not in NOTIFICATION_KINDS:
        raise InvalidRequest(
            f"unknown kind {kind!r}; the kinds are {', '.join(NOTIFICATION_KINDS)}"
        )
    return given


def _page(
    visit: Visit, filters: Mapping[str, str], limit: int, *, with_content: bool
) -> tuple[list[Any], int | None]:
    """A page of the queue, newest first, and the ``after`` of the next page (None: last);
    ``with_content``: each with its content and context (rendered when stored without)."""
    arguments: dict[str, Any] = {FILTERS[name]: value for name, value in filters.items()}
    if filters.get("status") == _ERRORS:
        arguments["status"] = NEEDS_STAFF_STATUSES
    rows = visit.queue.find(
        **arguments,
        newest_first=True,
        after=_after(visit),
        limit=limit + 1,
        with_content=with_content,
    )
    if len(rows) > limit:
        return rows[:limit], rows[limit - 1].id
    return rows, None


# --- the screen ---------------------------------------------------------------------------


def _row_view(row: Any) -> dict[str, Any]:
    return {
        "row": row,
        "href": f"/notifications/{row.id}",
        "guarantor_href": f"/guarantors/{path_part(row.guarantor_id)}",
        "batch_href": f"/batches/{path_part(row.batch_id)}" if row.batch_id else None,
    }


@screen("viewer")
def _queue_list(visit: Visit) -> Response:
    filters = _filters(visit)
    rows, next_after = _page(visit, filters, PAGE_SIZE, with_content=False)
    next_href = None
    if next_after is not None:
        next_href = "/notifications?" + urlencode({**filters, "after": next_after})
    first_href = None
    if visit.query.get("after"):
        first_href = "/notifications" + ("?" + urlencode(filters) if filters else "")
    title = "Manage errors" if filters == {"status": _ERRORS} else "Notifications"
    return visit.render(
        "notifications.html",
        title=title,
        manage_errors=filters.get("status") == _ERRORS,
        rows=[_row_view(row) for row in rows],
        filters={name: filters.get(name, "") for name in FILTERS},
        statuses=NOTIFICATION_STATUSES,
        kinds=NOTIFICATION_KINDS,
        channels=visit.queue.channels.names(),
        next_href=next_href,
        first_href=first_href,
        page_size=PAGE_SIZE,
    )


def _notification_id(visit: Visit) -> int:
    nid = int(visit.params["id"])
    if not 1 <= nid <= _ID_MAX:
        raise InvalidRequest(f"{nid} is not a notification id")
    return nid


@screen("viewer")
def _notification(visit: Visit) -> Response:
    row = visit.queue.get(_notification_id(visit))
    entries = visit.queue.history(row.id)
    actions = [
        {"name": name, "label": label, "href": f"/notifications/{row.id}/{name}"}
        for name, label, action in (
            ("retry", "Retry", ACTIONS["retry"]),
            ("cancel", "Cancel", ACTIONS["cancel"]),
            ("resolve", "Resolve", ACTIONS["resolve-sent"]),
        )
        if row.status in action.allowed
    ]
    guarantor = path_part(row.guarantor_id)
    return visit.render(
        "notification.html",
        row=row,
        history=entries,
        actions=actions,
        content=[(key, str(value)) for key, value in row.content.items()],
        context_json=_pretty(row.context),
        guarantor_href=f"/guarantors/{guarantor}",
        batch_href=f"/batches/{path_part(row.batch_id)}" if row.batch_id else None,
        opt_out_href=f"/guarantors/{guarantor}/opt-out?channel={quote(row.channel, safe='')}",
        notify_href=f"/guarantors/{guarantor}/notify",
        queue_href="/notifications?" + urlencode({"guarantor": row.guarantor_id}),
    )


def _pretty(value: Any) -> str:
    import json

    return json.dumps(value, indent=2, ensure_ascii=False, sort_keys=True)


# --- the API ------------------------------------------------------------------------------


def _limit(visit: Visit) -> int:
    text = visit.query.get("limit", "").strip()
    if not text:
        return PAGE_SIZE
    if not text.isdigit() or not 1 <= int(text) <= _API_MAX:
        raise InvalidRequest(f"limit is a whole number from 1 to {_API_MAX}, not {text!r}")
    return int(text)


@api("viewer")
def _api_queue_list(visit: Visit) -> Response:
    rows, next_after = _page(visit, _filters(visit), _limit(visit), with_content=True)
    return visit.json(
        {"notifications": [notification_fields(row) for row in rows], "next_after": next_after}
    )


@api("viewer")
def _api_notification(visit: Visit) -> Response:
    row = visit.queue.get(_notification_id(visit))
    return visit.json(
        {**notification_fields(row), "history": history_fields(visit.queue.history(row.id))}
    )


ROUTES = [
    Route("/notifications", _queue_list, name="notifications"),
    Route("/notifications/{id:int}", _notification, name="notification"),
    Route("/api/notifications", _api_queue_list, name="api_notifications"),
    Route("/api/notifications/{id:int}", _api_notification, name="api_notification"),
]
