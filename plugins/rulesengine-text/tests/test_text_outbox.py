"""The text channel without a provider: JSON lines in the outbox, never twice per key."""

from __future__ import annotations

import json
import stat
from pathlib import Path

from rulesengine_text import TextChannel

from rulesengine.channels import DeliveryResult
from rulesengine.testing.plugin_kit import check_channel, sample_notification


def note(i: int, **overrides):
    values = {
        "id": i,
        "channel": "text",
        "to": "+15555550101",
        "idempotency_key": f"B1:S{i}:text",
        "content": {"body": f"message {i} – é"},
    }
    values.update(overrides)
    return sample_notification(**values)


def read(path: Path) -> list[dict]:
    return [json.loads(line) for line in path.read_text(encoding="utf-8").splitlines()]


def test_appends_one_line_per_message(tmp_path: Path) -> None:
    ch = TextChannel({"outbox": str(tmp_path / "text"), "from": "+15555550100"})
    results = list(ch.send([note(1), note(2)]))
    path = tmp_path / "text" / "messages.jsonl"
    assert results == [
        DeliveryResult.sent(1, provider_ref=f"{path}:1"),
        DeliveryResult.sent(2, provider_ref=f"{path}:2"),
    ]
    lines = read(path)
    assert [(x["idempotency_key"], x["to"], x["from"], x["body"]) for x in lines] == [
        ("B1:S1:text", "+15555550101", "+15555550100", "message 1 – é"),
        ("B1:S2:text", "+15555550101", "+15555550100", "message 2 – é"),
    ]
    assert stat.S_IMODE(path.stat().st_mode) == 0o600
    assert stat.S_IMODE((tmp_path / "text").stat().st_mode) == 0o700


def test_a_retry_never_duplicates_a_line(tmp_path: Path) -> None:
    ch = TextChannel({"outbox": str(tmp_path)})
    list(ch.send([note(1)]))
    results = list(ch.send([note(1, attempt=2), note(3)]))
    path = tmp_path / "messages.jsonl"
    assert [x["idempotency_key"] for x in read(path)] == ["B1:S1:text", "B1:S3:text"]
    assert results == [
        DeliveryResult.sent(1, provider_ref=f"{path}:1"),
        DeliveryResult.sent(3, provider_ref=f"{path}:2"),
    ]


def test_a_line_cut_short_is_kept_apart(tmp_path: Path) -> None:
    path = tmp_path / "messages.jsonl"
    path.write_text('{"idempotency_key": "old", "bo')
    list(TextChannel({"outbox": str(tmp_path)}).send([note(1)]))
    lines = path.read_text().splitlines()
    assert lines[0] == '{"idempotency_key": "old", "bo'
    assert json.loads(lines[1])["idempotency_key"] == "B1:S1:text"


def test_kit_plain_call() -> None:
    report = check_channel(TextChannel)
    assert report.ok, str(report)
    assert report.warnings == ()


def test_kit_fixture(channel_kit) -> None:
    channel_kit.check(TextChannel)


def test_a_symbolic_link_in_place_of_the_outbox_file_is_refused_and_left_alone(
    tmp_path: Path,
) -> None:
    """The attacker's case: messages.jsonl linked to another file. Nothing is appended to it
    and its mode is unchanged; the messages wait (a retry) saying why."""
    victim = tmp_path / "victim.txt"
    victim.write_text("ORIGINAL\n", encoding="utf-8")
    victim.chmod(0o644)
    outbox = tmp_path / "text"
    outbox.mkdir(mode=0o700)
    (outbox / "messages.jsonl").symlink_to(victim)
    ch = TextChannel({"outbox": str(outbox), "from": "+15555550100"})
    [result] = list(ch.send([note(1)]))
    assert result.outcome == "retry"
    assert "it is a symbolic link; remove it" in result.detail
    assert victim.read_text(encoding="utf-8") == "ORIGINAL\n"
    assert stat.S_IMODE(victim.stat().st_mode) == 0o644


def test_a_hard_link_in_place_of_the_outbox_file_is_refused(tmp_path: Path) -> None:
    victim = tmp_path / "victim.txt"
    victim.write_text("ORIGINAL\n", encoding="utf-8")
    outbox = tmp_path / "text"
    outbox.mkdir(mode=0o700)
    (outbox / "messages.jsonl").hardlink_to(victim)
    [result] = list(TextChannel({"outbox": str(outbox)}).send([note(1)]))
    assert result.outcome == "retry"
    assert "a hard link, or another user's file" in result.detail
    assert victim.read_text(encoding="utf-8") == "ORIGINAL\n"
