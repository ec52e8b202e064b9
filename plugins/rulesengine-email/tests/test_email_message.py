"""The message bytes built for a notification: proper MIME, read back intact by the standard
library's parser, 7-bit clean, with the Message-ID of the idempotency key."""

from __future__ import annotations

import datetime as dt
import email
import email.policy
import hashlib

import pytest
from rulesengine_email._message import build_message

from rulesengine.testing.plugin_kit import sample_notification

NOW = dt.datetime(2026, 2, 1, 15, 0, tzinfo=dt.UTC)
SENDER = "billing@riverside.example.org"


def build(subject: str, body: str, practice: str = "Riverside Family Medicine"):
    n = sample_notification(
        id=1,
        to="pat@example.org",
        idempotency_key="B1:S1:email",
        content={"subject": subject, "body": body},
        sender={"practice": practice},
    )
    return build_message(n, SENDER, NOW)


def parse(raw: bytes) -> email.message.EmailMessage:
    return email.message_from_bytes(raw, policy=email.policy.default)  # type: ignore[return-value]


CASES = {
    "ascii": ("Your statement", "Hello Pat.\nYour balance is $12.00.", "Riverside Clinic"),
    "non-ascii": ("Ihre Rechnung – Zoë", "Saldo: 12,00 €\nDanke.", "Praxis Müller & Söhne"),
    "long subject": ("Statement " + "word " * 40, "short", "Riverside"),
    "long non-ascii subject": ("Zoë " * 40, "short", "Riverside"),
    "long line": ("s", "Pay: https://pay.example.org/q/" + "x" * 200, "Riverside"),
    "dots and blanks": ("s", ".\n..leading dots\n\n  indented\ntrailing  \nend", "Riverside"),
    "crlf and cr": ("s", "one\r\ntwo\rthree\n", "Riverside"),
    "cjk": ("お知らせ", "お支払いをお願いします。" * 20, "クリニック"),
    "specials in name": ("s", "b", 'Dr. "Pat" O\'Neil, MD (Clinic) \\ Co'),
    "equals and tabs": ("a=b\tc", "x=y\tz\n=3D", "Riverside"),
    "long non-ascii name": ("s", "b", "Praxis für Allgemeinmedizin Dr. Müller-Lüdenscheidt & Co"),
}


@pytest.mark.parametrize("case", list(CASES), ids=list(CASES))
def test_message_reads_back_intact(case: str) -> None:
    subject, body, practice = CASES[case]
    built = build(subject, body, practice)
    msg = parse(built.data)
    expected_id = f"<{hashlib.sha256(b'B1:S1:email').hexdigest()[:32]}@rulesengine>"
    assert built.message_id == expected_id
    assert msg["Message-ID"] == expected_id
    assert msg["To"] == "pat@example.org"
    assert msg["From"].addresses[0].display_name == practice
    assert msg["From"].addresses[0].addr_spec == SENDER
    assert msg["Subject"] == subject.strip().replace("\t", " ")
    assert msg["Date"].datetime == NOW
    assert msg["Auto-Submitted"] == "auto-generated"
    assert msg["MIME-Version"] == "1.0"
    assert msg.get_content_type() == "text/plain"
    assert msg.get_content_charset() == "utf-8"
    lines = body.replace("\r\n", "\n").replace("\r", "\n").split("\n")
    if lines[-1] == "":
        lines.pop()
    assert msg.get_content().replace("\r\n", "\n") == "\n".join(lines) + "\n"
    assert not msg.defects
    assert built.data.isascii(), "the message is 7-bit clean"
    assert all(len(line) <= 998 for line in built.data.split(b"\r\n"))
    assert b"\n" not in built.data.replace(b"\r\n", b"")
    assert built.data.count(b"\r\n\r\n") >= 1


def test_transfer_encodings() -> None:
    """7bit for short ASCII lines; quoted-printable for mostly-ASCII text; base64 when
    shorter (mostly non-Latin text); the headers are folded to 78 columns."""

    def cte(body: str) -> str:
        return parse(build("s", body).data)["Content-Transfer-Encoding"]

    assert cte("Hello Pat.") == "7bit"
    assert cte("Saldo: 12,00 €") == "quoted-printable"
    assert cte("x" * 100) == "quoted-printable"
    assert cte("お支払いをお願いします。" * 5) == "base64"
    head = build("Zoë " * 40, "b").data.split(b"\r\n\r\n")[0]
    assert max(len(line) for line in head.split(b"\r\n")) <= 78


@pytest.mark.parametrize(
    "value",
    [
        "pat@example.org",
        "Pat.O'Neil+bills@mail.example.co.uk",
        "a_b-c@x-y.example",
        "user@localhost",
        "a..b@example.org",
        ".a@example.org",
        "a@-example.org",
        "a@example.org.",
        '"quoted local"@example.org',
        "pat@[192.0.2.1]",
        "pat@ex_ample.org",
        "  pat@example.org  ",
        "pat example.org",
        "pat@",
    ],
)
def test_plain_address_shortcut_agrees_with_the_parser(value: str) -> None:
    """The regular-expression shortcut for plain addresses accepts exactly what the full
    parser accepts, with the same result."""
    from email.errors import HeaderParseError
    from email.headerregistry import Address

    from rulesengine_email._message import BadMessage, check_address

    def parsed() -> str | None:
        try:
            address = Address(addr_spec=value.strip())
        except (ValueError, IndexError, HeaderParseError):
            return None
        if not address.username or "." not in address.domain:
            return None
        return address.addr_spec

    try:
        got = check_address(value, "recipient").addr_spec
    except BadMessage:
        got = None
    assert got == parsed()


def test_an_address_the_parser_chokes_on_is_a_bad_message() -> None:
    """``a@example.org.`` makes the standard parser raise HeaderParseError: it is refused as
    a bad address (the notification fails alone), not an exception for the whole batch."""
    from rulesengine_email._message import BadMessage, check_address

    with pytest.raises(BadMessage, match="is not an email address"):
        check_address("a@example.org.", "recipient")


#: Text that looks like RFC 2047 encoded words: a mail reader decodes one written as it is
#: (``=?utf-8?b?RnJlZSBtb25leQ==?=`` shows as "Free money"), so a guarantor's name or a
#: practice's could show any text in the subject or the sender's name.
ENCODED_WORD_LOOKALIKES = [
    "=?utf-8?b?RnJlZSBtb25leQ==?=",
    "Statement for =?utf-8?q?Pay=20now=20at=20evil=2Eexample?= Lee",
    "=?iso-8859-1?q?caf=E9?= =?utf-8?b?w6k=?=",
    "x=?utf-8?b?QQ==?=y",
]


@pytest.mark.parametrize("text", ENCODED_WORD_LOOKALIKES)
def test_an_encoded_word_in_the_data_is_shown_literally(text: str) -> None:
    msg = parse(build(text, "body", practice=text).data)
    assert msg["Subject"] == text
    assert msg["From"].addresses[0].display_name == text
    assert not msg.defects


@pytest.mark.parametrize("practice", ["Clinic\r\nBcc: victim@example.org", "A\nTo: x@y.org"])
def test_a_line_break_in_the_practice_name_never_starts_a_header(practice: str) -> None:
    msg = parse(build("Your statement", "body", practice=practice).data)
    assert msg.get_all("Bcc") is None
    assert msg.get_all("To") == ["pat@example.org"]
    assert "\n" not in msg["From"].addresses[0].display_name


def test_a_line_break_in_the_subject_is_refused() -> None:
    from rulesengine_email._message import BadMessage

    for subject in ("Hi\r\nBcc: victim@example.org", "Hi\nBcc: v@example.org", "Hi\rX: y"):
        with pytest.raises(BadMessage, match="line break"):
            build(subject, "body")


#: An address whose local part is an encoded word: ``=?utf-8?b?Y2Vv?=@example.org`` is a
#: valid address, which a reader decodes in the To header as ``ceo@example.org``.
ENCODED_ADDRESS = "=?utf-8?b?Y2Vv?=@example.org"
ENCODED_ADDRESS_REFUSED = (
    f"the recipient address {ENCODED_ADDRESS!r} holds '=?', which a mail reader may decode"
    " as an RFC 2047 encoded word and show as another address (refused)"
)


@pytest.mark.parametrize("to", [ENCODED_ADDRESS, "pat=?x@example.org", "pat@x=?.example.org"])
def test_an_address_holding_an_encoded_word_start_is_refused(to: str) -> None:
    from rulesengine_email._message import BadMessage

    n = sample_notification(
        id=1,
        to=to,
        idempotency_key="B1:S1:email",
        content={"subject": "Your statement", "body": "body"},
        sender={"practice": "Riverside"},
    )
    with pytest.raises(BadMessage) as refused:
        build_message(n, SENDER, NOW)
    assert str(refused.value) == (
        f"the recipient address {to!r} holds '=?', which a mail reader may decode as an"
        " RFC 2047 encoded word and show as another address (refused)"
    )


def test_the_channel_refuses_it_before_sending() -> None:
    """The queue's check before a send (``send_problem``) fails the notification alone."""
    from rulesengine_email import EmailChannel

    n = sample_notification(
        id=1,
        to=ENCODED_ADDRESS,
        idempotency_key="B1:S1:email",
        content={"subject": "Your statement", "body": "body"},
        sender={"practice": "Riverside"},
    )
    assert EmailChannel({}).send_problem(n) == ENCODED_ADDRESS_REFUSED


def test_a_sender_holding_an_encoded_word_start_is_a_settings_problem() -> None:
    from rulesengine_email import EmailChannel

    channel = EmailChannel({"smtp_host": "smtp.example.org", "from": "=?utf-8?q?b?=@example.org"})
    assert channel.problem == (
        "channels.email.from: the sender ('from' setting) address '=?utf-8?q?b?=@example.org'"
        " holds '=?', which a mail reader may decode as an RFC 2047 encoded word and show as"
        " another address (refused)"
    )
