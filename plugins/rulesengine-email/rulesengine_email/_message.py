"""Building the MIME message for one notification, refusing anything that could inject headers."""

from __future__ import annotations

import binascii
import datetime as dt
import functools
import hashlib
import re
from email.errors import HeaderParseError
from email.header import Header
from email.headerregistry import Address
from email.utils import format_datetime

import attrs

from rulesengine.channels import Notification

__all__ = [
    "BadMessage",
    "OutgoingEmail",
    "build_message",
    "check_address",
    "is_plain_address",
    "message_id",
]

_CONTROL = re.compile(r"[\x00-\x1f\x7f]")
_ATEXT = r"[A-Za-z0-9!#$%&'*+/=?^_`{|}~-]+"
_LABEL = r"[A-Za-z0-9](?:[A-Za-z0-9-]*[A-Za-z0-9])?"
#: A dot-atom address with a dotted host name: what nearly every address is, and what the
#: full parser accepts unchanged (anything else goes through the parser).
_PLAIN = re.compile(rf"({_ATEXT}(?:\.{_ATEXT})*)@({_LABEL}(?:\.{_LABEL})+)")


class BadMessage(ValueError):
    """The notification cannot become an email (a permanent problem); the text says why."""


def message_id(idempotency_key: str) -> str:
    """The Message-ID for a notification: the same on every retry."""
    return f"<{hashlib.sha256(idempotency_key.encode('utf-8')).hexdigest()[:32]}@rulesengine>"


def is_plain_address(value: str) -> bool:
    """Whether ``value`` is a plain dot-atom address such as ``pat@example.org``."""
    return _PLAIN.fullmatch(value) is not None


def check_address(value: object, what: str) -> Address:
    """Parse one plain address such as ``pat@example.org``; raise :class:`BadMessage`.
    An address holding ``=?`` is refused: a header cannot encode an address, and a reader
    may decode ``=?utf-8?b?...?=@example.org`` in the To header as another address."""
    if not isinstance(value, str) or not value.strip():
        raise BadMessage(f"the {what} address is missing")
    if "\r" in value or "\n" in value:
        raise BadMessage(f"the {what} address contains a line break (refused)")
    if not value.isascii():
        raise BadMessage(f"the {what} address {value!r} is not ASCII (not supported)")
    if _looks_encoded(value):
        raise BadMessage(
            f"the {what} address {value!r} holds '=?', which a mail reader may decode as an"
            " RFC 2047 encoded word and show as another address (refused)"
        )
    plain = _PLAIN.fullmatch(value.strip())
    if plain is not None:  # the parser's answer, about 30 us sooner
        return Address(username=plain[1], domain=plain[2])
    try:
        address = Address(addr_spec=value.strip())
    except (ValueError, IndexError, HeaderParseError) as exc:
        raise BadMessage(f"the {what} address {value!r} is not an email address: {exc}") from None
    if not address.username or "." not in address.domain or _CONTROL.search(value):
        raise BadMessage(f"the {what} address {value!r} is not an email address")
    return address


def _display_name(text: object) -> str:
    return _CONTROL.sub(" ", text).strip() if isinstance(text, str) else ""


@attrs.frozen
class OutgoingEmail:
    """One built message: its Message-ID and its bytes (RFC 5322, CRLF line endings)."""

    message_id: str
    data: bytes


#: Line length of the text part and the header folding width (RFC 5322's "should").
_MAX_LINE = 78
#: The longest a header line may be (RFC 5322's "must", without its CRLF).
_MAX_HEADER_LINE = 998
#: A display name that needs no quoting (RFC 5322 atext and spaces).
_ATOMS = re.compile(r"[A-Za-z0-9!#$%&'*+/=?^_`{|}~ -]*")


def _looks_encoded(text: str) -> bool:
    """Whether ``text`` holds what a mail reader may take for the start of an RFC 2047
    encoded word (``=?charset?b?...?=``) and decode, showing other text than the data's:
    such text is always sent encoded itself, so that the reader shows it as written."""
    return "=?" in text


def _header_text(name: str, text: str) -> str:
    """``text`` as the value of header ``name``: as it is when it is printable ASCII that
    fits on the line and holds nothing a reader decodes, else RFC 2047 encoded words
    (UTF-8) folded to the line width."""
    encoded = _looks_encoded(text)
    if text.isascii() and text.isprintable() and len(name) + 2 + len(text) <= _MAX_LINE:
        if not encoded:
            return text
    charset = "us-ascii" if text.isascii() and not encoded else "utf-8"
    header = Header(text, charset, maxlinelen=_MAX_LINE, header_name=name)
    return header.encode(linesep="\r\n")


def _mailbox(display_name: str, addr_spec: str) -> str:
    """``Display Name <addr@domain>`` (quoted or encoded as needed), or just the address."""
    if not display_name:
        return addr_spec
    if display_name.isascii() and not _looks_encoded(display_name):
        if not _ATOMS.fullmatch(display_name):
            escaped = display_name.replace("\\", "\\\\").replace('"', '\\"')
            display_name = f'"{escaped}"'
        return f"{display_name} <{addr_spec}>"
    # One encoded word, longer than the folding width if need be: readers disagree about
    # the space between two encoded words of a name (Python's parser keeps it, and shows
    # "Lüde nscheidt" for a name folded inside a word), but all read one word alike.
    header = Header(display_name, "utf-8", maxlinelen=_MAX_HEADER_LINE, header_name="From")
    word = header.encode(linesep="\r\n")
    fits = len("From: ") + len(word) + len(addr_spec) + 3 <= _MAX_LINE
    return word + (" " if fits else "\r\n ") + f"<{addr_spec}>"


def _text_part(body: str) -> tuple[str, bytes]:
    """(Content-Transfer-Encoding, encoded body with CRLF line endings) for a UTF-8 text:
    ``7bit`` for ASCII with short lines, else quoted-printable, or base64 when shorter (the
    choices of :mod:`email.contentmanager`, without relying on the server's 8BITMIME)."""
    lines = body.encode("utf-8").splitlines()
    if max((len(line) for line in lines), default=0) <= _MAX_LINE and body.isascii():
        return "7bit", b"\r\n".join(lines) + b"\r\n"
    joined = b"\n".join(lines) + b"\n"
    qp = binascii.b2a_qp(joined, istext=True).replace(b"\n", b"\r\n")
    b64 = binascii.b2a_base64(joined.replace(b"\n", b"\r\n"), newline=False)
    if len(b64) < len(qp):
        wrapped = [b64[i : i + 76] for i in range(0, len(b64), 76)]
        return "base64", b"\r\n".join(wrapped) + b"\r\n"
    return "quoted-printable", qp


@functools.lru_cache(maxsize=64)
def _checked_sender(sender: str) -> str:
    return check_address(sender, "sender ('from' setting)").addr_spec


def build_message(n: Notification, sender: str, now: dt.datetime) -> OutgoingEmail:
    """The email for ``n`` from ``sender``; raise :class:`BadMessage` when it cannot be built.

    A text/plain UTF-8 part; headers From (the practice as display name), To, Subject,
    Date, Message-ID (from the idempotency key) and ``Auto-Submitted: auto-generated``.
    The bytes are written directly (the :mod:`email` package's header objects cost about
    3 ms a message); non-ASCII headers are RFC 2047 encoded words, a non-ASCII body is
    quoted-printable or base64, so the message is 7-bit clean. A subject or practice name
    holding ``=?`` is encoded too, so a reader shows an encoded word written in the data as
    it is instead of decoding it; a line break in the subject is refused, one in the
    practice's name becomes a space, so no value starts a header of its own.
    """
    subject = n.content.get("subject")
    body = n.content.get("body")
    if not isinstance(subject, str) or not subject.strip():
        raise BadMessage("the email has no subject (content key 'subject')")
    if "\r" in subject or "\n" in subject:
        raise BadMessage("the subject contains a line break (refused: header injection)")
    if not isinstance(body, str) or not body.strip():
        raise BadMessage("the email has no body (content key 'body')")
    to = check_address(n.to, "recipient")
    sender_spec = _checked_sender(sender)
    practice = _display_name(n.sender.get("practice"))
    mid = message_id(n.idempotency_key)
    cte, payload = _text_part(body)
    head = "\r\n".join(
        (
            f"From: {_mailbox(practice, sender_spec)}",
            f"To: {to.addr_spec}",
            f"Subject: {_header_text('Subject', _CONTROL.sub(' ', subject.strip()))}",
            f"Date: {format_datetime(now)}",
            f"Message-ID: {mid}",
            "Auto-Submitted: auto-generated",
            "MIME-Version: 1.0",
            'Content-Type: text/plain; charset="utf-8"',
            f"Content-Transfer-Encoding: {cte}",
            "",
            "",
        )
    )
    return OutgoingEmail(mid, head.encode("ascii") + payload)
