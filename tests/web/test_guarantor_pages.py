"""The Guarantor screen: ``/guarantors``, ``/guarantors/{id}`` and their ``/api`` twins."""

from __future__ import annotations

import datetime as dt
import json
from typing import Any

import pytest

from rulesengine.queue.presend_sql import record_opt_out
from rulesengine.statements.explain import explain_stored_batch
from rulesengine.store.guarantor_reads import statements_of_guarantor
from tests.web.conftest import screenshot


@pytest.fixture
def busy_guarantor(web_store: Any) -> str:
    """A guarantor of the demo store with statements and notifications, one of them sent."""
    for entry in web_store.worklist():
        gid = entry.guarantor.id
        rows = [
            n for n in _notifications_of(web_store, gid) if n["status"] in ("sent", "delivered")
        ]
        if rows and statements_of_guarantor(web_store, gid):
            return str(gid)
    raise AssertionError("the demo store has no guarantor with sent notifications")


def _notifications_of(store: Any, gid: str) -> list[Any]:
    from rulesengine.queue.notification_reads import list_notifications

    return list(list_notifications(store, guarantor_id=gid))


def test_a_logged_out_visit_goes_to_the_login(client_for: Any) -> None:
    client = client_for(None)
    assert client.get("/guarantors/G00001").headers["location"] == "/login?next=/guarantors/G00001"
    assert client.get("/api/guarantors/G00001").status_code == 401
    assert client.get("/api/guarantors/G00001/explain").status_code == 401


def test_the_lookup_form_asks_for_an_id_and_redirects_to_the_page(client_for: Any) -> None:
    client = client_for("viewer")
    form = client.get("/guarantors")
    assert form.status_code == 200
    assert '<form class="filters guarantor-lookup" method="get" action="/guarantors">' in form.text
    assert 'name="id"' in form.text
    answer = client.get("/guarantors", params={"id": " G00001 "})
    assert (answer.status_code, answer.headers["location"]) == (303, "/guarantors/G00001")
    odd = client.get("/guarantors", params={"id": "G 1/2"})
    assert odd.headers["location"] == "/guarantors/G%201%2F2"


@pytest.mark.parametrize("wanted", ["", "   ", "G" * 201, "G\x001"])
def test_the_lookup_refuses_an_empty_or_odd_id(client_for: Any, wanted: str) -> None:
    assert client_for("viewer").get("/guarantors", params={"id": wanted}).status_code == 400


def test_an_unknown_guarantor_is_a_404(client_for: Any) -> None:
    client = client_for("viewer")
    page = client.get("/guarantors/NOBODY")
    assert page.status_code == 404
    assert "no guarantor &#39;NOBODY&#39;" in page.text
    assert client.get("/api/guarantors/NOBODY").status_code == 404
    assert client.get("/api/guarantors/NOBODY/explain").json() == {
        "error": "no guarantor 'NOBODY' in the store"
    }


def test_a_viewer_sees_the_guarantor_encounters_statements_and_notifications(
    client_for: Any, web_store: Any, busy_guarantor: str
) -> None:
    gid = busy_guarantor
    guarantor = web_store.get_guarantor(gid)
    page = client_for("viewer").get(f"/guarantors/{gid}")
    assert page.status_code == 200
    text = page.text
    assert f"{guarantor.first_name} {guarantor.last_name}" in text
    for encounter in web_store.encounters_of(gid):
        assert f'<td class="mono">{encounter.id}</td>' in text
        status = encounter.status.replace("_", " ")
        assert f'<span class="status status-{encounter.status}">{status}</span>' in text
    for statement in statements_of_guarantor(web_store, gid):
        assert f'href="/statements/{statement.id}"' in text
        assert f'href="/batches/{statement.batch_id}"' in text
    for note in _notifications_of(web_store, gid):
        assert f'href="/notifications/{note["id"]}"' in text
        assert f'class="status status-{note["status"]}"' in text
    # a viewer gets no staff actions
    assert f"/guarantors/{gid}/opt-out" not in text
    assert f"/guarantors/{gid}/notify" not in text


def test_staff_get_links_to_the_staff_actions(client_for: Any, busy_guarantor: str) -> None:
    text = client_for("staff").get(f"/guarantors/{busy_guarantor}").text
    assert f'href="/guarantors/{busy_guarantor}/opt-out"' in text
    assert f'href="/guarantors/{busy_guarantor}/notify"' in text


def test_the_page_shows_preferences_and_the_opt_out_ledger(
    client_for: Any, web_store: Any, busy_guarantor: str
) -> None:
    at = dt.datetime(2026, 6, 2, 15, 0, tzinfo=dt.UTC)
    with web_store.writing() as conn:
        record_opt_out(conn, busy_guarantor, "text", at, "inbound STOP")
    text = client_for("viewer").get(f"/guarantors/{busy_guarantor}").text
    assert "text since 2026-06-02 15:00:00 UTC (inbound STOP)" in text
    assert "<dt>Paperless</dt>" in text and "<dt>Hold</dt>" in text
    answer = client_for("viewer").get(f"/api/guarantors/{busy_guarantor}").json()
    assert answer["opt_outs"] == [
        {"channel": "text", "at": "2026-06-02T15:00:00+00:00", "source": "inbound STOP"}
    ]


def test_the_explain_trace_is_the_latest_batch_in_plain_words(
    client_for: Any, web_store: Any, busy_guarantor: str
) -> None:
    latest = web_store.latest_batch_with_guarantor(busy_guarantor)
    explanation = explain_stored_batch(web_store, latest, busy_guarantor)
    text = client_for("viewer").get(f"/guarantors/{busy_guarantor}").text
    assert f'href="/batches/{latest}">{latest}</a>, run date {explanation["date"]}' in text
    assert f'name="date" value="{explanation["date"]}"' in text
    step = explanation["encounters"][0]["steps"][0]
    assert f'<span class="step step-{step["outcome"]}">{step["step"]}</span>' in text
    assert '<pre class="trace">Guarantor ' in text


def test_a_date_explains_the_batch_run_on_or_before_it(
    client_for: Any, web_store: Any, busy_guarantor: str
) -> None:
    client = client_for("viewer")
    answer = client.get(f"/api/guarantors/{busy_guarantor}/explain?date=2026-03-15").json()
    assert answer["date"] == "2026-03-01"
    assert answer == json.loads(
        json.dumps(explain_stored_batch(web_store, answer["batch"], busy_guarantor))
    )
    page = client.get(f"/guarantors/{busy_guarantor}", params={"date": "2026-03-15"})
    assert f'href="/batches/{answer["batch"]}">' in page.text
    assert 'name="date" value="2026-03-15"' in page.text
    before = client.get(f"/guarantors/{busy_guarantor}", params={"date": "2020-01-01"})
    assert "No live batch on or before 2020-01-01" in before.text
    none = client.get(f"/api/guarantors/{busy_guarantor}/explain?date=2020-01-01")
    assert none.status_code == 404


def test_the_explain_api_is_the_cli_json(
    client_for: Any, web_store: Any, busy_guarantor: str, web_store_path: Any
) -> None:
    """``/api/guarantors/{id}/explain`` answers what ``rulesengine explain --json`` prints."""
    from click.testing import CliRunner

    from rulesengine.cli.main import main

    result = CliRunner().invoke(
        main, ["explain", busy_guarantor, "--json", "--db", str(web_store_path)]
    )
    assert result.exit_code == 0, result.output
    api = client_for("viewer").get(f"/api/guarantors/{busy_guarantor}/explain").json()
    assert api == json.loads(result.output)


@pytest.mark.parametrize("date", ["2026-13-01", "yesterday", "2026-6-1", "x" * 300])
def test_a_bad_date_is_a_400(client_for: Any, busy_guarantor: str, date: str) -> None:
    client = client_for("viewer")
    page = client.get(f"/guarantors/{busy_guarantor}", params={"date": date})
    assert page.status_code == 400
    assert "is not a date as YYYY-MM-DD" in page.text
    assert (
        client.get(f"/api/guarantors/{busy_guarantor}/explain", params={"date": date})
        .json()["error"]
        .endswith("is not a date as YYYY-MM-DD")
    )


def test_the_api_answers_the_guarantor_with_everything(
    client_for: Any, web_store: Any, busy_guarantor: str
) -> None:
    answer = client_for("viewer").get(f"/api/guarantors/{busy_guarantor}").json()
    assert answer["guarantor"]["id"] == busy_guarantor
    assert [e["id"] for e in answer["encounters"]] == [
        e.id for e in web_store.encounters_of(busy_guarantor)
    ]
    statements = statements_of_guarantor(web_store, busy_guarantor)
    assert [s["id"] for s in answer["statements"]] == [s.id for s in statements]
    assert "guarantor" in answer["encounters"][0] and "guarantor_id" not in answer["encounters"][0]
    first = answer["statements"][0]
    assert set(first) == {
        "id",
        "batch",
        "profile",
        "run_date",
        "level",
        "message",
        "channels",
        "total_cents",
        "due_date",
        "encounters",
    }
    notes = _notifications_of(web_store, busy_guarantor)
    assert [n["id"] for n in answer["notifications"]] == [n["id"] for n in reversed(notes)]
    assert set(answer["notifications"][0]) == {
        "id",
        "kind",
        "batch",
        "statement",
        "profile",
        "channel",
        "message",
        "level",
        "status",
        "reason",
        "scheduled_at",
        "attempt",
        "updated_at",
    }


# --- the browser -----------------------------------------------------------------------------


def test_browser_guarantor_lookup_page_and_explain(
    browser_page_for: Any, busy_guarantor: str
) -> None:
    page = browser_page_for("viewer")
    page.goto("/guarantors")
    page.fill("input[name=id]", busy_guarantor)
    page.click("form.guarantor-lookup button[type=submit]")
    page.wait_for_url(f"**/guarantors/{busy_guarantor}")
    assert busy_guarantor in page.locator("h1").inner_text()
    assert page.locator("table.encounters tbody tr").count() >= 1
    assert page.locator("table.statements a[href^='/statements/']").count() >= 1
    assert page.locator("table.notifications .status").count() >= 1
    assert page.locator("a[href$='/opt-out']").count() == 0
    page.fill("input[name=date]", "2026-03-15")
    page.click("#explain + form button[type=submit]")
    page.wait_for_url("**date=2026-03-15**")
    assert "run date 2026-03-01" in page.locator(".explain").inner_text()
    page.fill("input[name=date]", "")
    page.click("#explain + form button[type=submit]")
    page.wait_for_url("**date=**")
    screenshot(page, "guarantor")


def test_a_guarantor_no_batch_has_seen_yet_has_an_empty_page(
    client_for: Any, web_store: Any
) -> None:
    """A guarantor new to the ledger: no encounters, statements, notifications or trace."""
    from rulesengine.store.tables import guarantors

    with web_store.writing() as conn:
        conn.execute(
            guarantors.insert().values(
                id="G-NEW",
                first_name="Nova",
                last_name="Newman",
                paperless=True,
                hold=True,
                sms_opt_out=True,
                email_opt_out=False,
            )
        )
    client = client_for("staff")
    page = client.get("/guarantors/G-NEW")
    assert page.status_code == 200
    for empty in ("No encounters.", "No statements yet.", "No notifications."):
        assert empty in page.text
    assert "No live batch has looked at this guarantor's encounters yet." in page.text
    assert "<strong>on hold</strong>" in page.text
    assert client.get("/api/guarantors/G-NEW/explain").json() == {
        "error": "guarantor 'G-NEW' is in no live batch"
    }
    answer = client.get("/api/guarantors/G-NEW").json()
    assert (answer["encounters"], answer["statements"], answer["notifications"]) == ([], [], [])


def test_the_guarantor_routes_take_no_post(client_for: Any, busy_guarantor: str) -> None:
    """They only read: a POST (with or without a CSRF token) is not allowed."""
    client = client_for("staff")
    assert client.post(f"/guarantors/{busy_guarantor}").status_code == 405
    assert client.post(f"/api/guarantors/{busy_guarantor}").status_code == 405


def test_every_demo_guarantor_is_explained_as_by_the_whole_batch(web_store: Any) -> None:
    """The page reads only a guarantor's part of a batch; it says what the whole batch
    would."""
    from rulesengine.queue.notification_reads import list_notifications, stored_batch
    from rulesengine.statements.explain import explain_guarantor

    for summary in web_store.list_batches()[-2:]:
        whole = stored_batch(web_store, summary.id)
        for gid in sorted(set(whole.guarantor_of.values())):
            queued = {
                (str(n["statement_id"]), str(n["channel"])): n
                for n in list_notifications(web_store, batch_id=summary.id, guarantor_id=gid)
            }
            assert explain_stored_batch(web_store, summary.id, gid) == explain_guarantor(
                whole, gid, queued
            )
