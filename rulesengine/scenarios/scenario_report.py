"""How scenario results read: one line per scenario, then for a failure the step, the
field, expected against actual, and the trace of the rules that decided."""

from __future__ import annotations

import json
from collections.abc import Sequence
from typing import Any

from rulesengine.plurals import counted
from rulesengine.scenarios.coverage import CoverageReport
from rulesengine.scenarios.scenario_results import Failure, ScenarioResult, show_value

__all__ = ["format_coverage", "format_failure", "format_summary", "results_json"]


def format_failure(result: ScenarioResult, *, trace: bool = True) -> str:
    """The full report of a failed scenario (empty for a passed one).

    Each failure starts with the file:line:col of its own expectation and the step; after
    the failures of a step comes "why": the trace of each guarantor concerned, once.
    """
    if result.passed:
        return ""
    if result.error is not None:
        return result.error
    lines: list[str] = []
    for step, failures in _by_step(result.failures):
        for failure in failures:
            where = ":".join(str(n) for n in (failure.line, failure.column) if n is not None)
            lines.append(f"{result.path}:{where}: {step} failed")
            lines.append(f"  {failure.field}")
            lines.append(f"    expected: {show_value(failure.expected)}")
            lines.append(f"    actual:   {show_value(failure.actual)}")
        parts = dict(part for failure in failures for part in failure.traces)
        if trace and parts:
            lines.append("  why (the rules that decided):")
            lines.extend("    " + line for text in parts.values() for line in text.splitlines())
    return "\n".join(lines)


def _by_step(failures: Sequence[Failure]) -> list[tuple[str, list[Failure]]]:
    """The failures grouped by step, in order."""
    groups: dict[str, list[Failure]] = {}
    for failure in failures:
        groups.setdefault(failure.step, []).append(failure)
    return list(groups.items())


def format_summary(results: Sequence[ScenarioResult], seconds: float) -> str:
    passed = sum(1 for r in results if r.passed)
    failed = len(results) - passed
    return f"{passed} passed, {failed} failed in {seconds:.2f}s"


def format_coverage(reports: Sequence[CoverageReport]) -> str:
    lines = ["rule coverage:"]
    for report in reports:
        lines.append(
            f"  {report.rules_path}: {report.percent:.0f}% of"
            f" {counted(len(report.parts), 'rule')} exercised"
        )
        for kind, name in report.parts:
            mark = "x" if (kind, name) in report.exercised else " "
            lines.append(f"    [{mark}] {kind} {name}")
        if report.missed:
            lines.append("    never exercised: " + ", ".join(f"{k} {n}" for k, n in report.missed))
    return "\n".join(lines)


def results_json(
    results: Sequence[ScenarioResult], coverage: Sequence[CoverageReport] | None
) -> str:
    payload: dict[str, Any] = {
        "passed": sum(1 for r in results if r.passed),
        "failed": sum(1 for r in results if not r.passed),
        "scenarios": [
            {
                "path": r.path,
                "title": r.title,
                "passed": r.passed,
                "seconds": round(r.seconds, 4),
                "error": r.error,
                "failures": [
                    {
                        "step": f.step,
                        "line": f.line,
                        "column": f.column,
                        "field": f.field,
                        "expected": _jsonable(f.expected),
                        "actual": _jsonable(f.actual),
                        "guarantors": list(f.guarantors),
                        "trace": f.trace,
                    }
                    for f in r.failures
                ],
            }
            for r in results
        ],
    }
    if coverage is not None:
        payload["coverage"] = [
            {
                "rules": c.rules_path,
                "percent": round(c.percent, 1),
                "exercised": [f"{k} {n}" for k, n in c.parts if (k, n) in c.exercised],
                "missed": [f"{k} {n}" for k, n in c.missed],
            }
            for c in coverage
        ]
    return json.dumps(payload, indent=2)


def _jsonable(value: Any) -> Any:
    return json.loads(json.dumps(value, default=str))
