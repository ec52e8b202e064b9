"""Failure reports: the step, the field, expected against actual, and why (the rule trace)."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest

from rulesengine.scenarios import run_scenario_file, scenario_run
from rulesengine.scenarios.scenario_report import format_failure

RULES = Path(__file__).resolve().parents[2] / "rules" / "standard.yaml"

RESET = """\
steps:
  - run: 2026-02-01
  - payment: {encounter: E1, amount: 60.00, date: 2026-02-10}
  - run: 2026-03-01
    expect:
      statements:
        - {guarantor: G1, level: 2, total: 140.00}
"""


def test_a_failure_names_the_file_line_step_field_expected_and_actual(scenario_file):
    """The first lines say where (file:line of the field), which step, and what differed."""
    path = scenario_file(RESET)
    report = format_failure(run_scenario_file(str(path)), trace=False)
    assert report == (
        f"{path}:15:27: step 3 (run: 2026-03-01) at line 12 failed\n"
        "  statements[0].level (guarantor G1)\n"
        "    expected: 2\n"
        "    actual:   1"
    )


def test_a_failure_shows_the_trace_of_the_affected_guarantor(scenario_file):
    """Under 'why', the rules that decided: the payment rule that reset E1, then the rise."""
    path = scenario_file(RESET)
    report = format_failure(run_scenario_file(str(path)))
    lines = [line.strip() for line in report.splitlines()]
    why = lines.index("why (the rules that decided):")
    assert lines[why + 1].startswith(
        "Guarantor G1 in batch standard-2026-03-01 (run date 2026-03-01, rules "
    )
    assert lines[why + 2] == "Encounter E1:"
    assert lines[why + 3] == (
        "payments     payments of 60.00 (30.0% of the balance, latest 19 days ago):"
        " payments.rules[0] 'adequate' (payment.percent >= 25 or payment.amount >= 100)"
        " matched: level 1 -> 0"
    )
    assert "advance      level 0 -> 1" in lines


def test_an_encounter_failure_has_the_trace_too(scenario_file):
    """A wrong encounter level shows the advance step that set the actual level."""
    path = scenario_file("""\
steps:
  - run: 2026-02-01
    expect:
      encounters: {E1: {level: 2}}
""")
    report = format_failure(run_scenario_file(str(path)))
    assert "  encounters.E1.level\n    expected: 2\n    actual:   1\n" in report
    assert "Guarantor G1 in batch standard-2026-02-01" in report
    assert "advance      level 0 -> 1" in report


def test_money_in_a_report_is_shown_as_money(scenario_file):
    """Totals read 140.00 and 200.00, not cents."""
    path = scenario_file("""\
steps:
  - run: 2026-02-01
    expect:
      statements: [{guarantor: G1, total: 140.00}]
""")
    report = format_failure(run_scenario_file(str(path)), trace=False)
    assert report.endswith(
        "  statements[0].total (guarantor G1)\n    expected: 140.00\n    actual:   200.00"
    )


def test_a_test_run_failure_traces_the_test_batch(scenario_file):
    """The trace of a test_run step says it is a test batch."""
    path = scenario_file("""\
steps:
  - test_run: 2026-02-01
    expect:
      statements: [{guarantor: G1, level: 3}]
""")
    report = format_failure(run_scenario_file(str(path)))
    assert "Guarantor G1 in test batch" in report


def test_an_unexpected_statement_is_shown_with_its_fields(scenario_file):
    """An extra statement reads 'expected: nothing more' and shows what was produced."""
    path = scenario_file("""\
steps:
  - run: 2026-02-01
    expect:
      statements: []
""")
    report = format_failure(run_scenario_file(str(path)), trace=False)
    assert (
        "  statements (unexpected)\n    expected: nothing more\n    actual:   {guarantor: G1, "
        in report
    )
    assert "total: 200.00" in report


def test_a_refused_step_is_reported_as_an_error_naming_the_step(scenario_file):
    """A live run dated before the latest live run stops the scenario with the refusal."""
    path = scenario_file("""\
steps:
  - run: 2026-03-01
  - run: 2026-02-01
""")
    result = run_scenario_file(str(path))
    assert not result.passed
    assert result.error.startswith(f"{path}:11:5: step 2 (run: 2026-02-01): ")
    assert "live runs move forward" in result.error


def test_a_file_that_does_not_load_reports_its_problems(scenario_file):
    """Load problems are the result's error, as file:line:col lines."""
    path = scenario_file("""\
steps:
  - run: 2026-02-31
""")
    result = run_scenario_file(str(path))
    assert format_failure(result) == (
        f"{path}:10:10: steps[0].run: expected a date such as 2026-02-01, got '2026-02-31'"
    )


def test_the_trace_shows_only_the_guarantors_whose_items_differ(scenario_file):
    """With two statements and only G1's wrong, G2's trace would bury the answer."""
    path = scenario_file(
        """\
ledger:
  guarantors:
    - {id: G1, first_name: Ada, email: ada@example.org}
    - {id: G2, first_name: Alan, email: alan@example.org}
  encounters:
    - {id: E1, guarantor: G1, patient: P1, service_date: 2026-01-03, balance: 200.00}
    - {id: E2, guarantor: G2, patient: P2, service_date: 2026-01-03, balance: 80.00}
steps:
  - run: 2026-02-01
    expect:
      statements:
        - {guarantor: G1, level: 2}
        - {guarantor: G2, level: 1}
"""
    )
    report = format_failure(run_scenario_file(str(path)))
    assert "Guarantor G1 in batch" in report
    assert "Guarantor G2 in batch" not in report


def test_a_failed_deliver_expectation_reads_each_guarantors_history_alone(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Every unexpected notification of a failed ``deliver`` step comes with its guarantor's
    history, read for that guarantor alone: the notifications read grow with the step, not
    with its square (a scenario of a few thousand guarantors had taken minutes)."""
    guarantors = 30
    rows = [
        f"    - {{id: G{i}, first_name: A, last_name: B, email: g{i}@example.org}}"
        for i in range(guarantors)
    ]
    visits = [
        f"    - {{id: E{i}, guarantor: G{i}, patient: P{i}, service_date: 2025-12-01,"
        " balance: 80.00, level: 1, last_statement: 2026-01-02, statements_sent: 1}"
        for i in range(guarantors)
    ]
    path = tmp_path / "many.scenario.yaml"
    path.write_text(
        "scenario: many guarantors\n"
        f"rules: {RULES}\n"
        "ledger:\n  guarantors:\n"
        + "\n".join(rows)
        + "\n  encounters:\n"
        + "\n".join(visits)
        + "\nsteps:\n  - run: 2026-02-01\n  - deliver: 2026-02-01T20:00:00Z\n"
        "    expect:\n      notifications: [{channel: email, status: canceled}]\n"
    )
    read: list[int] = []
    real = scenario_run.list_notifications

    def counted(store: Any, **filters: Any) -> Any:
        found = real(store, **filters)
        read.append(len(found))
        return found

    monkeypatch.setattr(scenario_run, "list_notifications", counted)
    report = format_failure(run_scenario_file(str(path)))
    assert report.count("notifications (unexpected)") == guarantors - 1  # one is the closest
    assert all(f"for G{i}:" in report for i in range(guarantors))
    queued = 2 * guarantors  # an email and a text each
    assert sum(read) <= 4 * queued


def test_without_traces_a_failure_reads_no_history_nor_trace(
    scenario_file: Any, monkeypatch: pytest.MonkeyPatch
) -> None:
    """``rulesengine test --no-trace`` runs the scenario with ``traces=False``: the why is
    neither printed nor computed (it was most of a large failing scenario's time)."""
    path = scenario_file(
        "steps:\n  - run: 2026-02-01\n  - deliver: 2026-02-01T20:00:00Z\n"
        "    expect:\n      notifications: [{channel: email, status: canceled}]\n"
    )
    histories: list[int] = []
    real = scenario_run.notification_history
    monkeypatch.setattr(
        scenario_run,
        "notification_history",
        lambda store, nid: histories.append(nid) or real(store, nid),
    )
    result = run_scenario_file(str(path), traces=False)
    assert not result.passed and histories == []
    assert "why" not in format_failure(result)
    assert "notifications[0].status" in format_failure(result)
    traced = run_scenario_file(str(path))
    assert histories and "why" in format_failure(traced)
