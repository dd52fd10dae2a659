"""Documents: listing, metadata and text, original bytes, proofs, reports, upload."""

from __future__ import annotations

from collections.abc import Callable, Coroutine
from typing import Annotated, Any

from fastapi import APIRouter, File, Form, Request, Response, UploadFile
from fastapi.responses import StreamingResponse
from fastapi.routing import APIRoute

from raqib.services import documents, listing, uploads, vault
from raqib.services.users import Account
from raqib.web.api.common import ERRORS, WS, Page, Pages, page_of, sensitive_ok
from raqib.web.api.models import (
    DocumentDetail,
    DocumentSummary,
    ProofBundle,
    ReportWithSpans,
    UploadOut,
)
from raqib.web.auth import Reader, Uploader
from raqib.web.errors import ApiError, error_response

DEFAULT_MAX_UPLOAD = 256 * 1024 * 1024


def max_upload_bytes(request: Request) -> int:
    """The workspace's ``max_upload_bytes`` (raqib.toml), else 256 MiB."""
    config = request.app.state.ws.config
    return int(getattr(config, "max_upload_bytes", DEFAULT_MAX_UPLOAD))


class LimitedBody(APIRoute):
    """A route that refuses a body over the configured size before reading it (413), and
    one without a Content-Length (411)."""

    def get_route_handler(self) -> Callable[[Request], Coroutine[Any, Any, Response]]:
        handler = super().get_route_handler()

        async def limited(request: Request) -> Response:
            length = request.headers.get("content-length")
            if length is None or not length.isdecimal():
                return error_response(411, "send the upload with a Content-Length",
                                      "length_required")
            limit = max_upload_bytes(request)
            if int(length) > limit:
                return error_response(413, f"the upload is over the limit of {limit} bytes")
            return await handler(request)

        return limited


router = APIRouter(prefix="/api/documents", tags=["documents"], responses=ERRORS)
uploads_router = APIRouter(prefix="/api/documents", tags=["documents"], responses=ERRORS,
                           route_class=LimitedBody)
ORIGINAL = {200: {"content": {"*/*": {"schema": {"type": "string", "format": "binary"}}},
                  "headers": {"X-Content-SHA256": {"schema": {"type": "string"},
                                                   "description": "sha256 of the bytes"}},
                  "description": "The original bytes, as captured"}}


def _check_sensitive(ws: WS, ref: str, account: Account) -> listing.DocumentHead:
    head = listing.document_head(ws, ref)
    if head.sensitive and not sensitive_ok(account):
        raise ApiError(403, f"document {head.id} is sensitive: role {account.role!r} "
                       "may not read it")
    return head


@router.get("")
def list_documents(ws: WS, account: Reader, paging: Pages) -> Page[DocumentSummary]:
    """Documents, oldest first; sensitive ones only for roles that may read them, and
    then without their sealed fields (title '[sensitive]', no sha256)."""
    items, total = listing.documents_page(ws, paging.page, paging.per_page,
                                          sensitive_ok(account))
    return page_of(items, total, paging)  # type: ignore[return-value]


@router.get("/{ref}")
def get_document(ref: str, ws: WS, account: Reader) -> DocumentDetail:
    """Metadata and text (by id or sha256 prefix); reading a sensitive one is logged."""
    head = _check_sensitive(ws, ref, account)
    return documents.details(ws, str(head.id), account.name)  # type: ignore[return-value]


@router.get("/{ref}/original", response_class=StreamingResponse, responses=ORIGINAL)
def get_original(ref: str, ws: WS, account: Reader) -> StreamingResponse:
    """The original bytes, re-verified as read; every view is logged to custody."""
    head = _check_sensitive(ws, ref, account)
    chunks = vault.read_original(ws, str(head.id), account.name, "api")
    return StreamingResponse(chunks, media_type=head.media_type, headers={
        "X-Content-SHA256": head.sha256, "Content-Length": str(head.size)})


@router.get("/{ref}/proof")
def get_proof(ref: str, ws: WS, account: Reader) -> ProofBundle:
    """A self-contained inclusion proof bundle for the document."""
    head = _check_sensitive(ws, ref, account)
    return vault.proof(ws, str(head.id), account.name)  # type: ignore[return-value]


@router.get("/{ref}/reports")
def get_reports(ref: str, ws: WS, account: Reader) -> list[ReportWithSpans]:
    """The document's reports, each with the spans of the words its fields came from."""
    head = _check_sensitive(ws, ref, account)
    return listing.document_reports(ws, head.id, account.name)  # type: ignore[return-value]


@uploads_router.post("", status_code=201)
def upload(
    request: Request, ws: WS, account: Uploader,
    files: Annotated[list[UploadFile], File(description="one or more files")],
    source: Annotated[str | None, Form(max_length=200)] = None,
    sensitive: Annotated[bool, Form()] = False,
) -> UploadOut:
    """Ingest files as `raqib ingest --process` does: vault, custody, checkpoint, then
    extraction and linking. One result per file (and per embedded document)."""
    ws.extract_options()  # a workspace setting whose file is gone: refused before ingesting
    entries = [uploads.Upload(f.filename or "upload", f.file, f.size) for f in files]
    result = uploads.upload(ws, entries, account.name, source, sensitive,
                            lambda: _pipeline(request))
    return result  # type: ignore[return-value]


def _pipeline(request: Request) -> Any:
    """The extraction pipeline, made once per app (loading its model takes a while)."""
    pipeline = getattr(request.app.state, "raqib_pipeline", None)
    if pipeline is None:
        from raqib.extract.pipeline import Pipeline

        pipeline = Pipeline(request.app.state.ws.extract_options())
        request.app.state.raqib_pipeline = pipeline
    return pipeline
