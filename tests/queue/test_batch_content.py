"""A live batch's notifications are stored without their content and context, and rendered
when they are read (:mod:`rulesengine.queue.batch_content`): what is claimed, shown and
checked is what the run drafted, on SQLite (a file) and PostgreSQL."""

from __future__ import annotations

import datetime as dt
from collections import OrderedDict
from typing import Any

import pytest
from sqlalchemy import select, update

from benchmarks.ledger import generate
from rulesengine import load_rules
from rulesengine.model import BatchResult, plain
from rulesengine.queue import Queue, batch_content
from rulesengine.queue.notification_reads import (
    list_notifications,
    notification_history,
    stored_batch,
)
from rulesengine.statements.statement_run import run_statements
from rulesengine.store import open_store
from rulesengine.store.rows import dumps, dumps_mapping
from rulesengine.store.tables import encounters, guarantors, notifications, rules_versions
from tests.queue.helpers import QUEUE_STORES, STANDARD, RecordingChannel

RUN = dt.date(2026, 6, 1)  # the benchmark ledger's run date
#: The next day at 18:00 UTC: inside every channel's send window in every zone of the ledger.
LATER = dt.datetime(2026, 6, 2, 18, 0, tzinfo=dt.UTC)


@pytest.fixture(params=QUEUE_STORES)
def ledger_store(request: pytest.FixtureRequest, store_url_for: Any) -> Any:
    """A store holding the benchmark ledger of 2,000 encounters."""
    store = open_store(store_url_for(request.param))
    store.import_ledger(generate(2_000))
    yield store
    store.close()


def live_run(store: Any, on: dt.date = RUN) -> BatchResult:
    return run_statements(store, load_rules(STANDARD), on, live=True)


def drafted(batch: BatchResult) -> dict[tuple[str, str], tuple[str, str]]:
    """(statement, channel) -> the content and context the run drafted, as the version-5
    store held them (``dumps_mapping(plain(content))``, ``dumps(plain(context))``)."""
    return {
        (d.statement_id, d.channel): (dumps_mapping(plain(d.content)), dumps(plain(d.context)))
        for d in batch.notifications
    }


def recorders() -> dict[str, RecordingChannel]:
    return {
        "email": RecordingChannel("email", "email"),
        "text": RecordingChannel("text", "mobile"),
        "print": RecordingChannel("print", "postal"),
    }


def stored_bodies(store: Any, batch_id: str) -> set[tuple[str, str]]:
    n = notifications.c
    with store.reading() as conn:
        query = select(n.content_json, n.context_json).where(n.batch_id == batch_id)
        return {(content, context) for content, context in conn.execute(query)}


def test_every_notification_reads_back_and_reaches_its_channel_as_the_run_drafted_it(
    ledger_store: Any,
) -> None:
    """Over the benchmark ledger, no notification's content or context is stored, and each
    one's, rendered when read (listed, read back with its batch) and when claimed (what
    the channel receives), is byte for byte what the run drafted."""
    batch = live_run(ledger_store)
    expected = drafted(batch)
    assert len(expected) > 500
    assert stored_bodies(ledger_store, batch.id) == {("", "")}

    listed = list_notifications(ledger_store, batch_id=batch.id)
    assert {
        (n["statement_id"], n["channel"]): (dumps_mapping(n["content"]), dumps(n["context"]))  # type: ignore[arg-type]
        for n in listed
    } == expected
    again = stored_batch(ledger_store, batch.id)
    assert again is not None
    assert drafted(again) == expected

    channels = recorders()
    with Queue(ledger_store, channels=channels, worker_id="w1") as queue:
        queue.deliver(LATER, until_empty=True)
    handed = [n for channel in channels.values() for call in channel.calls for n in call]
    scheduled = [n for n in listed if n["status"] == "scheduled"]
    assert len(handed) == len(scheduled) > 500
    for n in handed:
        context = {"recipient": n.recipient, "statement": n.statement, "sender": n.sender}
        assert (dumps_mapping(dict(n.content)), dumps(context)) == expected[
            n.statement_id, n.channel
        ]
    assert stored_bodies(ledger_store, batch.id) == {("", "")}


def test_pay_links_are_the_run_s_whatever_key_the_rendering_process_has(
    ledger_store: Any, monkeypatch: pytest.MonkeyPatch
) -> None:
    """A run signs its pay links with ``RULESENGINE_SECRET`` when set; the links are kept
    with the statements, so a worker or dashboard without that key (or with another one)
    renders and sends the run's links, not ones signed with its own key."""
    monkeypatch.setenv("RULESENGINE_SECRET", "the run machine's key")
    batch = live_run(ledger_store)
    expected = drafted(batch)
    assert any("https://pay.example.org/q/" in content for content, _ in expected.values())
    for key in (None, "another machine's key"):
        if key is None:
            monkeypatch.delenv("RULESENGINE_SECRET")
        else:
            monkeypatch.setenv("RULESENGINE_SECRET", key)
        listed = list_notifications(ledger_store, batch_id=batch.id)
        assert {
            (n["statement_id"], n["channel"]): (dumps_mapping(n["content"]), dumps(n["context"]))  # type: ignore[arg-type]
            for n in listed
        } == expected, key
    channels = recorders()
    with Queue(ledger_store, channels=channels, worker_id="w1") as queue:
        queue.deliver(LATER, until_empty=True)
    handed = [n for channel in channels.values() for call in channel.calls for n in call]
    assert handed
    for n in handed:
        assert dumps_mapping(dict(n.content)) == expected[n.statement_id, n.channel][0]


def test_a_guarantor_renamed_after_the_run_is_still_written_to_as_the_run_saw_them(
    ledger_store: Any,
) -> None:
    """The notifications are rendered from the recipient stored with the statement, not
    from the guarantor as the ledger has them now."""
    batch = live_run(ledger_store)
    [first] = [d for d in batch.notifications if d.channel == "email" and d.status == "scheduled"][
        :1
    ]
    gid = first.guarantor_id
    name = plain(first.context)["recipient"]["first_name"]
    assert f"Hello {name}," in plain(first.content)["body"]
    with ledger_store.writing() as conn:
        conn.execute(
            update(guarantors)
            .where(guarantors.c.id == gid)
            .values(first_name="Renamed", postal_line1="9 Elsewhere Rd")
        )
    [listed] = list_notifications(
        ledger_store, batch_id=batch.id, guarantor_id=gid, channel="email"
    )
    assert dumps_mapping(listed["content"]) == dumps_mapping(plain(first.content))  # type: ignore[arg-type]
    assert dumps(listed["context"]) == dumps(plain(first.context))
    channels = recorders()
    with Queue(ledger_store, channels=channels, worker_id="w1") as queue:
        queue.deliver(LATER, until_empty=True)
    [sent] = [n for call in channels["email"].calls for n in call if n.guarantor_id == gid]
    assert f"Hello {name}," in sent.content["body"]
    assert "Renamed" not in sent.content["body"]
    assert sent.recipient == plain(first.context)["recipient"]


@pytest.mark.parametrize(
    ("text", "detail"),
    [
        ("rulesengine: 99\n", "upgrade rulesengine"),
        ("profile: [unclosed\n", "no longer loads"),
    ],
)
def test_a_notification_whose_rules_cannot_be_loaded_goes_to_error_with_the_reason(
    ledger_store: Any, monkeypatch: pytest.MonkeyPatch, text: str, detail: str
) -> None:
    """A claimed notification that cannot be rendered (its stored rules version no longer
    loads: written for a newer rulesengine, or damaged) goes to ``error`` with a sentence
    saying why; the worker carries on."""
    batch = live_run(ledger_store)
    monkeypatch.setattr(batch_content, "_loaded", OrderedDict())  # nothing kept from before
    r = rules_versions.c
    with ledger_store.writing() as conn:
        conn.execute(
            update(rules_versions).where(r.content_hash == batch.rules_hash).values(text=text)
        )
    channels = recorders()
    with Queue(ledger_store, channels=channels, worker_id="w1") as queue:
        report = queue.deliver(LATER, until_empty=True)
    assert all(channel.calls == [] for channel in channels.values())
    listed = list_notifications(ledger_store, batch_id=batch.id)
    scheduled = [d for d in batch.notifications if d.status == "scheduled"]
    errors = [n for n in listed if n["status"] == "error"]
    assert len(errors) == len(scheduled) > 0
    assert report is not None
    last = notification_history(ledger_store, int(errors[0]["id"]))[-1]  # type: ignore[call-overload]
    assert last["new_status"] == "error"
    assert str(last["detail"]).startswith("its content cannot be rendered: the rules version ")
    assert detail in str(last["detail"])
    assert batch.rules_hash[:12] in str(last["detail"])


def test_the_presend_check_reads_the_statement_s_encounters_from_its_lines(
    ledger_store: Any,
) -> None:
    """A statement whose encounters were all paid since the run is canceled (paid), one
    whose encounters are all on hold is canceled (hold); the others are sent."""
    batch = live_run(ledger_store)
    sent_statements = [
        s
        for s in batch.statements
        if any(d.statement_id == s.id and d.status == "scheduled" for d in batch.notifications)
    ]
    paid, held = sent_statements[0], sent_statements[1]
    e = encounters.c
    with ledger_store.writing() as conn:
        conn.execute(
            update(encounters)
            .where(e.id.in_([line.encounter_id for line in paid.lines]))
            .values(balance_cents=0)
        )
        conn.execute(
            update(encounters)
            .where(e.id.in_([line.encounter_id for line in held.lines]))
            .values(hold=True)
        )
    with Queue(ledger_store, channels=recorders(), worker_id="w1") as queue:
        queue.deliver(LATER, until_empty=True)
    status: dict[str, set[str]] = {}
    for n in list_notifications(ledger_store, batch_id=batch.id):
        if n["status"] != "suppressed":
            status.setdefault(str(n["statement_id"]), set()).add(str(n["status"]))
    assert status.pop(paid.id) == {"canceled"}
    assert status.pop(held.id) == {"canceled"}
    assert set().union(*status.values()) == {"sent"}
    [paid_note] = [
        n
        for n in list_notifications(ledger_store, batch_id=batch.id)
        if n["statement_id"] == paid.id
    ][:1]
    last = notification_history(ledger_store, int(paid_note["id"]))[-1]  # type: ignore[call-overload]
    assert str(last["detail"]).startswith("paid")


def test_a_later_batch_supersedes_the_scheduled_notifications_of_statements_sharing_an_encounter(
    ledger_store: Any,
) -> None:
    """The earlier batch's still-scheduled notifications whose statement lists an encounter
    on a statement of the new batch are superseded; the others are left scheduled."""
    first = live_run(ledger_store)
    second = live_run(ledger_store, RUN + dt.timedelta(days=30))
    billed_again = {line.encounter_id for s in second.statements for line in s.lines}
    encounters_of = {s.id: {line.encounter_id for line in s.lines} for s in first.statements}
    listed = list_notifications(ledger_store, batch_id=first.id)
    expected = sorted(
        int(n["id"])  # type: ignore[call-overload]
        for n in listed
        if n["status"] in ("scheduled", "superseded")
        and encounters_of[str(n["statement_id"])] & billed_again
    )
    assert expected
    assert list(second.superseded) == expected
    assert {int(n["id"]) for n in listed if n["status"] == "superseded"} == set(expected)  # type: ignore[call-overload]
    assert any(n["status"] == "scheduled" for n in listed)


def test_an_on_demand_notification_is_rendered_from_the_stored_statement_and_its_lines(
    ledger_store: Any,
) -> None:
    """An on-demand notification is drafted from the guarantor's latest live statement as
    stored (its lines from ``lines_json``), keeps its own content, and its pre-send check
    reads that statement's encounters: once they are paid, it is canceled."""
    batch = live_run(ledger_store)
    statement = next(s for s in batch.statements if "email" in s.channels and len(s.lines) > 1)
    rules = load_rules(STANDARD)
    channels = recorders()
    with Queue(ledger_store, channels=channels, worker_id="w1") as queue:
        nid = queue.notify(statement.guarantor_id, "email", "reminder", rules, LATER)
        row = queue.get(nid)
        assert row.rendered and row.kind == "on_demand"
        assert row.context["statement"]["id"] == statement.id
        assert row.context["statement"]["encounter_count"] == len(statement.lines)
        assert row.context["statement"]["lines"] == [
            {
                "service_date": line.service_date.isoformat(),
                "patient_id": line.patient_id,
                "balance_cents": line.balance_cents,
            }
            for line in statement.lines
        ]
        e = encounters.c
        with ledger_store.writing() as conn:
            conn.execute(
                update(encounters)
                .where(e.id.in_([line.encounter_id for line in statement.lines]))
                .values(balance_cents=0)
            )
        queue.deliver(LATER, until_empty=True)
        assert queue.get(nid).status == "canceled"
    n = notifications.c
    with ledger_store.reading() as conn:
        stored = conn.execute(select(n.content_json).where(n.id == nid)).scalar_one()
    assert stored != ""


def test_explain_and_the_guarantor_s_statements_read_the_lines_and_rendered_notifications(
    ledger_store: Any,
) -> None:
    """A guarantor's part of a stored live batch has their statements with their lines and
    their notifications rendered as drafted; explain lists each statement's encounters; the
    guarantor's statement history has each statement's encounters in line order."""
    from rulesengine.statements.explain import explain_stored_batch, render_explanation
    from rulesengine.store.guarantor_reads import statements_of_guarantor

    batch = live_run(ledger_store)
    statement = next(s for s in batch.statements if len(s.lines) > 1)
    gid = statement.guarantor_id
    part = stored_batch(ledger_store, batch.id, gid)
    assert part is not None
    assert part.statements == tuple(s for s in batch.statements if s.guarantor_id == gid)
    expected = drafted(batch)
    assert drafted(part) == {
        key: value
        for key, value in expected.items()
        if any(key[0] == s.id for s in part.statements)
    }
    explained = explain_stored_batch(ledger_store, batch.id, gid)
    assert explained is not None
    [shown] = [s for s in explained["statements"] if s["id"] == statement.id]
    assert shown["encounters"] == [line.encounter_id for line in statement.lines]
    assert ", ".join(shown["encounters"]) in render_explanation(explained)
    assert {n["channel"] for n in explained["notifications"]} == set(statement.channels)
    [history] = statements_of_guarantor(ledger_store, gid)
    assert (history.id, history.encounters) == (
        statement.id,
        tuple(line.encounter_id for line in statement.lines),
    )


def test_a_list_that_does_not_show_the_content_does_not_render_it(ledger_store: Any) -> None:
    """``Queue.find(with_content=False)`` leaves a live batch's notifications unrendered
    (what the command line's list and the dashboard's queue screen read); by default, and
    ``Queue.get``, they come rendered."""
    batch = live_run(ledger_store)
    with Queue(ledger_store, channels=recorders()) as queue:
        bare = queue.find(batch_id=batch.id, with_content=False)
        assert len(bare) == len(batch.notifications)
        assert all(not row.rendered and row.content == {} == row.context for row in bare)
        full = queue.find(batch_id=batch.id, limit=5)
        assert all(row.rendered and set(row.content) >= {"body"} for row in full)
        assert queue.get(full[0].id) == full[0]


@pytest.mark.parametrize(
    ("recipient", "detail"),
    [
        ("{}", "cannot be read (KeyError: 'postal_line1')"),
        (None, "has no recipient stored"),
    ],
)
def test_a_statement_that_cannot_be_rendered_from_puts_only_its_notifications_in_error(
    ledger_store: Any, recipient: str | None, detail: str
) -> None:
    """A statement row changed by hand (its recipient damaged or gone): its claimed
    notifications go to ``error`` saying so, every other one is sent."""
    from rulesengine.store.tables import statements

    batch = live_run(ledger_store)
    damaged = next(
        s
        for s in batch.statements
        if any(d.statement_id == s.id and d.status == "scheduled" for d in batch.notifications)
    )
    with ledger_store.writing() as conn:
        conn.execute(
            update(statements).where(statements.c.id == damaged.id).values(recipient_json=recipient)
        )
    with Queue(ledger_store, channels=recorders(), worker_id="w1") as queue:
        queue.deliver(LATER, until_empty=True)
    status: dict[str, set[str]] = {}
    for n in list_notifications(ledger_store, batch_id=batch.id):
        if n["status"] != "suppressed":
            status.setdefault(str(n["statement_id"]), set()).add(str(n["status"]))
        if n["statement_id"] == damaged.id and n["status"] == "error":
            last = notification_history(ledger_store, int(n["id"]))[-1]  # type: ignore[call-overload]
            assert last["detail"] == (
                f"its content cannot be rendered: its statement {damaged.id} {detail}"
            )
    assert status.pop(damaged.id) == {"error"}
    assert set().union(*status.values()) == {"sent"}


def test_a_notification_that_cannot_be_rendered_says_why_where_it_is_shown(
    ledger_store: Any,
) -> None:
    """``queue show --json`` and the API give the reason beside the empty content."""
    from rulesengine.queue.notification_rows import notification_fields
    from rulesengine.store.tables import statements

    batch = live_run(ledger_store)
    damaged = batch.statements[0]
    with ledger_store.writing() as conn:
        conn.execute(
            update(statements).where(statements.c.id == damaged.id).values(recipient_json=None)
        )
    with Queue(ledger_store, channels=recorders(), worker_id="w1") as queue:
        rows = queue.find(batch_id=batch.id, limit=1_000)
        shown = {row.statement_id: notification_fields(row) for row in rows}
    assert shown[damaged.id]["unrendered"] == (
        f"its content cannot be rendered: its statement {damaged.id} has no recipient stored"
    )
    assert shown[damaged.id]["content"] == {} == shown[damaged.id]["context"]
    other = next(fields for sid, fields in shown.items() if sid != damaged.id)
    assert other["unrendered"] is None and other["content"]
