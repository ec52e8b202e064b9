"""``rulesengine validate`` accepts scenario files beside rules files."""

from __future__ import annotations

from click.testing import CliRunner

from rulesengine.cli.main import main

from .conftest import STANDARD


def validate(*paths: str):
    return CliRunner().invoke(main, ["validate", *paths], catch_exceptions=False)


def test_a_good_scenario_file_is_ok(scenario_file):
    """It says ok with the scenario's title and number of steps, exit 0."""
    path = scenario_file("steps:\n  - run: 2026-02-01\n  - run: 2026-03-01\n", title="Two runs")
    result = validate(str(path))
    assert result.exit_code == 0
    assert result.output == f"{path}: ok (scenario 'Two runs', 2 steps)\n"


def test_a_bad_scenario_file_lists_every_problem_and_exits_1(scenario_file):
    """Every problem as file:line:col, then the count; nothing is run."""
    path = scenario_file("steps:\n  - rn: 2026-02-01\n  - run: 2026-02-30\n")
    result = validate(str(path))
    assert result.exit_code == 1
    assert result.output == (
        f"{path}:10:5: steps[0]: unknown key 'rn'; did you mean 'run'?\n"
        f"{path}:11:10: steps[1].run: expected a date such as 2026-02-01, got '2026-02-30'\n"
        "2 problems found\n"
    )


def test_rules_and_scenario_files_in_one_call(scenario_file):
    """A rules file and a scenario file are each checked as what they are."""
    path = scenario_file("steps:\n  - run: 2026-02-01\n  - run: 2026-03-01\n")
    result = validate(str(STANDARD), str(path))
    assert result.exit_code == 0
    assert result.output.splitlines() == [
        f"{STANDARD}: ok (profile standard, 3 levels, limit on)",
        f"{path}: ok (scenario 'A case', 2 steps)",
    ]
