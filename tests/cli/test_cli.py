"""The command line: user errors exit 1 with a message and no traceback; work is reported."""

from __future__ import annotations

import json
import re
from pathlib import Path

import click
import pytest
from click.testing import CliRunner

from rulesengine.cli.main import main
from rulesengine.queue.notification_reads import list_notifications

ROOT = Path(__file__).resolve().parents[2]
STANDARD = str(ROOT / "rules" / "standard.yaml")


@pytest.fixture
def cli(tmp_path, monkeypatch):
    """Run ``rulesengine`` in an empty folder with its own store."""
    monkeypatch.chdir(tmp_path)
    monkeypatch.delenv("RULESENGINE_DB", raising=False)
    runner = CliRunner()

    def invoke(*args: str):
        return runner.invoke(main, list(args), catch_exceptions=False)

    return invoke


@pytest.fixture
def ledger(tmp_path) -> Path:
    directory = tmp_path / "ledger"
    directory.mkdir()
    (directory / "guarantors.csv").write_text(
        "id,first_name,last_name,email,mobile,timezone,"
        "postal_line1,postal_city,postal_state,postal_zip\n"
        "G1,Ada,Lovelace,ada@example.org,+15555550101,America/New_York,"
        "1 Main St,Springfield,IL,62701\n"
        "G2,Alan,Turing,,,,2 Oak St,Salem,MA,01970\n",
        encoding="utf-8",
    )
    (directory / "encounters.csv").write_text(
        "id,guarantor,patient,service_date,balance,level,last_statement\n"
        "E1,G1,P1,2026-01-03,200.00,0,\n"
        "E2,G2,P2,2025-11-03,80.00,3,2025-12-01\n",
        encoding="utf-8",
    )
    return directory


def test_validate_a_good_rules_file_exits_0(cli):
    result = cli("validate", STANDARD)
    assert result.exit_code == 0
    assert "ok (profile standard, 3 levels, limit on)" in result.output


def test_validate_a_bad_rules_file_exits_1_with_file_line_col(cli, tmp_path):
    bad = tmp_path / "bad.yaml"
    bad.write_text(
        Path(STANDARD).read_text(encoding="utf-8").replace("cycle_days:", "cycle_dayz:", 1)
    )
    result = cli("validate", str(bad))
    assert result.exit_code == 1
    assert f"{bad}:" in result.output and "cycle_dayz" in result.output
    assert "did you mean 'cycle_days'" in result.output
    assert "Traceback" not in result.output


def test_a_bad_argument_exits_1(cli):
    result = cli("run", "--rules", STANDARD, "--date", "2026-13-01")
    assert result.exit_code == 1
    assert "YYYY-MM-DD" in result.output


def test_import_then_live_run_then_worklist_and_explain(cli, ledger):
    assert cli("import", str(ledger)).exit_code == 0
    run = cli("run", "--rules", STANDARD, "--date", "2026-02-01", "--json")
    assert run.exit_code == 0, run.output
    summary = json.loads(run.output)
    assert summary["statements"] == 1
    assert summary["pre_collections"] == ["E2"]
    assert summary["statements_by_level"] == {"1": 1}
    worklist = cli("worklist", "--json")
    assert [e["encounter"] for e in json.loads(worklist.output)] == ["E2"]
    explain = cli("explain", "G2")
    assert explain.exit_code == 0
    assert "pre-collections worklist" in explain.output
    assert "Encounter E2" in explain.output


def test_a_repeated_live_run_reports_the_stored_batch(cli, ledger):
    cli("import", str(ledger))
    cli("run", "--rules", STANDARD, "--date", "2026-02-01")
    again = cli("run", "--rules", STANDARD, "--date", "2026-02-01")
    assert again.exit_code == 0
    assert "already run on this date" in again.output


def test_an_earlier_live_run_is_refused_with_exit_1(cli, ledger):
    cli("import", str(ledger))
    cli("run", "--rules", STANDARD, "--date", "2026-03-01")
    earlier = cli("run", "--rules", STANDARD, "--date", "2026-02-01")
    assert earlier.exit_code == 1
    assert "move forward" in earlier.output
    assert "Traceback" not in earlier.output


def test_a_test_run_writes_nothing(cli, ledger):
    cli("import", str(ledger))
    result = cli("run", "--rules", STANDARD, "--date", "2026-02-01", "--test")
    assert result.exit_code == 0
    assert "test batch" in result.output
    assert cli("worklist", "--json").output.strip() == "[]"
    live = json.loads(cli("run", "--rules", STANDARD, "--date", "2026-02-01", "--json").output)
    assert live["replayed"] is False


def test_a_bad_import_exits_1_and_writes_nothing(cli, ledger, tmp_path):
    (ledger / "encounters.csv").write_text(
        "id,guarantor,patient,service_date,balance\nE1,G1,P1,2026-01-03,12.345\n", encoding="utf-8"
    )
    result = cli("import", str(ledger))
    assert result.exit_code == 1
    assert "encounters.csv:2:balance" in result.output
    assert "Traceback" not in result.output
    assert not (tmp_path / "rulesengine.db").exists()


def test_explain_an_unknown_guarantor_exits_1(cli, ledger):
    cli("import", str(ledger))
    result = cli("explain", "NOPE")
    assert result.exit_code == 1
    assert "no guarantor 'NOPE'" in result.output


def test_explain_a_test_run(cli, ledger):
    cli("import", str(ledger))
    result = cli("explain", "G1", "--rules", STANDARD, "--date", "2026-02-01")
    assert result.exit_code == 0
    assert "test batch" in result.output
    assert "level 0 -> 1" in result.output


def test_demo_runs_a_practice_end_to_end(cli, tmp_path):
    """Import, monthly runs, delivery through email, text and print into outboxes."""
    result = cli("demo", str(tmp_path / "demo"), "--guarantors", "30", "--months", "3")
    assert result.exit_code == 0, result.output
    assert "pre-collections worklist:" in result.output
    assert "notifications by channel:" in result.output
    outbox = tmp_path / "demo" / "outbox"
    assert list((outbox / "email").glob("*.eml"))
    assert (outbox / "text" / "messages.jsonl").exists()
    assert list((outbox / "print").rglob("*.pdf"))
    assert list((outbox / "print").rglob("manifest.csv"))
    assert (tmp_path / "demo" / "ledger" / "encounters.csv").exists()


def test_demo_prints_how_to_log_in_with_a_new_random_password(cli, tmp_path):
    """The demo's own store gets the admin ``demo``, with a password made at each run."""
    from rulesengine.store import open_store
    from rulesengine.store.user_accounts import list_users, login_user

    passwords = []
    for _ in range(2):
        result = cli("demo", str(tmp_path / "demo"), "--guarantors", "10", "--months", "1")
        assert result.exit_code == 0, result.output
        db = tmp_path / "demo" / "rulesengine.db"
        assert f"serve --db {tmp_path / 'demo' / 'rulesengine.db'}\n" in result.output
        found = re.search(r"log in as demo, password (\S+)\n", result.output)
        assert found, result.output
        passwords.append(found.group(1))
        store = open_store(str(db))
        try:
            assert [(u.name, u.role) for u in list_users(store)] == [("demo", "admin")]
            assert login_user(store, "demo", found.group(1)) is not None
        finally:
            store.close()
    assert passwords[0] != passwords[1] and len(passwords[0]) >= 12


def test_every_command_has_help(cli):
    for command in (
        "validate",
        "import",
        "run",
        "worklist",
        "explain",
        "demo",
        "test",
        "diff",
        "deliver",
        "worker",
        "queue",
        "opt-out",
        "notify",
        "plugins",
        "batches",
        "batch",
    ):
        result = cli(command, "--help")
        assert result.exit_code == 0 and "Usage:" in result.output
    result = cli("batch", "delete", "--help")
    assert result.exit_code == 0 and "batch delete [OPTIONS] BATCH" in (result.output)


def test_a_proof_run_queues_proofs_to_the_test_recipients_only(cli, ledger, tmp_path):
    """`run --test --proof` persists only proofs: one per message and channel."""
    from rulesengine.store import open_store

    cli("import", str(ledger))
    result = cli("run", "--rules", STANDARD, "--date", "2026-02-01", "--test", "--proof")
    assert result.exit_code == 0, result.output
    assert "queued 1 proof" in result.output
    store = open_store(str(tmp_path / "rulesengine.db"))
    try:
        proofs = list_notifications(store, kind="proof")
        assert [(p["channel"], p["to"]) for p in proofs] == [("email", "billing-test@example.org")]
        assert list_notifications(store, kind="batch") == []
        assert store.list_batches() == []
    finally:
        store.close()


def test_proof_without_test_is_a_usage_error(cli):
    result = cli("run", "--rules", STANDARD, "--date", "2026-02-01", "--proof")
    assert result.exit_code == 1
    assert "--proof goes with --test" in result.output


def test_explain_says_what_became_of_the_notifications_in_the_queue(cli, ledger):
    """A live batch's notifications as uploaded, and their status in the queue now."""
    cli("import", str(ledger))
    cli("run", "--rules", STANDARD, "--date", "2026-02-01")
    before = cli("explain", "G1").output
    assert "  Notification email: 'reminder', scheduled; still scheduled (rulesengine" in before
    assert cli("deliver", "--until-empty", "--now", "2026-02-01T18:00:00Z").exit_code == 0
    after = cli("explain", "G1", "--json")
    notes = {n["channel"]: n for n in json.loads(after.output)["notifications"]}
    assert notes["email"]["status"] == "scheduled"
    assert notes["email"]["queue_status"] == "sent"
    shown = cli("explain", "G1").output
    assert f"scheduled; now sent (rulesengine queue show {notes['email']['id']})" in shown


# -- help and counts read as plain English ---------------------------------------------------

#: reST that a docstring can leak into --help: ``literals``, `roles`, :param x:, :returns:,
#: :class:`X`, .. directives::
REST_MARKUP = re.compile(
    r"`|:(param|returns?|raises?|type|rtype|class|func|meth|data|attr|mod|exc|ref|doc)\b"
    r"|^\s*\.\. [a-z-]+::",
    re.MULTILINE,
)


def _every_command_line(group: click.Group, path: tuple[str, ...] = ()) -> list[tuple[str, ...]]:
    ctx = click.Context(group)
    found = [path]
    for name in group.list_commands(ctx):
        command = group.get_command(ctx, name)
        if isinstance(command, click.Group):
            found += _every_command_line(command, (*path, name))
        else:
            found.append((*path, name))
    return found


def test_every_help_of_every_command_and_subcommand_is_free_of_rest_markup(cli):
    """`rulesengine [COMMAND [SUBCOMMAND]] --help`, for every one there is: plain text, no
    backtick and no reST role or directive (docstrings are written for the terminal)."""
    lines = _every_command_line(main)
    assert ("queue", "show") in lines and ("diff",) in lines
    for line in lines:
        result = cli(*line, "--help")
        assert result.exit_code == 0 and "Usage:" in result.output, line
        assert not REST_MARKUP.search(result.output), (line, result.output)


def test_queue_help_names_its_views_as_commands_to_type(cli):
    """`queue --help` says how to get each view, without reST backticks."""
    shown = " ".join(cli("queue", "--help").output.split())
    assert (
        '"All notifications" is rulesengine queue; "Manage errors" is rulesengine queue'
        " --status error --status unknown."
    ) in shown


@pytest.fixture
def one_of_each(tmp_path) -> Path:
    """A ledger of one guarantor with one encounter at level 0: one statement, by email."""
    directory = tmp_path / "one"
    directory.mkdir()
    (directory / "guarantors.csv").write_text(
        "id,first_name,last_name,email,timezone\nG1,Ada,Lovelace,ada@example.org,America/New_York\n",
        encoding="utf-8",
    )
    (directory / "encounters.csv").write_text(
        "id,guarantor,patient,service_date,balance\nE1,G1,P1,2026-01-03,200.00\n",
        encoding="utf-8",
    )
    (directory / "payments.csv").write_text(
        "encounter,amount,date\nE1,10.00,2026-01-10\n", encoding="utf-8"
    )
    return directory


def test_counts_of_one_are_singular_through_the_commands(cli, one_of_each):
    """run, queue, queue cancel and opt-out say "1 notification"."""
    assert cli("import", str(one_of_each)).exit_code == 0
    assert cli("run", "--rules", STANDARD, "--date", "2026-02-01").exit_code == 0
    queue = cli("queue")
    assert "1 notification: 1 scheduled" in queue.output
    assert "1 notifications" not in queue.output
    (note,) = json.loads(cli("queue", "--json").output)
    assert cli("queue", "cancel", str(note["id"])).output.endswith("1 notification canceled\n")
    cli("queue", "retry", str(note["id"]))
    opted = cli("opt-out", "G1", "email")
    assert opted.output == "G1 opted out of email (staff); 1 queued notification suppressed\n"


def test_worklist_and_validate_count_in_the_singular(cli, tmp_path, ledger):
    """One encounter in the worklist; a rules file with one level."""
    cli("import", str(ledger))
    cli("run", "--rules", STANDARD, "--date", "2026-02-01")
    assert cli("worklist").output.endswith("\n1 encounter, 80.00 owed\n")
    one_level = tmp_path / "one-level.yaml"
    text = Path(STANDARD).read_text(encoding="utf-8")
    start = text.index("    # Level 2:")
    one_level.write_text(text[:start] + text[text.index("\npayments:") + 1 :], encoding="utf-8")
    result = cli("validate", str(one_level))
    assert result.output == f"{one_level}: ok (profile standard, 1 level, limit on)\n"


def test_commands_other_than_import_refuse_a_store_that_is_not_there(cli, tmp_path, ledger):
    """In the wrong folder a command says there is no store instead of making an empty one
    and reporting on it; import makes the store, a dry run makes nothing."""
    missing = tmp_path / "elsewhere" / "rulesengine.db"
    missing.parent.mkdir()
    for argv in (
        ["worklist"],
        ["queue"],
        ["batches"],
        ["run", "--rules", STANDARD, "--date", "2026-02-01"],
        ["explain", "G1"],
        ["deliver"],
    ):
        result = cli(*argv, "--db", str(missing))
        assert result.exit_code == 1, (argv, result.output)
        assert f"no store at {missing}: import a ledger first" in result.output
        assert not missing.exists()
    dry = cli("import", str(ledger), "--dry-run", "--db", str(missing))
    assert dry.exit_code == 0, dry.output
    assert dry.output.startswith(f"dry run: nothing written to {missing}")
    assert not missing.exists()
    assert cli("import", str(ledger), "--db", str(missing)).exit_code == 0
    assert missing.exists()


def test_a_repeated_run_with_another_rules_file_warns_that_it_was_not_used(cli, tmp_path, ledger):
    cli("import", str(ledger))
    assert cli("run", "--rules", STANDARD, "--date", "2026-02-01").exit_code == 0
    other = tmp_path / "other.yaml"
    other.write_text(
        Path(STANDARD).read_text("utf-8").replace("due_days: 21", "due_days: 20"), "utf-8"
    )
    again = cli("run", "--rules", str(other), "--date", "2026-02-01", "--json")
    assert again.exit_code == 0
    assert "(content hash" in again.output
    assert (
        "this file was not used. To run 2026-02-01 again with it: rulesengine batch delete"
        " standard-2026-02-01, then this command again"
    ) in again.output
    same = cli("run", "--rules", STANDARD, "--date", "2026-02-01")
    assert "warning" not in same.output


def test_notify_uses_the_rules_of_the_latest_live_statement_without_rules(cli, ledger):
    """`notify G --channel C --message M`: the rules version the guarantor's latest live
    statement was made with, as the store keeps it; a guarantor never billed is refused."""
    cli("import", str(ledger))
    run = json.loads(cli("run", "--rules", STANDARD, "--date", "2026-02-01", "--json").output)
    billed = run["statement_list"][0]["guarantor"]
    done = cli("notify", billed, "--channel", "email", "--message", "reminder")
    assert done.exit_code == 0, done.output
    assert done.output.startswith("notification ")
    (note,) = [n for n in json.loads(cli("queue", "--json").output) if n["kind"] == "on_demand"]
    assert (note["guarantor"], note["channel"], note["message"]) == (billed, "email", "reminder")
    never = cli("notify", "G2", "--channel", "email", "--message", "reminder")
    assert never.exit_code == 1
    assert "guarantor 'G2' has had no live statement yet" in never.output
