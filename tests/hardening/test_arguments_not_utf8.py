"""A command-line argument that is not valid UTF-8 (Python makes each undecodable byte a
lone surrogate) is refused before any command runs: exit 1, one line naming the argument
by position with its bytes escaped, no traceback, nothing written. It used to reach the
store, a file or the terminal and fail there (exit 3, UnicodeEncodeError)."""

from __future__ import annotations

import datetime as dt
import subprocess
from pathlib import Path

import pytest

import rulesengine

from ._zygote import cli_env, console_script
from ._zygote import rulesengine as run_command

WORDS = "is not valid UTF-8: give it as UTF-8 text; nothing changed"


@pytest.fixture
def store_file(tmp_path: Path) -> Path:
    """An SQLite store holding one guarantor, G1, and their encounter."""
    path = tmp_path / "rulesengine.db"
    store = rulesengine.open_store(f"sqlite:///{path}")
    try:
        store.import_ledger(
            rulesengine.LedgerData(
                [rulesengine.Guarantor("G1")],
                [rulesengine.Encounter("E1", "G1", "P1", dt.date(2026, 1, 3), 1_000)],
            )
        )
    finally:
        store.close()
    return path


@pytest.mark.parametrize(
    ("argv", "said"),
    [
        (
            ["opt-out", "G1", "email", "--source", "\udcff"],
            "argument 5 ('\\xff', after '--source')",
        ),
        (
            ["opt-out", "G1", "email", "--source=x\udcff"],
            "argument 4 ('--source=x\\xff', after 'email')",
        ),
        (["queue", "--guarantor", "\udcff"], "argument 3 ('\\xff', after '--guarantor')"),
        (["explain", "G\udcff"], "argument 2 ('G\\xff', after 'explain')"),
        (
            ["explain", "G1", "--date", "2026-01-0\udce9"],
            "argument 4 ('2026-01-0\\xe9', after '--date')",
        ),
    ],
)
def test_an_argument_that_is_not_utf8_is_exit_1_naming_it_and_writes_nothing(
    store_file: Path, argv: list[str], said: str
) -> None:
    before = store_file.read_bytes()
    done = run_command(*argv, "--db", f"sqlite:///{store_file}", cwd=store_file.parent)
    assert done.returncode == 1, done.stderr
    assert done.stderr == f"error: command-line {said} {WORDS}\n"
    assert done.stdout == ""
    assert store_file.read_bytes() == before
    assert sorted(p.name for p in store_file.parent.iterdir()) == ["rulesengine.db"]


def test_an_argument_after_user_is_not_shown_it_may_be_a_password(store_file: Path) -> None:
    argv = ["user", "add", "carol", "--role", "staff", "hunter2hunter\udce9"]
    done = run_command(*argv, "--db", f"sqlite:///{store_file}", cwd=store_file.parent)
    assert done.returncode == 1, done.stderr
    assert done.stderr == (
        "error: command-line argument 6 is not valid UTF-8 (not shown: it may be a password):"
        " give it as UTF-8 text; nothing changed\n"
    )


def test_the_console_script_refuses_a_byte_that_is_not_utf8(store_file: Path) -> None:
    """Real bytes on a real command line, as a shell passes ``$'G\\xff'``."""
    before = store_file.read_bytes()
    done = subprocess.run(
        [*console_script(), "explain", b"G\xff", "--db", f"sqlite:///{store_file}"],
        env=cli_env(),
        capture_output=True,
        text=True,
        check=False,
    )
    assert done.returncode == 1, done.stderr
    assert done.stderr == f"error: command-line argument 2 ('G\\xff', after 'explain') {WORDS}\n"
    assert store_file.read_bytes() == before


def test_a_file_named_with_bytes_that_are_not_utf8_is_still_read(tmp_path: Path) -> None:
    """A file's name may be any bytes: an argument naming an existing file is left to the
    command, as before (only the name is shown with a replacement character)."""
    rules = Path(__file__).resolve().parents[2] / "rulesengine" / "data" / "demo-practice.yaml"
    named = tmp_path / "r\udce9gles.yaml"
    named.write_bytes(rules.read_bytes())
    for argv in (["validate", "r\udce9gles.yaml"], ["validate", "missing\udce9.yaml"]):
        done = run_command(*argv, cwd=tmp_path)
        assert "Traceback" not in done.stderr
        assert done.returncode == (0 if argv[1] == named.name else 1), done.stderr
    assert "argument 2 ('missing\\xe9.yaml', after 'validate')" in done.stderr
