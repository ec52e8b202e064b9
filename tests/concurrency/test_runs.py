"""Live statement runs started at the same moment against one PostgreSQL store: one batch
per profile and date, one notification per statement and channel, whoever wins."""

from __future__ import annotations

import json
import subprocess
from collections import Counter

import pytest
import sqlalchemy

from tests.concurrency.harness import (
    run_lock_held,
    start_cli,
    wait_until,
    waiting_on_locks,
    write_rules,
)

pytestmark = pytest.mark.concurrency

GUARANTORS = 100
PROCESSES = 4


def _race(practice, rules_files) -> list[dict]:
    """Start one ``rulesengine run --json`` per rules file while the test holds the
    profile's run lock; once every run waits on it, let go; return their summaries."""
    procs: list[subprocess.Popen[str]] = []
    try:
        with run_lock_held(practice.engine, "concurrency"):
            for rules in rules_files:
                procs.append(
                    start_cli(
                        practice.url,
                        "run",
                        "--rules",
                        str(rules),
                        "--date",
                        practice.run_date,
                        "--json",
                        cwd=practice.folder,
                    )
                )
            wait_until(
                lambda: (
                    waiting_on_locks(practice.pg, practice.engine) == len(procs)
                    or any(p.poll() is not None for p in procs)
                ),
                timeout=60,
                what=f"all {len(procs)} runs to wait on the profile's run lock",
            )
        outputs = [p.communicate(timeout=60) for p in procs]
    finally:
        for p in procs:
            if p.poll() is None:
                p.kill()
                p.wait()
    for p, (_, err) in zip(procs, outputs, strict=True):
        assert p.returncode == 0, err
    return [json.loads(out) for out, _ in outputs]


def _stored(practice) -> tuple[list[tuple[str, str]], Counter[tuple[str, str]]]:
    with practice.engine.connect() as conn:
        batches = [
            tuple(r) for r in conn.execute(sqlalchemy.text("SELECT id, rules_hash FROM batches"))
        ]
        keys = Counter(
            tuple(r)
            for r in conn.execute(
                sqlalchemy.text("SELECT statement_id, channel FROM notifications")
            )
        )
    return batches, keys


def test_simultaneous_runs_of_the_same_batch_queue_it_once(practice) -> None:
    """Four `rulesengine run` of the same rules and date at once: one batch, one
    notification per (statement, channel); one run made it, the others report it."""
    practice.import_ledger(GUARANTORS)
    summaries = _race(practice, [practice.rules] * PROCESSES)

    assert len({s["batch"] for s in summaries}) == 1
    assert sorted(s["replayed"] for s in summaries) == [False] + [True] * (PROCESSES - 1)
    assert {s["statements"] for s in summaries} == {GUARANTORS}
    batches, keys = _stored(practice)
    assert [b for b, _ in batches] == [summaries[0]["batch"]]
    assert len(keys) == 2 * GUARANTORS and set(keys.values()) == {1}


def test_two_live_runs_of_a_profile_and_date_commit_once(practice) -> None:
    """Two different rules files of one profile, run for the same date at the same moment:
    exactly one commits; the other reports that batch, made under the winner's rules."""
    practice.import_ledger(GUARANTORS)
    other = write_rules(
        practice.folder / "other.yaml",
        zone=practice.zone,
        smtp_port=practice.smtp.port,
        sms_url=practice.sms.base_url,
        subject="Your new statement",
    )
    first, second = _race(practice, [practice.rules, other])

    assert first["batch"] == second["batch"]
    assert sorted([first["replayed"], second["replayed"]]) == [False, True]
    winner = first if not first["replayed"] else second
    assert first["rules_hash"] == second["rules_hash"] == winner["rules_hash"]
    batches, keys = _stored(practice)
    assert batches == [(winner["batch"], winner["rules_hash"])]
    assert len(keys) == 2 * GUARANTORS and set(keys.values()) == {1}
