"""Every route of the dashboard, found by walking the app (so a new screen is covered the
day it is added): none answers without a login, none lets a lower role through, and no POST
is done without its CSRF token."""

from __future__ import annotations

import re
from typing import Any

import pytest
from starlette.routing import Mount, Route

from rulesengine.web.visits import ROLE_RANK
from tests.web.conftest import csrf_of

#: The routes that answer before a login: the login itself and the home page's redirect.
_OPEN = {"/", "/login", "/logout", "/api/login", "/api/logout"}


def _routes() -> list[Route]:
    from rulesengine.web.routes import all_routes

    return [route for route in all_routes() if isinstance(route, Route)]


def _url(route: Route) -> str:
    """The route's path with every parameter filled by an id that exists nowhere."""
    filled = re.sub(r"\{[^}:]+:int\}", "999999", route.path)
    return re.sub(r"\{[^}]+\}", "x1", filled)


def _cases(method: str) -> list[Any]:
    return [
        pytest.param(route, id=f"{method} {route.path}")
        for route in _routes()
        if route.path not in _OPEN and method in (route.methods or ())
    ]


def test_every_route_but_the_login_is_declared_with_the_role_it_needs() -> None:
    undeclared = [
        route.path
        for route in _routes()
        if route.path not in _OPEN
        and getattr(route.endpoint, "required_role", None) not in ROLE_RANK
    ]
    assert undeclared == []


def test_only_the_static_files_are_mounted() -> None:
    from rulesengine.web.routes import all_routes

    assert [route for route in all_routes() if isinstance(route, Mount)] == []


@pytest.mark.parametrize("route", _cases("GET"))
def test_no_page_answers_without_a_login(client_for: Any, route: Route) -> None:
    answer = client_for(None).get(_url(route))
    if route.path.startswith("/api/"):
        assert answer.status_code == 401
        assert answer.json() == {"error": "not logged in: POST /api/login first"}
    else:
        assert answer.status_code == 303
        assert answer.headers["location"].startswith("/login?next=")


@pytest.mark.parametrize("route", _cases("POST"))
def test_no_action_is_done_without_a_login(client_for: Any, route: Route) -> None:
    answer = client_for(None).post(_url(route), data={})
    assert answer.status_code == 401


@pytest.mark.parametrize("route", _cases("POST"))
def test_no_action_is_done_without_its_csrf_token(client_for: Any, route: Route) -> None:
    role = getattr(route.endpoint, "required_role", "admin")
    client = client_for(role)
    if route.path.startswith("/api/"):
        answer = client.post(_url(route), json={})
    else:
        answer = client.post(_url(route), data={"csrf_token": "not-the-token"})
    assert answer.status_code == 403


@pytest.mark.parametrize(
    "route",
    [
        case
        for method in ("GET", "POST")
        for case in _cases(method)
        if getattr(case.values[0].endpoint, "required_role", "viewer") != "viewer"
    ],
)
def test_a_lower_role_is_refused(client_for: Any, route: Route) -> None:
    needed = route.endpoint.required_role
    lower = [role for role, rank in ROLE_RANK.items() if rank < ROLE_RANK[needed]][-1]
    client = client_for(lower)
    token = csrf_of(client.get("/batches").text)
    if route.path.startswith("/api/"):
        answer = (
            client.post(_url(route), json={}, headers={"X-CSRF-Token": token})
            if "POST" in (route.methods or ())
            else client.get(_url(route))
        )
    elif "POST" in (route.methods or ()):
        answer = client.post(_url(route), data={"csrf_token": token})
    else:
        answer = client.get(_url(route))
    assert answer.status_code == 403
