"""The statement letter: one US Letter PDF laid out for a standard #10 window envelope."""

from __future__ import annotations

from collections.abc import Sequence

import attrs
from fpdf import FPDF

from rulesengine.channels import Notification
from rulesengine_print._text import latin1, long_date, money, recipient_name

__all__ = ["Letter", "render_letter"]

# Inches. The #10 window: 7/8 in from the left edge, 2 in from the top, 4.5 x 1.125 in.
WINDOW_X, WINDOW_Y, WINDOW_W, WINDOW_H = 0.875, 2.0, 4.5, 1.125
LEFT, RIGHT = 0.875, 7.625
WIDTH = RIGHT - LEFT
SLIP_TOP = 8.0
INK = (33, 37, 41)
MUTED = (100, 106, 112)
RULE = (180, 184, 188)


@attrs.frozen
class Letter:
    """What a letter says besides the notification."""

    practice_address: tuple[str, ...]
    remit_address: tuple[str, ...]


class _Pdf(FPDF):
    footer_text = ""

    def footer(self) -> None:
        if self.pages_count > 1 or self.page > 1:
            self.set_y(-0.45)
            self.set_font("helvetica", "", 8)
            self.set_text_color(*MUTED)
            self.cell(0, 0.2, f"{self.footer_text}   page {self.page_no()} of {{nb}}", align="R")


def _label_rows(pdf: FPDF, x: float, y: float, rows: Sequence[tuple[str, str, bool]]) -> None:
    for label, value, strong in rows:
        pdf.set_xy(x, y)
        pdf.set_font("helvetica", "", 9)
        pdf.set_text_color(*MUTED)
        pdf.cell(1.2, 0.22, latin1(label))
        pdf.set_font("helvetica", "B" if strong else "", 10 if strong else 9)
        pdf.set_text_color(*INK)
        pdf.cell(RIGHT - x - 1.2, 0.22, latin1(value), align="R")
        y += 0.22


def _header(pdf: FPDF, n: Notification, letter: Letter, date_text: str) -> None:
    practice = latin1(n.sender.get("practice") or "")
    pdf.set_xy(LEFT, 0.55)
    pdf.set_font("helvetica", "B", 13)
    pdf.set_text_color(*INK)
    pdf.cell(3.8, 0.25, practice)
    pdf.set_font("helvetica", "", 9)
    pdf.set_text_color(*MUTED)
    y = 0.82
    lines = list(letter.practice_address)
    if n.sender.get("phone"):
        lines.append(f"Phone {n.sender['phone']}")
    for line in lines[:5]:
        pdf.set_xy(LEFT, y)
        pdf.cell(3.8, 0.18, latin1(line))
        y += 0.18
    pdf.set_xy(4.9, 0.55)
    pdf.set_font("helvetica", "B", 15)
    pdf.set_text_color(*INK)
    pdf.cell(RIGHT - 4.9, 0.25, "PROOF - NOT A BILL" if n.proof else "STATEMENT", align="R")
    _label_rows(
        pdf,
        4.9,
        0.9,
        [
            ("Statement date", date_text, False),
            ("Statement ID", n.statement_id, False),
            ("Due date", long_date(n.statement.get("due_date")), False),
            ("Amount due", money(n.statement.get("total_cents")), True),
        ],
    )


def _window(pdf: FPDF, name: str, address: Sequence[str]) -> None:
    pdf.set_font("helvetica", "", 11)
    pdf.set_text_color(0, 0, 0)
    y = WINDOW_Y + 0.12
    for line in [name, *address][:5]:
        pdf.set_xy(WINDOW_X + 0.1, y)
        pdf.cell(WINDOW_W - 0.2, 0.19, latin1(line))
        y += 0.19


def _body(pdf: FPDF, n: Notification, name: str) -> None:
    pdf.set_xy(LEFT, 3.45)
    pdf.set_font("helvetica", "", 10.5)
    pdf.set_text_color(*INK)
    pdf.multi_cell(WIDTH, 0.2, latin1(f"Dear {name}," if name else "Dear patient,"))
    pdf.ln(0.08)
    pdf.set_x(LEFT)
    body = str(n.content.get("body") or "").strip()
    pdf.multi_cell(WIDTH, 0.2, latin1(body))
    pdf.ln(0.18)


def _table(pdf: FPDF, n: Notification) -> None:
    widths = (1.6, 3.35, 1.8)
    pdf.set_x(LEFT)
    pdf.set_font("helvetica", "B", 9)
    pdf.set_fill_color(236, 238, 240)
    pdf.set_text_color(*INK)
    for text, w, align in zip(("Service date", "Patient", "Balance"), widths, "LLR", strict=True):
        pdf.cell(w, 0.26, text, fill=True, align=align)
    pdf.ln(0.26)
    pdf.set_font("helvetica", "", 9.5)
    for line in n.statement.get("lines") or ():
        patient = line.get("patient_name") or line.get("patient_id") or ""
        pdf.set_x(LEFT)
        pdf.cell(widths[0], 0.24, latin1(long_date(line.get("service_date"))))
        pdf.cell(widths[1], 0.24, latin1(patient))
        pdf.cell(widths[2], 0.24, money(line.get("balance_cents")), align="R")
        pdf.ln(0.24)
    pdf.set_draw_color(*RULE)
    pdf.line(LEFT, pdf.get_y() + 0.03, RIGHT, pdf.get_y() + 0.03)
    pdf.ln(0.08)
    pdf.set_x(LEFT)
    pdf.set_font("helvetica", "B", 10.5)
    pdf.cell(widths[0] + widths[1], 0.28, "Total due")
    pdf.cell(widths[2], 0.28, money(n.statement.get("total_cents")), align="R")
    pdf.ln(0.4)


def _how_to_pay(pdf: FPDF, n: Notification) -> None:
    pdf.set_x(LEFT)
    pdf.set_font("helvetica", "", 10)
    due = long_date(n.statement.get("due_date"))
    if due:
        pdf.multi_cell(WIDTH, 0.2, latin1(f"Please pay by {due}."))
    link = str(n.statement.get("pay_link") or "")
    if link:
        pdf.set_x(LEFT)
        pdf.cell(0.8, 0.22, "Pay online:")
        pdf.set_font("helvetica", "U", 10 if len(link) < 70 else 8)
        pdf.set_text_color(20, 70, 160)
        pdf.cell(WIDTH - 0.8, 0.22, latin1(link), link=link)
        pdf.set_text_color(*INK)
        pdf.set_font("helvetica", "", 10)
        pdf.ln(0.24)
    if n.sender.get("phone"):
        pdf.set_x(LEFT)
        pdf.multi_cell(
            WIDTH, 0.2, latin1(f"Questions about this statement? Call {n.sender['phone']}.")
        )


def _remit_slip(pdf: FPDF, n: Notification, letter: Letter, name: str) -> None:
    if pdf.get_y() > SLIP_TOP - 0.25:
        pdf.add_page()
    pdf.set_draw_color(*RULE)
    pdf.set_dash_pattern(dash=0.06, gap=0.04)
    pdf.line(0.4, SLIP_TOP, 8.1, SLIP_TOP)
    pdf.set_dash_pattern()
    pdf.set_xy(LEFT, SLIP_TOP + 0.06)
    pdf.set_font("helvetica", "I", 8)
    pdf.set_text_color(*MUTED)
    pdf.cell(WIDTH, 0.18, "Please detach and return this portion with your payment.", align="C")

    pdf.set_text_color(*INK)
    pdf.set_xy(LEFT, SLIP_TOP + 0.45)
    pdf.set_font("helvetica", "B", 9)
    pdf.cell(3.3, 0.2, "Make checks payable and mail to:")
    y = SLIP_TOP + 0.68
    remit = [str(n.sender.get("practice") or ""), *letter.remit_address]
    pdf.set_font("helvetica", "", 10)
    for line in [line for line in remit if line][:6]:
        pdf.set_xy(LEFT, y)
        pdf.cell(3.3, 0.19, latin1(line))
        y += 0.19

    _label_rows(
        pdf,
        4.5,
        SLIP_TOP + 0.45,
        [
            ("Statement ID", n.statement_id, False),
            ("Account", f"{latin1(name)} ({n.guarantor_id})" if name else n.guarantor_id, False),
            ("Due date", long_date(n.statement.get("due_date")), False),
            ("Amount due", money(n.statement.get("total_cents")), True),
        ],
    )
    pdf.set_xy(4.5, SLIP_TOP + 1.45)
    pdf.set_font("helvetica", "", 9)
    pdf.set_text_color(*MUTED)
    pdf.cell(1.2, 0.25, "Amount enclosed")
    pdf.set_text_color(*INK)
    pdf.cell(RIGHT - 5.7, 0.25, "$ ____________", align="R")


def render_letter(n: Notification, letter: Letter, address: Sequence[str]) -> tuple[bytes, int]:
    """The PDF for ``n`` (to ``address``, its envelope lines) and its page count."""
    pdf = _Pdf(orientation="portrait", unit="in", format="letter")
    pdf.footer_text = latin1(f"Statement {n.statement_id}")
    pdf.set_title(latin1(f"Statement {n.statement_id}"))
    pdf.set_author(latin1(n.sender.get("practice") or "rulesengine"))
    pdf.set_creator("rulesengine-print")
    pdf.set_creation_date(n.scheduled_at)
    pdf.set_margins(LEFT, 0.5, 8.5 - RIGHT)
    pdf.set_auto_page_break(True, margin=0.75)
    pdf.add_page()
    name = recipient_name(n)
    _header(pdf, n, letter, long_date(n.scheduled_at.date()))
    _window(pdf, name, address)
    _body(pdf, n, name)
    _table(pdf, n)
    _how_to_pay(pdf, n)
    _remit_slip(pdf, n, letter, name)
    data = bytes(pdf.output())
    return data, pdf.pages_count
