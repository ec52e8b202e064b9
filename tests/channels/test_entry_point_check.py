"""The plugin kit loads an installed plugin as rulesengine does and reports a misspelt hook
(with the hook it probably meant), a hook without its marker, wrong arguments and channels
that break the contract, naming the distribution."""

from __future__ import annotations

import sys

import pytest

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
    [problem] = check_entry_point("fax").problems
    assert problem.startswith("acme-fax (plugin fax): Plugin 'fax' for hook 'register_channels'")
    assert "registry" in problem


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
