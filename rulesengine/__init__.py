"""rulesengine: patient statement dunning and balance notifications driven by YAML rules."""

from __future__ import annotations

__version__ = "0.1.0.dev0"

__all__ = ["__version__"]
