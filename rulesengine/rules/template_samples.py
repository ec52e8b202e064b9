"""Typed sample values of every template variable, and the load-time render against them.

A template that passed the vocabulary and type checks is rendered, as a live run would
render it, once per sample statement: ordinary values, then the edges (empty names, a zero
and the largest total, non-ASCII text, a name that looks like template or terminal markup,
the highest level). The profile's own values (``practice``, ``phone``, ``profile``,
``pay_link``) are the rules file's, since they are known at load time. Whatever fails here
would have failed for a real statement, so it is a load error naming the sample.

Content a channel sends as one line (an email subject: ``ChannelSpec.single_line_content``)
may not contain a line break, neither in its own text nor from a profile value. A line
break a guarantor's data could bring is refused by the channel when sending.
"""

from __future__ import annotations

import functools
import re
from collections.abc import Mapping
from types import MappingProxyType
from typing import Any

import attrs
from jinja2 import nodes

from rulesengine.rules.template_types import iter_variables
from rulesengine.rules.templates import TemplateIssue, parse, render

__all__ = ["LARGEST_AMOUNT", "SAMPLE_STATEMENTS", "ProfileValues", "render_problems"]

#: The largest amount the store holds, in cents (a signed 64-bit integer).
LARGEST_AMOUNT = 2**63 - 1


def _sample(
    first: str, last: str, total: int, level: int, due: str, sid: str, count: int
) -> Mapping[str, Mapping[str, Any]]:
    return MappingProxyType(
        {
            "guarantor": MappingProxyType({"first_name": first, "last_name": last}),
            "statement": MappingProxyType(
                {
                    "total": total,
                    "level": level,
                    "due_date": due,
                    "id": sid,
                    "encounter_count": count,
                }
            ),
        }
    )


#: The guarantor and statement of each sample, typed as a live run passes them: names and
#: ids as text, the total in whole cents, the level and count as whole numbers, the due date
#: as its ISO text. No sample holds a line break (the channels refuse those when sending).
SAMPLE_STATEMENTS: tuple[Mapping[str, Mapping[str, Any]], ...] = (
    _sample("Ada", "Lovelace", 123_450, 1, "2026-03-01", "standard-2026-02-01-000001", 2),
    _sample("", "", 0, 2, "2026-12-31", "s", 1),
    _sample("Zoë", "Ñúñez-李", LARGEST_AMOUNT, 99, "9999-12-31", "ü-" + "9" * 60, 10**6),
    _sample("{{ practice }}", "[bold]x[/bold] {% if %}", 1, 3, "2000-01-01", "{0}", 1),
    _sample(" Ann ", 'O\'Brien "Jr" \\ x', -1, 1, "2026-02-28", "x" * 200, 0),
)

_TOKEN = "Xy3_-0aZ9Xy3_-0aZ9Xy3w"  # what a pay link token looks like (22 url-safe characters)
_LINE_BREAK = re.compile(r"\r\n|\r|\n")
_FROM_PROFILE = {
    "practice": "profile.practice",
    "phone": "profile.phone",
    "profile": "profile.name",
    "pay_link": "profile.pay_link",
}


@attrs.frozen
class ProfileValues:
    """The rules file's values of the profile variables (empty where it has none)."""

    practice: str = ""
    profile: str = ""
    phone: str = ""
    pay_link: str = ""

    @classmethod
    def from_data(cls, profile: object) -> ProfileValues:
        """From the validated ``profile`` section (values that failed validation count as
        empty)."""
        if not isinstance(profile, Mapping):
            return cls()

        def text(key: str) -> str:
            value = profile.get(key)
            return value if isinstance(value, str) else ""

        return cls(
            practice=text("practice"),
            profile=text("name") or text("id"),
            phone=text("phone"),
            pay_link=text("pay_link").replace("{token}", _TOKEN),
        )


def _describe(sample: Mapping[str, Any], used: list[str]) -> str:
    shown = []
    for name in dict.fromkeys(used):
        value: Any = sample
        for part in name.split("."):
            value = value[part]
        shown.append(f"{name} = {value!r}")
    return "with " + ", ".join(shown) if shown else "with the sample values"


@functools.lru_cache(maxsize=4096)
def render_problems(
    source: str, profile: ProfileValues, *, one_line: bool = False, what: str = "this text"
) -> tuple[TemplateIssue, ...]:
    """What goes wrong when ``source`` (a template without vocabulary or type problems) is
    rendered for each sample statement; ``one_line``: its text must be a single line
    (``what`` names it in the message, such as "an email subject")."""
    tree = parse(source)
    used = list(iter_variables(tree))
    if one_line:
        breaks = list(_constant_line_breaks(source, tree, what))
        if breaks:
            return tuple(breaks)
    fixed = attrs.asdict(profile)
    for statement in SAMPLE_STATEMENTS:
        variables = {**fixed, **statement}
        try:
            text = render(source, variables)
        except Exception as exc:  # whatever a live run would have met
            message = (
                f"this template fails {_describe(variables, used)}: "
                f"{type(exc).__name__}: {_first_line(exc)}"
            )
            return (TemplateIssue(message, 0),)
        if one_line and _LINE_BREAK.search(text):
            culprits = [
                _FROM_PROFILE[name]
                for name in dict.fromkeys(used)
                if name in _FROM_PROFILE and _LINE_BREAK.search(fixed[name])
            ]
            where = " and ".join(culprits) or "a value it prints"
            message = f"{what} must be one line, but {where} contains a line break: remove it"
            return (TemplateIssue(message, 0),)
    return ()


def _first_line(exc: BaseException) -> str:
    text = str(exc).strip()
    return text.splitlines()[0] if text else "(no message)"


def _constant_line_breaks(source: str, tree: nodes.Node, what: str) -> list[TemplateIssue]:
    """A problem at each line break in the template's own text and quoted constants."""
    found: list[TemplateIssue] = []
    # Jinja2 counts lines as Python does not: \r, \n and \r\n each end one.
    ends = [m.start() for m in _LINE_BREAK.finditer(source)]
    starts = [0, *(m.end() for m in _LINE_BREAK.finditer(source))]
    for node in tree.find_all((nodes.TemplateData, nodes.Const)):
        data = node.data if isinstance(node, nodes.TemplateData) else getattr(node, "value", None)
        if not isinstance(data, str) or not _LINE_BREAK.search(data):
            continue
        if isinstance(node, nodes.TemplateData):
            # Jinja2 turned every line break into \n: the first one ends this line.
            line = node.lineno
            offset = ends[line - 1] if 0 < line <= len(ends) else 0
        else:  # a quoted constant such as '\n': point at the start of its line
            offset = starts[node.lineno - 1] if 0 < node.lineno <= len(starts) else 0
        hint = (
            " (a text written after '|' or '>' ends with one: write it in quotes, or after '>-')"
            if offset == len(source.rstrip("\r\n"))
            else ""
        )
        found.append(
            TemplateIssue(f"{what} must be one line: remove this line break{hint}", offset)
        )
    return sorted(set(found), key=lambda issue: issue.offset)
