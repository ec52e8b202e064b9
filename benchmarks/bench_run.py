"""Statement runs at several ledger sizes, side by side with what hand-written code costs.

For each size, in a fresh child process (so its peak memory is that size's alone):

- generate a seeded ledger and import it into a fresh SQLite file store;
- a live run of ``rules/standard.yaml`` (evaluate + commit + upload), with its phases;
- a test run on the same ledger (before the live run changed it);
- on the same in-memory data: the **plain-Python floor** (the same decisions written by hand
  for this rules file) and a **naive durable-rules** evaluation (one message per encounter
  and decision, one action each), both cross-checked against the engine's decisions.

Prints one row per size and the ratios, writes the figures as JSON, and (with matplotlib
installed) a plot of run time against ledger size.

    .venv/bin/python benchmarks/bench_run.py --sizes 10000,100000 --plot docs/run-time.png
"""

from __future__ import annotations

import argparse
import datetime as dt
import json
import os
import resource
import shutil
import subprocess
import sys
import tempfile
import time
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

RUN_DATE = dt.date(2026, 6, 1)
RULES = ROOT / "rules" / "standard.yaml"


# --- the floor: standard.yaml's decisions, written by hand ----------------------------------


def floor_decisions(run_input: Any, run_date: dt.date) -> dict[str, tuple[str, str, str]]:
    """Per encounter: (payment outcome, eligibility, advance) as standard.yaml decides them.

    Payment rules: percent >= 25 or amount >= 100.00 -> reset_to_zero; amount > 0 -> hold.
    Eligibility: encounter hold, guarantor hold, balance < 1.00 (tiny_balance), fewer than
    28 days since the last statement. Advance: in the worklist or level >= 3 -> maxed;
    hold payment -> hold; else rise.
    """
    out: dict[str, tuple[str, str, str]] = {}
    guarantors = run_input.guarantors
    unreviewed = run_input.unreviewed_payments
    for enc in run_input.encounters:
        status, level, balance = enc.status, enc.level, enc.balance_cents
        payment, hold_payment = "none", False
        payments = unreviewed.get(enc.id)
        if payments and status in ("open", "pre_collections"):
            amount = sum(p.amount_cents for p in payments)
            percent = 100.0 if balance <= 0 else 100.0 * amount / (balance + amount)
            if percent >= 25 or amount >= 10_000:
                payment = "reset_to_zero"
                if status == "open":
                    level = 0
                else:
                    level, status = 0, "open"
            elif amount > 0:
                payment = "hold"
                hold_payment = status == "open"
        if status == "open" and balance <= 0:
            status = "closed"
        elif status == "pre_collections" and balance <= 0:
            status = "closed"
        elif status == "closed" and balance > 0:
            status = "open"
        if status not in ("open", "pre_collections") or balance <= 0:
            out[enc.id] = (payment, "-", "-")
            continue
        if enc.hold:
            eligibility = "encounter_hold"
        elif guarantors[enc.guarantor_id].hold:
            eligibility = "guarantor_hold"
        elif balance < 100:
            eligibility = "tiny_balance"
        elif enc.last_statement is not None and (run_date - enc.last_statement).days < 28:
            eligibility = "billed_recently"
        else:
            eligibility = "eligible"
        if eligibility != "eligible":
            out[enc.id] = (payment, eligibility, "-")
            continue
        if status == "pre_collections" or level >= 3:
            advance = "maxed"
        elif hold_payment:
            advance = "hold"
        else:
            advance = "rise"
        out[enc.id] = (payment, eligibility, advance)
    return out


def engine_decisions(batch: Any, rules: Any) -> dict[str, tuple[str, str, str]]:
    """The same three decisions, read from the engine's traces."""
    actions = {rule.name: rule.then for rule in rules.payment_rules}
    skips = {s.encounter_id: s.reason for s in batch.skips}
    out = {}
    for eid, steps in batch.traces.items():
        payment, eligibility, advance = "none", "-", "-"
        for step in steps:
            if step.step == "payments" and step.rule:
                payment = actions[step.rule]
            elif step.step == "eligibility":
                eligibility = "eligible" if step.outcome == "eligible" else skips[eid]
            elif step.step == "advance":
                advance = "maxed" if step.outcome in ("to_worklist", "maxed") else step.outcome
        out[eid] = (payment, eligibility, advance)
    return out


# --- naive durable-rules: one message and one action per encounter and decision -------------


def naive_durable(run_input: Any, rules: Any, run_date: dt.date) -> float:
    """The eligibility decision made the obvious way: durable-rules' own ``Host``, one
    ``post`` per encounter and one Python callback per fired rule (no batching, no
    classes), with the engine's compiled conditions. Returns the seconds it took."""
    from durable.engine import Host  # benchmark only; the product uses the adapter

    from rulesengine.engine.compile import fact_key
    from rulesengine.engine.decisions import decisions_for

    stage = decisions_for(rules).eligibility
    decided: dict[str, str] = {}

    def action(name: str) -> Any:
        def run(c: Any) -> None:
            decided[c.m.id] = name

        return run

    name = f"naive{time.monotonic_ns()}"
    definition = {
        rule: {"all": [{"m": {"$and": [{"k": "e"}, cond]}}], "pri": i, "run": action(rule)}
        for i, (rule, cond) in enumerate(stage._compiled)
    }
    definition["eligible"] = {"all": [{"m": {"k": "e"}}], "pri": 99, "run": action("eligible")}
    host = Host()
    host.register_rulesets({name: definition})
    guarantors = run_input.guarantors
    started = time.perf_counter()
    for i, enc in enumerate(run_input.encounters):
        if enc.status == "closed" or enc.balance_cents <= 0:
            continue
        message: dict[str, Any] = {
            "id": str(i),
            "k": "e",
            fact_key("x.encounter_hold"): enc.hold,
            fact_key("x.guarantor_hold"): guarantors[enc.guarantor_id].hold,
            fact_key("encounter.balance"): enc.balance_cents,
        }
        if enc.last_statement is not None:
            days = (run_date - enc.last_statement).days
            message[fact_key("encounter.days_since_last_statement")] = days
        host.post(name, message)
    return time.perf_counter() - started


# --- one size, in a child process --------------------------------------------------------------


def measure(size: int) -> dict[str, Any]:
    from benchmarks.ledger import generate
    from rulesengine.engine.run import run_statements
    from rulesengine.rules import load_rules
    from rulesengine.store import open_store

    rules = load_rules(str(RULES))
    ledger = generate(size)
    work = Path(tempfile.mkdtemp(prefix="rulesengine-bench-"))
    try:
        db = work / "ledger.db"
        store = open_store(str(db))
        started = time.perf_counter()
        store.import_ledger(ledger)
        import_seconds = time.perf_counter() - started
        store.close()
        shutil.copyfile(db, work / "copy.db")

        store = open_store(str(work / "copy.db"))
        test_timings: dict[str, float] = {}
        started = time.perf_counter()
        test_batch = run_statements(store, rules, RUN_DATE, live=False, timings=test_timings)
        test_seconds = time.perf_counter() - started
        with store.run_transaction(rules.profile.id, live=False) as tx:
            run_input = tx.load_input(RUN_DATE)
        store.close()

        store = open_store(str(db))
        live_timings: dict[str, float] = {}
        started = time.perf_counter()
        live = run_statements(store, rules, RUN_DATE, live=True, timings=live_timings)
        live_seconds = time.perf_counter() - started
        store.close()

        started = time.perf_counter()
        floor = floor_decisions(run_input, RUN_DATE)
        floor_seconds = time.perf_counter() - started
        engine = engine_decisions(test_batch, rules)
        mismatches = sum(1 for eid, d in floor.items() if engine.get(eid) != d)
        naive_seconds = naive_durable(run_input, rules, RUN_DATE) if size <= 200_000 else None
        peak_mb = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
        return {
            "encounters": len(ledger.encounters),
            "guarantors": len(ledger.guarantors),
            "statements": len(live.statements),
            "notifications": len(live.notifications),
            "import_s": round(import_seconds, 3),
            "live_s": round(live_seconds, 3),
            "live_phases_s": {k: round(v, 3) for k, v in live_timings.items()},
            "test_s": round(test_seconds, 3),
            "decide_s": round(test_timings.get("decide", 0.0), 3),
            "floor_s": round(floor_seconds, 3),
            "naive_durable_s": None if naive_seconds is None else round(naive_seconds, 3),
            "decision_mismatches": mismatches,
            "peak_rss_mb": round(peak_mb),
        }
    finally:
        shutil.rmtree(work, ignore_errors=True)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument(
        "--sizes", default="10000,100000", help="encounters per ledger, comma-separated"
    )
    parser.add_argument("--json", dest="json_path", default=None, help="write the figures here")
    parser.add_argument("--plot", default=None, help="write a PNG plot of run time against size")
    parser.add_argument("--child", type=int, default=None, help=argparse.SUPPRESS)
    args = parser.parse_args()
    if args.child is not None:
        print(json.dumps(measure(args.child)))
        return

    rows = []
    for size in (int(s) for s in args.sizes.split(",")):
        out = subprocess.run(
            [sys.executable, __file__, "--child", str(size)],
            check=True,
            capture_output=True,
            text=True,
            env={**os.environ, "PYTHONHASHSEED": "0"},
        )
        row = json.loads(out.stdout.strip().splitlines()[-1])
        rows.append(row)
        decide, floor = row["decide_s"], row["floor_s"]
        naive = row["naive_durable_s"]
        print(
            f"{row['encounters']:>9,} encounters: live {row['live_s']:7.2f}s"
            f" {row['live_phases_s']}  test {row['test_s']:6.2f}s  import {row['import_s']:6.2f}s"
            f"  peak {row['peak_rss_mb']} MB"
        )
        print(
            f"{'':>21}decisions: engine {decide:.3f}s, plain-Python floor {floor:.3f}s"
            f" ({decide / floor:.1f}x)"
            + (
                f", naive durable-rules (eligibility alone) {naive:.2f}s ({naive / floor:.0f}x)"
                if naive
                else ""
            )
            + f"; {row['decision_mismatches']} mismatches"
        )
    if args.json_path:
        Path(args.json_path).write_text(json.dumps(rows, indent=2) + "\n", encoding="utf-8")
    if args.plot:
        plot(rows, Path(args.plot))


def plot(rows: list[dict[str, Any]], path: Path) -> None:
    try:
        import matplotlib

        matplotlib.use("Agg")
        import matplotlib.pyplot as plt
    except ImportError:
        print("matplotlib is not installed: no plot (pip install matplotlib)")
        return
    sizes = [r["encounters"] for r in rows]
    fig, ax = plt.subplots(figsize=(6, 4))
    ax.plot(sizes, [r["live_s"] for r in rows], "o-", label="live run (evaluate + commit + upload)")
    ax.plot(sizes, [r["test_s"] for r in rows], "s--", label="test run")
    ax.plot(sizes, [r["decide_s"] for r in rows], "^-", label="rule decisions (durable-rules)")
    ax.plot(sizes, [r["floor_s"] for r in rows], "v:", label="plain-Python floor")
    ax.set_xscale("log")
    ax.set_yscale("log")
    ax.set_xlabel("encounters")
    ax.set_ylabel("seconds")
    ax.set_title("Statement run time against ledger size")
    ax.grid(True, which="both", alpha=0.3)
    ax.legend(fontsize=8)
    fig.tight_layout()
    fig.savefig(path, dpi=100)
    print(f"plot written to {path}")


if __name__ == "__main__":
    main()
