"""The parts of a rules file that name channels: a level's ``channels:`` and ``fallback:``
(registered channel names), ``channels:`` (each channel's settings and send window) and
``delivery.test_recipients`` (an address per channel)."""

from __future__ import annotations

import datetime as dt
import re
from typing import TYPE_CHECKING, Any

from rulesengine.channels.specs import COMMON_SETTINGS, MAX_PER_SECOND
from rulesengine.hints import closest, did_you_mean
from rulesengine.model import SendWindow
from rulesengine.rules.credential_checks import check_channel_credentials
from rulesengine.rules.schema_toolkit import (
    INVALID,
    Context,
    Flag,
    Text,
    Whole,
    child_path,
    describe_node,
    required_scalar,
)
from rulesengine.rules.yamlmarks import MapNode, Node, ScalarNode, to_plain

if TYPE_CHECKING:
    from rulesengine.channels.specs import ChannelSpec

__all__ = [
    "check_channel_name",
    "check_channels",
    "check_test_recipients",
    "unknown_channel_message",
]

_WINDOW_RE = re.compile(r"([01][0-9]|2[0-3]):([0-5][0-9])-([01][0-9]|2[0-3]):([0-5][0-9])")
_EMAIL_RE = re.compile(r"[^@\s]+@[^@\s]+\.[^@\s.]+")
_E164_RE = re.compile(r"\+[1-9][0-9]{6,14}")
_SECRET_WORDS = ("password", "token", "secret", "api_key")


def check_channel_name(node: Node, path: str, ctx: Context) -> Any:
    """A registered channel's name (a level's ``channels:`` and ``fallback:`` items)."""
    scalar = required_scalar(node, path, ctx, "a channel name such as email")
    if scalar is None:
        return INVALID
    if scalar.value not in ctx.channel_specs:
        return ctx.error(scalar.mark, path, unknown_channel_message(scalar.value, ctx))
    return scalar.value


def unknown_channel_message(name: str, ctx: Context) -> str:
    """The problem for a channel name that is not registered, with a "did you mean"."""
    return (
        f"unknown channel '{name}'"
        + did_you_mean(name, ctx.channel_names, "registered channels")
        + _registered_suffix(name, ctx)
    )


def _registered_suffix(name: str, ctx: Context) -> str:
    if closest(name, ctx.channel_names):
        return f" (registered channels: {', '.join(ctx.channel_names)})"
    return ""


def _window(spec: ChannelSpec, node: Node, path: str, ctx: Context) -> Any:
    scalar = required_scalar(node, path, ctx, "a send window such as 08:00-21:00")
    if scalar is None:
        return INVALID
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
        kpath = child_path(path, key.value)
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
            settings["send_window"] = INVALID if window is INVALID else window[0]
            continue
        if key.value == "max_per_second":
            settings[key.value] = Whole(1, MAX_PER_SECOND).check(value, kpath, ctx)
            continue
        kind = "str" if key.value == "outbox" else spec.setting_types.get(key.value)
        least, most = spec.setting_ranges.get(key.value, (0, None))
        typed = {"str": Text(), "int": Whole(least, most), "bool": Flag()}.get(kind or "")
        settings[key.value] = to_plain(value) if typed is None else typed.check(value, kpath, ctx)
    check_channel_credentials(node, path, ctx.error)
    return {"settings": settings, "window": window}


def check_channels(node: Node, path: str, ctx: Context) -> Any:
    """``channels:``: channel name -> its settings and send window."""
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
            ctx.error(key.mark, path, unknown_channel_message(key.value, ctx))
            continue
        out[key.value] = _channel_settings(spec, value, child_path(path, key.value), ctx)
    return out


def check_test_recipients(node: Node, path: str, ctx: Context) -> Any:
    """``delivery.test_recipients``: channel name -> the address test sends go to."""
    if isinstance(node, ScalarNode) and node.is_null:
        return {}
    if not isinstance(node, MapNode):
        return ctx.error(
            node.mark, path, f"expected channel: address lines, got {describe_node(node)}"
        )
    out: dict[str, Any] = {}
    for key, value in node.items:
        kpath = child_path(path, key.value)
        spec = ctx.channel_specs.get(key.value)
        if spec is None:
            ctx.error(key.mark, path, unknown_channel_message(key.value, ctx))
            continue
        scalar = required_scalar(value, kpath, ctx, "an address")
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
