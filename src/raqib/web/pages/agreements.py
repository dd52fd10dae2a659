"""Agreements: the list, and one agreement's violations by actor and month, on the map
(with its zone) and in a chart."""

from __future__ import annotations

from collections import Counter
from typing import Any

from fastapi import APIRouter, Request, Response
from shapely.geometry import mapping

from raqib.services import agreements

from . import fmt
from .core import PageReader, PageRoute, render, workspace


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


def router() -> APIRouter:
    router = APIRouter(route_class=PageRoute, include_in_schema=False)

    @router.get("/agreements")
    def agreement_list(request: Request, user: PageReader) -> Response:
        known = agreements.known(workspace(request))
        return render(request, "agreements.html", {
            "agreements": [known[name] for name in sorted(known)]})

    @router.get("/agreements/{name}")
    def agreement_page(request: Request, user: PageReader, name: str,
                       parties_only: bool = False) -> Response:
        ws = workspace(request)
        agreement = agreements.get(ws, name)
        found = [v.as_json() for v in agreements.violations(ws, name, parties_only)]
        table = actor_month_table(found)
        chart = fmt.month_counts(found, key="actor1")
        return render(request, "agreement.html", {
            "agreement": agreement, "violations": found, "table": table, "chart": chart,
            "points": violation_points(found), "zone": mapping(agreement.zone),
            "parties_only": parties_only})

    return router
