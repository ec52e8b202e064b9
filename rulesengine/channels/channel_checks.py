"""Checking a channel class against the channel contract when a plugin registers it.

:func:`channel_problems` lists everything wrong with a class's declaration: each attribute
of :class:`~rulesengine.channels.contract.Channel` (``name``, ``address``, ``send``, the
key sets, ``setting_types``, the send windows, ``deduplicates``), saying what it should be
and what was found. The plugin manager refuses a class with a problem; the plugin test kit
reports them.
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Collection, Mapping
from typing import Any

from rulesengine.channels.contract import ADDRESS_KINDS, MAX_IN_FLIGHT, SETTING_TYPES, Channel
from rulesengine.channels.specs import COMMON_SETTINGS
from rulesengine.plurals import with_article

__all__ = ["CHANNEL_NAME", "channel_problems", "valid_in_flight"]

#: What a channel name looks like: what rules files write under ``channels:``.
CHANNEL_NAME = re.compile(r"[a-z][a-z0-9_]*")

_WINDOW_EXAMPLE = "(datetime.time(9, 0), datetime.time(17, 0))"


def _found(value: Any) -> str:
    """A declared value as a problem shows it: its repr and its type."""
    return f"{value!r} ({with_article(type(value).__name__)})"


def _key_set_problem(cls: type, attr: str) -> str | None:
    value = getattr(cls, attr, None)
    if value is None:
        return None
    if isinstance(value, str | bytes) or not isinstance(value, Collection):
        return f"{attr} must be a set of key names or None, got {_found(value)}"
    if isinstance(value, Mapping):
        return f"{attr} must be a set of key names or None, got a mapping: {value!r}"
    offending = sorted((k for k in value if not isinstance(k, str)), key=repr)
    if offending:
        return f"{attr} must contain only strings, got {', '.join(map(_found, offending))}"
    return None


def _setting_types_problems(cls: type) -> list[str]:
    value = getattr(cls, "setting_types", None)
    if value is None:
        return []
    if not isinstance(value, Mapping):
        return [
            "setting_types must be a mapping of setting name -> "
            f"{', '.join(map(repr, SETTING_TYPES))} (or None), got {_found(value)}"
        ]
    problems = []
    for key, kind in value.items():
        if not isinstance(key, str):
            problems.append(f"setting_types keys must be setting names, got {_found(key)}")
        elif kind not in SETTING_TYPES:
            problems.append(
                f"setting_types[{key!r}] must be one of {', '.join(map(repr, SETTING_TYPES))},"
                f" got {_found(kind)}"
            )
    return problems


def _setting_ranges_problems(cls: type) -> list[str]:
    value = getattr(cls, "setting_ranges", None)
    if value is None:
        return []
    expected = "setting_ranges must be a mapping of setting name -> (least, most) whole numbers"
    if not isinstance(value, Mapping):
        return [f"{expected} (or None), got {_found(value)}"]
    types = getattr(cls, "setting_types", None)
    types = types if isinstance(types, Mapping) else {}
    problems = []
    for key, pair in value.items():
        whole = (
            isinstance(pair, tuple)
            and len(pair) == 2
            and all(isinstance(v, int) and not isinstance(v, bool) for v in pair)
        )
        if not isinstance(key, str) or not whole or pair[0] > pair[1]:
            problems.append(f"{expected}, least <= most, got {key!r}: {_found(pair)}")
        elif types.get(key) != "int":
            problems.append(
                f'setting_ranges[{key!r}] is for a setting typed "int" in setting_types'
            )
    return problems


def _window_problem(cls: type, attr: str) -> str | None:
    value = getattr(cls, attr, None)
    if value is None:
        return None
    expected = (
        f"{attr} must be None or a (start, end) pair of datetime.time such as {_WINDOW_EXAMPLE}"
    )
    if not isinstance(value, tuple | list) or len(value) != 2:
        return f"{expected}, got {_found(value)}"
    if not all(isinstance(t, dt.time) for t in value):
        return f"{expected}, got {value!r}"
    start, end = value
    if start.tzinfo is not None or end.tzinfo is not None:
        return (
            f"{attr} must be times without a time zone (a window is the guarantor's local"
            f" time), got {value!r}"
        )
    if start.second or start.microsecond or end.second or end.microsecond:
        return f"{attr} must be whole minutes (a window is written HH:MM-HH:MM), got {value!r}"
    if start >= end:
        return (
            f"{attr} must start before it ends (no window across midnight),"
            f" got {start:%H:%M}-{end:%H:%M}"
        )
    return None


def _window_text(window: Any) -> str:
    return f"{window[0]:%H:%M}-{window[1]:%H:%M}"


def channel_problems(channel_class: Any) -> list[str]:
    """Everything wrong with a channel class's declaration (empty when it is fine).

    Every class attribute of the channel contract is checked: ``name``, ``address``,
    ``send``, the key sets (``settings_keys``, ``content_keys``, ``required_content``,
    ``single_line_content``), ``setting_types``, ``default_window``, ``max_window`` and
    ``deduplicates``. Each problem names the attribute, what it should be and what was found.
    """
    if not isinstance(channel_class, type):
        return [f"register() takes a channel class, got {channel_class!r}"]
    problems = []
    label = channel_class.__qualname__
    name = getattr(channel_class, "name", None)
    if not isinstance(name, str) or not CHANNEL_NAME.fullmatch(name):
        problems.append(
            f"{label}.name must be a channel name such as 'fax' "
            f"(lower-case letters, digits and _, starting with a letter), got {name!r}"
        )
    address = getattr(channel_class, "address", None)
    if address not in ADDRESS_KINDS:
        problems.append(
            f"{label}.address must be one of {', '.join(ADDRESS_KINDS)}, got {address!r}"
        )
    send = getattr(channel_class, "send", None)
    if not callable(send):
        problems.append(f"{label} has no send(notifications) method")
    elif send is Channel.send:
        problems.append(
            f"{label} has no send(notifications) method of its own: a subclass of"
            " rulesengine.Channel must implement send"
        )
    key_sets = ("settings_keys", "content_keys", "required_content", "single_line_content")
    bad_sets = set()
    for attr in key_sets:
        problem = _key_set_problem(channel_class, attr)
        if problem:
            problems.append(f"{label}.{problem}")
            bad_sets.add(attr)
    content = getattr(channel_class, "content_keys", None)
    for attr in ("required_content", "single_line_content"):
        keys = getattr(channel_class, attr, None)
        if bad_sets & {attr, "content_keys"} or content is None or not keys:
            continue
        if set(keys) - set(content):
            extra = ", ".join(sorted(set(keys) - set(content)))
            problems.append(f"{label}.{attr} lists keys not in content_keys: {extra}")
    problems.extend(f"{label}.{p}" for p in _setting_types_problems(channel_class))
    problems.extend(f"{label}.{p}" for p in _setting_ranges_problems(channel_class))
    settings = getattr(channel_class, "settings_keys", None)
    types = getattr(channel_class, "setting_types", None)
    if "settings_keys" not in bad_sets and settings is not None and isinstance(types, Mapping):
        allowed = set(settings) | COMMON_SETTINGS
        unknown = sorted(k for k in types if isinstance(k, str) and k not in allowed)
        if unknown:
            problems.append(
                f"{label}.setting_types names settings not in settings_keys: {', '.join(unknown)}"
            )
    windows = {}
    for attr in ("default_window", "max_window"):
        problem = _window_problem(channel_class, attr)
        if problem:
            problems.append(f"{label}.{problem}")
        else:
            windows[attr] = getattr(channel_class, attr, None)
    default, limit = windows.get("default_window"), windows.get("max_window")
    if default is not None and limit is not None:
        if default[0] < limit[0] or default[1] > limit[1]:
            problems.append(
                f"{label}.default_window {_window_text(default)} must lie within"
                f" max_window {_window_text(limit)}"
            )
    deduplicates = getattr(channel_class, "deduplicates", False)
    if not isinstance(deduplicates, bool):
        problems.append(f"{label}.deduplicates must be True or False, got {_found(deduplicates)}")
    in_flight = getattr(channel_class, "max_in_flight", 1)
    if not valid_in_flight(in_flight):
        problems.append(
            f"{label}.max_in_flight must be a whole number from 1 to {MAX_IN_FLIGHT},"
            f" got {_found(in_flight)}"
        )
    return problems


def valid_in_flight(value: object) -> bool:
    """Whether ``value`` is a ``max_in_flight`` the queue accepts (1 to :data:`MAX_IN_FLIGHT`)."""
    return isinstance(value, int) and not isinstance(value, bool) and 1 <= value <= MAX_IN_FLIGHT
