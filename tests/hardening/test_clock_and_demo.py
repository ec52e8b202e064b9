"""Dates, instants and the demo's folder through the real ``rulesengine`` command.

- A live run's date is forever (live runs move forward), so a typo far in the future is
  refused unless ``--allow-future``; no date, up to 9999-12-31, is an internal error.
- ``rulesengine demo`` never deletes or overwrites what it did not make.
- ``deliver --now`` never acts later than the real clock, and on PostgreSQL leases are
  measured on the database's clock, so a worker whose clock runs ahead cannot expire
  another worker's live claims.
"""

from __future__ import annotations

import datetime as dt
import os
import subprocess
import sys
import threading
from pathlib import Path
from zoneinfo import ZoneInfo

import pytest
from sqlalchemy import select, update

from rulesengine.channels.results import DeliveryResult
from rulesengine.errors import RulesengineError
from rulesengine.ledger import read_ledger_dir
from rulesengine.queue import Queue
from rulesengine.store import open_store
from rulesengine.store.tables import notifications
from tests.queue.helpers import draft as queue_draft
from tests.queue.helpers import ledger, save

from ._zygote import Done, cli_env
from ._zygote import rulesengine as run_forked
from .test_bad_input_cli import fingerprint, row_counts

REPO = Path(__file__).resolve().parents[2]
STANDARD = REPO / "rules" / "standard.yaml"
GOOD_LEDGER = REPO / "tests" / "data" / "ledgers" / "good"
CHICAGO = ZoneInfo("America/Chicago")  # standard.yaml's profile zone


def rulesengine(*argv: str, cwd: Path) -> Done:
    """``rulesengine *argv`` forked from the zygote (``_zygote.py``)."""
    return run_forked(*argv, cwd=cwd)


def assert_refused(done: Done, message: str) -> None:
    output = done.stdout + done.stderr
    assert done.returncode == 1, output
    assert "Traceback" not in output and "internal error" not in output, output
    assert message in output, output


@pytest.fixture
def ledger_db(tmp_path: Path) -> Path:
    """A store file holding the good ledger, no run yet."""
    path = tmp_path / "store.db"
    store = open_store(str(path))
    try:
        store.import_ledger(read_ledger_dir(GOOD_LEDGER))
    finally:
        store.close()
    return path


def chicago_today() -> dt.date:
    return dt.datetime.now(CHICAGO).date()


# -- 9. a typo in a live run's date is forever --------------------------------------------------


def test_a_live_run_dated_decades_ahead_is_refused_and_writes_nothing(
    tmp_path: Path, ledger_db: Path
) -> None:
    """``--date 2062-02-01`` (for 2026-02-01) used to lock the profile out of every real
    date; now it is refused, exit 1, the store byte-identical."""
    before = fingerprint(ledger_db), row_counts(ledger_db)
    done = rulesengine(
        "run",
        "--rules",
        str(STANDARD),
        "--date",
        "2062-02-01",
        "--db",
        str(ledger_db),
        cwd=tmp_path,
    )
    assert_refused(
        done, "a live run dated more than 31 days ahead is refused, because live runs move"
    )
    assert "add --allow-future if you mean it" in done.stderr
    assert f"today ({chicago_today().isoformat()} in America/Chicago)" in done.stderr
    assert (fingerprint(ledger_db), row_counts(ledger_db)) == before


def test_a_live_run_31_days_ahead_is_accepted_and_32_refused(
    tmp_path: Path, ledger_db: Path
) -> None:
    """The limit counts days after today in the profile's time zone."""
    today = chicago_today()
    late = (today + dt.timedelta(days=32)).isoformat()
    refused = rulesengine(
        "run", "--rules", str(STANDARD), "--date", late, "--db", str(ledger_db), cwd=tmp_path
    )
    assert_refused(refused, f"--date {late} is 32 days after today")
    near = (today + dt.timedelta(days=31)).isoformat()
    done = rulesengine(
        "run", "--rules", str(STANDARD), "--date", near, "--db", str(ledger_db), cwd=tmp_path
    )
    assert done.returncode == 0, done.stderr
    assert f"live batch standard-{near}" in done.stdout


def test_allow_future_lets_a_far_live_run_through(tmp_path: Path, ledger_db: Path) -> None:
    done = rulesengine(
        "run",
        "--rules",
        str(STANDARD),
        "--date",
        "2062-02-01",
        "--allow-future",
        "--db",
        str(ledger_db),
        cwd=tmp_path,
    )
    assert done.returncode == 0, done.stderr
    assert "live batch standard-2062-02-01" in done.stdout


@pytest.mark.parametrize(
    "argv",
    [
        ["run", "--rules", "{rules}", "--date", "9999-12-15", "--allow-future"],
        ["run", "--rules", "{rules}", "--date", "9999-12-31", "--test"],
        ["diff", "{rules}", "{rules}", "--date", "9999-12-15"],
        ["explain", "G1", "--rules", "{rules}", "--date", "9999-12-15"],
    ],
    ids=["live-allow-future", "test", "diff", "explain"],
)
def test_a_date_past_the_last_run_date_is_refused_cleanly(
    tmp_path: Path, ledger_db: Path, argv: list[str]
) -> None:
    """9999-12-15 was an OverflowError (exit 3); now a clear refusal, nothing written."""
    before = fingerprint(ledger_db), row_counts(ledger_db)
    args = [a.format(rules=STANDARD) for a in argv]
    done = rulesengine(*args, "--db", str(ledger_db), cwd=tmp_path)
    assert_refused(done, "is after 9998-12-31, the last run date rulesengine supports")
    assert (fingerprint(ledger_db), row_counts(ledger_db)) == before


def test_test_runs_and_diff_keep_any_date_up_to_the_last(tmp_path: Path, ledger_db: Path) -> None:
    """They persist nothing, so a far date needs no --allow-future."""
    before = fingerprint(ledger_db), row_counts(ledger_db)
    test_run = rulesengine(
        "run",
        "--rules",
        str(STANDARD),
        "--date",
        "9998-12-31",
        "--test",
        "--db",
        str(ledger_db),
        cwd=tmp_path,
    )
    assert test_run.returncode == 0, test_run.stderr
    assert "test batch" in test_run.stdout
    diff = rulesengine(
        "diff",
        str(STANDARD),
        str(STANDARD),
        "--date",
        "9998-12-31",
        "--db",
        str(ledger_db),
        cwd=tmp_path,
    )
    assert diff.returncode == 0, diff.stderr
    assert (fingerprint(ledger_db), row_counts(ledger_db)) == before


SCENARIO = """\
scenario: Far in the future
rules: {rules}
ledger:
  guarantors:
    - {{id: G1, first_name: Ada, last_name: Lovelace, email: ada@example.org,
       timezone: America/New_York}}
  encounters:
    - {{id: E1, guarantor: G1, patient: P1, service_date: {service}, balance: 200.00}}
steps:
  - run: {run}
    expect:
      statements: [{{guarantor: G1, level: 1}}]
  - deliver: {deliver}
    expect:
      notifications: [{{guarantor: G1, channel: email, status: sent}}]
"""


def write_scenario(folder: Path, *, run: str, deliver: str) -> Path:
    """A scenario whose one encounter was seen 41 days before its ``run:`` step."""
    service = (dt.date.fromisoformat(run) - dt.timedelta(days=41)).isoformat()
    path = folder / f"run-{run}.scenario.yaml"
    text = SCENARIO.format(rules=STANDARD, service=service, run=run, deliver=deliver)
    path.write_text(text, encoding="utf-8")
    return path


def test_scenario_steps_are_simulations_and_keep_a_far_date(tmp_path: Path) -> None:
    """A scenario's ``run:`` and ``deliver:`` steps never go through the live-run refusal."""
    path = write_scenario(tmp_path, run="9998-12-31", deliver="9998-12-31T18:00:00Z")
    done = rulesengine("test", str(path), cwd=tmp_path)
    assert done.returncode == 0, done.stdout + done.stderr
    assert "PASS" in done.stdout


def test_a_scenario_past_the_last_run_date_fails_without_a_traceback(tmp_path: Path) -> None:
    path = write_scenario(tmp_path, run="9999-12-15", deliver="9999-01-30T18:00:00Z")
    done = rulesengine("test", str(path), cwd=tmp_path)
    assert_refused(done, "9999-12-15 is after 9998-12-31, the last run date")


def test_a_scenario_instant_past_the_last_one_is_a_problem_of_the_file(tmp_path: Path) -> None:
    path = write_scenario(tmp_path, run="2026-02-01", deliver="9999-12-15T18:00:00Z")
    done = rulesengine("test", str(path), cwd=tmp_path)
    assert_refused(
        done,
        ":13:14: steps[1].deliver: 9999-12-15T18:00:00+00:00 is outside 1900-01-01 .."
        " 9999-01-31, the instants the queue supports",
    )


def test_a_due_date_past_the_calendar_is_refused(tmp_path: Path, ledger_db: Path) -> None:
    """A huge ``profile.due_days`` cannot overflow the due date either."""
    rules = tmp_path / "rules.yaml"
    rules.write_text(
        STANDARD.read_text("utf-8").replace("due_days: 21", "due_days: 99999999"), "utf-8"
    )
    done = rulesengine(
        "run", "--rules", str(rules), "--date", "2026-02-01", "--test", "--db", str(ledger_db),
        cwd=tmp_path,
    )  # fmt: skip
    assert_refused(done, "profile.due_days (99999999) puts the due date of a run on 2026-02-01")


# -- 10. the demo never deletes what it did not make --------------------------------------------


def _snapshot(folder: Path) -> dict[str, bytes]:
    return {
        str(p.relative_to(folder)): p.read_bytes() for p in sorted(folder.rglob("*")) if p.is_file()
    }


def test_demo_in_a_working_folder_is_refused_and_deletes_nothing(tmp_path: Path) -> None:
    """``rulesengine demo .`` used to delete ./rulesengine.db, ./outbox and ./rules.yaml."""
    work = tmp_path / "practice"
    (work / "outbox" / "text").mkdir(parents=True)
    (work / "rulesengine.db").write_bytes(b"real notifications")
    (work / "outbox" / "text" / "messages.jsonl").write_text("{}\n", "utf-8")
    (work / "rules.yaml").write_text("rulesengine: 1\n", "utf-8")
    before = _snapshot(work)
    done = rulesengine("demo", ".", cwd=work)
    assert_refused(done, ". is not a folder for the demo: it holds files the demo did not make")
    assert "outbox/text/messages.jsonl, rules.yaml, rulesengine.db" in done.stderr
    assert "Name a new folder: rulesengine demo NEW_FOLDER" in done.stderr
    assert _snapshot(work) == before
    assert not (work / ".rulesengine-demo").exists()


def test_demo_twice_in_its_default_folder_works_like_make_demo(tmp_path: Path) -> None:
    """``make demo`` runs ``rulesengine demo`` with no folder; twice in a row works."""
    for _ in range(2):
        done = rulesengine("demo", "--guarantors", "20", "--months", "2", cwd=tmp_path)
        assert done.returncode == 0, done.stderr
        assert "pre-collections worklist:" in done.stdout
    folder = tmp_path / "rulesengine-demo"
    marker = (folder / ".rulesengine-demo").read_text("utf-8").splitlines()
    assert {"rules.yaml", "rulesengine.db", "ledger/", "ledger/encounters.csv"} <= set(marker)
    assert list((folder / "outbox" / "email").glob("*.eml"))


def test_demo_refuses_its_own_folder_once_something_else_is_in_it(tmp_path: Path) -> None:
    demo = tmp_path / "demo"
    first = rulesengine("demo", str(demo), "--guarantors", "10", "--months", "1", cwd=tmp_path)
    assert first.returncode == 0, first.stderr
    (demo / "outbox" / "email" / "notes.txt").write_text("mine", "utf-8")
    before = _snapshot(demo)
    done = rulesengine("demo", str(demo), "--guarantors", "10", "--months", "1", cwd=tmp_path)
    assert_refused(done, "the demo ran there before, but it also holds what the demo did not make")
    assert "(outbox/email/notes.txt)" in done.stderr
    assert _snapshot(demo) == before


def test_a_forged_marker_cannot_make_the_demo_delete_outside_its_folder(tmp_path: Path) -> None:
    """The marker is read as a list to match against the folder's own files, never as paths."""
    victim = tmp_path / "victim.txt"
    victim.write_text("keep me", "utf-8")
    demo = tmp_path / "demo"
    demo.mkdir()
    header = "# Made by `rulesengine demo`. The files and folders listed below are the demo's own:"
    (demo / ".rulesengine-demo").write_text(f"{header}\n../victim.txt\n{victim}\n", "utf-8")
    done = rulesengine("demo", str(demo), "--guarantors", "10", "--months", "1", cwd=tmp_path)
    assert done.returncode == 0, done.stderr
    assert victim.read_text("utf-8") == "keep me"


def test_demo_refuses_a_link_in_its_folder(tmp_path: Path) -> None:
    """A symbolic link (here to a folder of the user's) is never the demo's."""
    elsewhere = tmp_path / "important"
    elsewhere.mkdir()
    (elsewhere / "keep.txt").write_text("keep", "utf-8")
    demo = tmp_path / "demo"
    first = rulesengine("demo", str(demo), "--guarantors", "10", "--months", "1", cwd=tmp_path)
    assert first.returncode == 0, first.stderr
    os.symlink(elsewhere, demo / "ledger" / "more")
    done = rulesengine("demo", str(demo), "--guarantors", "10", "--months", "1", cwd=tmp_path)
    assert_refused(done, "(ledger/more (a link))")
    assert (elsewhere / "keep.txt").read_text("utf-8") == "keep"


# -- 12. deliver --now never later than the real clock; leases on the database's clock -----------


def test_deliver_refuses_a_now_later_than_the_real_clock(tmp_path: Path, ledger_db: Path) -> None:
    """A --now in the future handed texts over at 02:49 recipient time and expired live
    workers' claims; it is refused, exit 1, nothing written."""
    done_run = rulesengine(
        "run", "--rules", str(STANDARD), "--date", "2026-02-01", "--db", str(ledger_db),
        cwd=tmp_path,
    )  # fmt: skip
    assert done_run.returncode == 0, done_run.stderr
    before = fingerprint(ledger_db), row_counts(ledger_db)
    later = (dt.datetime.now(dt.UTC) + dt.timedelta(minutes=10)).isoformat(timespec="seconds")
    done = rulesengine("deliver", "--now", later, "--db", str(ledger_db), cwd=tmp_path)
    assert_refused(done, "is later than the real clock")
    assert "--now acts at an earlier instant, never a later one" in done.stderr
    assert (fingerprint(ledger_db), row_counts(ledger_db)) == before
    assert not (tmp_path / "outbox").exists()


class Held:
    """A channel whose send waits until the test lets it go."""

    def __init__(self) -> None:
        self.started = threading.Event()
        self.release = threading.Event()

    def send(self, batch):
        self.started.set()
        assert self.release.wait(60)
        return [DeliveryResult.sent(n, provider_ref=f"ref-{n.id}") for n in batch]


def _sending(store) -> list[tuple[int, str, dt.datetime | None]]:
    with store.reading() as conn:
        rows = conn.execute(
            select(
                notifications.c.id, notifications.c.status, notifications.c.lease_expires_at
            ).order_by(notifications.c.id)
        ).all()
    return [(nid, status, expires) for nid, status, expires in rows]


_SKEWED_DELIVER = r"""
import datetime as dt, sys
import rulesengine.store.rows as rows
real = rows.utcnow
def skewed():
    return real() + dt.timedelta(hours=1)
rows.utcnow = skewed
import rulesengine.queue.clock, rulesengine.queue.queue_context
rulesengine.queue.queue_context.utcnow = skewed
rulesengine.queue.clock.utcnow = skewed
from rulesengine.cli.main import main
sys.argv = ["rulesengine", *sys.argv[1:]]
main()
"""


def test_a_worker_whose_clock_runs_an_hour_ahead_keeps_its_hands_off_live_claims_on_postgresql(
    pg_url: str, tmp_path: Path
) -> None:
    """Worker A holds claims (lease 300 s) while its channel sends; a ``deliver`` whose
    machine clock is an hour ahead used to expire them (``unknown``, though every one was
    delivered). On PostgreSQL leases are on the database's clock: A's claims stay A's."""
    store = open_store(pg_url)
    store.import_ledger(ledger())
    past = dt.datetime(2026, 2, 1, 15, tzinfo=dt.UTC)
    ids = save(store, queue_draft("G1", at=past), queue_draft("G2", at=past, timezone="UTC"))
    channel = Held()
    queue = Queue(store, channels={"email": channel}, worker_id="A", lease_seconds=300)
    worker = threading.Thread(target=queue.deliver)
    worker.start()
    try:
        assert channel.started.wait(30)
        assert [s for _, s, _ in _sending(store)] == ["sending", "sending"]
        done = subprocess.run(
            [sys.executable, "-c", _SKEWED_DELIVER, "--db", pg_url, "deliver"],
            cwd=tmp_path,
            env=cli_env(),
            capture_output=True,
            text=True,
            timeout=120,
            check=False,
        )
        assert done.returncode == 0, done.stderr
        assert done.stdout == "delivered: nothing was due\n"
        assert [s for _, s, _ in _sending(store)] == ["sending", "sending"]
    finally:
        channel.release.set()
        worker.join(60)
        queue.close()
    assert [(nid, s) for nid, s, _ in _sending(store)] == [(ids[0], "sent"), (ids[1], "sent")]
    store.close()


@pytest.mark.parametrize("kind", ["sqlite-file", "postgresql"])
def test_deliver_at_an_earlier_instant_takes_its_leases_from_the_real_clock(
    kind: str, store_url_for
) -> None:
    """``deliver --now T`` (T earlier) acts at T, but its claims' leases run from the real
    clock, so a worker running meanwhile does not expire them at once."""
    store = open_store(store_url_for(kind))
    store.import_ledger(ledger())
    past = dt.datetime(2026, 2, 1, 15, tzinfo=dt.UTC)
    save(store, queue_draft("G1", at=past))
    channel = Held()
    queue = Queue(store, channels={"email": channel}, worker_id="A", leases_on_clock=True)
    worker = threading.Thread(target=queue.deliver, args=(past + dt.timedelta(hours=1),))
    worker.start()
    try:
        assert channel.started.wait(30)
        [(_, status, expires)] = _sending(store)
        assert status == "sending"
        assert expires is not None
        lease_end = expires if expires.tzinfo else expires.replace(tzinfo=dt.UTC)
        assert lease_end > dt.datetime.now(dt.UTC) + dt.timedelta(seconds=200)
        other = Queue(store, channels={"email": Held()}, worker_id="B")
        assert other.expire_leases() == []
    finally:
        channel.release.set()
        worker.join(60)
        queue.close()
    assert [s for _, s, _ in _sending(store)] == ["sent"]
    store.close()


def test_the_queue_refuses_an_instant_past_its_last_one(tmp_path: Path) -> None:
    """Scenario and library instants are simulations, but must fit the calendar."""
    store = open_store(str(tmp_path / "q.db"))
    try:
        queue = Queue(store, channels={})
        with pytest.raises(RulesengineError, match=r"is outside 1900-01-01 \.\. 9999-01-31"):
            queue.deliver(dt.datetime(9999, 12, 31, 23, tzinfo=dt.UTC))
        with pytest.raises(RulesengineError, match=r"is outside 1900-01-01 \.\. 9999-01-31"):
            queue.deliver(dt.datetime(1899, 12, 31, 23, tzinfo=dt.UTC))
    finally:
        store.close()


def test_pg_leases_ignore_a_skewed_python_clock_in_process(pg_url: str, monkeypatch) -> None:
    """The same in one process: the default clock on PostgreSQL is the database's."""
    import rulesengine.queue.queue_context as queue_context

    store = open_store(pg_url)
    store.import_ledger(ledger())
    past = dt.datetime(2026, 2, 1, 15, tzinfo=dt.UTC)
    save(store, queue_draft("G1", at=past))
    with store.writing() as conn:  # a claim of worker A, its lease 100 s from the real clock
        conn.execute(
            update(notifications).values(
                status="sending",
                attempt=1,
                lease_owner="A",
                lease_expires_at=dt.datetime.now(dt.UTC) + dt.timedelta(seconds=100),
                handed_at=dt.datetime.now(dt.UTC),
            )
        )
    real = queue_context.utcnow
    monkeypatch.setattr(queue_context, "utcnow", lambda: real() + dt.timedelta(hours=1))
    assert Queue(store, channels={}, worker_id="B").expire_leases() == []
    assert [s for _, s, _ in _sending(store)] == ["sending"]
    store.close()
