"""Templates that only print variables are joined without Jinja2, to the same text."""

from __future__ import annotations

from pathlib import Path
from types import SimpleNamespace

import jinja2
import pytest
import yaml
from jinja2.sandbox import SandboxedEnvironment

from rulesengine.rules.templates import money, printing_parts, render
from tests.rules.test_templates import VARIABLES_AT_SEND

ROOT = Path(__file__).resolve().parents[2]


def jinja(source: str, variables: dict) -> str:
    """The same template rendered by a Jinja2 sandbox with the ``money`` filter, the
    ordinary way."""
    env = SandboxedEnvironment(undefined=jinja2.StrictUndefined, keep_trailing_newline=True)
    env.filters["money"] = money
    return env.from_string(source).render(variables)


def shipped_templates() -> list[str]:
    found = []
    for path in sorted((ROOT / "rules").glob("*.yaml")):
        for message in yaml.safe_load(path.read_text(encoding="utf-8"))["messages"].values():
            for content in message.values():
                found.extend(
                    v
                    for v in (content.values() if isinstance(content, dict) else [content])
                    if isinstance(v, str)
                )
    return found


PRINTING = [
    "plain text, no variables",
    "{{ practice }}",
    "Hi {{ guarantor.first_name }} {{ guarantor.last_name }},\n",
    "{{ statement.total | money }} due {{ statement.due_date }} ({{ statement.level }})",
    "{{- practice -}}   \n  {{ phone }}\n\n",
    "{{ statement.encounter_count }} visits, id {{ statement.id }}: {{ pay_link }}",
    "Braces in text {stay} as {0} and {} are: {{ practice }} }",
]
OTHER = [
    "{% if statement.level > 1 %}late{% else %}on time{% endif %}",
    "{{ guarantor.first_name | upper }}",
    "{{ practice ~ phone }}",
    "{{ statement.total | default(0) }}",
]


@pytest.mark.parametrize("source", PRINTING + shipped_templates())
def test_a_printing_template_renders_as_jinja2_does(source: str) -> None:
    assert render(source, VARIABLES_AT_SEND) == jinja(source, VARIABLES_AT_SEND)


@pytest.mark.parametrize("total", [0, 5, -5, 123456789, -100000])
def test_money_in_a_printing_template_renders_as_jinja2_does(total: int) -> None:
    source = "{{ statement.total | money }} owed"
    variables = dict(VARIABLES_AT_SEND, statement=dict(VARIABLES_AT_SEND["statement"], total=total))
    assert render(source, variables) == jinja(source, variables)


def test_the_shipped_messages_are_printing_templates() -> None:
    assert all(printing_parts(source) is not None for source in shipped_templates())


@pytest.mark.parametrize("source", OTHER)
def test_other_templates_are_left_to_jinja2(source: str) -> None:
    assert printing_parts(source) is None
    assert render(source, VARIABLES_AT_SEND) == jinja(source, VARIABLES_AT_SEND)


def test_objects_as_variables_still_render() -> None:
    variables = dict(VARIABLES_AT_SEND, guarantor=SimpleNamespace(first_name="Ada"))
    assert render("Hi {{ guarantor.first_name }}", variables) == "Hi Ada"


def test_a_missing_value_is_still_jinja2s_error() -> None:
    with pytest.raises(jinja2.UndefinedError, match="first_name"):
        render("Hi {{ guarantor.first_name }}", dict(VARIABLES_AT_SEND, guarantor={}))
