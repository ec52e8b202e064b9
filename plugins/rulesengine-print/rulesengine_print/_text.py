"""Text helpers for letters: Latin-1 transliteration, money, dates, the postal address."""

from __future__ import annotations

import datetime as dt
import unicodedata
from collections.abc import Mapping
from typing import Any

from rulesengine.channels import Notification, format_money

__all__ = ["address_lines", "latin1", "long_date", "money", "recipient_name"]

_REPLACEMENTS = {
    "\u2018": "'",
    "\u2019": "'",
    "\u201a": "'",
    "\u201c": '"',
    "\u201d": '"',
    "\u201e": '"',
    "\u2013": "-",
    "\u2014": "-",
    "\u2012": "-",
    "\u2212": "-",
    "\u2026": "...",
    "\u2022": "*",
    "\u20ac": "EUR",
    "\u2122": "(TM)",
    "\u00a0": " ",
    "\u2009": " ",
    "\u0141": "L",
    "\u0142": "l",
    "\u0110": "D",
    "\u0111": "d",
    "\u0152": "OE",
    "\u0153": "oe",
    "\u0131": "i",
    "\u2011": "-",
}


def latin1(text: object) -> str:
    """``text`` with every character the PDF core fonts lack replaced by its nearest Latin-1
    spelling ("Łódź" -> "Lodz", "“x”" -> '"x"'); what has none becomes "?"."""
    out = []
    for char in str(text if text is not None else ""):
        char = _REPLACEMENTS.get(char, char)
        try:
            char.encode("latin-1")
        except UnicodeEncodeError:
            stripped = "".join(
                c for c in unicodedata.normalize("NFKD", char) if not unicodedata.combining(c)
            )
            try:
                stripped.encode("latin-1")
                char = stripped or "?"
            except UnicodeEncodeError:
                char = "?"
        out.append(char)
    return "".join(out)


def money(cents: Any) -> str:
    """``$1,234.50`` (``-$5.00`` for a credit)."""
    value = int(cents or 0)
    text = format_money(value)
    return f"-${text[1:]}" if value < 0 else f"${text}"


def long_date(value: Any) -> str:
    """``March 22, 2024`` for an ISO date (or a date); other text as it is."""
    try:
        day = value if isinstance(value, dt.date) else dt.date.fromisoformat(str(value))
    except ValueError:
        return str(value or "")
    return f"{day:%B} {day.day}, {day.year}"


def recipient_name(n: Notification) -> str:
    first = str(n.recipient.get("first_name") or "").strip()
    last = str(n.recipient.get("last_name") or "").strip()
    return " ".join(part for part in (first, last) if part)


def address_lines(n: Notification) -> list[str] | None:
    """The postal address as envelope lines, or ``None`` when it is not complete.

    From the recipient's postal fields; without them, from ``to`` (one line, parts separated
    by commas, the last two being "City, ST ZIP").
    """
    r: Mapping[str, Any] = n.recipient
    line1 = str(r.get("postal_line1") or "").strip()
    if line1:
        city = str(r.get("postal_city") or "").strip()
        state = str(r.get("postal_state") or "").strip()
        zip_code = str(r.get("postal_zip") or "").strip()
        if not (city and zip_code):
            return None
        last = f"{city}, {state} {zip_code}" if state else f"{city} {zip_code}"
        line2 = str(r.get("postal_line2") or "").strip()
        return [line for line in (line1, line2, last) if line]
    parts = [p.strip() for p in str(n.to or "").split(",") if p.strip()]
    if len(parts) < 3:
        return None
    return [*parts[:-2], f"{parts[-2]}, {parts[-1]}"]
