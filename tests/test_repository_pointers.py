"""The repository documents itself in docs/: no file points at a document users never have.

The product's reference lives in ``docs/reference/`` under the same page names as the
private specification (the statement-run semantics, the rules and scenario formats, delivery,
the command line). A mention of one of those names is allowed only as a path to the
repository's own page: relative to the file that mentions it (``reference/`` + the name in a
guide, the bare name inside ``docs/reference/``) or from the repository's root (``docs/``
``reference/`` + the name in a docstring). Anything under ``shared/`` is never allowed.
"""

from __future__ import annotations

import re
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
REFERENCE = REPO / "docs" / "reference"

#: Where the private specification and its notes live (written so this file does not match).
PRIVATE_FOLDER = re.compile(r"shared/(spec|seeds|notes)|\.\./shared")
#: The page names the private specification and the reference share, with the path written
#: before one, so a link into docs/reference and one into the private folder are told apart.
PAGE = re.compile(r"([\w./-]*?)\b((?:semantics|delivery|rules-format|scenario-format|cli)\.md)\b")
SKIPPED = {".git", ".venv", "build", "dist", "__pycache__", ".mypy_cache", ".ruff_cache"}


def _repository_files() -> list[Path]:
    files = []
    for path in REPO.rglob("*"):
        parts = set(path.relative_to(REPO).parts)
        if parts & SKIPPED or any(p.endswith(".egg-info") for p in parts):
            continue
        if path.is_file() and path.suffix in {".py", ".md", ".yaml", ".yml", ".toml", ".cfg"}:
            files.append(path)
    return files


def _is_reference_page(written: str, name: str, source: Path) -> bool:
    """Whether ``written`` (a path ending in ``name``) names the page ``docs/reference/name``,
    read from the folder of ``source`` or from the repository's root."""
    page = (REFERENCE / name).resolve()
    if written.startswith("/"):
        return False
    return any((base / written).resolve() == page for base in (source.parent, REPO))


def pointers_outside(line: str, source: Path) -> list[str]:
    """What ``line`` of ``source`` points at outside the repository (empty when nothing)."""
    found = [m.group(0) for m in PRIVATE_FOLDER.finditer(line)]
    for match in PAGE.finditer(line):
        written = match.group(1) + match.group(2)
        if not _is_reference_page(written, match.group(2), source):
            found.append(written)
    return found


def test_no_file_points_at_the_private_specification():
    """README, docs, module docstrings, tests and examples cite docs/ pages instead."""
    files = _repository_files()
    assert REPO / "README.md" in files and REPO / "rulesengine" / "cli" / "main.py" in files
    found = [
        f"{path.relative_to(REPO)}:{number}: {line.strip()}"
        for path in files
        for number, line in enumerate(path.read_text(encoding="utf-8").splitlines(), 1)
        if pointers_outside(line, path)
    ]
    assert found == []


#: Page names for the tests below, built so that this file itself does not point anywhere.
MD = ".md"
SHARED = "sha" + "red"


def test_links_to_the_reference_pages_are_allowed():
    """A guide links reference/<page>; a reference page links <page>; code says docs/reference."""
    guide = REPO / "docs" / "queue.md"
    reference = REFERENCE / "README.md"
    module = REPO / "rulesengine" / "cli" / "main.py"
    assert pointers_outside(f"Reference: [queue](reference/delivery{MD}#statuses)", guide) == []
    assert pointers_outside(f"[statement runs](semantics{MD})", reference) == []
    assert pointers_outside(f"see ``docs/reference/cli{MD}``", module) == []
    assert pointers_outside(f"[format](docs/reference/rules-format{MD})", REPO / "README.md") == []


def test_pointers_outside_the_repository_are_found():
    """Bare page names outside docs/reference, wrong folders and shared/ are all refused."""
    guide = REPO / "docs" / "queue.md"
    module = REPO / "rulesengine" / "cli" / "main.py"
    spec = f"../{SHARED}/spec/semantics{MD}"
    assert pointers_outside(f"as semantics{MD} step 4 says", module) == [f"semantics{MD}"]
    assert pointers_outside(f"see delivery{MD}", guide) == [f"delivery{MD}"]
    assert pointers_outside(f"[runs](../reference/semantics{MD})", guide) == [
        f"../reference/semantics{MD}"
    ]
    assert pointers_outside(f"[spec]({spec})", guide) == [f"../{SHARED}", spec]
    assert pointers_outside(f"/work/{SHARED}/spec/cli{MD}", module) == [
        f"{SHARED}/spec",
        f"/work/{SHARED}/spec/cli{MD}",
    ]
    assert pointers_outside(f"{SHARED}/notes/durable-rules{MD}", module) == [f"{SHARED}/notes"]
