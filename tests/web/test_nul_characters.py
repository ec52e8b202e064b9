"""A NUL character (U+0000) in a path, a query, a form or a JSON body is refused with 400
and a message saying so, on SQLite and on PostgreSQL alike: PostgreSQL's text cannot hold
one, and a value with one that reached it answered 500. So is a lone surrogate in a JSON
body (``"\\ud800"``: not valid UTF-8, so no store can keep it), which answered 500 with a
traceback in the log (UnicodeEncodeError) wherever it reached the store or the hash."""

from __future__ import annotations

import datetime as dt
import json
import random
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

import rulesengine
from rulesengine.demo.demo_run import generate_ledger, write_ledger_csv
from rulesengine.store.user_accounts import add_user
from tests.web.conftest import PASSWORD, csrf_of

REPO = Path(__file__).resolve().parents[2]
SAID = r"holds a NUL character (\x00), which a store cannot keep: remove it"
NOT_UTF8 = (
    "is not valid UTF-8: it holds a lone surrogate (U+D800 to U+DFFF, such as an undecodable"
    " byte), which a store cannot keep: remove it"
)


@pytest.fixture(params=("sqlite-file", "postgresql"))
def dashboard(request: pytest.FixtureRequest, store_url_for: Any, tmp_path: Path) -> Iterator[Any]:
    """A test client logged in as an admin, over a store with a live batch (its first
    guarantor's id is ``client.guarantor_id``)."""
    from starlette.testclient import TestClient

    from rulesengine.web.app import create_app

    ledger = generate_ledger(6, dt.date(2025, 9, 1), random.Random(3))
    write_ledger_csv(ledger, tmp_path / "ledger")
    rules = rulesengine.load_rules(REPO / "rulesengine" / "data" / "demo-practice.yaml")
    store = rulesengine.open_store(store_url_for(request.param))
    store.sync_ledger(rulesengine.read_ledger_dir(tmp_path / "ledger", store=store))
    rulesengine.run_statements(store, rules, dt.date(2026, 1, 5), live=True)
    add_user(store, "alice", "admin", PASSWORD)
    app = create_app(store)
    try:
        with TestClient(app, follow_redirects=False) as client:
            page = client.get("/login?checked=1")
            answer = client.post(
                "/login",
                data={"csrf_token": csrf_of(page.text), "name": "alice", "password": PASSWORD},
            )
            assert answer.status_code == 303
            client.guarantor_id = ledger.guarantors[0]["id"]  # type: ignore[attr-defined]
            yield client
    finally:
        app.state.queue.close()
        store.close()


@pytest.mark.parametrize(
    "path",
    [
        "/batches/B%00",
        "/api/batches/B%00",
        "/batches?profile=p%00",
        "/api/batches?profile=p%00",
        "/guarantors/G%00",
        "/guarantors?id=G%00",
        "/api/guarantors/G%00",
        "/api/guarantors/G%00/explain",
        "/guarantors/G%00/opt-out",
        "/guarantors/G%00/notify",
        "/notifications?guarantor=G%00",
        "/notifications?channel=email%00",
        "/notifications?batch=B%00",
        "/notifications?profile=p%00",
        "/api/notifications?guarantor=G%00",
        "/statements/S%00",
        "/api/statements/S%00",
        "/rules/h%00",
        "/api/rules/h%00",
        "/worklist?profile=p%00",
        "/api/worklist?profile=p%00",
        "/users/a%00/role",
        "/test-batch?profile=p%00",
    ],
)
def test_a_nul_in_a_path_or_a_query_is_400(dashboard: Any, path: str) -> None:
    answer = dashboard.get(path)
    assert answer.status_code == 400, answer.text[:300]
    assert "NUL character" in answer.text


def _form_of(dashboard: Any, page: str) -> dict[str, str]:
    return {"csrf_token": csrf_of(dashboard.get(page).text)}


def test_a_nul_in_a_form_field_is_400_and_changes_nothing(dashboard: Any) -> None:
    guarantor = dashboard.guarantor_id
    page = f"/guarantors/{guarantor}/opt-out"
    form = _form_of(dashboard, page) | {"channel": "email", "source": "front desk\0"}
    answer = dashboard.post(page, data=form)
    assert answer.status_code == 400, answer.text[:300]
    assert "NUL character" in answer.text
    assert "opted out" not in dashboard.get(f"/guarantors/{guarantor}").text
    users = _form_of(dashboard, "/users") | {
        "name": "bob\0",
        "role": "viewer",
        "password": PASSWORD,
        "password2": PASSWORD,
    }
    answer = dashboard.post("/users", data=users)
    assert answer.status_code == 400, answer.text[:300]


def test_a_nul_in_a_json_body_is_400(dashboard: Any) -> None:
    token = dashboard.post("/api/login", json={"name": "alice", "password": PASSWORD}).json()[
        "csrf_token"
    ]
    answer = dashboard.post(
        "/api/users",
        json={"name": "bob", "role": "viewer", "password": PASSWORD + "\0"},
        headers={"X-CSRF-Token": token},
    )
    assert answer.status_code == 400, answer.text
    assert answer.json()["error"] == f"the field 'password' {SAID}"


def test_a_login_with_a_nul_in_the_name_is_a_wrong_login(dashboard: Any) -> None:
    dashboard.cookies.clear()  # logged out
    page = dashboard.get("/login?checked=1")
    answer = dashboard.post(
        "/login",
        data={"csrf_token": csrf_of(page.text), "name": "alice\0", "password": PASSWORD},
    )
    assert answer.status_code == 401
    assert "Wrong user name or password." in answer.text


def test_an_api_login_with_a_nul_in_the_name_is_a_wrong_login(dashboard: Any) -> None:
    dashboard.cookies.clear()  # logged out
    answer = dashboard.post("/api/login", json={"name": "alice\0", "password": PASSWORD})
    assert answer.status_code == 401


def test_a_nul_deep_in_a_json_body_is_400(dashboard: Any) -> None:
    token = dashboard.post("/api/login", json={"name": "alice", "password": PASSWORD}).json()[
        "csrf_token"
    ]
    nested: Any = "x\0"
    for _ in range(900):
        nested = [nested]
    answer = dashboard.post(
        "/api/users", json={"name": "bob", "extra": nested}, headers={"X-CSRF-Token": token}
    )
    assert answer.status_code == 400, answer.text[:300]
    assert answer.json()["error"] == f"the field 'extra' {SAID}"


def _post_json(dashboard: Any, path: str, body: dict[str, Any]) -> Any:
    """``body`` posted as JSON with ``\\u`` escapes (a lone surrogate cannot be sent as
    UTF-8), logged in as the admin."""
    token = dashboard.post("/api/login", json={"name": "alice", "password": PASSWORD}).json()[
        "csrf_token"
    ]
    return dashboard.post(
        path,
        content=json.dumps(body),
        headers={"X-CSRF-Token": token, "Content-Type": "application/json"},
    )


@pytest.mark.parametrize(
    ("path", "body", "field"),
    [
        (
            "/api/users",
            {"name": "bob", "role": "viewer", "password": PASSWORD + "\ud800"},
            "password",
        ),
        ("/api/users/alice/password", {"password": "\udce9" + PASSWORD}, "password"),
        ("/api/users", {"name": "bob", "role": "viewer\udfff", "password": PASSWORD}, "role"),
        ("/api/guarantors/{g}/opt-out", {"channel": "email", "source": "x\ud800"}, "source"),
        ("/api/guarantors/{g}/opt-out", {"channel": "email", "so\ud800urce": "x"}, "so\\ud800urce"),
        (
            "/api/guarantors/{g}/opt-out",
            {"channel": "email", "source": {"x": ["\ud800"]}},
            "source",
        ),
        (
            "/api/test-batch",
            {"profile": "p\ud800", "date": "2026-07-01", "rules_yaml": "rulesengine: 1\n"},
            "profile",
        ),
    ],
)
def test_a_lone_surrogate_in_a_json_body_is_400_naming_the_field_and_changes_nothing(
    dashboard: Any, path: str, body: dict[str, Any], field: str
) -> None:
    guarantor = dashboard.guarantor_id
    users_before = dashboard.get("/api/users").json()
    answer = _post_json(dashboard, path.format(g=guarantor), body)
    assert answer.status_code == 400, answer.text[:300]
    assert answer.json()["error"] == f"the field '{field}' {NOT_UTF8}"
    assert dashboard.get("/api/users").json() == users_before
    assert "opted out" not in dashboard.get(f"/guarantors/{guarantor}").text


@pytest.mark.parametrize("login", [{"name": "alice\ud800"}, {"password": PASSWORD + "\ud800"}])
def test_an_api_login_with_a_lone_surrogate_is_a_wrong_login(
    dashboard: Any, login: dict[str, str]
) -> None:
    dashboard.cookies.clear()  # logged out
    answer = dashboard.post(
        "/api/login",
        content=json.dumps({"name": "alice", "password": PASSWORD} | login),
        headers={"Content-Type": "application/json"},
    )
    assert answer.status_code == 401, answer.text[:300]


def test_the_test_batch_leaves_a_surrogate_in_its_rules_text_to_the_loader_not_a_nul(
    dashboard: Any,
) -> None:
    """The loader names the line and column of a lone surrogate in ``rules_yaml``
    (tests/web/test_test_batch_pages.py); a NUL there is refused before it, as anywhere."""
    body = {"profile": "riverside", "date": "2026-07-01", "rules_yaml": "rulesengine: 1\nx: \0\n"}
    answer = _post_json(dashboard, "/api/test-batch", body)
    assert answer.status_code == 400, answer.text[:300]
    assert answer.json()["error"] == f"the field 'rules_yaml' {SAID}"
    body["rules_yaml"] = "rulesengine: 1\nx: \ud800\n"
    answer = _post_json(dashboard, "/api/test-batch", body)
    assert answer.status_code == 400, answer.text[:300]
    assert answer.json()["error"] == (
        "upload.yaml:2:4: the file is not UTF-8 text: save it with the UTF-8 encoding"
    )
