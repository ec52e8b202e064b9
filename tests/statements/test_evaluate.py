"""The run computes every vocabulary field a condition may read, as docs/rules.md says."""

from __future__ import annotations

import datetime as dt

import pytest

from rulesengine.rules.expressions import FIELDS
from rulesengine.statements.encounter_facts import FIELD_PATHS
from rulesengine.statements.encounter_steps import shown_percent
from tests.statements.conftest import RUN


def test_every_vocabulary_field_is_computed_by_the_run():
    assert set(FIELDS) <= FIELD_PATHS


@pytest.mark.parametrize(
    ("condition", "skipped"),
    [
        ("encounter.days_since_service >= 29", True),  # served 2026-01-03, run 2026-02-01
        ("encounter.days_since_service >= 30", False),
        ("encounter.days_since_first_statement >= 0", False),  # never billed: no value
        ("not (encounter.days_since_first_statement >= 0)", True),
        ("encounter.statements_sent == 0", True),
        ("encounter.level == 0", True),
        ("encounter.location == 'north'", True),
        ("encounter.provider == 'dr_x'", False),  # absent provider: comparison false
        ("guarantor.balance == 250.00", True),  # 200 + 50
        ("guarantor.has_email and guarantor.has_mobile", True),
        ("guarantor.paperless", False),
        ("encounter.balance in [200.00, 1.00]", True),
    ],
)
def test_exclude_conditions_read_the_fields_as_documented(practice, condition, skipped):
    practice.use_rules(eligibility={"exclude": [{"name": "probe", "when": condition}]})
    practice.encounter("E1", balance=200, location="north")
    practice.encounter("E2", balance=50, service_date=dt.date(2026, 1, 31), location="south")
    batch = practice.test_run(RUN[0])
    assert ("E1" in {s.encounter_id for s in batch.skips if s.reason == "probe"}) is skipped


# --- guarantor.days_since_last_statement ----------------------------------------------------


@pytest.mark.parametrize(
    ("condition", "skipped"),
    [
        ("guarantor.days_since_last_statement < 28", False),
        ("guarantor.days_since_last_statement >= 0", False),
        ("guarantor.days_since_last_statement > 28", False),
        ("guarantor.days_since_last_statement == 0", False),
        ("guarantor.days_since_last_statement != 5", False),
        ("guarantor.days_since_last_statement in [0, 5]", False),
        ("not (guarantor.days_since_last_statement < 28)", True),
        ("not (guarantor.days_since_last_statement != 5)", True),
        ("guarantor.days_since_last_statement not in [0, 5]", True),
    ],
)
def test_a_guarantor_never_billed_has_no_days_since_last_statement(practice, condition, skipped):
    """Never billed: every comparison with the field is false, ``>`` and ``!=`` included,
    and ``not (...)`` of one is true (docs/rules.md, fields with no value)."""
    practice.use_rules(eligibility={"exclude": [{"name": "probe", "when": condition}]})
    practice.encounter("E1", balance=200)
    batch = practice.test_run(RUN[0])
    assert ("E1" in {s.encounter_id for s in batch.skips if s.reason == "probe"}) is skipped


@pytest.mark.parametrize(
    ("condition", "skipped"),
    [
        ("guarantor.days_since_last_statement == 12", True),  # E9 billed 2026-01-20
        ("guarantor.days_since_last_statement < 28", True),
        ("guarantor.days_since_last_statement < 12", False),
        ("guarantor.days_since_last_statement != 12", False),
    ],
)
def test_days_since_last_statement_is_the_guarantors_latest_whatever_the_status(
    practice, condition, skipped
):
    """The latest ``last_statement`` among the guarantor's covered encounters counts, a
    closed (paid) one and an imported date included; the encounter itself was never billed."""
    practice.use_rules(eligibility={"exclude": [{"name": "probe", "when": condition}]})
    practice.encounter("E1", balance=200)
    practice.encounter("E8", balance=90, last_statement=dt.date(2025, 12, 1), level=1)
    practice.encounter(
        "E9", balance=0, status="closed", level=1, last_statement=dt.date(2026, 1, 20)
    )
    practice.encounter("E5", guarantor="G2", balance=50, last_statement=dt.date(2026, 1, 31))
    batch = practice.test_run(RUN[0])
    assert ("E1" in {s.encounter_id for s in batch.skips if s.reason == "probe"}) is skipped


def test_days_since_last_statement_counts_the_previous_live_run_not_this_one(practice):
    """A guarantor billed by the last live run waits for the rule's days; this run's own
    statements do not count (the field is the ledger before the run)."""
    practice.use_rules(
        eligibility={
            "cycle_days": 1,
            "exclude": [{"name": "recent", "when": "guarantor.days_since_last_statement < 28"}],
        }
    )
    practice.encounter("E1", balance=200)
    first = practice.run(RUN[0])
    assert [s.encounter_ids for s in first.statements] == [("E1",)]
    practice.encounter("E2", balance=40, service_date=RUN[0])
    second = practice.run(RUN[0] + dt.timedelta(days=27))
    assert {s.encounter_id: s.reason for s in second.skips} == {"E1": "recent", "E2": "recent"}
    third = practice.run(RUN[0] + dt.timedelta(days=28))
    assert [s.encounter_ids for s in third.statements] == [("E1", "E2")]


# --- payment.largest ------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("condition", "matched"),
    [
        ("payment.largest >= 10.00", False),  # 6 + 6: no single payment of 10
        ("payment.amount >= 10.00", True),
        ("payment.largest == 6.00", True),
        ("payment.largest < payment.amount", True),
    ],
)
def test_payment_largest_is_the_largest_single_unreviewed_payment(practice, condition, matched):
    practice.use_rules(
        payments={"rules": [{"name": "probe", "when": condition, "then": "reset_to_zero"}]}
    )
    practice.encounter("E1", balance=188, level=1, last_statement=dt.date(2026, 1, 2))
    practice.pay("E1", 6, dt.date(2026, 1, 10))
    practice.pay("E1", 6, dt.date(2026, 1, 20))
    batch = practice.test_run(RUN[0])
    [statement] = batch.statements
    assert statement.level == (1 if matched else 2)
    payments = [t for t in batch.traces["E1"] if t.step == "payments"]
    assert "payments of 12.00" in payments[0].detail
    assert "the largest 6.00" in payments[0].detail


def test_payment_largest_of_one_payment_is_that_payment(practice):
    practice.use_rules(
        payments={
            "rules": [{"name": "ten", "when": "payment.largest >= 10.00", "then": "reset_to_zero"}]
        }
    )
    practice.encounter("E1", balance=190, level=1, last_statement=dt.date(2026, 1, 2))
    practice.pay("E1", 10, dt.date(2026, 1, 15))
    batch = practice.test_run(RUN[0])
    assert [s.level for s in batch.statements] == [1]


# --- payment.percent in the trace -----------------------------------------------------------


def test_a_payment_percent_above_0_never_reads_0_in_the_trace(practice):
    """One cent of $100,000.00 is 0.00001%: the rule matched it, and the trace says so."""
    practice.use_rules(
        payments={"rules": [{"name": "tiny", "when": "payment.percent >= 0.00001", "then": "hold"}]}
    )
    practice.encounter("E1", balance=99_999.99, level=1, last_statement=dt.date(2026, 1, 2))
    practice.pay("E1", 0.01, dt.date(2026, 1, 20))
    batch = practice.test_run(RUN[0])
    [payments] = [t for t in batch.traces["E1"] if t.step == "payments"]
    assert payments.detail.startswith(
        "payments of 0.01 (0.00001% of the balance, latest 12 days ago):"
        " payments.rules[0] 'tiny' (payment.percent >= 0.00001) matched"
    )


@pytest.mark.parametrize(
    ("percent", "shown"),
    [
        (25.0, "25.0"),
        (100 / 11, "9.1"),
        (100 / 3, "33.3"),
        (0.04, "0.04"),
        (0.001, "0.001"),
        (99.96, "99.96"),
        (100.0, "100.0"),
    ],
)
def test_a_percent_keeps_one_decimal_unless_it_would_read_0_or_100(
    percent: float, shown: str
) -> None:
    assert shown_percent(percent) == shown
