"""Reports (one event as one document tells it) and claims (who asserts or denies what)."""

from __future__ import annotations

from typing import Annotated

from fastapi import APIRouter, Query

from raqib.services import listing
from raqib.web.api.common import ERRORS, WS, ItemId, Page, Pages, page_of, sensitive_ok
from raqib.web.api.models import ClaimOut, ReportDetail, ReportOut
from raqib.web.auth import Reader
from raqib.web.errors import ApiError

router = APIRouter(prefix="/api", tags=["reports"], responses=ERRORS)
Id = Annotated[int | None, Query(ge=1, le=2**53)]


@router.get("/reports")
def list_reports(ws: WS, account: Reader, paging: Pages, incident: Id = None,
                 document: Id = None) -> Page[ReportOut]:
    """Reports, by id; of one incident or one document. Reports of sensitive documents only
    for roles that may read them (and never with their words)."""
    items, total = listing.reports_page(ws, paging.page, paging.per_page, sensitive_ok(account),
                                        incident=incident, document=document)
    return page_of(items, total, paging)  # type: ignore[return-value]


@router.get("/reports/{report_id}")
def get_report(report_id: ItemId, ws: WS, account: Reader) -> ReportDetail:
    """One report with its spans and review history; a sensitive one's read is logged."""
    if listing.report_is_sensitive(ws, report_id) and not sensitive_ok(account):
        raise ApiError(403, f"report {report_id} comes from a sensitive document")
    return listing.report_detail(ws, report_id, account.name)  # type: ignore[return-value]


@router.get("/claims")
def list_claims(
    ws: WS, account: Reader, paging: Pages, incident: Id = None, document: Id = None,
    stance: Annotated[str | None, Query(max_length=40,
                                        description="asserts, denies, accuses, calls_for …")
                      ] = None,
) -> Page[ClaimOut]:
    """Claims, by id; of one incident's documents or one document; of one stance."""
    items, total = listing.claims_page(ws, paging.page, paging.per_page, sensitive_ok(account),
                                       incident=incident, document=document, stance=stance)
    return page_of(items, total, paging)  # type: ignore[return-value]
