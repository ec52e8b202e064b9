"""Fixtures for the scenario tests: the repository root and a factory for scenario files."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

import pytest

REPO = Path(__file__).resolve().parents[2]
STANDARD = REPO / "rules" / "standard.yaml"

#: One guarantor with email and mobile, one new $200.00 encounter; tests add what they need.
LEDGER = """\
ledger:
  guarantors:
    - {id: G1, first_name: Ada, last_name: Lovelace, email: ada@example.org,
       mobile: "+15555550101", timezone: America/New_York}
  encounters:
    - {id: E1, guarantor: G1, patient: P1, service_date: 2026-01-03, balance: 200.00}
"""


@pytest.fixture
def scenario_file(tmp_path: Path) -> Callable[..., Path]:
    """Write a scenario into ``tmp_path``: ``rules:`` points at rules/standard.yaml and the
    ``LEDGER`` above is used unless the text has its own ``ledger:``."""

    def write(body: str, name: str = "case.scenario.yaml", *, title: str = "A case") -> Path:
        text = f"scenario: {title}\nrules: {STANDARD}\n"
        if "ledger:" not in body:
            text += LEDGER
        path = tmp_path / name
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(text + body, encoding="utf-8")
        return path

    return write
