"""Text from ledgers, rules files and the store, made safe to show on a staff terminal.

A guarantor's name, a rule's name, a channel's error detail are data, and a terminal must
show them as written: never as rich markup (``[link=...]`` would put a hyperlink on a staff
screen, ``[/oops]`` would stop the command), never as emoji codes, and never as control
sequences (an ESC from a ledger could rewrite the screen or hide a link). Every command
prints such values through this module:

- :func:`printable`: the text with each control character (C0, DEL, C1) and each
  bidirectional override shown as an escape such as ``\\x1b`` or ``\\u202e``;
- :func:`cell`: a rich :class:`~rich.text.Text` of :func:`printable` text, for table cells
  and ``console.print`` (a ``Text`` is never parsed as markup);
- :func:`console`: the commands' rich console, with markup and emoji codes off, so a plain
  string that slipped through is still printed as it is;
- :func:`echo`: ``click.echo`` of a whole report, line breaks kept.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from rich.console import Console
    from rich.text import Text

__all__ = ["cell", "cells", "console", "echo", "printable", "stdin_is_terminal"]

_BIDI = (0x200E, 0x200F, *range(0x202A, 0x202F), *range(0x2066, 0x206A))
_CONTROLS = (*range(0x00, 0x20), 0x7F, *range(0x80, 0xA0), *_BIDI)


def _escape(code: int) -> str:
    return f"\\x{code:02x}" if code < 0x100 else f"\\u{code:04x}"


#: Every control character -> its escape (for one value: line breaks too).
_VALUE = {code: _escape(code) for code in _CONTROLS}
#: The same, keeping line breaks and tabs (for a whole report).
_REPORT = {code: text for code, text in _VALUE.items() if code not in (0x09, 0x0A)}


def printable(value: object, *, keep_lines: bool = False) -> str:
    """``str(value)`` with every control character shown as an escape (``\\x1b``);
    ``keep_lines``: line breaks and tabs stay as they are (a report of several lines)."""
    return str(value).translate(_REPORT if keep_lines else _VALUE)


def cell(value: object, style: str = "", *, keep_lines: bool = False) -> Text:
    """``value`` as rich text that is printed exactly as :func:`printable` gives it (None:
    empty)."""
    from rich.text import Text

    return Text("" if value is None else printable(value, keep_lines=keep_lines), style=style)


def cells(*values: object) -> list[Text]:
    """:func:`cell` of each value, for ``Table.add_row(*cells(...))``."""
    return [cell(value) for value in values]


def console() -> Console:
    """The rich console the commands print tables with: no markup, no emoji codes, no
    highlighting; piped output gets room for whole tables instead of 80 columns."""
    from rich.console import Console

    shown = Console(highlight=False, markup=False, emoji=False)
    if not shown.is_terminal:
        shown = Console(highlight=False, markup=False, emoji=False, width=200)
    return shown


def echo(text: Any, *, err: bool = False) -> None:
    """``click.echo`` of a report whose values may come from data (line breaks kept)."""
    import click

    click.echo(printable(text, keep_lines=True), err=err)


def stdin_is_terminal() -> bool:
    """Whether someone at a terminal can answer on stdin (a prompt, a confirmation); a
    closed stdin (``<&-``: ``sys.stdin`` is None) is none."""
    import sys

    return sys.stdin is not None and sys.stdin.isatty()
