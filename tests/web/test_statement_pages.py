"""The Statement screen: lines, total, level, message, channels and notifications; the
letter as the installed print channel previews it (inline and as a download), drafted from
the batch's rules when the statement has no print notification; the JSON twin."""

from __future__ import annotations

from typing import Any

import pytest
from sqlalchemy import delete, select

from rulesengine.queue import Queue
from rulesengine.queue.statement_letters import NoPreview, letter_source, statement_letter
from rulesengine.store.tables import notification_history, notifications
from tests.web.conftest import screenshot

STATEMENT = "riverside-2026-06-01-000001"


def _drop_print_notification(store: Any, statement_id: str) -> None:
    """As if the statement's level had no print channel: its print notification is gone."""
    n = notifications.c
    with store.writing() as conn:
        ids = list(
            conn.execute(
                select(n.id).where(n.statement_id == statement_id, n.channel == "print")
            ).scalars()
        )
        conn.execute(
            delete(notification_history).where(notification_history.c.notification_id.in_(ids))
        )
        conn.execute(delete(notifications).where(n.id.in_(ids)))


def test_the_page_shows_lines_total_level_message_channels_and_notifications(
    client_for: Any,
) -> None:
    page = client_for("viewer").get(f"/statements/{STATEMENT}")
    assert page.status_code == 200
    text = page.text
    for line in ("E000001", "E000002", "E000074", "P00001", "2025-11-22", "49.80", "210.93"):
        assert line in text
    assert "455.74" in text and "final_notice" in text and "email, text, print" in text
    assert "yes: maxed, riding along" in text  # E000002 is a rider
    assert 'href="/guarantors/G00001"' in text
    assert 'href="/batches/riverside-2026-06-01"' in text
    assert text.count('href="/notifications/') == 3
    assert (
        f'<object class="letter" type="application/pdf" data="/statements/{STATEMENT}/letter.pdf">'
        in text
    )
    assert f'href="/statements/{STATEMENT}/letter.pdf?download=1"' in text


def test_the_letter_is_the_print_channel_s_pdf_inline_or_as_an_attachment(
    client_for: Any,
) -> None:
    client = client_for("viewer")
    inline = client.get(f"/statements/{STATEMENT}/letter.pdf")
    assert inline.status_code == 200
    assert inline.headers["content-type"] == "application/pdf"
    assert inline.headers["content-disposition"].startswith("inline;")
    assert inline.content.startswith(b"%PDF-")
    download = client.get(f"/statements/{STATEMENT}/letter.pdf?download=1")
    assert download.headers["content-disposition"] == (
        f'attachment; filename="statement-{STATEMENT}.pdf"'
    )
    assert download.headers["cache-control"] == "no-store"


def test_the_letter_is_rendered_by_the_queue_s_channel_object_and_writes_nothing(
    web_store: Any, tmp_path: Any, monkeypatch: pytest.MonkeyPatch
) -> None:
    workdir = tmp_path / "cwd"
    workdir.mkdir()
    monkeypatch.chdir(workdir)  # the print channel's default outbox is relative
    queue = Queue(web_store)
    try:
        source = letter_source(web_store, queue.channels, STATEMENT)
        assert type(source.channel_object).__name__ == "PrintChannel"
        assert source.notification.statement_id == STATEMENT
        assert source.notification_id is not None
        letter = statement_letter(web_store, queue.channels, STATEMENT)
    finally:
        queue.close()
    assert letter.media_type == "application/pdf"
    assert letter.notification_id == source.notification_id
    assert list(workdir.iterdir()) == []


def test_without_a_print_notification_the_letter_is_drafted_from_the_batch_s_rules(
    client_for: Any, web_store: Any
) -> None:
    _drop_print_notification(web_store, STATEMENT)
    client = client_for("viewer")
    page = client.get(f"/statements/{STATEMENT}")
    assert "No letter was queued for this statement" in page.text
    assert client.get(f"/statements/{STATEMENT}/letter.pdf").content.startswith(b"%PDF-")


def test_without_a_print_channel_the_letter_is_not_part_of_the_statement(
    web_store: Any,
) -> None:
    _drop_print_notification(web_store, STATEMENT)
    queue = Queue(web_store, channels={})
    try:
        with pytest.raises(NoPreview, match="the letter is not part of this statement"):
            statement_letter(web_store, queue.channels, STATEMENT)
    finally:
        queue.close()


def test_a_channel_without_a_preview_is_said_so(web_store: Any) -> None:
    class Mute:
        address = "postal"

        def send(self, notifications: list[Any]) -> list[Any]:
            return []

    queue = Queue(web_store, channels={"print": Mute()})
    try:
        with pytest.raises(NoPreview, match="cannot show a letter without sending it"):
            statement_letter(web_store, queue.channels, STATEMENT)
    finally:
        queue.close()


def test_the_api_twin_answers_cents_and_iso_dates(client_for: Any) -> None:
    data = client_for("viewer").get(f"/api/statements/{STATEMENT}").json()
    assert data["total_cents"] == 45574 and data["due_date"] == "2026-06-22"
    assert data["batch"] == "riverside-2026-06-01" and data["level"] == 3
    assert data["lines"][1] == {
        "encounter": "E000002",
        "patient": "P00001",
        "service_date": "2025-12-16",
        "balance_cents": 21093,
        "level": 3,
        "rider": True,
    }
    assert sorted(n["channel"] for n in data["notifications"]) == ["email", "print", "text"]
    assert data["letter"] == f"/statements/{STATEMENT}/letter.pdf"


def test_an_unknown_statement_is_404_everywhere(client_for: Any) -> None:
    client = client_for("viewer")
    assert client.get("/statements/nope").status_code == 404
    assert client.get("/statements/nope/letter.pdf").status_code == 404
    assert client.get("/api/statements/nope").json() == {
        "error": "no statement 'nope' in the store"
    }


def test_statements_need_a_login(client_for: Any) -> None:
    client = client_for(None)
    assert client.get(f"/statements/{STATEMENT}").status_code == 303
    assert client.get(f"/statements/{STATEMENT}/letter.pdf").status_code == 303
    assert client.get(f"/api/statements/{STATEMENT}").status_code == 401


def test_browser_shows_the_statement_with_its_letter(browser_page_for: Any) -> None:
    page = browser_page_for("viewer")
    page.goto(f"/statements/{STATEMENT}")
    assert page.locator("h1").inner_text() == f"Statement {STATEMENT}"
    assert page.locator("object.letter").count() == 1
    screenshot(page, "statement")


def test_a_paperless_guarantor_s_suppressed_letter_is_still_shown(
    client_for: Any, web_store: Any
) -> None:
    n = notifications.c
    with web_store.reading() as conn:
        statement_id = conn.execute(
            select(n.statement_id)
            .where(n.channel == "print", n.status == "suppressed", n.reason == "paperless")
            .limit(1)
        ).scalar()
    assert statement_id is not None, "the demo store has a paperless guarantor's letter"
    client = client_for("viewer")
    page = client.get(f"/statements/{statement_id}")
    assert "paperless" in page.text
    assert 'type="application/pdf"' in page.text
    letter = client.get(f"/statements/{statement_id}/letter.pdf")
    assert letter.status_code == 200 and letter.content.startswith(b"%PDF-")
