"""The ``email`` channel: SMTP when ``smtp_host`` is set, else ``.eml`` files in the outbox."""

from __future__ import annotations

import datetime as dt
import logging
import os
from collections.abc import Iterable, Iterator, Mapping
from pathlib import Path
from typing import Any

import attrs

import rulesengine
from rulesengine.channels import (
    MAX_IN_FLIGHT,
    CredentialProblem,
    DeliveryResult,
    Notification,
    exception_summary,
    private_dir,
    read_credential,
    safe_file_stem,
    valid_in_flight,
    write_private_file,
)
from rulesengine_email._message import (
    BadMessage,
    OutgoingEmail,
    build_message,
    check_address,
    message_id,
)
from rulesengine_email._pool import SmtpPool
from rulesengine_email._smtp import SmtpServer, deliver, notifications_counted

__all__ = [
    "DEFAULT_CONNECTIONS",
    "EmailChannel",
    "EmailSettings",
    "message_id",
    "register_channels",
]

log = logging.getLogger(__name__)

DEFAULT_OUTBOX = "outbox/email"
OUTBOX_SENDER = "statements@localhost.localdomain"
#: SMTP connections open at once (and calls of ``send`` at once) by default.
DEFAULT_CONNECTIONS = 4


class SettingsProblem(ValueError):
    """The channel's settings are unusable: every notification fails with this text."""


def _opt_str(settings: Mapping[str, Any], key: str) -> str | None:
    value = settings.get(key)
    if value is None or value == "":
        return None
    if not isinstance(value, str):
        raise SettingsProblem(f"channels.email.{key} must be a text, got {value!r}")
    return value.strip()


@attrs.frozen
class EmailSettings:
    """The ``channels.email`` settings, checked."""

    smtp_host: str | None
    smtp_port: int
    starttls: bool
    username: str | None
    password_env: str | None
    sender: str | None
    outbox: Path
    connections: int

    @classmethod
    def parse(cls, settings: Mapping[str, Any]) -> EmailSettings:
        """Check ``settings``; raise :class:`SettingsProblem` saying what to fix."""
        host = _opt_str(settings, "smtp_host")
        starttls = settings.get("starttls", host is not None)
        if not isinstance(starttls, bool):
            raise SettingsProblem(
                f"channels.email.starttls must be true or false, got {starttls!r}"
            )
        port = settings.get("smtp_port", 587 if starttls else 25)
        if isinstance(port, bool) or not isinstance(port, int) or not 0 < port < 65536:
            raise SettingsProblem(f"channels.email.smtp_port must be a port number, got {port!r}")
        username = _opt_str(settings, "username")
        password_env = _opt_str(settings, "password_env")
        if username and not password_env:
            raise SettingsProblem(
                "channels.email.username is set but password_env is not: set password_env to "
                "the name of the environment variable holding the SMTP password"
            )
        sender = _opt_str(settings, "from")
        if sender is not None:
            try:
                check_address(sender, "sender ('from' setting)")
            except BadMessage as exc:
                raise SettingsProblem(f"channels.email.from: {exc}") from None
        elif host is not None:
            raise SettingsProblem(
                "channels.email.from is not set: the SMTP server needs a sender address"
            )
        outbox = settings.get("outbox") or DEFAULT_OUTBOX
        if not isinstance(outbox, (str, os.PathLike)):
            raise SettingsProblem(f"channels.email.outbox must be a folder, got {outbox!r}")
        connections = settings.get("connections", DEFAULT_CONNECTIONS)
        if not valid_in_flight(connections):
            raise SettingsProblem(
                f"channels.email.connections must be a whole number from 1 to {MAX_IN_FLIGHT} "
                f"(SMTP connections open at once, such as {DEFAULT_CONNECTIONS}), "
                f"got {connections!r}"
            )
        return cls(host, port, starttls, username, password_env, sender, Path(outbox), connections)


class EmailChannel(rulesengine.Channel):
    """Email to the guarantor's address; content ``subject`` and ``body`` (text/plain)."""

    name = "email"
    address = "email"
    settings_keys = frozenset(
        {
            "send_window",
            "outbox",
            "smtp_host",
            "smtp_port",
            "starttls",
            "username",
            "password_env",
            "from",
            "connections",
        }
    )
    content_keys = frozenset({"subject", "body"})
    required_content = frozenset({"subject", "body"})
    #: A subject is a header: a line break in it is refused when the rules file is loaded
    #: (and, for what a guarantor's data brings, when the email is built).
    single_line_content = frozenset({"subject"})
    setting_types = {
        "smtp_host": "str",
        "smtp_port": "int",
        "starttls": "bool",
        "username": "str",
        "password_env": "str",
        "from": "str",
        "connections": "int",
    }
    #: The loader refuses other values with file, line and column.
    setting_ranges = {"smtp_port": (1, 65535), "connections": (1, MAX_IN_FLIGHT)}
    #: SMTP servers deliver a repeated Message-ID again: an email whose outcome is unknown
    #: stays ``unknown`` for staff to resolve.
    deduplicates = False
    #: Seconds to wait for the SMTP server at each step.
    timeout_seconds: float = 30.0
    #: Seconds a pooled connection may stay idle and still be used again (servers drop
    #: idle sessions, commonly after a minute or more).
    idle_seconds: float = 30.0

    def __init__(self, settings: Mapping[str, Any]) -> None:
        self.problem: str | None = None
        self.settings: EmailSettings | None = None
        try:
            self.settings = EmailSettings.parse(settings)
        except SettingsProblem as exc:
            self.problem = str(exc)
        size = self.settings.connections if self.settings else 1
        #: ``connections`` calls of ``send`` at once, each on a connection of the pool.
        self.max_in_flight = size
        # Dropped with the channel, the pool closes its idle sockets (a finaliser).
        self.pool = SmtpPool(size, self.idle_seconds)

    def send_problem(self, notification: Notification) -> str | None:
        """Why ``send`` would fail ``notification`` (its recipient address, its subject or
        body), from the message ``send`` would build; None when it can be built."""
        sender = self.settings.sender if self.settings is not None else None
        try:
            build_message(notification, sender or OUTBOX_SENDER, dt.datetime.now(dt.UTC))
        except BadMessage as exc:
            return str(exc)
        return None

    def close(self) -> None:
        """Close the idle SMTP connections now (with QUIT), and each one in use when its
        call ends. The channel stays usable (it opens new connections); calling it again
        does no harm."""
        self.pool.close()

    def _server(self, cfg: EmailSettings) -> SmtpServer:
        password = None
        if cfg.password_env:
            try:
                password = read_credential(
                    cfg.password_env, "channels.email.password_env", "the SMTP password"
                )
            except CredentialProblem as exc:
                raise SettingsProblem(str(exc)) from None
        assert cfg.smtp_host is not None and cfg.sender is not None
        return SmtpServer(
            cfg.smtp_host,
            cfg.smtp_port,
            cfg.starttls,
            cfg.username,
            password,
            cfg.sender,
            self.timeout_seconds,
        )

    def send(self, notifications: list[Notification]) -> Iterable[DeliveryResult]:
        """Send ``notifications`` over one SMTP connection of the pool, yielding each result
        as soon as the server answered (so the queue records it at once), or write outbox
        files. The results come in the order of ``notifications``. Safe to call from
        ``connections`` threads at once."""
        cfg = self.settings
        try:
            if cfg is None:
                raise SettingsProblem(self.problem or "the email settings are invalid")
            server = self._server(cfg) if cfg.smtp_host else None
        except SettingsProblem as exc:
            return [DeliveryResult.failed(n, str(exc)) for n in notifications]

        now = dt.datetime.now(dt.UTC)
        bad: dict[int, DeliveryResult] = {}
        prepared: list[tuple[Notification, OutgoingEmail]] = []
        for n in notifications:
            try:
                prepared.append((n, build_message(n, cfg.sender or OUTBOX_SENDER, now)))
            except BadMessage as exc:
                bad[n.id] = DeliveryResult.failed(n, str(exc))
        if server is None:  # every file written at once: the results as a list
            return list(_in_order(notifications, bad, _write_outbox(cfg.outbox, prepared).values()))
        return _in_order(notifications, bad, deliver(self.pool, server, prepared))


def _in_order(
    notifications: list[Notification],
    bad: dict[int, DeliveryResult],
    delivered: Iterable[DeliveryResult],
) -> Iterator[DeliveryResult]:
    """Each result of ``delivered`` (for the notifications without one in ``bad``, in their
    order) as it comes, with those of ``bad`` in their places; then the log line."""
    sent = 0
    waiting = iter(notifications)
    for result in delivered:
        sent += result.outcome == "sent"
        for n in waiting:
            if n.id == result.notification_id:
                break
            yield bad[n.id]
        yield result
    for n in waiting:
        yield bad[n.id]
    log.info("email: %d of %s sent", sent, notifications_counted(len(notifications)))


def _write_outbox(
    outbox: Path, items: list[tuple[Notification, OutgoingEmail]]
) -> dict[int, DeliveryResult]:
    """One ``<key>.eml`` per notification; a retry rewrites the same file."""
    if not items:
        return {}
    try:
        folder = private_dir(outbox)
    except OSError as exc:
        detail = f"cannot use the email outbox {outbox}: {exception_summary(exc)}"
        return {n.id: DeliveryResult.retry(n, detail) for n, _ in items}
    results = {}
    for n, msg in items:
        path = folder / f"{safe_file_stem(n.idempotency_key)}.eml"
        try:
            write_private_file(path, msg.data)
        except OSError as exc:
            results[n.id] = DeliveryResult.retry(
                n, f"cannot write {path}: {exception_summary(exc)}"
            )
        else:
            results[n.id] = DeliveryResult.sent(n, provider_ref=str(path))
    return results


@rulesengine.hookimpl
def register_channels(register: Any) -> None:
    """Register the email channel."""
    register(EmailChannel)
