"""A value changed outside rulesengine that the store cannot read back (``UPDATE statements
SET due_date='notadate'`` in ``sqlite3``): it is found and named by store, table, column and
row, and a command that read it exits 1 with that message instead of an internal error
(exit 3). The value itself is never shown."""

from __future__ import annotations

import shutil
import sqlite3
import subprocess
from pathlib import Path

import pytest

from rulesengine.store.connect import create_store_engine
from rulesengine.store.unreadable_values import unreadable_value
from tests.hardening._zygote import cli_env, console_script
from tests.hardening.test_bad_input_cli import _seed_store

STATEMENT = "standard-2026-02-01-000001"
FIX = "It was changed outside rulesengine: restore the store from a backup, or correct that value"


@pytest.fixture(scope="module")
def seeded(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """A store holding the good ledger and a live run on 2026-02-01 (its one notification
    not drafted yet: empty content)."""
    path = tmp_path_factory.mktemp("unreadable") / "seeded.db"
    _seed_store(path, live_run=True)
    return path


@pytest.fixture
def store_path(seeded: Path, tmp_path: Path) -> Path:
    path = tmp_path / "rulesengine.db"
    shutil.copyfile(seeded, path)
    path.chmod(0o600)
    return path


def _edit(path: Path, sql: str) -> None:
    with sqlite3.connect(path) as conn:
        assert conn.execute(sql).rowcount >= 1
    conn.close()


def _found(path: Path) -> str | None:
    engine = create_store_engine(str(path))
    try:
        found = unreadable_value(engine, str(path))
    finally:
        engine.dispose()
    return None if found is None else str(found)


def test_a_store_rulesengine_wrote_holds_no_unreadable_value(store_path: Path) -> None:
    """Not even the empty content of a notification not drafted yet."""
    assert _found(store_path) is None


@pytest.mark.parametrize(
    ("edit", "named"),
    [
        (
            "UPDATE statements SET due_date = 'notadate'",
            f"statements.due_date of the row with id {STATEMENT!r} is not a date (YYYY-MM-DD)",
        ),
        (
            "UPDATE statements SET due_date = '2026-02-30'",
            f"statements.due_date of the row with id {STATEMENT!r} is not a date (YYYY-MM-DD)",
        ),
        (
            "UPDATE batches SET created_at = 'yesterday'",
            "batches.created_at of the row with id 'standard-2026-02-01'"
            " is not a date and time (YYYY-MM-DD HH:MM:SS)",
        ),
        (
            "UPDATE encounters SET balance_cents = 'ten dollars' WHERE id = 'E2'",
            "encounters.balance_cents of the row with id 'E2' is not a whole number",
        ),
        (
            "UPDATE guarantors SET paperless = 'yes' WHERE id = 'G2'",
            "guarantors.paperless of the row with id 'G2' is not true or false (1 or 0)",
        ),
        (
            "UPDATE guarantors SET email = x'00ff' WHERE id = 'G2'",
            "guarantors.email of the row with id 'G2' is not text",
        ),
        (
            "UPDATE notifications SET context_json = '{\"statement\": ' WHERE id = 1",
            "notifications.context_json of the row with id 1 is not JSON",
        ),
        (
            "UPDATE batch_skips SET seq = 'first'",
            "batch_skips.seq of the row with batch_id 'standard-2026-02-01', seq 'first'"
            " is not a whole number",
        ),
    ],
    ids=[
        "a date",
        "a day past the month's end",
        "an instant",
        "a whole number",
        "a true or false flag",
        "a blob for text",
        "JSON",
        "a number of a two-column key",
    ],
)
def test_a_value_changed_outside_rulesengine_is_named_by_table_column_and_row(
    store_path: Path, edit: str, named: str
) -> None:
    _edit(store_path, edit)
    assert _found(store_path) == (
        f"the store {store_path} holds a value it cannot read back: {named}. {FIX}"
    )


@pytest.mark.parametrize("argv", [("queue", "show", "1"), ("explain", "G3")], ids=" ".join)
def test_a_command_that_reads_it_exits_1_naming_it_without_the_value(
    store_path: Path, argv: tuple[str, ...]
) -> None:
    _edit(store_path, "UPDATE statements SET due_date = 'notadate'")
    done = subprocess.run(
        [*console_script(), "--db", str(store_path), *argv],
        env=cli_env(),
        capture_output=True,
        text=True,
    )
    assert (done.returncode, done.stdout) == (1, "")
    assert done.stderr == (
        f"error: the store {store_path} holds a value it cannot read back: statements.due_date"
        f" of the row with id {STATEMENT!r} is not a date (YYYY-MM-DD). {FIX}\n"
    )
