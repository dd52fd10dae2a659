"""Incidents: listing with filters, the map's GeoJSON, details and the evidence trail."""

from __future__ import annotations

from dataclasses import replace
from typing import Annotated

from fastapi import APIRouter, Query

from raqib.services import finder, listing, queue
from raqib.web.api.common import ERRORS, WS, ItemId, Kept, Page, Pages, page_of, sensitive_ok
from raqib.web.api.filters import IncidentFilters
from raqib.web.api.incident_models import FeatureCollection, IncidentDetail, IncidentSummary, Trail
from raqib.web.auth import Reader

router = APIRouter(prefix="/api/incidents", tags=["incidents"], responses=ERRORS)


@router.get("")
def list_incidents(ws: WS, kept: Kept, account: Reader, paging: Pages,
                   query: IncidentFilters) -> Page[IncidentSummary]:
    """Incidents, newest first, filtered like /api/search (without words)."""
    found = finder.find(ws, replace(query, words=""), paging.page, paging.per_page,
                        with_facets=False, answers=kept)
    return page_of(found.rows, found.total, paging)  # type: ignore[return-value]


@router.get("/geo")
def incidents_geo(ws: WS, kept: Kept, account: Reader, query: IncidentFilters,
                  limit: Annotated[int, Query(ge=1, le=100_000, description="the newest "
                                              "this many")] = finder.GEO_LIMIT
                  ) -> FeatureCollection:
    """Incidents with coordinates as a GeoJSON FeatureCollection (for the map): the newest
    ``limit``, by id; ``total`` says how many match, ``truncated`` whether some were left
    out (narrow the filters, or raise the limit)."""
    found = finder.geo(ws, replace(query, words=""), answers=kept, limit=limit)
    return {"type": "FeatureCollection", "features": found.features,  # type: ignore[return-value]
            "total": found.total, "truncated": found.total > len(found.features)}


@router.get("/{incident_id}")
def get_incident(incident_id: ItemId, ws: WS, account: Reader) -> IncidentDetail:
    """Reconciled fields, grade and reasons, the contest by side, every report by source,
    and the reviews."""
    return listing.incident_details(  # type: ignore[return-value]
        ws, incident_id, sensitive_ok(account))


@router.get("/{incident_id}/trail")
def incident_trail(incident_id: ItemId, ws: WS, account: Reader) -> Trail:
    """The custody entries of the incident's documents and the reviews of it and its
    reports, oldest first."""
    entries = queue.incident_trail(ws, incident_id, sensitive_ok(account))
    return {"incident": incident_id, "entries": entries}  # type: ignore[return-value]
