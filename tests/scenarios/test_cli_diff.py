"""``rulesengine diff OLD NEW --date D``: who a rules change would move, on an imported ledger."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from click.testing import CliRunner

from rulesengine.cli.main import main

from .conftest import REPO, STANDARD

# G1: 30% paid since its last statement; G2: 60% paid; G3: nothing paid; G4: in the worklist
# next run (level 3). Raising the reset threshold from 25% to 50% moves G1 only.
GUARANTORS = """\
id,first_name,last_name,email,mobile,timezone
G1,Ada,Lovelace,ada@example.org,+15555550101,America/New_York
G2,Alan,Turing,alan@example.org,+15555550102,America/New_York
G3,Grace,Hopper,grace@example.org,+15555550103,America/New_York
G4,Edsger,Dijkstra,edsger@example.org,+15555550104,America/New_York
"""
ENCOUNTERS = """\
id,guarantor,patient,service_date,balance,level,first_statement,last_statement,statements_sent
E1,G1,P1,2025-11-01,140.00,2,2025-12-01,2026-01-02,2
E2,G2,P2,2025-11-01,40.00,2,2025-12-01,2026-01-02,2
E3,G3,P3,2025-11-01,90.00,1,2026-01-02,2026-01-02,1
E4,G4,P4,2025-09-01,75.00,3,2025-10-01,2025-12-01,3
"""
PAYMENTS = """\
encounter,amount,date
E1,60.00,2026-01-10
E2,60.00,2026-01-12
"""


@pytest.fixture
def make_practice(tmp_path: Path, monkeypatch: pytest.MonkeyPatch):
    """Import a ledger into a store in tmp_path; returns an invoker of rulesengine."""
    monkeypatch.chdir(tmp_path)
    monkeypatch.setenv("RULESENGINE_DB", str(tmp_path / "practice.db"))
    runner = CliRunner()

    def invoke(*args: str):
        return runner.invoke(main, list(args), catch_exceptions=False)

    def make(guarantors: str, encounters: str, payments: str):
        ledger = tmp_path / "ledger"
        ledger.mkdir()
        for name, text in (
            ("guarantors", guarantors),
            ("encounters", encounters),
            ("payments", payments),
        ):
            (ledger / f"{name}.csv").write_text(text, encoding="utf-8")
        assert invoke("import", str(ledger)).exit_code == 0
        return invoke

    return make


@pytest.fixture
def practice(make_practice):
    """A store in tmp_path with the ledger above imported; returns an invoker of rulesengine."""
    return make_practice(GUARANTORS, ENCOUNTERS, PAYMENTS)


@pytest.fixture
def stricter(tmp_path: Path) -> Path:
    """rules/standard.yaml with the reset threshold raised from 25% to 50%."""
    text = STANDARD.read_text(encoding="utf-8")
    assert "payment.percent >= 25 or" in text
    path = tmp_path / "stricter.yaml"
    path.write_text(
        text.replace("payment.percent >= 25 or", "payment.percent >= 50 or"), encoding="utf-8"
    )
    return path


def test_a_higher_reset_threshold_moves_only_the_guarantor_below_it(practice, stricter):
    """G1's 30% payment resets under 25% but only holds under 50%: level 1 -> 2, reminder ->
    past_due, email -> email and text. G2 (60%), G3 and G4 do not change."""
    result = practice("diff", str(STANDARD), str(stricter), "--date", "2026-02-01", "--json")
    assert result.exit_code == 0, result.output
    report = json.loads(result.output)
    assert report["guarantors_changed"] == 1
    assert report["counts"] == {"channels": 1, "level": 1, "message": 1}
    assert (report["old"]["statements"], report["new"]["statements"]) == (3, 3)
    (g1,) = report["guarantors"]
    assert g1["guarantor"] == "G1"
    assert g1["changes"] == ["level", "message", "channels"]
    assert [(s["level"], s["message"], s["channels"]) for s in g1["old"]["statements"]] == [
        (1, "reminder", ["email"])
    ]
    assert [(s["level"], s["message"], s["channels"]) for s in g1["new"]["statements"]] == [
        (2, "past_due", ["email", "text"])
    ]


def test_the_text_report_says_who_changes_and_how(practice, stricter):
    """One line per guarantor with the old and the new outcome, and each encounter whose
    level after the run would differ."""
    result = practice("diff", str(STANDARD), str(stricter), "--date", "2026-02-01")
    assert result.exit_code == 0
    assert result.output.splitlines() == [
        f"rules diff on 2026-02-01: {STANDARD} -> {stricter}",
        "  statements: 3 -> 3",
        "  guarantors who would change: 1",
        "    channels: 1",
        "    level: 1",
        "    message: 1",
        "  G1 (level, message, channels)",
        "    old: statement level 1 reminder via email",
        "    new: statement level 2 past_due via email, text",
        "    encounter E1: level 1 -> 2",
    ]


def test_no_limit_moves_the_worklist_encounter_onto_a_statement(practice):
    """Against rules/no-limit.yaml, G4's maxed E4 is billed at level 4 instead of the worklist."""
    result = practice(
        "diff",
        str(STANDARD),
        str(REPO / "rules" / "no-limit.yaml"),
        "--date",
        "2026-02-01",
        "--json",
    )
    report = json.loads(result.output)
    assert [g["guarantor"] for g in report["guarantors"]] == ["G4"]
    (g4,) = report["guarantors"]
    assert g4["old"]["worklist"] == ["E4"] and g4["old"]["statements"] == []
    assert g4["new"]["worklist"] == [] and [s["level"] for s in g4["new"]["statements"]] == [4]
    assert report["counts"]["worklist"] == 1


def test_the_same_rules_change_nobody(practice):
    """Diffing a file with itself reports no guarantor."""
    result = practice("diff", str(STANDARD), str(STANDARD), "--date", "2026-02-01", "--json")
    report = json.loads(result.output)
    assert (report["guarantors_changed"], report["counts"], report["guarantors"]) == (0, {}, [])


def test_diff_saves_nothing(practice, stricter):
    """After a diff the worklist is still empty, and the first live run still sees G1's and
    G2's payments as unreviewed (both reset to level 1)."""
    practice("diff", str(STANDARD), str(stricter), "--date", "2026-02-01")
    worklist = practice("worklist", "--json")
    assert json.loads(worklist.output) == []
    run = practice("run", "--rules", str(STANDARD), "--date", "2026-02-01", "--json")
    assert json.loads(run.output)["statements_by_level"] == {"1": 2, "2": 1}
    assert [e["encounter"] for e in json.loads(practice("worklist", "--json").output)] == ["E4"]


# G5's E5 was billed 12 days before the run (so it is skipped as billed_recently either way)
# and has since had a 30% payment: the standard rules reset it to level 0, the stricter ones
# hold it at level 2. Only its level differs.
LEVEL_ONLY_GUARANTORS = """\
id,first_name,last_name,email,mobile,timezone
G5,Barbara,Liskov,barbara@example.org,+15555550105,America/New_York
"""
LEVEL_ONLY_ENCOUNTERS = """\
id,guarantor,patient,service_date,balance,level,first_statement,last_statement,statements_sent
E5,G5,P5,2025-11-01,70.00,2,2025-12-01,2026-01-20,2
"""
LEVEL_ONLY_PAYMENTS = """\
encounter,amount,date
E5,30.00,2026-01-25
"""


def test_a_change_of_an_encounters_level_alone_shows_the_level_old_and_new(make_practice, stricter):
    """Both outcomes read "no statement; skipped: E5 billed_recently": the report prints no
    old/new pair that reads the same, but E5's level 0 -> 2."""
    invoke = make_practice(LEVEL_ONLY_GUARANTORS, LEVEL_ONLY_ENCOUNTERS, LEVEL_ONLY_PAYMENTS)
    result = invoke("diff", str(STANDARD), str(stricter), "--date", "2026-02-01")
    assert result.exit_code == 0, result.output
    assert result.output.splitlines() == [
        f"rules diff on 2026-02-01: {STANDARD} -> {stricter}",
        "  statements: 0 -> 0",
        "  guarantors who would change: 1",
        "    level: 1",
        "  G5 (level)",
        "    encounter E5: level 0 -> 2",
    ]


def test_the_json_report_lists_each_encounter_level_that_differs(make_practice, stricter):
    """--json: per guarantor, ``encounter_levels`` holds each encounter's old and new level."""
    invoke = make_practice(LEVEL_ONLY_GUARANTORS, LEVEL_ONLY_ENCOUNTERS, LEVEL_ONLY_PAYMENTS)
    result = invoke("diff", str(STANDARD), str(stricter), "--date", "2026-02-01", "--json")
    report = json.loads(result.stdout)
    assert report["counts"] == {"level": 1}
    (g5,) = report["guarantors"]
    assert g5["changes"] == ["level"]
    assert g5["encounter_levels"] == [{"encounter": "E5", "old": 0, "new": 2}]
    assert report["warnings"] == []


def test_an_encounter_billed_at_the_same_level_either_way_is_no_level_change(practice):
    """Diffing a file with a copy of itself: every encounter the batches bill is at the same
    level in both, so no encounter level is reported."""
    copy = Path("copy.yaml")
    copy.write_text(STANDARD.read_text(encoding="utf-8"), encoding="utf-8")
    result = practice("diff", str(STANDARD), str(copy), "--date", "2026-02-01", "--json")
    assert json.loads(result.stdout)["guarantors"] == []


def test_a_date_before_the_latest_live_run_warns_and_still_reports(practice, stricter):
    """After a live run on 2026-02-01, a diff on 2026-01-15 compares against the ledger as it
    is after that run: a warning on standard error names the latest live run's date and
    suggests a date on or after it; the report follows, and the command exits 0."""
    assert practice("run", "--rules", str(STANDARD), "--date", "2026-02-01").exit_code == 0
    result = practice("diff", str(STANDARD), str(stricter), "--date", "2026-01-15")
    assert result.exit_code == 0
    assert result.stderr == (
        "warning: profile 'standard' had its latest live run on 2026-02-01, after --date"
        " 2026-01-15: diff compares test runs on 2026-01-15 against the ledger as it is now,"
        " after that run (its encounters look billed recently, and both rules files may well"
        " agree on everything). Use a date on or after 2026-02-01, such as the date of the"
        " next run.\n"
    )
    assert result.stdout.splitlines()[0] == (f"rules diff on 2026-01-15: {STANDARD} -> {stricter}")


def test_the_warning_is_in_the_json_report_too(practice, stricter):
    """--json keeps standard output a JSON document, with the warning under ``warnings``."""
    practice("run", "--rules", str(STANDARD), "--date", "2026-02-01")
    result = practice("diff", str(STANDARD), str(stricter), "--date", "2026-01-15", "--json")
    assert result.exit_code == 0
    (warning,) = json.loads(result.stdout)["warnings"]
    assert warning.startswith("profile 'standard' had its latest live run on 2026-02-01")
    assert "Use a date on or after 2026-02-01" in warning
    assert result.stderr == f"warning: {warning}\n"


def test_a_date_on_or_after_the_latest_live_run_gives_no_warning(practice, stricter):
    """On the latest live run's date the diff has nothing to warn about."""
    practice("run", "--rules", str(STANDARD), "--date", "2026-02-01")
    result = practice("diff", str(STANDARD), str(stricter), "--date", "2026-02-01", "--json")
    assert result.exit_code == 0 and result.stderr == ""
    assert json.loads(result.stdout)["warnings"] == []
