"""The print channel: PDF letters parsed back with pypdf, and the batch manifest."""

from __future__ import annotations

import csv
import stat
from pathlib import Path

import pytest
from pypdf import PdfReader
from rulesengine_print import PrintChannel

from rulesengine.channels import DeliveryResult
from rulesengine.testing.plugin_kit import check_channel, sample_notification

PRACTICE = "200 River Rd\nSuite 5\nSpringfield, IL 62701"
REMIT = "PO Box 4411\nSpringfield, IL 62708"
BODY = "Our records show a balance of $182.40.\nPlease pay by March 22, 2024 or call us."


def note(i: int = 1, **overrides):
    values = {
        "id": i,
        "channel": "print",
        "statement_id": f"S{i:04d}",
        "idempotency_key": f"B1:S{i}:print",
        "batch_id": "B20240301-1",
        "to": "12 Elm St, Apt 4, Springfield, IL 62704",
        "content": {"body": BODY},
    }
    values.update(overrides)
    return sample_notification(address="postal", **values)


def text_of(path: Path) -> str:
    return "\n".join(page.extract_text() for page in PdfReader(path).pages)


def read_manifest(folder: Path) -> list[dict[str, str]]:
    with (folder / "manifest.csv").open(newline="", encoding="utf-8") as fh:
        return list(csv.DictReader(fh))


@pytest.fixture
def channel(tmp_path: Path) -> PrintChannel:
    return PrintChannel(
        {"outbox": str(tmp_path / "print"), "practice_address": PRACTICE, "remit_address": REMIT}
    )


def test_letter_contains_everything_a_patient_needs(channel: PrintChannel, tmp_path: Path) -> None:
    [result] = channel.send([note(1)])
    path = tmp_path / "print" / "B20240301-1" / "S0001-1.pdf"
    assert result == DeliveryResult.sent(1, provider_ref=str(path))
    text = text_of(path)
    for expected in [
        "Riverside Family Medicine",
        "200 River Rd",
        "Springfield, IL 62701",  # practice
        "Pat Doe",
        "12 Elm St",
        "Apt 4",
        "Springfield, IL 62704",  # window
        "STATEMENT",
        "S0001",
        "March 1, 2024",  # id and date
        "Our records show a balance of $182.40.",  # message
        "January 9, 2024",
        "P001",
        "$120.00",
        "February 2, 2024",
        "$62.40",  # lines
        "Total due",
        "$182.40",
        "March 22, 2024",  # total, due
        "https://pay.example.org/q/tok123",  # pay link
        "Please detach and return this portion with your payment.",  # remit slip
        "PO Box 4411",
        "Springfield, IL 62708",
        "Amount enclosed",
    ]:
        assert expected in text, expected


def test_address_sits_in_the_envelope_window(channel: PrintChannel, tmp_path: Path) -> None:
    """Every line of the name and address is drawn inside the #10 window
    (7/8 in from the left, 2 in from the top, 4.5 x 1.125 in)."""
    channel.send([note(1)])
    page = PdfReader(tmp_path / "print" / "B20240301-1" / "S0001-1.pdf").pages[0]
    height = float(page.mediabox.height)
    found: dict[str, tuple[float, float]] = {}

    def visitor(text, cm, tm, font, size) -> None:
        if text.strip():
            found.setdefault(text.strip(), (tm[4] / 72, (height - tm[5]) / 72))

    page.extract_text(visitor_text=visitor)
    for line in ["Pat Doe", "12 Elm St", "Apt 4", "Springfield, IL 62704"]:
        x, baseline = found[line]
        assert 0.875 <= x <= 0.875 + 4.5, (line, x)
        assert 2.0 < baseline < 2.0 + 1.125, (line, baseline)


def test_remit_address_defaults_to_the_practice_address(tmp_path: Path) -> None:
    ch = PrintChannel({"outbox": str(tmp_path), "practice_address": PRACTICE})
    ch.send([note(1)])
    text = text_of(tmp_path / "B20240301-1" / "S0001-1.pdf")
    slip = text[text.index("Please detach") :]
    assert "200 River Rd" in slip and "Springfield, IL 62701" in slip


def test_manifest_lists_every_letter(channel: PrintChannel, tmp_path: Path) -> None:
    results = channel.send(
        [
            note(1),
            note(
                2,
                recipient={"first_name": "Ann", "last_name": "Lee"},
                to="9 Oak Ave, Salem, OR 97301",
            ),
        ]
    )
    folder = tmp_path / "print" / "B20240301-1"
    assert [r.outcome for r in results] == ["sent", "sent"]
    assert read_manifest(folder) == [
        {
            "file": "S0001-1.pdf",
            "statement_id": "S0001",
            "guarantor_id": "G0001",
            "name": "Pat Doe",
            "address_line1": "12 Elm St",
            "address_line2": "Apt 4",
            "address_line3": "Springfield, IL 62704",
            "pages": "1",
            "total": "182.40",
        },
        {
            "file": "S0002-2.pdf",
            "statement_id": "S0002",
            "guarantor_id": "G0002",
            "name": "Ann Lee",
            "address_line1": "9 Oak Ave",
            "address_line2": "Salem, OR 97301",
            "address_line3": "",
            "pages": "1",
            "total": "182.40",
        },
    ]
    assert stat.S_IMODE(folder.stat().st_mode) == 0o700
    assert {stat.S_IMODE(p.stat().st_mode) for p in folder.iterdir()} == {0o600}


def test_resending_rewrites_the_same_files(channel: PrintChannel, tmp_path: Path) -> None:
    channel.send([note(1), note(2)])
    channel.send([note(1, attempt=2)])
    folder = tmp_path / "print" / "B20240301-1"
    assert sorted(p.name for p in folder.glob("*.pdf")) == ["S0001-1.pdf", "S0002-2.pdf"]
    assert [row["file"] for row in read_manifest(folder)] == ["S0001-1.pdf", "S0002-2.pdf"]


def test_batch_dir_is_the_mail_house_folder(tmp_path: Path) -> None:
    ch = PrintChannel({"outbox": str(tmp_path / "outbox"), "batch_dir": str(tmp_path / "pickup")})
    ch.send([note(1), note(2, batch_id="B20240302-1")])
    assert sorted(p.name for p in (tmp_path / "pickup").iterdir()) == ["B20240301-1", "B20240302-1"]
    assert not (tmp_path / "outbox").exists()
    assert [r["file"] for r in read_manifest(tmp_path / "pickup" / "B20240302-1")] == [
        "S0002-2.pdf"
    ]


def test_non_latin1_text_is_transliterated(channel: PrintChannel, tmp_path: Path) -> None:
    n = note(
        1,
        recipient={
            "first_name": "Zoë",
            "last_name": "Łukasiewicz",
            "postal_line1": "ul. Główna 5",
            "postal_city": "Łódź",
            "postal_zip": "90-001",
        },
        content={"body": "Saldo: 12,00 € – “danke” 你好"},
    )
    [result] = channel.send([n])
    assert result.outcome == "sent"
    text = text_of(tmp_path / "print" / "B20240301-1" / "S0001-1.pdf")
    assert "Zoë Lukasiewicz" in text
    assert "ul. Glówna 5" in text and "Lódz 90-001" in text
    assert 'Saldo: 12,00 EUR - "danke" ??' in text


def test_many_lines_flow_onto_more_pages(channel: PrintChannel, tmp_path: Path) -> None:
    lines = [
        {"service_date": f"2023-{m:02d}-{d:02d}", "patient_id": f"P{m}{d}", "balance_cents": 1000}
        for m in range(1, 13)
        for d in (1, 15)
    ] * 2
    statement = {**note(1).statement, "lines": lines, "total_cents": 48000}
    channel.send([note(1, statement=statement)])
    path = tmp_path / "print" / "B20240301-1" / "S0001-1.pdf"
    reader = PdfReader(path)
    assert len(reader.pages) == 2
    assert "$480.00" in reader.pages[-1].extract_text()
    assert "page 2 of 2" in reader.pages[-1].extract_text()
    assert read_manifest(path.parent)[0]["pages"] == "2"


def test_incomplete_address_fails_alone(channel: PrintChannel) -> None:
    results = channel.send([note(1, recipient={"first_name": "Pat"}, to="Springfield"), note(2)])
    assert results[0] == DeliveryResult.failed(
        1, "no complete postal address (street, city and ZIP code are needed)"
    )
    assert results[1].outcome == "sent"


def test_missing_practice_address_is_noted(tmp_path: Path) -> None:
    [result] = PrintChannel({"outbox": str(tmp_path)}).send([note(1)])
    assert result.outcome == "sent"
    assert result.detail == "no practice_address is set: the letter has no return address"


def test_proof_is_marked(channel: PrintChannel, tmp_path: Path) -> None:
    channel.send([note(1, proof=True)])
    assert "PROOF - NOT A BILL" in text_of(tmp_path / "print" / "B20240301-1" / "S0001-1.pdf")


def test_kit_plain_call() -> None:
    report = check_channel(PrintChannel)
    assert report.ok, str(report)
    assert report.warnings == ()


def test_kit_fixture(channel_kit) -> None:
    report = channel_kit.check(PrintChannel)
    assert [r.outcome for r in report.results] == ["sent", "sent", "sent"]


def test_preview_is_the_letter_send_writes_and_writes_nothing(
    channel: PrintChannel, tmp_path: Path
) -> None:
    """The dashboard's Print/View Statements: the same letter, as bytes, no file."""
    media_type, data = channel.preview(note(1))
    assert media_type == "application/pdf"
    assert not (tmp_path / "print").exists()
    preview = tmp_path / "preview.pdf"
    preview.write_bytes(data)
    channel.send([note(1)])
    sent = tmp_path / "print" / "B20240301-1" / "S0001-1.pdf"
    assert text_of(preview) == text_of(sent)
    assert "12 Elm St" in text_of(preview)


def test_preview_without_an_address_shows_the_name_alone(channel: PrintChannel, tmp_path) -> None:
    """A paperless guarantor's letter has no complete address: still shown."""
    _media, data = channel.preview(
        note(1, to="", recipient={"first_name": "Ada", "last_name": "Lee"})
    )
    preview = tmp_path / "preview.pdf"
    preview.write_bytes(data)
    assert "Ada Lee" in text_of(preview)


def test_preview_refuses_a_letter_without_a_body(channel: PrintChannel) -> None:
    with pytest.raises(ValueError, match="the letter has no body"):
        channel.preview(note(1, content={}))
