"""The types of message template values, and the load-time check of filters and comparisons.

Every template variable has a type (``text``, ``amount``, ``whole number`` or ``date``),
every constant has the type of its value, and every filter says which types it takes, which
arguments (of which types) it accepts and which type it gives. :func:`type_problems` walks a
template that passed the vocabulary check and reports, before any statement is rendered,
what would otherwise fail when the template meets a real value: ``money`` of a date,
``round`` of a name, ``money(1)``, ``round(0, 'sideways')``, ``due_date > 3``.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterator, Mapping
from types import MappingProxyType

import attrs
from jinja2 import nodes

from rulesengine.plurals import counted

__all__ = [
    "AMOUNT",
    "DATE",
    "FILTER_SIGNATURES",
    "TEXT",
    "VARIABLE_TYPES",
    "WHOLE",
    "FilterSignature",
    "describe_type",
    "iter_variables",
    "type_problems",
]

TEXT = "text"
AMOUNT = "amount"
WHOLE = "whole number"
DATE = "date"
_NUMBER = "number"  # a constant with decimals, or what round(..., 'ceil'/'floor') gives
_TRUTH = "true/false"
_NONE = "none"
_EMPTY = "nothing"  # what an inline if without else gives when its condition is false

_Kinds = frozenset[str]

#: The type of every template variable, as written in a template. At render time an amount
#: is whole cents (an ``int``), a whole number an ``int``, a date its ISO text (2026-03-01).
VARIABLE_TYPES: Mapping[str, str] = MappingProxyType(
    {
        "practice": TEXT,
        "profile": TEXT,
        "phone": TEXT,
        "pay_link": TEXT,
        "guarantor.first_name": TEXT,
        "guarantor.last_name": TEXT,
        "statement.total": AMOUNT,
        "statement.level": WHOLE,
        "statement.due_date": DATE,
        "statement.id": TEXT,
        "statement.encounter_count": WHOLE,
    }
)

_ARTICLE = {
    TEXT: "text",
    AMOUNT: "an amount",
    WHOLE: "a whole number",
    DATE: "a date",
    _NUMBER: "a number",
    _TRUTH: "true or false",
    _NONE: "none",
    _EMPTY: "nothing (an inline if without else)",
}
_ORDER = (TEXT, AMOUNT, WHOLE, DATE, _NUMBER, _TRUTH, _NONE, _EMPTY)
#: Types ``<``, ``>`` ... compare with each other: numbers with numbers, text with text (a
#: date is its ISO text, so it compares with a date written as text such as '2026-03-01').
_NUMERIC: _Kinds = frozenset({AMOUNT, WHOLE, _NUMBER, _TRUTH})
_TEXTUAL: _Kinds = frozenset({TEXT, DATE})
_ANY: _Kinds = frozenset(_ORDER)


def describe_type(kinds: _Kinds) -> str:
    """``text``, ``an amount``, ``a date or text`` ..."""
    return " or ".join(_ARTICLE[k] for k in _ORDER if k in kinds)


@attrs.frozen
class _Parameter:
    """One argument of a filter: its name, the types it takes, and whether it must be a
    constant (then ``choices`` or ``at_most`` may restrict it)."""

    name: str
    kinds: _Kinds
    constant: bool = True
    choices: tuple[str, ...] = ()
    at_most: int | None = None


@attrs.frozen
class FilterSignature:
    """A template filter: the types it takes, its arguments, and the type it gives.

    ``gives`` receives the input's types and the constant arguments by name.
    """

    name: str
    takes: _Kinds
    needs: str  # what ``takes`` is, in words
    parameters: tuple[_Parameter, ...]
    gives: Callable[[_Kinds, Mapping[str, object], Mapping[str, _Kinds]], _Kinds]
    usage: str


def _text(kinds: _Kinds, args: Mapping[str, object], arg_kinds: Mapping[str, _Kinds]) -> _Kinds:
    return frozenset({TEXT})


def _rounded(kinds: _Kinds, args: Mapping[str, object], arg_kinds: Mapping[str, _Kinds]) -> _Kinds:
    # 'common' keeps a whole number whole (and an amount in cents); ceil and floor give decimals.
    return kinds if args.get("method", "common") == "common" else frozenset({_NUMBER})


def _whole(kinds: _Kinds, args: Mapping[str, object], arg_kinds: Mapping[str, _Kinds]) -> _Kinds:
    return frozenset(AMOUNT if k == AMOUNT else WHOLE for k in kinds)


def _either(kinds: _Kinds, args: Mapping[str, object], arg_kinds: Mapping[str, _Kinds]) -> _Kinds:
    return kinds | arg_kinds.get("default_value", frozenset({TEXT}))


_TEXT_INPUT = frozenset({TEXT, DATE, _EMPTY})
#: Every filter a template may use, with its signature.
FILTER_SIGNATURES: Mapping[str, FilterSignature] = MappingProxyType(
    {
        "money": FilterSignature(
            "money",
            frozenset({AMOUNT}),
            "an amount (such as statement.total)",
            (),
            _text,
            "| money",
        ),
        **{
            name: FilterSignature(name, _TEXT_INPUT, "text", (), _text, f"| {name}")
            for name in ("upper", "lower", "title", "capitalize")
        },
        "trim": FilterSignature(
            "trim",
            _TEXT_INPUT,
            "text",
            (_Parameter("chars", frozenset({TEXT})),),
            _text,
            '| trim(".")',
        ),
        "default": FilterSignature(
            "default",
            _ANY,
            "any value",
            (
                _Parameter("default_value", _ANY - {_EMPTY}, constant=False),
                _Parameter("boolean", frozenset({_TRUTH})),
            ),
            _either,
            '| default("text", true)',
        ),
        "round": FilterSignature(
            "round",
            frozenset({AMOUNT, WHOLE, _NUMBER}),
            "a number",
            (
                _Parameter("precision", frozenset({WHOLE}), at_most=15),
                _Parameter("method", frozenset({TEXT}), choices=("common", "ceil", "floor")),
            ),
            _rounded,
            '| round(1, "floor")',
        ),
        "int": FilterSignature(
            "int", frozenset({AMOUNT, WHOLE, _NUMBER, _TRUTH}), "a number", (), _whole, "| int"
        ),
    }
)

_TESTS_WITHOUT_ARGUMENTS = ("defined", "undefined", "none", "number", "string")
_OPERATOR = {
    "lt": "<",
    "lteq": "<=",
    "gt": ">",
    "gteq": ">=",
    "in": "in",
    "notin": "not in",
}

#: ``(message, lineno, regex of the text to point at)``, as the template check reports.
_Found = tuple[str, int, str | None]


def type_problems(tree: nodes.Template) -> list[_Found]:
    """Every filter, test or comparison of ``tree`` that cannot work with the types of its
    values. ``tree`` passed the vocabulary check: unknown parts are skipped, not reported."""
    check = _TypeCheck()
    check.visit(tree)
    return check.found


def _variable(node: nodes.Node) -> str | None:
    """The variable ``node`` reads (``practice``, ``statement.total``), if it reads one."""
    if isinstance(node, nodes.Name):
        return node.name
    if isinstance(node, nodes.Getattr) and isinstance(node.node, nodes.Name):
        return f"{node.node.name}.{node.attr}"
    if (
        isinstance(node, nodes.Getitem)
        and isinstance(node.node, nodes.Name)
        and isinstance(node.arg, nodes.Const)
        and isinstance(node.arg.value, str)
    ):
        return f"{node.node.name}.{node.arg.value}"
    return None


def _constant_kind(value: object) -> str | None:
    if isinstance(value, bool):
        return _TRUTH
    if isinstance(value, int):
        return WHOLE
    if isinstance(value, float):
        return _NUMBER
    if isinstance(value, str):
        return TEXT
    if value is None:
        return _NONE
    return None


def _what(node: nodes.Node, kinds: _Kinds, before: bool = False) -> str:
    """``statement.due_date is a date``, or ``the value before it is text``."""
    name = _variable(node)
    if name is not None and name in VARIABLE_TYPES:
        return f"{name} is {describe_type(kinds)}"
    if isinstance(node, nodes.Const):
        return f"{node.value!r} is {describe_type(kinds)}"
    return f"{'the value before it' if before else 'the value'} is {describe_type(kinds)}"


class _TypeCheck:
    """Infers the types of a template's expressions, recording what cannot work."""

    def __init__(self) -> None:
        self.found: list[_Found] = []

    def problem(self, message: str, node: nodes.Node, needle: str | None) -> None:
        self.found.append((message, getattr(node, "lineno", 1) or 1, needle))

    def visit(self, node: nodes.Node) -> None:
        if isinstance(node, nodes.Expr):
            self.kinds(node)
            return
        for child in node.iter_child_nodes():
            self.visit(child)

    def kinds(self, node: nodes.Expr) -> _Kinds | None:
        """The types ``node`` may have when rendered; None when unknown."""
        name = _variable(node)
        if name is not None:
            kind = VARIABLE_TYPES.get(name)
            return None if kind is None else frozenset({kind})
        if isinstance(node, nodes.Const):
            kind = _constant_kind(node.value)
            return None if kind is None else frozenset({kind})
        if isinstance(node, nodes.TemplateData):
            return frozenset({TEXT})
        if isinstance(node, nodes.Filter):
            return self._filter(node)
        if isinstance(node, nodes.Test):
            self.kinds(node.node)  # type: ignore[arg-type]
            for arg in _arguments(node):
                self.kinds(arg)
            if node.name in _TESTS_WITHOUT_ARGUMENTS and _arguments(node):
                self.problem(
                    f"the test '{node.name}' takes no arguments: write 'is {node.name}'",
                    node,
                    re.escape(node.name),
                )
            return frozenset({_TRUTH})
        if isinstance(node, nodes.Compare):
            self._compare(node)
            return frozenset({_TRUTH})
        if isinstance(node, nodes.Not):
            self.kinds(node.node)
            return frozenset({_TRUTH})
        if isinstance(node, nodes.And | nodes.Or):
            return _union(self.kinds(node.left), self.kinds(node.right))
        if isinstance(node, nodes.CondExpr):
            self.kinds(node.test)
            then = self.kinds(node.expr1)
            otherwise = frozenset({_EMPTY}) if node.expr2 is None else self.kinds(node.expr2)
            return _union(then, otherwise)
        if isinstance(node, nodes.Concat):
            for part in node.nodes:
                self.kinds(part)
            return frozenset({TEXT})
        for child in node.iter_child_nodes():
            self.visit(child)
        return None

    def _filter(self, node: nodes.Filter) -> _Kinds | None:
        given = None if node.node is None else self.kinds(node.node)
        signature = FILTER_SIGNATURES.get(node.name)
        arg_kinds = [self.kinds(arg) for arg in node.args]
        kwarg_kinds = {str(kw.key): self.kinds(kw.value) for kw in node.kwargs}
        if signature is None:
            return None
        needle = re.escape(node.name)
        if node.dyn_args is not None or node.dyn_kwargs is not None:
            self.problem(
                f"the filter '{node.name}' takes its arguments written out, such as "
                f"'{signature.usage}'",
                node,
                needle,
            )
            return None
        if given is not None and not given <= signature.takes:
            assert node.node is not None
            hint = (
                f" (format it first: '| money | {node.name}')"
                if given == {AMOUNT} and TEXT in signature.takes
                else ""
            )
            self.problem(
                f"the filter '{node.name}' needs {signature.needs}, but "
                f"{_what(node.node, given, before=True)}{hint}",
                node,
                needle,
            )
            given = None
        bound = self._bind(node, signature, arg_kinds, kwarg_kinds)
        if given is None or bound is None:
            return None
        constants, kinds_by_name = bound
        return signature.gives(given, constants, kinds_by_name)

    def _bind(
        self,
        node: nodes.Filter,
        signature: FilterSignature,
        arg_kinds: list[_Kinds | None],
        kwarg_kinds: dict[str, _Kinds | None],
    ) -> tuple[dict[str, object], dict[str, _Kinds]] | None:
        """The filter's arguments by name (constants, and the types of all), or None after
        recording why they do not fit the signature."""
        params = signature.parameters
        needle = re.escape(node.name)
        names = ", ".join(p.name for p in params)
        if len(node.args) > len(params):
            if params:
                takes = f"at most {counted(len(params), 'argument')} ({names})"
            else:
                takes = "no arguments"
            self.problem(
                f"the filter '{node.name}' takes {takes}: write '{signature.usage}'",
                node,
                needle,
            )
            return None
        values: list[tuple[_Parameter, nodes.Expr, _Kinds | None]] = [
            (param, arg, kinds)
            for param, arg, kinds in zip(params, node.args, arg_kinds, strict=False)
        ]
        by_name = {p.name: p for p in params}
        for keyword in node.kwargs:
            key = str(keyword.key)  # a str (Jinja2's annotation says Expr)
            param = by_name.get(key)
            if not params:
                self.problem(
                    f"the filter '{node.name}' takes no arguments: write '{signature.usage}'",
                    node,
                    needle,
                )
                return None
            if param is None or any(p is param for p, _, _ in values):
                message = (
                    f"the filter '{node.name}' is given '{key}' twice"
                    if param is not None
                    else f"the filter '{node.name}' has no argument '{key}' "
                    f"(its arguments: {names or 'none'})"
                )
                self.problem(message, node, needle)
                return None
            values.append((param, keyword.value, kwarg_kinds[key]))
        constants: dict[str, object] = {}
        kinds_by_name: dict[str, _Kinds] = {}
        ok = True
        for param, arg, kinds in values:
            ok &= self._argument(node, signature, param, arg, kinds)
            if kinds is not None:
                kinds_by_name[param.name] = kinds
            if isinstance(arg, nodes.Const):
                constants[param.name] = arg.value
        return (constants, kinds_by_name) if ok else None

    def _argument(
        self,
        node: nodes.Filter,
        signature: FilterSignature,
        param: _Parameter,
        arg: nodes.Expr,
        kinds: _Kinds | None,
    ) -> bool:
        needle = re.escape(node.name)
        start = f"the filter '{node.name}' argument '{param.name}'"
        if param.constant and not isinstance(arg, nodes.Const):
            self.problem(
                f"{start} must be written as a value, such as '{signature.usage}'", node, needle
            )
            return False
        if kinds is None:
            return True
        if not kinds <= param.kinds:
            self.problem(
                f"{start} must be {describe_type(param.kinds)}, but "
                f"{_what(arg, kinds)}: write it as '{signature.usage}'",
                node,
                needle,
            )
            return False
        value = arg.value if isinstance(arg, nodes.Const) else None
        if param.choices and value not in param.choices:
            listed = ", ".join(repr(c) for c in param.choices)
            self.problem(f"{start} must be one of {listed}, got {value!r}", node, needle)
            return False
        if param.at_most is not None and isinstance(value, int) and value > param.at_most:
            self.problem(f"{start} must be at most {param.at_most}, got {value}", node, needle)
            return False
        return True

    def _compare(self, node: nodes.Compare) -> None:
        left_node: nodes.Expr = node.expr
        left = self.kinds(left_node)
        for operand in node.ops:
            right = self.kinds(operand.expr)
            symbol = _OPERATOR.get(operand.op)
            if symbol is not None and left is not None and right is not None:
                self._comparable(node, symbol, left_node, left, operand.expr, right)
            left_node, left = operand.expr, right

    def _comparable(
        self,
        node: nodes.Compare,
        symbol: str,
        left_node: nodes.Expr,
        left: _Kinds,
        right_node: nodes.Expr,
        right: _Kinds,
    ) -> None:
        needle = re.escape(symbol)
        if symbol in ("in", "not in"):
            if not (left <= _TEXTUAL and right <= _TEXTUAL):
                self.problem(
                    f"'{symbol}' looks for text in text, but {_what(left_node, left)} and "
                    f"{_what(right_node, right)}",
                    node,
                    needle,
                )
            return
        if (left <= _NUMERIC and right <= _NUMERIC) or (left <= _TEXTUAL and right <= _TEXTUAL):
            return
        self.problem(
            f"'{symbol}' compares numbers with numbers or text with text (a date with a date "
            f"written as text, such as '2026-03-01'), but {_what(left_node, left)} and "
            f"{_what(right_node, right)}",
            node,
            needle,
        )


def _arguments(node: nodes.Filter | nodes.Test) -> list[nodes.Expr]:
    found: list[nodes.Expr] = [*node.args, *(kw.value for kw in node.kwargs)]
    found += [n for n in (node.dyn_args, node.dyn_kwargs) if n is not None]
    return found


def _union(a: _Kinds | None, b: _Kinds | None) -> _Kinds | None:
    return None if a is None or b is None else a | b


def iter_variables(tree: nodes.Node) -> Iterator[str]:
    """Every known variable ``tree`` reads, in source order (with repeats)."""
    name = _variable(tree)
    if name is not None and name in VARIABLE_TYPES:
        yield name
        return
    for child in tree.iter_child_nodes():
        yield from iter_variables(child)
