"""The Rules screen: each profile's rules versions (content hash, the first and last batch
that used it, how many did), and a version's stored text with the batches that used it."""

from __future__ import annotations

import re
from typing import Any

from starlette.responses import Response
from starlette.routing import Route

from rulesengine.errors import NotFound
from rulesengine.store import batch_reads
from rulesengine.store.batch_reads import RulesUsage
from rulesengine.web.batch_pages import text_param
from rulesengine.web.visits import Visit, api, screen

__all__ = ["ROUTES"]

#: A rules version's content hash (SHA-256, hexadecimal).
_HASH = re.compile(r"[0-9a-f]{1,64}")


def _usage_json(u: RulesUsage) -> dict[str, Any]:
    return {
        "profile": u.profile_id,
        "content_hash": u.content_hash,
        "first_batch": {"id": u.first_batch_id, "run_date": u.first_run_date.isoformat()},
        "last_batch": {"id": u.last_batch_id, "run_date": u.last_run_date.isoformat()},
        "batches": u.batches,
    }


def _versions(visit: Visit) -> tuple[list[RulesUsage], str | None]:
    profile = text_param(visit, "profile")
    with visit.store.reading() as conn:
        return batch_reads.rules_usage(conn, profile), profile


@screen("viewer")
def _rules_list(visit: Visit) -> Response:
    versions, profile = _versions(visit)
    return visit.render("rules.html", versions=versions, profile=profile or "")


@api("viewer")
def _api_rules_list(visit: Visit) -> Response:
    versions, _profile = _versions(visit)
    return visit.json({"rules": [_usage_json(u) for u in versions]})


def _version(visit: Visit) -> tuple[str, str, list[Any]]:
    content_hash = str(visit.params["content_hash"])
    if not _HASH.fullmatch(content_hash):
        raise NotFound("no such rules version: a version is named by its hexadecimal hash")
    text = visit.store.rules_text(content_hash)
    if text is None:
        raise NotFound(f"no rules version {content_hash} in the store")
    with visit.store.reading() as conn:
        used = batch_reads.batch_heads(conn, rules_hash=content_hash)
    return content_hash, text, used


@screen("viewer")
def _rules_version(visit: Visit) -> Response:
    content_hash, text, used = _version(visit)
    return visit.render("rules_version.html", content_hash=content_hash, text=text, batches=used)


@api("viewer")
def _api_rules_version(visit: Visit) -> Response:
    content_hash, text, used = _version(visit)
    return visit.json(
        {
            "content_hash": content_hash,
            "text": text,
            "batches": [
                {
                    "id": b.id,
                    "profile": b.profile_id,
                    "run_date": b.run_date.isoformat(),
                    "mode": b.mode,
                }
                for b in used
            ],
        }
    )


ROUTES = [
    Route("/rules", _rules_list, name="rules"),
    Route("/rules/{content_hash}", _rules_version, name="rules_version"),
    Route("/api/rules", _api_rules_list, name="api_rules"),
    Route("/api/rules/{content_hash}", _api_rules_version, name="api_rules_version"),
]
