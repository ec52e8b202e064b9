"""The numbered examples in examples/scenarios: each passes, and each says what it proves."""

from __future__ import annotations

import re

import pytest

from rulesengine.scenarios import run_scenario_file

from .conftest import REPO

EXAMPLES = sorted((REPO / "examples" / "scenarios").glob("*.scenario.yaml"))


def test_there_are_numbered_examples_with_unique_numbers():
    """NN_feature.scenario.yaml, numbers 01, 02, ... without gaps or repeats."""
    numbers = [
        int(re.match(r"(\d\d)_[a-z0-9_]+\.scenario\.yaml$", p.name).group(1)) for p in EXAMPLES
    ]
    assert numbers == list(range(1, len(EXAMPLES) + 1))
    assert len(EXAMPLES) >= 30


@pytest.mark.parametrize("path", EXAMPLES, ids=lambda p: p.name.removesuffix(".scenario.yaml"))
def test_example_passes(path):
    """The example's expectations hold against the real run and store."""
    result = run_scenario_file(str(path))
    assert result.passed, (result.error, result.failures)


@pytest.mark.parametrize("path", EXAMPLES, ids=lambda p: p.name.removesuffix(".scenario.yaml"))
def test_example_starts_with_a_comment_citing_the_spec(path):
    """The first lines are a comment naming the spec or seed sentence the example pins."""
    head = path.read_text(encoding="utf-8").split("\nscenario:")[0]
    assert head.startswith("# ")
    assert re.search(
        r"semantics\.md|scenario-format\.md|rules-format\.md|delivery\.md|[Ss]eed", head
    )
