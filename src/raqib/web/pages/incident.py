"""One incident: reconciled fields, grade and reasons, reports side by side by source and
side, claims by side, evidence with a verify action, the custody trail and the reviews."""

from __future__ import annotations

from collections import defaultdict
from typing import Annotated, Any

from fastapi import APIRouter, Form, Request, Response

from raqib.services import incidents as incident_service
from raqib.services import reviews, vault
from raqib.services.reviews import INCIDENT_FIELDS
from raqib.vault.proof import verify_bundle
from raqib.workspace import Workspace

from .core import PageReader, PageRoute, flash, render, see_other, workspace
from .data import incident_custody, reviews_of
from .overview import map_points

FOR = frozenset({"asserts", "accuses", "alleges", "confirms", "claims", "reports"})
AGAINST = frozenset({"denies", "refutes", "rejects", "disputes"})
SHOWN_FIELDS = ("event_date", "time_precision", "event_type", "sub_event_type", "location",
                "admin1", "country", "latitude", "longitude", "geo_precision", "actor1",
                "actor2", "weapon", "fatalities_min", "fatalities_max", "injured_min",
                "injured_max", "reports", "independent_sources")


def stance_class(stance: str) -> str:
    return "for" if stance in FOR else "against" if stance in AGAINST else "other"


def evidence(reports: list[dict[str, Any]]) -> list[dict[str, Any]]:
    """One entry per document behind the incident's reports, in report order."""
    seen: dict[int, dict[str, Any]] = {}
    for report in reports:
        doc = seen.setdefault(report["document_id"], {
            "id": report["document_id"], "sha256": report["document"],
            "sensitive": report["sensitive"], "title": report["title"],
            "source": report["source"], "side": report["side"], "reports": []})
        doc["reports"].append(report["id"])
    return list(seen.values())


def by_side_and_source(reports: list[dict[str, Any]]) -> list[tuple[str, list[tuple]]]:
    """[(side, [(source, [reports])])], sides and sources in name order."""
    grouped: dict[str, dict[str, list[dict[str, Any]]]] = defaultdict(lambda: defaultdict(list))
    for report in reports:
        grouped[report["side"] or "unknown"][report["source"] or "unknown source"].append(report)
    return [(side, sorted(sources.items())) for side, sources in sorted(grouped.items())]


def history(ws: Workspace, data: dict[str, Any]) -> list[dict[str, Any]]:
    """Reviews of the incident and of its reports, oldest first."""
    targets = [f"incident:{data['id']}", *(f"report:{r['id']}" for r in data["reports"])]
    return sorted(reviews_of(ws, targets), key=lambda r: (r["at"], r["leaf"] or 0))


def trail_for(ws: Workspace, data: dict[str, Any], done: list[dict[str, Any]]
              ) -> list[dict[str, Any]]:
    """The custody leaves of the incident: its documents' ingests and its reviews."""
    doc_ids = sorted({r["document_id"] for r in data["reports"]})
    return incident_custody(ws, doc_ids, [r["leaf"] for r in done if r["leaf"] is not None])


def router() -> APIRouter:
    router = APIRouter(route_class=PageRoute, include_in_schema=False)

    @router.get("/incidents/{incident_id}")
    def incident_page(request: Request, user: PageReader, incident_id: int) -> Response:
        ws = workspace(request)
        try:
            data = incident_service.details(ws, incident_id)
        except incident_service.IncidentMerged as merged:  # an old link still leads there
            flash(request, f"{merged}: showing incident {merged.into}.")
            return see_other(f"/incidents/{merged.into}")
        done = history(ws, data)
        summary = data["summary"]
        contest = summary.get("contest") or {}
        claims = contest.get("by_side") or {}
        return render(request, "incident.html", {
            "incident": data, "fields": summary.get("fields") or {},
            "shown_fields": SHOWN_FIELDS, "grade": summary.get("grade") or {},
            "contest": contest, "claims_by_side": sorted(claims.items()),
            "stance_class": stance_class, "sides": by_side_and_source(data["reports"]),
            "evidence": evidence(data["reports"]), "trail": trail_for(ws, data, done),
            "history": done, "points": map_points([data]),
            "incident_fields": INCIDENT_FIELDS, "grades": reviews.GRADES,
            "claim_counts": _claim_counts(claims)})

    @router.post("/documents/{doc_id}/verify")
    def verify(request: Request, user: PageReader, doc_id: int,
               incident: Annotated[int | None, Form()] = None) -> Response:
        """Make the document's inclusion proof and check it against the workspace key."""
        ws = workspace(request)
        bundle = vault.proof(ws, str(doc_id), user.name)
        checks = verify_bundle(bundle, pinned_key=ws.public_key_text())
        return render(request, "verify.html", {
            "doc_id": doc_id, "bundle": bundle, "checks": checks, "incident": incident,
            "ok": all(c.ok for c in checks)})

    return router


def _claim_counts(by_side: dict[str, list[dict[str, Any]]]) -> dict[str, int]:
    counts = {"for": 0, "against": 0, "other": 0}
    for claims in by_side.values():
        for claim in claims:
            counts[stance_class(claim.get("stance") or "")] += 1
    return counts
