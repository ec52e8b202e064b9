"""Tokens of the ``when:`` condition language (:mod:`rulesengine.rules.expressions`).

:func:`tokenize` splits a condition into numbers, quoted texts, words, comparison operators
and brackets, and refuses at once what conditions never contain (arithmetic, ``=``, ``!``,
``&&``, Python names such as ``import`` or ``__class__``), each with a message for the
practice and the offset of the offending character.
"""

from __future__ import annotations

import re

import attrs

__all__ = ["KEYWORDS", "ConditionError", "Token", "tokenize"]

_COMPARISONS = ("<=", ">=", "==", "!=", "<", ">")
#: The words of the language itself (not fields).
KEYWORDS = frozenset({"and", "or", "not", "in", "true", "false"})
#: Constants stay far inside what the rule engine compares exactly (64-bit integers, cents).
_MAX_NUMBER = 10**12
_NUMBER_RE = re.compile(r"-?(?:[0-9]+(?:\.[0-9]+)?|\.[0-9]+)")
_WORD_RE = re.compile(r"[A-Za-z_][A-Za-z0-9_]*(?:\.[A-Za-z0-9_]*)*")
_PYTHONISH = {
    "True": "write true in lower case",
    "False": "write false in lower case",
    "None": "there is no None: a field without a value makes every comparison false",
    "is": "use == or != to compare",
    "AND": "write and in lower case",
    "OR": "write or in lower case",
    "NOT": "write not in lower case",
}
_FORBIDDEN_WORDS = frozenset(
    {
        "import",
        "lambda",
        "exec",
        "eval",
        "open",
        "compile",
        "getattr",
        "setattr",
        "globals",
        "locals",
        "vars",
        "dir",
        "type",
        "object",
        "self",
        "os",
        "sys",
        "builtins",
        "def",
        "class",
        "for",
        "while",
        "if",
        "else",
        "return",
        "yield",
        "with",
        "del",
        "assert",
    }
)


class ConditionError(Exception):
    """A condition that cannot be used; ``offset`` is the 0-based index of the problem."""

    def __init__(self, message: str, offset: int) -> None:
        super().__init__(message)
        self.message = message
        self.offset = offset


@attrs.frozen
class Token:
    """One token of a condition; ``value``: a number's or a quoted text's value."""

    kind: str  # num, str, word, op, "(", ")", "[", "]", ",", end
    text: str
    offset: int
    value: object = None


def tokenize(text: str) -> list[Token]:
    """The tokens of ``text``, ending with an ``end`` token.

    :raises ConditionError: at the first character no condition may contain.
    """
    tokens: list[Token] = []
    i, n = 0, len(text)
    while i < n:
        c = text[i]
        if c.isspace():
            i += 1
            continue
        if c in "()[],":
            tokens.append(Token(c, c, i))
            i += 1
            continue
        two = text[i : i + 2]
        if two == "<>":
            raise ConditionError("use != for 'not equal' ('<>' is not an operator)", i)
        if two in _COMPARISONS:
            tokens.append(Token("op", two, i))
            i += 2
            continue
        if c in "<>":
            tokens.append(Token("op", c, i))
            i += 1
            continue
        if c == "=":
            raise ConditionError("use == to compare ('=' alone is not allowed in a condition)", i)
        if c == "!":
            raise ConditionError("use 'not' instead of '!'", i)
        if two in ("&&", "||") or c in "&|":
            raise ConditionError("use 'and' / 'or' to combine comparisons", i)
        if c in "'\"":
            i = _read_string(text, i, tokens)
            continue
        if c in "0123456789." or (c == "-" and _starts_number(text, i, tokens)):
            i = _read_number(text, i, tokens)
            continue
        if (c.isascii() and c.isalpha()) or c == "_":
            match = _WORD_RE.match(text, i)
            assert match is not None
            word = match.group()
            _check_word(word, i)
            tokens.append(Token("word", word, i))
            i = match.end()
            continue
        raise ConditionError(_bad_char_message(c), i)
    tokens.append(Token("end", "", n))
    return tokens


def _bad_char_message(c: str) -> str:
    if c in "+-*/%":
        return f"'{c}' is not allowed in a condition: no arithmetic, compare fields with numbers"
    if c == "@" or c == "`" or c == "$" or c == "\\" or c == ";" or c == ":" or c == "{":
        return f"'{c}' is not allowed in a condition"
    return f"unexpected character {c!r} in a condition"


def _starts_number(text: str, i: int, tokens: list[Token]) -> bool:
    """A '-' starts a negative number where an operand is expected and a digit follows."""
    following = text[i + 1 : i + 2]
    if not following or following not in "0123456789.":
        return False
    if not tokens:
        return True
    last = tokens[-1]
    return last.kind in ("op", "(", "[", ",") or (last.kind == "word" and last.text in KEYWORDS)


def _read_number(text: str, i: int, tokens: list[Token]) -> int:
    match = _NUMBER_RE.match(text, i)
    if match is None:
        raise ConditionError(f"unexpected character {text[i]!r} in a condition", i)
    end = match.end()
    if end < len(text) and (text[end].isalnum() or text[end] in "._"):
        raise ConditionError(
            f"malformed number '{text[i : end + 1]}': write numbers like 25 or 25.50", i
        )
    written = match.group()
    whole_part = written.lstrip("-").split(".")[0].lstrip("0")
    # A long digit string is too large before it is read: int() refuses more than 4,300
    # digits, and reading it is quadratic in its length.
    too_long = len(whole_part) > len(str(_MAX_NUMBER))
    value: int | float = 0 if too_long else float(written) if "." in written else int(written)
    if too_long or abs(value) > _MAX_NUMBER:
        shown = written if len(written) <= 40 else f"{written[:20]}… ({len(written):,} characters)"
        raise ConditionError(
            f"the number {shown} is too large: numbers in a condition are at most {_MAX_NUMBER:,}",
            i,
        )
    tokens.append(Token("num", written, i, value))
    return end


def _read_string(text: str, i: int, tokens: list[Token]) -> int:
    quote = text[i]
    j = i + 1
    chars: list[str] = []
    while j < len(text):
        c = text[j]
        if c == "\\" and j + 1 < len(text) and text[j + 1] in (quote, "\\"):
            chars.append(text[j + 1])
            j += 2
            continue
        if c == quote:
            tokens.append(Token("str", text[i : j + 1], i, "".join(chars)))
            return j + 1
        chars.append(c)
        j += 1
    raise ConditionError(f"text started with {quote} is not closed: add the closing {quote}", i)


def _check_word(word: str, offset: int) -> None:
    if "__" in word:
        raise ConditionError(
            f"'{word}' is not allowed in a condition: only the fields of the rules format "
            "(such as encounter.balance) can be used",
            offset,
        )
    if word in _PYTHONISH:
        raise ConditionError(f"'{word}' is not part of conditions: {_PYTHONISH[word]}", offset)
    if word in _FORBIDDEN_WORDS:
        raise ConditionError(
            f"'{word}' is not allowed in a condition: conditions only compare fields with values",
            offset,
        )
