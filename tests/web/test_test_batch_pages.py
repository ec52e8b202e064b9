"""The Test statement batch screen and ``POST /api/test-batch``: a stored rules version or an
uploaded rules file run as a test batch (nothing saved), with the diff against the current
rules; through the test client (every path) and the browser (what a user sees)."""

from __future__ import annotations

import datetime as dt
import re
import sqlite3
import threading
from pathlib import Path
from typing import Any

import pytest

from rulesengine.rules.installed_rules import load_installed_rules_text
from rulesengine.statements.statement_run import run_statements
from rulesengine.web import test_batch_pages
from tests.web.conftest import csrf_of, screenshot

#: The demo's six monthly live batches run on the first of January to June 2026.
NEXT_RUN = "2026-07-01"
BROKEN = b"rulesengine: 1\nprofile:\n  id: riverside\n  name: [unclosed\n"


def _current_hash(store: Any) -> str:
    return next(b.rules_hash for b in reversed(store.list_batches()) if b.mode == "live")


def _stricter(text: str) -> str:
    """The demo's rules with a higher minimum statement balance (fewer statements)."""
    assert "min_statement_balance: 5.00" in text
    return text.replace("min_statement_balance: 5.00", "min_statement_balance: 150.00")


@pytest.fixture
def current_text(web_store: Any) -> str:
    return web_store.rules_text(_current_hash(web_store))


@pytest.fixture
def older_version(web_store: Any, current_text: str) -> str:
    """A second rules version: a live batch on 2026-07-01 with stricter rules, which become
    the current ones; answers the hash of the older (the demo's) rules."""
    old_hash = _current_hash(web_store)
    rules = load_installed_rules_text(_stricter(current_text), filename="stricter.yaml")
    run_statements(web_store, rules, dt.date(2026, 7, 1), live=True)
    assert _current_hash(web_store) == rules.content_hash != old_hash
    return old_hash


def _dump(path: Path) -> list[str]:
    with sqlite3.connect(path) as conn:
        return list(conn.iterdump())


def _post(client: Any, data: dict[str, str], files: Any = None) -> Any:
    page = client.get("/test-batch")
    return client.post("/test-batch", data={"csrf_token": csrf_of(page.text), **data}, files=files)


def _api(client: Any, body: dict[str, Any]) -> Any:
    page = client.get("/test-batch")
    return client.post("/api/test-batch", json=body, headers={"X-CSRF-Token": csrf_of(page.text)})


# --- the page ------------------------------------------------------------------------------


def test_the_form_offers_each_profile_and_its_stored_versions(
    client_for: Any, web_store: Any
) -> None:
    answer = client_for("viewer").get("/test-batch")
    assert answer.status_code == 200
    current = _current_hash(web_store)
    assert '<option value="riverside" selected>riverside</option>' in answer.text
    assert f'<option value="{current}" selected>{current[:12]}: 6 batches' in answer.text
    assert "2026-01-01 … 2026-06-01) (current)" in answer.text
    assert 'type="file" name="rules_file"' in answer.text
    assert 'name="csrf_token"' in answer.text


def test_a_logged_out_visitor_is_sent_to_the_login(client_for: Any) -> None:
    assert client_for(None).get("/test-batch").headers["location"].startswith("/login")


def test_a_run_without_its_csrf_token_is_refused(client_for: Any, web_store: Any) -> None:
    answer = client_for("viewer").post(
        "/test-batch",
        data={"profile": "riverside", "rules_hash": _current_hash(web_store), "date": NEXT_RUN},
    )
    assert answer.status_code == 403


def test_a_viewer_runs_a_stored_version_and_sees_the_batch(client_for: Any, web_store: Any) -> None:
    answer = _post(
        client_for("viewer"),
        {"profile": "riverside", "rules_hash": _current_hash(web_store), "date": NEXT_RUN},
    )
    assert answer.status_code == 200, answer.text
    text = answer.text
    assert "Test batch of riverside on 2026-07-01" in text
    assert "Nothing was saved." in text
    assert re.search(r'<a href="/guarantors/[^"]+" class="mono">', text)
    assert "Skipped because" in text and "Would queue" in text
    assert "These are the current rules" in text


def test_an_older_stored_version_is_diffed_against_the_current_rules(
    client_for: Any, older_version: str
) -> None:
    answer = _post(
        client_for("viewer"),
        {"profile": "riverside", "rules_hash": older_version, "date": "2026-08-01"},
    )
    assert answer.status_code == 200, answer.text
    assert "Diff against the current rules" in answer.text
    assert re.search(r"\d+ guarantors? would change", answer.text)
    assert "rules diff on 2026-08-01" in answer.text  # render_diff's text
    assert '<pre class="trace diff">' in answer.text


def test_a_date_before_the_latest_live_run_shows_the_diff_s_warning(
    client_for: Any, older_version: str
) -> None:
    answer = _post(
        client_for("staff"),
        {"profile": "riverside", "rules_hash": older_version, "date": "2026-06-15"},
    )
    assert answer.status_code == 200, answer.text
    assert '<p class="flash warn">profile &#39;riverside&#39; had its latest live run on' in (
        answer.text
    )


def test_a_date_past_what_a_run_supports_is_refused(client_for: Any, web_store: Any) -> None:
    answer = _post(
        client_for("admin"),
        {"profile": "riverside", "rules_hash": _current_hash(web_store), "date": "9999-12-01"},
    )
    assert answer.status_code == 400
    assert "The test batch did not run" in answer.text


def test_an_uploaded_rules_file_runs_and_is_diffed(client_for: Any, current_text: str) -> None:
    answer = _post(
        client_for("viewer"),
        {"profile": "riverside", "rules_hash": "", "date": NEXT_RUN},
        files={"rules_file": ("stricter.yaml", _stricter(current_text).encode(), "text/yaml")},
    )
    assert answer.status_code == 200, answer.text
    assert "Rules: uploaded file stricter.yaml" in answer.text
    assert re.search(r"[1-9]\d* guarantors? would change", answer.text)


def test_a_broken_upload_shows_the_validate_errors_with_line_and_column(
    client_for: Any,
) -> None:
    answer = _post(
        client_for("viewer"),
        {"profile": "riverside", "rules_hash": "", "date": NEXT_RUN},
        files={"rules_file": ("broken.yaml", BROKEN, "text/yaml")},
    )
    assert answer.status_code == 400
    assert "Problems in broken.yaml" in answer.text
    assert re.search(r'<pre class="error" role="alert">broken\.yaml:\d+:\d+: ', answer.text)


def test_an_uploaded_file_name_is_only_shown_escaped(client_for: Any) -> None:
    answer = _post(
        client_for("viewer"),
        {"profile": "riverside", "date": NEXT_RUN},
        files={"rules_file": ("../../<i>evil.yaml", BROKEN, "text/yaml")},
    )
    assert answer.status_code == 400
    assert "<i>evil" not in answer.text
    assert "Problems in &lt;i&gt;evil.yaml" in answer.text
    assert "&lt;i&gt;evil.yaml:4:" in answer.text
    assert "../" not in answer.text.split("Problems in", 1)[1]


def test_a_file_not_utf8_is_refused_at_its_line_and_column(client_for: Any) -> None:
    answer = _post(
        client_for("viewer"),
        {"profile": "riverside", "date": NEXT_RUN},
        files={"rules_file": ("latin.yaml", b"rulesengine: 1\nprofile: caf\xe9\n", "text/yaml")},
    )
    assert answer.status_code == 400
    assert "latin.yaml:2:13: the file is not UTF-8 text" in answer.text


def test_an_upload_over_1_mb_is_refused(client_for: Any) -> None:
    big = b"# padding\n" * 110_000
    answer = _post(
        client_for("viewer"),
        {"profile": "riverside", "date": NEXT_RUN},
        files={"rules_file": ("big.yaml", big, "text/yaml")},
    )
    assert answer.status_code == 400
    assert "larger than 1 MB" in answer.text


def test_an_upload_for_another_profile_is_refused(client_for: Any, current_text: str) -> None:
    other = current_text.replace("id: riverside", "id: lakeside", 1)
    answer = _post(
        client_for("viewer"),
        {"profile": "riverside", "date": NEXT_RUN},
        files={"rules_file": ("lakeside.yaml", other.encode(), "text/yaml")},
    )
    assert answer.status_code == 400
    assert "the rules file of profile &#39;lakeside&#39;, not &#39;riverside&#39;" in answer.text


def test_an_unknown_hash_or_profile_is_404(client_for: Any, web_store: Any) -> None:
    client = client_for("viewer")
    answer = _post(client, {"profile": "riverside", "rules_hash": "f" * 64, "date": NEXT_RUN})
    assert answer.status_code == 404
    assert "has no rules version" in answer.text
    answer = _post(
        client, {"profile": "nowhere", "rules_hash": _current_hash(web_store), "date": NEXT_RUN}
    )
    assert answer.status_code == 404


@pytest.mark.parametrize("date", ["07/01/2026", "2026-13-01", "", "2026-07-01T00:00"])
def test_a_bad_date_is_refused_with_400(client_for: Any, web_store: Any, date: str) -> None:
    answer = _post(
        client_for("viewer"),
        {"profile": "riverside", "rules_hash": _current_hash(web_store), "date": date},
    )
    assert answer.status_code == 400
    assert "write it as YYYY-MM-DD" in answer.text


def test_a_run_without_rules_asks_for_them(client_for: Any) -> None:
    answer = _post(client_for("viewer"), {"profile": "riverside", "date": NEXT_RUN})
    assert answer.status_code == 400
    assert "choose a stored rules version or upload a rules file" in answer.text


def test_a_second_test_batch_at_the_same_time_waits_then_is_refused(
    client_for: Any, web_store: Any, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(test_batch_pages, "_ONE_AT_A_TIME", threading.BoundedSemaphore(1))
    monkeypatch.setattr(test_batch_pages, "_WAIT_SECONDS", 0.05)
    body = {"profile": "riverside", "rules_hash": _current_hash(web_store), "date": NEXT_RUN}
    client = client_for("viewer")
    test_batch_pages._ONE_AT_A_TIME.acquire()  # a test batch that is still running
    try:
        assert _post(client, body).status_code == 409
        assert _api(client, body).json()["error"].startswith("another test batch is still")
    finally:
        test_batch_pages._ONE_AT_A_TIME.release()
    assert _post(client, body).status_code == 200


def test_a_test_batch_and_its_diff_persist_nothing(
    client_for: Any, web_store: Any, web_store_path: Path, older_version: str, current_text: str
) -> None:
    client = client_for("viewer")
    client.get("/test-batch")  # the session exists before the dump
    before, counts = _dump(web_store_path), web_store.counts()
    assert (
        _post(
            client, {"profile": "riverside", "rules_hash": older_version, "date": "2026-08-01"}
        ).status_code
        == 200
    )
    assert (
        _post(
            client,
            {"profile": "riverside", "date": "2026-08-01"},
            files={"rules_file": ("same.yaml", current_text.encode(), "text/yaml")},
        ).status_code
        == 200
    )
    assert (
        _api(
            client, {"profile": "riverside", "rules_hash": older_version, "date": "2026-08-01"}
        ).status_code
        == 200
    )
    assert web_store.counts() == counts
    assert _dump(web_store_path) == before


# --- the API -------------------------------------------------------------------------------


def test_the_api_runs_a_stored_version_with_its_diff(client_for: Any, older_version: str) -> None:
    answer = _api(
        client_for("viewer"),
        {"profile": "riverside", "rules_hash": older_version, "date": "2026-08-01"},
    )
    assert answer.status_code == 200, answer.text
    data = answer.json()
    summary = data["summary"]
    assert summary["profile"] == "riverside" and summary["mode"] == "test"
    assert summary["rules_hash"] == older_version
    assert data["statement_count"] == summary["statements"] >= len(data["statements"])
    assert sum(summary["statements_by_level"].values()) == summary["statements"]
    assert data["skip_count"] == sum(summary["skipped"].values())
    assert data["current_rules"] != older_version
    assert data["diff"]["new"]["hash"] == older_version
    assert data["diff"]["guarantors_changed"] == len(data["diff"]["guarantors"]) > 0
    first = data["statements"][0]
    assert set(first) >= {"guarantor", "level", "message", "channels", "total_cents", "encounters"}


def test_the_api_runs_inline_rules_text(client_for: Any, current_text: str) -> None:
    answer = _api(
        client_for("viewer"),
        {"profile": "riverside", "rules_yaml": _stricter(current_text), "date": NEXT_RUN},
    )
    assert answer.status_code == 200, answer.text
    assert answer.json()["summary"]["rules"] == "uploaded text upload.yaml"
    assert answer.json()["diff"]["guarantors_changed"] > 0


def test_the_api_answers_rules_problems_with_400_and_line_and_column(client_for: Any) -> None:
    answer = _api(
        client_for("viewer"),
        {"profile": "riverside", "rules_yaml": BROKEN.decode(), "date": NEXT_RUN},
    )
    assert answer.status_code == 400
    assert re.match(r"upload\.yaml:\d+:\d+: ", answer.json()["error"])
    assert answer.json()["error"].startswith(answer.json()["problems"][0])


def test_the_api_refuses_text_with_a_lone_surrogate_at_its_place(client_for: Any) -> None:
    client = client_for("viewer")
    token = csrf_of(client.get("/test-batch").text)
    body = (
        '{"profile": "riverside", "date": "2026-07-01",'
        ' "rules_yaml": "rulesengine: 1\\nx: \\ud800\\n"}'
    )
    answer = client.post(
        "/api/test-batch",
        content=body.encode(),
        headers={"X-CSRF-Token": token, "Content-Type": "application/json"},
    )
    assert answer.status_code == 400
    assert answer.json()["error"] == (
        "upload.yaml:2:4: the file is not UTF-8 text: save it with the UTF-8 encoding"
    )


@pytest.mark.parametrize(
    ("body", "status", "says"),
    [
        ({"profile": "riverside", "rules_hash": "0" * 64, "date": NEXT_RUN}, 404, "no rules"),
        ({"profile": "nowhere", "rules_hash": "0" * 64, "date": NEXT_RUN}, 404, "no profile"),
        ({"profile": "riverside", "rules_hash": "x", "date": "July"}, 400, "YYYY-MM-DD"),
        ({"profile": "riverside", "date": NEXT_RUN}, 400, "either rules_hash"),
        (
            {"profile": "riverside", "rules_hash": "x", "rules_yaml": "x", "date": NEXT_RUN},
            400,
            "either rules_hash",
        ),
        ({"profile": "riverside", "rules_hash": 5, "date": NEXT_RUN}, 400, "must be text"),
    ],
)
def test_the_api_refuses_what_it_cannot_run(
    client_for: Any, body: dict[str, Any], status: int, says: str
) -> None:
    answer = _api(client_for("viewer"), body)
    assert answer.status_code == status
    assert says in answer.json()["error"]


def test_the_api_needs_a_login_and_the_csrf_header(client_for: Any, web_store: Any) -> None:
    body = {"profile": "riverside", "rules_hash": _current_hash(web_store), "date": NEXT_RUN}
    assert client_for(None).post("/api/test-batch", json=body).status_code == 401
    assert client_for("viewer").post("/api/test-batch", json=body).status_code == 403


# --- the browser ---------------------------------------------------------------------------


def test_browser_run_a_stored_version_and_see_the_batch_and_diff(
    browser_page_for: Any, older_version: str
) -> None:
    page = browser_page_for("viewer")
    page.goto("/test-batch")
    page.select_option("select[name=rules_hash]", older_version)
    page.fill("input[name=date]", "2026-08-01")
    page.click("form.test-batch button[type=submit]")
    page.wait_for_selector("text=Test batch of riverside on 2026-08-01")
    assert page.locator("pre.diff").inner_text().startswith("rules diff on 2026-08-01")
    assert page.locator("table >> text=Guarantor").count() >= 1
    screenshot(page, "test-batch")


def test_browser_a_broken_upload_shows_its_errors(browser_page_for: Any, tmp_path: Path) -> None:
    broken = tmp_path / "broken.yaml"
    broken.write_bytes(BROKEN)
    page = browser_page_for("viewer")
    page.goto("/test-batch")
    page.select_option("select[name=rules_hash]", "")
    page.set_input_files("input[name=rules_file]", str(broken))
    page.click("form.test-batch button[type=submit]")
    error = page.locator("pre.error")
    error.wait_for()
    assert re.match(r"broken\.yaml:\d+:\d+: ", error.inner_text())
    assert page.locator("text=Problems in broken.yaml").count() == 1
