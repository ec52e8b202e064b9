"""A small declarative schema for rules files, and the validator that applies it.

The schema is a tree of field specs (:class:`Record`, :class:`ListOf`, :class:`Text`,
:class:`Whole`, :class:`Flag`, :class:`Money` and a few rules-specific ones). Checking a
node tree from :mod:`rulesengine.rules.yamlmarks` against it converts every scalar from its
text as written, according to the type the key expects, and collects **every** problem as a
:class:`~rulesengine.errors.Problem` naming the path to the key, with a "did you mean" for
unknown keys and values. :func:`validate` then runs the checks that span sections (a level's
message exists and has content for each of its channels, ...).
"""

from __future__ import annotations

import abc
import datetime as dt
import re
import zoneinfo
from collections.abc import Callable, Iterable, Mapping
from typing import Any, ClassVar

import attrs

import rulesengine
from rulesengine.channels.specs import COMMON_SETTINGS, ChannelSpec
from rulesengine.errors import Problem
from rulesengine.hints import closest, did_you_mean
from rulesengine.model import (
    SKIP_REASONS_BUILTIN,
    WHOLE_MAX_DIGITS,
    SendWindow,
    parse_money,
    shown_number,
)
from rulesengine.plurals import counted
from rulesengine.rules.credential_checks import check_channel_credentials
from rulesengine.rules.expressions import (
    MAX_FILE_ALTERNATIVES,
    MAX_FILE_COMPARISONS,
    ConditionError,
    alternatives,
    comparisons,
    parse_condition,
)
from rulesengine.rules.policy import Expr, Mark
from rulesengine.rules.template_samples import ProfileValues, render_problems
from rulesengine.rules.templates import check_template_issues
from rulesengine.rules.yamlmarks import MapNode, Node, ScalarNode, SeqNode, iter_scalars, to_plain

__all__ = [
    "FORMAT_VERSION",
    "Context",
    "Flag",
    "INVALID",
    "Key",
    "ListOf",
    "Money",
    "Record",
    "Text",
    "TimeZone",
    "Whole",
    "Validation",
    "describe_node",
    "is_whole",
    "rules_schema",
    "validate",
]

#: The rules format version this rulesengine reads.
FORMAT_VERSION = 1

#: The value a check returns for a node that had a problem (the problem is already recorded).
INVALID: Any = object()
_INVALID = INVALID
_NO_DEFAULT: Any = object()  # a Key without a default
_TRUE = frozenset({"true", "True", "TRUE"})
_FALSE = frozenset({"false", "False", "FALSE"})
_YAML11_BOOLS = frozenset(
    w for base in ("yes", "no", "on", "off", "y", "n") for w in (base, base.title(), base.upper())
)
_WHOLE_RE = re.compile(r"[-+]?[0-9]+")
_WINDOW_RE = re.compile(r"([01][0-9]|2[0-3]):([0-5][0-9])-([01][0-9]|2[0-3]):([0-5][0-9])")
_EMAIL_RE = re.compile(r"[^@\s]+@[^@\s]+\.[^@\s.]+")
_E164_RE = re.compile(r"\+[1-9][0-9]{6,14}")
_SECRET_WORDS = ("password", "token", "secret", "api_key")
THEN_ACTIONS = ("reset_to_zero", "minus_one", "hold")


def _join(path: str, key: str | int) -> str:
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
    #: every template that passed its checks, to render against samples at the end
    templates: list[_TemplateAt] = attrs.field(factory=list)
    #: the alternatives of every condition checked so far (bounded by MAX_FILE_ALTERNATIVES)
    alternatives: int = 0
    #: the comparisons of those alternatives (bounded by MAX_FILE_COMPARISONS)
    comparisons: int = 0
    #: whether either bound was crossed (reported once, at the condition that crossed it)
    too_many_alternatives: bool = False

    def error(self, mark: Mark, path: str, message: str) -> Any:
        """Record a problem and return the invalid marker."""
        text = f"{path}: {message}" if path else message
        self.problems.append(Problem(mark.file, mark.line, mark.column, text))
        return _INVALID

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


def _scalar(node: Node, path: str, ctx: Context, expected: str) -> ScalarNode | None:
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
        scalar = _scalar(node, path, ctx, expected)
        if scalar is None:
            return _INVALID
        value = scalar.value
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
        scalar = _scalar(node, path, ctx, "a whole number")
        if scalar is None:
            return _INVALID
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
        scalar = _scalar(node, path, ctx, "true or false")
        if scalar is None:
            return _INVALID
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
        scalar = _scalar(node, path, ctx, "an amount such as 5.00")
        if scalar is None:
            return _INVALID
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
            item_path = _join(path, i)
            value = ctx.check(self.item, item, item_path)
            values.append(value)
            key = value
            if self.unique_by is not None:
                key = value.get(self.unique_by) if isinstance(value, dict) else _INVALID
            if key is _INVALID or not (self.unique or self.unique_by):
                continue
            where = ctx.marks.get(_join(item_path, self.unique_by)) if self.unique_by else None
            where = where or item.mark
            if key in seen and self.unique_by:
                ctx.error(
                    where,
                    _join(item_path, self.unique_by),
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
            child = _join(path, key.value)
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


# --- rules-specific checks ---------------------------------------------------------------


@attrs.frozen
class Condition:
    """A parsed ``when:`` condition with the text as written and where it stands."""

    expr: Expr
    source: str
    mark: Mark


def _condition(allow_payment: bool) -> Custom:
    def check(node: Node, path: str, ctx: Context) -> Any:
        scalar = _scalar(node, path, ctx, "a condition such as encounter.balance < 5.00")
        if scalar is None:
            return _INVALID
        try:
            expr = parse_condition(scalar.value, allow_payment=allow_payment)
        except ConditionError as exc:
            return ctx.error(scalar.position(exc.offset), path, exc.message)
        if not ctx.too_many_alternatives:
            ctx.alternatives += alternatives(expr)
            ctx.comparisons += comparisons(expr)
            if ctx.alternatives > MAX_FILE_ALTERNATIVES:
                ctx.too_many_alternatives = True
                return ctx.error(
                    scalar.mark,
                    path,
                    "the rules file is too large for the rule engine: its conditions have"
                    f" more than {MAX_FILE_ALTERNATIVES:,} alternatives in all (comparisons"
                    " joined by 'or', values of 'in [...]'; this condition brings them to"
                    f" {ctx.alternatives:,}); use fewer rules or shorter lists of values",
                )
            if ctx.comparisons > MAX_FILE_COMPARISONS:
                ctx.too_many_alternatives = True
                return ctx.error(
                    scalar.mark,
                    path,
                    "the rules file is too large for the rule engine: its conditions have"
                    f" more than {MAX_FILE_COMPARISONS:,} comparisons in all, counting each"
                    " comparison once for every alternative it is 'and'-ed with (this"
                    f" condition brings them to {ctx.comparisons:,}); use fewer or shorter"
                    " conditions",
                )
        return Condition(expr, scalar.value, scalar.mark)

    return Custom(check)


def _timezone(node: Node, path: str, ctx: Context) -> Any:
    scalar = _scalar(node, path, ctx, "an IANA time zone such as America/Chicago")
    if scalar is None:
        return _INVALID
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


def _channel_name(node: Node, path: str, ctx: Context) -> Any:
    scalar = _scalar(node, path, ctx, "a channel name such as email")
    if scalar is None:
        return _INVALID
    if scalar.value not in ctx.channel_specs:
        return ctx.error(scalar.mark, path, _unknown_channel(scalar.value, ctx))
    return scalar.value


def _unknown_channel(name: str, ctx: Context) -> str:
    return (
        f"unknown channel '{name}'"
        + did_you_mean(name, ctx.channel_names, "registered channels")
        + _registered_suffix(name, ctx)
    )


def _registered_suffix(name: str, ctx: Context) -> str:
    if closest(name, ctx.channel_names):
        return f" (registered channels: {', '.join(ctx.channel_names)})"
    return ""


@attrs.frozen
class _TemplateAt:
    """A template of a message's content; ``one_line``: what its text must fit on one line
    as (such as "an email subject"), else empty."""

    path: str
    scalar: ScalarNode
    one_line: str = ""


def _template(scalar: ScalarNode, path: str, ctx: Context, one_line: str = "") -> Any:
    issues = check_template_issues(scalar.value)
    for issue in issues:
        ctx.error(scalar.position(issue.offset), path, issue.message)
    if issues:
        return _INVALID
    ctx.templates.append(_TemplateAt(path, scalar, one_line))
    return scalar.value


def _one_line(spec: ChannelSpec, key: str) -> str:
    """How a channel's content key that must be one line is named in messages (else "")."""
    return f"the {spec.name} {key}" if key in spec.single_line_content else ""


def _render_samples(data: dict[str, Any], ctx: Context) -> None:
    """Render every template against the sample statements, as a live run would."""
    profile = ProfileValues.from_data(data.get("profile"))
    for at in ctx.templates:
        for issue in render_problems(
            at.scalar.value, profile, one_line=bool(at.one_line), what=at.one_line
        ):
            ctx.error(at.scalar.position(issue.offset), at.path, issue.message)


def _message(node: Node, path: str, ctx: Context) -> Any:
    """One message: channel name -> content (a template, or a mapping of templates)."""
    if not isinstance(node, MapNode):
        return ctx.error(
            node.mark,
            path,
            f"expected the content per channel (email:, text:, ...), got {describe_node(node)}",
        )
    content: dict[str, Any] = {}
    for key, value in node.items:
        channel = key.value
        cpath = _join(path, channel)
        ctx.key_marks[cpath] = key.mark
        ctx.marks[cpath] = value.mark
        spec = ctx.channel_specs.get(channel)
        if spec is None:
            ctx.error(key.mark, path, _unknown_channel(channel, ctx))
            continue
        content[channel] = _channel_content(spec, key, value, cpath, ctx)
    return content


def _channel_content(
    spec: ChannelSpec, key: ScalarNode, node: Node, path: str, ctx: Context
) -> Any:
    keys = spec.content_keys
    if isinstance(node, ScalarNode) and not node.is_null:
        if (keys is not None and "body" not in keys) or spec.required_content - {"body"}:
            needed = sorted(spec.required_content or keys or ())
            return ctx.error(
                node.mark,
                path,
                f"{spec.name} content needs {' and '.join(needed)}: write them as keys "
                f"under {path}",
            )
        return {"body": _template(node, path, ctx, _one_line(spec, "body"))}
    if not isinstance(node, MapNode):
        return ctx.error(
            node.mark,
            path,
            f"expected the {spec.name} content (a text, or body: ...), got {describe_node(node)}",
        )
    out: dict[str, Any] = {}
    for ckey, cvalue in node.items:
        kpath = _join(path, ckey.value)
        if keys is not None and ckey.value not in keys:
            ctx.error(
                ckey.mark,
                path,
                f"unknown key '{ckey.value}'" + did_you_mean(ckey.value, sorted(keys), "allowed"),
            )
            continue
        if keys is None:
            # A plugin's free-form content: every text in it is a template.
            failed = False
            for _, scalar in iter_scalars(cvalue):
                if scalar.style is not None or not scalar.is_null:
                    failed |= _template(scalar, kpath, ctx) is _INVALID
            out[ckey.value] = _INVALID if failed else to_plain(cvalue)
            continue
        text = _scalar(cvalue, kpath, ctx, "a text (a template)")
        one_line = _one_line(spec, ckey.value)
        out[ckey.value] = _INVALID if text is None else _template(text, kpath, ctx, one_line)
    missing = sorted(spec.required_content - set(out))
    if missing:
        ctx.error(
            key.mark,
            path,
            f"missing {' and '.join(repr(m) for m in missing)} "
            f"({spec.name} content needs {' and '.join(sorted(spec.required_content))})",
        )
    return out


def _window(spec: ChannelSpec, node: Node, path: str, ctx: Context) -> Any:
    scalar = _scalar(node, path, ctx, "a send window such as 08:00-21:00")
    if scalar is None:
        return _INVALID
    match = _WINDOW_RE.fullmatch(scalar.value)
    if match is None:
        return ctx.error(
            scalar.mark,
            path,
            f"expected a window such as 08:00-21:00 (HH:MM-HH:MM, 24-hour clock), "
            f"got '{scalar.value}'",
        )
    h1, m1, h2, m2 = (int(g) for g in match.groups())
    start, end = dt.time(h1, m1), dt.time(h2, m2)
    if start >= end:
        return ctx.error(
            scalar.mark,
            path,
            f"the window must start before it ends (no window across midnight), "
            f"got '{scalar.value}'",
        )
    if spec.max_window is not None and (start < spec.max_window[0] or end > spec.max_window[1]):
        limit = f"{spec.max_window[0]:%H:%M}-{spec.max_window[1]:%H:%M}"
        return ctx.error(
            scalar.mark,
            path,
            f"a {spec.name} send window must lie within {limit}, got '{scalar.value}'",
        )
    return (scalar.value, SendWindow(start, end))


def _secret_hint(name: str, spec: ChannelSpec) -> str | None:
    """The message for a settings key that would hold a secret, else ``None``."""
    lowered = name.lower()
    if lowered.endswith("_env"):
        return None
    word = next((w for w in _SECRET_WORDS if lowered == w or lowered.endswith("_" + w)), None)
    if word is None:
        return None
    keys = spec.settings_keys
    if keys is None:
        env_key = f"{name}_env"  # the convention for channels that accept any setting
    else:
        env_key = f"{word}_env" if f"{word}_env" in keys else ""
    if not env_key:
        env_keys = sorted(k for k in keys or () if k.endswith("_env"))
        where = f" (this channel reads: {', '.join(env_keys)})" if env_keys else ""
        return (
            f"secrets never go in a rules file: remove '{name}' and keep the secret in an "
            f"environment variable{where}"
        )
    return (
        f"secrets never go in a rules file: remove '{name}', put the secret in an "
        f"environment variable and set '{env_key}' to that variable's name"
    )


def _channel_settings(spec: ChannelSpec, node: Node, path: str, ctx: Context) -> Any:
    if isinstance(node, ScalarNode) and node.is_null:
        node = MapNode((), node.mark)
    if not isinstance(node, MapNode):
        return ctx.error(
            node.mark,
            path,
            f"expected the channel's settings (a mapping), got {describe_node(node)}",
        )
    settings: dict[str, Any] = {}
    window: Any = None
    allowed = None if spec.settings_keys is None else spec.settings_keys | COMMON_SETTINGS
    for key, value in node.items:
        kpath = _join(path, key.value)
        ctx.marks[kpath] = value.mark
        secret = _secret_hint(key.value, spec)
        if secret is not None:
            ctx.error(key.mark, kpath, secret)
            continue
        if allowed is not None and key.value not in allowed:
            ctx.error(
                key.mark,
                path,
                f"unknown setting '{key.value}'"
                + did_you_mean(key.value, sorted(allowed), "allowed"),
            )
            continue
        if key.value == "send_window":
            window = _window(spec, value, kpath, ctx)
            settings["send_window"] = _INVALID if window is _INVALID else window[0]
            continue
        kind = "str" if key.value == "outbox" else spec.setting_types.get(key.value)
        typed = {"str": Text(), "int": Whole(0), "bool": Flag()}.get(kind or "")
        settings[key.value] = to_plain(value) if typed is None else typed.check(value, kpath, ctx)
    check_channel_credentials(node, path, ctx.error)
    return {"settings": settings, "window": window}


def _channels(node: Node, path: str, ctx: Context) -> Any:
    if isinstance(node, ScalarNode) and node.is_null:
        return {}
    if not isinstance(node, MapNode):
        return ctx.error(
            node.mark,
            path,
            f"expected channel names with their settings, got {describe_node(node)}",
        )
    out: dict[str, Any] = {}
    for key, value in node.items:
        spec = ctx.channel_specs.get(key.value)
        if spec is None:
            ctx.error(key.mark, path, _unknown_channel(key.value, ctx))
            continue
        out[key.value] = _channel_settings(spec, value, _join(path, key.value), ctx)
    return out


def _messages(node: Node, path: str, ctx: Context) -> Any:
    if isinstance(node, ScalarNode) and node.is_null:
        return {}
    if not isinstance(node, MapNode):
        return ctx.error(
            node.mark, path, f"expected message ids with their content, got {describe_node(node)}"
        )
    out: dict[str, Any] = {}
    for key, value in node.items:
        mpath = _join(path, key.value)
        ctx.key_marks[mpath] = key.mark
        out[key.value] = ctx.check(Custom(_message), value, mpath)
    return out


def _test_recipients(node: Node, path: str, ctx: Context) -> Any:
    if isinstance(node, ScalarNode) and node.is_null:
        return {}
    if not isinstance(node, MapNode):
        return ctx.error(
            node.mark, path, f"expected channel: address lines, got {describe_node(node)}"
        )
    out: dict[str, Any] = {}
    for key, value in node.items:
        kpath = _join(path, key.value)
        spec = ctx.channel_specs.get(key.value)
        if spec is None:
            ctx.error(key.mark, path, _unknown_channel(key.value, ctx))
            continue
        scalar = _scalar(value, kpath, ctx, "an address")
        if scalar is None:
            continue
        address = scalar.value
        if spec.address == "email" and not _EMAIL_RE.fullmatch(address):
            ctx.error(
                scalar.mark,
                kpath,
                f"'{address}' is not an email address (such as billing-test@example.org)",
            )
        elif spec.address == "mobile" and not _E164_RE.fullmatch(address):
            ctx.error(
                scalar.mark,
                kpath,
                f"'{address}' is not a mobile number in E.164 form: write + and the country "
                'code, no spaces, such as "+15555550100"',
            )
        else:
            out[key.value] = address
    return out


def rules_schema() -> Record:
    """The schema of a version 1 rules file (``docs/rules.md``)."""
    rule_name = Key(Text(), required=True, hint="a short name for reports")
    return Record(
        {
            # Checked first, by _check_version; listed so it is a known key.
            "rulesengine": Key(Custom(lambda node, path, ctx: None)),
            "profile": Key(
                Record(
                    {
                        "id": Key(
                            Text(
                                pattern=r"[a-z0-9_-]+",
                                hint="use lower-case letters, digits, '_' and '-' only, "
                                "such as standard",
                            ),
                            required=True,
                            hint="a short name such as standard",
                        ),
                        "name": Key(Text(), default=""),
                        "practice": Key(Text(), default=""),
                        "phone": Key(Text(), default=""),
                        "timezone": Key(
                            TimeZone(),
                            required=True,
                            hint="an IANA time zone such as America/Chicago",
                        ),
                        "pay_link": Key(Text(), default=""),
                        "due_days": Key(Whole(0), default=21),
                    }
                ),
                required=True,
                hint="the profile's id and timezone",
            ),
            "eligibility": Key(
                Record(
                    {
                        "min_statement_balance": Key(Money(), default=1),
                        "cycle_days": Key(Whole(0), default=28),
                        "exclude": Key(
                            ListOf(
                                Record(
                                    {
                                        "name": rule_name,
                                        "when": Key(_condition(False), required=True),
                                    }
                                ),
                                unique_by="name",
                            ),
                            default=[],
                        ),
                    }
                )
            ),
            "dunning": Key(
                Record(
                    {
                        "no_limit": Key(Flag(), default=False),
                        "levels": Key(
                            ListOf(
                                Record(
                                    {
                                        "message": Key(
                                            Text(),
                                            required=True,
                                            hint="a message id from messages",
                                        ),
                                        "channels": Key(
                                            ListOf(
                                                Custom(_channel_name, one_value=True),
                                                min_items=1,
                                                unique=True,
                                            ),
                                            required=True,
                                            hint="a list of channels such as [email]",
                                        ),
                                        "after_days": Key(Whole(0)),
                                        "fallback": Key(
                                            ListOf(
                                                Custom(_channel_name, one_value=True), unique=True
                                            ),
                                            hint="a list of channels such as [print]",
                                        ),
                                    }
                                ),
                                min_items=1,
                            ),
                            required=True,
                            hint="a list with one entry per dunning level",
                        ),
                    }
                ),
                required=True,
                hint="the dunning levels",
            ),
            "payments": Key(
                Record(
                    {
                        "rules": Key(
                            ListOf(
                                Record(
                                    {
                                        "name": rule_name,
                                        "when": Key(_condition(True), required=True),
                                        "then": Key(
                                            Text(choices=THEN_ACTIONS),
                                            required=True,
                                            hint="reset_to_zero, minus_one or hold",
                                        ),
                                    }
                                ),
                                unique_by="name",
                            ),
                            default=[],
                        ),
                    }
                )
            ),
            "grouping": Key(
                Record(
                    {
                        "one_statement_per": Key(
                            Text(choices=("guarantor", "patient")), default="guarantor"
                        ),
                        "also_by": Key(
                            ListOf(Text(choices=("location", "provider")), unique=True),
                            default=[],
                        ),
                        "include_maxed_encounters": Key(Flag(), default=True),
                    }
                )
            ),
            "pre_collections": Key(
                Record(
                    {
                        "return_on_reset": Key(Flag(), default=True),
                        "clear_on_zero_balance": Key(Flag(), default=True),
                    }
                )
            ),
            "messages": Key(
                Custom(_messages), required=True, hint="the content sent with each level"
            ),
            "channels": Key(Custom(_channels), default={}),
            "delivery": Key(
                Record(
                    {
                        "max_attempts": Key(Whole(1), default=5),
                        "backoff": Key(
                            ListOf(Whole(0), min_items=1), default=[60, 300, 1800, 7200]
                        ),
                        "test_recipients": Key(Custom(_test_recipients), default={}),
                    }
                )
            ),
        }
    )


_SCHEMA = rules_schema()


def _check_version(root: MapNode, ctx: Context) -> bool:
    """Check ``rulesengine:``; ``False`` when nothing else should be checked."""
    node = root.get("rulesengine")
    if node is None:
        ctx.error(
            root.mark,
            "",
            f"missing required top-level key 'rulesengine' (the format version: write "
            f"'rulesengine: {FORMAT_VERSION}' as the first line)",
        )
        return True
    version = Whole().check(node, "rulesengine", ctx)
    if version is _INVALID:
        return True
    if version > FORMAT_VERSION:
        ctx.problems.clear()
        ctx.error(
            node.mark,
            "",
            f"this file needs rulesengine format version {version}; this is rulesengine "
            f"{rulesengine.__version__} which reads version {FORMAT_VERSION}: "
            "upgrade rulesengine",
        )
        return False
    if version < 1:
        ctx.error(
            node.mark,
            "rulesengine",
            f"unknown format version {version}: this rulesengine reads version {FORMAT_VERSION}",
        )
    return True


def _cross_checks(data: dict[str, Any], ctx: Context) -> None:
    _render_samples(data, ctx)
    messages = data.get("messages")
    levels = data.get("dunning", {}) if isinstance(data.get("dunning"), dict) else {}
    levels = levels.get("levels", _INVALID)
    if isinstance(levels, list):
        for i, level in enumerate(levels):
            if isinstance(level, dict):
                _check_level(i, level, messages, ctx)
    eligibility = data.get("eligibility")
    if isinstance(eligibility, dict) and isinstance(eligibility.get("exclude"), list):
        for i, rule in enumerate(eligibility["exclude"]):
            name = rule.get("name") if isinstance(rule, dict) else None
            if name in SKIP_REASONS_BUILTIN:
                path = f"eligibility.exclude[{i}].name"
                ctx.error(
                    ctx.marks[path],
                    path,
                    f"'{name}' is a built-in skip reason: choose another name for this rule",
                )


def _check_level(i: int, level: dict[str, Any], messages: Any, ctx: Context) -> None:
    path = f"dunning.levels[{i}]"
    if i == 0 and "after_days" in level:
        where = ctx.key_marks[f"{path}.after_days"]
        ctx.error(
            where,
            f"{path}.after_days",
            "after_days is allowed on levels 2 and above only (it delays the rise to that "
            "level); remove it from the first level",
        )
    message = level.get("message", _INVALID)
    if message is _INVALID or not isinstance(messages, dict):
        return
    if message not in messages:
        defined = ", ".join(messages) if messages else "none"
        close = closest(message, messages)
        hint = f"; did you mean '{close}'?" if close else ""
        ctx.error(
            ctx.marks[f"{path}.message"],
            f"{path}.message",
            f"unknown message '{message}'{hint} (messages defined: {defined})",
        )
        return
    content = messages[message]
    channels = level.get("channels")
    if not isinstance(content, dict) or not isinstance(channels, list):
        return
    fallback = level.get("fallback")
    listed = [("channels", j, c) for j, c in enumerate(channels)]
    if isinstance(fallback, list):
        listed += [("fallback", j, c) for j, c in enumerate(fallback)]
    for key, j, channel in listed:
        if channel is _INVALID:
            continue
        cpath = f"{path}.{key}[{j}]"
        if key == "fallback" and channel in channels:
            ctx.error(
                ctx.marks[cpath],
                cpath,
                f"'{channel}' is already one of this level's channels: a fallback channel is "
                "used only when none of the channels can reach the guarantor, so list it in "
                "channels or in fallback, not both",
            )
            continue
        if channel in content:
            continue
        ctx.error(
            ctx.marks[cpath],
            cpath,
            f"message '{message}' has no content for channel '{channel}': add "
            f"messages.{message}.{channel}",
        )


@attrs.frozen
class Validation:
    """The outcome of :func:`validate`.

    :ivar data: the converted data, usable only when there are no problems.
    :ivar problems: every problem, in file order.
    :ivar newer_version: the file needs a newer rulesengine; ``problems`` is that one message.
    """

    data: dict[str, Any] | None
    problems: list[Problem]
    newer_version: bool = False


def validate(
    tree: Node | None, filename: str, channel_specs: Mapping[str, ChannelSpec]
) -> Validation:
    """Check a rules tree against the schema and the checks that span sections."""
    ctx = Context(channel_specs)
    if tree is None:
        ctx.error(
            Mark(filename, 1, 1),
            "",
            f"the file is empty: a rules file starts with 'rulesengine: {FORMAT_VERSION}'",
        )
        return Validation(None, ctx.problems)
    if not isinstance(tree, MapNode):
        ctx.error(
            tree.mark,
            "",
            f"a rules file is a mapping of keys (rulesengine:, profile:, ...), got "
            f"{describe_node(tree)}",
        )
        return Validation(None, ctx.problems)
    if not _check_version(tree, ctx):
        return Validation(None, ctx.problems, newer_version=True)
    data = ctx.check(_SCHEMA, tree, "")
    if isinstance(data, dict):
        _cross_checks(data, ctx)
    return Validation(data if isinstance(data, dict) else None, sort_problems(ctx.problems))


def sort_problems(problems: Iterable[Problem]) -> list[Problem]:
    """Problems in file order (stable for problems at the same place)."""
    return sorted(problems, key=lambda p: (p.file, p.line or 0, _column_key(p.column)))


def _column_key(column: int | str | None) -> int:
    return column if isinstance(column, int) else 0
