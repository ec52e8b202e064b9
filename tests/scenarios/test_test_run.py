"""test_run steps: expectations see what a live run would commit; the store keeps nothing."""

from __future__ import annotations

from rulesengine.scenarios import run_scenario_file

MAXED = """\
ledger:
  guarantors:
    - {id: G1, first_name: Ada, email: ada@example.org}
  encounters:
    - {id: E1, guarantor: G1, patient: P1, service_date: 2025-10-01, balance: 100.00,
       level: 3, last_statement: 2025-12-01, statements_sent: 3}
"""


def test_test_run_encounters_show_the_would_be_state(scenario_file):
    """Level, statements_sent and dates are those a live run would commit."""
    path = scenario_file("""\
steps:
  - test_run: 2026-02-01
    expect:
      encounters:
        E1: {level: 1, status: open, statements_sent: 1, first_statement: 2026-02-01,
             last_statement: 2026-02-01, balance: 200.00}
""")
    result = run_scenario_file(str(path))
    assert result.passed, (result.error, result.failures)


def test_the_stored_ledger_is_unchanged_for_the_next_step(scenario_file):
    """After a test run, a step's expectation reads level 0 and no statement from the store."""
    path = scenario_file("""\
steps:
  - test_run: 2026-02-01
  - release: {guarantor: G1}
    expect:
      encounters: {E1: {level: 0, statements_sent: 0}}
""")
    result = run_scenario_file(str(path))
    assert result.passed, (result.error, result.failures)


def test_a_would_be_state_expectation_fails_against_the_stored_ledger(scenario_file):
    """The check above can fail: the stored level after a test run is 0, not 1."""
    path = scenario_file("""\
steps:
  - test_run: 2026-02-01
  - release: {guarantor: G1}
    expect:
      encounters: {E1: {level: 1}}
""")
    (failure,) = run_scenario_file(str(path)).failures
    assert (failure.field, failure.expected, failure.actual) == ("encounters.E1.level", 1, 0)


def test_a_test_run_sends_nothing_to_the_worklist_for_good(scenario_file):
    """The test batch lists E1 for the worklist (would-be status pre_collections), the store
    keeps it open, and the live run after it sends it there."""
    path = scenario_file(
        MAXED
        + """\
steps:
  - test_run: 2026-02-01
    expect:
      pre_collections: [E1]
      encounters: {E1: {status: pre_collections}}
  - release: {guarantor: G1}
    expect:
      encounters: {E1: {status: open}}
  - run: 2026-02-01
    expect:
      pre_collections: [E1]
      encounters: {E1: {status: pre_collections}}
"""
    )
    result = run_scenario_file(str(path))
    assert result.passed, (result.error, result.failures)


def test_a_test_run_reviews_no_payment(scenario_file):
    """The payment resets E1 in the test batch and again in the live run: the test run did
    not mark it reviewed."""
    path = scenario_file("""\
ledger:
  guarantors:
    - {id: G1, first_name: Ada, email: ada@example.org}
  encounters:
    - {id: E1, guarantor: G1, patient: P1, service_date: 2025-12-01, balance: 200.00,
       level: 2, last_statement: 2026-01-02}
steps:
  - payment: {encounter: E1, amount: 100.00, date: 2026-01-20}
  - test_run: 2026-02-01
    expect:
      statements: [{guarantor: G1, level: 1}]
  - run: 2026-02-01
    expect:
      statements: [{guarantor: G1, level: 1}]
      encounters: {E1: {level: 1}}
""")
    result = run_scenario_file(str(path))
    assert result.passed, (result.error, result.failures)


def test_a_test_run_reports_the_notifications_it_would_upload(scenario_file):
    """Notifications of a test_run step are the would-be uploads; the live run uploads them."""
    path = scenario_file("""\
steps:
  - test_run: 2026-02-01
    expect:
      notifications: [{guarantor: G1, channel: email, message: reminder, status: scheduled}]
  - run: 2026-02-01
    expect:
      notifications: [{guarantor: G1, channel: email, message: reminder, status: scheduled}]
""")
    result = run_scenario_file(str(path))
    assert result.passed, (result.error, result.failures)
