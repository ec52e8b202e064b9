"""Staff actions on the dashboard: each has a confirmation page (GET) and does it on POST
through the queue's own methods, recording the user in the status history; viewers are
refused, a POST without its CSRF token is refused, the queue's refusals are 409 pages with
its own message; the same actions through the API."""

from __future__ import annotations

import re
from typing import Any

import pytest

from rulesengine.queue import Queue
from tests.web.conftest import csrf_of, screenshot
from tests.web.test_queue_pages import Problems, make_problems


@pytest.fixture
def problems(web_store: Any) -> Problems:
    return make_problems(web_store)


def history(store: Any, nid: int) -> list[tuple[str | None, str, str | None]]:
    return [(h["old_status"], h["new_status"], h["actor"]) for h in Queue(store).history(nid)]


def sent_id(store: Any) -> int:
    return Queue(store).find(status="sent", newest_first=True, limit=1)[0].id


def confirm_and_post(client: Any, url: str, **fields: str) -> Any:
    """Open the confirmation page, then POST its form (with its CSRF token)."""
    page = client.get(url)
    assert page.status_code == 200, page.text
    return client.post(url, data={"csrf_token": csrf_of(page.text), **fields})


# --- retry, cancel, resolve ----------------------------------------------------------------------


def test_the_retry_page_says_what_will_happen_then_retry_records_the_user(
    client_for: Any, web_store: Any, problems: Problems
) -> None:
    client = client_for("staff")
    url = f"/notifications/{problems.error}/retry"
    page = client.get(url)
    assert f"Retry notification {problems.error}?" in page.text
    assert "scheduled again, due now" in page.text
    assert f'action="{url}"' in page.text
    answer = client.post(url, data={"csrf_token": csrf_of(page.text)})
    assert (answer.status_code, answer.headers["location"]) == (
        303,
        f"/notifications/{problems.error}",
    )
    assert history(web_store, problems.error)[-1] == ("error", "scheduled", "dashboard:staff")
    shown = client.get(answer.headers["location"]).text
    assert f"notification {problems.error}: error -&gt; scheduled." in shown
    assert "dashboard:staff" in shown


def test_cancel_records_the_user(client_for: Any, web_store: Any, problems: Problems) -> None:
    answer = confirm_and_post(client_for("admin"), f"/notifications/{problems.scheduled}/cancel")
    assert answer.status_code == 303
    assert history(web_store, problems.scheduled)[-1] == (
        "scheduled",
        "canceled",
        "dashboard:admin",
    )


@pytest.mark.parametrize(("outcome", "status"), [("sent", "sent"), ("resend", "scheduled")])
def test_resolve_an_unknown_either_way(
    client_for: Any, web_store: Any, problems: Problems, outcome: str, status: str
) -> None:
    client = client_for("staff")
    page = client.get(f"/notifications/{problems.unknown}/resolve")
    assert "It was sent" in page.text and "It was not sent: send it again" in page.text
    answer = confirm_and_post(client, f"/notifications/{problems.unknown}/resolve", outcome=outcome)
    assert answer.status_code == 303
    assert history(web_store, problems.unknown)[-1] == ("unknown", status, "dashboard:staff")


def test_a_refused_action_is_a_409_with_the_queues_message(client_for: Any, web_store: Any) -> None:
    client = client_for("staff")
    nid = sent_id(web_store)
    page = client.get(f"/notifications/{nid}/retry")
    assert page.status_code == 200
    assert "The queue will refuse it." in page.text
    assert "Retry it now" not in page.text  # no button for what cannot be done
    answer = client.post(f"/notifications/{nid}/retry", data={"csrf_token": csrf_of(page.text)})
    assert answer.status_code == 409
    assert (
        f"nothing changed: notification {nid} is sent: only error or unknown or canceled"
        " notifications can be retried"
    ) in answer.text


def test_resolve_takes_only_its_outcomes(client_for: Any, problems: Problems) -> None:
    answer = confirm_and_post(
        client_for("staff"), f"/notifications/{problems.unknown}/resolve", outcome="maybe"
    )
    assert answer.status_code == 400
    assert "resolve as &#39;sent&#39; or &#39;resend&#39;" in answer.text


def test_an_action_on_an_unknown_notification_is_a_404(client_for: Any) -> None:
    client = client_for("staff")
    assert client.get("/notifications/999999/cancel").status_code == 404
    token = csrf_of(client.get("/notifications").text)
    answer = client.post("/notifications/999999/cancel", data={"csrf_token": token})
    assert answer.status_code == 404


@pytest.mark.parametrize(
    "url", ["/notifications/{nid}/retry", "/guarantors/{gid}/opt-out", "/guarantors/{gid}/notify"]
)
def test_a_viewer_can_neither_see_nor_post_an_action(
    client_for: Any, web_store: Any, problems: Problems, url: str
) -> None:
    client = client_for("viewer")
    url = url.format(nid=problems.error, gid=problems.guarantor)
    assert client.get(url).status_code == 403
    token = csrf_of(client.get("/notifications").text)
    assert client.post(url, data={"csrf_token": token, "channel": "email"}).status_code == 403
    assert history(web_store, problems.error)[-1][1] == "error"
    page = client.get(f"/notifications/{problems.error}").text
    assert "/retry" not in page and "/opt-out" not in page


def test_a_post_without_its_csrf_token_is_refused(
    client_for: Any, web_store: Any, problems: Problems
) -> None:
    client = client_for("staff")
    answer = client.post(f"/notifications/{problems.error}/retry", data={})
    assert answer.status_code == 403
    wrong = client.post(f"/notifications/{problems.error}/retry", data={"csrf_token": "x"})
    assert wrong.status_code == 403
    assert history(web_store, problems.error)[-1][1] == "error"


# --- opt-out and on-demand notifications -------------------------------------------------------


def test_opt_out_suppresses_what_is_scheduled_and_records_the_user(
    client_for: Any, web_store: Any, problems: Problems
) -> None:
    client = client_for("staff")
    url = f"/guarantors/{problems.guarantor}/opt-out?channel=email"
    page = client.get(url)
    assert f"Opt guarantor {problems.guarantor} out of email?" in page.text
    assert f'href="/notifications/{problems.scheduled}"' in page.text  # what it will suppress
    assert '<option value="email" selected>' in page.text
    answer = client.post(
        f"/guarantors/{problems.guarantor}/opt-out",
        data={"csrf_token": csrf_of(page.text), "channel": "email", "source": "phone call"},
    )
    assert answer.status_code == 303
    assert answer.headers["location"] == f"/guarantors/{problems.guarantor}"
    assert history(web_store, problems.scheduled)[-1] == (
        "scheduled",
        "suppressed",
        "dashboard:staff",
    )
    shown = client.get(answer.headers["location"]).text
    assert f"{problems.guarantor} opted out of email; 1 queued notification suppressed." in shown


def test_opt_out_of_an_unknown_channel_or_guarantor(client_for: Any, problems: Problems) -> None:
    client = client_for("staff")
    assert client.get("/guarantors/G404/opt-out").status_code == 404
    answer = confirm_and_post(client, f"/guarantors/{problems.guarantor}/opt-out", channel="pigeon")
    assert answer.status_code == 400
    assert "unknown channel &#39;pigeon&#39;" in answer.text


def test_notify_queues_an_on_demand_notification_recording_the_user(
    client_for: Any, web_store: Any, problems: Problems
) -> None:
    client = client_for("staff")
    url = f"/guarantors/{problems.guarantor}/notify"
    page = client.get(url)
    assert f"Send guarantor {problems.guarantor} a notification?" in page.text
    assert '<option value="reminder"' in page.text
    answer = client.post(
        url, data={"csrf_token": csrf_of(page.text), "channel": "text", "message": "past_due"}
    )
    assert answer.status_code == 303
    nid = int(answer.headers["location"].rsplit("/", 1)[1])
    row = Queue(web_store).get(nid)
    assert (row.kind, row.channel, row.message_id) == ("on_demand", "text", "past_due")
    assert history(web_store, nid)[0][2] == "dashboard:staff"


def test_notify_refuses_a_message_without_that_channel(client_for: Any, problems: Problems) -> None:
    answer = confirm_and_post(
        client_for("staff"),
        f"/guarantors/{problems.guarantor}/notify",
        channel="text",
        message="reminder",
    )
    assert answer.status_code == 400
    assert "message &#39;reminder&#39; has no content for &#39;text&#39;" in answer.text


def test_notify_for_a_guarantor_without_a_statement_is_a_404(
    client_for: Any, web_store: Any
) -> None:
    assert client_for("staff").get("/guarantors/G404/notify").status_code == 404


# --- the API -----------------------------------------------------------------------------------


def api_client(client_for: Any, role: str) -> tuple[Any, dict[str, str]]:
    client = client_for(role)
    return client, {"X-CSRF-Token": csrf_of(client.get("/notifications").text)}


def test_the_api_retries_cancels_and_resolves(
    client_for: Any, web_store: Any, problems: Problems
) -> None:
    client, headers = api_client(client_for, "staff")
    answer = client.post(f"/api/notifications/{problems.error}/retry", headers=headers, json={})
    assert answer.status_code == 200, answer.text
    assert answer.json()["transitions"] == [
        {
            "notification": problems.error,
            "old_status": "error",
            "new_status": "scheduled",
            "detail": "retried by staff",
        }
    ]
    assert answer.json()["notification"]["status"] == "scheduled"
    cancel = client.post(f"/api/notifications/{problems.error}/cancel", headers=headers, json={})
    assert cancel.json()["notification"]["status"] == "canceled"
    resolve = client.post(
        f"/api/notifications/{problems.unknown}/resolve", headers=headers, json={"outcome": "sent"}
    )
    assert resolve.json()["notification"]["status"] == "sent"
    assert [h[2] for h in history(web_store, problems.error)][-2:] == ["dashboard:staff"] * 2
    detail = client.get(f"/api/notifications/{problems.unknown}").json()
    assert detail["history"][-1]["actor"] == "dashboard:staff"


def test_the_api_refusals(client_for: Any, web_store: Any, problems: Problems) -> None:
    client, headers = api_client(client_for, "staff")
    nid = sent_id(web_store)
    refused = client.post(f"/api/notifications/{nid}/retry", headers=headers, json={})
    assert refused.status_code == 409
    assert refused.json()["error"].startswith(f"nothing changed: notification {nid} is sent")
    missing = client.post("/api/notifications/999999/retry", headers=headers, json={})
    assert missing.status_code == 404
    bad = client.post(
        f"/api/notifications/{problems.unknown}/resolve", headers=headers, json={"outcome": "x"}
    )
    assert bad.status_code == 400
    assert client.post(f"/api/notifications/{problems.error}/retry", json={}).status_code == 403
    viewer, viewer_headers = api_client(client_for, "viewer")
    denied = viewer.post(
        f"/api/notifications/{problems.error}/retry", headers=viewer_headers, json={}
    )
    assert denied.status_code == 403
    assert history(web_store, problems.error)[-1][1] == "error"


def test_the_api_opts_out_and_notifies(client_for: Any, web_store: Any, problems: Problems) -> None:
    client, headers = api_client(client_for, "staff")
    gid = problems.guarantor
    out = client.post(f"/api/guarantors/{gid}/opt-out", headers=headers, json={"channel": "email"})
    assert out.json() == {"guarantor": gid, "channel": "email", "suppressed": [problems.scheduled]}
    made = client.post(
        f"/api/guarantors/{gid}/notify",
        headers=headers,
        json={"channel": "print", "message": "final_notice"},
    )
    assert made.status_code == 200, made.text
    assert made.json()["notification"]["kind"] == "on_demand"
    assert history(web_store, made.json()["id"])[0][2] == "dashboard:staff"
    missing = client.post("/api/guarantors/G404/notify", headers=headers, json={"channel": "x"})
    assert missing.status_code == 404
    no_channel = client.post(f"/api/guarantors/{gid}/opt-out", headers=headers, json={})
    assert (no_channel.status_code, no_channel.json()) == (400, {"error": "choose a channel"})


# --- the browser ---------------------------------------------------------------------------------


def test_browser_each_action_through_its_confirmation(
    browser_page_for: Any, web_store: Any, problems: Problems
) -> None:
    page = browser_page_for("staff")
    page.goto(f"/notifications/{problems.error}")
    page.click(".actions >> text=Retry")
    page.wait_for_url(re.compile(r"/retry$"))
    screenshot(page, "confirm-action")
    page.click("button:has-text('Retry it now')")
    page.wait_for_url(re.compile(rf"/notifications/{problems.error}$"))
    assert "error -> scheduled" in page.locator(".flash").inner_text()
    page.click(".actions >> text=Cancel")
    page.click("button:has-text('Cancel it')")
    page.wait_for_url(re.compile(rf"/notifications/{problems.error}$"))
    assert "scheduled -> canceled" in page.locator(".flash").inner_text()
    page.goto(f"/notifications/{problems.unknown}")
    page.click(".actions >> text=Resolve")
    page.click("button:has-text('It was sent')")
    page.wait_for_url(re.compile(rf"/notifications/{problems.unknown}$"))
    assert "unknown -> sent" in page.locator(".flash").inner_text()
    page.click(f".actions >> text=Send {problems.guarantor} a notification")
    page.select_option("select[name=channel]", "email")
    page.select_option("select[name=message]", "reminder")
    page.click("button:has-text('Queue it')")
    page.wait_for_url(re.compile(r"/notifications/\d+$"))
    assert "queued: reminder by email" in page.locator(".flash").inner_text()
    page.click(f".actions >> text=Opt {problems.guarantor} out of email")
    page.click("button:has-text('Opt out')")
    page.wait_for_url(re.compile(rf"/guarantors/{problems.guarantor}$"))
    assert f"{problems.guarantor} opted out of email" in page.locator(".flash").inner_text()
    actors = {h[2] for nid in (problems.error, problems.unknown) for h in history(web_store, nid)}
    assert "dashboard:staff" in actors


def test_browser_a_viewer_sees_no_actions_and_is_refused(
    browser_page_for: Any, problems: Problems
) -> None:
    page = browser_page_for("viewer")
    page.goto(f"/notifications/{problems.error}")
    assert page.locator(".actions a.button").count() == 0
    answer = page.goto(f"/notifications/{problems.error}/retry")
    assert answer is not None and answer.status == 403
    assert "This needs the staff role" in page.content()


def test_browser_a_post_without_its_csrf_token_is_refused(
    browser_page_for: Any, web_store: Any, problems: Problems
) -> None:
    page = browser_page_for("staff")
    page.goto(f"/notifications/{problems.error}/retry")
    page.locator("form.confirm-form input[name=csrf_token]").evaluate("e => e.remove()")
    page.click("button:has-text('Retry it now')")
    page.wait_for_load_state()
    assert "This form has expired" in page.content()
    assert history(web_store, problems.error)[-1][1] == "error"


def test_after_an_opt_out_the_pages_say_so(client_for: Any, problems: Problems) -> None:
    """The guarantor's page reads the opt-out ledger; opting out again warns; the
    notification form warns that a notification on that channel would be suppressed."""
    client = client_for("staff")
    gid = problems.guarantor
    chooser = client.get(f"/guarantors/{gid}/opt-out")
    assert '<option value="" selected>Choose…</option>' in chooser.text
    confirm_and_post(client, f"/guarantors/{gid}/opt-out?channel=text", channel="text")
    page = client.get(f"/guarantors/{gid}").text
    assert "<dt>Text messages</dt><dd>opted out (opt-out ledger)</dd>" in page
    again = client.get(f"/guarantors/{gid}/opt-out?channel=text").text
    assert f"{gid} is already opted out of text" in again
    form = client.get(f"/guarantors/{gid}/notify").text
    assert f"{gid} is opted out of text: a notification queued there is suppressed" in form


def test_manage_errors_says_what_lands_there_when_it_is_empty(client_for: Any) -> None:
    page = client_for("viewer").get("/notifications?status=errors").text
    assert "Nothing needs staff: a notification lands here when" in page


def test_an_api_action_that_needs_nothing_may_send_no_body_at_all(
    client_for: Any, problems: Problems
) -> None:
    """No body, no Content-Length, no Content-Type (``curl -X POST``): an empty request, as
    HTTP/1.1 reads it, so a retry needs nothing more."""
    client, headers = api_client(client_for, "staff")
    request = client.build_request("POST", f"/api/notifications/{problems.error}/retry")
    for name, value in headers.items():
        request.headers[name] = value
    for name in ("content-length", "content-type", "transfer-encoding"):
        request.headers.pop(name, None)
    answer = client.send(request)
    assert answer.status_code == 200, answer.text
    assert answer.json()["notification"]["status"] == "scheduled"
