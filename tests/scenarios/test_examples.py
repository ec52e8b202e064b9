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


#: The user documentation an example's comment may cite, with its text made plain (no
#: markup, one space between words) so a quotation can be found in it.
DOCS = {
    name: " ".join(
        (REPO / "docs" / name)
        .read_text(encoding="utf-8")
        .replace("`", "")
        .replace("**", "")
        .split()
    )
    for name in ("rules.md", "scenarios.md", "queue.md")
}


def _head(path):
    """The comment before ``scenario:``, without its ``#`` marks, on one line."""
    head = path.read_text(encoding="utf-8").split("\nscenario:")[0]
    return head, " ".join(re.sub(r"^# ?", "", head, flags=re.MULTILINE).split())


@pytest.mark.parametrize("path", EXAMPLES, ids=lambda p: p.name.removesuffix(".scenario.yaml"))
def test_example_starts_with_a_comment_citing_the_docs(path):
    """The first lines are a comment naming the page of docs/ whose sentence the example pins
    (never a document users do not have)."""
    head, _ = _head(path)
    assert head.startswith("# ")
    assert re.search(r"docs/(rules|scenarios|queue)\.md", head)
    assert not re.search(r"shared/|semantics\.md|delivery\.md|-format\.md|cli\.md|[Ss]eed", head)


@pytest.mark.parametrize("path", EXAMPLES, ids=lambda p: p.name.removesuffix(".scenario.yaml"))
def test_what_an_example_quotes_is_in_the_docs(path):
    """Every "quoted" sentence of the comment (each part around a "...") is in docs/."""
    _, text = _head(path)
    for quote in re.findall(r'"([^"]+)"', text.replace("`", "")):
        for part in (p.strip(" .") for p in quote.split("...")):
            if part:
                assert any(part in page for page in DOCS.values()), part
