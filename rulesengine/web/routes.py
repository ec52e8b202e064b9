"""Every route of the dashboard: each screen's module lists its own (``ROUTES``: pages and
their ``/api`` twins); this gathers them, with the home page."""

from __future__ import annotations

from starlette.requests import Request
from starlette.responses import RedirectResponse, Response
from starlette.routing import BaseRoute, Route

from rulesengine.web import (
    batch_pages,
    guarantor_pages,
    login_pages,
    queue_pages,
    rules_pages,
    staff_action_pages,
    statement_pages,
    test_batch_pages,
    user_pages,
    worklist_pages,
)

__all__ = ["all_routes"]


async def _home(request: Request) -> Response:
    return RedirectResponse("/batches", status_code=303)


def all_routes() -> list[BaseRoute]:
    """The routes of every screen, the API's and the login's."""
    return [
        Route("/", _home, name="home"),
        *login_pages.ROUTES,
        *batch_pages.ROUTES,
        *user_pages.ROUTES,
        *test_batch_pages.ROUTES,
        *statement_pages.ROUTES,
        *rules_pages.ROUTES,
        *worklist_pages.ROUTES,
        *guarantor_pages.ROUTES,
        *queue_pages.ROUTES,
        *staff_action_pages.ROUTES,
    ]
