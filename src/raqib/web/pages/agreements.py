"""Agreements: the list, and one agreement's violations by actor and month, on the map
(with its zone) and in a chart."""

from __future__ import annotations

from collections import Counter
from typing import Any

from fastapi import APIRouter, Request, Response
from shapely.geometry import mapping

from raqib.services import agreements
from raqib.services.overview import page_span

from . import fmt
from .core import PageReader, PageRoute, kept, kept_json, render, workspace


def actor_month_table(violations: list[dict[str, Any]]) -> dict[str, Any]:
    """{months, rows: [(actor, [count per month], total)]}, busiest actor first."""
    counts = Counter((v["actor1"] or "unknown", v["event_date"][:7]) for v in violations)
    months = sorted({month for _, month in counts})
    actors = Counter(v["actor1"] or "unknown" for v in violations)
    rows = [(actor, [counts[actor, month] for month in months], total)
            for actor, total in actors.most_common()]
    return {"months": months, "rows": rows}


def violation_points(violations: list[dict[str, Any]]) -> list[dict[str, Any]]:
    return [{"id": v["incident_id"], "lat": v["latitude"], "lon": v["longitude"],
             "type": v["event_type"], "sub": v["sub_event_type"], "date": v["event_date"],
             "place": v["location"], "fmin": v["fatalities_min"],
             "fmax": v["fatalities_max"], "grade": v["prohibited"], "contested": False,
             "colour": fmt.colour(v["event_type"])}
            for v in violations if v["latitude"] is not None and v["longitude"] is not None]


PAGE_SIZE = 100
"""Violations listed on one page of an agreement (the chart, the table by actor and month and
the map count them all)."""


def _violations(request: Request, name: str, parties_only: bool) -> list[dict[str, Any]]:
    ws = workspace(request)  # an unknown name: the service's 404, shared, never kept
    return kept(request, ("agreement", name, parties_only),
                lambda: [v.as_json() for v in agreements.violations(ws, name, parties_only)])


def router() -> APIRouter:
    router = APIRouter(route_class=PageRoute, include_in_schema=False)

    @router.get("/agreements")
    def agreement_list(request: Request, user: PageReader) -> Response:
        known = agreements.known(workspace(request))
        return render(request, "agreements.html", {
            "agreements": [known[name] for name in sorted(known)]})

    @router.get("/agreements/{name}")
    def agreement_page(request: Request, user: PageReader, name: str,
                       parties_only: bool = False, page: int = 1) -> Response:
        """The agreement, its violations by actor and month (chart and table), on the map
        (the markers fetched from ``agreement_points``) and listed ``PAGE_SIZE`` a page: at
        100,000 incidents the Idlib agreement's 1,781 violations, each a marker and a row,
        made the page about a megabyte."""
        agreement = agreements.get(workspace(request), name)
        found = _violations(request, name, parties_only)
        page, pages = page_span(len(found), page, PAGE_SIZE)
        query = "?parties_only=true" if parties_only else ""
        return render(request, "agreement.html", {
            "agreement": agreement, "count": len(found), "table": actor_month_table(found),
            "chart": fmt.month_counts(found, key="actor1"),
            "violations": found[(page - 1) * PAGE_SIZE:page * PAGE_SIZE],
            "page": page, "pages": pages,
            "pager_query": "&parties_only=true" if parties_only else "",
            "points_url": request.url_for("agreement_points", name=name).path + query,
            "zone": mapping(agreement.zone), "parties_only": parties_only})

    @router.get("/agreements/{name}/points.json")
    def agreement_points(request: Request, user: PageReader, name: str,
                         parties_only: bool = False) -> Response:
        """The markers of the agreement's violations, for its map."""
        return kept_json(request, ("agreement-points", name, parties_only),
                         lambda: violation_points(_violations(request, name, parties_only)))

    return router
