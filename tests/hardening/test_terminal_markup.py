"""Ledger, rules-file and store values reach a staff terminal as plain text.

A guarantor named ``[link=http://evil.example]x[/link]`` used to put a hyperlink on the
screen of whoever ran ``queue show``; ``Ann [/oops]`` stopped ``worklist`` with an internal
error (exit 3), and so did an exclude rule of that name in a ``run`` summary; an ESC in a
name went to the terminal as it was. Every command now prints such values through
``rulesengine.terminal``: never as rich markup or emoji codes, and with every control
character shown as an escape (``\\x1b``). The ledger import keeps such names (they are data);
the output escapes them, whatever wrote them into the store.

The commands run as real processes (forked from the zygote, ``_zygote.py``) with rich's
terminal rendering forced on (``FORCE_COLOR``, ``COLUMNS``), as on a staff terminal: the only
escape sequences in their output are rich's own styles.
"""

from __future__ import annotations

import csv
import json
import os
import re
from pathlib import Path

import pytest

from rulesengine.terminal import cell, printable

from ._zygote import rulesengine as run_forked

REPO = Path(__file__).resolve().parents[2]
LINK = "[link=http://evil.example]x[/link]"
OSC8 = "Eve\x1b]8;;http://evil\x1b\\click\x1b]8;;\x1b\\"
#: Guarantors: id, first name, last name (the ids are ledger text too).
GUARANTORS = [
    ("G1", LINK, "[bold red]"),
    ("G2 [/oops]", "Ann [/oops]", "Smith :skull:"),
    ("G3", OSC8, "\x1b[2J\x1b[31mRed"),
    ("G4", "Zoë", "O'Brien\u202egnp.exe\x9b31m"),
]
#: What each of those prints as: the text as written, control characters escaped.
SHOWN = {
    LINK: LINK,
    "[bold red]": "[bold red]",
    "Ann [/oops]": "Ann [/oops]",
    "Smith :skull:": "Smith :skull:",
    "G2 [/oops]": "G2 [/oops]",
    OSC8: "Eve\\x1b]8;;http://evil\\x1b\\click\\x1b]8;;\\x1b\\",
    "\x1b[2J\x1b[31mRed": "\\x1b[2J\\x1b[31mRed",
    "O'Brien\u202egnp.exe\x9b31m": "O'Brien\\u202egnp.exe\\x9b31m",
}
RULE = "Ann [/oops] [link=http://evil.example]x[/link]"
#: rich's own styles and cursor control: the only escape sequences allowed in the output.
RICH_OWN = re.compile(r"\x1b\[[0-9;]*m|\x1b\[\?25[lh]|\x1b\[[0-9]*[AK]|\r")


def env() -> dict[str, str]:
    out = {k: v for k, v in os.environ.items() if not k.startswith(("RULESENGINE_", "NO_COLOR"))}
    out.update(
        RULESENGINE_LOAD_PLUGINS="email,text,print",
        FORCE_COLOR="1",
        COLUMNS="1000",  # wide enough that no name is wrapped
        TERM="xterm-256color",
    )
    return out


def rulesengine(*argv: str, cwd: Path) -> str:
    """Run the command as on a staff terminal; it must succeed. Returns stdout + stderr."""
    result = run_forked(*argv, cwd=cwd, env=env())
    output = result.output
    assert result.returncode == 0, output
    assert "internal error" not in output and "Traceback" not in output
    return output


def assert_no_escape_from_data(output: str) -> str:
    """No escape sequence but rich's own; returns the text without those."""
    text = RICH_OWN.sub("", output)
    assert "\x1b" not in text and "\x9b" not in text and "\u202e" not in text, repr(text)
    return text


def write_ledger(folder: Path) -> None:
    folder.mkdir()
    with (folder / "guarantors.csv").open("w", newline="", encoding="utf-8") as f:
        w = csv.writer(f)
        w.writerow(["id", "first_name", "last_name", "email", "mobile", "timezone"])
        w.writerows(
            [gid, first, last, f"g{i}@example.org", f"+1555555010{i}", "America/Chicago"]
            for i, (gid, first, last) in enumerate(GUARANTORS, 1)
        )
    with (folder / "encounters.csv").open("w", newline="", encoding="utf-8") as f:
        w = csv.writer(f)
        w.writerow(
            ["id", "guarantor", "patient", "service_date", "balance", "level", "status"]
            + ["first_statement", "last_statement", "statements_sent"]
        )
        for i, (gid, _, _) in enumerate(GUARANTORS, 1):
            # One visit rises to the final notice (email, text), one reaches the worklist.
            w.writerow(
                [f"E{i}", gid, f"P{i}", "2025-10-01", "100.00", "2", "open"]
                + ["2025-11-01", "2025-12-01", "2"]
            )
            w.writerow(
                [f"F{i}", gid, f"P{i}", "2025-10-01", "50.00", "3", "open"]
                + ["2025-11-01", "2025-12-01", "3"]
            )


@pytest.fixture(scope="module")
def practice(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """A store with the guarantors above imported through ``import`` and a live run; a
    rules file whose exclude rule has a name of markup and an ESC."""
    folder = tmp_path_factory.mktemp("terminal")
    write_ledger(folder / "ledger")
    rulesengine("import", "ledger", "--db", "s.db", cwd=folder)
    rulesengine(
        "run",
        "--rules",
        str(REPO / "rules" / "standard.yaml"),
        "--date",
        "2026-02-01",
        "--db",
        "s.db",
        cwd=folder,
    )
    rules = (REPO / "rules" / "standard.yaml").read_text("utf-8")
    old = "    - name: tiny_balance\n      when: encounter.balance < 1.00"
    assert old in rules
    evil = f'    - name: "{RULE} \\e]8;;http://evil\\e\\\\"\n      when: encounter.balance > 0'
    (folder / "evil.yaml").write_text(rules.replace(old, evil), "utf-8")
    return folder


def test_queue_shows_ledger_ids_as_written(practice: Path) -> None:
    """The queue table: 'G2 [/oops]' is a guarantor id, printed as such (exit 0)."""
    text = assert_no_escape_from_data(rulesengine("queue", "--db", "s.db", cwd=practice))
    assert "G2 [/oops]" in text
    assert text.count("final_notice") == 4 * 3  # email, text, print for each guarantor


@pytest.mark.parametrize("number", range(len(GUARANTORS)))
def test_queue_show_prints_the_names_in_content_and_context_verbatim(
    practice: Path, number: int
) -> None:
    """No hyperlink, no crash, no raw ESC: the names appear as written (ESC escaped)."""
    gid, first, last = GUARANTORS[number]
    nid = str(3 * number + 1)  # the email of each guarantor's statement
    text = assert_no_escape_from_data(
        rulesengine("queue", "show", nid, "--db", "s.db", cwd=practice)
    )
    assert re.search(rf"\n guarantor +{re.escape(gid)} ", text)
    # Content and context are JSON: its escapes (\u001b, \\), then the terminal's.
    for name in (first, last):
        assert f'"last_name": {printable(json.dumps(last, ensure_ascii=False))}' in text
        assert printable(json.dumps(name, ensure_ascii=False)) in text
    assert f'"body": "Hello {printable(json.dumps(first, ensure_ascii=False))[1:-1]},' in text


def test_worklist_prints_every_name_as_written(practice: Path) -> None:
    """'Ann [/oops]' used to stop the worklist with exit 3."""
    text = assert_no_escape_from_data(rulesengine("worklist", "--db", "s.db", cwd=practice))
    for gid, first, last in GUARANTORS:
        assert f"{SHOWN.get(first, first)} {SHOWN[last]}" in text
        assert SHOWN.get(gid, gid) in text


@pytest.mark.parametrize("gid", [g for g, _, _ in GUARANTORS])
def test_explain_prints_ids_and_rule_names_as_written(practice: Path, gid: str) -> None:
    text = assert_no_escape_from_data(rulesengine("explain", gid, "--db", "s.db", cwd=practice))
    assert f"Guarantor {gid} in batch standard-2026-02-01" in text


def test_a_run_summary_prints_a_rule_name_of_markup_and_escapes_as_written(
    practice: Path,
) -> None:
    """The skip reasons of a run summary are the rules file's names: printed as written."""
    output = rulesengine(
        "run",
        "--rules",
        "evil.yaml",
        "--date",
        "2026-03-01",
        "--test",
        "--db",
        "s.db",
        cwd=practice,
    )
    text = assert_no_escape_from_data(output)
    assert f"  {RULE} \\x1b]8;;http://evil\\x1b\\" in text


def test_validate_echoes_a_rules_file_value_with_its_escapes_shown(practice: Path) -> None:
    """A problem quoting the file's text never sends its ESC to the terminal."""
    rules = (practice / "evil.yaml").read_text("utf-8")
    (practice / "bad.yaml").write_text(
        rules.replace("message: reminder", 'message: "remind\\e[2Jer"', 1), "utf-8"
    )
    result = run_forked("validate", "bad.yaml", cwd=practice, env=env())
    assert result.returncode == 1
    assert "unknown message 'remind\\x1b[2Jer'" in result.stderr
    assert "\x1b" not in result.stderr


# --- the helper -----------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("value", "shown"),
    [
        (LINK, LINK),
        ("Ann [/oops]", "Ann [/oops]"),
        ("tab\there\nnew", "tab\\x09here\\x0anew"),
        ("\x00\x07\x7f\x85\x9b", "\\x00\\x07\\x7f\\x85\\x9b"),
        ("a\u202eb\u2066c\u200fd", "a\\u202eb\\u2066c\\u200fd"),
        ("Zoë Łukasz 李", "Zoë Łukasz 李"),
        (12, "12"),
    ],
)
def test_printable_escapes_control_characters_and_nothing_else(value: object, shown: str) -> None:
    assert printable(value) == shown
    assert cell(value).plain == shown


def test_a_report_keeps_its_line_breaks() -> None:
    assert printable("a\n\tb\x1b", keep_lines=True) == "a\n\tb\\x1b"


def test_a_usage_error_quotes_the_command_line_with_its_escapes_shown(tmp_path: Path) -> None:
    """Command lines are input too: click's message quotes the unknown command."""
    result = run_forked("\x1b[2Jrun", cwd=tmp_path, env=env())
    assert result.returncode == 1
    assert "Error: No such command '\\x1b[2Jrun'." in result.stderr
    assert "\x1b" not in result.stderr
