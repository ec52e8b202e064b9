"""Small ledgers and batches for the store tests."""

from __future__ import annotations

import datetime as dt
from zoneinfo import ZoneInfo

from rulesengine.model import (
    Adjustment,
    BatchResult,
    Encounter,
    EncounterChange,
    Guarantor,
    NotificationDraft,
    Payment,
    PostalAddress,
    SendWindow,
    Skip,
    Statement,
    StatementLine,
    TraceStep,
)
from rulesengine.queue.batch_upload import upload_batch
from rulesengine.store.base import LedgerData, RunTransaction
from rulesengine.store.rows import utcnow

D = dt.date
FIRST_RUN = D(2026, 2, 1)


def guarantor(gid: str, **kw: object) -> Guarantor:
    return Guarantor(id=gid, first_name="Ada", last_name=gid, **kw)  # type: ignore[arg-type]


def encounter(eid: str, gid: str, balance: int = 10_000, **kw: object) -> Encounter:
    return Encounter(
        id=eid,
        guarantor_id=gid,
        patient_id=f"P-{eid}",
        service_date=D(2026, 1, 5),
        balance_cents=balance,
        **kw,  # type: ignore[arg-type]
    )


def small_ledger() -> LedgerData:
    """Two guarantors, three encounters, one payment, one adjustment."""
    return LedgerData(
        guarantors=[
            guarantor(
                "G1",
                email="ada@example.org",
                mobile="+15555550101",
                timezone="America/Chicago",
                postal=PostalAddress("1 Main St", "Apt 2", "Springfield", "IL", "62701"),
            ),
            guarantor("G2", paperless=True, hold=True, sms_opt_out=True, profile="north"),
        ],
        encounters=[
            encounter(
                "E1",
                "G1",
                level=1,
                last_statement=D(2026, 1, 20),
                statements_sent=1,
                first_statement=D(2026, 1, 20),
                location="clinic",
                provider="dr-who",
            ),
            encounter("E2", "G1", balance=-500, status="closed"),
            encounter("E3", "G2", status="pre_collections", level=3, hold=True),
        ],
        payments=[Payment(None, "E1", 2_500, D(2026, 1, 10))],
        adjustments=[Adjustment(None, "E2", -1_000, D(2026, 1, 11))],
    )


def batch(
    bid: str = "B1",
    *,
    profile: str = "default",
    run_date: dt.date = FIRST_RUN,
    reviewed: tuple[int, ...] = (),
) -> BatchResult:
    """A live batch over :func:`small_ledger`: E1 billed at level 2, E3 sent to the
    worklist riding along, a skip, traces and two notifications."""
    line1 = StatementLine("E1", "P-E1", D(2026, 1, 5), 10_000, 2)
    rider = StatementLine("E3", "P-E3", D(2026, 1, 5), 10_000, 3, rider=True)
    chicago = ZoneInfo("America/Chicago")
    return BatchResult(
        id=bid,
        profile_id=profile,
        run_date=run_date,
        mode="live",
        rules_hash="sha256:abc",
        rules_path="rules/standard.yaml",
        statements=[
            Statement(
                f"{bid}-S1",
                "G1",
                None,
                (("location", "clinic"), ("provider", None)),
                3,
                "final_notice",
                ("email", "text"),
                20_000,
                D(2026, 2, 22),
                [line1, rider],
            ),
        ],
        pre_collections=["E3"],
        skips=[Skip("E4", "G2", "guarantor_hold")],
        changes=[
            EncounterChange("E1", 2, "open", D(2026, 1, 20), run_date, 2),
            EncounterChange("E3", 3, "pre_collections", None, run_date, 1),
        ],
        reviewed_payment_ids=reviewed,
        notifications=[
            NotificationDraft(
                f"{bid}-S1",
                "G1",
                "email",
                "final_notice",
                3,
                "scheduled",
                None,
                "ada@example.org",
                dt.datetime(2026, 2, 1, 0, 0, tzinfo=chicago),
                {"subject": "Final notice", "body": "Pay 200.00 — now"},
                timezone="America/Chicago",
                send_window=SendWindow(dt.time(9), dt.time(17, 30)),
                max_attempts=3,
                backoff=(30, 90),
                context={
                    "recipient": {"first_name": "Ada", "last_name": "G1", "postal_zip": "62701"},
                    "statement": {"id": f"{bid}-S1", "total_cents": 20_000, "lines": []},
                    "sender": {"practice": "Riverside", "phone": "", "profile": "default"},
                },
            ),
            NotificationDraft(
                f"{bid}-S1",
                "G1",
                "text",
                "final_notice",
                3,
                "suppressed",
                "opted out of text",
                None,
                dt.datetime(2026, 2, 1, 14, 0, tzinfo=dt.UTC),
                {"body": "Pay"},
            ),
        ],
        traces={
            "E1": (
                TraceStep("advance", "rose", "level 1 -> 2"),
                TraceStep("statement", "billed", "on B1-S1", rule="standard"),
            ),
            "E4": (),
        },
        guarantor_of={"E1": "G1", "E3": "G1"},
        created_at=dt.datetime(2026, 2, 1, 6, 30, 15, 123456, tzinfo=dt.UTC),
    )


def save_live(run: RunTransaction, result: BatchResult, rules_text: str) -> list[int]:
    """Save a live batch in ``run`` as the statement run does: the store writes it, then the
    queue uploads its notifications in the same transaction; returns the superseded ids."""
    at = utcnow()
    run.save_batch(result, rules_text, at)
    return upload_batch(run.connection, result, at)
