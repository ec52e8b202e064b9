"""The version of rulesengine, in a module of its own so the package's modules can name it
without importing the public API module (``rulesengine/__init__.py``)."""

from __future__ import annotations

__all__ = ["__version__"]

__version__ = "0.1.0.dev0"
