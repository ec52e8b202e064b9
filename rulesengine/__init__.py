"""rulesengine: patient statement dunning and balance notifications driven by YAML rules.

The public API for plugin authors: :data:`hookimpl` marks hook implementations and
:class:`DeliveryResult` is what a channel's ``send`` returns (``docs/plugins.md``).
"""

from __future__ import annotations

from rulesengine.delivery import DeliveryResult
from rulesengine.plugins import hookimpl

__version__ = "0.1.0.dev0"

__all__ = ["DeliveryResult", "__version__", "hookimpl"]
