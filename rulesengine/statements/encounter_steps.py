"""Steps 1 to 4 of a statement run (``docs/rules.md``, "What a statement run does"),
encounter by encounter: payments, closing and reopening, eligibility and advance.

Each step asks durable-rules for its verdicts (:mod:`rulesengine.statements.decisions`),
applies them to the encounters' :class:`~rulesengine.statements.encounter_facts.EncounterWork`
and records why in their traces. Trace steps are immutable: encounters with the same
reasoning share one.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable, Mapping, Sequence
from itertools import compress
from typing import TYPE_CHECKING

from rulesengine.model import Skip, TraceStep, format_money
from rulesengine.plurals import counted

if TYPE_CHECKING:
    from rulesengine.rules.policy import Rules
    from rulesengine.statements.compile import FieldReader
    from rulesengine.statements.decisions import Decisions
    from rulesengine.statements.encounter_facts import EncounterWork
    from rulesengine.statements.phases import PhaseClock
    from rulesengine.store.base import RunInput

__all__ = [
    "advance_levels",
    "check_eligibility",
    "close_and_reopen",
    "review_payments",
    "shown_percent",
]

_ELIGIBLE = TraceStep("eligibility", "eligible", "eligible for a statement")
_CLOSED = TraceStep("closing", "closed", "nothing owed: the encounter is closed")
_PAID_OFF = TraceStep(
    "closing", "closed", "paid off: leaves the worklist (pre_collections.clear_on_zero_balance)"
)


def shown_percent(percent: float) -> str:
    """A payment's percent of the balance as a trace shows it: one decimal (``25.0``),
    and as many more as it takes for a percent above 0 not to read ``0.0``, nor one below
    100 to read ``100.0`` (a rule matched ``payment.percent >= 0.00001``: ``0.00001``)."""
    for decimals in range(1, 16):
        shown = f"{percent:.{decimals}f}"
        if float(shown) not in (0.0, 100.0) or percent in (0.0, 100.0):
            return shown
    return repr(percent)


def _days(run_date: dt.date, day: dt.date | None) -> int | None:
    return None if day is None else (run_date - day).days


def review_payments(
    works: Sequence[EncounterWork],
    ids: Iterable[str],
    run_input: RunInput,
    run_date: dt.date,
    rules: Rules,
    decisions: Decisions,
    readers: Mapping[str, FieldReader[EncounterWork]],
    clock: PhaseClock,
) -> list[int]:
    """1. Payments: apply the first matching payment rule to each open or worklist
    encounter with unreviewed payments; the ids of the payments this run reviews.
    ``ids``: the encounter ids of ``works``, in order."""
    reviewed: list[int] = []
    paying: list[EncounterWork] = []
    unreviewed = run_input.unreviewed_payments
    # Only the encounters with payments, in the run's order (a few in a large ledger).
    for w in compress(works, map(unreviewed.__contains__, ids)):
        payments = unreviewed[w.enc.id]
        if not payments:
            continue
        if len(payments) == 1:  # the usual case
            (payment,) = payments
            if payment.id is not None:
                reviewed.append(payment.id)
            if w.status not in ("open", "pre_collections"):
                continue
            amount = largest = payment.amount_cents
            latest = payment.date
        else:
            reviewed.extend(p.id for p in payments if p.id is not None)
            if w.status not in ("open", "pre_collections"):
                continue
            amount = sum(p.amount_cents for p in payments)
            largest = max(p.amount_cents for p in payments)
            latest = max(p.date for p in payments)
        balance = w.enc.balance_cents
        percent = 100.0 if balance <= 0 else 100.0 * amount / (balance + amount)
        days_ago = (run_date - latest).days
        w.payment = (amount, percent, days_ago, largest)
        paying.append(w)
    if paying:
        stage = decisions.payments
        with clock("decide"):
            verdicts = stage.decide_items(paying, readers)
        for w, verdict in zip(paying, verdicts, strict=True):
            _apply_payment_rule(rules, w, verdict)
    return reviewed


def close_and_reopen(works: Sequence[EncounterWork], rules: Rules) -> None:
    """2. Closing: nothing owed closes an encounter; owing again reopens a closed one."""
    pre = rules.pre_collections
    for w in works:
        balance = w.enc.balance_cents
        if w.status == "open" and balance <= 0:
            w.status = "closed"
            w.trace += (_CLOSED,)
        elif w.status == "pre_collections" and balance <= 0 and pre.clear_on_zero_balance:
            w.status = "closed"
            w.trace += (_PAID_OFF,)
        elif w.status == "closed" and balance > 0:
            w.status = "open"
            w.trace += (
                TraceStep(
                    "closing",
                    "reopened",
                    f"owes {format_money(balance)} again: reopened at level {w.level}",
                ),
            )


def check_eligibility(
    works: Sequence[EncounterWork],
    run_date: dt.date,
    rules: Rules,
    decisions: Decisions,
    readers: Mapping[str, FieldReader[EncounterWork]],
    clock: PhaseClock,
) -> tuple[list[Skip], list[EncounterWork]]:
    """3. Eligibility: the skipped encounters, each with its reason, and the candidates."""
    checked = [
        w for w in works if w.status in ("open", "pre_collections") and w.enc.balance_cents > 0
    ]
    skips: list[Skip] = []
    candidates: list[EncounterWork] = []
    skip_steps: dict[tuple[str, int | None], tuple[str, TraceStep]] = {}
    stage = decisions.eligibility
    with clock("decide"):
        verdicts = stage.decide_items(checked, readers)
    for w, verdict in zip(checked, verdicts, strict=True):
        if verdict is None:
            candidates.append(w)
            w.trace += (_ELIGIBLE,)
            continue
        days = _days(run_date, w.enc.last_statement) if verdict == "billed_recently" else None
        found = skip_steps.get((verdict, days))
        if found is None:
            reason, detail, rule = _skip_reason(rules, verdict, days)
            found = skip_steps[verdict, days] = (
                reason,
                TraceStep("eligibility", "skipped", detail, rule=rule),
            )
        skips.append(Skip(w.enc.id, w.enc.guarantor_id, found[0]))
        w.trace += (found[1],)
    return skips, candidates


def advance_levels(
    candidates: Sequence[EncounterWork],
    rules: Rules,
    decisions: Decisions,
    readers: Mapping[str, FieldReader[EncounterWork]],
    clock: PhaseClock,
) -> list[str]:
    """4. Advance: each candidate's tentative level, or the worklist; the ids of the
    encounters this run sends to the pre-collections worklist."""
    to_worklist: list[str] = []
    stage = decisions.advance
    with clock("decide"):
        verdicts = stage.decide_items(candidates, readers)
    # What a verdict does depends only on it, the level and the status: worked out once.
    effects: dict[tuple[str | None, int, str], _Advance] = {}
    steps: dict[tuple[str | None, int], TraceStep] = {}
    for w, verdict in zip(candidates, verdicts, strict=True):
        key = (verdict, w.level, w.status)
        effect = effects.get(key)
        if effect is None:
            effect = effects[key] = _advance(rules, verdict, w.level, w.status, steps)
        maxed, w.tentative, w.status, listed, step = effect
        if maxed:
            w.maxed = True
            if listed:
                to_worklist.append(w.enc.id)
        w.trace += (step,)
    return to_worklist


def _apply_payment_rule(rules: Rules, w: EncounterWork, verdict: str | None) -> None:
    assert w.payment is not None
    amount, percent, days_ago, largest = w.payment
    of_which = "" if largest == amount else f", the largest {format_money(largest)}"
    seen = (
        f"payments of {format_money(amount)} ({shown_percent(percent)}% of the balance,"
        f" latest {counted(days_ago, 'day')} ago{of_which})"
    )
    if verdict is None:
        w.trace += (
            TraceStep(
                "payments", "no_rule", f"{seen}: no payment rule matched; the level stays {w.level}"
            ),
        )
        return
    index = int(verdict.split(":")[1])
    rule = rules.payment_rules[index]
    where = f"payments.rules[{index}] {rule.name!r} ({rule.source})"
    action = rule.then
    if w.status == "pre_collections":
        if action == "reset_to_zero" and rules.pre_collections.return_on_reset:
            w.level, w.status = 0, "open"
            detail = f"{seen}: {where} matched: reset to level 0 and back from the worklist"
        else:
            why = (
                "only reset_to_zero brings an encounter back from the worklist"
                if action != "reset_to_zero"
                else "pre_collections.return_on_reset is false"
            )
            detail = f"{seen}: {where} matched, but it stays in the worklist ({why})"
            action = "none"
    elif action == "reset_to_zero":
        detail = f"{seen}: {where} matched: level {w.level} -> 0"
        w.level = 0
    elif action == "minus_one":
        new = max(0, w.level - 1)
        detail = f"{seen}: {where} matched: level {w.level} -> {new}"
        w.level = new
    else:  # hold
        w.hold_payment = True
        detail = f"{seen}: {where} matched: the level does not rise this run"
    w.trace += (TraceStep("payments", action, detail, rule=rule.name),)


def _skip_reason(rules: Rules, verdict: str, days: int | None) -> tuple[str, str, str | None]:
    """The skip reason, the sentence for staff, and the rule that decided (``days``: since
    the last statement, for ``billed_recently``)."""
    if verdict == "encounter_hold":
        return verdict, "skipped: the encounter is on hold", None
    if verdict == "guarantor_hold":
        return verdict, "skipped: the guarantor is on hold", None
    if verdict == "billed_recently":
        return (
            verdict,
            f"skipped: billed {counted(days or 0, 'day')} ago, fewer than eligibility.cycle_days"
            f" ({rules.eligibility.cycle_days})",
            "eligibility.cycle_days",
        )
    index = int(verdict.split(":")[1])
    rule = rules.eligibility.exclude[index]
    return (
        rule.name,
        f"skipped by eligibility.exclude[{index}] {rule.name!r} ({rule.source})",
        rule.name,
    )


#: What an advance verdict does to an encounter: maxed, its tentative level, its status,
#: whether it goes to the worklist now, and the trace step.
_Advance = tuple[bool, int, str, bool, TraceStep]


def _advance(
    rules: Rules,
    verdict: str | None,
    level: int,
    status: str,
    shared: dict[tuple[str | None, int], TraceStep],
) -> _Advance:
    """What the advance ``verdict`` does to an encounter at ``level`` with ``status``;
    ``shared``: the run's advance steps by (verdict, level), ``to_worklist`` or ``maxed``
    once applied."""
    maxed = listed = False
    if verdict in ("maxed_worklist", "maxed_limit"):
        maxed = True
        tentative = level
        if status != "pre_collections":
            status = "pre_collections"
            listed = True
            verdict = "to_worklist"
        else:
            verdict = "maxed"
    elif verdict is not None and verdict.startswith("gate:"):
        tentative = level
    elif verdict == "hold":
        tentative = max(level, 1)
    else:
        tentative = level + 1
    step = shared.get((verdict, level))
    if step is None:
        step = shared[verdict, level] = _advance_step(rules, verdict, level, tentative)
    return maxed, tentative, status, listed, step


def _advance_step(rules: Rules, verdict: str | None, level: int, tentative: int) -> TraceStep:
    """The trace step of an advance verdict (``to_worklist`` or ``maxed`` once applied)."""
    n = rules.level_count
    if verdict == "to_worklist":
        detail = (
            f"level {level} reached the dunning limit ({counted(n, 'level')}):"
            " sent to the pre-collections worklist"
        )
        return TraceStep("advance", "to_worklist", detail, rule="dunning.no_limit")
    if verdict == "maxed":
        detail = f"in the pre-collections worklist: keeps level {level}, never billed alone"
        return TraceStep("advance", "maxed", detail, rule="dunning.no_limit")
    if verdict is not None and verdict.startswith("gate:"):
        k = int(verdict.split(":")[1])
        return TraceStep(
            "advance",
            "gated",
            f"does not rise to level {k} before"
            f" {counted(rules.dunning.levels[k - 1].after_days or 0, 'day')}"
            f" since its first statement: billed again at level {level}",
            rule=f"dunning.levels[{k - 1}].after_days",
        )
    if verdict == "hold":
        return TraceStep("advance", "hold", f"held by a payment rule: billed at level {tentative}")
    return TraceStep("advance", "rise", f"level {level} -> {tentative}")
