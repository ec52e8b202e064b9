"""The ``messages:`` section of a rules file: each message's content per channel, whose
texts are message templates, checked as written and then rendered against sample
statements as a live run would render them."""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from rulesengine.hints import did_you_mean
from rulesengine.rules.channel_schema import unknown_channel_message
from rulesengine.rules.rules_context import TemplateAt, rules_context
from rulesengine.rules.schema_toolkit import (
    INVALID,
    Context,
    Custom,
    child_path,
    describe_node,
    required_scalar,
)
from rulesengine.rules.template_samples import ProfileValues, render_problems
from rulesengine.rules.templates import check_template_issues
from rulesengine.rules.yamlmarks import MapNode, Node, ScalarNode, iter_scalars, to_plain
from rulesengine.storable_text import nul_problem

if TYPE_CHECKING:
    from rulesengine.channels.specs import ChannelSpec
    from rulesengine.rules.rules_context import RulesContext

__all__ = ["check_messages", "render_samples"]


def check_messages(node: Node, path: str, ctx: Context) -> Any:
    """``messages:``: message id -> its content per channel."""
    if isinstance(node, ScalarNode) and node.is_null:
        return {}
    if not isinstance(node, MapNode):
        return ctx.error(
            node.mark, path, f"expected message ids with their content, got {describe_node(node)}"
        )
    out: dict[str, Any] = {}
    for key, value in node.items:
        mpath = child_path(path, key.value)
        ctx.key_marks[mpath] = key.mark
        out[key.value] = ctx.check(Custom(_message), value, mpath)
    return out


def _template(scalar: ScalarNode, path: str, ctx: Context, one_line: str = "") -> Any:
    """A template as written; kept to render against the samples once all is checked."""
    nul = nul_problem(scalar.value)  # a YAML "\0" escape: it would reach the rendered text
    if nul is not None:
        return ctx.error(scalar.mark, path, nul)
    issues = check_template_issues(scalar.value)
    for issue in issues:
        ctx.error(scalar.position(issue.offset), path, issue.message)
    if issues:
        return INVALID
    rules_context(ctx).templates.append(TemplateAt(path, scalar, one_line))
    return scalar.value


def _one_line(spec: ChannelSpec, key: str) -> str:
    """How a channel's content key that must be one line is named in messages (else "")."""
    return f"the {spec.name} {key}" if key in spec.single_line_content else ""


def render_samples(data: dict[str, Any], ctx: RulesContext) -> None:
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
        cpath = child_path(path, channel)
        ctx.key_marks[cpath] = key.mark
        ctx.marks[cpath] = value.mark
        spec = ctx.channel_specs.get(channel)
        if spec is None:
            ctx.error(key.mark, path, unknown_channel_message(channel, ctx))
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
        kpath = child_path(path, ckey.value)
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
                    failed |= _template(scalar, kpath, ctx) is INVALID
            out[ckey.value] = INVALID if failed else to_plain(cvalue)
            continue
        text = required_scalar(cvalue, kpath, ctx, "a text (a template)")
        one_line = _one_line(spec, ckey.value)
        out[ckey.value] = INVALID if text is None else _template(text, kpath, ctx, one_line)
    missing = sorted(spec.required_content - set(out))
    if missing:
        ctx.error(
            key.mark,
            path,
            f"missing {' and '.join(repr(m) for m in missing)} "
            f"({spec.name} content needs {' and '.join(sorted(spec.required_content))})",
        )
    return out
