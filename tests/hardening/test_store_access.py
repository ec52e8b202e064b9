"""Who can get at the store, and what its URL and its failures show.

- Store passwords, in the URL's userinfo or its query string (``password=``,
  ``sslpassword=``), never reach a message or a log line: every command, against an
  unreachable and a reachable PostgreSQL.
- A new SQLite store (and the ``-wal`` and ``-shm`` files beside it) is 0600 whatever the
  umask; an existing store other users can read gets one warning saying ``chmod 600``.
- A store the user cannot write, read or create, a full or failing disk, a store from a
  newer rulesengine, an SQLite URI file name: exit 1 with what is wrong and how to fix it,
  never "internal error", SQL text or a traceback.

Commands run through the installed ``rulesengine`` (many at once through the forked entry
point of :mod:`tests.hardening.test_bad_input_cli`). File permissions do not bind root, so
as root the commands that need them to run without the capability that overrides them
(``setpriv``).
"""

from __future__ import annotations

import logging
import os
import resource
import shutil
import signal
import sqlite3
import stat
import subprocess
from pathlib import Path
from typing import Any

import pytest

from rulesengine.errors import StoreError
from rulesengine.store import open_store
from rulesengine.store.failures import first_line, store_failure
from rulesengine.store.redact import display_url, redact

from ._zygote import Done, cli_env, console_script
from ._zygote import rulesengine as run_forked
from .test_bad_input_cli import (
    DATA,
    REPO,
    Job,
    Outcome,
    _seed_store,
    fingerprint,
    row_counts,
    run_jobs,
)

RULES = str(REPO / "rules" / "standard.yaml")
LEDGER = str(DATA / "ledgers" / "good")
SECRET = "S3cret-Pw"  # in the userinfo
QUERY_SECRET = "Q5ecret-Pw"  # in the query string
UNREACHABLE = {
    "userinfo": f"postgresql://billing:{SECRET}@127.0.0.1:1/ledger",
    "password=": f"postgresql://billing@127.0.0.1:1/ledger?password={QUERY_SECRET}",
    "sslpassword=": f"postgresql://billing@127.0.0.1:1/ledger?sslpassword={QUERY_SECRET}",
}
#: Every command that opens the store, as argv with the store URL left to add.
STORE_COMMANDS: dict[str, list[str]] = {
    "import": ["import", LEDGER],
    "run": ["run", "--rules", RULES, "--date", "2026-03-01"],
    "run --test": ["run", "--test", "--rules", RULES, "--date", "2026-03-01"],
    "diff": ["diff", RULES, RULES, "--date", "2026-03-01"],
    "explain": ["explain", "G1"],
    "worklist": ["worklist"],
    "deliver": ["deliver"],
    "worker": ["worker"],
    "queue": ["queue"],
    "queue show": ["queue", "show", "1"],
    "queue retry": ["queue", "retry", "1"],
    "opt-out": ["opt-out", "G1", "email"],
    "notify": ["notify", "G1", "--channel", "email", "--message", "reminder", "--rules", RULES],
}
#: Commands that could not run as root without the capability that overrides file modes.
AS_A_USER = (
    [
        "setpriv",
        "--inh-caps=-dac_override,-dac_read_search",
        "--bounding-set=-dac_override,-dac_read_search",
    ]
    if os.geteuid() == 0
    else []
)


def rulesengine(
    *argv: str, cwd: Path, as_user: bool = False, preexec: Any = None
) -> subprocess.CompletedProcess[str] | Done:
    """``rulesengine *argv`` forked from the zygote (``_zygote.py``); through the installed
    console script when it must start without root's file capabilities (``as_user``) or
    with ``preexec`` (a umask, a file-size limit) applied before it starts."""
    if not as_user and preexec is None:
        return run_forked(*argv, cwd=cwd)
    return subprocess.run(
        [*(AS_A_USER if as_user else []), *console_script(), *argv],
        cwd=cwd,
        env=cli_env(),
        capture_output=True,
        text=True,
        timeout=300,
        check=False,
        preexec_fn=preexec,
    )


def assert_clear_user_error(
    done: subprocess.CompletedProcess[str] | Done | Outcome, *expected: str
) -> None:
    """Exit 1 with each expected fragment, and no bug report, traceback or SQL text."""
    code = done.code if isinstance(done, Outcome) else done.returncode
    output = done.stdout + done.stderr
    assert code == 1, output
    for fragment in expected:
        assert fragment in output
    for leak in ("internal error", "Traceback", "[SQL", "INSERT INTO", "UPDATE ", "[parameters"):
        assert leak not in output


def mode(path: Path) -> int:
    return stat.S_IMODE(path.stat().st_mode)


def seeded_store(folder: Path, *, live_run: bool = True) -> Path:
    folder.mkdir(parents=True, exist_ok=True)
    path = folder / "store.db"
    _seed_store(path, live_run=live_run)
    return path


# -- 5: no password in any message or log line -------------------------------------------------


@pytest.fixture(scope="module")
def unreachable_outcomes(
    tmp_path_factory: pytest.TempPathFactory,
) -> dict[tuple[str, str], Outcome]:
    """Every store command against an unreachable PostgreSQL, once per password form."""
    root = tmp_path_factory.mktemp("unreachable")
    jobs: dict[tuple[str, str], Job] = {}
    for form, url in UNREACHABLE.items():
        for name, argv in STORE_COMMANDS.items():
            cwd = root / f"{form}-{name}".replace(" ", "_").replace("=", "")
            cwd.mkdir()
            jobs[form, name] = Job(["--log-level", "DEBUG", *argv, "--db", url], cwd, None)
    return run_jobs(jobs)


@pytest.mark.parametrize("form", UNREACHABLE)
@pytest.mark.parametrize("command", STORE_COMMANDS)
def test_no_command_prints_the_password_of_an_unreachable_store(
    unreachable_outcomes: dict[tuple[str, str], Outcome], form: str, command: str
) -> None:
    """Each command's error (and its DEBUG log) names the store with its password masked."""
    outcome = unreachable_outcomes[form, command]
    assert_clear_user_error(outcome, "cannot open the store postgresql://billing", "***")
    assert SECRET not in outcome.output
    assert QUERY_SECRET not in outcome.output


def _with_password(pg_url: str, form: str) -> str:
    if form == "userinfo":
        return pg_url.replace("://postgres@", f"://postgres:{SECRET}@", 1)
    return f"{pg_url}&password={QUERY_SECRET}"


@pytest.mark.parametrize("form", ["userinfo", "password="])
def test_no_command_prints_the_password_of_a_reachable_store(
    pg_url: str, tmp_path: Path, form: str
) -> None:
    """Against a live PostgreSQL (trust authentication ignores the password): the import
    summary, explain's error, run, deliver, queue, worklist and their INFO logs mask it."""
    url = _with_password(pg_url, form)
    shown = display_url(url)
    assert "***" in shown and SECRET not in shown and QUERY_SECRET not in shown
    argvs = {
        "import": ["import", LEDGER],
        "run": ["run", "--rules", RULES, "--date", "2026-02-01"],
        "deliver": ["deliver", "--now", "2026-02-02T15:00:00Z"],
        "queue": ["queue"],
        "worklist": ["worklist"],
        "explain unknown": ["explain", "G999"],
        "explain unknown batch": ["explain", "G1", "--batch", "nope"],
        "queue show unknown": ["queue", "show", "99999"],
    }
    outputs = {}
    for name, argv in argvs.items():  # in order: each one needs the one before
        done = rulesengine("--log-level", "INFO", *argv, "--db", url, cwd=tmp_path)
        outputs[name] = done
        assert SECRET not in done.stdout + done.stderr, name
        assert QUERY_SECRET not in done.stdout + done.stderr, name
    assert outputs["import"].returncode == 0, outputs["import"].stderr
    assert f"synced into {shown}" in outputs["import"].stdout
    assert outputs["run"].returncode == 0
    assert f"no guarantor 'G999' in {shown}" in outputs["explain unknown"].stderr
    assert f"no batch 'nope' in {shown}" in outputs["explain unknown batch"].stderr
    assert_clear_user_error(outputs["queue show unknown"], "no notification 99999")


@pytest.mark.parametrize("form", ["userinfo", "password="])
def test_the_worker_start_line_masks_the_password(pg_url: str, tmp_path: Path, form: str) -> None:
    """``worker ... started on URL`` shows the store with its password masked."""
    url = _with_password(pg_url, form)
    proc = subprocess.Popen(
        [*console_script(), "--log-level", "INFO", "worker", "--poll", "0.2", "--db", url],
        cwd=tmp_path,
        env=cli_env(),
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
    )
    try:
        first = proc.stdout.readline() if proc.stdout else ""
        proc.send_signal(signal.SIGTERM)
        out, err = proc.communicate(timeout=60)
    finally:
        if proc.poll() is None:
            proc.kill()
            proc.wait()
    assert f" started on {display_url(url)}; stop with SIGTERM" in first
    for text in (first, out, err):
        assert SECRET not in text and QUERY_SECRET not in text
    assert proc.returncode == 0, err


@pytest.mark.parametrize(
    ("url", "shown"),
    [
        ("postgresql://u:pw@db/x", "postgresql://u:***@db/x"),
        (
            "postgresql://u@db/x?password=pw&sslmode=require",
            "postgresql://u@db/x?password=***&sslmode=require",
        ),
        ("postgresql://u@db/x?sslpassword=pw", "postgresql://u@db/x?sslpassword=***"),
        ("postgres://u:p%40ss@db:5432/x", "postgres://u:***@db:5432/x"),
        ("postgresql://u:pw@db:badport/x", "postgresql://u:***@db:badport/x"),
        ("mysql://u:pw@db/x", "mysql://u:***@db/x"),
        ("./store.db", "./store.db"),
        ("sqlite:///store.db", "sqlite:///store.db"),
    ],
)
def test_display_url_masks_every_credential(url: str, shown: str) -> None:
    """Userinfo passwords and credential query parameters are masked; paths stay as given."""
    assert display_url(url) == shown


def test_passfile_is_a_path_and_stays_visible() -> None:
    """``passfile`` names where the password is, not the password: a wrong path must show."""
    assert "passfile=%2Fetc%2Frulesengine%2Fpgpass" in display_url(
        "postgresql://u@db/x?passfile=/etc/rulesengine/pgpass"
    )


def test_driver_messages_lose_the_secrets_of_the_url() -> None:
    """A driver's message naming the password (decoded or not), a URL with userinfo or a
    ``password=`` pair of a connection string, is masked before it is shown."""
    url = "postgresql://u:p%40ssw0rd@db/x?password=Other-Secret"
    text = "failed for p@ssw0rd and p%40ssw0rd and Other-Secret; dsn password='q r' postgresql://a:b@c/d"
    cleaned = redact(text, url)
    for secret in ("p@ssw0rd", "p%40ssw0rd", "Other-Secret", "'q r'", ":b@"):
        assert secret not in cleaned
    assert (
        first_line(RuntimeError(f"bad {SECRET}\nsecond"), f"postgresql://u:{SECRET}@h/x")
        == "bad ***"
    )


def test_a_bug_report_shows_neither_sql_nor_its_parameters(tmp_path: Path) -> None:
    """The exit-3 message of a database bug is its driver's first line: no statement, no
    parameters (they may hold patient data or the pay-link key), no password."""
    import sqlalchemy

    from rulesengine.cli.error_reports import bug_summary

    engine = sqlalchemy.create_engine(f"sqlite:///{tmp_path / 'x.db'}")
    with engine.connect() as conn, pytest.raises(sqlalchemy.exc.DBAPIError) as caught:
        conn.execute(sqlalchemy.text("SELECT * FROM nowhere WHERE x = :secret"), {"secret": SECRET})
    engine.dispose()
    assert "[SQL" in str(caught.value)
    assert bug_summary(caught.value, None) == "OperationalError: no such table: nowhere"


# -- 11: the store file is private -------------------------------------------------------------


@pytest.mark.parametrize("umask", [0o000, 0o022])
def test_a_new_store_and_its_wal_and_shm_files_are_0600_whatever_the_umask(
    tmp_path: Path, umask: int
) -> None:
    """import creates the store 0600; while a worker holds it open, -wal and -shm are 0600."""
    store = tmp_path / "new.db"

    def with_umask() -> None:
        os.umask(umask)

    done = rulesengine("import", LEDGER, "--db", str(store), cwd=tmp_path, preexec=with_umask)
    assert done.returncode == 0, done.stderr
    assert mode(store) == 0o600
    proc = subprocess.Popen(
        [*console_script(), "worker", "--poll", "0.2", "--db", str(store)],
        cwd=tmp_path,
        env=cli_env(),
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
        preexec_fn=with_umask,
    )
    try:
        assert proc.stdout is not None and "started on" in proc.stdout.readline()
        companions = [tmp_path / "new.db-wal", tmp_path / "new.db-shm"]
        assert all(p.exists() for p in companions)
        assert [mode(p) for p in companions] == [0o600, 0o600]
        proc.send_signal(signal.SIGTERM)
        _, err = proc.communicate(timeout=60)
    finally:
        if proc.poll() is None:
            proc.kill()
            proc.wait()
    assert "can read or change it" not in err


def test_a_store_others_can_read_gets_one_warning_saying_chmod_600(tmp_path: Path) -> None:
    """An existing 0644 store still works, with one warning naming the fix."""
    store = seeded_store(tmp_path / "shared")
    store.chmod(0o644)
    done = rulesengine("worklist", "--db", str(store), cwd=tmp_path)
    assert done.returncode == 0, done.stderr
    warning = (
        "the store holds patient data and the pay-link key, but other users of this machine"
        f" can read or change it: {store} (mode 0644); run: chmod 600 {store}"
    )
    assert warning in done.stderr
    assert done.stderr.count("WARNING") == 1
    store.chmod(0o600)
    quiet = rulesengine("worklist", "--db", str(store), cwd=tmp_path)
    assert quiet.returncode == 0 and quiet.stderr == ""


def test_a_store_in_a_folder_others_can_write_gets_a_warning(tmp_path: Path) -> None:
    """Others who can write the folder can replace the store or plant its -wal file."""
    folder = tmp_path / "open"
    store = seeded_store(folder)
    folder.chmod(0o777)
    done = rulesengine("worklist", "--db", str(store), cwd=tmp_path)
    assert done.returncode == 0
    assert f"its folder {folder} lets other users replace or delete it (mode 0777);" in done.stderr
    assert f"run: chmod o-w {folder}" in done.stderr
    folder.chmod(0o1777)  # sticky, like /tmp: others cannot remove what is not theirs
    assert "WARNING" not in rulesengine("worklist", "--db", str(store), cwd=tmp_path).stderr


def test_the_warning_comes_once_per_process(
    tmp_path: Path, caplog: pytest.LogCaptureFixture
) -> None:
    """Opening the same exposed store again in one process does not repeat the warning."""
    store = seeded_store(tmp_path / "twice")
    store.chmod(0o644)
    with caplog.at_level(logging.WARNING, logger="rulesengine.store.file_access"):
        for _ in range(3):
            open_store(str(store)).close()
    assert len(caplog.records) == 1


# -- 14: store trouble is a user error ---------------------------------------------------------


def test_a_live_run_on_a_read_only_store_says_so_without_sql(tmp_path: Path) -> None:
    """The attacker's case: exit 1 (was 3 with the INSERT statement), the store unchanged."""
    store = seeded_store(tmp_path / "ro", live_run=False)
    store.chmod(0o400)
    before = fingerprint(store), row_counts(store)
    # A sync of the same export writes nothing: import one whose balance changed.
    changed = tmp_path / "next-export"
    shutil.copytree(LEDGER, changed)
    encounters = changed / "encounters.csv"
    encounters.write_text(
        encounters.read_text("utf-8").replace(
            "E1,G1,P1,2026-01-03,200.00", "E1,G1,P1,2026-01-03,150.00"
        ),
        "utf-8",
    )
    for argv in (
        ["run", "--rules", RULES, "--date", "2026-02-01"],
        ["import", str(changed)],
        ["opt-out", "G1", "email"],
    ):
        done = rulesengine(*argv, "--db", str(store), cwd=tmp_path, as_user=True)
        assert_clear_user_error(
            done,
            f"cannot write to the store {store}: the file is read-only for this user;",
            f"chmod u+w {store}",
        )
    assert (fingerprint(store), row_counts(store)) == before
    reading = rulesengine("worklist", "--db", str(store), cwd=tmp_path, as_user=True)
    assert reading.returncode == 0, reading.stderr  # reading a read-only store still works


def test_a_store_in_a_read_only_folder_names_the_folder(tmp_path: Path) -> None:
    """SQLite writes -wal and -shm beside the store: a read-only folder is the problem."""
    folder = tmp_path / "locked-folder"
    store = seeded_store(folder)
    folder.chmod(0o555)
    try:
        done = rulesengine("worklist", "--db", str(store), cwd=tmp_path, as_user=True)
        assert_clear_user_error(done, f"its folder {folder} is read-only for this user")
        new = rulesengine(
            "import", LEDGER, "--db", str(folder / "new.db"), cwd=tmp_path, as_user=True
        )
        assert_clear_user_error(
            new, f"cannot create the store {folder / 'new.db'}: permission denied on its folder"
        )
        assert not (folder / "new.db").exists()
    finally:
        folder.chmod(0o755)


def test_a_store_this_user_cannot_read(tmp_path: Path) -> None:
    """A store of another user's: who can fix it and how."""
    store = seeded_store(tmp_path / "theirs")
    store.chmod(0o000)
    done = rulesengine("queue", "--db", str(store), cwd=tmp_path, as_user=True)
    assert_clear_user_error(done, f"cannot read the store {store}: permission denied;")


def test_a_disk_that_fails_mid_run_is_a_user_error_and_the_store_survives(tmp_path: Path) -> None:
    """Writes refused by the file system (a file size limit) end the run with exit 1; the
    store is exactly as before."""
    store = seeded_store(tmp_path / "small-disk", live_run=False)
    before = row_counts(store)

    def small_files() -> None:
        resource.setrlimit(resource.RLIMIT_FSIZE, (4096, 4096))

    done = rulesengine(
        "run",
        "--rules",
        RULES,
        "--date",
        "2026-02-01",
        "--db",
        str(store),
        cwd=tmp_path,
        preexec=small_files,
    )
    assert_clear_user_error(done, f"cannot read or write the store {store} (disk I/O error)")
    assert row_counts(store) == before
    conn = sqlite3.connect(store)
    try:
        assert conn.execute("PRAGMA integrity_check").fetchone() == ("ok",)
    finally:
        conn.close()


def test_a_store_from_a_newer_rulesengine_says_upgrade(tmp_path: Path) -> None:
    store = seeded_store(tmp_path / "newer", live_run=False)
    conn = sqlite3.connect(store)
    with conn:
        conn.execute("UPDATE meta SET value = '999' WHERE key = 'schema_version'")
    conn.close()
    done = rulesengine("worklist", "--db", str(store), cwd=tmp_path)
    assert_clear_user_error(
        done, "was written by a newer rulesengine (schema 999); upgrade rulesengine"
    )


def test_a_damaged_schema_version_is_a_user_error(tmp_path: Path) -> None:
    store = seeded_store(tmp_path / "damaged", live_run=False)
    conn = sqlite3.connect(store)
    with conn:
        conn.execute("UPDATE meta SET value = 'two' WHERE key = 'schema_version'")
    conn.close()
    done = rulesengine("worklist", "--db", str(store), cwd=tmp_path)
    assert_clear_user_error(done, "records schema version 'two', which is not a number")


@pytest.mark.parametrize(
    "uri", ["file:x.db?mode=ro", "file:x.db", "FILE:x.db?mode=rw&cache=shared"]
)
def test_sqlite_uri_file_names_are_refused_and_create_nothing(tmp_path: Path, uri: str) -> None:
    """Before: a store file named literally 'file:x.db?mode=ro' appeared, opened read-write."""
    done = rulesengine("worklist", "--db", uri, cwd=tmp_path)
    assert_clear_user_error(
        done, f"{uri!r} is an SQLite URI file name", "give the store's path (x.db)"
    )
    assert list(tmp_path.iterdir()) == []


def test_a_store_the_user_named_is_not_created_when_refused(tmp_path: Path) -> None:
    """A refused URL or path leaves nothing behind in the working folder."""
    for url in (
        "sqlite://x.db",
        f"sqlite:///{tmp_path}/x.db?mode=ro",
        "postgresql://u:pw@h:port/x",
    ):
        assert_clear_user_error(rulesengine("queue", "--db", url, cwd=tmp_path))
    assert list(tmp_path.iterdir()) == []


def _sqlite_error(make: Any) -> sqlite3.Error:
    with pytest.raises(sqlite3.Error) as caught:
        make()
    return caught.value


def test_a_locked_store_is_a_user_error(tmp_path: Path) -> None:
    """SQLITE_BUSY (another writer kept the store past the busy timeout): try again later."""
    path = tmp_path / "busy.db"
    holder = sqlite3.connect(path, isolation_level=None)
    holder.execute("CREATE TABLE t (x)")
    holder.execute("BEGIN IMMEDIATE")
    other = sqlite3.connect(path, timeout=0, isolation_level=None)
    try:
        error = _sqlite_error(lambda: other.execute("BEGIN IMMEDIATE"))
    finally:
        other.close()
        holder.close()
    failure = store_failure(error, str(path))
    assert isinstance(failure, StoreError)
    assert f"the store {path} is locked by another process" in str(failure)
    assert "run the command again when that process has finished" in str(failure)


def test_a_full_disk_is_a_user_error(tmp_path: Path) -> None:
    """SQLITE_FULL: free some space and run it again."""
    conn = sqlite3.connect(tmp_path / "full.db")
    conn.execute("CREATE TABLE t (x)")
    conn.execute("PRAGMA max_page_count = 2")
    try:
        error = _sqlite_error(
            lambda: conn.executemany("INSERT INTO t VALUES (?)", [("x" * 4000,)] * 20)
        )
    finally:
        conn.close()
    failure = store_failure(error, "store.db")
    assert isinstance(failure, StoreError)
    assert "the disk holding the store store.db is full" in str(failure)


def test_other_database_errors_stay_bugs(tmp_path: Path) -> None:
    """A mistake in rulesengine's own SQL is not blamed on the user's store."""
    conn = sqlite3.connect(tmp_path / "x.db")
    try:
        error = _sqlite_error(lambda: conn.execute("SELECT * FROM nowhere"))
    finally:
        conn.close()
    assert store_failure(error, "x.db") is None
    assert store_failure(ValueError("x"), "x.db") is None


def test_a_postgresql_role_without_privileges_is_told_what_to_grant(
    pg_url: str, pg_server: str, tmp_path: Path
) -> None:
    """A role that may not use the store's schema (3F000), then one that may not create in
    it (42501): exit 1 with the grants it needs, its password masked."""
    import uuid
    from urllib.parse import unquote

    import sqlalchemy

    role = f"re_noprivs_{uuid.uuid4().hex[:8]}"
    schema = unquote(pg_url).rpartition("search_path=")[2]
    admin = sqlalchemy.create_engine(pg_server.replace("postgresql://", "postgresql+psycopg://", 1))
    with admin.begin() as conn:
        conn.exec_driver_sql(f'CREATE ROLE "{role}" LOGIN')
    url = pg_url.replace("://postgres@", f"://{role}:{SECRET}@", 1)
    try:
        no_usage = rulesengine("worklist", "--db", url, cwd=tmp_path)
        assert_clear_user_error(
            no_usage,
            f"cannot use the database postgresql://{role}:***@",
            "GRANT USAGE, CREATE ON SCHEMA name TO role",
        )
        with admin.begin() as conn:
            conn.exec_driver_sql(f'GRANT USAGE ON SCHEMA "{schema}" TO "{role}"')
        no_create = rulesengine("worklist", "--db", url, cwd=tmp_path)
        assert_clear_user_error(
            no_create, "permission denied for schema", "grant the database role what"
        )
        for done in (no_usage, no_create):
            assert SECRET not in done.stdout + done.stderr
    finally:
        with admin.begin() as conn:
            conn.exec_driver_sql(f'REVOKE ALL ON SCHEMA "{schema}" FROM "{role}"')
            conn.exec_driver_sql(f'DROP ROLE "{role}"')
        admin.dispose()


def test_a_folder_and_a_file_that_is_not_a_store(tmp_path: Path) -> None:
    """Neither is touched; each message says what to give instead."""
    other = tmp_path / "notes.txt"
    other.write_text("not a database\n" * 100)
    before = other.read_bytes()
    assert_clear_user_error(
        rulesengine("worklist", "--db", str(other), cwd=tmp_path),
        f"{other} is not a rulesengine store (not an SQLite database)",
    )
    assert other.read_bytes() == before
    assert sorted(p.name for p in tmp_path.iterdir()) == ["notes.txt"]
    assert_clear_user_error(
        rulesengine("worklist", "--db", str(tmp_path), cwd=tmp_path),
        f"the store {tmp_path} is a folder; give the path of a store file,"
        f" such as {tmp_path / 'rulesengine.db'}",
    )


def test_a_password_with_an_unencoded_at_sign_is_masked_whole(tmp_path: Path) -> None:
    """``user:S3CR@ETPW@host``: parsers take ``S3CR`` for the password and ``ETPW@host`` for
    the host; neither the URL shown nor the driver's message shows any of it."""
    url = "postgresql://u:S3CR@ETPW@127.0.0.1:1/test"
    assert display_url(url) == "postgresql://u:***@127.0.0.1:1/test"
    cleaned = redact("failed to resolve host 'ETPW@127.0.0.1'", url)
    assert "ETPW" not in cleaned and "S3CR" not in cleaned
    done = rulesengine("queue", "--db", url, cwd=tmp_path)
    assert done.returncode == 1
    assert "S3CR" not in done.stderr + done.stdout and "ETPW" not in done.stderr + done.stdout
