"""The dashboard, the incident list with its map and timeline, and the map's background."""

from __future__ import annotations

from collections import defaultdict
from typing import Any

from fastapi import APIRouter, Request, Response
from fastapi.responses import JSONResponse

from raqib.services import incidents as incident_service
from raqib.services import overview
from raqib.workspace import Workspace

from . import fmt
from .core import PageReader, PageRoute, kept, kept_json, render, workspace
from .data import gazetteer_points

PAGE_SIZE = 100
RECENT, CONTESTED = 10, 20
"""Incidents the dashboard lists: the newest, and the newest contested."""
MAP_LIMIT = 10_000
"""Markers drawn on the incident list's map at most (the newest); search narrows the rest."""
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


def by_month(items: list[dict[str, Any]]) -> list[tuple[str, list[dict[str, Any]]]]:
    groups: dict[str, list[dict[str, Any]]] = defaultdict(list)
    for item in items:
        groups[str(item.get("event_date") or "undated")[:7]].append(item)
    return sorted(groups.items())


def _full(ws: Any, ids: list[int]) -> dict[int, dict[str, Any]]:
    """The listed incidents in full (documents and report counts), read for ``ids`` only."""
    return {row["id"]: row for row in incident_service.list_incidents(ws, ids)} if ids else {}


def _dashboard(ws: Workspace) -> dict[str, Any]:
    recent = overview.newest(ws, RECENT)
    contested = overview.newest(ws, CONTESTED, contested=True)
    full = _full(ws, recent + contested)
    return {"counts": overview.counts(ws), "recent": [full[i] for i in recent],
            "contested": [full[i] for i in contested],
            "chart": fmt.month_chart(overview.month_counts(ws))}


def _listed(ws: Workspace, page: int) -> dict[str, Any]:
    """One page of the incident list, its timeline and the chart of every incident."""
    shown_page = overview.page(ws, page, PAGE_SIZE)
    full = _full(ws, shown_page.ids)
    shown = [full[i] for i in shown_page.ids]
    return {"items": shown, "total": shown_page.total, "page": shown_page.number,
            "pages": shown_page.pages, "timeline": by_month(shown),
            "legend": [(kind, fmt.colour(kind)) for kind in overview.event_types(ws)],
            "chart": fmt.month_chart(overview.month_counts(ws))}


def _points(ws: Workspace) -> list[dict[str, Any]]:
    """The map's markers (the newest ``MAP_LIMIT``), kept once for every page of the list."""
    return map_points(overview.mapped(ws, MAP_LIMIT))


def router() -> APIRouter:
    router = APIRouter(route_class=PageRoute, include_in_schema=False)

    @router.get("/")
    def dashboard(request: Request, user: PageReader) -> Response:
        return render(request, "dashboard.html",
                      kept(request, ("dashboard",), lambda: _dashboard(workspace(request))))

    @router.get("/incidents")
    def incident_list(request: Request, user: PageReader, page: int = 1) -> Response:
        ws = workspace(request)
        listed = kept(request, ("incident-list", page), lambda: _listed(ws, page))
        mapped = kept(request, ("placed",), lambda: overview.placed_count(ws))
        return render(request, "incidents.html", {**listed, "mapped": mapped,
                                                  "map_limit": MAP_LIMIT})

    @router.get("/incidents/points.json")
    def incident_points(request: Request, user: PageReader) -> Response:
        """The list's markers, fetched by the map script. Embedded in the page they made
        every page of the list 2.4 MB at 100,000 incidents (the same 10,000 markers again
        for each page); the page is now about 60 kB."""
        return kept_json(request, ("map-points", MAP_LIMIT),
                         lambda: _points(workspace(request)))

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
