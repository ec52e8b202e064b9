"""A run's drafts hold what their content is rendered from, not the rendering: the pay link
is made (one keyed hash per statement) when content or context is first read."""

from __future__ import annotations

import datetime as dt

import pytest

from rulesengine.drafting import notification_drafts
from rulesengine.drafting.notification_drafts import (
    channel_context,
    draft_notifications,
    pay_link,
    render_content,
)
from rulesengine.model import Deferred
from tests.statements.conftest import RUN


def test_the_pay_link_is_made_once_per_statement_when_first_read(practice, monkeypatch):
    practice.encounter("E1", level=1, last_statement=dt.date(2025, 12, 1), balance=1234.5)
    batch = practice.test_run(RUN[0])
    secret = practice.store.secret()
    statement = batch.statements[0]
    guarantors = {"G1": practice.store.get_guarantor("G1")}
    guarantor = guarantors["G1"]
    expected = {
        channel: (
            render_content(practice.rules, statement, guarantor, channel, secret=secret),
            channel_context(practice.rules, statement, guarantor, secret=secret),
        )
        for channel in ("email", "text")
    }
    made: list[str] = []

    def counting(rules, statement_id, secret):  # type: ignore[no-untyped-def]
        made.append(statement_id)
        return pay_link(rules, statement_id, secret)

    monkeypatch.setattr(notification_drafts, "pay_link", counting)
    drafts = draft_notifications(
        practice.rules, batch.statements, guarantors, RUN[0], secret=secret
    )
    assert [d.channel for d in drafts] == ["email", "text"]
    assert all(isinstance(d.content, Deferred) and isinstance(d.context, Deferred) for d in drafts)
    assert made == []  # drafting renders nothing
    for draft in drafts:
        assert (dict(draft.content), dict(draft.context)) == expected[draft.channel]
    assert "https://pay.example.org/q/" in drafts[1].content["body"]
    assert made == [statement.id]  # once, for both channels and their context


@pytest.mark.parametrize("timezone", [None, "America/Los_Angeles"])
def test_drafts_are_scheduled_in_the_guarantors_zone_or_the_profiles(practice, timezone):
    """Zones and send windows are worked out once per zone; each draft still gets its own
    guarantor's zone (the profile's for none) and its channel's window."""
    practice.guarantor("G1", timezone=timezone)
    practice.guarantor("G2", timezone="America/New_York")
    practice.encounter("E1", guarantor="G1", level=1, last_statement=dt.date(2025, 12, 1))
    practice.encounter("E2", guarantor="G2", level=1, last_statement=dt.date(2025, 12, 1))
    batch = practice.test_run(RUN[0])
    zone = timezone if timezone == "America/Los_Angeles" else "America/Chicago"
    found = {(d.guarantor_id, d.channel): (d.timezone, d.scheduled_at) for d in batch.notifications}
    local_8am = {
        "America/Chicago": dt.datetime(2026, 2, 1, 14, tzinfo=dt.UTC),
        "America/Los_Angeles": dt.datetime(2026, 2, 1, 16, tzinfo=dt.UTC),
        "America/New_York": dt.datetime(2026, 2, 1, 13, tzinfo=dt.UTC),
    }
    midnight = {
        "America/Chicago": dt.datetime(2026, 2, 1, 6, tzinfo=dt.UTC),
        "America/Los_Angeles": dt.datetime(2026, 2, 1, 8, tzinfo=dt.UTC),
        "America/New_York": dt.datetime(2026, 2, 1, 5, tzinfo=dt.UTC),
    }
    for gid, tz in (("G1", zone), ("G2", "America/New_York")):
        assert found[gid, "email"] == (tz, midnight[tz])
        assert found[gid, "text"] == (tz, local_8am[tz])
