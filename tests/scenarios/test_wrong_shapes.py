"""A scenario value of the wrong shape (a single value where a list belongs, a list where a
mapping belongs, a mapping for a date, nothing at all ...) is a file:line:col problem like
any other: ``validate`` and ``test`` report it with the file's other mistakes, exit 1, and a
bad file never stops the others or ``test``'s summary."""

from __future__ import annotations

import re
from pathlib import Path
from typing import Any

import pytest
import yaml
from click.testing import CliRunner
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from rulesengine.cli.main import main
from rulesengine.errors import RulesError
from rulesengine.scenarios import load_scenario

from ..hardening._zygote import Done
from ..hardening._zygote import rulesengine as run_forked
from ..shapes import mutated, places
from .conftest import REPO, STANDARD

#: One step of every kind, with every kind of expectation: each value is a place to put a
#: value of the wrong shape.
FULL = f"""\
scenario: Every key of the format
rules: {STANDARD}
overrides:
  dunning: {{no_limit: true}}
ledger:
  guarantors:
    - {{id: G1, first_name: Ada, last_name: Lovelace, email: ada@example.org,
       mobile: "+15555550101", timezone: America/New_York, paperless: false,
       postal: {{line1: 1 Main St, city: Springfield, state: IL, zip: "62701"}}}}
  encounters:
    - {{id: E1, guarantor: G1, patient: P1, service_date: 2026-01-03, balance: 200.00,
       level: 0, status: open, hold: false, statements_sent: 0}}
  payments:
    - {{encounter: E1, amount: 10.00, date: 2026-01-05}}
  adjustments:
    - {{encounter: E1, amount: -5.00, date: 2026-01-06}}
steps:
  - run: 2026-02-01
    expect:
      statements:
        - {{guarantor: G1, level: 1, message: reminder, encounters: [E1], total: 200.00,
           channels: [email], riders: []}}
      encounters:
        E1: {{level: 1, status: open, statements_sent: 1, balance: 200.00,
             first_statement: 2026-02-01, last_statement: 2026-02-01}}
      pre_collections: []
      skipped: {{}}
      notifications:
        - {{guarantor: G1, channel: email, message: reminder, status: scheduled, level: 1}}
  - deliver: 2026-02-01T15:00:00Z
    expect:
      notifications: [{{guarantor: G1, channel: email, status: sent}}]
  - payment: {{encounter: E1, amount: 60.00, date: 2026-02-10}}
  - adjustment: {{encounter: E1, amount: -20.00, date: 2026-02-11}}
  - hold: {{guarantor: G1}}
  - release: {{encounter: E1}}
  - test_run: 2026-03-01
    expect:
      skipped: {{E1: billed_recently}}
"""
BASE = yaml.safe_load(FULL)


PLACES = places(BASE)
WRONG_SHAPES = st.one_of(
    st.sampled_from(["E1", "G1", "2026-02-01", "", "x y", "20260201", "-1"]),
    st.integers(-5, 99_999_999),
    st.floats(allow_nan=True, allow_infinity=True),
    st.booleans(),
    st.none(),
    st.dates(),  # a YAML date where text or a list belongs
    st.lists(st.sampled_from(["E1", "G1", "x"]), max_size=2),
    st.dictionaries(st.sampled_from(["E1", "G1", "a", "level"]), st.none(), max_size=2),
    st.just([{"a": "b"}]),
    st.just({"E1": ["x"]}),
    st.just({"E1": {"a": "b"}}),
    st.just([["E1"]]),
)


def test_the_base_scenario_loads(tmp_path: Path) -> None:
    """The scenario the property test mutates is valid: every problem comes from a mutation."""
    path = tmp_path / "full.scenario.yaml"
    path.write_text(mutated(BASE, []), encoding="utf-8")
    assert len(load_scenario(path).steps) == 7


@settings(
    max_examples=300,
    deadline=None,
    suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow],
)
@given(mutations=st.lists(st.tuples(st.sampled_from(PLACES), WRONG_SHAPES), min_size=1, max_size=3))
def test_any_value_of_the_wrong_shape_is_a_problem_with_its_place(
    tmp_path: Path, mutations: list[tuple[tuple[Any, ...], Any]]
) -> None:
    """Whatever value is put wherever in a valid scenario, loading it returns a scenario or
    raises RulesError whose every problem names the file, line and column; nothing else."""
    path = tmp_path / "mutated.scenario.yaml"
    path.write_text(mutated(BASE, mutations), encoding="utf-8")
    try:
        load_scenario(path)
    except RulesError as error:
        assert error.problems
        for problem in error.problems:
            assert isinstance(problem.line, int), problem
            assert isinstance(problem.column, int), problem


# --- through the real command ------------------------------------------------------------

LEDGER_AND_RUN = f"""\
rules: {STANDARD}
ledger:
  guarantors:
    - {{id: G1, first_name: Ada, email: ada@example.org}}
  encounters:
    - {{id: E1, guarantor: G1, patient: P1, service_date: 2026-01-03, balance: 200.00}}
steps:
  - run: 2026-02-01
    expect:
"""
PASSING = f"scenario: Passes\n{LEDGER_AND_RUN}      statements: [{{guarantor: G1, level: 1}}]\n"


def rulesengine(cwd: Path, *argv: str) -> Done:
    """The command as a process of its own (forked from the zygote, ``_zygote.py``), with
    the built-in channels only."""
    return run_forked(*argv, cwd=cwd, timeout=120)


@pytest.mark.parametrize(
    ("line", "message"),
    [
        (
            "pre_collections: E1",
            "steps[0].expect.pre_collections: expected a list ('- item' lines or [a, b]),"
            " got 'E1': for a single item write [E1]",
        ),
        (
            "statements: G1",
            "steps[0].expect.statements: expected a list ('- item' lines or [a, b]), got 'G1'",
        ),
        (
            "notifications: sent",
            "steps[0].expect.notifications: expected a list ('- item' lines or [a, b]), got 'sent'",
        ),
        (
            "skipped: E1",
            "steps[0].expect.skipped: expected a mapping of encounter id -> skip reason"
            " such as {E1: encounter_hold}, got 'E1'",
        ),
        (
            "encounters: E1",
            "steps[0].expect.encounters: expected a mapping of encounter id -> fields"
            " such as {E1: {level: 1}}, got 'E1'",
        ),
    ],
)
def test_validate_reports_a_single_value_where_a_list_belongs(
    tmp_path: Path, line: str, message: str
) -> None:
    """Each named key with a single value: its problem at file:line:col beside the file's
    other mistake, exit 1, no internal error."""
    text = f"scenario: Wrong shape\n{LEDGER_AND_RUN}      {line}\n  - run: 2026-02-30\n"
    (tmp_path / "bad.scenario.yaml").write_text(text, encoding="utf-8")
    done = rulesengine(tmp_path, "validate", "bad.scenario.yaml")
    column = 7 + len(line.split(":")[0]) + 2
    assert (done.returncode, done.stdout) == (1, "")
    assert done.stderr == (
        f"bad.scenario.yaml:11:{column}: {message}\n"
        "bad.scenario.yaml:12:10: steps[1].run: expected a date such as 2026-02-01,"
        " got '2026-02-30'\n"
        "2 problems found\n"
    )


def test_test_runs_every_file_and_prints_the_summary_past_a_bad_one(tmp_path: Path) -> None:
    """A file with values of the wrong shape fails with its problems; the files around it
    still run, the summary is printed, and the exit code is 1."""
    (tmp_path / "a.scenario.yaml").write_text(PASSING, encoding="utf-8")
    bad = f"scenario: Wrong shapes\n{LEDGER_AND_RUN}      pre_collections: E1\n      skipped: E1\n"
    (tmp_path / "b.scenario.yaml").write_text(bad, encoding="utf-8")
    (tmp_path / "c.scenario.yaml").write_text(PASSING, encoding="utf-8")
    done = rulesengine(tmp_path, "test", ".")
    assert done.returncode == 1, done.stderr
    assert "internal error" not in done.stdout + done.stderr
    lines = done.stdout.splitlines()
    assert lines[:4] == [
        "PASS a.scenario.yaml: Passes",
        "FAIL b.scenario.yaml: b.scenario.yaml",
        "b.scenario.yaml:11:24: steps[0].expect.pre_collections: expected a list"
        " ('- item' lines or [a, b]), got 'E1': for a single item write [E1]",
        "b.scenario.yaml:12:16: steps[0].expect.skipped: expected a mapping of encounter id"
        " -> skip reason such as {E1: encounter_hold}, got 'E1'",
    ]
    assert lines[4] == "PASS c.scenario.yaml: Passes"
    assert re.fullmatch(r"2 passed, 1 failed in \d+\.\d\ds", lines[-1])


def test_a_bug_in_one_file_does_not_stop_the_others_or_the_summary(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Should a scenario still crash rulesengine, that file says so, the others run, the
    summary is printed, and the exit code is 3 (a bug, not the user's mistake)."""
    import rulesengine.scenarios

    real = rulesengine.scenarios.run_scenario_file

    def crash_on_b(path: str, **kwargs: Any) -> Any:
        if path.endswith("b.scenario.yaml"):
            raise ZeroDivisionError("simulated bug")
        return real(path, **kwargs)

    monkeypatch.setattr(rulesengine.scenarios, "run_scenario_file", crash_on_b)
    monkeypatch.delenv("RULESENGINE_DEBUG", raising=False)
    for name in ("a", "b", "c"):
        (tmp_path / f"{name}.scenario.yaml").write_text(PASSING, encoding="utf-8")
    result = CliRunner().invoke(main, ["test", str(tmp_path)], catch_exceptions=False)
    assert result.exit_code == 3
    lines = result.output.splitlines()
    b = tmp_path / "b.scenario.yaml"
    assert lines[:4] == [
        f"PASS {tmp_path / 'a.scenario.yaml'}: Passes",
        f"FAIL {b}: {b}",
        f"{b}: internal error: ZeroDivisionError: simulated bug",
        "This is a bug in rulesengine; set RULESENGINE_DEBUG=1 for the traceback and please"
        " report it.",
    ]
    assert lines[4] == f"PASS {tmp_path / 'c.scenario.yaml'}: Passes"
    assert re.fullmatch(r"2 passed, 1 failed in \d+\.\d\ds", lines[-1])


def test_validate_goes_on_past_a_bug_in_one_file(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """``validate`` checks every file even if one crashes; it exits 3 naming that file."""
    import rulesengine.scenarios

    real = rulesengine.scenarios.load_scenario

    def crash_on_b(path: Any, **kwargs: Any) -> Any:
        if str(path).endswith("b.scenario.yaml"):
            raise ZeroDivisionError("simulated bug")
        return real(path, **kwargs)

    monkeypatch.setattr(rulesengine.scenarios, "load_scenario", crash_on_b)
    paths = []
    for name in ("a", "b", "c"):
        (tmp_path / f"{name}.scenario.yaml").write_text(PASSING, encoding="utf-8")
        paths.append(str(tmp_path / f"{name}.scenario.yaml"))
    result = CliRunner().invoke(main, ["validate", *paths], catch_exceptions=False)
    assert result.exit_code == 3
    assert result.output.splitlines() == [
        f"{paths[0]}: ok (scenario 'Passes', 1 step)",
        f"{paths[2]}: ok (scenario 'Passes', 1 step)",
        f"{paths[1]}: internal error: ZeroDivisionError: simulated bug",
        "This is a bug in rulesengine; set RULESENGINE_DEBUG=1 for the traceback and please"
        " report it.",
    ]


def test_a_guarantor_time_zone_must_exist() -> None:
    """``timezone: Mars/Olympus`` is refused where it stands, as an import refuses it."""
    with pytest.raises(RulesError) as info:
        load_scenario(REPO / "tests/data/scenarios/invalid/wrong_shapes_in_ledger.scenario.yaml")
    assert any("unknown time zone 'Mars/Olympus'" in str(p) for p in info.value.problems)
