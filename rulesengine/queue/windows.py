"""Send windows: when, in a notification's local time, a channel may be handed it.

A window is ``HH:MM-HH:MM`` in the notification's time zone, start included, end excluded
(``08:00-21:00``: 20:59 is inside, 21:00 is not). Days with a daylight-saving change are
read with :mod:`zoneinfo`: a window that starts inside a spring-forward gap opens at the
first instant after the gap, and one that starts inside a fall-back repeat opens at the
first of the two instants with that wall-clock time.
"""

from __future__ import annotations

import datetime as dt
from zoneinfo import ZoneInfo, ZoneInfoNotFoundError

import attrs

from rulesengine.model import SendWindow

__all__ = [
    "Window",
    "first_instant_at",
    "local_zone",
    "parse_window",
    "window_in_zone",
]

_UTC = dt.UTC


def local_zone(name: str | None) -> ZoneInfo:
    """The zone called ``name``; UTC for none or an unknown name (the run resolved the
    guarantor's or profile's zone when it queued the notification)."""
    try:
        return ZoneInfo(name or "UTC")
    except (ZoneInfoNotFoundError, ValueError):
        return ZoneInfo("UTC")


@attrs.frozen
class Window:
    """A daily send window in one time zone: ``[start, end)`` local time.

    A window whose end is not after its start wraps past midnight (rules files cannot
    write one, but a plugin's stored window might).
    """

    start: dt.time
    end: dt.time
    zone: ZoneInfo

    def __str__(self) -> str:
        return f"{self.start:%H:%M}-{self.end:%H:%M} {self.zone.key}"

    def contains(self, instant: dt.datetime) -> bool:
        """Whether ``instant`` (aware) lies inside the window in local time."""
        local = instant.astimezone(self.zone).time().replace(tzinfo=None)
        if self.start < self.end:
            return self.start <= local < self.end
        return local >= self.start or local < self.end

    def next_start(self, instant: dt.datetime) -> dt.datetime:
        """The first instant after ``instant`` at which the window opens (aware UTC)."""
        local = instant.astimezone(self.zone)
        day = local.date()
        if local.time().replace(tzinfo=None) >= self.start:
            day += dt.timedelta(days=1)
        opening = self.opening(day)
        if opening <= instant:  # a repeated hour can put today's opening behind us
            opening = self.opening(day + dt.timedelta(days=1))
        return opening

    def opening(self, day: dt.date) -> dt.datetime:
        """The instant the window opens on local ``day`` (aware UTC)."""
        return first_instant_at(day, self.start, self.zone)


def first_instant_at(day: dt.date, wall: dt.time, zone: ZoneInfo) -> dt.datetime:
    """The first instant at or after wall-clock ``wall`` on ``day`` in ``zone`` (UTC).

    An ambiguous time (a fall-back repeat) gives its first occurrence; a time that does not
    exist (a spring-forward gap) gives the instant the clocks jump, the first one whose
    local time is past ``wall``.
    """
    naive = dt.datetime.combine(day, wall)
    early = naive.replace(tzinfo=zone, fold=0).astimezone(_UTC)
    if early.astimezone(zone).replace(tzinfo=None) == naive:
        return early
    # In a gap: fold=0 reads it with the offset before the gap (an instant after the jump),
    # fold=1 with the offset after it (an instant before the jump). The jump is between.
    late = naive.replace(tzinfo=zone, fold=1).astimezone(_UTC)
    low, high = min(early, late), max(early, late)
    while high - low > dt.timedelta(seconds=1):
        middle = low + (high - low) / 2
        middle = middle.replace(microsecond=0)
        if middle.astimezone(zone).replace(tzinfo=None) >= naive:
            high = middle
        else:
            low = middle
    return high


def window_in_zone(window: SendWindow | None, zone: ZoneInfo) -> Window | None:
    """``window`` read in ``zone``; None for no window."""
    return None if window is None else Window(window.start, window.end, zone)


def parse_window(text: str | None, zone: ZoneInfo) -> Window | None:
    """The :class:`Window` of a stored ``"HH:MM-HH:MM"`` (:meth:`SendWindow.parse`) in
    ``zone``; None for no window."""
    return window_in_zone(SendWindow.parse(text), zone)
