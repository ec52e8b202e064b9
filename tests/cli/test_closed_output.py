"""Output piped into a reader that stops early (``rulesengine queue | head -1``): the
command stops quietly with exit 1, as Unix tools do, instead of an "internal error" about
a ``BrokenPipeError`` (exit 3) or a traceback.

Each command runs in a process of its own whose standard output is a pipe closed before
the command writes to it: its first write meets the closed pipe, whatever the size of the
output. A reader that takes one byte and stops (``| head -c1``) closes the pipe in the
middle of a long write instead: the rest of that write meets the closed pipe, buffered or
not (``PYTHONUNBUFFERED=1``)."""

from __future__ import annotations

import os
import subprocess
from pathlib import Path

import pytest

from tests.hardening._zygote import cli_env as _env
from tests.hardening._zygote import console_script

ROOT = Path(__file__).resolve().parents[2]
STANDARD = str(ROOT / "rules" / "standard.yaml")
LEDGER = str(ROOT / "tests" / "data" / "ledgers" / "good")


def _env_buffered(unbuffered: bool) -> dict[str, str]:
    """The commands' environment with standard output unbuffered (``PYTHONUNBUFFERED=1``)
    or buffered, whatever the caller's environment says."""
    env = {k: v for k, v in _env().items() if k != "PYTHONUNBUFFERED"}
    if unbuffered:
        env["PYTHONUNBUFFERED"] = "1"
    return env


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


def _one_byte_read(cwd: Path, env: dict[str, str], *argv: str) -> int:
    """The exit code of ``rulesengine *argv | head -c1``: the reader takes one byte of the
    output and closes the pipe while the command is still writing."""
    process = subprocess.Popen(
        [*console_script(), *argv],
        cwd=cwd,
        env=env,
        stdin=subprocess.DEVNULL,
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
    )
    assert process.stdout is not None and process.stderr is not None
    assert os.read(process.stdout.fileno(), 1)  # the command is writing
    process.stdout.close()
    stderr = process.stderr.read()
    process.stderr.close()
    assert stderr == b""
    return process.wait(timeout=120)


@pytest.fixture(scope="module")
def long_output(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """A demo practice whose queue, as JSON, is far longer than a pipe holds (64 KiB)."""
    folder = tmp_path_factory.mktemp("long-output")
    argv = ("demo", str(folder / "demo"), "--guarantors", "200", "--months", "1")
    done = subprocess.run([*console_script(), *argv], env=_env(), capture_output=True)
    assert done.returncode == 0, done.stderr
    queue = subprocess.run(
        [*console_script(), "queue", "--json"], cwd=folder / "demo", env=_env(), capture_output=True
    )
    assert len(queue.stdout) > 4 * 65536
    return folder / "demo"


@pytest.mark.parametrize("unbuffered", [True, False], ids=["PYTHONUNBUFFERED=1", "buffered"])
@pytest.mark.parametrize("argv", [("queue", "--json"), ("queue",)], ids=" ".join)
def test_a_reader_that_stops_in_a_long_write_stops_the_command_with_exit_1(
    long_output: Path, argv: tuple[str, ...], unbuffered: bool
) -> None:
    """The write that the reader stopped taking is not cut short in silence (exit 0)."""
    env = _env_buffered(unbuffered)
    assert _one_byte_read(long_output, env, *argv) == 1


def test_a_full_non_blocking_output_is_waited_on_not_spun_on(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    """Standard output inherited non-blocking: a full pipe makes the writer wait until the
    reader takes more (select), then write the rest; every byte arrives."""
    import io
    import select
    import threading
    import time

    from rulesengine.cli import error_reports

    waits: list[object] = []
    real_select = select.select

    def recorded(*args: object) -> object:
        waits.append(args)
        return real_select(*args)  # type: ignore[arg-type]

    monkeypatch.setattr(error_reports.select, "select", recorded)
    read_end, write_end = os.pipe()
    os.set_blocking(write_end, False)
    received = bytearray()

    def reader() -> None:
        time.sleep(0.2)  # the pipe fills meanwhile
        while chunk := os.read(read_end, 65536):
            received.extend(chunk)

    thread = threading.Thread(target=reader)
    thread.start()
    with io.FileIO(write_end, "w") as raw:
        written = error_reports._WholeWriter(raw).write(b"x" * 1_000_000)
    thread.join(timeout=30)
    os.close(read_end)
    assert written == len(received) == 1_000_000
    assert waits


@pytest.mark.parametrize("unbuffered", [True, False], ids=["PYTHONUNBUFFERED=1", "buffered"])
@pytest.mark.parametrize("argv", [("queue", "--json"), ("queue",)], ids=" ".join)
def test_an_output_with_no_room_left_is_a_user_error_not_a_bug(
    practice: Path, argv: tuple[str, ...], unbuffered: bool
) -> None:
    """``> /dev/full``: exit 1 and what to do, not an internal error (exit 3)."""
    env = _env_buffered(unbuffered)
    with open("/dev/full", "w") as full:
        done = subprocess.run(
            [*console_script(), *argv],
            cwd=practice,
            env=env,
            stdout=full,
            stderr=subprocess.PIPE,
            text=True,
        )
    assert done.returncode == 1
    assert done.stderr.startswith("error: no space left (No space left on device): free some")
    assert "Traceback" not in done.stderr


def test_a_command_started_with_its_output_closed_ends_without_a_traceback(
    practice: Path,
) -> None:
    """``>&-``: the output is dropped as it would be into /dev/null; no internal error."""
    done = subprocess.run(
        [*console_script(), "queue"],
        cwd=practice,
        env=_env(),
        stdout=subprocess.DEVNULL,
        stderr=subprocess.PIPE,
        text=True,
        pass_fds=(),
        preexec_fn=lambda: os.close(1),
    )
    assert (done.returncode, done.stderr) == (0, "")


@pytest.mark.parametrize("unbuffered", [True, False], ids=["PYTHONUNBUFFERED=1", "buffered"])
def test_a_slow_reader_of_a_non_blocking_output_gets_every_byte(
    long_output: Path, unbuffered: bool
) -> None:
    """Standard output inherited non-blocking (a parent's choice) and a reader slower than
    the command: the command waits for room, exits 0, and every byte arrives."""
    import threading
    import time

    env = _env_buffered(unbuffered)
    whole = subprocess.run(
        [*console_script(), "queue", "--json"], cwd=long_output, env=env, capture_output=True
    ).stdout
    read_end, write_end = os.pipe()
    os.set_blocking(write_end, False)
    received = bytearray()

    def reader() -> None:
        time.sleep(1.0)  # the pipe fills meanwhile
        while chunk := os.read(read_end, 4096):
            received.extend(chunk)
            time.sleep(0.001)

    thread = threading.Thread(target=reader)
    thread.start()
    done = subprocess.run(
        [*console_script(), "queue", "--json"],
        cwd=long_output,
        env=env,
        stdout=write_end,
        stderr=subprocess.PIPE,
        text=True,
    )
    os.close(write_end)
    thread.join(timeout=60)
    os.close(read_end)
    assert (done.returncode, done.stderr) == (0, "")
    assert bytes(received) == whole


@pytest.mark.parametrize("unbuffered", [True, False], ids=["PYTHONUNBUFFERED=1", "buffered"])
@pytest.mark.parametrize("argv", [("--version",), ("queue", "--json")], ids=" ".join)
def test_no_room_for_the_output_nor_for_the_error_is_still_exit_1(
    practice: Path, argv: tuple[str, ...], unbuffered: bool
) -> None:
    """``>/dev/full 2>&1``: the message cannot be written either; exit 1 all the same (the
    interpreter's last flush had made it 120)."""
    env = _env_buffered(unbuffered)
    with open("/dev/full", "w") as full:
        done = subprocess.run(
            [*console_script(), *argv], cwd=practice, env=env, stdout=full, stderr=full
        )
    assert done.returncode == 1
