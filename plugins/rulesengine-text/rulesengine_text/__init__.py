"""The ``text`` channel: SMS through a Twilio-shaped HTTP API, else JSON lines in the outbox."""

from __future__ import annotations

import datetime as dt
import errno
import json
import logging
import os
import stat
import urllib.parse
from collections.abc import Iterable, Iterator, Mapping
from pathlib import Path
from typing import Any

import attrs
import phonenumbers

import rulesengine
from rulesengine.channels import (
    MAX_IN_FLIGHT,
    CredentialProblem,
    DeliveryResult,
    Notification,
    exception_summary,
    is_loopback_host,
    private_dir,
    read_credential,
    valid_in_flight,
)
from rulesengine_text._provider import Provider, ProviderPool

try:
    import fcntl
except ImportError:  # pragma: no cover - not POSIX
    fcntl = None  # type: ignore[assignment]

__all__ = [
    "DEFAULT_CONNECTIONS",
    "MAX_BODY",
    "TextChannel",
    "TextSettings",
    "register_channels",
]

log = logging.getLogger(__name__)

#: The longest body an SMS provider accepts (Twilio: 1600 characters).
MAX_BODY = 1600
DEFAULT_OUTBOX = "outbox/text"
TEXT_WINDOW = (dt.time(8, 0), dt.time(21, 0))
#: Connections open at once to the provider (and calls of ``send`` at once) by default.
DEFAULT_CONNECTIONS = 8


def _notifications_counted(count: int) -> str:
    """``1 notification``, ``2 notifications``: a count as the log lines say it."""
    return f"{count} notification{'' if count == 1 else 's'}"


class SettingsProblem(ValueError):
    """The channel's settings are unusable: every notification fails with this text."""


def _opt_str(settings: Mapping[str, Any], key: str) -> str | None:
    value = settings.get(key)
    if value is None or value == "":
        return None
    if not isinstance(value, str):
        raise SettingsProblem(f"channels.text.{key} must be a text, got {value!r}")
    return value.strip()


@attrs.frozen
class TextSettings:
    """The ``channels.text`` settings, checked."""

    base_url: str | None
    account_sid: str | None
    token_env: str | None
    sender: str | None
    outbox: Path
    connections: int

    @classmethod
    def parse(cls, settings: Mapping[str, Any]) -> TextSettings:
        """Check ``settings``; raise :class:`SettingsProblem` saying what to fix."""
        base_url = _opt_str(settings, "base_url")
        account_sid = _opt_str(settings, "account_sid")
        token_env = _opt_str(settings, "token_env")
        sender = _opt_str(settings, "from")
        if base_url is not None:
            parts = urllib.parse.urlsplit(base_url)
            if parts.scheme not in ("http", "https") or not parts.hostname:
                raise SettingsProblem(
                    f"channels.text.base_url must be an http(s) address such as "
                    f"https://api.twilio.com, got {base_url!r}"
                )
            if parts.username is not None or parts.password is not None:
                raise SettingsProblem(
                    "channels.text.base_url must not hold a user or password: remove the "
                    "'user:password@' part (the token comes from token_env)"
                )
            if parts.scheme == "http" and not is_loopback_host(parts.hostname):
                raise SettingsProblem(
                    f"channels.text.base_url {base_url!r} would send the token unencrypted: "
                    "use https://, or http:// only to a loopback address"
                )
            missing = [
                key
                for key, value in (
                    ("account_sid", account_sid),
                    ("token_env", token_env),
                    ("from", sender),
                )
                if value is None
            ]
            if missing:
                raise SettingsProblem(
                    f"channels.text needs {', '.join(missing)} when base_url is set"
                )
        outbox = settings.get("outbox") or DEFAULT_OUTBOX
        if not isinstance(outbox, (str, os.PathLike)):
            raise SettingsProblem(f"channels.text.outbox must be a folder, got {outbox!r}")
        connections = settings.get("connections", DEFAULT_CONNECTIONS)
        if not valid_in_flight(connections):
            raise SettingsProblem(
                f"channels.text.connections must be a whole number from 1 to {MAX_IN_FLIGHT} "
                f"(connections open at once to the provider, such as {DEFAULT_CONNECTIONS}), "
                f"got {connections!r}"
            )
        return cls(base_url, account_sid, token_env, sender, Path(outbox), connections)


def _check(n: Notification) -> str:
    """The message body for ``n``; raise ``ValueError`` with the reason it cannot be sent."""
    to = n.to
    try:
        number = phonenumbers.parse(to, None) if isinstance(to, str) else None
    except phonenumbers.NumberParseException:
        number = None
    if (
        number is None
        or not phonenumbers.is_possible_number(number)
        or phonenumbers.format_number(number, phonenumbers.PhoneNumberFormat.E164) != to
    ):
        raise ValueError("the address is not an E.164 mobile number (such as +15555550101)")
    body = n.content.get("body")
    if not isinstance(body, str) or not body.strip():
        raise ValueError("the text message has no body (content key 'body')")
    if len(body) > MAX_BODY:
        raise ValueError(
            f"the text message is {len(body)} characters long; SMS providers accept at most "
            f"{MAX_BODY}: shorten the message"
        )
    return body


class TextChannel(rulesengine.Channel):
    """SMS to the guarantor's mobile number; content ``body``."""

    name = "text"
    address = "mobile"
    settings_keys = frozenset(
        {"send_window", "outbox", "base_url", "account_sid", "token_env", "from", "connections"}
    )
    content_keys = frozenset({"body"})
    required_content = frozenset({"body"})
    setting_types = {
        "base_url": "str",
        "account_sid": "str",
        "token_env": "str",
        "from": "str",
        "connections": "int",
    }
    #: The loader refuses other values with file, line and column.
    setting_ranges = {"connections": (1, MAX_IN_FLIGHT)}
    default_window = TEXT_WINDOW
    max_window = TEXT_WINDOW
    #: Every post carries the notification's idempotency key (``Idempotency-Key``), which a
    #: Twilio-shaped provider uses to drop a repeat, and the outbox writes a key only once:
    #: the queue sends a text whose outcome is unknown again by itself.
    deduplicates = True
    #: Seconds to wait for the provider's reply.
    timeout_seconds: float = 20.0

    def __init__(self, settings: Mapping[str, Any]) -> None:
        self.problem: str | None = None
        self.settings: TextSettings | None = None
        self.pool: ProviderPool | None = None
        try:
            self.settings = TextSettings.parse(settings)
        except SettingsProblem as exc:
            self.problem = str(exc)
            return
        #: ``connections`` calls of ``send`` at once, each with a connection of the pool.
        self.max_in_flight = self.settings.connections
        if self.settings.base_url is not None:
            # Its connections are closed by close(), or when the pool is garbage collected
            # (urllib3 finalises every pool), so a dropped channel leaks no socket.
            self.pool = ProviderPool(
                self.settings.base_url, self.settings.connections, self.timeout_seconds
            )

    def close(self) -> None:
        """Close the provider connections that are idle (one in use closes when its answer
        is in). The channel stays usable; calling it again does nothing more."""
        if self.pool is not None:
            self.pool.close()

    def _provider(self, cfg: TextSettings) -> Provider | None:
        if cfg.base_url is None or self.pool is None:
            return None
        assert cfg.token_env and cfg.account_sid and cfg.sender
        try:
            token = read_credential(
                cfg.token_env, "channels.text.token_env", "the SMS provider's auth token"
            )
        except CredentialProblem as exc:
            raise SettingsProblem(str(exc)) from None
        return Provider(cfg.base_url, cfg.account_sid, token, cfg.sender, self.timeout_seconds)

    def send_problem(self, notification: Notification) -> str | None:
        """Why ``send`` would fail ``notification`` (a number that is not E.164, a missing
        or too long body), by the check ``send`` makes; None when it would post it."""
        try:
            _check(notification)
        except ValueError as exc:
            return str(exc)
        return None

    def send(self, notifications: list[Notification]) -> Iterable[DeliveryResult]:
        """Post each message to the provider (over a keep-alive connection of the pool),
        yielding its result as soon as the provider answered (so the queue records it at
        once), or append them to the outbox. The results come in the order of
        ``notifications``. Safe to call from ``connections`` threads at once."""
        cfg = self.settings
        try:
            if cfg is None:
                raise SettingsProblem(self.problem or "the text settings are invalid")
            provider = self._provider(cfg)
        except SettingsProblem as exc:
            return [DeliveryResult.failed(n, str(exc)) for n in notifications]
        if provider is None or self.pool is None:
            return _to_outbox(cfg.outbox, cfg.sender, notifications)
        return _posted(self.pool, provider, notifications)


def _checked(
    notifications: list[Notification],
) -> tuple[dict[int, DeliveryResult], list[tuple[Notification, str]]]:
    """The failed result of each notification that cannot be sent, and the others with
    their text."""
    bad: dict[int, DeliveryResult] = {}
    ready: list[tuple[Notification, str]] = []
    for n in notifications:
        try:
            ready.append((n, _check(n)))
        except ValueError as exc:
            bad[n.id] = DeliveryResult.failed(n, str(exc))
    return bad, ready


def _posted(
    pool: ProviderPool, provider: Provider, notifications: list[Notification]
) -> Iterator[DeliveryResult]:
    """Post each message over a connection of ``pool``, yielding each result as it comes
    (a notification that cannot be sent fails in its place); then the log line."""
    bad, ready = _checked(notifications)
    texts = dict((n.id, body) for n, body in ready)
    sent = 0
    for n in notifications:
        result = bad[n.id] if n.id in bad else pool.post(provider, n, texts[n.id])
        sent += result.outcome == "sent"
        yield result
    log.info("text: %d of %s sent", sent, _notifications_counted(len(notifications)))


def _to_outbox(
    outbox: Path, sender: str | None, notifications: list[Notification]
) -> list[DeliveryResult]:
    """Append the messages to the outbox (one locked write); the results in order."""
    bad, ready = _checked(notifications)
    results = {**bad, **_append_outbox(outbox, sender, ready)}
    sent = sum(r.outcome == "sent" for r in results.values())
    log.info("text: %d of %s sent", sent, _notifications_counted(len(notifications)))
    return [results[n.id] for n in notifications]


def _check_own_file(fd: int, path: Path) -> None:
    """Refuse (closing ``fd``) an outbox file that is not a regular file of this user with
    one name: appending there would write patient data into someone else's file."""
    info = os.fstat(fd)
    if (
        not stat.S_ISREG(info.st_mode)
        or info.st_nlink != 1
        or (hasattr(os, "geteuid") and info.st_uid != os.geteuid())
    ):
        os.close(fd)
        raise PermissionError(
            errno.EPERM,
            "not a regular file of this user with a single name (a hard link, or another"
            " user's file): move it away",
            str(path),
        )


def _append_outbox(
    outbox: Path, sender: str | None, items: list[tuple[Notification, str]]
) -> dict[int, DeliveryResult]:
    """Append one JSON line per message to ``messages.jsonl``, skipping keys already there."""
    if not items:
        return {}
    path = outbox / "messages.jsonl"
    try:
        private_dir(outbox)
        # Never through a symbolic link, never into a file someone else made or linked.
        fd = os.open(path, os.O_RDWR | os.O_CREAT | os.O_APPEND | os.O_NOFOLLOW, 0o600)
        _check_own_file(fd, path)
    except OSError as exc:
        detail = f"cannot open the text outbox {path}: {exception_summary(exc)}"
        if exc.errno == errno.ELOOP:
            detail = f"cannot open the text outbox {path}: it is a symbolic link; remove it"
        return {n.id: DeliveryResult.retry(n, detail) for n, _ in items}
    results = {}
    with os.fdopen(fd, "r+", encoding="utf-8") as fh:
        if fcntl is not None:
            fcntl.flock(fh, fcntl.LOCK_EX)  # several workers may share one outbox
        os.fchmod(fh.fileno(), 0o600)
        fh.seek(0)
        lines: dict[str, int] = {}
        count = 0
        last = ""
        for count, last in enumerate(fh, start=1):
            try:
                lines.setdefault(json.loads(last).get("idempotency_key"), count)
            except (ValueError, AttributeError):
                continue
        if last and not last.endswith("\n"):
            fh.write("\n")  # a line cut short by a crash: keep it apart from the next
        for n, body in items:
            if n.idempotency_key not in lines:
                record = {
                    "idempotency_key": n.idempotency_key,
                    "notification_id": n.id,
                    "to": n.to,
                    "from": sender,
                    "body": body,
                    "statement_id": n.statement_id,
                    "written_at": dt.datetime.now(dt.UTC).isoformat(),
                }
                fh.write(json.dumps(record, ensure_ascii=False) + "\n")
                count += 1
                lines[n.idempotency_key] = count
            results[n.id] = DeliveryResult.sent(
                n, provider_ref=f"{path}:{lines[n.idempotency_key]}"
            )
        fh.flush()
        os.fsync(fh.fileno())
    return results


@rulesengine.hookimpl
def register_channels(register: Any) -> None:
    """Register the text channel."""
    register(TextChannel)
