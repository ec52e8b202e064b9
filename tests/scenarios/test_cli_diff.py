"""``rulesengine diff OLD NEW --date D``: who a rules change would move, on an imported ledger."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from click.testing import CliRunner

from rulesengine.cli import main

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
def practice(tmp_path: Path, monkeypatch: pytest.MonkeyPatch):
    """A store in tmp_path with the ledger above imported; returns an invoker of rulesengine."""
    monkeypatch.chdir(tmp_path)
    monkeypatch.setenv("RULESENGINE_DB", str(tmp_path / "practice.db"))
    ledger = tmp_path / "ledger"
    ledger.mkdir()
    for name, text in (
        ("guarantors", GUARANTORS),
        ("encounters", ENCOUNTERS),
        ("payments", PAYMENTS),
    ):
        (ledger / f"{name}.csv").write_text(text, encoding="utf-8")
    runner = CliRunner()

    def invoke(*args: str):
        return runner.invoke(main, list(args), catch_exceptions=False)

    assert invoke("import", str(ledger)).exit_code == 0
    return invoke


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
    """One line per guarantor with the old and the new outcome."""
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
