"""Conditions compile to durable-rules tests whose verdicts equal the conditions' meaning."""

from __future__ import annotations

from typing import Any

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from rulesengine.rules.policy import And, Compare, Const, Expr, Field, In, Not, Or
from rulesengine.statements.compile import Stage, compile_condition

F, C = Field, Const


def meaning(expr: Expr, fact: dict[str, Any]) -> bool:
    """The reference meaning of a condition (docs/rules.md, "Conditions"): a comparison that
    uses a field with no value is false; ``not`` of it is true."""
    if isinstance(expr, Const):
        return bool(expr.value)
    if isinstance(expr, Not):
        return not meaning(expr.operand, fact)
    if isinstance(expr, And):
        return all(meaning(e, fact) for e in expr.operands)
    if isinstance(expr, Or):
        return any(meaning(e, fact) for e in expr.operands)
    if isinstance(expr, In):
        value = fact.get(expr.field.path)
        return value is not None and any(
            value == scaled(expr.field.path, c.value) for c in expr.values
        )
    assert isinstance(expr, Compare)
    values = []
    for side in (expr.left, expr.right):
        if isinstance(side, Field):
            value = fact.get(side.path)
            if value is None:
                return False
            values.append(value)
        else:
            other = expr.right if side is expr.left else expr.left
            values.append(scaled(other.path if isinstance(other, Field) else "", side.value))
    a, b = values
    return {
        "<": a < b,
        "<=": a <= b,
        ">": a > b,
        ">=": a >= b,
        "==": a == b,
        "!=": a != b,
    }[expr.op]


def scaled(path: str, value: Any) -> Any:
    money = path in ("encounter.balance", "guarantor.balance", "payment.amount")
    return round(value * 100) if money and not isinstance(value, bool) else value


def decide_one(expr: Expr, fact: dict[str, Any]) -> bool:
    return Stage("t", [("hit", expr)]).decide([fact]) == ["hit"]


def test_a_comparison_on_a_missing_field_is_false_and_its_negation_true():
    expr = Compare("==", F("encounter.location"), C("north"))
    assert not decide_one(expr, {})
    assert decide_one(Not(expr), {})
    assert decide_one(Not(expr), {"encounter.location": "south"})
    assert not decide_one(Not(expr), {"encounter.location": "north"})


def test_money_constants_compare_in_cents():
    """``encounter.balance < 1.00`` holds for 99 cents and not for 100."""
    expr = Compare("<", F("encounter.balance"), C(1.00))
    assert decide_one(expr, {"encounter.balance": 99})
    assert not decide_one(expr, {"encounter.balance": 100})


def test_constant_on_the_left_is_flipped():
    expr = Compare(">", C(3), F("encounter.level"))  # 3 > level  ==  level < 3
    assert decide_one(expr, {"encounter.level": 2})
    assert not decide_one(expr, {"encounter.level": 3})


def test_in_and_not_in():
    expr = In(F("encounter.provider"), [C("a"), C("b")])
    assert decide_one(expr, {"encounter.provider": "b"})
    assert not decide_one(expr, {"encounter.provider": "c"})
    assert not decide_one(expr, {})
    assert decide_one(Not(expr), {}) and decide_one(Not(expr), {"encounter.provider": "c"})


def test_field_compared_with_field():
    expr = Compare(">", F("encounter.balance"), F("guarantor.balance"))
    assert decide_one(expr, {"encounter.balance": 5, "guarantor.balance": 4})
    assert not decide_one(expr, {"encounter.balance": 4, "guarantor.balance": 4})
    assert not decide_one(expr, {"encounter.balance": 4})
    assert decide_one(Not(expr), {"encounter.balance": 4})


def test_true_and_false_conditions():
    assert decide_one(C(True), {})
    assert not decide_one(C(False), {})
    assert decide_one(Not(C(False)), {})


def test_first_match_wins_across_rules():
    stage = Stage("t", [("big", Compare(">=", F("payment.percent"), C(25))), ("any", C(True))])
    assert stage.decide([{"payment.percent": 30.0}, {"payment.percent": 5.0}]) == ["big", "any"]


def test_items_are_read_through_raw_values_and_their_field_values():
    stage = Stage(
        "t",
        [
            ("old", Compare(">=", F("encounter.days_since_service"), C(90))),
            ("small", Compare("<", F("encounter.balance"), C(10))),
        ],
    )
    items = [(100, 5_000), (150, 500), (150, 5_000), (None, 1), (100, 1)]
    readers = {
        # raw: the service day number; value: days since it on day 200
        "encounter.days_since_service": (
            lambda item: item[0],
            lambda day: None if day is None else 200 - day,
        ),
        "encounter.balance": (lambda item: item[1], lambda cents: cents),
    }
    assert stage.decide_items(items, readers) == ["old", "small", None, "small", "old"]
    facts = [
        {"encounter.days_since_service": None if d is None else 200 - d, "encounter.balance": b}
        for d, b in items
    ]
    assert stage.decide(facts) == stage.decide_items(items, readers)


def test_an_empty_stage_decides_nothing():
    assert Stage("t", []).decide([{}, {}]) == [None, None]


def test_compiled_conditions_are_plain_data():
    """What goes to durable-rules is JSON-able data (no Python callables)."""
    import json

    expr = And([Not(In(F("encounter.location"), [C("x")])), Or([C(True), C(False)])])
    json.dumps(compile_condition(expr))


# --- property: durable verdicts through interval classes equal the reference meaning -------

NUMERIC = [
    "encounter.balance",
    "encounter.level",
    "payment.percent",
    "encounter.days_since_first_statement",
]
STRING = ["encounter.location"]
BOOL = ["guarantor.paperless"]
OPS = ["<", "<=", ">", ">=", "==", "!="]


def leaves() -> st.SearchStrategy[Expr]:
    numeric = st.builds(
        lambda f, op, v: Compare(op, F(f), C(v)),
        st.sampled_from(NUMERIC),
        st.sampled_from(OPS),
        st.integers(-2, 12),
    )
    flipped = st.builds(
        lambda f, op, v: Compare(op, C(v), F(f)),
        st.sampled_from(NUMERIC),
        st.sampled_from(OPS),
        st.integers(-2, 12),
    )
    strings = st.builds(
        lambda op, v: Compare(op, F("encounter.location"), C(v)),
        st.sampled_from(["==", "!="]),
        st.sampled_from(["a", "b", "c"]),
    )
    members = st.builds(
        lambda vs: In(F("encounter.location"), [C(v) for v in vs]),
        st.lists(st.sampled_from(["a", "b", "c"]), min_size=1, max_size=3),
    )
    booleans = st.builds(lambda v: Compare("==", F("guarantor.paperless"), C(v)), st.booleans())
    fields = st.builds(
        lambda op: Compare(op, F("encounter.level"), F("encounter.days_since_first_statement")),
        st.sampled_from(OPS),
    )
    return st.one_of(
        numeric, flipped, strings, members, booleans, fields, st.builds(C, st.booleans())
    )


conditions = st.recursive(
    leaves(),
    lambda inner: st.one_of(
        st.builds(Not, inner),
        st.builds(lambda xs: And(xs), st.lists(inner, min_size=1, max_size=3)),
        st.builds(lambda xs: Or(xs), st.lists(inner, min_size=1, max_size=3)),
    ),
    max_leaves=6,
)


def facts() -> st.SearchStrategy[dict[str, Any]]:
    def maybe(strategy):
        return st.one_of(st.none(), strategy)

    return st.fixed_dictionaries(
        {
            "encounter.balance": maybe(st.integers(-300, 1300)),
            "encounter.level": maybe(st.integers(-1, 13)),
            "payment.percent": maybe(st.floats(-3, 13, allow_nan=False)),
            "encounter.days_since_first_statement": maybe(st.integers(-3, 13)),
            "encounter.location": maybe(st.sampled_from(["a", "b", "c", "d"])),
            "guarantor.paperless": maybe(st.booleans()),
        }
    )


@settings(max_examples=60, deadline=None)
@given(
    rules=st.lists(conditions, min_size=1, max_size=4),
    batch=st.lists(facts(), min_size=1, max_size=25),
)
def test_stage_verdicts_equal_the_reference_meaning(rules, batch):
    """Whatever the conditions and facts, durable-rules (fed one fact per interval class)
    picks the same first rule as evaluating every condition directly."""
    named = [(f"r{i}", expr) for i, expr in enumerate(rules)]
    expected = [next((name for name, expr in named if meaning(expr, fact)), None) for fact in batch]
    assert Stage("t", named).decide(batch) == expected


def test_rules_whose_alternatives_all_match_are_decided_in_smaller_groups():
    """durable-rules refuses a message matching too many alternatives at once (its error
    303); the stage then decides its rules in halves, keeping the first match."""
    many = Or([Compare(">", F("encounter.balance"), C(i)) for i in range(64)])
    stage = Stage("t", [(f"r{r}", many) for r in range(4)] + [("small", C(True))])
    assert stage.decide([{"encounter.balance": 20_000}, {"encounter.balance": -5}]) == [
        "r0",
        "small",
    ]


def test_a_rule_whose_alternatives_all_match_is_decided_in_smaller_groups_too():
    """Each alternative of a rule is a durable-rules rule of its own, so even one rule whose
    alternatives all match one message past what durable-rules holds (its error 303) is
    decided in groups, as the rule's name."""
    too_many = Or([Compare(">", F("encounter.balance"), C(i)) for i in range(70)])
    stage = Stage("t", [("big", too_many), ("small", C(True))])
    assert stage.decide([{"encounter.balance": 20_000}, {"encounter.balance": -5}]) == [
        "big",
        "small",
    ]


# --- amounts and percentages: classified all at once --------------------------------------


@settings(max_examples=80, deadline=None)
@given(
    tests=st.lists(
        st.tuples(st.sampled_from(OPS), st.integers(-5, 15) | st.floats(-5, 15, allow_nan=False)),
        min_size=1,
        max_size=5,
    ),
    values=st.lists(st.integers(-8, 18) | st.floats(-8, 18, allow_nan=False), max_size=30),
)
def test_percentages_all_numbers_decide_as_the_conditions_say(tests, values):
    """Numbers classified all at once (no value missing) get the verdict of the first
    condition that holds for each, whatever the constants and the numbers."""
    named = [(f"r{i}", Compare(op, F("payment.percent"), C(c))) for i, (op, c) in enumerate(tests)]
    facts = [{"payment.percent": v} for v in values]
    expected = [next((n for n, e in named if meaning(e, f)), None) for f in facts]
    assert Stage("t", named).decide(facts) == expected


@pytest.mark.parametrize("none_among_them", [False, True])
def test_amounts_decide_the_same_read_at_once_or_one_by_one(none_among_them):
    """Many distinct amounts, all numbers (read at once) or some missing (read one by one),
    get the verdicts of the conditions on them."""
    stage = Stage(
        "t",
        [
            ("tiny", Compare("<", F("encounter.balance"), C(1))),
            ("big", Compare(">=", F("payment.percent"), C(25))),
        ],
    )
    items = [(cents, cents / 40) for cents in range(-50, 1500, 7)]
    if none_among_them:
        items[3] = (None, None)
    readers = {
        "encounter.balance": (lambda item: item[0], None),
        "payment.percent": (lambda item: item[1], None),
    }
    facts = [{"encounter.balance": b, "payment.percent": p} for b, p in items]
    expected = [next((n for n, e in stage.rules if meaning(e, f)), None) for f in facts]
    assert stage.decide_items(items, readers) == expected
    assert stage.decide(facts) == expected
