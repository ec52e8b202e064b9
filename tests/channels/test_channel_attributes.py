"""A channel's declared class attributes are checked when its plugin is loaded: a wrong type
or shape is an error naming the distribution, the channel, the attribute, what was found and
what is expected; never an internal error later. The plugin test kit runs the same checks."""

from __future__ import annotations

import datetime as dt
import os
import subprocess
import sys
import textwrap
from pathlib import Path
from typing import Any

import pytest

import rulesengine
from rulesengine.channels.channel_checks import channel_problems
from rulesengine.channels.manager import PluginError, get_channels, get_plugin_manager
from rulesengine.testing.plugin_kit import check_channel

REPO = Path(__file__).resolve().parents[2]

FAX = """
    import datetime as dt
    import rulesengine

    class FaxChannel:
        name = "fax"
        address = "postal"
        content_keys = {{"cover", "body"}}
        required_content = {{"body"}}
        {attribute}

        def __init__(self, settings):
            self.settings = settings

        def send(self, notifications):
            return [rulesengine.DeliveryResult.sent(n) for n in notifications]

    @rulesengine.hookimpl
    def register_channels(register):
        register(FaxChannel)
"""
FAX_RULES = """\
rulesengine: 1
profile:
  id: clinic
  timezone: America/Chicago
dunning:
  levels:
    - message: reminder
      channels: [fax]
messages:
  reminder:
    fax:
      body: "You owe {{ statement.total | money }}."
"""
WINDOW = "(datetime.time(9, 0), datetime.time(17, 0))"


class Fax:
    name = "fax"
    address = "postal"
    content_keys = frozenset({"cover", "body"})
    required_content = frozenset({"body"})

    def __init__(self, settings: Any) -> None:
        self.settings = settings

    def send(self, notifications: Any) -> list[rulesengine.DeliveryResult]:
        return [rulesengine.DeliveryResult.sent(n) for n in notifications]


def fax(**attributes: Any) -> type:
    return type("FaxChannel", (Fax,), attributes)


@pytest.mark.parametrize(
    ("attributes", "problem"),
    [
        (
            {"default_window": "09:00-17:00"},
            "FaxChannel.default_window must be None or a (start, end) pair of datetime.time"
            f" such as {WINDOW}, got '09:00-17:00' (a str)",
        ),
        (
            {"max_window": (9, 17)},
            "FaxChannel.max_window must be None or a (start, end) pair of datetime.time"
            f" such as {WINDOW}, got (9, 17)",
        ),
        (
            {"default_window": (dt.time(9), dt.time(12), dt.time(17))},
            "FaxChannel.default_window must be None or a (start, end) pair of datetime.time"
            f" such as {WINDOW}, got (datetime.time(9, 0), datetime.time(12, 0),"
            " datetime.time(17, 0)) (a tuple)",
        ),
        (
            {"default_window": (dt.time(21), dt.time(8))},
            "FaxChannel.default_window must start before it ends (no window across midnight),"
            " got 21:00-08:00",
        ),
        (
            {"max_window": (dt.time(8, tzinfo=dt.UTC), dt.time(21, tzinfo=dt.UTC))},
            "FaxChannel.max_window must be times without a time zone (a window is the"
            " guarantor's local time), got (datetime.time(8, 0, tzinfo=datetime.timezone.utc),"
            " datetime.time(21, 0, tzinfo=datetime.timezone.utc))",
        ),
        (
            {"default_window": (dt.time(8, 0, 30), dt.time(21))},
            "FaxChannel.default_window must be whole minutes (a window is written"
            " HH:MM-HH:MM), got (datetime.time(8, 0, 30), datetime.time(21, 0))",
        ),
        (
            {"default_window": (dt.time(7), dt.time(21)), "max_window": (dt.time(8), dt.time(21))},
            "FaxChannel.default_window 07:00-21:00 must lie within max_window 08:00-21:00",
        ),
        (
            {"setting_types": ["port"]},
            "FaxChannel.setting_types must be a mapping of setting name -> 'str', 'int', 'bool'"
            " (or None), got ['port'] (a list)",
        ),
        (
            {"setting_types": {"port": int}},
            "FaxChannel.setting_types['port'] must be one of 'str', 'int', 'bool',"
            " got <class 'int'> (a type)",
        ),
        (
            {"setting_types": {"port": "integer"}},
            "FaxChannel.setting_types['port'] must be one of 'str', 'int', 'bool',"
            " got 'integer' (a str)",
        ),
        (
            {"settings_keys": {"port"}, "setting_types": {"prot": "int"}},
            "FaxChannel.setting_types names settings not in settings_keys: prot",
        ),
        (
            {"single_line_content": "cover"},
            "FaxChannel.single_line_content must be a set of key names or None,"
            " got 'cover' (a str)",
        ),
        (
            {"single_line_content": {"title"}},
            "FaxChannel.single_line_content lists keys not in content_keys: title",
        ),
        (
            {"settings_keys": {"port": "int"}},
            "FaxChannel.settings_keys must be a set of key names or None,"
            " got a mapping: {'port': 'int'}",
        ),
        (
            {"content_keys": 5},
            "FaxChannel.content_keys must be a set of key names or None, got 5 (an int)",
        ),
        (
            {"required_content": {1}},
            "FaxChannel.required_content must contain only strings, got 1 (an int)",
        ),
        (
            {"deduplicates": "yes"},
            "FaxChannel.deduplicates must be True or False, got 'yes' (a str)",
        ),
        (
            {"deduplicates": 1},
            "FaxChannel.deduplicates must be True or False, got 1 (an int)",
        ),
    ],
    ids=[
        "window-as-text",
        "window-of-numbers",
        "window-of-three",
        "window-across-midnight",
        "window-with-zone",
        "window-with-seconds",
        "default-outside-max",
        "setting-types-list",
        "setting-type-a-class",
        "setting-type-unknown",
        "setting-type-unknown-key",
        "single-line-as-text",
        "single-line-not-content",
        "settings-keys-mapping",
        "content-keys-number",
        "required-content-numbers",
        "deduplicates-as-text",
        "deduplicates-as-number",
    ],
)
def test_each_wrong_attribute_is_one_problem(attributes: dict[str, Any], problem: str) -> None:
    """The problem names the attribute, what it must be and what was found; the plugin kit
    reports the same problem."""
    channel = fax(**attributes)
    assert channel_problems(channel) == [problem]
    report = check_channel(channel)
    assert report.problems == (problem,)


@pytest.mark.parametrize(
    "attributes",
    [
        {},
        {"default_window": (dt.time(9), dt.time(17)), "max_window": [dt.time(8), dt.time(21)]},
        {"settings_keys": {"port"}, "setting_types": {"port": "int", "outbox": "str"}},
        {"single_line_content": frozenset({"cover"}), "setting_types": None},
        {"content_keys": None, "single_line_content": {"title"}},
        {"deduplicates": True},
        {"deduplicates": False},
    ],
)
def test_valid_declarations_pass(attributes: dict[str, Any]) -> None:
    assert channel_problems(fax(**attributes)) == []


def test_the_built_in_channels_meet_the_contract(clean_plugin_env) -> None:
    channels = get_channels(get_plugin_manager())
    for name in ("email", "text", "print"):
        assert channel_problems(channels[name]) == [], name


def test_a_string_window_is_refused_when_the_plugin_is_loaded(clean_plugin_env, fake_dist) -> None:
    """Loaded from its entry point, the plugin's distribution is named, and how to go on."""
    source = FAX.format(attribute='default_window = "09:00-17:00"')
    fake_dist("acme-fax", "fax", "acme_fax_text_window", source)
    with pytest.raises(PluginError) as info:
        get_channels(get_plugin_manager())
    assert str(info.value) == (
        "acme-fax (plugin fax) registered an invalid channel 'fax':\n"
        "  FaxChannel.default_window must be None or a (start, end) pair of datetime.time"
        f" such as {WINDOW}, got '09:00-17:00' (a str)\n"
        "Set RULESENGINE_DISABLE_PLUGINS=fax to run without it, or install a version of the"
        " plugin that meets the channel contract (docs/plugins.md)."
    )


# --- through the real command ------------------------------------------------------------


def install_fake_plugin(site: Path, attribute: str) -> None:
    """A distribution ``acme-fax`` with the entry point ``fax``, as pip would leave it."""
    info = site / "acme_fax-1.0.dist-info"
    info.mkdir(parents=True)
    (info / "METADATA").write_text("Metadata-Version: 2.1\nName: acme-fax\nVersion: 1.0\n")
    (info / "entry_points.txt").write_text("[rulesengine]\nfax = acme_fax_plugin\n")
    source = FAX.format(attribute=attribute)
    (site / "acme_fax_plugin.py").write_text(textwrap.dedent(source))


def rulesengine_with(site: Path, cwd: Path, *argv: str) -> subprocess.CompletedProcess[str]:
    script = Path(sys.executable).with_name("rulesengine")
    command = [str(script)] if script.is_file() else [sys.executable, "-m", "rulesengine.cli.main"]
    env = {k: v for k, v in os.environ.items() if not k.startswith("RULESENGINE_")}
    env.update(PYTHONPATH=str(site), RULESENGINE_LOAD_PLUGINS="email,text,print,fax", COLUMNS="200")
    return subprocess.run(
        [*command, *argv], cwd=cwd, env=env, capture_output=True, text=True, timeout=120
    )


@pytest.mark.parametrize(
    ("attribute", "problem"),
    [
        (
            'default_window = "09:00-17:00"',
            "  FaxChannel.default_window must be None or a (start, end) pair of datetime.time"
            f" such as {WINDOW}, got '09:00-17:00' (a str)",
        ),
        (
            'max_window = ("08:00", "21:00")',
            "  FaxChannel.max_window must be None or a (start, end) pair of datetime.time"
            f" such as {WINDOW}, got ('08:00', '21:00')",
        ),
        (
            'setting_types = {"pages": int}',
            "  FaxChannel.setting_types['pages'] must be one of 'str', 'int', 'bool',"
            " got <class 'int'> (a type)",
        ),
    ],
)
def test_validate_names_the_distribution_and_exits_1(
    tmp_path: Path, attribute: str, problem: str
) -> None:
    """``rulesengine validate`` with a broken plugin installed: exit 1 and the plugin's
    error, not an internal error (exit 3) once a rules file uses the channel."""
    install_fake_plugin(tmp_path / "site", attribute)
    (tmp_path / "fax.yaml").write_text(FAX_RULES, encoding="utf-8")
    done = rulesengine_with(tmp_path / "site", tmp_path, "validate", "fax.yaml")
    assert done.returncode == 1, done.stderr
    assert done.stdout == ""
    assert done.stderr == (
        "acme-fax (plugin fax) registered an invalid channel 'fax':\n"
        f"{problem}\n"
        "Set RULESENGINE_DISABLE_PLUGINS=fax to run without it, or install a version of the"
        " plugin that meets the channel contract (docs/plugins.md).\n"
    )


def test_a_valid_window_declared_by_a_plugin_is_used(tmp_path: Path) -> None:
    """The same plugin with its window as datetime.time values validates and runs."""
    install_fake_plugin(tmp_path / "site", "default_window = (dt.time(9, 0), dt.time(17, 0))")
    (tmp_path / "fax.yaml").write_text(FAX_RULES, encoding="utf-8")
    done = rulesengine_with(tmp_path / "site", tmp_path, "validate", "fax.yaml")
    assert (done.returncode, done.stderr) == (0, "")
    assert done.stdout == "fax.yaml: ok (profile clinic, 1 level, limit on)\n"
