"""The Users screen and ``/api/users`` (rulesengine.web.user_pages): admins list, add, change
the role of, set a password for and remove users, with a confirmation step; viewers and
staff are refused; no page or answer ever holds a password; the last admin stays."""

from __future__ import annotations

from typing import Any

import pytest

from rulesengine.store.user_accounts import get_user, list_users, login_user, remove_user
from tests.web.conftest import PASSWORD, csrf_of, screenshot

NEW = "a brand new password 42"


@pytest.fixture
def admin(client_for: Any) -> Any:
    return client_for("admin")


def _post(client: Any, url: str, data: dict[str, str], csrf_from: str = "/users") -> Any:
    token = csrf_of(client.get(csrf_from).text)
    return client.post(url, data={"csrf_token": token, **data})


def _api_client(client_for: Any, role: str) -> tuple[Any, str]:
    client = client_for(None)
    answer = client.post("/api/login", json={"name": role, "password": PASSWORD})
    assert answer.status_code == 200, answer.text
    return client, answer.json()["csrf_token"]


def _roles(store: Any) -> dict[str, str]:
    return {u.name: u.role for u in list_users(store)}


# --- the pages --------------------------------------------------------------------------------


def test_the_list_shows_every_user_and_no_secret(admin: Any, web_store: Any) -> None:
    page = admin.get("/users")
    assert page.status_code == 200
    for account in list_users(web_store):
        assert f'href="/users/{account.name}/remove"' in page.text
    assert "Password changed" in page.text and "Add a user" in page.text
    assert PASSWORD not in page.text and "scrypt" not in page.text


def test_add_a_user(admin: Any, web_store: Any) -> None:
    answer = _post(
        admin, "/users", {"name": "dana", "role": "staff", "password": NEW, "password2": NEW}
    )
    assert answer.status_code == 303 and answer.headers["location"] == "/users"
    page = admin.get("/users")
    assert "Added user &#39;dana&#39; (staff)." in page.text
    assert NEW not in page.text
    assert login_user(web_store, "dana", NEW) is not None
    assert get_user(web_store, "dana").role == "staff"


@pytest.mark.parametrize(
    "form, message",
    [
        (
            {"name": "dana", "role": "staff", "password": NEW, "password2": NEW + "x"},
            "do not match",
        ),
        ({"name": "dana", "role": "staff", "password": "Zq9!x", "password2": "Zq9!x"}, "too short"),
        ({"name": "dana", "role": "root", "password": NEW, "password2": NEW}, "unknown role"),
        ({"name": "bad name", "role": "staff", "password": NEW, "password2": NEW}, "invalid user"),
        ({"name": "staff", "role": "staff", "password": NEW, "password2": NEW}, "exists already"),
    ],
)
def test_a_refused_add_says_why_and_never_shows_the_password(
    admin: Any, web_store: Any, form: dict[str, str], message: str
) -> None:
    before = list_users(web_store)
    answer = _post(admin, "/users", form)
    assert answer.status_code == 400
    assert message in answer.text
    assert form["password"] not in answer.text and form["password2"] not in answer.text
    assert list_users(web_store) == before


def test_change_a_role_after_confirming(admin: Any, web_store: Any) -> None:
    confirm = admin.get("/users/viewer/role?role=staff")
    assert confirm.status_code == 200
    assert "Make viewer staff?" in confirm.text
    assert 'name="role" value="staff"' in confirm.text
    assert get_user(web_store, "viewer").role == "viewer"  # the GET changed nothing
    done = admin.post(
        "/users/viewer/role", data={"csrf_token": csrf_of(confirm.text), "role": "staff"}
    )
    assert done.status_code == 303 and done.headers["location"] == "/users"
    assert get_user(web_store, "viewer").role == "staff"
    assert "User &#39;viewer&#39; is now staff." in admin.get("/users").text


def test_set_a_password(admin: Any, client_for: Any, web_store: Any) -> None:
    other = client_for("staff")
    assert other.get("/batches").status_code == 200
    form = admin.get("/users/staff/password")
    assert form.status_code == 200 and 'type="password"' in form.text
    done = admin.post(
        "/users/staff/password",
        data={"csrf_token": csrf_of(form.text), "password": NEW, "password2": NEW},
    )
    assert done.status_code == 303 and done.headers["location"] == "/users"
    assert login_user(web_store, "staff", NEW) is not None
    assert NEW not in admin.get("/users").text
    # The user's open session has ended.
    assert other.get("/batches").headers["location"].startswith("/login")


def test_a_refused_password_keeps_the_old_one(admin: Any, web_store: Any) -> None:
    form = admin.get("/users/staff/password")
    done = admin.post(
        "/users/staff/password",
        data={"csrf_token": csrf_of(form.text), "password": NEW, "password2": "other " + NEW},
    )
    assert done.status_code == 400 and "do not match" in done.text and NEW not in done.text
    assert login_user(web_store, "staff", PASSWORD) is not None


def test_own_password_change_logs_out(admin: Any, web_store: Any) -> None:
    form = admin.get("/users/admin/password")
    assert "This is you" in form.text
    done = admin.post(
        "/users/admin/password",
        data={"csrf_token": csrf_of(form.text), "password": NEW, "password2": NEW},
    )
    assert done.status_code == 303 and done.headers["location"] == "/login"
    login = admin.get("/login?checked=1")
    assert "Your password has changed: log in again with the new one." in login.text
    assert NEW not in login.text
    assert admin.get("/users").headers["location"].startswith("/login")
    assert login_user(web_store, "admin", NEW) is not None


def test_remove_a_user_after_confirming(admin: Any, web_store: Any) -> None:
    confirm = admin.get("/users/viewer/remove")
    assert confirm.status_code == 200 and "Remove user viewer?" in confirm.text
    assert "viewer" in _roles(web_store)
    done = admin.post("/users/viewer/remove", data={"csrf_token": csrf_of(confirm.text)})
    assert done.status_code == 303 and done.headers["location"] == "/users"
    assert "viewer" not in _roles(web_store)
    assert "Removed user &#39;viewer&#39; (viewer)." in admin.get("/users").text


def test_the_last_admin_can_be_neither_demoted_nor_removed(admin: Any, web_store: Any) -> None:
    for name, role in _roles(web_store).items():
        if role == "admin" and name != "admin":
            remove_user(web_store, name)  # the demo's own admin
    before = list_users(web_store)
    token = csrf_of(admin.get("/users").text)
    demoted = admin.post("/users/admin/role", data={"csrf_token": token, "role": "staff"})
    assert demoted.status_code == 409
    assert "is the last admin and cannot become staff" in demoted.text
    removed = admin.post("/users/admin/remove", data={"csrf_token": token})
    assert removed.status_code == 409 and "is the last admin" in removed.text
    assert list_users(web_store) == before


def test_an_admin_may_demote_themselves_when_another_admin_exists(
    admin: Any, web_store: Any
) -> None:
    confirm = admin.get("/users/admin/role?role=viewer")
    assert "This is you" in confirm.text
    done = admin.post(
        "/users/admin/role", data={"csrf_token": csrf_of(confirm.text), "role": "viewer"}
    )
    assert done.status_code == 303 and done.headers["location"] == "/"
    assert get_user(web_store, "admin").role == "viewer"
    assert admin.get("/users").status_code == 403  # at once, same session


def test_an_admin_removing_themselves_is_logged_out(admin: Any, web_store: Any) -> None:
    confirm = admin.get("/users/admin/remove")
    done = admin.post("/users/admin/remove", data={"csrf_token": csrf_of(confirm.text)})
    assert done.status_code == 303 and done.headers["location"] == "/login"
    assert "you are logged out" in admin.get("/login?checked=1").text
    assert "admin" not in _roles(web_store)


@pytest.mark.parametrize(
    "url", ["/users/nobody/role?role=staff", "/users/nobody/remove", "/users/nobody/password"]
)
def test_unknown_user_is_404(admin: Any, url: str) -> None:
    assert admin.get(url).status_code == 404


def test_bad_names_and_roles_are_400(admin: Any) -> None:
    assert admin.get("/users/viewer/role?role=root").status_code == 400
    assert admin.get("/users/viewer/role").status_code == 400
    assert admin.get("/users/" + "x" * 65 + "/remove").status_code == 400


@pytest.mark.parametrize("role", ["viewer", "staff"])
def test_viewers_and_staff_are_refused(client_for: Any, web_store: Any, role: str) -> None:
    client = client_for(role)
    before = list_users(web_store)
    assert 'href="/users"' not in client.get("/batches").text
    for url in ("/users", "/users/viewer/role?role=admin", "/users/viewer/remove"):
        assert client.get(url).status_code == 403
    token = csrf_of(client.get("/batches").text)  # the logout form's
    for url, data in (
        ("/users", {"name": "eve", "role": "admin", "password": NEW, "password2": NEW}),
        (f"/users/{role}/role", {"role": "admin"}),
        ("/users/admin/password", {"password": NEW, "password2": NEW}),
        ("/users/admin/remove", {}),
    ):
        assert client.post(url, data={"csrf_token": token, **data}).status_code == 403
    assert client.get("/api/users").status_code == 403
    assert list_users(web_store) == before


def test_admin_sees_the_users_link(admin: Any) -> None:
    assert 'href="/users"' in admin.get("/batches").text


def test_a_post_without_its_csrf_token_is_refused(admin: Any, web_store: Any) -> None:
    before = list_users(web_store)
    for url, data in (
        ("/users", {"name": "eve", "role": "admin", "password": NEW, "password2": NEW}),
        ("/users/viewer/role", {"role": "admin"}),
        ("/users/viewer/password", {"password": NEW, "password2": NEW}),
        ("/users/viewer/remove", {}),
    ):
        assert admin.post(url, data=data).status_code == 403
        assert admin.post(url, data={"csrf_token": "x" * 43, **data}).status_code == 403
    assert list_users(web_store) == before


def test_logged_out_visitors_go_to_the_login(client_for: Any) -> None:
    client = client_for(None)
    assert client.get("/users").headers["location"] == "/login?next=/users"
    assert client.get("/api/users").status_code == 401


# --- the API ----------------------------------------------------------------------------------


def test_api_list_add_role_password_remove(client_for: Any, web_store: Any) -> None:
    client, token = _api_client(client_for, "admin")
    listed = client.get("/api/users").json()["users"]
    assert {u["name"] for u in listed} == set(_roles(web_store))
    assert all(set(u) == {"name", "role", "created_at", "password_changed_at"} for u in listed)

    headers = {"X-CSRF-Token": token}
    added = client.post(
        "/api/users", json={"name": "dana", "role": "viewer", "password": NEW}, headers=headers
    )
    assert added.status_code == 201 and added.json()["user"]["role"] == "viewer"
    assert NEW not in added.text
    role = client.post("/api/users/dana/role", json={"role": "staff"}, headers=headers)
    assert role.status_code == 200 and role.json()["user"]["role"] == "staff"
    password = client.post(
        "/api/users/dana/password", json={"password": "yet " + NEW}, headers=headers
    )
    assert password.status_code == 200 and password.json()["logged_out"] is False
    assert "yet " + NEW not in password.text
    assert login_user(web_store, "dana", "yet " + NEW) is not None
    removed = client.post("/api/users/dana/remove", json={}, headers=headers)
    assert removed.json() == {"removed": "dana", "role": "staff", "logged_out": False}
    assert "dana" not in _roles(web_store)


def test_api_refusals(client_for: Any, web_store: Any) -> None:
    client, token = _api_client(client_for, "admin")
    headers = {"X-CSRF-Token": token}
    for name, role in _roles(web_store).items():
        if role == "admin" and name != "admin":
            remove_user(web_store, name)
    before = list_users(web_store)
    cases = [
        ("/api/users", {"name": "dana", "role": "staff", "password": "short"}, 400, "too short"),
        ("/api/users", {"name": "dana", "role": "root", "password": NEW}, 400, "unknown role"),
        ("/api/users", {"name": "dana", "role": "staff", "password": 42}, 400, "must be text"),
        ("/api/users/nobody/role", {"role": "staff"}, 404, "no user 'nobody'"),
        ("/api/users/admin/role", {"role": "staff"}, 409, "last admin"),
        ("/api/users/admin/remove", {}, 409, "last admin"),
        ("/api/users/nobody/password", {"password": NEW}, 404, "no user"),
    ]
    for url, body, status, message in cases:
        answer = client.post(url, json=body, headers=headers)
        assert answer.status_code == status, (url, answer.text)
        assert message in answer.json()["error"]
        assert NEW not in answer.text
    no_csrf = client.post("/api/users/viewer/role", json={"role": "admin"})
    assert no_csrf.status_code == 403
    assert list_users(web_store) == before


def test_api_own_password_change_logs_out(client_for: Any, web_store: Any) -> None:
    client, token = _api_client(client_for, "admin")
    answer = client.post(
        "/api/users/admin/password", json={"password": NEW}, headers={"X-CSRF-Token": token}
    )
    assert answer.status_code == 200 and answer.json()["logged_out"] is True
    assert client.get("/api/users").status_code == 401


@pytest.mark.parametrize("role", ["viewer", "staff"])
def test_api_refuses_viewers_and_staff(client_for: Any, web_store: Any, role: str) -> None:
    client, token = _api_client(client_for, role)
    assert client.get("/api/users").status_code == 403
    answer = client.post(
        "/api/users/viewer/role", json={"role": "admin"}, headers={"X-CSRF-Token": token}
    )
    assert answer.status_code == 403
    assert get_user(web_store, "viewer").role == "viewer"


# --- in the browser ---------------------------------------------------------------------------


def test_browser_admin_adds_changes_and_removes_a_user(
    browser_page_for: Any, web_store: Any
) -> None:
    page = browser_page_for("admin")
    page.goto("/users")
    page.fill("form.user-form input[name=name]", "erin")
    page.select_option("form.user-form select[name=role]", "viewer")
    page.fill("form.user-form input[name=password]", NEW)
    page.fill("form.user-form input[name=password2]", NEW)
    page.click("form.user-form button[type=submit]")
    page.wait_for_url("**/users")
    assert "Added user 'erin' (viewer)." in page.inner_text("main")
    assert NEW not in page.content()
    screenshot(page, "users")

    row = page.locator("tr", has_text="erin")
    row.locator("select[name=role]").select_option("staff")
    row.locator("button", has_text="Change").click()
    page.wait_for_url("**/users/erin/role?role=staff")
    assert "Make erin staff?" in page.inner_text("h1")
    assert get_user(web_store, "erin").role == "viewer"
    page.click("button:has-text('Make erin staff')")
    page.wait_for_url("**/users")
    assert get_user(web_store, "erin").role == "staff"

    page.locator("tr", has_text="erin").locator("a", has_text="Remove").click()
    page.wait_for_url("**/users/erin/remove")
    page.click("button:has-text('Remove erin')")
    page.wait_for_url("**/users")
    assert "Removed user 'erin' (staff)." in page.inner_text("main")
    assert "erin" not in _roles(web_store)


def test_browser_staff_sees_no_users_link(browser_page_for: Any) -> None:
    page = browser_page_for("staff")
    page.goto("/batches")
    assert page.locator("nav a", has_text="Users").count() == 0
    answer = page.goto("/users")
    assert answer is not None and answer.status == 403
