"""What a run keeps of its rules is what it evaluated: the text the rules were loaded from
and its hash, computed once by the loader, never the file read again afterwards."""

from __future__ import annotations

import hashlib
from pathlib import Path

from rulesengine.queue import Queue
from rulesengine.rules import load_rules, load_rules_data, load_rules_text
from tests.statements.conftest import RUN, WORKED_EXAMPLE_RULES, Practice


def _sha256(text: str) -> str:
    return hashlib.sha256(text.encode("utf-8")).hexdigest()


def _change_on_disk(path: Path) -> None:
    path.write_text(path.read_text(encoding="utf-8") + "# changed after loading\n", "utf-8")


def test_the_loaded_rules_carry_their_text_and_its_hash(tmp_path: Path) -> None:
    path = tmp_path / "rules.yaml"
    text = Practice(tmp_path).rules.source_text
    path.write_bytes(text.encode("utf-8"))
    loaded = load_rules(path)
    assert loaded.source_text == text == path.read_text(encoding="utf-8")
    assert loaded.content_hash == hashlib.sha256(path.read_bytes()).hexdigest()
    assert load_rules_text(text, filename=str(path)).content_hash == loaded.content_hash
    from_data = load_rules_data(WORKED_EXAMPLE_RULES, filename="inline")
    assert from_data.content_hash == _sha256(from_data.source_text)
    overridden = load_rules_text(text, overrides={"delivery": {"max_attempts": 2}})
    assert overridden.content_hash == _sha256(overridden.source_text) != loaded.content_hash


def test_a_rules_file_changed_after_loading_does_not_change_what_a_live_run_stores(
    practice: Practice,
) -> None:
    practice.encounter("E1", balance=200.0)
    rules = practice.rules
    evaluated = rules.source_text
    _change_on_disk(Path(rules.path))
    batch = practice.run(RUN[0])
    assert batch.rules_hash == rules.content_hash == _sha256(evaluated)
    assert practice.store.rules_text(batch.rules_hash) == evaluated


def test_a_rules_file_removed_after_loading_still_runs_and_stores_its_text(
    practice: Practice,
) -> None:
    practice.encounter("E1", balance=200.0)
    rules = practice.rules
    Path(rules.path).unlink()
    batch = practice.run(RUN[0])
    assert practice.store.rules_text(batch.rules_hash) == rules.source_text


def test_proofs_keep_the_text_that_was_loaded(practice: Practice) -> None:
    practice.use_rules(delivery={"test_recipients": {"email": "qa@example.org"}})
    practice.encounter("E1", balance=200.0)
    rules = practice.rules
    batch = practice.test_run(RUN[0])
    _change_on_disk(Path(rules.path))
    with Queue(practice.store) as queue:
        added = queue.add_proofs(batch, rules)
    assert list(added)
    assert practice.store.rules_text(rules.content_hash) == rules.source_text
    assert rules.content_hash == _sha256(rules.source_text)
