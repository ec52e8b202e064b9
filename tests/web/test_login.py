"""Logging in and out, sessions, CSRF, roles and the security headers, through the test
client (every property) and the browser (the ones a user sees)."""

from __future__ import annotations

import logging
import re
from typing import Any

import pytest

from tests.web.conftest import PASSWORD, csrf_of, screenshot


def test_a_logged_out_page_redirects_to_the_login_with_where_it_was(client_for: Any) -> None:
    answer = client_for(None).get("/batches?profile=riverside")
    assert answer.status_code == 303
    assert answer.headers["location"] == "/login?next=/batches%3Fprofile%3Driverside"


def test_the_api_answers_401_without_a_login(client_for: Any) -> None:
    answer = client_for(None).get("/api/batches")
    assert answer.status_code in (401, 404)
    assert "error" in answer.json()


def test_a_login_goes_to_the_page_asked_for(client_for: Any) -> None:
    client = client_for(None)
    page = client.get("/login?next=/worklist&checked=1")
    answer = client.post(
        "/login",
        data={
            "csrf_token": csrf_of(page.text),
            "name": "viewer",
            "password": PASSWORD,
            "next": "/worklist",
        },
    )
    assert answer.status_code == 303
    assert answer.headers["location"] == "/worklist"


@pytest.mark.parametrize("target", ["//evil.example/", "https://evil.example/", "/\\evil", "evil"])
def test_a_login_never_sends_to_another_host(client_for: Any, target: str) -> None:
    client = client_for(None)
    page = client.get("/login?checked=1")
    answer = client.post(
        "/login",
        data={
            "csrf_token": csrf_of(page.text),
            "name": "viewer",
            "password": PASSWORD,
            "next": target,
        },
    )
    assert answer.headers["location"] == "/"


def test_a_wrong_password_is_refused_slowed_and_logged_without_the_password(
    client_for: Any, caplog: pytest.LogCaptureFixture
) -> None:
    client = client_for(None)
    page = client.get("/login?checked=1")
    with caplog.at_level(logging.WARNING):
        answer = client.post(
            "/login",
            data={
                "csrf_token": csrf_of(page.text),
                "name": "viewer",
                "password": "not the password",
            },
        )
    assert answer.status_code == 401
    assert "Wrong user name or password" in answer.text
    assert "failed dashboard login for user name 'viewer'" in caplog.text
    assert "not the password" not in caplog.text
    assert client.app.state.login_throttle.delay("name viewer") > 0


def test_a_login_without_its_csrf_token_is_refused(client_for: Any) -> None:
    client = client_for(None)
    client.get("/login?checked=1")
    answer = client.post("/login", data={"name": "viewer", "password": PASSWORD})
    assert answer.status_code == 403
    assert client.get("/batches").status_code == 303  # still logged out


def test_the_session_cookie_is_httponly_and_samesite_strict(client_for: Any) -> None:
    client = client_for(None)
    page = client.get("/login?checked=1")
    answer = client.post(
        "/login", data={"csrf_token": csrf_of(page.text), "name": "viewer", "password": PASSWORD}
    )
    cookie = answer.headers["set-cookie"].lower()
    assert "httponly" in cookie and "samesite=strict" in cookie and "max-age=3600" in cookie


def test_every_answer_carries_the_security_headers(client_for: Any) -> None:
    answer = client_for(None).get("/login?checked=1")
    csp = answer.headers["content-security-policy"]
    assert "script-src 'self'" in csp and "frame-ancestors 'none'" in csp
    assert "unsafe-inline" not in csp
    assert answer.headers["x-frame-options"] == "DENY"
    assert answer.headers["cache-control"] == "no-store"
    assert answer.headers["referrer-policy"] == "no-referrer"


def test_logging_out_needs_the_csrf_token_and_ends_the_session(client_for: Any) -> None:
    client = client_for("viewer")
    client.post("/logout", data={})
    page = client.get("/batches")  # still logged in
    assert client.get("/batches").status_code != 303
    client.post("/logout", data={"csrf_token": csrf_of(page.text)})
    assert client.get("/batches").status_code == 303


def test_a_changed_password_ends_other_sessions(client_for: Any, web_store: Any) -> None:
    from rulesengine.store.user_accounts import set_password

    client = client_for("viewer")
    set_password(web_store, "viewer", "another long password")
    assert client.get("/batches").status_code == 303


def test_a_removed_user_is_logged_out(client_for: Any, web_store: Any) -> None:
    from rulesengine.store.user_accounts import remove_user

    client = client_for("staff")
    remove_user(web_store, "staff")
    assert client.get("/batches").status_code == 303


def test_an_expired_session_is_refused(client_for: Any, monkeypatch: pytest.MonkeyPatch) -> None:
    import time

    from rulesengine.web import sessions

    client = client_for("viewer")
    later = time.time() + sessions.LIFETIME + 1
    monkeypatch.setattr(sessions.time, "time", lambda: later)
    assert client.get("/batches").status_code == 303


def test_the_api_login_answers_the_csrf_token_and_the_api_needs_it(client_for: Any) -> None:
    client = client_for(None)
    answer = client.post("/api/login", json={"name": "staff", "password": PASSWORD})
    assert answer.status_code == 200
    token = answer.json()["csrf_token"]
    assert answer.json()["role"] == "staff"
    refused = client.post("/api/logout")
    assert refused.status_code == 403
    assert client.post("/api/logout", headers={"X-CSRF-Token": token}).status_code == 200


def test_the_api_login_takes_json_only(client_for: Any) -> None:
    answer = client_for(None).post("/api/login", data={"name": "staff", "password": PASSWORD})
    assert answer.status_code == 400


def test_an_unknown_path_is_a_404_page(client_for: Any) -> None:
    answer = client_for("viewer").get("/no/such/page")
    assert answer.status_code == 404
    assert "There is no such page" in answer.text


# --- in the browser ---------------------------------------------------------------------------


def test_browser_login_logout_and_the_redirect(browser_page_for: Any) -> None:
    page = browser_page_for(None)
    page.goto("/batches?profile=riverside")
    assert "/login" in page.url
    screenshot(page, "login")
    page.fill("input[name=name]", "viewer")
    page.fill("input[name=password]", "wrong password here")
    page.click("button[type=submit]")
    assert page.locator(".error").inner_text() == "Wrong user name or password."
    page.wait_for_timeout(700)  # a failed login refuses the name for 0.5 s
    page.fill("input[name=password]", PASSWORD)
    page.click("button[type=submit]")
    page.wait_for_url("**/batches?profile=riverside")
    page.click("text=Log out")
    page.wait_for_url("**/login")
    assert "You are logged out." in page.content()
    page.goto("/batches")
    assert "/login" in page.url


def test_browser_a_post_without_its_csrf_token_is_refused(browser_page_for: Any) -> None:
    page = browser_page_for("viewer")
    page.goto("/batches")
    answer = page.evaluate(
        """async () => (await fetch('/logout', {method: 'POST', body: new URLSearchParams({}),
                                     redirect: 'manual'})).status"""
    )
    page.goto("/batches")
    assert "/login" not in page.url, answer  # the logout without its token did nothing


def test_a_session_in_use_is_signed_again_so_it_does_not_end_an_hour_after_login(
    client_for: Any, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Starlette sends the cookie again only when the session changes, and checks its
    signature against IDLE: a request a minute or more after the last refresh changes it."""
    import time

    from rulesengine.web import sessions

    client = client_for("viewer")
    assert "set-cookie" not in client.get("/batches").headers  # just refreshed by the login
    later = time.time() + 61
    monkeypatch.setattr(sessions.time, "time", lambda: later)
    answer = client.get("/batches")
    assert answer.status_code == 200
    assert "rulesengine_session=" in answer.headers["set-cookie"]


def test_a_session_idle_for_an_hour_ends(client_for: Any, monkeypatch: pytest.MonkeyPatch) -> None:
    import time

    from rulesengine.web import sessions

    client = client_for("viewer")
    later = time.time() + sessions.IDLE + 5
    monkeypatch.setattr(sessions.time, "time", lambda: later)
    assert client.get("/batches").status_code == 303


def test_the_login_page_looks_once_more_before_it_sets_a_cookie(client_for: Any) -> None:
    """A navigation from another site carries no SameSite=Strict cookie: the login page
    then looks again from this site instead of replacing a logged-in cookie."""
    answer = client_for(None).get("/login?next=/worklist")
    assert answer.status_code == 200
    assert "set-cookie" not in answer.headers
    assert '<meta http-equiv="refresh" content="0;url=/login?next=%2Fworklist&amp;checked=1">' in (
        answer.text
    )


def test_a_logged_in_user_asking_for_the_login_goes_where_they_were_going(
    client_for: Any,
) -> None:
    answer = client_for("viewer").get("/login?next=/worklist")
    assert answer.status_code == 303 and answer.headers["location"] == "/worklist"


def test_a_logout_ends_the_session_everywhere_a_copy_of_its_cookie_was(client_for: Any) -> None:
    client = client_for("staff")
    copy = client_for(None)
    copy.cookies.update(client.cookies)
    assert copy.get("/batches").status_code == 200
    token = csrf_of(client.get("/batches").text)
    client.post("/logout", data={"csrf_token": token})
    assert copy.get("/batches").status_code == 303
    assert copy.get("/api/batches").status_code == 401


def test_the_api_login_refuses_a_large_body_without_reading_it(client_for: Any) -> None:
    client = client_for(None)
    answer = client.post(
        "/api/login",
        content=b'{"name": "x", "password": "' + b"a" * 10_000 + b'"}',
        headers={"Content-Type": "application/json"},
    )
    assert answer.status_code == 400


def test_a_password_typed_as_the_name_is_not_logged(
    client_for: Any, caplog: pytest.LogCaptureFixture
) -> None:
    client = client_for(None)
    page = client.get("/login?checked=1")
    with caplog.at_level(logging.WARNING):
        client.post(
            "/login",
            data={"csrf_token": csrf_of(page.text), "name": "my secret pw!", "password": "x" * 12},
        )
    assert "my secret pw" not in caplog.text
    assert "(not a valid user name)" in caplog.text


def test_the_throttle_checks_one_attempt_per_name_at_a_time_and_forgets() -> None:
    """Refused (the seconds to wait) while another attempt for the name is checked or
    until the delay after a failure has passed; nothing waits holding a place."""
    from rulesengine.web.sessions import LoginThrottle

    now = [1000.0]
    throttle = LoginThrottle(clock=lambda: now[0])
    assert throttle.begin("name a", "address 1") == 0.0
    assert throttle.begin("name a", "address 2") == 1.0  # in parallel: refused
    assert throttle.begin("name b", "address 1") == 0.0  # the address has not failed
    throttle.end("name b", "address 1", succeeded=True)
    throttle.end("name a", "address 1", succeeded=False)
    assert throttle.begin("name a", "address 3") == 0.5  # refused until 0.5 s after it
    assert throttle.begin("name c", "address 1") == 0.5  # the address failed too
    now[0] += 0.5
    assert throttle.begin("name a", "address 3") == 0.0
    throttle.end("name a", "address 3", succeeded=False)
    now[0] += 0.4
    assert throttle.begin("name a", "address 4") == pytest.approx(0.6)  # 1.0 after the last
    now[0] += 0.6
    assert throttle.begin("name a", "address 4") == 0.0
    throttle.end("name a", "address 4", succeeded=True)
    assert throttle.delay("name a") == 0.0  # a success clears the name
    now[0] += LoginThrottle.FORGET + 1
    assert throttle.delay("address 1") == 0.0  # and failures are forgotten


def test_a_refused_login_answers_429_with_retry_after(client_for: Any) -> None:
    client = client_for(None)
    wrong = {"name": "viewer", "password": "not the password"}
    assert client.post("/api/login", json=wrong).status_code == 401
    again = client.post("/api/login", json={"name": "viewer", "password": PASSWORD})
    assert again.status_code == 429
    assert again.headers["retry-after"] == "1"
    assert "too many failed logins" in again.json()["error"]


def test_browser_a_link_from_another_site_keeps_the_session(
    browser_page_for: Any, live_dashboard: str
) -> None:
    page = browser_page_for("viewer")
    from urllib.parse import quote

    # A page of another origin (a data: URL is opaque), linking to the dashboard.
    page.goto("data:text/html," + quote(f'<a id="go" href="{live_dashboard}/worklist">go</a>'))
    page.click("#go")
    page.wait_for_url("**/worklist")
    assert page.locator(".who").inner_text() == "viewer (viewer)"
    page.goto("/batches")
    assert "/login" not in page.url


def test_only_a_letter_may_be_framed_and_only_by_the_dashboard(client_for: Any) -> None:
    client = client_for("viewer")
    page = client.get("/batches")
    assert "frame-ancestors 'none'" in page.headers["content-security-policy"]
    statement = re.search(
        r'href="/statements/([^"/]+)"', client.get("/batches/riverside-2026-06-01").text
    )
    assert statement
    letter = client.get(f"/statements/{statement.group(1)}/letter.pdf")
    assert letter.status_code == 200
    assert "frame-ancestors 'self'" in letter.headers["content-security-policy"]
    assert letter.headers["x-frame-options"] == "SAMEORIGIN"
    assert letter.headers["cache-control"] == "no-store"


def test_ids_in_links_are_escaped_as_one_path_segment(web_app: Any) -> None:
    env = web_app.state.templates.env
    rendered = env.from_string('<a href="/guarantors/{{ id | id_path }}">').render(id="G4?x=1#f/..")
    assert rendered == '<a href="/guarantors/unlinkable-id">'  # a "/": never another record
    for plain, escaped in (("G4?x=1#f", "G4%3Fx%3D1%23f"), ("..", "unlinkable-id")):
        shown = env.from_string("{{ id | id_path }}").render(id=plain)
        assert shown == escaped


def test_an_action_that_takes_nothing_may_send_no_body(client_for: Any) -> None:
    client = client_for(None)
    token = client.post("/api/login", json={"name": "admin", "password": PASSWORD}).json()
    answer = client.post("/api/users/viewer/remove", headers={"X-CSRF-Token": token["csrf_token"]})
    assert answer.status_code == 200, answer.text
