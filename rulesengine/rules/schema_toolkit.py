"""A small declarative schema for YAML files read with line marks, and the validator that
applies it.

The schema is a tree of field specs (:class:`Record`, :class:`ListOf`, :class:`Text`,
:class:`Whole`, :class:`Flag`, :class:`Money`, :class:`TimeZone` and :class:`Custom` for
checks written as functions). Checking a node tree from :mod:`rulesengine.rules.yamlmarks`
against it converts every scalar from its text as written, according to the type the key
expects, and collects **every** problem as a :class:`~rulesengine.errors.Problem` naming the
path to the key, with a "did you mean" for unknown keys and values. Rules files
(:mod:`rulesengine.rules.rules_schema`) and scenario files both use it.
"""

from __future__ import annotations

import abc
import re
import zoneinfo
from collections.abc import Callable, Iterable, Mapping
from typing import TYPE_CHECKING, Any, ClassVar

import attrs

from rulesengine.errors import Problem
from rulesengine.hints import closest, did_you_mean
from rulesengine.model import WHOLE_MAX_DIGITS, parse_money, shown_number
from rulesengine.plurals import counted
from rulesengine.rules.yamlmarks import MapNode, Node, ScalarNode, SeqNode
from rulesengine.storable_text import nul_problem

if TYPE_CHECKING:
    from rulesengine.channels.specs import ChannelSpec
    from rulesengine.rules.policy import Mark

__all__ = [
    "INVALID",
    "Context",
    "Custom",
    "Flag",
    "Key",
    "ListOf",
    "Money",
    "Record",
    "Spec",
    "Text",
    "TimeZone",
    "Whole",
    "child_path",
    "describe_node",
    "is_whole",
    "required_scalar",
    "sort_problems",
]

#: The value a check returns for a node that had a problem (the problem is already recorded).
INVALID: Any = object()
_NO_DEFAULT: Any = object()  # a Key without a default
_TRUE = frozenset({"true", "True", "TRUE"})
_FALSE = frozenset({"false", "False", "FALSE"})
_YAML11_BOOLS = frozenset(
    w for base in ("yes", "no", "on", "off", "y", "n") for w in (base, base.title(), base.upper())
)
_WHOLE_RE = re.compile(r"[-+]?[0-9]+")


def child_path(path: str, key: str | int) -> str:
    """The path of a mapping's key or a list's item under ``path`` (``a.b``, ``a[0]``)."""
    if isinstance(key, int):
        return f"{path}[{key}]"
    return f"{path}.{key}" if path else key


def describe_node(node: Node) -> str:
    """What a node is, for "expected X, got Y" messages."""
    if isinstance(node, MapNode):
        return "a mapping (key: value lines)"
    if isinstance(node, SeqNode):
        return "a list"
    if node.is_null:
        return "no value"
    return f"'{node.value}'"


@attrs.define
class Context:
    """What a check needs besides the node: where problems go, the registered channels."""

    channel_specs: Mapping[str, ChannelSpec]
    problems: list[Problem] = attrs.field(factory=list)
    #: path -> mark of the value at that path (every node checked)
    marks: dict[str, Mark] = attrs.field(factory=dict)
    #: path -> mark of the key that holds the value at that path
    key_marks: dict[str, Mark] = attrs.field(factory=dict)

    def error(self, mark: Mark, path: str, message: str) -> Any:
        """Record a problem and return the invalid marker."""
        text = f"{path}: {message}" if path else message
        self.problems.append(Problem(mark.file, mark.line, mark.column, text))
        return INVALID

    def check(self, spec: Spec, node: Node, path: str) -> Any:
        self.marks[path] = node.mark
        return spec.check(node, path, self)

    @property
    def channel_names(self) -> list[str]:
        return sorted(self.channel_specs)


class Spec(abc.ABC):
    """A field spec: :meth:`check` converts a node or records problems."""

    #: whether the spec reads one plain value (text, a number ...), not a list or mapping
    one_value: ClassVar[bool] = False

    @abc.abstractmethod
    def check(self, node: Node, path: str, ctx: Context) -> Any:
        """The converted value of ``node``, or the invalid marker after recording problems."""


def required_scalar(node: Node, path: str, ctx: Context, expected: str) -> ScalarNode | None:
    """``node`` if it is a scalar with a value, else record ``expected``'s problem."""
    if isinstance(node, ScalarNode) and not node.is_null:
        return node
    ctx.error(node.mark, path, f"expected {expected}, got {describe_node(node)}")
    return None


@attrs.frozen
class Text(Spec):
    """Text, as written. ``choices`` restricts it; ``pattern`` must match all of it."""

    one_value = True

    choices: tuple[str, ...] | None = None
    pattern: str | None = None
    hint: str = ""

    def check(self, node: Node, path: str, ctx: Context) -> Any:
        expected = "one of " + ", ".join(self.choices) if self.choices else "a text value"
        scalar = required_scalar(node, path, ctx, expected)
        if scalar is None:
            return INVALID
        value = scalar.value
        nul = nul_problem(value)  # a YAML "\0" escape: no store can keep it
        if nul is not None:
            return ctx.error(scalar.mark, path, nul)
        if self.choices is not None and value not in self.choices:
            return ctx.error(
                scalar.mark,
                path,
                f"unknown value '{value}'" + did_you_mean(value, self.choices, "allowed"),
            )
        if self.pattern is not None and not re.fullmatch(self.pattern, value):
            return ctx.error(scalar.mark, path, f"'{value}' is not allowed: {self.hint}")
        return value


@attrs.frozen
class Whole(Spec):
    """A whole number, at least ``minimum`` and at most ``maximum`` (always at most
    :data:`~rulesengine.model.WHOLE_MAX_DIGITS` digits)."""

    one_value = True

    minimum: int | None = None
    maximum: int | None = None

    def check(self, node: Node, path: str, ctx: Context) -> Any:
        scalar = required_scalar(node, path, ctx, "a whole number")
        if scalar is None:
            return INVALID
        if not _WHOLE_RE.fullmatch(scalar.value):
            return ctx.error(
                scalar.mark, path, f"expected a whole number, got '{shown_number(scalar.value)}'"
            )
        digits = scalar.value.lstrip("+-").lstrip("0")
        if self.maximum is not None and len(digits) > len(str(self.maximum)):
            return ctx.error(
                scalar.mark,
                path,
                f"must be at most {self.maximum:,}, got {shown_number(scalar.value)}",
            )
        if len(digits) > WHOLE_MAX_DIGITS:
            return ctx.error(
                scalar.mark,
                path,
                f"the number '{shown_number(scalar.value)}' is too long: write a whole number"
                f" of at most {WHOLE_MAX_DIGITS} digits",
            )
        value = int(scalar.value)
        if self.minimum is not None and value < self.minimum:
            what = "not be negative" if self.minimum == 0 else f"be at least {self.minimum}"
            return ctx.error(scalar.mark, path, f"must {what}, got {value}")
        if self.maximum is not None and value > self.maximum:
            return ctx.error(scalar.mark, path, f"must be at most {self.maximum:,}, got {value}")
        return value


@attrs.frozen
class Flag(Spec):
    """``true`` or ``false`` (``yes``/``no``/``on``/``off`` are refused as ambiguous)."""

    one_value = True

    def check(self, node: Node, path: str, ctx: Context) -> Any:
        scalar = required_scalar(node, path, ctx, "true or false")
        if scalar is None:
            return INVALID
        if scalar.plain and scalar.value in _TRUE:
            return True
        if scalar.plain and scalar.value in _FALSE:
            return False
        if scalar.value in _YAML11_BOOLS:
            return ctx.error(scalar.mark, path, f"write true or false, not '{scalar.value}'")
        return ctx.error(scalar.mark, path, f"expected true or false, got '{scalar.value}'")


@attrs.frozen
class Money(Spec):
    """An amount in dollars such as ``5.00`` (:func:`~rulesengine.model.parse_money`), not
    negative -> cents."""

    one_value = True

    def check(self, node: Node, path: str, ctx: Context) -> Any:
        scalar = required_scalar(node, path, ctx, "an amount such as 5.00")
        if scalar is None:
            return INVALID
        try:
            cents = parse_money(scalar.value)
        except ValueError as exc:
            return ctx.error(scalar.mark, path, str(exc))
        if cents < 0:
            return ctx.error(scalar.mark, path, f"must not be negative, got {scalar.value}")
        return cents


@attrs.frozen
class ListOf(Spec):
    """A list of ``item``; ``unique``: no value twice; ``unique_by``: no item key twice."""

    item: Spec
    min_items: int = 0
    unique: bool = False
    unique_by: str | None = None

    def check(self, node: Node, path: str, ctx: Context) -> Any:
        if isinstance(node, ScalarNode) and node.is_null:
            items: tuple[Node, ...] = ()
        elif isinstance(node, SeqNode):
            items = node.items
        else:
            hint = ""
            if isinstance(node, ScalarNode) and node.value.strip() and self.item.one_value:
                hint = f": for a single item write [{node.value}]"
            return ctx.error(
                node.mark,
                path,
                f"expected a list ('- item' lines or [a, b]), got {describe_node(node)}{hint}",
            )
        if len(items) < self.min_items:
            return ctx.error(
                node.mark,
                path,
                f"needs at least {counted(self.min_items, 'item')}",
            )
        values = []
        seen: dict[Any, Mark] = {}
        for i, item in enumerate(items):
            item_path = child_path(path, i)
            value = ctx.check(self.item, item, item_path)
            values.append(value)
            key = value
            if self.unique_by is not None:
                key = value.get(self.unique_by) if isinstance(value, dict) else INVALID
            if key is INVALID or not (self.unique or self.unique_by):
                continue
            where = ctx.marks.get(child_path(item_path, self.unique_by)) if self.unique_by else None
            where = where or item.mark
            if key in seen and self.unique_by:
                ctx.error(
                    where,
                    child_path(item_path, self.unique_by),
                    f"duplicate {self.unique_by} '{key}' (first used at line {seen[key].line}): "
                    f"each entry needs its own {self.unique_by}",
                )
            elif key in seen:
                ctx.error(where, item_path, f"'{key}' is listed twice")
            else:
                seen[key] = where
        return values


@attrs.frozen
class Key:
    """One key of a :class:`Record`: its spec, whether it is required, its default."""

    spec: Spec
    required: bool = False
    default: Any = _NO_DEFAULT
    hint: str = ""


@attrs.frozen
class Record(Spec):
    """A mapping with a fixed set of keys; unknown keys are problems."""

    keys: Mapping[str, Key]

    def defaults(self) -> dict[str, Any]:
        out: dict[str, Any] = {}
        for name, key in self.keys.items():
            if key.default is not _NO_DEFAULT:
                out[name] = _copy_default(key.default)
            elif isinstance(key.spec, Record) and not key.required:
                out[name] = key.spec.defaults()
        return out

    def check(self, node: Node, path: str, ctx: Context) -> Any:
        if isinstance(node, ScalarNode) and node.is_null:
            node = MapNode((), node.mark)
        if not isinstance(node, MapNode):
            return ctx.error(
                node.mark, path, f"expected a mapping (key: value lines), got {describe_node(node)}"
            )
        out: dict[str, Any] = {}
        for key, value in node.items:
            child = child_path(path, key.value)
            spec = self.keys.get(key.value)
            if spec is None:
                where = (
                    f"unknown key '{key.value}'"
                    if path
                    else (f"unknown top-level key '{key.value}'")
                )
                ctx.error(key.mark, path, where + did_you_mean(key.value, self.keys, "allowed"))
                continue
            ctx.key_marks[child] = key.mark
            out[key.value] = ctx.check(spec.spec, value, child)
        missing_at = ctx.key_marks.get(path, node.mark)
        for name, field in self.keys.items():
            if name in out:
                continue
            if field.required:
                what = (
                    f"missing required key '{name}'"
                    if path
                    else (f"missing required top-level key '{name}'")
                )
                out[name] = ctx.error(
                    missing_at, path, what + (f" ({field.hint})" if field.hint else "")
                )
            elif field.default is not _NO_DEFAULT:
                out[name] = _copy_default(field.default)
            elif isinstance(field.spec, Record):
                out[name] = field.spec.defaults()
        return out


def is_whole(value: Any) -> bool:
    """Whether a checked value has no invalid part anywhere in it.

    A list or mapping whose check found a problem in one item still holds the other items;
    code that goes on to use the value (build models, follow references) needs it whole.
    """
    if value is INVALID:
        return False
    if isinstance(value, dict):
        return all(is_whole(v) for v in value.values())
    if isinstance(value, list | tuple):
        return all(is_whole(v) for v in value)
    return True


def _copy_default(value: Any) -> Any:
    return (
        list(value)
        if isinstance(value, list | tuple)
        else (dict(value) if isinstance(value, dict) else value)
    )


@attrs.frozen
class Custom(Spec):
    """A check written as a function ``(node, path, ctx) -> value``; ``one_value``: it reads
    one plain value."""

    func: Callable[[Node, str, Context], Any]
    one_value: bool = False  # type: ignore[misc]

    def check(self, node: Node, path: str, ctx: Context) -> Any:
        return self.func(node, path, ctx)


def _timezone(node: Node, path: str, ctx: Context) -> Any:
    scalar = required_scalar(node, path, ctx, "an IANA time zone such as America/Chicago")
    if scalar is None:
        return INVALID
    name = scalar.value
    try:
        zoneinfo.ZoneInfo(name)
    except (zoneinfo.ZoneInfoNotFoundError, ValueError):
        close = closest(name, sorted(zoneinfo.available_timezones()))
        hint = (
            f"; did you mean '{close}'?"
            if close
            else (" (use an IANA time zone such as America/Chicago)")
        )
        return ctx.error(scalar.mark, path, f"unknown time zone '{name}'{hint}")
    return name


@attrs.frozen
class TimeZone(Spec):
    """An IANA time zone name such as ``America/Chicago``."""

    one_value = True

    def check(self, node: Node, path: str, ctx: Context) -> Any:
        return _timezone(node, path, ctx)


def sort_problems(problems: Iterable[Problem]) -> list[Problem]:
    """Problems in file order (stable for problems at the same place)."""
    return sorted(problems, key=lambda p: (p.file, p.line or 0, _column_key(p.column)))


def _column_key(column: int | str | None) -> int:
    return column if isinstance(column, int) else 0
