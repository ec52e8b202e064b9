"""A run's input read through the database driver (rulesengine.store.run_transaction) equals
what a plain SQLAlchemy read of the same ledger gives, on every kind of store."""

from __future__ import annotations

import datetime as dt
from typing import Any

import pytest
from sqlalchemy import Connection, insert, select

from rulesengine.model import Encounter, Guarantor, Payment, PostalAddress
from rulesengine.store.base import LedgerData, RunInput
from rulesengine.store.rows import ENCOUNTER_COLUMNS, GUARANTOR_COLUMNS, guarantor_from_row
from rulesengine.store.run_transaction import covered_by, driver_rows, read_ledger
from rulesengine.store.tables import encounters, guarantors, opt_outs, payments

D = dt.date
RUN = D(2026, 3, 1)


def reference_input(conn: Connection, profile_id: str, run_date: dt.date) -> RunInput:
    """The run's input read the plain way: one joined query through SQLAlchemy's result
    processing (what load_input did before it read through the driver)."""
    query = (
        select(*ENCOUNTER_COLUMNS, *GUARANTOR_COLUMNS)
        .join_from(encounters, guarantors, guarantors.c.id == encounters.c.guarantor_id)
        .where(covered_by(profile_id))
        .order_by(encounters.c.guarantor_id, encounters.c.id)
    )
    found: dict[str, Guarantor] = {}
    covered: list[Encounter] = []
    width = len(ENCOUNTER_COLUMNS)
    for row in conn.execute(query):
        gid = row[1]
        if gid not in found:
            found[gid] = guarantor_from_row(row[width:])
        covered.append(Encounter(*row[:width]))
    ids = {e.id for e in covered}
    p = payments.c
    unreviewed: dict[str, list[Payment]] = {}
    rows = conn.execute(
        select(p.id, p.encounter_id, p.amount_cents, p.date)
        .where(p.reviewed_batch.is_(None), p.date <= run_date)
        .order_by(p.id)
    )
    for pid, eid, amount, date in rows:
        if eid in ids:
            unreviewed.setdefault(eid, []).append(Payment(pid, eid, amount, date))
    channels: dict[str, set[str]] = {}
    for gid, channel in conn.execute(select(opt_outs.c.guarantor_id, opt_outs.c.channel)):
        if gid in found:
            channels.setdefault(gid, set()).add(channel)
    return RunInput(
        guarantors=found,
        encounters=covered,
        unreviewed_payments={eid: tuple(found) for eid, found in unreviewed.items()},
        opted_out={gid: frozenset(found) for gid, found in channels.items()},
    )


def guarantor(gid: str, **kw: Any) -> Guarantor:
    return Guarantor(id=gid, first_name="Ada", last_name=gid, **kw)


def encounter(eid: str, gid: str, **kw: Any) -> Encounter:
    fields: dict[str, Any] = {
        "patient_id": f"P-{eid}",
        "service_date": D(2026, 1, 5),
        "balance_cents": 10_000,
    }
    fields.update(kw)
    return Encounter(id=eid, guarantor_id=gid, **fields)


def varied_ledger(*, other_profiles: bool) -> LedgerData:
    """Every kind of value a ledger row holds (missing ones too), guarantors and encounters
    listed out of order, payments before, on and after the run date, reviewed or not; with
    ``other_profiles``, guarantors and encounters of other profiles besides profile "a"."""
    g_profile = "b" if other_profiles else None
    people = [
        guarantor(
            "g2",
            email="ada@example.org",
            mobile="+15555550101",
            timezone="America/Chicago",
            postal=PostalAddress("1 Main St", "Apt 2", "Springfield", "IL", "62701"),
            paperless=True,
            sms_opt_out=True,
        ),
        guarantor("G10", hold=True, email_opt_out=True, postal=PostalAddress("2 Elm St")),
        guarantor("G2", profile="a"),
        guarantor("GB", profile=g_profile),
        guarantor("GN"),  # no encounter at all
    ]
    visits = [
        encounter(
            "E9",
            "g2",
            location="north",
            provider="dr_x",
            level=2,
            statements_sent=3,
            first_statement=D(2025, 11, 1),
            last_statement=D(2026, 1, 20),
        ),
        encounter("E10", "g2", status="pre_collections", hold=True, balance_cents=-50),
        encounter("e1", "G10", status="closed", balance_cents=0, location="", profile="a"),
        encounter("E1", "G10", service_date=D(2025, 12, 31), last_statement=D(2026, 2, 1)),
        encounter("A1", "G2", provider="dr_y"),
        encounter("B1", "GB"),  # the guarantor's profile decides
        encounter("B2", "GB", profile="a"),  # its own profile wins
        encounter("X1", "g2", profile="b"),  # another profile's, though its guarantor's is none
    ]
    money = [
        Payment(None, "E9", 2_500, D(2026, 2, 10)),
        Payment(None, "E9", 1_000, RUN),
        Payment(None, "E9", 700, D(2026, 3, 2)),  # after the run date
        Payment(None, "A1", 300, D(2026, 1, 2), reviewed_batch="imported"),
        Payment(None, "B1", 400, D(2026, 2, 2)),
        Payment(None, "X1", 500, D(2026, 2, 2)),
    ]
    return LedgerData(guarantors=people, encounters=visits, payments=money)


def opt_out(conn: Connection, gid: str, channel: str) -> None:
    at = dt.datetime(2026, 1, 1, tzinfo=dt.UTC)
    conn.execute(insert(opt_outs).values(guarantor_id=gid, channel=channel, at=at, source="t"))


@pytest.mark.parametrize("other_profiles", [False, True])
def test_load_input_equals_a_plain_read_of_the_ledger(store, other_profiles: bool) -> None:
    """Same guarantors in the same order, same encounters, payments and opt-outs, whether
    or not other profiles' guarantors make the read join them."""
    store.import_ledger(varied_ledger(other_profiles=other_profiles))
    with store.engine.begin() as conn:
        for gid, channel in [("g2", "text"), ("g2", "email"), ("g2", "text"), ("GB", "print")]:
            opt_out(conn, gid, channel)
    with store.run_transaction("a", live=False) as run:
        found = run.load_input(RUN)
        expected = reference_input(run.connection, "a", RUN)
    assert found == expected
    assert list(found.guarantors) == list(expected.guarantors)
    # Byte-wise by guarantor, then encounter; B1 is covered only through its guarantor.
    b1 = [] if other_profiles else ["B1"]
    assert [e.id for e in found.encounters] == ["E1", "e1", "A1", *b1, "B2", "E10", "E9"]
    assert list(found.guarantors) == ["G10", "G2", "GB", "g2"]
    # Values come back as the model's types, whatever the driver gives.
    by_id = {e.id: e for e in found.encounters}
    assert by_id["E10"].hold is True and by_id["E9"].hold is False
    assert by_id["E9"].last_statement == D(2026, 1, 20)
    assert found.guarantors["g2"].paperless is True


def test_read_ledger_of_another_profile(store) -> None:
    """Profile "b" covers its guarantor's encounters, its own and the unassigned ones; not
    profile "a"'s guarantor, whose only encounter has no profile of its own."""
    store.import_ledger(varied_ledger(other_profiles=True))
    with store.run_transaction("b", live=False) as run:
        found, covered = read_ledger(run.connection, "b")
        expected = reference_input(run.connection, "b", RUN)
    assert [e.id for e in covered] == ["E1", "B1", "E10", "E9", "X1"]
    assert list(found) == ["G10", "GB", "g2"]
    assert (found, covered) == (expected.guarantors, expected.encounters)


def test_driver_rows_binds_parameters_as_sqlalchemy_does(store) -> None:
    """A date parameter is converted for the driver (ISO text on SQLite) like any query's."""
    store.import_ledger(varied_ledger(other_profiles=False))
    p = payments.c
    query = select(p.encounter_id).where(p.date <= RUN, p.amount_cents > 500).order_by(p.id)
    with store.engine.connect() as conn, driver_rows(conn, query) as rows:
        assert [eid for (eid,) in rows] == ["E9", "E9"]
