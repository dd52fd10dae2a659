"""Paginated listings and single records for the API: documents, reports, claims.

Sensitive documents and what came from them are left out unless the caller may read them
(``with_sensitive``); a single record of a sensitive document read here is logged to the
custody log, like ``documents.details`` and ``vault.read_original`` do.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from raqib.errors import RaqibError
from raqib.ingest.record import published_iso, unseal_fields
from raqib.services import incidents
from raqib.services.vault import find_document
from raqib.store.engine import transaction
from raqib.store.models import ClaimRecord, Document, Report
from raqib.vault import custody
from raqib.vault.verify import expected_object
from raqib.workspace import Workspace

HIDDEN_FIELDS = ("evidence", "spans")
"""Report fields given separately (spans) or only as the report's evidence words."""


class ReportNotFound(RaqibError):
    """No report has the given id."""


@dataclass(frozen=True)
class DocumentHead:
    id: int
    sha256: str
    media_type: str
    size: int
    sensitive: bool


def document_head(ws: Workspace, ref: str) -> DocumentHead:
    """What the edge needs to authorise a read: no sealed field, nothing logged."""
    with ws.sessions() as session:
        doc = find_document(session, ref)
        return DocumentHead(doc.id, doc.sha256, doc.media_type, doc.size, doc.sensitive)


def documents_page(ws: Workspace, page: int, per_page: int, with_sensitive: bool
                   ) -> tuple[list[dict[str, Any]], int]:
    with ws.sessions() as session:
        query = select(Document)
        if not with_sensitive:
            query = query.where(Document.sensitive.is_(False))
        total = _count(session, query)
        docs = session.execute(query.order_by(Document.id).offset((page - 1) * per_page)
                               .limit(per_page)).scalars().all()
        return [_document_summary(d) for d in docs], total


def _document_summary(d: Document) -> dict[str, Any]:
    return {
        "id": d.id, "status": d.status, "kind": d.kind,
        "title": "[sensitive]" if d.sensitive else d.title,
        "publisher": d.publisher, "published_at": published_iso(d), "language": d.language,
        "media_type": d.media_type, "size": d.size,
        "sha256": None if d.sensitive else d.sha256, "parent_id": d.parent_id,
        "sensitive": d.sensitive,
    }


def _count(session: Session, query: Any) -> int:
    return int(session.execute(select(func.count()).select_from(query.subquery())).scalar_one())


def document_reports(ws: Workspace, doc_id: int, user: str) -> list[dict[str, Any]]:
    """A document's reports with their spans (offsets into its text or its title); reading
    a sensitive document's reports is logged."""
    with transaction(ws.sessions) as session:
        doc = session.get(Document, doc_id)
        if doc is None:
            raise ReportNotFound(f"no document {doc_id}")
        if doc.sensitive:
            custody.append(session, "view", expected_object(doc), user, {"purpose": "reports"})
        reports = session.execute(select(Report).where(Report.document_id == doc_id)
                                  .order_by(Report.ordinal)).scalars().all()
        shift = _title_shift(ws, doc)
        return [{**_report_json(r, doc), "spans": _spans(r, shift)} for r in reports]


def _title_shift(ws: Workspace, doc: Document) -> int:
    """Extraction ran on 'title\\n\\ntext' when the text does not begin with the title."""
    fields = unseal_fields(doc, ws.blobs.seal_key)
    title, body = fields.get("title") or "", fields.get("text") or ""
    return 0 if not title or body.startswith(title) else len(title) + 2


def _spans(report: Report, shift: int) -> list[dict[str, Any]]:
    out = []
    for name, span in sorted(((report.fields or {}).get("spans") or {}).items()):
        start, end = int(span.get("start", 0)), int(span.get("end", 0))
        part = "title" if shift and end <= shift - 2 else "text"
        offset = 0 if part == "title" else shift
        out.append({"field": name, "part": part, "start": max(0, start - offset),
                    "end": max(0, end - offset), "text": span.get("text")})
    return out


def _report_json(r: Report, doc: Document) -> dict[str, Any]:
    fields = {k: v for k, v in (r.fields or {}).items() if k not in HIDDEN_FIELDS}
    return {
        "id": r.id, "document_id": r.document_id, "incident_id": r.incident_id,
        "sensitive": doc.sensitive, "document": None if doc.sensitive else doc.sha256,
        "event_type": r.event_type, "sub_event_type": r.sub_event_type,
        "event_date": r.event_date.isoformat() if r.event_date else None,
        "latitude": r.latitude, "longitude": r.longitude, "fatalities": r.fatalities,
        "location": fields.get("location"), "actor1": fields.get("actor1"),
        "actor2": fields.get("actor2"), "confidence": fields.get("confidence"),
        "evidence": None if doc.sensitive else r.evidence, "fields": fields,
        "corrections": r.corrections or {}, "placed_by": r.placed_by,
    }


def reports_page(ws: Workspace, page: int, per_page: int, with_sensitive: bool,
                 incident: int | None = None, document: int | None = None
                 ) -> tuple[list[dict[str, Any]], int]:
    with ws.sessions() as session:
        query = select(Report, Document).join(Document, Report.document_id == Document.id)
        if not with_sensitive:
            query = query.where(Document.sensitive.is_(False))
        if incident is not None:
            query = query.where(Report.incident_id == incident)
        if document is not None:
            query = query.where(Report.document_id == document)
        total = _count(session, query.with_only_columns(Report.id))
        rows = session.execute(query.order_by(Report.id).offset((page - 1) * per_page)
                               .limit(per_page)).all()
        return [_report_json(r, d) for r, d in rows], total


def report_is_sensitive(ws: Workspace, report_id: int) -> bool:
    with ws.sessions() as session:
        row = session.execute(select(Document.sensitive).join(
            Report, Report.document_id == Document.id).where(Report.id == report_id)).first()
    if row is None:
        raise ReportNotFound(f"no report {report_id}")
    return bool(row[0])


def report_detail(ws: Workspace, report_id: int, user: str) -> dict[str, Any]:
    """One report with its spans and review history; a sensitive one's read is logged."""
    from raqib.services.reviews import history

    with transaction(ws.sessions) as session:
        report = session.get(Report, report_id)
        if report is None:
            raise ReportNotFound(f"no report {report_id}")
        doc = session.get_one(Document, report.document_id)
        if doc.sensitive:
            custody.append(session, "view", expected_object(doc), user,
                           {"purpose": f"report {report_id}"})
        data = {**_report_json(report, doc), "spans": _spans(report, _title_shift(ws, doc))}
    data["reviews"] = history(ws, f"report:{report_id}")
    return data


def claims_page(ws: Workspace, page: int, per_page: int, with_sensitive: bool,
                incident: int | None = None, document: int | None = None,
                stance: str | None = None) -> tuple[list[dict[str, Any]], int]:
    with ws.sessions() as session:
        query = select(ClaimRecord, Document.sensitive).join(
            Document, ClaimRecord.document_id == Document.id)
        if not with_sensitive:
            query = query.where(Document.sensitive.is_(False))
        if incident is not None:
            in_incident = select(Report.document_id).where(Report.incident_id == incident)
            query = query.where(ClaimRecord.document_id.in_(in_incident))
        if document is not None:
            query = query.where(ClaimRecord.document_id == document)
        if stance:
            query = query.where(ClaimRecord.stance == stance)
        total = _count(session, query.with_only_columns(ClaimRecord.id))
        rows = session.execute(query.order_by(ClaimRecord.id).offset((page - 1) * per_page)
                               .limit(per_page)).all()
        return [_claim_json(c, sensitive) for c, sensitive in rows], total


def _claim_json(c: ClaimRecord, sensitive: bool) -> dict[str, Any]:
    return {"id": c.id, "document_id": c.document_id, "report_id": c.report_id,
            "claimant": c.claimant, "claimant_actor": c.claimant_actor, "stance": c.stance,
            "statement": c.statement, "start": c.start, "end": c.end, "hedged": c.hedged,
            "sensitive": sensitive, "claimant_side": c.claimant_side}


def incident_details(ws: Workspace, incident_id: int, with_sensitive: bool) -> dict[str, Any]:
    """``incidents.details`` for a reader: no sensitive document's hash in the contest
    claims, and for roles that may not read sensitive documents, no pointer to them."""
    data = incidents.details(ws, incident_id)
    public = set(data["documents"])
    for claims in ((data["summary"].get("contest") or {}).get("by_side") or {}).values():
        for claim in claims:
            if claim.get("document") not in public:
                claim["document"] = None
    if not with_sensitive:
        for report in data["reports"]:
            if report["sensitive"]:
                report["document_id"] = None
    return data


def require_incident(ws: Workspace, incident_id: int) -> None:
    """``IncidentNotFound`` unless the incident stands."""
    with ws.sessions() as session:
        incidents.get_incident(session, incident_id)
