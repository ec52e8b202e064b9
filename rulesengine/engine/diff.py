"""``rulesengine diff``: what a rules change would do to the current ledger.

Both rules files run as test batches on the same date and ledger (nothing persists); the
report lists every guarantor whose outcome differs: statement level, message, channels,
encounters sent to the worklist, and skip reasons.
"""

from __future__ import annotations

from collections import Counter
from typing import Any

from rulesengine.model import BatchResult

__all__ = ["diff_batches", "render_diff"]


def _outcomes(batch: BatchResult) -> dict[str, dict[str, Any]]:
    """Per guarantor: what the batch decided about them."""
    out: dict[str, dict[str, Any]] = {}

    def of(guarantor: str) -> dict[str, Any]:
        return out.setdefault(
            guarantor,
            {"statements": [], "worklist": [], "skipped": {}, "levels": {}},
        )

    for statement in batch.statements:
        of(statement.guarantor_id)["statements"].append(
            {
                "level": statement.level,
                "message": statement.message_id,
                "channels": list(statement.channels),
                "encounters": list(statement.encounter_ids),
            }
        )
    for encounter_id in batch.pre_collections:
        of(batch.guarantor_of[encounter_id])["worklist"].append(encounter_id)
    for skip in batch.skips:
        of(skip.guarantor_id)["skipped"][skip.encounter_id] = skip.reason
    for change in batch.changes:
        of(batch.guarantor_of[change.encounter_id])["levels"][change.encounter_id] = change.level
    return out


def diff_batches(old: BatchResult, new: BatchResult) -> dict[str, Any]:
    """Who would change, with counts by kind of change."""
    before, after = _outcomes(old), _outcomes(new)
    empty: dict[str, Any] = {"statements": [], "worklist": [], "skipped": {}, "levels": {}}
    changes = []
    counts: Counter[str] = Counter()
    for guarantor in sorted(set(before) | set(after)):
        b, a = before.get(guarantor, empty), after.get(guarantor, empty)
        kinds = []
        if [s["level"] for s in b["statements"]] != [s["level"] for s in a["statements"]]:
            kinds.append("level")
        if [s["message"] for s in b["statements"]] != [s["message"] for s in a["statements"]]:
            kinds.append("message")
        if [s["channels"] for s in b["statements"]] != [s["channels"] for s in a["statements"]]:
            kinds.append("channels")
        if sorted(b["worklist"]) != sorted(a["worklist"]):
            kinds.append("worklist")
        if b["skipped"] != a["skipped"]:
            kinds.append("skipped")
        if b["levels"] != a["levels"] and "level" not in kinds:
            kinds.append("level")
        if not kinds:
            continue
        counts.update(kinds)
        changes.append({"guarantor": guarantor, "changes": kinds, "old": b, "new": a})
    return {
        "date": new.run_date.isoformat(),
        "old": {"rules": old.rules_path, "hash": old.rules_hash, "statements": len(old.statements)},
        "new": {"rules": new.rules_path, "hash": new.rules_hash, "statements": len(new.statements)},
        "guarantors_changed": len(changes),
        "counts": dict(sorted(counts.items())),
        "guarantors": changes,
    }


def _describe(side: dict[str, Any]) -> str:
    parts = [
        f"statement level {s['level']} {s['message']} via {', '.join(s['channels'])}"
        for s in side["statements"]
    ] or ["no statement"]
    if side["worklist"]:
        parts.append("to worklist: " + ", ".join(side["worklist"]))
    if side["skipped"]:
        parts.append("skipped: " + ", ".join(f"{e} {r}" for e, r in side["skipped"].items()))
    return "; ".join(parts)


def render_diff(report: dict[str, Any]) -> str:
    lines = [
        f"rules diff on {report['date']}: {report['old']['rules']} -> {report['new']['rules']}",
        f"  statements: {report['old']['statements']} -> {report['new']['statements']}",
        f"  guarantors who would change: {report['guarantors_changed']}",
    ]
    for kind, count in report["counts"].items():
        lines.append(f"    {kind}: {count}")
    for entry in report["guarantors"]:
        lines.append(f"  {entry['guarantor']} ({', '.join(entry['changes'])})")
        lines.append(f"    old: {_describe(entry['old'])}")
        lines.append(f"    new: {_describe(entry['new'])}")
    return "\n".join(lines)
