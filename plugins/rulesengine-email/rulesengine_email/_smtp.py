"""Sending a batch over one pooled SMTP connection, mapping every SMTP outcome to a result.

4xx replies, refused or dropped connections and timeouts are transient (``retry``); 5xx
replies are permanent (``failed``); a recipient refused by the server affects only its
own notification. The envelope goes step by step (MAIL, RCPT, DATA, then the message), so
a reused connection the server closed while it was idle is told apart from one lost once
the message was on its way: only the first is replaced and the message sent again.
"""

from __future__ import annotations

import logging
import re
import smtplib
import ssl
from collections.abc import Iterator, Sequence
from typing import Any

import attrs

from rulesengine.channels import (
    DeliveryResult,
    Notification,
    exception_summary,
    is_loopback_address,
)
from rulesengine_email._message import OutgoingEmail, is_plain_address
from rulesengine_email._pool import Lease, PoolBusy, SmtpPool

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


_LINE_END = re.compile(rb"\r\n|\n|\r(?!\n)")
_LEADING_DOT = re.compile(rb"(?m)^\.")


#: The most lines one reply of an SMTP server may have (a greeting or an EHLO answer has a
#: few dozen at most): a server answering without end is not read further.
MAX_REPLY_LINES = 500


class _LineBudget:
    """The session's reply stream, allowing one reply :data:`MAX_REPLY_LINES` lines."""

    def __init__(self, stream: Any) -> None:
        self.stream = stream
        self.left = MAX_REPLY_LINES

    def readline(self, limit: int = -1) -> bytes:
        if self.left <= 0:
            raise smtplib.SMTPResponseException(
                421, f"a reply of more than {MAX_REPLY_LINES} lines: not read further"
            )
        self.left -= 1
        return bytes(self.stream.readline(limit))

    def close(self) -> None:
        self.stream.close()


class _Client(smtplib.SMTP):
    """:class:`smtplib.SMTP` whose MAIL and RCPT commands quote plain addresses directly,
    and whose replies are read no longer than :data:`MAX_REPLY_LINES` lines."""

    def getreply(self) -> tuple[int, bytes]:
        if self.file is None and self.sock is not None:
            self.file = self.sock.makefile("rb")
        stream = self.file
        budget = self.file = _LineBudget(stream)  # type: ignore[assignment]
        try:
            return super().getreply()
        except smtplib.SMTPResponseException:
            if budget.left <= 0:  # the session cannot go on: what is left is unread
                self.close()
            raise
        finally:
            if self.file is budget:  # not closed meanwhile
                self.file = stream

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

    def data_command(self) -> tuple[int, bytes]:
        """The DATA command alone (354: the server waits for the message, which it has not
        seen yet); :meth:`smtplib.SMTP.data` does this and :meth:`data_content` in one."""
        self.putcmd("data")
        return self.getreply()

    def data_content(self, data: bytes) -> tuple[int, bytes]:
        """The message after a 354, dot-stuffed and ended with ``.``; the server's reply."""
        lines = _LINE_END.sub(b"\r\n", data)
        stuffed = _LEADING_DOT.sub(b"..", lines)
        if not stuffed.endswith(b"\r\n"):
            stuffed += b"\r\n"
        self.send(stuffed + b".\r\n")
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


class _NotTaken(Exception):
    """The connection failed before the server could take the message (during MAIL, RCPT or
    the DATA command itself): sending it on another connection cannot deliver it twice."""


class _Lost(Exception):
    """The connection failed once the message was on its way (during or after DATA): the
    server may have taken it, so it is never sent again at once."""


def _reset(conn: smtplib.SMTP) -> None:
    """End the transaction (RSET) so the connection can carry the next message; a
    connection that fails here is closed (and so never given back)."""
    try:
        conn.rset()
    except (OSError, smtplib.SMTPException):
        conn.close()


def _closing(code: int, reply: bytes, server: SmtpServer) -> _NotTaken:
    return _NotTaken(f"SMTP {code} from {server.where}: {_text(reply)}")


def _envelope(
    conn: _Client, server: SmtpServer, n: Notification, msg: OutgoingEmail
) -> DeliveryResult | None:
    """MAIL, RCPT and the DATA command, step by step: ``None`` when the server waits for the
    message, else the result (a refused sender or recipient). Raise :class:`_NotTaken` for
    a connection lost or closing (421) meanwhile."""
    try:
        options = [f"SIZE={len(msg.data)}"] if conn.does_esmtp and conn.has_extn("size") else []
        code, reply = conn.mail(server.sender, options)
        if code == 421:
            raise _closing(code, reply, server)
        if code != 250:
            _reset(conn)
            return _by_code(n, code, reply, server.where, " for the sender")
        code, reply = conn.rcpt(n.to)
        if code == 421:
            raise _closing(code, reply, server)
        if code not in (250, 251):
            _reset(conn)
            return _by_code(n, code, reply, server.where, " for the recipient")
        code, reply = conn.data_command()
        if code == 421:
            raise _closing(code, reply, server)
        if code != 354:
            _reset(conn)
            return _by_code(n, code, reply, server.where)
    except (smtplib.SMTPServerDisconnected, OSError) as exc:
        raise _NotTaken(
            f"the connection to SMTP server {server.where} was lost while sending: "
            f"{exception_summary(exc)}"
        ) from exc
    return None


def _send_one(
    lease: Lease, server: SmtpServer, n: Notification, msg: OutgoingEmail
) -> DeliveryResult:
    """Send one message on the lease's connection. A reused connection that turns out closed
    before the server could take the message is replaced and the message sent once on
    the new one. Raise :class:`_Lost` (or ``_SessionFailed`` when no new connection can
    be opened) when the caller must stop the batch."""
    conn = lease.conn if lease.conn is not None else lease.reopen()  # after a failure
    assert isinstance(conn, _Client)
    try:
        refused = _envelope(conn, server, n, msg)
    except _NotTaken as exc:
        lease.discard()
        if not lease.reused:
            raise _Lost(str(exc)) from exc
        # The server closed the connection while it was idle (its own timeout): the message
        # was not taken, so it goes once on a new connection.
        log.info("email: %s; sending again on a new connection", exc)
        conn = lease.reopen()
        assert isinstance(conn, _Client)
        try:
            refused = _envelope(conn, server, n, msg)
        except _NotTaken as again:
            lease.discard()
            raise _Lost(str(again)) from again
    lease.carried()
    if refused is not None:
        return refused
    # From here the server may take the message: a failure is a retry, never a resend.
    try:
        code, reply = conn.data_content(msg.data)
    except (smtplib.SMTPServerDisconnected, OSError) as exc:
        lease.discard()
        raise _Lost(
            f"the connection to SMTP server {server.where} was lost while sending: "
            f"{exception_summary(exc)}"
        ) from exc
    if code != 250:
        _reset(conn)
        return _by_code(n, code, reply, server.where)
    return DeliveryResult.sent(n, provider_ref=msg.message_id)


def deliver(
    pool: SmtpPool, server: SmtpServer, items: list[tuple[Notification, OutgoingEmail]]
) -> Iterator[DeliveryResult]:
    """Send every message over one connection borrowed from ``pool``, yielding each one's
    result as soon as the server answered it, in the order of ``items`` (a generator:
    nothing is sent until it is read; the connection goes back to the pool when it ends,
    unless it failed)."""
    if not items:
        return
    try:
        lease = pool.borrow(server, lambda: _open(server), wait=server.timeout)
    except PoolBusy as busy:
        detail = f"no connection to SMTP server {server.where} became free: {busy}"
        log.warning("email: %s (%s)", detail, notifications_counted(len(items)))
        for n, _ in items:
            yield DeliveryResult.retry(n, detail)
        return
    except _SessionFailed as problem:
        log.warning("email: %s (%s)", problem.detail, notifications_counted(len(items)))
        for n, _ in items:
            yield problem.result(n)
        return
    try:
        for index, (n, msg) in enumerate(items):
            try:
                result = _send_one(lease, server, n, msg)
            except _SessionFailed as problem:  # no new connection in place of a closed one
                log.warning("email: %s", problem.detail)
                for later, _ in items[index:]:
                    yield problem.result(later)
                return
            except _Lost as lost:
                log.warning("email: %s", lost)
                yield DeliveryResult.retry(n, str(lost))
                for later, _ in items[index + 1 :]:
                    yield DeliveryResult.retry(
                        later,
                        f"not attempted: the connection to SMTP server {server.where} "
                        "was lost during this batch",
                    )
                return
            except smtplib.SMTPResponseException as exc:
                lease.discard()
                result = _by_code(n, exc.smtp_code, exc.smtp_error, server.where)
            except smtplib.SMTPException as exc:
                lease.discard()
                result = DeliveryResult.retry(
                    n, f"SMTP server {server.where}: {exception_summary(exc)}"
                )
            yield result
    finally:
        lease.give_back()
