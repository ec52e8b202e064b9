"""How expectations match what a step produced (docs/scenarios.md, "Expectations and how they
match")."""

from __future__ import annotations

from rulesengine.scenarios import run_scenario_file

TWO_GUARANTORS = """\
ledger:
  guarantors:
    - {id: G1, first_name: Ada, email: ada@example.org}
    - {id: G2, first_name: Alan, email: alan@example.org}
  encounters:
    - {id: E1, guarantor: G1, patient: P1, service_date: 2026-01-03, balance: 200.00}
    - {id: E2, guarantor: G2, patient: P2, service_date: 2026-01-03, balance: 50.00}
"""

WORKLIST = """\
ledger:
  guarantors:
    - {id: G1, first_name: Ada, email: ada@example.org}
  encounters:
    - {id: E1, guarantor: G1, patient: P1, service_date: 2025-10-01, balance: 100.00,
       level: 3, last_statement: 2025-12-01}
    - {id: E2, guarantor: G1, patient: P1, service_date: 2025-10-02, balance: 100.00,
       level: 3, last_statement: 2025-12-01}
    - {id: E3, guarantor: G1, patient: P1, service_date: 2025-10-02, balance: 0.50}
"""


def fields(result):
    return [f.field for f in result.failures]


def test_statements_match_in_any_order(scenario_file):
    """Statements listed in another order than the run produced them still match."""
    path = scenario_file(
        TWO_GUARANTORS
        + """\
steps:
  - run: 2026-02-01
    expect:
      statements: [{guarantor: G2, total: 50.00}, {guarantor: G1, total: 200.00}]
"""
    )
    assert run_scenario_file(str(path)).passed


def test_only_the_listed_statement_fields_are_checked(scenario_file):
    """A statement expectation naming only the guarantor matches whatever level or message."""
    path = scenario_file("""\
steps:
  - run: 2026-02-01
    expect:
      statements: [{guarantor: G1}]
""")
    assert run_scenario_file(str(path)).passed


def test_a_listed_statement_field_that_differs_fails_on_that_field(scenario_file):
    """A wrong level is reported as statements[0].level, expected against actual."""
    path = scenario_file("""\
steps:
  - run: 2026-02-01
    expect:
      statements: [{guarantor: G1, level: 2, message: reminder}]
""")
    result = run_scenario_file(str(path))
    (failure,) = result.failures
    assert failure.field == "statements[0].level (guarantor G1)"
    assert (failure.expected, failure.actual) == (2, 1)


def test_an_extra_actual_statement_fails(scenario_file):
    """statements is the whole list: a statement the scenario did not list is a failure."""
    path = scenario_file(
        TWO_GUARANTORS
        + """\
steps:
  - run: 2026-02-01
    expect:
      statements: [{guarantor: G1}]
"""
    )
    result = run_scenario_file(str(path))
    (failure,) = result.failures
    assert failure.field == "statements (unexpected)"
    assert failure.expected == "nothing more"
    assert failure.actual["guarantor"] == "G2"


def test_a_missing_statement_fails(scenario_file):
    """An expected statement the run did not produce is reported as 'no such statement'."""
    path = scenario_file(
        TWO_GUARANTORS
        + """\
steps:
  - run: 2026-02-01
    expect:
      statements: [{guarantor: G1}, {guarantor: G2}, {guarantor: G2}]
"""
    )
    result = run_scenario_file(str(path))
    (failure,) = result.failures
    assert failure.field == "statements[2]"
    assert failure.actual == "no such statement"


def test_an_empty_statement_list_means_none(scenario_file):
    """statements: [] fails when the run produced a statement."""
    path = scenario_file("""\
steps:
  - run: 2026-02-01
    expect:
      statements: []
""")
    assert fields(run_scenario_file(str(path))) == ["statements (unexpected)"]


def test_an_absent_expectation_is_not_checked(scenario_file):
    """A step without expect, or expect without statements, passes whatever the run did."""
    path = scenario_file("""\
steps:
  - run: 2026-02-01
  - run: 2026-03-01
    expect:
      encounters: {E1: {level: 2}}
""")
    assert run_scenario_file(str(path)).passed


def test_encounters_checks_only_the_listed_ids_and_fields(scenario_file):
    """E2 changed but is not listed; E1 is checked on level only."""
    path = scenario_file(
        TWO_GUARANTORS
        + """\
steps:
  - run: 2026-02-01
    expect:
      encounters: {E1: {level: 1}}
"""
    )
    assert run_scenario_file(str(path)).passed


def test_a_listed_encounter_field_that_differs_fails(scenario_file):
    """encounters.E1.status is reported with the expected and the actual status."""
    path = scenario_file("""\
steps:
  - run: 2026-02-01
    expect:
      encounters: {E1: {level: 1, status: pre_collections}}
""")
    (failure,) = run_scenario_file(str(path)).failures
    assert failure.field == "encounters.E1.status"
    assert (failure.expected, failure.actual) == ("pre_collections", "open")


def test_pre_collections_is_the_whole_list_in_any_order(scenario_file):
    """[E2, E1] matches E1 and E2 sent to the worklist; [E1] alone fails."""
    good = scenario_file(
        WORKLIST
        + """\
steps:
  - run: 2026-02-01
    expect: {pre_collections: [E2, E1]}
""",
        "good.scenario.yaml",
    )
    bad = scenario_file(
        WORKLIST
        + """\
steps:
  - run: 2026-02-01
    expect: {pre_collections: [E1]}
""",
        "bad.scenario.yaml",
    )
    assert run_scenario_file(str(good)).passed
    (failure,) = run_scenario_file(str(bad)).failures
    assert (failure.field, failure.expected, failure.actual) == (
        "pre_collections",
        ["E1"],
        ["E1", "E2"],
    )


def test_skipped_is_the_whole_mapping(scenario_file):
    """skipped: {} fails when an encounter was skipped; the exact reasons pass."""
    bad = scenario_file(
        WORKLIST
        + """\
steps:
  - run: 2026-02-01
    expect: {skipped: {}}
""",
        "bad.scenario.yaml",
    )
    good = scenario_file(
        WORKLIST
        + """\
steps:
  - run: 2026-02-01
    expect: {skipped: {E3: tiny_balance}}
""",
        "good.scenario.yaml",
    )
    (failure,) = run_scenario_file(str(bad)).failures
    assert (failure.field, failure.expected, failure.actual) == (
        "skipped",
        {},
        {"E3": "tiny_balance"},
    )
    assert run_scenario_file(str(good)).passed


def test_a_wrong_skip_reason_fails(scenario_file):
    """The reason must be the one the run gave, not just any skip."""
    path = scenario_file(
        WORKLIST
        + """\
steps:
  - run: 2026-02-01
    expect: {skipped: {E3: below_minimum}}
"""
    )
    (failure,) = run_scenario_file(str(path)).failures
    assert failure.actual == {"E3": "tiny_balance"}


def test_notifications_are_the_whole_list(scenario_file):
    """At level 2 the run queues email and text: listing only the email fails."""
    ledger = """\
ledger:
  guarantors:
    - {id: G1, first_name: Ada, email: ada@example.org, mobile: "+15555550101"}
  encounters:
    - {id: E1, guarantor: G1, patient: P1, service_date: 2025-12-01, balance: 80.00,
       level: 1, last_statement: 2026-01-01}
"""
    both = scenario_file(
        ledger
        + """\
steps:
  - run: 2026-02-01
    expect:
      notifications:
        - {guarantor: G1, channel: text, message: past_due, status: scheduled}
        - {guarantor: G1, channel: email, message: past_due, status: scheduled}
""",
        "both.scenario.yaml",
    )
    one = scenario_file(
        ledger
        + """\
steps:
  - run: 2026-02-01
    expect:
      notifications: [{guarantor: G1, channel: email}]
""",
        "one.scenario.yaml",
    )
    assert run_scenario_file(str(both)).passed
    (failure,) = run_scenario_file(str(one)).failures
    assert failure.field == "notifications (unexpected)"
    assert failure.actual["channel"] == "text"


def test_money_compares_to_the_cent(scenario_file):
    """200 matches 200.00; 199.99 does not, and the report shows both amounts as money."""
    same = scenario_file(
        """\
steps:
  - run: 2026-02-01
    expect:
      statements: [{guarantor: G1, total: 200}]
      encounters: {E1: {balance: 200.00}}
""",
        "same.scenario.yaml",
    )
    cent = scenario_file(
        """\
steps:
  - run: 2026-02-01
    expect:
      statements: [{guarantor: G1, total: 199.99}]
""",
        "cent.scenario.yaml",
    )
    assert run_scenario_file(str(same)).passed
    (failure,) = run_scenario_file(str(cent)).failures
    assert (failure.expected, failure.actual) == ("199.99", "200.00")


def test_the_scenario_stops_at_the_first_failing_step(scenario_file):
    """A later step that would fail too is not run, so only the first step's failure shows."""
    path = scenario_file("""\
steps:
  - run: 2026-02-01
    expect: {encounters: {E1: {level: 5}}}
  - run: 2026-03-01
    expect: {encounters: {E1: {level: 9}}}
""")
    result = run_scenario_file(str(path))
    assert [f.step.split(" (")[0] for f in result.failures] == ["step 1"]
