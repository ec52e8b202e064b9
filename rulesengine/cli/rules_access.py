"""Rules files as the commands load them: checked against every installed channel (the
plugins' channel specs), and the addressing a statement run uses for those channels.

The channel registry (and the plugins it loads) and the rules loader are imported when a
command loads rules, not when ``rulesengine`` starts: start-up time.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from rulesengine.channels.specs import ChannelSpec
    from rulesengine.rules.policy import Rules

__all__ = ["installed_addressing", "installed_specs", "load_rules_for_cli"]


def installed_specs() -> dict[str, ChannelSpec]:
    """The channel specs of every installed channel."""
    from rulesengine.channels.registry import installed_channel_specs  # start-up time

    return installed_channel_specs()


def load_rules_for_cli(path: str) -> Rules:
    """A rules file, checked against every installed channel."""
    from rulesengine.rules import load_rules  # start-up time

    return load_rules(path, channel_specs=installed_specs())


def installed_addressing() -> dict[str, str]:
    """How a statement run addresses each installed channel."""
    from rulesengine.channels.registry import channel_addressing  # start-up time

    return channel_addressing(installed_specs())
