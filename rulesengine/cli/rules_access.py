"""Rules files as the commands load them: checked against every installed channel (the
plugins' channel specs), and the addressing a statement run uses for those channels.

The channel registry (and the plugins it loads) and the rules loader are imported when a
command loads rules, not when ``rulesengine`` starts: start-up time.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

import click

if TYPE_CHECKING:
    import pluggy

    from rulesengine.channels.specs import ChannelSpec
    from rulesengine.rules.policy import Rules

__all__ = [
    "command_plugin_manager",
    "installed_addressing",
    "installed_specs",
    "load_rules_for_cli",
]

_PLUGIN_MANAGER_KEY = "rulesengine.plugin_manager"


def command_plugin_manager() -> pluggy.PluginManager:
    """The command's plugin manager: built once, shared by its rules, run and queue."""
    from rulesengine.channels.manager import get_plugin_manager  # start-up time

    meta = click.get_current_context().meta
    if _PLUGIN_MANAGER_KEY not in meta:
        meta[_PLUGIN_MANAGER_KEY] = get_plugin_manager()
    return meta[_PLUGIN_MANAGER_KEY]


def installed_specs() -> dict[str, ChannelSpec]:
    """The channel specs of every installed channel."""
    from rulesengine.channels.registry import installed_channel_specs  # start-up time

    return installed_channel_specs(command_plugin_manager())


def load_rules_for_cli(path: str) -> Rules:
    """A rules file, checked against every installed channel."""
    from rulesengine.rules.installed_rules import load_installed_rules  # start-up time

    return load_installed_rules(path, plugin_manager=command_plugin_manager())


def installed_addressing() -> dict[str, str]:
    """How a statement run addresses each installed channel."""
    from rulesengine.channels.registry import channel_addressing  # start-up time

    return channel_addressing(installed_specs())
