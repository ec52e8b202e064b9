"""A YAML syntax error reads in plain words: ``file:line:col: what is wrong and the likely
fix``, then the line as written and a caret under the spot; never the parser's jargon."""

from __future__ import annotations

from pathlib import Path

import pytest

from rulesengine.rules.syntax_errors import MAX_SHOWN, excerpt
from rulesengine.rules.yamlmarks import compose

from ..hardening._zygote import Done
from ..hardening._zygote import rulesengine as run_forked
from .conftest import REPO

STANDARD = REPO / "rules" / "standard.yaml"

TAB = (
    "this line is indented with a tab, and YAML allows only spaces: replace the tab with"
    " spaces, lining the line up with the others of its section (your editor may have an"
    " option to insert spaces for the Tab key)"
)
NOT_CLOSED = (
    "the list started by this '[' is not closed: end it with ']' after its last item (usually"
    " on the same line), and separate items with ', '"
)


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        pytest.param(
            "profile:\n\tid: clinic\n",
            f"2:1: {TAB}\n        id: clinic\n    ^",
            id="tab-indentation",
        ),
        pytest.param(
            "profile:\n  \tid: clinic\n",
            f"2:3: {TAB}\n        id: clinic\n      ^",
            id="tab-after-spaces",
        ),
        pytest.param(
            "a:\n  - x\n  -\ty\n",
            "3:4: a tab after a list item's '-': YAML wants a space there (a tab after a key's"
            " ':' is fine): replace the tab with a space\n      - y\n       ^",
            id="tab-after-a-dash",
        ),
        pytest.param(
            "profile:\n    id: clinic\n  timezone: UTC\n",
            "3:3: this line is indented by 2 spaces, which lines it up with no key above it:"
            " indent it like the other keys of its section (line 2 has 4 spaces)\n"
            "      timezone: UTC\n      ^",
            id="key-out-of-line",
        ),
        pytest.param(
            "profile:\n  id: clinic\n    timezone: UTC\n",
            "3:5: this key is indented more than the line above it (line 2), so it reads as part"
            " of that line's value: line it up with the other keys of its section (2 spaces)\n"
            "        timezone: UTC\n        ^",
            id="key-indented-too-far",
        ),
        pytest.param(
            "profile:\n  id clinic\n  timezone: UTC\n",
            "2:5: this line has no ':' after its key: write the key, a colon and a space, then"
            " the value, such as 'id: clinic'\n      id clinic\n        ^",
            id="missing-colon",
        ),
        pytest.param(
            "profile:\n  id: clinic\n  timezone UTC\n",
            "3:11: this line has no ':' after its key: write the key, a colon and a space, then"
            " the value, such as 'timezone: UTC'\n      timezone UTC\n              ^",
            id="missing-colon-on-the-last-line",
        ),
        pytest.param(
            "profile\n  id: clinic\n",
            "1:8: this line has no ':' after its key: write the key, a colon and a space, then"
            " the value, such as 'profile:'\n    profile\n           ^",
            id="missing-colon-after-a-section",
        ),
        pytest.param(
            "levels:\n  - message reminder\n    channels: [email]\n",
            "2:12: this line has no ':' after its key: write the key, a colon and a space, then"
            " the value, such as 'message: reminder'\n      - message reminder\n"
            "               ^",
            id="missing-colon-in-a-list-item",
        ),
        pytest.param(
            "profile:\n  id:clinic\n  timezone: UTC\n",
            "2:5: a ':' between a key and its value needs a space after it: write 'id: clinic'\n"
            "      id:clinic\n        ^",
            id="no-space-after-colon",
        ),
        pytest.param(
            "email:\n  subject: Note: pay now\n",
            "2:16: a second ':' on this line: text that holds ': ' must be put in quotes, such"
            ' as subject: "Note: pay now"\n      subject: Note: pay now\n                   ^',
            id="colon-in-text",
        ),
        pytest.param(
            'profile:\n  name: "Riverside\n  timezone: UTC\n',
            '2:9: this double quote (") is never closed: add the closing " at the end of the'
            ' value\n      name: "Riverside\n            ^',
            id="unclosed-double-quote",
        ),
        pytest.param(
            "profile:\n  name: 'Riverside\n  timezone: UTC\n",
            "2:9: this single quote (') is never closed: add the closing ' at the end of the"
            " value\n      name: 'Riverside\n            ^",
            id="unclosed-single-quote",
        ),
        pytest.param(
            'a:\n  b: "x\n  c: "y"\nd: 1\n',
            '2:6: this double quote (") is not closed on its line, so the text runs on into the'
            ' lines below: add the closing " at the end of the value\n      b: "x\n         ^',
            id="unclosed-quote-running-on",
        ),
        pytest.param(
            "a: 'it's fine'\n",
            "1:8: text after the closing quote ('): put the whole value inside the quotes; a '"
            " inside it is written twice ('')\n    a: 'it's fine'\n           ^",
            id="apostrophe-in-single-quotes",
        ),
        pytest.param(
            "levels:\n  - channels: [email, text\n  - message: x\n",
            f"2:15: {NOT_CLOSED}\n      - channels: [email, text\n                  ^",
            id="unclosed-bracket",
        ),
        pytest.param(
            "a: {b: 1, c: 2\nd: 3\n",
            "1:4: the mapping started by this '{' is not closed: end it with '}' after its last"
            " item (usually on the same line), and separate items with ', '\n"
            "    a: {b: 1, c: 2\n       ^",
            id="unclosed-brace",
        ),
        pytest.param(
            "a: [1, 2]]\n",
            "1:10: this ']' closes nothing: remove it, or add the '[' it closes\n"
            "    a: [1, 2]]\n             ^",
            id="extra-bracket",
        ),
        pytest.param(
            "levels:\n    - message: a\n      channels: [email]\n  - message: b\n",
            "4:3: this list item ('- ') is not lined up with the list above it: put its '-'"
            " under the one on line 2 (4 spaces in)\n      - message: b\n      ^",
            id="list-item-not-deep-enough",
        ),
        pytest.param(
            "levels:\n  - message: a\n   - message: b\n",
            "3:4: this list item ('- ') is not lined up with the list above it: put its '-'"
            " under the one on line 2 (2 spaces in)\n       - message: b\n       ^",
            id="list-item-off-by-one",
        ),
        pytest.param(
            "a: 1\n- b\n",
            "2:1: a list item ('- ') here does not belong to a key: put the list under a key"
            " that ends with ':', indented more than that key\n    - b\n    ^",
            id="list-item-without-a-key",
        ),
        pytest.param(
            "a: @home\n",
            "1:4: a value cannot start with '@': put the whole value in quotes, such as"
            ' "@home"\n    a: @home\n       ^',
            id="reserved-first-character",
        ),
        pytest.param(
            'outbox: "C:\\outbox"\n',
            "1:13: a backslash in double quotes starts an escape such as \\n, and this one is"
            " not one: write the value in single quotes instead ('C:\\outbox'), or double the"
            ' backslash (\\\\)\n    outbox: "C:\\outbox"\n                ^',
            id="windows-path-in-double-quotes",
        ),
        pytest.param(
            "a: 1\n---\nb: 2\n",
            "2:1: a second document starts here ('---'): a rules or scenario file is one"
            " document: remove the '---' line (and split the file in two if both halves are"
            " needed)\n    ---\n    ^",
            id="two-documents",
        ),
        pytest.param(
            "a: [x,,y]\n",
            "1:7: a value is missing before this ',': write it, or remove the extra ','\n"
            "    a: [x,,y]\n          ^",
            id="empty-item",
        ),
        pytest.param(
            "a: b\x1bc\n",
            "1:5: the file holds a control character (U+001B) that YAML does not allow: remove"
            " it (it may have come with text copied from another program)\n"
            "    a: b\\x1bc\n        ^",
            id="control-character",
        ),
        pytest.param(
            "a: |x\n  y\n",
            "1:5: the file's layout is broken here: check the indentation (spaces only, the keys"
            " of a section lined up), the quotes and the brackets on this line and the one"
            " before (the YAML reader says: expected chomping or indentation indicators, but"
            " found 'x')\n    a: |x\n        ^",
            id="anything-else-keeps-the-parser-words",
        ),
    ],
)
def test_a_syntax_error_in_plain_words(text: str, expected: str) -> None:
    tree, problems = compose(text, "f.yaml")
    assert tree is None
    assert [str(p) for p in problems] == [f"f.yaml:{expected}"]


def test_no_message_is_parser_jargon() -> None:
    """The parser's words appear only in the last resort, in parentheses."""
    texts = ["a:\n\tb: 1\n", "a:\n    b: 1\n  c: 2\n", "a:\n  - x\n - y\n", "a: [1\n"]
    for text in texts:
        (problem,) = compose(text, "f.yaml")[1]
        for jargon in ("<block end>", "block mapping start", "cannot start any token", "token"):
            assert jargon not in problem.message


def test_excerpt_keeps_the_caret_under_the_spot_past_tabs_and_control_characters() -> None:
    lines = ["\tkey:\x1b value"]
    assert excerpt(lines, 1, 6) == "\n        key:\\x1b value\n            ^"
    assert excerpt(lines, 1, 7) == "\n        key:\\x1b value\n                ^"


def test_excerpt_cuts_a_long_line_around_the_caret() -> None:
    line = "a: " + "x" * 300 + "!" + "y" * 300
    shown = excerpt([line], 1, 304).splitlines()
    assert shown[1].startswith("    ...") and shown[1].endswith("...")
    assert len(shown[1]) <= len("    ") + MAX_SHOWN + 6
    assert shown[1][shown[2].index("^")] == "!"


def test_excerpt_of_a_line_past_the_end_is_empty() -> None:
    assert excerpt(["a: 1"], 3, 1) == ""


# --- through the real command ------------------------------------------------------------


def rulesengine(cwd: Path, *argv: str) -> Done:
    """The command as a process of its own, forked from the zygote (``_zygote.py``)."""
    return run_forked(*argv, cwd=cwd, timeout=120)


def test_validate_shows_the_line_and_a_caret_for_a_rules_file_and_a_scenario(
    tmp_path: Path,
) -> None:
    """``file:line:col: message`` first, then the line and the caret; each file's problem;
    exit 1."""
    (tmp_path / "rules.yaml").write_text("rulesengine: 1\nprofile:\n\tid: clinic\n", "utf-8")
    (tmp_path / "a.scenario.yaml").write_text(
        f"scenario: A lost colon\nrules: {STANDARD}\nsteps:\n  - run: 2026-02-01\n"
        "    expect:\n      statements [{guarantor: G1, level: 1}]\n      pre_collections: []\n",
        "utf-8",
    )
    done = rulesengine(tmp_path, "validate", "rules.yaml", "a.scenario.yaml")
    assert (done.returncode, done.stdout) == (1, "")
    assert done.stderr == (
        f"rules.yaml:3:1: {TAB}\n"
        "        id: clinic\n"
        "    ^\n"
        "a.scenario.yaml:6:17: this line has no ':' after its key: write the key, a colon and"
        " a space, then the value, such as 'statements: [{guarantor: G1, level: 1}]'\n"
        "          statements [{guarantor: G1, level: 1}]\n"
        "                    ^\n"
        "2 problems found\n"
    )


def test_test_shows_the_same_problem_and_still_prints_the_summary(tmp_path: Path) -> None:
    (tmp_path / "a.scenario.yaml").write_text(
        "scenario: Tabs\nrules: rules.yaml\nsteps:\n\t- run: 2026-02-01\n", "utf-8"
    )
    done = rulesengine(tmp_path, "test", "a.scenario.yaml")
    assert done.returncode == 1
    lines = done.stdout.splitlines()
    assert lines[:4] == [
        "FAIL a.scenario.yaml: a.scenario.yaml",
        f"a.scenario.yaml:4:1: {TAB}",
        "        - run: 2026-02-01",
        "    ^",
    ]
    assert lines[-1].startswith("0 passed, 1 failed in ")


def test_a_tab_after_a_keys_colon_is_read_as_a_space_as_docs_rules_says(tmp_path: Path) -> None:
    """docs/rules.md: 'a tab after a key's : reads as a space'; after a '-' it is an error."""
    text = STANDARD.read_text("utf-8").replace("  id: standard\n", "  id:\tstandard\n", 1)
    assert "id:\tstandard" in text
    (tmp_path / "tab.yaml").write_text(text, "utf-8")
    done = rulesengine(tmp_path, "validate", "tab.yaml")
    assert (done.returncode, done.stdout) == (
        0,
        "tab.yaml: ok (profile standard, 3 levels, limit on)\n",
    )
    (tmp_path / "dash.yaml").write_text("rulesengine: 1\nlist:\n  -\tx\n", "utf-8")
    done = rulesengine(tmp_path, "validate", "dash.yaml")
    assert done.returncode == 1
    assert done.stderr.startswith(
        "dash.yaml:3:4: a tab after a list item's '-': YAML wants a space there (a tab after a"
        " key's ':' is fine): replace the tab with a space\n"
    )
