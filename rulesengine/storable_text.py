"""Text a store can keep: PostgreSQL's text cannot hold the NUL character (U+0000), so every
entry point refuses text holding one, on every store (an SQLite store too, so that both
behave the same), with :func:`nul_problem`'s words after the name of the value. Nor can a
store (or a file, or a terminal) keep text that is not valid UTF-8: a lone surrogate
(U+D800 to U+DFFF), which Python makes of an undecodable byte or of a JSON ``"\\ud800"``;
:func:`surrogate_problem` says so without showing the text (it may be a password)."""

from __future__ import annotations

from typing import Any

__all__ = ["NOT_UTF8_PROBLEM", "nul_problem", "storable", "surrogate_problem", "text_problem"]

_NUL_PROBLEM = "holds a NUL character (\\x00), which a store cannot keep: remove it"
#: What :func:`surrogate_problem` says, also of bytes read that are not UTF-8.
NOT_UTF8_PROBLEM = (
    "is not valid UTF-8: it holds a lone surrogate (U+D800 to U+DFFF, such as an undecodable"
    " byte), which a store cannot keep: remove it"
)


def nul_problem(text: str) -> str | None:
    """What is wrong when ``text`` holds a NUL character, else None."""
    return _NUL_PROBLEM if "\x00" in text else None


def surrogate_problem(text: str) -> str | None:
    """What is wrong when ``text`` cannot be written as UTF-8 (it holds a lone surrogate),
    else None."""
    try:
        text.encode("utf-8")
    except UnicodeEncodeError:
        return NOT_UTF8_PROBLEM
    return None


def text_problem(text: str) -> str | None:
    """What is wrong when ``text`` holds a NUL character or a lone surrogate, else None."""
    return nul_problem(text) or surrogate_problem(text)


def storable(text: Any) -> Any:
    """Text from outside the practice's control (a provider's answer, an exception's
    message) made storable: each NUL character written as the four characters ``\\x00``.
    Anything but text is returned as it is."""
    return text.replace("\x00", "\\x00") if isinstance(text, str) and "\x00" in text else text
