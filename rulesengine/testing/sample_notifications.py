"""Sample notifications for a channel's tests: :func:`sample_notification`, realistic
and complete, as the queue hands them to ``send`` (re-exported by
:mod:`rulesengine.testing.plugin_kit`, where plugins import it from)."""

from __future__ import annotations

import datetime as dt
from typing import Any

from rulesengine.channels.registry import BUILTIN_ADDRESSING
from rulesengine.model import Notification

__all__ = ["SAMPLE_ADDRESSES", "SAMPLE_CHANNELS", "sample_notification"]

#: A sample ``to`` per address kind (every one of
#: :data:`~rulesengine.channels.contract.ADDRESS_KINDS`; a test checks they match).
SAMPLE_ADDRESSES = {
    "email": "pat.doe@example.org",
    "mobile": "+15555550101",
    "postal": "12 Elm St, Apt 4, Springfield, IL 62704",
    "guarantor": "G0001",
}


#: The default ``channel`` of a sample per address kind: the built-in channel of that kind
#: (``email``, ``text``, ``print``), and ``portal`` for a channel keyed by the guarantor.
SAMPLE_CHANNELS = {
    **{kind: name for name, kind in BUILTIN_ADDRESSING.items()},
    "guarantor": "portal",
}


def sample_notification(*, address: str = "email", **overrides: Any) -> Notification:
    """A realistic notification for tests; ``overrides`` replace any field.

    ``address`` (``email``, ``mobile``, ``postal`` or ``guarantor``) picks the default ``to``
    (for ``guarantor``: the notification's ``guarantor_id``) and ``channel``
    (:data:`SAMPLE_CHANNELS`: ``email``, ``text``, ``print``, ``portal``). The default
    content has ``subject`` and ``body`` (email) or ``body``; ``recipient``, ``statement``
    and ``sender`` are filled as the queue fills them (see :class:`~rulesengine.model.
    Notification`).
    """
    n = int(overrides.get("id", 1))
    channel = overrides.get("channel", SAMPLE_CHANNELS.get(address, "print"))
    body = "Hello Pat, your balance of $182.40 is due. Pay online: https://pay.example.org/q/tok123"
    content: dict[str, Any] = {"body": body}
    if address == "email":
        content["subject"] = "Your statement from Riverside Family Medicine"
    values: dict[str, Any] = {
        "id": n,
        "idempotency_key": f"B20240301-1:S{n:04d}:{channel}",
        "channel": channel,
        "to": SAMPLE_ADDRESSES.get(address, SAMPLE_ADDRESSES["email"]),
        "guarantor_id": f"G{n:04d}",
        "statement_id": f"S{n:04d}",
        "batch_id": "B20240301-1",
        "message_id": "reminder",
        "level": 1,
        "content": content,
        "attempt": 1,
        "scheduled_at": dt.datetime(2024, 3, 1, 14, 0, tzinfo=dt.UTC),
        "recipient": {
            "first_name": "Pat",
            "last_name": "Doe",
            "postal_line1": "12 Elm St",
            "postal_line2": "Apt 4",
            "postal_city": "Springfield",
            "postal_state": "IL",
            "postal_zip": "62704",
        },
        "statement": {
            "id": f"S{n:04d}",
            "total_cents": 18240,
            "due_date": "2024-03-22",
            "level": 1,
            "encounter_count": 2,
            "pay_link": "https://pay.example.org/q/tok123",
            "lines": [
                {"service_date": "2024-01-09", "patient_id": "P001", "balance_cents": 12000},
                {"service_date": "2024-02-02", "patient_id": "P002", "balance_cents": 6240},
            ],
        },
        "sender": {
            "practice": "Riverside Family Medicine",
            "phone": "+1 555 555 0199",
            "profile": "standard",
        },
    }
    if address == "guarantor":
        values["to"] = values["guarantor_id"]
    values.update(overrides)
    return Notification(**values)
