"""No rules file or template can run code or leak health information.

- conditions and templates: every escape attempt is a load error with file:line:col, and
  nothing of it ever runs; nesting too deep is a clean load error, never a RecursionError;
- rendering: a guarantor's name is data, never template source;
- pay links: keyed HMAC tokens (the store's key or ``RULESENGINE_SECRET``);
- logs: no contact detail, name or balance above DEBUG during a live run and a delivery;
- SQL: no SQL text built by formatting in ``rulesengine/`` (values are bound parameters);
- files: outbox and print files are 0o600 in 0o700 folders, whatever the umask.
"""

from __future__ import annotations

import ast
import base64
import datetime as dt
import logging
import os
import re
import stat
from pathlib import Path
from typing import Any

import pytest
import yaml

from rulesengine.drafting.notification_drafts import pay_token
from rulesengine.errors import RulesError
from rulesengine.queue.notification_reads import list_notifications
from rulesengine.rules import load_rules_text
from rulesengine.rules.templates import check_template, render
from rulesengine.testing.plugin_kit import sample_notification

from ..statements.conftest import RUN, WORKED_EXAMPLE_RULES, Practice, merged

REPO = Path(__file__).resolve().parents[2]
LOCATION = re.compile(r"^r\.yaml:\d+:\d+: ")

TEMPLATE_ESCAPES = [
    "{{ __import__('os').system('touch CANARY') }}",
    "{{ ''.__class__.__mro__[1].__subclasses__() }}",
    "{{ ().__class__.__base__.__subclasses__() }}",
    "{{ guarantor.first_name.__class__ }}",
    "{{ guarantor.first_name.__class__.__init__.__globals__ }}",
    "{{ statement.__dict__ }}",
    "{{ globals() }}",
    "{{ lipsum.__globals__['os'].system('touch CANARY') }}",
    "{{ cycler.__init__.__globals__.os.system('touch CANARY') }}",
    "{{ joiner.__init__.__globals__ }}",
    "{{ namespace.__init__.__globals__ }}",
    "{{ self._TemplateReference__context }}",
    "{{ self.__init__.__globals__ }}",
    "{{ config.items() }}",
    "{{ request.application.__globals__ }}",
    "{{ '{0.__class__}'.format(practice) }}",
    "{{ practice.format_map(guarantor) }}",
    "{{ practice|attr('__class__') }}",
    "{{ guarantor|attr('first_name') }}",
    "{{ guarantor['__class__'] }}",
    "{{ practice[0] }}",
    "{% set x = guarantor %}{{ x }}",
    "{% for c in practice %}{{ c }}{% endfor %}",
    "{% macro m() %}{{ practice }}{% endmacro %}{{ m() }}",
    "{% include '/etc/passwd' %}",
    "{% import 'os' as os %}",
    "{% extends 'base' %}",
    "{% with x = practice %}{{ x }}{% endwith %}",
    "{% filter upper %}{{ practice }}{% endfilter %}",
    "{{ range(10**9) }}",
    "{{ 7 * 7 }}",
    "{{ statement.total ** 999999 }}",
    "{{ practice|map('upper')|list }}",
    "{{ practice|format(guarantor) }}",
    "{{ practice is sameas(phone) }}",
    "{{ {'a': 1} }}",
    "{{ patient.diagnosis }}",
    "{{ encounter.provider }}",
    "{{ " + "(" * 3000 + "practice" + ")" * 3000 + " }}",
    "{{ practice" + "|upper" * 3000 + " }}",
    "{% if practice %}" * 2000 + "x" + "{% endif %}" * 2000,
    "{{ " + " and ".join(["practice"] * 5000) + " }}",
    "{{ " + "not " * 3000 + "practice }}",
]

CONDITION_ESCAPES = [
    "__import__('os').system('touch CANARY')",
    "encounter.balance.__class__.__mro__ == 1",
    "encounter.__dict__ == 1",
    "globals() == 1",
    "eval('1') == 1",
    "exec('import os') == 1",
    "open('/etc/passwd') == 1",
    "getattr(encounter, 'balance') > 1",
    "lambda: 1",
    "'{0.__class__}'.format(encounter) == 1",
    "encounter.location == 'a'.join",
    "encounter.balance > 1; import os",
    "encounter.balance > 1 or os.system('touch CANARY')",
    "[x for x in ().__class__.__base__.__subclasses__()]",
    "encounter.balance[0] > 1",
    "encounter.balance > `id`",
    "encounter.balance > ${HOME}",
    "self.x == 1",
    "encounter.balance + 1 > 2",
    "(" * 500 + "encounter.balance > 1" + ")" * 500,
    "not " * 5000 + "guarantor.paperless",
    " or ".join(f"encounter.balance > {i}" for i in range(100)),
    "encounter.location in [" + ", ".join(f"'L{i}'" for i in range(1000)) + "]",
    "not (" + " or ".join(f"encounter.balance > {i}" for i in range(20)) + ")",
    "encounter.level < 99999999999999999999",
    "encounter.balance > 1e308",
]


def _rules_text(**overrides: Any) -> str:
    return yaml.safe_dump(merged(WORKED_EXAMPLE_RULES, overrides), sort_keys=False, width=10**9)


def _load_problems(text: str) -> list[str]:
    with pytest.raises(RulesError) as caught:
        load_rules_text(text, filename="r.yaml")
    return [str(p) for p in caught.value.problems]


@pytest.mark.parametrize("template", TEMPLATE_ESCAPES, ids=lambda t: t[:40])
def test_template_escape_attempt_is_a_load_error_with_its_location(
    template: str, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """An escape or abuse in a message template is refused at load time, with file:line:col,
    and nothing of it runs."""
    monkeypatch.chdir(tmp_path)
    text = _rules_text(messages={"reminder": {"email": {"subject": template, "body": "x"}}})
    problems = _load_problems(text)
    assert problems
    assert all(LOCATION.match(p) and "messages.reminder.email.subject" in p for p in problems)
    assert not (tmp_path / "CANARY").exists()


@pytest.mark.parametrize("condition", CONDITION_ESCAPES, ids=lambda c: c[:40])
def test_condition_escape_attempt_is_a_load_error_with_its_location(
    condition: str, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Calls, attributes, Python syntax, and conditions too large or too deep for the rule
    engine are refused at load time with file:line:col; nothing runs."""
    monkeypatch.chdir(tmp_path)
    text = _rules_text(eligibility={"exclude": [{"name": "x", "when": condition}]})
    problems = _load_problems(text)
    assert len(problems) == 1
    assert LOCATION.match(problems[0]) and "eligibility.exclude[0].when" in problems[0]
    assert not (tmp_path / "CANARY").exists()


def test_conditions_just_inside_the_limits_load_and_run(tmp_path: Path) -> None:
    """64 alternatives and a number of a trillion are accepted, and runs decide as written."""
    for n, (name, when) in enumerate(
        [
            ("wide", " or ".join(f"encounter.balance > {i}" for i in range(64))),
            ("big", "encounter.level < 1000000000000"),
        ]
    ):
        folder = tmp_path / name
        folder.mkdir()
        practice = Practice(folder)
        practice.use_rules(eligibility={"exclude": [{"name": name, "when": when}]})
        practice.encounter("E1", balance=200.0)
        batch = practice.test_run(RUN[0])
        assert [(s.encounter_id, s.reason) for s in batch.skips] == [("E1", name)], n
        practice.store.close()


def test_a_template_at_the_depth_limit_still_renders() -> None:
    """Nesting just inside the limit loads and renders (the limit is not off by one)."""
    template = "{% if practice %}" * 15 + "{{ practice }}" + "{% endif %}" * 15
    assert check_template(template) == []
    assert check_template("{% if practice %}" * 50 + "x" + "{% endif %}" * 50) != []
    assert render(template, {"practice": "P"}) == "P"


def test_a_guarantor_name_that_looks_like_a_template_is_rendered_literally(
    tmp_path: Path,
) -> None:
    """Contact data is never template source: '{{ 7*7 }}' in a first name stays as written."""
    practice = Practice(tmp_path)
    practice.use_rules(
        messages={"reminder": {"email": {"subject": "Hi {{ guarantor.first_name }}", "body": "b"}}}
    )
    practice.guarantor("G1", first_name="{{ 7*7 }}", last_name="{% raw %}")
    practice.encounter("E1")
    batch = practice.run(RUN[0])
    [note] = batch.notifications
    assert note.content["subject"] == "Hi {{ 7*7 }}"
    stored = list_notifications(practice.store, batch_id=batch.id)
    assert "{{ 7*7 }}" in str(stored[0]["content"])
    assert "49" not in str(stored[0]["content"])
    practice.store.close()


# --- pay links ----------------------------------------------------------------------------


def test_pay_token_is_a_keyed_hmac_that_hides_the_statement_id() -> None:
    """128-bit url-safe tokens; another key or statement gives another token; the id is not
    in the token, encoded or not."""
    sid = "standard-2026-02-01-000001"
    token = pay_token(b"key-one", sid)
    assert re.fullmatch(r"[A-Za-z0-9_-]{22}", token)
    assert len(base64.urlsafe_b64decode(token + "==")) == 16
    assert pay_token(b"key-one", sid) == token
    assert pay_token(b"key-two", sid) != token
    assert pay_token(b"key-one", sid[:-1] + "2") != token
    assert sid not in token and "000001" not in token
    assert base64.urlsafe_b64encode(sid.encode()).decode()[:8] not in token


def test_store_key_is_random_per_store_and_kept(tmp_path: Path, monkeypatch) -> None:
    """Without RULESENGINE_SECRET each store makes its own 32-byte random key once."""
    from rulesengine.store import open_store

    monkeypatch.delenv("RULESENGINE_SECRET", raising=False)
    one, two = open_store(str(tmp_path / "a.db")), open_store(str(tmp_path / "b.db"))
    try:
        assert len(one.secret()) == 32
        assert one.secret() == one.secret()
        assert one.secret() != two.secret()
    finally:
        one.close()
        two.close()


def test_rulesengine_secret_from_the_environment_keys_the_pay_links(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """With RULESENGINE_SECRET set, every pay link of a batch is the HMAC under that key."""
    monkeypatch.setenv("RULESENGINE_SECRET", "env-secret-for-tests")
    practice = Practice(tmp_path)
    practice.use_rules(
        messages={"reminder": {"email": {"subject": "s", "body": "Pay: {{ pay_link }}"}}}
    )
    practice.encounter("E1")
    practice.encounter("E2", guarantor="G2")
    batch = practice.run(RUN[0])
    assert practice.store.secret() == b"env-secret-for-tests"
    for note in batch.notifications:
        token = pay_token(b"env-secret-for-tests", note.statement_id)
        assert note.content["body"] == f"Pay: https://pay.example.org/q/{token}"
        assert note.statement_id not in note.content["body"]
    practice.store.close()


# --- logs ---------------------------------------------------------------------------------

SECRET_PEOPLE = {
    "first_name": "Zebulon",
    "last_name": "Quixleyworth",
    "email": "zq.private@example.org",
    "mobile": "+15555550177",
}


def test_no_contact_detail_name_or_balance_is_logged_above_debug(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, caplog: pytest.LogCaptureFixture
) -> None:
    """A live batch and a delivery (outbox channels, and a text provider that refuses the
    connection) log nothing that identifies a guarantor or their balance above DEBUG."""
    from rulesengine.queue import Queue

    monkeypatch.chdir(tmp_path)
    monkeypatch.setenv("RULESENGINE_SMS_TOKEN_FOR_TESTS", "tok")
    caplog.set_level(logging.DEBUG)
    practice = Practice(tmp_path)
    practice.use_rules(
        channels={
            "text": {
                "base_url": "http://127.0.0.1:1",
                "account_sid": "AC123",
                "token_env": "RULESENGINE_SMS_TOKEN_FOR_TESTS",
                "from": "+15555550100",
            }
        },
        dunning={
            "levels": [
                {"message": "reminder", "channels": ["email"]},
                {"message": "past_due", "channels": ["email", "text"]},
                {"message": "final_notice", "channels": ["email", "text", "print"]},
            ]
        },
    )
    practice.guarantor("G1", **SECRET_PEOPLE)
    practice.encounter("E1", balance=4321.98, level=2, last_statement=dt.date(2025, 12, 1))
    practice.encounter("E2", balance=1234.56, level=1, last_statement=dt.date(2025, 12, 1))
    batch = practice.run(RUN[0])
    assert {n.channel for n in batch.notifications} == {"email", "text", "print"}
    report = Queue(practice.store).deliver(
        dt.datetime(2026, 2, 1, 20, 0, tzinfo=dt.UTC), until_empty=True
    )
    assert report is not None
    statuses = {
        n["channel"]: n["status"] for n in list_notifications(practice.store, batch_id=batch.id)
    }
    assert statuses["email"] == "sent" and statuses["print"] == "sent"
    assert statuses["text"] != "sent"  # the provider refused: a retry, logged
    practice.store.close()

    forbidden = [
        *SECRET_PEOPLE.values(),
        "5555550177",
        "1 Main St",
        "4,321.98",
        "4321.98",
        "432198",
        "5,556.54",
        "5556.54",
        "555654",
        "1,234.56",
        "123456",
    ]
    loud = [r for r in caplog.records if r.levelno > logging.DEBUG]
    assert loud, "expected some INFO or WARNING records from the run and the delivery"
    for record in loud:
        text = record.getMessage() + (record.exc_text or "")
        for secret in forbidden:
            assert secret not in text, (record.name, record.levelname, text)


# --- SQL ----------------------------------------------------------------------------------

_SQL_SINKS = {"text", "exec_driver_sql", "literal_column"}


def _formatted(node: ast.expr) -> bool:
    """An f-string with a value in it, ``%``-formatting, ``+`` joining, or ``.format()``."""
    if isinstance(node, ast.JoinedStr):
        return any(isinstance(v, ast.FormattedValue) for v in node.values)
    if isinstance(node, ast.BinOp) and isinstance(node.op, ast.Mod | ast.Add):
        return True
    return (
        isinstance(node, ast.Call)
        and isinstance(node.func, ast.Attribute)
        and node.func.attr in ("format", "format_map", "join")
    )


def _scope_nodes(scope: ast.AST):
    """The nodes of one scope, without descending into the functions defined in it."""
    stack = list(ast.iter_child_nodes(scope))
    while stack:
        node = stack.pop()
        yield node
        if not isinstance(node, ast.FunctionDef | ast.AsyncFunctionDef | ast.Lambda):
            stack.extend(ast.iter_child_nodes(node))


def formatted_sql(source: str, filename: str) -> list[str]:
    """``file:line`` of every call to text(), exec_driver_sql() or literal_column() whose
    SQL is built by formatting: in the call, or in a name of the same function assigned a
    formatted string."""
    tree = ast.parse(source, filename)
    functions = (ast.FunctionDef, ast.AsyncFunctionDef)
    scopes = [tree, *(n for n in ast.walk(tree) if isinstance(n, functions))]
    found = set()
    for scope in scopes:
        nodes = list(_scope_nodes(scope))
        built = {
            target.id
            for node in nodes
            if isinstance(node, ast.Assign) and _formatted(node.value)
            for target in node.targets
            if isinstance(target, ast.Name)
        }
        for node in nodes:
            if not isinstance(node, ast.Call) or not node.args:
                continue
            func = node.func
            name = func.id if isinstance(func, ast.Name) else getattr(func, "attr", None)
            if name not in _SQL_SINKS:
                continue
            sql = node.args[0]
            if _formatted(sql) or (isinstance(sql, ast.Name) and sql.id in built):
                found.add((node.lineno, f"{filename}:{node.lineno}"))
    return [where for _, where in sorted(found)]


def test_the_sql_check_finds_formatted_sql() -> None:
    """The check itself: f-strings, %, + and .format feeding text()/exec_driver_sql() are found."""
    bad = (
        "text(f'SELECT {x}')\n"
        "conn.exec_driver_sql('DELETE FROM t WHERE id=%s' % x)\n"
        "q = 'SELECT * FROM {}'.format(t)\n"
        "conn.execute(text(q))\n"
        "text('SELECT ' + x)\n"
    )
    assert formatted_sql(bad, "bad.py") == ["bad.py:1", "bad.py:2", "bad.py:4", "bad.py:5"]
    assert formatted_sql("text('SELECT 1 WHERE a = :a')\n", "ok.py") == []


def test_rulesengine_never_builds_sql_by_formatting() -> None:
    """Every SQL text in rulesengine/ is constant; values travel as bound parameters."""
    found = []
    for path in sorted((REPO / "rulesengine").rglob("*.py")):
        found += formatted_sql(path.read_text("utf-8"), str(path.relative_to(REPO)))
    assert found == []


# --- files --------------------------------------------------------------------------------


@pytest.fixture
def open_umask():
    """The most permissive umask: files must be private because the channel says so."""
    old = os.umask(0)
    yield
    os.umask(old)


def _modes(root: Path) -> tuple[dict[str, int], dict[str, int]]:
    files, folders = {}, {}
    for path in root.rglob("*"):
        mode = stat.S_IMODE(path.stat().st_mode)
        (folders if path.is_dir() else files)[str(path.relative_to(root))] = mode
    return files, folders


@pytest.mark.parametrize(
    ("channel", "address"), [("email", "email"), ("text", "mobile"), ("print", "postal")]
)
def test_outbox_files_are_owner_only(
    tmp_path: Path, open_umask, channel: str, address: str
) -> None:
    """Built-in channels write 0o600 files, in 0o700 folders, whatever the umask."""
    from rulesengine.channels.manager import get_channels, get_plugin_manager

    classes = get_channels(get_plugin_manager())
    outbox = tmp_path / "outbox" / channel
    sender = classes[channel]({"outbox": str(outbox)})
    notes = [sample_notification(address=address, id=i, channel=channel) for i in (1, 2)]
    results = sender.send(notes)
    assert [r.outcome for r in results] == ["sent", "sent"], results
    files, folders = _modes(outbox)
    assert files, "the channel wrote nothing"
    assert set(files.values()) == {0o600}, files
    assert set(folders.values()) <= {0o700}, folders
    # The outbox itself and every folder made for it, whatever the umask.
    assert stat.S_IMODE(outbox.stat().st_mode) == 0o700
    assert stat.S_IMODE(outbox.parent.stat().st_mode) == 0o700
