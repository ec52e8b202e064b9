"""``rulesengine diff``: what a rules change would do to the current ledger.

Both rules files run as test batches on the same date and ledger (nothing persists); the
report lists every guarantor whose outcome differs: statement level, message, channels,
encounters sent to the worklist, skip reasons, and each encounter's dunning level after the
run. A date before a profile's latest live run gets a warning: the ledger is the one as it
is now, after that run, so the comparison says little about that date.
"""

from __future__ import annotations

import datetime as dt
from collections import Counter
from collections.abc import Mapping
from typing import TYPE_CHECKING, Any

from rulesengine.drafting.notification_drafts import ChannelAddressing
from rulesengine.errors import InvalidRequest
from rulesengine.model import BatchResult
from rulesengine.statements.statement_run import run_statements

if TYPE_CHECKING:
    from rulesengine.rules.policy import Rules
    from rulesengine.store.sql_store import SQLStore

__all__ = ["diff_batches", "diff_rules", "earlier_than_live_warning", "render_diff"]


def diff_rules(
    store: SQLStore,
    old: Rules,
    new: Rules,
    run_date: dt.date,
    *,
    new_batch: BatchResult | None = None,
    addressing: ChannelAddressing | None = None,
) -> dict[str, Any]:
    """Run ``old`` and ``new`` as test batches on ``run_date`` and compare them (the report of
    :func:`diff_batches`, with the ``warnings`` of :func:`earlier_than_live_warning`).

    :param new_batch: the test batch of ``new`` on ``run_date`` when the caller has already
        run it (the dashboard's test batch), so it is not run twice.
    :param addressing: the channels' addressing both runs use (default: the built-in
        channels'), as :func:`~.statement_run.run_statements` takes it.
    """
    old_batch = run_statements(store, old, run_date, live=False, addressing=addressing)
    if new_batch is None:
        new_batch = run_statements(store, new, run_date, live=False, addressing=addressing)
    elif (new_batch.mode, new_batch.run_date, new_batch.rules_hash) != (
        "test",
        run_date,
        new.content_hash,
    ):
        raise InvalidRequest("new_batch must be a test batch of the new rules on run_date")
    ids = _level_differences(_outcomes(old_batch), _outcomes(new_batch))
    report = diff_batches(old_batch, new_batch, levels_now=store.encounter_levels(ids))
    warnings = []
    for profile_id in dict.fromkeys((old.profile.id, new.profile.id)):
        with store.run_transaction(profile_id, live=False) as tx:
            latest = tx.latest_live_batch()
        if latest is not None and latest[1] > run_date:
            warnings.append(earlier_than_live_warning(profile_id, latest[1], run_date))
    report["warnings"] = warnings
    return report


def earlier_than_live_warning(profile_id: str, latest: dt.date, run_date: dt.date) -> str:
    """What a diff dated before the profile's latest live run says about itself."""
    return (
        f"profile {profile_id!r} had its latest live run on {latest.isoformat()}, after"
        f" --date {run_date.isoformat()}: diff compares test runs on {run_date.isoformat()}"
        " against the ledger as it is now, after that run (its encounters look billed"
        " recently, and both rules files may well agree on everything). Use a date on or"
        f" after {latest.isoformat()}, such as the date of the next run."
    )


def _outcomes(batch: BatchResult) -> dict[str, dict[str, Any]]:
    """Per guarantor: what the batch decided about them (``levels``: the encounters whose
    level or dates the run would change, with their level after it)."""
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


def _level_differences(
    before: Mapping[str, dict[str, Any]], after: Mapping[str, dict[str, Any]]
) -> set[str]:
    """Encounters one batch changes and the other does not, or changes to another level
    (those need their level now to say what changes)."""
    ids: set[str] = set()
    for guarantor in set(before) | set(after):
        b = before.get(guarantor, {}).get("levels", {})
        a = after.get(guarantor, {}).get("levels", {})
        ids.update(e for e in set(b) | set(a) if b.get(e) != a.get(e))
    return ids


def diff_batches(
    old: BatchResult, new: BatchResult, *, levels_now: Mapping[str, int] | None = None
) -> dict[str, Any]:
    """Who would change, with counts by kind of change.

    :param levels_now: the level now of the encounters only one batch changes, so an
        encounter left alone by the other counts at that level; without it, only the
        encounters both batches change are compared.
    """
    levels_now = levels_now or {}
    before, after = _outcomes(old), _outcomes(new)
    empty: dict[str, Any] = {"statements": [], "worklist": [], "skipped": {}, "levels": {}}
    changes = []
    counts: Counter[str] = Counter()
    for guarantor in sorted(set(before) | set(after)):
        b, a = before.get(guarantor, empty), after.get(guarantor, empty)
        level_changes = _encounter_levels(b["levels"], a["levels"], levels_now)
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
        if level_changes and "level" not in kinds:
            kinds.append("level")
        if not kinds:
            continue
        counts.update(kinds)
        changes.append(
            {
                "guarantor": guarantor,
                "changes": kinds,
                "old": b,
                "new": a,
                "encounter_levels": level_changes,
            }
        )
    return {
        "date": new.run_date.isoformat(),
        "old": {"rules": old.rules_path, "hash": old.rules_hash, "statements": len(old.statements)},
        "new": {"rules": new.rules_path, "hash": new.rules_hash, "statements": len(new.statements)},
        "guarantors_changed": len(changes),
        "counts": dict(sorted(counts.items())),
        "guarantors": changes,
    }


def _encounter_levels(
    old: Mapping[str, int], new: Mapping[str, int], levels_now: Mapping[str, int]
) -> list[dict[str, Any]]:
    """The encounters whose level after the run differs: ``{encounter, old, new}`` each."""
    out = []
    for encounter_id in sorted(set(old) | set(new)):
        before = old.get(encounter_id, levels_now.get(encounter_id))
        after = new.get(encounter_id, levels_now.get(encounter_id))
        if before is None or after is None or before == after:
            continue
        out.append({"encounter": encounter_id, "old": before, "new": after})
    return out


def _describe(side: dict[str, Any]) -> str:
    parts = [
        f"statement level {s['level']} {s['message']} via {', '.join(s['channels'])}"
        for s in side["statements"]
    ] or ["no statement"]
    if side["worklist"]:
        parts.append("to worklist: " + ", ".join(sorted(side["worklist"])))
    if side["skipped"]:
        skipped = sorted(side["skipped"].items())
        parts.append("skipped: " + ", ".join(f"{e} {r}" for e, r in skipped))
    return "; ".join(parts)


def render_diff(report: dict[str, Any]) -> str:
    """The report as text: the totals, then per guarantor the old and new outcome (when
    they read differently) and each encounter whose level would differ."""
    lines = [
        f"rules diff on {report['date']}: {report['old']['rules']} -> {report['new']['rules']}",
        f"  statements: {report['old']['statements']} -> {report['new']['statements']}",
        f"  guarantors who would change: {report['guarantors_changed']}",
    ]
    for kind, count in report["counts"].items():
        lines.append(f"    {kind}: {count}")
    for entry in report["guarantors"]:
        lines.append(f"  {entry['guarantor']} ({', '.join(entry['changes'])})")
        old, new = _describe(entry["old"]), _describe(entry["new"])
        if old != new:
            lines.append(f"    old: {old}")
            lines.append(f"    new: {new}")
        for level in entry.get("encounter_levels", ()):
            lines.append(
                f"    encounter {level['encounter']}: level {level['old']} -> {level['new']}"
            )
    return "\n".join(lines)
