"""Counts in the product's words: ``1 notification``, ``2 notifications``.

Every message that prints a count of something names it with :func:`counted`, so a count of
one never reads "1 notifications".
"""

from __future__ import annotations

__all__ = ["counted", "noun_for"]


def noun_for(count: int, noun: str, plural: str | None = None) -> str:
    """``noun`` for a count of one (or minus one), else its plural (``noun + "s"`` unless
    ``plural`` is given: ``noun_for(2, "entry", "entries")``)."""
    return noun if abs(count) == 1 else (plural or noun + "s")


def counted(count: int, noun: str, plural: str | None = None) -> str:
    """``"1 notification"``, ``"0 notifications"``, ``"2 batches"`` (with ``plural``)."""
    return f"{count} {noun_for(count, noun, plural)}"
