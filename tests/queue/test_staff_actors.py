"""Who did it: each staff action's history entries keep the ``actor`` it was given (the
dashboard's user, the command line's), the queue's own changes none."""

from __future__ import annotations

import pytest

from rulesengine.errors import InvalidRequest
from rulesengine.queue.notification_reads import notification_history
from rulesengine.rules import load_rules
from tests.queue.helpers import STANDARD, chicago, draft, save

NINE = chicago(2026, 2, 1, 9)
TEN = chicago(2026, 2, 1, 10)


def actors(store, nid: int) -> list[tuple[str, str | None]]:  # type: ignore[no-untyped-def]
    return [(h["new_status"], h["actor"]) for h in notification_history(store, nid)]


def test_cancel_and_retry_record_who_asked(qstore, make_queue) -> None:
    """The upload's entry has no actor; cancel and retry keep theirs, entry by entry."""
    [nid] = save(qstore, draft("G1", at=NINE))
    queue = make_queue()
    queue.cancel([nid], TEN, actor="dashboard:staff")
    queue.retry([nid], TEN, actor="cli:alice")
    assert actors(qstore, nid) == [
        ("scheduled", None),
        ("canceled", "dashboard:staff"),
        ("scheduled", "cli:alice"),
    ]
    assert queue.history(nid)[-1]["actor"] == "cli:alice"


def test_a_staff_action_without_an_actor_records_none(qstore, make_queue) -> None:
    [nid] = save(qstore, draft("G1", at=NINE))
    make_queue().cancel([nid], TEN)
    assert actors(qstore, nid)[-1] == ("canceled", None)


def test_opt_out_records_the_actor_on_what_it_suppressed(qstore, make_queue) -> None:
    [nid] = save(qstore, draft("G1", at=NINE))
    assert make_queue().opt_out("G1", "email", now=TEN, actor="dashboard:staff") == [nid]
    assert actors(qstore, nid)[-1] == ("suppressed", "dashboard:staff")


def test_notify_records_the_actor_on_the_first_entry(qstore, make_queue) -> None:
    from rulesengine.statements.statement_run import run_statements

    run_statements(qstore, load_rules(STANDARD), NINE.date(), live=True)
    queue = make_queue()
    nid = queue.notify("G1", "email", "reminder", load_rules(STANDARD), TEN, actor="cli:bob")
    assert actors(qstore, nid) == [("scheduled", "cli:bob")]


@pytest.mark.parametrize("actor", ["", "   ", "x" * 201, 7])
def test_a_wrong_actor_is_refused_before_anything_changes(qstore, make_queue, actor) -> None:  # type: ignore[no-untyped-def]
    [nid] = save(qstore, draft("G1", at=NINE))
    with pytest.raises(InvalidRequest, match="actor"):
        make_queue().cancel([nid], TEN, actor=actor)
    assert actors(qstore, nid) == [("scheduled", None)]


def test_find_reads_newest_first_a_page_at_a_time(qstore, make_queue) -> None:
    """``newest_first`` with ``after`` walks the queue backwards by id, page by page; a
    status list matches any of its statuses."""
    ids = save(qstore, *(draft(f"G{i}", at=NINE) for i in (1, 2, 3)))
    queue = make_queue()
    first = queue.find(newest_first=True, limit=2)
    assert [row.id for row in first] == sorted(ids, reverse=True)[:2]
    rest = queue.find(newest_first=True, limit=2, after=first[-1].id)
    assert [row.id for row in rest] == [min(ids)]
    assert [row.id for row in queue.find(after=min(ids))] == sorted(ids)[1:]
    queue.cancel([ids[0]], TEN)
    found = queue.find(status=("canceled", "error"), newest_first=True)
    assert [row.id for row in found] == [ids[0]]
    with pytest.raises(InvalidRequest, match="unknown status 'lost'"):
        queue.find(status=("error", "lost"))
