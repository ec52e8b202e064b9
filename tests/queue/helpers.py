"""Helpers for the queue tests: a small ledger, hand-made batches with exactly the zones and
windows a test needs, and a recording channel."""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable, Sequence
from pathlib import Path
from typing import Any
from zoneinfo import ZoneInfo

import attrs
import pluggy

from rulesengine.channels.results import DeliveryResult
from rulesengine.model import (
    BatchResult,
    Encounter,
    Guarantor,
    Notification,
    NotificationDraft,
    PostalAddress,
    SendWindow,
    Statement,
    StatementLine,
)
from rulesengine.queue.notification_reads import list_notifications, notification_history
from rulesengine.store.base import LedgerData
from tests.store.factories import save_live

CHICAGO = ZoneInfo("America/Chicago")
UTC = dt.UTC
ROOT = Path(__file__).resolve().parents[2]
STANDARD = ROOT / "rules" / "standard.yaml"
QUEUE_STORES = ("sqlite-file", "postgresql")


def chicago(*args: int) -> dt.datetime:
    """A Chicago wall-clock time as an aware instant."""
    return dt.datetime(*args, tzinfo=CHICAGO)  # type: ignore[misc]


def ledger() -> LedgerData:
    """G1 (Chicago) owes on E1 and E2; G2 (no zone) on E3; G3 is on hold; G4's encounters
    are on hold; G5 has a credit that cancels its debt."""
    postal = PostalAddress("1 Main St", "", "Springfield", "IL", "62701")

    def g(gid: str, **kw: Any) -> Guarantor:
        base: dict[str, Any] = {
            "first_name": "Ada",
            "last_name": gid,
            "email": f"{gid.lower()}@example.org",
            "mobile": "+15555550101",
            "postal": postal,
            "timezone": "America/Chicago",
        }
        return Guarantor(id=gid, **(base | kw))

    def e(eid: str, gid: str, balance: int, **kw: Any) -> Encounter:
        return Encounter(eid, gid, f"P-{eid}", dt.date(2026, 1, 5), balance, level=1, **kw)

    return LedgerData(
        guarantors=[
            g("G1"),
            g("G2", timezone=None),
            g("G3", hold=True),
            g("G4"),
            g("G5"),
        ],
        encounters=[
            e("E1", "G1", 10_000),
            e("E2", "G1", 5_000),
            e("E3", "G2", 7_000),
            e("E4", "G3", 7_000),
            e("E5", "G4", 7_000, hold=True),
            e("E6", "G4", 3_000, hold=True),
            e("E7", "G5", 4_000),
            e("E8", "G5", -4_000),
        ],
    )


ENCOUNTERS_OF = {
    "G1": ("E1", "E2"),
    "G2": ("E3",),
    "G3": ("E4",),
    "G4": ("E5", "E6"),
    "G5": ("E7", "E8"),
}


def draft(
    guarantor: str,
    channel: str = "email",
    *,
    at: dt.datetime,
    bid: str = "B1",
    timezone: str = "America/Chicago",
    window: str | None = None,
    max_attempts: int = 5,
    backoff: Sequence[int] = (60, 300),
    status: str = "scheduled",
    reason: str | None = None,
) -> NotificationDraft:
    """A notification of statement ``<bid>-<guarantor>`` on ``channel``."""
    sid = f"{bid}-{guarantor}"
    to = {"email": f"{guarantor.lower()}@example.org", "text": "+15555550101"}.get(
        channel, "1 Main St, Springfield IL 62701"
    )
    return NotificationDraft(
        statement_id=sid,
        guarantor_id=guarantor,
        channel=channel,
        message_id="reminder",
        level=1,
        status=status,
        reason=reason,
        to=None if status == "suppressed" else to,
        scheduled_at=at,
        content={"subject": "Your statement", "body": "Please pay"},
        timezone=timezone,
        send_window=SendWindow.parse(window),
        max_attempts=max_attempts,
        backoff=tuple(backoff),
        context={
            "recipient": {"first_name": "Ada", "last_name": guarantor, "postal_zip": "62701"},
            "statement": {"id": sid, "total_cents": 1, "lines": []},
            "sender": {"practice": "Riverside", "phone": "+1 555", "profile": "standard"},
        },
    )


def batch(drafts: Sequence[NotificationDraft], bid: str = "B1", day: int = 1) -> BatchResult:
    """A live batch with one statement per guarantor of ``drafts`` and those drafts."""
    gids = list(dict.fromkeys(d.guarantor_id for d in drafts))
    statements = [
        Statement(
            f"{bid}-{gid}",
            gid,
            None,
            (),
            1,
            "reminder",
            tuple(d.channel for d in drafts if d.guarantor_id == gid),
            0,
            dt.date(2026, 2, 22),
            [
                StatementLine(eid, f"P-{eid}", dt.date(2026, 1, 5), 0, 1)
                for eid in ENCOUNTERS_OF[gid]
            ],
        )
        for gid in gids
    ]
    return BatchResult(
        id=bid,
        profile_id="standard",
        run_date=dt.date(2026, 2, day),
        mode="live",
        rules_hash="hash-" + bid,
        rules_path="rules.yaml",
        statements=statements,
        pre_collections=[],
        skips=[],
        changes=[],
        reviewed_payment_ids=[],
        notifications=drafts,
    )


def save(store: Any, *drafts: NotificationDraft, bid: str = "B1", day: int = 1) -> list[int]:
    """Save a live batch of ``drafts``; return the new notification ids in order."""
    with store.run_transaction("standard", live=True) as run:
        save_live(run, batch(drafts, bid, day), "rulesengine: 1\n")
    return [n["id"] for n in list_notifications(store, batch_id=bid)]


@attrs.define
class RecordingChannel:
    """A channel that records what it is handed and answers with ``behaviour``.

    ``behaviour(n)`` returns a DeliveryResult (default: sent with ``ref-<id>``) or raises.
    """

    name: str = "email"
    address: str = "email"
    behaviour: Callable[[Notification], DeliveryResult] | None = None
    calls: list[list[Notification]] = attrs.field(factory=list)
    deduplicates: bool = False

    def send(self, notifications: list[Notification]) -> list[DeliveryResult]:
        self.calls.append(list(notifications))
        if self.behaviour is None:
            return [DeliveryResult.sent(n, provider_ref=f"ref-{n.id}") for n in notifications]
        return [self.behaviour(n) for n in notifications]

    @property
    def handed(self) -> list[int]:
        return [n.id for call in self.calls for n in call]


def statuses(store: Any, ids: Sequence[int]) -> list[str]:
    by_id = {n["id"]: n["status"] for n in list_notifications(store)}
    return [by_id[i] for i in ids]


def history(store: Any, nid: int) -> list[tuple[str | None, str, str | None]]:
    return [
        (h["old_status"], h["new_status"], h["detail"]) for h in notification_history(store, nid)
    ]


def import_guarantors(store: Any, monkeypatch: Any, gids: Sequence[str]) -> None:
    """Import guarantors ``gids`` (email and mobile, Chicago), each owing on one encounter
    ``E<gid>``, and let :func:`batch` find that encounter (``monkeypatch`` undoes it)."""
    store.import_ledger(
        LedgerData(
            guarantors=[
                Guarantor(
                    g,
                    "Ada",
                    g,
                    email=f"{g.lower()}@example.org",
                    mobile="+15555550101",
                    timezone="America/Chicago",
                )
                for g in gids
            ],
            encounters=[
                Encounter(f"E{g}", g, "P1", dt.date(2026, 1, 5), 5_000, level=1) for g in gids
            ],
        )
    )
    for g in gids:
        monkeypatch.setitem(ENCOUNTERS_OF, g, (f"E{g}",))


def plugins_registering(*classes: type) -> pluggy.PluginManager:
    """A plugin manager with rulesengine's hookspecs and one plugin registering ``classes``."""
    import rulesengine
    from rulesengine.channels import hookspecs

    pm = pluggy.PluginManager("rulesengine")
    pm.add_hookspecs(hookspecs)

    class Plugin:
        @rulesengine.hookimpl
        def register_channels(self, register: Any) -> None:
            for cls in classes:
                register(cls)

    pm.register(Plugin())
    return pm
