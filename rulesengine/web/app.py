"""The dashboard's ASGI application: :func:`create_app` over an open store.

It reads and writes the store through the same functions as the command line (the store,
the :class:`~rulesengine.queue.Queue`, the statement run, ``explain`` and ``diff``); the
routes only turn requests into those calls and their answers into pages or JSON
(docs/dashboard.md).
"""

from __future__ import annotations

import datetime as dt
import logging
from collections.abc import AsyncIterator
from contextlib import asynccontextmanager
from typing import Any
from urllib.parse import quote

import jinja2
from starlette.applications import Starlette
from starlette.exceptions import HTTPException
from starlette.middleware import Middleware
from starlette.middleware.sessions import SessionMiddleware
from starlette.requests import Request
from starlette.responses import JSONResponse, Response
from starlette.routing import Mount
from starlette.staticfiles import StaticFiles
from starlette.templating import Jinja2Templates

from rulesengine.model import format_money
from rulesengine.store.sql_store import SQLStore
from rulesengine.store.user_accounts import end_sessions, get_user, login_user
from rulesengine.web.routes import all_routes
from rulesengine.web.security_headers import SecurityHeaders
from rulesengine.web.sessions import IDLE, LoginThrottle, session_key
from rulesengine.web.visits import error_page

__all__ = ["SESSION_COOKIE", "create_app"]

_log = logging.getLogger(__name__)

#: The session cookie's name.
SESSION_COOKIE = "rulesengine_session"


class _Users:
    """The store's users, as the sessions need them."""

    def __init__(self, store: SQLStore) -> None:
        self._store = store

    def login(self, name: str, password: str) -> Any:
        return login_user(self._store, name, password)

    def get(self, name: str) -> Any:
        try:
            return get_user(self._store, name)
        except Exception:  # removed meanwhile, or a bad name in an old cookie
            return None

    def session_version(self, name: str) -> str | None:
        """The user's session version (a new password or a logout changes it), or None
        for a user who is not there any more."""
        user = self.get(name)
        return user.session_version if user is not None else None

    def end_sessions(self, name: str) -> None:
        end_sessions(self._store, name)


def _templates() -> Jinja2Templates:
    environment = jinja2.Environment(
        loader=jinja2.PackageLoader("rulesengine.web", "templates"),
        autoescape=True,
        undefined=jinja2.StrictUndefined,
        trim_blocks=True,
        lstrip_blocks=True,
    )
    environment.filters["money"] = format_money
    environment.filters["instant"] = _instant
    environment.filters["id_path"] = _id_path
    return Jinja2Templates(env=environment)


def _id_path(value: object) -> str:
    """An id as one segment of a path: every character but letters, digits and ``-._~``
    escaped, so ``G4?x=1#frag`` stays the id it is. An id no path segment can carry (one
    with ``/``, which the server decodes before routing, or ``.`` and ``..``, which
    browsers resolve) links to a page that does not exist, never to another record."""
    text = str(value)
    if "/" in text or "\\" in text or text in (".", ".."):
        return "unlinkable-id"
    return quote(text, safe="")


def _instant(value: object) -> str:
    """An instant as ``2026-12-06 15:04:05 UTC`` (None as an empty cell)."""
    if value is None:
        return ""
    if isinstance(value, dt.datetime):
        if value.tzinfo is not None:
            value = value.astimezone(dt.UTC)
        return value.strftime("%Y-%m-%d %H:%M:%S UTC")
    return str(value)


async def _not_found(request: Request, exc: Exception) -> Response:
    status = exc.status_code if isinstance(exc, HTTPException) else 404
    message = "There is no such page." if status == 404 else "This request is not allowed."
    if request.url.path.startswith("/api/"):
        return JSONResponse({"error": message}, status_code=status)
    return error_page(request, status, message)


async def _server_error(request: Request, exc: Exception) -> Response:
    _log.error("dashboard error on %s %s", request.method, request.url.path, exc_info=exc)
    message = "Something went wrong on the server; it has been logged."
    if request.url.path.startswith("/api/"):
        return JSONResponse({"error": message}, status_code=500)
    return error_page(request, 500, message)


def create_app(store: SQLStore, *, secure_cookies: bool = False, queue: Any = None) -> Starlette:
    """The dashboard over ``store`` (left open: the caller closes it).

    ``secure_cookies``: the session cookie is sent over HTTPS only (the dashboard is behind
    TLS). ``queue``: the :class:`~rulesengine.queue.Queue` to act through (by default one
    over ``store`` with the installed channels), closed when the app shuts down.
    """
    from rulesengine.queue import Queue

    own_queue = queue is None
    the_queue = Queue(store) if queue is None else queue

    @asynccontextmanager
    async def lifespan(app: Starlette) -> AsyncIterator[None]:
        try:
            yield
        finally:
            if own_queue:
                the_queue.close()

    app = Starlette(
        routes=[
            *all_routes(),
            Mount("/static", StaticFiles(packages=[("rulesengine.web", "static")]), name="static"),
        ],
        middleware=[
            Middleware(SecurityHeaders),
            Middleware(
                SessionMiddleware,
                secret_key=session_key(store.secret()),
                session_cookie=SESSION_COOKIE,
                max_age=IDLE,
                same_site="strict",
                https_only=secure_cookies,
            ),
        ],
        exception_handlers={404: _not_found, 405: _not_found, 500: _server_error},
        lifespan=lifespan,
    )
    app.state.store = store
    app.state.queue = the_queue
    app.state.users = _Users(store)
    app.state.templates = _templates()
    app.state.login_throttle = LoginThrottle()
    app.state.secure_cookies = secure_cookies
    # The stand-in hash an unknown name is checked against is made now, so that the first
    # such login takes no longer than a wrong password does.
    login_user(store, "", "")
    return app
