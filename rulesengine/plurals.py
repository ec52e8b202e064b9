"""Counts in the product's words: ``1 notification``, ``2 notifications``, ``an int``.

Every message that prints a count of something names it with :func:`counted`, so a count of
one never reads "1 notifications"; one that names a kind of thing with its article uses
:func:`with_article`, so it never reads "a int".
"""

from __future__ import annotations

__all__ = ["counted", "noun_for", "with_article"]


def noun_for(count: int, noun: str, plural: str | None = None) -> str:
    """``noun`` for a count of one (or minus one), else its plural (``noun + "s"`` unless
    ``plural`` is given: ``noun_for(2, "entry", "entries")``)."""
    return noun if abs(count) == 1 else (plural or noun + "s")


def counted(count: int, noun: str, plural: str | None = None) -> str:
    """``"1 notification"``, ``"0 notifications"``, ``"2 batches"`` (with ``plural``)."""
    return f"{count} {noun_for(count, noun, plural)}"


def with_article(word: str) -> str:
    """``word`` after its indefinite article by its spelling: ``"an int"``, ``"a dict"``."""
    return f"{'an' if word and word[0].lower() in 'aeiou' else 'a'} {word}"
