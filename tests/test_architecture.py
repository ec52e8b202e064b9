"""The package's shape: dependencies point one way, modules stay small and uniquely named,
and everything outside a module's ``__all__`` is private by name.

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

ROOT = Path(__file__).resolve().parents[1]
PACKAGE = ROOT / "rulesengine"
#: The folders whose Python files may use rulesengine, and so must not reach past ``__all__``.
USERS = ("rulesengine", "tests", "plugins", "examples", "benchmarks")
LONGEST = 500
LONG_REASON = "Longer than 500 lines because"
_DURABLE = {"durable", "durable_rules_engine"}

#: The layers, lowest first. A module may import from its own layer's package and from
#: lower layers only; the root ``rulesengine/__init__.py`` (the public API) sits on top.
LAYERS: tuple[tuple[str, ...], ...] = (
    (
        "data",
        "errors",
        "plurals",
        "terminal",
        "csv_output",
        "hints",
        "keyed_values",
        "model",
        "storable_text",
        "version",
    ),
    ("channels",),
    ("rules",),
    ("store",),
    ("drafting",),
    ("queue",),
    ("statements",),
    ("ledger", "scenarios"),
    ("testing", "demo", "web"),
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
    """Every rulesengine module ``module`` imports, anywhere in its source: import
    statements, and ``importlib.import_module`` / ``__import__`` of a constant name."""
    yield from _imports_in(ast.parse(path.read_text(encoding="utf-8")), module, path)


def _imports_in(tree: ast.AST, module: str, path: Path) -> Iterator[str]:
    package = module if path.name == "__init__.py" else module.rpartition(".")[0]
    for node in ast.walk(tree):
        if isinstance(node, ast.Import):
            names = [alias.name for alias in node.names]
        elif isinstance(node, ast.ImportFrom):
            base = node.module or ""
            if node.level:
                anchor = package.split(".")[: len(package.split(".")) - node.level + 1]
                base = ".".join([*anchor, base] if base else anchor)
            # ``from package import submodule`` needs the submodule; ``from package
            # import name`` needs the package's own ``__init__``.
            names = [
                f"{base}.{alias.name}" if f"{base}.{alias.name}" in MODULES else base
                for alias in node.names
            ]
        elif isinstance(node, ast.Call) and _is_import_call(node):
            names = [node.args[0].value]  # type: ignore[attr-defined]
        else:
            continue
        for name in names:
            if name == "rulesengine" or name.startswith("rulesengine."):
                yield _owner(name)


def _is_import_call(node: ast.Call) -> bool:
    func = node.func
    called = func.attr if isinstance(func, ast.Attribute) else getattr(func, "id", None)
    return (
        called in ("import_module", "__import__")
        and bool(node.args)
        and isinstance(node.args[0], ast.Constant)
        and isinstance(node.args[0].value, str)
    )


def _graph() -> dict[str, set[str]]:
    """Module -> modules it needs: what it imports, and the ``__init__`` of each package an
    import enters from outside (a module's own packages are already being imported, so
    importing one of their submodules does not need them again)."""
    graph: dict[str, set[str]] = collections.defaultdict(set)
    for module, path in MODULES.items():
        for target in _imported(module, path):
            if target != module:
                graph[module].add(target)
            parts = target.split(".")
            for depth in range(2, len(parts)):
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
            elif isinstance(node, ast.Call) and _is_import_call(node):
                if node.args[0].value.split(".")[0] in _DURABLE:  # type: ignore[attr-defined]
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


def _private(name: str) -> bool:
    return name.startswith("_") and not (name.startswith("__") and name.endswith("__"))


def _interface(tree: ast.Module) -> list[str] | None:
    """The names a module's ``__all__`` lists; None when it has no ``__all__``."""
    for node in tree.body:
        if isinstance(node, ast.Assign):
            targets = node.targets
        elif isinstance(node, ast.AnnAssign) and node.value is not None:
            targets = [node.target]
        else:
            continue
        if any(isinstance(target, ast.Name) and target.id == "__all__" for target in targets):
            return list(ast.literal_eval(node.value))
    return None


def _assigned(target: ast.expr) -> Iterator[str]:
    if isinstance(target, ast.Name):
        yield target.id
    elif isinstance(target, ast.Tuple | ast.List):
        for element in target.elts:
            yield from _assigned(element)


def _defined(tree: ast.Module) -> Iterator[str]:
    """The functions, classes and assigned names at a module's top level."""
    for node in tree.body:
        if isinstance(node, ast.FunctionDef | ast.AsyncFunctionDef | ast.ClassDef):
            yield node.name
        elif isinstance(node, ast.Assign):
            for target in node.targets:
                yield from _assigned(target)
        elif isinstance(node, ast.AnnAssign) and node.value is not None:
            yield from _assigned(node.target)


def _loose_names(source: str) -> list[str]:
    """What is neither in the module's ``__all__`` nor private by name (or the missing
    ``__all__`` itself)."""
    tree = ast.parse(source)
    interface = _interface(tree)
    if interface is None:
        return ["no __all__"]
    return [
        name
        for name in _defined(tree)
        if name not in interface and not name.startswith("_") and name != "TYPE_CHECKING"
    ]


def _type_checking(node: ast.stmt) -> bool:
    return isinstance(node, ast.If) and ast.unparse(node.test) in {
        "TYPE_CHECKING",
        "typing.TYPE_CHECKING",
    }


def _bound(body: list[ast.stmt], *, lazy: bool) -> Iterator[str]:
    """The names the statements of a module's top level bind when it runs (what is imported
    under ``TYPE_CHECKING`` too when ``lazy``: the module's ``__getattr__`` provides it)."""
    for node in body:
        if isinstance(node, ast.Import | ast.ImportFrom):
            for alias in node.names:
                yield alias.asname or alias.name.split(".")[0]
        elif isinstance(node, ast.If):
            if lazy or not _type_checking(node):
                yield from _bound(node.body, lazy=lazy)
            yield from _bound(node.orelse, lazy=lazy)
        elif isinstance(node, ast.Try):
            for block in (node.body, *(h.body for h in node.handlers), node.orelse):
                yield from _bound(block, lazy=lazy)
        elif isinstance(node, ast.With):
            yield from _bound(node.body, lazy=lazy)
    yield from _defined(ast.Module(body=body, type_ignores=[]))


def _missing_from_module(source: str) -> list[str]:
    """The names in ``__all__`` the module does not have."""
    tree = ast.parse(source)
    lazy = "__getattr__" in _defined(tree)
    bound = set(_bound(tree.body, lazy=lazy))
    return [name for name in _interface(tree) or [] if name not in bound]


def _private_imports(source: str, package: str = "") -> list[str]:
    """Underscored names imported from a rulesengine module (``package``: the package a
    rulesengine module's relative imports start from)."""
    found = []
    for node in ast.walk(ast.parse(source)):
        if isinstance(node, ast.Import):
            names = [alias.name for alias in node.names]
        elif isinstance(node, ast.ImportFrom):
            base = node.module or ""
            if node.level:
                if not package:
                    continue  # relative to a test or plugin package, not rulesengine
                anchor = package.split(".")[: len(package.split(".")) - node.level + 1]
                base = ".".join([*anchor, base] if base else anchor)
            names = [f"{base}.{alias.name}" for alias in node.names]
        else:
            continue
        for name in names:
            inside = name == "rulesengine" or name.startswith("rulesengine.")
            if inside and any(_private(part) for part in name.split(".")):
                found.append(name)
    return found


def _user_files() -> Iterator[Path]:
    for folder in USERS:
        for path in sorted((ROOT / folder).rglob("*.py")):
            if not any(part.endswith(".egg-info") or part == "build" for part in path.parts):
                yield path


def test_every_module_lists_its_interface_and_the_rest_is_private() -> None:
    """Every module has ``__all__``, and each top-level function, class or assigned name is
    in it or starts with ``_``."""
    loose = []
    for module, path in MODULES.items():
        names = _loose_names(path.read_text(encoding="utf-8"))
        loose.extend(f"{module}: {name}" for name in names)
    assert loose == []


def test_no_file_imports_a_private_rulesengine_name() -> None:
    """Nothing in rulesengine, tests, plugins, examples or benchmarks imports an underscored
    name from a rulesengine module."""
    modules = {path: module for module, path in MODULES.items()}
    found = []
    for path in _user_files():
        module = modules.get(path, "")
        package = module if path.name == "__init__.py" else module.rpartition(".")[0]
        names = _private_imports(path.read_text(encoding="utf-8"), package)
        found.extend(f"{path.relative_to(ROOT)}: {name}" for name in names)
    assert found == []


def test_every_name_in_all_exists() -> None:
    """Each name a module's ``__all__`` lists is defined, assigned or imported in it."""
    missing = []
    for module, path in MODULES.items():
        names = _missing_from_module(path.read_text(encoding="utf-8"))
        missing.extend(f"{module}: {name}" for name in names)
    assert missing == []


@pytest.mark.parametrize(
    ("source", "expected"),
    [
        ("x = 1\n", ["no __all__"]),
        (
            '__all__ = ["f"]\ndef f(): ...\ndef g(): ...\nclass C: ...\nN, M = 1, 2\n',
            ["g", "C", "N", "M"],
        ),
        (
            '__all__: list[str] = ["f"]\ndef f(): ...\ndef _g(): ...\n'
            '_log = 1\n__version__ = "1"\nif TYPE_CHECKING:\n    x = 1\n',
            [],
        ),
    ],
)
def test_the_interface_check_finds_loose_names(source: str, expected: list[str]) -> None:
    """The check above can fail: a module without ``__all__``, and public names outside it."""
    assert _loose_names(source) == expected


@pytest.mark.parametrize(
    ("source", "package", "expected"),
    [
        (
            "from rulesengine.rules.templates import _ENV, render\n",
            "",
            ["rulesengine.rules.templates._ENV"],
        ),
        ("import rulesengine.store._hidden\n", "", ["rulesengine.store._hidden"]),
        (
            "from .templates import _ENV\n",
            "rulesengine.rules",
            ["rulesengine.rules.templates._ENV"],
        ),
        ("from ._provider import _post\nfrom rulesengine.version import __version__\n", "", []),
        ("from other.module import _name\nfrom rulesengine.rules import templates\n", "", []),
    ],
)
def test_the_private_import_check_finds_private_imports(
    source: str, package: str, expected: list[str]
) -> None:
    """The check above can fail: an underscored name imported from rulesengine, absolutely
    or relatively; a plugin's own private module and dunder names are fine."""
    assert _private_imports(source, package) == expected


@pytest.mark.parametrize(
    ("source", "expected"),
    [
        ('__all__ = ["f", "gone"]\ndef f(): ...\n', ["gone"]),
        (
            "from typing import TYPE_CHECKING\n"
            'if TYPE_CHECKING:\n    from a import B\n__all__ = ["B"]\n',
            ["B"],
        ),
        (
            "from a import B\ntry:\n    C = 1\nexcept ImportError:\n    C = None\n"
            '__all__ = ["B", "C"]\n',
            [],
        ),
        (
            'if TYPE_CHECKING:\n    from a import B\n__all__ = ["B"]\ndef __getattr__(name): ...\n',
            [],
        ),
    ],
)
def test_the_all_check_finds_missing_names(source: str, expected: list[str]) -> None:
    """The check above can fail: a listed name nobody defines, or one imported only for the
    type checker (unless the module's ``__getattr__`` provides names at run time)."""
    assert _missing_from_module(source) == expected


def test_the_import_graph_sees_the_imports_it_must() -> None:
    """The graph the checks above read is not empty by mistake: a run needs the queue's
    upload, the group needs its command modules, the adapter needs nothing above it."""
    graph = _graph()
    assert "rulesengine.queue.batch_upload" in graph["rulesengine.statements.statement_run"]
    assert "rulesengine.cli.run_commands" in graph["rulesengine.cli.main"]
    assert "rulesengine.queue.notification_queue" in graph["rulesengine.queue"]


@pytest.mark.parametrize(
    ("source", "expected"),
    [
        ("from rulesengine.queue import Queue", ["rulesengine.queue"]),
        ("from rulesengine.queue import notification_sql", ["rulesengine.queue.notification_sql"]),
        (
            "import importlib\nimportlib.import_module('rulesengine.cli.main')",
            ["rulesengine.cli.main"],
        ),
        ("__import__('rulesengine.errors')", ["rulesengine.errors"]),
        ("from . import leases", ["rulesengine.queue.leases"]),
    ],
)
def test_the_import_reader_sees_each_kind_of_import(source: str, expected: list[str]) -> None:
    """A name taken from a package needs its ``__init__`` (so a module importing its own
    package's public name is a cycle); a submodule taken from a package needs only the
    submodule; string imports and relative imports count."""
    module = "rulesengine.queue.worker_loop"
    found = list(_imports_in(ast.parse(source), module, MODULES[module]))
    assert found == expected
