"""The rows one processed document leaves in the store: its reports (with their indexed
columns), its claims, its source, its processing record and its search entries.

``raqib.services.processing`` runs extraction and calls ``store_one`` for each document of a
batch, inside the document's savepoint; a ``Batch`` holds what the documents of one
transaction share (their rows read in one query each, the sources seen, the search entries
to write once at the end).
"""

from __future__ import annotations

import copy
from dataclasses import dataclass, field
from datetime import UTC, date, datetime
from typing import Any

from sqlalchemy import select
from sqlalchemy.orm import Session

from raqib.incidents.records import WITHHELD, SourceInfo
from raqib.incidents.sources import recognise
from raqib.ingest.record import unseal_fields
from raqib.search import Entry, for_session
from raqib.store.idsets import among
from raqib.store.models import ClaimRecord, Document, Processing, Report, Source
from raqib.vault.custody import db_now
from raqib.workspace import Workspace


@dataclass
class Batch:
    """What one stored batch shares: its documents and processing records read in one query
    each, the sources seen, and the search entries of the documents stored so far (written
    once, after the last document: one statement instead of two per document)."""

    documents: dict[int, Document]
    records: dict[int, Processing]
    sources: dict[str, Source] = field(default_factory=dict)
    entries: list[Entry] = field(default_factory=list)

    @classmethod
    def read(cls, session: Session, ids: list[int]) -> Batch:
        docs = session.execute(select(Document).where(among(session, Document.id, ids)))
        records = session.execute(select(Processing).where(
            among(session, Processing.document_id, ids)))
        return cls({d.id: d for d in docs.scalars()},
                   {r.document_id: r for r in records.scalars()})


def document_fields(ws: Workspace, doc: Document) -> dict[str, Any]:
    """A document's text and metadata; the seal key is read only for a sealed document."""
    return unseal_fields(doc, ws.blobs.seal_key if doc.sealed is not None else b"")


def already_done(record: Processing | None, since: datetime | None) -> bool:
    if record is None or record.status != "done":
        return False
    if since is None:
        return True
    at = record.processed_at
    if at is not None and at.tzinfo is None:
        at = at.replace(tzinfo=UTC)
    return at is not None and at >= since


def store_one(session: Session, ws: Workspace, doc_id: int, result: dict[str, Any],
               done_since: datetime | None, shared: Batch,
               ) -> tuple[list[int], int, set[int]] | None:
    """Store one document's result; one already done (by another writer before this one
    took the writer lock, or by an attempt of this run whose answer was lost) is left as it
    is: None. Its search entries join ``shared.entries`` once it is stored whole."""
    earlier = shared.records.get(doc_id)  # None: never processed, nothing to drop
    if already_done(earlier, done_since):
        return None
    doc = shared.documents[doc_id]
    fields = document_fields(ws, doc)
    body = fields.get("text") or ""
    title = fields.get("title") or ""
    source = source_row(session, recognise(
        fields.get("publisher"), fields.get("source_name"), fields.get("department"),
        # a file with no address (a PDF report) names its maker as its author
        None if fields.get("url") else fields.get("author"),
        url=fields.get("url")), shared.sources)
    corrections = drop_previous(session, doc.id) if earlier is not None else {}
    report_ids, entries = store_reports(session, doc, result, corrections, title)
    claims = store_claims(session, doc, result, report_ids)
    errors, stages = list(result.get("errors") or []), list(result.get("stages") or [])
    record = earlier or Processing(document_id=doc.id)
    record.status = "failed" if errors and not stages else "done"
    record.error = "; ".join(errors) or None
    record.components = components_of(result)
    record.source_id = source.id
    record.processed_at = db_now()
    session.add(record)
    session.flush()  # inside the savepoint: a failure here rolls back this document only
    shared.records[doc_id] = record
    if not doc.sensitive:
        entries.append(("document", doc.id, title, body))
    shared.entries.extend(entries)
    touched = {incident for _, incident, _ in corrections.values() if incident is not None}
    return report_ids, claims, touched


def source_row(session: Session, info: SourceInfo, seen: dict[str, Source] | None = None
               ) -> Source:
    """The stored source for ``info``, created from the recognised entry if new; ``seen``:
    the sources this transaction has found already, by name."""
    row = seen.get(info.name) if seen is not None else None
    if row is None:
        row = session.execute(select(Source).where(Source.name == info.name)
                              ).scalar_one_or_none()
    if row is None:
        row = Source(name=info.name, kind=info.kind, side=info.side,
                     reliability=info.reliability, language=info.language)
        session.add(row)
        session.flush()
    if seen is not None:
        seen[info.name] = row
    return row


def drop_previous(session: Session, doc_id: int) -> dict[int, tuple[dict, int | None, str]]:
    """Remove an earlier run's reports and claims (``--again``), keeping what people did and
    where each report was placed: returns ordinal -> (corrections, incident, placed_by)."""
    kept: dict[int, tuple[dict, int | None, str]] = {}
    search = for_session(session)
    for claim in session.execute(select(ClaimRecord).where(ClaimRecord.document_id == doc_id)
                                 ).scalars():
        session.delete(claim)
    for report in session.execute(select(Report).where(Report.document_id == doc_id)).scalars():
        kept[report.ordinal] = (report.corrections or {}, report.incident_id,
                                report.placed_by or "")
        search.remove("report", report.id)
        session.delete(report)
    session.flush()
    return kept


def components_of(result: dict[str, Any]) -> list[str]:
    """The stages that made a document's output, then the model and reference files they
    read, with their digests (``Pipeline.resources``)."""
    return list(result.get("stages") or []) + list(result.get("resources") or [])


def store_reports(session: Session, doc: Document, result: dict[str, Any],
                   kept: dict[int, tuple[dict, int | None, str]], title: str,
                   ) -> tuple[list[int], list[Entry]]:
    """The document's reports stored; their ids, and their search entries to write."""
    stages = components_of(result)
    reports = []
    for ordinal, event in enumerate(result.get("events") or []):
        data = dict(event)  # top-level changes only: the caller's result stays as it was
        found = data.get("evidence")
        evidence = None if doc.sensitive or not found else found.get("text")
        corrections, incident, placed_by = kept.get(ordinal, ({}, None, ""))
        data.update(copy.deepcopy(corrections))
        if doc.sensitive:
            data["evidence"] = None
            data["spans"] = {k: {"start": v["start"], "end": v["end"]}
                             for k, v in data["spans"].items()}
        report = Report(
            document_id=doc.id, ordinal=ordinal, fields=data, corrections=corrections,
            evidence=evidence, components=stages, created_at=db_now(),
            incident_id=incident, placed_by=placed_by or None,
        )
        apply_columns(report, data)
        reports.append(report)
    session.add_all(reports)
    session.flush()  # one INSERT for all of them; the ids are needed below
    entries: list[Entry] = [("report", report.id, title, report.evidence)
                            for report in reports if report.evidence]
    return [report.id for report in reports], entries


def apply_columns(report: Report, data: dict[str, Any]) -> None:
    """Copy the indexed fields out of the report's field dict."""
    report.event_type = data.get("event_type") or ""
    report.sub_event_type = data.get("sub_event_type") or ""
    report.event_date = parse_day(data.get("event_date"))
    report.latitude = data.get("latitude")
    report.longitude = data.get("longitude")
    report.fatalities = int(data.get("fatalities") or 0)
    confidence = data.get("confidence")
    report.confidence = float(confidence) if isinstance(confidence, (int, float)) else None


def reference_day(doc: Any) -> date:
    """The day a document's extraction counts from ("yesterday", "on Saturday"): its
    publication, else its capture (a ``Document`` or a row with both columns)."""
    return (doc.published_at or doc.captured_at).date()


def parse_day(value: str | None) -> date | None:
    try:
        return date.fromisoformat(value) if value else None
    except ValueError:
        return None


def store_claims(session: Session, doc: Document, result: dict[str, Any],
                  report_ids: list[int]) -> int:
    claims = result.get("claims") or []
    for claim in claims:
        about = claim.get("about")
        about = report_ids[about] if about is not None and about < len(report_ids) else None
        session.add(ClaimRecord(
            document_id=doc.id, report_id=about,
            claimant=WITHHELD if doc.sensitive else claim["claimant"],
            claimant_actor=claim["claimant_actor"], stance=claim["stance"],
            statement=WITHHELD if doc.sensitive else claim["statement"],
            start=claim["start"], end=claim["end"], hedged=claim.get("hedged", False),
            claimant_side=claim.get("claimant_side"),
        ))
    return len(claims)


def mark_failed(session: Session, doc_id: int, message: str,
                 record: Processing | None = None) -> None:
    record = record or session.get(Processing, doc_id) or Processing(document_id=doc_id)
    record.status, record.error = "failed", message
    record.components = record.components or []
    record.processed_at = db_now()
    session.add(record)
