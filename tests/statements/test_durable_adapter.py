"""The durable-rules adapter keeps clear of durable-rules' sharp edges (each test names one)."""

from __future__ import annotations

import re
import subprocess
import sys
import threading
from pathlib import Path

import pytest

from rulesengine.statements.durable_adapter import DurableError, FirstMatchRuleset

ROOT = Path(__file__).resolve().parents[2]
GE5 = {"$gte": {"x": 5}}
GE2 = {"$gte": {"x": 2}}


def test_first_matching_rule_wins_in_priority_order():
    """A fact matching several rules is decided by the earliest one."""
    with FirstMatchRuleset("t", [("high", GE5), ("low", GE2)], kind="f") as rs:
        decided = rs.classify([{"id": str(x), "x": x} for x in range(8)])
    assert decided == {
        "0": None,
        "1": None,
        "2": "low",
        "3": "low",
        "4": "low",
        "5": "high",
        "6": "high",
        "7": "high",
    }


def test_a_fact_that_matches_no_rule_is_none_and_never_raises():
    """durable-rules raises on unmatched messages; the catch-all rule prevents it."""
    with FirstMatchRuleset("t", [("never", {"$gte": {"x": 100}})], kind="f") as rs:
        assert rs.classify([{"id": "a", "x": 1}, {"id": "b"}]) == {"a": None, "b": None}


def test_an_or_matching_on_both_branches_is_decided_once():
    """An $or whose branches both hold fires twice in durable-rules; the verdict is one."""
    either = {"$or": [GE2, {"$gte": {"x": 3}}]}
    with FirstMatchRuleset("t", [("either", either)], kind="f") as rs:
        assert rs.classify([{"id": "1", "x": 4}]) == {"1": "either"}


def test_numbers_python_writes_in_exponent_notation_reach_it_as_their_digits():
    """durable-rules refuses ``1e-05`` in a rule (its error 204) and misreads it in a
    message; the adapter writes every number as digits, and leaves strings alone."""
    tiny = {"$lt": {"x": 1e-05}}
    with FirstMatchRuleset("t", [("tiny", tiny)], kind="f") as rs:
        decided = rs.classify(
            [
                {"id": "a", "x": 1e-06},
                {"id": "b", "x": 2e-05},
                {"id": "c", "x": 0.000009},
                {"id": "d", "x": -2.5e-07},
            ]
        )
    assert decided == {"a": "tiny", "b": None, "c": "tiny", "d": "tiny"}
    named = {"$eq": {"name": 'x1e5 "2e-05"'}}
    with FirstMatchRuleset("t", [("named", named)], kind="f") as rs:
        assert rs.classify([{"id": "a", "name": 'x1e5 "2e-05"'}, {"id": "b", "name": "x"}]) == {
            "a": "named",
            "b": None,
        }


def test_two_rulesets_with_the_same_name_do_not_collide():
    """Each ruleset is registered under a unique name, so two versions of a profile coexist."""
    a = FirstMatchRuleset("standard.payments", [("r", GE5)], kind="f")
    b = FirstMatchRuleset("standard.payments", [("r", GE2)], kind="f")
    try:
        assert a.name != b.name
        facts = [{"id": "1", "x": 3}]
        assert a.classify(facts) == {"1": None}
        assert b.classify(facts) == {"1": "r"}
    finally:
        a.close()
        b.close()


def test_no_state_leaks_from_one_evaluation_into_the_next():
    """Events are consumed: posting the same ids again is decided afresh, identically."""
    with FirstMatchRuleset("t", [("r", GE5)], kind="f") as rs:
        first = rs.classify([{"id": "1", "x": 9}, {"id": "2", "x": 1}])
        second = rs.classify([{"id": "1", "x": 1}, {"id": "2", "x": 9}])
    assert first == {"1": "r", "2": None}
    assert second == {"1": None, "2": "r"}


def test_many_distinct_facts_are_all_decided():
    """With explicit ids nothing is silently dropped (content-hash ids lost messages)."""
    facts = [{"id": str(i), "x": i % 10} for i in range(200_000)]
    with FirstMatchRuleset("t", [("r", GE5)], kind="f") as rs:
        decided = rs.classify(facts)
    assert len(decided) == 200_000
    assert sum(1 for v in decided.values() if v == "r") == 100_000


def test_duplicate_ids_are_refused_rather_than_lost():
    """Two facts with one id would be merged by durable-rules: the adapter says so."""
    with FirstMatchRuleset("t", [("r", GE5)], kind="f") as rs:
        with pytest.raises(DurableError, match="unique ids"):
            rs.classify([{"id": "1", "x": 1}, {"id": "1", "x": 9}])


def test_thousands_of_rulesets_come_and_go():
    """One ruleset per evaluation, deleted after: no 1024-session limit, no leak of names."""
    for _ in range(2000):
        with FirstMatchRuleset("t", [("r", GE5)], kind="f") as rs:
            rs.classify([{"id": "1", "x": 7}])


def test_a_ruleset_belongs_to_the_thread_that_made_it():
    """durable-rules loses firings across threads, so the adapter refuses it."""
    errors: list[BaseException] = []
    with FirstMatchRuleset("t", [("r", GE5)], kind="f") as rs:

        def use() -> None:
            try:
                rs.classify([{"id": "1", "x": 7}])
            except BaseException as error:
                errors.append(error)

        thread = threading.Thread(target=use)
        thread.start()
        thread.join()
    assert len(errors) == 1 and isinstance(errors[0], DurableError)


def test_a_closed_ruleset_refuses_work():
    rs = FirstMatchRuleset("t", [("r", GE5)], kind="f")
    rs.close()
    rs.close()  # closing twice is harmless
    with pytest.raises(DurableError, match="closed"):
        rs.classify([{"id": "1", "x": 1}])


def test_deleting_rulesets_never_crashes_the_process():
    """delete_state segfaults where no action fired; the adapter's delete_ruleset must not.

    Run in a child process so a crash shows as a failed exit code, not a dead test run.
    """
    code = (
        "from rulesengine.statements.durable_adapter import FirstMatchRuleset\n"
        "for i in range(300):\n"
        "    rs = FirstMatchRuleset('t', [('r', {'$gte': {'x': 5}})], kind='f')\n"
        "    if i % 3 == 0: rs.classify([{'id': '1', 'x': 1}])\n"  # only the catch-all fires
        "    elif i % 3 == 1: rs.classify([{'id': '1', 'x': 9}])\n"
        "    rs.close()\n"  # i % 3 == 2: nothing ever posted
        "print('ok')\n"
    )
    result = subprocess.run(
        [sys.executable, "-c", code], capture_output=True, text=True, timeout=120
    )
    assert result.returncode == 0, result.stderr
    assert result.stdout.strip() == "ok"


def test_rule_names_must_be_unique():
    with pytest.raises(DurableError, match="unique"):
        FirstMatchRuleset("t", [("r", GE5), ("r", GE2)], kind="f")


def test_only_one_module_imports_durable():
    """durable-rules stays behind the adapter (ansible-rulebook's lesson)."""
    importers = []
    for path in [
        *ROOT.joinpath("rulesengine").rglob("*.py"),
        *ROOT.joinpath("plugins").rglob("*.py"),
    ]:
        if re.search(r"^\s*(from|import)\s+durable", path.read_text(encoding="utf-8"), re.M):
            importers.append(path.relative_to(ROOT).as_posix())
    assert importers == ["rulesengine/statements/durable_adapter.py"]
