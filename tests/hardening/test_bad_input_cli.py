"""Broken input through the real command: exit 1, the golden message, no traceback, and
nothing written.

Every case of the golden corpora runs in a process of its own:

- ``tests/data/invalid/*.yaml`` (rules files): ``rulesengine validate`` (every file in one
  call of the installed console script: it reports every problem of every file), and
  ``rulesengine run --rules X --date 2026-02-01`` against a store holding a ledger, per file;
- ``tests/data/ledgers/<case>/`` with an ``expected.txt``: ``rulesengine import``, per case;
- ``tests/data/scenarios/invalid/*.scenario.yaml``: ``rulesengine validate`` and
  ``rulesengine test`` (each one call of the console script over every file);
- ``tests/data/cli/cases.yaml``: broken command lines, per case.

Starting the console script costs about 1.5 s of imports on this machine, so the per-case
processes are forks of one interpreter that has imported the console script's entry point
(``rulesengine.cli.main:main``) and the modules its commands import: each child gets its own
argv, working folder, stdout and stderr, runs ``main()`` exactly as the script does, and
exits with its code. The batched calls go through the console script itself, and a few
command lines are run both ways to show the two agree.

"Nothing written" means the store file (and its WAL) is byte-identical before and after,
its tables hold the same rows, and no store appeared in the working folder. Only the
built-in channel plugins are loaded (``RULESENGINE_LOAD_PLUGINS``), as the goldens assume.
"""

from __future__ import annotations

import datetime as dt
import hashlib
import re
import shutil
import sqlite3
import subprocess
from pathlib import Path
from typing import Any

import attrs
import pytest
import yaml

from ._zygote import cli_env, console_script, rulesengine

REPO = Path(__file__).resolve().parents[2]
DATA = REPO / "tests" / "data"
RULES_CASES = sorted(p.stem for p in (DATA / "invalid").glob("*.yaml"))
LEDGER_CASES = sorted(
    p.name for p in (DATA / "ledgers").iterdir() if (p / "expected.txt").is_file()
)
SCENARIO_DIR = DATA / "scenarios" / "invalid"
SCENARIO_CASES = sorted(
    p.name.removesuffix(".scenario.yaml") for p in SCENARIO_DIR.glob("*.scenario.yaml")
)
CLI_CASES: list[dict[str, Any]] = yaml.safe_load((DATA / "cli" / "cases.yaml").read_text("utf-8"))
#: Command lines also run through the console script, to show forks and script agree.
THROUGH_THE_SCRIPT = (
    "run_live_before_the_latest_live_run",
    "run_date_as_a_word",
    "unknown_command",
)
RUN_DATE = "2026-02-01"


@attrs.frozen
class Outcome:
    """A finished command: its exit code, its output, and the store before and after."""

    code: int
    stdout: str
    stderr: str
    before: str | None
    after: str | None
    rows_before: dict[str, int] | None
    rows_after: dict[str, int] | None
    stray_store: bool

    @property
    def output(self) -> str:
        return self.stdout + self.stderr


@attrs.define
class Job:
    argv: list[str]
    cwd: Path
    db: Path | None
    before: tuple[str | None, dict[str, int] | None] = (None, None)


def fingerprint(db: Path | None) -> str | None:
    """sha256 of the store file and of its WAL, or None when there is no store."""
    if db is None or not db.exists():
        return None
    digest = hashlib.sha256(db.read_bytes())
    wal = db.with_name(db.name + "-wal")
    if wal.exists():
        digest.update(wal.read_bytes())
    return digest.hexdigest()


def row_counts(db: Path | None) -> dict[str, int] | None:
    """Rows per table, read through a read-only connection."""
    if db is None or not db.exists():
        return None
    conn = sqlite3.connect(f"file:{db}?mode=ro", uri=True)
    try:
        names = [r[0] for r in conn.execute("SELECT name FROM sqlite_master WHERE type='table'")]
        return {n: conn.execute(f'SELECT count(*) FROM "{n}"').fetchone()[0] for n in names}
    finally:
        conn.close()


def _finish(job: Job, code: int, stdout: str, stderr: str) -> Outcome:
    return Outcome(
        code,
        stdout,
        stderr,
        job.before[0],
        fingerprint(job.db),
        job.before[1],
        row_counts(job.db),
        (job.cwd / "rulesengine.db").exists(),
    )


def run_through_script(job: Job) -> Outcome:
    """``rulesengine *argv`` through the installed console script."""
    job.before = (fingerprint(job.db), row_counts(job.db))
    done = subprocess.run(
        [*console_script(), *job.argv],
        cwd=job.cwd,
        env=cli_env(),
        capture_output=True,
        text=True,
        timeout=300,
        check=False,
    )
    return _finish(job, done.returncode, done.stdout, done.stderr)


def run_jobs(jobs: dict[Any, Job]) -> dict[Any, Outcome]:
    """Every job in a child process of one interpreter that imported the entry point."""
    results = {}
    for key, job in jobs.items():
        job.before = (fingerprint(job.db), row_counts(job.db))
        done = rulesengine(*job.argv, cwd=job.cwd)
        assert isinstance(done.returncode, int), done
        results[key] = _finish(job, done.returncode, done.stdout, done.stderr)
    return results


def _seed_store(path: Path, *, live_run: bool) -> None:
    """A store holding the good ledger (and, with ``live_run``, a live run on 2026-02-01)."""
    # Seeding uses the library: it is setup, not the behaviour under test.
    from rulesengine.ledger import read_ledger_dir
    from rulesengine.rules import load_rules
    from rulesengine.statements.statement_run import run_statements
    from rulesengine.store import open_store

    store = open_store(str(path))
    try:
        store.import_ledger(read_ledger_dir(DATA / "ledgers" / "good"))
        if live_run:
            rules = load_rules(REPO / "rules" / "standard.yaml")
            run_statements(store, rules, dt.date.fromisoformat(RUN_DATE), live=True)
    finally:
        store.close()


@pytest.fixture(scope="module")
def outcomes(tmp_path_factory: pytest.TempPathFactory) -> dict[tuple[str, str], Outcome]:
    """Every command of every corpus, keyed by (command or corpus, case)."""
    root = tmp_path_factory.mktemp("bad-input")
    ledger_store = root / "ledger.db"
    _seed_store(ledger_store, live_run=False)
    run_store = root / "ledger-and-run.db"
    _seed_store(run_store, live_run=True)
    # Ledgers import into a store that exists but holds no ledger: every reference the file
    # lacks is looked up there too, and found nowhere.
    empty_store = root / "empty.db"
    from rulesengine.store import open_store

    open_store(str(empty_store)).close()

    # Working copies, so that messages name the same relative paths as the golden texts.
    work = root / "work"
    shutil.copytree(DATA / "invalid", work / "tests" / "data" / "invalid")
    shutil.copytree(DATA / "scenarios", work / "tests" / "data" / "scenarios")
    shutil.copytree(REPO / "rules", work / "rules")
    ledgers = root / "ledgers"
    shutil.copytree(DATA / "ledgers", ledgers)

    def store_copy(name: str, template: Path) -> Path:
        folder = root / "stores" / name
        folder.mkdir(parents=True)
        shutil.copy(template, folder / "store.db")
        return folder / "store.db"

    def cli_job(case: dict[str, Any], suffix: str = "") -> Job:
        db = store_copy(f"cli-{case['id']}{suffix}", run_store)
        tmp = root / "cli" / f"{case['id']}{suffix}"
        tmp.mkdir(parents=True)
        values = {
            "db": str(db),
            "rules": str(REPO / "rules" / "standard.yaml"),
            "repo": str(REPO),
            "tmp": str(tmp),
        }
        return Job([arg.format(**values) for arg in case["argv"]], tmp, db)

    forked: dict[tuple[str, str], Job] = {}
    for case in RULES_CASES:
        db = store_copy(f"rules-{case}", ledger_store)
        argv = ["run", "--rules", f"tests/data/invalid/{case}.yaml", "--date", RUN_DATE]
        forked["run", case] = Job([*argv, "--db", str(db)], work, db)
    for case in LEDGER_CASES:
        db = store_copy(f"ledger-{case}", empty_store)
        forked["import", case] = Job(["import", case, "--db", str(db)], ledgers, db)
    for case in CLI_CASES:
        forked["cli", case["id"]] = cli_job(case)
    results = run_jobs(forked)

    scenario_files = [f"tests/data/scenarios/invalid/{c}.scenario.yaml" for c in SCENARIO_CASES]
    scripted = {
        ("validate", "rules"): Job(
            ["validate", *(f"tests/data/invalid/{c}.yaml" for c in RULES_CASES)], work, None
        ),
        ("validate", "scenarios"): Job(["validate", *scenario_files], work, None),
        ("test", "scenarios"): Job(["test", *scenario_files], work, None),
    }
    for case in CLI_CASES:
        if case["id"] in THROUGH_THE_SCRIPT:
            scripted["script", case["id"]] = cli_job(case, "-script")
    for key, job in scripted.items():
        results[key] = run_through_script(job)
    return results


def assert_user_error_that_wrote_nothing(outcome: Outcome) -> None:
    """Exit 1, no traceback, the store unchanged (or never created)."""
    assert outcome.code == 1, outcome.output
    assert "Traceback" not in outcome.output
    assert "internal error" not in outcome.output
    assert outcome.after == outcome.before, "the store file changed"
    assert outcome.rows_after == outcome.rows_before
    assert not outcome.stray_store, "a store was created in the working folder"


def test_the_corpora_hold_well_over_fifty_broken_inputs() -> None:
    """Rules files, ledgers, scenario files and command lines: well over 50 cases together."""
    assert len(RULES_CASES) >= 40
    assert len(LEDGER_CASES) >= 20
    assert len(CLI_CASES) >= 25
    assert len({c["id"] for c in CLI_CASES}) == len(CLI_CASES)
    assert len(RULES_CASES) + len(LEDGER_CASES) + len(SCENARIO_CASES) + len(CLI_CASES) > 100


def test_validate_prints_every_golden_rules_problem_and_exits_1(outcomes) -> None:
    """One validate over every invalid rules file prints each file's golden text, in order."""
    outcome = outcomes["validate", "rules"]
    assert_user_error_that_wrote_nothing(outcome)
    expected = "".join((DATA / "invalid" / f"{c}.txt").read_text("utf-8") for c in RULES_CASES)
    # A problem is one line, and a YAML syntax error adds the source line and a caret line
    # (indented): count the lines that start a problem.
    count = sum(1 for line in expected.splitlines() if not line.startswith(" "))
    assert outcome.stderr == expected + f"{count} problems found\n"
    assert outcome.stdout == ""


@pytest.mark.parametrize("case", RULES_CASES)
def test_run_with_an_invalid_rules_file_exits_1_and_writes_nothing(outcomes, case: str) -> None:
    """``run --rules <invalid>`` prints exactly the golden problems; the store is untouched."""
    outcome = outcomes["run", case]
    assert_user_error_that_wrote_nothing(outcome)
    expected = (DATA / "invalid" / f"{case}.txt").read_text("utf-8")
    assert outcome.stderr in (expected, f"error: {expected}")
    assert outcome.before is not None


@pytest.mark.parametrize("case", LEDGER_CASES)
def test_import_of_a_bad_ledger_exits_1_and_writes_nothing(outcomes, case: str) -> None:
    """``import <bad ledger>`` prints exactly the golden problems; the store is untouched."""
    outcome = outcomes["import", case]
    assert_user_error_that_wrote_nothing(outcome)
    fresh = (DATA / "ledgers" / case / "expected.txt").read_text("utf-8")
    # Into a store (an import is a sync), a reference is looked up in the store as well.
    expected = re.sub(r"\(not in (\w+\.csv)\)", r"(not in \1 or the store)", fresh)
    assert outcome.stderr in (expected, f"error: {expected}")


@pytest.mark.parametrize("command", ["validate", "test"])
def test_invalid_scenario_files_exit_1_with_their_golden_problems(outcomes, command: str) -> None:
    """``validate`` and ``test`` over the invalid scenarios print each case's golden text."""
    assert SCENARIO_CASES, "the scenario corpus is gone"
    outcome = outcomes[command, "scenarios"]
    assert_user_error_that_wrote_nothing(outcome)
    missing = [
        case
        for case in SCENARIO_CASES
        if (SCENARIO_DIR / f"{case}.txt").read_text("utf-8").rstrip("\n") not in outcome.output
    ]
    assert missing == []


@pytest.mark.parametrize("case", CLI_CASES, ids=[c["id"] for c in CLI_CASES])
def test_broken_command_line_exits_1_with_a_clear_message(outcomes, case: dict[str, Any]) -> None:
    """Each broken command line of tests/data/cli/cases.yaml: exit 1, its message, no write."""
    outcome = outcomes["cli", case["id"]]
    assert_user_error_that_wrote_nothing(outcome)
    assert case["expect"] in outcome.output
    if "absent" in case:
        assert case["absent"] not in outcome.output


@pytest.mark.parametrize("case_id", THROUGH_THE_SCRIPT)
def test_the_console_script_and_the_forked_entry_point_agree(outcomes, case_id: str) -> None:
    """The installed script gives the same exit code and output as the forked ``main()``."""
    scripted, forked = outcomes["script", case_id], outcomes["cli", case_id]
    assert_user_error_that_wrote_nothing(scripted)
    assert scripted.code == forked.code
    assert scripted.output.replace(f"{case_id}-script", case_id) == forked.output
