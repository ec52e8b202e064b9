"""The package's shape: dependencies point one way, modules stay small and uniquely named.

These read the source (``ast``), not the running interpreter, so an import inside a
function or under ``TYPE_CHECKING`` counts as a dependency too: an import moved into a
function to dodge a cycle is still a cycle.
"""

from __future__ import annotations

import ast
import collections
from collections.abc import Iterator
from pathlib import Path

import pytest

PACKAGE = Path(__file__).resolve().parents[1] / "rulesengine"
LONGEST = 500
LONG_REASON = "Longer than 500 lines because"
_DURABLE = {"durable", "durable_rules_engine"}

#: The layers, lowest first. A module may import from its own layer's package and from
#: lower layers only; the root ``rulesengine/__init__.py`` (the public API) sits on top.
LAYERS: tuple[tuple[str, ...], ...] = (
    ("data", "errors", "plurals", "terminal", "csv_output", "hints", "model", "version"),
    ("channels",),
    ("rules",),
    ("store",),
    ("drafting",),
    ("queue",),
    ("statements",),
    ("ledger", "scenarios"),
    ("testing", "demo"),
    ("cli",),
)


def _modules() -> dict[str, Path]:
    found = {}
    for path in sorted(PACKAGE.rglob("*.py")):
        parts = list(path.relative_to(PACKAGE.parent).with_suffix("").parts)
        if parts[-1] == "__init__":
            parts.pop()
        found[".".join(parts)] = path
    return found


MODULES = _modules()


def _owner(name: str) -> str:
    """The module ``name`` refers to: itself, or the module a name was imported from."""
    while name not in MODULES:
        name = name.rpartition(".")[0]
    return name


def _imported(module: str, path: Path) -> Iterator[str]:
    """Every rulesengine module ``module`` imports, anywhere in its source."""
    package = module if path.name == "__init__.py" else module.rpartition(".")[0]
    for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
        if isinstance(node, ast.Import):
            names = [alias.name for alias in node.names]
        elif isinstance(node, ast.ImportFrom):
            base = node.module or ""
            if node.level:
                anchor = package.split(".")[: len(package.split(".")) - node.level + 1]
                base = ".".join([*anchor, base] if base else anchor)
            names = [f"{base}.{alias.name}" for alias in node.names] + [base]
        else:
            continue
        for name in names:
            if name == "rulesengine" or name.startswith("rulesengine."):
                yield _owner(name)


def _graph() -> dict[str, set[str]]:
    """Module -> modules it needs, counting the ``__init__`` of each package an import
    enters from outside (a module's own packages are already being imported)."""
    graph: dict[str, set[str]] = collections.defaultdict(set)
    for module, path in MODULES.items():
        for target in _imported(module, path):
            parts = target.split(".")
            for depth in range(2, len(parts) + 1):
                needed = ".".join(parts[:depth])
                inside = module == needed or module.startswith(needed + ".")
                if not inside and needed in MODULES:
                    graph[module].add(needed)
    return graph


def _cycles(graph: dict[str, set[str]]) -> list[list[str]]:
    """Strongly connected components with more than one module (Tarjan)."""
    index: dict[str, int] = {}
    low: dict[str, int] = {}
    stack: list[str] = []
    on_stack: set[str] = set()
    found: list[list[str]] = []

    def visit(node: str) -> None:
        index[node] = low[node] = len(index)
        stack.append(node)
        on_stack.add(node)
        for target in sorted(graph.get(node, ())):
            if target not in index:
                visit(target)
                low[node] = min(low[node], low[target])
            elif target in on_stack:
                low[node] = min(low[node], index[target])
        if low[node] == index[node]:
            component = []
            while True:
                member = stack.pop()
                on_stack.discard(member)
                component.append(member)
                if member == node:
                    break
            if len(component) > 1:
                found.append(sorted(component))

    for node in sorted(graph):
        if node not in index:
            visit(node)
    return found


def _layer(module: str) -> int:
    top = module.split(".")[1]
    for number, names in enumerate(LAYERS):
        if top in names:
            return number
    raise AssertionError(f"{module}: not in any layer of tests/test_architecture.py")


def test_no_import_cycles_among_rulesengine_modules() -> None:
    """No two modules need each other, directly or through others (a package's
    ``__init__`` counts as needed by every import from inside it)."""
    assert _cycles(_graph()) == []


def test_every_top_level_name_has_a_layer() -> None:
    """A new package or top-level module is placed in the layering on purpose."""
    for module in MODULES:
        if module != "rulesengine":
            _layer(module)


def test_dependencies_point_down_the_layers() -> None:
    """A module imports only its own layer and the layers below it; nothing inside the
    package imports the public API module (``rulesengine/__init__.py``)."""
    upward = []
    for module, targets in sorted(_graph().items()):
        if module == "rulesengine":
            continue
        for target in sorted(targets):
            if target == "rulesengine" or _layer(target) > _layer(module):
                upward.append(f"{module} -> {target}")
    assert upward == []


def test_modules_are_at_most_500_lines_or_say_why() -> None:
    """A module longer than 500 lines opens its docstring with the reason."""
    long = []
    for module, path in MODULES.items():
        text = path.read_text(encoding="utf-8")
        lines = text.count("\n")
        docstring = ast.get_docstring(ast.parse(text)) or ""
        if lines > LONGEST and not docstring.startswith(LONG_REASON):
            long.append(f"{module}: {lines} lines")
    assert long == []


def test_no_two_modules_share_a_file_name() -> None:
    """Every module's file name says which one it is, without its folder."""
    names = collections.Counter(
        path.name for path in MODULES.values() if path.name != "__init__.py"
    )
    assert sorted(name for name, count in names.items() if count > 1) == []


def test_only_the_adapter_imports_durable() -> None:
    """durable-rules (``durable`` and its engine ``durable_rules_engine``) is imported by
    one module only: the adapter."""
    importers = []
    for module, path in MODULES.items():
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            if isinstance(node, ast.Import) and any(
                alias.name.split(".")[0] in _DURABLE for alias in node.names
            ):
                importers.append(module)
            elif isinstance(node, ast.ImportFrom) and (node.module or "").split(".")[0] in _DURABLE:
                importers.append(module)
    assert sorted(set(importers)) == ["rulesengine.statements.durable_adapter"]


@pytest.mark.parametrize(
    ("graph", "expected"),
    [
        ({"a": {"b"}, "b": {"a"}}, [["a", "b"]]),
        ({"a": {"b"}, "b": {"c"}, "c": set()}, []),
        ({"a": {"b"}, "b": {"c"}, "c": {"a"}, "d": {"a"}}, [["a", "b", "c"]]),
    ],
)
def test_the_cycle_finder_finds_cycles(
    graph: dict[str, set[str]], expected: list[list[str]]
) -> None:
    """The check above can fail: it finds a cycle of two and of three, and none in a chain."""
    assert _cycles(graph) == expected
