"""The printed letters of the shipped rules files read right: one greeting, no repeats.

The print channel writes the greeting (``Dear <name>,``), the total, "Please pay by <due
date>.", the pay link and the phone number around a message's ``body``. ``rules/standard.yaml``
and ``rules/no-limit.yaml`` said "Dear ..." in the body too, so every final notice greeted the
patient twice (and asked for payment twice, once with an ISO date). Each shipped rules file
runs here through the real commands (import, a live run, deliver) on a ledger with one
guarantor at each level, and every PDF letter is read back.
"""

from __future__ import annotations

import re
from pathlib import Path

import pytest
from pypdf import PdfReader

from ._zygote import rulesengine

REPO = Path(__file__).resolve().parents[2]
SHIPPED = {
    "standard": REPO / "rules" / "standard.yaml",
    "no-limit": REPO / "rules" / "no-limit.yaml",
    "demo-practice": REPO / "rulesengine" / "data" / "demo-practice.yaml",
}
GUARANTORS = """id,first_name,last_name,email,mobile,timezone,paperless,hold,sms_opt_out,\
email_opt_out,profile,postal_line1,postal_line2,postal_city,postal_state,postal_zip
G1,Ada,Lovelace,,,America/Chicago,false,false,false,false,,12 Analytical Way,,Boston,MA,02110
G2,Grace,Hopper,,,America/Chicago,false,false,false,false,,1 Navy Yard,,Arlington,VA,22202
G3,Alan,Turing,,,America/Chicago,false,false,false,false,,2 Bletchley Rd,,Denver,CO,80202
"""
# One visit at each level before the run: the run sends levels 1, 2 and 3 (and the last
# level again to G3 under no_limit).
ENCOUNTERS = """id,guarantor,patient,service_date,balance,level,status,hold,location,provider,\
first_statement,last_statement,statements_sent,profile
E1,G1,P1,2025-12-03,120.00,0,open,false,,,,,0,
E2,G2,P2,2025-11-03,180.00,1,open,false,,,2025-12-01,2025-12-01,1,
E3,G3,P3,2025-10-03,240.00,2,open,false,,,2025-11-01,2026-01-01,2,
"""


def _rulesengine(cwd: Path, *argv: str) -> None:
    done = rulesengine("--db", "store.db", *argv, cwd=cwd)
    assert done.returncode == 0, done.output


def _letters(rules: Path, work: Path) -> list[str]:
    ledger = work / "ledger"
    ledger.mkdir()
    (ledger / "guarantors.csv").write_text(GUARANTORS, "utf-8")
    (ledger / "encounters.csv").write_text(ENCOUNTERS, "utf-8")
    (ledger / "payments.csv").write_text("encounter,amount,date\n", "utf-8")
    (ledger / "adjustments.csv").write_text("encounter,amount,date\n", "utf-8")
    _rulesengine(work, "import", "ledger")
    _rulesengine(work, "run", "--rules", str(rules), "--date", "2026-02-01")
    _rulesengine(work, "deliver", "--now", "2026-02-01T16:00:00Z")
    pdfs = sorted((work / "outbox" / "print").rglob("*.pdf"))
    return ["\n".join(page.extract_text() for page in PdfReader(p).pages) for p in pdfs]


@pytest.mark.parametrize("name", sorted(SHIPPED))
def test_each_shipped_letter_greets_once_and_asks_once(name: str, tmp_path: Path) -> None:
    letters = _letters(SHIPPED[name], tmp_path)
    assert letters, "the run printed no letter"
    for text in letters:
        assert len(re.findall(r"\bDear\b", text)) == 1, text
        assert text.count("Please pay by") == 1, text
        assert text.count("https://pay.example.org/q/") == 1, text
        # dates as the letter writes them (a statement id holds the run date: not a date)
        assert not re.search(r"(?<![-\w])20\d\d-\d\d-\d\d(?![-\w])", text), text
        greeting = text.index("Dear ")
        assert text[greeting:].startswith(
            ("Dear Ada Lovelace,", "Dear Grace Hopper,", "Dear Alan Turing,")
        ), text
