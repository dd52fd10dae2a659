"""Building the document row from what the reader and the container said."""

from __future__ import annotations

import json
from dataclasses import dataclass
from datetime import UTC, datetime, timedelta, timezone
from typing import Any

from raqib.capture.base import Child, Parsed, Reader
from raqib.ingest import outcome as oc
from raqib.store.models import Document
from raqib.vault import seal
from raqib.vault.blobs import Spooled
from raqib.vault.custody import utc_now

OCTET = "application/octet-stream"


@dataclass(frozen=True)
class Meta:
    """What is known about an input apart from its bytes."""

    filename: str = ""
    url: str | None = None
    source: str | None = None
    title: str | None = None
    captured_at: datetime | None = None
    published_at: datetime | None = None
    extra: tuple[tuple[str, str], ...] = ()

    @classmethod
    def from_child(cls, child: Child, source: str | None) -> Meta:
        filename = (child.url or "").rstrip("/").rsplit("/", 1)[-1]
        return cls(
            filename=filename, url=child.url, source=source, title=child.title,
            captured_at=child.captured_at, published_at=child.published_at,
            extra=tuple(sorted(child.metadata.items())),
        )


def utc_naive(moment: datetime) -> datetime:
    return moment.astimezone(UTC).replace(tzinfo=None) if moment.tzinfo else moment


def split_time(moment: datetime | None) -> tuple[datetime | None, str | None]:
    """A datetime as (UTC-naive or local-naive value, '+HH:MM' offset or None if unknown)."""
    if moment is None:
        return None, None
    offset = moment.utcoffset()
    if offset is None:
        return moment, None
    minutes = int(offset.total_seconds()) // 60
    sign = "+" if minutes >= 0 else "-"
    return utc_naive(moment), f"{sign}{abs(minutes) // 60:02d}:{abs(minutes) % 60:02d}"


def local_time(stored: datetime, tz: str) -> datetime:
    sign = 1 if tz[0] == "+" else -1
    hours, minutes = int(tz[1:3]), int(tz[4:6])
    zone = timezone(sign * timedelta(hours=hours, minutes=minutes))
    return stored.replace(tzinfo=UTC).astimezone(zone)


def published_iso(doc: Document) -> str | None:
    """The publication time as the source gave it: in its own offset when one was known."""
    if doc.published_at is None:
        return None
    if doc.published_tz is None:
        return doc.published_at.isoformat()
    return local_time(doc.published_at, doc.published_tz).isoformat()


def build_document(
    spooled: Spooled, key: str, parsed: Parsed | None, reader: Reader | None,
    reason: str | None, meta: Meta, user: str,
) -> Document:
    now = utc_now()
    p = parsed or Parsed(text=None, media_type=OCTET)
    published, tz = split_time(p.published_at or meta.published_at)
    captured = p.captured_at or meta.captured_at
    extra = {**dict(meta.extra), **p.metadata}
    return Document(
        sha256=spooled.sha256, blob_key=key, size=spooled.size,
        media_type=p.media_type or OCTET,
        status=oc.NEW if reason is None else oc.WITHOUT_TEXT, status_reason=reason,
        reader=reader.name if reader else None, sensitive=False,
        title=p.title or meta.title, text=p.text, author=p.author, publisher=p.publisher,
        department=p.department, kind=p.kind, published_at=published, published_tz=tz,
        language=p.language, url=p.url or meta.url, filename=meta.filename or None,
        source_name=meta.source,
        captured_at=utc_naive(captured) if captured else now.replace(tzinfo=None),
        ingested_at=now.replace(tzinfo=None), ingested_by=user, meta=extra,
    )


SEALED_FIELDS = (
    "title", "text", "author", "filename", "url", "publisher", "department", "source_name",
)
"""What a sensitive document keeps only inside its encrypted envelope (with its metadata)."""


def seal_fields(doc: Document, key: bytes) -> None:
    """Move the identifying fields of a sensitive document into an encrypted envelope."""
    fields: dict[str, object] = {name: getattr(doc, name) for name in SEALED_FIELDS}
    fields["meta"] = doc.meta or {}
    doc.sealed = seal.seal_bytes(key, json.dumps(fields, ensure_ascii=False).encode("utf-8"))
    for name in SEALED_FIELDS:
        setattr(doc, name, None)
    doc.meta = {}


def unseal_fields(doc: Document, key: bytes) -> dict[str, Any]:
    if doc.sealed is None:
        return {name: getattr(doc, name) for name in (*SEALED_FIELDS, "meta")}
    data: dict[str, Any] = json.loads(seal.open_bytes(key, bytes(doc.sealed)))
    return data
