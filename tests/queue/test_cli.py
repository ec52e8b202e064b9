"""The queue's commands through click's CliRunner, and a real worker stopped by SIGTERM."""

from __future__ import annotations

import datetime as dt
import json
import os
import signal
import subprocess
import sys
from pathlib import Path

import pytest
from click.testing import CliRunner

from rulesengine.cli.main import main
from rulesengine.cli.queue_commands import COMMANDS
from rulesengine.queue.notification_reads import list_notifications
from rulesengine.rules import load_rules
from rulesengine.statements.statement_run import run_statements
from rulesengine.store import open_store
from tests.queue.helpers import STANDARD, ledger

ROOT = Path(__file__).resolve().parents[2]
RUN = dt.date(2026, 2, 1)
AFTERNOON = "2026-02-01T15:00:00Z"  # 09:00 in Chicago


def test_the_queue_commands_are_commands_of_the_rulesengine_group() -> None:
    """The commands these tests run are the ones ``rulesengine`` itself has."""
    assert all(main.commands.get(c.name) is c for c in COMMANDS)


@pytest.fixture
def db(tmp_path, monkeypatch) -> str:
    """A store file with the queue ledger and a live run of the standard rules."""
    monkeypatch.chdir(tmp_path)
    monkeypatch.delenv("RULESENGINE_DB", raising=False)
    path = str(tmp_path / "store.db")
    store = open_store(path)
    store.import_ledger(ledger())
    run_statements(store, load_rules(STANDARD), RUN, live=True)
    store.close()
    return path


@pytest.fixture
def cli(db):
    runner = CliRunner()

    def invoke(*args: str):
        return runner.invoke(main, [*args], env={"RULESENGINE_DB": db}, catch_exceptions=False)

    return invoke


def _ids(db: str, **filters: str) -> list[int]:
    store = open_store(db)
    try:
        return [n["id"] for n in list_notifications(store, **filters)]
    finally:
        store.close()


def test_deliver_sends_through_the_installed_channels(cli, db, tmp_path) -> None:
    """deliver --until-empty hands email and text to the built-in outboxes."""
    result = cli("deliver", "--until-empty", "--now", AFTERNOON)
    assert result.exit_code == 0, result.output
    assert result.output == "delivered: 6 sent\n"
    assert list((tmp_path / "outbox" / "email").glob("*.eml"))
    again = cli("deliver", "--now", AFTERNOON, "--json")
    assert json.loads(again.output) == {
        "counts": {},
        "changed": [],
        "deferred": [],
        "waiting": [],
        "rounds": 1,
    }


@pytest.mark.parametrize(("flags", "concurrent"), [((), True), (("--serial",), False)])
def test_deliver_serial_calls_the_channels_on_one_thread(cli, monkeypatch, flags, concurrent):
    import rulesengine.queue

    made: list[bool] = []

    class Noting(rulesengine.queue.Queue):
        def __init__(self, *args, **kwargs) -> None:
            made.append(kwargs.get("concurrent_channels", True))
            super().__init__(*args, **kwargs)

    monkeypatch.setattr(rulesengine.queue, "Queue", Noting)
    result = cli("deliver", "--until-empty", "--now", AFTERNOON, *flags)
    assert result.output == "delivered: 6 sent\n"
    assert made == [concurrent]


def test_deliver_before_the_window_defers(cli) -> None:
    """At 06:00 Chicago both email (07:00-21:00) and text (08:00-21:00) wait."""
    result = cli("deliver", "--now", "2026-02-01T06:00:00-06:00")
    assert result.output == "delivered: nothing was due\n"


def test_deliver_refuses_a_time_without_zone(cli) -> None:
    result = cli("deliver", "--now", "2026-02-01T15:00:00")
    assert result.exit_code == 1
    assert "has no zone; add one, such as Z or -06:00" in result.output
    assert "Traceback" not in result.output


def test_queue_lists_and_filters(cli, db) -> None:
    """The table view, a status filter (the 'Manage errors' view) and JSON."""
    table = cli("queue")
    assert table.exit_code == 0
    assert "6 notifications: 6 scheduled" in table.output
    assert "past_due" in table.output
    assert cli("queue", "--status", "error").output == "No notifications match.\n"
    rows = json.loads(cli("queue", "--guarantor", "G1", "--channel", "text", "--json").output)
    assert [(r["guarantor"], r["channel"], r["status"], r["kind"]) for r in rows] == [
        ("G1", "text", "scheduled", "batch")
    ]
    bad = cli("queue", "--status", "lost")
    assert bad.exit_code in (1, 2) and "lost" in bad.output


def test_queue_takes_several_statuses_as_manage_errors_does(cli, db) -> None:
    """``--status`` repeated matches any of them (it used to keep only the last)."""
    nid = _ids(db, guarantor_id="G1", channel="email")[0]
    assert cli("queue", "cancel", str(nid)).exit_code == 0
    both = json.loads(cli("queue", "--status", "canceled", "--status", "error", "--json").output)
    assert [row["id"] for row in both] == [nid]
    either = json.loads(
        cli("queue", "--status", "scheduled", "--status", "canceled", "--json").output
    )
    assert len(either) == 6


def test_queue_show_prints_fields_and_history(cli, db) -> None:
    nid = _ids(db, guarantor_id="G1", channel="email")[0]
    shown = cli("queue", "show", str(nid))
    assert shown.exit_code == 0
    for text in ("idempotency_key", "America/Chicago", "07:00-21:00", "history", "(new)"):
        assert text in shown.output
    data = json.loads(cli("queue", "show", str(nid), "--json").output)
    assert data["id"] == nid and data["history"][0]["new_status"] == "scheduled"
    # A live batch's notification is stored without its content: shown rendered.
    assert _stored_content(db, nid) == ""
    assert data["content"]["body"].startswith("Hello Ada,")
    assert data["context"]["recipient"]["last_name"] == "G1"
    assert data["context"]["statement"]["id"] == data["statement"]
    assert "Hello Ada," in shown.output
    missing = cli("queue", "show", "999")
    assert (missing.exit_code, missing.output) == (1, "error: no notification 999\n")


def _stored_content(db: str, nid: int) -> str:
    from sqlalchemy import select

    from rulesengine.store.tables import notifications

    store = open_store(db)
    try:
        with store.reading() as conn:
            return str(
                conn.execute(
                    select(notifications.c.content_json).where(notifications.c.id == nid)
                ).scalar_one()
            )
    finally:
        store.close()


def test_staff_commands(cli, db) -> None:
    """cancel, then retry; refusals exit 1 naming the id and its status."""
    first, second = _ids(db, guarantor_id="G1")
    result = cli("queue", "cancel", str(first))
    assert result.exit_code == 0
    assert result.output == (
        f"notification {first}: scheduled -> canceled\n1 notification canceled\n"
    )
    refused = cli("queue", "retry", str(first), str(second))
    assert refused.exit_code == 1
    assert (
        f"notification {second} is scheduled: only error or unknown or canceled" in refused.output
    )
    assert cli("queue", "retry", str(first)).exit_code == 0
    unresolved = cli("queue", "resolve", str(first), "--as", "sent")
    assert (
        unresolved.exit_code == 1
        and "only unknown notifications can be resolved" in unresolved.output
    )


def test_opt_out_command(cli, db) -> None:
    result = cli("opt-out", "G1", "text", "--source", "inbound STOP")
    assert result.exit_code == 0
    assert (
        result.output == "G1 opted out of text (inbound STOP); 1 queued notification suppressed\n"
    )
    assert cli("opt-out", "G404", "text").exit_code == 1


def test_notify_command(cli, db) -> None:
    result = cli(
        "notify",
        "G1",
        "--channel",
        "email",
        "--message",
        "reminder",
        "--rules",
        str(STANDARD),
        "--now",
        AFTERNOON,
    )
    assert result.exit_code == 0, result.output
    assert "queued: reminder by email, due 2026-02-01T15:00+00:00" in result.output
    refused = cli(
        "notify", "G3", "--channel", "email", "--message", "reminder", "--rules", str(STANDARD)
    )
    assert refused.exit_code == 1
    assert "has had no live statement" in refused.output


def test_plugins_command(cli) -> None:
    result = cli("plugins", "--json")
    channels = {c for p in json.loads(result.output) for c in p["channels"]}
    assert {"email", "text", "print"} <= channels
    assert "rulesengine-email" in cli("plugins").output


# -- the worker process ------------------------------------------------------------------------

_WORKER = (
    "from rulesengine.cli.main import main\n"
    "from rulesengine.cli.queue_commands import COMMANDS\n"
    "for command in COMMANDS:\n"
    "    if command.name not in main.commands:\n"
    "        main.add_command(command)\n"
    "main()\n"
)


@pytest.mark.parametrize("signum", [signal.SIGTERM, signal.SIGINT])
def test_worker_stops_cleanly_on_a_signal(db, tmp_path, signum) -> None:
    """A real `rulesengine worker`: it starts, delivers, and on the signal finishes its round
    and exits 0 saying so, without a traceback."""
    env = {**os.environ, "RULESENGINE_DB": db, "PYTHONPATH": str(ROOT)}
    proc = subprocess.Popen(
        [sys.executable, "-c", _WORKER, "worker", "--poll", "0.2", "--worker-id", "w-test"],
        cwd=tmp_path,
        env=env,
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
    )
    try:
        first = proc.stdout.readline()
        assert first.startswith("worker w-test started on ")
        proc.send_signal(signum)
        out, err = proc.communicate(timeout=60)
    finally:
        if proc.poll() is None:
            proc.kill()
            proc.wait()
    assert proc.returncode == 0, err
    assert (
        f"worker w-test stopped on {signal.Signals(signum).name} after finishing its round" in out
    )
    assert "Traceback" not in err


def test_the_deliver_summary_names_retries_as_such() -> None:
    from rulesengine.cli.delivery_commands import deliver_summary_line

    assert deliver_summary_line({"sent": 3, "scheduled": 2}, 1, 0) == (
        "delivered: 2 to retry later (see rulesengine queue --status scheduled), 3 sent,"
        " 1 deferred to its send window"
    )


def test_plugins_says_which_variables_can_leave_none_loaded(monkeypatch, cli) -> None:
    """With every plugin left out by RULESENGINE_LOAD_PLUGINS, the command names both
    variables that choose plugins, not only the one that disables them."""
    monkeypatch.setenv("RULESENGINE_LOAD_PLUGINS", "")
    result = cli("plugins")
    assert result.exit_code == 0, result.output
    assert "RULESENGINE_LOAD_PLUGINS or RULESENGINE_DISABLE_PLUGINS" in " ".join(
        result.output.split()
    )


def test_staff_commands_record_the_cli_user_in_the_history(cli, db, monkeypatch) -> None:
    """A command's history entries name ``cli:`` and the operating-system user; ``queue
    show`` prints it (column "by") and its JSON has it (``actor``)."""
    import getpass

    monkeypatch.setattr(getpass, "getuser", lambda: "alice")
    first = _ids(db, guarantor_id="G1")[0]
    assert cli("queue", "cancel", str(first)).exit_code == 0
    assert cli("opt-out", "G1", "text").exit_code == 0
    data = json.loads(cli("queue", "show", str(first), "--json").output)
    assert [(h["new_status"], h["actor"]) for h in data["history"]] == [
        ("scheduled", None),
        ("canceled", "cli:alice"),
    ]
    shown = cli("queue", "show", str(first))
    assert "by" in shown.output and "cli:alice" in shown.output


def test_the_cli_actor_without_a_user_name(monkeypatch) -> None:
    import getpass

    from rulesengine.cli.queue_commands import cli_actor

    def no_user() -> str:
        raise OSError("no user")

    monkeypatch.setattr(getpass, "getuser", no_user)
    assert cli_actor() == "cli:unknown"
