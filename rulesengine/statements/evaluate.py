"""One statement run over a ledger snapshot: steps 1 to 7 of ``docs/rules.md`` ("What a
statement run does"), plus what steps 8 and 9 would commit and upload.

:func:`evaluate` is pure: it reads a :class:`~rulesengine.store.base.RunInput` and returns a
:class:`~rulesengine.model.BatchResult`. Whether the result is committed (a live run) or only
reported (a test run) is :mod:`rulesengine.statements.statement_run`'s business. Every decision
that the rules file expresses is made by durable-rules through
:mod:`rulesengine.statements.decisions`; the facts it decides on come from
:mod:`rulesengine.statements.encounter_facts`, steps 1 to 4 are
:mod:`rulesengine.statements.encounter_steps` and steps 5 to 7
:mod:`rulesengine.statements.statement_building`.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence
from operator import attrgetter
from typing import TYPE_CHECKING

from rulesengine.drafting.notification_drafts import draft_notifications
from rulesengine.errors import InvalidRequest
from rulesengine.keyed_values import KeyedValues, SharedKeys
from rulesengine.model import BatchResult, EncounterChange
from rulesengine.statements.decisions import decisions_for
from rulesengine.statements.encounter_facts import EncounterWork, field_readers, guarantor_facts
from rulesengine.statements.encounter_steps import (
    advance_levels,
    check_eligibility,
    close_and_reopen,
    review_payments,
)
from rulesengine.statements.phases import PhaseClock
from rulesengine.statements.statement_building import build_statements, group_candidates

if TYPE_CHECKING:
    from rulesengine.drafting.notification_drafts import ChannelAddressing
    from rulesengine.rules.policy import Rules
    from rulesengine.statements.decisions import Decisions
    from rulesengine.store.base import RunInput

__all__ = ["batch_id_for", "evaluate"]


def batch_id_for(profile_id: str, run_date: dt.date, mode: str) -> str:
    """Batch ids are readable and unique: one live batch per profile and date."""
    base = f"{profile_id}-{run_date.isoformat()}"
    return base if mode == "live" else f"test-{base}"


_ID = attrgetter("id")
_GUARANTOR_ID = attrgetter("guarantor_id")
_TRACE = attrgetter("trace")
_SKIPPED = attrgetter("encounter_id")


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
    guarantors = run_input.guarantors
    encounters = run_input.encounters
    ids = list(map(_ID, encounters))
    guarantor_ids = list(map(_GUARANTOR_ID, encounters))
    works = list(map(EncounterWork, encounters, map(guarantors.__getitem__, guarantor_ids)))
    gbal, glast = guarantor_facts(encounters)
    readers = field_readers(run_date, gbal, glast)

    reviewed = review_payments(works, ids, run_input, run_date, rules, decisions, readers, clock)
    close_and_reopen(works, rules)
    skips, candidates = check_eligibility(works, run_date, rules, decisions, readers, clock)
    to_worklist = advance_levels(candidates, rules, decisions, readers, clock)
    produced = group_candidates(candidates, rules, skips)
    statements = build_statements(
        produced,
        rules,
        decisions,
        run_input,
        run_date,
        batch_id,
        addressing=addressing,
        clock=clock,
    )
    del produced, candidates  # the groups' lists, freed before the drafts are built
    changes = _encounter_changes(works, run_date)
    keys = SharedKeys(ids)
    traces = KeyedValues(keys, list(map(_TRACE, works)))
    guarantor_of = KeyedValues(keys, guarantor_ids)
    # A million EncounterWork objects in a large run: freed before the drafts are built, so
    # that the run's memory peaks with one of the two, not both.
    del works

    # 9. What an upload queues
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
        skips=sorted(skips, key=_SKIPPED),
        changes=changes,
        reviewed_payment_ids=reviewed,
        notifications=notifications,
        traces=traces,
        guarantor_of=guarantor_of,
        recipients={s.guarantor_id: guarantors[s.guarantor_id] for s in statements},
    )


def _encounter_changes(works: Sequence[EncounterWork], run_date: dt.date) -> list[EncounterChange]:
    """8. What a live run commits: each encounter whose level, status or statement dates
    the run changed (a billed one always: its statement count rises)."""
    changes: list[EncounterChange] = []
    add = changes.append
    for w in works:
        enc = w.enc
        if w.billed:
            first = enc.first_statement or run_date
            sent = enc.statements_sent + 1
            add(EncounterChange(enc.id, w.tentative, w.status, first, run_date, sent, before=enc))
        elif w.level != enc.level or w.status != enc.status:
            add(
                EncounterChange(
                    enc.id,
                    w.level,
                    w.status,
                    enc.first_statement,
                    enc.last_statement,
                    enc.statements_sent,
                    before=enc,
                )
            )
    return changes
