"""Loading a rules file the way the command line does: checked against every installed
channel, the plugins' own settings and content keys included.

This is :func:`rulesengine.load_rules`, the public entry point; :func:`~.loader.load_rules`
underneath takes the channel specs explicitly (the built-in channels' when given none).
"""

from __future__ import annotations

import os
from typing import TYPE_CHECKING

from rulesengine.channels.registry import installed_channel_specs
from rulesengine.rules.loader import Overrides, load_rules_text
from rulesengine.rules.loader import load_rules as _load_rules

if TYPE_CHECKING:
    import pluggy

    from rulesengine.rules.policy import Rules

__all__ = ["load_installed_rules", "load_installed_rules_text"]


def load_installed_rules(
    path: str | os.PathLike[str],
    *,
    plugin_manager: pluggy.PluginManager | None = None,
    overrides: Overrides = None,
) -> Rules:
    """Load the rules file at ``path``, checked against every channel installed plugins
    register (through ``plugin_manager``, default a new one).

    :raises RulesError: with every problem found, each as ``file:line:col: message``.
    """
    specs = installed_channel_specs(plugin_manager)
    return _load_rules(path, channel_specs=specs, overrides=overrides)


def load_installed_rules_text(
    text: str,
    *,
    filename: str,
    plugin_manager: pluggy.PluginManager | None = None,
) -> Rules:
    """Load rules from ``text`` (a stored rules version, an uploaded file), checked as
    :func:`load_installed_rules` checks a file; problems name ``filename``.

    :raises RulesError: with every problem found, each as ``file:line:col: message``.
    """
    specs = installed_channel_specs(plugin_manager)
    return load_rules_text(text, filename=filename, channel_specs=specs)
