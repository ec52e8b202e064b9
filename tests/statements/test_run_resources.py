"""What a run does to save time and memory must not change what it decides or stores."""

from __future__ import annotations

import datetime as dt
import gc
import json

import pytest

from rulesengine.drafting.notification_drafts import render_content
from rulesengine.errors import RunRefused
from rulesengine.model import Deferred, NotificationDraft, plain

RUN = dt.date(2026, 2, 1)


@pytest.mark.parametrize("enabled", [True, False])
def test_a_run_leaves_the_garbage_collector_as_it_found_it(practice, enabled):
    practice.encounter("E1")
    was = gc.isenabled()
    try:
        gc.enable() if enabled else gc.disable()
        practice.run(RUN)
        assert gc.isenabled() is enabled
        with pytest.raises(RunRefused):  # an earlier date: refused inside the run
            practice.run(RUN - dt.timedelta(days=30))
        assert gc.isenabled() is enabled
    finally:
        gc.enable() if was else gc.disable()


def test_a_batchs_content_and_context_are_computed_when_read_and_equal_eager_rendering(
    practice,
):
    practice.encounter("E1", level=1, first_statement=RUN - dt.timedelta(days=60))
    batch = practice.test_run(RUN)
    [statement] = batch.statements
    for note in batch.notifications:
        assert isinstance(note.content, Deferred)
        assert isinstance(note.context, Deferred)
        guarantor = practice.store.get_guarantor("G1")
        assert guarantor is not None
        secret = practice.store.secret()
        expected = render_content(practice.rules, statement, guarantor, note.channel, secret=secret)
        assert note.content == expected  # a Deferred equals a mapping with the same items
        assert plain(note.content) == expected
        assert note.context["statement"]["id"] == statement.id
        assert note.content is not plain(note.content)  # nothing is kept


def test_a_stored_batch_reads_back_equal_to_the_batch_that_was_run(practice):
    practice.encounter("E1", level=1, first_statement=RUN - dt.timedelta(days=60))
    practice.encounter("E2", balance=0.4)  # skipped: tiny balance
    live = practice.run(RUN)
    again = practice.run(RUN)  # the same date: the stored batch, read back
    assert again.replayed
    assert again.traces == live.traces
    assert again.changes == live.changes
    assert [plain(n.content) for n in again.notifications] == [
        plain(n.content) for n in live.notifications
    ]
    assert [plain(n.context) for n in again.notifications] == [
        json.loads(json.dumps(plain(n.context))) for n in live.notifications
    ]


def test_encounters_with_the_same_reasoning_share_trace_steps(practice):
    for n in range(1, 4):
        practice.encounter(f"E{n}", guarantor=f"G{n}")
    batch = practice.test_run(RUN)
    eligible = {batch.traces[f"E{n}"][0] for n in range(1, 4)}
    assert len({id(step) for step in eligible}) == 1
    assert all(isinstance(trace, tuple) for trace in batch.traces.values())


def test_groups_with_and_without_a_value_sort_as_before(practice):
    practice.use_rules(grouping={"one_statement_per": "patient", "also_by": ["location"]})
    practice.encounter("E1", patient_id="P2", location="north")
    practice.encounter("E2", patient_id="P1")
    practice.encounter("E3", patient_id="P1", location="main")
    batch = practice.test_run(RUN)
    keys = [(s.patient_id, dict(s.group)["location"]) for s in batch.statements]
    assert keys == [("P1", None), ("P1", "main"), ("P2", "north")]


def test_a_draft_still_takes_plain_mappings():
    draft = NotificationDraft(
        "S1",
        "G1",
        "email",
        "reminder",
        1,
        "scheduled",
        None,
        "g1@example.org",
        dt.datetime(2026, 2, 1, tzinfo=dt.UTC),
        {"subject": "s", "body": "b"},
    )
    assert plain(draft.content) == {"subject": "s", "body": "b"}
