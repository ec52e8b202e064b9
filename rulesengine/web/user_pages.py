"""The Users screen (admins only): list the dashboard's users, add one, change a role, set a
new password, remove one; and the same through ``/api/users``.

Every change goes through :mod:`rulesengine.store.user_accounts`, as ``rulesengine user``
does: it checks names, roles and passwords and refuses to remove or demote the last admin.
Changing a role and removing a user each have a confirmation page (GET) before the change
(POST). A password is never put back into a page or an answer. A user's new password ends
their sessions (:mod:`rulesengine.web.sessions`), so an admin who changes their own is sent
to the login page; a changed role takes effect on the user's next request.
"""

from __future__ import annotations

import logging
from typing import Any

from starlette.responses import Response
from starlette.routing import Route

from rulesengine.errors import InvalidRequest
from rulesengine.store.user_accounts import (
    ROLES,
    UserAccount,
    add_user,
    check_role,
    get_user,
    list_users,
    remove_user,
    set_password,
    set_role,
)
from rulesengine.web.visits import Visit, api, screen

__all__ = ["ROUTES"]

_log = logging.getLogger(__name__)


def _account_json(account: UserAccount) -> dict[str, Any]:
    return account.as_json()


def _users_page(visit: Visit, status_code: int = 200, **form: Any) -> Response:
    return visit.render(
        "users.html",
        status_code=status_code,
        users=list_users(visit.store),
        roles=ROLES,
        error=form.get("error"),
        new_name=form.get("new_name", ""),
        new_role=form.get("new_role", "viewer"),
    )


def _two_passwords(visit: Visit) -> str:
    password = visit.field("password")
    if password != visit.field("password2"):
        raise InvalidRequest("the two passwords do not match; nothing changed")
    return password


# --- the pages --------------------------------------------------------------------------------


@screen("admin")
def _user_list(visit: Visit) -> Response:
    return _users_page(visit)


@screen("admin")
def _add(visit: Visit) -> Response:
    name, role = visit.field("name").strip(), visit.field("role")
    try:
        account = add_user(visit.store, name, role, _two_passwords(visit))
    except InvalidRequest as error:
        shown_role = role if role in ROLES else "viewer"
        return _users_page(visit, 400, error=str(error), new_name=name[:64], new_role=shown_role)
    _log.info("dashboard user %s added (%s) by %s", account.name, account.role, visit.user.name)
    return visit.redirect("/users", flash=f"Added user {account.name!r} ({account.role}).")


@screen("admin")
def _confirm_role(visit: Visit) -> Response:
    account = get_user(visit.store, visit.params["name"])
    role = check_role(visit.query.get("role", ""))
    return visit.render("user_confirm.html", action="role", account=account, role=role)


@screen("admin")
def _change_role(visit: Visit) -> Response:
    account = set_role(visit.store, visit.params["name"], visit.field("role"))
    _log.info("dashboard user %s made %s by %s", account.name, account.role, visit.user.name)
    message = f"User {account.name!r} is now {account.role}."
    if account.name == visit.user.name and account.role != "admin":
        return visit.redirect("/", flash=message + " You no longer manage users.")
    return visit.redirect("/users", flash=message)


@screen("admin")
def _confirm_remove(visit: Visit) -> Response:
    account = get_user(visit.store, visit.params["name"])
    return visit.render("user_confirm.html", action="remove", account=account, role=account.role)


@screen("admin")
def _remove(visit: Visit) -> Response:
    account = remove_user(visit.store, visit.params["name"])
    _log.info("dashboard user %s removed by %s", account.name, visit.user.name)
    if account.name == visit.user.name:
        visit.session.log_out()
        return visit.redirect("/login", flash="You removed your own user: you are logged out.")
    return visit.redirect("/users", flash=f"Removed user {account.name!r} ({account.role}).")


@screen("admin")
def _password_form(visit: Visit) -> Response:
    account = get_user(visit.store, visit.params["name"])
    return visit.render("user_password.html", account=account, error=None)


@screen("admin")
def _change_password(visit: Visit) -> Response:
    account = get_user(visit.store, visit.params["name"])
    try:
        account = set_password(visit.store, account.name, _two_passwords(visit))
    except InvalidRequest as error:
        return visit.render("user_password.html", 400, account=account, error=str(error))
    _log.info("dashboard user %s given a new password by %s", account.name, visit.user.name)
    if account.name == visit.user.name:
        visit.session.log_out()
        return visit.redirect(
            "/login", flash="Your password has changed: log in again with the new one."
        )
    return visit.redirect(
        "/users",
        flash=f"Set a new password for {account.name!r}: their open sessions have ended.",
    )


# --- the API ----------------------------------------------------------------------------------


@api("admin")
def _api_user_list(visit: Visit) -> Response:
    return visit.json({"users": [_account_json(a) for a in list_users(visit.store)]})


@api("admin")
def _api_add(visit: Visit) -> Response:
    account = add_user(
        visit.store, visit.field("name"), visit.field("role"), visit.field("password")
    )
    _log.info("dashboard user %s added (%s) by %s", account.name, account.role, visit.user.name)
    return visit.json({"user": _account_json(account)}, status_code=201)


@api("admin")
def _api_role(visit: Visit) -> Response:
    account = set_role(visit.store, visit.params["name"], visit.field("role"))
    _log.info("dashboard user %s made %s by %s", account.name, account.role, visit.user.name)
    return visit.json({"user": _account_json(account)})


@api("admin")
def _api_password(visit: Visit) -> Response:
    account = set_password(visit.store, visit.params["name"], visit.field("password"))
    _log.info("dashboard user %s given a new password by %s", account.name, visit.user.name)
    own = account.name == visit.user.name
    if own:
        visit.session.log_out()
    return visit.json({"user": _account_json(account), "logged_out": own})


@api("admin")
def _api_remove(visit: Visit) -> Response:
    account = remove_user(visit.store, visit.params["name"])
    _log.info("dashboard user %s removed by %s", account.name, visit.user.name)
    own = account.name == visit.user.name
    if own:
        visit.session.log_out()
    return visit.json({"removed": account.name, "role": account.role, "logged_out": own})


ROUTES = [
    Route("/users", _user_list, methods=["GET"], name="users"),
    Route("/users", _add, methods=["POST"], name="users_add"),
    Route("/users/{name}/role", _confirm_role, methods=["GET"], name="user_role_confirm"),
    Route("/users/{name}/role", _change_role, methods=["POST"], name="user_role"),
    Route("/users/{name}/password", _password_form, methods=["GET"], name="user_password_form"),
    Route("/users/{name}/password", _change_password, methods=["POST"], name="user_password"),
    Route("/users/{name}/remove", _confirm_remove, methods=["GET"], name="user_remove_confirm"),
    Route("/users/{name}/remove", _remove, methods=["POST"], name="user_remove"),
    Route("/api/users", _api_user_list, methods=["GET"], name="api_users"),
    Route("/api/users", _api_add, methods=["POST"], name="api_users_add"),
    Route("/api/users/{name}/role", _api_role, methods=["POST"], name="api_user_role"),
    Route("/api/users/{name}/password", _api_password, methods=["POST"], name="api_user_password"),
    Route("/api/users/{name}/remove", _api_remove, methods=["POST"], name="api_user_remove"),
]
