"""The pytest plugin: ``pytest`` collects ``*.scenario.yaml`` files as test items, and a failure
shows the same report as ``rulesengine test``. Each test runs pytest on a temporary folder."""

from __future__ import annotations

import pytest

# The inner sessions run in this process; pytester removes the modules they imported when
# each ends. Loading the scenario modules here first keeps one copy of them (and of the YAML
# classes they cache) for every inner session.
import rulesengine.scenarios.scenario_report  # noqa: F401

from .conftest import LEDGER, STANDARD

pytest_plugins = ["pytester"]

PASSING = f"""\
scenario: First statement
rules: {STANDARD}
{LEDGER}steps:
  - run: 2026-02-01
    expect:
      statements: [{{guarantor: G1, level: 1, message: reminder}}]
"""
FAILING = PASSING.replace("scenario: First statement", "scenario: Wrong level").replace(
    "level: 1, message: reminder", "level: 2"
)


def test_scenario_files_are_collected_as_items(pytester: pytest.Pytester) -> None:
    """Each *.scenario.yaml is one item named after the file; other YAML is not collected."""
    pytester.makefile(".scenario.yaml", first_statement=PASSING)
    pytester.makefile(".yaml", rules="not: a scenario")
    result = pytester.runpytest("--collect-only", "-q", "-p", "no:cacheprovider")
    result.stdout.fnmatch_lines(
        ["first_statement.scenario.yaml::first_statement", "*1 test collected*"]
    )


def test_a_passing_and_a_failing_scenario(pytester: pytest.Pytester) -> None:
    """One passes, one fails; the failure section is our report with the rule trace."""
    pytester.makefile(".scenario.yaml", good=PASSING, bad=FAILING)
    result = pytester.runpytest("-p", "no:cacheprovider")
    result.assert_outcomes(passed=1, failed=1)
    result.stdout.fnmatch_lines(
        [
            "*bad.scenario.yaml:12:36: step 1 (run: 2026-02-01) at line 10 failed",
            "  statements[[]0].level (guarantor G1)",
            "    expected: 2",
            "    actual:   1",
            "  why (the rules that decided):",
            "    Guarantor G1 in batch standard-2026-02-01 *",
        ]
    )
    result.stdout.no_fnmatch_line("*Traceback*")
    result.stdout.no_fnmatch_line("*ScenarioFailed*")


def test_a_scenario_that_does_not_load_fails_with_its_problems(pytester: pytest.Pytester) -> None:
    """Load problems are the failure text, as file:line:col lines."""
    pytester.makefile(".scenario.yaml", typo=PASSING.replace("- run:", "- rn:"))
    result = pytester.runpytest("-p", "no:cacheprovider")
    result.assert_outcomes(failed=1)
    result.stdout.fnmatch_lines(
        ["*typo.scenario.yaml:10:5: steps[[]0]: unknown key 'rn'; did you mean 'run'?"]
    )


def test_scenarios_run_beside_ordinary_tests(pytester: pytest.Pytester) -> None:
    """A rules repository's own Python tests and its scenarios run in one session."""
    pytester.makefile(".scenario.yaml", good=PASSING)
    pytester.makepyfile(test_plain="def test_plain():\n    assert True\n")
    result = pytester.runpytest("-p", "no:cacheprovider")
    result.assert_outcomes(passed=2)
