"""``rulesengine user add|list|remove|role|password`` through the real command, on SQLite and
PostgreSQL: passwords from stdin (or asked twice on a terminal), never from an argument;
every refusal is one line, exit 1, and changes nothing; no password or hash is shown."""

from __future__ import annotations

import json
import os
import subprocess
from pathlib import Path

import pytest
from click.testing import CliRunner, Result
from sqlalchemy import select

from rulesengine.cli import user_commands
from rulesengine.cli.main import main
from rulesengine.store import open_store
from rulesengine.store.tables import users
from tests.hardening._zygote import cli_env, console_script

PASSWORD = "correct horse battery"
OTHER = "another long password"
#: As the dashboard refuses a NUL in any field (tests/web/test_nul_characters.py).
NUL_REFUSED = (
    r"error: the password holds a NUL character (\x00), which a store cannot keep: remove it"
)
#: A byte that is not UTF-8 (stdin decoded strictly, or into a lone surrogate): no store,
#: file or terminal can take it; the dashboard refuses it in any field too.
NOT_UTF8_REFUSED = (
    "error: the password is not valid UTF-8: it holds a lone surrogate (U+D800 to U+DFFF,"
    " such as an undecodable byte), which a store cannot keep: remove it"
)


@pytest.fixture(params=["sqlite-file", "postgresql"])
def db(request: pytest.FixtureRequest, store_url_for) -> str:  # type: ignore[no-untyped-def]
    return str(store_url_for(request.param))


def run(db: str, *args: str, input: str | bytes | None = None) -> Result:
    result = CliRunner().invoke(main, ["user", *args, "--db", db], input=input)
    for secret in (PASSWORD, OTHER, "scrypt$"):
        assert secret not in result.output
    return result


def stored(db: str) -> list[tuple[object, ...]]:
    store = open_store(db)
    try:
        with store.reading() as conn:  # type: ignore[attr-defined]
            return [tuple(r) for r in conn.execute(select(users).order_by(users.c.name))]
    finally:
        store.close()


def with_users(db: str) -> str:
    assert run(db, "add", "alice", "--role", "admin", input=PASSWORD + "\n").exit_code == 0
    assert run(db, "add", "bob", "--role", "viewer", input=PASSWORD + "\n").exit_code == 0
    return db


def test_add_list_password_remove(db: str) -> None:
    added = run(db, "add", "alice", "--role", "admin", input=PASSWORD + "\n")
    assert added.exit_code == 0, added.output
    assert "added user 'alice' (admin)" in added.output
    assert run(db, "add", "bob@example.org", "--role", "staff", input=PASSWORD).exit_code == 0

    shown = run(db, "list")
    assert shown.exit_code == 0
    assert "alice" in shown.output and "bob@example.org" in shown.output
    assert "password changed" in shown.output
    listed = json.loads(run(db, "list", "--json").output)
    assert [(u["name"], u["role"]) for u in listed] == [
        ("alice", "admin"),
        ("bob@example.org", "staff"),
    ]
    assert all(set(u) == {"name", "role", "created_at", "password_changed_at"} for u in listed)
    assert "hash" not in json.dumps(listed)

    before = stored(db)
    changed = run(db, "password", "bob@example.org", input=OTHER + "\r\n")
    assert changed.exit_code == 0 and "changed the password" in changed.output
    after = stored(db)
    assert after[0] == before[0] and after[1][2] != before[1][2]
    from rulesengine.store.passwords import verify_password

    assert verify_password(str(after[1][2]), OTHER)

    removed = run(db, "remove", "bob@example.org")
    assert removed.exit_code == 0 and "removed user 'bob@example.org'" in removed.output
    assert [u["name"] for u in json.loads(run(db, "list", "--json").output)] == ["alice"]


def test_role(db: str) -> None:
    with_users(db)
    before = stored(db)
    promoted = run(db, "role", "bob", "admin")
    assert promoted.exit_code == 0, promoted.output
    assert promoted.output == "user 'bob' is now admin.\n"
    demoted = json.loads(run(db, "role", "alice", "viewer", "--json").output)
    assert demoted["name"] == "alice" and demoted["role"] == "viewer"
    assert set(demoted) == {"name", "role", "created_at", "password_changed_at"}
    after = stored(db)
    assert [(r[0], r[1]) for r in after] == [("alice", "viewer"), ("bob", "admin")]
    assert [r[2:] for r in after] == [r[2:] for r in before]  # passwords and dates kept
    refused = run(db, "role", "bob", "staff")
    assert refused.exit_code == 1
    assert "add another admin first (rulesengine user add NAME --role admin)" in refused.output


def test_add_creates_the_store_for_the_first_admin(tmp_path: Path) -> None:
    db = str(tmp_path / "new.db")
    assert run(db, "add", "root", "--role", "admin", input=PASSWORD + "\n").exit_code == 0
    assert [r[0] for r in stored(db)] == ["root"]


def test_empty_list(db: str) -> None:
    open_store(db).close()
    assert "No dashboard users" in run(db, "list").output
    assert json.loads(run(db, "list", "--json").output) == []


@pytest.mark.parametrize(
    "args, input, message",
    [
        (["add", "alice", "--role", "admin"], PASSWORD, "user 'alice' exists already"),
        (["add", "carol", "--role", "root"], PASSWORD, "unknown role 'root'"),
        (["add", "bad name", "--role", "staff"], PASSWORD, "invalid user name"),
        (["add", "x" * 65, "--role", "staff"], PASSWORD, "invalid user name"),
        (["add", "a/b", "--role", "staff"], PASSWORD, "invalid user name"),
        (["add", "carol", "--role", "staff"], "short\n", "too short"),
        (["add", "carol", "--role", "staff"], "z" * 1025 + "\n", "too long"),
        (["add", "carol", "--role", "staff"], "", "no password on stdin"),
        (["add", "carol", "--role", "staff"], f"{PASSWORD}\0\n", NUL_REFUSED),
        (["password", "bob"], f"\0{PASSWORD}\n", NUL_REFUSED),
        (
            ["add", "carol", "--role", "staff"],
            f"{PASSWORD}\xe9\n".encode("latin-1"),
            NOT_UTF8_REFUSED,
        ),
        (["password", "bob"], f"{PASSWORD}\xff\n".encode("latin-1"), NOT_UTF8_REFUSED),
        (["add", "carol", "--role", "staff", PASSWORD], "", "takes no further arguments"),
        (["add", "carol", "--role", "staff", f"--password={PASSWORD}"], "", "no further"),
        (["add", "carol", "--role", "staff", "--password", PASSWORD], "", "no further"),
        (["add", f"--password={PASSWORD}", "carol", "--role", "staff"], "", "no further"),
        (["password", "--password", PASSWORD, "bob"], "", "no further"),
        (["password", "carol"], PASSWORD, "no user 'carol'"),
        (["password", "bob", PASSWORD], PASSWORD, "takes no further arguments"),
        (["password", "bob"], "short", "too short"),
        (["remove", "carol"], None, "no user 'carol'"),
        (["remove", "alice"], None, "'alice' is the last admin"),
        (["role", "alice", "staff"], None, "'alice' is the last admin and cannot become staff"),
        (["role", "carol", "staff"], None, "no user 'carol'"),
        (["role", "bob", "root"], None, "unknown role 'root'"),
        (["role", "bad name", "staff"], None, "invalid user name"),
        (["role", "bob", "staff", PASSWORD], None, "takes no further arguments"),
    ],
)
def test_refusals(db: str, args: list[str], input: str | bytes | None, message: str) -> None:
    with_users(db)
    before = stored(db)
    result = run(db, *args, input=input)
    assert result.exit_code == 1, result.output
    assert message in result.output
    assert len(result.output.strip().splitlines()) == 1
    assert "Traceback" not in result.output
    assert stored(db) == before


@pytest.mark.parametrize("args", [["add", "carol", "--role", "staff"], ["password", "bob"]])
def test_a_password_byte_that_is_not_utf8_is_refused_by_the_console_script(
    db: str, args: list[str]
) -> None:
    """The console script reads stdin as Python does in the C locale: an undecodable byte
    becomes a lone surrogate, which made the store's write fail (exit 3, UnicodeEncodeError)."""
    with_users(db)
    before = stored(db)
    done = subprocess.run(
        [*console_script(), "user", *args, "--db", db],
        input=f"{PASSWORD}\xe9\n".encode("latin-1"),
        env={**cli_env(), "LC_ALL": "C"},
        capture_output=True,
        check=False,
    )
    assert done.returncode == 1, done.stderr
    assert done.stderr.decode() == NOT_UTF8_REFUSED + "\n"
    assert stored(db) == before


def test_password_not_taken_from_the_environment(db: str, monkeypatch) -> None:  # type: ignore[no-untyped-def]
    """No RULESENGINE_PASSWORD or the like: without stdin the command refuses."""
    with_users(db)
    before = stored(db)
    for name in ("RULESENGINE_PASSWORD", "RULESENGINE_USER_PASSWORD", "PASSWORD"):
        monkeypatch.setenv(name, PASSWORD)
    result = run(db, "add", "carol", "--role", "staff", input="")
    assert result.exit_code == 1 and "no password on stdin" in result.output
    assert stored(db) == before


def test_on_a_terminal_the_password_is_asked_twice(db: str, monkeypatch) -> None:  # type: ignore[no-untyped-def]
    monkeypatch.setattr(user_commands, "_on_terminal", lambda: True)
    added = run(db, "add", "alice", "--role", "admin", input=f"{PASSWORD}\n{PASSWORD}\n")
    assert added.exit_code == 0, added.output
    assert "Password for alice" in added.output and "Repeat it" in added.output
    before = stored(db)
    mismatch = run(db, "password", "alice", input=f"{PASSWORD}\n{OTHER}\n")
    assert mismatch.exit_code == 1
    assert "the two passwords do not match" in mismatch.output
    assert stored(db) == before
    mismatch = run(db, "add", "bob", "--role", "staff", input=f"{PASSWORD}\n{OTHER}\n")
    assert mismatch.exit_code == 1 and "do not match" in mismatch.output
    assert stored(db) == before
    typed = f"{PASSWORD}\0\n{PASSWORD}\0\n"  # Ctrl-@ types a NUL on many terminals
    refused = run(db, "add", "bob", "--role", "staff", input=typed)
    assert refused.exit_code == 1 and NUL_REFUSED in refused.output
    assert stored(db) == before


def test_commands_need_an_existing_store(tmp_path: Path) -> None:
    db = str(tmp_path / "missing.db")
    for args in (["list"], ["remove", "alice"], ["password", "alice"], ["role", "alice", "staff"]):
        result = run(db, *args, input=PASSWORD)
        assert result.exit_code == 1 and "no store at" in result.output
    assert not (tmp_path / "missing.db").exists()
    refused = run(db, "add", "bad name", "--role", "admin", input=PASSWORD)
    assert refused.exit_code == 1 and not (tmp_path / "missing.db").exists()
    refused = run(db, "add", "alice", "--role", "admin", input="short")
    assert refused.exit_code == 1 and not (tmp_path / "missing.db").exists()


def test_the_command_s_roles_are_the_store_s() -> None:
    from rulesengine.store.user_accounts import ROLES

    assert user_commands._ROLES == ROLES


@pytest.mark.parametrize("args", [["add", "carol", "--role", "staff"], ["password", "bob"]])
def test_a_closed_stdin_is_no_password_not_a_bug(db: str, args: list[str]) -> None:
    """``<&-``: the console script starts with no stdin at all (``sys.stdin`` is None), which
    is said as an empty stdin is: exit 1, nothing changed (it was exit 3)."""
    with_users(db)
    before = stored(db)
    done = subprocess.run(
        [*console_script(), "user", *args, "--db", db],
        env=cli_env(),
        capture_output=True,
        text=True,
        preexec_fn=lambda: os.close(0),
    )
    assert done.returncode == 1, done.stderr
    assert "no password on stdin" in done.stderr and "Traceback" not in done.stderr
    assert stored(db) == before
