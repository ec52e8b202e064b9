"""A template that passes ``validate`` renders for every statement of a live run.

Templates used to be checked for their vocabulary only: ``{{ statement.due_date | money }}``,
``| money(1)`` and ``{{ guarantor.first_name | round }}`` passed ``validate`` and stopped
every live run with an internal error (exit 3), and a line break in an email subject was
only found when each email was sent. Now every filter, argument and comparison is checked
against the variables' types, every template is rendered against typed sample statements at
load time, a line break in a subject's own text is a load error, and a render error that
still happens during a run is an exit-1 error naming where, with nothing written.
"""

from __future__ import annotations

import datetime as dt
import itertools
import os
import re
import subprocess
import sys
from pathlib import Path

import jinja2
import pytest
import yaml

from rulesengine.drafting.notification_drafts import pay_link, template_variables
from rulesengine.errors import RulesError
from rulesengine.rules import load_rules_text
from rulesengine.rules import templates as templates_module
from rulesengine.rules.template_samples import SAMPLE_STATEMENTS, ProfileValues, render_problems
from rulesengine.rules.template_types import AMOUNT, DATE, TEXT, VARIABLE_TYPES, WHOLE
from rulesengine.rules.templates import (
    FILTERS,
    VARIABLES,
    check_template,
    printing_parts,
    render,
)

from ..rules.test_templates_printing import jinja
from ..statements.conftest import RUN, Practice
from ._zygote import Done
from ._zygote import rulesengine as run_forked
from .test_bad_input_cli import fingerprint, row_counts

REPO = Path(__file__).resolve().parents[2]
STANDARD = (REPO / "rules" / "standard.yaml").read_text("utf-8")
SUBJECT = 'subject: "Your statement from {{ practice }}"'
#: Templates that once passed validate and crashed the live run (exit 3).
CRASHED_THE_LIVE_RUN = {
    "money of a date": (
        "{{ statement.due_date | money }}",
        "the filter 'money' needs an amount (such as statement.total), but "
        "statement.due_date is a date",
    ),
    "money with an argument": (
        "{{ statement.total | money(1) }}",
        "the filter 'money' takes no arguments: write '| money'",
    ),
    "round of a name": (
        "{{ guarantor.first_name | round }}",
        "the filter 'round' needs a number, but guarantor.first_name is text",
    ),
}


def env() -> dict[str, str]:
    out = {k: v for k, v in os.environ.items() if not k.startswith("RULESENGINE_")}
    out["RULESENGINE_LOAD_PLUGINS"] = "email,text,print"
    out["COLUMNS"] = "200"
    return out


def rulesengine(*argv: str, cwd: Path) -> Done:
    """The ``rulesengine`` command, as staff run it (forked from the zygote, ``_zygote.py``)."""
    return run_forked(*argv, cwd=cwd, env=env())


def with_subject(template: str) -> str:
    """The shipped standard rules with the first email subject replaced."""
    assert SUBJECT in STANDARD
    return STANDARD.replace(SUBJECT, f"subject: {yaml.safe_dump(template, width=10**9).strip()}")


@pytest.fixture(scope="module")
def ledger_store(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """A store holding the good test ledger, nothing run."""
    folder = tmp_path_factory.mktemp("ledger")
    result = rulesengine(
        "import", str(REPO / "tests" / "data" / "ledgers" / "good"), "--db", "s.db", cwd=folder
    )
    assert result.returncode == 0, result.stderr
    return folder / "s.db"


def copy_store(store: Path, folder: Path) -> Path:
    target = folder / "s.db"
    target.write_bytes(store.read_bytes())
    target.chmod(0o600)  # as rulesengine makes a store: no warning that others can read it
    return target


def assert_nothing_written(db: Path, before: tuple[str | None, dict[str, int] | None]) -> None:
    assert (fingerprint(db), row_counts(db)) == before
    assert not list(db.parent.glob("rulesengine.db*"))


# --- through the real command ---------------------------------------------------------------


@pytest.mark.parametrize("case", sorted(CRASHED_THE_LIVE_RUN))
def test_a_template_that_crashed_the_live_run_is_refused_by_validate_and_run(
    case: str, ledger_store: Path, tmp_path: Path
) -> None:
    """validate and run both exit 1 naming file:line:col and the filter; nothing written."""
    template, message = CRASHED_THE_LIVE_RUN[case]
    (tmp_path / "r.yaml").write_text(with_subject(template), "utf-8")
    line = (
        with_subject(template)
        .splitlines()
        .index("      subject: " + yaml.safe_dump(template, width=10**9).strip())
    )
    db = copy_store(ledger_store, tmp_path)
    before = (fingerprint(db), row_counts(db))
    checked = rulesengine("validate", "r.yaml", cwd=tmp_path)
    assert checked.returncode == 1
    assert re.fullmatch(
        rf"r\.yaml:{line + 1}:\d+: messages\.reminder\.email\.subject: {re.escape(message)}\n"
        r"1 problem found\n",
        checked.stderr,
    ), checked.stderr
    ran = rulesengine(
        "run", "--rules", "r.yaml", "--date", "2026-02-01", "--db", "s.db", cwd=tmp_path
    )
    assert ran.returncode == 1, ran.stderr
    assert message in ran.stderr
    assert "internal error" not in ran.stderr and "Traceback" not in ran.stderr
    assert_nothing_written(db, before)


def test_a_line_break_in_an_email_subject_is_refused_by_validate(tmp_path: Path) -> None:
    """CR/LF in a subject's own text (quoted, or the end of a '|' block) is a load error,
    no longer an error on every email at send time."""
    text = STANDARD.replace(SUBJECT, 'subject: "Statement\\r\\nBcc: all@example.org"').replace(
        'subject: "Second notice from {{ practice }}"',
        "subject: |\n        Second notice from {{ practice }}",
    )
    (tmp_path / "r.yaml").write_text(text, "utf-8")
    lines = text.splitlines()
    first = lines.index('      subject: "Statement\\r\\nBcc: all@example.org"') + 1
    second = lines.index("        Second notice from {{ practice }}") + 1
    result = rulesengine("validate", "r.yaml", cwd=tmp_path)
    assert result.returncode == 1
    assert result.stderr == (
        f"r.yaml:{first}:26: messages.reminder.email.subject: the email subject must be one "
        "line: remove this line break\n"
        f"r.yaml:{second}:{len(lines[second - 1]) + 1}: messages.past_due.email.subject: the "
        "email subject must be one line: remove this line break (a text written after '|' or "
        "'>' ends with one: write it in quotes, or after '>-')\n"
        "2 problems found\n"
    )


def test_a_render_error_during_a_live_run_is_a_clear_exit_1_that_writes_nothing(
    ledger_store: Path, tmp_path: Path
) -> None:
    """Defence in depth: with the load-time checks switched off, the broken template
    reaches the live run, which stops with exit 1 naming profile, message, level, channel
    and content key; the run is one transaction, so the store is untouched."""
    (tmp_path / "r.yaml").write_text(with_subject("{{ statement.due_date | money }}"), "utf-8")
    db = copy_store(ledger_store, tmp_path)
    before = (fingerprint(db), row_counts(db))
    checks_off = (
        "import sys\n"
        "import rulesengine.rules.templates as t, rulesengine.rules.message_content_schema as s\n"
        "t.type_problems = lambda tree: []\n"
        "s.render_problems = lambda *a, **k: ()\n"
        "from rulesengine.cli.main import main\n"
        "sys.argv = ['rulesengine', *sys.argv[1:]]\n"
        "main()\n"
    )
    result = subprocess.run(
        [sys.executable, "-c", checks_off, "run", "--rules", "r.yaml", "--date", "2026-02-01"]
        + ["--db", "s.db"],
        cwd=tmp_path,
        env=env(),
        capture_output=True,
        text=True,
    )
    assert result.returncode == 1, result.stderr
    assert result.stderr.startswith(
        "error: profile 'standard', message 'reminder' (level 1), channel email, content "
        "'subject': the template cannot be rendered for statement standard-2026-02-01-000001 "
        "(TypeError: money expects cents"
    ), result.stderr
    assert "Nothing was written." in result.stderr
    assert "Traceback" not in result.stderr
    assert_nothing_written(db, before)


# --- the checks behind it -------------------------------------------------------------------

_ARGUMENTS = [
    "",
    "()",
    "(1)",
    '(0, "ceil")',
    '(2, "floor")',
    '(1, "sideways")',
    '("x")',
    '("x", true)',
    "(true)",
    "(practice)",
    "(statement.total)",
    "(1.5)",
    "(none)",
    "(precision=1)",
    '(method="floor")',
    "(default_value=1)",
    '(chars="a")',
    "(15)",
    "(16)",
    "(1, 2, 3)",
]
_VALUES = [
    *VARIABLES,
    '"text"',
    "3",
    "1.5",
    "true",
    "none",
    "(practice if statement.level > 1)",
    "(statement.total if statement.level > 1 else practice)",
    "practice ~ phone",
    "(statement.total or practice)",
]
_PROFILE = ProfileValues("Riverside", "Standard", "+1 555 555 0199", "https://pay.example/q/x")


def _renders_for_every_sample(source: str) -> None:
    for sample in SAMPLE_STATEMENTS:
        render(source, {**attrs_dict(_PROFILE), **sample})


def attrs_dict(profile: ProfileValues) -> dict[str, str]:
    return {
        "practice": profile.practice,
        "profile": profile.profile,
        "phone": profile.phone,
        "pay_link": profile.pay_link,
    }


def test_every_filter_that_passes_the_check_renders_for_every_sample() -> None:
    """Every value, filter, argument list and second filter: checked means it renders."""
    checked = 0
    for value, name, args, then in itertools.product(
        _VALUES, FILTERS, _ARGUMENTS, ["", *(f" | {f}" for f in FILTERS)]
    ):
        source = "{{ " + value + " | " + name + args + then + " }}"
        if check_template(source):
            continue
        checked += 1
        _renders_for_every_sample(source)
    assert checked > 1000


def test_every_comparison_that_passes_the_check_renders_for_every_sample() -> None:
    """<, >, <=, >=, ==, !=, in, not in between any two values: checked means it renders."""
    refused = 0
    for left, op, right in itertools.product(
        _VALUES, ["<", ">", "<=", ">=", "==", "!=", "in", "not in"], _VALUES
    ):
        source = "{% if " + left + " " + op + " " + right + " %}x{% endif %}"
        if check_template(source):
            refused += 1
            continue
        _renders_for_every_sample(source)
    assert refused > 100
    assert check_template('{{ statement.due_date < "2026-04-01" }}') == []
    assert check_template("{{ statement.total >= 10000 }}") == []


def test_the_samples_are_typed_as_a_live_run_passes_the_variables(tmp_path: Path) -> None:
    """The same keys and Python types as a real statement's variables; every type's edge."""
    practice = Practice(tmp_path)
    guarantor = practice.guarantor("G1")
    practice.encounter("E1", balance=123.45)
    [statement] = practice.test_run(RUN[0]).statements
    live = template_variables(
        practice.rules, statement, guarantor, pay_link(practice.rules, statement.id, b"k")
    )
    python_type = {TEXT: str, AMOUNT: int, WHOLE: int, DATE: str}
    for sample in SAMPLE_STATEMENTS:
        assert {k: set(v) for k, v in sample.items()} == {
            k: set(v) for k, v in live.items() if isinstance(v, dict)
        }
        for name, kind in VARIABLE_TYPES.items():
            if "." not in name:
                continue
            obj, field = name.split(".")
            assert type(sample[obj][field]) is python_type[kind] is type(live[obj][field])
            if kind == DATE:
                assert dt.date.fromisoformat(sample[obj][field])
    values = [s["guarantor"]["first_name"] for s in SAMPLE_STATEMENTS]
    totals = [s["statement"]["total"] for s in SAMPLE_STATEMENTS]
    assert "" in values and any(not v.isascii() for v in values)
    assert 0 in totals and 2**63 - 1 in totals


@pytest.mark.parametrize("sample", range(len(SAMPLE_STATEMENTS)))
def test_the_printing_fast_path_renders_every_sample_as_jinja2_does(sample: int) -> None:
    """str.format joins a printing template to exactly Jinja2's text, for every sample."""
    variables = {**attrs_dict(_PROFILE), **SAMPLE_STATEMENTS[sample]}
    sources = [
        "{{ " + " }} | {{ ".join(VARIABLES) + " }}",
        "{{ statement.total | money }} {stay} {{ guarantor.first_name }}{0}}",
        *(
            value
            for message in yaml.safe_load(STANDARD)["messages"].values()
            for content in message.values()
            for value in (content.values() if isinstance(content, dict) else [content])
        ),
    ]
    for source in sources:
        assert printing_parts(source) is not None
        assert render(source, variables) == jinja(source, variables)


def test_a_template_that_fails_for_a_sample_is_a_load_error_naming_the_sample(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    """Should the type check miss something, the sample render still refuses it."""
    monkeypatch.setattr(templates_module, "type_problems", lambda tree: [])
    source = "{{ statement.due_date | money }} (sample render)"
    assert check_template(source) == []
    [issue] = render_problems(source, _PROFILE)
    assert issue.message == (
        "this template fails with statement.due_date = '2026-03-01': TypeError: money expects "
        "cents (a whole number) or a Decimal, got '2026-03-01'"
    )


def test_a_profile_value_with_a_line_break_in_a_subject_is_a_load_error() -> None:
    """{{ practice }} in a subject, with a practice name of two lines."""
    text = STANDARD.replace(
        "practice: Riverside Family Medicine", 'practice: "Riverside\\nFamily Medicine"'
    )
    with pytest.raises(RulesError) as caught:
        load_rules_text(text, filename="r.yaml")
    messages = {p.message for p in caught.value.problems}
    assert messages == {
        f"messages.{m}.email.subject: the email subject must be one line, but "
        "profile.practice contains a line break: remove it"
        for m in ("reminder", "past_due", "final_notice")
    }


def test_a_name_is_data_in_every_sample() -> None:
    """A guarantor named like a template is printed, never rendered."""
    variables = {**attrs_dict(_PROFILE), **SAMPLE_STATEMENTS[3]}
    assert render("Dear {{ guarantor.first_name }}", variables) == "Dear {{ practice }}"
    with pytest.raises(jinja2.TemplateError):
        render("{{ statement.due_date | money }}", variables)
