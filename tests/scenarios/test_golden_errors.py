"""Golden loader problems: ``tests/data/scenarios/invalid/<case>.scenario.yaml`` must fail to
load with exactly the text of ``<case>.txt`` (paths relative to the repository root, as when
``rulesengine test`` runs there).

To add a case, write the scenario, load it from the repository root and review every line of
the output before saving it as the ``.txt``: the messages are part of the user interface.
"""

from __future__ import annotations

import pytest

from rulesengine.errors import RulesError
from rulesengine.scenarios import load_scenario

from .conftest import REPO

INVALID = REPO / "tests" / "data" / "scenarios" / "invalid"
CASES = sorted(p.name.removesuffix(".scenario.yaml") for p in INVALID.glob("*.scenario.yaml"))


def test_there_are_enough_golden_cases() -> None:
    """At least 15 invalid scenario files, each with its expected problems."""
    assert len(CASES) >= 15
    for case in CASES:
        assert (INVALID / f"{case}.txt").is_file(), case


@pytest.mark.parametrize("case", CASES)
def test_invalid_scenario_reports_exactly_the_golden_text(
    case: str, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Loading the file raises RulesError whose problems print as the .txt says."""
    monkeypatch.chdir(REPO)
    expected = (INVALID / f"{case}.txt").read_text(encoding="utf-8")
    with pytest.raises(RulesError) as info:
        load_scenario(f"tests/data/scenarios/invalid/{case}.scenario.yaml")
    assert "".join(f"{problem}\n" for problem in info.value.problems) == expected
    assert str(info.value) == expected.rstrip("\n")


def test_a_problem_in_the_rules_file_points_into_the_rules_file(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    """A broken rules file is reported at its own file:line:col, not at the scenario's rules:."""
    monkeypatch.chdir(REPO)
    with pytest.raises(RulesError) as info:
        load_scenario("tests/data/scenarios/invalid/rules_file_with_error.scenario.yaml")
    (problem,) = info.value.problems
    assert str(problem).startswith("tests/data/scenarios/invalid/rules/broken.yaml:6:3: ")
