"""Staff actions with a confirmation step: retry, cancel and resolve a notification, opt a
guarantor out of a channel, send a guarantor an on-demand notification; their ``/api``
twins.

A GET shows what will happen, to which notification or guarantor; the POST does it through
the queue's own methods (:meth:`~rulesengine.queue.Queue.retry`, ``cancel``, ``resolve``,
``opt_out``, ``notify``: what ``rulesengine queue retry`` and the other commands call) and
goes back with a message. Each records the user in the status history as
``dashboard:<name>``. A refusal is the queue's own message (409).
"""

from __future__ import annotations

from typing import Any

from starlette.responses import Response
from starlette.routing import Route

from rulesengine.channels.registry import installed_channel_specs
from rulesengine.errors import InvalidRequest, NotFound
from rulesengine.plurals import counted
from rulesengine.queue.notification_rows import notification_fields
from rulesengine.queue.on_demand import rules_of_latest_statement
from rulesengine.queue.request_values import RESOLVE_OUTCOMES, SOURCE_MAX
from rulesengine.queue.staff import ACTIONS
from rulesengine.store.guarantor_reads import opt_outs_of
from rulesengine.web.queue_pages import TEXT_MAX, path_part
from rulesengine.web.visits import Visit, api, screen

__all__ = ["ROUTES", "actor_of"]

#: What each notification action does, for its confirmation page.
_SAYS = {
    "retry": "It is scheduled again, due now; its attempt count is kept.",
    "cancel": "It is canceled: it will not be sent.",
    "resolve": "Its delivery is unknown (a worker stopped while sending it). Say what happened:"
    " it was sent (nothing more is sent), or it was not (it is scheduled again, due now).",
}
_RESOLVE_LABELS = {"sent": "It was sent", "resend": "It was not sent: send it again"}


def actor_of(visit: Visit) -> str:
    """Who the status history names for this visit's action."""
    return f"dashboard:{visit.user.name}"


def _notification_id(visit: Visit) -> int:
    nid = int(visit.params["id"])
    if not 1 <= nid <= 2**63 - 1:
        raise InvalidRequest(f"{nid} is not a notification id")
    return nid


def _guarantor_id(visit: Visit) -> str:
    gid = str(visit.params["guarantor_id"])
    if len(gid) > TEXT_MAX:
        raise InvalidRequest(f"a guarantor id is at most {TEXT_MAX} characters")
    return gid


def _guarantor(visit: Visit) -> Any:
    gid = _guarantor_id(visit)
    guarantor = visit.store.get_guarantor(gid)
    if guarantor is None:
        raise NotFound(f"no guarantor {gid!r} in the store")
    return guarantor


def _transitions_text(transitions: list[Any]) -> str:
    return "; ".join(
        f"notification {t.notification_id}: {t.old_status} -> {t.new_status}" for t in transitions
    )


def _do_notification_action(visit: Visit, name: str, nid: int, outcome: str) -> list[Any]:
    actor = actor_of(visit)
    if name == "retry":
        return visit.queue.retry([nid], actor=actor)
    if name == "cancel":
        return visit.queue.cancel([nid], actor=actor)
    if outcome not in RESOLVE_OUTCOMES:
        raise InvalidRequest(f"resolve as 'sent' or 'resend', not {outcome!r}")
    return visit.queue.resolve([nid], outcome, actor=actor)


# --- retry, cancel, resolve -----------------------------------------------------------------


def _notification_action(name: str) -> Any:
    @screen("staff")
    def page(visit: Visit) -> Response:
        nid = _notification_id(visit)
        if visit.request.method == "POST":
            done = _do_notification_action(visit, name, nid, visit.field("outcome"))
            return visit.redirect(f"/notifications/{nid}", flash=_transitions_text(done) + ".")
        row = visit.queue.get(nid)
        action = ACTIONS["resolve-sent" if name == "resolve" else name]
        warning = None
        if row.status not in action.allowed:
            warning = (
                f"Notification {nid} is {row.status}: only {' or '.join(action.allowed)}"
                f" notifications can be {action.verb}. The queue will refuse it."
            )
        if name == "resolve":
            forms = [
                {"hidden": {"outcome": outcome}, "button": label, "danger": False}
                for outcome, label in _RESOLVE_LABELS.items()
            ]
        else:
            button = {"retry": "Retry it now", "cancel": "Cancel it"}[name]
            forms = [{"hidden": {}, "button": button, "danger": name == "cancel"}]
        return visit.render(
            "confirm_action.html",
            heading=f"{name.capitalize()} notification {nid}?",
            says=_SAYS[name],
            facts=[
                ("Notification", f"{row.id} ({row.kind})"),
                ("Guarantor", row.guarantor_id),
                ("Channel", row.channel),
                ("Message", f"{row.message_id} (level {row.level})"),
                ("Status now", row.status),
                ("Attempt", f"{row.attempt} of {row.max_attempts}"),
            ],
            warning=warning,
            action=f"/notifications/{nid}/{name}",
            forms=[] if warning else forms,
            fields=[],
            back_href=f"/notifications/{nid}",
            listed=[],
        )

    page.__name__ = page.__qualname__ = f"_{name}_page"
    return page


def _api_notification_action(name: str) -> Any:
    @api("staff")
    def answer(visit: Visit) -> Response:
        nid = _notification_id(visit)
        done = _do_notification_action(visit, name, nid, visit.field("outcome"))
        return visit.json(
            {
                "transitions": [
                    {
                        "notification": t.notification_id,
                        "old_status": t.old_status,
                        "new_status": t.new_status,
                        "detail": t.detail,
                    }
                    for t in done
                ],
                "notification": notification_fields(visit.queue.get(nid)),
            }
        )

    answer.__name__ = answer.__qualname__ = f"_api_{name}"
    return answer


# --- opt-out ---------------------------------------------------------------------------------


def _channel(visit: Visit) -> str:
    channel = visit.field("channel").strip()
    if not channel:
        raise InvalidRequest("choose a channel")
    return channel


def _source(visit: Visit) -> str:
    source = visit.field("source", "staff").strip() or "staff"
    if len(source) > SOURCE_MAX:
        raise InvalidRequest(f"the source is at most {SOURCE_MAX} characters")
    return source


@screen("staff")
def _opt_out_page(visit: Visit) -> Response:
    guarantor = _guarantor(visit)
    gid = guarantor.id
    if visit.request.method == "POST":
        channel = _channel(visit)
        suppressed = visit.queue.opt_out(gid, channel, _source(visit), actor=actor_of(visit))
        return visit.redirect(
            f"/guarantors/{path_part(gid)}",
            flash=f"{gid} opted out of {channel}; "
            f"{counted(len(suppressed), 'queued notification')} suppressed.",
        )
    channels = visit.queue.channels.names()
    chosen = visit.query.get("channel", "")
    chosen = chosen if chosen in channels else ""
    already = {entry.channel: entry for entry in opt_outs_of(visit.store, gid)}
    scheduled = [
        row
        for row in visit.queue.find(guarantor_id=gid, status="scheduled", with_content=False)
        if not chosen or row.channel == chosen
    ]
    warning = None
    if chosen in already:
        warning = (
            f"{gid} is already opted out of {chosen} (since"
            f" {already[chosen].at:%Y-%m-%d}, {already[chosen].source}): doing it again only"
            " adds another entry to the ledger."
        )
    return visit.render(
        "confirm_action.html",
        heading=f"Opt guarantor {gid} out of {chosen or 'a channel'}?",
        says="They are recorded as opted out of the channel (the opt-out ledger), and what is"
        " still scheduled for them on it is suppressed: nothing more is sent to them by it.",
        facts=[
            ("Guarantor", gid),
            ("Already opted out of", ", ".join(sorted(already)) or "nothing"),
        ],
        warning=warning,
        action=f"/guarantors/{path_part(gid)}/opt-out",
        forms=[{"hidden": {}, "button": "Opt out", "danger": True}],
        fields=[
            {
                "name": "channel",
                "label": "Channel",
                "options": channels,
                "selected": chosen,
            },
            {"name": "source", "label": "Source (who asked)", "value": "staff", "max": SOURCE_MAX},
        ],
        back_href=f"/guarantors/{path_part(gid)}",
        listed=[
            (f"/notifications/{row.id}", f"{row.id}: {row.channel}, {row.message_id}")
            for row in scheduled
        ],
    )


@api("staff")
def _api_opt_out(visit: Visit) -> Response:
    gid = _guarantor(visit).id
    channel = _channel(visit)
    suppressed = visit.queue.opt_out(gid, channel, _source(visit), actor=actor_of(visit))
    return visit.json({"guarantor": gid, "channel": channel, "suppressed": suppressed})


# --- on-demand notification ----------------------------------------------------------------------


def _rules_for(visit: Visit, gid: str) -> Any:
    """The rules the guarantor's latest live statement was made with (as ``rulesengine
    notify`` uses without ``--rules``)."""
    specs = installed_channel_specs(visit.queue.plugin_manager())
    return rules_of_latest_statement(visit.store, gid, specs)


def _notify(visit: Visit, gid: str) -> int:
    channel = _channel(visit)
    message = visit.field("message").strip()
    if not message:
        raise InvalidRequest("choose a message")
    rules = _rules_for(visit, gid)
    return int(visit.queue.notify(gid, channel, message, rules, actor=actor_of(visit)))


@screen("staff")
def _notify_page(visit: Visit) -> Response:
    gid = _guarantor(visit).id
    if visit.request.method == "POST":
        nid = _notify(visit, gid)
        row = visit.queue.get(nid)
        said = "queued" if row.status == "scheduled" else f"{row.status} ({row.reason})"
        return visit.redirect(
            f"/notifications/{nid}",
            flash=f"Notification {nid} {said}: {row.message_id} by {row.channel}.",
        )
    rules = _rules_for(visit, gid)
    messages = sorted(rules.messages)
    channels = sorted({c for m in rules.messages.values() for c in m.content})
    return visit.render(
        "confirm_action.html",
        heading=f"Send guarantor {gid} a notification?",
        says="An on-demand notification (such as a pay-now link) is rendered from their latest"
        " live statement with that statement's rules and queued now (or at the start of the"
        " channel's send window). It goes through the same checks and never changes a"
        " dunning level.",
        facts=[("Guarantor", gid), ("Rules", f"profile {rules.profile.id}, {rules.content_hash}")],
        warning=_opted_out_warning(visit, gid),
        action=f"/guarantors/{path_part(gid)}/notify",
        forms=[{"hidden": {}, "button": "Queue it", "danger": False}],
        fields=[
            {"name": "channel", "label": "Channel", "options": channels, "selected": ""},
            {
                "name": "message",
                "label": "Message",
                "options": messages,
                "selected": "pay_now" if "pay_now" in messages else "",
            },
        ],
        back_href=f"/guarantors/{path_part(gid)}",
        listed=[],
    )


def _opted_out_warning(visit: Visit, gid: str) -> str | None:
    """A warning naming the channels the guarantor is opted out of (a notification queued
    on one is suppressed by the pre-send check, not sent)."""
    guarantor = visit.store.get_guarantor(gid)
    opted = {entry.channel for entry in opt_outs_of(visit.store, gid)}
    if guarantor is not None and guarantor.sms_opt_out:
        opted.add("text")
    if guarantor is not None and guarantor.email_opt_out:
        opted.add("email")
    if not opted:
        return None
    return (
        f"{gid} is opted out of {', '.join(sorted(opted))}: a notification queued there is"
        " suppressed, not sent."
    )


@api("staff")
def _api_notify(visit: Visit) -> Response:
    gid = _guarantor(visit).id
    nid = _notify(visit, gid)
    return visit.json({"id": nid, "notification": notification_fields(visit.queue.get(nid))})


_BOTH = ["GET", "POST"]

ROUTES = [
    *(
        Route(
            f"/notifications/{{id:int}}/{name}",
            _notification_action(name),
            methods=_BOTH,
            name=f"notification_{name}",
        )
        for name in ("retry", "cancel", "resolve")
    ),
    Route("/guarantors/{guarantor_id}/opt-out", _opt_out_page, methods=_BOTH, name="opt_out"),
    Route("/guarantors/{guarantor_id}/notify", _notify_page, methods=_BOTH, name="notify"),
    *(
        Route(
            f"/api/notifications/{{id:int}}/{name}",
            _api_notification_action(name),
            methods=["POST"],
            name=f"api_notification_{name}",
        )
        for name in ("retry", "cancel", "resolve")
    ),
    Route("/api/guarantors/{guarantor_id}/opt-out", _api_opt_out, methods=["POST"]),
    Route("/api/guarantors/{guarantor_id}/notify", _api_notify, methods=["POST"]),
]
