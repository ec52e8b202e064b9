"""The ``print`` channel: PDF statement letters and a CSV manifest per print batch."""

from __future__ import annotations

import csv
import logging
import os
from collections.abc import Mapping
from pathlib import Path
from typing import Any

import rulesengine
from rulesengine.channels import (
    DeliveryResult,
    Notification,
    csv_text,
    exception_summary,
    format_money,
    private_dir,
    safe_file_stem,
    write_private_file,
)
from rulesengine_print._text import address_lines, recipient_name

try:
    import fcntl
except ImportError:  # pragma: no cover - not POSIX
    fcntl = None  # type: ignore[assignment]

__all__ = ["MANIFEST_COLUMNS", "PrintChannel", "register_channels"]

log = logging.getLogger(__name__)

DEFAULT_OUTBOX = "outbox/print"
MANIFEST_COLUMNS = (
    "file",
    "statement_id",
    "guarantor_id",
    "name",
    "address_line1",
    "address_line2",
    "address_line3",
    "pages",
    "total",
)


def _lines(value: Any, key: str) -> tuple[str, ...]:
    if value is None:
        return ()
    if not isinstance(value, str):
        raise ValueError(f"channels.print.{key} must be a text of one or more lines, got {value!r}")
    return tuple(line.strip() for line in value.strip().splitlines() if line.strip())


def _letter_problem(n: Notification, address: list[str] | None) -> str | None:
    """Why the letter of ``n`` (to ``address``, its lines) cannot be printed, else None."""
    if address is None:
        return "no complete postal address (street, city and ZIP code are needed)"
    body = n.content.get("body")
    if not isinstance(body, str) or not body.strip():
        return "the letter has no body (content key 'body')"
    return None


class PrintChannel(rulesengine.Channel):
    """Paper statements: one PDF letter per notification, for a window envelope."""

    name = "print"
    address = "postal"
    settings_keys = frozenset(
        {"send_window", "outbox", "batch_dir", "practice_address", "remit_address"}
    )
    content_keys = frozenset({"body"})
    required_content = frozenset({"body"})
    setting_types = {"batch_dir": "str", "practice_address": "str", "remit_address": "str"}

    def __init__(self, settings: Mapping[str, Any]) -> None:
        # The letter module imports fpdf, which is slow: load it when a print channel is
        # made (at delivery), not when the plugin registers (every rulesengine command).
        from rulesengine_print._letter import Letter

        self.problem: str | None = None
        root = settings.get("batch_dir") or settings.get("outbox") or DEFAULT_OUTBOX
        self.root = Path(root) if isinstance(root, (str, os.PathLike)) else Path(DEFAULT_OUTBOX)
        self.letter = Letter((), ())
        try:
            if not isinstance(root, (str, os.PathLike)):
                raise ValueError(f"channels.print.batch_dir must be a folder, got {root!r}")
            practice = _lines(settings.get("practice_address"), "practice_address")
            remit = _lines(settings.get("remit_address"), "remit_address") or practice
            self.letter = Letter(practice, remit)
        except ValueError as exc:
            self.problem = str(exc)

    def send(self, notifications: list[Notification]) -> list[DeliveryResult]:
        """Write each letter into its batch folder and update that folder's manifest."""
        if self.problem:
            return [DeliveryResult.failed(n, self.problem) for n in notifications]
        note = (
            None
            if self.letter.practice_address
            else ("no practice_address is set: the letter has no return address")
        )
        results: dict[int, DeliveryResult] = {}
        by_batch: dict[str, list[Notification]] = {}
        for n in notifications:
            by_batch.setdefault(n.batch_id, []).append(n)
        for batch_id, batch in by_batch.items():
            results.update(self._print_batch(batch_id, batch, note))
        log.info(
            "print: %d of %d %s written",
            sum(r.outcome == "sent" for r in results.values()),
            len(notifications),
            "letter" if len(notifications) == 1 else "letters",
        )
        return [results[n.id] for n in notifications]

    def send_problem(self, notification: Notification) -> str | None:
        """Why ``send`` would fail ``notification`` (no complete postal address, no body),
        by the checks ``send`` makes before it lays the letter out; None otherwise."""
        return _letter_problem(notification, address_lines(notification))

    def preview(self, notification: Notification) -> tuple[str, bytes]:
        """The letter ``notification`` would print, as a PDF, without writing any file (the
        dashboard's Print/View Statements). A notification without a complete postal
        address (a paperless guarantor's) is laid out with the guarantor's name alone in the
        window.

        :raises ValueError: the channel's settings are wrong, or the letter has no body.
        """
        if self.problem:
            raise ValueError(self.problem)
        body = notification.content.get("body")
        if not isinstance(body, str) or not body.strip():
            raise ValueError("the letter has no body (content key 'body')")
        address = address_lines(notification) or ()
        data, _pages = _render_letter(notification, self.letter, address)
        return "application/pdf", data

    def _print_batch(
        self, batch_id: str, batch: list[Notification], note: str | None
    ) -> dict[int, DeliveryResult]:
        results: dict[int, DeliveryResult] = {}
        folder = self.root / safe_file_stem(batch_id)
        try:
            private_dir(folder)
        except OSError as exc:
            detail = f"cannot use the print-batch folder {folder}: {exception_summary(exc)}"
            return {n.id: DeliveryResult.retry(n, detail) for n in batch}
        rows: list[dict[str, str]] = []
        for n in batch:
            address = address_lines(n)
            problem = _letter_problem(n, address)
            if problem is not None:
                results[n.id] = DeliveryResult.failed(n, problem)
                continue
            assert address is not None  # _letter_problem refuses a missing one
            path = folder / f"{safe_file_stem(n.statement_id)}-{n.id}.pdf"
            try:
                data, pages = _render_letter(n, self.letter, address)
                write_private_file(path, data)
            except OSError as exc:
                results[n.id] = DeliveryResult.retry(
                    n, f"cannot write {path}: {exception_summary(exc)}"
                )
                continue
            except Exception as exc:  # a letter fpdf2 cannot lay out: permanent
                results[n.id] = DeliveryResult.failed(
                    n, f"cannot lay out the letter: {exception_summary(exc)}"
                )
                continue
            padded = [*address, "", "", ""][:3]
            if len(address) > 3:
                padded[2] = ", ".join(address[2:])
            rows.append(
                {
                    "file": path.name,
                    "statement_id": n.statement_id,
                    "guarantor_id": n.guarantor_id,
                    "name": recipient_name(n),
                    "address_line1": padded[0],
                    "address_line2": padded[1],
                    "address_line3": padded[2],
                    "pages": str(pages),
                    "total": format_money(int(n.statement.get("total_cents") or 0)),
                }
            )
            results[n.id] = DeliveryResult.sent(n, provider_ref=str(path), detail=note)
        if rows:
            try:
                _update_manifest(folder, rows)
            except OSError as exc:
                detail = f"cannot write {folder / 'manifest.csv'}: {exception_summary(exc)}"
                for n in batch:
                    if results[n.id].outcome == "sent":
                        results[n.id] = DeliveryResult.retry(n, detail)
        return results


def _update_manifest(folder: Path, rows: list[dict[str, str]]) -> None:
    """Add ``rows`` to ``manifest.csv`` (a letter written again replaces its row).

    Every cell goes through :func:`rulesengine.channels.csv_text`: names and addresses
    come from the ledger, and the mail house opens the manifest in a spreadsheet.
    """
    lock_path = folder / ".manifest.lock"
    fd = os.open(lock_path, os.O_RDWR | os.O_CREAT, 0o600)
    with os.fdopen(fd, "r+") as lock:
        if fcntl is not None:
            fcntl.flock(lock, fcntl.LOCK_EX)  # several workers may print one batch
        path = folder / "manifest.csv"
        merged: dict[str, dict[str, str]] = {}
        if path.exists():
            with path.open(newline="", encoding="utf-8") as fh:
                for row in csv.DictReader(fh):
                    merged[row["file"]] = row
        for row in rows:
            merged[row["file"]] = row
        text = csv_text(MANIFEST_COLUMNS, (merged[key] for key in sorted(merged)))
        write_private_file(path, text.encode("utf-8"))


@rulesengine.hookimpl
def register_channels(register: Any) -> None:
    """Register the print channel."""
    register(PrintChannel)


def _render_letter(*args: Any) -> tuple[bytes, int]:
    from rulesengine_print._letter import render_letter

    return render_letter(*args)
