"""What a case file shows: its incidents in full, the evidence behind them, and excerpts of
the custody trail, read from the workspace once and shared by the HTML page and the PDF.

Nothing here reveals a sensitive document: its title, hash, claims and words stay out;
only its existence (and, when the export includes it sealed, its bundle path) is shown.
"""

from __future__ import annotations

import mimetypes
from dataclasses import dataclass, field
from typing import Any

from sqlalchemy import select

from raqib.outputs.cases import Case
from raqib.services import incidents as incident_service
from raqib.store.models import Document, Incident
from raqib.vault import custody
from raqib.vault.verify import expected_object
from raqib.workspace import Workspace

TRAIL_HEAD = 3
TRAIL_TAIL = 7


@dataclass
class Evidence:
    """One document behind the case's incidents, and where it sits in the bundle."""

    doc_id: int
    sha256: str
    size: int
    media_type: str
    title: str
    source: str
    sensitive: bool
    incidents: list[int] = field(default_factory=list)
    path: str | None = None
    proof: str | None = None

    @property
    def included(self) -> bool:
        return self.path is not None

    @property
    def label(self) -> str:
        return f"sensitive document #{self.doc_id}" if self.sensitive else self.title

    def bundle_names(self) -> tuple[str, str]:
        """(evidence path, proof path) for this document inside a bundle."""
        if self.sensitive:
            return (f"evidence/sealed/doc-{self.doc_id}.sealed",
                    f"proofs/sealed/doc-{self.doc_id}.json.sealed")
        ext = mimetypes.guess_extension(self.media_type.split(";")[0].strip()) or ".bin"
        return f"evidence/{self.sha256}{ext}", f"proofs/{self.sha256}.json"


@dataclass
class TrailExcerpt:
    total: int
    entries: list[dict[str, Any]]


@dataclass
class CaseContent:
    case: Case
    incidents: list[dict[str, Any]]
    evidence: list[Evidence]
    trails: dict[str, TrailExcerpt]
    """Bundle label ("document 3", "case NAME") -> the first and last leaves about it."""
    merged: dict[int, int]
    """Case incident id -> the incident it was merged into since the case was made."""


def _resolve(ws: Workspace, ids: list[int]) -> tuple[list[int], dict[int, int]]:
    """Follow merges, so a case made before a merge shows the incident that stands now."""
    resolved: list[int] = []
    merged: dict[int, int] = {}
    with ws.sessions() as session:
        for incident_id in ids:
            current, seen = incident_id, set()
            row = session.get(Incident, current)
            while row is not None and row.merged_into and current not in seen:
                seen.add(current)
                current = row.merged_into
                row = session.get(Incident, current)
            if row is None:
                continue
            if current != incident_id:
                merged[incident_id] = current
            if current not in resolved:
                resolved.append(current)
    return resolved, merged


def _redact(data: dict[str, Any], sensitive_shas: set[str]) -> dict[str, Any]:
    """Drop claims quoted from sensitive documents (their words may identify a witness)."""
    contest = (data.get("summary") or {}).get("contest") or {}
    by_side = contest.get("by_side") or {}
    for side, claims in list(by_side.items()):
        by_side[side] = [c for c in claims if c.get("document") not in sensitive_shas]
    for report in data.get("reports", []):
        if report.get("sensitive"):
            report.update(title=None, evidence=None, source="sensitive source")
    return data


def _evidence(ws: Workspace, incidents: list[dict[str, Any]]) -> list[Evidence]:
    by_doc: dict[int, list[int]] = {}
    for data in incidents:
        for report in data["reports"]:
            ids = by_doc.setdefault(int(report["document_id"]), [])
            if data["id"] not in ids:
                ids.append(data["id"])
    sources = {int(r["document_id"]): r["source"] for d in incidents for r in d["reports"]}
    with ws.sessions() as session:
        docs = session.execute(select(Document).where(Document.id.in_(list(by_doc)))
                               .order_by(Document.id)).scalars().all()
        return [
            Evidence(doc.id, doc.sha256, doc.size, doc.media_type,
                     "" if doc.sensitive else (doc.title or doc.filename or ""),
                     "sensitive source" if doc.sensitive else sources.get(doc.id, ""),
                     doc.sensitive, by_doc[doc.id])
            for doc in docs
        ]


def trails(ws: Workspace, case: Case, evidence: list[Evidence]) -> dict[str, TrailExcerpt]:
    """One pass over the log: the leaves about each document and about the case."""
    with ws.sessions() as session:
        docs = {d.id: d for d in session.execute(
            select(Document).where(Document.id.in_([e.doc_id for e in evidence]))).scalars()}
        wanted = {expected_object(docs[e.doc_id]): f"document #{e.doc_id}" for e in evidence}
        wanted[f"case:{case.name}"] = f"case {case.name}"
        found: dict[str, list[dict[str, Any]]] = {label: [] for label in wanted.values()}
        for idx, data in custody.iter_leaves(session):
            entry = custody.Entry.decode(data, strict=False)
            label = wanted.get(entry.object)
            if label is not None:
                found[label].append({"index": idx, "time": entry.time, "user": entry.user,
                                     "action": entry.action, "details": entry.details})
    return {label: TrailExcerpt(len(rows), _excerpt(rows)) for label, rows in found.items()}


def _excerpt(rows: list[dict[str, Any]]) -> list[dict[str, Any]]:
    if len(rows) <= TRAIL_HEAD + TRAIL_TAIL:
        return rows
    return rows[:TRAIL_HEAD] + rows[-TRAIL_TAIL:]


def gather(ws: Workspace, case: Case) -> CaseContent:
    ids, merged = _resolve(ws, case.incidents)
    incidents = [incident_service.details(ws, incident_id) for incident_id in ids]
    evidence = _evidence(ws, incidents)
    sensitive = {e.sha256 for e in evidence if e.sensitive}
    incidents = [_redact(data, sensitive) for data in incidents]
    return CaseContent(case, incidents, evidence, trails(ws, case, evidence), merged)
