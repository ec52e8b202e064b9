"""The channels this installation can deliver through, as the rules loader and a statement
run need to know them.

Rules files may name every channel an installed plugin registers (the built-in email, text
and print channels are plugins too), and a channel that declares its settings and content
keys gets them checked. Where no channel plugin is installed at all, the built-in channel
names are still accepted, so rules files can be validated and test-run on a bare install.

A command builds one plugin manager and derives the specs and the addressing from it
(:func:`installed_channel_specs` takes it), then hands the same manager to the statement
run and the queue, so plugins are loaded once per command.
"""

from __future__ import annotations

from collections.abc import Mapping
from types import MappingProxyType

import pluggy

from rulesengine.channels.manager import channel_specs, get_channels, get_plugin_manager
from rulesengine.channels.specs import BUILTIN_CHANNEL_SPECS, ChannelSpec

__all__ = ["BUILTIN_ADDRESSING", "channel_addressing", "installed_channel_specs"]


def installed_channel_specs(pm: pluggy.PluginManager | None = None) -> dict[str, ChannelSpec]:
    """Every channel's spec registered through ``pm`` (default: a new
    :func:`~rulesengine.channels.manager.get_plugin_manager`); the built-in specs for names
    no plugin registers."""
    registered = channel_specs(get_channels(pm if pm is not None else get_plugin_manager()))
    return {**BUILTIN_CHANNEL_SPECS, **registered}


def channel_addressing(specs: Mapping[str, ChannelSpec]) -> dict[str, str]:
    """channel name -> the guarantor contact it needs (an address kind)."""
    return {name: spec.address for name, spec in specs.items()}


#: The built-in channels' addressing (``email`` -> ``email``, ``text`` -> ``mobile``,
#: ``print`` -> ``postal``): what a statement run uses when it is given none.
BUILTIN_ADDRESSING: Mapping[str, str] = MappingProxyType(channel_addressing(BUILTIN_CHANNEL_SPECS))
