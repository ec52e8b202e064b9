"""Steps 5 to 7 of a statement run (``docs/rules.md``, "What a statement run does"): the
candidates grouped into statements, groups below the minimum skipped, and each statement's
level, message and channels, recording why in every encounter's trace."""

from __future__ import annotations

import datetime as dt
from collections import defaultdict
from collections.abc import Mapping, Sequence
from typing import TYPE_CHECKING, Any

from rulesengine.drafting.notification_drafts import fallback_channels
from rulesengine.model import Skip, Statement, StatementLine, TraceStep, format_money

if TYPE_CHECKING:
    from rulesengine.drafting.notification_drafts import ChannelAddressing
    from rulesengine.rules.policy import Rules
    from rulesengine.statements.decisions import Decisions
    from rulesengine.statements.encounter_facts import EncounterWork
    from rulesengine.statements.phases import PhaseClock
    from rulesengine.store.base import RunInput

__all__ = ["Group", "build_statements", "group_candidates"]

#: A statement's group key (guarantor, patient or None, then each ``grouping.also_by``
#: value) and the encounters on it.
Group = tuple[tuple[Any, ...], list["EncounterWork"]]


def group_candidates(
    candidates: Sequence[EncounterWork], rules: Rules, skips: list[Skip]
) -> list[Group]:
    """5. Grouping and 6. Minimum: the groups that become statements, in order. A group
    below the minimum is skipped: its encounters are added to ``skips``."""
    per_patient = rules.grouping.one_statement_per == "patient"
    also_by = rules.grouping.also_by
    groups: dict[tuple[Any, ...], list[EncounterWork]] = defaultdict(list)
    for w in candidates:
        enc = w.enc
        key = (
            enc.guarantor_id,
            enc.patient_id if per_patient else None,
            *(getattr(enc, field) or None for field in also_by),
        )
        groups[key].append(w)

    produced: list[Group] = []
    for key in _sorted_keys(groups):
        members = groups[key]
        if not any(not w.maxed for w in members):
            for w in members:
                w.trace += (
                    TraceStep("grouping", "not_billed", "maxed and alone: never billed on its own"),
                )
            continue
        lines = [w for w in members if not w.maxed or rules.grouping.include_maxed_encounters]
        # 6. Minimum
        total = sum(w.enc.balance_cents for w in lines)
        minimum = rules.eligibility.min_statement_balance_cents
        if total < minimum:
            for w in lines:
                if w.maxed:
                    w.trace += (
                        TraceStep("minimum", "not_billed", "its statement was below the minimum"),
                    )
                    continue
                w.tentative = w.level
                skips.append(Skip(w.enc.id, w.enc.guarantor_id, "below_minimum"))
                w.trace += (
                    TraceStep(
                        "minimum",
                        "skipped",
                        f"statement total {format_money(total)} is below the minimum"
                        f" {format_money(minimum)}: skipped, stays at level {w.level}",
                        rule="eligibility.min_statement_balance",
                    ),
                )
            continue
        produced.append((key, lines))
    return produced


def _sorted_keys(groups: Mapping[tuple[Any, ...], Any]) -> list[tuple[Any, ...]]:
    """Group keys in order, a missing value (None) first, as if it were an empty string."""
    try:
        # Most keys hold only text, or None in the same places (no patient grouping): then
        # they sort as they are, which is the same order and much faster.
        return sorted(groups)
    except TypeError:  # None beside text in one place
        return sorted(groups, key=lambda k: tuple("" if v is None else str(v) for v in k))


def build_statements(
    produced: Sequence[Group],
    rules: Rules,
    decisions: Decisions,
    run_input: RunInput,
    run_date: dt.date,
    batch_id: str,
    *,
    addressing: ChannelAddressing | None,
    clock: PhaseClock,
) -> list[Statement]:
    """7. Level, message, channels: one statement per group, its lines billed."""
    guarantors = run_input.guarantors
    also_by = rules.grouping.also_by
    stage = decisions.statement
    levels = [max(w.line_level for w in lines) for _, lines in produced]
    with clock("decide"):
        verdicts = stage.decide([{"x.level": level} for level in levels])
    due_date = run_date + dt.timedelta(days=rules.profile.due_days)
    level_rules = [f"dunning.levels[{i}]" for i in range(len(rules.dunning.levels))]
    statements: list[Statement] = []
    for n, ((key, lines), level, verdict) in enumerate(
        zip(produced, levels, verdicts, strict=True), start=1
    ):
        if verdict is None:  # every level >= 1 matches some entry
            raise RuntimeError(f"no dunning level entry for statement level {level}")
        entry = rules.dunning.levels[int(verdict.split(":")[1]) - 1]
        statement_id = f"{batch_id}-{n:06d}"
        channels = entry.channels
        fallback_step = None
        if entry.fallback:
            used, why = fallback_channels(
                entry,
                guarantors[key[0]],
                addressing=addressing,
                opted_out=run_input.opted_out.get(key[0], frozenset()),
            )
            channels += used
            if why is not None:
                fallback_step = TraceStep(
                    "statement",
                    "fallback",
                    f"statement {statement_id}: {why}",
                    rule=f"{level_rules[entry.number - 1]}.fallback",
                )
        statement = Statement(
            id=statement_id,
            guarantor_id=key[0],
            patient_id=key[1],
            group=tuple(zip(also_by, key[2:], strict=True)),
            level=level,
            message_id=entry.message,
            channels=channels,
            total_cents=sum(w.enc.balance_cents for w in lines),
            due_date=due_date,
            lines=tuple(
                StatementLine(
                    encounter_id=w.enc.id,
                    patient_id=w.enc.patient_id,
                    service_date=w.enc.service_date,
                    balance_cents=w.enc.balance_cents,
                    level=w.line_level,
                    rider=w.maxed,
                )
                for w in sorted(lines, key=lambda w: w.enc.id)
            ),
        )
        statements.append(statement)
        shared: dict[tuple[bool, int], TraceStep] = {}
        for w in lines:
            w.billed = True
            line_level = w.line_level
            step = shared.get((w.maxed, line_level))
            if step is None:
                if w.maxed:
                    detail = f"rides along on statement {statement_id} at level {line_level}"
                else:
                    detail = f"billed on statement {statement_id} at level {line_level}"
                step = shared[w.maxed, line_level] = TraceStep(
                    "statement",
                    "rider" if w.maxed else "billed",
                    f"{detail}; the statement's level is {level} (its highest line):"
                    f" message {entry.message!r}, channels {', '.join(entry.channels)}",
                    rule=level_rules[entry.number - 1],
                )
            w.trace += (step,) if fallback_step is None else (step, fallback_step)
    return statements
