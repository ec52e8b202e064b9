"""The checks of a rules file that span sections, run once every section is checked: each
template renders against the sample statements, each dunning level's message exists and has
content for each of its channels, and no exclusion rule takes a built-in skip reason's
name."""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from rulesengine.hints import closest
from rulesengine.model import SKIP_REASONS_BUILTIN
from rulesengine.rules.message_content_schema import render_samples
from rulesengine.rules.schema_toolkit import INVALID

if TYPE_CHECKING:
    from rulesengine.rules.rules_context import RulesContext
    from rulesengine.rules.schema_toolkit import Context

__all__ = ["check_across_sections"]


def check_across_sections(data: dict[str, Any], ctx: RulesContext) -> None:
    """Record the problems of ``data`` (the converted rules file) that span sections."""
    render_samples(data, ctx)
    messages = data.get("messages")
    levels = data.get("dunning", {}) if isinstance(data.get("dunning"), dict) else {}
    levels = levels.get("levels", INVALID)
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
    """Level ``i``: after_days only from level 2, its message and the content per channel."""
    path = f"dunning.levels[{i}]"
    if i == 0 and "after_days" in level:
        where = ctx.key_marks[f"{path}.after_days"]
        ctx.error(
            where,
            f"{path}.after_days",
            "after_days is allowed on levels 2 and above only (it delays the rise to that "
            "level); remove it from the first level",
        )
    message = level.get("message", INVALID)
    if message is INVALID or not isinstance(messages, dict):
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
        if channel is INVALID:
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
