"""Logging in and out, on a page and through the API.

A login is checked by :func:`rulesengine.store.user_accounts.login_user` (the same time for
an unknown name as for a wrong password). A failure is slowed by the
:class:`~rulesengine.web.sessions.LoginThrottle` and logged at WARNING with the name tried
and the client's address, never the password. A success starts a new session (a new CSRF
token; nothing of the anonymous session survives) and goes to the page the visitor asked
for, if it is a page of the dashboard.
"""

from __future__ import annotations

import asyncio
import json
import logging
from typing import Any

from starlette.concurrency import run_in_threadpool
from starlette.requests import Request
from starlette.responses import JSONResponse, RedirectResponse, Response
from starlette.routing import Route

from rulesengine.web.sessions import Session

__all__ = ["ROUTES"]

_log = logging.getLogger(__name__)
_MAX_FIELD = 1100  # a password is at most 1024 characters


def _safe_next(target: object) -> str:
    """``target`` when it is a path of this dashboard, else the home page: never another
    host (``//evil``, ``/\\evil``, ``https://...``)."""
    if (
        isinstance(target, str)
        and target.startswith("/")
        and not target.startswith(("//", "/\\"))
        and len(target) < 2000
        and all(32 < ord(c) < 127 for c in target)
        and not target.startswith("/login")
    ):
        return target
    return "/"


def _client(request: Request) -> str:
    return request.client.host if request.client else "unknown"


async def _check(request: Request, name: str, password: str) -> Any:
    """The user when the login is right, else None; slowed after failures, logged."""
    throttle = request.app.state.login_throttle
    client = "address " + _client(request)
    wait = throttle.delay("name " + name, client)
    if wait:
        await asyncio.sleep(wait)
    user = await run_in_threadpool(request.app.state.users.login, name, password)
    if user is None:
        throttle.failed("name " + name, client)
        _log.warning("failed dashboard login for user name %r from %s", name[:64], _client(request))
        return None
    throttle.succeeded("name " + name)
    _log.info("dashboard login: %s from %s", user.name, _client(request))
    return user


async def _login_page(request: Request) -> Response:
    session = Session(request.session)
    templates = request.app.state.templates
    if request.method == "GET":
        return templates.TemplateResponse(
            request,
            "login.html",
            {
                "user": None,
                "flashes": session.take_flashes(),
                "csrf_token": session.csrf_token(),
                "next": _safe_next(request.query_params.get("next")),
                "error": None,
            },
        )
    try:
        form = await request.form(max_files=0, max_fields=10, max_part_size=_MAX_FIELD)
    except Exception:
        return Response("the login form could not be read", status_code=400)
    next_page = _safe_next(form.get("next"))
    name, password = form.get("name"), form.get("password")

    def again(message: str, status_code: int) -> Response:
        return templates.TemplateResponse(
            request,
            "login.html",
            {
                "user": None,
                "flashes": [],
                "csrf_token": session.csrf_token(),
                "next": next_page,
                "error": message,
                "name": name if isinstance(name, str) else "",
            },
            status_code=status_code,
        )

    if not session.csrf_matches(form.get("csrf_token")):
        return again("The login form had expired: try again.", 403)
    if not isinstance(name, str) or not isinstance(password, str) or not name or not password:
        return again("Enter your user name and password.", 400)
    user = await _check(request, name, password)
    if user is None:
        return again("Wrong user name or password.", 401)
    session.log_in(user.name, user.password_changed_at.isoformat())
    return RedirectResponse(next_page, status_code=303)


async def _logout(request: Request) -> Response:
    session = Session(request.session)
    form = await request.form(max_files=0, max_fields=10, max_part_size=1000)
    if session.csrf_matches(form.get("csrf_token")):
        session.log_out()
        session.flash("You are logged out.")
    return RedirectResponse("/login", status_code=303)


async def _api_login(request: Request) -> Response:
    """``POST /api/login`` with ``{"name": ..., "password": ...}``: sets the session cookie
    and answers the CSRF token to send as ``X-CSRF-Token`` with every POST."""
    if request.headers.get("content-type", "").split(";")[0].strip() != "application/json":
        return JSONResponse(
            {"error": "send the login as JSON, with Content-Type: application/json"},
            status_code=400,
        )
    body = await request.body()
    try:
        data = json.loads(body) if len(body) <= 4096 else None
    except ValueError:
        data = None
    name = data.get("name") if isinstance(data, dict) else None
    password = data.get("password") if isinstance(data, dict) else None
    if not isinstance(name, str) or not isinstance(password, str) or not name or not password:
        return JSONResponse(
            {"error": 'send {"name": ..., "password": ...} (at most 4 KiB)'}, status_code=400
        )
    user = await _check(request, name, password)
    if user is None:
        return JSONResponse({"error": "wrong user name or password"}, status_code=401)
    session = Session(request.session)
    session.log_in(user.name, user.password_changed_at.isoformat())
    return JSONResponse({"user": user.name, "role": user.role, "csrf_token": session.csrf_token()})


async def _api_logout(request: Request) -> Response:
    session = Session(request.session)
    if not session.csrf_matches(request.headers.get("x-csrf-token")):
        return JSONResponse({"error": "missing or wrong X-CSRF-Token header"}, status_code=403)
    session.log_out()
    return JSONResponse({"logged_out": True})


ROUTES = [
    Route("/login", _login_page, methods=["GET", "POST"], name="login"),
    Route("/logout", _logout, methods=["POST"], name="logout"),
    Route("/api/login", _api_login, methods=["POST"], name="api_login"),
    Route("/api/logout", _api_logout, methods=["POST"], name="api_logout"),
]
