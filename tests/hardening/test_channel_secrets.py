"""A rules file cannot send the machine's secrets anywhere, and a channel never changes a
folder it did not create, through the real ``rulesengine`` command.

- credentials: a ``*_env`` setting may only name a ``RULESENGINE_...`` variable that is not
  one of the product's own (never ``PGPASSWORD``, ``RULESENGINE_SECRET``, ``RULESENGINE_DB``);
  credentials go only over TLS, except to a loopback address. ``validate`` and
  ``run --test --proof`` refuse such a file (exit 1, nothing written), and a worker never
  reads the variable even for a proof queued under a rules text stored before this check;
- outboxes: each missing folder is created 0o700; an existing folder (``outbox: ..``
  included) is used as it is, its mode never changed; one another user owns, or that every
  user may write into without the sticky bit, is refused with a message saying what to do.
"""

from __future__ import annotations

import hashlib
import json
import os
import shutil
import socket
import sqlite3
import stat
import threading
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
import yaml

from ._zygote import Done, cli_env
from ._zygote import rulesengine as run_forked

REPO = Path(__file__).resolve().parents[2]
LEDGER = REPO / "tests" / "data" / "ledgers" / "good"
RUN_DATE = "2026-02-01"
MACHINE_SECRET = "machine-secret-7f3e"


def rulesengine(cwd: Path, *argv: str, **env: str) -> Done:
    """Run the command in ``cwd`` (forked from the zygote, ``_zygote.py``) with the built-in
    channels and ``env`` added."""
    return run_forked(*argv, cwd=cwd, env={**cli_env(), **env}, timeout=120)


def rules_text(**channels: dict[str, Any]) -> str:
    """rules/standard.yaml with ``channels`` replaced."""
    data = yaml.safe_load((REPO / "rules" / "standard.yaml").read_text("utf-8"))
    data["channels"] = channels
    return yaml.safe_dump(data, sort_keys=False)


@pytest.fixture(scope="module")
def seeded_store(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """A store holding the good ledger, imported once through the command."""
    folder = tmp_path_factory.mktemp("seed")
    done = rulesengine(folder, "import", str(LEDGER), "--db", "s.db")
    assert done.returncode == 0, done.output
    return folder / "s.db"


@pytest.fixture
def practice(tmp_path: Path, seeded_store: Path) -> Path:
    """A working folder (mode 0o750, inside a 0o750 folder) with a copy of the store."""
    work = tmp_path / "practice" / "work"
    work.mkdir(parents=True)
    for folder in (work, work.parent):
        folder.chmod(0o750)
    shutil.copy(seeded_store, work / "s.db")
    return work


def fingerprint(db: Path) -> str:
    digest = hashlib.sha256()
    for path in (db, db.with_name(db.name + "-wal")):
        digest.update(path.read_bytes() if path.exists() else b"-")
    return digest.hexdigest()


def queue_proof(work: Path, text: str) -> None:
    (work / "r.yaml").write_text(text, encoding="utf-8")
    done = rulesengine(
        work, "run", "--rules", "r.yaml", "--date", RUN_DATE, "--test", "--proof", "--db", "s.db"
    )
    assert done.returncode == 0, done.output


def deliver(work: Path, **env: str) -> dict[str, Any]:
    """``rulesengine deliver`` once; the first notification as ``queue show 1 --json``."""
    done = rulesengine(work, "deliver", "--until-empty", "--db", "s.db", **env)
    assert done.returncode == 0, done.output
    shown = rulesengine(work, "queue", "show", "1", "--json", "--db", "s.db")
    assert shown.returncode == 0, shown.output
    return json.loads(shown.stdout)


def mode(path: Path) -> int:
    return stat.S_IMODE(path.stat().st_mode)


# --- Credentials ---------------------------------------------------------------------------------

FORBIDDEN = [
    (
        "PGPASSWORD",
        "'PGPASSWORD' may not be read: a rules file may only name environment variables that "
        "start with RULESENGINE_ (capital letters, digits and _): put the secret in a variable "
        "such as RULESENGINE_EMAIL_PASSWORD and write that name here",
    ),
    (
        "RULESENGINE_SECRET",
        "'RULESENGINE_SECRET' is one of rulesengine's own variables, never a channel's "
        "credential: put the channel's secret in a variable of its own, such as "
        "RULESENGINE_EMAIL_PASSWORD, and write that name here",
    ),
    (
        "RULESENGINE_DB",
        "'RULESENGINE_DB' is one of rulesengine's own variables, never a channel's "
        "credential: put the channel's secret in a variable of its own, such as "
        "RULESENGINE_EMAIL_PASSWORD, and write that name here",
    ),
]


def _email(password_env: str, **more: Any) -> dict[str, Any]:
    return {
        "smtp_host": "smtp.example.org",
        "username": "billing",
        "password_env": password_env,
        "from": "billing@riverside.example.org",
        **more,
    }


def _problem_line(text: str, key: str) -> str:
    """``r.yaml:LINE:COL`` of the value of ``key`` in ``text`` (as the loader reports it)."""
    for number, line in enumerate(text.splitlines(), start=1):
        stripped = line.lstrip()
        if stripped.startswith(f"{key}:"):
            column = len(line) - len(stripped) + len(key) + 3
            return f"r.yaml:{number}:{column}"
    raise AssertionError(f"{key} is not in the rules text")


def test_validate_refuses_a_rules_file_naming_a_secret_of_the_machine(practice: Path) -> None:
    """password_env: PGPASSWORD (or the pay-link key, or the store URL) is a load error."""
    expected = []
    for name, message in FORBIDDEN:
        text = rules_text(email=_email(name))
        (practice / f"{name}.yaml").write_text(text, encoding="utf-8")
        where = _problem_line(text, "password_env").replace("r.yaml", f"{name}.yaml")
        expected.append(f"{where}: channels.email.password_env: {message}\n")
    done = rulesengine(practice, "validate", *(f"{name}.yaml" for name, _ in FORBIDDEN))
    assert done.returncode == 1
    assert done.output == "".join(expected) + "3 problems found\n"
    assert "Traceback" not in done.output


@pytest.mark.parametrize(("name", "message"), FORBIDDEN, ids=[n for n, _ in FORBIDDEN])
def test_a_proof_run_with_such_a_rules_file_is_refused_and_writes_nothing(
    practice: Path, name: str, message: str
) -> None:
    """``run --test --proof`` is how a proof reaches a production worker: refused at load."""
    text = rules_text(email=_email(name))
    (practice / "r.yaml").write_text(text, encoding="utf-8")
    before = fingerprint(practice / "s.db")
    done = rulesengine(
        practice,
        "run",
        "--rules",
        "r.yaml",
        "--date",
        RUN_DATE,
        "--test",
        "--proof",
        "--db",
        "s.db",
    )
    assert done.returncode == 1
    assert f"channels.email.password_env: {message}" in done.output
    assert "Traceback" not in done.output
    assert fingerprint(practice / "s.db") == before


def test_validate_refuses_credentials_without_tls(practice: Path) -> None:
    text = rules_text(
        email=_email("RULESENGINE_SMTP_PASSWORD", starttls=False),
        text={
            "base_url": "http://api.twilio.com",
            "account_sid": "AC1",
            "token_env": "RULESENGINE_SMS_TOKEN",
            "from": "+15555550100",
        },
    )
    (practice / "r.yaml").write_text(text, encoding="utf-8")
    done = rulesengine(practice, "validate", "r.yaml")
    assert done.returncode == 1
    assert done.output == (
        f"{_problem_line(text, 'starttls')}: channels.email.starttls: false would send the "
        "secret named by password_env to smtp.example.org unencrypted: remove 'starttls: "
        "false' (the default is true), or set smtp_host to a loopback address (127.0.0.1, ::1 "
        "or localhost)\n"
        f"{_problem_line(text, 'base_url')}: channels.text.base_url: 'http://api.twilio.com' "
        "would send the secret named by token_env unencrypted: use https://, or http:// only "
        "to a loopback address (127.0.0.1, ::1 or localhost)\n"
        "2 problems found\n"
    )


@pytest.fixture
def recording_smtp() -> Iterator[tuple[int, list[bytes]]]:
    """A plain SMTP server on 127.0.0.1 that offers AUTH and records every line it gets."""
    listener = socket.socket()
    listener.bind(("127.0.0.1", 0))
    listener.listen(4)
    listener.settimeout(0.2)
    lines: list[bytes] = []
    stop = threading.Event()

    def serve() -> None:
        while not stop.is_set():
            try:
                conn, _ = listener.accept()
            except TimeoutError:
                continue
            with conn, conn.makefile("rwb") as io:
                conn.settimeout(5)
                io.write(b"220 test ESMTP\r\n")
                io.flush()
                in_data = False
                for line in io:
                    lines.append(line)
                    word = line.strip().upper()
                    if in_data:
                        if line.strip() == b".":
                            in_data = False
                            io.write(b"250 queued\r\n")
                    elif word.startswith(b"EHLO"):
                        io.write(b"250-test\r\n250 AUTH PLAIN LOGIN\r\n")
                    elif word.startswith(b"AUTH"):
                        io.write(b"235 ok\r\n")
                    elif word == b"DATA":
                        in_data = True
                        io.write(b"354 go on\r\n")
                    elif word == b"QUIT":
                        io.write(b"221 bye\r\n")
                        io.flush()
                        break
                    else:
                        io.write(b"250 ok\r\n")
                    io.flush()

    thread = threading.Thread(target=serve, daemon=True)
    thread.start()
    yield listener.getsockname()[1], lines
    stop.set()
    thread.join(timeout=5)
    listener.close()


def _plant_rules_text(db: Path, old: str, new: str) -> None:
    """Rewrite the stored rules text, as a proof queued before this check would have it."""
    with sqlite3.connect(db) as conn:
        changed = conn.execute(
            "UPDATE rules_versions SET text = replace(text, ?, ?)", (old, new)
        ).rowcount
    assert changed == 1


def test_a_worker_never_reads_a_forbidden_variable_from_a_stored_rules_text(
    practice: Path, recording_smtp: tuple[int, list[bytes]]
) -> None:
    """A proof queued under a rules text naming PGPASSWORD (stored before the check existed)
    is not sent: the worker reloads the stored text, refuses it, and says why."""
    port, lines = recording_smtp
    settings = _email("RULESENGINE_SMTP_PASSWORD", smtp_host="127.0.0.1", smtp_port=port)
    queue_proof(practice, rules_text(email={**settings, "starttls": False}))
    _plant_rules_text(practice / "s.db", "RULESENGINE_SMTP_PASSWORD", "PGPASSWORD")
    shown = deliver(practice, PGPASSWORD=MACHINE_SECRET, RULESENGINE_SMTP_PASSWORD="smtp-pw")
    assert shown["status"] == "scheduled"  # waits for a fixed rules file; never sent
    last = shown["history"][-1]
    assert last["new_status"] == "scheduled"
    assert "channels.email.password_env: 'PGPASSWORD' may not be read" in last["detail"]
    assert lines == []  # never even connected
    assert MACHINE_SECRET not in json.dumps(shown)


def test_the_control_case_sends_the_channels_own_password_to_loopback(
    practice: Path, recording_smtp: tuple[int, list[bytes]]
) -> None:
    """The same proof, unplanted: the relay on 127.0.0.1 gets AUTH with the channel's own
    password (this is what the test above would see without the check)."""
    port, lines = recording_smtp
    settings = _email("RULESENGINE_SMTP_PASSWORD", smtp_host="127.0.0.1", smtp_port=port)
    queue_proof(practice, rules_text(email={**settings, "starttls": False}))
    shown = deliver(practice, RULESENGINE_SMTP_PASSWORD="smtp-pw")
    assert shown["status"] == "sent", shown["history"][-1]
    assert any(line.upper().startswith(b"AUTH") for line in lines)


# --- Outbox folders ------------------------------------------------------------------------------


def _deliver_to(work: Path, outbox: str) -> dict[str, Any]:
    queue_proof(work, rules_text(email={"outbox": outbox}))
    return deliver(work)


def _written(folder: Path) -> list[Path]:
    return sorted(folder.glob("*.eml"))


def test_outbox_dot_dot_leaves_the_parent_folder_as_it_is(practice: Path) -> None:
    """``outbox: ..`` used to make the parent folder owner-only (0o700)."""
    shown = _deliver_to(practice, "..")
    assert shown["status"] == "sent", shown["history"][-1]
    assert mode(practice.parent) == 0o750
    [letter] = _written(practice.parent)
    assert mode(letter) == 0o600


def test_an_existing_outbox_keeps_its_mode(practice: Path) -> None:
    outbox = practice / "shared-outbox"
    outbox.mkdir()
    outbox.chmod(0o755)
    shown = _deliver_to(practice, str(outbox))
    assert shown["status"] == "sent", shown["history"][-1]
    assert mode(outbox) == 0o755
    [letter] = _written(outbox)
    assert mode(letter) == 0o600


def test_a_world_writable_outbox_with_the_sticky_bit_is_used_as_it_is(practice: Path) -> None:
    outbox = practice / "drop"
    outbox.mkdir()
    outbox.chmod(0o1777)
    shown = _deliver_to(practice, str(outbox))
    assert shown["status"] == "sent", shown["history"][-1]
    assert mode(outbox) == 0o1777
    assert len(_written(outbox)) == 1


def test_missing_outbox_folders_are_created_owner_only_and_their_parent_kept(
    practice: Path,
) -> None:
    old = os.umask(0)
    try:
        shown = _deliver_to(practice, "out/mail")
    finally:
        os.umask(old)
    assert shown["status"] == "sent", shown["history"][-1]
    assert mode(practice / "out") == mode(practice / "out" / "mail") == 0o700
    assert mode(practice) == 0o750


def _refused(shown: dict[str, Any]) -> str:
    assert shown["status"] == "scheduled"  # a retry: the administrator can fix the folder
    detail = shown["history"][-1]["detail"]
    assert isinstance(detail, str)
    return detail


def test_a_world_writable_outbox_without_the_sticky_bit_is_refused_unchanged(
    practice: Path,
) -> None:
    """Every user could swap the letters in it: refused, and left as it is."""
    outbox = practice / "open"
    outbox.mkdir()
    outbox.chmod(0o777)
    detail = _refused(_deliver_to(practice, str(outbox)))
    assert detail.startswith(
        f"cannot use the email outbox {outbox}: UnsafeFolder: every user may write into "
        f"{outbox} (mode 777): choose another folder, or make it private (chmod 700) "
        "yourself; attempt 1 of 5, next at "
    )
    assert mode(outbox) == 0o777
    assert _written(outbox) == []


@pytest.fixture
def foreign_folder(tmp_path: Path) -> Iterator[Path]:
    """A folder another user owns (as root: one given to uid 65534; otherwise ``/``)."""
    if os.geteuid() != 0:
        yield Path("/")
        return
    folder = tmp_path / "someone-elses"
    folder.mkdir()
    folder.chmod(0o755)
    os.chown(folder, 65534, 65534)
    yield folder


def test_an_outbox_another_user_owns_is_refused_unchanged(
    practice: Path, foreign_folder: Path
) -> None:
    """A worker running as root never writes into (or changes) a user's or the system's
    folder that is not its own."""
    before = foreign_folder.stat()
    detail = _refused(_deliver_to(practice, str(foreign_folder)))
    assert detail.startswith(
        f"cannot use the email outbox {foreign_folder}: UnsafeFolder: {foreign_folder} belongs "
        f"to another user (uid {before.st_uid}): choose a folder of the user the worker runs "
        "as, or one the channel may create; attempt 1 of 5, next at "
    )
    after = foreign_folder.stat()
    assert (after.st_mode, after.st_uid) == (before.st_mode, before.st_uid)
    assert _written(foreign_folder) == []


# --- One list of the product's own variables -----------------------------------------------------


def test_every_variable_rulesengine_reads_is_refused_as_a_credential() -> None:
    """Every quoted ``RULESENGINE_...`` name in the product's code is in PRODUCT_VARIABLES, so
    a variable added later is refused as a credential the day it is added."""
    import re

    from rulesengine.channels.credentials import PRODUCT_VARIABLES

    found: set[str] = set()
    for path in [*(REPO / "rulesengine").rglob("*.py"), REPO / "tests" / "conftest.py"]:
        found |= set(re.findall(r"[\"'](RULESENGINE_[A-Z0-9_]+)[\"']", path.read_text("utf-8")))
    assert found, "the scan found nothing"
    assert found <= PRODUCT_VARIABLES, sorted(found - PRODUCT_VARIABLES)


# --- private_dir, the helper every file-writing channel uses -------------------------------------


def test_private_dir_creates_each_missing_level_owner_only_whatever_the_umask(
    tmp_path: Path,
) -> None:
    from rulesengine.channels.private_files import private_dir

    tmp_path.chmod(0o755)
    old = os.umask(0)
    try:
        private_dir(tmp_path / "a" / "b" / "c")
    finally:
        os.umask(old)
    assert [mode(tmp_path / p) for p in ("a", "a/b", "a/b/c")] == [0o700] * 3
    assert mode(tmp_path) == 0o755


def test_private_dir_never_changes_an_existing_folder(tmp_path: Path) -> None:
    from rulesengine.channels.private_files import private_dir

    for bits in (0o755, 0o750, 0o2770, 0o1777):
        folder = tmp_path / f"f{bits:o}"
        folder.mkdir()
        folder.chmod(bits)
        assert private_dir(folder) == folder
        assert mode(folder) == bits


def test_private_dir_refuses_a_file_and_leaves_it(tmp_path: Path) -> None:
    from rulesengine.channels.private_files import private_dir

    plain = tmp_path / "plain"
    plain.write_text("x")
    plain.chmod(0o644)
    with pytest.raises(NotADirectoryError):
        private_dir(plain)
    assert mode(plain) == 0o644
