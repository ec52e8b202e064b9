"""The statement-run commands: ``run`` (one batch, live or test), ``worklist`` (the
pre-collections worklist) and ``explain`` (why a guarantor's encounters went as they did).

Each command imports the machinery it runs (the statement run, the store, rich) when it
runs, not when ``rulesengine`` starts: start-up time.
"""

from __future__ import annotations

import json
from collections import Counter
from typing import Any

import click

from rulesengine.cli.options import db_option, json_option, parse_date
from rulesengine.cli.rules_access import (
    command_plugin_manager,
    installed_addressing,
    load_rules_for_cli,
)
from rulesengine.cli.spinner import phase_shown, working
from rulesengine.cli.store_access import open_command_store, store_shown
from rulesengine.errors import NotFound
from rulesengine.model import format_money
from rulesengine.plurals import counted
from rulesengine.terminal import cell, cells, echo
from rulesengine.terminal import console as terminal_console

__all__ = [
    "COMMANDS",
    "batch_details",
    "batch_summary",
    "explain",
    "print_summary",
    "run",
    "worklist",
]

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

    console = terminal_console()
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


@click.command()
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
    run_date = parse_date(date_text)
    rules = load_rules_for_cli(rules_path)
    if not test_mode and not allow_future:
        check_live_date_is_near(run_date, rules.profile.timezone)
    store = open_command_store(db, ctx)
    try:
        kind = "test" if test_mode else "live"
        doing = f"Running the {kind} batch of {rules.profile.id} for {run_date.isoformat()}"
        with working(doing) as status:
            batch = run_statements(
                store,
                rules,
                run_date,
                live=not test_mode,
                addressing=installed_addressing(),
                plugin_manager=command_plugin_manager(),
                progress=phase_shown(status, doing),
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

    return Queue(store, pm=command_plugin_manager()).add_proofs(batch, rules)


# --- worklist ------------------------------------------------------------------------------


@click.command()
@click.option("--profile", default=None, help="Only this profile's encounters.")
@db_option
@json_option
@click.pass_context
def worklist(ctx: click.Context, profile: str | None, db: str | None, as_json: bool) -> None:
    """The pre-collections worklist: encounters that exhausted their dunning levels."""
    from rich.table import Table

    store = open_command_store(db, ctx)
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
    console = terminal_console()
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


@click.command()
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
    from rulesengine.statements.explain import (
        explain_guarantor,
        explain_stored_batch,
        render_explanation,
    )
    from rulesengine.statements.statement_run import run_statements

    if (rules_path is None) != (date_text is None):
        raise click.UsageError("--rules and --date go together (they explain a test run)")
    if rules_path and batch_id:
        raise click.UsageError("give either --batch or --rules/--date, not both")
    store = open_command_store(db, ctx)
    try:
        if store.get_guarantor(guarantor) is None:
            raise NotFound(f"no guarantor {guarantor!r} in {store_shown(store)}")
        if rules_path:
            rules = load_rules_for_cli(rules_path)
            batch = run_statements(store, rules, parse_date(date_text or ""), live=False)
            explanation = explain_guarantor(batch, guarantor)
        else:
            if batch_id is None:
                batch_id = store.latest_batch_with_guarantor(guarantor)
                if batch_id is None:
                    raise NotFound(
                        f"guarantor {guarantor!r} is in no live batch yet; run one, or explain"
                        " a test run with --rules FILE --date YYYY-MM-DD"
                    )
            stored = explain_stored_batch(store, batch_id, guarantor)
            if stored is None:
                deleted = store.batch_deleted_at(batch_id)
                if deleted is not None:
                    raise NotFound(
                        f"batch {batch_id} was deleted"
                        f" ({deleted.isoformat(timespec='seconds')}); 'rulesengine batches'"
                        " lists the live batches"
                    )
                raise NotFound(f"no batch {batch_id!r} in {store_shown(store)}")
            explanation = stored
    finally:
        store.close()
    if as_json:
        click.echo(json.dumps(explanation, indent=2))
    else:
        echo(render_explanation(explanation))


#: Every command of this module, for ``main.add_command``.
COMMANDS: list[click.Command] = [run, worklist, explain]
