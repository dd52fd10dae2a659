"""Helpers shared by the readers: the size guard, error wrapping, magic numbers, language."""

from __future__ import annotations

import re
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

from raqib.capture.base import Limits, ReaderError, Sample
from raqib.capture.language import detect_language

_BINARY_MAGIC: dict[bytes, str] = {
    b"\x89PNG\r\n\x1a\n": "PNG image",
    b"\xff\xd8\xff": "JPEG image",
    b"GIF87a": "GIF image",
    b"GIF89a": "GIF image",
    b"%PDF-": "PDF",
    b"\x1f\x8b": "gzip data",
    b"PK\x03\x04": "ZIP archive (or docx, xlsx, epub)",
    b"7z\xbc\xaf\x27\x1c": "7-Zip archive",
    b"Rar!\x1a\x07": "RAR archive",
    b"\xfd7zXZ\x00": "xz data",
    b"\x7fELF": "executable",
    b"SQLite format 3\x00": "SQLite database",
    b"OggS": "Ogg audio or video",
    b"fLaC": "FLAC audio",
    b"II*\x00": "TIFF image",
    b"MM\x00*": "TIFF image",
    b"\x00\x00\x01\x00": "icon",
    b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1": "OLE document (old .doc, .xls)",
    b"\x1a\x45\xdf\xa3": "Matroska or WebM video",
}
_RIFF_KINDS = {b"WEBP": "WebP image", b"WAVE": "WAV audio", b"AVI ": "AVI video"}
_VERSION_BYTES = {bytes([b]) for b in b"123456789\x02\x03\x04"}  # bzip2 level, ID3 version
_ISO_LANG = re.compile(r"^([a-z]{2})(?:[-_][A-Za-z0-9]+)*$")
_MAX_MESSAGE = 200


def ensure_parse_size(path: Path, limits: Limits) -> int:
    """Return the size of ``path``; raise ``ReaderError`` if it is over the parse limit."""
    try:
        size = path.stat().st_size
    except OSError as exc:
        raise ReaderError(f"cannot read input: {one_line(exc)}") from exc
    if size > limits.max_parse_bytes:
        raise ReaderError(
            f"too large to parse safely: {size} bytes > limit {limits.max_parse_bytes}"
        )
    return size


def read_limited(path: Path, limits: Limits) -> bytes:
    """Read the whole input after checking it against ``limits.max_parse_bytes``."""
    ensure_parse_size(path, limits)
    try:
        return path.read_bytes()
    except OSError as exc:
        raise ReaderError(f"cannot read input: {one_line(exc)}") from exc


def one_line(exc: BaseException) -> str:
    """A short, single-line description of an exception for a ``ReaderError`` message."""
    text = " ".join("".join(c if c.isprintable() else " " for c in str(exc)).split())
    name = type(exc).__name__
    message = f"{name}: {text}" if text else name
    if len(message) > _MAX_MESSAGE:
        message = message[: _MAX_MESSAGE - 1] + "…"
    return message


@contextmanager
def reader_errors(cause: str) -> Iterator[None]:
    """Turn any library exception raised inside the block into ``ReaderError(cause: ...)``."""
    try:
        yield
    except ReaderError:
        raise
    except Exception as exc:  # libraries raise anything on hostile input
        raise ReaderError(f"{cause}: {one_line(exc)}") from exc


def binary_kind(head: bytes) -> str | None:
    """What common binary format ``head`` starts with ('PNG image'), or None."""
    for magic, kind in _BINARY_MAGIC.items():
        if head.startswith(magic):
            return kind
    if head.startswith(b"RIFF") and head[8:12] in _RIFF_KINDS:
        return _RIFF_KINDS[head[8:12]]
    if head[:3] in (b"BZh", b"ID3") and head[3:4] in _VERSION_BYTES:
        return "bzip2 data" if head[:3] == b"BZh" else "MP3 audio"
    return "MP4 or QuickTime media" if head[4:8] == b"ftyp" else None


def is_known_binary(head: bytes) -> bool:
    """True if ``head`` starts with the magic number of a common binary format."""
    return binary_kind(head) is not None


def _utf8_head(head: bytes) -> bytes:
    """The head re-encoded as UTF-8 if it starts with a UTF-16 byte-order mark."""
    head = head.removeprefix(b"\xef\xbb\xbf")
    for bom, codec in ((b"\xff\xfe", "utf-16-le"), (b"\xfe\xff", "utf-16-be")):
        if head.startswith(bom):
            return head[2:].decode(codec, errors="ignore").encode("utf-8")
    return head


def strip_prolog(head: bytes, *, doctype: bool = False) -> bytes:
    """The head from its first element on: without BOM, whitespace, comments, ``<?...?>``
    declarations and (if ``doctype``) a ``<!DOCTYPE ...>``."""
    text = _utf8_head(head)
    while True:
        text = text.lstrip()
        if text.startswith(b"<!--"):
            end, skip = text.find(b"-->"), 3
        elif text.startswith(b"<?"):
            end, skip = text.find(b"?>"), 2
        elif doctype and text[:9].upper() == b"<!DOCTYPE":
            end, skip = text.find(b">"), 1
        else:
            return text
        if end < 0:
            return b""
        text = text[end + skip :]


def suffix_of(filename: str) -> str:
    """The lower-case extension of a file name ('.html'), '' if none."""
    name = filename.rsplit("/", 1)[-1].lower()
    return "." + name.rsplit(".", 1)[-1] if "." in name else ""


def declared_score(sample: Sample, media_types: set[str], suffixes: set[str]) -> int:
    """50 for a declared media type, 10 for a file-name extension, 0 for binary magic."""
    if is_known_binary(sample.head):
        return 0
    if bare_media_type(sample.media_type_hint) in media_types:
        return 50
    return 10 if suffix_of(sample.filename) in suffixes else 0


def bare_media_type(hint: str | None) -> str | None:
    """'text/html; charset=utf-8' -> 'text/html'; None stays None."""
    if not hint:
        return None
    return hint.split(";", 1)[0].strip().lower() or None


def normalise_language(tag: str | None) -> str | None:
    """A declared language tag ('en-GB', 'ar_SY', 'FR') as an ISO 639-1 code, or None."""
    if not tag:
        return None
    match = _ISO_LANG.match(tag.strip().split(",")[0].strip().lower())
    return match.group(1) if match else None


def resolve_language(declared: str | None, text: str | None) -> str | None:
    """The detected language when detection is confident, else the declared one.

    Pages often carry a template's ``lang`` that does not match their content, so a
    confident detection wins; the declaration fills in for short or mixed texts.
    """
    code = normalise_language(declared)
    detected = detect_language(text) if text else None
    if detected is not None:
        return detected
    return code
