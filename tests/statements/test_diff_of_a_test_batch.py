"""``diff_rules`` given the test batch of the new rules that the caller already ran (the
dashboard's test batch): the same report as running it again, and a batch of other rules
or another date is refused."""

from __future__ import annotations

import pytest

from rulesengine.errors import InvalidRequest
from rulesengine.statements.diff import diff_rules
from rulesengine.statements.statement_run import run_statements
from tests.statements.conftest import RUN, Practice


@pytest.fixture
def two_versions(practice: Practice) -> tuple[Practice, object, object]:
    practice.encounter("E1", balance=200.0)
    practice.encounter("E2", guarantor="G2", balance=3.0)
    old = practice.rules
    new = practice.use_rules(eligibility={"cycle_days": 28, "min_statement_balance": 50})
    return practice, old, new


def test_a_given_test_batch_gives_the_report_of_running_it_again(two_versions) -> None:
    practice, old, new = two_versions
    batch = run_statements(practice.store, new, RUN[0], live=False)
    given = diff_rules(practice.store, old, new, RUN[0], new_batch=batch)
    assert given == diff_rules(practice.store, old, new, RUN[0])
    assert given["new"]["hash"] == new.content_hash


def test_a_batch_of_other_rules_or_another_date_is_refused(two_versions) -> None:
    practice, old, new = two_versions
    of_old = run_statements(practice.store, old, RUN[0], live=False)
    with pytest.raises(InvalidRequest, match="new_batch must be a test batch"):
        diff_rules(practice.store, old, new, RUN[0], new_batch=of_old)
    later = run_statements(practice.store, new, RUN[1], live=False)
    with pytest.raises(InvalidRequest, match="new_batch must be a test batch"):
        diff_rules(practice.store, old, new, RUN[0], new_batch=later)
