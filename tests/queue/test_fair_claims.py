"""A round's claim is shared fairly among the channels with due notifications: taken in
turns, one of each channel at a time, each channel's oldest first, never more than the
limit in all (``claim_sql.due_rows``), on SQLite (a file) and PostgreSQL."""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable, Mapping
from typing import Any

import pytest

from rulesengine.queue.notification_reads import list_notifications
from tests.queue.helpers import (
    RecordingChannel,
    chicago,
    draft,
    history,
    import_guarantors,
    save,
    statuses,
)

NINE = chicago(2026, 2, 1, 9)

QueueByChannel = Callable[..., dict[str, list[int]]]


@pytest.fixture
def queued(qstore: Any, monkeypatch: pytest.MonkeyPatch) -> QueueByChannel:
    """``queued(email=300, text=300, due=...)``: a live batch queued channel by channel (every
    email, then every text, ... in the order given), one statement per guarantor F000...;
    ``due(channel, i)`` gives each notification's due time (default: nine). Returns each
    channel's notification ids in the order queued."""

    def make(
        due: Callable[[str, int], dt.datetime] = lambda channel, i: NINE, **counts: int
    ) -> dict[str, list[int]]:
        gids = [f"F{i:03d}" for i in range(max(counts.values()))]
        import_guarantors(qstore, monkeypatch, gids)
        save(
            qstore,
            *[
                draft(gids[i], channel, at=due(channel, i))
                for channel, count in counts.items()
                for i in range(count)
            ],
        )
        return {
            channel: [n["id"] for n in list_notifications(qstore, channel=channel)]
            for channel in counts
        }

    return make


def handed(recorders: Mapping[str, RecordingChannel]) -> dict[str, list[int]]:
    return {name: channel.handed for name, channel in recorders.items() if channel.handed}


def test_a_batch_queued_channel_by_channel_is_claimed_half_and_half(
    qstore, queued, make_queue, recorders
) -> None:
    """300 emails queued before 300 texts: one round with limit 100 claims the 50 oldest
    emails and the 50 oldest texts, and leaves every other notification as it was."""
    ids = queued(email=300, text=300)
    with make_queue() as queue:
        report = queue.deliver(NINE, limit=100)
    assert report.counts == {"sent": 100}
    assert handed(recorders) == {"email": ids["email"][:50], "text": ids["text"][:50]}
    left = ids["email"][50:] + ids["text"][50:]
    assert set(statuses(qstore, left)) == {"scheduled"}
    assert {len(history(qstore, nid)) for nid in left} == {1}


def test_a_nearly_empty_channel_leaves_the_rest_of_the_limit_to_the_others(
    queued, make_queue, recorders
) -> None:
    """Three channels, print with only 3 due: print gets its 3 and email and text share the
    other 97 in turns, email (whose oldest is older) taking the odd one."""
    ids = queued(email=100, text=100, print=3)
    with make_queue() as queue:
        report = queue.deliver(NINE, limit=100)
    assert report.counts == {"sent": 100}
    assert handed(recorders) == {
        "email": ids["email"][:49],
        "text": ids["text"][:48],
        "print": ids["print"],
    }


def test_one_channel_alone_gets_the_whole_limit(queued, make_queue, recorders) -> None:
    """With only emails due, a round claims `limit` of them, oldest first."""
    ids = queued(email=30)
    with make_queue() as queue:
        queue.deliver(NINE, limit=20)
    assert handed(recorders) == {"email": ids["email"][:20]}


def test_each_channel_is_claimed_oldest_due_first(queued, make_queue, recorders) -> None:
    """Within a channel the claim takes the earliest due first, whatever order the
    notifications were queued in: here the later queued are due earlier."""
    ids = queued(email=6, text=6, due=lambda channel, i: NINE - dt.timedelta(minutes=i))
    with make_queue() as queue:
        queue.deliver(NINE, limit=4)
    assert handed(recorders) == {"email": ids["email"][:-3:-1], "text": ids["text"][:-3:-1]}


@pytest.mark.parametrize(
    ("limit", "emails", "texts"), [(1, 1, 0), (3, 2, 1), (7, 4, 3), (12, 7, 5)]
)
def test_a_round_never_claims_more_than_its_limit(
    queued, make_queue, recorders, limit: int, emails: int, texts: int
) -> None:
    """However the limit divides among the channels, a round claims at most `limit` in
    all; the channel whose oldest due notification is oldest takes the odd one (and the
    only one at limit 1); a channel with fewer leaves its share to the other."""
    later = NINE + dt.timedelta(seconds=1)
    ids = queued(email=7, text=5, due=lambda channel, i: NINE if channel == "email" else later)
    with make_queue() as queue:
        report = queue.deliver(later, limit=limit)
    assert report.counts == {"sent": limit}
    assert handed(recorders) == {
        name: found[:count]
        for name, found, count in (("email", ids["email"], emails), ("text", ids["text"], texts))
        if count
    }


def test_a_channel_the_worker_lacks_gets_its_share_and_waits(
    qstore, queued, make_queue, recorders
) -> None:
    """A worker without the text channel claims its share of texts all the same, and leaves
    them waiting in the queue an hour as before; the emails take the other half."""
    ids = queued(email=20, text=20)
    with make_queue(channels={"email": recorders["email"]}) as queue:
        report = queue.deliver(NINE, limit=10)
    assert report.counts == {"sent": 5}
    assert report.waiting == tuple(ids["text"][:5])
    assert handed(recorders) == {"email": ids["email"][:5]}
    assert set(statuses(qstore, ids["text"])) == {"scheduled"}
    assert history(qstore, ids["text"][0])[-1] == (
        "scheduled",
        "scheduled",
        "no channel 'text' is available (install or enable its plugin): waiting in the queue",
    )
    assert len(history(qstore, ids["text"][5])) == 1
