"""rulesengine: patient statement dunning and balance notifications driven by YAML rules.

The public API for plugin authors (``docs/plugins.md``): :data:`hookimpl` marks hook
implementations, :class:`Channel` is the channel contract a channel class subclasses,
:class:`Notification` is what its ``send`` receives and :class:`DeliveryResult` what it
returns; :data:`ADDRESS_KINDS` lists the values of ``Channel.address``.
"""

from __future__ import annotations

from rulesengine.channels.contract import ADDRESS_KINDS, Channel
from rulesengine.channels.manager import hookimpl
from rulesengine.channels.results import DeliveryResult
from rulesengine.model import Notification
from rulesengine.version import __version__

__all__ = [
    "ADDRESS_KINDS",
    "Channel",
    "DeliveryResult",
    "Notification",
    "__version__",
    "hookimpl",
]
