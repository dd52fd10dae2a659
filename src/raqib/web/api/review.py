"""Review: corrections, grades, acceptance, merges and splits (each logged), and the queue."""

from __future__ import annotations

from typing import Any

from fastapi import APIRouter

from raqib.services import listing, queue, reviews
from raqib.services.users import Account
from raqib.web.api.common import ERRORS, WS, ItemId, Page, Pages, page_of, sensitive_ok
from raqib.web.api.incident_models import (
    IncidentRef,
    IncidentSummary,
    MergeIn,
    ReviewDone,
    ReviewIn,
    SplitIn,
)
from raqib.web.auth import Reviewer
from raqib.web.errors import ApiError

router = APIRouter(prefix="/api", tags=["review"], responses=ERRORS)


def _review(ws: WS, target: str, body: ReviewIn, account: Account) -> dict[str, Any]:
    """Apply each part of ``body`` through the review service, in order: fields, grade,
    acceptance. Each part is its own logged change."""
    if not body.set and body.grade is None and not body.accept:
        raise ApiError(422, "nothing to do: give 'set', 'grade' or 'accept'")
    changes = []
    for name, value in body.set.items():
        raw = "" if value is None else str(value)
        done = reviews.correct(ws, target, name, raw, account.name, body.reason)
        changes.append({"field": name, "before": done["before"], "after": done["after"]})
    if body.grade is not None:
        if not target.startswith("incident:"):
            raise ApiError(422, "a grade is set on an incident, not on a report")
        reviews.set_grade(ws, int(target.partition(":")[2]), body.grade, body.reason or "",
                          account.name)
    if body.accept:
        reviews.accept(ws, target, account.name, body.reason)
    return {"target": target, "changes": changes, "grade": body.grade,
            "accepted": body.accept, "reviews": reviews.history(ws, target)}


@router.post("/incidents/{incident_id}/review")
def review_incident(incident_id: ItemId, body: ReviewIn, ws: WS,
                    account: Reviewer) -> ReviewDone:
    """Correct fields (they override the reconciled values), set the grade by hand (needs a
    reason) or accept the incident as right."""
    listing.require_incident(ws, incident_id)  # 404 before anything changes
    return _review(ws, f"incident:{incident_id}", body, account)  # type: ignore[return-value]


@router.post("/reports/{report_id}/review")
def review_report(report_id: ItemId, body: ReviewIn, ws: WS, account: Reviewer) -> ReviewDone:
    """Correct a report's fields (its incident is re-reconciled) or accept it."""
    if listing.report_is_sensitive(ws, report_id) and not sensitive_ok(account):
        raise ApiError(403, f"report {report_id} comes from a sensitive document")
    return _review(ws, f"report:{report_id}", body, account)  # type: ignore[return-value]


@router.post("/incidents/merge")
def merge(body: MergeIn, ws: WS, account: Reviewer) -> IncidentRef:
    """Move every report of ids[1:] into ids[0]."""
    kept = reviews.merge(ws, body.ids, account.name, body.reason)
    return IncidentRef(incident=kept)


@router.post("/incidents/{incident_id}/split", status_code=201)
def split(incident_id: ItemId, body: SplitIn, ws: WS, account: Reviewer) -> IncidentRef:
    """Move the given reports out of the incident into a new one."""
    new = reviews.split(ws, incident_id, body.reports, account.name, body.reason)
    return IncidentRef(incident=new)


@router.get("/review/queue")
def review_queue(ws: WS, account: Reviewer, paging: Pages) -> Page[IncidentSummary]:
    """Incidents nobody reviewed yet that are weak or contested or hold a report of low
    extraction confidence, newest first."""
    items, total = queue.review_queue(ws, paging.page, paging.per_page)
    return page_of(items, total, paging)  # type: ignore[return-value]
