"""The statuses and reasons the documents list are the ones ``rulesengine.model`` defines:
the model is the one source, and a page that lists them follows it."""

from __future__ import annotations

import re
from pathlib import Path

import click

from rulesengine.cli.queue_commands import STATUS_CHOICE
from rulesengine.model import NOTIFICATION_STATUSES, SKIP_REASONS_BUILTIN, SUPPRESSION_REASONS

REPO = Path(__file__).resolve().parents[1]
DOCS = REPO / "docs"


def _names(text: str) -> list[str]:
    return re.findall(r"`(\w+)`", text)


def _between(path: Path, start: str, end: str) -> str:
    text = " ".join(path.read_text(encoding="utf-8").split())
    begin = text.index(start) + len(start)
    return text[begin : text.index(end, begin)]


def test_the_listed_notification_statuses_are_the_model_s() -> None:
    cli = _between(REPO / "docs/reference/cli.md", "`--status` is one of", "; `--kind`")
    scenarios = _between(DOCS / "scenarios.md", "Notification statuses are", " (a later run")
    assert _names(cli) == list(NOTIFICATION_STATUSES)
    assert _names(scenarios) == list(NOTIFICATION_STATUSES)


def test_the_command_line_status_choice_is_the_model_s() -> None:
    assert isinstance(STATUS_CHOICE, click.Choice)
    assert tuple(STATUS_CHOICE.choices) == NOTIFICATION_STATUSES


def test_the_listed_reasons_are_the_model_s() -> None:
    suppressed = _between(DOCS / "scenarios.md", "(why it was `suppressed`:", ")")
    assert _names(suppressed) == list(SUPPRESSION_REASONS)
    skipped = _between(DOCS / "rules.md", "(`encounter_hold`", ")")
    assert ["encounter_hold", *_names(skipped)] == list(SKIP_REASONS_BUILTIN)
