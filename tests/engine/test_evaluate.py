"""The run computes every vocabulary field a condition may read, as docs/rules.md says."""

from __future__ import annotations

import datetime as dt

import pytest

from rulesengine.engine.evaluate import FIELD_PATHS
from rulesengine.rules.expressions import FIELDS
from tests.engine.conftest import RUN


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
