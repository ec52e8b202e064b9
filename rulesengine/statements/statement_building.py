"""Steps 5 to 7 of a statement run (``docs/rules.md``, "What a statement run does"): the
candidates grouped into statements, groups below the minimum skipped, and each statement's
level, message and channels, recording why in every encounter's trace."""

from __future__ import annotations

import datetime as dt
from collections.abc import Mapping, Sequence
from operator import attrgetter
from typing import TYPE_CHECKING, Any

from rulesengine.drafting.notification_drafts import fallback_channels
from rulesengine.model import Skip, Statement, StatementLine, TraceStep, format_money

if TYPE_CHECKING:
    from rulesengine.drafting.notification_drafts import ChannelAddressing
    from rulesengine.rules.policy import Level, Rules
    from rulesengine.statements.decisions import Decisions
    from rulesengine.statements.encounter_facts import EncounterWork
    from rulesengine.statements.phases import PhaseClock
    from rulesengine.store.base import RunInput

__all__ = ["Group", "build_statements", "group_candidates"]

#: A statement's group key (guarantor, patient or None, then each ``grouping.also_by``
#: value), the encounters on it and its total.
Group = tuple[tuple[Any, ...], list["EncounterWork"], int]

_ENCOUNTER_ID = attrgetter("enc.id")
_BALANCE = attrgetter("enc.balance_cents")
_TENTATIVE = attrgetter("tentative")
_ALONE = TraceStep("grouping", "not_billed", "maxed and alone: never billed on its own")
_RIDER_BELOW = TraceStep("minimum", "not_billed", "its statement was below the minimum")


def group_candidates(
    candidates: Sequence[EncounterWork], rules: Rules, skips: list[Skip]
) -> list[Group]:
    """5. Grouping and 6. Minimum: the groups that become statements, in order. A group
    below the minimum is skipped: its encounters are added to ``skips``."""
    per_patient = rules.grouping.one_statement_per == "patient"
    also_by = rules.grouping.also_by
    groups: dict[tuple[Any, ...], list[EncounterWork]] = {}
    for w in candidates:
        enc = w.enc
        if also_by:
            key: tuple[Any, ...] = (
                enc.guarantor_id,
                enc.patient_id if per_patient else None,
                *[getattr(enc, field) or None for field in also_by],
            )
        else:
            key = (enc.guarantor_id, enc.patient_id if per_patient else None)
        members = groups.get(key)
        if members is None:
            groups[key] = [w]
        else:
            members.append(w)

    include_maxed = rules.grouping.include_maxed_encounters
    minimum = rules.eligibility.min_statement_balance_cents
    produced: list[Group] = []
    for key in _sorted_keys(groups):
        members = groups[key]
        maxed = [w.maxed for w in members]
        if all(maxed):
            for w in members:
                w.trace += (_ALONE,)
            continue
        lines = members if include_maxed or not any(maxed) else [w for w in members if not w.maxed]
        # 6. Minimum
        total = sum(map(_BALANCE, lines))
        if total < minimum:
            for w in lines:
                if w.maxed:
                    w.trace += (_RIDER_BELOW,)
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
        produced.append((key, lines, total))
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
    opted_out = run_input.opted_out
    also_by = rules.grouping.also_by
    levels = [max(map(_TENTATIVE, lines)) for _, lines, _ in produced]
    entries = _level_entries(rules, decisions, levels, clock)
    due_date = run_date + dt.timedelta(days=rules.profile.due_days)
    none: frozenset[str] = frozenset()
    statements: list[Statement] = []
    for n, ((key, lines, total), level) in enumerate(zip(produced, levels, strict=True), start=1):
        entry, level_rule, about = entries[level]
        statement_id = f"{batch_id}-{n:06d}"
        guarantor_id = key[0]
        channels = entry.channels
        fallback_step = None
        if entry.fallback:
            used, why = fallback_channels(
                entry,
                guarantors[guarantor_id],
                addressing=addressing,
                opted_out=opted_out.get(guarantor_id, none),
            )
            channels += used
            if why is not None:
                fallback_step = TraceStep(
                    "statement",
                    "fallback",
                    f"statement {statement_id}: {why}",
                    rule=f"{level_rule}.fallback",
                )
        statement_lines = []
        # The steps the statement adds to its lines' traces, by (rider, line level); a
        # statement's lines mostly share theirs, so the last used is kept at hand.
        added: dict[tuple[bool, int], tuple[TraceStep, ...]] = {}
        last_rider: bool | None = None
        last_level = 0
        steps: tuple[TraceStep, ...] = ()
        for w in sorted(lines, key=_ENCOUNTER_ID) if len(lines) > 1 else lines:
            enc = w.enc
            rider = w.maxed
            line_level = w.tentative
            statement_lines.append(
                StatementLine(
                    enc.id, enc.patient_id, enc.service_date, enc.balance_cents, line_level, rider
                )
            )
            w.billed = True
            if rider != last_rider or line_level != last_level:
                last_rider, last_level = rider, line_level
                found = added.get((rider, line_level))
                if found is None:
                    if rider:
                        detail = f"rides along on statement {statement_id} at level {line_level}"
                    else:
                        detail = f"billed on statement {statement_id} at level {line_level}"
                    step = TraceStep(
                        "statement", "rider" if rider else "billed", detail + about, rule=level_rule
                    )
                    found = added[rider, line_level] = (
                        (step,) if fallback_step is None else (step, fallback_step)
                    )
                steps = found
            w.trace += steps
        statements.append(
            Statement(
                statement_id,
                guarantor_id,
                key[1],
                tuple(zip(also_by, key[2:], strict=True)) if also_by else (),
                level,
                entry.message,
                channels,
                total,
                due_date,
                tuple(statement_lines),
            )
        )
    return statements


def _level_entries(
    rules: Rules, decisions: Decisions, levels: Sequence[int], clock: PhaseClock
) -> dict[int, tuple[Level, str, str]]:
    """Per statement level: its ``dunning.levels`` entry, as decided by durable-rules (once
    per distinct level), the entry's rule name and the end of its lines' trace sentence."""
    distinct = sorted(set(levels))
    with clock("decide"):
        verdicts = decisions.statement.decide([{"x.level": level} for level in distinct])
    entries = {}
    for level, verdict in zip(distinct, verdicts, strict=True):
        if verdict is None:  # every level >= 1 matches some entry
            raise RuntimeError(f"no dunning level entry for statement level {level}")
        entry = rules.dunning.levels[int(verdict.split(":")[1]) - 1]
        about = (
            f"; the statement's level is {level} (its highest line):"
            f" message {entry.message!r}, channels {', '.join(entry.channels)}"
        )
        entries[level] = (entry, f"dunning.levels[{entry.number - 1}]", about)
    return entries
