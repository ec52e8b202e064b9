"""Text a store can keep: PostgreSQL's text cannot hold the NUL character (U+0000), so every
entry point refuses text holding one, on every store (an SQLite store too, so that both
behave the same), with :func:`nul_problem`'s words after the name of the value."""

from __future__ import annotations

from typing import Any

__all__ = ["nul_problem", "storable"]

_NUL_PROBLEM = "holds a NUL character (\\x00), which a store cannot keep: remove it"


def nul_problem(text: str) -> str | None:
    """What is wrong when ``text`` holds a NUL character, else None."""
    return _NUL_PROBLEM if "\x00" in text else None


def storable(text: Any) -> Any:
    """Text from outside the practice's control (a provider's answer, an exception's
    message) made storable: each NUL character written as the four characters ``\\x00``.
    Anything but text is returned as it is."""
    return text.replace("\x00", "\\x00") if isinstance(text, str) and "\x00" in text else text
