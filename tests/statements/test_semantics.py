"""Statement runs do what docs/reference/semantics.md says: its worked examples and each step,
one by one."""

from __future__ import annotations

import datetime as dt

import pytest

from rulesengine.errors import RunRefused
from rulesengine.queue.notification_reads import list_notifications, stored_batch
from tests.statements.conftest import RUN, statement_of


def levels_and_messages(practice, runs):
    out = []
    for date in runs:
        batch = practice.run(date)
        statement = statement_of(batch)
        out.append((practice.enc().level, statement.message_id if statement else None))
    return out


# --- worked examples -------------------------------------------------------------------------


def test_worked_example_levels_rise_then_the_encounter_goes_to_the_worklist(practice):
    """Runs 1-3 bill E1 at levels 1, 2, 3 ($10 on $200 is 5%: no reset); run 4 sends it to
    the worklist instead of a statement."""
    practice.encounter("E1", balance=200)
    assert levels_and_messages(practice, RUN[:2]) == [(1, "reminder"), (2, "past_due")]
    practice.pay("E1", 10, RUN[2] - dt.timedelta(days=3))
    batch3 = practice.run(RUN[2])
    assert (practice.enc().level, statement_of(batch3).message_id) == (3, "final_notice")
    batch4 = practice.run(RUN[3])
    assert statement_of(batch4) is None
    assert batch4.pre_collections == ("E1",)
    assert practice.enc().status == "pre_collections"
    assert practice.enc().level == 3


def test_worked_example_an_adequate_payment_resets_and_statements_exceed_levels(practice):
    """$60 paid on $200 before run 3 (30%) resets E1; run 3 bills it at level 1 (reminder),
    so the statements sent exceed the number of levels."""
    practice.encounter("E1", balance=200)
    practice.run(RUN[0])
    practice.run(RUN[1])
    practice.pay("E1", 60, RUN[2] - dt.timedelta(days=3))
    batch = practice.run(RUN[2])
    assert statement_of(batch).message_id == "reminder"
    assert practice.enc().level == 1
    practice.run(RUN[3])
    practice.run(RUN[4])
    assert practice.enc().statements_sent == 5 > practice.rules.level_count


def test_worked_example_no_limit_keeps_billing_with_the_last_message(practice):
    """With no_limit, run 4 bills E1 at level 4 and run 5 at level 5, both final_notice."""
    practice.use_rules(dunning={"no_limit": True})
    practice.encounter("E1", balance=200)
    result = levels_and_messages(practice, RUN[:5])
    assert result == [
        (1, "reminder"),
        (2, "past_due"),
        (3, "final_notice"),
        (4, "final_notice"),
        (5, "final_notice"),
    ]


def test_worked_example_a_maxed_encounter_rides_along_with_a_new_one(practice):
    """G has E1 at level 3 and a new E2: E1 goes to the worklist and rides along, E2 is level
    1, and the statement is level 3 with final_notice."""
    practice.encounter(
        "E1",
        balance=200,
        level=3,
        first_statement=dt.date(2025, 10, 1),
        last_statement=dt.date(2025, 12, 1),
        statements_sent=3,
    )
    practice.encounter("E2", balance=80)
    batch = practice.run(RUN[0])
    statement = statement_of(batch)
    assert statement.encounter_ids == ("E1", "E2")
    assert [line.rider for line in statement.lines] == [True, False]
    assert (statement.level, statement.message_id) == (3, "final_notice")
    assert statement.channels == ("email", "text", "print")
    assert batch.pre_collections == ("E1",)
    assert (practice.enc("E1").level, practice.enc("E1").status) == (3, "pre_collections")
    assert (practice.enc("E2").level, practice.enc("E2").status) == (1, "open")


def test_worked_example_a_maxed_encounter_alone_gets_no_statement(practice):
    practice.encounter("E1", balance=200, level=3, last_statement=dt.date(2025, 12, 1))
    batch = practice.run(RUN[0])
    assert batch.statements == ()
    assert batch.pre_collections == ("E1",)


# --- dunning counts, messages and the limit ----------------------------------------------------


def test_dunning_count_starts_at_zero_and_rises_by_one_each_run(practice):
    practice.encounter("E1")
    assert practice.enc().level == 0
    practice.run(RUN[0])
    assert practice.enc().level == 1
    practice.run(RUN[1])
    assert practice.enc().level == 2


def test_message_and_delivery_follow_the_highest_level(practice):
    """ "The message and delivery will always be based on the highest Dunning Level.\""""
    practice.encounter("E1", balance=50, level=1, last_statement=dt.date(2025, 12, 1))
    practice.encounter("E2", balance=70)
    statement = statement_of(practice.run(RUN[0]))
    assert [line.level for line in statement.lines] == [2, 1]
    assert (statement.level, statement.message_id, statement.channels) == (
        2,
        "past_due",
        ("email", "text"),
    )


def test_max_count_does_not_increase_once_in_the_worklist(practice):
    practice.encounter(
        "E1", balance=200, level=3, status="pre_collections", last_statement=dt.date(2025, 12, 1)
    )
    practice.encounter("E2", balance=20)
    for date in RUN[:3]:
        practice.run(date)
        assert practice.enc("E1").level == 3


# --- step 1: payments -------------------------------------------------------------------------


def test_minus_one_lowers_the_level_by_one_not_below_zero(practice):
    practice.use_rules(
        payments={"rules": [{"name": "some", "when": "payment.amount > 0", "then": "minus_one"}]}
    )
    practice.encounter("E1", balance=200, level=2, last_statement=dt.date(2026, 1, 1))
    practice.pay("E1", 5, dt.date(2026, 1, 20))
    batch = practice.run(RUN[0])
    assert statement_of(batch).lines[0].level == 2  # 2 -> 1, then rises to 2
    assert practice.enc().level == 2


def test_a_hold_payment_keeps_the_level_and_bills_at_least_level_one(practice):
    practice.use_rules(
        payments={"rules": [{"name": "token", "when": "payment.amount > 0", "then": "hold"}]}
    )
    practice.encounter("E1", balance=200, level=2, last_statement=dt.date(2026, 1, 1))
    practice.encounter("E2", guarantor="G2", balance=200)
    practice.pay("E1", 5, dt.date(2026, 1, 20))
    practice.pay("E2", 5, dt.date(2026, 1, 20))
    batch = practice.run(RUN[0])
    assert statement_of(batch, "G1").level == 2
    assert statement_of(batch, "G2").level == 1  # never billed: at least level 1


def test_payment_percent_is_of_the_balance_before_the_payment(practice):
    """25% exactly: $50 paid leaving $150 resets."""
    practice.encounter("E1", balance=200, level=2, last_statement=dt.date(2026, 1, 1))
    practice.pay("E1", 50, dt.date(2026, 1, 20))
    practice.run(RUN[0])
    assert practice.enc().level == 1


def test_a_payment_is_reviewed_by_exactly_one_run(practice):
    practice.encounter("E1", balance=200, level=2, last_statement=dt.date(2026, 1, 1))
    practice.pay("E1", 100, dt.date(2026, 1, 20))
    practice.run(RUN[0])
    assert practice.enc().level == 1  # reset, then billed at 1
    practice.run(RUN[1])
    assert practice.enc().level == 2  # the same payment does not reset again
    payments = practice.store.payments_of("E1")
    assert [p.reviewed_batch for p in payments] == [f"standard-{RUN[0].isoformat()}"]


def test_a_payment_dated_after_the_run_waits_for_a_later_run(practice):
    practice.encounter("E1", balance=200, level=2, last_statement=dt.date(2026, 1, 1))
    practice.pay("E1", 100, RUN[0] + dt.timedelta(days=2))
    practice.run(RUN[0])
    assert practice.enc().level == 3  # the payment was not seen yet
    practice.run(RUN[1])
    assert practice.enc().level == 1  # now it resets (50%), then the run bills level 1


def test_imported_payments_on_or_before_the_last_statement_count_as_reviewed(practice):
    practice.encounter("E1", balance=200, level=2, last_statement=dt.date(2026, 1, 1))
    practice.imported_payment("E1", 100, dt.date(2025, 12, 30))
    practice.run(RUN[0])
    assert practice.enc().level == 3


def test_reset_brings_a_worklist_encounter_back_when_return_on_reset(practice):
    practice.encounter(
        "E1", balance=200, level=3, status="pre_collections", last_statement=dt.date(2026, 1, 1)
    )
    practice.pay("E1", 100, dt.date(2026, 1, 20))
    batch = practice.run(RUN[0])
    assert (practice.enc().status, practice.enc().level) == ("open", 1)
    assert statement_of(batch).level == 1


def test_reset_leaves_a_worklist_encounter_when_return_on_reset_is_off(practice):
    practice.use_rules(pre_collections={"return_on_reset": False})
    practice.encounter(
        "E1", balance=200, level=3, status="pre_collections", last_statement=dt.date(2026, 1, 1)
    )
    practice.pay("E1", 100, dt.date(2026, 1, 20))
    batch = practice.run(RUN[0])
    assert (practice.enc().status, practice.enc().level) == ("pre_collections", 3)
    assert batch.statements == ()


def test_payment_effects_hold_even_when_not_billed(practice):
    """A reset stands although the encounter is skipped this run (held)."""
    practice.encounter("E1", balance=200, level=2, hold=True, last_statement=dt.date(2026, 1, 1))
    practice.pay("E1", 100, dt.date(2026, 1, 20))
    batch = practice.run(RUN[0])
    assert batch.skips[0].reason == "encounter_hold"
    assert practice.enc().level == 0


# --- step 2: closing --------------------------------------------------------------------------


def test_a_paid_off_encounter_closes_and_is_never_skipped(practice):
    practice.encounter("E1", balance=200, level=1, last_statement=dt.date(2026, 1, 1))
    practice.pay("E1", 200, dt.date(2026, 1, 20))
    batch = practice.run(RUN[0])
    assert practice.enc().status == "closed"
    assert batch.skips == () and batch.statements == ()


def test_a_paid_off_worklist_encounter_stays_when_clear_on_zero_balance_is_off(practice):
    practice.use_rules(pre_collections={"clear_on_zero_balance": False})
    practice.encounter("E1", balance=0, level=3, status="pre_collections")
    practice.run(RUN[0])
    assert practice.enc().status == "pre_collections"


def test_a_closed_encounter_with_a_balance_again_reopens_at_its_level(practice):
    practice.encounter(
        "E1", balance=0, level=2, status="closed", last_statement=dt.date(2025, 12, 1)
    )
    practice.adjust("E1", 40, dt.date(2026, 1, 15))
    batch = practice.run(RUN[0])
    assert practice.enc().status == "open"
    assert statement_of(batch).level == 3


# --- step 3: eligibility ------------------------------------------------------------------------


def test_skip_reasons_come_in_order(practice):
    practice.use_rules(
        eligibility={"exclude": [{"name": "tiny", "when": "encounter.balance < 1.00"}]}
    )
    practice.guarantor("G2", hold=True)
    practice.encounter("E1", guarantor="G2", balance=0.5, hold=True)  # encounter_hold first
    practice.encounter("E2", guarantor="G2", balance=0.5)  # guarantor_hold next
    practice.encounter("E3", guarantor="G3", balance=0.5)  # then exclude rules
    practice.encounter(
        "E4", guarantor="G4", balance=50, last_statement=RUN[0] - dt.timedelta(days=27)
    )
    practice.encounter(
        "E5", guarantor="G5", balance=50, last_statement=RUN[0] - dt.timedelta(days=28)
    )
    batch = practice.run(RUN[0])
    assert {s.encounter_id: s.reason for s in batch.skips} == {
        "E1": "encounter_hold",
        "E2": "guarantor_hold",
        "E3": "tiny",
        "E4": "billed_recently",
    }
    assert [s.guarantor_id for s in batch.statements] == ["G5"]


# --- step 4: advance ----------------------------------------------------------------------------


def test_after_days_gates_the_rise_to_a_level(practice):
    """Level 2 waits until 60 days after the first statement; meanwhile level 1 again."""
    practice.use_rules(
        dunning={
            "levels": [
                {"message": "reminder", "channels": ["email"]},
                {"message": "past_due", "channels": ["email"], "after_days": 60},
                {"message": "final_notice", "channels": ["email"]},
            ]
        }
    )
    first = RUN[0] - dt.timedelta(days=30)
    practice.encounter("E1", balance=100, level=1, first_statement=first, last_statement=first)
    levels = []
    for date in RUN[:3]:  # 30, 58 and 86 days after the first statement
        batch = practice.run(date)
        levels.append((practice.enc().level, statement_of(batch).level))
    assert levels == [(1, 1), (1, 1), (2, 2)]


def test_after_days_never_gates_a_never_billed_rise_to_level_one(practice):
    practice.use_rules(
        dunning={
            "levels": [
                {"message": "reminder", "channels": ["email"]},
                {"message": "past_due", "channels": ["email"], "after_days": 60},
            ]
        }
    )
    practice.encounter("E1")
    practice.run(RUN[0])
    assert practice.enc().level == 1


# --- steps 5-7: grouping, minimum, level ------------------------------------------------------


def test_one_statement_per_patient(practice):
    practice.use_rules(grouping={"one_statement_per": "patient"})
    practice.encounter("E1", patient_id="P1")
    practice.encounter("E2", patient_id="P2")
    practice.encounter("E3", patient_id="P1")
    batch = practice.run(RUN[0])
    assert sorted((s.patient_id, s.encounter_ids) for s in batch.statements) == [
        ("P1", ("E1", "E3")),
        ("P2", ("E2",)),
    ]


def test_also_by_location_splits_statements_and_an_absent_value_is_its_own_group(practice):
    practice.use_rules(grouping={"also_by": ["location"]})
    practice.encounter("E1", location="north")
    practice.encounter("E2", location="south")
    practice.encounter("E3")
    practice.encounter("E4", location="north")
    batch = practice.run(RUN[0])
    assert sorted(s.encounter_ids for s in batch.statements) == [("E1", "E4"), ("E2",), ("E3",)]


def test_maxed_encounters_do_not_ride_along_when_include_maxed_is_off(practice):
    practice.use_rules(grouping={"include_maxed_encounters": False})
    practice.encounter("E1", balance=200, level=3, last_statement=dt.date(2025, 12, 1))
    practice.encounter("E2", balance=80)
    statement = statement_of(practice.run(RUN[0]))
    assert statement.encounter_ids == ("E2",)
    assert statement.level == 1
    assert practice.enc("E1").status == "pre_collections"


def test_a_statement_below_the_minimum_is_not_produced_and_keeps_levels(practice):
    practice.use_rules(eligibility={"min_statement_balance": 10.00})
    practice.encounter("E1", balance=4, level=1, last_statement=dt.date(2025, 12, 1))
    practice.encounter("E2", balance=5.99)
    practice.encounter("E3", guarantor="G2", balance=10)
    batch = practice.run(RUN[0])
    assert [s.guarantor_id for s in batch.statements] == ["G2"]
    assert {s.encounter_id: s.reason for s in batch.skips} == {
        "E1": "below_minimum",
        "E2": "below_minimum",
    }
    assert (practice.enc("E1").level, practice.enc("E2").level) == (1, 0)
    assert practice.enc("E1").last_statement == dt.date(2025, 12, 1)


def test_riders_count_towards_the_minimum(practice):
    practice.use_rules(eligibility={"min_statement_balance": 10.00})
    practice.encounter("E1", balance=8, level=3, last_statement=dt.date(2025, 12, 1))
    practice.encounter("E2", balance=3)
    statement = statement_of(practice.run(RUN[0]))
    assert statement.total_cents == 1100


# --- step 8: commit -----------------------------------------------------------------------------


def test_billing_sets_statement_dates_and_counts_riders_included(practice):
    practice.encounter(
        "E1",
        balance=200,
        level=3,
        first_statement=dt.date(2025, 10, 1),
        last_statement=dt.date(2025, 12, 1),
        statements_sent=3,
    )
    practice.encounter("E2", balance=80)
    practice.run(RUN[0])
    e1, e2 = practice.enc("E1"), practice.enc("E2")
    assert (e1.first_statement, e1.last_statement, e1.statements_sent) == (
        dt.date(2025, 10, 1),
        RUN[0],
        4,
    )
    assert (e2.first_statement, e2.last_statement, e2.statements_sent) == (RUN[0], RUN[0], 1)


# --- test runs, idempotency, forward-only ------------------------------------------------------


def test_a_test_run_reports_what_a_live_run_would_do_and_changes_nothing(practice):
    practice.encounter("E1", balance=200, level=2, last_statement=dt.date(2026, 1, 1))
    practice.pay("E1", 10, dt.date(2026, 1, 20))
    before = (practice.enc(), practice.store.counts(), practice.store.payments_of("E1"))
    test = practice.test_run(RUN[0])
    assert test.mode == "test"
    assert {c.encounter_id: (c.level, c.status) for c in test.changes} == {"E1": (3, "open")}
    assert [n.channel for n in test.notifications] == ["email", "text", "print"]
    assert (practice.enc(), practice.store.counts(), practice.store.payments_of("E1")) == before
    live = practice.run(RUN[0])
    assert [s.encounter_ids for s in live.statements] == [s.encounter_ids for s in test.statements]


def test_a_live_run_repeated_on_the_same_date_reports_the_same_batch_and_changes_nothing(practice):
    practice.encounter("E1")
    first = practice.run(RUN[0])
    counts = practice.store.counts()
    again = practice.run(RUN[0])
    assert again.replayed and again.id == first.id
    assert again.statements == first.statements
    assert practice.store.counts() == counts
    assert practice.enc().level == 1


def test_a_live_run_dated_before_the_latest_is_refused(practice):
    practice.encounter("E1")
    practice.run(RUN[1])
    with pytest.raises(RunRefused, match="move.*forward"):
        practice.run(RUN[0])
    practice.test_run(RUN[0])  # a test run may use any date


def test_a_failure_during_commit_leaves_the_store_unchanged(practice, monkeypatch):
    """A batch that fails to write its last notification writes nothing at all."""
    import attrs

    import rulesengine.statements.statement_run as run_module

    practice.encounter("E1")
    practice.encounter("E2", guarantor="G2")
    practice.pay("E1", 10, dt.date(2026, 1, 20))
    before = (practice.enc("E1"), practice.store.counts(), practice.store.payments_of("E1"))
    real_evaluate = run_module.evaluate

    def evaluate_with_an_unwritable_notification(*args, **kwargs):
        batch = real_evaluate(*args, **kwargs)
        return attrs.evolve(batch, notifications=(*batch.notifications, "not a notification"))

    monkeypatch.setattr(run_module, "evaluate", evaluate_with_an_unwritable_notification)
    with pytest.raises(Exception):  # noqa: B017 - any failure will do
        practice.run(RUN[0])
    assert (practice.enc("E1"), practice.store.counts(), practice.store.payments_of("E1")) == before
    monkeypatch.undo()
    assert len(practice.run(RUN[0]).statements) == 2


# --- step 9: upload ----------------------------------------------------------------------------


def test_one_notification_per_statement_and_channel_scheduled_in_the_guarantors_window(practice):
    practice.use_rules(channels={"email": {"send_window": "07:00-21:00"}})
    practice.encounter("E1", level=1, last_statement=dt.date(2025, 12, 1))  # G1: New York
    batch = practice.run(RUN[0])
    by_channel = {n.channel: n for n in batch.notifications}
    assert set(by_channel) == {"email", "text"}
    # 07:00 EST = 12:00 UTC; text defaults to 08:00-21:00: 13:00 UTC
    assert by_channel["email"].scheduled_at == dt.datetime(2026, 2, 1, 12, 0, tzinfo=dt.UTC)
    assert by_channel["text"].scheduled_at == dt.datetime(2026, 2, 1, 13, 0, tzinfo=dt.UTC)
    assert all(n.status == "scheduled" for n in batch.notifications)
    stored = list_notifications(practice.store, batch_id=batch.id)
    assert sorted(n["channel"] for n in stored) == ["email", "text"]


def test_a_channel_the_guarantor_cannot_receive_is_suppressed_with_a_reason(practice):
    practice.guarantor("G1", email=None, sms_opt_out=True, paperless=True)
    practice.encounter("E1", level=2, last_statement=dt.date(2025, 12, 1))
    practice.encounter("E2")
    batch = practice.run(RUN[0])
    assert {(n.channel, n.status, n.reason) for n in batch.notifications} == {
        ("email", "suppressed", "no_email"),
        ("text", "suppressed", "opted_out"),
        ("print", "suppressed", "paperless"),
    }


def test_a_guarantor_without_a_zone_is_scheduled_in_the_profiles_zone(practice):
    practice.guarantor("G1", timezone=None)
    practice.encounter("E1")
    batch = practice.run(RUN[0])
    # 00:00 in America/Chicago (CST) = 06:00 UTC; email has no window here
    assert batch.notifications[0].scheduled_at == dt.datetime(2026, 2, 1, 6, 0, tzinfo=dt.UTC)


def test_rendered_content_uses_the_statement_and_an_unguessable_pay_link(practice):
    practice.encounter("E1", level=1, last_statement=dt.date(2025, 12, 1), balance=1234.5)
    batch = practice.run(RUN[0])
    text = next(n for n in batch.notifications if n.channel == "text")
    assert text.content["body"].startswith(
        "Riverside Family Medicine: past due $1,234.50 https://pay.example.org/q/"
    )
    token = text.content["body"].rsplit("/", 1)[1]
    assert len(token) >= 20 and batch.statements[0].id not in token


def test_batch_uploaded_observers_hear_of_a_new_live_batch_once(practice):
    """After the commit, once; not for a test run, not for a repeated run."""
    import pluggy

    from rulesengine import hookimpl
    from rulesengine.channels.manager import get_plugin_manager
    from rulesengine.statements.statement_run import run_statements

    heard = []

    class Observer:
        @hookimpl
        def batch_uploaded(self, batch_id, profile_id, notifications):
            heard.append((batch_id, profile_id, notifications))

    pm: pluggy.PluginManager = get_plugin_manager()
    pm.register(Observer())
    practice.encounter("E1")
    for live in (False, True, True):
        run_statements(practice.store, practice.rules, RUN[0], live=live, plugin_manager=pm)
    assert heard == [(f"standard-{RUN[0].isoformat()}", "standard", 1)]


def test_an_observer_that_raises_does_not_undo_the_upload(practice):
    from rulesengine import hookimpl
    from rulesengine.channels.manager import get_plugin_manager
    from rulesengine.statements.statement_run import run_statements

    class Broken:
        @hookimpl
        def batch_uploaded(self, batch_id, profile_id, notifications):
            raise RuntimeError("observer down")

    pm = get_plugin_manager()
    pm.register(Broken())
    practice.encounter("E1")
    batch = run_statements(practice.store, practice.rules, RUN[0], live=True, plugin_manager=pm)
    assert stored_batch(practice.store, batch.id) is not None


def test_a_channel_opted_out_in_the_ledger_is_suppressed_at_upload(practice):
    """Opting out (an inbound STOP, or staff) applies to later batches too."""
    from rulesengine.queue import Queue

    practice.encounter("E1", level=1, last_statement=dt.date(2025, 12, 1))
    Queue(practice.store).opt_out("G1", "text", source="inbound STOP")
    batch = practice.run(RUN[0])
    assert {(n.channel, n.status, n.reason) for n in batch.notifications} == {
        ("email", "scheduled", None),
        ("text", "suppressed", "opted_out"),
    }
