"""Tests for rulesengine.rules.templates: the load-time check, the sandbox and ``money``."""

from __future__ import annotations

import decimal

import jinja2
import pytest

from rulesengine.rules.templates import (
    VARIABLES,
    check_template,
    check_template_issues,
    money,
    render,
)

VARIABLES_AT_SEND = {
    "practice": "Riverside",
    "profile": "Standard",
    "phone": "+1 555 555 0199",
    "pay_link": "https://pay.example.org/q/abc",
    "guarantor": {"first_name": "Ada", "last_name": "Lovelace"},
    "statement": {
        "total": 123450,
        "level": 2,
        "due_date": "2026-02-22",
        "id": "S-1",
        "encounter_count": 3,
    },
}


def test_every_documented_variable_is_accepted_and_rendered() -> None:
    """All eleven variables pass the check and render from a mapping."""
    source = " ".join("{{ " + v + " }}" for v in VARIABLES)
    assert check_template(source) == []
    assert render(source, VARIABLES_AT_SEND) == (
        "Riverside Standard +1 555 555 0199 https://pay.example.org/q/abc Ada Lovelace "
        "123450 2 2026-02-22 S-1 3"
    )


def test_money_filter_formats_cents_with_a_dollar_sign() -> None:
    """``statement.total | money`` renders cents as $1,234.50."""
    assert render("{{ statement.total | money }}", VARIABLES_AT_SEND) == "$1,234.50"


@pytest.mark.parametrize(
    ("value", "expected"),
    [
        (0, "$0.00"),
        (5, "$0.05"),
        (123456789, "$1,234,567.89"),
        (-1250, "-$12.50"),
        (decimal.Decimal("12.5"), "$12.50"),
        (decimal.Decimal("-0.005"), "-$0.01"),
    ],
)
def test_money_accepts_cents_or_decimal_dollars(value: object, expected: str) -> None:
    """Whole cents or a Decimal amount in dollars."""
    assert money(value) == expected


@pytest.mark.parametrize("value", [True, 1.5, "12.50", None])
def test_money_refuses_other_types(value: object) -> None:
    """Floats, text, booleans and None are a bug in the caller, not silently formatted."""
    with pytest.raises(TypeError):
        money(value)


def test_harmless_filters_and_conditionals_are_allowed() -> None:
    """upper/title/default and {% if %} work; autoescape is off."""
    source = (
        "{% if statement.level > 1 %}{{ practice | upper }}{% else %}x{% endif %} "
        "{{ guarantor.first_name | title }} <{{ phone }}>"
    )
    assert check_template(source) == []
    assert render(source, VARIABLES_AT_SEND) == "RIVERSIDE Ada <+1 555 555 0199>"


@pytest.mark.parametrize(
    ("source", "message"),
    [
        (
            "{{ guarantor.ssn }}",
            "unknown variable 'guarantor.ssn' (guarantor.first_name, guarantor.last_name are "
            "available)",
        ),
        (
            "{{ statement.totl }}",
            "unknown variable 'statement.totl'; did you mean 'statement.total'?",
        ),
        ("{{ practise }}", "unknown variable 'practise'; did you mean 'practice'?"),
        (
            "{{ guarantor }}",
            "use one of guarantor.first_name, guarantor.last_name instead of 'guarantor' alone",
        ),
        (
            "{{ ''.__class__.__mro__ }}",
            "'.__class__' is not allowed in a message template: only the listed variables "
            "(such as guarantor.first_name or statement.total) can be used",
        ),
        ("{{ range(10) }}", "calls such as 'range(...)' are not allowed in a message template"),
        ("{{ lipsum() }}", "calls such as 'lipsum(...)' are not allowed in a message template"),
        (
            "{{ namespace() }}",
            "calls such as 'namespace(...)' are not allowed in a message template",
        ),
        ("{{ joiner() }}", "calls such as 'joiner(...)' are not allowed in a message template"),
        (
            "{{ practice.upper() }}",
            "calls such as 'upper(...)' are not allowed in a message template",
        ),
        (
            "{% for x in [1] %}{% endfor %}",
            "loops ({% for %}) are not allowed in a message template",
        ),
        ("{% set x = 1 %}", "assignments ({% set %}) are not allowed in a message template"),
        ("{% include 'x' %}", "{% include %} is not allowed in a message template"),
        ("{{ statement.total * 1000 }}", "arithmetic is not allowed in a message template"),
        (
            "{{ statement.total | attr('x') }}",
            "the filter 'attr' is not allowed in a message template (filters: money, upper, "
            "lower, title, capitalize, trim, default, round, int)",
        ),
        (
            "{{ practice is callable }}",
            "the test 'callable' is not allowed in a message template (tests: defined, "
            "undefined, none, number, string)",
        ),
        (
            "{{ x",
            "template syntax error: unexpected end of template, expected 'end of print statement'",
        ),
    ],
)
def test_check_rejects_anything_outside_the_vocabulary(source: str, message: str) -> None:
    """Unknown variables, escapes, calls, loops, unsafe filters are load errors."""
    assert check_template(source) == [message]


@pytest.mark.parametrize(
    "name", ["cycler", "range", "lipsum", "self", "namespace", "joiner", "dict", "loop"]
)
def test_builtin_globals_are_unknown_variables(name: str) -> None:
    """Jinja's globals are not variables of a message template."""
    assert check_template("{{ " + name + " }}")[0].startswith(f"unknown variable '{name}'")


def test_issues_carry_the_offset_of_the_offending_text() -> None:
    """Offsets point at the variable, on the right line of a multi-line template."""
    source = "Hello {{ guarantor.first_name }},\nyou owe {{ statement.totl | money }}."
    [issue] = check_template_issues(source)
    assert source[issue.offset :].startswith("statement.totl")


def test_every_problem_of_a_template_is_reported_in_order() -> None:
    """Several problems in one template are all reported, in source order."""
    issues = check_template_issues("{{ a }} {{ b }}\n{{ c }}")
    assert [i.message.split(" (")[0] for i in issues] == [
        "unknown variable 'a'",
        "unknown variable 'b'",
        "unknown variable 'c'",
    ]
    assert [i.offset for i in issues] == [3, 11, 19]


def test_render_refuses_a_template_that_fails_the_check() -> None:
    """Even if a caller skipped the load-time check, render does not run it."""
    with pytest.raises(jinja2.TemplateError, match="__class__"):
        render("{{ ''.__class__ }}", {})


def test_render_reports_a_missing_variable() -> None:
    """StrictUndefined: a variable the caller forgot is an error, not an empty string."""
    with pytest.raises(jinja2.UndefinedError):
        render("{{ phone }}", {})


def test_render_accepts_objects_as_well_as_mappings() -> None:
    """``statement`` may be an object with attributes instead of a mapping."""

    class Statement:
        total = 500

    assert render("{{ statement.total | money }}", {"statement": Statement()}) == "$5.00"
