"""PDF documents: the text layer through pypdf, title/author/dates from the document info.

Hostile PDFs are bounded: at most ``MAX_PAGES`` pages and ``MAX_CHARS`` characters of text
are extracted, and every pypdf error becomes a one-line ``ReaderError``. pypdf's own
decompression limits guard against stream bombs.
"""

from __future__ import annotations

import io
import re
from datetime import datetime
from pathlib import Path
from typing import Any

from raqib.capture.base import Limits, Parsed, Reader, ReaderError, Sample
from raqib.capture.encoding import normalise_newlines
from raqib.capture.layout import parse_layout
from raqib.capture.support import (
    declared_score,
    one_line,
    read_limited,
    reader_errors,
    resolve_language,
)

MAX_PAGES = 2000
"""Pages beyond this are not read (the document is still stored whole)."""
MAX_CHARS = 20_000_000
_MAGIC_WINDOW = 1024
_EOF_WINDOW = 2048
_JUNK_TITLE = re.compile(
    r"^(?:microsoft\s+\w+\s*-\s*|untitled\b)|\.(?:docx?|pdf|odt|rtf|indd)$", re.I
)


def _open(data: bytes) -> Any:
    import pypdf

    if b"%PDF-" not in data[:_MAGIC_WINDOW]:
        raise ReaderError("not a PDF: %PDF- header not found")
    if b"%%EOF" not in data[-_EOF_WINDOW:]:
        raise ReaderError("truncated or damaged PDF: %%EOF marker not found at the end")
    try:
        reader = pypdf.PdfReader(io.BytesIO(data), strict=False)
        if reader.is_encrypted and not reader.decrypt(""):
            raise ReaderError("PDF is encrypted with a password")
        _ = len(reader.pages)
    except ReaderError:
        raise
    except Exception as exc:
        raise ReaderError(f"truncated or damaged PDF: {one_line(exc)}") from exc
    return reader


def _page_texts(reader: Any) -> list[str]:
    texts: list[str] = []
    total = 0
    for number, page in enumerate(reader.pages):
        if number >= MAX_PAGES or total >= MAX_CHARS:
            break
        try:
            text = page.extract_text() or ""
        except Exception as exc:
            raise ReaderError(
                f"truncated or damaged PDF: page {number + 1}: {one_line(exc)}"
            ) from exc
        texts.append(text[: MAX_CHARS - total])
        total += len(texts[-1])
    return texts


def _info(reader: Any) -> dict[str, Any]:
    try:
        info = reader.metadata
    except Exception:  # a damaged info dictionary is not worth failing the document for
        return {}
    if info is None:
        return {}
    values: dict[str, Any] = {}
    for key, attribute in (
        ("title", "title"),
        ("author", "author"),
        ("created", "creation_date"),
        ("modified", "modification_date"),
        ("producer", "producer"),
    ):
        try:
            values[key] = getattr(info, attribute)
        except Exception:
            values[key] = None
    return values


def _language(reader: Any) -> str | None:
    try:
        lang = reader.trailer["/Root"].get("/Lang")
    except Exception:
        return None
    return str(lang) if lang else None


def _clean_title(title: Any) -> str | None:
    if not isinstance(title, str):
        return None
    text = " ".join(title.split())
    if not text or _JUNK_TITLE.search(text):
        return None
    return text


def _as_datetime(value: Any) -> datetime | None:
    return value if isinstance(value, datetime) else None


def _metadata(info: dict[str, Any], page_count: int, pages_read: int) -> dict[str, str]:
    metadata = {"pages": str(page_count)}
    if page_count > pages_read:
        metadata["pages_read"] = str(pages_read)
    for key in ("created", "modified"):
        value = _as_datetime(info.get(key))
        if value is not None:
            metadata[key] = value.isoformat()
    if isinstance(info.get("producer"), str):
        metadata["producer"] = info["producer"]
    return metadata


class PdfReader:
    """``capture.pdf.v1``: the text layer of a PDF."""

    name = "capture.pdf.v1"
    streaming = False

    def score(self, sample: Sample) -> int:
        """100 for the %PDF- magic (within the first KiB), 50 for the type, 10 for .pdf."""
        if b"%PDF-" in sample.head[:_MAGIC_WINDOW]:
            return 100
        return declared_score(sample, {"application/pdf"}, {".pdf"})

    def read(self, path: Path, limits: Limits) -> Parsed:
        """Extract the text layer; ``ReaderError`` if damaged or without text."""
        data = read_limited(path, limits)
        reader = _open(data)
        pages = _page_texts(reader)
        text = normalise_newlines("\n\n".join(page.strip("\n") for page in pages)).strip()
        if not text:
            raise ReaderError("PDF has no text layer (scanned?)")
        with reader_errors("cannot read PDF metadata"):
            info = _info(reader)
            declared = _language(reader)
            page_count = len(reader.pages)
        layout = parse_layout(text)
        created = _as_datetime(info.get("created"))
        titles = [_clean_title(info.get("title")), layout.title]
        dates = [created, layout.published_at]
        if layout.has_header:  # the document's own header beats the file's properties
            titles.reverse()
            dates.reverse()
        return Parsed(
            text=layout.body,
            media_type="application/pdf",
            title=titles[0] or titles[1],
            author=_clean_title(info.get("author")),
            publisher=layout.publisher,
            department=layout.department,
            kind=layout.kind,
            published_at=dates[0] or dates[1],
            language=resolve_language(declared, layout.body),
            metadata=_metadata(info, page_count, len(pages)),
        )


READERS: list[Reader] = [PdfReader()]
