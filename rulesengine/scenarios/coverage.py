"""Rule coverage: which parts of a rules file a scenario suite exercised, and which never.

A part is a payment rule, an exclude rule, a dunning level, a message or a channel. It is
exercised when a run of some scenario used it: a payment rule that matched, an exclude rule
that skipped an encounter, a level some statement was billed with, a message some statement
carried, a channel some notification was queued for.
"""

from __future__ import annotations

import os
from collections.abc import Iterable, Mapping, Sequence
from typing import Any

import attrs

from rulesengine.model import BatchResult
from rulesengine.rules.policy import Rules

__all__ = ["CoverageReport", "Exercised", "coverage_report", "exercised_by", "rule_parts"]

#: (kind, name) where kind is payment_rule | exclude | level | message | channel
_Part = tuple[str, str]


@attrs.frozen
class Exercised:
    parts: frozenset[_Part]
    all_parts: tuple[_Part, ...]


def rule_parts(rules: Rules) -> tuple[_Part, ...]:
    """Every part of a rules file that a suite could exercise, in file order."""
    parts: list[_Part] = [("payment_rule", r.name) for r in rules.payment_rules]
    parts += [("exclude", r.name) for r in rules.eligibility.exclude]
    parts += [("level", str(level.number)) for level in rules.dunning.levels]
    parts += [
        ("message", m) for m in dict.fromkeys(level.message for level in rules.dunning.levels)
    ]
    channels = dict.fromkeys(
        c for level in rules.dunning.levels for c in (*level.channels, *level.fallback)
    )
    parts += [("channel", c) for c in channels]
    return tuple(parts)


def exercised_by(
    rules: Rules, batches: Iterable[BatchResult], delivered: Sequence[Mapping[str, Any]] = ()
) -> Exercised:
    """The parts of ``rules`` that ``batches`` (and delivered notifications) used."""
    used: set[_Part] = set()
    excludes = {r.name for r in rules.eligibility.exclude}
    n = rules.level_count
    for batch in batches:
        for steps in batch.traces.values():
            for step in steps:
                if step.step == "payments" and step.rule:
                    used.add(("payment_rule", step.rule))
                elif step.step == "eligibility" and step.rule in excludes:
                    used.add(("exclude", step.rule))
        for statement in batch.statements:
            used.add(("level", str(min(statement.level, n))))
            used.add(("message", statement.message_id))
        for note in batch.notifications:
            used.add(("channel", note.channel))
    for delivered_note in delivered:
        used.add(("channel", str(delivered_note["channel"])))
    return Exercised(frozenset(used), rule_parts(rules))


@attrs.frozen
class CoverageReport:
    rules_path: str
    parts: tuple[_Part, ...]
    exercised: frozenset[_Part]

    @property
    def missed(self) -> tuple[_Part, ...]:
        return tuple(p for p in self.parts if p not in self.exercised)

    @property
    def percent(self) -> float:
        return (
            100.0 * (len(self.parts) - len(self.missed)) / len(self.parts) if self.parts else 100.0
        )


def coverage_report(results: Iterable[Any]) -> list[CoverageReport]:
    """One report per rules file, over every scenario result that used it.

    A rules file is the same file however scenarios name it (``../rules/standard.yaml``, an
    absolute path, a symbolic link): results are added up by its real path, shown relative
    to the current folder when it lies inside it.
    """
    by_path: dict[str, tuple[list[_Part], set[_Part]]] = {}
    for result in results:
        if result.exercised is None or result.rules_path is None:
            continue
        parts, used = by_path.setdefault(_shown_path(result.rules_path), ([], set()))
        for part in result.exercised.all_parts:
            if part not in parts:
                parts.append(part)
        used |= result.exercised.parts
    return [
        CoverageReport(path, tuple(parts), frozenset(used & set(parts)))
        for path, (parts, used) in sorted(by_path.items())
    ]


def _shown_path(path: str) -> str:
    """``path``'s real path, relative to the current folder when it lies inside it."""
    real = os.path.realpath(path)
    here = os.path.realpath(os.getcwd())
    if os.path.commonpath([real, here]) == here:
        return os.path.relpath(real, here)
    return real
