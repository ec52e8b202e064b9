"""Message templates: Jinja2 in a sandbox with a fixed set of variables and filters.

At load time :func:`check_template` parses a template and walks its syntax tree: only the
variables of ``docs/rules.md``, the ``money`` filter and a few harmless text filters are
allowed; loops, calls, assignments, imports, arithmetic and any other attribute are load
errors; then :func:`~rulesengine.rules.template_types.type_problems` checks that every
filter, filter argument and comparison fits the types of its values (``money`` takes an
amount and no argument). At send time :func:`render` renders a checked template in a
:class:`~jinja2.sandbox.SandboxedEnvironment` with :class:`~jinja2.StrictUndefined` and no
globals, so a template cannot reach a Python object even if a check were missed.
"""

from __future__ import annotations

import decimal
import functools
import re
from collections.abc import Callable, Iterator, Mapping
from typing import Any

import attrs
import jinja2
from jinja2 import nodes
from jinja2.sandbox import SandboxedEnvironment

from rulesengine.hints import closest, did_you_mean
from rulesengine.model import format_money
from rulesengine.rules.template_types import FILTER_SIGNATURES, VARIABLE_TYPES, type_problems

__all__ = [
    "FILTERS",
    "VARIABLES",
    "TemplateIssue",
    "check_template",
    "check_template_issues",
    "money",
    "parse",
    "printing_parts",
    "render",
]

#: Every variable a template may use, as written in a template (their types:
#: :data:`~rulesengine.rules.template_types.VARIABLE_TYPES`).
VARIABLES: tuple[str, ...] = tuple(VARIABLE_TYPES)
_PLAIN_VARIABLES = tuple(v for v in VARIABLES if "." not in v)
_OBJECT_VARIABLES: Mapping[str, tuple[str, ...]] = {
    obj: tuple(v.split(".")[1] for v in VARIABLES if v.startswith(f"{obj}."))
    for obj in dict.fromkeys(v.split(".")[0] for v in VARIABLES if "." in v)
}
#: The filters a template may use.
FILTERS: tuple[str, ...] = tuple(FILTER_SIGNATURES)
_TESTS = ("defined", "undefined", "none", "number", "string")

# Node types that only read values; anything else is reported by name.
_ALLOWED_NODES = (
    nodes.Template,
    nodes.Output,
    nodes.TemplateData,
    nodes.Const,
    nodes.If,
    nodes.CondExpr,
    nodes.Compare,
    nodes.Operand,
    nodes.And,
    nodes.Or,
    nodes.Not,
    nodes.Concat,
    nodes.Keyword,
)
_DESCRIBE_NODE = {
    "For": "loops ({% for %}) are",
    "Macro": "macros ({% macro %}) are",
    "CallBlock": "call blocks ({% call %}) are",
    "Assign": "assignments ({% set %}) are",
    "AssignBlock": "assignments ({% set %}) are",
    "Include": "{% include %} is",
    "Import": "{% import %} is",
    "FromImport": "{% from ... import %} is",
    "Extends": "{% extends %} is",
    "Block": "{% block %} is",
    "With": "{% with %} is",
    "FilterBlock": "{% filter %} blocks are",
    "List": "lists are",
    "Tuple": "tuples are",
    "Dict": "dictionaries are",
    "Slice": "slices are",
}


def money(value: Any) -> str:
    """Format whole cents (``int``) or an amount in dollars (``Decimal``) as ``$1,234.50``."""
    if type(value) is int:  # whole cents, the usual case
        return f"-${format_money(-value)}" if value < 0 else f"${format_money(value)}"
    if isinstance(value, jinja2.Undefined):
        # Touching a StrictUndefined raises the usual "is undefined" error.
        str(value)
    if isinstance(value, bool) or not isinstance(value, int | decimal.Decimal):
        raise TypeError(f"money expects cents (a whole number) or a Decimal, got {value!r}")
    if isinstance(value, decimal.Decimal):
        cents = int((value * 100).quantize(decimal.Decimal(1), rounding=decimal.ROUND_HALF_UP))
    else:
        cents = value
    sign = "-" if cents < 0 else ""
    return f"{sign}${format_money(abs(cents))}"


def _environment() -> SandboxedEnvironment:
    env = SandboxedEnvironment(
        undefined=jinja2.StrictUndefined, autoescape=False, keep_trailing_newline=True
    )
    env.globals.clear()  # range, dict, lipsum, cycler, joiner, namespace
    builtin_filters = env.filters
    env.filters = {name: builtin_filters[name] for name in FILTERS if name != "money"}
    env.filters["money"] = money
    builtin_tests = env.tests
    env.tests = {name: builtin_tests[name] for name in _TESTS}
    return env


_ENV = _environment()


@attrs.frozen
class TemplateIssue:
    """A problem in a template; ``offset`` is the 0-based index in the template source."""

    message: str
    offset: int


def check_template_issues(source: str) -> list[TemplateIssue]:
    """Every problem in ``source``, each with its offset, in source order."""
    return list(_issues(source))


#: How deeply a template may nest ({% if %} in {% if %}, parentheses, filters, and/or ...).
_MAX_DEPTH = 40
_TOO_DEEP = "the template is nested too deeply: simplify it"


@functools.lru_cache(maxsize=4096)
def _issues(source: str) -> tuple[TemplateIssue, ...]:
    try:
        tree = _ENV.parse(source)
        found = list(_walk(tree))
        if not any(message == _TOO_DEEP for message, _, _ in found):
            found += type_problems(tree)
    except jinja2.TemplateSyntaxError as exc:
        offset = _line_offset(source, exc.lineno or 1)
        message = f"template syntax error: {(exc.message or '').rstrip('.')}"
        return (TemplateIssue(message, offset),)
    except RecursionError:  # Jinja's own parser recurses once per level of nesting
        return (TemplateIssue(_TOO_DEEP, 0),)
    issues = list(
        dict.fromkeys(
            TemplateIssue(message, _find(source, lineno, needle))
            for message, lineno, needle in found
        )
    )
    issues.sort(key=lambda i: i.offset)
    return tuple(issues)


def check_template(source: str) -> list[str]:
    """The messages of :func:`check_template_issues` (empty: the template is fine)."""
    return [issue.message for issue in check_template_issues(source)]


def _walk(node: nodes.Node, depth: int = 0) -> Iterator[tuple[str, int, str | None]]:
    """Yield ``(message, lineno, regex of the text to point at)`` for every problem."""
    lineno = getattr(node, "lineno", 1) or 1
    if depth > _MAX_DEPTH:
        yield _TOO_DEEP, lineno, None
        return
    if isinstance(node, nodes.Getattr | nodes.Getitem):
        yield from _check_attribute(node, lineno)
        return
    if isinstance(node, nodes.Name):
        yield from _check_name(node.name, lineno)
        return
    if isinstance(node, nodes.Filter | nodes.Test):
        kind, allowed = ("filter", FILTERS) if isinstance(node, nodes.Filter) else ("test", _TESTS)
        if node.name not in allowed:
            yield (
                (
                    f"the {kind} '{node.name}' is not allowed in a message template"
                    + _did_you_mean(node.name, allowed, f"{kind}s")
                ),
                lineno,
                re.escape(node.name),
            )
            return
    elif not isinstance(node, _ALLOWED_NODES):
        yield _describe_disallowed(node), lineno, _needle(node)
        return
    for child in node.iter_child_nodes():
        yield from _walk(child, depth + 1)


def _describe_disallowed(node: nodes.Node) -> str:
    if isinstance(node, nodes.Call):
        called = node.node
        name = (
            called.name
            if isinstance(called, nodes.Name)
            else (called.attr if isinstance(called, nodes.Getattr) else "...")
        )
        return f"calls such as '{name}(...)' are not allowed in a message template"
    if isinstance(node, nodes.BinExpr | nodes.UnaryExpr):
        return "arithmetic is not allowed in a message template"
    kind = type(node).__name__
    what = _DESCRIBE_NODE.get(kind, f"'{kind}' is")
    return f"{what} not allowed in a message template"


def _needle(node: nodes.Node) -> str | None:
    if isinstance(node, nodes.Call):
        if isinstance(node.node, nodes.Name):
            return re.escape(node.node.name) + r"\s*\("
        if isinstance(node.node, nodes.Getattr):
            return re.escape(node.node.attr) + r"\s*\("
    if isinstance(node, nodes.For):
        return r"\{%-?\s*for\b"
    return None


def _check_name(name: str, lineno: int) -> Iterator[tuple[str, int, str | None]]:
    if name in _PLAIN_VARIABLES:
        return
    if name in _OBJECT_VARIABLES:
        fields = ", ".join(f"{name}.{a}" for a in _OBJECT_VARIABLES[name])
        yield f"use one of {fields} instead of '{name}' alone", lineno, re.escape(name)
        return
    yield (
        f"unknown variable '{name}'" + _did_you_mean(name, VARIABLES, "variables"),
        lineno,
        re.escape(name),
    )


def _check_attribute(
    node: nodes.Getattr | nodes.Getitem, lineno: int
) -> Iterator[tuple[str, int, str | None]]:
    if isinstance(node, nodes.Getattr):
        attr: object = node.attr
    else:
        attr = node.arg.value if isinstance(node.arg, nodes.Const) else None
    root = node.node
    if isinstance(root, nodes.Getattr | nodes.Getitem):
        inner = list(_check_attribute(root, lineno))
        if inner:  # report the first step that leaves the vocabulary
            yield from inner
            return
    shown = f"'.{attr}'" if isinstance(attr, str) else "'[...]'"
    needle = re.escape(attr) if isinstance(attr, str) else r"\["
    if isinstance(attr, str) and not attr.startswith("_") and isinstance(root, nodes.Name):
        written = f"{root.name}.{attr}"
        needle = re.escape(root.name) + r"\s*\.\s*" + re.escape(attr)
        if root.name in _OBJECT_VARIABLES:
            if attr not in _OBJECT_VARIABLES[root.name]:
                known = _OBJECT_VARIABLES[root.name]
                match = closest(attr, known)
                hint = (
                    f"; did you mean '{root.name}.{match}'?"
                    if match
                    else (" (" + ", ".join(f"{root.name}.{a}" for a in known) + " are available)")
                )
                yield f"unknown variable '{written}'{hint}", lineno, needle
            return
        if root.name not in _PLAIN_VARIABLES:
            yield (
                f"unknown variable '{written}'" + _did_you_mean(written, VARIABLES, "variables"),
                lineno,
                needle,
            )
            return
    yield (
        f"{shown} is not allowed in a message template: only the listed variables "
        "(such as guarantor.first_name or statement.total) can be used",
        lineno,
        needle,
    )


_did_you_mean = did_you_mean


def _line_offset(source: str, lineno: int) -> int:
    offset = 0
    for _ in range(lineno - 1):
        newline = source.find("\n", offset)
        if newline < 0:
            break
        offset = newline + 1
    return offset


def _find(source: str, lineno: int, needle: str | None) -> int:
    """Offset of the regex ``needle`` on template line ``lineno`` (its start if not found)."""
    start = _line_offset(source, lineno)
    if needle:
        end = source.find("\n", start)
        line = source[start:] if end < 0 else source[start:end]
        match = re.search(r"(?<![A-Za-z0-9_])" + needle + r"(?![A-Za-z0-9_])", line)
        if match:
            return start + match.start()
    return start


def parse(source: str) -> nodes.Template:
    """The syntax tree of ``source`` (a template that passed :func:`check_template`)."""
    return _ENV.parse(source)


@functools.lru_cache(maxsize=1024)
def _compile(source: str) -> jinja2.Template:
    problems = check_template(source)
    if problems:
        raise jinja2.TemplateError("; ".join(problems))
    return _ENV.from_string(source)


_Part = str | Callable[[Mapping[str, Any]], str]
#: A printing template as a ``str.format`` pattern and the readers of its variables.
_Form = tuple[str, tuple[Callable[[Mapping[str, Any]], str], ...]]


@functools.lru_cache(maxsize=1024)
def printing_parts(source: str) -> tuple[_Part, ...] | None:
    """A template that only prints text and variables (``{{ practice }}``,
    ``{{ guarantor.first_name }}``, either through ``| money``) as its parts: text, or a
    function reading one variable from the mapping :func:`render` receives. None for any
    other template (conditions, other filters, tests ...): Jinja2 renders those.

    Most message templates are of this kind, and joining their parts costs a fraction of a
    Jinja2 render; the result is the same (Jinja2 prints a value as ``str(value)``).
    """
    parts: list[_Part] = []
    for output in _ENV.parse(source).body:
        if not isinstance(output, nodes.Output):
            return None
        for node in output.nodes:
            if isinstance(node, nodes.TemplateData):
                parts.append(node.data)
                continue
            if isinstance(node, nodes.Filter):
                plain = not (node.args or node.kwargs or node.dyn_args or node.dyn_kwargs)
                read = _reader(node.node) if node.name == "money" and plain else None
                part = None if read is None else _through_money(read)
            else:
                read = _reader(node)
                part = None if read is None else _as_text(read)
            if part is None:
                return None
            parts.append(part)
    return tuple(parts)


@functools.lru_cache(maxsize=1024)
def _printing_form(source: str) -> _Form | None:
    """A printing template (:func:`printing_parts`) as a ``str.format`` pattern, its text
    with ``{}`` where each variable goes, and the functions reading those variables."""
    parts = printing_parts(source)
    if parts is None:
        return None
    pattern = "".join(
        part.replace("{", "{{").replace("}", "}}") if isinstance(part, str) else "{}"
        for part in parts
    )
    return pattern, tuple(part for part in parts if not isinstance(part, str))


def _joined(form: _Form, variables: Mapping[str, Any]) -> str | None:
    """The template's text with its variables' text; None when a variable is not a
    mapping or a value is missing."""
    pattern, readers = form
    try:
        return pattern.format(*[read(variables) for read in readers])
    except (KeyError, TypeError):
        return None


def _reader(node: nodes.Expr | None) -> Callable[[Mapping[str, Any]], Any] | None:
    """``name`` or ``name.attr`` read from mappings (a KeyError or TypeError otherwise)."""
    if isinstance(node, nodes.Name):
        name = node.name
        return lambda variables: variables[name]
    if isinstance(node, nodes.Getattr) and isinstance(node.node, nodes.Name):
        name, attr = node.node.name, node.attr
        return lambda variables: variables[name][attr]
    return None


def _as_text(read: Callable[[Mapping[str, Any]], Any]) -> Callable[[Mapping[str, Any]], str]:
    return lambda variables: str(read(variables))


def _through_money(
    read: Callable[[Mapping[str, Any]], Any],
) -> Callable[[Mapping[str, Any]], str]:
    return lambda variables: money(read(variables))


def render(source: str, variables: Mapping[str, Any]) -> str:
    """Render a template checked by :func:`check_template` with ``variables``.

    ``variables`` holds ``practice``, ``profile``, ``phone``, ``pay_link``, ``guarantor``
    (``first_name``, ``last_name``) and ``statement`` (``total`` in cents, ``level``,
    ``due_date`` as an ISO date, ``id``, ``encounter_count``); mappings or objects.

    :raises jinja2.TemplateError: for a template that does not pass the check, or a
        variable missing from ``variables``.
    """
    template = _compile(source)  # a template that fails the check raises here
    form = _printing_form(source)
    if form is not None:
        text = _joined(form, variables)
        if text is not None:
            return text
    # Jinja2 for everything else: other templates, objects as variables, and the error
    # that says which value is missing.
    # What Template.render does, minus merging the (empty) globals into every context:
    # that merge walked a ChainMap per render, a third of a short template's cost.
    context = _ENV.context_class(_ENV, dict(variables), template.name, template.blocks)
    try:
        return _ENV.concat(template.root_render_func(context))  # type: ignore[attr-defined]
    except Exception:
        _ENV.handle_exception()
        raise
