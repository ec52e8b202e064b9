"""Building the MIME message for one notification, refusing anything that could inject headers."""

from __future__ import annotations

import datetime as dt
import email.policy
import hashlib
import re
from email.headerregistry import Address
from email.message import EmailMessage
from email.utils import format_datetime

from rulesengine.model import Notification

__all__ = ["BadMessage", "build_message", "check_address", "message_id"]

_CONTROL = re.compile(r"[\x00-\x1f\x7f]")


class BadMessage(ValueError):
    """The notification cannot become an email (a permanent problem); the text says why."""


def message_id(idempotency_key: str) -> str:
    """The Message-ID for a notification: the same on every retry."""
    return f"<{hashlib.sha256(idempotency_key.encode('utf-8')).hexdigest()[:32]}@rulesengine>"


def check_address(value: object, what: str) -> Address:
    """Parse one plain address such as ``pat@example.org``; raise :class:`BadMessage`."""
    if not isinstance(value, str) or not value.strip():
        raise BadMessage(f"the {what} address is missing")
    if "\r" in value or "\n" in value:
        raise BadMessage(f"the {what} address contains a line break (refused)")
    if not value.isascii():
        raise BadMessage(f"the {what} address {value!r} is not ASCII (not supported)")
    try:
        address = Address(addr_spec=value.strip())
    except (ValueError, IndexError) as exc:
        raise BadMessage(f"the {what} address {value!r} is not an email address: {exc}") from None
    if not address.username or "." not in address.domain or _CONTROL.search(value):
        raise BadMessage(f"the {what} address {value!r} is not an email address")
    return address


def _display_name(text: object) -> str:
    return _CONTROL.sub(" ", text).strip() if isinstance(text, str) else ""


def build_message(n: Notification, sender: str, now: dt.datetime) -> EmailMessage:
    """The email for ``n`` from ``sender``; raise :class:`BadMessage` when it cannot be built.

    A text/plain UTF-8 part; headers From (the practice as display name), To, Subject,
    Date, Message-ID (from the idempotency key) and ``Auto-Submitted: auto-generated``.
    """
    subject = n.content.get("subject")
    body = n.content.get("body")
    if not isinstance(subject, str) or not subject.strip():
        raise BadMessage("the email has no subject (content key 'subject')")
    if "\r" in subject or "\n" in subject:
        raise BadMessage("the subject contains a line break (refused: header injection)")
    if not isinstance(body, str) or not body.strip():
        raise BadMessage("the email has no body (content key 'body')")
    to = check_address(n.to, "recipient")
    sender_address = check_address(sender, "sender ('from' setting)")
    practice = _display_name(n.sender.get("practice"))

    msg = EmailMessage(policy=email.policy.SMTP)
    msg["From"] = Address(practice, addr_spec=sender_address.addr_spec)
    msg["To"] = to
    msg["Subject"] = subject.strip()
    msg["Date"] = format_datetime(now)
    msg["Message-ID"] = message_id(n.idempotency_key)
    msg["Auto-Submitted"] = "auto-generated"
    msg.set_content(body, subtype="plain", charset="utf-8")
    return msg
