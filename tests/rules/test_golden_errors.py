"""Golden error files: ``tests/data/invalid/<case>.yaml`` must fail with exactly ``<case>.txt``.

The messages are part of the user interface, so the whole text is compared. To add a case,
write the ``.yaml``, run the loader on it from the repository root and review the output
line by line before saving it as the ``.txt``.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from rulesengine.errors import RulesError
from rulesengine.rules import load_rules

from .conftest import REPO

CASES = sorted(p.stem for p in (REPO / "tests" / "data" / "invalid").glob("*.yaml"))


def test_there_are_enough_golden_cases() -> None:
    """At least 25 invalid files, each with its expected output."""
    assert len(CASES) >= 25
    for case in CASES:
        assert (REPO / "tests" / "data" / "invalid" / f"{case}.txt").is_file(), case


@pytest.mark.parametrize("case", CASES)
def test_invalid_file_reports_exactly_the_golden_text(case: str, repo_root: Path) -> None:
    """Loading the invalid file raises RulesError whose problems print as the .txt says."""
    path = f"tests/data/invalid/{case}.yaml"
    expected = (repo_root / "tests" / "data" / "invalid" / f"{case}.txt").read_text("utf-8")
    with pytest.raises(RulesError) as info:
        load_rules(path)
    actual = "".join(f"{problem}\n" for problem in info.value.problems)
    assert actual == expected
    assert str(info.value) == expected.rstrip("\n")
