"""Step 9 of a statement run: the notifications a batch uploads into the queue.

One notification per statement and channel of its level, rendered from the level's message,
scheduled at the first instant of the run date (guarantor's local time) inside the channel's
send window, or ``suppressed`` with a reason when the guarantor cannot receive it. A
statement's channels include the level's ``fallback`` channels when none of the level's own
can reach the guarantor (:func:`fallback_channels`, decided when the statement is made).
"""

from __future__ import annotations

import base64
import datetime as dt
import hmac
from collections.abc import Mapping, Sequence
from typing import Any
from zoneinfo import ZoneInfo, ZoneInfoNotFoundError

from rulesengine.channels.registry import BUILTIN_ADDRESSING
from rulesengine.channels.specs import TEXT_WINDOW
from rulesengine.errors import RenderError
from rulesengine.model import (
    NO_ADDRESS_OTHER,
    NO_ADDRESS_REASONS,
    SUPPRESSION_REASONS,
    Deferred,
    Guarantor,
    NotificationDraft,
    SendWindow,
    Statement,
)
from rulesengine.rules.policy import Level, Rules
from rulesengine.rules.templates import render
from rulesengine.store.rows import recipient_mapping

__all__ = [
    "ChannelAddressing",
    "channel_address",
    "channel_context",
    "pay_link",
    "draft_notifications",
    "fallback_channels",
    "guarantor_zone",
    "pay_token",
    "render_content",
    "scheduled_at",
    "send_window",
    "suppression_reason",
    "template_variables",
]

#: channel name -> which guarantor contact it needs
#: (:data:`~rulesengine.channels.contract.ADDRESS_KINDS`).
ChannelAddressing = Mapping[str, str]
_UTC = dt.UTC


def send_window(rules: Rules, channel: str) -> tuple[dt.time, dt.time] | None:
    """A channel's send window: the rules file's, else 08:00-21:00 for text, else none."""
    settings = rules.channels.get(channel)
    if settings is not None and settings.send_window is not None:
        return settings.send_window
    return TEXT_WINDOW if channel == "text" else None


def pay_token(secret: bytes, statement_id: str) -> str:
    """An unguessable per-statement token: a keyed HMAC of the statement id (128 bits)."""
    digest = hmac.digest(secret, statement_id.encode(), "sha256")
    return base64.urlsafe_b64encode(digest[:16]).decode().rstrip("=")


def guarantor_zone(guarantor: Guarantor, profile_zone: str) -> ZoneInfo:
    """The guarantor's time zone, or the profile's when it has none (or an unknown one)."""
    if guarantor.timezone:
        try:
            return ZoneInfo(guarantor.timezone)
        except (ZoneInfoNotFoundError, ValueError):
            pass
    return ZoneInfo(profile_zone)


def scheduled_at(
    run_date: dt.date, zone: ZoneInfo, window: tuple[dt.time, dt.time] | None
) -> dt.datetime:
    """The first instant at or after 00:00 of ``run_date`` in ``zone`` inside ``window``.

    A local time that does not exist (a daylight-saving gap) is read with the offset from
    before the gap, which lands on the first instant after it. Returned in UTC.
    """
    start = window[0] if window else dt.time(0, 0)
    local = dt.datetime.combine(run_date, start, tzinfo=zone)
    return local.astimezone(_UTC)


def channel_address(guarantor: Guarantor, kind: str) -> str | None:
    """``guarantor``'s address for a channel addressed by ``kind`` (``email``, ``mobile``,
    ``postal``, ``guarantor``), or None when the guarantor has none."""
    if kind == "guarantor":  # a channel keyed by the guarantor: always has an address
        return guarantor.id
    if kind == "email":
        return guarantor.email or None
    if kind == "mobile":
        return guarantor.mobile or None
    if kind == "postal":
        postal = guarantor.postal
        if postal is None or not postal.is_complete:
            return None
        parts = [postal.line1, postal.line2, f"{postal.city} {postal.state} {postal.zip}".strip()]
        return ", ".join(p for p in parts if p)
    return None


def suppression_reason(
    guarantor: Guarantor, channel: str, kind: str, to: str | None, opted_out: frozenset[str]
) -> str | None:
    """Why ``guarantor`` cannot receive ``channel``, or None: the first that applies of no
    address, opted out, paperless (for a postal channel), in that order."""
    if to is None:
        return NO_ADDRESS_REASONS.get(kind, NO_ADDRESS_OTHER)
    if (
        channel in opted_out
        or (channel == "email" and guarantor.email_opt_out)
        or (channel == "text" and guarantor.sms_opt_out)
    ):
        return "opted_out"
    if kind == "postal" and guarantor.paperless:
        return "paperless"
    return None


#: Suppression reasons that let a level's ``fallback`` channels take over: the guarantor
#: has no address for the channel or opted out of it (paperless never does).
_FALLBACK_REASONS = frozenset(SUPPRESSION_REASONS) - {"paperless"}


def fallback_channels(
    level: Level,
    guarantor: Guarantor,
    *,
    addressing: ChannelAddressing | None = None,
    opted_out: frozenset[str] = frozenset(),
) -> tuple[tuple[str, ...], str | None]:
    """The fallback channels a statement of ``level`` goes by, and why (for the trace).

    They are used only when every channel of the level is suppressed for no address or an
    opt-out (docs/rules.md, "When a fallback is used"); a channel suppressed because the
    guarantor is paperless is a choice, not a gap, so it never calls a fallback. Fallback
    channels are queued like any other, so a paperless guarantor's fallback letter is
    ``suppressed`` (paperless). ``((), None)``: no fallback, and nothing to explain (the level
    has none, or one of its channels reaches the guarantor).
    """
    if not level.fallback:
        return (), None
    addressing = BUILTIN_ADDRESSING if addressing is None else addressing
    reasons = []
    for channel in level.channels:
        kind = addressing.get(channel, "email")
        reason = suppression_reason(
            guarantor, channel, kind, channel_address(guarantor, kind), opted_out
        )
        if reason not in _FALLBACK_REASONS:
            return (), None
        reasons.append(f"{channel}: {reason}")
    used = tuple(level.fallback)
    return used, (
        f"none of the level's channels can reach the guarantor ({', '.join(reasons)}):"
        f" falls back to {', '.join(used)}"
    )


def pay_link(rules: Rules, statement_id: str, secret: bytes) -> str:
    """The profile's pay link with the statement's token (empty when none is configured)."""
    link = rules.profile.pay_link
    return link.replace("{token}", pay_token(secret, statement_id)) if link else ""


def channel_context(
    rules: Rules,
    statement: Statement,
    guarantor: Guarantor,
    *,
    secret: bytes,
    link: str | None = None,
) -> dict[str, Any]:
    """``recipient``, ``statement`` and ``sender`` as a channel receives them (``link``:
    the statement's pay link when already computed)."""
    return {
        "recipient": recipient_mapping(guarantor),
        "statement": {
            "id": statement.id,
            "total_cents": statement.total_cents,
            "due_date": statement.due_date.isoformat(),
            "level": statement.level,
            "encounter_count": len(statement.lines),
            "pay_link": pay_link(rules, statement.id, secret) if link is None else link,
            "lines": [
                {
                    "service_date": line.service_date.isoformat(),
                    "patient_id": line.patient_id,
                    "balance_cents": line.balance_cents,
                }
                for line in statement.lines
            ],
        },
        "sender": {
            "practice": rules.profile.practice,
            "phone": rules.profile.phone,
            "profile": rules.profile.name or rules.profile.id,
        },
    }


def render_content(
    rules: Rules,
    statement: Statement,
    guarantor: Guarantor,
    channel: str,
    *,
    secret: bytes,
    link: str | None = None,
) -> dict[str, str]:
    """Render the content of the statement's message for one channel (``link``: the
    statement's pay link when already computed)."""
    link = pay_link(rules, statement.id, secret) if link is None else link
    variables = template_variables(rules, statement, guarantor, link)
    return _render(rules, statement, channel, variables)


def template_variables(
    rules: Rules, statement: Statement, guarantor: Guarantor, link: str
) -> dict[str, Any]:
    """The variables a message template sees (``docs/rules.md``, "Templates")."""
    profile = rules.profile
    return {
        "practice": profile.practice,
        "profile": profile.name or profile.id,
        "phone": profile.phone,
        "pay_link": link,
        "guarantor": {"first_name": guarantor.first_name, "last_name": guarantor.last_name},
        "statement": {
            "total": statement.total_cents,
            "level": statement.level,
            "due_date": statement.due_date.isoformat(),
            "id": statement.id,
            "encounter_count": len(statement.lines),
        },
    }


class _Letter:
    """What a statement's notifications are rendered from (the pay link is made when first
    read: one keyed hash per statement, and none until something is rendered)."""

    __slots__ = ("_link", "guarantor", "rules", "secret", "statement")

    def __init__(self, rules: Rules, statement: Statement, guarantor: Guarantor, secret: bytes):
        self.rules = rules
        self.statement = statement
        self.guarantor = guarantor
        self.secret = secret
        self._link: str | None = None

    @property
    def link(self) -> str:
        """The statement's pay link."""
        if self._link is None:
            self._link = pay_link(self.rules, self.statement.id, self.secret)
        return self._link


class _LetterContext(Deferred):
    """A statement's channel context (:func:`channel_context`), computed when read."""

    __slots__ = ("letter",)

    def __init__(self, letter: _Letter) -> None:
        self.letter = letter

    def resolve(self) -> dict[str, Any]:
        letter = self.letter
        # The letter makes the link, so channel_context needs no key for it.
        return channel_context(
            letter.rules, letter.statement, letter.guarantor, secret=b"", link=letter.link
        )


class _LetterContent(Deferred):
    """A notification's rendered content for one channel, rendered when read."""

    __slots__ = ("channel", "letter")

    def __init__(self, letter: _Letter, channel: str) -> None:
        self.letter = letter
        self.channel = channel

    def resolve(self) -> dict[str, Any]:
        letter = self.letter
        # The letter makes the link, so render_content needs no key for it.
        return render_content(
            letter.rules,
            letter.statement,
            letter.guarantor,
            self.channel,
            secret=b"",
            link=letter.link,
        )


def _render(
    rules: Rules, statement: Statement, channel: str, variables: Mapping[str, Any]
) -> dict[str, str]:
    content = rules.messages[statement.message_id].content.get(channel, {})
    rendered = {}
    for key, value in content.items():
        try:
            rendered[key] = render(value, variables) if isinstance(value, str) else value
        except Exception as exc:  # the load-time checks make this a bug; say where it is
            raise _render_error(rules, statement, channel, key, exc) from exc
    return rendered


def _render_error(
    rules: Rules, statement: Statement, channel: str, key: str, exc: Exception
) -> RenderError:
    reason = (str(exc).strip().splitlines() or ["(no message)"])[0]
    return RenderError(
        f"profile '{rules.profile.id}', message '{statement.message_id}' (level "
        f"{statement.level}), channel {channel}, content '{key}': the template cannot be "
        f"rendered for statement {statement.id} ({type(exc).__name__}: {reason}). Nothing was "
        "written. 'rulesengine validate' should have refused this template: change it, and "
        "please report it as a bug"
    )


def draft_notifications(
    rules: Rules,
    statements: Sequence[Statement],
    guarantors: Mapping[str, Guarantor],
    run_date: dt.date,
    *,
    secret: bytes,
    addressing: ChannelAddressing | None = None,
    opted_out: Mapping[str, frozenset[str]] | None = None,
) -> list[NotificationDraft]:
    """One notification per statement and channel of the statement (its level's channels,
    and the fallback channels it uses).

    ``opted_out``: per guarantor, the channels of the opt-out ledger (besides the
    guarantor's own ``email_opt_out``/``sms_opt_out`` flags). Content and context are
    rendered when read (:class:`~rulesengine.model.Deferred`), not here.
    """
    opted_out = opted_out or {}
    addressing = BUILTIN_ADDRESSING if addressing is None else addressing
    # Per channel: (address kind, the drafts' window); per guarantor time zone: the zone's
    # name and, per channel, when its notifications are scheduled.
    channels: dict[str, tuple[str, SendWindow | None]] = {}
    windows: dict[str, tuple[dt.time, dt.time] | None] = {}
    for channel in {c for s in statements for c in s.channels}:
        window = windows[channel] = send_window(rules, channel)
        channels[channel] = (
            addressing.get(channel, "email"),
            SendWindow(*window) if window else None,
        )
    zones: dict[str | None, tuple[str, dict[str, dt.datetime]]] = {}
    by_zone: dict[str, tuple[str, dict[str, dt.datetime]]] = {}
    max_attempts, backoff = rules.delivery.max_attempts, rules.delivery.backoff
    none: frozenset[str] = frozenset()
    drafts: list[NotificationDraft] = []
    add = drafts.append
    for statement in statements:
        guarantor = guarantors[statement.guarantor_id]
        schedule = zones.get(guarantor.timezone)
        if schedule is None:
            zone = guarantor_zone(guarantor, rules.profile.timezone)
            schedule = by_zone.get(zone.key)
            if schedule is None:
                when = {c: scheduled_at(run_date, zone, w) for c, w in windows.items()}
                schedule = by_zone[zone.key] = (zone.key, when)
            zones[guarantor.timezone] = schedule
        zone_key, when = schedule
        # Rendered content and context are computed when read (at the commit), not held.
        letter = _Letter(rules, statement, guarantor, secret)
        context = _LetterContext(letter)
        guarantor_opted_out = opted_out.get(guarantor.id, none)
        for channel in statement.channels:
            kind, draft_window = channels[channel]
            to = channel_address(guarantor, kind)
            reason = suppression_reason(guarantor, channel, kind, to, guarantor_opted_out)
            add(
                NotificationDraft(
                    statement.id,
                    guarantor.id,
                    channel,
                    statement.message_id,
                    statement.level,
                    "suppressed" if reason else "scheduled",
                    reason,
                    to,
                    when[channel],
                    _LetterContent(letter, channel),
                    zone_key,
                    draft_window,
                    max_attempts,
                    backoff,
                    context,
                )
            )
    return drafts
