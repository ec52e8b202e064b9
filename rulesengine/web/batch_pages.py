"""The Batches screen: every batch of every profile, newest first."""

from __future__ import annotations

import attrs
from starlette.responses import Response
from starlette.routing import Route

from rulesengine.web.visits import Visit, api, screen

__all__ = ["ROUTES"]


@screen("viewer")
def _batch_list(visit: Visit) -> Response:
    profile = visit.query.get("profile") or None
    batches = list(reversed(visit.store.list_batches(profile)))
    return visit.render("batches.html", batches=batches, profile=profile or "")


@api("viewer")
def _api_batch_list(visit: Visit) -> Response:
    profile = visit.query.get("profile") or None
    batches = list(reversed(visit.store.list_batches(profile)))
    return visit.json(
        {
            "batches": [
                {
                    **attrs.asdict(batch),
                    "run_date": batch.run_date.isoformat(),
                    "created_at": batch.created_at.isoformat(),
                }
                for batch in batches
            ]
        }
    )


ROUTES = [
    Route("/batches", _batch_list, name="batches"),
    Route("/api/batches", _api_batch_list, name="api_batches"),
]
