"""The ``import`` command: a ledger export (guarantors.csv, encounters.csv, payments.csv,
adjustments.csv) synced into the store, and the summary it prints (docs/ledger.md).

The ledger reader and the store are imported when the command runs, not when
``rulesengine`` starts: start-up time.
"""

from __future__ import annotations

import json
from typing import Any

import click

from rulesengine.cli.options import db_option, json_option
from rulesengine.cli.spinner import working
from rulesengine.cli.store_access import open_command_store, store_exists, store_url
from rulesengine.errors import LedgerError
from rulesengine.plurals import counted
from rulesengine.terminal import cell, cells
from rulesengine.terminal import console as terminal_console

__all__ = ["COMMANDS", "import_", "import_report", "print_import_report"]

# --- import --------------------------------------------------------------------------------


@click.command("import")
@click.argument("ledger_dir", type=click.Path(file_okay=False))
@click.option("--dry-run", is_flag=True, help="Report what the import would do; write nothing.")
@click.option(
    "--complete",
    is_flag=True,
    help="encounters.csv lists every open encounter of the profiles it covers: stored open"
    " or pre-collections encounters of those profiles missing from it get balance 0.",
)
@click.option(
    "--dunning-from-file",
    is_flag=True,
    help="The file's level, status, first_statement, last_statement and statements_sent"
    " replace the stored ones (for corrections; by default the store's are kept).",
)
@db_option
@json_option
@click.pass_context
def import_(
    ctx: click.Context,
    ledger_dir: str,
    dry_run: bool,
    complete: bool,
    dunning_from_file: bool,
    db: str | None,
    as_json: bool,
) -> None:
    """Sync guarantors.csv, encounters.csv (and payments.csv, adjustments.csv) into the store.

    New ids are inserted; stored ones take the file's values but keep their dunning state
    (level, status, statement dates and count) unless --dunning-from-file. Payments and
    adjustments already stored are skipped. A bad row rejects the whole import, naming the
    file, row and column; nothing is written.
    """
    from rulesengine.ledger import read_ledger_dir, validate_against_store
    from rulesengine.store import open_store
    from rulesengine.store.redact import display_url

    target = store_url(db, ctx)
    if store_exists(target):
        # An export may list only what changed: payments of encounters the store holds
        # (paid off, so no longer in encounters.csv), encounters of stored guarantors.
        store = open_command_store(db, ctx)
        try:
            with working(f"Reading {ledger_dir}"):
                ledger = read_ledger_dir(ledger_dir, store=store)
        except BaseException:
            store.close()
            raise
    else:  # a bad ledger never creates a store; a dry run plans against an empty one
        with working(f"Reading {ledger_dir}"):
            ledger = read_ledger_dir(ledger_dir)
        store = open_command_store(db, ctx, create=True) if not dry_run else open_store("sqlite://")
    shown = display_url(target)
    try:
        problems = validate_against_store(ledger, store, ledger_dir)
        if problems:
            raise LedgerError(problems)
        with working(f"Importing into {shown}"):
            summary = store.sync_ledger(
                ledger,
                folder=ledger_dir,
                dunning_from_file=dunning_from_file,
                complete=complete,
                dry_run=dry_run,
            )
    finally:
        store.close()
    report = import_report(summary, shown)
    if as_json:
        click.echo(json.dumps(report, indent=2))
    else:
        print_import_report(report)


def import_report(summary: Any, url: str) -> dict[str, Any]:
    """The summary ``import`` prints (also its ``--json``)."""
    return {
        "store": url,
        "dry_run": summary.dry_run,
        "files": {
            name: {
                "inserted": counts.inserted,
                "updated": counts.updated,
                "unchanged": counts.unchanged,
                "skipped": counts.skipped,
            }
            for name, counts in summary.files.items()
        },
        "dunning_differs": summary.dunning_differs,
        "dunning_kept": not summary.dunning_from_file,
        "covered_profiles": list(summary.covered_profiles),
        "not_in_file": summary.not_in_file,
        "complete": summary.complete,
        "zeroed": summary.zeroed,
    }


def print_import_report(report: dict[str, Any]) -> None:
    from rich.table import Table

    console = terminal_console()
    verb = "dry run: nothing written to" if report["dry_run"] else "synced into"
    console.print(cell(f"{verb} {report['store']}", style="bold"))
    table = Table(show_header=True, header_style="bold", box=None, pad_edge=False)
    table.add_column("file")
    for name in ("inserted", "updated", "unchanged", "skipped"):
        table.add_column(name, justify="right")
    for name, counts in report["files"].items():
        table.add_row(*cells(name, *counts.values()))
    console.print(table)
    differs = report["dunning_differs"]
    if differs:
        what = "kept the store's" if report["dunning_kept"] else "took the file's"
        console.print(
            cell(
                f"{counted(differs, 'encounter')} had other dunning fields"
                f" (level, status, statement dates or count) in the file than in the store:"
                f" {what}"
                + ("; --dunning-from-file takes the file's" if report["dunning_kept"] else "")
            )
        )
    missing = report["not_in_file"]
    if missing:
        covered = ", ".join(
            p if p is not None else "no profile" for p in report["covered_profiles"]
        )
        what = (
            f"{counted(missing, 'stored open encounter')} not in"
            f" encounters.csv (profiles covered: {covered})"
        )
        if report["complete"]:
            zeroed = report["zeroed"]
            what += f": {counted(zeroed, 'balance')} set to 0 (--complete)"
        else:
            what += ": left as stored; --complete sets their balance to 0"
        console.print(cell(what))


#: Every command of this module, for ``main.add_command``.
COMMANDS: list[click.Command] = [import_]
