"""A YAML syntax error in a billing clerk's words: what is wrong, the line with a caret under
the spot, and the likely fix.

PyYAML says ``found character '\\t' that cannot start any token`` or ``expected <block end>,
but found '<block mapping start>'``; :func:`syntax_problem` recognises the common mistakes
behind such messages (a tab used to indent, a key or a ``- `` list item out of line with its
neighbours, a missing ``:`` or a missing space after it, an unclosed quote or bracket, a
``:`` inside text that needs quotes ...) from the parser's message and the text around the
spot, and says what to do. Anything else keeps the parser's words, in parentheses after a
plain sentence. Every problem is ``file:line:col: message`` followed by the source line and
a caret line (:func:`excerpt`).
"""

from __future__ import annotations

import re

import yaml

from rulesengine.errors import Problem
from rulesengine.terminal import printable

__all__ = [
    "excerpt",
    "reader_problem",
    "syntax_problem",
    "MAX_SHOWN",
]

#: How wide a shown source line may be before it is cut around the caret.
MAX_SHOWN = 100
_TAB_STOP = 4
_INDENT = "    "
_QUOTES = {"'": "single", '"': "double"}


def excerpt(lines: list[str] | tuple[str, ...], line: int, column: int) -> str:
    """The source ``line`` (1-based) and a caret line under ``column`` (1-based), each
    indented; empty when the line does not exist. Tabs are shown as spaces and control
    characters as escapes (``\\x1b``), with the caret still under the spot."""
    if not 1 <= line <= len(lines):
        return ""
    raw = lines[line - 1]
    before = _shown(raw[: max(column - 1, 0)])
    shown = before + _shown(raw[max(column - 1, 0) :], start=len(before))
    caret = len(before)
    if len(shown) > MAX_SHOWN:
        start = max(0, min(caret - MAX_SHOWN // 2, len(shown) - MAX_SHOWN))
        end = start + MAX_SHOWN
        shown = ("..." if start else "") + shown[start:end] + ("..." if end < len(shown) else "")
        caret = caret - start + (3 if start else 0)
    return f"\n{_INDENT}{shown.rstrip()}\n{_INDENT}{' ' * caret}^"


def _shown(text: str, start: int = 0) -> str:
    """``text`` as it is shown: tabs expanded to the next stop, controls escaped."""
    out = []
    width = start
    for char in text:
        if char == "\t":
            pad = _TAB_STOP - width % _TAB_STOP
            out.append(" " * pad)
            width += pad
        else:
            piece = printable(char)
            out.append(piece)
            width += len(piece)
    return "".join(out)


def _problem(filename: str, lines: list[str], mark: yaml.Mark, message: str) -> Problem:
    line, column = mark.line + 1, mark.column + 1
    return Problem(filename, line, column, message + excerpt(lines, line, column))


def reader_problem(filename: str, text: str, exc: yaml.reader.ReaderError) -> Problem:
    """A character YAML does not allow (a control character such as an escape or a bell)."""
    before = text[: exc.position]
    line = before.count("\n") + 1
    column = exc.position - (before.rfind("\n") + 1) + 1
    code = exc.character if isinstance(exc.character, int) else ord(str(exc.character)[:1] or "?")
    message = (
        f"the file holds a control character (U+{code:04X}) that YAML does not allow: remove"
        " it (it may have come with text copied from another program)"
    )
    return Problem(filename, line, column, message + excerpt(text.splitlines(), line, column))


def syntax_problem(filename: str, text: str, exc: yaml.MarkedYAMLError) -> Problem:
    """The :class:`Problem` for a YAML syntax error in ``text``: plain words, the line, a
    caret, and the likely fix."""
    lines = text.splitlines()
    found = _explain(lines, exc)
    if found is not None:
        mark, message = found
        return _problem(filename, lines, mark, message)
    mark = exc.problem_mark or exc.context_mark
    what = exc.problem or exc.context or "the file cannot be read"
    message = (
        "the file's layout is broken here: check the indentation (spaces only, the keys of a"
        " section lined up), the quotes and the brackets on this line and the one before"
        f" (the YAML reader says: {what})"
    )
    if mark is None:
        return Problem(filename, None, None, message)
    return _problem(filename, lines, mark, message)


def _explain(lines: list[str], exc: yaml.MarkedYAMLError) -> tuple[yaml.Mark, str] | None:
    """The spot and the plain message for a mistake this module recognises, else None."""
    problem, context = exc.problem or "", exc.context or ""
    at, opened = exc.problem_mark, exc.context_mark
    if at is None:
        return None
    line = lines[at.line] if at.line < len(lines) else ""
    if problem == "found character '\\t' that cannot start any token":
        return at, _tab(line, at.column)
    if problem.startswith("found character '") and problem.endswith("cannot start any token"):
        char = problem[len("found character '")]
        return at, (
            f"a value cannot start with '{char}': put the whole value in quotes, such as"
            f' "{_value_from(line, at.column)}"'
        )
    if problem == "mapping values are not allowed here":
        return _colon_out_of_place(lines, at)
    if problem == "could not find expected ':'" and opened is not None:
        key_line = lines[opened.line] if opened.line < len(lines) else ""
        return _colon_spot(lines, opened.line), _missing_colon(key_line.strip())
    if context == "while scanning a quoted scalar" and opened is not None:
        return _unclosed_quote(lines, opened, problem)
    if context == "while scanning a double-quoted scalar" and "unknown escape" in problem:
        return at, (
            "a backslash in double quotes starts an escape such as \\n, and this one is not"
            " one: write the value in single quotes instead ('C:\\outbox'), or double the"
            " backslash (\\\\)"
        )
    flow = re.fullmatch(r"expected ',' or '([\]}])', but got '(.*)'", problem)
    if flow and opened is not None:
        return _unclosed_bracket(opened, flow.group(1))
    block = re.fullmatch(r"expected <block end>, but found '(.*)'", problem)
    if block:
        return _out_of_line(lines, at, block.group(1))
    if context == "expected a single document in the stream":
        return at, (
            "a second document starts here ('---'): a rules or scenario file is one document:"
            " remove the '---' line (and split the file in two if both halves are needed)"
        )
    if problem.startswith("expected the node content, but found ','"):
        return at, "a value is missing before this ',': write it, or remove the extra ','"
    return None


def _tab(line: str, column: int) -> str:
    if not line[:column].strip(" \t"):
        return (
            "this line is indented with a tab, and YAML allows only spaces: replace the tab"
            " with spaces, lining the line up with the others of its section (your editor"
            " may have an option to insert spaces for the Tab key)"
        )
    if line[:column].strip(" \t") in ("-", "?"):
        return (
            "a tab after a list item's '-': YAML wants a space there (a tab after a key's ':'"
            " is fine): replace the tab with a space"
        )
    return "a tab YAML does not accept here: replace the tab with a space"


def _value_from(line: str, column: int) -> str:
    return line[column:].split(" #")[0].strip().replace('"', '\\"')


def _spaces(count: int) -> str:
    return "no spaces" if count == 0 else f"{count} space{'s' if count != 1 else ''}"


def _indent(line: str) -> int:
    return len(line) - len(line.lstrip(" "))


def _previous(lines: list[str], index: int) -> int | None:
    """The index of the last line before ``index`` with content (not blank, not a comment)."""
    for i in range(index - 1, -1, -1):
        stripped = lines[i].strip()
        if stripped and not stripped.startswith("#"):
            return i
    return None


def _without_comment(line: str) -> str:
    return re.split(r"\s#", line, maxsplit=1)[0].rstrip()


def _colon_spot(lines: list[str], index: int) -> yaml.Mark:
    """Where the ':' goes on line ``index``: right after its first word (after any '- ')."""
    line = lines[index] if index < len(lines) else ""
    content = line.lstrip().removeprefix("- ").lstrip()
    words = content.split()
    column = len(line) - len(content) + (len(words[0]) if words else 0)
    return yaml.Mark("", 0, index, column, None, None)


def _missing_colon(line: str) -> str:
    words = _without_comment(line).strip().split(None, 1)
    example = f"{words[0]}: {words[1]}" if len(words) == 2 else f"{''.join(words)}:"
    return (
        f"this line has no ':' after its key: write the key, a colon and a space, then the"
        f" value, such as '{example}'"
    )


def _colon_out_of_place(lines: list[str], at: yaml.Mark) -> tuple[yaml.Mark, str]:
    """``mapping values are not allowed here``: a ``:`` the parser did not expect."""
    line = lines[at.line] if at.line < len(lines) else ""
    head = line[: at.column]
    if re.search(r":\s", head) or head.rstrip().endswith(":"):
        # key: value: more - a value with ': ' in it
        key, _, value = _without_comment(line).partition(":")
        if not re.fullmatch(r"\s*(- )?\s*[\w.\-]+\s*", key):  # "statements [..." lost its ':'
            return _colon_spot(lines, at.line), _missing_colon(line.strip().removeprefix("- "))
        quoted = value.strip().replace("\\", "\\\\").replace('"', '\\"')
        return at, (
            "a second ':' on this line: text that holds ': ' must be put in quotes, such as"
            f' {key.strip().removeprefix("- ")}: "{quoted}"'
        )
    prev = _previous(lines, at.line)
    if prev is None:
        return at, _missing_colon(line)
    above = _without_comment(lines[prev])
    content = above.strip()
    item = content.startswith("- ")
    if item:
        content = content[2:].strip()
    if ":" not in content and (not item or len(content.split()) > 1):
        return _colon_spot(lines, prev), _missing_colon(content)
    tight = re.search(r"(\w):(\S)", above)
    if tight and not re.search(r":(\s|$)", above):
        mark = yaml.Mark("", 0, prev, tight.end(1), None, None)
        key, _, value = above.strip().partition(":")
        return mark, (
            f"a ':' between a key and its value needs a space after it: write '{key}: {value}'"
        )
    if _indent(line) > _indent(above):
        key_start = yaml.Mark("", 0, at.line, _indent(line), None, None)
        return key_start, (
            f"this key is indented more than the line above it (line {prev + 1}), so it reads"
            " as part of that line's value: line it up with the other keys of its section"
            f" ({_spaces(_indent(above))})"
        )
    return at, (
        f"a ':' YAML did not expect here: the line above (line {prev + 1}) may miss its ':',"
        " or this text holds ': ' and needs quotes"
    )


def _item_lined_up_with(lines: list[str], index: int) -> int | None:
    """The index of the list item ('- ') whose dash line ``index`` (a key) is lined up with:
    the nearest line above with content and no deeper indentation, if it is such an item."""
    indent = _indent(lines[index]) if index < len(lines) else 0
    for i in range(index - 1, -1, -1):
        stripped = lines[i].strip()
        if not stripped or stripped.startswith("#") or _indent(lines[i]) > indent:
            continue
        if _indent(lines[i]) == indent and (stripped.startswith("- ") or stripped == "-"):
            return i
        return None
    return None


def _unclosed_quote(lines: list[str], opened: yaml.Mark, problem: str) -> tuple[yaml.Mark, str]:
    line = lines[opened.line] if opened.line < len(lines) else ""
    quote = line[opened.column : opened.column + 1] or '"'
    kind = _QUOTES.get(quote, "")
    if "end of stream" in problem or "document" in problem:
        return opened, (
            f"this {kind} quote ({quote}) is never closed: add the closing {quote} at the end"
            " of the value"
        )
    return opened, (
        f"the text in {kind} quotes that starts here ({quote}) cannot be read: check that it"
        f" ends with {quote}"
    )


def _unclosed_before(lines: list[str], index: int, quote: str) -> yaml.Mark | None:
    """The opening ``quote`` of a quoted value that runs on from an earlier line to line
    ``index``: the last quote on the nearest line above with an odd number of them."""
    starts = re.compile(r"(?:^|[:\-\[,{])\s*(" + re.escape(quote) + ")")
    for i in range(index - 1, -1, -1):
        text = lines[i].replace("\\" + quote, "  ")
        if text.count(quote) % 2:
            opening = [m.start(1) for m in starts.finditer(text)]
            return yaml.Mark("", 0, i, opening[-1], None, None) if opening else None
    return None


def _unclosed_bracket(opened: yaml.Mark, closer: str) -> tuple[yaml.Mark, str]:
    opener, what = ("[", "list") if closer == "]" else ("{", "mapping")
    return opened, (
        f"the {what} started by this '{opener}' is not closed: end it with '{closer}' after its"
        f" last item (usually on the same line), and separate items with ', '"
    )


def _out_of_line(lines: list[str], at: yaml.Mark, found: str) -> tuple[yaml.Mark, str]:
    """``expected <block end>, but found X``: a line that does not fit the indentation."""
    line = lines[at.line] if at.line < len(lines) else ""
    prev = _previous(lines, at.line)
    if found in ("]", "}"):
        opener = "[" if found == "]" else "{"
        return at, f"this '{found}' closes nothing: remove it, or add the '{opener}' it closes"
    if found == ":":
        return at, "a ':' with no key before it: write the key before the colon"
    if found == "<scalar>":
        before = line[: at.column].rstrip()
        if before and before[-1] in _QUOTES:
            quote = before[-1]
            if before.count(quote) % 2:  # it closes a quote opened on an earlier line
                opened = _unclosed_before(lines, at.line, quote)
                if opened is not None:
                    kind = _QUOTES[quote]
                    return opened, (
                        f"this {kind} quote ({quote}) is not closed on its line, so the text runs"
                        f" on into the lines below: add the closing {quote} at the end of the"
                        " value"
                    )
            inside = (
                f"a {quote} inside it is written twice ({quote}{quote})"
                if quote == "'"
                else 'a " inside it is written \\"'
            )
            return at, (
                f"text after the closing quote ({quote}): put the whole value inside the quotes;"
                f" {inside}"
            )
        return at, (
            "text where YAML expected a new line: check the quotes and the indentation of this line"
        )
    if found in ("-", "<block sequence start>") or line.lstrip(" ").startswith("- "):
        items = [
            i
            for i in range(at.line - 1, -1, -1)
            if lines[i].lstrip(" ").startswith("- ") or lines[i].strip() == "-"
        ]
        if items:
            other = lines[items[0]]
            return at, (
                f"this list item ('- ') is not lined up with the list above it: put its '-'"
                f" under the one on line {items[0] + 1} ({_spaces(_indent(other))} in)"
            )
        return at, (
            "a list item ('- ') here does not belong to a key: put the list under a key that"
            " ends with ':', indented more than that key"
        )
    # '<block mapping start>' and others: a key out of line
    item = _item_lined_up_with(lines, at.line)
    if item is not None:
        dash = lines[item]
        inside = dash.lstrip(" ")[1:]
        under = _indent(dash) + 1 + len(inside) - len(inside.lstrip(" "))
        first = re.match(r"\s*([^\s:#][^:#]*?):(\s|$)", inside)
        name = f"'{first.group(1).strip()}'" if first else "the item's first key"
        return at, (
            f"this key is lined up with the '-' of the list item on line {item + 1}, so it"
            f" belongs to no item: to make it part of that item, indent it under {name}"
            f" ({_spaces(under)}, like the item's other keys)"
        )
    if prev is not None:
        return at, (
            f"this line is indented by {_spaces(_indent(line))}, which lines it up with no key"
            f" above it: indent it like the other keys of its section (line {prev + 1} has"
            f" {_spaces(_indent(lines[prev]))})"
        )
    return at, "this line is not lined up with the lines above it: check its indentation"
