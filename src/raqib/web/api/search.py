"""Search with facets, the latest checkpoint and the custody log."""

from __future__ import annotations

from dataclasses import replace
from typing import Annotated

from fastapi import APIRouter, Query

from raqib.services import finder, listing, vault
from raqib.services.vault_notes import latest_checkpoint
from raqib.web.api.common import ERRORS, WS, Kept, Pages, sensitive_ok
from raqib.web.api.filters import IncidentFilters
from raqib.web.api.incident_models import SearchOut
from raqib.web.api.models import CheckpointOut, Log
from raqib.web.auth import Reader
from raqib.web.errors import ApiError

router = APIRouter(prefix="/api", tags=["search"], responses=ERRORS)
DEFAULT_LAST = 100


@router.get("/search")
def search(ws: WS, kept: Kept, account: Reader, paging: Pages, query: IncidentFilters,
           q: Annotated[str, Query(max_length=500, description="words; a trailing * for a "
                                   "prefix")] = "") -> SearchOut:
    """Incidents matching the words (best first) and the filters (newest first without
    words), with highlighted snippets and facets over the whole matching set."""
    found = finder.find(ws, replace(query, words=q), paging.page, paging.per_page,
                        answers=kept)
    return {"results": found.rows, "total": found.total,  # type: ignore[return-value]
            "page": paging.page, "per_page": paging.per_page, "facets": found.facets,
            "capped": found.capped}


@router.get("/checkpoints/latest")
def checkpoint(ws: WS, account: Reader) -> CheckpointOut:
    """The latest signed checkpoint (hand its note to an outside witness)."""
    return latest_checkpoint(ws)  # type: ignore[return-value]


@router.get("/log")
def log(ws: WS, account: Reader,
        document: Annotated[str | None, Query(max_length=80, description="id or sha256 "
                                              "prefix")] = None,
        last: Annotated[int | None, Query(ge=1, le=100_000)] = None) -> Log:
    """The custody log, oldest first: one document's whole trail, or the last entries
    (100 unless 'last' says)."""
    if document is not None:
        head = listing.document_head(ws, document)
        if head.sensitive and not sensitive_ok(account):
            raise ApiError(403, f"document {head.id} is sensitive")
        entries = vault.trail(ws, str(head.id), last)
    else:
        entries = vault.trail(ws, None, last or DEFAULT_LAST)
    return {"entries": entries}  # type: ignore[return-value]
