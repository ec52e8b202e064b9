"""The Rules screen: each profile's rules versions with the first and last batch that used
them, a version's text (escaped) with its batches, and their JSON twins."""

from __future__ import annotations

from typing import Any

from rulesengine.queue.on_demand_sql import keep_rules_text
from tests.web.conftest import screenshot


def _version(client: Any) -> dict[str, Any]:
    [version] = client.get("/api/rules").json()["rules"]
    return version


def test_the_list_shows_each_profile_s_versions_with_first_and_last_batch(
    client_for: Any,
) -> None:
    client = client_for("viewer")
    version = _version(client)
    assert version["profile"] == "riverside"
    assert version["first_batch"] == {"id": "riverside-2026-01-01", "run_date": "2026-01-01"}
    assert version["last_batch"] == {"id": "riverside-2026-06-01", "run_date": "2026-06-01"}
    assert version["batches"] == 6
    page = client.get("/rules")
    assert page.status_code == 200
    assert f'href="/rules/{version["content_hash"]}"' in page.text
    assert 'href="/batches/riverside-2026-01-01"' in page.text
    assert client.get("/api/rules?profile=elsewhere").json() == {"rules": []}
    assert "No batch has run yet" in client.get("/rules?profile=elsewhere").text


def test_a_version_shows_its_text_escaped_and_its_batches(client_for: Any) -> None:
    client = client_for("viewer")
    content_hash = _version(client)["content_hash"]
    page = client.get(f"/rules/{content_hash}")
    assert page.status_code == 200
    assert '<pre class="rules-text">' in page.text
    assert "profile:" in page.text
    assert page.text.count('href="/batches/riverside-2026-') == 6
    data = client.get(f"/api/rules/{content_hash}").json()
    assert data["text"].startswith(("#", "version", "profile"))
    assert [b["id"] for b in data["batches"]][0] == "riverside-2026-06-01"


def test_a_version_s_text_is_escaped(client_for: Any, web_store: Any) -> None:
    with web_store.writing() as conn:
        keep_rules_text(conn, "abc123", "# <script>alert(1)</script> & more\n")
    page = client_for("viewer").get("/rules/abc123")
    assert "&lt;script&gt;alert(1)&lt;/script&gt; &amp; more" in page.text
    assert "<script>" not in page.text
    assert "No stored batch used it" in page.text


def test_an_unknown_or_malformed_hash_is_404(client_for: Any) -> None:
    client = client_for("viewer")
    assert client.get("/rules/" + "0" * 64).status_code == 404
    assert client.get("/rules/not-a-hash").status_code == 404
    assert client.get("/api/rules/XYZ").status_code == 404


def test_rules_need_a_login(client_for: Any) -> None:
    client = client_for(None)
    assert client.get("/rules").status_code == 303
    assert client.get("/api/rules").status_code == 401


def test_browser_shows_the_rules_versions(browser_page_for: Any) -> None:
    page = browser_page_for("viewer")
    page.goto("/rules")
    assert page.locator("h1").inner_text() == "Rules versions"
    screenshot(page, "rules")
    page.click("td a.mono >> nth=0")
    page.wait_for_url("**/rules/*")
    assert page.locator("pre.rules-text").count() == 1
