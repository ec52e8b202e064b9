"""One request to a screen or to the JSON API, as the code behind it sees it: who is asking,
what they sent, and how to answer.

Every route is a plain function decorated with :func:`screen` (an HTML page) or :func:`api`
(JSON under ``/api``). The decorator does what every route must, so that none can forget
it: it refuses a visitor who is not logged in (a page redirects to the login, the API answers
401) or whose role is too low (403), checks the CSRF token of every POST (a form's hidden
``csrf_token`` field, or the API's ``X-CSRF-Token`` header), reads a form within size limits,
runs the function in a worker thread (the store's calls block), and turns the product's
errors into a page or a JSON error with the right status: :class:`NotFound` 404,
:class:`RefusedTransition` 409, any other :class:`RulesengineError` 400. A value the store
cannot read back (a row changed outside rulesengine) is named, logged without the value, and
answered 500. Nothing else is shown to the visitor; an unexpected error is logged with its
traceback and answered 500.
"""

from __future__ import annotations

import functools
import logging
from collections.abc import Awaitable, Callable, Mapping
from typing import Any
from urllib.parse import quote

import attrs
from starlette.concurrency import run_in_threadpool
from starlette.datastructures import FormData, QueryParams, UploadFile
from starlette.requests import Request
from starlette.responses import JSONResponse, RedirectResponse, Response

from rulesengine.errors import NotFound, RefusedTransition, RulesengineError
from rulesengine.storable_text import nul_problem, text_problem
from rulesengine.store.unreadable_values import READ_FAILURES, unreadable_value
from rulesengine.web.sessions import Session

__all__ = [
    "ROLE_RANK",
    "AccessDenied",
    "Visit",
    "api",
    "error_page",
    "logged_in_user",
    "screen",
    "unstorable_text_in_request",
]

_log = logging.getLogger(__name__)

#: Each role may do what the roles before it may.
ROLE_RANK = {"viewer": 0, "staff": 1, "admin": 2}

#: A form's limits: its fields, its one file (a rules file, bounded as the loader bounds it).
_MAX_FIELDS = 100
_MAX_FILE_BYTES = 1024 * 1024
_MAX_PART_BYTES = 64 * 1024


class AccessDenied(RulesengineError):
    """The user's role does not allow this."""


@attrs.define
class Visit:
    """A request to a route, with its logged-in user and (for a POST) its checked form."""

    request: Request
    user: Any  # rulesengine.store.user_accounts.UserAccount
    form: FormData | None = None
    #: For the API: the JSON body of a POST, checked to be an object.
    body: Mapping[str, Any] | None = None

    @property
    def app_state(self) -> Any:
        return self.request.app.state

    @property
    def store(self) -> Any:
        """The store (:class:`rulesengine.store.sql_store.SQLStore`)."""
        return self.request.app.state.store

    @property
    def queue(self) -> Any:
        """The queue over it (:class:`rulesengine.queue.Queue`)."""
        return self.request.app.state.queue

    @property
    def query(self) -> QueryParams:
        return self.request.query_params

    @property
    def params(self) -> Mapping[str, Any]:
        return self.request.path_params

    @property
    def session(self) -> Session:
        return Session(self.request.session)

    def may(self, role: str) -> bool:
        """Whether the user's role allows what ``role`` may do."""
        return ROLE_RANK[self.user.role] >= ROLE_RANK[role]

    def field(self, name: str, default: str = "") -> str:
        """A text field of the form (``default`` when it is missing)."""
        value = self.form.get(name) if self.form is not None else None
        if value is None and self.body is not None:
            value = self.body.get(name)
        if value is None:
            return default
        if not isinstance(value, str):
            raise _BadInput(f"the field {name!r} must be text")
        return value

    def upload(self, name: str) -> UploadFile | None:
        """An uploaded file of the form, or None when none was chosen."""
        value = self.form.get(name) if self.form is not None else None
        if isinstance(value, UploadFile) and (value.filename or value.size):
            return value
        return None

    def render(self, template: str, status_code: int = 200, **context: Any) -> Response:
        """The page ``template`` with ``context``, plus what every page shows."""
        templates = self.request.app.state.templates
        return templates.TemplateResponse(
            self.request,
            template,
            {
                "user": self.user,
                "may_act": self.may("staff"),
                "is_admin": self.may("admin"),
                "csrf_token": self.session.csrf_token(),
                "flashes": self.session.take_flashes(),
                "status_code": status_code,
                **context,
            },
            status_code=status_code,
        )

    def redirect(self, url: str, flash: str | None = None) -> Response:
        """See ``url`` (a path of the dashboard), with a message shown there once."""
        if flash:
            self.session.flash(flash)
        return RedirectResponse(url, status_code=303)

    def json(self, data: Any, status_code: int = 200) -> Response:
        return JSONResponse(data, status_code=status_code)


class _BadInput(RulesengineError):
    """A form or body that is not what the route takes."""


_Handler = Callable[[Visit], Response]


def _login_url(request: Request) -> str:
    target = request.url.path
    if request.url.query:
        target += "?" + request.url.query
    return "/login?next=" + quote(target, safe="/")


def error_page(request: Request, status_code: int, message: str) -> Response:
    """An error page (no user needed: also for 404s of unknown paths)."""
    return request.app.state.templates.TemplateResponse(
        request,
        "error.html",
        {"status_code": status_code, "message": message, "user": None, "flashes": []},
        status_code=status_code,
    )


def _status_of(error: RulesengineError) -> int:
    if isinstance(error, NotFound):
        return 404
    if isinstance(error, AccessDenied):
        return 403
    if isinstance(error, RefusedTransition):
        return 409
    return 400


async def logged_in_user(request: Request) -> Any:
    """The logged-in user of ``request`` (a ``UserAccount``), or None."""
    session = Session(request.session)
    users = request.app.state.users
    name = await run_in_threadpool(session.user_name, users.session_version)
    if name is None:
        return None
    return await run_in_threadpool(users.get, name)


def screen(role: str, *, allow_files: bool = False) -> Callable[[_Handler], Any]:
    """An HTML route for users of ``role`` or above (see the module docstring)."""
    if role not in ROLE_RANK:
        raise ValueError(f"unknown role {role!r}")

    def decorate(handler: _Handler) -> Callable[[Request], Awaitable[Response]]:
        @functools.wraps(handler)
        async def endpoint(request: Request) -> Response:
            user = await logged_in_user(request)
            if user is None:
                if request.method == "GET":
                    return RedirectResponse(_login_url(request), status_code=303)
                return error_page(request, 401, "Your session has ended: log in again.")
            visit = Visit(request, user)
            if ROLE_RANK[user.role] < ROLE_RANK[role]:
                return _denied_page(visit, role)
            if request.method == "POST":
                try:
                    visit.form = await _read_form(request, allow_files=allow_files)
                except _BadInput as error:
                    return error_page(request, 400, str(error))
                if not visit.session.csrf_matches(visit.form.get("csrf_token")):
                    return error_page(
                        request,
                        403,
                        "This form has expired or did not come from the dashboard: go back,"
                        " reload the page and try again.",
                    )
            unstorable = unstorable_text_in_request(visit)
            if unstorable is not None:
                return error_page(request, 400, unstorable)
            try:
                return await run_in_threadpool(handler, visit)
            except RulesengineError as error:
                return visit.render(
                    "error.html",
                    status_code=_status_of(error),
                    message=str(error),
                )
            except Exception as error:
                unreadable = await _unreadable_value(visit, error)
                if unreadable is None:
                    raise
                return visit.render("error.html", status_code=500, message=unreadable)

        endpoint.required_role = role  # type: ignore[attr-defined]
        return endpoint

    return decorate


async def _unreadable_value(visit: Visit, error: Exception) -> str | None:
    """What is wrong when ``error`` came from a value the store cannot read back (a row
    changed outside rulesengine), else None. Logged without the value (it may be patient
    data): the error's own text and traceback only at DEBUG."""
    if not isinstance(error, READ_FAILURES):
        return None
    store = visit.store
    found = await run_in_threadpool(unreadable_value, store.engine, store.url)
    if found is None:
        return None
    request = visit.request
    _log.error("dashboard error on %s %s: %s", request.method, request.url.path, found)
    _log.debug("the read that failed", exc_info=error)
    return str(found)


def unstorable_text_in_request(
    visit: Visit, *, utf8_checked: frozenset[str] = frozenset()
) -> str | None:
    """What is wrong when a path part, a query parameter, a form field or a JSON body's
    text (a name or a value) holds a NUL character (no store can keep one: PostgreSQL's
    text cannot) or a lone surrogate (a JSON ``"\\ud800"``: not valid UTF-8, so no store
    can keep it either), else None. Every route refuses such a request with 400 before its
    code runs; the message names the field, never shows its value (it may be a password).
    A lone surrogate in the value of a JSON field named in ``utf8_checked`` is left to the
    route."""
    request = visit.request
    named: list[tuple[str, str, object]] = [
        ("path part", str(key), value) for key, value in request.path_params.items()
    ]
    named += [("query parameter", key, value) for key, value in request.query_params.multi_items()]
    if visit.form is not None:
        named += [("field", key, value) for key, value in visit.form.multi_items()]
    if visit.body is not None:
        named += [("field", str(key), value) for key, value in visit.body.items()]
    for what, name, value in named:
        in_value = nul_problem if what == "field" and name in utf8_checked else text_problem
        problem = _text_problem_in(name, text_problem) or _text_problem_in(value, in_value)
        if problem is not None:
            return f"the {what} {name!r} {problem}"  # repr escapes a NUL and a surrogate
    return None


def _text_problem_in(value: object, problem_of: Callable[[str], str | None]) -> str | None:
    """``problem_of`` (:func:`~rulesengine.storable_text.text_problem`, or ``nul_problem``
    alone) of ``value``'s text, or of any text in it (a JSON body's lists and objects, their
    keys too; walked without recursion, however deep the body nests)."""
    waiting = [value]
    while waiting:
        item = waiting.pop()
        if isinstance(item, str):
            problem = problem_of(item)
            if problem is not None:
                return problem
        elif isinstance(item, Mapping):
            waiting += [*item.keys(), *item.values()]
        elif isinstance(item, list):
            waiting += item
    return None


def _denied_page(visit: Visit, role: str) -> Response:
    return visit.render(
        "error.html",
        status_code=403,
        message=f"This needs the {role} role; you are logged in as {visit.user.role}."
        " Ask an admin if you need it.",
    )


async def _read_form(request: Request, *, allow_files: bool) -> FormData:
    # Refused before anything is read: a body larger than the form can be (a file of at
    # most 1 MB, or none), or one of unknown length where a file may come.
    length = request.headers.get("content-length")
    # With a file, the whole form stays within 1 MiB: Starlette keeps a file part of at most
    # 1 MiB in memory, so an upload is never written to disk.
    limit = _MAX_FILE_BYTES if allow_files else _MAX_FIELDS * 1024
    if length is None:
        if allow_files:
            raise _BadInput("the form was sent without its length (Content-Length)")
    elif not length.isdigit() or int(length) > limit:
        raise _BadInput("the form is larger than 1 MB" if allow_files else "the form is too large")
    try:
        form = await request.form(
            max_files=1 if allow_files else 0,
            max_fields=_MAX_FIELDS,
            max_part_size=_MAX_PART_BYTES,
        )
    except Exception as error:  # python-multipart's and Starlette's refusals
        raise _BadInput(f"the form could not be read: {error}") from None
    for value in form.values():
        if isinstance(value, UploadFile) and (value.size or 0) > _MAX_FILE_BYTES:
            raise _BadInput("the file is larger than 1 MB")
    return form


def api(role: str, *, utf8_checked: frozenset[str] = frozenset()) -> Callable[[_Handler], Any]:
    """A JSON route under ``/api`` for users of ``role`` or above (see the module
    docstring). A POST takes a JSON object and the session's CSRF token in the
    ``X-CSRF-Token`` header. ``utf8_checked``: the JSON fields whose text the route checks
    for a lone surrogate itself, saying more than the generic check can (a rules file's
    line and column); a NUL in them is still refused here."""
    if role not in ROLE_RANK:
        raise ValueError(f"unknown role {role!r}")

    def decorate(handler: _Handler) -> Callable[[Request], Awaitable[Response]]:
        @functools.wraps(handler)
        async def endpoint(request: Request) -> Response:
            user = await logged_in_user(request)
            if user is None:
                return _api_error(401, "not logged in: POST /api/login first")
            if ROLE_RANK[user.role] < ROLE_RANK[role]:
                return _api_error(403, f"this needs the {role} role; you are {user.role}")
            visit = Visit(request, user)
            if request.method == "POST":
                if not visit.session.csrf_matches(request.headers.get("x-csrf-token")):
                    return _api_error(
                        403, "missing or wrong X-CSRF-Token header (it is in /api/login's answer)"
                    )
                try:
                    visit.body = await _read_json(request)
                except _BadInput as error:
                    return _api_error(400, str(error))
            unstorable = unstorable_text_in_request(visit, utf8_checked=utf8_checked)
            if unstorable is not None:
                return _api_error(400, unstorable)
            try:
                return await run_in_threadpool(handler, visit)
            except RulesengineError as error:
                return _api_error(_status_of(error), str(error))
            except Exception as error:
                unreadable = await _unreadable_value(visit, error)
                if unreadable is None:
                    raise
                return _api_error(500, unreadable)

        endpoint.required_role = role  # type: ignore[attr-defined]
        return endpoint

    return decorate


_MAX_JSON_BYTES = 256 * 1024


async def _read_json(request: Request) -> Mapping[str, Any]:
    import json

    headers = request.headers
    empty = headers.get("content-length") == "0" or (
        "content-length" not in headers and "transfer-encoding" not in headers
    )  # HTTP/1.1: with neither header, a request has no body
    if empty and not headers.get("content-type"):
        return {}  # an action that takes nothing (retry, cancel, remove) may send nothing
    if request.headers.get("content-type", "").split(";")[0].strip() != "application/json":
        raise _BadInput("send the body as JSON, with Content-Type: application/json")
    body = b""
    async for chunk in request.stream():
        body += chunk
        if len(body) > _MAX_JSON_BYTES:
            raise _BadInput("the body is larger than 256 KiB")
    if not body:
        return {}
    try:
        data = json.loads(body)
    except ValueError as error:
        raise _BadInput(f"the body is not JSON: {error}") from None
    if not isinstance(data, dict):
        raise _BadInput("the body must be a JSON object")
    return data


def _api_error(status_code: int, message: str) -> Response:
    return JSONResponse({"error": message}, status_code=status_code)
