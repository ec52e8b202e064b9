"""Rules files as large as ``validate`` accepts run to the end, with the same decisions as the
conditions' plain meaning.

durable-rules keeps the tests that follow one node of its network in a table of 512 slots
and never stops probing a full one: before the fix, a stage whose conditions put 512
different comparisons after the rule's first test spun at 100% CPU forever (169 exclude
rules of 3 alternatives ran, 170 hung; 508 single ones ran, 509 hung). Its other fixed
tables (127 "or" joins after one test, 255 rules ending in one test, 31 expression steps
per rule) made valid files end in "internal error". The adapter
now models those tables and refuses a ruleset that would not fit before durable-rules sees
it; a stage then decides its rules in groups, and each alternative of a condition is a flat
rule of its own. Each cliff is run here on both sides, through the real ``rulesengine``
command with a timeout, so that a regression fails instead of hanging.
"""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pytest
import yaml

from rulesengine.ledger import read_ledger_dir
from rulesengine.rules import load_rules
from rulesengine.store import open_store

from ..statements.test_compile import meaning
from ._zygote import Done
from ._zygote import rulesengine as run_forked

REPO = Path(__file__).resolve().parents[2]
RUN_DATE = "2026-02-01"
#: A hang must fail the test, not hang the suite: the largest case takes under a second.
TIMEOUT = 30

GUARANTORS = (
    "id,first_name,last_name,email,mobile,timezone,paperless,hold,sms_opt_out,email_opt_out,"
    "profile,postal_line1,postal_line2,postal_city,postal_state,postal_zip\n"
    "G1,Ada,Lovelace,ada@example.org,,America/New_York,false,false,false,false,,,,,,\n"
)
ENCOUNTER_HEADER = (
    "id,guarantor,patient,service_date,balance,level,status,hold,location,provider,"
    "first_statement,last_statement,statements_sent,profile\n"
)


def rulesengine(*argv: str, cwd: Path) -> Done:
    """``rulesengine *argv`` forked from an interpreter that has imported the entry point
    (``_zygote.py``: starting the script costs ~1.5 s of imports); a child still running after
    ``TIMEOUT`` seconds is SIGKILLed and reported as ``returncode == "timeout"``."""
    return run_forked(*argv, cwd=cwd, timeout=TIMEOUT)


def standard_rules(**changes: Any) -> dict[str, Any]:
    data = yaml.safe_load((REPO / "rules" / "standard.yaml").read_text("utf-8"))
    for section, value in changes.items():
        data[section] = {**data[section], **value}
    return data


def run_on(
    tmp_path: Path,
    rules: dict[str, Any],
    encounters: list[str],
    payments: str = "",
) -> dict[str, Any]:
    """``rulesengine run --test --json`` of ``rules`` over a ledger of ``encounters``."""
    ledger = tmp_path / "ledger"
    ledger.mkdir()
    (ledger / "guarantors.csv").write_text(GUARANTORS, "utf-8")
    (ledger / "encounters.csv").write_text(ENCOUNTER_HEADER + "".join(encounters), "utf-8")
    if payments:
        (ledger / "payments.csv").write_text("encounter,amount,date\n" + payments, "utf-8")
    (tmp_path / "rules.yaml").write_text(yaml.safe_dump(rules, sort_keys=False), "utf-8")
    db = str(tmp_path / "store.db")
    store = open_store(db)  # the ledger is setup, not the behaviour under test
    try:
        store.import_ledger(read_ledger_dir(ledger))
    finally:
        store.close()
    argv = ["run", "--json", "--test", "--rules", "rules.yaml", "--date", RUN_DATE, "--db", db]
    ran = rulesengine(*argv, cwd=tmp_path)
    assert ran.returncode == 0, f"exit {ran.returncode}: {ran.stderr}"
    assert "Traceback" not in ran.stderr
    result: dict[str, Any] = json.loads(ran.stdout)
    return result


def first_rule(rules: Any, fact: dict[str, Any]) -> Any:
    """The plain-Python decision: the first rule whose condition holds for the fact."""
    return next((rule for rule in rules if meaning(rule.when, fact)), None)


def encounter(eid: str, balance: str, *, level: int = 0, first: str = "") -> str:
    status = "open"
    last = first
    sent = 1 if level else 0
    return f"{eid},G1,P{eid},2025-12-01,{balance},{level},{status},false,,,{first},{last},{sent},\n"


# 3 of the stage's own rules (the two holds, billed_recently) each add a test after the first:
# 169 rules of 3 alternatives (510 tests) fit one ruleset, 170 (513) did not and hung; 508
# single rules (511) fit, 509 (512) hung.
@pytest.mark.parametrize(
    ("rule_count", "alternatives"), [(169, 3), (170, 3), (508, 1), (509, 1), (1300, 2)]
)
def test_exclude_rules_at_and_past_the_engine_table_run_with_their_plain_meaning(
    tmp_path: Path, rule_count: int, alternatives: int
) -> None:
    def amount(rule: int, k: int) -> str:
        return f"{10 + (rule * alternatives + k) / 100:.2f}"

    exclude = []
    for r in range(rule_count):
        values = ", ".join(amount(r, k) for k in range(alternatives))
        exclude.append({"name": f"rule_{r}", "when": f"encounter.balance in [{values}]"})
    rules = standard_rules(eligibility={"exclude": exclude})
    balances = {
        "E1": amount(0, 0),
        "E2": amount(rule_count // 2, alternatives - 1),
        "E3": amount(rule_count - 1, alternatives - 1),  # the last rule: past the old cliff
        "E4": amount(rule_count, 0),  # no rule
    }
    result = run_on(tmp_path, rules, [encounter(e, b) for e, b in balances.items()])

    loaded = load_rules(tmp_path / "rules.yaml").eligibility.exclude
    expected = {}
    for eid, balance in balances.items():
        rule = first_rule(loaded, {"encounter.balance": round(float(balance) * 100)})
        if rule is not None:
            expected[eid] = rule.name
    assert result["skips"] == expected
    assert expected == {
        "E1": "rule_0",
        "E2": f"rule_{rule_count // 2}",
        "E3": f"rule_{rule_count - 1}",
    }
    assert result["encounters"] == {"E4": {"level": 1, "status": "open"}}


# The payment stage has no rules of its own: 511 different comparisons fit, 512 hung.
@pytest.mark.parametrize("rule_count", [511, 512])
def test_payment_rules_at_and_past_the_engine_table_run_with_their_plain_meaning(
    tmp_path: Path, rule_count: int
) -> None:
    payment_rules = [
        {"name": f"pay_{r}", "when": f"payment.amount == {r + 1}", "then": "hold"}
        for r in range(rule_count - 1)
    ]
    payment_rules.append(
        {"name": "last", "when": f"payment.amount == {rule_count}", "then": "reset_to_zero"}
    )
    rules = standard_rules(payments={"rules": payment_rules})
    first = "2025-12-15"
    encounters = [
        encounter("E1", "400.00", level=1, first=first),
        encounter("E2", "400.00", level=2, first=first),
    ]
    payments = f"E1,1.00,2026-01-20\nE2,{rule_count}.00,2026-01-20\n"
    result = run_on(tmp_path, rules, encounters, payments)

    loaded = load_rules(tmp_path / "rules.yaml").payment_rules
    hold = first_rule(loaded, {"payment.amount": 100, "payment.percent": 0.25})
    reset = first_rule(loaded, {"payment.amount": rule_count * 100, "payment.percent": 50.0})
    assert (hold.name, hold.then, reset.name, reset.then) == (
        "pay_0",
        "hold",
        "last",
        "reset_to_zero",
    )
    # hold: no rise this run (stays at 1); reset_to_zero: back to 0, then rises to 1
    assert result["encounters"] == {
        "E1": {"level": 1, "status": "open"},
        "E2": {"level": 1, "status": "open"},
    }


def levels(count: int, *, after_days: int | None = None) -> list[dict[str, Any]]:
    out: list[dict[str, Any]] = [{"message": "reminder", "channels": ["email"]}]
    for _ in range(count - 1):
        level: dict[str, Any] = {"message": "reminder", "channels": ["email"]}
        if after_days is not None:
            level["after_days"] = after_days
        out.append(level)
    return out


# The statement stage tests x.level once per level: 511 levels fit, 512 hung.
@pytest.mark.parametrize("level_count", [511, 512])
def test_as_many_dunning_levels_as_the_engine_table_and_one_more_run(
    tmp_path: Path, level_count: int
) -> None:
    rules = standard_rules(dunning={"levels": levels(level_count)})
    first = "2025-10-01"
    encounters = [
        encounter("E1", "50.00"),
        encounter("E2", "60.00", level=level_count - 2, first=first),
    ]
    result = run_on(tmp_path, rules, encounters)
    assert [(s["encounters"], s["level"]) for s in result["statement_list"]] == [
        (["E1", "E2"], level_count - 1)
    ]
    assert result["encounters"] == {
        "E1": {"level": 1, "status": "open"},
        "E2": {"level": level_count - 1, "status": "open"},
    }


# Each after_days gate links an "or" join to the same "no payment hold" test, in a list of 128
# that must end in a zero: 128 levels (127 gates) fit; 129 levels read past the list's end
# (durable-rules lets it pass); from 130 levels durable-rules refused the ruleset (its error
# 107: an internal error). The stage now decides the gates in groups from 129 levels on.
@pytest.mark.parametrize("level_count", [128, 129, 130])
def test_as_many_after_days_gates_as_the_engine_list_and_one_more_run(
    tmp_path: Path, level_count: int
) -> None:
    rules = standard_rules(dunning={"levels": levels(level_count, after_days=60)})
    encounters = [
        encounter("E1", "50.00", level=level_count - 1, first="2026-01-01"),  # gate holds
        encounter("E2", "60.00", level=level_count - 1, first="2025-10-01"),  # gate open
    ]
    result = run_on(tmp_path, rules, encounters)
    assert result["encounters"] == {
        "E1": {"level": level_count - 1, "status": "open"},
        "E2": {"level": level_count, "status": "open"},
    }


def nested(groups: int) -> str:
    """A condition whose rule has ``groups`` 'and'/'or' groups, counting the 'and' every rule
    starts with: 'or' inside 'and' inside 'or'..., and when the count asks for it, a 'not' of a
    comparison ("no value, or the opposite") innermost."""
    inner = groups - 1
    condition = "not encounter.balance > 9999" if inner % 2 else "encounter.balance > 9999"
    for i in range(inner // 2):
        condition = f"encounter.balance > {i + 1} or (encounter.level == {i} and ({condition}))"
    return condition


# A rule held 15 nested 'and'/'or' groups (durable-rules' 31 expression steps): 16 made the
# run end in an internal error (its error 113). Each alternative is now a flat rule of its own.
@pytest.mark.parametrize("groups", [15, 16, 41])
def test_a_deeply_nested_condition_runs_with_its_plain_meaning(tmp_path: Path, groups: int) -> None:
    rules = standard_rules(eligibility={"exclude": [{"name": "deep", "when": nested(groups)}]})
    top = (groups - 1) // 2 - 1  # the outermost: 'balance > top + 1 or (level == top and ...'
    ledger = [("E1", "50.00", 0), ("E2", f"{top}.50", top), ("E3", f"{top}.50", 0)]
    result = run_on(tmp_path, rules, [encounter(e, b, level=n) for e, b, n in ledger])
    loaded = load_rules(tmp_path / "rules.yaml").eligibility.exclude
    expected = {}
    for eid, balance, level in ledger:
        fact = {"encounter.balance": round(float(balance) * 100), "encounter.level": level}
        rule = first_rule(loaded, fact)
        if rule is not None:
            expected[eid] = rule.name
    assert result["skips"] == expected
    assert set(expected) == {"E1", "E2"}  # E2: two groups deep; E3: nothing matches


# The adapter's model of durable-rules' tables, at each limit and one past it (in process:
# a ruleset past a limit is refused before durable-rules sees it, so nothing can hang).


def distinct_tests(count: int) -> list[tuple[str, dict[str, Any]]]:
    return [(f"r{i}", {"$gt": {"b": i}}) for i in range(count)]


def same_test(count: int) -> list[tuple[str, dict[str, Any]]]:
    return [(f"r{i}", {"$gt": {"b": 5}}) for i in range(count)]


def or_joins(count: int) -> list[tuple[str, dict[str, Any]]]:
    return [(f"r{i}", {"$or": [{"$gt": {"b": 5}}, {"$lt": {"c": i}}]}) for i in range(count)]


def groups(count: int) -> list[tuple[str, dict[str, Any]]]:
    """One rule of ``count`` groups, the rule's own 'and' included: alternating or/and."""
    condition: dict[str, Any] = {"$gt": {"b": 0}}
    for i in range(count - 1):
        condition = {("$or", "$and")[i % 2]: [{"$lt": {"c": i}}, condition]}
    return [("r", condition)]


@pytest.mark.parametrize(
    ("rules", "problem"),
    [
        (groups, "'and'/'or' groups and a rule holds at most 15"),
        (distinct_tests, "more than 511 different comparisons follow the same test"),
        (same_test, "more than 255 rules end in the same test"),
        (or_joins, "more than 127 'or' joins and 'no value' tests follow the same test"),
    ],
)
def test_the_adapter_registers_a_ruleset_at_each_engine_limit_and_refuses_one_past_it(
    rules: Any, problem: str
) -> None:
    from rulesengine.statements.durable_adapter import DurableCapacityError, FirstMatchRuleset

    limit = int(problem.split()[2]) if problem.startswith("more") else 15
    with FirstMatchRuleset("t", rules(limit), kind="fact") as ruleset:
        assert ruleset.classify([{"id": "1", "b": -1, "c": 10**6}]) == {"1": None}
    # durable-rules itself refuses or hangs past the limit: the adapter never hands it over
    with pytest.raises(DurableCapacityError, match=problem):
        FirstMatchRuleset("t", rules(limit + 1), kind="fact")


def test_a_stage_past_every_engine_limit_keeps_the_first_match() -> None:
    from rulesengine.rules.policy import Compare, Const, Field
    from rulesengine.statements.compile import Stage

    def balance(op: str, dollars: int) -> Compare:
        return Compare(op, Field("encounter.balance"), Const(dollars))  # type: ignore[arg-type]

    rules = [(f"d{i}", balance("==", 10_000 + i)) for i in range(1200)]  # 1200 distinct tests
    rules += [(f"s{i}", balance(">", 5)) for i in range(600)]  # 600 rules ending in one test
    stage = Stage("t", rules)
    cents = [1_000_000, 1_060_000, 1_119_900, 600, 1]
    facts = [{"encounter.balance": c} for c in cents]
    expected = [next((n for n, e in rules if meaning(e, f)), None) for f in facts]
    assert stage.decide(facts) == expected == ["d0", "d600", "d1199", "s0", None]
