"""What the rules loader knows about a channel: the settings and content keys it accepts.

The built-in email, text and print channels declare their keys, so a misspelt key under them
is a load error. A plugin channel may declare ``None`` for either set: it then receives the
rules file's mappings as they are (``docs/plugins.md``). Whatever a channel declares, its
credential settings (``*_env``, ``*_url``, ``*_host`` with ``starttls``) are checked by
:mod:`rulesengine.rules.credential_checks`.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable, Mapping
from types import MappingProxyType

import attrs

from rulesengine.channels.contract import ADDRESS_KINDS

__all__ = [
    "BUILTIN_CHANNEL_SPECS",
    "COMMON_SETTINGS",
    "MAX_PER_SECOND",
    "ChannelSpec",
    "TEXT_WINDOW",
]

#: Settings every channel has, whatever it declares (``max_per_second``: the provider's rate
#: limit, which the queue keeps to across every worker of the store).
COMMON_SETTINGS = frozenset({"send_window", "outbox", "max_per_second"})

#: The highest ``max_per_second`` a rules file may set.
MAX_PER_SECOND = 10_000

#: The outer limit (and default) of the text channel's send window: text messages are never
#: sent outside 08:00-21:00 local time (a rules file may narrow it).
TEXT_WINDOW = (dt.time(8, 0), dt.time(21, 0))


def _frozen_keys(keys: Iterable[str] | None) -> frozenset[str] | None:
    return None if keys is None else frozenset(keys)


def _frozen(keys: Iterable[str]) -> frozenset[str]:
    return frozenset(keys)


def _proxy(mapping: Mapping[str, str]) -> Mapping[str, str]:
    return MappingProxyType(dict(mapping))


def _ranges(mapping: Mapping[str, tuple[int, int]]) -> Mapping[str, tuple[int, int]]:
    return MappingProxyType(dict(mapping))


@attrs.frozen
class ChannelSpec:
    """A channel as the rules loader sees it.

    :ivar name: what rules files write under ``channels:`` and in ``dunning.levels[].channels``.
    :ivar address: the guarantor contact it needs
        (:data:`~rulesengine.channels.contract.ADDRESS_KINDS`).
    :ivar settings_keys: the keys accepted under ``channels.<name>`` (``send_window``,
        ``outbox`` and ``max_per_second`` are always accepted); ``None`` accepts any key.
    :ivar content_keys: the keys accepted in a message's content for this channel; ``None``
        accepts any mapping.
    :ivar required_content: content keys every message using this channel must have.
    :ivar single_line_content: content keys whose text must be one line (an email subject):
        a line break in the template's own text or in a profile value it prints is a load
        error (what a guarantor's data could bring is for the channel to refuse).
    :ivar setting_types: ``"str"``, ``"int"`` or ``"bool"`` per settings key; keys not listed
        keep the value as written (plugin settings are passed through).
    :ivar setting_ranges: ``(least, most)`` per ``"int"`` setting (default: 0 and up).
    :ivar default_window: the send window when the rules file sets none (``None``: no window).
    :ivar max_window: a send window must lie within this one (``None``: no limit).
    """

    name: str
    address: str = attrs.field(validator=attrs.validators.in_(ADDRESS_KINDS))
    settings_keys: frozenset[str] | None = attrs.field(default=None, converter=_frozen_keys)
    content_keys: frozenset[str] | None = attrs.field(default=None, converter=_frozen_keys)
    required_content: frozenset[str] = attrs.field(default=frozenset(), converter=_frozen)
    single_line_content: frozenset[str] = attrs.field(default=frozenset(), converter=_frozen)
    setting_types: Mapping[str, str] = attrs.field(factory=dict, converter=_proxy)
    setting_ranges: Mapping[str, tuple[int, int]] = attrs.field(factory=dict, converter=_ranges)
    default_window: tuple[dt.time, dt.time] | None = None
    max_window: tuple[dt.time, dt.time] | None = None


BUILTIN_CHANNEL_SPECS: Mapping[str, ChannelSpec] = MappingProxyType(
    {
        "email": ChannelSpec(
            name="email",
            address="email",
            settings_keys=frozenset(
                {
                    "send_window",
                    "outbox",
                    "smtp_host",
                    "smtp_port",
                    "starttls",
                    "username",
                    "password_env",
                    "from",
                    "connections",
                }
            ),
            content_keys=frozenset({"subject", "body"}),
            required_content=frozenset({"subject", "body"}),
            single_line_content=frozenset({"subject"}),
            setting_types={
                "smtp_host": "str",
                "smtp_port": "int",
                "starttls": "bool",
                "username": "str",
                "password_env": "str",
                "from": "str",
                "connections": "int",
            },
            setting_ranges={"smtp_port": (1, 65535), "connections": (1, 100)},
        ),
        "text": ChannelSpec(
            name="text",
            address="mobile",
            settings_keys=frozenset(
                {
                    "send_window",
                    "outbox",
                    "base_url",
                    "account_sid",
                    "token_env",
                    "from",
                    "connections",
                }
            ),
            content_keys=frozenset({"body"}),
            required_content=frozenset({"body"}),
            setting_types={
                "base_url": "str",
                "account_sid": "str",
                "token_env": "str",
                "from": "str",
                "connections": "int",
            },
            setting_ranges={"connections": (1, 100)},
            default_window=TEXT_WINDOW,
            max_window=TEXT_WINDOW,
        ),
        "print": ChannelSpec(
            name="print",
            address="postal",
            settings_keys=frozenset({"send_window", "outbox", "batch_dir"}),
            content_keys=frozenset({"body"}),
            required_content=frozenset({"body"}),
            setting_types={"batch_dir": "str"},
        ),
    }
)
