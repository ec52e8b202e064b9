"""Superseded notifications, ``rulesengine batches`` and ``rulesengine batch delete``,
through the real command, on SQLite and PostgreSQL.

A later live batch supersedes the still-scheduled notifications of earlier batches whose
statement shared an encounter with it; deleting the latest live batch puts the store back
exactly as it was before that run (the audit record aside), so running it again gives the
same store as the first time; a batch one of whose notifications was handed to a channel
cannot be deleted, and the refusal changes nothing.
"""

from __future__ import annotations

import json
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest
import sqlalchemy
from click.testing import CliRunner, Result

from rulesengine.cli import batch_commands
from rulesengine.cli.main import main

ROOT = Path(__file__).resolve().parents[2]
STANDARD = str(ROOT / "rules" / "standard.yaml")
JAN, FEB, MAR = "2026-01-05", "2026-02-05", "2026-03-05"
#: Columns that hold the wall-clock time of a write, or an id the database hands out: they
#: differ between a run and the same run made again.
VOLATILE = frozenset({"created_at", "updated_at", "at", "deleted_at"})
SERIAL_IDS = frozenset({"notifications", "notification_history", "batch_deletions"})


def write_ledger(folder: Path) -> Path:
    """G1 owes on E1 (billed every month), G2 on E2 (paid off before February), G3 has E3
    at the last level (to the worklist) and E4 new, with a payment to review."""
    folder.mkdir()
    (folder / "guarantors.csv").write_text(
        "id,first_name,last_name,email,mobile,timezone,"
        "postal_line1,postal_city,postal_state,postal_zip\n"
        "G1,Ada,Lovelace,ada@example.org,+15555550101,America/New_York,"
        "1 Main St,Springfield,IL,62701\n"
        "G2,Alan,Turing,alan@example.org,,America/Chicago,,,,\n"
        "G3,Grace,Hopper,grace@example.org,,America/Chicago,,,,\n",
        encoding="utf-8",
    )
    (folder / "encounters.csv").write_text(
        "id,guarantor,patient,service_date,balance,level,status,first_statement,"
        "last_statement,statements_sent\n"
        "E1,G1,P1,2025-12-03,200.00,0,open,,,0\n"
        "E2,G2,P2,2025-12-04,50.00,0,open,,,0\n"
        "E3,G3,P3,2025-09-03,80.00,3,open,2025-10-01,2025-12-01,3\n"
        "E4,G3,P3,2025-12-10,120.00,0,open,,,0\n",
        encoding="utf-8",
    )
    (folder / "payments.csv").write_text(
        "encounter,amount,date\nE4,10.00,2026-01-02\n", encoding="utf-8"
    )
    return folder


@pytest.fixture(params=["sqlite-file", "postgresql"])
def db(request: pytest.FixtureRequest, store_url_for: Callable[[str], str]) -> str:
    """A fresh store URL of each kind."""
    return store_url_for(request.param)


@pytest.fixture
def cli(db: str, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Callable[..., Result]:
    """``cli(*args)``: run ``rulesengine --db DB args...`` in an empty folder."""
    monkeypatch.chdir(tmp_path)
    monkeypatch.delenv("RULESENGINE_DB", raising=False)
    monkeypatch.setenv("RULESENGINE_LOAD_PLUGINS", "email,text,print")
    runner = CliRunner()

    def invoke(*args: str, input: str | None = None) -> Result:
        return runner.invoke(main, ["--db", db, *args], input=input, catch_exceptions=False)

    return invoke


@pytest.fixture
def ledger_imported(cli: Callable[..., Result], tmp_path: Path) -> None:
    result = cli("import", str(write_ledger(tmp_path / "ledger")))
    assert result.exit_code == 0, result.output


def run(cli: Callable[..., Result], date: str) -> dict[str, Any]:
    result = cli("run", "--rules", STANDARD, "--date", date, "--allow-future", "--json")
    assert result.exit_code == 0, result.output
    return json.loads(result.output)


def queue(cli: Callable[..., Result], *args: str) -> list[dict[str, Any]]:
    result = cli("queue", "--json", *args)
    assert result.exit_code == 0, result.output
    return json.loads(result.output)


def pay(db: str, encounter: str, cents: int, date: str) -> None:
    from rulesengine.store import open_store

    store = open_store(db)
    try:
        import datetime as dt

        store.post_payment(encounter, cents, dt.date.fromisoformat(date))
    finally:
        store.close()


def history(cli: Callable[..., Result], nid: int) -> list[dict[str, Any]]:
    result = cli("queue", "show", str(nid), "--json")
    assert result.exit_code == 0, result.output
    return json.loads(result.output)["history"]


def dump(db: str) -> dict[str, list[tuple[Any, ...]]]:
    """Every row of every table, sorted, without wall-clock columns and database-given ids;
    a history entry names its notification by idempotency key, not by id."""
    from rulesengine.store.connect import create_store_engine

    engine = create_store_engine(db)
    try:
        with engine.connect() as conn:
            tables = sqlalchemy.MetaData()
            tables.reflect(conn)
            keys = dict(
                conn.execute(sqlalchemy.text("SELECT id, idempotency_key FROM notifications")).all()
            )
            out: dict[str, list[tuple[Any, ...]]] = {}
            for name, table in sorted(tables.tables.items()):
                kept = [
                    c
                    for c in table.columns
                    if c.name not in VOLATILE and not (name in SERIAL_IDS and c.name == "id")
                ]
                rows = []
                for row in conn.execute(sqlalchemy.select(*kept)).mappings():
                    values = dict(row)
                    if name == "notification_history":
                        values["notification_id"] = keys[values["notification_id"]]
                    rows.append(tuple(sorted((k, repr(v)) for k, v in values.items())))
                out[name] = sorted(rows)
            return out
    finally:
        engine.dispose()


# -- superseded notifications ----------------------------------------------------------------


@pytest.mark.usefixtures("ledger_imported")
def test_three_batches_supersede_the_earlier_unsent_notifications(cli, db) -> None:
    """January, February and March run with no delivery between: each run supersedes the
    still-scheduled notifications of the earlier batches whose statement had one of its
    encounters, naming itself in their history; a guarantor it does not bill again keeps
    theirs; ``queue --status superseded`` lists them and the run says how many."""
    run(cli, JAN)
    jan = {(n["guarantor"], n["channel"]): n for n in queue(cli)}
    assert {k: n["status"] for k, n in jan.items()} == {
        ("G1", "email"): "scheduled",
        ("G2", "email"): "scheduled",
        ("G3", "email"): "scheduled",
        ("G3", "text"): "suppressed",  # no mobile
        ("G3", "print"): "suppressed",  # no postal address
    }
    pay(db, "E2", 5_000, "2026-01-20")  # G2 pays off: no February statement
    feb = run(cli, FEB)
    assert feb["superseded"] == 2
    rows = {(n["guarantor"], n["channel"], n["batch"][9:]): n["status"] for n in queue(cli)}
    assert rows == {
        ("G1", "email", "2026-01-05"): "superseded",
        ("G2", "email", "2026-01-05"): "scheduled",  # not billed again
        ("G3", "email", "2026-01-05"): "superseded",
        ("G3", "text", "2026-01-05"): "suppressed",  # only scheduled ones are superseded
        ("G3", "print", "2026-01-05"): "suppressed",
        ("G1", "email", "2026-02-05"): "scheduled",
        ("G1", "text", "2026-02-05"): "scheduled",
        ("G3", "email", "2026-02-05"): "scheduled",
        ("G3", "text", "2026-02-05"): "suppressed",
        ("G3", "print", "2026-02-05"): "suppressed",
    }
    jan_email = jan[("G1", "email")]["id"]
    assert [(h["old_status"], h["new_status"], h["detail"]) for h in history(cli, jan_email)] == [
        (None, "scheduled", None),
        ("scheduled", "superseded", "superseded by batch standard-2026-02-05"),
    ]
    mar = run(cli, MAR)
    assert mar["superseded"] == 3  # February's three; January's are superseded already
    superseded = queue(cli, "--status", "superseded")
    assert sorted((n["batch"], n["guarantor"], n["channel"]) for n in superseded) == [
        ("standard-2026-01-05", "G1", "email"),
        ("standard-2026-01-05", "G3", "email"),
        ("standard-2026-02-05", "G1", "email"),
        ("standard-2026-02-05", "G1", "text"),
        ("standard-2026-02-05", "G3", "email"),
    ]
    for n in superseded:
        newer = "2026-02-05" if n["batch"].endswith("01-05") else "2026-03-05"
        assert history(cli, n["id"])[-1]["detail"] == f"superseded by batch standard-{newer}"
        assert n["superseded_by"] == f"standard-{newer}"
    assert {n["status"] for n in queue(cli, "--batch", "standard-2026-03-05")} == {
        "scheduled",
        "suppressed",
    }
    assert queue(cli, "--guarantor", "G2")[0]["status"] == "scheduled"
    repeat = run(cli, MAR)  # the idempotent repeat reports the batch and changes nothing
    assert (repeat["replayed"], repeat["superseded"]) == (True, 3)
    assert len(queue(cli, "--status", "superseded")) == 5


@pytest.mark.usefixtures("ledger_imported")
def test_on_demand_notifications_and_proofs_are_never_superseded(cli) -> None:
    """A pay-now link and a proof, still scheduled, stay scheduled through a later run that
    bills the same encounters."""
    run(cli, JAN)
    result = cli("notify", "G1", "--channel", "email", "--message", "reminder", "--rules", STANDARD)
    assert result.exit_code == 0, result.output
    result = cli("run", "--rules", STANDARD, "--date", FEB, "--test", "--proof")
    assert result.exit_code == 0, result.output
    run(cli, FEB)
    kinds = {(n["kind"], n["status"]) for n in queue(cli) if n["kind"] != "batch"}
    assert kinds == {("on_demand", "scheduled"), ("proof", "scheduled")}


@pytest.mark.usefixtures("ledger_imported")
def test_a_delivered_notification_is_not_superseded(cli) -> None:
    """Only still-scheduled notifications are superseded: one already sent stays sent."""
    run(cli, JAN)
    result = cli("deliver", "--until-empty", "--now", "2026-01-05T18:00:00Z")
    assert result.exit_code == 0, result.output
    assert run(cli, FEB)["superseded"] == 0
    assert {n["status"] for n in queue(cli, "--batch", "standard-2026-01-05")} == {
        "sent",
        "suppressed",
    }


# -- batch delete ------------------------------------------------------------------------------


@pytest.mark.usefixtures("ledger_imported")
def test_delete_then_rerun_equals_the_first_run(cli, db) -> None:
    """Deleting February's batch gives back the store as it was after January (levels,
    statuses, statement dates and counts, the worklist, the review marks, January's
    notifications scheduled again with their history as it was), the audit record aside;
    February run again then leaves every table as the first February run did, ids and
    times of writing aside."""
    run(cli, JAN)
    pay(db, "E4", 2_000, "2026-01-25")  # a payment February reviews
    after_jan = dump(db)
    feb = run(cli, FEB)
    assert feb["superseded"] == 3  # January's email to each guarantor
    after_feb = dump(db)
    assert after_feb != after_jan

    result = cli("batch", "delete", "standard-2026-02-05", "--yes")
    assert result.exit_code == 0, result.output
    assert "deleted live batch standard-2026-02-05 of profile 'standard'" in result.output
    assert "3 notification(s) of earlier batches it had superseded are scheduled again" in (
        result.output
    )
    after_delete = dump(db)
    audit = after_delete.pop("batch_deletions")
    assert len(audit) == 1 and "'standard-2026-02-05'" in repr(audit[0])
    assert after_delete == {k: v for k, v in after_jan.items() if k != "batch_deletions"}

    again = run(cli, FEB)
    assert again["replayed"] is False and again["superseded"] == 3
    after_rerun = dump(db)
    assert len(after_rerun.pop("batch_deletions")) == 1
    assert after_rerun == {k: v for k, v in after_feb.items() if k != "batch_deletions"}


@pytest.mark.usefixtures("ledger_imported")
def test_batches_lists_live_and_deleted_batches(cli) -> None:
    """``rulesengine batches`` shows every batch with its notifications by status, and a
    deleted one as deleted (its audit record: id, when, rules hash)."""
    run(cli, JAN)
    feb = run(cli, FEB)
    assert cli("batch", "delete", "standard-2026-02-05", "--yes").exit_code == 0
    result = cli("batches", "--profile", "standard", "--json")
    assert result.exit_code == 0, result.output
    listed = [
        (b["id"], b["date"], b["mode"], b["statements"], b["notifications"], b["deleted"])
        for b in json.loads(result.output)
    ]
    assert listed == [
        ("standard-2026-01-05", "2026-01-05", "live", 3, {"scheduled": 3, "suppressed": 2}, False),
        ("standard-2026-02-05", "2026-02-05", "live", 3, {"scheduled": 4, "suppressed": 3}, True),
    ]
    deleted = json.loads(result.output)[1]
    assert deleted["rules_hash"] == feb["rules_hash"] and deleted["deleted_at"]
    table = cli("batches")
    assert table.exit_code == 0, table.output
    assert "standard-2026-02-05" in table.output and "deleted" in table.output
    gone = cli("explain", "G1", "--batch", "standard-2026-02-05")
    assert gone.exit_code == 1 and "batch standard-2026-02-05 was deleted" in gone.output
    assert queue(cli, "--batch", "standard-2026-02-05") == []
    shown = cli("queue", "--batch", "standard-2026-02-05")
    assert shown.exit_code == 0 and "Batch standard-2026-02-05 was deleted (" in shown.output


@pytest.mark.usefixtures("ledger_imported")
def test_only_the_latest_live_batch_can_be_deleted(cli, db) -> None:
    """An earlier batch, an unknown id and one already deleted are refused with a message
    saying why; nothing changes."""
    run(cli, JAN)
    run(cli, FEB)
    before = dump(db)
    result = cli("batch", "delete", "standard-2026-01-05", "--yes")
    assert result.exit_code == 1
    assert result.output == (
        "error: batch standard-2026-01-05 is not the latest live batch of profile 'standard':"
        " standard-2026-02-05 (run on 2026-02-05) came after it. Only the latest live batch"
        " can be deleted; delete the later ones first, newest first. Nothing changed.\n"
    )
    result = cli("batch", "delete", "nope", "--yes")
    assert result.exit_code == 1
    assert "no batch 'nope' in the store; 'rulesengine batches' lists them" in result.output
    assert dump(db) == before
    assert cli("batch", "delete", "standard-2026-02-05", "--yes").exit_code == 0
    result = cli("batch", "delete", "standard-2026-02-05", "--yes")
    assert result.exit_code == 1
    assert "batch standard-2026-02-05 was already deleted" in result.output
    assert cli("batch", "delete", "standard-2026-01-05", "--yes").exit_code == 0  # now latest


@pytest.mark.usefixtures("ledger_imported")
def test_delete_asks_on_a_terminal_and_needs_yes_elsewhere(cli, db, monkeypatch) -> None:
    """Without --yes: piped, it is refused with a message saying to pass --yes; on a
    terminal, it asks, and only a yes deletes."""
    run(cli, JAN)
    before = dump(db)
    result = cli("batch", "delete", "standard-2026-01-05")
    assert result.exit_code == 1
    assert "pass --yes to delete batch standard-2026-01-05 without asking" in result.output
    monkeypatch.setattr("rulesengine.cli.batch_commands._on_terminal", lambda: True)
    result = cli("batch", "delete", "standard-2026-01-05", input="n\n")
    assert result.exit_code == 1 and "Nothing deleted." in result.output
    assert dump(db) == before
    result = cli("batch", "delete", "standard-2026-01-05", input="y\n")
    assert result.exit_code == 0, result.output
    assert "This deletes live batch standard-2026-01-05" in result.output


HANDED = {
    # status, attempt, handed_at: what a worker leaves behind
    "sending, being handed over": ("sending", 1, "2026-01-05 18:00:00"),
    "sending, claimed": ("sending", 1, None),
    "sent": ("sent", 1, None),
    "unknown": ("unknown", 1, "2026-01-05 18:00:00"),
    "error": ("error", 5, None),
    "scheduled for a retry": ("scheduled", 1, None),
    "canceled by staff after an attempt": ("canceled", 2, None),
}


@pytest.mark.usefixtures("ledger_imported")
@pytest.mark.parametrize("state", sorted(HANDED))
def test_delete_is_refused_once_a_notification_was_handed_to_a_channel(cli, db, state) -> None:
    """A notification of the batch that a worker claimed for an attempt (``sending``,
    ``sent``, ``unknown``, ``error``, a retry waiting, canceled after an attempt) or stamped
    ``handed_at`` makes the batch permanent: refused, nothing changed."""
    from rulesengine.store.connect import create_store_engine

    run(cli, JAN)
    status, attempt, handed = HANDED[state]
    nid = queue(cli, "--guarantor", "G1", "--channel", "email")[0]["id"]
    engine = create_store_engine(db)
    with engine.begin() as conn:
        conn.execute(
            sqlalchemy.text(
                "UPDATE notifications SET status = :s, attempt = :a, handed_at = :h WHERE id = :i"
            ),
            {"s": status, "a": attempt, "h": handed, "i": nid},
        )
    engine.dispose()
    before = dump(db)
    result = cli("batch", "delete", "standard-2026-01-05", "--yes")
    assert result.exit_code == 1
    assert result.output.startswith(
        "error: batch standard-2026-01-05 cannot be deleted: 1 of its notifications has been"
        f" handed to a channel (1 {status}; notification {nid}) and may have reached guarantors."
    ), result.output
    assert "Traceback" not in result.output
    assert dump(db) == before


@pytest.mark.usefixtures("ledger_imported")
def test_delete_is_refused_after_a_real_delivery(cli, db) -> None:
    """Delivered by the built-in channels: sent, so the batch stays."""
    run(cli, JAN)
    assert cli("deliver", "--until-empty", "--now", "2026-01-05T18:00:00Z").exit_code == 0
    before = dump(db)
    result = cli("batch", "delete", "standard-2026-01-05", "--yes")
    assert result.exit_code == 1
    assert "3 of its notifications have been handed to a channel (3 sent;" in result.output
    assert dump(db) == before


@pytest.mark.usefixtures("ledger_imported")
def test_notifications_stopped_before_any_attempt_do_not_block_a_delete(cli) -> None:
    """Canceled by staff while scheduled (never claimed): the batch can still go."""
    run(cli, JAN)
    nid = queue(cli, "--guarantor", "G1", "--channel", "email")[0]["id"]
    assert cli("queue", "cancel", str(nid)).exit_code == 0
    result = cli("batch", "delete", "standard-2026-01-05", "--yes")
    assert result.exit_code == 0, result.output
    assert queue(cli) == []


@pytest.mark.usefixtures("ledger_imported")
def test_delete_is_refused_when_an_on_demand_notification_used_its_statement(cli, db) -> None:
    """A pay-now link rendered from one of its statements refers to it: refused."""
    run(cli, JAN)
    result = cli("notify", "G1", "--channel", "email", "--message", "reminder", "--rules", STANDARD)
    assert result.exit_code == 0, result.output
    before = dump(db)
    result = cli("batch", "delete", "standard-2026-01-05", "--yes")
    assert result.exit_code == 1
    assert "on-demand notification" in result.output and "was made from its statements" in (
        result.output
    )
    assert dump(db) == before


@pytest.mark.usefixtures("ledger_imported")
def test_deleting_the_first_batch_gives_back_the_imported_ledger(cli, db) -> None:
    """The only batch deleted: E3 leaves the worklist it entered, the payment it reviewed
    is unreviewed again, every level, date and count is as imported; only the audit record
    and the profile's (now empty) run-lock row remain."""
    imported = dump(db)
    jan = run(cli, JAN)
    assert jan["pre_collections"] == ["E3"]
    worklist = cli("worklist", "--json")
    assert [e["encounter"] for e in json.loads(worklist.output)] == ["E3"]
    assert cli("batch", "delete", "standard-2026-01-05", "--yes").exit_code == 0
    after = dump(db)
    assert len(after.pop("batch_deletions")) == 1
    assert after.pop("profiles") == [
        (("id", "'standard'"), ("latest_batch_id", "None"), ("latest_live_date", "None"))
    ]
    assert after.pop("rules_versions") != []  # the audit record's rules file text stays
    expected = dict(imported)
    for table in ("batch_deletions", "profiles", "rules_versions"):
        assert expected.pop(table) == []
    assert after == expected
    assert json.loads(cli("worklist", "--json").output) == []


def test_a_closed_stdin_is_no_terminal(monkeypatch) -> None:
    """``<&-`` (``sys.stdin`` is None): no one can answer the confirmation, so ``batch
    delete`` asks for --yes as anywhere without a terminal (it was an internal error)."""
    monkeypatch.setattr("sys.stdin", None)
    assert batch_commands._on_terminal() is False
