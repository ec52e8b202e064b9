"""Sending a batch over one SMTP connection, mapping every SMTP outcome to a result.

4xx replies, refused or dropped connections and timeouts are transient (``retry``); 5xx
replies are permanent (``failed``); a recipient refused by the server affects only its
own notification.
"""

from __future__ import annotations

import logging
import smtplib
import ssl
from collections.abc import Iterator, Sequence

import attrs

from rulesengine.channels import (
    DeliveryResult,
    Notification,
    exception_summary,
    is_loopback_address,
)
from rulesengine_email._message import OutgoingEmail, is_plain_address

__all__ = ["SmtpServer", "deliver", "notifications_counted"]

log = logging.getLogger(__name__)


def notifications_counted(count: int) -> str:
    """``1 notification``, ``2 notifications``: a count as the log lines say it."""
    return f"{count} notification{'' if count == 1 else 's'}"


@attrs.frozen
class SmtpServer:
    """Where and how to connect."""

    host: str
    port: int
    starttls: bool
    username: str | None
    password: str | None
    sender: str
    timeout: float

    @property
    def where(self) -> str:
        return f"{self.host}:{self.port}"


def _text(reply: bytes | str) -> str:
    text = reply.decode("utf-8", "replace") if isinstance(reply, bytes) else str(reply)
    return " ".join(text.split())


def _by_code(
    n: Notification, code: int, reply: bytes | str, where: str, when: str = ""
) -> DeliveryResult:
    detail = f"SMTP {code} from {where}{when}: {_text(reply)}"
    if 500 <= code < 600:
        return DeliveryResult.failed(n, detail)
    return DeliveryResult.retry(n, detail)


class _SessionFailed(Exception):
    """The session cannot go on; ``result(n)`` is the result for every notification left."""

    def __init__(self, outcome: str, detail: str) -> None:
        super().__init__(detail)
        self.outcome = outcome
        self.detail = detail

    def result(self, n: Notification) -> DeliveryResult:
        if self.outcome == "failed":
            return DeliveryResult.failed(n, self.detail)
        return DeliveryResult.retry(n, self.detail)


def _session_error(exc: Exception, server: SmtpServer, when: str) -> _SessionFailed:
    if isinstance(exc, smtplib.SMTPResponseException):
        code = exc.smtp_code
        outcome = "failed" if 500 <= code < 600 else "retry"
        return _SessionFailed(
            outcome, f"SMTP {code} from {server.where} {when}: {_text(exc.smtp_error)}"
        )
    if isinstance(exc, ssl.SSLCertVerificationError):
        return _SessionFailed(
            "failed",
            f"the TLS certificate of SMTP server {server.where} cannot be trusted: "
            f"{exc.verify_message or exception_summary(exc)}",
        )
    if isinstance(exc, smtplib.SMTPNotSupportedError):
        return _SessionFailed(
            "failed", f"SMTP server {server.where} {when}: {exception_summary(exc)}"
        )
    return _SessionFailed("retry", f"SMTP server {server.where} {when}: {exception_summary(exc)}")


def _quote(address: str) -> str:
    """``<address>`` for a plain address (what :func:`smtplib.quoteaddr` returns for it,
    without parsing it twice per message), else :func:`smtplib.quoteaddr`."""
    return f"<{address}>" if is_plain_address(address) else smtplib.quoteaddr(address)


class _Client(smtplib.SMTP):
    """:class:`smtplib.SMTP` whose MAIL and RCPT commands quote plain addresses directly."""

    def mail(self, sender: str, options: Sequence[str] = ()) -> tuple[int, bytes]:
        if any(option.lower() == "smtputf8" for option in options):
            return super().mail(sender, options)
        optionlist = " " + " ".join(options) if options and self.does_esmtp else ""
        self.putcmd("mail", f"FROM:{_quote(sender)}{optionlist}")
        return self.getreply()

    def rcpt(self, recip: str, options: Sequence[str] = ()) -> tuple[int, bytes]:
        optionlist = " " + " ".join(options) if options and self.does_esmtp else ""
        self.putcmd("rcpt", f"TO:{_quote(recip)}{optionlist}")
        return self.getreply()


def _check_private(conn: smtplib.SMTP, server: SmtpServer) -> None:
    """Refuse to log in unless the session is encrypted or the server this connection
    reached is on a loopback address (the address connected to, whatever the host name
    resolved to)."""
    if isinstance(conn.sock, ssl.SSLSocket):
        return
    try:
        peer = conn.sock.getpeername() if conn.sock is not None else None
    except OSError:
        peer = None
    if is_loopback_address(peer):
        return
    where = peer[0] if isinstance(peer, tuple) else "an unknown address"
    raise _SessionFailed(
        "failed",
        f"SMTP server {server.where} ({where}) was reached without TLS: the password is never "
        "sent unencrypted except to a loopback address; remove 'starttls: false'",
    )


def _open(server: SmtpServer) -> smtplib.SMTP:
    try:
        conn = _Client(server.host, server.port, timeout=server.timeout)
    except smtplib.SMTPConnectError as exc:
        raise _session_error(exc, server, "on connect") from exc
    except (OSError, smtplib.SMTPException) as exc:
        raise _SessionFailed(
            "retry", f"cannot connect to SMTP server {server.where}: {exception_summary(exc)}"
        ) from exc
    try:
        conn.ehlo()
        if server.starttls:
            if not conn.has_extn("starttls"):
                raise _SessionFailed(
                    "failed",
                    f"SMTP server {server.where} does not offer STARTTLS; set starttls: false "
                    "only for a server on a trusted network",
                )
            conn.starttls(context=ssl.create_default_context())
            conn.ehlo()
        if server.username:
            _check_private(conn, server)
            conn.login(server.username, server.password or "")
    except _SessionFailed:
        conn.close()
        raise
    except smtplib.SMTPAuthenticationError as exc:
        conn.close()
        raise _SessionFailed(
            "failed" if 500 <= exc.smtp_code < 600 else "retry",
            f"SMTP {exc.smtp_code} from {server.where}: login as {server.username!r} refused: "
            f"{_text(exc.smtp_error)}",
        ) from exc
    except (OSError, smtplib.SMTPException) as exc:
        conn.close()
        raise _session_error(exc, server, "while starting the session") from exc
    return conn


def _send_one(
    conn: smtplib.SMTP, server: SmtpServer, n: Notification, msg: OutgoingEmail
) -> DeliveryResult:
    """Send one message; raise for a lost connection (the caller stops the batch)."""
    try:
        conn.sendmail(server.sender, [n.to], msg.data)
    except smtplib.SMTPRecipientsRefused as exc:
        code, reply = exc.recipients.get(n.to, (550, b"recipient refused"))
        return _by_code(n, code, reply, server.where, " for the recipient")
    except smtplib.SMTPSenderRefused as exc:
        return _by_code(n, exc.smtp_code, exc.smtp_error, server.where, " for the sender")
    except smtplib.SMTPDataError as exc:
        return _by_code(n, exc.smtp_code, exc.smtp_error, server.where)
    return DeliveryResult.sent(n, provider_ref=msg.message_id)


def deliver(
    server: SmtpServer, items: list[tuple[Notification, OutgoingEmail]]
) -> Iterator[DeliveryResult]:
    """Send every message over one connection, yielding each one's result as soon as the
    server answered it, in the order of ``items`` (a generator: nothing is sent until it
    is read; the connection is closed when it ends)."""
    if not items:
        return
    try:
        conn = _open(server)
    except _SessionFailed as problem:
        log.warning("email: %s (%s)", problem.detail, notifications_counted(len(items)))
        for n, _ in items:
            yield problem.result(n)
        return
    try:
        for index, (n, msg) in enumerate(items):
            try:
                result = _send_one(conn, server, n, msg)
            except (smtplib.SMTPServerDisconnected, OSError) as exc:
                lost = (
                    f"the connection to SMTP server {server.where} was lost while sending: "
                    f"{exception_summary(exc)}"
                )
                log.warning("email: %s", lost)
                yield DeliveryResult.retry(n, lost)
                for later, _ in items[index + 1 :]:
                    yield DeliveryResult.retry(
                        later,
                        f"not attempted: the connection to SMTP server {server.where} "
                        "was lost during this batch",
                    )
                return
            except smtplib.SMTPResponseException as exc:
                result = _by_code(n, exc.smtp_code, exc.smtp_error, server.where)
            except smtplib.SMTPException as exc:
                result = DeliveryResult.retry(
                    n, f"SMTP server {server.where}: {exception_summary(exc)}"
                )
            yield result
    finally:
        try:
            conn.quit()
        except (OSError, smtplib.SMTPException):
            conn.close()
