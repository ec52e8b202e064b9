"""A small practice in a temporary store, for tests of statement runs."""

from __future__ import annotations

import copy
import datetime as dt
from pathlib import Path
from typing import Any

import pytest
import yaml

from rulesengine.model import BatchResult, Encounter, Guarantor, Payment, PostalAddress
from rulesengine.rules import load_rules
from rulesengine.rules.policy import Rules
from rulesengine.statements.statement_run import run_statements
from rulesengine.store import open_store
from rulesengine.store.base import LedgerData

#: The policy of the worked examples of docs/rules.md: 3 levels, limit on, cycle 28 days,
#: reset when a payment covers at least 25% of the balance.
WORKED_EXAMPLE_RULES: dict[str, Any] = {
    "rulesengine": 1,
    "profile": {
        "id": "standard",
        "practice": "Riverside Family Medicine",
        "phone": "+1 555 555 0199",
        "timezone": "America/Chicago",
        "pay_link": "https://pay.example.org/q/{token}",
    },
    "eligibility": {"cycle_days": 28},
    "dunning": {
        "no_limit": False,
        "levels": [
            {"message": "reminder", "channels": ["email"]},
            {"message": "past_due", "channels": ["email", "text"]},
            {"message": "final_notice", "channels": ["email", "text", "print"]},
        ],
    },
    "payments": {
        "rules": [{"name": "adequate", "when": "payment.percent >= 25", "then": "reset_to_zero"}]
    },
    "messages": {
        "reminder": {
            "email": {
                "subject": "Statement from {{ practice }}",
                "body": "Due: {{ statement.total | money }}",
            },
        },
        "past_due": {
            "email": {"subject": "Past due", "body": "Past due: {{ statement.total | money }}"},
            "text": "{{ practice }}: past due {{ statement.total | money }} {{ pay_link }}",
        },
        "final_notice": {
            "email": {"subject": "Final notice", "body": "Pay {{ statement.total | money }}"},
            "text": "{{ practice }}: final notice. Call {{ phone }}",
            "print": {
                "body": "Final notice: {{ statement.total | money }} due {{ statement.due_date }}"
            },
        },
    },
}

# Run dates 28 days apart, so cycle_days never holds a run back unless a test wants it.
RUN = [dt.date(2026, 2, 1) + dt.timedelta(days=28 * i) for i in range(8)]


def merged(base: dict[str, Any], overrides: dict[str, Any]) -> dict[str, Any]:
    """Mappings merge key by key; lists and values replace (as scenario overrides do)."""
    out = copy.deepcopy(base)
    for key, value in overrides.items():
        if isinstance(value, dict) and isinstance(out.get(key), dict):
            out[key] = merged(out[key], value)
        else:
            out[key] = copy.deepcopy(value)
    return out


class Practice:
    """A store with a ledger and a rules file; runs statement batches against them."""

    def __init__(self, directory: Path) -> None:
        self.directory = directory
        self.store = open_store("sqlite:///" + str(directory / "practice.db"))
        self.rules: Rules = self.use_rules()

    def use_rules(self, **overrides: Any) -> Rules:
        data = merged(WORKED_EXAMPLE_RULES, overrides)
        path = self.directory / f"rules-{len(list(self.directory.glob('rules-*.yaml')))}.yaml"
        path.write_text(yaml.safe_dump(data, sort_keys=False), encoding="utf-8")
        self.rules = load_rules(str(path))
        return self.rules

    def guarantor(self, gid: str = "G1", **fields: Any) -> Guarantor:
        values: dict[str, Any] = {
            "first_name": "Ada",
            "last_name": "Lovelace",
            "email": f"{gid.lower()}@example.org",
            "mobile": "+15555550101",
            "postal": PostalAddress("1 Main St", "", "Springfield", "IL", "62701"),
            "timezone": "America/New_York",
        }
        values.update(fields)
        guarantor = Guarantor(id=gid, **values)
        self.store.import_ledger(LedgerData(guarantors=[guarantor]))
        return guarantor

    def encounter(
        self, eid: str = "E1", guarantor: str = "G1", balance: float = 200.0, **fields: Any
    ) -> Encounter:
        if self.store.get_guarantor(guarantor) is None:
            self.guarantor(guarantor)
        values: dict[str, Any] = {"patient_id": "P1", "service_date": dt.date(2026, 1, 3)}
        values.update(fields)
        encounter = Encounter(
            id=eid, guarantor_id=guarantor, balance_cents=round(balance * 100), **values
        )
        self.store.import_ledger(LedgerData(encounters=[encounter]))
        return encounter

    def imported_payment(self, eid: str, amount: float, date: dt.date) -> None:
        self.store.import_ledger(
            LedgerData(payments=[Payment(None, eid, round(amount * 100), date)])
        )

    def pay(self, eid: str, amount: float, date: dt.date) -> None:
        self.store.post_payment(eid, round(amount * 100), date)

    def adjust(self, eid: str, amount: float, date: dt.date) -> None:
        self.store.post_adjustment(eid, round(amount * 100), date)

    def run(self, date: dt.date, *, live: bool = True) -> BatchResult:
        return run_statements(self.store, self.rules, date, live=live)

    def test_run(self, date: dt.date) -> BatchResult:
        return self.run(date, live=False)

    def enc(self, eid: str = "E1") -> Encounter:
        encounter = self.store.get_encounter(eid)
        assert encounter is not None
        return encounter


@pytest.fixture
def practice(tmp_path: Path):
    p = Practice(tmp_path)
    yield p
    p.store.close()


def statement_of(batch: BatchResult, guarantor: str = "G1"):
    found = [s for s in batch.statements if s.guarantor_id == guarantor]
    assert len(found) <= 1, found
    return found[0] if found else None
