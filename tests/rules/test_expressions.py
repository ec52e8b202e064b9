"""Tests for rulesengine.rules.expressions: the condition grammar, types and safety."""

from __future__ import annotations

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from rulesengine.rules.condition_tokens import ConditionError
from rulesengine.rules.expressions import (
    FIELDS,
    MAX_ALTERNATIVES,
    parse_condition,
)
from rulesengine.rules.policy import And, Compare, Const, Field, In, Not, Or


def parse(text: str, *, payment: bool = False):  # type: ignore[no-untyped-def]
    return parse_condition(text, allow_payment=payment)


def error(text: str, *, payment: bool = False) -> ConditionError:
    with pytest.raises(ConditionError) as info:
        parse_condition(text, allow_payment=payment)
    return info.value


def test_vocabulary_is_exactly_the_rules_format_fields() -> None:
    """FIELDS lists the fields of docs/rules.md with their types."""
    assert dict(FIELDS) == {
        "encounter.balance": "money",
        "encounter.level": "int",
        "encounter.statements_sent": "int",
        "encounter.days_since_service": "int",
        "encounter.days_since_first_statement": "int",
        "encounter.days_since_last_statement": "int",
        "encounter.location": "str",
        "encounter.provider": "str",
        "guarantor.balance": "money",
        "guarantor.has_email": "bool",
        "guarantor.has_mobile": "bool",
        "guarantor.paperless": "bool",
        "guarantor.days_since_last_statement": "int",
        "payment.amount": "money",
        "payment.percent": "number",
        "payment.days_ago": "int",
        "payment.largest": "money",
    }


def test_comparison_builds_compare_with_numbers_as_written() -> None:
    """Integers stay ints, decimals become floats."""
    assert parse("encounter.balance < 1.50") == Compare("<", Field("encounter.balance"), Const(1.5))
    assert parse("encounter.level >= 2") == Compare(">=", Field("encounter.level"), Const(2))
    assert parse("encounter.level == -1") == Compare("==", Field("encounter.level"), Const(-1))


def test_constant_may_stand_on_the_left() -> None:
    """``5 < encounter.balance`` keeps the sides as written."""
    assert parse("5 < encounter.balance") == Compare("<", Const(5), Field("encounter.balance"))


def test_precedence_is_or_then_and_then_not() -> None:
    """``a or b and not c`` is ``a or (b and (not c))``."""
    a = Compare("==", Field("guarantor.has_email"), Const(True))
    b = Compare(">", Field("encounter.level"), Const(1))
    c = Compare("==", Field("guarantor.paperless"), Const(True))
    assert parse("guarantor.has_email or encounter.level > 1 and not guarantor.paperless") == Or(
        [a, And([b, Not(c)])]
    )


def test_parentheses_group() -> None:
    """Parentheses override precedence."""
    expr = parse("(encounter.level > 1 or encounter.level < 0) and guarantor.paperless")
    assert isinstance(expr, And) and isinstance(expr.operands[0], Or)


def test_bare_boolean_field_means_equal_to_true() -> None:
    """``guarantor.paperless`` alone is ``guarantor.paperless == true``."""
    assert parse("guarantor.paperless") == Compare("==", Field("guarantor.paperless"), Const(True))


def test_true_and_false_alone_are_constant_conditions() -> None:
    """``true`` and ``false`` are the always and never conditions."""
    assert parse("true") == Const(True)
    assert parse("not false") == Not(Const(False))


def test_in_and_not_in_lists() -> None:
    """``in [..]`` builds In; ``not in`` builds Not(In); both quote styles work."""
    assert parse("encounter.location in ['North', \"South\"]") == In(
        Field("encounter.location"), [Const("North"), Const("South")]
    )
    assert parse("encounter.level not in [1, 2]") == Not(
        In(Field("encounter.level"), [Const(1), Const(2)])
    )


def test_strings_keep_escaped_quotes() -> None:
    """A backslash escapes the quote character inside a quoted text."""
    assert parse(r"encounter.provider == 'O\'Brien'") == Compare(
        "==", Field("encounter.provider"), Const("O'Brien")
    )


def test_payment_fields_only_in_payment_rules() -> None:
    """payment.* parses with allow_payment and is an error elsewhere."""
    assert parse("payment.percent >= 25", payment=True) == Compare(
        ">=", Field("payment.percent"), Const(25)
    )
    exc = error("payment.percent >= 25")
    assert exc.offset == 0 and "only available in payment rules" in exc.message


def test_unknown_field_suggests_the_closest() -> None:
    """A misspelt field gets a did-you-mean at its offset."""
    exc = error("encounter.level > 1 and encounter.balanc < 5")
    assert exc.message == "unknown field 'encounter.balanc'; did you mean 'encounter.balance'?"
    assert exc.offset == 24


def test_unknown_field_outside_payment_rules_does_not_suggest_payment_fields() -> None:
    """The suggestion list excludes payment.* where they are not allowed."""
    exc = error("foo.bar > 1")
    assert "payment." not in exc.message and "encounter.balance" in exc.message


@pytest.mark.parametrize(
    ("text", "offset", "fragment"),
    [
        ("__import__('os')", 0, "'__import__' is not allowed"),
        ("encounter.__class__ == 1", 0, "is not allowed in a condition"),
        ("len(encounter.location) > 3", 0, "calls such as 'len(...)'"),
        ("encounter.location[0] == 'N'", 18, "subscripts"),
        ("lambda: 1", 0, "'lambda' is not allowed"),
        ("import os", 0, "'import' is not allowed"),
        ("encounter.balance + 1 > 2", 18, "no arithmetic"),
        ("encounter.balance = 5", 18, "use =="),
        ("encounter.balance <> 5", 18, "use !="),
        ("!guarantor.paperless", 0, "use 'not'"),
        ("guarantor.paperless && true", 20, "use 'and' / 'or'"),
        ("guarantor.paperless == True", 23, "write true in lower case"),
        ("encounter.location == None", 22, "there is no None"),
        ("encounter.balance < 1 < 2", 22, "chained comparison"),
        ("encounter.balance <", 19, "found the end of the condition"),
        ("(encounter.balance < 1", 22, "expected ')'"),
        ("encounter.provider == 'x", 22, "is not closed"),
        ("", 0, "the condition is empty"),
        ("1 < 2", 0, "compares two values"),
        ("encounter.balance", 0, "not true or false"),
        ("encounter.balance < '5'", 20, "compare it with a number"),
        ("encounter.location == 5", 22, "compare it with a quoted text"),
        ("guarantor.paperless == 1", 23, "compare it with true or false"),
        ("encounter.location < 'M'", 19, "'<' cannot be used"),
        ("guarantor.paperless > false", 20, "'>' cannot be used"),
        ("encounter.balance < 0.001", 20, "more than two decimal places"),
        ("encounter.balance > encounter.level", 20, "cannot compare"),
        ("guarantor.paperless in [true]", 20, "use == instead of 'in'"),
        ("encounter.location in 'North'", 22, "expected '['"),
        ("encounter.location in ['a' 'b']", 27, "expected ',' or ']'"),
        ("encounter.level in [1, 'a']", 23, "compare it with a number"),
        ("encounter.balance >= 1e5", 21, "malformed number"),
        ("encounter.balance > 5 foo", 22, "expected 'and', 'or'"),
        ("encounter.balance > 5 AND true", 22, "write and in lower case"),
    ],
)
def test_rejected_conditions_point_at_the_offending_character(
    text: str, offset: int, fragment: str
) -> None:
    """Every rejected condition names the problem and where it is."""
    exc = error(text)
    assert fragment in exc.message
    assert exc.offset == offset


def test_deep_nesting_is_an_error_not_a_crash() -> None:
    """Hundreds of parentheses or nots give a ConditionError, never a RecursionError."""
    assert "nested too deeply" in error("(" * 500 + "true" + ")" * 500).message
    assert "nested too deeply" in error("not " * 500 + "true").message


_FIELD_NAMES = sorted(f for f, t in FIELDS.items() if not f.startswith("payment."))


@st.composite
def _conditions(draw: st.DrawFn, depth: int = 0) -> str:
    """Random valid conditions, as text."""
    if depth < 3 and draw(st.booleans()):
        op = draw(st.sampled_from(["and", "or"]))
        left = draw(_conditions(depth + 1))
        right = draw(_conditions(depth + 1))
        negate = "not " if draw(st.booleans()) else ""
        return f"{negate}({left} {op} {right})"
    field = draw(st.sampled_from(_FIELD_NAMES))
    kind = FIELDS[field]
    if kind == "bool":
        return draw(st.sampled_from([field, f"{field} == true", f"{field} != false"]))
    if kind == "str":
        word = draw(st.text(alphabet="abcXYZ '", max_size=6)).replace("'", "\\'")
        return draw(st.sampled_from([f"{field} == '{word}'", f"{field} in ['{word}', 'q']"]))
    number = draw(st.integers(min_value=-1000, max_value=100000))
    op = draw(st.sampled_from(["<", "<=", ">", ">=", "==", "!="]))
    return f"{field} {op} {number}"


@given(_conditions())
@settings(max_examples=300, deadline=None)
def test_generated_valid_conditions_parse(text: str) -> None:
    """Any condition built from the grammar and vocabulary parses, unless it expands past
    the documented limit of alternatives (three levels of `and` over `in [...]` can)."""
    try:
        parse(text)
    except ConditionError as exc:
        assert exc.message.startswith(
            f"the condition is too complex: it has more than {MAX_ALTERNATIVES} alternatives"
        ), exc.message


@given(st.text(max_size=40))
@settings(max_examples=500, deadline=None)
def test_arbitrary_text_either_parses_or_raises_condition_error(text: str) -> None:
    """No input crashes the parser: it returns an AST or a ConditionError inside the text."""
    try:
        parse(text, payment=True)
    except ConditionError as exc:
        assert 0 <= exc.offset <= len(text)
        assert exc.message


def test_payment_largest_is_an_amount_of_payment_rules_only() -> None:
    assert parse("payment.largest >= 10", payment=True) == Compare(
        ">=", Field("payment.largest"), Const(10)
    )
    assert error("payment.largest >= 10").message == (
        "'payment.largest' is only available in payment rules (payments.rules), not here"
    )
    assert "more than two decimal places" in error("payment.largest >= 1.005", payment=True).message


def test_guarantor_days_since_last_statement_is_a_whole_number_everywhere() -> None:
    expr = Compare("<", Field("guarantor.days_since_last_statement"), Const(28))
    assert parse("guarantor.days_since_last_statement < 28") == expr
    assert parse("guarantor.days_since_last_statement < 28", payment=True) == expr
    assert "did you mean 'guarantor.days_since_last_statement'" in (
        error("guarantor.days_since_last_statment < 28").message
    )
