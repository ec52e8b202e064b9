"""The Batches screen: the list with its grouped counts, a batch's page with its statements,
worklist additions and skips in keyset pages, their JSON twins, and the walk in the browser
from the list to a statement's letter."""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Iterator
from typing import Any

import pytest

from rulesengine.queue.notification_counts import notification_counts
from rulesengine.store import batch_reads
from tests.web.conftest import screenshot

LATEST = "riverside-2026-06-01"


@pytest.fixture
def skipping_batch(web_store: Any) -> Iterator[str]:
    """A live batch two weeks after the demo's last: every encounter billed on June 1 is
    skipped as billed recently; one guarantor on hold is skipped as such."""
    from rulesengine.channels.manager import channel_specs, get_channels, get_plugin_manager
    from rulesengine.rules import load_rules_text
    from rulesengine.statements.statement_run import run_statements

    with web_store.reading() as conn:
        head = batch_reads.batch_head(conn, LATEST)
    assert head is not None
    specs = channel_specs(get_channels(get_plugin_manager()))
    text = web_store.rules_text(head.rules_hash)
    rules = load_rules_text(text, filename="rules.yaml", channel_specs=specs)
    web_store.set_hold(guarantor_id="G00003", hold=True)
    batch = run_statements(web_store, rules, dt.date(2026, 6, 15), live=True)
    yield batch.id


def test_the_list_shows_every_batch_newest_first_with_its_counts(client_for: Any) -> None:
    page = client_for("viewer").get("/batches")
    assert page.status_code == 200
    ids = re.findall(r'href="/batches/(riverside-[0-9-]+)"', page.text)
    assert ids == [f"riverside-2026-0{m}-01" for m in range(6, 0, -1)]
    assert "level 1: 9" in page.text and "level 3: 8" in page.text
    assert f'href="/notifications?batch={LATEST}"' in page.text
    assert "13 sent" in page.text  # print, June


def test_the_list_filters_by_profile(client_for: Any) -> None:
    client = client_for("viewer")
    assert "riverside-2026-06-01" in client.get("/batches?profile=riverside").text
    other = client.get("/batches?profile=elsewhere")
    assert other.status_code == 200
    assert "No batches of profile <code>elsewhere</code>." in other.text
    assert client.get("/batches?profile=" + "x" * 201).status_code == 400


def test_the_api_list_has_the_counts_by_level_reason_channel_and_status(client_for: Any) -> None:
    answer = client_for("viewer").get("/api/batches")
    assert answer.status_code == 200
    data = answer.json()
    latest = data["batches"][0]
    assert latest["id"] == LATEST
    assert latest["run_date"] == "2026-06-01"
    assert latest["statements"] == 21
    assert latest["statements_by_level"] == {"1": 9, "2": 4, "3": 8}
    assert latest["pre_collections"] == 5
    assert latest["skips"] == 0 and latest["skips_by_reason"] == {}
    assert latest["notifications_by_channel"]["print"] == {"sent": 13, "suppressed": 8}
    assert latest["notifications"] == 54
    assert data["next_before"] is None
    assert [
        b["id"] for b in client_for("viewer").get("/api/batches?profile=x").json()["batches"]
    ] == []


def test_the_grouped_counts_are_one_query_per_kind_and_match_the_stored_batch(
    web_store: Any,
) -> None:
    """The counts equal what the stored batch holds, counted in Python."""
    with web_store.reading() as conn:
        ids = [h.id for h in batch_reads.batch_heads(conn)]
        levels = batch_reads.statement_levels(conn, ids)
        worklist = batch_reads.pre_collection_counts(conn, ids)
        notes = notification_counts(conn, ids)
    for batch_id in ids:
        batch = web_store.get_batch(batch_id)
        by_level: dict[int, int] = {}
        for s in batch.statements:
            by_level[s.level] = by_level.get(s.level, 0) + 1
        assert levels[batch_id] == dict(sorted(by_level.items()))
        assert worklist.get(batch_id, 0) == len(batch.pre_collections)
        assert sum(sum(c.values()) for c in notes[batch_id].values()) == sum(
            len(s.channels) for s in batch.statements
        )


def test_the_list_pages_by_keyset(client_for: Any, monkeypatch: pytest.MonkeyPatch) -> None:
    from rulesengine.web import batch_pages

    monkeypatch.setattr(batch_pages, "_BATCHES_PER_PAGE", 4)
    client = client_for("viewer")
    first = client.get("/api/batches").json()
    assert [b["id"][-5:] for b in first["batches"]] == ["06-01", "05-01", "04-01", "03-01"]
    assert first["next_before"] == "riverside-2026-03-01"
    second = client.get("/api/batches?before=riverside-2026-03-01").json()
    assert [b["id"][-5:] for b in second["batches"]] == ["02-01", "01-01"]
    assert second["next_before"] is None
    assert 'before=riverside-2026-03-01">Older batches' in client.get("/batches").text
    assert client.get("/api/batches?before=nope").status_code == 404


def test_a_batch_page_lists_its_statements_worklist_and_links(client_for: Any) -> None:
    page = client_for("viewer").get(f"/batches/{LATEST}")
    assert page.status_code == 200
    assert 'href="/statements/riverside-2026-06-01-000001"' in page.text
    assert 'href="/guarantors/G00001"' in page.text
    assert f'href="/notifications?batch={LATEST}"' in page.text
    assert "E000003" in page.text  # sent to the worklist
    assert "This batch skipped no encounter." in page.text
    assert "455.74" in page.text


def test_skips_are_explained_in_the_words_of_explain(client_for: Any, skipping_batch: str) -> None:
    client = client_for("viewer")
    page = client.get(f"/batches/{skipping_batch}")
    assert page.status_code == 200
    assert "Why did a statement not batch?" in page.text
    assert "skipped: the guarantor is on hold" in page.text
    assert re.search(r"skipped: billed \d+ days ago, fewer than eligibility.cycle_days", page.text)
    data = client.get(f"/api/batches/{skipping_batch}").json()
    reasons = data["batch"]["skips_by_reason"]
    assert set(reasons) >= {"billed_recently", "guarantor_hold"}
    assert data["batch"]["skips"] == len(data["skips"]) == sum(reasons.values())
    held = [k for k in data["skips"] if k["reason"] == "guarantor_hold"]
    assert held and all(k["guarantor"] == "G00003" for k in held)
    assert held[0]["detail"] == "skipped: the guarantor is on hold"
    listed = client.get("/api/batches").json()["batches"][0]
    assert listed["id"] == skipping_batch and listed["skips_by_reason"] == reasons


def test_a_batch_s_lists_page_by_seq(
    client_for: Any, skipping_batch: str, monkeypatch: pytest.MonkeyPatch
) -> None:
    from rulesengine.web import batch_pages

    monkeypatch.setattr(batch_pages, "_ROWS_PER_PAGE", 2)
    client = client_for("viewer")
    first = client.get(f"/api/batches/{LATEST}").json()
    assert [s["seq"] for s in first["statements"]] == [0, 1]
    assert first["statements_next_after"] == 1
    second = client.get(f"/api/batches/{LATEST}?statements_after=1").json()
    assert [s["seq"] for s in second["statements"]] == [2, 3]
    page = client.get(f"/batches/{LATEST}?statements_after=1")
    assert "statements_after=3#statements" in page.text
    skips = client.get(f"/api/batches/{skipping_batch}?skips_after=1").json()
    assert [k["seq"] for k in skips["skips"]] == [2, 3]
    worklist = client.get(f"/api/batches/{LATEST}?worklist_after=0").json()
    assert [w["seq"] for w in worklist["pre_collections"]] == [1, 2]
    assert client.get(f"/batches/{LATEST}?statements_after=x").status_code == 400


def test_an_unknown_batch_is_404_on_the_page_and_the_api(client_for: Any) -> None:
    client = client_for("viewer")
    assert client.get("/batches/nope").status_code == 404
    assert client.get("/api/batches/nope").json() == {"error": "no batch 'nope' in the store"}
    assert client.get("/batches/" + "x" * 300).status_code == 404


def test_batches_need_a_login(client_for: Any) -> None:
    client = client_for(None)
    assert client.get(f"/batches/{LATEST}").status_code == 303
    assert client.get(f"/api/batches/{LATEST}").status_code == 401
    assert client.post("/batches", data={}).status_code in (401, 405)


def test_browser_walks_from_the_batches_to_a_statement_s_letter(
    browser_page_for: Any, skipping_batch: str, tmp_path: Any
) -> None:
    page = browser_page_for("viewer")
    page.goto("/batches")
    assert page.locator("h1").inner_text() == "Statement batches"
    screenshot(page, "batches")
    page.click(f"a[href='/batches/{skipping_batch}']")
    page.wait_for_url(f"**/batches/{skipping_batch}")
    assert "skipped: the guarantor is on hold" in page.content()
    screenshot(page, "batch")
    page.click("a[href='/batches']")
    page.click(f"a[href='/batches/{LATEST}']")
    page.wait_for_url(f"**/batches/{LATEST}")
    page.click("a[href='/statements/riverside-2026-06-01-000001']")
    page.wait_for_url("**/statements/riverside-2026-06-01-000001")
    assert page.locator("object.letter").get_attribute("data") == (
        "/statements/riverside-2026-06-01-000001/letter.pdf"
    )
    with page.expect_download() as download_info:
        page.click("text=Download the PDF")
    download = download_info.value
    assert download.suggested_filename == "statement-riverside-2026-06-01-000001.pdf"
    saved = tmp_path / "letter.pdf"
    download.save_as(saved)
    assert saved.read_bytes().startswith(b"%PDF-")
