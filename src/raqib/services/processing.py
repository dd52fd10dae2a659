"""`raqib process`: extraction of every ingested document not yet processed.

Each document is one transaction: its reports, claims, search entries and processing record
land together or not at all. A document that fails is recorded as failed with its error and
the run goes on; a re-run picks up what is left and retries what failed (incremental and
resumable). Reports are then
linked into incidents (``raqib.services.incidents``).

Sensitive documents: their reports keep the coded fields (type, date, place, numbers) but no
words — no evidence text, no claim statements, nothing in the search index — since the
document's text lives only in its sealed envelope.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from datetime import date
from typing import Any

from sqlalchemy import select
from sqlalchemy.orm import Session

from raqib.incidents.records import SourceInfo
from raqib.incidents.sources import recognise
from raqib.ingest.record import unseal_fields
from raqib.search import for_session
from raqib.store.engine import transaction
from raqib.store.models import ClaimRecord, Document, Processing, Report, Source
from raqib.vault.custody import utc_now
from raqib.workspace import Workspace

WITHHELD = "[sensitive]"


@dataclass
class ProcessSummary:
    processed: int = 0
    failed: list[tuple[int, str]] = field(default_factory=list)
    reports: int = 0
    claims: int = 0
    new_report_ids: list[int] = field(default_factory=list)
    touched_incidents: set[int] = field(default_factory=set)
    """Incidents whose reports were re-extracted (``again``): their fields need refreshing."""


def pending(ws: Workspace, again: bool = False) -> list[int]:
    """Ids of documents with text that no run has processed yet, or whose processing failed
    (all of them with ``again``)."""
    with ws.sessions() as session:
        query = select(Document.id).where(Document.text.is_not(None) | Document.sensitive)
        if not again:
            done = select(Processing.document_id).where(Processing.status == "done")
            query = query.where(Document.id.not_in(done))
        return list(session.execute(query.order_by(Document.id)).scalars())


def process(
    ws: Workspace, pipeline: Any, again: bool = False,
    progress: Callable[[int, int], None] | None = None,
) -> ProcessSummary:
    """Extract every pending document with ``pipeline`` (a ``raqib.extract`` Pipeline)."""
    summary = ProcessSummary()
    todo = pending(ws, again)
    for number, doc_id in enumerate(todo, 1):
        try:
            with transaction(ws.sessions) as session:
                report_ids, claims, touched = _process_one(session, ws, pipeline, doc_id)
        except Exception as exc:  # one document's failure is recorded; the run goes on
            message = f"{exc.__class__.__name__}: {exc}".splitlines()[0][:500]
            _record_failure(ws, doc_id, message)
            summary.failed.append((doc_id, message))
        else:
            summary.processed += 1
            summary.reports += len(report_ids)
            summary.claims += claims
            summary.new_report_ids.extend(report_ids)
            summary.touched_incidents |= touched
        if progress:
            progress(number, len(todo))
    return summary


def _process_one(session: Session, ws: Workspace, pipeline: Any, doc_id: int
                 ) -> tuple[list[int], int, set[int]]:
    doc = session.get(Document, doc_id)
    assert doc is not None
    fields = unseal_fields(doc, ws.blobs.seal_key)
    body = fields.get("text") or ""
    title = fields.get("title") or ""
    text = body if not title or body.startswith(title) else f"{title}\n\n{body}"
    reference = (doc.published_at or doc.captured_at).date()
    analysis = pipeline.run(str(doc.id), text, reference_date=reference, language=doc.language)
    source = source_row(session, recognise(
        fields.get("publisher"), fields.get("source_name"), fields.get("department"),
        url=fields.get("url")))
    corrections = _drop_previous(session, doc.id)
    report_ids = _store_reports(session, doc, analysis, corrections, title)
    claims = _store_claims(session, doc, analysis, report_ids)
    record = session.get(Processing, doc.id) or Processing(document_id=doc.id)
    record.status = "failed" if analysis.errors and not analysis.stages else "done"
    record.error = "; ".join(analysis.errors) or None
    record.components = list(analysis.stages)
    record.source_id = source.id
    record.processed_at = utc_now()
    session.add(record)
    search = for_session(session)
    if not doc.sensitive:
        search.add("document", doc.id, title, body)
    touched = {incident for _, incident, _ in corrections.values() if incident is not None}
    return report_ids, claims, touched


def source_row(session: Session, info: SourceInfo) -> Source:
    """The stored source for ``info``, created from the recognised entry if new."""
    row = session.execute(select(Source).where(Source.name == info.name)).scalar_one_or_none()
    if row is None:
        row = Source(name=info.name, kind=info.kind, side=info.side,
                     reliability=info.reliability, language=info.language)
        session.add(row)
        session.flush()
    return row


def _drop_previous(session: Session, doc_id: int) -> dict[int, tuple[dict, int | None, str]]:
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


def _store_reports(session: Session, doc: Document, analysis: Any,
                   kept: dict[int, tuple[dict, int | None, str]], title: str) -> list[int]:
    from raqib.extract.output import event_json

    ids = []
    for ordinal, event in enumerate(analysis.events):
        data = event_json(event)
        corrections, incident, placed_by = kept.get(ordinal, ({}, None, ""))
        data.update(corrections)
        evidence = None if doc.sensitive else (event.evidence.text if event.evidence else None)
        if doc.sensitive:
            data["evidence"] = None
            data["spans"] = {k: {"start": v["start"], "end": v["end"]}
                             for k, v in data["spans"].items()}
        report = Report(
            document_id=doc.id, ordinal=ordinal, fields=data, corrections=corrections,
            evidence=evidence, components=list(analysis.stages), created_at=utc_now(),
            incident_id=incident, placed_by=placed_by or None,
        )
        apply_columns(report, data)
        session.add(report)
        session.flush()
        ids.append(report.id)
        if evidence:
            for_session(session).add("report", report.id, title, evidence)
    return ids


def apply_columns(report: Report, data: dict[str, Any]) -> None:
    """Copy the indexed fields out of the report's field dict."""
    report.event_type = data.get("event_type") or ""
    report.sub_event_type = data.get("sub_event_type") or ""
    report.event_date = parse_day(data.get("event_date"))
    report.latitude = data.get("latitude")
    report.longitude = data.get("longitude")
    report.fatalities = int(data.get("fatalities") or 0)


def parse_day(value: str | None) -> date | None:
    try:
        return date.fromisoformat(value) if value else None
    except ValueError:
        return None


def _store_claims(session: Session, doc: Document, analysis: Any, report_ids: list[int]) -> int:
    for claim in analysis.claims:
        about = report_ids[claim.about] if claim.about is not None and claim.about < len(
            report_ids) else None
        session.add(ClaimRecord(
            document_id=doc.id, report_id=about,
            claimant=WITHHELD if doc.sensitive else claim.claimant,
            claimant_actor=claim.claimant_actor, stance=claim.stance,
            statement=WITHHELD if doc.sensitive else claim.statement,
            start=claim.start, end=claim.end, hedged=claim.hedged,
        ))
    return len(analysis.claims)


def _record_failure(ws: Workspace, doc_id: int, message: str) -> None:
    with transaction(ws.sessions) as session:
        record = session.get(Processing, doc_id) or Processing(document_id=doc_id)
        record.status, record.error = "failed", message
        record.components = record.components or []
        record.processed_at = utc_now()
        session.add(record)


def failures(ws: Workspace) -> Iterator[tuple[int, str]]:
    with ws.sessions() as session:
        rows = session.execute(select(Processing.document_id, Processing.error)
                               .where(Processing.status == "failed")).all()
    yield from ((int(d), str(e or "")) for d, e in rows)
