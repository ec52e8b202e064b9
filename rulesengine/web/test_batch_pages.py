"""The Test statement batch screen: a profile's stored rules version, or an uploaded rules
file, run as a test batch on a date, and its diff against the profile's current rules (those
of its latest live batch). Nothing is saved: the run is
:func:`~rulesengine.statements.statement_run.run_statements` with ``live=False`` (a
transaction that only reads and is rolled back), the diff
:func:`~rulesengine.statements.diff.diff_rules`, as ``rulesengine run --test`` and
``rulesengine diff`` do. So a viewer may run one too.

A stored version loads from the text the store kept (``store.rules_text``) as the queue's
workers reload it; an upload loads with the same loader and the same ``file:line:col``
problems as ``rulesengine validate``, read from memory (at most 1 MB) and never saved: its
name only labels the problems.
"""

from __future__ import annotations

import datetime as dt
import re
import threading
from collections import Counter
from collections.abc import Iterator
from contextlib import contextmanager
from typing import Any

import attrs
from starlette.responses import Response
from starlette.routing import Route

from rulesengine.channels.registry import channel_addressing, installed_channel_specs
from rulesengine.errors import NotFound, RefusedTransition, RulesengineError, RulesError
from rulesengine.model import BatchResult
from rulesengine.rules.input_limits import MAX_FILE_BYTES, decode_limited
from rulesengine.rules.installed_rules import load_installed_rules_text
from rulesengine.rules.policy import Rules
from rulesengine.statements.diff import diff_rules, render_diff
from rulesengine.statements.statement_run import run_statements
from rulesengine.web.visits import Visit, api, screen

__all__ = ["ROUTES"]

#: Statements listed on the page and in the API's answer (the counts cover all of them).
_SHOWN = 200
#: Lines of the diff's text shown (a large ledger's diff can run to many thousands).
_DIFF_LINES = 2000
#: The name problems in rules sent as JSON text are reported under.
_INLINE_NAME = "upload.yaml"
_MAX_NAME = 120
_MAX_ID = 200
_DATE = re.compile(r"\d{4}-\d{2}-\d{2}")
_HASH = re.compile(r"[0-9a-f]{64}")
#: One test batch runs at a time (each reads the whole ledger of its profile, twice with
#: its diff); another waits this long for it, then is refused.
_ONE_AT_A_TIME = threading.BoundedSemaphore(1)
_WAIT_SECONDS = 20.0
#: At most this many requests wait for it (each holds one of the server's worker threads
#: while it waits); more are refused at once, so other pages keep their threads.
_WAITING = threading.BoundedSemaphore(3)


class _BadRequest(RulesengineError):
    """A test batch request the screen cannot run (answered 400)."""


class _Busy(RefusedTransition):
    """Another test batch is still running (answered 409)."""


@attrs.frozen
class _Version:
    """A rules version of a profile: its hash and the run dates of the batches it made."""

    hash: str
    dates: tuple[dt.date, ...]
    current: bool

    @property
    def label(self) -> str:
        dates = [d.isoformat() for d in self.dates]
        used = ", ".join(dates) if len(dates) <= 4 else f"{dates[0]} … {dates[-1]}"
        batches = f"{len(dates)} batch{'es' if len(dates) != 1 else ''}"
        return f"{self.hash[:12]}: {batches} ({used}){' (current)' if self.current else ''}"


def _versions(store: Any) -> dict[str, list[_Version]]:
    """Profile -> its rules versions, newest first (from its batches: the one of its latest
    live batch is current)."""
    dates: dict[str, dict[str, list[dt.date]]] = {}
    latest: dict[str, tuple[dt.date, str]] = {}
    for batch in store.list_batches():
        dates.setdefault(batch.profile_id, {}).setdefault(batch.rules_hash, []).append(
            batch.run_date
        )
        if (
            batch.mode == "live"
            and batch.run_date >= latest.get(batch.profile_id, (dt.date.min, ""))[0]
        ):
            latest[batch.profile_id] = (batch.run_date, batch.rules_hash)
    out = {}
    for profile, by_hash in sorted(dates.items()):
        current = latest.get(profile, (None, None))[1]
        versions = [_Version(h, tuple(sorted(ds)), h == current) for h, ds in by_hash.items()]
        out[profile] = sorted(versions, key=lambda v: v.dates[-1], reverse=True)
    return out


# --- the request -------------------------------------------------------------------------


def _run_date(text: str) -> dt.date:
    if not _DATE.fullmatch(text.strip()):
        raise _BadRequest(f"{text[:40]!r} is not a date: write it as YYYY-MM-DD")
    try:
        return dt.date.fromisoformat(text.strip())
    except ValueError:
        raise _BadRequest(f"{text[:40]!r} is not a date: write it as YYYY-MM-DD") from None


def _profile(versions: dict[str, list[_Version]], profile: str) -> list[_Version]:
    if not profile:
        raise _BadRequest("choose a profile")
    if profile not in versions:
        raise NotFound(f"no profile {profile[:_MAX_ID]!r} with batches in the store")
    return versions[profile]


def _stored_rules(visit: Visit, versions: list[_Version], profile: str, rules_hash: str) -> Rules:
    """A stored rules version of ``profile``, loaded as the queue's workers reload one."""
    if not any(v.hash == rules_hash for v in versions):
        shown = rules_hash[:12] if _HASH.fullmatch(rules_hash) else rules_hash[:_MAX_ID]
        raise NotFound(f"profile {profile!r} has no rules version {shown!r}")
    text = visit.store.rules_text(rules_hash)
    if text is None:
        raise NotFound(f"the text of rules version {rules_hash[:12]} is not in the store")
    return _load(visit, text, f"<rules {rules_hash[:12]}>")


def _load(visit: Visit, text: str, filename: str) -> Rules:
    return load_installed_rules_text(
        text, filename=filename, plugin_manager=visit.queue.plugin_manager()
    )


def _upload_name(filename: str | None) -> str:
    """An uploaded file's name as shown: its last part, printable, at most 120 characters
    (it only labels the problems; nothing is ever saved under it)."""
    name = re.split(r"[/\\]", filename or "")[-1]
    name = "".join(c for c in name if c.isprintable())[:_MAX_NAME]
    return name or "upload.yaml"


def _uploaded_rules(visit: Visit, data: bytes, name: str, profile: str) -> Rules:
    rules = _load(visit, decode_limited(data, name), name)
    if rules.profile.id != profile:
        raise _BadRequest(
            f"{name} is the rules file of profile {rules.profile.id!r}, not {profile!r}:"
            " choose its profile"
        )
    return rules


# --- the run -------------------------------------------------------------------------------


@contextmanager
def _one_at_a_time() -> Iterator[None]:
    """Hold the one test batch's place, from reading its rules to its diff: loading a 1 MB
    upload costs seconds of CPU and hundreds of MB, as a run of a large ledger does."""
    if not _WAITING.acquire(blocking=False):
        raise _Busy("other test batches are running or waiting: try again when they have ended")
    try:
        placed = _ONE_AT_A_TIME.acquire(timeout=_WAIT_SECONDS)
    finally:
        _WAITING.release()
    if not placed:
        raise _Busy("another test batch is still running: try again when it has ended")
    try:
        yield
    finally:
        _ONE_AT_A_TIME.release()


def _test_batch(visit: Visit, rules: Rules, run_date: dt.date, label: str) -> dict[str, Any]:
    """Run ``rules`` as a test batch on ``run_date`` and diff it against the profile's
    current rules: the answer of the API, and what the result page shows (called inside
    :func:`_one_at_a_time`)."""
    return _run_and_diff(visit, rules, run_date, label)


def _run_and_diff(visit: Visit, rules: Rules, run_date: dt.date, label: str) -> dict[str, Any]:
    store = visit.store
    pm = visit.queue.plugin_manager()
    addressing = channel_addressing(installed_channel_specs(pm))
    batch = run_statements(store, rules, run_date, live=False, addressing=addressing)
    current = next((v for v in _versions(store).get(rules.profile.id, []) if v.current), None)
    diff: dict[str, Any] | None = None
    if current is not None and current.hash != rules.content_hash:
        text = store.rules_text(current.hash)
        if text is not None:
            old = _load(visit, text, f"<rules {current.hash[:12]}>")
            diff = diff_rules(store, old, rules, run_date, new_batch=batch, addressing=addressing)
    return {
        "summary": {**_summary(batch), "rules": label},
        "statement_count": len(batch.statements),
        "statements": [_statement(s) for s in batch.statements[:_SHOWN]],
        "pre_collections": list(batch.pre_collections),
        "skips": [
            {"encounter": s.encounter_id, "guarantor": s.guarantor_id, "reason": s.reason}
            for s in batch.skips[:_SHOWN]
        ],
        "skip_count": len(batch.skips),
        "current_rules": current.hash if current is not None else None,
        "diff": diff,
    }


def _summary(batch: BatchResult) -> dict[str, Any]:
    by_level = Counter(s.level for s in batch.statements)
    skips = Counter(s.reason for s in batch.skips)
    notes: dict[str, Counter[str]] = {}
    for n in batch.notifications:
        notes.setdefault(n.channel, Counter())[n.status] += 1
    return {
        "profile": batch.profile_id,
        "date": batch.run_date.isoformat(),
        "mode": batch.mode,
        "rules_hash": batch.rules_hash,
        "statements": len(batch.statements),
        "statements_by_level": {str(k): by_level[k] for k in sorted(by_level)},
        "total_cents": sum(s.total_cents for s in batch.statements),
        "pre_collections": len(batch.pre_collections),
        "skipped": dict(sorted(skips.items())),
        "notifications": {ch: dict(sorted(c.items())) for ch, c in sorted(notes.items())},
    }


def _statement(s: Any) -> dict[str, Any]:
    return {
        "guarantor": s.guarantor_id,
        "patient": s.patient_id,
        "level": s.level,
        "message": s.message_id,
        "channels": list(s.channels),
        "total_cents": s.total_cents,
        "due_date": s.due_date.isoformat(),
        "encounters": list(s.encounter_ids),
    }


def _diff_text(diff: dict[str, Any] | None) -> str:
    if diff is None:
        return ""
    lines = render_diff(diff).splitlines()
    if len(lines) > _DIFF_LINES:
        more = len(lines) - _DIFF_LINES
        lines = [*lines[:_DIFF_LINES], f"… and {more:,} more lines"]
    return "\n".join(lines)


# --- the page ------------------------------------------------------------------------------


def _form_page(
    visit: Visit,
    *,
    status_code: int = 200,
    chosen: dict[str, str] | None = None,
    error: str = "",
    error_file: str = "",
    result: dict[str, Any] | None = None,
) -> Response:
    versions = _versions(visit.store)
    chosen = dict(chosen or {})
    profile = chosen.get("profile") or visit.query.get("profile", "")[:_MAX_ID]
    if profile not in versions:
        profile = next(iter(versions), "")
    return visit.render(
        "test_batch.html",
        status_code=status_code,
        versions=versions,
        profile=profile,
        rules_hash=chosen.get("rules_hash", ""),
        date=chosen.get("date") or dt.date.today().isoformat(),
        max_upload=MAX_FILE_BYTES,
        error=error,
        error_file=error_file,
        result=result,
        diff_text=_diff_text(result["diff"]) if result else "",
    )


@screen("viewer")
def _test_batch_form(visit: Visit) -> Response:
    return _form_page(visit)


@screen("viewer", allow_files=True)
def _test_batch_run(visit: Visit) -> Response:
    chosen = {
        "profile": visit.field("profile")[:_MAX_ID],
        "rules_hash": visit.field("rules_hash")[:_MAX_ID],
        "date": visit.field("date")[:40],
    }
    upload = visit.upload("rules_file")
    name = _upload_name(upload.filename) if upload is not None else ""
    try:
        run_date = _run_date(chosen["date"])
        versions = _profile(_versions(visit.store), chosen["profile"])
        if upload is None and not chosen["rules_hash"]:
            raise _BadRequest("choose a stored rules version or upload a rules file")
        with _one_at_a_time():
            if upload is not None:
                data = upload.file.read(MAX_FILE_BYTES + 1)
                rules = _uploaded_rules(visit, data, name, chosen["profile"])
                label = f"uploaded file {name}"
            else:
                rules = _stored_rules(visit, versions, chosen["profile"], chosen["rules_hash"])
                label = f"stored version {chosen['rules_hash'][:12]}"
            result = _test_batch(visit, rules, run_date, label)
    except NotFound:
        raise
    except RulesError as error:
        return _form_page(visit, status_code=400, chosen=chosen, error=str(error), error_file=name)
    except RulesengineError as error:
        status = 409 if isinstance(error, RefusedTransition) else 400
        return _form_page(visit, status_code=status, chosen=chosen, error=str(error))
    return _form_page(visit, chosen=chosen, result=result)


@api("viewer", utf8_checked=frozenset({"rules_yaml"}))  # the loader names line and column
def _api_test_batch(visit: Visit) -> Response:
    profile = visit.field("profile")[:_MAX_ID]
    rules_hash = visit.field("rules_hash")
    rules_yaml = visit.field("rules_yaml")
    run_date = _run_date(visit.field("date"))
    versions = _profile(_versions(visit.store), profile)
    if bool(rules_hash) == bool(rules_yaml):
        raise _BadRequest("send either rules_hash (a stored version) or rules_yaml (its text)")
    with _one_at_a_time():
        try:
            if rules_yaml:
                # A lone surrogate (JSON allows "\ud800") becomes bytes the loader refuses
                # at its line and column, as it refuses a file that is not UTF-8.
                data = rules_yaml.encode("utf-8", "surrogatepass")
                rules = _uploaded_rules(visit, data, _INLINE_NAME, profile)
                label = f"uploaded text {_INLINE_NAME}"
            else:
                rules = _stored_rules(visit, versions, profile, rules_hash)
                label = f"stored version {rules_hash[:12]}"
        except RulesError as error:
            return visit.json(
                {"error": str(error), "problems": [str(p) for p in error.problems]},
                status_code=400,
            )
        return visit.json(_capped(_test_batch(visit, rules, run_date, label)))


def _capped(result: dict[str, Any]) -> dict[str, Any]:
    """The API's answer: lists of encounters and of the diff's guarantors cut to the first
    200, as the statements and skips are (the counts cover all)."""
    diff = result["diff"]
    if diff is not None:
        diff = {**diff, "guarantors": diff["guarantors"][:_SHOWN]}
    return {**result, "pre_collections": result["pre_collections"][:_SHOWN], "diff": diff}


ROUTES = [
    Route("/test-batch", _test_batch_form, methods=["GET"], name="test_batch"),
    Route("/test-batch", _test_batch_run, methods=["POST"], name="test_batch_run"),
    Route("/api/test-batch", _api_test_batch, methods=["POST"], name="api_test_batch"),
]
