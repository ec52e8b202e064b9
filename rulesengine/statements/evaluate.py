"""One statement run over a ledger snapshot: steps 1 to 7 of ``docs/rules.md`` ("What a
statement run does"), plus what
steps 8 and 9 would commit and upload.

:func:`evaluate` is pure: it reads a :class:`~rulesengine.store.base.RunInput` and returns a
:class:`~rulesengine.model.BatchResult`. Whether the result is committed (a live run) or only
reported (a test run) is :mod:`rulesengine.statements.statement_run`'s business. Every decision
that the rules file expresses is made by durable-rules through
:mod:`rulesengine.statements.decisions`; this module computes the facts, applies the verdicts,
groups, totals and records why.
"""

from __future__ import annotations

import datetime as dt
from collections import defaultdict
from collections.abc import Mapping
from operator import attrgetter
from typing import Any

from rulesengine.drafting.notification_drafts import (
    ChannelAddressing,
    draft_notifications,
    fallback_channels,
)
from rulesengine.errors import InvalidRequest
from rulesengine.model import (
    BatchResult,
    Encounter,
    EncounterChange,
    Guarantor,
    Skip,
    Statement,
    StatementLine,
    TraceStep,
    format_money,
)
from rulesengine.plurals import counted
from rulesengine.rules.policy import Rules
from rulesengine.statements.compile import FieldReader
from rulesengine.statements.decisions import Decisions, decisions_for
from rulesengine.statements.phases import PhaseClock
from rulesengine.store.base import RunInput

__all__ = ["FIELD_PATHS", "batch_id_for", "evaluate"]


def batch_id_for(profile_id: str, run_date: dt.date, mode: str) -> str:
    """Batch ids are readable and unique: one live batch per profile and date."""
    base = f"{profile_id}-{run_date.isoformat()}"
    return base if mode == "live" else f"test-{base}"


class _Work:
    """An encounter's state while the run decides about it."""

    __slots__ = (
        "enc",
        "guarantor",
        "level",
        "status",
        "payment",
        "hold_payment",
        "tentative",
        "maxed",
        "billed",
        "trace",
    )

    def __init__(self, enc: Encounter, guarantor: Guarantor) -> None:
        self.enc = enc
        self.guarantor = guarantor
        self.level = enc.level
        self.status = enc.status
        # amount, percent, days_ago, largest (payment.* fields)
        self.payment: tuple[int, float, int, int] | None = None
        self.hold_payment = False
        self.tentative = enc.level
        self.maxed = False
        self.billed = False
        self.trace: tuple[TraceStep, ...] = ()  # a tuple: a million lists cost memory

    @property
    def line_level(self) -> int:
        """Its level on a statement: a maxed encounter rides along at its own level."""
        return self.level if self.maxed else self.tentative


_ENCOUNTER_ID = attrgetter("enc.id")
_GUARANTOR_ID = attrgetter("enc.guarantor_id")
_TRACE = attrgetter("trace")
_ELIGIBLE = TraceStep("eligibility", "eligible", "eligible for a statement")
_CLOSED = TraceStep("closing", "closed", "nothing owed: the encounter is closed")
_PAID_OFF = TraceStep(
    "closing", "closed", "paid off: leaves the worklist (pre_collections.clear_on_zero_balance)"
)


def _days(run_date: dt.date, day: dt.date | None) -> int | None:
    return None if day is None else (run_date - day).days


def _readers(
    run_date: dt.date, gbal: Mapping[str, int], glast: Mapping[str, dt.date]
) -> dict[str, FieldReader[_Work]]:
    """How each field a condition may read is found for an encounter on the run date:
    ``(raw, value)`` as :meth:`~rulesengine.statements.compile.Stage.decide_items` takes them
    (``raw`` reads the encounter's state, ``value`` turns that into the field's value).
    ``gbal`` and ``glast``: per guarantor, the balance and the latest ``last_statement``
    of its encounters covered by the run (no entry: none has one, the field has no value).
    ``x.`` fields are internal: they carry the run's own state into durable-rules."""
    ordinal = run_date.toordinal()

    def days_since(day: dt.date | None) -> int | None:
        return None if day is None else ordinal - day.toordinal()

    def payment(index: int) -> FieldReader[_Work]:
        return attrgetter("payment"), lambda p: None if p is None else p[index]

    return {
        "encounter.balance": (attrgetter("enc.balance_cents"), None),
        "encounter.level": (attrgetter("enc.level"), None),
        "encounter.statements_sent": (attrgetter("enc.statements_sent"), None),
        "encounter.days_since_service": (attrgetter("enc.service_date"), days_since),
        "encounter.days_since_first_statement": (attrgetter("enc.first_statement"), days_since),
        "encounter.days_since_last_statement": (attrgetter("enc.last_statement"), days_since),
        "encounter.location": (attrgetter("enc.location"), _or_none),
        "encounter.provider": (attrgetter("enc.provider"), _or_none),
        "guarantor.balance": (attrgetter("enc.guarantor_id"), lambda gid: gbal.get(gid, 0)),
        "guarantor.has_email": (attrgetter("guarantor.email"), bool),
        "guarantor.has_mobile": (attrgetter("guarantor.mobile"), bool),
        "guarantor.paperless": (attrgetter("guarantor.paperless"), None),
        "guarantor.days_since_last_statement": (
            attrgetter("enc.guarantor_id"),
            lambda gid: days_since(glast.get(gid)),
        ),
        "payment.amount": payment(0),
        "payment.percent": payment(1),
        "payment.days_ago": payment(2),
        "payment.largest": payment(3),
        "x.encounter_hold": (attrgetter("enc.hold"), None),
        "x.guarantor_hold": (attrgetter("guarantor.hold"), None),
        "x.status": (attrgetter("status"), None),
        "x.level": (attrgetter("level"), None),
        "x.hold_payment": (attrgetter("hold_payment"), None),
    }


def _or_none(value: Any) -> Any:
    return value or None


#: Every field a condition may read (the keys of :func:`_readers`).
FIELD_PATHS = frozenset(_readers(dt.date(2000, 1, 1), {}, {}))


def evaluate(
    rules: Rules,
    run_input: RunInput,
    run_date: dt.date,
    *,
    mode: str,
    secret: bytes,
    addressing: ChannelAddressing | None = None,
    decisions: Decisions | None = None,
    timings: dict[str, float] | None = None,
) -> BatchResult:
    """Decide one statement run of ``rules`` on ``run_date`` (``mode``: live or test)."""
    if mode not in ("live", "test"):
        raise InvalidRequest(f"mode must be 'live' or 'test', not {mode!r}")
    decisions = decisions or decisions_for(rules)
    clock = PhaseClock(timings)
    batch_id = batch_id_for(rules.profile.id, run_date, mode)
    pre = rules.pre_collections
    guarantors = run_input.guarantors
    works = [_Work(enc, guarantors[enc.guarantor_id]) for enc in run_input.encounters]

    # guarantor.balance: positive balances of encounters open or in the worklist after step 2.
    # Closed ones with a positive balance reopen in step 2, so that is every positive balance.
    # guarantor.days_since_last_statement: from the latest last_statement of the guarantor's
    # covered encounters, whatever their status (the ledger as it was before this run).
    gbal: dict[str, int] = defaultdict(int)
    glast: dict[str, dt.date] = {}
    for enc in run_input.encounters:
        if enc.balance_cents > 0:
            gbal[enc.guarantor_id] += enc.balance_cents
        last = enc.last_statement
        if last is not None:
            known = glast.get(enc.guarantor_id)
            if known is None or last > known:
                glast[enc.guarantor_id] = last

    readers = _readers(run_date, gbal, glast)

    # 1. Payments -------------------------------------------------------------------------
    reviewed: list[int] = []
    paying: list[_Work] = []
    for w in works:
        payments = run_input.unreviewed_payments.get(w.enc.id, ())
        if not payments:
            continue
        reviewed.extend(p.id for p in payments if p.id is not None)
        if w.status not in ("open", "pre_collections"):
            continue
        amount = sum(p.amount_cents for p in payments)
        balance = w.enc.balance_cents
        percent = 100.0 if balance <= 0 else 100.0 * amount / (balance + amount)
        days_ago = (run_date - max(p.date for p in payments)).days
        largest = max(p.amount_cents for p in payments)
        w.payment = (amount, percent, days_ago, largest)
        paying.append(w)
    if paying:
        stage = decisions.payments
        with clock("decide"):
            verdicts = stage.decide_items(paying, readers)
        for w, verdict in zip(paying, verdicts, strict=True):
            _apply_payment_rule(rules, decisions, w, verdict)

    # 2. Closing and reopening --------------------------------------------------------------
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

    # 3. Eligibility --------------------------------------------------------------------------
    checked = [
        w for w in works if w.status in ("open", "pre_collections") and w.enc.balance_cents > 0
    ]
    skips: list[Skip] = []
    candidates: list[_Work] = []
    # Trace steps are immutable: encounters with the same reasoning share one.
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

    # 4. Advance ------------------------------------------------------------------------------
    to_worklist: list[str] = []
    advance_steps: dict[tuple[str | None, int], TraceStep] = {}
    stage = decisions.advance
    with clock("decide"):
        verdicts = stage.decide_items(candidates, readers)
    for w, verdict in zip(candidates, verdicts, strict=True):
        _apply_advance(rules, w, verdict, to_worklist, advance_steps)

    # 5. Grouping ----------------------------------------------------------------------------
    per_patient = rules.grouping.one_statement_per == "patient"
    also_by = rules.grouping.also_by
    groups: dict[tuple[Any, ...], list[_Work]] = defaultdict(list)
    for w in candidates:
        enc = w.enc
        key = (
            enc.guarantor_id,
            enc.patient_id if per_patient else None,
            *(getattr(enc, field) or None for field in also_by),
        )
        groups[key].append(w)

    produced: list[tuple[tuple[Any, ...], list[_Work]]] = []
    for key in _sorted_keys(groups):
        members = groups[key]
        if not any(not w.maxed for w in members):
            for w in members:
                w.trace += (
                    TraceStep("grouping", "not_billed", "maxed and alone: never billed on its own"),
                )
            continue
        lines = [w for w in members if not w.maxed or rules.grouping.include_maxed_encounters]
        # 6. Minimum ----------------------------------------------------------------------
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

    # 7. Level, message, channels ---------------------------------------------------------
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

    # 8. What a live run commits -------------------------------------------------------------
    changes: list[EncounterChange] = []
    for w in works:
        enc = w.enc
        if w.billed:
            level = w.line_level
            first, last, sent = enc.first_statement or run_date, run_date, enc.statements_sent + 1
            if (level, w.status, first, last, sent) == (
                enc.level,
                enc.status,
                enc.first_statement,
                enc.last_statement,
                enc.statements_sent,
            ):
                continue
            changes.append(EncounterChange(enc.id, level, w.status, first, last, sent))
        elif w.level != enc.level or w.status != enc.status:
            changes.append(
                EncounterChange(
                    enc.id,
                    w.level,
                    w.status,
                    enc.first_statement,
                    enc.last_statement,
                    enc.statements_sent,
                )
            )

    # 9. What an upload queues --------------------------------------------------------------
    with clock("upload"):
        notifications = draft_notifications(
            rules,
            statements,
            guarantors,
            run_date,
            secret=secret,
            addressing=addressing,
            opted_out=run_input.opted_out,
        )
    return BatchResult(
        id=batch_id,
        profile_id=rules.profile.id,
        run_date=run_date,
        mode=mode,
        rules_hash=rules.content_hash,
        rules_path=rules.path,
        statements=statements,
        pre_collections=to_worklist,
        skips=sorted(skips, key=lambda s: s.encounter_id),
        changes=changes,
        reviewed_payment_ids=reviewed,
        notifications=notifications,
        traces=dict(zip(map(_ENCOUNTER_ID, works), map(_TRACE, works), strict=True)),
        guarantor_of=dict(zip(map(_ENCOUNTER_ID, works), map(_GUARANTOR_ID, works), strict=True)),
    )


def _sorted_keys(groups: Mapping[tuple[Any, ...], Any]) -> list[tuple[Any, ...]]:
    """Group keys in order, a missing value (None) first, as if it were an empty string."""
    try:
        # Most keys hold only text, or None in the same places (no patient grouping): then
        # they sort as they are, which is the same order and much faster.
        return sorted(groups)
    except TypeError:  # None beside text in one place
        return sorted(groups, key=lambda k: tuple("" if v is None else str(v) for v in k))


def _apply_payment_rule(rules: Rules, decisions: Decisions, w: _Work, verdict: str | None) -> None:
    assert w.payment is not None
    amount, percent, days_ago, largest = w.payment
    of_which = "" if largest == amount else f", the largest {format_money(largest)}"
    seen = (
        f"payments of {format_money(amount)} ({percent:.1f}% of the balance,"
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


def _apply_advance(
    rules: Rules,
    w: _Work,
    verdict: str | None,
    to_worklist: list[str],
    shared: dict[tuple[str | None, int], TraceStep],
) -> None:
    """Apply the advance verdict; ``shared``: the run's advance steps by (verdict, level)."""
    if verdict in ("maxed_worklist", "maxed_limit"):
        w.maxed = True
        w.tentative = w.level
        if w.status != "pre_collections":
            w.status = "pre_collections"
            to_worklist.append(w.enc.id)
            verdict = "to_worklist"
        else:
            verdict = "maxed"
    elif verdict is not None and verdict.startswith("gate:"):
        w.tentative = w.level
    elif verdict == "hold":
        w.tentative = max(w.level, 1)
    else:
        w.tentative = w.level + 1
    step = shared.get((verdict, w.level))
    if step is None:
        step = shared[verdict, w.level] = _advance_step(rules, verdict, w.level, w.tentative)
    w.trace += (step,)


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
