"""Tests for rulesengine.rules.loader: files, hashes, overrides, embedded rules, speed."""

from __future__ import annotations

import hashlib
import time
from collections.abc import Callable
from pathlib import Path

import pytest

from rulesengine.errors import Problem, RulesError
from rulesengine.rules import load_rules, load_rules_data, load_rules_text, validate_files
from rulesengine.rules.policy import Mark
from rulesengine.rules.yamlmarks import MapNode, compose

from .conftest import MINIMAL

WriteRules = Callable[..., Path]


@pytest.mark.parametrize("name", ["standard.yaml", "no-limit.yaml"])
def test_shipped_rules_files_load(name: str, repo_root: Path) -> None:
    """Both shipped rules files load without problems, as the docs describe them."""
    rules = load_rules(f"rules/{name}")
    assert rules.path == f"rules/{name}"
    assert [lv.message for lv in rules.dunning.levels] == ["reminder", "past_due", "final_notice"]
    assert [lv.channels for lv in rules.dunning.levels] == [
        ("email",),
        ("email", "text"),
        ("email", "text", "print"),
    ]
    assert rules.dunning.no_limit is (name == "no-limit.yaml")
    assert rules.eligibility.cycle_days == 28
    assert [(r.name, r.then) for r in rules.payment_rules] == [
        ("adequate", "reset_to_zero"),
        ("token", "hold"),
    ]


def test_shipped_files_differ_only_in_the_limit(repo_root: Path) -> None:
    """no-limit.yaml is standard.yaml with no_limit: true (and its own id and name)."""
    standard = load_rules("rules/standard.yaml")
    no_limit = load_rules("rules/no-limit.yaml")
    assert standard.messages == no_limit.messages
    assert [(r.name, r.when, r.then) for r in standard.payment_rules] == [
        (r.name, r.when, r.then) for r in no_limit.payment_rules
    ]
    assert standard.eligibility.exclude[0].when == no_limit.eligibility.exclude[0].when
    assert standard.channels == no_limit.channels
    assert standard.delivery == no_limit.delivery
    assert (standard.profile.id, no_limit.profile.id) == ("standard", "no-limit")


def test_content_hash_is_sha256_of_the_file_bytes(rules_file: WriteRules) -> None:
    """Rules.content_hash identifies the exact file content."""
    path = rules_file(MINIMAL)
    rules = load_rules(path)
    assert rules.content_hash == hashlib.sha256(MINIMAL.encode()).hexdigest()
    assert rules.short_hash == rules.content_hash[:12]
    assert rules.path == str(path)


def test_load_rules_text_matches_load_rules(rules_file: WriteRules) -> None:
    """The same text loads to the same rules, whatever the entry point."""
    path = rules_file(MINIMAL)
    assert load_rules_text(MINIMAL, filename=str(path)) == load_rules(path)


def test_missing_file_is_one_clear_problem(tmp_path: Path) -> None:
    """No traceback: one problem naming the file."""
    path = str(tmp_path / "nope.yaml")
    with pytest.raises(RulesError) as info:
        load_rules(path)
    assert info.value.problems == (Problem(path, None, None, "file not found"),)


def test_folder_is_one_clear_problem(tmp_path: Path) -> None:
    """A folder given as a rules file is reported as such."""
    with pytest.raises(RulesError) as info:
        load_rules(tmp_path)
    assert [p.message for p in info.value.problems] == ["is a folder, not a rules file"]


def test_file_that_is_not_utf8_is_one_problem_at_the_bad_byte(tmp_path: Path) -> None:
    """Latin-1 bytes are reported with line and column, asking for UTF-8."""
    path = tmp_path / "latin1.yaml"
    path.write_bytes(MINIMAL.replace("clinic", "cl\xefnic").encode("latin-1"))
    with pytest.raises(RulesError) as info:
        load_rules(path)
    assert [str(p) for p in info.value.problems] == [
        f"{path}:3:9: the file is not UTF-8 text: save it with the UTF-8 encoding"
    ]


def test_yaml_problems_and_schema_problems_are_reported_together(rules_file: WriteRules) -> None:
    """A duplicate key does not hide the rest of the file's problems."""
    text = MINIMAL.replace("  id: clinic\n", "  id: clinic\n  id: again\n  due_days: x\n")
    with pytest.raises(RulesError) as info:
        load_rules_text(text, filename="r.yaml")
    assert [str(p) for p in info.value.problems] == [
        "r.yaml:4:3: duplicate key 'id' (first defined at line 3); a key may appear only once "
        "in a mapping: remove or rename one of them",
        "r.yaml:5:13: profile.due_days: expected a whole number, got 'x'",
    ]


def test_overrides_merge_over_the_file_and_change_the_hash(rules_file: WriteRules) -> None:
    """Scenario overrides: mappings merge, values replace; the hash is of the merged data."""
    path = rules_file(MINIMAL)
    plain = load_rules(path)
    merged = load_rules(path, overrides={"dunning": {"no_limit": True}})
    assert merged.dunning.no_limit is True
    assert merged.dunning.levels == plain.dunning.levels
    assert merged.content_hash != plain.content_hash
    again = load_rules(path, overrides={"dunning": {"no_limit": True}})
    assert again.content_hash == merged.content_hash


def test_problems_in_overrides_point_into_the_overriding_file(rules_file: WriteRules) -> None:
    """An override tree from a scenario file keeps that file's marks in problems."""
    path = rules_file(MINIMAL)
    scenario, problems = compose(
        "scenario: x\noverrides:\n  dunning:\n    no_limit: maybe\n", "s.scenario.yaml"
    )
    assert problems == [] and isinstance(scenario, MapNode)
    overrides = scenario.get("overrides")
    assert overrides is not None
    with pytest.raises(RulesError) as info:
        load_rules(path, overrides=overrides)
    assert [str(p) for p in info.value.problems] == [
        "s.scenario.yaml:4:15: dunning.no_limit: expected true or false, got 'maybe'"
    ]


def test_overrides_replace_lists_whole() -> None:
    """A list in the overrides replaces the file's list."""
    rules = load_rules_text(MINIMAL, filename="r.yaml", overrides={"delivery": {"backoff": [5]}})
    assert rules.delivery.backoff == (5,)


def test_load_rules_data_reads_a_mapping_embedded_in_another_file() -> None:
    """Inline rules in a scenario: marks point into the scenario file."""
    text = "scenario: inline\nrules:\n" + "".join(f"  {line}\n" for line in MINIMAL.splitlines())
    scenario, _ = compose(text, "inline.scenario.yaml")
    assert isinstance(scenario, MapNode)
    tree = scenario.get("rules")
    assert tree is not None
    rules = load_rules_data(tree, filename="inline.scenario.yaml")
    assert rules.path == "inline.scenario.yaml"
    assert rules.profile.id == "clinic"
    broken, _ = compose(text.replace("[email]", "[emial]"), "inline.scenario.yaml")
    assert isinstance(broken, MapNode)
    with pytest.raises(RulesError) as info:
        load_rules_data(broken.get("rules"), filename="inline.scenario.yaml")  # type: ignore[arg-type]
    [problem] = info.value.problems
    assert (problem.file, problem.line, problem.column) == ("inline.scenario.yaml", 10, 20)


def test_load_rules_data_accepts_plain_python_data() -> None:
    """Programmatic callers may pass a dict; text values stay as given."""
    rules = load_rules_data(
        {
            "rulesengine": 1,
            "profile": {"id": "p", "timezone": "UTC", "phone": "02134"},
            "dunning": {"levels": [{"message": "m", "channels": ["email"]}]},
            "messages": {"m": {"email": {"subject": "s", "body": "b"}}},
        },
        filename="<dict>",
    )
    assert rules.profile.phone == "02134"
    assert rules.level(5).message == "m"


def test_validate_files_collects_every_files_problems(repo_root: Path) -> None:
    """validate_files: no problems for good files, all problems for bad ones, in order."""
    assert validate_files(["rules/standard.yaml", "rules/no-limit.yaml"]) == []
    found = validate_files(
        [
            "tests/data/invalid/bad_then.yaml",
            "rules/standard.yaml",
            "tests/data/invalid/bad_money.yaml",
        ]
    )
    assert [(p.file, p.line) for p in found] == [
        ("tests/data/invalid/bad_then.yaml", 13),
        ("tests/data/invalid/bad_then.yaml", 14),
        ("tests/data/invalid/bad_money.yaml", 6),
    ]


def test_rules_errors_print_one_line_per_problem(rules_file: WriteRules) -> None:
    """str(RulesError) is what the CLI prints: file:line:col: message lines."""
    with pytest.raises(RulesError) as info:
        load_rules_text(
            MINIMAL.replace("[email]", "[fax]").replace("id: clinic", "id: A"), filename="r.yaml"
        )
    assert str(info.value) == (
        "r.yaml:3:7: profile.id: 'A' is not allowed: use lower-case letters, digits, '_' and "
        "'-' only, such as standard\n"
        "r.yaml:8:18: dunning.levels[0].channels[0]: unknown channel 'fax' (registered "
        "channels: email, print, text)"
    )


def test_exclude_rule_marks_point_at_the_condition() -> None:
    """ExcludeRule.mark is where its condition is written (for explain and traces)."""
    text = MINIMAL + (
        "eligibility:\n  exclude:\n    - name: small\n      when: encounter.balance < 1\n"
    )
    [rule] = load_rules_text(text, filename="r.yaml").eligibility.exclude
    assert rule.mark == Mark("r.yaml", 17, 13)


def test_a_rules_file_loads_in_a_few_milliseconds(repo_root: Path) -> None:
    """The shipped file loads fast enough to load per run and per scenario."""
    load_rules("rules/standard.yaml")  # warm caches and imports
    start = time.perf_counter()
    for _ in range(10):
        load_rules("rules/standard.yaml")
    assert (time.perf_counter() - start) / 10 < 0.05


FALLBACK_LEVEL = MINIMAL.replace(
    "      channels: [email]\n", "      channels: [email]\n      fallback: [print, text]\n"
).replace(
    'body: "You owe {{ statement.total | money }}."\n',
    'body: "You owe {{ statement.total | money }}."\n'
    '    print: {body: "You owe {{ statement.total | money }}."}\n'
    '    text: "{{ practice }}: a statement is ready"\n',
)


def test_a_levels_fallback_channels_are_loaded_in_order(rules_file: WriteRules) -> None:
    rules = load_rules(str(rules_file(FALLBACK_LEVEL)))
    [level] = rules.dunning.levels
    assert level.channels == ("email",)
    assert level.fallback == ("print", "text")
    assert {"email", "print", "text"} <= set(rules.channels)


def test_a_level_without_fallback_has_none(rules_file: WriteRules) -> None:
    rules = load_rules(str(rules_file(MINIMAL)))
    assert rules.dunning.levels[0].fallback == ()


def test_a_fallback_channel_needs_content_in_the_levels_message(rules_file: WriteRules) -> None:
    text = FALLBACK_LEVEL.replace('    text: "{{ practice }}: a statement is ready"\n', "")
    with pytest.raises(RulesError) as info:
        load_rules(str(rules_file(text)))
    [problem] = info.value.problems
    assert problem.message == (
        "dunning.levels[0].fallback[1]: message 'reminder' has no content for channel"
        " 'text': add messages.reminder.text"
    )


@pytest.mark.parametrize("name", ["standard.yaml", "no-limit.yaml"])
def test_each_shipped_rules_file_tells_the_reader_to_validate_itself(
    repo_root: Path, name: str
) -> None:
    """The header comment's command checks the file it is in (no-limit.yaml once named
    standard.yaml)."""
    text = (repo_root / "rules" / name).read_text(encoding="utf-8")
    assert f"#     rulesengine validate rules/{name}\n" in text
    assert text.count("rulesengine validate") == 1
