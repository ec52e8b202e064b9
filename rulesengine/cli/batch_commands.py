"""The batch commands: ``batches`` (a profile's batches, deleted ones included) and
``batch delete`` (docs/batches.md).

The batch-deletion machinery, the store and rich are imported when a command runs, not
when ``rulesengine`` starts: start-up time.
"""

from __future__ import annotations

import json
import sys
from typing import TYPE_CHECKING, Any

import click

from rulesengine.cli.options import db_option, json_option
from rulesengine.cli.store_access import open_command_store
from rulesengine.errors import InvalidRequest
from rulesengine.plurals import counted
from rulesengine.terminal import cells, echo
from rulesengine.terminal import console as terminal_console
from rulesengine.terminal import stdin_is_terminal as _on_terminal

if TYPE_CHECKING:
    from rulesengine.store.batch_delete import BatchDeletion, BatchRecord

__all__ = ["COMMANDS", "batch", "batches"]


def _record_json(record: BatchRecord) -> dict[str, Any]:
    return {
        "id": record.id,
        "profile": record.profile_id,
        "date": record.run_date.isoformat(),
        "mode": record.mode,
        "rules_hash": record.rules_hash,
        "created_at": record.created_at.isoformat() if record.created_at else None,
        "statements": record.statements,
        "notifications": dict(record.notifications),
        "deleted": record.deleted,
        "deleted_at": record.deleted_at.isoformat() if record.deleted_at else None,
    }


@click.command("batches")
@click.option("--profile", default=None, help="Only this profile's batches.")
@db_option
@json_option
@click.pass_context
def batches(ctx: click.Context, profile: str | None, db: str | None, as_json: bool) -> None:
    """A profile's batches: id, date, mode, statements, notifications by status, and
    whether it was deleted (a deleted batch's audit record stays)."""
    from rich.table import Table

    store = open_command_store(db, ctx)
    try:
        records = store.batch_records(profile)
    finally:
        store.close()
    if as_json:
        click.echo(json.dumps([_record_json(r) for r in records], indent=2))
        return
    console = terminal_console()
    if not records:
        console.print(
            f"No batches of profile {profile!r}." if profile else "No batches in the store."
        )
        return
    table = Table(header_style="bold")
    for column in ("id", "date", "mode", "rules", "statements", "notifications", "deleted"):
        table.add_column(column, justify="right" if column == "statements" else "left")
    for r in records:
        shown = ", ".join(f"{n} {status}" for status, n in r.notifications.items()) or "none"
        deleted = r.deleted_at.isoformat(timespec="seconds") if r.deleted_at else "no"
        table.add_row(
            *cells(
                r.id, r.run_date.isoformat(), r.mode, r.rules_hash[:12], r.statements, shown,
                deleted,
            )
        )  # fmt: skip
    console.print(table)


@click.group("batch")
def batch() -> None:
    """Act on one statement batch (see 'rulesengine batches')."""


def _described(deletion: BatchDeletion) -> str:
    total = sum(deletion.notifications.values())
    return (
        f"live batch {deletion.batch_id} of profile {deletion.profile_id!r}"
        f" (run on {deletion.run_date.isoformat()}): {counted(deletion.statements, 'statement')},"
        f" {counted(total, 'notification')}, {counted(deletion.encounters, 'encounter')} changed"
    )


@batch.command("delete")
@click.argument("batch_id", metavar="BATCH")
@click.option("--yes", is_flag=True, help="Delete without asking for confirmation.")
@db_option
@json_option
@click.pass_context
def _delete(ctx: click.Context, batch_id: str, yes: bool, db: str | None, as_json: bool) -> None:
    """Delete BATCH, the latest live batch of its profile, while none of its notifications
    has been handed to a channel: everything it changed is put back, and its audit record
    stays. A live run on its date may then run again."""
    from rulesengine.statements.deletion import delete_batch, preview_deletion

    store = open_command_store(db, ctx)
    try:
        preview = preview_deletion(store, batch_id)  # refused here when it may not go
        if not yes:
            if not _on_terminal():
                raise InvalidRequest(
                    f"'rulesengine batch delete' asks for confirmation on a terminal; pass"
                    f" --yes to delete batch {batch_id} without asking. Nothing changed."
                )
            echo(f"This deletes {_described(preview)}, and puts back everything it changed.")
            if not click.confirm("Delete it?", default=False):
                echo("Nothing deleted.", err=True)
                sys.exit(1)
        deletion = delete_batch(store, batch_id)
    finally:
        store.close()
    if as_json:
        click.echo(
            json.dumps(
                {
                    "deleted": deletion.batch_id,
                    "profile": deletion.profile_id,
                    "date": deletion.run_date.isoformat(),
                    "rules_hash": deletion.rules_hash,
                    "deleted_at": deletion.deleted_at.isoformat(),
                    "statements": deletion.statements,
                    "notifications": dict(deletion.notifications),
                    "encounters": deletion.encounters,
                    "rescheduled": list(deletion.restored),
                },
                indent=2,
            )
        )
        return
    echo(f"deleted {_described(deletion)}.")
    if deletion.restored:
        echo(
            f"{len(deletion.restored)} notification(s) of earlier batches it had superseded"
            " are scheduled again."
        )
    echo(
        f"A live run of profile {deletion.profile_id!r} on {deletion.run_date.isoformat()} may"
        f" run again; the audit record stays ('rulesengine batches --profile"
        f" {deletion.profile_id}')."
    )


COMMANDS: list[click.Command] = [batches, batch]
