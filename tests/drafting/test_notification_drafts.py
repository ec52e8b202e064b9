"""A level's ``fallback`` channels (docs/rules.md, "When a fallback is used"): used for a
statement only when none of the level's channels can reach the guarantor (no address or
opted out), never for paperless, and said so in the trace and the statement's channels."""

from __future__ import annotations

import datetime as dt
import json
from pathlib import Path

import pytest
import yaml
from click.testing import CliRunner

from rulesengine.cli.main import main
from rulesengine.drafting.notification_drafts import (
    channel_address,
    fallback_channels,
    suppression_reason,
)
from rulesengine.model import Encounter, Guarantor, PostalAddress
from rulesengine.queue import presend_sql
from rulesengine.queue.notification_reads import list_notifications, stored_batch
from rulesengine.rules import load_rules
from rulesengine.rules.policy import Level
from rulesengine.statements.statement_run import run_statements
from rulesengine.store.base import LedgerData
from tests.statements.conftest import RUN, WORKED_EXAMPLE_RULES, merged, statement_of

POSTAL = PostalAddress("1 Main St", "", "Springfield", "IL", "62701")
REMINDER_BY_EMAIL_ELSE_PRINT = Level(1, "reminder", ["email"], fallback=["print"])


#: Level 1 by email, else by print.
FALLBACK = {
    "dunning": {
        "levels": [
            {"message": "reminder", "channels": ["email"], "fallback": ["print"]},
            {"message": "past_due", "channels": ["email", "text"]},
            {"message": "final_notice", "channels": ["email", "text", "print"]},
        ]
    },
    "messages": {"reminder": {"print": {"body": "Due: {{ statement.total | money }}"}}},
}


def fallback_rules(practice):  # type: ignore[no-untyped-def]
    practice.use_rules(**FALLBACK)


@pytest.mark.parametrize(
    ("guarantor", "opted_out", "used"),
    [
        (Guarantor("G1", email="g1@example.org", postal=POSTAL), frozenset(), ()),
        (Guarantor("G1", postal=POSTAL), frozenset(), ("print",)),  # no email
        (Guarantor("G1", email="g1@example.org", email_opt_out=True), frozenset(), ("print",)),
        (Guarantor("G1", email="g1@example.org"), frozenset({"email"}), ("print",)),  # ledger
        # Email has no address (not paperless): the letter is queued, then suppressed.
        (Guarantor("G1", postal=POSTAL, paperless=True), frozenset(), ("print",)),
    ],
    ids=["reachable", "no_email", "email_opt_out", "opt_out_ledger", "paperless"],
)
def test_fallback_is_used_only_when_no_channel_of_the_level_reaches(guarantor, opted_out, used):
    found, _why = fallback_channels(REMINDER_BY_EMAIL_ELSE_PRINT, guarantor, opted_out=opted_out)
    assert found == used


def test_a_level_without_fallback_has_nothing_to_explain():
    level = Level(1, "reminder", ["email"])
    assert fallback_channels(level, Guarantor("G1")) == ((), None)


def test_a_channel_suppressed_as_paperless_never_calls_the_fallback():
    """Print suppressed because the guarantor chose paperless is a choice, not a gap."""
    level = Level(3, "final_notice", ["print"], fallback=["email"])
    guarantor = Guarantor("G1", email="g1@example.org", postal=POSTAL, paperless=True)
    assert fallback_channels(level, guarantor) == ((), None)


def test_a_paperless_guarantor_falls_back_to_every_fallback_channel():
    """The fallback channels are queued the same way as any: paperless decides later."""
    level = Level(1, "reminder", ["email"], fallback=["print", "text"])
    guarantor = Guarantor("G1", mobile="+15555550101", postal=POSTAL, paperless=True)
    used, why = fallback_channels(level, guarantor)
    assert used == ("print", "text")
    assert why == (
        "none of the level's channels can reach the guarantor (email: no_email): falls back"
        " to print, text"
    )


def test_the_run_uses_the_fallback_and_the_trace_says_why(practice):
    fallback_rules(practice)
    practice.guarantor("G1", email=None)
    practice.encounter("E1", balance=100)
    batch = practice.test_run(RUN[0])
    statement = statement_of(batch)
    assert statement.channels == ("email", "print")
    assert [(n.channel, n.status, n.reason) for n in batch.notifications] == [
        ("email", "suppressed", "no_email"),
        ("print", "scheduled", None),
    ]
    [step] = [t for t in batch.traces["E1"] if t.outcome == "fallback"]
    assert step.step == "statement"
    assert step.rule == "dunning.levels[0].fallback"
    assert step.detail == (
        f"statement {statement.id}: none of the level's channels can reach the guarantor"
        " (email: no_email): falls back to print"
    )


def test_the_run_uses_the_fallback_for_an_opt_out_of_the_ledger(practice):
    fallback_rules(practice)
    practice.encounter("E1", balance=100)
    with practice.store.writing() as conn:
        presend_sql.record_opt_out(
            conn, "G1", "email", dt.datetime(2026, 1, 5, tzinfo=dt.UTC), "unsubscribe link"
        )
    batch = practice.test_run(RUN[0])
    assert [(n.channel, n.status, n.reason) for n in batch.notifications] == [
        ("email", "suppressed", "opted_out"),
        ("print", "scheduled", None),
    ]


def test_a_fallback_channel_without_an_address_is_suppressed_like_any_channel(practice):
    """The fallback is loaded "the same way": no postal address, a suppressed letter."""
    fallback_rules(practice)
    practice.guarantor("G1", email=None, postal=None)
    practice.encounter("E1", balance=100)
    batch = practice.test_run(RUN[0])
    assert [(n.channel, n.status, n.reason) for n in batch.notifications] == [
        ("email", "suppressed", "no_email"),
        ("print", "suppressed", "no_postal"),
    ]


def test_a_paperless_guarantors_fallback_letter_is_suppressed_as_paperless(practice):
    """Loaded "the same way" as any channel: a letter a paperless guarantor never gets."""
    fallback_rules(practice)
    practice.guarantor("G1", email=None, paperless=True)
    practice.encounter("E1", balance=100)
    batch = practice.test_run(RUN[0])
    assert statement_of(batch).channels == ("email", "print")
    assert [(n.channel, n.status, n.reason) for n in batch.notifications] == [
        ("email", "suppressed", "no_email"),
        ("print", "suppressed", "paperless"),
    ]


def test_a_reachable_guarantor_gets_no_fallback_and_no_trace_of_it(practice):
    fallback_rules(practice)
    practice.encounter("E1", balance=100)
    batch = practice.test_run(RUN[0])
    assert statement_of(batch).channels == ("email",)
    assert not [t for t in batch.traces["E1"] if "fallback" in t.outcome]


def test_a_live_run_queues_the_fallback_and_stores_the_statements_channels(store, tmp_path):
    """On SQLite and PostgreSQL: the letter is queued, the stored statement lists it."""
    path = tmp_path / "fallback.yaml"
    path.write_text(yaml.safe_dump(merged(WORKED_EXAMPLE_RULES, FALLBACK), sort_keys=False))
    rules = load_rules(str(path))
    store.import_ledger(
        LedgerData(
            guarantors=[Guarantor("G1", first_name="Ada", postal=POSTAL)],
            encounters=[Encounter("E1", "G1", "P1", dt.date(2026, 1, 3), 10000)],
        )
    )
    batch = run_statements(store, rules, RUN[0], live=True)
    queued = list_notifications(store, batch_id=batch.id)
    assert sorted((n["channel"], n["status"]) for n in queued) == [
        ("email", "suppressed"),
        ("print", "scheduled"),
    ]
    stored = stored_batch(store, batch.id)
    assert stored is not None
    assert statement_of(stored).channels == ("email", "print")
    assert [t.outcome for t in stored.traces["E1"]].count("fallback") == 1


def test_explain_shows_the_fallback_through_the_command(practice, tmp_path: Path):
    fallback_rules(practice)
    practice.guarantor("G1", email=None)
    practice.encounter("E1", balance=100)
    practice.run(RUN[0])
    db = "sqlite:///" + str(practice.directory / "practice.db")
    practice.store.close()
    result = CliRunner().invoke(main, ["explain", "G1", "--db", db, "--json"])
    assert result.exit_code == 0, result.output
    explanation = json.loads(result.output)
    [statement] = explanation["statements"]
    assert statement["channels"] == ["email", "print"]
    steps = [s for e in explanation["encounters"] for s in e["steps"]]
    assert any(s["outcome"] == "fallback" and "falls back to print" in s["detail"] for s in steps)
    text = CliRunner().invoke(main, ["explain", "G1", "--db", db])
    assert "falls back to print" in text.output


@pytest.mark.parametrize(
    ("guarantor", "channel", "kind", "reason"),
    [
        (Guarantor("G1", email_opt_out=True), "email", "email", "no_email"),
        (Guarantor("G1", paperless=True), "print", "postal", "no_postal"),
        (
            Guarantor("G1", email="g1@example.org", email_opt_out=True),
            "email",
            "email",
            "opted_out",
        ),
        (Guarantor("G1", postal=POSTAL, paperless=True), "print", "postal", "paperless"),
        (Guarantor("G1", email="g1@example.org"), "email", "email", None),
    ],
    ids=[
        "no_address_before_opt_out",
        "no_address_before_paperless",
        "opted_out",
        "paperless",
        "reached",
    ],
)
def test_the_suppression_reason_is_the_first_that_applies(guarantor, channel, kind, reason):
    """No address, then opted out, then paperless (for a postal channel), in that order."""
    to = channel_address(guarantor, kind)
    assert suppression_reason(guarantor, channel, kind, to, frozenset()) == reason
