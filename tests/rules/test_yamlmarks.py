"""Tests for rulesengine.rules.yamlmarks: literal scalars, marks, duplicates, overrides."""

from __future__ import annotations

import pytest

from rulesengine.rules.policy import Mark
from rulesengine.rules.yamlmarks import (
    MapNode,
    ScalarNode,
    SeqNode,
    canonical_json,
    compose,
    from_data,
    merge_overrides,
    to_data,
    to_plain,
)


def _tree(text: str) -> MapNode:
    tree, problems = compose(text, "f.yaml")
    assert problems == []
    assert isinstance(tree, MapNode)
    return tree


def _scalar(tree: MapNode, key: str) -> ScalarNode:
    node = tree.get(key)
    assert isinstance(node, ScalarNode)
    return node


@pytest.mark.parametrize("written", ["NO", "yes", "on", "off", "02134", "0x1F", "1_000", "~x"])
def test_scalars_keep_the_text_as_written(written: str) -> None:
    """YAML 1.1 booleans, octal-looking and other numbers stay exactly as written."""
    assert _scalar(_tree(f"a: {written}\n"), "a").value == written


def test_marks_are_one_based_line_and_column() -> None:
    """A value's mark is its 1-based line and column in the named file."""
    tree = _tree("top:\n  key: value\n")
    inner = tree.get("top")
    assert isinstance(inner, MapNode)
    assert _scalar(inner, "key").mark == Mark("f.yaml", 2, 8)
    assert inner.key_node("key").mark == Mark("f.yaml", 2, 3)  # type: ignore[union-attr]


def test_style_tells_plain_from_quoted() -> None:
    """Plain scalars have no style; quoted and block scalars keep their indicator."""
    tree = _tree("a: x\nb: 'x'\nc: \"x\"\nd: |\n  x\n")
    assert [_scalar(tree, k).style for k in "abcd"] == [None, "'", '"', "|"]


def test_null_values_are_recognised_only_when_plain() -> None:
    """An empty value, ~ and null are "no value"; a quoted 'null' is text."""
    tree = _tree("a:\nb: ~\nc: null\nd: 'null'\n")
    assert [_scalar(tree, k).is_null for k in "abcd"] == [True, True, True, False]


def test_duplicate_key_is_reported_at_the_second_key_naming_the_first() -> None:
    """The second occurrence is the problem, with the first one's line."""
    tree, problems = compose("a: 1\nb:\n  c: 1\n  c: 2\n", "f.yaml")
    assert [str(p) for p in problems] == [
        "f.yaml:4:3: duplicate key 'c' (first defined at line 3); a key may appear only "
        "once in a mapping: remove or rename one of them"
    ]
    assert isinstance(tree, MapNode)
    inner = tree.get("b")
    assert isinstance(inner, MapNode)
    assert _scalar(inner, "c").value == "1"


def test_quoted_and_plain_spellings_of_a_key_are_the_same_key() -> None:
    """'a' and a are one key, so writing both is a duplicate."""
    _, problems = compose("a: 1\n'a': 2\n", "f.yaml")
    assert len(problems) == 1 and "duplicate key 'a'" in problems[0].message


def test_syntax_error_is_one_problem_in_plain_words_with_the_line_and_a_caret() -> None:
    """A syntax error gives no tree and one problem where the fix goes (here the '[' that
    is never closed), the line shown under it with a caret."""
    tree, problems = compose("a: [1, 2\nb: 3\n", "f.yaml")
    assert tree is None
    assert [str(p) for p in problems] == [
        "f.yaml:1:4: the list started by this '[' is not closed: end it with ']' after its"
        " last item (usually on the same line), and separate items with ', '\n"
        "    a: [1, 2\n"
        "       ^"
    ]


def test_merge_keys_and_python_tags_are_problems() -> None:
    """Nothing beyond plain YAML data is accepted, and nothing is constructed."""
    text = "c:\n  <<: {d: 1}\ne: !!python/object:os.system x\n"
    _, problems = compose(text, "f.yaml")
    messages = sorted(p.message.split(";")[0].split(" is ")[0] for p in problems)
    assert messages == [
        "merge keys (<<) are not allowed in a rules file",
        "the tag !!python/object:os.system",
    ]


def test_empty_document_gives_no_tree_and_no_problem() -> None:
    """An empty file composes to None; the schema reports it."""
    assert compose("# only a comment\n", "f.yaml") == (None, [])


@pytest.mark.parametrize(
    ("text", "offset", "expected"),
    [
        ("a: hello world\n", 6, (1, 10)),
        ("a: 'hello world'\n", 6, (1, 11)),
        ("a: |\n  one\n  two three\n", 8, (3, 7)),
        ("a: >\n  one\n  two three\n", 4, (3, 3)),
        ("a: plain first\n  second line\n", 12, (2, 3)),
    ],
)
def test_position_maps_an_offset_in_the_value_to_line_and_column(
    text: str, offset: int, expected: tuple[int, int]
) -> None:
    """Errors inside a scalar point at the exact character, also in block scalars."""
    mark = _scalar(_tree(text), "a").position(offset)
    assert (mark.line, mark.column) == expected


def test_to_plain_reads_the_yaml_1_2_core_way() -> None:
    """Free-form plugin data: true/false and decimal numbers convert, the rest is text."""
    tree = _tree("a: [true, NO, yes, 02134, 25, 2.5, -3, '7', null, x]\n")
    assert to_plain(tree) == {"a": [True, "NO", "yes", "02134", 25, 2.5, -3, "7", None, "x"]}


def test_merge_overrides_merges_mappings_and_replaces_lists_and_values() -> None:
    """Mappings merge key by key; lists and scalars are replaced; new keys are added."""
    base = _tree("a: {x: 1, y: 2}\nb: [1, 2]\nc: keep\n")
    over, _ = compose("a: {y: 3}\nb: [9]\nd: new\n", "over.yaml")
    assert over is not None
    merged = merge_overrides(base, over)
    assert to_data(merged) == {"a": {"x": "1", "y": "3"}, "b": ["9"], "c": "keep", "d": "new"}


def test_overridden_values_keep_the_marks_of_the_file_that_set_them() -> None:
    """A problem in an overridden value points into the overriding file."""
    base = _tree("a: {x: 1, y: 2}\n")
    over, _ = compose("a:\n  y: 3\n", "over.yaml")
    assert over is not None
    merged = merge_overrides(base, over)
    assert isinstance(merged, MapNode)
    inner = merged.get("a")
    assert isinstance(inner, MapNode)
    assert _scalar(inner, "y").mark == Mark("over.yaml", 2, 6)
    assert _scalar(inner, "x").mark.file == "f.yaml"


def test_canonical_json_ignores_layout_and_comments() -> None:
    """Two spellings of the same data have the same canonical JSON."""
    one = _tree("a: 1\nb: [x, y]\n")
    two = _tree("# comment\nb:\n  - x\n  - y\na: 1\n")
    assert canonical_json(one) == canonical_json(two)
    assert canonical_json(one) != canonical_json(_tree("a: 2\nb: [x, y]\n"))


def test_from_data_builds_a_tree_for_plain_python_data() -> None:
    """Programmatic rules: strings that look like booleans survive the round trip."""
    tree = from_data({"a": "NO", "b": [1, True], "c": {"d": None}}, "<data>")
    assert isinstance(tree, MapNode)
    assert _scalar(tree, "a").value == "NO"
    b = tree.get("b")
    assert isinstance(b, SeqNode)
    assert [n.value for n in b.items] == ["1", "true"]  # type: ignore[union-attr]
