"""A live batch's notifications rendered when they are read, not when the run stores them.

Since schema version 6 a live batch stores each notification without its content and
context (``content_json`` and ``context_json`` are ``''``): the statement run renders
nothing. They are rendered here, when a notification is claimed for sending or shown, from
what the run stored: the rules version under the notification's ``rules_hash``, its
statement (lines and ``recipient_json``, the guarantor as the run saw them) and the store's
pay-link key, by the run's own functions
(:func:`~rulesengine.drafting.notification_drafts.render_content`,
:func:`~rulesengine.drafting.notification_drafts.channel_context`), so the result is what
the run would have stored, byte for byte.

Rendering is in bulk: one query for the statements of all the notifications asked for, one
loaded :class:`~rulesengine.rules.policy.Rules` per rules version (kept, a few at a time, for
the process). A notification that cannot be rendered gets a sentence saying why instead.
"""

from __future__ import annotations

import json
import logging
import threading
from collections import OrderedDict
from collections.abc import Callable, Iterable, Mapping, Sequence
from typing import TYPE_CHECKING, Any

import attrs
from sqlalchemy import Connection, select

from rulesengine.channels.registry import installed_channel_specs
from rulesengine.drafting.notification_drafts import channel_context, pay_link, render_content
from rulesengine.errors import RulesengineError
from rulesengine.model import Guarantor, Statement
from rulesengine.queue.channel_objects import AnyChannelSpecs
from rulesengine.rules.loader import load_rules_text
from rulesengine.store.rows import (
    STATEMENT_COLUMNS,
    dumps_mapping,
    guarantor_from_recipient,
    statement_from_row,
)
from rulesengine.store.store_secret import secret_on
from rulesengine.store.tables import rules_versions, statements

if TYPE_CHECKING:
    from rulesengine.queue.notification_rows import QueueRow
    from rulesengine.rules.policy import Rules

__all__ = [
    "Bodies",
    "RulesOf",
    "Unrendered",
    "render_bodies",
    "render_rows",
    "report_unrendered",
    "rows_with_bodies",
    "stored_rules",
]

_log = logging.getLogger(__name__)

#: Rules hash -> the rules stored under it, loaded.
RulesOf = Callable[[str], "Rules"]

#: Ids per ``IN (...)`` list.
_IN_CHUNK = 500


@attrs.frozen
class Unrendered:
    """A notification stored without its content and context: what renders them."""

    id: int
    statement_id: str
    channel: str
    rules_hash: str | None


@attrs.frozen
class Bodies:
    """A notification's rendered content and context, as the run would have stored them
    (``dumps_mapping(plain(content))`` and ``dumps(plain(context))`` decode to these)."""

    content: dict[str, Any]
    context: dict[str, Any]


class _CannotRender(Exception):
    """Why a statement's notifications cannot be rendered (a sentence)."""


def render_bodies(
    conn: Connection,
    wanted: Iterable[Unrendered],
    *,
    secret: bytes | None = None,
    rules_of: RulesOf | None = None,
) -> dict[int, Bodies | str]:
    """Per notification id, its rendered :class:`Bodies`, or a sentence saying why it
    cannot be rendered (its rules version is not in the store or no longer loads, its
    statement is gone, a template fails).

    :param secret: the store's pay-link key (default: read on ``conn``).
    :param rules_of: loads the rules stored under a hash (default: :func:`stored_rules`).
    """
    wanted = list(wanted)
    if not wanted:
        return {}
    if secret is None:
        secret = secret_on(conn)
    if rules_of is None:

        def rules_of(rules_hash: str) -> Rules:
            return stored_rules(conn, rules_hash)

    found = _statements(conn, sorted({w.statement_id for w in wanted}))
    rules: dict[str, Rules | str] = {}
    letters: dict[tuple[str, str], tuple[Statement, Guarantor, str, dict[str, Any]] | str] = {}
    out: dict[int, Bodies | str] = {}
    for one in wanted:
        try:
            if one.rules_hash is None:
                raise _CannotRender("it names no rules version to render it with")
            loaded = rules.get(one.rules_hash)
            if loaded is None:
                loaded = rules[one.rules_hash] = _load(rules_of, one.rules_hash)
            if isinstance(loaded, str):
                raise _CannotRender(loaded)
            key = (one.statement_id, one.rules_hash)
            letter = letters.get(key)
            if letter is None:
                letter = letters[key] = _letter(loaded, found, one.statement_id, secret)
            if isinstance(letter, str):
                raise _CannotRender(letter)
            statement, guarantor, link, context = letter
            try:
                content = render_content(
                    loaded, statement, guarantor, one.channel, secret=b"", link=link
                )
            except Exception as exc:  # a template the rules' checks let through
                raise _CannotRender(_summary(exc)) from exc
            out[one.id] = Bodies(_as_stored(content), context)
        except _CannotRender as exc:
            out[one.id] = f"its content cannot be rendered: {exc}"
    return out


def render_rows(
    conn: Connection,
    rows: Sequence[QueueRow],
    *,
    secret: bytes | None = None,
    rules_of: RulesOf | None = None,
) -> dict[int, QueueRow | str]:
    """For each of ``rows`` stored without its content (not ``rendered``): the row with its
    content and context rendered, or why it cannot be (:func:`render_bodies`). Rows that
    hold theirs are left out."""
    needing = {row.id: row for row in rows if not row.rendered}
    bodies = render_bodies(
        conn,
        (Unrendered(r.id, r.statement_id, r.channel, r.rules_hash) for r in needing.values()),
        secret=secret,
        rules_of=rules_of,
    )
    out: dict[int, QueueRow | str] = {}
    for nid, found in bodies.items():
        if isinstance(found, str):
            out[nid] = found
        else:
            out[nid] = attrs.evolve(
                needing[nid], content=found.content, context=found.context, rendered=True
            )
    return out


def rows_with_bodies(conn: Connection, rows: Sequence[QueueRow]) -> list[QueueRow]:
    """``rows`` to be shown, each with its content and context (one that cannot be rendered
    is shown without, with the reason in its ``unrendered``, and the reason is logged)."""
    if all(row.rendered for row in rows):
        return list(rows)
    rendered = render_rows(conn, rows)
    report_unrendered(rendered)
    out: list[QueueRow] = []
    for row in rows:
        found = rendered.get(row.id, row)
        out.append(attrs.evolve(row, unrendered=found) if isinstance(found, str) else found)
    return out


def report_unrendered(results: Mapping[int, object], action: str = "shown without it") -> None:
    """Log, in one line, the notifications among ``results`` that could not be rendered
    (those whose result is the sentence saying why)."""
    failed = sorted((nid, why) for nid, why in results.items() if isinstance(why, str))
    if failed:
        nid, why = failed[0]
        others = f" and {len(failed) - 1} more" if len(failed) > 1 else ""
        _log.warning("notification %s%s: %s (%s)", nid, others, why, action)


# -- what it is rendered from ----------------------------------------------------------------


#: A stored statement with the guarantor it is rendered for and the pay link the run made
#: (None: made before schema version 6), or why it cannot be rendered.
_Stored = tuple[Statement, Guarantor, str | None] | str


def _statements(conn: Connection, ids: Sequence[str]) -> dict[str, _Stored]:
    """The stored statements among ``ids``, each with the guarantor its ``recipient_json``
    describes; or why it cannot be rendered from (none stored, a damaged row)."""
    s = statements.c
    found: dict[str, _Stored] = {}
    for start in range(0, len(ids), _IN_CHUNK):
        query = select(*STATEMENT_COLUMNS, s.pay_link, s.recipient_json).where(
            s.id.in_(ids[start : start + _IN_CHUNK])
        )
        for row in conn.execute(query):
            sid, link, recipient = row[0], row[-2], row[-1]
            if recipient is None:
                found[sid] = f"its statement {sid} has no recipient stored"
                continue
            try:
                statement = statement_from_row(row[:-2])
                found[sid] = (
                    statement,
                    guarantor_from_recipient(statement.guarantor_id, recipient),
                    link,
                )
            except (KeyError, TypeError, ValueError) as exc:  # a row changed by hand
                found[sid] = f"its statement {sid} cannot be read ({_summary(exc)})"
    return found


def _letter(
    rules: Rules, found: dict[str, _Stored], statement_id: str, secret: bytes
) -> tuple[Statement, Guarantor, str, dict[str, Any]] | str:
    """A statement's part of its notifications: the statement, its recipient, its pay link
    and the channel context (the same for each of its channels); or why there is none."""
    entry = found.get(statement_id, f"its statement {statement_id} is not in the store")
    if isinstance(entry, str):
        return entry
    statement, guarantor, stored_link = entry
    # The link the run made (with the key it ran with), else one signed with ours.
    link = pay_link(rules, statement.id, secret) if stored_link is None else stored_link
    context = channel_context(rules, statement, guarantor, secret=b"", link=link)
    return statement, guarantor, link, context


def _as_stored(content: dict[str, Any]) -> dict[str, Any]:
    """Rendered content as it reads back from the store: a mapping of text to text as it is;
    any other value (a plugin's list, say) through the JSON the run stored it as."""
    if all(type(value) is str for value in content.values()):
        return content
    decoded: dict[str, Any] = json.loads(dumps_mapping(content))
    return decoded


def _summary(exc: Exception) -> str:
    reason = (str(exc).strip().splitlines() or ["(no message)"])[0]
    return f"{type(exc).__name__}: {reason}"


# -- rules versions ----------------------------------------------------------------------------

#: How many loaded rules versions the process keeps (a queue's notifications use a few).
_KEPT = 8
_loaded: OrderedDict[str, Rules] = OrderedDict()
_loaded_lock = threading.Lock()


def _load(rules_of: RulesOf, rules_hash: str) -> Rules | str:
    try:
        return rules_of(rules_hash)
    except RulesengineError as exc:
        return str(exc).splitlines()[0] if str(exc) else type(exc).__name__


def stored_rules(conn: Connection, rules_hash: str) -> Rules:
    """The rules version stored under ``rules_hash``, loaded (kept for the next call; the
    text under a hash never changes). Channels this process lacks are accepted as written.

    :raises RulesengineError: the store has no such version, or its text no longer loads;
        the message says which.
    """
    with _loaded_lock:
        found = _loaded.get(rules_hash)
        if found is not None:
            _loaded.move_to_end(rules_hash)
            return found
    text = conn.execute(
        select(rules_versions.c.text).where(rules_versions.c.content_hash == rules_hash)
    ).scalar()
    short = rules_hash[:12]
    if text is None:
        raise RulesengineError(
            f"the rules version {short} it was queued under is not in the store (restore the"
            " store from a backup, or cancel the notification)"
        )
    try:
        rules = load_rules_text(
            text,
            filename=f"<rules {short}>",
            channel_specs=AnyChannelSpecs(installed_channel_specs()),
        )
    except RulesengineError as exc:
        first = str(exc).splitlines()[0] if str(exc) else type(exc).__name__
        raise RulesengineError(
            f"the rules version {short} it was queued under no longer loads ({first});"
            " cancel the notification, or retry it once this rulesengine loads its rules"
        ) from exc
    with _loaded_lock:
        _loaded[rules_hash] = rules
        while len(_loaded) > _KEPT:
            _loaded.popitem(last=False)
    return rules
