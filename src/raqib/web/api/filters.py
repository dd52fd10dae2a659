"""The incident filters shared by /api/incidents, /api/incidents/geo and /api/search."""

from __future__ import annotations

from datetime import date
from typing import Annotated, Literal

from fastapi import Depends, Query
from starlette.concurrency import run_in_threadpool

from raqib.incidents.records import SIDES
from raqib.services.finder import Query as Find
from raqib.services.search import Filters, locate
from raqib.web.api.incident_models import GradeCode

Side = Literal[SIDES]  # type: ignore[valid-type]


async def incident_filters(
    date_from: Annotated[date | None, Query(alias="from", description="event date from")
                         ] = None,
    date_to: Annotated[date | None, Query(alias="to", description="event date to")] = None,
    type: Annotated[str | None, Query(max_length=80, description="event or sub-event type")
                    ] = None,
    grade: GradeCode | None = None,
    contested: bool | None = None,
    near: Annotated[str | None, Query(max_length=120, description="a place name")] = None,
    km: Annotated[float, Query(gt=0, le=2000, description="radius around 'near'")] = 25.0,
    actor: Annotated[str | None, Query(max_length=200, description="part of an actor name")
                     ] = None,
    side: Annotated[Side | None, Query(description="a source of this side reported it")
                    ] = None,
) -> Find:
    """The filters as a finder query (no words); 'near' is resolved by the gazetteer (in
    the thread pool: it reads the index from disk)."""
    point = await run_in_threadpool(locate, near) if near and near.strip() else None
    filters = Filters(date_from=date_from, date_to=date_to, near=point, km=km,
                      actor=actor or None, type=type or None, grade=grade,
                      contested=contested)
    return Find(filters=filters, side=side)


IncidentFilters = Annotated[Find, Depends(incident_filters)]
