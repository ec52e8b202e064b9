"""The values a loaded scenario file is made of: the scenario, its steps and what each step
expects (``docs/scenarios.md``). Frozen: a scenario is checked whole before it runs."""

from __future__ import annotations

import datetime as dt
import os
from collections.abc import Mapping
from typing import TYPE_CHECKING, Any

import attrs

if TYPE_CHECKING:
    from rulesengine.rules.policy import Mark, Rules
    from rulesengine.store.base import LedgerData

__all__ = ["STEP_KINDS", "Expect", "Scenario", "Step", "is_scenario_file"]

#: What a step can do, one of these keys per step.
STEP_KINDS = ("run", "test_run", "payment", "adjustment", "hold", "release", "deliver")


@attrs.frozen
class Expect:
    """What a step must produce. ``None``: not checked. Each value keeps its mark."""

    statements: tuple[Mapping[str, Any], ...] | None = None
    encounters: Mapping[str, Mapping[str, Any]] | None = None
    pre_collections: tuple[str, ...] | None = None
    skipped: Mapping[str, str] | None = None
    notifications: tuple[Mapping[str, Any], ...] | None = None
    marks: Mapping[str, Mark] = attrs.field(factory=dict)


@attrs.frozen
class Step:
    """One step of a scenario: what it does and what it expects."""

    index: int  # 1-based
    kind: str  # one of STEP_KINDS
    value: Any  # a date, an instant, or a mapping (payment, hold ...)
    expect: Expect
    mark: Mark

    @property
    def name(self) -> str:
        """``step 2 (run: 2026-02-01)``: the step by number, kind and value."""
        if isinstance(self.value, dt.datetime):
            shown = self.value.isoformat()
        elif isinstance(self.value, dt.date):
            shown = self.value.isoformat()
        else:
            shown = ", ".join(f"{k}: {v}" for k, v in self.value.items())
        return f"step {self.index} ({self.kind}: {shown})"

    @property
    def title(self) -> str:
        """The :attr:`name` and the line where the step starts, for failure reports."""
        return f"{self.name} at line {self.mark.line}"


@attrs.frozen
class Scenario:
    """A scenario file checked whole: its rules, its ledger and its steps."""

    path: str
    title: str
    rules: Rules  # its source_text is kept with live batches (canonical JSON when inline)
    ledger: LedgerData
    steps: tuple[Step, ...]
    mark: Mark


def is_scenario_file(path: str | os.PathLike[str]) -> bool:
    """Whether ``path`` names a scenario file (``*.scenario.yaml``)."""
    return os.fspath(path).endswith(".scenario.yaml")
