"""``rulesengine test PATH...``: one line per scenario, failure reports, the summary, exit codes."""

from __future__ import annotations

import json
import re

import pytest
from click.testing import CliRunner

from rulesengine.cli.main import main

from .conftest import LEDGER, STANDARD

PASSING = """\
steps:
  - run: 2026-02-01
    expect:
      statements: [{guarantor: G1, level: 1, message: reminder}]
"""
FAILING = """\
steps:
  - run: 2026-02-01
    expect:
      statements: [{guarantor: G1, level: 2}]
"""


@pytest.fixture
def rulesengine():
    runner = CliRunner()

    def invoke(*args: str):
        return runner.invoke(main, list(args), catch_exceptions=False)

    return invoke


def test_all_passing_exits_0_with_one_line_each_and_the_summary(
    rulesengine, scenario_file, tmp_path
):
    """PASS path: title per file, then 'N passed, 0 failed in Xs'."""
    one = scenario_file(PASSING, "one.scenario.yaml", title="First")
    two = scenario_file(PASSING, "two.scenario.yaml", title="Second")
    result = rulesengine("test", str(tmp_path))
    assert result.exit_code == 0, result.output
    lines = result.output.splitlines()
    assert lines[:2] == [f"PASS {one}: First", f"PASS {two}: Second"]
    assert re.fullmatch(r"2 passed, 0 failed in \d+\.\d\ds", lines[-1])


def test_a_failing_scenario_exits_1_and_prints_its_report(rulesengine, scenario_file, tmp_path):
    """FAIL line, the report with the trace, and '1 passed, 1 failed'."""
    scenario_file(PASSING, "a_good.scenario.yaml")
    bad = scenario_file(FAILING, "b_bad.scenario.yaml", title="Wrong level")
    result = rulesengine("test", str(tmp_path))
    assert result.exit_code == 1
    assert (
        f"FAIL {bad}: Wrong level\n{bad}:12:36: step 1 (run: 2026-02-01) at line 10 failed\n"
        in result.output
    )
    assert (
        "  statements[0].level (guarantor G1)\n    expected: 2\n    actual:   1\n" in result.output
    )
    assert (
        "  why (the rules that decided):\n    Guarantor G1 in batch standard-2026-02-01"
        in result.output
    )
    assert re.search(r"^1 passed, 1 failed in \d+\.\d\ds$", result.output, re.M)
    assert "Traceback" not in result.output


def test_no_trace_leaves_the_why_out(rulesengine, scenario_file):
    """--no-trace keeps the field, expected and actual, without the rule trace."""
    bad = scenario_file(FAILING)
    result = rulesengine("test", "--no-trace", str(bad))
    assert result.exit_code == 1
    assert "expected: 2" in result.output
    assert "why (the rules that decided)" not in result.output
    assert "Guarantor G1 in batch" not in result.output


def test_a_scenario_that_does_not_load_fails_with_its_problems(rulesengine, scenario_file):
    """A load problem is a failed scenario showing file:line:col, exit 1, no traceback."""
    bad = scenario_file("steps:\n  - rn: 2026-02-01\n")
    result = rulesengine("test", str(bad))
    assert result.exit_code == 1
    assert f"{bad}:10:5: steps[0]: unknown key 'rn'; did you mean 'run'?" in result.output
    assert "0 passed, 1 failed" in result.output


def test_folders_are_searched_recursively_for_scenario_files_only(
    rulesengine, scenario_file, tmp_path
):
    """Nested *.scenario.yaml files run; other YAML files in the folder are ignored."""
    deep = scenario_file(PASSING, "a/b/c/deep.scenario.yaml")
    (tmp_path / "a" / "rules.yaml").write_text("not: a scenario\n", encoding="utf-8")
    result = rulesengine("test", str(tmp_path))
    assert result.exit_code == 0, result.output
    assert f"PASS {deep}: A case" in result.output
    assert "1 passed, 0 failed" in result.output


def test_files_and_folders_can_be_mixed(rulesengine, scenario_file, tmp_path):
    """Every path given is run, a file named directly even without the suffix."""
    scenario_file(PASSING, "dir/x.scenario.yaml")
    single = scenario_file(PASSING, "single.yaml")
    result = rulesengine("test", str(tmp_path / "dir"), str(single))
    assert "2 passed, 0 failed" in result.output


def test_a_missing_path_exits_1(rulesengine, tmp_path):
    """A path that does not exist is a user error naming it."""
    result = rulesengine("test", str(tmp_path / "nope"))
    assert result.exit_code == 1
    assert f"{tmp_path / 'nope'}: no such file or folder" in result.output


def test_a_folder_without_scenarios_exits_1(rulesengine, tmp_path):
    """Running nothing is not a success."""
    result = rulesengine("test", str(tmp_path))
    assert result.exit_code == 1
    assert "no *.scenario.yaml files" in result.output


def test_json_output_has_counts_and_every_failure(rulesengine, scenario_file, tmp_path):
    """--json: passed, failed, and per scenario path, title, passed, seconds, error, failures."""
    good = scenario_file(PASSING, "a.scenario.yaml", title="Good")
    bad = scenario_file(FAILING, "b.scenario.yaml", title="Bad")
    result = rulesengine("test", "--json", str(tmp_path))
    assert result.exit_code == 1
    payload = json.loads(result.output)
    assert (payload["passed"], payload["failed"]) == (1, 1)
    assert "coverage" not in payload
    first, second = payload["scenarios"]
    assert set(first) == {"path", "title", "passed", "seconds", "error", "failures"}
    assert (first["path"], first["title"], first["passed"], first["failures"]) == (
        str(good),
        "Good",
        True,
        [],
    )
    assert (second["path"], second["passed"], second["error"]) == (str(bad), False, None)
    (failure,) = second["failures"]
    assert {k: failure[k] for k in ("step", "line", "field", "expected", "actual")} == {
        "step": "step 1 (run: 2026-02-01) at line 10",
        "line": 12,
        "field": "statements[0].level (guarantor G1)",
        "expected": 2,
        "actual": 1,
    }
    assert failure["trace"].startswith("Guarantor G1 in batch standard-2026-02-01")


def test_coverage_lists_exercised_and_never_exercised_rules(rulesengine, scenario_file):
    """One first statement exercises level 1, reminder and email, and nothing else."""
    path = scenario_file(PASSING)
    result = rulesengine("test", "--coverage", str(path))
    assert result.exit_code == 0
    out = result.output
    assert "rule coverage:\n" in out
    assert "rules/standard.yaml: 25% of 12 rules exercised" in out
    for part in ("level 1", "message reminder", "channel email"):
        assert f"    [x] {part}\n" in out
    for part in ("payment_rule adequate", "payment_rule token", "exclude tiny_balance", "level 3"):
        assert f"    [ ] {part}\n" in out
    assert (
        "    never exercised: payment_rule adequate, payment_rule token, exclude tiny_balance,"
        " level 2, level 3, message past_due, message final_notice, channel text, channel print\n"
    ) in out


def test_coverage_adds_up_over_every_scenario_of_a_rules_file(rulesengine, scenario_file, tmp_path):
    """A second scenario with a small payment adds the token rule and level 2 to the first's."""
    scenario_file(PASSING, "a.scenario.yaml")
    scenario_file(
        """\
steps:
  - run: 2026-02-01
  - payment: {encounter: E1, amount: 5.00, date: 2026-02-10}
  - run: 2026-03-01
""",
        "b.scenario.yaml",
    )
    result = rulesengine("test", "--coverage", "--json", str(tmp_path))
    (report,) = json.loads(result.output)["coverage"]
    assert report["exercised"] == [
        "payment_rule token",
        "level 1",
        "message reminder",
        "channel email",
    ]
    assert "level 2" in report["missed"]
    assert report["percent"] == pytest.approx(33.3)


def test_a_run_step_before_an_earlier_live_run_says_test_run(rulesengine, scenario_file):
    """A ``run:`` step dated before a live run of an earlier step is refused in the scenario's
    own words: write ``test_run:`` (never the command line's "Use --test")."""
    path = scenario_file("""\
steps:
  - run: 2026-03-01
  - run: 2026-02-01
""")
    result = rulesengine("test", str(path))
    assert result.exit_code == 1
    assert result.output.splitlines()[1] == (
        f"{path}:11:5: step 2 (run: 2026-02-01): a live run on 2026-03-01 came before"
        " this step; live runs move forward, so 'run: 2026-02-01' is refused. Write"
        " 'test_run: 2026-02-01' to see what a run on that earlier date would do (it changes"
        " nothing), or put the run steps in date order."
    )
    assert "--test" not in result.output


def test_coverage_counts_a_rules_file_once_however_scenarios_name_it(
    rulesengine, tmp_path, monkeypatch
):
    """One scenario names the rules by an absolute path, one by a relative one, one by a
    symbolic link: one report, shown relative to the current folder."""
    rules = tmp_path / "rules" / "standard.yaml"
    rules.parent.mkdir()
    rules.write_text(STANDARD.read_text(encoding="utf-8"), encoding="utf-8")
    (tmp_path / "rules" / "link.yaml").symlink_to(rules)
    folder = tmp_path / "scenarios"
    folder.mkdir()
    for name, named in (
        ("a", str(rules)),
        ("b", "../rules/standard.yaml"),
        ("c", "../rules/link.yaml"),
    ):
        (folder / f"{name}.scenario.yaml").write_text(
            f"scenario: {name}\nrules: {named}\n{LEDGER}{PASSING}", encoding="utf-8"
        )
    monkeypatch.chdir(tmp_path)
    result = rulesengine("test", "--coverage", "scenarios")
    assert result.exit_code == 0, result.output
    assert result.output.count("% of 12 rules exercised") == 1
    assert "\n  rules/standard.yaml: 25% of 12 rules exercised\n" in result.output
    (report,) = json.loads(rulesengine("test", "--coverage", "--json", "scenarios").output)[
        "coverage"
    ]
    assert report["rules"] == "rules/standard.yaml"


def test_expect_lined_up_with_the_steps_dash_says_to_indent_it_under_the_step(
    rulesengine, scenario_file
):
    """'  expect:' under '  - run: ...' belongs to no step: the fix is 4 spaces, under 'run'."""
    path = scenario_file("""\
steps:
  - run: 2026-02-01
  expect:
    statements: []
""")
    result = rulesengine("test", str(path))
    assert result.exit_code == 1
    assert (
        f"{path}:11:3: this key is lined up with the '-' of the list item on line 10, so it"
        " belongs to no item: to make it part of that item, indent it under 'run' (4 spaces,"
        " like the item's other keys)\n      expect:\n      ^\n"
    ) in result.output
    assert "indent it like the other keys of its section" not in result.output
