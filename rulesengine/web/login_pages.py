"""Logging in and out, on a page and through the API.

A login is checked by :func:`rulesengine.store.user_accounts.login_user` (the same time for
an unknown name as for a wrong password). A failure is slowed by the
:class:`~rulesengine.web.sessions.LoginThrottle` and logged at WARNING with the name tried
and the client's address, never the password. A success starts a new session (a new CSRF
token; nothing of the anonymous session survives) and goes to the page the visitor asked
for, if it is a page of the dashboard.
"""

from __future__ import annotations

import hmac
import json
import logging
import math
import secrets
from typing import Any
from urllib.parse import urlencode

from starlette.concurrency import run_in_threadpool
from starlette.requests import Request
from starlette.responses import JSONResponse, RedirectResponse, Response
from starlette.routing import Route

from rulesengine.errors import InvalidRequest
from rulesengine.store.user_accounts import check_user_name
from rulesengine.web.sessions import Session
from rulesengine.web.visits import logged_in_user

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


def _shown_name(name: str) -> str:
    """The name tried, for the log: only a valid user name (a password typed into the name
    field must not reach the log)."""
    try:
        return repr(check_user_name(name))
    except InvalidRequest:
        return "(not a valid user name)"


class _Refused:
    """What :func:`_check` answers for an attempt the throttle refuses."""

    def __init__(self, retry_after: float) -> None:
        self.seconds = max(1, math.ceil(retry_after))


async def _check(request: Request, name: str, password: str) -> Any:
    """The user when the login is right, None when it is wrong, or :class:`_Refused` when
    the throttle refuses it now; failures logged."""
    throttle = request.app.state.login_throttle
    keys = ("name " + name[:64], "address " + _client(request))
    retry_after = throttle.begin(*keys)
    if retry_after:
        _log.warning(
            "dashboard login for user name %s from %s refused for %.1f s after failures",
            _shown_name(name),
            _client(request),
            retry_after,
        )
        return _Refused(retry_after)
    user = None
    try:
        user = await run_in_threadpool(request.app.state.users.login, name, password)
    finally:
        throttle.end(*keys, succeeded=user is not None)
    if user is None:
        _log.warning(
            "failed dashboard login for user name %s from %s", _shown_name(name), _client(request)
        )
        return None
    _log.info("dashboard login: %s from %s", user.name, _client(request))
    return user


#: The login form's CSRF token lives in a cookie of its own (HttpOnly, SameSite=Strict, for
#: /login only), so that the login page never writes the session cookie: a link or a form
#: from another site, which the browser sends without the session cookie, cannot replace
#: a logged-in session with an anonymous one.
_LOGIN_COOKIE = "rulesengine_login"
_LOGIN_COOKIE_AGE = 60 * 60


def _login_token(request: Request) -> str:
    """The login form's token: the login cookie's, or a new one."""
    token = request.cookies.get(_LOGIN_COOKIE, "")
    return token if 40 <= len(token) <= 64 and token.isascii() else secrets.token_urlsafe(32)


def _with_login_cookie(request: Request, response: Response, token: str) -> Response:
    response.set_cookie(
        _LOGIN_COOKIE,
        token,
        max_age=_LOGIN_COOKIE_AGE,
        path="/login",
        httponly=True,
        samesite="strict",
        secure=request.app.state.secure_cookies,
    )
    return response


def _login_form(
    request: Request, *, next_page: str, error: str | None, status_code: int, name: str = ""
) -> Response:
    token = _login_token(request)
    flashes = Session(request.session).take_flashes() if request.session else []
    page = request.app.state.templates.TemplateResponse(
        request,
        "login.html",
        {
            "user": None,
            "flashes": flashes,
            "csrf_token": token,
            "next": next_page,
            "error": error,
            "name": name,
        },
        status_code=status_code,
    )
    return _with_login_cookie(request, page, token)


async def _login_page(request: Request) -> Response:
    templates = request.app.state.templates
    if request.method == "GET":
        next_page = _safe_next(request.query_params.get("next"))
        if await logged_in_user(request) is not None:
            return RedirectResponse(next_page, status_code=303)
        if not request.session and request.query_params.get("checked") != "1":
            # No cookie came: perhaps none was sent, because this navigation began on
            # another site (SameSite=Strict). Look once more from this site.
            check_url = "/login?" + urlencode({"next": next_page, "checked": "1"})
            return templates.TemplateResponse(
                request, "login_check.html", {"user": None, "flashes": [], "again": check_url}
            )
        return _login_form(request, next_page=next_page, error=None, status_code=200)
    try:
        form = await request.form(max_files=0, max_fields=10, max_part_size=_MAX_FIELD)
    except Exception:
        return Response("the login form could not be read", status_code=400)
    next_page = _safe_next(form.get("next"))
    name, password = form.get("name"), form.get("password")

    def again(message: str, status_code: int) -> Response:
        shown = name if isinstance(name, str) else ""
        return _login_form(
            request, next_page=next_page, error=message, status_code=status_code, name=shown
        )

    given, expected = form.get("csrf_token"), request.cookies.get(_LOGIN_COOKIE)
    if not (
        isinstance(given, str)
        and isinstance(expected, str)
        and len(expected) >= 40
        and hmac.compare_digest(given.encode("utf-8"), expected.encode("utf-8"))
    ):
        return again("The login form had expired: try again.", 403)
    if not isinstance(name, str) or not isinstance(password, str) or not name or not password:
        return again("Enter your user name and password.", 400)
    user = await _check(request, name, password)
    if isinstance(user, _Refused):
        answer = again(
            f"Too many failed logins for this name or from this address: try again in"
            f" {user.seconds} s.",
            429,
        )
        answer.headers["Retry-After"] = str(user.seconds)
        return answer
    if user is None:
        return again("Wrong user name or password.", 401)
    Session(request.session).log_in(user.name, user.session_version)
    done = RedirectResponse(next_page, status_code=303)
    done.delete_cookie(_LOGIN_COOKIE, path="/login")
    return done


async def _logout(request: Request) -> Response:
    session = Session(request.session)
    form = await request.form(max_files=0, max_fields=10, max_part_size=1000)
    if session.csrf_matches(form.get("csrf_token")):
        await _end_sessions(request)
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
    body = await _bounded_body(request, _MAX_LOGIN_BODY)
    try:
        data = json.loads(body) if body is not None else None
    except ValueError:
        data = None
    name = data.get("name") if isinstance(data, dict) else None
    password = data.get("password") if isinstance(data, dict) else None
    if not isinstance(name, str) or not isinstance(password, str) or not name or not password:
        return JSONResponse(
            {"error": 'send {"name": ..., "password": ...} (at most 4 KiB)'}, status_code=400
        )
    user = await _check(request, name, password)
    if isinstance(user, _Refused):
        return JSONResponse(
            {
                "error": "too many failed logins for this name or from this address: try"
                f" again in {user.seconds} s"
            },
            status_code=429,
            headers={"Retry-After": str(user.seconds)},
        )
    if user is None:
        return JSONResponse({"error": "wrong user name or password"}, status_code=401)
    session = Session(request.session)
    session.log_in(user.name, user.session_version)
    return JSONResponse({"user": user.name, "role": user.role, "csrf_token": session.csrf_token()})


_MAX_LOGIN_BODY = 4096


async def _end_sessions(request: Request) -> None:
    """A logout ends every session of the user, not only this cookie (a copy of it is
    refused from now on)."""
    user = await logged_in_user(request)
    if user is not None:
        await run_in_threadpool(request.app.state.users.end_sessions, user.name)


async def _bounded_body(request: Request, limit: int) -> bytes | None:
    """The request's body, or None when it is (or says it is) longer than ``limit``: read
    a chunk at a time and given up past the limit, never held whole."""
    length = request.headers.get("content-length")
    if length is not None and (not length.isdigit() or int(length) > limit):
        return None
    body = b""
    async for chunk in request.stream():
        body += chunk
        if len(body) > limit:
            return None
    return body


async def _api_logout(request: Request) -> Response:
    session = Session(request.session)
    if not session.csrf_matches(request.headers.get("x-csrf-token")):
        return JSONResponse({"error": "missing or wrong X-CSRF-Token header"}, status_code=403)
    await _end_sessions(request)
    session.log_out()
    return JSONResponse({"logged_out": True})


ROUTES = [
    Route("/login", _login_page, methods=["GET", "POST"], name="login"),
    Route("/logout", _logout, methods=["POST"], name="logout"),
    Route("/api/login", _api_login, methods=["POST"], name="api_login"),
    Route("/api/logout", _api_logout, methods=["POST"], name="api_logout"),
]
