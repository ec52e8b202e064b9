"""The queue's staff commands: ``queue`` (list, show, retry, cancel, resolve), ``opt-out``,
``notify`` and ``plugins`` (docs/queue.md).

The queue, the store and rich are imported when a command runs, not when ``rulesengine``
starts: start-up time.
"""

from __future__ import annotations

import json
from collections.abc import Sequence
from typing import TYPE_CHECKING, Any

import click

from rulesengine.cli.options import (
    LIMIT,
    MAX_INT,
    db_option,
    json_option,
    now_option,
    parse_now,
)
from rulesengine.cli.rules_access import (
    command_plugin_manager,
    installed_specs,
    load_rules_for_cli,
)
from rulesengine.cli.store_access import open_command_queue
from rulesengine.model import NOTIFICATION_STATUSES
from rulesengine.plurals import counted
from rulesengine.terminal import cell, cells, echo
from rulesengine.terminal import console as terminal_console

if TYPE_CHECKING:
    from rulesengine.channels.manager import PluginInfo
    from rulesengine.queue import QueueRow

__all__ = [
    "COMMANDS",
    "STATUS_CHOICE",
    "cli_actor",
    "notify",
    "opt_out",
    "plugins",
    "queue",
]

STATUS_CHOICE = click.Choice(NOTIFICATION_STATUSES)


class _NotificationId(click.ParamType):
    """A notification id: a whole number from 1 to :data:`MAX_INT` (larger numbers cannot
    be ids, and neither SQLite nor PostgreSQL can even compare with them)."""

    name = "id"

    def convert(self, value: Any, param: click.Parameter | None, ctx: click.Context | None) -> int:
        if isinstance(value, int) and not isinstance(value, bool):
            number = value
        else:
            try:
                number = int(str(value).strip())
            except ValueError:
                self.fail(f"{value!r} is not a notification id; ids are whole numbers", param, ctx)
        if not 1 <= number <= MAX_INT:
            self.fail(
                f"{value} is not a notification id; ids are whole numbers from 1 to {MAX_INT}"
                " (`rulesengine queue` lists them)",
                param,
                ctx,
            )
        return number


_NOTIFICATION_ID = _NotificationId()


# --- queue ------------------------------------------------------------------------------------


#: A notification's fields in ``rulesengine queue --json`` (plus its last history detail)...
_LIST_FIELDS = (
    "id",
    "kind",
    "status",
    "channel",
    "guarantor",
    "profile",
    "batch",
    "statement",
    "message",
    "level",
    "attempt",
    "max_attempts",
    "scheduled_at",
    "next_attempt_at",
    "handed_at",
    "provider_ref",
    "proof",
    "superseded_by",
)
#: ...and in ``rulesengine queue show``: those, then the rest.
_SHOW_FIELDS = (
    *_LIST_FIELDS,
    "to",
    "idempotency_key",
    "timezone",
    "send_window",
    "backoff",
    "rules_hash",
    "lease_owner",
    "lease_expires_at",
    "reason",
    "content",
    "context",
    "unrendered",
    "created_at",
    "updated_at",
)


def _row_json(row: QueueRow, detail: str | None = None) -> dict[str, Any]:
    from rulesengine.queue.notification_rows import notification_fields  # start-up time

    return {**notification_fields(row, _LIST_FIELDS), "detail": detail}


@click.group(invoke_without_command=True)
@click.option("--profile", default=None, help="Only this profile's notifications.")
@click.option("--batch", default=None, help="Only this batch's notifications.")
@click.option(
    "--status",
    type=STATUS_CHOICE,
    multiple=True,
    help="Only this status (repeat it for several: --status error --status unknown).",
)
@click.option("--guarantor", default=None, help="Only this guarantor's notifications.")
@click.option("--channel", default=None, help="Only this channel's notifications.")
@click.option(
    "--kind",
    type=click.Choice(["batch", "proof", "on_demand"]),
    default=None,
    help="Only batch notifications, proofs or on-demand ones.",
)
@click.option("--limit", default=None, type=LIMIT, help="At most this many rows.")
@db_option
@json_option
@click.pass_context
def queue(
    ctx: click.Context,
    profile: str | None,
    batch: str | None,
    status: tuple[str, ...],
    guarantor: str | None,
    channel: str | None,
    kind: str | None,
    limit: int | None,
    db: str | None,
    as_json: bool,
) -> None:
    """The notification queue as a table; filters make the views.

    "All notifications" is rulesengine queue; "Manage errors" is
    rulesengine queue --status error --status unknown.
    """
    if ctx.invoked_subcommand is not None:
        return
    from rulesengine.queue.notification_sql import last_details

    with open_command_queue(ctx, db) as q:
        rows = q.find(
            profile_id=profile,
            batch_id=batch,
            status=list(dict.fromkeys(status)) or None,
            guarantor_id=guarantor,
            channel=channel,
            kind=kind,
            limit=limit,
            with_content=False,  # the list does not show it: not rendered
        )
        with q.store.reading() as conn:
            details = last_details(conn, [row.id for row in rows])
        deleted = q.store.batch_deleted_at(batch) if batch and not rows else None
    if as_json:
        click.echo(json.dumps([_row_json(r, details.get(r.id)) for r in rows], indent=2))
        return
    if deleted is not None:
        echo(f"Batch {batch} was deleted ({deleted.isoformat(timespec='seconds')}).")
        return
    _print_table(rows, details)


def _print_table(rows: Sequence[QueueRow], details: dict[int, str | None]) -> None:
    from rich.table import Table

    console = terminal_console()
    if not rows:
        console.print("No notifications match.")
        return
    table = Table(header_style="bold")
    for column in (
        "id",
        "status",
        "channel",
        "guarantor",
        "message",
        "level",
        "attempt",
        "due / last change",
        "batch",
        "detail",
    ):
        table.add_column(
            column, justify="right" if column in ("id", "level", "attempt") else "left"
        )
    for row in rows:
        when = row.next_attempt_at if row.status == "scheduled" else row.updated_at
        batch = {"proof": f"proof of {row.batch_id}", "on_demand": "on demand"}.get(
            row.kind, row.batch_id or ""
        )
        table.add_row(
            *cells(
                row.id,
                row.status,
                row.channel,
                row.guarantor_id,
                row.message_id,
                row.level,
                f"{row.attempt}/{row.max_attempts}",
                when.isoformat(timespec="minutes") if when else "",
                batch,
                details.get(row.id) or "",
            )
        )
    console.print(table)
    counts: dict[str, int] = {}
    for row in rows:
        counts[row.status] = counts.get(row.status, 0) + 1
    console.print(
        f"{counted(len(rows), 'notification')}: "
        + ", ".join(f"{n} {s}" for s, n in sorted(counts.items()))
    )


@queue.command("show")
@click.argument("notification_id", type=_NOTIFICATION_ID)
@db_option
@json_option
@click.pass_context
def _show(ctx: click.Context, notification_id: int, db: str | None, as_json: bool) -> None:
    """One notification: every field and its full status history."""
    with open_command_queue(ctx, db) as q:
        row = q.get(notification_id)
        entries = q.history(notification_id)
    from rulesengine.queue.notification_rows import history_fields, notification_fields

    fields = notification_fields(row, _SHOW_FIELDS)
    history = history_fields(entries)
    if as_json:
        click.echo(json.dumps({**fields, "history": history}, indent=2, ensure_ascii=False))
        return
    _print_one(fields, history)


def _print_one(fields: dict[str, Any], history: list[dict[str, Any]]) -> None:
    from rich.table import Table

    console = terminal_console()
    table = Table(show_header=False, box=None)
    table.add_column(style="bold")
    table.add_column()
    for key, value in fields.items():
        if key == "unrendered" and value is None:
            continue  # rendered: nothing to say
        lines = False
        if isinstance(value, (dict, list)):
            # JSON escapes the control characters in its strings: its own line breaks may stay.
            lines = key == "content"
            value = json.dumps(value, ensure_ascii=False, indent=1 if lines else None)
        table.add_row(cell(key), cell(value, keep_lines=lines))
    console.print(table)
    events = Table(title="history", header_style="bold")
    for column in ("at", "from", "to", "message", "level", "rules", "attempt", "detail", "by"):
        events.add_column(column)
    for entry in history:
        events.add_row(
            *cells(
                entry["at"],
                entry["old_status"] or "(new)",
                entry["new_status"],
                entry["message_id"],
                entry["level"],
                (entry["rules_hash"] or "")[:12],
                entry["attempt"],
                entry["detail"],
                entry["actor"] or "",
            )
        )
    console.print(events)


def cli_actor() -> str:
    """Who a staff command's history entries name: ``cli:`` and the operating-system user
    running it (``cli:unknown`` when it has no name)."""
    import getpass

    try:
        name = getpass.getuser()
    except (OSError, KeyError):  # no USER/LOGNAME and no passwd entry (a bare container)
        name = "unknown"
    return f"cli:{name}"[:200]


def _acted(transitions: Sequence[Any], what: str) -> None:
    for t in transitions:
        click.echo(f"notification {t.notification_id}: {t.old_status} -> {t.new_status}")
    click.echo(f"{counted(len(transitions), 'notification')} {what}")


@queue.command("retry")
@click.argument("ids", nargs=-1, required=True, type=_NOTIFICATION_ID)
@db_option
@click.pass_context
def _retry(ctx: click.Context, ids: tuple[int, ...], db: str | None) -> None:
    """Schedule error, unknown or canceled notifications again, now."""
    with open_command_queue(ctx, db) as q:
        _acted(q.retry(list(ids), actor=cli_actor()), "scheduled again")


@queue.command("cancel")
@click.argument("ids", nargs=-1, required=True, type=_NOTIFICATION_ID)
@db_option
@click.pass_context
def _cancel(ctx: click.Context, ids: tuple[int, ...], db: str | None) -> None:
    """Cancel scheduled, error or unknown notifications."""
    with open_command_queue(ctx, db) as q:
        _acted(q.cancel(list(ids), actor=cli_actor()), "canceled")


@queue.command("resolve")
@click.argument("ids", nargs=-1, required=True, type=_NOTIFICATION_ID)
@click.option(
    "--as",
    "outcome",
    required=True,
    type=click.Choice(["sent", "resend"]),
    help="sent: it did go out; resend: schedule it again now.",
)
@db_option
@click.pass_context
def _resolve(ctx: click.Context, ids: tuple[int, ...], outcome: str, db: str | None) -> None:
    """Decide notifications whose delivery is unknown (a worker stopped mid-send)."""
    with open_command_queue(ctx, db) as q:
        _acted(q.resolve(list(ids), outcome, actor=cli_actor()), "resolved")


# --- opt-out, notify, plugins -------------------------------------------------------------------


@click.command("opt-out")
@click.argument("guarantor")
@click.argument("channel")
@click.option(
    "--source", default="staff", show_default=True, help="Who asked, e.g. 'inbound STOP'."
)
@now_option
@db_option
@click.pass_context
def opt_out(
    ctx: click.Context,
    guarantor: str,
    channel: str,
    source: str,
    now_text: str | None,
    db: str | None,
) -> None:
    """Opt a guarantor out of a channel; what is still queued for it is suppressed."""
    now = parse_now(now_text)
    with open_command_queue(ctx, db) as q:
        suppressed = q.opt_out(guarantor, channel, source=source, now=now, actor=cli_actor())
    echo(
        f"{guarantor} opted out of {channel} ({source}); "
        f"{counted(len(suppressed), 'queued notification')} suppressed"
    )


@click.command()
@click.argument("guarantor")
@click.option("--channel", required=True, help="The channel to send it by.")
@click.option("--message", "message_id", required=True, help="The message id of the rules file.")
@click.option(
    "--rules",
    "rules_path",
    default=None,
    type=click.Path(dir_okay=False),
    help="The profile's rules file (default: the rules of the guarantor's latest live statement).",
)
@now_option
@db_option
@click.pass_context
def notify(
    ctx: click.Context,
    guarantor: str,
    channel: str,
    message_id: str,
    rules_path: str | None,
    now_text: str | None,
    db: str | None,
) -> None:
    """Queue an on-demand notification (e.g. a pay-now link) for a guarantor.

    It is rendered from the guarantor's latest live statement, with the rules file that
    statement's batch ran (or --rules), and goes through the same queue and checks; it
    never changes a dunning level.
    """
    now = parse_now(now_text)
    rules = load_rules_for_cli(rules_path) if rules_path is not None else None
    # The plugins the rules were loaded with, when they were (else the queue's own).
    pm = command_plugin_manager() if rules is not None else None
    with open_command_queue(ctx, db, pm=pm) as q:
        if rules is None:
            from rulesengine.queue.on_demand import rules_of_latest_statement

            rules = rules_of_latest_statement(q.store, guarantor, installed_specs())
        nid = q.notify(guarantor, channel, message_id, rules, now, actor=cli_actor())
        row = q.get(nid)
    when = row.next_attempt_at.isoformat(timespec="minutes") if row.next_attempt_at else ""
    if row.status == "scheduled":
        echo(f"notification {nid} queued: {message_id} by {channel}, due {when}")
    else:
        echo(f"notification {nid} {row.status}: {row.reason}")


@click.command()
@json_option
def plugins(as_json: bool) -> None:
    """Installed plugins with their distribution, version and channels."""
    from rulesengine.channels.manager import get_plugin_manager, plugin_info, unmarked_hook_notes

    pm = get_plugin_manager()
    infos = plugin_info(pm)
    _list_plugins(infos, as_json)
    # A hook function without its marker is silently ignored by pluggy: say so (stderr).
    for note in unmarked_hook_notes(pm):
        echo(note, err=True)


def _list_plugins(infos: list[PluginInfo], as_json: bool) -> None:
    """The plugins as a table, or as JSON."""
    from rich.table import Table  # start-up time

    if as_json:
        click.echo(
            json.dumps(
                [
                    {
                        "name": i.name,
                        "distribution": i.distribution,
                        "version": i.version,
                        "channels": list(i.channels),
                    }
                    for i in infos
                ],
                indent=2,
            )
        )
        return
    console = terminal_console()
    if not infos:
        console.print(
            "No plugins are installed (or RULESENGINE_LOAD_PLUGINS or"
            " RULESENGINE_DISABLE_PLUGINS leaves none loaded)."
        )
        return
    table = Table(header_style="bold")
    for column in ("plugin", "distribution", "version", "channels"):
        table.add_column(column)
    for i in infos:
        table.add_row(*cells(i.name, i.distribution, i.version, ", ".join(i.channels)))
    console.print(table)


#: Every command of this module, for ``main.add_command``.
COMMANDS: list[click.Command] = [queue, opt_out, notify, plugins]
