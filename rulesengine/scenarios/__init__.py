"""Scenario files: prove what a rules file does (``docs/scenarios.md``)."""

from __future__ import annotations

from rulesengine.scenarios.scenario_load import load_scenario
from rulesengine.scenarios.scenario_model import Scenario, is_scenario_file
from rulesengine.scenarios.scenario_results import Failure, ScenarioResult
from rulesengine.scenarios.scenario_run import run_scenario, run_scenario_file

__all__ = [
    "Failure",
    "Scenario",
    "ScenarioResult",
    "is_scenario_file",
    "load_scenario",
    "run_scenario",
    "run_scenario_file",
]
