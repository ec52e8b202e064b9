"""What a live batch stores (schema versions 6 and 7): one row per changed encounter with its
before-state, one trace row per guarantor over the batch's distinct steps, each stored
once; and every one of them reads back as the run decided it, on every store."""

from __future__ import annotations

import datetime as dt
import json
from pathlib import Path
from typing import Any

import attrs
import pytest
from sqlalchemy import func, select, text

from benchmarks.ledger import generate
from rulesengine.model import EncounterChange, TraceStep
from rulesengine.rules import load_rules
from rulesengine.statements.deletion import delete_batch
from rulesengine.statements.statement_run import run_statements
from rulesengine.store.batch_io import read_batch
from rulesengine.store.sql_store import SQLStore
from rulesengine.store.tables import batch_changes, batch_guarantor_traces, batch_trace_steps
from tests.store.factories import FIRST_RUN, batch, encounter, save_live, small_ledger

RULES = Path(__file__).resolve().parents[2] / "rules" / "standard.yaml"
RUN_DATE = dt.date(2026, 6, 1)


def count(store: SQLStore, table: Any, batch_id: str) -> int:
    with store.reading() as conn:
        query = select(func.count()).select_from(table).where(table.c.batch_id == batch_id)
        return int(conn.execute(query).scalar_one())


def stored(store: SQLStore, batch_id: str) -> Any:
    with store.reading() as conn:
        found = read_batch(conn, batch_id)
    assert found is not None
    return found


@pytest.fixture
def ran(store: SQLStore) -> Any:
    """A live run of the standard rules over a seeded ledger of 400 encounters."""
    ledger = generate(400, run_date=RUN_DATE)
    store.import_ledger(ledger)
    result = run_statements(store, load_rules(str(RULES)), RUN_DATE, live=True)
    return store, ledger, result


def test_one_trace_row_per_guarantor_and_each_distinct_step_once(ran: Any) -> None:
    store, _, result = ran
    guarantors = set(result.guarantor_of.values())
    statement_ids = {s.id for s in result.statements}
    about_no_statement = {
        step
        for steps in result.traces.values()
        for step in steps
        if not any(sid in step.detail for sid in statement_ids)
    }
    assert count(store, batch_guarantor_traces, result.id) == len(guarantors) > 50
    # A step naming a statement is one template for all statements (its detail split
    # around the statement's number), not one step per statement.
    templates = count(store, batch_trace_steps, result.id) - len(about_no_statement)
    assert 0 < templates < len(statement_ids) / 10
    back = stored(store, result.id)
    assert back.traces == result.traces
    assert back.guarantor_of == result.guarantor_of
    assert list(back.guarantor_of) == list(result.guarantor_of)  # in the run's order


def test_only_changed_encounters_have_a_row_holding_what_they_were(ran: Any) -> None:
    store, ledger, result = ran
    assert 0 < len(result.changes) < len(ledger.encounters)
    assert count(store, batch_changes, result.id) == len(result.changes)
    assert stored(store, result.id).changes == tuple(result.changes)
    was = {e.id: e for e in ledger.encounters}
    ch = batch_changes.c
    query = select(
        ch.encounter_id,
        ch.before_level,
        ch.before_status,
        ch.before_first_statement,
        ch.before_last_statement,
        ch.before_statements_sent,
    ).where(ch.batch_id == result.id)
    with store.reading() as conn:
        rows = conn.execute(query).all()
    assert len(rows) == len(result.changes)
    for eid, level, status, first, last, sent in rows:
        e = was[eid]
        assert (level, status, first, last, sent) == (
            e.level,
            e.status,
            e.first_statement,
            e.last_statement,
            e.statements_sent,
        ), eid


def test_a_batch_built_without_before_state_has_it_read_from_the_ledger(
    store: SQLStore,
) -> None:
    """A hand-built batch's changes carry no encounter: the store reads what each was,
    and the worklist marks an earlier batch set, so deleting the later batch puts them
    back."""
    store.import_ledger(small_ledger())
    first = batch("B1")
    assert all(c.before is None for c in first.changes)
    with store.run_transaction("default", live=True) as run:
        save_live(run, first, "rulesengine: 1\n")
    later = attrs.evolve(
        batch("B2", run_date=FIRST_RUN + dt.timedelta(days=30)),
        statements=[],
        notifications=[],
        pre_collections=[],
        changes=[EncounterChange("E3", 0, "open", None, None, 0)],
    )
    with store.run_transaction("default", live=True) as run:
        save_live(run, later, "rulesengine: 1\n")
    ch = batch_changes.c
    with store.reading() as conn:
        rows = conn.execute(
            select(
                ch.batch_id,
                ch.encounter_id,
                ch.before_level,
                ch.before_status,
                ch.before_statements_sent,
                ch.before_worklist_batch_id,
                ch.before_worklist_since,
            ).order_by(ch.batch_id, ch.seq)
        ).all()
    assert [tuple(r) for r in rows] == [
        ("B1", "E1", 1, "open", 1, None, None),
        ("B1", "E3", 3, "pre_collections", 0, None, None),  # imported in the worklist
        ("B2", "E3", 3, "pre_collections", 1, "B1", FIRST_RUN),  # sent there by B1
    ]
    delete_batch(store, "B2")
    with store.reading() as conn:
        back = conn.execute(
            text(
                "SELECT level, status, statements_sent, worklist_batch_id FROM encounters"
                " WHERE id = 'E3'"
            )
        ).one()
    assert tuple(back) == (3, "pre_collections", 1, "B1")


def test_encounters_traced_but_not_looked_at_are_kept_in_rows_of_a_thousand(
    store: SQLStore,
) -> None:
    store.import_ledger(small_ledger())
    step = TraceStep("eligibility", "eligible", "eligible for a statement")
    built = batch("B1")
    traces = {**built.traces, **{f"X{i:05d}": (step,) for i in range(2_500)}}
    hand_built = attrs.evolve(built, traces=traces)
    with store.run_transaction("default", live=True) as run:
        save_live(run, hand_built, "rulesengine: 1\n")
    t = batch_guarantor_traces.c
    with store.reading() as conn:
        rows = conn.execute(
            select(t.guarantor_id, func.length(t.encounters_json)).order_by(t.seq)
        ).all()
    assert [gid for gid, _ in rows] == ["G1", None, None, None]
    back = stored(store, "B1")
    assert back.traces == traces
    assert back.guarantor_of == built.guarantor_of


def test_statement_lines_are_stored_as_the_json_encoder_writes_them() -> None:
    """``lines_json`` joins the text itself (a million lines in a large batch): the same
    text ``dumps`` gives, quotes and non-ASCII ids included."""
    from rulesengine.store.rows import dumps, lines_json

    lines = [
        ('E"1', "Pé\\1", dt.date(2026, 1, 5), -500, 2, True),
        ("E2", "P2", dt.date(2026, 12, 31), 7, 0, False),
    ]
    assert lines_json(lines) == dumps(
        [[e, p, d.isoformat(), b, lv, 1 if r else 0] for e, p, d, b, lv, r in lines]
    )
    assert lines_json([]) == "[]"


def test_steps_naming_a_statement_read_back_exactly_whatever_surrounds_the_number(
    store: SQLStore,
) -> None:
    store.import_ledger(small_ledger())
    built = batch("B1")
    details = [
        "billed on statement B1-000001 at level 2",
        "billed on statement B1-000002 at level 2",  # the same template, another number
        "B1-000017",  # the number alone
        "statement B1-0000123 (seven digits), and B1-000002 again",
        "statement B1- with no number",
        "statement B1-٣ (not an ASCII digit)",
        "statement B10-000001 of another batch",
    ]
    steps = tuple(TraceStep("statement", "billed", d, rule="dunning.levels[1]") for d in details)
    traces = {**built.traces, "E1": steps, "E3": steps[::-1]}
    with store.run_transaction("default", live=True) as run:
        save_live(run, attrs.evolve(built, traces=traces), "rulesengine: 1\n")
    assert stored(store, "B1").traces == traces
    with store.reading() as conn:
        rows = conn.execute(
            select(batch_trace_steps.c.step_json).where(batch_trace_steps.c.batch_id == "B1")
        ).scalars()
        stored_details = [json.loads(row)[2] for row in rows]
    templates = [d for d in stored_details if isinstance(d, list)]
    assert ["billed on statement B1-", " at level 2"] in templates
    assert len(stored_details) < len(details) + len(built.traces)


def test_changes_apply_status_and_worklist_marks_exactly_whether_or_not_the_status_moves(
    store: SQLStore,
) -> None:
    """A change that keeps its encounter's status is applied without rewriting the status
    (the worklist index is left alone); the result is the same as one update of all
    columns: marks kept in the worklist, cleared outside it, whatever the status was."""
    d = dt.date
    ledger = small_ledger()
    marked = d(2026, 1, 1)
    ledger = attrs.evolve(
        ledger,
        encounters=[
            *ledger.encounters,
            encounter("E5", "G1", status="pre_collections", level=3),
            encounter("E6", "G1", status="pre_collections", level=3),
            encounter("E7", "G1", status="open"),
        ],
    )
    store.import_ledger(ledger)
    with store.reading() as conn:  # marks as an earlier live batch would have left them
        conn.execute(
            text(
                "UPDATE encounters SET worklist_batch_id = 'B0', worklist_since = :d"
                " WHERE id IN ('E5', 'E6', 'E7')"
            ),
            {"d": marked},
        )
        conn.commit()
    changes = [
        EncounterChange("E1", 2, "open", d(2026, 1, 20), FIRST_RUN, 2),  # stays open
        EncounterChange("E5", 3, "pre_collections", None, FIRST_RUN, 1),  # stays there
        EncounterChange("E6", 0, "open", None, None, 0),  # leaves the worklist
        EncounterChange("E7", 1, "open", FIRST_RUN, FIRST_RUN, 1),  # open, but marked
    ]
    later = attrs.evolve(
        batch("B1"), statements=[], notifications=[], pre_collections=[], changes=changes
    )
    with store.run_transaction("default", live=True) as run:
        save_live(run, later, "rulesengine: 1\n")
    with store.reading() as conn:
        rows = conn.execute(
            text(
                "SELECT id, level, status, first_statement, last_statement, statements_sent,"
                " worklist_batch_id, worklist_since FROM encounters"
                " WHERE id IN ('E1', 'E5', 'E6', 'E7') ORDER BY id"
            )
        ).all()
    as_dates = [
        (r[0], r[1], r[2], *(None if v is None else str(v)[:10] for v in r[3:5]), *r[5:7])
        for r in rows
    ]
    first, run_day = "2026-01-20", FIRST_RUN.isoformat()
    assert as_dates == [
        ("E1", 2, "open", first, run_day, 2, None),
        ("E5", 3, "pre_collections", None, run_day, 1, "B0"),
        ("E6", 0, "open", None, None, 0, None),
        ("E7", 1, "open", run_day, run_day, 1, None),
    ]
    assert [r[7] is None for r in rows] == [True, False, True, True]
