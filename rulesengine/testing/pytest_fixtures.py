"""pytest fixtures around the plugin test kit.

Installing rulesengine registers its pytest plugin (the ``pytest11`` entry point), which
provides the ``channel_kit`` fixture in every test, with nothing in ``conftest.py`` (with
``PYTEST_DISABLE_PLUGIN_AUTOLOAD=1``, run pytest with ``-p rulesengine``)::

    def test_contract(channel_kit):
        channel_kit.check(FaxChannel)
        channel_kit.check_entry_point("fax")
"""

from __future__ import annotations

import datetime as dt
import os
from collections.abc import Mapping
from pathlib import Path
from typing import Any

import attrs
import pytest

from rulesengine.model import Notification
from rulesengine.testing.harness import HarnessResult, LedgerInput, run_plugin
from rulesengine.testing.plugin_kit import (
    EntryPointReport,
    KitReport,
    MakeNotification,
    check_channel,
    check_entry_point,
    sample_notification,
)

__all__ = ["ChannelKit", "channel_kit"]


@attrs.define
class ChannelKit:
    """The object the ``channel_kit`` fixture returns."""

    tmp_path: Path

    def check(
        self,
        channel_class: type,
        settings: Mapping[str, Any] | None = None,
        *,
        make_notification: MakeNotification | None = None,
    ) -> KitReport:
        """Run :func:`~rulesengine.testing.plugin_kit.check_channel`; fail the test on problems.

        Without ``settings``, or with settings that have no ``outbox``, the channel gets
        ``"outbox": <tmp_path>/outbox`` (the host always passes an outbox).
        """
        settings = {"outbox": str(self.tmp_path / "outbox"), **(settings or {})}
        report = check_channel(channel_class, settings, make_notification=make_notification)
        if not report.ok:
            pytest.fail(str(report), pytrace=False)
        return report

    def check_entry_point(self, name: str) -> EntryPointReport:
        """Run :func:`~rulesengine.testing.plugin_kit.check_entry_point` on the installed
        plugin ``name`` (entry point or distribution); fail the test on problems."""
        report = check_entry_point(name)
        if not report.ok:
            pytest.fail(str(report), pytrace=False)
        return report

    def run(
        self,
        rules: str | os.PathLike[str],
        ledger: LedgerInput,
        plugin: object | None = None,
        *,
        run_date: dt.date,
    ) -> HarnessResult:
        """:func:`~rulesengine.testing.harness.run_plugin` with the outboxes under
        ``tmp_path``."""
        return run_plugin(rules, ledger, plugin, run_date=run_date, workdir=self.tmp_path)

    def notification(self, **overrides: Any) -> Notification:
        """A sample notification (:func:`~rulesengine.testing.plugin_kit.sample_notification`)."""
        return sample_notification(**overrides)


@pytest.fixture
def channel_kit(tmp_path: Path) -> ChannelKit:
    """Check channel classes against the contract and build sample notifications."""
    return ChannelKit(tmp_path)
