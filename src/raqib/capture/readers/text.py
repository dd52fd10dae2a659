"""Plain text in any encoding, with press-release headers recognised by ``layout``."""

from __future__ import annotations

from pathlib import Path

from raqib.capture.base import Limits, Parsed, Reader, ReaderError, Sample
from raqib.capture.encoding import decode_text, looks_like_text
from raqib.capture.layout import parse_layout
from raqib.capture.support import (
    bare_media_type,
    is_known_binary,
    read_limited,
    resolve_language,
    suffix_of,
)

_TEXT_SUFFIXES = {".txt", ".text", ".md"}
_TEXT_TYPES = {"text/plain", "text/markdown"}


class TextReader:
    """``capture.text.v1``: decodes text of any encoding and splits off a release header."""

    name = "capture.text.v1"
    streaming = False

    def score(self, sample: Sample) -> int:
        """10 for a text extension or text/plain; 5 for any head that decodes as text."""
        if is_known_binary(sample.head):
            return 0
        declared = suffix_of(sample.filename) in _TEXT_SUFFIXES or (
            bare_media_type(sample.media_type_hint) in _TEXT_TYPES
        )
        if declared:
            return 10
        return 5 if looks_like_text(sample.head) else 0

    def read(self, path: Path, limits: Limits) -> Parsed:
        """Decode, normalise newlines, recognise the header; ``ReaderError`` if not text."""
        data = read_limited(path, limits)
        if not data:
            raise ReaderError("empty: 0 bytes")
        decoded = decode_text(data)
        if not decoded.text.strip():
            raise ReaderError(f"empty: {len(data)} bytes of whitespace only")
        layout = parse_layout(decoded.text)
        metadata = {"encoding": decoded.encoding}
        if layout.published_precision:
            metadata["published_at_precision"] = layout.published_precision
        return Parsed(
            text=layout.body,
            media_type="text/plain",
            title=layout.title,
            publisher=layout.publisher,
            department=layout.department,
            kind=layout.kind,
            published_at=layout.published_at,
            language=resolve_language(None, layout.body),
            metadata=metadata,
        )


READERS: list[Reader] = [TextReader()]
