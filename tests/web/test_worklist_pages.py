"""The Pre-collections worklist screen: ``/worklist``, ``/worklist.csv`` and ``/api/worklist``."""

from __future__ import annotations

import csv
import io
import re
from typing import Any

import pytest
from sqlalchemy import update

from rulesengine.model import format_money
from rulesengine.store.tables import encounters, guarantors
from rulesengine.web.worklist_pages import COLUMNS
from tests.web.conftest import screenshot


def _csv_rows(text: str) -> list[dict[str, str]]:
    return list(csv.DictReader(io.StringIO(text)))


def test_a_logged_out_visit_goes_to_the_login(client_for: Any) -> None:
    client = client_for(None)
    assert client.get("/worklist").headers["location"] == "/login?next=/worklist"
    assert client.get("/worklist.csv").status_code == 303
    assert client.get("/api/worklist").status_code == 401


def test_a_viewer_sees_every_entry_with_links_and_totals(client_for: Any, web_store: Any) -> None:
    """The page lists what ``rulesengine worklist`` lists, with guarantor and batch links
    and the count and sum of the balances."""
    entries = web_store.worklist()
    assert entries, "the demo store has a worklist"
    page = client_for("viewer").get("/worklist")
    assert page.status_code == 200
    for entry in entries:
        assert f'href="/guarantors/{entry.guarantor.id}"' in page.text
        assert f">{entry.encounter.id}<" in page.text
        if entry.batch_id:
            assert f'href="/batches/{entry.batch_id}"' in page.text
    total = sum(e.encounter.balance_cents for e in entries)
    assert f'id="worklist-count">{len(entries)}<' in page.text
    assert f'id="worklist-balance">{format_money(total)}<' in page.text
    assert 'href="/worklist.csv"' in page.text


def test_the_profile_filter_keeps_what_a_run_of_that_profile_covers(
    client_for: Any, web_store: Any
) -> None:
    client = client_for("viewer")
    page = client.get("/worklist", params={"profile": "riverside"})
    assert '<option value="riverside" selected>' in page.text
    assert f'id="worklist-count">{len(web_store.worklist("riverside"))}<' in page.text
    other = client.get("/worklist", params={"profile": "elsewhere"})
    assert f'id="worklist-count">{len(web_store.worklist("elsewhere"))}<' in other.text
    assert 'href="/worklist.csv?profile=elsewhere"' in other.text


def test_the_totals_are_per_profile(client_for: Any, web_store: Any) -> None:
    """An encounter of another profile is counted under it and left out by a filter."""
    entry = web_store.worklist()[0]
    with web_store.writing() as conn:
        conn.execute(
            update(encounters)
            .where(encounters.c.id == entry.encounter.id)
            .values(profile="northside")
        )
    answer = client_for("viewer").get("/api/worklist").json()
    by_profile = {t["profile"]: t for t in answer["totals"]["by_profile"]}
    assert by_profile["northside"] == {
        "profile": "northside",
        "count": 1,
        "balance_cents": entry.encounter.balance_cents,
    }
    assert answer["totals"]["count"] == len(web_store.worklist())
    filtered = client_for("viewer").get("/api/worklist?profile=riverside").json()
    assert entry.encounter.id not in [e["encounter"] for e in filtered["entries"]]
    assert "northside" not in [t["profile"] for t in filtered["totals"]["by_profile"]]


def test_the_api_answers_entries_and_totals_as_the_cli_json(
    client_for: Any, web_store: Any
) -> None:
    entries = web_store.worklist()
    answer = client_for("viewer").get("/api/worklist").json()
    assert answer["profile"] is None
    assert answer["next_after"] is None
    assert sorted(e["encounter"] for e in answer["entries"]) == sorted(
        e.encounter.id for e in entries
    )
    first = answer["entries"][0]
    entry = next(e for e in entries if e.encounter.id == first["encounter"])
    assert first == {
        "encounter": entry.encounter.id,
        "guarantor": entry.guarantor.id,
        "name": f"{entry.guarantor.first_name} {entry.guarantor.last_name}",
        "patient": entry.encounter.patient_id,
        "service_date": entry.encounter.service_date.isoformat(),
        "balance": entry.encounter.balance_cents / 100,
        "balance_cents": entry.encounter.balance_cents,
        "level": entry.encounter.level,
        "statements_sent": entry.encounter.statements_sent,
        "last_statement": entry.encounter.last_statement.isoformat(),
        "batch": entry.batch_id,
        "since": entry.since.isoformat() if entry.since else None,
    }
    assert answer["totals"]["count"] == len(entries)
    assert answer["totals"]["balance_cents"] == sum(e.encounter.balance_cents for e in entries)


def test_pages_follow_each_other_by_encounter_id(client_for: Any, web_store: Any) -> None:
    """``limit`` and ``after`` walk the worklist in encounter order, every entry once."""
    client = client_for("viewer")
    seen: list[str] = []
    after = ""
    while True:
        answer = client.get("/api/worklist", params={"limit": 5, "after": after}).json()
        seen += [e["encounter"] for e in answer["entries"]]
        if answer["next_after"] is None:
            break
        after = answer["next_after"]
    assert seen == sorted(e.encounter.id for e in web_store.worklist())
    page = client.get("/worklist", params={"after": seen[4]})
    assert f">{seen[5]}<" in page.text and f">{seen[4]}<" not in page.text
    assert 'href="/worklist">First page' in page.text


def test_a_long_worklist_is_cut_into_pages_of_500(
    client_for: Any, web_store: Any, monkeypatch: pytest.MonkeyPatch
) -> None:
    """The page shows at most a page of entries and links to the next."""
    monkeypatch.setattr("rulesengine.web.worklist_pages._PAGE", 3)
    page = client_for("viewer").get("/worklist")
    ids = sorted(e.encounter.id for e in web_store.worklist())
    assert re.search(rf'<a rel="next" href="/worklist\?after={ids[2]}">Next 3</a>', page.text)
    assert f">{ids[3]}<" not in page.text


@pytest.mark.parametrize(
    "query",
    ["limit=0", "limit=501", "limit=ten", "profile=" + "p" * 201, "after=" + "E" * 201],
)
def test_bad_paging_or_filters_are_refused(client_for: Any, query: str) -> None:
    client = client_for("viewer")
    assert client.get(f"/api/worklist?{query}").status_code == 400
    assert client.get(f"/worklist?{query}").status_code == 400


def test_the_csv_has_every_entry_and_is_an_attachment(client_for: Any, web_store: Any) -> None:
    answer = client_for("viewer").get("/worklist.csv")
    assert answer.status_code == 200
    assert answer.headers["content-type"] == "text/csv; charset=utf-8"
    assert answer.headers["content-disposition"] == 'attachment; filename="worklist.csv"'
    assert answer.text.startswith(",".join(COLUMNS) + "\r\n")
    rows = _csv_rows(answer.text)
    entries = {e.encounter.id: e for e in web_store.worklist()}
    assert sorted(r["encounter"] for r in rows) == sorted(entries)
    row = rows[0]
    entry = entries[row["encounter"]]
    assert row["balance"] == format_money(entry.encounter.balance_cents)
    assert row["guarantor"] == entry.guarantor.id
    assert row["batch"] == (entry.batch_id or "")


def test_the_csv_streams_past_one_store_read(
    client_for: Any, web_store: Any, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr("rulesengine.web.worklist_pages._CSV_PAGE", 2)
    rows = _csv_rows(client_for("viewer").get("/worklist.csv").text)
    assert [r["encounter"] for r in rows] == sorted(e.encounter.id for e in web_store.worklist())


def test_the_csv_keeps_a_formula_inert(client_for: Any, web_store: Any) -> None:
    """A name that a spreadsheet would run as a formula is written as text."""
    entry = web_store.worklist()[0]
    with web_store.writing() as conn:
        conn.execute(
            update(guarantors)
            .where(guarantors.c.id == entry.guarantor.id)
            .values(first_name='=HYPERLINK("http://x.example","pay")', last_name="")
        )
    text = client_for("viewer").get("/worklist.csv").text
    assert '"\'=HYPERLINK(""http://x.example"",""pay"")"' in text
    [row] = [r for r in _csv_rows(text) if r["guarantor"] == entry.guarantor.id][:1]
    assert row["name"].startswith("'=")


def test_the_csv_follows_the_profile_filter(client_for: Any, web_store: Any) -> None:
    rows = _csv_rows(client_for("viewer").get("/worklist.csv?profile=nowhere").text)
    assert len(rows) == len(web_store.worklist("nowhere"))


# --- the browser -----------------------------------------------------------------------------


def test_browser_worklist_filter_and_csv_download(browser_page_for: Any, web_store: Any) -> None:
    page = browser_page_for("viewer")
    page.goto("/worklist")
    assert page.locator("h1").inner_text() == "Pre-collections worklist"
    rows = page.locator("table.worklist tbody tr")
    assert rows.count() == len(web_store.worklist())
    page.select_option("select[name=profile]", "riverside")
    page.click("form.filters button[type=submit]")
    page.wait_for_url("**/worklist?profile=riverside")
    assert page.locator("#worklist-count").inner_text() == str(len(web_store.worklist("riverside")))
    screenshot(page, "worklist")
    with page.expect_download() as download_info:
        page.click("text=Download CSV")
    download = download_info.value
    assert download.suggested_filename == "worklist.csv"
    text = open(download.path(), encoding="utf-8").read()
    assert len(_csv_rows(text)) == len(web_store.worklist("riverside"))
    page.locator("table.worklist tbody tr a[href^='/guarantors/']").first.click()
    page.wait_for_url("**/guarantors/*")
    assert page.locator("h1").inner_text().startswith("Guarantor")


def test_the_worklist_routes_take_no_post(client_for: Any) -> None:
    """They only read: a POST is not allowed."""
    client = client_for("staff")
    for path in ("/worklist", "/worklist.csv", "/api/worklist"):
        assert client.post(path).status_code == 405


def test_the_csv_writes_balances_as_plain_decimals(client_for: Any, web_store: Any) -> None:
    """No thousands separator: a spreadsheet in any locale reads the balance as a number."""
    import csv
    import io

    entries = web_store.worklist()
    rows = list(csv.DictReader(io.StringIO(client_for("viewer").get("/worklist.csv").text)))
    wanted = {e.encounter.id: e.encounter.balance_cents for e in entries}
    assert {row["encounter"]: row["balance"] for row in rows} == {
        eid: f"{cents // 100}.{cents % 100:02d}" for eid, cents in wanted.items()
    }
