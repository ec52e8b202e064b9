"""The composer's guard: the first anchor or alias, and nesting deeper than MAX_NESTING, stop
composing where they stand (with libyaml's parser and with PyYAML's own)."""

from __future__ import annotations

import time

import pytest

from rulesengine.rules import yamlmarks
from rulesengine.rules.input_limits import MAX_NESTING
from rulesengine.rules.yamlmarks import compose

ANCHOR = "anchors (&name) are not allowed in a rules file"
ALIAS = "aliases (*name) are not allowed in a rules file"
NESTING = f"lists and mappings nest more than {MAX_NESTING} levels deep here"


@pytest.fixture(params=["libyaml", "python"])
def parser(request: pytest.FixtureRequest, monkeypatch: pytest.MonkeyPatch) -> str:
    """Run the test with libyaml's parser (when PyYAML has it) and with PyYAML's pure one."""
    if request.param == "python":
        monkeypatch.setattr(yamlmarks, "CParser", None)
    return str(request.param)


def _one_problem(text: str, kind: str = "rules file") -> tuple[int | None, object, str]:
    tree, problems = compose(text, "f.yaml", kind=kind)
    assert tree is None
    (problem,) = problems
    return problem.line, problem.column, problem.message


@pytest.mark.parametrize(
    ("text", "where", "start"),
    [
        ("a: &x [1]\nb: 2\n", (1, 4), ANCHOR),
        ("a: 1\nb: &x scalar\n", (2, 4), ANCHOR),
        ("a:\n  - &first\n    k: v\n", (2, 5), ANCHOR),
        ("a: 1\nb: *nowhere\n", (2, 4), ALIAS),
        ("&root {a: 1}\n", (1, 1), ANCHOR),
    ],
)
def test_the_first_anchor_or_alias_is_the_one_problem(
    parser: str, text: str, where: tuple[int, int], start: str
) -> None:
    line, column, message = _one_problem(text)
    assert (line, column) == where
    assert message.startswith(start)


def test_an_alias_bomb_is_refused_at_its_first_anchor_at_once(parser: str) -> None:
    """Ten levels of nine aliases each (3.4 billion values if expanded)."""
    lines = ['a: &a ["x","x","x","x","x","x","x","x","x"]']
    for prev, name in zip("abcdefghi", "bcdefghij", strict=True):
        lines.append(f"{name}: &{name} [" + ",".join([f"*{prev}"] * 9) + "]")
    started = time.perf_counter()
    line, column, message = _one_problem("\n".join(lines) + "\n")
    assert time.perf_counter() - started < 0.5
    assert (line, column) == (1, 4)
    assert message.startswith(ANCHOR)


def test_nesting_up_to_the_limit_is_fine(parser: str) -> None:
    text = "a: " + "[" * (MAX_NESTING - 1) + "x" + "]" * (MAX_NESTING - 1) + "\n"
    tree, problems = compose(text, "f.yaml")
    assert problems == []
    assert tree is not None


@pytest.mark.parametrize("levels", [MAX_NESTING + 1, 5_000, 200_000])
def test_deeper_nesting_is_one_problem_at_the_first_level_too_deep(
    parser: str, levels: int
) -> None:
    """Flow lists, far past Python's recursion limit: one problem where the limit is passed."""
    text = "[" * levels + "]" * levels + "\n"
    line, column, message = _one_problem(text)
    assert (line, column) == (1, MAX_NESTING + 1)
    assert message.startswith(NESTING)


def test_deep_block_mappings_are_refused_too(parser: str) -> None:
    text = "".join("  " * i + f"k{i}:\n" for i in range(MAX_NESTING + 5)) + "  " * 70 + "v\n"
    line, column, message = _one_problem(text)
    assert (line, column) == (MAX_NESTING + 1, 2 * MAX_NESTING + 1)
    assert message.startswith(NESTING)


def test_messages_name_the_kind_of_file(parser: str) -> None:
    assert _one_problem("a: *x\n", kind="scenario file")[2].startswith(
        "aliases (*name) are not allowed in a scenario file"
    )


def test_the_guard_sits_on_both_loaders() -> None:
    """Whichever parser composes, the guard's compose_node runs first."""
    loaders: list[type] = [yamlmarks._Loader]
    if yamlmarks.CParser is not None:
        loaders.append(yamlmarks._FastLoader)
    for loader in loaders:
        assert loader.compose_node is yamlmarks._Guard.compose_node
