"""Fixtures for the rules tests: the repository root and a factory for rules files."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

import pytest

REPO = Path(__file__).resolve().parents[2]

#: A small valid rules file; tests replace parts of it.
MINIMAL = """\
rulesengine: 1
profile:
  id: clinic
  timezone: America/Chicago
dunning:
  levels:
    - message: reminder
      channels: [email]
messages:
  reminder:
    email:
      subject: "Statement from {{ practice }}"
      body: "You owe {{ statement.total | money }}."
"""


@pytest.fixture
def repo_root(monkeypatch: pytest.MonkeyPatch) -> Path:
    """Run the test from the repository root (golden files name paths relative to it)."""
    monkeypatch.chdir(REPO)
    return REPO


@pytest.fixture
def rules_file(tmp_path: Path) -> Callable[[str], Path]:
    """``rules_file(text)``: write ``text`` to a fresh ``rules.yaml`` and return its path."""

    def write(text: str, name: str = "rules.yaml") -> Path:
        path = tmp_path / name
        path.write_text(text, encoding="utf-8")
        return path

    return write
