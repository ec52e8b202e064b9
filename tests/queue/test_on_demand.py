"""On-demand notifications and proofs, on batches made by the real statement run."""

from __future__ import annotations

import datetime as dt

import pytest

from rulesengine.errors import RulesengineError
from rulesengine.queue.notification_reads import list_notifications
from rulesengine.rules import load_rules
from rulesengine.statements.statement_run import run_statements
from tests.queue.helpers import STANDARD, chicago, history, statuses

RUN = dt.date(2026, 2, 1)
NOON = chicago(2026, 2, 3, 12)


@pytest.fixture
def rules():
    return load_rules(STANDARD)


def _live(qstore, rules):
    return run_statements(qstore, rules, RUN, live=True)


# -- on demand ------------------------------------------------------------------------------


def test_on_demand_is_rendered_from_the_latest_live_statement(
    qstore, make_queue, rules, recorders
) -> None:
    """kind on_demand, its own statement id, due now, sent through the same queue."""
    batch = _live(qstore, rules)
    statement = next(s for s in batch.statements if s.guarantor_id == "G1")
    queue = make_queue()
    nid = queue.notify("G1", "text", "final_notice", rules, NOON)
    row = queue.get(nid)
    assert (row.kind, row.batch_id, row.status, row.channel, row.message_id) == (
        "on_demand",
        None,
        "scheduled",
        "text",
        "final_notice",
    )
    assert row.statement_id.startswith("on-demand-") and len(row.statement_id) == 42
    assert row.idempotency_key == f"{row.statement_id}:text"
    assert row.to == "+15555550101"
    assert row.next_attempt_at == NOON
    assert row.context["statement"]["id"] == statement.id
    assert "final notice" in row.content["body"]
    assert row.rules_hash == rules.content_hash
    assert history(qstore, nid) == [
        (None, "scheduled", f"on demand, from statement {statement.id}")
    ]
    queue.deliver(NOON)
    assert statuses(qstore, [nid]) == ["sent"]
    [n] = [n for call in recorders["text"].calls for n in call if n.id == nid]
    assert n.batch_id == "on-demand"


def test_on_demand_never_changes_a_level(qstore, make_queue, rules) -> None:
    """Encounter levels and statement counts are the same before and after."""
    _live(qstore, rules)
    before = [qstore.get_encounter(e) for e in ("E1", "E2")]
    queue = make_queue()
    queue.notify("G1", "email", "reminder", rules, NOON)
    queue.deliver(NOON, until_empty=True)
    assert [qstore.get_encounter(e) for e in ("E1", "E2")] == before


def test_on_demand_waits_for_the_window(qstore, make_queue, rules) -> None:
    """Asked for at 22:00 local, a text is due at 08:00 the next morning."""
    _live(qstore, rules)
    nid = make_queue().notify("G1", "text", "reminder", rules, chicago(2026, 2, 3, 22))
    assert make_queue().get(nid).next_attempt_at == chicago(2026, 2, 4, 8)


def test_on_demand_never_collides(qstore, make_queue, rules) -> None:
    """Two on-demand notifications for one guarantor and channel are both queued."""
    _live(qstore, rules)
    queue = make_queue()
    first = queue.notify("G1", "email", "reminder", rules, NOON)
    second = queue.notify("G1", "email", "reminder", rules, NOON)
    assert first != second
    assert len(queue.find(kind="on_demand")) == 2


def test_on_demand_goes_through_the_pre_send_check(qstore, make_queue, rules) -> None:
    """Paid since the statement: the on-demand notification is canceled (paid)."""
    _live(qstore, rules)
    queue = make_queue()
    nid = queue.notify("G1", "email", "reminder", rules, NOON)
    qstore.post_payment("E1", 10_000, dt.date(2026, 2, 2))
    qstore.post_payment("E2", 5_000, dt.date(2026, 2, 2))
    queue.deliver(NOON)
    assert history(qstore, nid)[-1][1:] == (
        "canceled",
        "paid: the statement's encounters owe nothing now",
    )


def test_on_demand_refusals(qstore, make_queue, rules) -> None:
    """No live statement yet, an unknown message, a channel without content: refused."""
    queue = make_queue()
    with pytest.raises(
        RulesengineError, match="guarantor 'G1' has had no live statement in profile 'standard' yet"
    ):
        queue.notify("G1", "email", "reminder", rules, NOON)
    _live(qstore, rules)
    with pytest.raises(RulesengineError, match="has had no live statement"):
        queue.notify("G3", "email", "reminder", rules, NOON)  # on hold: never billed
    with pytest.raises(
        RulesengineError,
        match="has no message 'pay_now'; its messages are final_notice, past_due, reminder",
    ):
        queue.notify("G1", "email", "pay_now", rules, NOON)
    with pytest.raises(
        RulesengineError,
        match=r"message 'reminder' has no content for 'print' \(it has email, text\)",
    ):
        queue.notify("G1", "print", "reminder", rules, NOON)
    with pytest.raises(RulesengineError, match="no guarantor 'G404'"):
        queue.notify("G404", "email", "reminder", rules, NOON)
    assert queue.find(kind="on_demand") == []


# -- proofs -------------------------------------------------------------------------------------


def test_proofs_go_only_to_test_recipients(qstore, make_queue, rules, recorders) -> None:
    """One proof per (message, channel) of a test batch, to delivery.test_recipients."""
    test_batch = run_statements(qstore, rules, RUN, live=False)
    queue = make_queue()
    ids = queue.add_proofs(test_batch, rules, NOON)
    assert ids.skipped == []
    rows = [queue.get(i) for i in ids]
    assert [(r.kind, r.proof, r.message_id, r.channel, r.to) for r in rows] == [
        ("proof", True, "past_due", "email", "billing-test@example.org"),
        ("proof", True, "past_due", "text", "+15555550100"),
    ]
    first = test_batch.statements[0].id
    for row in rows:
        assert row.statement_id.startswith(f"proof-{test_batch.id}-past_due-{row.channel}-")
        assert row.batch_id == test_batch.id
        assert row.context["statement"]["id"] == first
        assert "postal_line1" not in row.context["recipient"]
    assert qstore.rules_text(rules.content_hash) is not None
    queue.deliver(NOON, until_empty=True)
    handed = [n for channel in ("email", "text") for call in recorders[channel].calls for n in call]
    assert sorted(n.to for n in handed) == ["+15555550100", "billing-test@example.org"]
    assert all(n.proof for n in handed)
    assert list_notifications(qstore, kind="batch") == []  # a test run persists nothing else


def test_proofs_skip_channels_without_test_recipient(qstore, make_queue, rules) -> None:
    """A channel with no test recipient gets no proof, and is reported."""
    import attrs

    narrowed = attrs.evolve(
        rules, delivery=attrs.evolve(rules.delivery, test_recipients={"email": "qa@example.org"})
    )
    test_batch = run_statements(qstore, narrowed, RUN, live=False)
    added = make_queue().add_proofs(test_batch, narrowed, NOON)
    assert len(added) == 1
    assert added.skipped == [("past_due", "text")]


def test_proofs_ignore_the_guarantors_opt_outs(qstore, make_queue, rules) -> None:
    """A proof goes to the practice: the guarantor's opt-out neither suppresses nor stops it."""
    queue = make_queue()
    test_batch = run_statements(qstore, rules, RUN, live=False)
    ids = queue.add_proofs(test_batch, rules, NOON)
    queue.opt_out(test_batch.statements[0].guarantor_id, "email", now=NOON)
    queue.deliver(NOON, until_empty=True)
    assert statuses(qstore, ids) == ["sent", "sent"]


def test_proofs_of_a_live_batch_are_refused(qstore, make_queue, rules) -> None:
    with pytest.raises(RulesengineError, match="proofs are made from a test batch"):
        make_queue().add_proofs(_live(qstore, rules), rules, NOON)


def test_proofs_never_collide_with_each_other_or_a_live_batch(qstore, make_queue, rules) -> None:
    """Proofs twice, then the live run: all queued, nothing refused."""
    queue = make_queue()
    test_batch = run_statements(qstore, rules, RUN, live=False)
    queue.add_proofs(test_batch, rules, NOON)
    queue.add_proofs(test_batch, rules, NOON)
    live = _live(qstore, rules)
    assert len(queue.find(kind="proof")) == 4
    assert len(queue.find(kind="batch")) == len(live.notifications)
    assert _live(qstore, rules).replayed  # the same run again queues nothing new
    assert len(queue.find(kind="batch")) == len(live.notifications)
