"""``rulesengine explain``: why a guarantor's encounters went the way they did in a batch."""

from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING, Any

from rulesengine.model import BatchResult, format_money
from rulesengine.queue.notification_reads import list_notifications, stored_batch

if TYPE_CHECKING:
    from rulesengine.store.sql_store import SQLStore

__all__ = ["explain_guarantor", "explain_stored_batch", "render_explanation"]


def explain_stored_batch(
    store: SQLStore, batch_id: str, guarantor_id: str
) -> dict[str, Any] | None:
    """:func:`explain_guarantor` for a batch in the store, saying what became of each of its
    notifications in the queue since; None when the store has no batch ``batch_id``. Reads
    only the batch's part about the guarantor, however large the batch."""
    batch = stored_batch(store, batch_id, guarantor_id)
    if batch is None:
        return None
    queued: dict[tuple[str, str], Any] = {}
    if batch.mode == "live":
        queued = {
            (str(n["statement_id"]), str(n["channel"])): n
            for n in list_notifications(store, batch_id=batch.id, guarantor_id=guarantor_id)
        }
    return explain_guarantor(batch, guarantor_id, queued)


def explain_guarantor(
    batch: BatchResult,
    guarantor_id: str,
    queued: Mapping[tuple[str, str], Mapping[str, Any]] | None = None,
) -> dict[str, Any]:
    """The trace of every encounter of ``guarantor_id`` that ``batch`` looked at, with the
    guarantor's statements, skips and notifications in it.

    :param queued: for a stored live batch, (statement id, channel) -> that notification's
        row in the queue now (its ``id`` and ``status``), so the explanation says what became
        of it after the upload.
    """
    queued = queued or {}
    encounter_ids = sorted(e for e, g in batch.guarantor_of.items() if g == guarantor_id)
    statements = [s for s in batch.statements if s.guarantor_id == guarantor_id]
    return {
        "guarantor": guarantor_id,
        "batch": batch.id,
        "mode": batch.mode,
        "date": batch.run_date.isoformat(),
        "rules_hash": batch.rules_hash,
        "encounters": [
            {
                "id": encounter_id,
                "steps": [
                    {"step": t.step, "outcome": t.outcome, "rule": t.rule, "detail": t.detail}
                    for t in batch.traces.get(encounter_id, ())
                ],
            }
            for encounter_id in encounter_ids
        ],
        "statements": [
            {
                "id": s.id,
                "level": s.level,
                "message": s.message_id,
                "channels": list(s.channels),
                "total": format_money(s.total_cents),
                "encounters": [line.encounter_id for line in s.lines],
            }
            for s in statements
        ],
        "skipped": {
            s.encounter_id: s.reason for s in batch.skips if s.guarantor_id == guarantor_id
        },
        "pre_collections": [e for e in batch.pre_collections if e in set(encounter_ids)],
        "notifications": [
            {
                "channel": n.channel,
                "message": n.message_id,
                "status": n.status,
                "reason": n.reason,
                **(
                    {"id": row["id"], "queue_status": row["status"]}
                    if (row := queued.get((n.statement_id, n.channel))) is not None
                    else {}
                ),
            }
            for n in batch.notifications
            if n.guarantor_id == guarantor_id
        ],
    }


def render_explanation(explanation: dict[str, Any]) -> str:
    """The explanation as text for staff."""
    kind = "test batch" if explanation["mode"] == "test" else "batch"
    lines = [
        f"Guarantor {explanation['guarantor']} in {kind} {explanation['batch']}"
        f" (run date {explanation['date']}, rules {explanation['rules_hash'][:12]})",
    ]
    if not explanation["encounters"]:
        lines.append("  This batch did not look at any of the guarantor's encounters.")
    for encounter in explanation["encounters"]:
        lines.append(f"  Encounter {encounter['id']}:")
        if not encounter["steps"]:
            lines.append("    closed: takes no part in the run")
        for step in encounter["steps"]:
            lines.append(f"    {step['step']:<12} {step['detail']}")
    for statement in explanation["statements"]:
        lines.append(
            f"  Statement {statement['id']}: level {statement['level']}, message"
            f" {statement['message']!r}, total {statement['total']}, encounters"
            f" {', '.join(statement['encounters'])}, channels {', '.join(statement['channels'])}"
        )
    for note in explanation["notifications"]:
        why = f" ({note['reason']})" if note["reason"] else ""
        now = ""
        if "queue_status" in note:
            now = f"; now {note['queue_status']} (rulesengine queue show {note['id']})"
            if note["queue_status"] == note["status"]:
                now = f"; still {note['status']} (rulesengine queue show {note['id']})"
        lines.append(
            f"  Notification {note['channel']}: {note['message']!r}, {note['status']}{why}{now}"
        )
    return "\n".join(lines)
