"""A NUL character (U+0000) in any text that reaches the store is refused the same way on
every store, naming where it is, before anything is written.

PostgreSQL's text cannot hold NUL: a guarantor's name with one made ``rulesengine import``
fail with an internal error (exit 3) on PostgreSQL while SQLite kept it. Now the ledger CSV
names the file, row and column (exit 1), a ledger built in Python is a ``LedgerError``
naming the item and field, and the other entry points (postings, holds, the queue's
texts, the dashboard's forms and paths, user accounts) refuse it as a bad value.
"""

from __future__ import annotations

import datetime as dt
from pathlib import Path
from typing import Any

import pytest

import rulesengine
from rulesengine.store import open_store

from .test_money_and_csv import rulesengine as run_command

DAY = dt.date(2026, 1, 3)
SAID = r"holds a NUL character (\x00), which a store cannot keep: remove it"
GUARANTORS = "id,first_name,last_name,email,postal_line1,postal_city\n"
ENCOUNTERS = "id,guarantor,patient,service_date,balance,provider\n"


def _ledger(folder: Path, guarantors: str, encounters: str) -> Path:
    folder.mkdir()
    (folder / "guarantors.csv").write_text(GUARANTORS + guarantors, "utf-8")
    (folder / "encounters.csv").write_text(ENCOUNTERS + encounters, "utf-8")
    return folder


@pytest.mark.parametrize(
    ("guarantors", "encounters", "where"),
    [
        ("G1,Ann\0e,Lee,,,\n", "E1,G1,P1,2026-01-03,10.00,\n", "guarantors.csv:2:first_name"),
        (
            "G1,Ann,Lee,,1 Oak\0 St,Salem\n",
            "E1,G1,P1,2026-01-03,10.00,\n",
            "guarantors.csv:2:postal_line1",
        ),
        (
            "G1,Ann,Lee,a\0b@example.org,,\n",
            "E1,G1,P1,2026-01-03,10.00,\n",
            "guarantors.csv:2:email",
        ),
        (
            "G1,Ann,Lee,,,\n",
            "E1,G1,P1,2026-01-03,10.00,\nE2,G1,P1,2026-01-03,5.00,Dr\0X\n",
            "encounters.csv:3:provider",
        ),
        ("G1,Ann,Lee,,,\n", "E\0,G1,P1,2026-01-03,10.00,\n", "encounters.csv:2:id"),
        # A reference: refused as a cell, not looked up in the store.
        ("G1,Ann,Lee,,,\n", "E1,G\0,P1,2026-01-03,10.00,\n", "encounters.csv:2:guarantor"),
    ],
)
def test_a_nul_in_a_ledger_cell_is_exit_1_naming_file_row_and_column_on_every_store(
    tmp_path: Path, store_url: str, guarantors: str, encounters: str, where: str
) -> None:
    _ledger(tmp_path / "ledger", guarantors, encounters)
    done = run_command("import", "ledger", "--db", store_url, cwd=tmp_path)
    assert done.returncode == 1, done.stderr
    assert done.stderr == f"error: ledger/{where}: {SAID}\n"
    if store_url != "sqlite://":
        store = open_store(store_url)
        try:
            assert store.counts()["guarantors"] == 0
        finally:
            store.close()


@pytest.mark.parametrize(
    ("ledger_data", "said"),
    [
        ({"guarantors": [rulesengine.Guarantor("G9", "Ann\0e")]}, "guarantors[0] (G9).first_name"),
        (
            {
                "guarantors": [
                    rulesengine.Guarantor(
                        "G9", postal=rulesengine.PostalAddress("1 Oak\0", city="X")
                    )
                ]
            },
            r"guarantors[0] (G9).postal: line1: ",
        ),
        ({"guarantors": [rulesengine.Guarantor("G\0")]}, "guarantors[0] (G\0).id"),
        (
            {"payments": [rulesengine.Payment(None, "E1", 100, DAY, external_id="P\0")]},
            "payments[0] (P\0).external_id",
        ),
        (
            {"payments": [rulesengine.Payment(None, "E1", 100, DAY, reviewed_batch="B\0")]},
            "payments[0].reviewed_batch",
        ),
    ],
)
def test_a_nul_in_a_ledger_built_in_python_is_a_ledger_error_on_every_store(
    store: Any, ledger_data: dict[str, Any], said: str
) -> None:
    store.import_ledger(
        rulesengine.LedgerData(
            [rulesengine.Guarantor("G1")],
            [rulesengine.Encounter("E1", "G1", "P1", DAY, 1_000)],
        )
    )
    counts = dict(store.counts())
    data = rulesengine.LedgerData(**ledger_data)
    for write in (store.import_ledger, store.sync_ledger):
        with pytest.raises(rulesengine.LedgerError) as caught:
            write(data)
        (problem,) = caught.value.problems
        assert str(problem).startswith(f"ledger: {said}")
        assert str(problem).endswith(SAID)
    assert dict(store.counts()) == counts


def test_postings_and_holds_refuse_an_id_with_a_nul_on_every_store(store: Any) -> None:
    with pytest.raises(rulesengine.InvalidRequest, match="encounter_id holds a NUL"):
        store.post_payment("E\0", 100, DAY)
    with pytest.raises(rulesengine.InvalidRequest, match="encounter_id holds a NUL"):
        store.post_adjustment("E\0", -100, DAY)
    with pytest.raises(rulesengine.InvalidRequest, match="set_hold's id holds a NUL"):
        store.set_hold(guarantor_id="G\0", hold=True)


def test_reads_refuse_a_key_with_a_nul_on_every_store(store: Any) -> None:
    reads = [
        lambda: store.get_guarantor("G\0"),
        lambda: store.get_encounter("E\0"),
        lambda: store.encounters_of("G\0"),
        lambda: store.payments_of("E\0"),
        lambda: store.known_guarantors(["G1", "G\0"]),
        lambda: store.known_encounters({"E\0"}),
        lambda: store.encounter_levels(["E\0"]),
        lambda: store.get_batch("B\0"),
        lambda: store.list_batches("p\0"),
        lambda: store.batch_records("p\0"),
        lambda: store.batch_deleted_at("B\0"),
        lambda: store.latest_batch_with_guarantor("G\0"),
        lambda: store.worklist("p\0"),
        lambda: store.rules_text("h\0"),
    ]
    for read in reads:
        with pytest.raises(rulesengine.InvalidRequest, match=r"holds a NUL character"):
            read()


def test_the_queue_refuses_texts_with_a_nul_on_every_store(store: Any) -> None:
    store.import_ledger(rulesengine.LedgerData([rulesengine.Guarantor("G1")]))
    rules = rulesengine.load_rules(Path(__file__).parents[2] / "rules" / "standard.yaml")
    with rulesengine.Queue(store, channels={}, worker_id="w1") as queue:
        calls = {
            "guarantor_id": lambda: queue.opt_out("G\0", "email"),
            "channel": lambda: queue.opt_out("G1", "email\0"),
            "source": lambda: queue.opt_out("G1", "email", source="front\0desk"),
            "actor": lambda: queue.opt_out("G1", "email", actor="cli:al\0"),
            "message_id": lambda: queue.notify("G1", "email", "pay\0", rules),
            "batch_id": lambda: queue.find(batch_id="B\0"),
            "profile_id": lambda: queue.find(profile_id="p\0"),
        }
        for name, call in calls.items():
            with pytest.raises(rulesengine.InvalidRequest, match=rf"^{name} holds a NUL"):
                call()
        assert queue.find() == []


def test_user_accounts_refuse_a_name_with_a_nul_on_every_store(store: Any) -> None:
    """Already refused by the user name's pattern (no change needed): proven on PostgreSQL."""
    from rulesengine.store.user_accounts import add_user, login_user, set_password

    password = "correct horse battery staple"
    with pytest.raises(rulesengine.InvalidRequest, match="user name"):
        add_user(store, "bob\0", "viewer", password)
    with pytest.raises(rulesengine.InvalidRequest, match="user name"):
        set_password(store, "bob\0", password)
    add_user(store, "bob", "viewer", password)
    assert login_user(store, "bob\0", password) is None
    assert login_user(store, "bob", password) is not None
