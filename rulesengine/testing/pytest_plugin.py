"""pytest plugin (``pytest11`` entry point ``rulesengine``): scenario files as test items.

``pytest`` collects every ``*.scenario.yaml`` below its paths; a failure shows the same
report as ``rulesengine test``. Import-light: rulesengine's engine is imported only when a
scenario runs, so installing rulesengine costs other test suites nothing. The plugin test
kit's fixture ``channel_kit`` is available too.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest

from rulesengine.testing.pytest_fixtures import channel_kit  # a fixture, listed in __all__

# pytest finds the hook and the fixture by these names; the node classes show in its reports.
__all__ = ["ScenarioFailed", "ScenarioFile", "ScenarioItem", "channel_kit", "pytest_collect_file"]


def pytest_collect_file(file_path: Path, parent: pytest.Collector) -> pytest.Collector | None:
    if file_path.name.endswith(".scenario.yaml"):
        return ScenarioFile.from_parent(parent, path=file_path)
    return None


class ScenarioFile(pytest.File):
    def collect(self) -> Any:
        yield ScenarioItem.from_parent(self, name=self.path.name.removesuffix(".scenario.yaml"))


class ScenarioFailed(Exception):
    def __init__(self, result: Any) -> None:
        super().__init__(result.title)
        self.result = result


class ScenarioItem(pytest.Item):
    def runtest(self) -> None:
        from rulesengine.scenarios import run_scenario_file

        result = run_scenario_file(str(self.path))
        if not result.passed:
            raise ScenarioFailed(result)

    def repr_failure(self, excinfo: pytest.ExceptionInfo[BaseException], style: Any = None) -> Any:
        if isinstance(excinfo.value, ScenarioFailed):
            from rulesengine.scenarios.scenario_report import format_failure

            return format_failure(excinfo.value.result)
        return super().repr_failure(excinfo, style=style)

    def reportinfo(self) -> tuple[Path, int, str]:
        return self.path, 0, f"scenario {self.path.name}"
