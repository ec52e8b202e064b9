"""The email channel without an SMTP server: .eml files in the outbox."""

from __future__ import annotations

import email
import email.policy
import stat
from pathlib import Path

from rulesengine_email import EmailChannel, message_id

from rulesengine.channels import DeliveryResult
from rulesengine.testing.plugin_kit import check_channel, sample_notification


def mode(path: Path) -> int:
    return stat.S_IMODE(path.stat().st_mode)


def test_writes_one_private_eml_per_notification(tmp_path: Path) -> None:
    outbox = tmp_path / "out" / "email"
    ch = EmailChannel({"outbox": str(outbox), "from": "billing@riverside.example.org"})
    batch = [
        sample_notification(id=1, idempotency_key="B1:S1:email"),
        sample_notification(id=2, idempotency_key="B1-S2-email"),
    ]
    results = list(ch.send(batch))
    safe = sorted(p.name for p in outbox.iterdir())
    assert len(safe) == 2 and safe[0] == "B1-S2-email.eml"
    assert safe[1].startswith("B1_S1_email-") and safe[1].endswith(".eml")
    assert results == [
        DeliveryResult.sent(1, provider_ref=str(outbox / safe[1])),
        DeliveryResult.sent(2, provider_ref=str(outbox / "B1-S2-email.eml")),
    ]
    assert mode(outbox) == 0o700
    assert {mode(p) for p in outbox.iterdir()} == {0o600}
    msg = email.message_from_bytes((outbox / safe[0]).read_bytes(), policy=email.policy.default)
    assert msg["To"] == "pat.doe@example.org"
    assert msg["Message-ID"] == message_id("B1-S2-email")
    assert "your balance of $182.40 is due" in msg.get_content()


def test_retry_rewrites_the_same_file(tmp_path: Path) -> None:
    ch = EmailChannel({"outbox": str(tmp_path)})
    list(ch.send([sample_notification(id=1, idempotency_key="k1")]))
    list(
        ch.send(
            [
                sample_notification(
                    id=1,
                    idempotency_key="k1",
                    attempt=2,
                    content={"subject": "Second try", "body": "b"},
                )
            ]
        )
    )
    assert [p.name for p in tmp_path.iterdir()] == ["k1.eml"]
    msg = email.message_from_bytes((tmp_path / "k1.eml").read_bytes(), policy=email.policy.default)
    assert msg["Subject"] == "Second try"


def test_default_outbox_is_relative_to_the_working_directory(tmp_path: Path, monkeypatch) -> None:
    monkeypatch.chdir(tmp_path)
    [result] = list(EmailChannel({}).send([sample_notification(idempotency_key="k9")]))
    assert result == DeliveryResult.sent(1, provider_ref="outbox/email/k9.eml")
    assert (tmp_path / "outbox" / "email" / "k9.eml").is_file()


def test_unwritable_outbox_is_a_retry(tmp_path: Path) -> None:
    blocker = tmp_path / "file"
    blocker.write_text("not a folder")
    [result] = list(EmailChannel({"outbox": str(blocker / "email")}).send([sample_notification()]))
    assert result.outcome == "retry"
    assert result.detail.startswith(f"cannot use the email outbox {blocker / 'email'}: ")


def test_kit_plain_call() -> None:
    report = check_channel(EmailChannel)
    assert report.ok, str(report)
    assert report.warnings == ()
    assert [r.outcome for r in report.results] == ["sent", "sent", "sent"]


def test_kit_fixture(channel_kit) -> None:
    channel_kit.check(EmailChannel)
