"""The repository documents itself in docs/: no file points at a document users never have."""

from __future__ import annotations

import re
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]

#: The names of the private specification and its notes (written so this file does not match).
PRIVATE = re.compile(
    r"shared/(spec|seeds|notes)|\.\./shared"
    r"|(semantics|delivery|rules-format|scenario-format|cli)\.md"
)
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


def test_no_file_points_at_the_private_specification():
    """README, docs, module docstrings, tests and examples cite docs/ pages instead."""
    files = _repository_files()
    assert REPO / "README.md" in files and REPO / "rulesengine" / "cli.py" in files
    found = [
        f"{path.relative_to(REPO)}:{number}: {line.strip()}"
        for path in files
        for number, line in enumerate(path.read_text(encoding="utf-8").splitlines(), 1)
        if PRIVATE.search(line)
    ]
    assert found == []
