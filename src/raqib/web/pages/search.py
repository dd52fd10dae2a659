"""Search: words and filters, facets with counts and links, highlighted hits."""

from __future__ import annotations

import calendar
from collections import Counter
from datetime import date
from typing import Annotated, Any
from urllib.parse import urlencode

from fastapi import APIRouter, Query, Request, Response

from raqib.services import finder
from raqib.services import search as search_service
from raqib.services.search import Filters, PlaceUnknown

from .core import PageReader, PageRoute, render, workspace
from .data import incident_facts

PARAMS = ("q", "from", "to", "near", "km", "actor", "type", "grade", "contested", "side")
LIMIT = 200


def _day(text: str, name: str, problems: list[str]) -> date | None:
    if not text:
        return None
    try:
        return date.fromisoformat(text)
    except ValueError:
        problems.append(f"'{name}' must be a date like 2018-11-24, not {text!r}")
        return None


def filters_from(params: dict[str, str], problems: list[str]) -> Filters:
    near = None
    if params["near"]:
        try:
            near = search_service.locate(params["near"])
        except PlaceUnknown as exc:
            problems.append(str(exc))
    try:
        km = float(params["km"]) if params["km"] else 25.0
    except ValueError:
        problems.append(f"'km' must be a number, not {params['km']!r}")
        km = 25.0
    contested = {"yes": True, "no": False}.get(params["contested"])
    day_from, day_to = _day(params["from"], "from", problems), _day(params["to"], "to", problems)
    grade = params["grade"] or None
    wrong = search_service.filter_problems(day_from, day_to, km, grade)
    if wrong:  # said on the page, and the search waits for them to be mended
        problems += wrong
        return Filters()
    return Filters(date_from=day_from, date_to=day_to, near=near, km=km,
                   actor=params["actor"] or None, type=params["type"] or None,
                   grade=grade, contested=contested)


def link(params: dict[str, str], **changes: str) -> str:
    merged = {**params, **changes}
    return "/search?" + urlencode({k: v for k, v in merged.items() if v})


def facets(results: list[dict[str, Any]], facts: dict[int, dict[str, Any]],
           params: dict[str, str]) -> list[tuple[str, list[tuple[str, int, str]]]]:
    """[(facet, [(value, count, link)])], most frequent values first."""
    counters: dict[str, Counter[str]] = {name: Counter() for name in (
        "month", "place", "actor", "type", "grade", "side", "contested")}
    for item in results:
        fact = facts.get(item["id"], {})
        if item.get("event_date"):
            counters["month"][item["event_date"][:7]] += 1
        counters["place"][item.get("location") or ""] += 1
        counters["actor"].update(set(fact.get("actors") or []))
        counters["type"][item.get("sub_event_type") or item.get("event_type") or ""] += 1
        counters["grade"][item.get("grade") or ""] += 1
        counters["side"].update(set(fact.get("sides") or []))
        counters["contested"]["yes" if item.get("contested") else "no"] += 1
    out = []
    for name, counter in counters.items():
        values = [(value, count, _facet_link(name, value, params))
                  for value, count in counter.most_common(12) if value]
        if name == "month":
            values.sort()
        if values:
            out.append((name, values))
    return out


def _facet_link(name: str, value: str, params: dict[str, str]) -> str:
    if name == "month":
        year, month = int(value[:4]), int(value[5:7])
        last = calendar.monthrange(year, month)[1]
        return link(params, **{"from": f"{value}-01", "to": f"{value}-{last:02d}"})
    key = {"place": "near"}.get(name, name)
    return link(params, **{key: value})


def router() -> APIRouter:
    router = APIRouter(route_class=PageRoute, include_in_schema=False)

    @router.get("/search")
    def search_page(request: Request, user: PageReader, q: str = "",
                    date_from: Annotated[str, Query(alias="from")] = "", to: str = "",
                    near: str = "", km: str = "", actor: str = "", type: str = "",
                    grade: str = "", contested: str = "", side: str = "") -> Response:
        params = {"q": q.strip(), "from": date_from.strip(), "to": to.strip(),
                  "near": near.strip(), "km": km.strip(), "actor": actor.strip(),
                  "type": type.strip(), "grade": grade.strip(),
                  "contested": contested.strip(), "side": side.strip()}
        problems: list[str] = []
        filters = filters_from(params, problems)
        searched = any(params.values())
        results: list[dict[str, Any]] = []
        facts: dict[int, dict[str, Any]] = {}
        total = ""
        if searched and not problems:
            ws = workspace(request)
            query = finder.Query(params["q"], filters, params["side"] or None)
            found = finder.find(ws, query, 1, LIMIT, with_facets=False,
                                answers=request.app.state.answers)
            results = found.rows
            total = f"{found.total:,}{'+' if found.capped else ''}"
            facts = incident_facts(ws, [r["id"] for r in results])
        active = [(name, value, link(params, **{name: ""}))
                  for name, value in params.items() if value and name != "q"]
        return render(request, "search.html", {
            "params": params, "results": results, "facts": facts, "problems": problems,
            "searched": searched, "facets": facets(results, facts, params),
            "active": active, "limit": LIMIT, "total": total})

    return router
