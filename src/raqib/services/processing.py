"""`raqib process`: extraction of every ingested document not yet processed.

Each document is one unit: its reports, claims, search entries and processing record land
together or not at all. Up to ``BATCH`` documents share one database transaction (one commit,
one fsync) with each document in its own savepoint, so a document that fails to store is
rolled back alone and recorded as failed with its error while the rest of the batch goes on;
a crash loses at most the uncommitted batch, which the next run processes again (incremental
and resumable). Several writers may store at once (Dask workers, two runs on one PostgreSQL
workspace): their transactions take the store's writer lock in turn, and storing leaves a
document already done as it is, so nothing is stored twice. Reports are then linked into
incidents (``raqib.services.incidents``). The rows each document leaves are written by
``raqib.services.document_rows``.

Sensitive documents: their reports keep the coded fields (type, date, place, numbers) but no
words — no evidence text, no claim statements, nothing in the search index — since the
document's text lives only in its sealed envelope.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from datetime import date, datetime
from typing import Any

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from raqib.search import for_session
from raqib.services import document_rows as rows
from raqib.store.engine import transaction
from raqib.store.idsets import among
from raqib.store.models import ClaimRecord, Document, Processing, Report
from raqib.vault.custody import utc_now
from raqib.workspace import Workspace

BATCH = 64
"""Documents stored per transaction at most."""
Extracted = dict[str, Any] | str
"""A document's extraction result (``extract``), or why extracting it failed."""


@dataclass
class ProcessSummary:
    processed: int = 0
    failed: list[tuple[int, str]] = field(default_factory=list)
    reports: int = 0
    claims: int = 0
    new_report_ids: list[int] = field(default_factory=list)
    touched_incidents: set[int] = field(default_factory=set)
    """Incidents whose reports were re-extracted (``again``): their fields need refreshing."""
    found_done: list[int] = field(default_factory=list)
    """Documents found done by another writer and left as they were (not counted above)."""

    def merge(self, other: ProcessSummary) -> None:
        """Add another part of the same run (a cluster task's) to this one."""
        self.processed += other.processed
        self.failed.extend(other.failed)
        self.reports += other.reports
        self.claims += other.claims
        self.new_report_ids.extend(other.new_report_ids)
        self.touched_incidents |= other.touched_incidents
        self.found_done.extend(other.found_done)


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
    progress: Callable[[int, int], None] | None = None, todo: list[int] | None = None,
    since: datetime | None = None, sensitive: bool = True,
) -> ProcessSummary:
    """Extract documents with ``pipeline`` (a ``raqib.extract`` Pipeline) and store them:
    ``todo``, or by default every pending one (``pending``). ``since``: when the run began
    (``again``; default now), a document done since then is left as it is. ``sensitive``
    False: sensitive documents are not read here but recorded as failed (a cluster worker)."""
    summary = ProcessSummary()
    todo = pending(ws, again) if todo is None else todo
    since = since or (utc_now() if again else None)
    if progress and todo:
        progress(0, len(todo))
    for start in range(0, len(todo), BATCH):
        batch: list[tuple[int, Extracted]] = []
        for doc_id, item in payloads(ws, todo[start:start + BATCH], sensitive):
            try:
                batch.append((doc_id, item if isinstance(item, str) else extract(pipeline, item)))
            except Exception as exc:  # one document's failure is recorded; the run goes on
                batch.append((doc_id, reason(exc)))
        store_results(ws, summary, batch, done_since=since)
        if progress:
            progress(start + len(batch), len(todo))
    return summary


# -- extracting one document: pure, shippable to a worker -----------------------------------


def payloads(ws: Workspace, ids: list[int], sensitive: bool = True
             ) -> Iterator[tuple[int, Extracted]]:
    """Each document's ``payload``, in the order of ``ids``, read in one query; for a
    document that cannot be read (or is sensitive, when ``sensitive`` is False), why
    (recorded on it when its turn comes)."""
    with ws.sessions() as session:
        docs = {d.id: d for d in session.execute(
            select(Document).where(among(session, Document.id, ids))).scalars()}
        for doc_id in ids:
            try:
                if not sensitive and docs[doc_id].sensitive:
                    raise PermissionError("sensitive document: processed only on the client")
                yield doc_id, payload(docs[doc_id], ws)
            except Exception as exc:
                yield doc_id, reason(exc)


def sensitive_among(ws: Workspace, ids: list[int]) -> set[int]:
    """Which of ``ids`` are sensitive documents."""
    with ws.sessions() as session:
        return set(session.execute(select(Document.id).where(
            among(session, Document.id, ids), Document.sensitive)).scalars())


OWN_VOICE = ("press release", "statement")
"""Kinds of document that speak in their publisher's voice: the publisher named in their
metadata is handed to extraction as a closing 'Publisher: X' line (the claims stage's way of
being told; the body's offsets stay as they are), so that their unattributed sentences are the
publisher's claims rather than '(publisher)'s."""


def payload(doc: Document, ws: Workspace) -> dict[str, Any]:
    fields = rows.document_fields(ws, doc)
    body = fields.get("text") or ""
    title = fields.get("title") or ""
    text = body if not title or body.startswith(title) else f"{title}\n\n{body}"
    if doc.kind in OWN_VOICE and doc.publisher:  # its header went to the metadata
        text += f"\n\nPublisher: {' '.join(doc.publisher.split())}"
    reference = rows.reference_day(doc)
    return {"id": doc.id, "text": text, "title": title, "reference_date": reference.isoformat(),
            "language": doc.language, "sensitive": bool(doc.sensitive)}


def extract(pipeline: Any, payload: dict[str, Any]) -> dict[str, Any]:
    """Run ``pipeline`` on one document's payload: the events, claims, stages and errors as
    JSON (``raqib.extract.output.document_json``). Pure: reads and writes nothing else."""
    from raqib.extract.output import document_json

    reference = payload.get("reference_date")
    analysis = pipeline.run(
        str(payload["id"]), payload["text"],
        reference_date=date.fromisoformat(reference) if reference else None,
        language=payload.get("language"))
    return document_json(analysis)


# -- storing results: one transaction per batch, a savepoint per document -------------------


def store_results(ws: Workspace, summary: ProcessSummary, batch: list[tuple[int, Extracted]],
                  done_since: datetime | None = None) -> None:
    """Store each document's outcome in one transaction, each document in its own savepoint,
    and add them to ``summary`` once committed. A document whose storing fails, or whose
    outcome is a failure, is recorded as failed; the others go on. Idempotent: a document
    already done (since ``done_since`` when given, i.e. in this run of ``--again``) is left
    as it is. If the transaction cannot commit at all, each document is tried on its own."""
    if not batch:
        return
    if len(batch) > 1:
        try:
            _store_batch(ws, summary, batch, done_since)
            return
        except Exception:  # the batch rolled back whole: go one by one
            pass
    for item in batch:
        try:
            _store_batch(ws, summary, [item], done_since)
        except Exception as exc:  # even alone it cannot be stored: record it, go on
            record_failed(ws, summary, item[0], exc)


def _store_batch(ws: Workspace, summary: ProcessSummary, batch: list[tuple[int, Extracted]],
                 done_since: datetime | None) -> None:
    stored: list[tuple[list[int], int, set[int]]] = []
    failed: list[tuple[int, str]] = []
    found: list[int] = []
    with transaction(ws.sessions) as session:
        shared = rows.Batch.read(session, [doc_id for doc_id, _ in batch])
        for doc_id, outcome in batch:
            if isinstance(outcome, dict):
                try:
                    with session.begin_nested():
                        done = rows.store_one(session, ws, doc_id, outcome, done_since, shared)
                    if done is None:
                        found.append(doc_id)
                    else:
                        stored.append(done)
                    continue
                except Exception as exc:  # rolled back to the savepoint: this one only
                    outcome = reason(exc)
            why = reason(outcome)
            rows.mark_failed(session, doc_id, why, shared.records.get(doc_id))
            failed.append((doc_id, why))
        for_session(session).add_many(shared.entries)
    for outcome in stored:
        _add(summary, outcome)
    summary.failed.extend(failed)
    summary.found_done.extend(found)


def reason(exc: BaseException | str) -> str:
    """The first line of an error, as recorded on the document."""
    text = exc if isinstance(exc, str) else f"{exc.__class__.__name__}: {exc}"
    return (text.splitlines() or [""])[0][:500]


def record_failed(ws: Workspace, summary: ProcessSummary, doc_id: int,
                  exc: BaseException | str) -> None:
    """Record that ``doc_id`` failed (its first error line) on the document and in summary."""
    message = reason(exc)
    with transaction(ws.sessions) as session:
        rows.mark_failed(session, doc_id, message)
    summary.failed.append((doc_id, message))


def settle(ws: Workspace, summary: ProcessSummary, ids: list[int], why: str,
           done_since: datetime | None = None) -> None:
    """After a task that finally failed (its worker died too often, say): each of ``ids``
    found done (by an attempt whose answer was lost) goes to ``found_done``, each other one
    is recorded as failed with ``why``."""
    found = ProcessSummary()
    with transaction(ws.sessions) as session:
        for doc_id in ids:
            if rows.already_done(session.get(Processing, doc_id), done_since):
                found.found_done.append(doc_id)
            else:
                rows.mark_failed(session, doc_id, why)
                found.failed.append((doc_id, why))
    summary.merge(found)


def count_found(ws: Workspace, summary: ProcessSummary) -> None:
    """Count the documents in ``summary.found_done`` as processed, with what is stored for
    them. For a cluster run: they were pending when it began, so an attempt of its own whose
    answer was lost (a worker that died after committing) stored them, or a run beside it."""
    with ws.sessions() as session:
        for doc_id in summary.found_done:
            _add(summary, _stored_outcome(session, doc_id))
    summary.found_done.clear()


def _add(summary: ProcessSummary, outcome: tuple[list[int], int, set[int]]) -> None:
    report_ids, claims, touched = outcome
    summary.processed += 1
    summary.reports += len(report_ids)
    summary.claims += claims
    summary.new_report_ids.extend(report_ids)
    summary.touched_incidents |= touched


def _stored_outcome(session: Session, doc_id: int) -> tuple[list[int], int, set[int]]:
    """What is stored for a document already done: its report ids and claim count."""
    report_ids = list(session.execute(select(Report.id).where(Report.document_id == doc_id)
                                      .order_by(Report.ordinal)).scalars())
    claims = session.scalar(select(func.count()).select_from(ClaimRecord)
                            .where(ClaimRecord.document_id == doc_id)) or 0
    return report_ids, int(claims), set()


def failures(ws: Workspace) -> Iterator[tuple[int, str]]:
    with ws.sessions() as session:
        rows = session.execute(select(Processing.document_id, Processing.error)
                               .where(Processing.status == "failed")).all()
    yield from ((int(d), str(e or "")) for d, e in rows)
