"""Upload: documents into the vault through the ingest service, then extracted and linked
(as ``raqib ingest --process``).

Without JavaScript the form posts here and the answer is a page listing what happened to
each file. With JavaScript (``static/upload.js``) the same form is sent by XHR to the
endpoint in the form's ``data-endpoint`` (this route; it answers JSON when asked) and a
progress bar follows the upload, then the processing.
"""

from __future__ import annotations

import threading
from typing import Annotated, Any

from fastapi import APIRouter, File, Form, Request, Response, UploadFile
from fastapi.responses import JSONResponse

from raqib.ingest.inputs import Input, printable
from raqib.ingest.outcome import Outcome
from raqib.services import uploads
from raqib.workspace import Workspace

from .core import PageRoute, PageUploader, render, workspace
from .data import document_extractions


def _lock(request: Request) -> threading.Lock:
    """One upload is processed at a time per app (made on first use)."""
    lock = getattr(request.app.state, "upload_lock", None)
    if lock is None:
        lock = request.app.state.upload_lock = threading.Lock()
    return lock  # type: ignore[no-any-return]


def ingest_uploads(ws: Workspace, files: list[UploadFile], user: str, source: str | None,
                   sensitive: bool) -> list[Outcome]:
    from raqib.ingest.service import Ingestor, Options

    ingestor = Ingestor(ws, Options(user=user, source=source, sensitive=sensitive))
    outcomes: list[Outcome] = []
    for upload in files:
        name = printable(upload.filename or "upload")

        def opener(handle: Any = upload.file) -> Any:
            return handle

        outcomes.extend(ingestor.ingest(Input(name, opener, size=upload.size,
                                              filename=name.rsplit("/", 1)[-1])))
    ingestor.checkpoint()
    return outcomes


def process_new(ws: Workspace, outcomes: list[Outcome]) -> list[tuple[int, str]]:
    """Extract and link the uploaded documents; returns those that failed."""
    from raqib.extract.pipeline import Pipeline

    summary, _ = uploads.process_uploaded(
        ws, [o.id for o in outcomes if o.id is not None],
        lambda: Pipeline(ws.extract_options()))
    return summary.failed


def results(ws: Workspace, outcomes: list[Outcome]) -> list[dict[str, Any]]:
    rows = []
    for outcome in outcomes:
        row = {**outcome.as_json(), "incidents": []}
        if outcome.id is not None:
            reports, _ = document_extractions(ws, outcome.id)
            row["incidents"] = sorted({r["incident_id"] for r in reports if r["incident_id"]})
        rows.append(row)
    return rows


def router() -> APIRouter:
    router = APIRouter(route_class=PageRoute, include_in_schema=False)

    @router.get("/upload")
    def upload_form(request: Request, user: PageUploader) -> Response:
        return render(request, "upload.html", {"results": None})

    @router.post("/upload")
    def upload(request: Request, user: PageUploader,
               files: Annotated[list[UploadFile], File()],
               source: Annotated[str, Form()] = "",
               sensitive: Annotated[bool, Form()] = False) -> Response:
        ws = workspace(request)
        ws.extract_options()  # a workspace setting whose file is gone: refused before ingesting
        with _lock(request):
            outcomes = ingest_uploads(ws, [f for f in files if f.filename], user.name,
                                      source.strip() or None, sensitive)
            failed = process_new(ws, outcomes)
        rows = results(ws, outcomes)
        status = 200 if outcomes and all(o.status != "failed" for o in outcomes) else 400
        if "application/json" in request.headers.get("accept", ""):
            return JSONResponse({"documents": rows, "processing_failed": failed},
                                status_code=status)
        return render(request, "upload.html", {"results": rows, "failed": failed},
                      status_code=status)

    return router
