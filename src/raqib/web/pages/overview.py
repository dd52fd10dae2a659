"""The dashboard, the incident list with its map and timeline, and the map's background."""

from __future__ import annotations

from collections import defaultdict
from typing import Any

from fastapi import APIRouter, Request, Response
from fastapi.responses import JSONResponse

from raqib.services import documents
from raqib.services import incidents as incident_service

from . import fmt
from .core import PageReader, PageRoute, render, workspace
from .data import gazetteer_points

PAGE_SIZE = 100
DEFAULT_BBOX = (35.5, 32.3, 42.4, 37.4)
"""Syria, when there is nothing to fit the map to."""


def map_points(items: list[dict[str, Any]]) -> list[dict[str, Any]]:
    """What the map script draws for each incident that has coordinates."""
    return [{"id": i["id"], "lat": i["latitude"], "lon": i["longitude"],
             "type": i.get("event_type") or "", "sub": i.get("sub_event_type") or "",
             "date": i.get("event_date") or "", "place": i.get("location") or "",
             "fmin": i.get("fatalities_min") or 0, "fmax": i.get("fatalities_max") or 0,
             "grade": i.get("grade") or "", "contested": bool(i.get("contested")),
             "colour": fmt.colour(i.get("event_type"))}
            for i in items if i.get("latitude") is not None and i.get("longitude") is not None]


def legend(items: list[dict[str, Any]]) -> list[tuple[str, str]]:
    kinds = sorted({i.get("event_type") or "unknown" for i in items})
    return [(kind, fmt.colour(kind)) for kind in kinds]


def by_month(items: list[dict[str, Any]]) -> list[tuple[str, list[dict[str, Any]]]]:
    groups: dict[str, list[dict[str, Any]]] = defaultdict(list)
    for item in items:
        groups[str(item.get("event_date") or "undated")[:7]].append(item)
    return sorted(groups.items())


def router() -> APIRouter:
    router = APIRouter(route_class=PageRoute, include_in_schema=False)

    @router.get("/")
    def dashboard(request: Request, user: PageReader) -> Response:
        ws = workspace(request)
        docs = documents.summaries(ws)
        items = incident_service.list_incidents(ws)
        contested = [i for i in items if i["contested"]]
        recent = sorted(items, key=lambda i: (i["event_date"] or "", i["id"]), reverse=True)
        counts = {"documents": len(docs), "sensitive": sum(1 for d in docs if d["sensitive"]),
                  "incidents": len(items), "contested": len(contested),
                  "reports": sum(int(i.get("reports") or 0) for i in items)}
        return render(request, "dashboard.html", {
            "counts": counts, "recent": recent[:10], "contested": contested[:20],
            "chart": fmt.month_counts(items)})

    @router.get("/incidents")
    def incident_list(request: Request, user: PageReader, page: int = 1) -> Response:
        items = incident_service.list_incidents(workspace(request))
        pages = max(1, -(-len(items) // PAGE_SIZE))
        page = min(max(1, page), pages)
        shown = items[(page - 1) * PAGE_SIZE: page * PAGE_SIZE]
        return render(request, "incidents.html", {
            "items": shown, "total": len(items), "page": page, "pages": pages,
            "points": map_points(items), "legend": legend(items),
            "timeline": by_month(items), "chart": fmt.month_counts(items)})

    @router.get("/map/places.geojson")
    def places(request: Request, user: PageReader, bbox: str = "") -> Response:
        """Gazetteer regions and towns in ``bbox`` (west,south,east,north): the offline
        map's background, drawn without any tile server."""
        box = _bbox(bbox)
        return JSONResponse(gazetteer_points(box), media_type="application/geo+json",
                            headers={"Cache-Control": "private, max-age=3600"})

    return router


def _bbox(text: str) -> tuple[float, float, float, float]:
    try:
        west, south, east, north = (float(v) for v in text.split(","))
    except ValueError:
        return DEFAULT_BBOX
    if not (-180 <= west < east <= 180 and -90 <= south < north <= 90):
        return DEFAULT_BBOX
    return west, south, east, north
