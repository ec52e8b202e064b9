"""``rulesengine demo``: a generated sample practice taken through several monthly runs.

Everything the demo does goes through the same code a practice uses: it writes ledger CSV
files, imports them, runs live statement batches with the demo rules file, posts payments
and new visits between runs, and reports what happened. Nothing to configure; the seed
makes it repeatable.
"""

from __future__ import annotations

import datetime as dt
import random
import secrets
from collections import Counter
from collections.abc import Callable
from importlib import resources
from pathlib import Path

import attrs

from rulesengine.csv_output import csv_text
from rulesengine.demo.demo_folder import prepare_demo_folder, record_demo_files
from rulesengine.plurals import counted

__all__ = ["DEMO_USER", "DemoLedger", "generate_ledger", "run_demo", "write_ledger_csv"]

#: The dashboard user the demo adds to its own store (an admin).
DEMO_USER = "demo"

_FIRST = (
    "Ada Alan Grace Edsger Barbara Donald Frances Ken Margaret Dennis Radia Leslie Hedy John "
    "Katherine Tim Lynn Niklaus Sophie Guido Anita Bjarne Mary Linus Ivan Joan Claude Evelyn"
).split()
_LAST = (
    "Lovelace Turing Hopper Dijkstra Liskov Knuth Allen Thompson Hamilton Ritchie Perlman "
    "Lamport Lamarr Backus Johnson Lee Conway Wirth Wilson Rossum Borg Stroustrup Keller "
    "Torvalds Sutherland Clarke Shannon Berezin"
).split()
_STREETS = ("Oak St", "Maple Ave", "River Rd", "Main St", "Cedar Ln", "Elm Ct", "Lake Dr")
_CITIES = (
    ("Springfield", "IL", "62701", "America/Chicago"),
    ("Riverside", "CA", "92501", "America/Los_Angeles"),
    ("Madison", "WI", "53703", "America/Chicago"),
    ("Salem", "MA", "01970", "America/New_York"),
    ("Boulder", "CO", "80302", "America/Denver"),
    ("Phoenix", "AZ", "85004", "America/Phoenix"),
)
_LOCATIONS = ("main_clinic", "north_clinic")
_PROVIDERS = ("dr_adams", "dr_baker", "dr_chen", "dr_diaz")

_GUARANTOR_COLUMNS = (
    "id first_name last_name email mobile timezone paperless hold sms_opt_out email_opt_out "
    "profile postal_line1 postal_line2 postal_city postal_state postal_zip"
).split()
_ENCOUNTER_COLUMNS = (
    "id guarantor patient service_date balance level status hold location provider "
    "first_statement last_statement statements_sent profile"
).split()


@attrs.define
class DemoLedger:
    """Rows of a generated ledger, as the CSV files hold them."""

    guarantors: list[dict[str, str]] = attrs.field(factory=list)
    encounters: list[dict[str, str]] = attrs.field(factory=list)


def _money(rng: random.Random) -> str:
    cents = int(min(250_000, max(1_500, rng.lognormvariate(10.2, 0.9))))
    return f"{cents // 100}.{cents % 100:02d}"


def generate_ledger(guarantors: int, start: dt.date, rng: random.Random) -> DemoLedger:
    """A practice's ledger: guarantors with one to several encounters and realistic balances."""
    ledger = DemoLedger()
    encounter_no = 0
    for g in range(1, guarantors + 1):
        city, state, zip_code, zone = rng.choice(_CITIES)
        first, last = rng.choice(_FIRST), rng.choice(_LAST)
        gid = f"G{g:05d}"
        has_email = rng.random() < 0.8
        has_mobile = rng.random() < 0.7
        ledger.guarantors.append(
            {
                "id": gid,
                "first_name": first,
                "last_name": last,
                "email": f"{first}.{last}.{g}@example.org".lower() if has_email else "",
                "mobile": f"+1555555{g % 10000:04d}" if has_mobile else "",
                "timezone": zone,
                "paperless": "true" if has_email and rng.random() < 0.3 else "false",
                "hold": "true" if rng.random() < 0.02 else "false",
                "sms_opt_out": "true" if has_mobile and rng.random() < 0.05 else "false",
                "email_opt_out": "false",
                "profile": "",
                "postal_line1": f"{rng.randint(1, 999)} {rng.choice(_STREETS)}",
                "postal_line2": "",
                "postal_city": city,
                "postal_state": state,
                "postal_zip": zip_code,
            }
        )
        patients = [f"P{g:05d}"] + ([f"P{g:05d}b"] if rng.random() < 0.25 else [])
        for _ in range(rng.choice((1, 1, 1, 2, 2, 3))):
            encounter_no += 1
            ledger.encounters.append(
                _encounter_row(encounter_no, gid, rng.choice(patients), start, rng)
            )
    return ledger


def _encounter_row(
    number: int, guarantor: str, patient: str, before: dt.date, rng: random.Random
) -> dict[str, str]:
    return {
        "id": f"E{number:06d}",
        "guarantor": guarantor,
        "patient": patient,
        "service_date": (before - dt.timedelta(days=rng.randint(3, 40))).isoformat(),
        "balance": _money(rng),
        "level": "0",
        "status": "open",
        "hold": "true" if rng.random() < 0.01 else "false",
        "location": rng.choice(_LOCATIONS),
        "provider": rng.choice(_PROVIDERS),
        "first_statement": "",
        "last_statement": "",
        "statements_sent": "0",
        "profile": "",
    }


def write_ledger_csv(ledger: DemoLedger, directory: Path) -> None:
    """Write ``guarantors.csv`` and ``encounters.csv`` as ``rulesengine import`` reads them."""
    directory.mkdir(parents=True, exist_ok=True)
    for name, columns, rows in (
        ("guarantors.csv", _GUARANTOR_COLUMNS, ledger.guarantors),
        ("encounters.csv", _ENCOUNTER_COLUMNS, ledger.encounters),
    ):
        with open(directory / name, "w", newline="", encoding="utf-8") as f:
            f.write(csv_text(columns, rows))


def _first_of_months(start: dt.date, months: int) -> list[dt.date]:
    dates = []
    year, month = start.year, start.month
    for _ in range(months):
        dates.append(dt.date(year, month, 1))
        year, month = (year + 1, 1) if month == 12 else (year, month + 1)
    return dates


def run_demo(
    directory: Path,
    *,
    guarantors: int = 300,
    months: int = 6,
    seed: int = 2026,
    echo: Callable[[str], None] = print,
) -> dict[str, object]:
    """Run the demo in ``directory`` and return its summary figures.

    The folder must be missing, empty, or hold only what an earlier demo run made there
    (:mod:`rulesengine.demo.demo_folder`); that is replaced. Anything else is refused
    (:class:`~rulesengine.demo.demo_folder.DemoFolderRefused`) and nothing is touched.
    """
    prepare_demo_folder(directory)
    try:
        return _run_demo(directory, guarantors=guarantors, months=months, seed=seed, echo=echo)
    finally:  # whatever happened, the next run knows what is the demo's
        record_demo_files(directory)


def _run_demo(
    directory: Path, *, guarantors: int, months: int, seed: int, echo: Callable[[str], None]
) -> dict[str, object]:
    from rulesengine.channels.manager import get_plugin_manager
    from rulesengine.channels.registry import channel_addressing, installed_channel_specs
    from rulesengine.ledger import read_ledger_dir
    from rulesengine.model import format_money
    from rulesengine.queue import Queue
    from rulesengine.queue.notification_reads import list_notifications
    from rulesengine.rules import load_rules
    from rulesengine.statements.statement_run import run_statements
    from rulesengine.store import open_store
    from rulesengine.store.user_accounts import add_user

    rng = random.Random(seed)
    db_path = directory / "rulesengine.db"
    outbox = directory.resolve() / "outbox"
    rules_path = directory / "rules.yaml"
    template = resources.files("rulesengine") / "data" / "demo-practice.yaml"
    # The outboxes go inside the demo folder, wherever the demo is run from.
    rules_path.write_text(
        template.read_text(encoding="utf-8").replace("outbox: outbox/", f"outbox: {outbox}/"),
        encoding="utf-8",
    )
    pm = get_plugin_manager()  # one for the whole demo: its rules, runs and deliveries
    specs = installed_channel_specs(pm)
    rules = load_rules(str(rules_path), channel_specs=specs)
    addressing = channel_addressing(specs)

    run_dates = _first_of_months(dt.date(2026, 1, 1), months)
    ledger = generate_ledger(guarantors, run_dates[0], rng)
    ledger_dir = directory / "ledger"
    write_ledger_csv(ledger, ledger_dir)
    echo(f"rulesengine demo: {rules.profile.practice}")
    echo(f"  rules file     {rules_path}")
    echo(
        f"  ledger         {ledger_dir}/ ({counted(len(ledger.guarantors), 'guarantor')},"
        f" {counted(len(ledger.encounters), 'encounter')})"
    )
    echo(f"  store          {db_path}")

    store = open_store(str(db_path))
    queue = Queue(store, worker_id="demo", pm=pm)
    try:
        store.import_ledger(read_ledger_dir(str(ledger_dir)))
        encounter_no = len(ledger.encounters)
        echo("")
        echo(
            f"  {'run date':<11} {'statements':>10} {'L1':>5} {'L2':>5} {'L3+':>5}"
            f" {'worklist':>9} {'skipped':>8} {'sent':>6} {'canceled':>9} {'suppressed':>10}"
            f" {'superseded':>10}  billed"
        )
        for i, run_date in enumerate(run_dates):
            if i:
                encounter_no = _between_runs(
                    store, ledger, run_dates[i - 1], run_date, encounter_no, rng
                )
            batch = run_statements(
                store, rules, run_date, live=True, addressing=addressing, plugin_manager=pm
            )
            # Deliver that afternoon: 18:00 UTC is inside every channel's window in US zones.
            afternoon = dt.datetime.combine(run_date, dt.time(18, 0), tzinfo=dt.UTC)
            queue.deliver(afternoon, until_empty=True)
            record_demo_files(directory)  # a demo killed midway is still known as the demo's
            levels = Counter(s.level for s in batch.statements)
            statuses = Counter(n["status"] for n in list_notifications(store, batch_id=batch.id))
            billed = format_money(sum(s.total_cents for s in batch.statements))
            echo(
                f"  {run_date.isoformat():<11} {len(batch.statements):>10} {levels[1]:>5}"
                f" {levels[2]:>5} {sum(v for k, v in levels.items() if k >= 3):>5}"
                f" {len(batch.pre_collections):>9} {len(batch.skips):>8}"
                f" {statuses['sent']:>6} {statuses['canceled']:>9} {statuses['suppressed']:>10}"
                f" {len(batch.superseded):>10}  {billed}"
            )
        worklist = store.worklist()
        by_channel: dict[str, Counter[str]] = {}
        for note in list_notifications(store):
            by_channel.setdefault(str(note["channel"]), Counter())[str(note["status"])] += 1
        echo("")
        echo(
            f"  pre-collections worklist: {counted(len(worklist), 'encounter')},"
            f" {format_money(sum(e.encounter.balance_cents for e in worklist))} owed"
        )
        echo("  notifications by channel:")
        for channel, counts in sorted(by_channel.items()):
            shown = ", ".join(f"{n} {status}" for status, n in sorted(counts.items()))
            echo(f"    {channel:<6} {sum(counts.values()):>5}: {shown}")
        echo("    (suppressed: no address, opted out or paperless; canceled: paid off or on hold")
        echo("     by the time it was sent; superseded: billed again by a later run before it")
        echo("     went out, so only the newer statement is sent)")
        letters = list((outbox / "print").rglob("*.pdf"))
        echo("")
        echo("  what the channels sent (no email server or SMS provider configured: outboxes):")
        echo(
            f"    email  {outbox / 'email'}/  ({len(list((outbox / 'email').glob('*.eml')))} .eml)"
        )
        echo(
            f"    text   {outbox / 'text' / 'messages.jsonl'}"
            f"  ({counted(_count_lines(outbox / 'text' / 'messages.jsonl'), 'message')})"
        )
        echo(
            f"    print  {outbox / 'print'}/  ({len(letters)} PDF letters, manifest.csv per batch)"
        )
        example = worklist[0].guarantor.id if worklist else "G00001"
        command = _command_name()
        next_date = _first_of_months(run_dates[-1], 2)[1].isoformat()
        echo("")
        echo("  Try next:")
        echo(f"    {command} --db {db_path} worklist")
        echo(f"    {command} --db {db_path} explain {example}")
        echo(f"    {command} --db {db_path} queue --guarantor {example}")
        echo(f"    {command} --db {db_path} run --rules {rules_path} --date {next_date} --test")
        # Random, never fixed (secrets, not the seeded rng): new at each run of the demo.
        password = secrets.token_urlsafe(15)
        add_user(store, DEMO_USER, "admin", password)
        echo("")
        echo("  The dashboard over the demo's store (a new password at each demo run):")
        echo(f"    {command} serve --db {db_path}")
        echo(f"    then open http://127.0.0.1:8000/ and log in as {DEMO_USER}, password {password}")
        return {
            "worklist": len(worklist),
            "notifications": {ch: dict(c) for ch, c in by_channel.items()},
            "letters": len(letters),
            "dashboard_login": {"name": DEMO_USER, "password": password},
        }
    finally:
        queue.close()
        store.close()


def _count_lines(path: Path) -> int:
    if not path.exists():
        return 0
    with path.open(encoding="utf-8") as f:
        return sum(1 for _ in f)


def _command_name() -> str:
    """How the user can type this command: ``.venv/bin/rulesengine`` when run from a
    virtual environment below the current folder (as ``make demo`` does), else plain."""
    import os
    import sys

    program = Path(sys.argv[0]) if sys.argv and sys.argv[0] else Path("rulesengine")
    if program.name != "rulesengine":
        return "rulesengine"
    try:
        relative = program.resolve().relative_to(Path.cwd().resolve())
    except ValueError:
        return "rulesengine"
    on_path = any(
        Path(folder, "rulesengine").resolve() == program.resolve()
        for folder in os.environ.get("PATH", "").split(os.pathsep)
        if folder
    )
    return "rulesengine" if on_path else str(relative)


def _between_runs(store, ledger, previous, run_date, encounter_no, rng):
    """A month of a practice's life: payments of every kind, and a few new visits."""
    from rulesengine.model import Encounter

    days = (run_date - previous).days
    for guarantor in ledger.guarantors:
        for encounter in store.encounters_of(guarantor["id"]):
            if encounter.status == "closed" or encounter.balance_cents <= 0:
                continue
            roll = rng.random()
            if roll < 0.15:
                amount = encounter.balance_cents  # paid in full
            elif roll < 0.30:
                amount = max(100, encounter.balance_cents * rng.randint(30, 80) // 100)
            elif roll < 0.40:
                amount = max(100, encounter.balance_cents * rng.randint(2, 10) // 100)  # a token
            else:
                continue
            paid_on = previous + dt.timedelta(days=rng.randint(1, days - 1))
            store.post_payment(encounter.id, min(amount, encounter.balance_cents), paid_on)
        if rng.random() < 0.08:
            encounter_no += 1
            row = _encounter_row(
                encounter_no, guarantor["id"], f"P{guarantor['id'][1:]}", run_date, rng
            )
            store.import_ledger(
                _single_encounter(
                    Encounter(
                        id=row["id"],
                        guarantor_id=guarantor["id"],
                        patient_id=row["patient"],
                        service_date=dt.date.fromisoformat(row["service_date"]),
                        balance_cents=int(row["balance"].replace(".", "")),
                        location=row["location"],
                        provider=row["provider"],
                    )
                )
            )
    return encounter_no


def _single_encounter(encounter):
    from rulesengine.store.base import LedgerData

    return LedgerData(encounters=(encounter,))
