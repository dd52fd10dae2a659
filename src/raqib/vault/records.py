"""What a custody leaf commits to about a document's row, besides the document's bytes."""

from __future__ import annotations

import hashlib
from datetime import datetime
from typing import Any

from raqib.vault.custody import canonical

RECORDED = (
    "sha256", "blob_key", "size", "media_type", "status", "status_reason", "reader",
    "sensitive", "title", "text", "author", "publisher", "department", "kind", "published_at",
    "published_tz", "language", "url", "filename", "source_name", "captured_at", "meta",
    "sealed",
)
"""The fields of a document row that its custody leaf commits to (``details.record``)."""
UNRECORDED_META = frozenset({"children_complete"})
"""Bookkeeping that changes after ingest and carries no evidence."""


def record_digest(row: Any) -> str:
    """SHA-256 over the canonical form of a document row's recorded fields.

    Stored in the ingest leaf, so that an edit of the row (its text, title, dates, source)
    is caught by `raqib verify`; a correction will be a new leaf with a new digest.
    """
    values: dict[str, Any] = {}
    for name in RECORDED:
        value = getattr(row, name)
        if name == "meta":
            value = {k: v for k, v in (value or {}).items() if k not in UNRECORDED_META}
        elif isinstance(value, datetime):
            value = value.isoformat()
        elif isinstance(value, bytes | memoryview):
            value = bytes(value).hex()
        values[name] = value
    return hashlib.sha256(canonical(values)).hexdigest()


def digest_rows(url: str, low_id: int, high_id: int) -> list[tuple[int, int, str]]:
    """(document id, leaf index, record digest) for the rows with ids in [low_id, high_id].

    Runs in a verification worker process: it opens its own read-only connection.
    """
    from sqlalchemy import select

    from raqib.store.engine import make_engine
    from raqib.store.models import Document

    engine = make_engine(url)
    columns = [getattr(Document, name) for name in ("id", "leaf_index", *RECORDED)]
    try:
        with engine.connect() as conn:
            rows = conn.execute(
                select(*columns).where(Document.id.between(low_id, high_id)).order_by(Document.id)
            )
            return [(row.id, row.leaf_index, record_digest(row)) for row in rows]
    finally:
        engine.dispose()
