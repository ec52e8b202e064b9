"""``rulesengine serve``: the dashboard (docs/dashboard.md), served by uvicorn.

It binds 127.0.0.1 unless told otherwise: the pages show protected health information, so
reaching it from another machine is a decision (behind a TLS proxy, with
``--secure-cookies``; docs/deployment.md). The web modules are imported when the command
runs, not when ``rulesengine`` starts (start-up time).
"""

from __future__ import annotations

import ipaddress
import logging

import click

from rulesengine.cli.options import db_option
from rulesengine.cli.store_access import open_command_store
from rulesengine.errors import InvalidRequest
from rulesengine.terminal import echo

__all__ = ["COMMANDS", "serve"]

_log = logging.getLogger(__name__)

#: Connections (and requests in flight) the server holds at once.
_MAX_CONNECTIONS = 200


def _is_loopback(host: str) -> bool:
    if host == "localhost":
        return True
    try:
        return ipaddress.ip_address(host).is_loopback
    except ValueError:
        return False


@click.command()
@click.option("--host", default="127.0.0.1", show_default=True, help="Address to listen on.")
@click.option(
    "--port", default=8000, show_default=True, type=click.IntRange(1, 65535), help="TCP port."
)
@click.option(
    "--secure-cookies",
    is_flag=True,
    help="Send the session cookie over HTTPS only: set it when a TLS proxy serves the dashboard.",
)
@click.option(
    "--forwarded-allow-ips",
    default=None,
    metavar="IPS",
    help="Trust X-Forwarded-For/-Proto from these proxy addresses (comma-separated).",
)
@db_option
@click.pass_context
def serve(
    ctx: click.Context,
    host: str,
    port: int,
    secure_cookies: bool,
    forwarded_allow_ips: str | None,
    db: str | None,
) -> None:
    """Serve the dashboard: batches, the notification queue, the worklist, guarantors, test
    batches and rules, for the store's users (rulesengine user add). Stop it with Ctrl+C."""
    import uvicorn

    from rulesengine.store.user_accounts import list_users
    from rulesengine.web.app import create_app

    if not host or len(host) > 253 or any(c.isspace() for c in host):
        raise InvalidRequest(f"--host {host!r} is not an address to listen on")
    store = open_command_store(db, ctx)
    try:
        if not list_users(store):
            raise InvalidRequest(
                "the store has no dashboard users, so nobody could log in: add one first"
                " (rulesengine user add NAME --role admin)"
            )
        if not _is_loopback(host) and not secure_cookies:
            echo(
                f"warning: serving on {host}, beyond this machine, without --secure-cookies:"
                " put the dashboard behind a TLS proxy and pass --secure-cookies"
                " (docs/deployment.md)",
                err=True,
            )
        app = create_app(store, secure_cookies=secure_cookies)
        shown = f"[{host}]" if ":" in host else host
        echo(f"Dashboard on http://{shown}:{port}/ (Ctrl+C stops it)")
        uvicorn.run(
            app,
            host=host,
            port=port,
            log_level="warning",
            access_log=False,
            proxy_headers=forwarded_allow_ips is not None,
            forwarded_allow_ips=forwarded_allow_ips,
            server_header=False,
            # Bounded: past this many open connections new ones are answered 503 at once,
            # and an idle kept-alive connection is closed after 5 s (docs/deployment.md:
            # a proxy in front also limits slow and half-sent requests).
            limit_concurrency=_MAX_CONNECTIONS,
            timeout_keep_alive=5,
        )
    finally:
        store.close()


COMMANDS: list[click.Command] = [serve]
