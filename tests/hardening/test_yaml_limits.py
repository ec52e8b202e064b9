"""Rules and scenario files cost no more to refuse than a real file costs to read.

Through the real command (``rulesengine.cli.main:main`` in a process of its own, or the installed
console script), each with exit 1, ``file:line:col`` (or the file) and no traceback:

- an alias "bomb" (400 bytes that expand to billions of values) is refused at its first
  anchor in well under a second and a few MB, before anything is expanded;
- ``/dev/zero``, a FIFO without a writer and a socket are refused at once, unread;
- a file larger than 1 MB (also a sparse 8 GB one) is refused reading at most 1 MB + 1 byte;
- 5,000 (and 200,000) levels of nesting are one problem at the first level too deep, never
  an internal error;
- the same for scenario files and for a scenario's rules file.

A guard keeps the machine safe should the protection ever be lost: each command runs with
a CPU-time and an address-space limit, and a wall-clock timeout kills its process group.
"""

from __future__ import annotations

import contextlib
import os
import re
import resource
import socket
import subprocess
import time
from collections.abc import Iterator
from pathlib import Path

import pytest

from rulesengine.rules.input_limits import MAX_FILE_BYTES, MAX_NESTING

from ._zygote import Done, cli_env, console_script
from ._zygote import rulesengine as run_forked

REPO = Path(__file__).resolve().parents[2]
STANDARD = REPO / "rules" / "standard.yaml"


#: Each command runs through the zygote driver (``_zygote.py``): ``main()`` in a child of an
#: interpreter that has imported the entry point, so the time and memory measured are the
#: command's own (not 1.5 s of imports). The child gets a CPU limit and an address-space limit
#: (what the zygote holds plus 1 GB): without the guard in the loader a bomb would die of them
#: instead of taking the machine. It runs in a session of its own, killed whole after its
#: timeout.
def rulesengine(*argv: str, cwd: Path, cpu_seconds: int = 20, timeout: float = 60) -> Done:
    """``rulesengine *argv`` as ``main()`` in a forked child: its time and memory alone."""
    done = run_forked(
        *argv, cwd=cwd, cpu_seconds=cpu_seconds, extra_memory=1 << 30, timeout=timeout
    )
    if done.returncode == "timeout":
        pytest.fail(f"rulesengine {' '.join(argv)} still ran after {timeout} s")
    return done


def assert_refused(done: Done, expected: str) -> None:
    """Exit 1 with ``expected`` (a regular expression) starting a line of the output (after
    ``error: `` where the command prints one problem so), and no traceback."""
    assert done.returncode == 1, done.output
    assert re.search(f"^(error: )?{expected}", done.output, re.MULTILINE), done.output
    assert "Traceback" not in done.output
    assert "internal error" not in done.output


def alias_bomb(levels: int = 10) -> str:
    """``levels`` lines of nine aliases of the line before: 9**levels values if expanded."""
    lines = ["rulesengine: 1", 'a: &a ["x","x","x","x","x","x","x","x","x"]']
    names = "abcdefghijklmnopqrstuvwxyz"[:levels]
    for prev, name in zip(names, names[1:], strict=False):
        lines.append(f"{name}: &{name} [" + ",".join([f"*{prev}"] * 9) + "]")
    return "\n".join(lines) + "\n"


def nested(levels: int) -> str:
    return "[" * levels + "]" * levels


SCENARIO = """scenario: A scenario
rules: {rules}
ledger:
  guarantors:
    - {{id: G1, first_name: Ada, email: ada@example.org}}
steps:
  - run: 2026-02-01
"""


@pytest.fixture
def work(tmp_path: Path) -> Path:
    return tmp_path


# --- the alias bomb ----------------------------------------------------------------------------


def test_the_400_byte_alias_bomb_is_refused_at_once_in_a_few_mb(work: Path) -> None:
    """Before: 25 s and 1.3 GB at 355 bytes, 17 GB and killed at 400. Now: the first anchor."""
    text = alias_bomb(10)
    assert 350 <= len(text) <= 400
    (work / "bomb.yaml").write_text(text, "utf-8")
    done = rulesengine("validate", "bomb.yaml", cwd=work)
    assert_refused(done, r"bomb\.yaml:2:4: anchors \(&name\) are not allowed in a rules file")
    assert done.seconds < 0.5
    assert done.grew_mb < 30


def test_a_bomb_of_aliases_alone_is_refused_at_the_first_alias(work: Path) -> None:
    """No anchor to stop at (each alias undefined): the first alias is the problem."""
    (work / "aliases.yaml").write_text(
        "rulesengine: 1\nprofile: *p\nlevels: [" + ",".join(["*x"] * 10_000) + "]\n", "utf-8"
    )
    done = rulesengine("validate", "aliases.yaml", cwd=work)
    assert_refused(done, r"aliases\.yaml:2:10: aliases \(\*name\) are not allowed")
    assert done.stderr.count("aliases (*name)") == 1
    assert done.seconds < 0.5


def test_a_live_run_with_the_bomb_is_refused_and_writes_nothing(work: Path) -> None:
    (work / "bomb.yaml").write_text(alias_bomb(10), "utf-8")
    done = rulesengine(
        "run", "--rules", "bomb.yaml", "--date", "2026-02-01", "--db", "x.db", cwd=work
    )
    assert_refused(done, r"bomb\.yaml:2:4: anchors \(&name\)")
    assert done.seconds < 0.5
    assert not (work / "x.db").exists()


def test_a_scenario_with_an_alias_bomb_is_refused_at_once(work: Path) -> None:
    (work / "bomb.scenario.yaml").write_text(
        SCENARIO.format(rules=STANDARD) + alias_bomb(10).replace("rulesengine: 1\n", ""),
        "utf-8",
    )
    for command in ("validate", "test"):
        done = rulesengine(command, "bomb.scenario.yaml", cwd=work)
        assert_refused(
            done, r"bomb\.scenario\.yaml:8:4: anchors \(&name\) are not allowed in a scenario file"
        )
        assert done.seconds < 0.5


def test_a_scenarios_rules_file_that_is_a_bomb_is_refused_at_once(work: Path) -> None:
    (work / "bomb.yaml").write_text(alias_bomb(10), "utf-8")
    (work / "s.scenario.yaml").write_text(SCENARIO.format(rules="bomb.yaml"), "utf-8")
    done = rulesengine("test", "s.scenario.yaml", cwd=work)
    assert_refused(done, r"bomb\.yaml:2:4: anchors \(&name\) are not allowed in a rules file")
    assert done.seconds < 0.5


def _cpu_and_memory_guard() -> None:
    resource.setrlimit(resource.RLIMIT_CPU, (20, 20))
    resource.setrlimit(resource.RLIMIT_AS, (2 << 30, 2 << 30))


def test_the_console_script_refuses_the_bomb_too(work: Path) -> None:
    """The installed command itself (imports included, so the bound is looser)."""
    (work / "bomb.yaml").write_text(alias_bomb(10), "utf-8")
    started = time.perf_counter()
    process = subprocess.run(
        [*console_script(), "validate", "bomb.yaml"],
        cwd=work,
        env=cli_env(),
        capture_output=True,
        text=True,
        timeout=60,
        check=False,
        preexec_fn=_cpu_and_memory_guard,
    )
    assert time.perf_counter() - started < 30
    assert process.returncode == 1, process.stderr
    assert process.stderr.startswith("bomb.yaml:2:4: anchors (&name) are not allowed")


# --- files that never end, or are not files ----------------------------------------------------


@pytest.mark.parametrize(
    "argv",
    [
        ["validate", "/dev/zero"],
        ["run", "--rules", "/dev/zero", "--date", "2026-02-01", "--db", "x.db"],
        ["diff", str(STANDARD), "/dev/zero", "--date", "2026-02-01", "--db", "x.db"],
    ],
    ids=["validate", "run", "diff"],
)
def test_dev_zero_as_the_rules_file_is_refused_promptly(work: Path, argv: list[str]) -> None:
    """Before: read until the machine killed it. Now: a character device is not read."""
    done = rulesengine(*argv, cwd=work)
    assert_refused(done, r"/dev/zero: is a character device, not a rules file")
    assert done.seconds < 0.5
    assert done.grew_mb < 30


def test_dev_zero_as_a_scenario_or_its_rules_is_refused_promptly(work: Path) -> None:
    (work / "z.scenario.yaml").write_text(SCENARIO.format(rules="/dev/zero"), "utf-8")
    done = rulesengine("test", "/dev/zero", "z.scenario.yaml", cwd=work)
    assert_refused(done, r"/dev/zero: is a character device, not a scenario file")
    assert_refused(
        done, r"z\.scenario\.yaml:2:8: rules: '/dev/zero' is a character device, not a rules file"
    )
    assert done.seconds < 0.5


def test_a_fifo_without_a_writer_is_refused_without_waiting(work: Path) -> None:
    """Opening a FIFO for reading waits for a writer; it is refused before that."""
    os.mkfifo(work / "rules.yaml")
    os.mkfifo(work / "f.scenario.yaml")
    done = rulesengine("validate", "rules.yaml", "f.scenario.yaml", cwd=work, timeout=30)
    assert_refused(done, r"rules\.yaml: is a pipe \(FIFO\), not a rules file")
    assert_refused(done, r"f\.scenario\.yaml: is a pipe \(FIFO\), not a scenario file")
    assert done.seconds < 0.5


def test_a_socket_is_refused(work: Path) -> None:
    with _unix_socket(work / "rules.yaml"):
        done = rulesengine("validate", "rules.yaml", cwd=work)
    assert_refused(done, r"rules\.yaml: is a socket, not a rules file")


@contextlib.contextmanager
def _unix_socket(path: Path) -> Iterator[None]:
    server = socket.socket(socket.AF_UNIX, socket.SOCK_STREAM)
    try:
        server.bind(str(path))
        yield
    finally:
        server.close()


# --- files too large ---------------------------------------------------------------------------


def test_a_file_over_1_mb_is_refused_stating_the_limit(work: Path) -> None:
    (work / "big.yaml").write_text("rulesengine: 1\n" + "# padding\n" * 200_000, "utf-8")
    (work / "big.scenario.yaml").write_text(
        SCENARIO.format(rules=STANDARD) + "# padding\n" * 200_000, "utf-8"
    )
    done = rulesengine("validate", "big.yaml", "big.scenario.yaml", cwd=work)
    assert_refused(
        done,
        r"big\.yaml: the file is larger than 1 MB \(1,048,576 bytes\), the limit for a rules file",
    )
    assert_refused(
        done, r"big\.scenario\.yaml: the file is larger than 1 MB .* the limit for a scenario file"
    )
    assert done.seconds < 0.5


def test_a_sparse_8_gb_file_is_refused_without_reading_it(work: Path) -> None:
    with open(work / "huge.yaml", "wb") as f:
        f.truncate(8 << 30)
    done = rulesengine(
        "run", "--rules", "huge.yaml", "--date", "2026-02-01", "--db", "x.db", cwd=work
    )
    assert_refused(done, r"huge\.yaml: the file is larger than 1 MB")
    assert done.seconds < 0.5
    assert done.grew_mb < 30


def test_a_rules_file_of_exactly_1_mb_is_read(work: Path) -> None:
    """The limit is the largest size read, not one byte less: 1 MB of a valid file passes."""
    text = STANDARD.read_text("utf-8")
    padding = MAX_FILE_BYTES - len(text.encode("utf-8"))
    (work / "rules.yaml").write_text(text + "#" * (padding - 1) + "\n", "utf-8")
    assert (work / "rules.yaml").stat().st_size == MAX_FILE_BYTES
    done = rulesengine("validate", "rules.yaml", cwd=work)
    assert done.returncode == 0, done.output
    assert done.stdout.startswith("rules.yaml: ok")
    (work / "rules.yaml").write_text(text + "#" * padding + "\n", "utf-8")
    assert_refused(
        rulesengine("validate", "rules.yaml", cwd=work),
        r"rules\.yaml: the file is larger than 1 MB",
    )


# --- deep nesting ------------------------------------------------------------------------------


@pytest.mark.parametrize("levels", [5_000, 200_000])
def test_deep_nesting_in_a_rules_file_is_exit_1_with_file_line_col(work: Path, levels: int) -> None:
    """Before: 5,000 levels were an "internal error" (RecursionError, exit 3)."""
    (work / "deep.yaml").write_text(
        "rulesengine: 1\nprofile:\n  id: " + nested(levels) + "\n", "utf-8"
    )
    for argv in (
        ["validate", "deep.yaml"],
        ["run", "--rules", "deep.yaml", "--date", "2026-02-01", "--db", "x.db"],
    ):
        done = rulesengine(*argv, cwd=work)
        assert_refused(
            done,
            # the document's mapping and profile: are levels 1 and 2
            rf"deep\.yaml:3:{5 + MAX_NESTING}: lists and mappings nest more than {MAX_NESTING}"
            r" levels deep here, the limit for a rules file",
        )
        assert done.seconds < 1


def test_deep_nesting_in_a_scenario_is_exit_1_with_file_line_col(work: Path) -> None:
    (work / "deep.scenario.yaml").write_text(
        SCENARIO.format(rules=STANDARD).replace("steps:", "steps: " + nested(5_000)), "utf-8"
    )
    for command in ("validate", "test"):
        done = rulesengine(command, "deep.scenario.yaml", cwd=work)
        assert_refused(
            done,
            rf"deep\.scenario\.yaml:6:{7 + MAX_NESTING}: lists and mappings nest more than"
            rf" {MAX_NESTING} levels deep here, the limit for a scenario file",
        )


def test_deep_block_indentation_is_refused_too(work: Path) -> None:
    """Nesting by indentation (a mapping per line) counts like brackets."""
    lines = "".join("  " * i + f"k{i}:\n" for i in range(300))
    (work / "deep.yaml").write_text(lines + "  " * 300 + "v\n", "utf-8")
    done = rulesengine("validate", "deep.yaml", cwd=work)
    assert_refused(
        done, rf"deep\.yaml:{MAX_NESTING + 1}:{2 * MAX_NESTING + 1}: lists and mappings nest"
    )
