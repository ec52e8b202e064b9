"""The public API: ``rulesengine`` and ``rulesengine.channels`` name everything a plugin and
an embedding program use, every listed name resolves, ``import rulesengine`` stays light,
and the plugins shipped with rulesengine import nothing else from it."""

from __future__ import annotations

import ast
import importlib
import inspect
import re
import subprocess
import sys
from collections.abc import Iterator
from pathlib import Path

import pytest

import rulesengine
import rulesengine.channels
import rulesengine.errors

REPO = Path(__file__).resolve().parents[2]
HEAVY = ("durable", "durable_rules_engine", "jinja2", "sqlalchemy", "yaml")

#: What plugin package code may import from rulesengine; their tests may also use the kit.
PLUGIN_MODULES = {"rulesengine", "rulesengine.channels"}
PLUGIN_TEST_MODULES = PLUGIN_MODULES | {"rulesengine.testing"}


def _plugin_files(tests: bool) -> list[Path]:
    """The Python files of the built-in plugins and the example plugin: their package code,
    or their tests."""
    roots = [*sorted((REPO / "plugins").iterdir()), *sorted((REPO / "examples/plugins").iterdir())]
    files = []
    for root in roots:
        for path in sorted(root.rglob("*.py")):
            in_tests = "tests" in path.relative_to(root).parts
            if in_tests == tests and path.name != "setup.py":
                files.append(path)
    return files


def _rulesengine_imports(path: Path) -> Iterator[tuple[int, str, list[str]]]:
    """``(line, module, names)`` of every import of a rulesengine module in ``path``
    (``names`` is empty for ``import rulesengine...``)."""
    for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
        if isinstance(node, ast.Import):
            for alias in node.names:
                if alias.name.split(".")[0] == "rulesengine":
                    yield node.lineno, alias.name, []
        elif isinstance(node, ast.ImportFrom) and not node.level:
            module = node.module or ""
            if module.split(".")[0] == "rulesengine":
                yield node.lineno, module, [alias.name for alias in node.names]


def _allowed(module: str, allowed: set[str]) -> bool:
    return module in allowed or (
        "rulesengine.testing" in allowed and module.startswith("rulesengine.testing.")
    )


def test_the_plugins_find_their_files() -> None:
    code = {path.name for path in _plugin_files(tests=False)}
    assert {"__init__.py", "_smtp.py", "_provider.py", "_letter.py", "rulesengine_voice.py"} <= code
    assert len(_plugin_files(tests=True)) >= 10


@pytest.mark.parametrize("path", _plugin_files(tests=False), ids=lambda p: p.name)
def test_plugin_code_imports_only_the_public_api(path: Path) -> None:
    wrong = []
    for line, module, names in _rulesengine_imports(path):
        if not _allowed(module, PLUGIN_MODULES):
            wrong.append(f"{path.relative_to(REPO)}:{line}: imports {module}")
            continue
        public = importlib.import_module(module).__all__
        wrong.extend(
            f"{path.relative_to(REPO)}:{line}: {module}.{name} is not in its __all__"
            for name in names
            if name not in public
        )
    assert wrong == []


@pytest.mark.parametrize("path", _plugin_files(tests=False), ids=lambda p: p.name)
def test_plugin_code_uses_only_public_names_of_rulesengine(path: Path) -> None:
    """``rulesengine.Channel`` and the like: attributes of the module that are in its API."""
    used = {
        node.attr
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8")))
        if isinstance(node, ast.Attribute)
        and isinstance(node.value, ast.Name)
        and node.value.id == "rulesengine"
    }
    assert used - set(rulesengine.__all__) == set()


@pytest.mark.parametrize("path", _plugin_files(tests=True), ids=lambda p: p.name)
def test_plugin_tests_import_only_the_public_api_and_the_kit(path: Path) -> None:
    wrong = [
        f"{path.relative_to(REPO)}:{line}: imports {module}"
        for line, module, _ in _rulesengine_imports(path)
        if not _allowed(module, PLUGIN_TEST_MODULES)
    ]
    assert wrong == []


def test_import_rulesengine_is_light() -> None:
    """Neither durable-rules, SQLAlchemy, YAML nor Jinja2 is loaded by ``import rulesengine``
    (nor by ``rulesengine.channels``); the heavy names load when first used."""
    code = (
        "import sys, rulesengine, rulesengine.channels; "
        f"print(sorted(m for m in {HEAVY!r} if m in sys.modules)); "
        "rulesengine.Queue; rulesengine.load_rules; rulesengine.run_statements; "
        f"print(sorted(m for m in {HEAVY!r} if m in sys.modules))"
    )
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    before, after = out.stdout.splitlines()
    assert before == "[]"
    assert {"sqlalchemy", "yaml", "jinja2"} <= set(ast.literal_eval(after))


@pytest.mark.parametrize("module", [rulesengine, rulesengine.channels], ids=lambda m: m.__name__)
def test_every_public_name_resolves(module: object) -> None:
    names = module.__all__  # type: ignore[attr-defined]
    assert len(names) == len(set(names))
    assert [name for name in names if getattr(module, name, None) is None] == []
    assert set(names) <= set(dir(module))


def test_an_unknown_name_is_an_attribute_error() -> None:
    with pytest.raises(AttributeError, match="module 'rulesengine' has no attribute 'nope'"):
        rulesengine.nope  # type: ignore[attr-defined]  # noqa: B018
    assert not hasattr(rulesengine, "Nope")


def test_the_public_api_of_the_root_module() -> None:
    """The plugin names, what an embedding program uses, and the version."""
    from rulesengine.ledger import read_ledger_dir
    from rulesengine.queue import Queue
    from rulesengine.rules.installed_rules import load_installed_rules
    from rulesengine.statements.statement_run import run_statements
    from rulesengine.store import LedgerData, open_store

    assert {"ADDRESS_KINDS", "Channel", "DeliveryResult", "Notification", "hookimpl"} <= set(
        rulesengine.__all__
    )
    assert rulesengine.Queue is Queue
    assert rulesengine.load_rules is load_installed_rules  # checked against the plugins
    assert rulesengine.read_ledger_dir is read_ledger_dir
    assert rulesengine.run_statements is run_statements
    assert rulesengine.open_store is open_store
    assert rulesengine.LedgerData is LedgerData
    assert isinstance(rulesengine.__version__, str)
    for name in ("Guarantor", "PostalAddress", "Encounter", "Payment", "Adjustment"):
        assert name in rulesengine.__all__


def test_every_error_class_is_public() -> None:
    """Each name of :mod:`rulesengine.errors` is importable from ``rulesengine`` itself."""
    missing = [
        name
        for name in rulesengine.errors.__all__
        if getattr(rulesengine, name, None) is not getattr(rulesengine.errors, name)
        or name not in rulesengine.__all__
    ]
    assert missing == []
    errors = [
        name
        for name in rulesengine.__all__
        if inspect.isclass(getattr(rulesengine, name))
        and issubclass(getattr(rulesengine, name), Exception)
    ]
    assert all(issubclass(getattr(rulesengine, n), rulesengine.RulesengineError) for n in errors)


def test_the_plugin_api_is_shared() -> None:
    """The names both modules list are the same objects."""
    shared = set(rulesengine.__all__) & set(rulesengine.channels.__all__)
    assert shared == {"ADDRESS_KINDS", "Channel", "DeliveryResult", "Notification", "hookimpl"}
    for name in shared:
        assert getattr(rulesengine, name) is getattr(rulesengine.channels, name)


def test_sample_addresses_cover_every_address_kind() -> None:
    from rulesengine.testing.plugin_kit import SAMPLE_ADDRESSES, sample_notification

    assert tuple(SAMPLE_ADDRESSES) == rulesengine.ADDRESS_KINDS
    channels = {kind: sample_notification(address=kind).channel for kind in SAMPLE_ADDRESSES}
    assert channels == {"email": "email", "mobile": "text", "postal": "print", "guarantor": "print"}


@pytest.mark.parametrize("doc", ["docs/plugins.md", "docs/reference/delivery.md"])
def test_plugin_docs_show_only_public_imports(doc: str) -> None:
    """What the plugin docs tell an author to import (or name as ``rulesengine.x.y``) is the
    public API or the test kit, never a module behind it."""
    text = (REPO / doc).read_text(encoding="utf-8")
    imported = re.findall(r"^\s*(?:from|import) (rulesengine[\w.]*)", text, re.MULTILINE)
    dotted = re.findall(r"`(rulesengine(?:\.[a-z_]+)+)\.\w+", text)
    wrong = sorted(name for name in {*imported, *dotted} if not _allowed(name, PLUGIN_TEST_MODULES))
    assert wrong == []
