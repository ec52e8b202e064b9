"""The text a live run keeps for its rules loads back to the rules that were evaluated,
however they were loaded: a file, a file with overrides, plain data, a scenario's inline
or overridden rules. A worker and ``notify`` reload rules from that text."""

from __future__ import annotations

from pathlib import Path

import attrs
import pytest

from rulesengine.channels.registry import installed_channel_specs
from rulesengine.rules import load_rules, load_rules_data, load_rules_text
from rulesengine.rules.policy import Rules
from rulesengine.rules.yaml_text import to_yaml_text
from rulesengine.rules.yamlmarks import compose, to_plain
from rulesengine.scenarios import load_scenario

REPO = Path(__file__).resolve().parents[2]
SHIPPED = sorted((REPO / "rules").glob("*.yaml")) + [
    REPO / "rulesengine" / "data" / "demo-practice.yaml"
]
SPECS = installed_channel_specs()  # the demo's print settings are the print plugin's
SCENARIOS = sorted((REPO / "examples" / "scenarios").glob("*.scenario.yaml"))


def _meaning(rules: Rules) -> dict[str, object]:
    """The rules without where they were read from (file, line and column marks)."""
    return attrs.asdict(rules, filter=lambda a, _: a.name not in {"mark", "path"})


def _reloaded(rules: Rules) -> dict[str, object]:
    again = load_rules_text(rules.source_text, filename="<stored>", channel_specs=SPECS)
    assert again.content_hash == rules.content_hash
    return _meaning(again)


@pytest.mark.parametrize("path", SHIPPED, ids=lambda p: p.name)
def test_a_shipped_file_with_overrides_reloads_the_same(path: Path) -> None:
    """Overrides that set booleans, numbers and text keep their kinds in the stored text
    (a plain ``false`` stays a boolean, it is not stored as the string 'false')."""
    overrides = {
        "profile": {"name": 'Overridden: a "quoted" name'},
        "dunning": {"no_limit": False},
    }
    rules = load_rules(path, overrides=overrides, channel_specs=SPECS)
    assert rules.profile.name == 'Overridden: a "quoted" name'
    assert _reloaded(rules) == _meaning(rules)


@pytest.mark.parametrize("path", SHIPPED, ids=lambda p: p.name)
def test_rules_given_as_data_reload_the_same(path: Path) -> None:
    """Rules built from plain Python data store a text that loads back to them."""
    tree, problems = compose(path.read_text(encoding="utf-8"), str(path))
    assert not problems
    rules = load_rules_data(to_plain(tree), filename="<data>", channel_specs=SPECS)
    assert _reloaded(rules) == _meaning(rules)


@pytest.mark.parametrize("path", SCENARIOS, ids=lambda p: p.name[:2])
def test_every_example_scenario_s_rules_reload_the_same(path: Path) -> None:
    """A scenario's rules (a file, inline, or with overrides) store a text that loads
    back to them."""
    rules = load_scenario(str(path)).rules
    assert _reloaded(rules) == _meaning(rules)


def test_the_yaml_text_keeps_plain_and_quoted_scalars_apart() -> None:
    """``false`` and ``'false'``, ``1`` and ``"1"``, an empty value, block text and
    nested lists come back as they were written."""
    text = (
        "a: false\nb: 'false'\nc: 1\nd: \"1\"\ne:\nf: |\n  two\n  lines\n"
        "g:\n  - [x, 'y']\n  - {}\n  - k: ~\nh: []\n' spaced key ': v\n"
    )
    tree, problems = compose(text, "t.yaml")
    assert not problems
    again, problems = compose(to_yaml_text(tree), "again.yaml")
    assert not problems
    assert to_plain(again) == to_plain(tree)
    assert to_plain(again)["b"] == "false" and to_plain(again)["a"] is False
    assert to_plain(again)["d"] == "1" and to_plain(again)["c"] == 1


def test_installed_rules_load_from_text_as_from_their_file() -> None:
    """``load_installed_rules_text`` (the dashboard's stored versions and uploads) checks a
    text against the installed channels as ``load_installed_rules`` checks a file, and its
    problems name the label given."""
    from rulesengine.errors import RulesError
    from rulesengine.rules.installed_rules import load_installed_rules, load_installed_rules_text

    demo = REPO / "rulesengine" / "data" / "demo-practice.yaml"
    text = demo.read_text(encoding="utf-8")
    from_text = load_installed_rules_text(text, filename="<rules demo>")
    assert _meaning(from_text) == _meaning(load_installed_rules(demo))
    assert from_text.content_hash == load_installed_rules(demo).content_hash
    with pytest.raises(RulesError, match=r"^up\.yaml:\d+:\d+: .*unknown channel"):
        load_installed_rules_text(text.replace("[email, print]", "[pigeon]"), filename="up.yaml")
