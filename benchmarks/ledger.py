"""A seeded ledger generator for realistic practices of any size.

Guarantors have one to several encounters; balances follow a log-normal spread; levels,
statuses, holds and statement dates are spread like a practice's ledger after months of
runs; some encounters have payments since their last statement (some adequate, some not).
The same seed gives the same ledger.
"""

from __future__ import annotations

import datetime as dt
import random

from rulesengine.model import Encounter, Guarantor, Payment, PostalAddress
from rulesengine.store.base import LedgerData

ZONES = ("America/New_York", "America/Chicago", "America/Denver", "America/Los_Angeles", None)
LOCATIONS = ("main_clinic", "north_clinic", None)


def generate(
    encounters: int, *, seed: int = 7, run_date: dt.date = dt.date(2026, 6, 1)
) -> LedgerData:
    """``encounters`` encounters over about ``encounters / 4`` guarantors (one to seven
    each): 1,000,000 encounters and about 250,000 guarantors at the largest size that
    docs/performance.md measures."""
    rng = random.Random(seed)
    guarantors: list[Guarantor] = []
    rows: list[Encounter] = []
    payments: list[Payment] = []
    g = 0
    while len(rows) < encounters:
        g += 1
        gid = f"G{g:07d}"
        has_email = rng.random() < 0.8
        guarantors.append(
            Guarantor(
                id=gid,
                first_name="Pat",
                last_name=f"Doe{g}",
                email=f"pat{g}@example.org" if has_email else None,
                mobile=f"+1555{g % 10_000_000:07d}" if rng.random() < 0.7 else None,
                postal=PostalAddress(f"{g} Main St", "", "Springfield", "IL", "62701"),
                timezone=rng.choice(ZONES),
                paperless=has_email and rng.random() < 0.3,
                hold=rng.random() < 0.01,
            )
        )
        for _ in range(min(rng.choice((1, 2, 3, 4, 5, 6, 7)), encounters - len(rows))):
            eid = f"E{len(rows) + 1:08d}"
            level = rng.choice((0, 0, 0, 1, 1, 2, 2, 3))
            billed = level > 0
            last = (
                run_date - dt.timedelta(days=rng.choice((10, 28, 31, 35, 60))) if billed else None
            )
            first = last - dt.timedelta(days=28 * (level - 1)) if last else None
            balance = int(min(500_000, max(-2_000, rng.lognormvariate(9.6, 1.1) - 500)))
            status = "pre_collections" if level == 3 and rng.random() < 0.3 else "open"
            rows.append(
                Encounter(
                    id=eid,
                    guarantor_id=gid,
                    patient_id=f"P{g:07d}{rng.choice('ab')}",
                    service_date=run_date - dt.timedelta(days=rng.randint(20, 300)),
                    balance_cents=balance,
                    level=level,
                    status=status,
                    hold=rng.random() < 0.01,
                    location=rng.choice(LOCATIONS),
                    first_statement=first,
                    last_statement=last,
                    statements_sent=level,
                )
            )
            if billed and rng.random() < 0.2:
                share = rng.choice((0.05, 0.1, 0.3, 0.5, 1.0))
                amount = max(100, int(max(balance, 1000) * share))
                payments.append(
                    Payment(None, eid, amount, last + dt.timedelta(days=rng.randint(1, 9)))
                )
    return LedgerData(guarantors, rows, payments)
