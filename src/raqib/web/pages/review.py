"""The review queue and the review actions: correct, accept, grade, merge, split.

Every action goes through ``raqib.services.reviews`` (one transaction with a reviews row and
a custody leaf each), then back to the incident, where the change shows in its trail. A value
the service refuses comes back as a message on the page, nothing changed.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from typing import Annotated

from fastapi import APIRouter, Form, Request, Response

from raqib.errors import RaqibError
from raqib.extract.output import EVENT_FIELDS
from raqib.services import queue as queue_service
from raqib.services import reviews
from raqib.services.reviews import INCIDENT_FIELDS

from .core import PageReviewer, PageRoute, flash, render, see_other, workspace
from .session import safe_next

Text = Annotated[str, Form()]


def numbers(text: str) -> list[int]:
    return [int(n) for n in re.findall(r"\d+", text)]


def _incident_of(target: str, fallback: str) -> str:
    kind, _, number = target.partition(":")
    return f"/incidents/{number}" if kind == "incident" and number.isdigit() else fallback


def _act(request: Request, back: str, action: Callable[[], str]) -> Response:
    """Run one review action; flash what happened (or why not) and go back."""
    try:
        message = action()
    except RaqibError as exc:
        flash(request, f"Not changed: {exc}", "error")
    else:
        flash(request, message)
    return see_other(safe_next(back))


def _queue(request: Request, user: PageReviewer) -> Response:
    ws = workspace(request)
    items, _ = queue_service.review_queue(ws, 1, 50)
    return render(request, "review.html", {
        "incidents": items, "reports": queue_service.unreviewed_reports(ws, 50),
        "grades": reviews.GRADES,
        "incident_fields": INCIDENT_FIELDS, "report_fields": EVENT_FIELDS})


def _correct(request: Request, user: PageReviewer, target: Text, field: Text,
             value: Text = "", reason: Text = "",
             back: Text = "") -> Response:
    def action() -> str:
        done = reviews.correct(workspace(request), target.strip(), field.strip(), value,
                               user.name, reason.strip() or None)
        return f"{target}: {field} changed from {done['before']!r} to {done['after']!r}."
    return _act(request, back or _incident_of(target, "/review"), action)


def _accept(request: Request, user: PageReviewer, target: Text,
            reason: Text = "", back: Text = "") -> Response:
    def action() -> str:
        reviews.accept(workspace(request), target.strip(), user.name, reason.strip() or None)
        return f"{target} accepted."
    return _act(request, back or _incident_of(target, "/review"), action)


def _grade(request: Request, user: PageReviewer, incident: Annotated[int, Form()],
           grade: Text, reason: Text = "") -> Response:
    def action() -> str:
        reviews.set_grade(workspace(request), incident, grade, reason, user.name)
        return f"incident {incident} graded {grade} by hand."
    return _act(request, f"/incidents/{incident}", action)


def _merge(request: Request, user: PageReviewer, incident: Annotated[int, Form()],
           others: Text, reason: Text = "") -> Response:
    def action() -> str:
        ids = [incident, *numbers(others)]
        kept = reviews.merge(workspace(request), ids, user.name, reason.strip() or None)
        return f"incidents {', '.join(map(str, ids[1:]))} merged into {kept}."
    return _act(request, f"/incidents/{incident}", action)


def _split(request: Request, user: PageReviewer, incident: Annotated[int, Form()],
           reports: Annotated[list[str] | None, Form()] = None, reason: Text = "") -> Response:
    state: dict[str, int] = {}

    def action() -> str:
        ids = [n for text in reports or [] for n in numbers(text)]
        if not ids:
            raise reviews.ReviewError("choose the reports to move into a new incident")
        state["new"] = reviews.split(workspace(request), incident, ids, user.name,
                                     reason.strip() or None)
        return f"reports {', '.join(map(str, ids))} split into incident {state['new']}."
    response = _act(request, f"/incidents/{incident}", action)
    return see_other(f"/incidents/{state['new']}") if "new" in state else response


def router() -> APIRouter:
    router = APIRouter(route_class=PageRoute, include_in_schema=False)
    router.add_api_route("/review", _queue, methods=["GET"])
    for name, endpoint in (("correct", _correct), ("accept", _accept), ("grade", _grade),
                           ("merge", _merge), ("split", _split)):
        router.add_api_route(f"/review/{name}", endpoint, methods=["POST"])
    return router
