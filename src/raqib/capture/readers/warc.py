"""WARC and WARC.gz web archives: one child per ``response`` and ``resource`` record.

The archive is streamed with warcio's ArchiveIterator (small read blocks, HTTP headers
parsed here with bounded line lengths), and each payload is decoded in bounded blocks by
``raqib.capture.streams`` into a temporary spool: memory stays at a few MB for archives of
any size. A payload that inflates past ``limits.max_child_bytes`` yields a child with an
error and the archive goes on. Damaged archive structure (bad headers, a truncated gzip
member, bytes between records) yields a child with an error naming the byte offset, and
iteration stops there: what follows cannot be trusted to be aligned.
"""

from __future__ import annotations

import io
import itertools
import zlib
from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, BinaryIO

from raqib.capture.base import Child, Limits, Parsed, Reader, ReaderError, Sample
from raqib.capture.dates import parse_timestamp
from raqib.capture.streams import (
    PayloadError,
    PayloadTooLarge,
    SourceError,
    decode_payload,
    raw_blocks,
    spool,
)
from raqib.capture.support import bare_media_type, declared_score, one_line

BLOCK_SIZE = 4096
"""warcio's read block: with WARC-level gzip, one block inflates to at most ~4 MB."""
MAX_HEADER_LINE = 16 * 1024
MAX_HEADER_BYTES = 64 * 1024
_CHILD_TYPES = ("response", "resource")
_STOPPED = "stopped reading the archive"


class _Fatal(Exception):
    """The archive's structure is damaged at this record: report it and stop."""

    def __init__(self, cause: str, offset: int) -> None:
        super().__init__(cause)
        self.cause = cause
        self.offset = offset


@dataclass
class _HttpHead:
    status: str | None = None
    headers: dict[str, str] = field(default_factory=dict)
    leftover: bytes = b""
    """Bytes read while looking for a status line that turned out to be payload."""


def _is_gzip_warc(head: bytes) -> bool:
    if not head.startswith(b"\x1f\x8b"):
        return False
    try:
        return zlib.decompressobj(16 + zlib.MAX_WBITS).decompress(head, 16).startswith(b"WARC/")
    except zlib.error:
        return False


def _read_line(stream: Any) -> bytes:
    try:
        line: bytes = stream.readline(MAX_HEADER_LINE)
    except Exception as exc:
        raise SourceError(one_line(exc)) from exc
    return line


def _read_http_head(stream: Any) -> _HttpHead:
    """Status line and headers of an HTTP response, read with bounded line lengths."""
    first = _read_line(stream)
    if not first.startswith(b"HTTP/"):
        return _HttpHead(leftover=first)
    head = _HttpHead(status=(first.split(None, 2)[1:2] or [b""])[0].decode("latin-1") or None)
    total, last = len(first), ""
    while True:
        line = _read_line(stream)
        total += len(line)
        if total > MAX_HEADER_BYTES or (line and not line.endswith(b"\n")):
            raise PayloadError("HTTP headers too long")
        text = line.decode("latin-1").rstrip("\r\n")
        if not text:
            return head
        if text[0] in " \t" and last:
            head.headers[last] += " " + text.strip()
        elif ":" in text:
            name, value = text.split(":", 1)
            last = name.strip().lower()
            head.headers[last] = value.strip()


def _content_length(record: Any, offset: int) -> int:
    value = record.rec_headers.get_header("Content-Length")
    try:
        length = int(value)
    except (TypeError, ValueError):
        length = -1
    if length < 0:
        raise _Fatal(f"bad Content-Length {value!r}", offset)
    return length


def _child_from(record: Any, source: str, offset: int, limits: Limits) -> Child:
    """Read one record's payload into a spooled child; ``_Fatal`` on archive damage."""
    headers = record.rec_headers
    length = _content_length(record, offset)
    uri = headers.get_header("WARC-Target-URI")
    child = Child(
        name=f"{source}#offset={offset}",
        stream=io.BytesIO(b""),
        url=uri,
        captured_at=parse_timestamp(headers.get_header("WARC-Date")),
        media_type_hint=bare_media_type(headers.get_header("Content-Type")),
        metadata={"warc_type": record.rec_type},
    )
    if headers.get_header("WARC-Record-ID"):
        child.metadata["warc_record_id"] = headers.get_header("WARC-Record-ID")
    raw = record.raw_stream
    try:
        _fill_payload(child, record, raw, limits)
    except PayloadTooLarge as exc:
        child.error = str(exc)
    except PayloadError as exc:
        child.error = f"cannot decode payload: {exc}"
    except SourceError as exc:
        raise _Fatal(f"damaged data ({exc})", offset) from exc
    try:
        _drain(raw, offset)
        missing = getattr(raw, "limit", 0)
        if missing > 0:
            raise _Fatal(f"record truncated: {missing} of {length} bytes missing", offset)
    except _Fatal:
        child.stream.close()
        raise
    return child


def _fill_payload(child: Child, record: Any, raw: Any, limits: Limits) -> None:
    http = _HttpHead()
    if record.rec_type == "response" and (child.url or "").lower().startswith("http"):
        http = _read_http_head(raw)
    if http.status is not None:
        content_type = http.headers.get("content-type")
        child.media_type_hint = bare_media_type(content_type)
        child.metadata["http_status"] = http.status
        for key in ("content-type", "content-encoding", "content-language", "last-modified"):
            if http.headers.get(key):
                child.metadata[f"http_{key.replace('-', '_')}"] = http.headers[key]
    notes: list[str] = []
    blocks = itertools.chain([http.leftover] if http.leftover else [], raw_blocks(raw))
    decoded = decode_payload(
        blocks, http.headers.get("transfer-encoding"), http.headers.get("content-encoding"), notes
    )
    child.stream, _ = spool(decoded, limits.max_child_bytes)
    if notes:
        child.metadata["payload_notes"] = "; ".join(notes)


def _drain(raw: Any, offset: int) -> None:
    try:
        for _ in raw_blocks(raw):
            pass
    except SourceError as exc:
        raise _Fatal(f"damaged data ({exc})", offset) from exc


def _broken(path: Path, offset: int, cause: str) -> Child:
    return Child(
        name=f"{path.name}#offset={offset}",
        stream=io.BytesIO(b""),
        error=f"corrupt record at byte {offset}: {cause}; {_STOPPED}",
    )


def _records(archive: Any) -> Iterator[tuple[int, Any]]:
    """(offset, record) for each record; ``_Fatal`` where the archive's structure breaks."""
    records = iter(archive)
    while True:
        complaints = archive.err_count  # warcio counts stray lines between records
        try:
            record = next(records)
        except StopIteration:
            return
        except Exception as exc:  # warcio and zlib raise many kinds on damaged input
            raise _Fatal(one_line(exc), archive.offset) from exc
        if archive.err_count > complaints:
            raise _Fatal("unexpected bytes before this record", archive.offset)
        if not record.rec_type:
            raise _Fatal("record has no WARC-Type", archive.offset)
        yield archive.offset, record


def _children(path: Path, limits: Limits) -> Iterator[Child]:
    from warcio.archiveiterator import ArchiveIterator

    previous: BinaryIO | None = None
    with path.open("rb") as handle:
        archive = ArchiveIterator(handle, no_record_parse=True, block_size=BLOCK_SIZE)
        try:
            for offset, record in _records(archive):
                if previous is not None:
                    previous.close()  # the last child's stream is valid until we advance
                    previous = None
                if record.rec_type in _CHILD_TYPES:
                    child = _child_from(record, path.name, offset, limits)
                    previous = child.stream
                    yield child
        except _Fatal as exc:
            yield _broken(path, exc.offset, exc.cause)
        finally:
            if previous is not None:
                previous.close()
            archive.close()


class WarcReader:
    """``capture.warc.v1``: streams the records of a WARC (optionally gzipped)."""

    name = "capture.warc.v1"
    streaming = True

    def score(self, sample: Sample) -> int:
        """100 for WARC/ magic or a gzipped WARC, 50 for application/warc, 10 for .warc."""
        head, filename = sample.head, sample.filename.lower()
        if head.startswith(b"WARC/"):
            return 100
        if head.startswith(b"\x1f\x8b") and (filename.endswith(".warc.gz") or _is_gzip_warc(head)):
            return 100
        return declared_score(sample, {"application/warc"}, {".warc"})

    def read(self, path: Path, limits: Limits) -> Parsed:
        """A container ``Parsed`` whose ``children`` generator streams the records."""
        try:
            with path.open("rb") as handle:
                head = handle.read(4096)
        except OSError as exc:
            raise ReaderError(f"cannot read input: {one_line(exc)}") from exc
        if head.startswith(b"WARC/"):
            compression = "none"
        elif _is_gzip_warc(head):
            compression = "gzip"
        else:
            raise ReaderError("not a WARC file: no 'WARC/' record at the start")
        return Parsed(
            text=None,
            media_type="application/warc",
            kind="web archive",
            metadata={"compression": compression},
            children=_children(path, limits),
        )


READERS: list[Reader] = [WarcReader()]
