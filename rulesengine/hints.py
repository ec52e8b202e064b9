""" "Did you mean" hints shared by the schema, conditions and templates."""

from __future__ import annotations

import difflib
from collections.abc import Iterable

__all__ = ["closest", "did_you_mean"]


def closest(word: str, choices: Iterable[str]) -> str | None:
    """The choice the user most likely meant: a close spelling, or the one choice that
    starts with ``word`` (``reset`` -> ``reset_to_zero``); ``None`` when nothing fits."""
    choices = list(choices)
    close = difflib.get_close_matches(word, choices, n=1, cutoff=0.6)
    if close:
        return close[0]
    if len(word) >= 3:
        starting = [c for c in choices if c.startswith(word)]
        if len(starting) == 1:
            return starting[0]
    return None


def did_you_mean(word: str, choices: Iterable[str], what: str) -> str:
    """``"; did you mean 'x'?"`` for a likely choice, else ``" (what: a, b, c)"``."""
    choices = list(choices)
    match = closest(word, choices)
    if match is not None:
        return f"; did you mean '{match}'?"
    if not choices:
        return f" (no {what})"
    return f" ({what}: {', '.join(choices)})"
