"""docs/embedding.md: the example a program embedding rulesengine starts from works as
written, through the public API alone."""

from __future__ import annotations

import datetime as dt
import random
import re
import subprocess
import sys
from pathlib import Path

from rulesengine.demo.demo_run import generate_ledger, write_ledger_csv

REPO = Path(__file__).resolve().parents[1]
DEMO_RULES = REPO / "rulesengine" / "data" / "demo-practice.yaml"


def _example() -> str:
    text = (REPO / "docs" / "embedding.md").read_text(encoding="utf-8")
    return re.search(r"```python\n(import datetime.*?)```", text, re.S).group(1)


def test_the_embedding_example_runs_a_month_through_the_public_api(tmp_path: Path) -> None:
    """The page's example imports, runs and delivers a practice's month, and prints the
    batch and what was sent."""
    ledger = generate_ledger(40, dt.date(2025, 9, 1), random.Random(7))
    write_ledger_csv(ledger, tmp_path / "ledger")
    (tmp_path / "practice.yaml").write_text(DEMO_RULES.read_text(encoding="utf-8"))
    example = _example()
    # Delivered at noon in Chicago on the run date, not at the real time of the test: at
    # night every notification waits for its send window, and nothing would be sent.
    real_time = "queue.deliver(until_empty=True)"
    assert real_time in example
    noon = "queue.deliver(dt.datetime(2026, 1, 5, 18, tzinfo=dt.UTC), until_empty=True)"
    (tmp_path / "example.py").write_text(example.replace(real_time, noon), encoding="utf-8")
    done = subprocess.run(
        [sys.executable, "example.py"], cwd=tmp_path, capture_output=True, text=True
    )
    assert done.returncode == 0, done.stderr
    batch_line, counts_line = done.stdout.splitlines()
    assert re.fullmatch(r"\S+-2026-01-05 \d+ statements", batch_line)
    assert counts_line.startswith("{'sent': ")
    assert (tmp_path / "outbox" / "email").is_dir()


def test_a_rules_file_with_plugin_settings_loads_through_the_public_api() -> None:
    """``rulesengine.load_rules`` accepts what ``rulesengine validate`` accepts: the
    demo's print settings belong to the print plugin, not to the built-in specs."""
    import rulesengine

    rules = rulesengine.load_rules(DEMO_RULES)
    assert "practice_address" in rules.channels["print"].settings
