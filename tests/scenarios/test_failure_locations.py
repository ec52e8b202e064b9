"""Through ``rulesengine test``: each failure starts with the file:line:col of its own
expectation, each guarantor's trace is printed once per step, an expectation that names no
guarantor still gets a "why", and a refused step reads ``file:line:col: step N (...): ...``."""

from __future__ import annotations

import json

import pytest
from click.testing import CliRunner

from rulesengine.cli.main import main

TWO_GUARANTORS = """\
ledger:
  guarantors:
    - {id: G1, first_name: Ada, email: ada@example.org}
    - {id: G2, first_name: Alan, email: alan@example.org, hold: true}
  encounters:
    - {id: E1, guarantor: G1, patient: P1, service_date: 2026-01-03, balance: 200.00}
    - {id: E2, guarantor: G2, patient: P2, service_date: 2026-01-03, balance: 80.00}
steps:
  - run: 2026-02-01
    expect:
      statements:
        - {guarantor: G1, level: 2, total: 100.00}
        - {guarantor: G2, level: 1}
      skipped:
        E2: encounter_hold
      notifications:
        - guarantor: G1
          channel: text
"""


@pytest.fixture
def rulesengine():
    runner = CliRunner()

    def invoke(*args: str):
        return runner.invoke(main, list(args), catch_exceptions=False)

    return invoke


def _headers(output: str) -> list[str]:
    return [line for line in output.splitlines() if line.endswith(" failed")]


def test_each_failure_is_reported_at_its_own_expectation(rulesengine, scenario_file):
    """statements[0].level and .total at their keys, statements[1] (no such statement) at its
    item, skipped at its entry, a notification's field at that field."""
    path = scenario_file(TWO_GUARANTORS)
    result = rulesengine("test", "--no-trace", str(path))
    assert result.exit_code == 1
    step = "step 1 (run: 2026-02-01) at line 11 failed"
    assert _headers(result.output) == [
        f"{path}:14:27: {step}",  # statements[0].level
        f"{path}:14:37: {step}",  # statements[0].total
        f"{path}:15:11: {step}",  # statements[1]: no such statement
        f"{path}:17:9: {step}",  # skipped: E2
        f"{path}:20:11: {step}",  # notifications[0].channel
    ]
    assert f"{path}:17:9: {step}\n  skipped\n    expected: {{E2: encounter_hold}}\n" in (
        result.output
    )
    assert f"{path}:15:11: {step}\n  statements[1]\n" in result.output


def test_each_guarantors_trace_is_printed_once_after_the_steps_failures(rulesengine, scenario_file):
    """Four failures about G1 and two about G2: one 'why', G1's trace once, G2's once."""
    path = scenario_file(TWO_GUARANTORS)
    result = rulesengine("test", str(path))
    out = result.output
    assert out.count("why (the rules that decided):") == 1
    assert out.count("Guarantor G1 in batch standard-2026-02-01") == 1
    assert out.count("Guarantor G2 in batch standard-2026-02-01") == 1
    assert out.index("why (the rules that decided):") > out.rindex(" failed\n")
    assert "eligibility  skipped: the guarantor is on hold" in out


def test_json_gives_each_failure_its_line_column_and_own_guarantors(rulesengine, scenario_file):
    path = scenario_file(TWO_GUARANTORS)
    payload = json.loads(rulesengine("test", "--json", str(path)).output)
    failures = payload["scenarios"][0]["failures"]
    assert [(f["field"], f["line"], f["column"], f["guarantors"]) for f in failures] == [
        ("statements[0].level (guarantor G1)", 14, 27, ["G1"]),
        ("statements[0].total (guarantor G1)", 14, 37, ["G1"]),
        ("statements[1]", 15, 11, ["G2"]),
        ("skipped", 17, 9, ["G2"]),
        ("notifications[0].channel (guarantor G1)", 20, 11, ["G1"]),
    ]
    assert failures[3]["trace"].startswith("Guarantor G2 in batch")
    assert "Guarantor G1" not in failures[3]["trace"]


def test_a_missing_notification_is_reported_at_its_item(rulesengine, scenario_file):
    path = scenario_file("""\
steps:
  - run: 2026-02-01
    expect:
      notifications:
        - {guarantor: G1, channel: email}
        - {guarantor: G1, channel: print}
""")
    result = rulesengine("test", str(path))
    assert _headers(result.output) == [f"{path}:14:11: step 1 (run: 2026-02-01) at line 10 failed"]
    assert "  notifications[1]\n    expected: {guarantor: G1, channel: print}\n" in result.output
    assert "Guarantor G1 in batch standard-2026-02-01" in result.output


def test_a_notification_naming_no_guarantor_shows_the_trace_of_its_channel(
    rulesengine, scenario_file
):
    """{channel: email, status: sent} after a run: G1's email is scheduled; its trace says so."""
    path = scenario_file("""\
steps:
  - run: 2026-02-01
    expect:
      notifications: [{channel: email, status: sent}]
""")
    result = rulesengine("test", str(path))
    assert result.exit_code == 1
    assert "  notifications[0].status\n    expected: sent\n    actual:   scheduled\n" in (
        result.output
    )
    assert "Guarantor G1 in batch standard-2026-02-01" in result.output


def test_a_missing_notification_naming_no_guarantor_shows_what_changed_on_its_channel(
    rulesengine, scenario_file
):
    """Nothing on channel text changed, G1's email was sent: its history is the why."""
    path = scenario_file("""\
steps:
  - run: 2026-02-01
  - deliver: 2026-02-01T15:00:00Z
    expect:
      notifications:
        - {guarantor: G1, channel: email, status: sent}
        - {channel: text, status: sent}
""")
    result = rulesengine("test", str(path))
    assert result.exit_code == 1
    assert "  notifications[1]\n    expected: {channel: text, status: sent}\n" in result.output
    assert "why (the rules that decided):" in result.output
    assert "Notification 1 (email, reminder) for G1:" in result.output  # status sent: related
    assert (
        "    nothing in this step has channel text or status sent: add 'guarantor: <id>' to the"
        " expectation to see that guarantor's trace" not in result.output
    )


def test_with_nothing_related_the_why_says_how_to_get_a_trace(rulesengine, scenario_file):
    path = scenario_file("""\
steps:
  - run: 2026-02-01
  - deliver: 2026-02-01T15:00:00Z
    expect:
      notifications: [{guarantor: G1, status: sent}, {channel: text}]
""")
    result = rulesengine("test", str(path))
    assert result.exit_code == 1
    assert (
        "  why (the rules that decided):\n    nothing in this step has channel text: add"
        " 'guarantor: <id>' to the expectation to see that guarantor's trace" in result.output
    )


def test_a_refused_step_is_named_at_file_line_col(rulesengine, scenario_file):
    path = scenario_file("""\
steps:
  - run: 2026-03-01
  - run: 2026-02-01
""")
    result = rulesengine("test", str(path))
    assert result.exit_code == 1
    assert f"\n{path}:11:5: step 2 (run: 2026-02-01): a live run on 2026-03-01 came before" in (
        result.output
    )
    assert "at line 11" not in result.output
