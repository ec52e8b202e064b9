"""The pre-send check: what stops a claimed notification before it reaches a channel.

In this order (``docs/queue.md``): the guarantor opted out of the channel -> ``suppressed``;
the guarantor is on hold, or every encounter of the statement is -> ``canceled`` (hold);
the statement's encounters owe nothing now (current balances, credits included, sum to
0 or less) -> ``canceled`` (paid). Proofs go to the practice's test recipients, not to the
guarantor, so the guarantor's opt-outs, holds and balances do not stop them.
"""

from __future__ import annotations

from rulesengine.queue.notification_rows import PresendFacts, QueueRow

__all__ = ["HOLD", "PAID", "presend_outcome"]

HOLD = "hold"
PAID = "paid"


def presend_outcome(row: QueueRow, facts: PresendFacts) -> tuple[str, str] | None:
    """``(new status, history detail)`` when the check stops ``row``; None to send it."""
    if row.kind == "proof":
        return None
    source = facts.opted_out.get((row.guarantor_id, row.channel))
    if source is not None:
        return "suppressed", f"opted out ({source})"
    if row.guarantor_id in facts.held:
        return "canceled", f"{HOLD}: the guarantor is on hold"
    lines = facts.lines.get(row.checked_statement_id, ())
    if lines and all(hold for hold, _ in lines):
        return "canceled", f"{HOLD}: every encounter of the statement is on hold"
    if lines and sum(balance for _, balance in lines) <= 0:
        return "canceled", f"{PAID}: the statement's encounters owe nothing now"
    return None
