"""How fast ``rulesengine test`` runs scenario files.

Generates 1,000 small, varied scenario files (1-3 guarantors, 1-4 steps: runs, test runs,
payments, adjustments, holds and releases, with expectations) into a temporary folder, checks
that they all pass, then times them in-process (the ``run_scenario_file`` loop that
``rulesengine test`` and the pytest plugin use) and as a ``rulesengine test`` subprocess.

    .venv/bin/python benchmarks/scenarios/bench_scenarios.py [--count 1000] [--profile]

Target: at least 50 scenarios per second on a 2-core machine. ``--profile`` prints the
cProfile summary of the in-process loop (cumulative time, top 30).
"""

from __future__ import annotations

import argparse
import cProfile
import os
import pstats
import random
import shutil
import subprocess
import sys
import tempfile
import time
from pathlib import Path

REPO = Path(__file__).resolve().parents[2]
STANDARD = REPO / "rules" / "standard.yaml"
RUN_DATES = ["2026-02-01", "2026-03-01", "2026-03-29", "2026-04-26"]


def scenario_text(seed: int) -> str:
    """One small scenario; the seed picks its guarantors, encounters and steps."""
    rng = random.Random(seed)
    lines = [f"scenario: Generated scenario {seed}", f"rules: {STANDARD}"]
    if rng.random() < 0.3:
        lines += ["overrides:", f"  dunning: {{no_limit: {rng.choice(['true', 'false'])}}}"]
    lines += ["ledger:", "  guarantors:"]
    encounters = []
    for g in range(1, rng.randint(1, 3) + 1):
        lines.append(
            f"    - {{id: G{g}, first_name: Name{g}, email: g{g}@example.org,"
            f' mobile: "+1555555{g:04d}", timezone: America/New_York}}'
        )
        for e in range(rng.randint(1, 2)):
            encounters.append(
                (f"E{g}{e}", f"G{g}", rng.choice([0, 0, 1, 2, 3]), rng.randint(2, 400))
            )
    lines.append("  encounters:")
    for eid, gid, level, dollars in encounters:
        billed = ", last_statement: 2026-01-02" if level else ""
        lines.append(
            f"    - {{id: {eid}, guarantor: {gid}, patient: P{gid}, service_date: 2025-12-01,"
            f" balance: {dollars}.00, level: {level}{billed}}}"
        )
    lines.append("steps:")
    dates = iter(RUN_DATES)
    for _ in range(rng.randint(1, 4)):
        kind = rng.choice(["run", "run", "test_run", "payment", "adjustment", "hold"])
        eid, gid, _level, dollars = rng.choice(encounters)
        if kind in ("run", "test_run"):
            date = next(dates, None)
            if date is None:
                break
            lines += [
                f"  - {kind}: {date}",
                "    expect:",
                f"      encounters: {{{eid}: {{balance: {dollars}.00}}}}",
            ]
        elif kind == "payment":
            lines.append(f"  - payment: {{encounter: {eid}, amount: 1.00, date: 2026-01-20}}")
            encounters = [(e, g, lv, d - 1 if e == eid else d) for e, g, lv, d in encounters]
        elif kind == "adjustment":
            lines.append(f"  - adjustment: {{encounter: {eid}, amount: 5.00, date: 2026-01-20}}")
            encounters = [(e, g, lv, d + 5 if e == eid else d) for e, g, lv, d in encounters]
        else:
            lines += [f"  - hold: {{guarantor: {gid}}}", f"  - release: {{guarantor: {gid}}}"]
    return "\n".join(lines) + "\n"


def generate(folder: Path, count: int) -> list[Path]:
    paths = []
    for i in range(count):
        path = folder / f"s{i // 100:02d}" / f"case_{i:04d}.scenario.yaml"
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(scenario_text(i), encoding="utf-8")
        paths.append(path)
    return paths


def in_process(paths: list[Path]) -> tuple[float, int]:
    from rulesengine.scenarios import run_scenario_file

    started = time.perf_counter()
    failed = [r for r in (run_scenario_file(str(p)) for p in paths) if not r.passed]
    seconds = time.perf_counter() - started
    for result in failed[:3]:
        print(f"FAILED {result.path}: {result.error or result.failures}", file=sys.stderr)
    return seconds, len(failed)


def as_subprocess(folder: Path) -> tuple[float, int]:
    exe = Path(sys.executable).with_name("rulesengine")
    started = time.perf_counter()
    done = subprocess.run(
        [str(exe), "test", str(folder)], capture_output=True, text=True, check=False
    )
    seconds = time.perf_counter() - started
    return seconds, done.returncode


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--count", type=int, default=1000)
    parser.add_argument("--profile", action="store_true", help="cProfile the in-process loop")
    parser.add_argument("--keep", action="store_true", help="keep the generated folder")
    args = parser.parse_args()

    folder = Path(tempfile.mkdtemp(prefix="bench-scenarios-"))
    try:
        paths = generate(folder, args.count)
        print(f"{len(paths)} scenario files in {folder} (cpus: {os.cpu_count()})")
        from rulesengine.scenarios import run_scenario_file

        run_scenario_file(str(paths[0]))  # warm imports, as a long test session would be
        if args.profile:
            profiler = cProfile.Profile()
            profiler.enable()
            seconds, failed = in_process(paths)
            profiler.disable()
            pstats.Stats(profiler).sort_stats("cumulative").print_stats(30)
        else:
            seconds, failed = in_process(paths)
        rate = len(paths) / seconds
        print(f"in-process: {len(paths)} scenarios in {seconds:.2f}s = {rate:.1f} scenarios/s")
        print(f"  ({failed} failed)")
        sub_seconds, code = as_subprocess(folder)
        print(
            f"subprocess `rulesengine test`: {sub_seconds:.2f}s ="
            f" {len(paths) / sub_seconds:.1f} scenarios/s (exit {code}, startup included)"
        )
        target = 50
        verdict = "meets" if len(paths) / sub_seconds >= target else "MISSES"
        print(f"target >= {target} scenarios/s: {verdict} the target")
    finally:
        if args.keep:
            print(f"kept {folder}")
        else:
            shutil.rmtree(folder, ignore_errors=True)


if __name__ == "__main__":
    main()
