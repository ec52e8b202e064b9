"""Output piped into a reader that stops early (``rulesengine queue | head -1``): the
command stops quietly with exit 1, as Unix tools do, instead of an "internal error" about
a ``BrokenPipeError`` (exit 3) or a traceback.

Each command runs in a process of its own whose standard output is a pipe closed before
the command writes to it: its first write meets the closed pipe, whatever the size of the
output."""

from __future__ import annotations

import subprocess
from pathlib import Path

import pytest

from tests.hardening._zygote import cli_env as _env
from tests.hardening._zygote import console_script

ROOT = Path(__file__).resolve().parents[2]
STANDARD = str(ROOT / "rules" / "standard.yaml")
LEDGER = str(ROOT / "tests" / "data" / "ledgers" / "good")


def _closed_output(cwd: Path, *argv: str) -> subprocess.CompletedProcess[str]:
    """``rulesengine *argv`` with its standard output closed by the reader at once."""
    process = subprocess.Popen(
        [*console_script(), *argv],
        cwd=cwd,
        env=_env(),
        stdin=subprocess.DEVNULL,
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
    )
    assert process.stdout is not None and process.stderr is not None
    process.stdout.close()  # the reader is gone before the first line
    stderr = process.stderr.read()
    process.stderr.close()
    return subprocess.CompletedProcess(process.args, process.wait(timeout=120), "", stderr)


@pytest.fixture(scope="module")
def practice(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """A folder with a store holding a live batch and its queued notifications."""
    folder = tmp_path_factory.mktemp("closed-output")
    for argv in (("import", LEDGER), ("run", "--rules", STANDARD, "--date", "2026-02-01")):
        done = subprocess.run(
            [*console_script(), *argv], cwd=folder, env=_env(), capture_output=True, text=True
        )
        assert done.returncode == 0, done.stderr
    return folder


@pytest.mark.parametrize(
    "argv",
    [
        ("queue",),
        ("queue", "--json"),
        ("queue", "show", "1"),
        ("explain", "G1"),
        ("batches",),
        ("worklist", "--json"),
        ("validate", STANDARD),
        ("--help",),
        ("queue", "--help"),
    ],
    ids=" ".join,
)
def test_a_closed_output_stops_the_command_quietly_with_exit_1(
    practice: Path, argv: tuple[str, ...]
) -> None:
    done = _closed_output(practice, *argv)
    assert done.stderr == ""
    assert done.returncode == 1


def test_an_error_message_still_reaches_standard_error(practice: Path) -> None:
    """Only the output is gone: a user error is still said, and still exit 1."""
    done = _closed_output(practice, "explain", "G404")
    assert done.returncode == 1
    assert "G404" in done.stderr
    assert "internal error" not in done.stderr
