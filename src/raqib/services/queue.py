"""What needs a person's eyes, and what happened to an incident's evidence.

- The review queue: incidents nobody has reviewed yet that are weak or contested, or hold a
  report the extractor was unsure of (confidence below ``LOW_CONFIDENCE``), newest first;
  and the unsure reports themselves that nobody has reviewed yet.
- An incident's trail: the custody entries of its documents, and the reviews of it and of
  its reports, oldest first.
"""

from __future__ import annotations

from typing import Any

from sqlalchemy import String, cast, exists, func, literal, or_, select

from raqib.services.incidents import LISTED, get_incident, incidents_json, live
from raqib.store.models import Document, Incident, Report, Review
from raqib.vault import custody
from raqib.vault.verify import expected_object
from raqib.workspace import Workspace

LOW_CONFIDENCE = 0.6
QUEUE_GRADES = ("weak", "contested")


def review_queue(ws: Workspace, page: int, per_page: int) -> tuple[list[dict[str, Any]], int]:
    target = literal("incident:", String).concat(cast(Incident.id, String))
    unsure = exists().where(Report.incident_id == Incident.id,
                            Report.confidence < LOW_CONFIDENCE)
    query = live().where(
        ~exists().where(Review.target == target),
        or_(Incident.grade.in_(QUEUE_GRADES), unsure))
    with ws.sessions() as session:
        # one pass: the page's ids, each with the count of the whole queue (a window over
        # every queued incident, taken before the page is cut); their listed columns after.
        # Ordering rows that carried the listed columns read every queued incident's summary
        # for its count of reports, and the count was a second pass: 50,000 queued of
        # 100,000, 650-900 ms, now 250.
        page_rows = session.execute(query.with_only_columns(
            Incident.id, func.count().over()).order_by(
            Incident.created_at.desc(), Incident.id.desc()).offset((page - 1) * per_page)
            .limit(per_page)).all()
        ids = [ident for ident, _ in page_rows]
        if page_rows:
            total = int(page_rows[0][1])
        else:  # past the last page (or none queued): the count alone
            total = int(session.execute(
                select(func.count()).select_from(query.subquery())).scalar_one())
        rows = {row.id: row for row in session.execute(
            select(*LISTED).where(Incident.id.in_(ids)))} if ids else {}
        return incidents_json(session, [rows[i] for i in ids]), total


def unreviewed_reports(ws: Workspace, limit: int = 50) -> list[dict[str, Any]]:
    """Reports in incidents, below ``LOW_CONFIDENCE``, that no person has reviewed."""
    target = literal("report:", String).concat(cast(Report.id, String))
    query = (select(Report, Document).join(Document, Report.document_id == Document.id)
             .where(Report.incident_id.is_not(None),
                    Report.confidence < LOW_CONFIDENCE,
                    ~exists().where(Review.target == target))
             .order_by(Report.id).limit(limit))
    with ws.sessions() as session:
        return [_queued_report(report, doc) for report, doc in session.execute(query)]


def _queued_report(report: Report, doc: Document) -> dict[str, Any]:
    fields = report.fields or {}
    return {"id": report.id, "incident_id": report.incident_id, "document_id": doc.id,
            "title": "[sensitive]" if doc.sensitive else doc.title,
            "event_type": report.event_type, "sub_event_type": report.sub_event_type,
            "event_date": fields.get("event_date"), "location": fields.get("location"),
            "actor1": fields.get("actor1"), "fatalities": report.fatalities,
            "confidence": float(fields.get("confidence") or 0.0)}


def incident_trail(ws: Workspace, incident_id: int, with_sensitive: bool
                   ) -> list[dict[str, Any]]:
    """Custody entries of the incident's documents and reviews of it and its reports.
    Entries about sensitive documents only for callers who may read them."""
    with ws.sessions() as session:
        get_incident(session, incident_id)
        docs = session.execute(select(Document).join(
            Report, Report.document_id == Document.id).where(
            Report.incident_id == incident_id).distinct()).scalars().all()
        report_ids = session.execute(select(Report.id).where(
            Report.incident_id == incident_id)).scalars().all()
        wanted = {expected_object(d): d.id for d in docs if with_sensitive or not d.sensitive}
        targets = {f"incident:{incident_id}", *(f"report:{r}" for r in report_ids)}
        out = []
        for idx, data in custody.iter_leaves(session):
            entry = custody.Entry.decode(data, strict=False)
            if entry.object in wanted or entry.object in targets:
                out.append({"index": idx, "time": entry.time, "user": entry.user,
                            "action": entry.action, "object": entry.object,
                            "document_id": wanted.get(entry.object),
                            "details": entry.details})
    return out
