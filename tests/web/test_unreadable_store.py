"""A store value changed outside rulesengine (``UPDATE statements SET due_date='notadate'``):
the page that reads it says which table, column and row cannot be read back and how to fix
it (500), the API answers the same as JSON, and no log line above DEBUG holds the value."""

from __future__ import annotations

import logging
import sqlite3
from pathlib import Path
from typing import Any

import pytest
from markupsafe import escape

STATEMENT = "riverside-2026-06-01-000001"
VALUE = "notadate-Ada-Lovelace"


@pytest.fixture
def corrupt_due_date(web_store_path: Path) -> str:
    """The statement's due date edited in the store file by hand; the message that names it."""
    with sqlite3.connect(web_store_path) as conn:
        conn.execute("UPDATE statements SET due_date = ? WHERE id = ?", (VALUE, STATEMENT))
    conn.close()
    return (
        f"the store {web_store_path} holds a value it cannot read back: statements.due_date of"
        f" the row with id {STATEMENT!r} is not a date (YYYY-MM-DD). It was changed outside"
        " rulesengine: restore the store from a backup, or correct that value"
    )


def _logged_above_debug(caplog: pytest.LogCaptureFixture) -> str:
    return "\n".join(
        record.getMessage()
        + (logging.Formatter().formatException(record.exc_info) if record.exc_info else "")
        for record in caplog.records
        if record.levelno > logging.DEBUG
    )


def test_the_page_names_the_value_the_store_cannot_read_back(
    client_for: Any, corrupt_due_date: str, caplog: pytest.LogCaptureFixture
) -> None:
    caplog.set_level(logging.DEBUG)
    page = client_for("viewer").get(f"/statements/{STATEMENT}")
    assert page.status_code == 500
    assert f'<p class="error" role="alert">{escape(corrupt_due_date)}</p>' in page.text
    assert VALUE not in page.text
    logged = _logged_above_debug(caplog)
    assert corrupt_due_date in logged
    assert VALUE not in logged


def test_the_api_answers_the_same_as_json(
    client_for: Any, corrupt_due_date: str, caplog: pytest.LogCaptureFixture
) -> None:
    caplog.set_level(logging.DEBUG)
    answer = client_for("viewer").get(f"/api/statements/{STATEMENT}")
    assert (answer.status_code, answer.json()) == (500, {"error": corrupt_due_date})
    assert VALUE not in _logged_above_debug(caplog)
