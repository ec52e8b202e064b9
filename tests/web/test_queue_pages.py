"""The Notification queue screen and its API: filters, "All notifications" and "Manage
errors", newest first a page at a time, a notification's page with its history; through the
test client (every route) and the browser (what a user clicks)."""

from __future__ import annotations

import datetime as dt
import re
from typing import Any

import attrs
import pytest

from rulesengine.channels.registry import installed_channel_specs
from rulesengine.channels.results import DeliveryResult
from rulesengine.queue import Queue
from rulesengine.queue.on_demand import rules_of_latest_statement
from tests.queue.helpers import RecordingChannel
from tests.web.conftest import screenshot

#: A weekday afternoon in every send window of the demo (16:00 UTC: 10:00 in Chicago).
LATER = dt.datetime(2027, 1, 5, 16, 0, tzinfo=dt.UTC)


class _Died(BaseException):
    """A worker stopping dead while its channel has the notification."""


@attrs.frozen
class Problems:
    """Notifications that need staff, made by the queue itself."""

    error: int  # an email the provider rejected
    unknown: int  # an email handed over by a worker that then died
    scheduled: int  # an on-demand email still waiting
    guarantor: str


def make_problems(store: Any) -> Problems:
    """Queue three on-demand emails for the demo's last guarantor with the rules of its
    latest statement and deliver them through channel objects that fail: one ends in
    ``error`` (rejected), one in ``unknown`` (the worker died after handing it over, its
    lease ran out), one stays ``scheduled``."""
    guarantor = Queue(store).find(newest_first=True, limit=1)[0].guarantor_id
    rules = rules_of_latest_statement(store, guarantor, installed_channel_specs())
    rejecting = RecordingChannel(
        behaviour=lambda n: DeliveryResult.failed(n, "SMTP 550 mailbox unavailable")
    )

    def die(n: Any) -> DeliveryResult:
        raise _Died

    with Queue(store, channels={"email": rejecting}, concurrent_channels=False) as queue:
        error = queue.notify(guarantor, "email", "reminder", rules, LATER)
        queue.deliver(LATER)
        unknown = queue.notify(guarantor, "email", "past_due", rules, LATER)
    dying = Queue(
        store,
        channels={"email": RecordingChannel(behaviour=die)},
        worker_id="dead-worker",
        concurrent_channels=False,
    )
    with pytest.raises(_Died):
        dying.deliver(LATER)
    with Queue(store, channels={"email": rejecting}) as queue:
        queue.expire_leases(LATER + dt.timedelta(hours=1))
        scheduled = queue.notify(guarantor, "email", "final_notice", rules, LATER)
        statuses = {row.id: row.status for row in queue.find(kind="on_demand")}
    assert statuses == {error: "error", unknown: "unknown", scheduled: "scheduled"}
    return Problems(error, unknown, scheduled, guarantor)


@pytest.fixture
def problems(web_store: Any) -> Problems:
    return make_problems(web_store)


def ids_on(html: str) -> list[int]:
    """The notification ids a queue page lists, in order."""
    return [int(i) for i in re.findall(r'<a href="/notifications/(\d+)" class="mono">', html)]


def all_ids(store: Any) -> list[int]:
    return [row.id for row in Queue(store).find(newest_first=True)]


# --- the test client: the list ----------------------------------------------------------------


def test_the_queue_lists_the_newest_fifty_with_every_column(
    client_for: Any, web_store: Any
) -> None:
    page = client_for("viewer").get("/notifications")
    assert page.status_code == 200
    newest = all_ids(web_store)
    assert ids_on(page.text) == newest[:50]
    row = Queue(web_store).get(newest[0])
    for text in (
        f'href="/guarantors/{row.guarantor_id}"',
        f'href="/batches/{row.batch_id}"',
        f'class="status status-{row.status}"',
        f"{row.attempt}/{row.max_attempts}",
        row.message_id,
        "<th>Created</th>",
        f'href="/notifications?after={newest[49]}"',
    ):
        assert text in page.text


def test_the_next_page_continues_after_the_last_id_and_the_last_has_no_next(
    client_for: Any, web_store: Any
) -> None:
    client = client_for("viewer")
    newest = all_ids(web_store)
    seen: list[int] = []
    url = "/notifications"
    while url:
        page = client.get(url)
        seen += ids_on(page.text)
        found = re.search(r'href="(/notifications\?[^"]*after=\d+)" rel="next"', page.text)
        url = found.group(1).replace("&amp;", "&") if found else ""
    assert seen == newest


@pytest.mark.parametrize(
    ("query", "keep"),
    [
        ("channel=text", lambda row: row.channel == "text"),
        ("status=suppressed", lambda row: row.status == "suppressed"),
        ("kind=on_demand", lambda row: row.kind == "on_demand"),
        ("profile=riverside&channel=print", lambda row: row.channel == "print"),
        ("status=errors", lambda row: row.status in ("error", "unknown")),
    ],
)
def test_each_filter_narrows_the_queue(
    client_for: Any, web_store: Any, problems: Problems, query: str, keep: Any
) -> None:
    expected = [row.id for row in Queue(web_store).find(newest_first=True) if keep(row)]
    assert expected
    page = client_for("viewer").get(f"/notifications?{query}")
    assert page.status_code == 200
    assert ids_on(page.text) == expected[:50]


def test_a_batch_and_a_guarantor_filter(client_for: Any, web_store: Any) -> None:
    row = Queue(web_store).find(newest_first=True, limit=1)[0]
    client = client_for("viewer")
    by_batch = ids_on(client.get(f"/notifications?batch={row.batch_id}").text)
    assert by_batch and all(Queue(web_store).get(i).batch_id == row.batch_id for i in by_batch)
    by_guarantor = ids_on(client.get(f"/notifications?guarantor={row.guarantor_id}").text)
    assert by_guarantor == [
        r.id for r in Queue(web_store).find(guarantor_id=row.guarantor_id, newest_first=True)
    ]


def test_manage_errors_lists_error_and_unknown_only(client_for: Any, problems: Problems) -> None:
    page = client_for("viewer").get("/notifications?status=errors")
    assert ids_on(page.text) == [problems.unknown, problems.error]
    assert "<h1>Manage errors</h1>" in page.text
    assert 'class="status status-error"' in page.text
    assert 'class="status status-unknown"' in page.text
    for link in ('href="/notifications">All notifications', 'href="/notifications?status=errors"'):
        assert link in page.text


@pytest.mark.parametrize(
    ("query", "message"),
    [
        ("status=lost", "unknown status &#39;lost&#39;"),
        ("kind=other", "unknown kind &#39;other&#39;"),
        ("after=abc", "after must be a notification id"),
        ("after=99999999999999999999", "after must be a notification id"),
        ("guarantor=" + "G" * 201, "guarantor is at most 200 characters"),
    ],
)
def test_a_wrong_filter_is_a_400_saying_why(client_for: Any, query: str, message: str) -> None:
    page = client_for("viewer").get(f"/notifications?{query}")
    assert page.status_code == 400
    assert message in page.text


def test_the_queue_needs_a_login(client_for: Any) -> None:
    client = client_for(None)
    assert client.get("/notifications").status_code == 303
    assert client.get("/notifications/1").headers["location"] == "/login?next=/notifications/1"
    assert client.get("/api/notifications").status_code == 401
    assert client.get("/api/notifications/1").status_code == 401


# --- the test client: a notification's page ----------------------------------------------------


def test_a_notification_page_shows_every_field_and_its_history_with_who(
    client_for: Any, web_store: Any, problems: Problems
) -> None:
    client = client_for("staff")
    assert (
        client.post(
            f"/notifications/{problems.error}/retry",
            data={"csrf_token": _csrf(client)},
        ).status_code
        == 303
    )
    page = client.get(f"/notifications/{problems.error}")
    assert page.status_code == 200
    row = Queue(web_store).get(problems.error)
    for text in (
        row.idempotency_key,
        row.to,
        row.timezone,
        row.statement_id,
        "SMTP 550 mailbox unavailable",
        "(new) &rarr;",
        "dashboard:staff",
        "retried by staff",
        "Status history",
        f'href="/guarantors/{row.guarantor_id}"',
    ):
        assert text in page.text, text
    assert str(row.content["subject"]) in page.text
    assert "Pay online: https://pay.example.org/q/" in page.text


def test_a_notification_page_escapes_its_content(client_for: Any, web_store: Any) -> None:
    """Content and context are shown as text: markup in them is escaped."""
    from sqlalchemy import update

    from rulesengine.store.tables import notifications

    nid = all_ids(web_store)[0]
    with web_store.writing() as conn:  # a channel's content is whatever its rules rendered
        conn.execute(
            update(notifications)
            .where(notifications.c.id == nid)
            .values(content_json='{"body": "<script>alert(1)</script>"}')
        )
    page = client_for("viewer").get(f"/notifications/{nid}")
    assert "<script>alert(1)</script>" not in page.text
    assert "&lt;script&gt;alert(1)&lt;/script&gt;" in page.text


def test_an_unknown_notification_is_a_404(client_for: Any) -> None:
    client = client_for("viewer")
    assert client.get("/notifications/999999").status_code == 404
    assert client.get("/notifications/abc").status_code == 404
    answer = client.get("/api/notifications/999999")
    assert (answer.status_code, answer.json()) == (404, {"error": "no notification 999999"})


# --- the API -------------------------------------------------------------------------------------


def test_the_api_pages_the_queue_with_next_after(client_for: Any, web_store: Any) -> None:
    client = client_for("viewer")
    newest = all_ids(web_store)
    first = client.get("/api/notifications?limit=200").json()
    assert [n["id"] for n in first["notifications"]] == newest[:200]
    assert first["next_after"] == newest[199]
    rest = client.get(f"/api/notifications?limit=200&after={first['next_after']}").json()
    assert [n["id"] for n in rest["notifications"]] == newest[200:400]
    default = client.get("/api/notifications").json()
    assert len(default["notifications"]) == 50
    assert set(default["notifications"][0]) >= {
        "id",
        "status",
        "channel",
        "guarantor",
        "batch",
        "message",
        "level",
        "attempt",
        "content",
        "context",
        "created_at",
    }


def test_the_api_filters_like_the_screen(client_for: Any, problems: Problems) -> None:
    answer = client_for("viewer").get("/api/notifications?status=errors").json()
    assert [n["id"] for n in answer["notifications"]] == [problems.unknown, problems.error]
    assert answer["next_after"] is None


@pytest.mark.parametrize("query", ["limit=0", "limit=201", "limit=x", "status=lost", "after=-1"])
def test_the_api_refuses_wrong_parameters(client_for: Any, query: str) -> None:
    answer = client_for("viewer").get(f"/api/notifications?{query}")
    assert answer.status_code == 400
    assert "error" in answer.json()


def test_the_api_answers_a_notification_with_its_history(
    client_for: Any, problems: Problems
) -> None:
    answer = client_for("viewer").get(f"/api/notifications/{problems.error}").json()
    assert answer["id"] == problems.error and answer["status"] == "error"
    assert [(h["old_status"], h["new_status"], h["actor"]) for h in answer["history"]] == [
        (None, "scheduled", None),
        ("scheduled", "sending", None),
        ("sending", "error", None),
    ]


def _csrf(client: Any) -> str:
    from tests.web.conftest import csrf_of

    return csrf_of(client.get("/notifications").text)


# --- the browser ------------------------------------------------------------------------------


def test_browser_filters_manage_errors_and_the_next_page(
    browser_page_for: Any, web_store: Any, problems: Problems
) -> None:
    page = browser_page_for("viewer")
    page.goto("/notifications")
    assert page.locator("h1").inner_text() == "Notifications"
    screenshot(page, "queue")
    page.click("a[rel=next]")
    page.wait_for_url(re.compile(r"after=\d+"))
    assert page.locator("table.queue tbody tr").count() == 50
    page.click("header nav >> text=Manage errors")
    page.wait_for_url(re.compile(r"status=errors"))
    assert page.locator("table.queue tbody tr").count() == 2
    screenshot(page, "manage-errors")
    page.click("header nav >> text=All notifications")
    page.select_option("select[name=channel]", "text")
    page.select_option("select[name=status]", "suppressed")
    page.click("form.filters button")
    page.wait_for_url(re.compile(r"channel=text"))
    statuses = page.locator("table.queue tbody td span.status").all_inner_texts()
    assert statuses and set(statuses) == {"suppressed"}


def test_browser_a_notification_page(browser_page_for: Any, problems: Problems) -> None:
    page = browser_page_for("viewer")
    page.goto("/notifications?status=errors")
    page.click(f"a[href='/notifications/{problems.error}']")
    page.wait_for_url(re.compile(rf"/notifications/{problems.error}$"))
    assert "Status history" in page.content()
    assert page.locator("table.history tbody tr").count() == 3
    assert page.locator(".actions a.button").count() == 0  # a viewer has no actions
    screenshot(page, "notification")


def test_a_batch_notification_stored_without_content_is_shown_rendered(
    client_for: Any, web_store: Any
) -> None:
    """A live batch's notification is stored without its content and context; its page and
    the API show them rendered from its statement, for the recipient the run wrote to."""
    import html
    import json

    from sqlalchemy import select

    from rulesengine.store.tables import notifications, statements

    n, s = notifications.c, statements.c
    with web_store.reading() as conn:
        nid, recipient = conn.execute(
            select(n.id, s.recipient_json)
            .join_from(notifications, statements, s.id == n.statement_id)
            .where(n.kind == "batch", n.channel == "email", n.content_json == "")
            .order_by(n.id.desc())
            .limit(1)
        ).one()
    recipient = json.loads(recipient)
    page = client_for("viewer").get(f"/notifications/{nid}")
    assert page.status_code == 200
    assert f"Hello {html.escape(recipient['first_name'])}," in page.text
    answer = client_for("viewer").get(f"/api/notifications/{nid}").json()
    assert answer["content"] == dict(Queue(web_store).get(nid).content)
    assert set(answer["content"]) == {"subject", "body"}
    assert answer["context"]["recipient"] == recipient
    assert answer["context"]["statement"]["id"] == answer["statement"]


def test_a_notification_whose_content_cannot_be_rendered_says_why_on_its_page(
    client_for: Any, web_store: Any, monkeypatch: pytest.MonkeyPatch
) -> None:
    """A live batch's notification whose rules version no longer loads is shown without
    content, and its page says why (not merely "No content")."""
    from collections import OrderedDict

    from sqlalchemy import select, update

    from rulesengine.queue import batch_content
    from rulesengine.store.tables import notifications, rules_versions

    monkeypatch.setattr(batch_content, "_loaded", OrderedDict())  # nothing kept from before
    n = notifications.c
    with web_store.writing() as conn:
        nid, rules_hash = conn.execute(
            select(n.id, n.rules_hash)
            .where(n.kind == "batch", n.content_json == "")
            .order_by(n.id.desc())
            .limit(1)
        ).one()
        conn.execute(
            update(rules_versions)
            .where(rules_versions.c.content_hash == rules_hash)
            .values(text="rulesengine: 1\nprofile: [not, a, mapping]\n")
        )
    page = client_for("viewer").get(f"/notifications/{nid}")
    assert page.status_code == 200
    assert "No content shown: its content cannot be rendered" in page.text
    assert "Cancel the notification, or retry it" in page.text
