"""pytest fixtures around the plugin test kit.

Enable them in a plugin's ``conftest.py``::

    pytest_plugins = ["rulesengine.testing.pytest_fixtures"]

then::

    def test_contract(channel_kit):
        channel_kit.check(FaxChannel)
"""

from __future__ import annotations

from collections.abc import Mapping
from pathlib import Path
from typing import Any

import attrs
import pytest

from rulesengine.model import Notification
from rulesengine.testing.plugin_kit import (
    KitReport,
    MakeNotification,
    check_channel,
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

        Without ``settings`` the channel gets ``{"outbox": <tmp_path>/outbox}``.
        """
        if settings is None:
            settings = {"outbox": str(self.tmp_path / "outbox")}
        report = check_channel(channel_class, settings, make_notification=make_notification)
        if not report.ok:
            pytest.fail(str(report), pytrace=False)
        return report

    def notification(self, **overrides: Any) -> Notification:
        """A sample notification (:func:`~rulesengine.testing.plugin_kit.sample_notification`)."""
        return sample_notification(**overrides)


@pytest.fixture
def channel_kit(tmp_path: Path) -> ChannelKit:
    """Check channel classes against the contract and build sample notifications."""
    return ChannelKit(tmp_path)
