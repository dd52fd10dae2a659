"""Document listings and details, for the CLI and later the API."""

from __future__ import annotations

from typing import Any

from sqlalchemy import select

from raqib.ingest.record import published_iso, unseal_fields
from raqib.services.vault import find_document
from raqib.store.engine import transaction
from raqib.store.models import Document
from raqib.vault import custody
from raqib.vault.verify import expected_object
from raqib.workspace import Workspace


def summaries(ws: Workspace) -> list[dict[str, Any]]:
    with ws.sessions() as session:
        docs = session.execute(select(Document).order_by(Document.id)).scalars().all()
        return [
            {
                "id": d.id, "status": d.status, "kind": d.kind,
                "title": "[sensitive]" if d.sensitive else d.title,
                "publisher": d.publisher, "published_at": published_iso(d), "language": d.language,
                "media_type": d.media_type, "size": d.size,
                "sha256": None if d.sensitive else d.sha256,
                "parent_id": d.parent_id, "sensitive": d.sensitive,
            }
            for d in docs
        ]


def details(ws: Workspace, ref: str, user: str, with_text: bool = True) -> dict[str, Any]:
    """Everything known about one document; reading a sensitive one is logged."""
    with transaction(ws.sessions) as session:
        doc = find_document(session, ref)
        fields = unseal_fields(doc, ws.blobs.seal_key)
        if doc.sensitive:
            custody.append(session, "view", expected_object(doc), user, {"purpose": "details"})
    data: dict[str, Any] = {
        "id": doc.id, "sha256": doc.sha256, "status": doc.status, "reason": doc.status_reason,
        "media_type": doc.media_type, "size": doc.size, "reader": doc.reader,
        "sensitive": doc.sensitive, "title": fields["title"], "kind": doc.kind,
        "publisher": doc.publisher, "department": doc.department, "author": fields["author"],
        "published_at": published_iso(doc), "language": doc.language, "url": fields["url"],
        "filename": fields["filename"], "source": doc.source_name,
        "captured_at": doc.captured_at.isoformat() + "Z", "ingested_at":
        doc.ingested_at.isoformat() + "Z", "ingested_by": doc.ingested_by,
        "parent_id": doc.parent_id, "leaf_index": doc.leaf_index, "metadata": doc.meta or {},
    }
    if with_text:
        data["text"] = fields["text"]
    return data
