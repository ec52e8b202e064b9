"""What running a scenario gives: its result, and each expectation that did not hold with
the trace of why (``rulesengine test`` and the pytest plugin report these)."""

from __future__ import annotations

import datetime as dt
from typing import TYPE_CHECKING, Any

import attrs

if TYPE_CHECKING:
    from rulesengine.scenarios.coverage import Exercised

__all__ = ["NOTE_PREFIX", "Failure", "ScenarioResult", "TracePart", "show_value"]

#: One part of the "why" of a failure: who it is about (a guarantor id, or a note's own
#: key) and its text. A report prints each part once per step, however many failures need it.
TracePart = tuple[str, str]
#: The key prefix of a trace part that is a note, not a guarantor's trace.
NOTE_PREFIX = "note:"


@attrs.frozen
class Failure:
    """One expectation that did not hold, at the line and column of that expectation."""

    step: str  # "step 2 (run: 2026-03-01) at line 14"
    field: str  # "statements[0].level"
    expected: Any
    actual: Any
    line: int | None = None
    column: int | None = None
    #: why: the rule trace (or notification history) of each guarantor concerned
    traces: tuple[TracePart, ...] = ()

    @property
    def trace(self) -> str | None:
        """The parts of :attr:`traces` as one text, ``None`` when there are none."""
        return "\n".join(text for _, text in self.traces) or None

    @property
    def guarantors(self) -> tuple[str, ...]:
        return tuple(who for who, _ in self.traces if not who.startswith(NOTE_PREFIX))

    def describe(self) -> str:
        return f"{self.field}: expected {show_value(self.expected)}, got {show_value(self.actual)}"


@attrs.frozen
class ScenarioResult:
    """One scenario's outcome: its failures, or the error that stopped it."""

    path: str
    title: str
    failures: tuple[Failure, ...] = ()
    error: str | None = None  # the scenario could not be loaded or crashed
    seconds: float = 0.0
    exercised: Exercised | None = None
    rules_path: str | None = None

    @property
    def passed(self) -> bool:
        return not self.failures and self.error is None


def show_value(value: Any) -> str:
    """How an expected or actual value reads in a failure (dates as ISO, ``None`` as nothing)."""
    if isinstance(value, list | tuple):
        return "[" + ", ".join(show_value(v) for v in value) + "]"
    if isinstance(value, dict):
        return "{" + ", ".join(f"{k}: {show_value(v)}" for k, v in value.items()) + "}"
    if isinstance(value, dt.date | dt.datetime):
        return value.isoformat()
    return str(value) if value is not None else "nothing"
