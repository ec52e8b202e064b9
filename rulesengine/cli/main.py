"""The ``rulesengine`` command: its subcommands (each with ``--help``; README.md lists them).

User errors (a bad file, a refused run, an unknown id) print a message saying what is wrong
and where, and exit 1, never with a traceback. Anything else is a bug: exit 3, with the
traceback only when ``RULESENGINE_DEBUG`` is set.
"""

from __future__ import annotations

import datetime as dt
import io
import json
import os
import sys
import traceback
from collections import Counter
from pathlib import Path
from typing import Any

import click

from rulesengine.cli.options import db_option, json_option
from rulesengine.errors import RulesengineError
from rulesengine.plurals import counted
from rulesengine.terminal import cell, cells, echo
from rulesengine.terminal import console as terminal_console
from rulesengine.version import __version__

EXIT_USER_ERROR = 1
EXIT_BUG = 3


class _Group(click.Group):
    """Turns user errors into a message and exit 1, and bugs into exit 3.

    click itself exits 2 on a usage error; rulesengine exits 1 for every user error, bad
    arguments included (docs/reference/cli.md).
    """

    def main(self, *args: Any, standalone_mode: bool = True, **kwargs: Any) -> Any:  # type: ignore[override]
        parent = super().main
        if not standalone_mode:
            return parent(*args, standalone_mode=False, **kwargs)  # type: ignore[call-overload]
        try:
            code = parent(*args, standalone_mode=False, **kwargs)  # type: ignore[call-overload]
        except click.ClickException as error:
            shown = io.StringIO()  # it may quote the command line: escape what it quotes
            error.show(file=shown)
            echo(shown.getvalue().rstrip("\n"), err=True)
            sys.exit(EXIT_USER_ERROR)
        except click.Abort:
            click.echo("Aborted!", err=True)
            sys.exit(EXIT_USER_ERROR)
        sys.exit(code if isinstance(code, int) else 0)

    def invoke(self, ctx: click.Context) -> Any:
        try:
            return super().invoke(ctx)
        except RulesengineError as error:
            text = str(error)
            echo(f"error: {text}" if "\n" not in text else text, err=True)
            ctx.exit(EXIT_USER_ERROR)
        except (click.exceptions.Exit, click.ClickException, click.Abort):
            raise
        except KeyboardInterrupt:
            click.echo("interrupted", err=True)
            ctx.exit(130)
        except Exception as error:
            url = ctx.meta.get(_STORE_URL)
            failure = _store_failure(error, url)
            if failure is not None:  # the store's or the machine's doing, not a bug
                click.echo(f"error: {failure}", err=True)
                ctx.exit(EXIT_USER_ERROR)
            if os.environ.get("RULESENGINE_DEBUG"):
                traceback.print_exc()
            click.echo(_bug_text(error, url), err=True)
            ctx.exit(EXIT_BUG)


#: ``ctx.meta`` key of the store URL a command opened (for messages about its failures).
_STORE_URL = "rulesengine.store_url"


def _store_failure(error: Exception, url: str | None) -> RulesengineError | None:
    """``error`` as a user-facing store error (read-only file, locked store, full disk, lost
    server...), or None when it is a bug."""
    if url is None or "sqlalchemy" not in sys.modules:
        return None
    from rulesengine.store.failures import store_failure

    return store_failure(error, url)


def _bug_summary(error: Exception, url: str | None) -> str:
    """``Type: first line`` of a bug's error: no SQL text, no parameters (they can hold
    patient data or the pay-link key), no credentials."""
    orig = getattr(error, "orig", None) if "sqlalchemy" in sys.modules else None
    shown = orig if isinstance(orig, BaseException) else error
    text = str(shown).strip()
    summary = type(shown).__name__ + (f": {text.splitlines()[0]}" if text else "")
    if "sqlalchemy" not in sys.modules:
        return summary
    from rulesengine.store.redact import redact

    return redact(summary, url)


def _bug_text(error: Exception, url: str | None = None) -> str:
    """What a bug says (exit 3): its summary and how to report it."""
    return (
        f"internal error: {_bug_summary(error, url)}\n"
        "This is a bug in rulesengine; set RULESENGINE_DEBUG=1 for the traceback"
        " and please report it."
    )


def _open_store(db: str | None, ctx: click.Context | None = None, *, create: bool = False):
    """The store of ``--db`` (or the group's, or ``RULESENGINE_DB``). An SQLite store file
    that does not exist yet is created only when ``create`` (``import``, the worker): any
    other command there is in the wrong folder or names the wrong store, and says so
    instead of reporting on an empty store it just made."""
    from rulesengine.store import open_store
    from rulesengine.store.redact import display_url

    ctx = ctx or click.get_current_context(silent=True)
    resolved = _store_url(db, ctx)
    if ctx is not None:
        ctx.meta[_STORE_URL] = resolved
    if not create and not _store_exists(resolved):
        raise RulesengineError(
            f"no store at {display_url(resolved)}: import a ledger first"
            " (rulesengine import LEDGER_DIR), or name the store with --db or RULESENGINE_DB"
        )
    return open_store(resolved)


def _store_url(db: str | None, ctx: click.Context | None = None) -> str:
    """The store URL a command uses: its ``--db``, else the nearest enclosing group's
    (``rulesengine --db X queue show 5``), else ``RULESENGINE_DB`` or ``./rulesengine.db``."""
    from rulesengine.store.connect import resolve_url

    ctx = ctx or click.get_current_context(silent=True)
    parent = ctx.parent if ctx is not None else None
    while db is None and parent is not None:
        db = (parent.params or {}).get("db")
        parent = parent.parent
    return resolve_url(db)


def _store_exists(url: str) -> bool:
    """Whether the store ``url`` names is there already (a database server's always is)."""
    from rulesengine.store.connect import sqlite_file

    path = sqlite_file(url)
    return path is None or os.path.lexists(path)


def _shown(store: Any) -> str:
    """The store's URL as messages show it (every credential masked)."""
    from rulesengine.store.redact import display_url

    return display_url(store.url)


def _parse_date(value: str, what: str = "--date") -> dt.date:
    """A run date: ``YYYY-MM-DD``, within the dates a run supports."""
    from rulesengine.errors import RunRefused
    from rulesengine.statements.run_dates import check_run_date_supported

    try:
        day = dt.date.fromisoformat(value)
    except ValueError:
        raise click.BadParameter(
            f"{value!r} is not a date; write it as YYYY-MM-DD", param_hint=what
        ) from None
    try:
        check_run_date_supported(day)
    except RunRefused as refused:
        raise click.BadParameter(str(refused), param_hint=what) from None
    return day


def _working(message: str):
    """A spinner on the terminal while long work runs; nothing when output is piped."""
    import contextlib

    from rich.console import Console

    console = Console(stderr=True)
    if not console.is_terminal:
        return contextlib.nullcontext()
    return console.status(cell(message), spinner="dots")  # a str would be read as markup


_PHASES = {
    "load": "reading the ledger",
    "evaluate": "deciding (durable-rules) and drafting notifications",
    "save": "writing the batch and queueing its notifications",
}


def _phase_shown(status: Any, doing: str) -> Any:
    """A statement run's ``progress`` callback showing each phase beside the spinner
    (None, so no callback, when there is no spinner: output is piped)."""
    if status is None:
        return None
    return lambda phase: status.update(cell(f"{doing}: {_PHASES.get(phase, phase)}"))


def _console():
    """The rich console of the commands (:func:`rulesengine.terminal.console`)."""
    return terminal_console()


@click.group(cls=_Group, context_settings={"help_option_names": ["-h", "--help"]})
@click.option(
    "--db",
    envvar="RULESENGINE_DB",
    default=None,
    metavar="URL",
    help="Store for every subcommand (or RULESENGINE_DB).",
)
@click.option(
    "--log-level",
    envvar="RULESENGINE_LOG_LEVEL",
    default="WARNING",
    show_default=True,
    type=click.Choice(["DEBUG", "INFO", "WARNING", "ERROR"], case_sensitive=False),
    help="Log lines (with timestamps) on standard error; workers usually run with INFO.",
)
@click.version_option(__version__, prog_name="rulesengine")
def main(db: str | None, log_level: str) -> None:
    """Patient statement dunning and balance notifications, driven by YAML rules files."""
    import logging

    logging.basicConfig(
        level=log_level.upper(),
        format="%(asctime)s %(levelname)s %(name)s: %(message)s",
        stream=sys.stderr,
    )


# --- validate ------------------------------------------------------------------------------


@main.command()
@click.argument("files", nargs=-1, required=True, type=click.Path(dir_okay=False))
def validate(files: tuple[str, ...]) -> None:
    """Check rules files (and scenario files); print every problem as file:line:col: message."""
    from rulesengine.rules import load_rules
    from rulesengine.scenarios import is_scenario_file, load_scenario

    specs = _channel_specs()
    problems: list[object] = []
    bugs: list[str] = []
    for path in files:
        try:
            if is_scenario_file(path):
                scenario = load_scenario(path, channel_specs=specs)
                steps = len(scenario.steps)
                echo(f"{path}: ok (scenario {scenario.title!r}, {counted(steps, 'step')})")
                continue
            rules = load_rules(path, channel_specs=specs)
        except RulesengineError as error:
            problems.extend(getattr(error, "problems", ()) or [str(error)])
            continue
        except Exception as error:  # a bug: say so on this file, and go on with the others
            if os.environ.get("RULESENGINE_DEBUG"):
                traceback.print_exc()
            bugs.append(f"{path}: {_bug_text(error)}")
            continue
        click.echo(
            f"{path}: ok (profile {rules.profile.id}, {counted(rules.level_count, 'level')},"
            f" {'no limit' if rules.dunning.no_limit else 'limit on'})"
        )
    for problem in problems:
        echo(str(problem), err=True)
    if problems:
        click.echo(f"{counted(len(problems), 'problem')} found", err=True)
    for bug in bugs:
        echo(bug, err=True)
    if bugs:
        sys.exit(EXIT_BUG)
    if problems:
        sys.exit(EXIT_USER_ERROR)


# --- import --------------------------------------------------------------------------------


@main.command("import")
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
    from rulesengine.errors import LedgerError
    from rulesengine.ledger import read_ledger_dir, validate_against_store
    from rulesengine.store import open_store
    from rulesengine.store.redact import display_url

    target = _store_url(db, ctx)
    if _store_exists(target):
        # An export may list only what changed: payments of encounters the store holds
        # (paid off, so no longer in encounters.csv), encounters of stored guarantors.
        store = _open_store(db, ctx)
        try:
            with _working(f"Reading {ledger_dir}"):
                ledger = read_ledger_dir(ledger_dir, store=store)
        except BaseException:
            store.close()
            raise
    else:  # a bad ledger never creates a store; a dry run plans against an empty one
        with _working(f"Reading {ledger_dir}"):
            ledger = read_ledger_dir(ledger_dir)
        store = _open_store(db, ctx, create=True) if not dry_run else open_store("sqlite://")
    shown = display_url(target)
    try:
        problems = validate_against_store(ledger, store, ledger_dir)
        if problems:
            raise LedgerError(problems)
        with _working(f"Importing into {shown}"):
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

    console = _console()
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


# --- run -----------------------------------------------------------------------------------


def batch_summary(batch: Any) -> dict[str, Any]:
    """The batch summary shown by ``run`` (also its ``--json``)."""
    by_level = Counter(s.level for s in batch.statements)
    skips = Counter(s.reason for s in batch.skips)
    notes: dict[str, Counter[str]] = {}
    for n in batch.notifications:
        notes.setdefault(n.channel, Counter())[n.status] += 1
    return {
        "batch": batch.id,
        "profile": batch.profile_id,
        "date": batch.run_date.isoformat(),
        "mode": batch.mode,
        "replayed": batch.replayed,
        "rules_hash": batch.rules_hash,
        "statements": len(batch.statements),
        "statements_by_level": {str(k): by_level[k] for k in sorted(by_level)},
        "total": sum(s.total_cents for s in batch.statements) / 100,
        "pre_collections": list(batch.pre_collections),
        "skipped": dict(sorted(skips.items())),
        "notifications": {ch: dict(sorted(c.items())) for ch, c in sorted(notes.items())},
        "superseded": len(batch.superseded),
    }


def batch_details(batch: Any) -> dict[str, Any]:
    """Statements, skips and notifications of a batch, for ``run --json``."""
    return {
        "statement_list": [
            {
                "id": s.id,
                "guarantor": s.guarantor_id,
                "patient": s.patient_id,
                "level": s.level,
                "message": s.message_id,
                "channels": list(s.channels),
                "total": s.total_cents / 100,
                "due_date": s.due_date.isoformat(),
                "encounters": [line.encounter_id for line in s.lines],
                "riders": [line.encounter_id for line in s.lines if line.rider],
            }
            for s in batch.statements
        ],
        "skips": {s.encounter_id: s.reason for s in batch.skips},
        "encounters": {
            c.encounter_id: {"level": c.level, "status": c.status} for c in batch.changes
        },
        "notification_list": [
            {
                "statement": n.statement_id,
                "guarantor": n.guarantor_id,
                "channel": n.channel,
                "message": n.message_id,
                "status": n.status,
                "reason": n.reason,
                "scheduled_at": n.scheduled_at.isoformat(),
            }
            for n in batch.notifications
        ],
    }


def print_summary(summary: dict[str, Any]) -> None:
    from rich.table import Table

    console = _console()
    mode = "test batch (nothing saved)" if summary["mode"] == "test" else "live batch"
    again = (
        " (already run on this date: the stored batch, unchanged)" if summary["replayed"] else ""
    )
    console.print(cell(f"{mode} {summary['batch']}", style="bold") + cell(again))
    table = Table(show_header=True, header_style="bold", box=None, pad_edge=False)
    table.add_column("")
    table.add_column("count", justify="right")
    table.add_row(*cells("statements", summary["statements"]))
    for level, count in summary["statements_by_level"].items():
        table.add_row(*cells(f"  level {level}", count))
    table.add_row(*cells("statement total", f"{summary['total']:,.2f}"))
    table.add_row(*cells("sent to pre-collections worklist", len(summary["pre_collections"])))
    skipped = summary["skipped"]
    table.add_row(*cells("skipped", sum(skipped.values())))
    for reason, count in skipped.items():
        table.add_row(*cells(f"  {reason}", count))
    verb = "would queue" if summary["mode"] == "test" else "notifications"
    for channel, statuses in summary["notifications"].items():
        parts = ", ".join(f"{count} {status}" for status, count in statuses.items())
        table.add_row(*cells(f"{verb}: {channel}", parts))
    if summary.get("superseded"):
        table.add_row(*cells("earlier notifications superseded", summary["superseded"]))
    console.print(table)


def _channel_specs():
    from rulesengine.channels.registry import installed_channel_specs

    return installed_channel_specs()


def load_rules_for_cli(path: str):
    """A rules file, checked against every installed channel."""
    from rulesengine.rules import load_rules

    return load_rules(path, channel_specs=_channel_specs())


def _addressing():
    from rulesengine.channels.registry import channel_addressing

    return channel_addressing(_channel_specs())


@main.command()
@click.option(
    "--rules",
    "rules_path",
    required=True,
    type=click.Path(dir_okay=False),
    help="The profile's rules file.",
)
@click.option("--date", "date_text", required=True, metavar="YYYY-MM-DD", help="The run date.")
@click.option("--test", "test_mode", is_flag=True, help="A test batch: reported, nothing saved.")
@click.option(
    "--proof",
    is_flag=True,
    help="With --test: queue one proof per message and channel, to delivery.test_recipients.",
)
@click.option(
    "--allow-future",
    is_flag=True,
    help="Allow a live run dated more than 31 days after today (the date is forever: "
    "live runs move forward).",
)
@db_option
@json_option
@click.pass_context
def run(
    ctx: click.Context,
    rules_path: str,
    date_text: str,
    test_mode: bool,
    proof: bool,
    allow_future: bool,
    db: str | None,
    as_json: bool,
) -> None:
    """One statement run (live by default) and, when live, its upload into the queue.

    A live run dated more than 31 days after today (in the profile's time zone) is refused
    without --allow-future; test runs keep any date.
    """
    from rulesengine.statements.run_dates import check_live_date_is_near
    from rulesengine.statements.statement_run import run_statements

    if proof and not test_mode:
        raise click.UsageError("--proof goes with --test (proofs are made from a test batch)")
    run_date = _parse_date(date_text)
    rules = load_rules_for_cli(rules_path)
    if not test_mode and not allow_future:
        check_live_date_is_near(run_date, rules.profile.timezone)
    store = _open_store(db, ctx)
    try:
        kind = "test" if test_mode else "live"
        doing = f"Running the {kind} batch of {rules.profile.id} for {run_date.isoformat()}"
        with _working(doing) as status:
            batch = run_statements(
                store,
                rules,
                run_date,
                live=not test_mode,
                addressing=_addressing(),
                progress=_phase_shown(status, doing),
            )
        proofs = _queue_proofs(store, batch, rules) if proof else None
    finally:
        store.close()
    summary = batch_summary(batch)
    if batch.replayed and batch.rules_hash != rules.content_hash:
        # Idempotent per date: the stored batch stands, made with another rules file.
        summary["warnings"] = [
            f"the stored batch {batch.id} was made with another rules file (content hash"
            f" {batch.rules_hash[:12]}), not {rules_path} ({rules.content_hash[:12]}): this"
            f" file was not used. To run {run_date.isoformat()} again with it: rulesengine"
            f" batch delete {batch.id}, then this command again"
        ]
        for warning in summary["warnings"]:
            echo(f"warning: {warning}", err=True)
    if proofs is not None:
        summary["proofs"] = {
            "queued": list(proofs),
            "skipped": [f"{message} by {channel}" for message, channel in proofs.skipped],
        }
    if as_json:
        click.echo(json.dumps({**summary, **batch_details(batch)}, indent=2))
    else:
        print_summary(summary)
        if proofs is not None:
            click.echo(
                f"queued {counted(len(proofs), 'proof')} for delivery.test_recipients;"
                " deliver them with `rulesengine deliver`"
            )
            for message, channel in proofs.skipped:
                echo(f"  no proof of {message!r} by {channel}: no test recipient for {channel}")


def _queue_proofs(store: Any, batch: Any, rules: Any) -> Any:
    from rulesengine.queue import Queue
    from rulesengine.rules.input_limits import read_limited_text

    text = read_limited_text(rules.path)
    return Queue(store).add_proofs(batch, rules, rules_text=text)


# --- worklist ------------------------------------------------------------------------------


@main.command()
@click.option("--profile", default=None, help="Only this profile's encounters.")
@db_option
@json_option
@click.pass_context
def worklist(ctx: click.Context, profile: str | None, db: str | None, as_json: bool) -> None:
    """The pre-collections worklist: encounters that exhausted their dunning levels."""
    from rich.table import Table

    from rulesengine.model import format_money

    store = _open_store(db, ctx)
    try:
        entries = store.worklist(profile)
    finally:
        store.close()
    if as_json:
        click.echo(
            json.dumps(
                [
                    {
                        "encounter": e.encounter.id,
                        "guarantor": e.guarantor.id,
                        "name": f"{e.guarantor.first_name} {e.guarantor.last_name}".strip(),
                        "patient": e.encounter.patient_id,
                        "balance": e.encounter.balance_cents / 100,
                        "level": e.encounter.level,
                        "statements_sent": e.encounter.statements_sent,
                        "last_statement": e.encounter.last_statement.isoformat()
                        if e.encounter.last_statement
                        else None,
                        "batch": e.batch_id,
                        "since": e.since.isoformat() if e.since else None,
                    }
                    for e in entries
                ],
                indent=2,
            )
        )
        return
    console = _console()
    if not entries:
        console.print("The pre-collections worklist is empty.")
        return
    table = Table(header_style="bold")
    for column in (
        "encounter",
        "guarantor",
        "name",
        "balance",
        "level",
        "sent",
        "last billed",
        "since",
    ):
        table.add_column(
            column, justify="right" if column in ("balance", "level", "sent") else "left"
        )
    for e in entries:
        enc = e.encounter
        table.add_row(
            *cells(
                enc.id,
                e.guarantor.id,
                f"{e.guarantor.first_name} {e.guarantor.last_name}".strip(),
                format_money(enc.balance_cents),
                enc.level,
                enc.statements_sent,
                enc.last_statement.isoformat() if enc.last_statement else "",
                e.since.isoformat() if e.since else "",
            )
        )
    console.print(table)
    total = sum(e.encounter.balance_cents for e in entries)
    console.print(f"{counted(len(entries), 'encounter')}, {format_money(total)} owed")


# --- explain -------------------------------------------------------------------------------


@main.command()
@click.argument("guarantor")
@click.option(
    "--batch",
    "batch_id",
    default=None,
    help="A live batch id (default: the latest with this guarantor).",
)
@click.option(
    "--rules",
    "rules_path",
    default=None,
    type=click.Path(dir_okay=False),
    help="Explain a test run of these rules instead.",
)
@click.option(
    "--date",
    "date_text",
    default=None,
    metavar="YYYY-MM-DD",
    help="With --rules: the test run's date.",
)
@db_option
@json_option
@click.pass_context
def explain(
    ctx: click.Context,
    guarantor: str,
    batch_id: str | None,
    rules_path: str | None,
    date_text: str | None,
    db: str | None,
    as_json: bool,
) -> None:
    """Why GUARANTOR's encounters were billed, skipped, advanced, reset or sent to the
    worklist, rule by rule."""
    from rulesengine.statements.explain import explain_guarantor, render_explanation

    if (rules_path is None) != (date_text is None):
        raise click.UsageError("--rules and --date go together (they explain a test run)")
    if rules_path and batch_id:
        raise click.UsageError("give either --batch or --rules/--date, not both")
    store = _open_store(db, ctx)
    try:
        if store.get_guarantor(guarantor) is None:
            raise RulesengineError(f"no guarantor {guarantor!r} in {_shown(store)}")
        if rules_path:
            from rulesengine.statements.statement_run import run_statements

            rules = load_rules_for_cli(rules_path)
            batch = run_statements(store, rules, _parse_date(date_text or ""), live=False)
        else:
            if batch_id is None:
                batch_id = store.latest_batch_with_guarantor(guarantor)
                if batch_id is None:
                    raise RulesengineError(
                        f"guarantor {guarantor!r} is in no live batch yet; run one, or explain"
                        " a test run with --rules FILE --date YYYY-MM-DD"
                    )
            batch = store.get_batch(batch_id)
            if batch is None:
                deleted = store.batch_deleted_at(batch_id)
                if deleted is not None:
                    raise RulesengineError(
                        f"batch {batch_id} was deleted"
                        f" ({deleted.isoformat(timespec='seconds')}); 'rulesengine batches'"
                        " lists the live batches"
                    )
                raise RulesengineError(f"no batch {batch_id!r} in {_shown(store)}")
        queued: dict[tuple[str, str], Any] = {}
        if batch.mode == "live":
            queued = {
                (str(n["statement_id"]), str(n["channel"])): n
                for n in store.notifications(batch_id=batch.id, guarantor_id=guarantor)
            }
        explanation = explain_guarantor(batch, guarantor, queued)
    finally:
        store.close()
    if as_json:
        click.echo(json.dumps(explanation, indent=2))
    else:
        echo(render_explanation(explanation))


# --- scenarios and rule changes ------------------------------------------------------------


def _scenario_files(paths: tuple[str, ...]) -> list[str]:
    found: list[str] = []
    for path in paths:
        p = Path(path)
        if p.is_dir():
            found.extend(str(f) for f in sorted(p.rglob("*.scenario.yaml")))
        elif p.exists():  # a file; the loader refuses a device, a pipe or a socket
            found.append(str(p))
        else:
            raise RulesengineError(f"{path}: no such file or folder")
    if not found:
        raise RulesengineError(f"no *.scenario.yaml files in {', '.join(paths)}")
    return found


@main.command("test")
@click.argument("paths", nargs=-1, required=True, type=click.Path())
@click.option("--coverage", is_flag=True, help="Report which rules the scenarios exercised.")
@click.option("--no-trace", is_flag=True, help="Leave the rule trace out of failure reports.")
@json_option
def test_(paths: tuple[str, ...], coverage: bool, no_trace: bool, as_json: bool) -> None:
    """Run scenario files (and folders of *.scenario.yaml): one line each, then the summary."""
    import time

    from rulesengine.scenarios import run_scenario_file
    from rulesengine.scenarios.coverage import coverage_report
    from rulesengine.scenarios.scenario_report import (
        format_coverage,
        format_failure,
        format_summary,
        results_json,
    )
    from rulesengine.scenarios.scenario_run import ScenarioResult

    files = _scenario_files(paths)
    specs = _channel_specs()
    started = time.perf_counter()
    results = []
    bugs = 0
    for path in files:
        try:
            result = run_scenario_file(path, channel_specs=specs)
        except Exception as error:  # a bug: say so on this file, and go on with the others
            if os.environ.get("RULESENGINE_DEBUG"):
                traceback.print_exc()
            bugs += 1
            result = ScenarioResult(path, path, error=f"{path}: {_bug_text(error)}")
        results.append(result)
        if as_json:
            continue
        echo(f"{'PASS' if result.passed else 'FAIL'} {path}: {result.title}")
        if not result.passed:
            echo(format_failure(result, trace=not no_trace))
    reports = coverage_report(results) if coverage else None
    if as_json:
        click.echo(results_json(results, reports))
    else:
        if reports is not None:
            echo(format_coverage(reports))
        click.echo(format_summary(results, time.perf_counter() - started))
    if bugs:
        sys.exit(EXIT_BUG)
    if not all(r.passed for r in results):
        sys.exit(EXIT_USER_ERROR)


@main.command("diff")
@click.argument("old_rules", type=click.Path(dir_okay=False))
@click.argument("new_rules", type=click.Path(dir_okay=False))
@click.option(
    "--date",
    "date_text",
    required=True,
    metavar="YYYY-MM-DD",
    help="The run date of both test batches.",
)
@db_option
@json_option
@click.pass_context
def diff(
    ctx: click.Context,
    old_rules: str,
    new_rules: str,
    date_text: str,
    db: str | None,
    as_json: bool,
) -> None:
    """Run both rules files as test batches on the current ledger; report who would change
    level, message, channels, worklist or skip status. Nothing is saved.

    A date before the profile's latest live run still reports, with a warning: the ledger
    is the one as it is now, after that run."""
    from rulesengine.statements.diff import diff_rules, render_diff

    run_date = _parse_date(date_text)
    old, new = load_rules_for_cli(old_rules), load_rules_for_cli(new_rules)
    store = _open_store(db, ctx)
    try:
        with _working("Running both rules files as test batches"):
            report = diff_rules(store, old, new, run_date)
    finally:
        store.close()
    for warning in report["warnings"]:
        echo(f"warning: {warning}", err=True)
    echo(json.dumps(report, indent=2) if as_json else render_diff(report))


# --- demo ----------------------------------------------------------------------------------


@main.command()
@click.argument(
    "directory", required=False, default="rulesengine-demo", type=click.Path(file_okay=False)
)
@click.option(
    "--guarantors", default=300, show_default=True, help="How many guarantors to generate."
)
@click.option("--months", default=6, show_default=True, help="How many monthly runs.")
@click.option("--seed", default=2026, show_default=True, help="Seed of the generated practice.")
def demo(directory: str, guarantors: int, months: int, seed: int) -> None:
    """The whole flow on a generated sample practice, with nothing to configure."""
    from rulesengine.demo.demo_run import run_demo

    run_demo(Path(directory), guarantors=guarantors, months=months, seed=seed, echo=click.echo)


def _register_queue_commands() -> None:
    """The queue's commands (deliver, worker, queue, opt-out, notify, plugins) and the
    batch commands (batches, batch delete)."""
    from rulesengine.cli.batch_commands import COMMANDS as BATCH_COMMANDS
    from rulesengine.cli.queue_commands import COMMANDS

    for command in [*COMMANDS, *BATCH_COMMANDS]:
        main.add_command(command)


_register_queue_commands()


if __name__ == "__main__":  # pragma: no cover
    main()
