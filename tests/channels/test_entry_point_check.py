"""The plugin kit loads an installed plugin as rulesengine does and reports a misspelt hook
(with the hook it probably meant), a hook without its marker, wrong arguments and channels
that break the contract, naming the distribution."""

from __future__ import annotations

import sys
from pathlib import Path

import pytest
from click.testing import CliRunner

from rulesengine.cli.main import main
from rulesengine.testing.plugin_kit import (
    ChannelContractError,
    EntryPointReport,
    check_entry_point,
)
from rulesengine.testing.pytest_fixtures import ChannelKit

GOOD = """
    import rulesengine

    class FaxChannel(rulesengine.Channel):
        name = "fax"
        address = "postal"

        def send(self, notifications):
            return [rulesengine.DeliveryResult.sent(n) for n in notifications]

    @rulesengine.hookimpl
    def register_channels(register):
        register(FaxChannel)
"""


@pytest.fixture
def install(clean_plugin_env, fake_dist, monkeypatch):
    def make(source: str) -> None:
        monkeypatch.delitem(sys.modules, "acme_fax", raising=False)
        fake_dist("acme-fax", "fax", "acme_fax", source)

    return make


def test_a_good_plugin_loads_by_entry_point_or_distribution_name(install) -> None:
    install(GOOD)
    for name in ("fax", "acme-fax", "Acme_Fax"):
        report = check_entry_point(name)
        assert report == EntryPointReport("fax", "acme-fax", ["fax"], [])
        assert str(report) == "plugin fax (acme-fax): loads as rulesengine loads it; registers fax"
        report.raise_for_problems()


def test_a_misspelt_hook_is_reported_with_did_you_mean(install) -> None:
    install(GOOD.replace("def register_channels(", "def register_channel("))
    report = check_entry_point("fax")
    assert report.problems == (
        "acme-fax (plugin fax) implements register_channel, which is not a rulesengine hook;"
        " did you mean 'register_channels'?",
    )
    with pytest.raises(ChannelContractError) as caught:
        report.raise_for_problems()
    assert str(caught.value) == (
        "plugin fax (acme-fax): 1 problem\n"
        "  problem: acme-fax (plugin fax) implements register_channel, which is not a"
        " rulesengine hook; did you mean 'register_channels'?"
    )


def test_a_hook_without_its_marker_is_reported(install) -> None:
    install(GOOD.replace("@rulesengine.hookimpl\n    ", ""))
    assert check_entry_point("fax").problems == (
        "acme-fax (plugin fax) defines register_channels without @rulesengine.hookimpl,"
        " so rulesengine never calls it: mark it",
    )


def test_an_argument_the_hook_does_not_have_is_reported(install) -> None:
    install(GOOD.replace("def register_channels(register)", "def register_channels(registry)"))
    assert check_entry_point("fax").problems == (
        "acme-fax (plugin fax): register_channels has no argument 'registry'; its arguments"
        " are: register",
    )


def test_a_channel_breaking_the_contract_names_the_distribution(install) -> None:
    install(GOOD.replace('address = "postal"', 'address = "phone"'))
    assert check_entry_point("fax").problems == (
        "acme-fax (plugin fax) registered an invalid channel 'fax':\n"
        "  FaxChannel.address must be one of email, mobile, postal, guarantor, got 'phone'\n"
        "Set RULESENGINE_DISABLE_PLUGINS=fax to run without it, or install a version of the"
        " plugin that meets the channel contract (docs/plugins.md).",
    )


def test_a_plugin_that_is_not_installed_gets_a_did_you_mean(install) -> None:
    install(GOOD)
    report = check_entry_point("acme-fx")
    assert report.distribution is None
    assert report.problems == (
        "no installed distribution has a rulesengine entry point named 'acme-fx';"
        " did you mean 'acme-fax'? A plugin declares one in setup.cfg"
        " ([options.entry_points] rulesengine = <name> = <module>) and is installed"
        " (pip install -e .)",
    )


def test_disabled_plugins_are_still_checked(install, monkeypatch) -> None:
    """The check is about the plugin, not about this machine's environment variables."""
    install(GOOD)
    monkeypatch.setenv("RULESENGINE_DISABLE_PLUGINS", "*")
    assert check_entry_point("fax").ok


def test_the_fixture_fails_the_test_on_problems(install, tmp_path) -> None:
    install(GOOD.replace("def register_channels(", "def register_channel("))
    with pytest.raises(pytest.fail.Exception, match="did you mean 'register_channels'"):
        ChannelKit(tmp_path).check_entry_point("fax")


UNMARKED = GOOD.replace("@rulesengine.hookimpl\n    ", "")
SILENT = (
    "acme-fax is installed but registered no channels (is register_channels marked with"
    " @rulesengine.hookimpl?)"
)


def test_plugins_names_a_plugin_whose_register_channels_is_not_marked(install, monkeypatch):
    install(UNMARKED)
    monkeypatch.setenv("RULESENGINE_LOAD_PLUGINS", "fax")
    result = CliRunner().invoke(main, ["plugins"])
    assert result.exit_code == 0, result.output
    assert SILENT in result.output


def test_plugins_says_nothing_more_of_a_marked_plugin(install, monkeypatch):
    install(GOOD)
    monkeypatch.setenv("RULESENGINE_LOAD_PLUGINS", "fax")
    result = CliRunner().invoke(main, ["plugins"])
    assert result.exit_code == 0, result.output
    assert "hookimpl" not in result.output


def test_validate_names_it_after_an_unknown_channel(install, monkeypatch, tmp_path):
    install(UNMARKED)
    monkeypatch.setenv("RULESENGINE_LOAD_PLUGINS", "fax")
    rules = (Path(__file__).parents[2] / "rules/standard.yaml").read_text(encoding="utf-8")
    path = tmp_path / "rules.yaml"
    path.write_text(rules.replace("channels: [email]", "channels: [fax]", 1), encoding="utf-8")
    result = CliRunner().invoke(main, ["validate", str(path)])
    assert result.exit_code != 0
    assert "unknown channel 'fax'" in result.output
    assert SILENT in result.output
