"""One document: its text with the extracted spans highlighted and linked to the fields
they produced, the claims it carries, and its original bytes (each download logged).

Spans are offsets into the text the extractor read: the title, a blank line and the body
(the body alone when it already starts with the title), as ``services.processing`` builds it.
Sensitive documents are shown only to roles that may read them; the services log each read.
"""

from __future__ import annotations

from typing import Any
from urllib.parse import quote

from fastapi import APIRouter, Request, Response
from fastapi.responses import StreamingResponse

from raqib.services import documents, vault
from raqib.services.vault import find_document
from raqib.web.auth import allowed
from raqib.web.errors import ApiError

from .core import PageReader, PageRoute, render, workspace
from .data import document_extractions
from .fmt import Span, highlighted

SPAN_FIELDS = ("event_type", "sub_event_type", "event_date", "location", "actor1", "actor2",
               "fatalities", "injured", "weapon", "targets")
LONG_SPAN = 400
"""Longer spans (a whole article as the evidence of a type) are listed, not highlighted."""
PASSAGE = 80
"""Spans longer than this (a sentence or two) are shaded lightly, so the words in them show."""


def analysed_text(title: str | None, body: str | None) -> str:
    body, title = body or "", title or ""
    return body if not title or body.startswith(title) else f"{title}\n\n{body}"


def spans_of(reports: list[dict[str, Any]], claims: list[dict[str, Any]]) -> list[Span]:
    spans = []
    for number, report in enumerate(reports, 1):
        for name, span in sorted((report["fields"].get("spans") or {}).items()):
            size = span.get("end", 0) - span.get("start", 0)
            if size <= LONG_SPAN:
                spans.append(Span(int(span["start"]), int(span["end"]),
                                  f"r{report['id']}-{name}", f"report {number}: {name}",
                                  "passage" if size > PASSAGE else "field"))
    for claim in claims:
        if claim["start"] is not None and claim["end"] is not None:
            spans.append(Span(int(claim["start"]), int(claim["end"]), f"c{claim['id']}",
                              f"claim ({claim['stance']})", "claim"))
    return spans


def field_rows(report: dict[str, Any]) -> list[dict[str, Any]]:
    """The fields of one report with their span (if any), for the table beside the text."""
    fields, spans = report["fields"], report["fields"].get("spans") or {}
    rows = []
    for name in SPAN_FIELDS:
        span = spans.get(name) or {}
        size = span.get("end", 0) - span.get("start", 0) if span else 0
        rows.append({"name": name, "value": fields.get(name), "anchor": f"r{report['id']}-{name}",
                     "span": span, "long": size > PASSAGE, "linked": 0 < size <= LONG_SPAN,
                     "corrected": name in report["corrections"]})
    return rows


def _stored(request: Request, ref: int, user: Any) -> dict[str, Any]:
    """What the vault row says (no sealed field is opened); 403 for a sensitive document
    and a role that may not read it."""
    with workspace(request).sessions() as session:
        doc = find_document(session, str(ref))
        stored = {"sensitive": doc.sensitive, "media_type": doc.media_type,
                  "sha256": doc.sha256, "size": doc.size,
                  "filename": None if doc.sensitive else doc.filename}
    if stored["sensitive"] and not allowed(user, "read_sensitive"):
        raise ApiError(403, f"document {ref} is sensitive: your role ({user.role}) may not "
                            "read it")
    return stored


def router() -> APIRouter:
    router = APIRouter(route_class=PageRoute, include_in_schema=False)

    @router.get("/documents/{doc_id}")
    def document_page(request: Request, user: PageReader, doc_id: int) -> Response:
        _stored(request, doc_id, user)
        ws = workspace(request)
        doc = documents.details(ws, str(doc_id), user.name)
        reports, claims = document_extractions(ws, doc_id)
        text = analysed_text(doc["title"], doc.get("text"))
        return render(request, "document.html", {
            "doc": doc, "text": highlighted(text, spans_of(reports, claims)),
            "has_text": bool(doc.get("text")), "reports": reports, "claims": claims,
            "field_rows": field_rows})

    @router.get("/documents/{doc_id}/trail")
    def custody_trail(request: Request, user: PageReader, doc_id: int) -> Response:
        """Every custody leaf about the document (reads the whole log)."""
        stored = _stored(request, doc_id, user)
        entries = vault.trail(workspace(request), str(doc_id))
        return render(request, "trail.html", {"doc_id": doc_id, "stored": stored,
                                              "trail": entries})

    @router.get("/documents/{doc_id}/original")
    def original(request: Request, user: PageReader, doc_id: int) -> Response:
        doc = _stored(request, doc_id, user)
        ws = workspace(request)
        chunks = vault.read_original(ws, str(doc_id), user.name, "web download")
        name = doc.get("filename") or f"document-{doc_id}"
        return StreamingResponse(chunks, media_type=doc["media_type"] or
                                 "application/octet-stream", headers={
            "Content-Disposition": f"attachment; filename*=UTF-8''{quote(name)}",
            "X-Content-SHA256": doc["sha256"], "Content-Length": str(doc["size"]),
            "X-Content-Type-Options": "nosniff"})

    return router
