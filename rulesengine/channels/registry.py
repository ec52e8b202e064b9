"""The channels this installation can deliver through, as the rules loader and a statement
run need to know them.

Rules files may name every channel an installed plugin registers (the built-in email, text
and print channels are plugins too), and a channel that declares its settings and content
keys gets them checked. Where no channel plugin is installed at all, the built-in channel
names are still accepted, so rules files can be validated and test-run on a bare install.
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from rulesengine.channels.specs import ChannelSpec

__all__ = ["channel_addressing", "installed_channel_specs"]


def installed_channel_specs() -> dict[str, ChannelSpec]:
    """Every registered channel's spec; the built-in specs for names no plugin registers."""
    from rulesengine.channels.manager import channel_specs, get_channels, get_plugin_manager
    from rulesengine.channels.specs import BUILTIN_CHANNEL_SPECS

    registered = channel_specs(get_channels(get_plugin_manager()))
    return {**BUILTIN_CHANNEL_SPECS, **registered}


def channel_addressing(specs: Mapping[str, ChannelSpec]) -> dict[str, str]:
    """channel name -> the guarantor contact it needs (an address kind)."""
    return {name: spec.address for name, spec in specs.items()}
