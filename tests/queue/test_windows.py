"""Send windows on their own: edges, next start, daylight-saving days (no store needed)."""

from __future__ import annotations

import datetime as dt
from zoneinfo import ZoneInfo

import pytest
from hypothesis import given
from hypothesis import strategies as st

from rulesengine.model import SendWindow
from rulesengine.queue.windows import first_instant_at, local_zone, parse_window, window_in_zone
from rulesengine.rules import load_rules_text

CHI = ZoneInfo("America/Chicago")
UTC = dt.UTC
TEXT = parse_window("08:00-21:00", CHI)


def test_parse() -> None:
    assert parse_window(None, CHI) is None
    assert parse_window("", CHI) is None
    assert str(TEXT) == "08:00-21:00 America/Chicago"
    with pytest.raises(ValueError, match="not a send window"):
        parse_window("8-21", CHI)


@given(
    st.times().map(lambda t: t.replace(second=0, microsecond=0)),
    st.times().map(lambda t: t.replace(second=0, microsecond=0)),
)
def test_a_send_window_s_stored_text_reads_back_as_the_same_value(
    start: dt.time, end: dt.time
) -> None:
    window = SendWindow(start, end)
    assert SendWindow.parse(str(window)) == window
    assert window_in_zone(window, CHI) == parse_window(str(window), CHI)


def test_the_rules_read_a_window_once_into_the_value_drafts_carry() -> None:
    rules = load_rules_text(
        "rulesengine: 1\n"
        "profile: {id: p, timezone: America/Chicago}\n"
        "dunning: {levels: [{message: m, channels: [email, text]}]}\n"
        "messages: {m: {email: {subject: s, body: b}, text: t}}\n"
        "channels: {email: {send_window: '07:00-20:30'}}\n"
    )
    email, text = rules.channels["email"], rules.channels["text"]
    assert email.send_window == SendWindow(dt.time(7), dt.time(20, 30))
    assert isinstance(email.send_window, SendWindow)
    assert isinstance(text.send_window, SendWindow)
    # The settings a channel object is built from keep the text, as a plugin reads it.
    assert email.settings["send_window"] == "07:00-20:30" == str(email.send_window)
    assert text.settings["send_window"] == "08:00-21:00" == str(text.send_window)


def test_start_included_end_excluded() -> None:
    assert TEXT.contains(dt.datetime(2026, 2, 1, 8, 0, tzinfo=CHI))
    assert TEXT.contains(dt.datetime(2026, 2, 1, 20, 59, 59, tzinfo=CHI))
    assert not TEXT.contains(dt.datetime(2026, 2, 1, 21, 0, tzinfo=CHI))
    assert not TEXT.contains(dt.datetime(2026, 2, 1, 7, 59, 59, tzinfo=CHI))


def test_next_start_today_or_tomorrow() -> None:
    assert TEXT.next_start(dt.datetime(2026, 2, 1, 6, tzinfo=CHI)) == dt.datetime(
        2026, 2, 1, 8, tzinfo=CHI
    )
    assert TEXT.next_start(dt.datetime(2026, 2, 1, 21, tzinfo=CHI)) == dt.datetime(
        2026, 2, 2, 8, tzinfo=CHI
    )


def test_wrapping_window() -> None:
    """A stored window past midnight (not writable in rules files) still works."""
    night = parse_window("22:00-02:00", CHI)
    assert night.contains(dt.datetime(2026, 2, 1, 23, tzinfo=CHI))
    assert night.contains(dt.datetime(2026, 2, 1, 1, tzinfo=CHI))
    assert not night.contains(dt.datetime(2026, 2, 1, 12, tzinfo=CHI))
    assert night.next_start(dt.datetime(2026, 2, 1, 12, tzinfo=CHI)) == dt.datetime(
        2026, 2, 1, 22, tzinfo=CHI
    )


def test_gap_and_repeat() -> None:
    """02:30 on the spring-forward day is 03:00 CDT; 01:30 on the fall-back day is the first
    (CDT) occurrence."""
    assert first_instant_at(dt.date(2026, 3, 8), dt.time(2, 30), CHI) == dt.datetime(
        2026, 3, 8, 8, 0, tzinfo=UTC
    )
    assert first_instant_at(dt.date(2026, 11, 1), dt.time(1, 30), CHI) == dt.datetime(
        2026, 11, 1, 6, 30, tzinfo=UTC
    )


def test_unknown_zone_reads_as_utc() -> None:
    assert local_zone("Mars/Olympus").key == "UTC"
    assert local_zone(None).key == "UTC"


ZONES = st.sampled_from(
    ["America/Chicago", "America/New_York", "Europe/London", "Australia/Lord_Howe", "UTC"]
)
INSTANTS = st.datetimes(
    min_value=dt.datetime(2025, 1, 1), max_value=dt.datetime(2027, 12, 31), timezones=st.just(UTC)
)
TIMES = st.times().map(lambda t: t.replace(second=0, microsecond=0))


@given(zone=ZONES, instant=INSTANTS, start=TIMES, end=TIMES)
def test_next_start_is_inside_later_and_first(zone, instant, start, end) -> None:
    """The next start lies after the instant, inside the window, and no earlier minute
    between the two is inside it (so a deferral never skips a chance to send)."""
    if start == end:
        return
    window = parse_window(f"{start:%H:%M}-{end:%H:%M}", ZoneInfo(zone))
    if window.contains(instant):
        return
    nxt = window.next_start(instant)
    assert nxt > instant
    assert window.contains(nxt)
    assert not window.contains(nxt - dt.timedelta(seconds=1)) or nxt - instant <= dt.timedelta(
        seconds=1
    )
