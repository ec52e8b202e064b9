"""Text a store can keep: PostgreSQL's text cannot hold the NUL character (U+0000), so every
entry point refuses text holding one, on every store (an SQLite store too, so that both
behave the same), with :func:`nul_problem`'s words after the name of the value."""

from __future__ import annotations

__all__ = ["nul_problem"]

_NUL_PROBLEM = "holds a NUL character (\\x00), which a store cannot keep: remove it"


def nul_problem(text: str) -> str | None:
    """What is wrong when ``text`` holds a NUL character, else None."""
    return _NUL_PROBLEM if "\x00" in text else None
