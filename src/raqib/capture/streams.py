"""Bounded decoding of HTTP payloads read out of a container (WARC records).

Everything here works on small blocks: chunked transfer coding is undone without buffering
a whole chunk, and gzip/deflate content coding is inflated at most ``OUT_CHUNK`` bytes at
a time, so a payload that inflates to gigabytes never sits in memory. ``spool`` copies the
decoded bytes into a temporary file (in memory up to ``SPOOL_MEMORY``) and stops with
``PayloadTooLarge`` once the limit is passed.
"""

from __future__ import annotations

import tempfile
import zlib
from collections.abc import Iterable, Iterator
from typing import BinaryIO, cast

from raqib.capture.support import one_line

READ_SIZE = 64 * 1024
OUT_CHUNK = 64 * 1024
SPOOL_MEMORY = 1024 * 1024
MAX_CHUNK_LINE = 1024
_GZIP = 16 + zlib.MAX_WBITS


class SourceError(Exception):
    """Reading the container itself failed (damaged compression, I/O error)."""


class PayloadError(Exception):
    """The payload's declared coding could not be undone."""


class PayloadTooLarge(Exception):
    """The decoded payload passed the limit."""

    def __init__(self, limit: int) -> None:
        super().__init__(f"payload exceeds {limit} bytes when decompressed (possible zip bomb)")
        self.limit = limit


def raw_blocks(stream: BinaryIO, size: int = READ_SIZE) -> Iterator[bytes]:
    """Blocks read from ``stream`` until it ends; read errors become ``SourceError``."""
    while True:
        try:
            block = stream.read(size)
        except Exception as exc:  # warcio/zlib raise many kinds on damaged input
            raise SourceError(one_line(exc)) from exc
        if not block:
            return
        yield block


def _chunk_size(line: bytes) -> int | None:
    text = line.split(b";", 1)[0].strip()
    try:
        return int(text, 16) if text else None
    except ValueError:
        return None


def dechunk(blocks: Iterable[bytes]) -> Iterator[bytes]:
    """Undo HTTP/1.1 chunked transfer coding; data that is not chunked passes through."""
    source = iter(blocks)
    buffer = b""
    remaining = 0  # bytes left in the current chunk
    started = False
    for block in source:
        buffer += block
        while buffer:
            if remaining:
                piece, buffer = buffer[:remaining], buffer[remaining:]
                remaining -= len(piece)
                yield piece
                continue
            end = buffer.find(b"\n")
            if end < 0 and len(buffer) <= MAX_CHUNK_LINE:
                break  # the size line continues in the next block
            size = _chunk_size(buffer[:end]) if end >= 0 else None
            if started and end >= 0 and not buffer[:end].strip():
                buffer = buffer[end + 1 :]  # the CRLF that ends a chunk's data
                continue
            if size is None:
                if started:
                    raise PayloadError("malformed chunked transfer coding")
                yield buffer  # declared chunked but is not: pass it through
                yield from source
                return
            if size == 0:
                return  # the last chunk; trailers are ignored
            started, remaining, buffer = True, size, buffer[end + 1 :]
    if buffer and not started:
        yield buffer


def _inflate(blocks: Iterable[bytes], wbits: int, notes: list[str]) -> Iterator[bytes]:
    decompressor = zlib.decompressobj(wbits)
    for block in blocks:
        data = block
        while data:
            if decompressor.eof:
                if wbits != _GZIP or not data.startswith(b"\x1f\x8b"):
                    if data.strip(b"\x00\r\n\t "):
                        notes.append("bytes after the end of the compressed payload ignored")
                    return
                decompressor = zlib.decompressobj(wbits)  # the next gzip member
            try:
                out = decompressor.decompress(data, OUT_CHUNK)
            except zlib.error as exc:
                raise PayloadError(f"corrupt compressed payload: {exc}") from exc
            if out:
                yield out
            data = decompressor.unused_data if decompressor.eof else decompressor.unconsumed_tail
            if not data and not decompressor.eof and len(out) == OUT_CHUNK:
                yield from _drain_pending(decompressor)
    if not decompressor.eof:
        notes.append("compressed payload ends early (truncated)")


def _drain_pending(decompressor: zlib._Decompress) -> Iterator[bytes]:
    while not decompressor.eof:
        try:
            out = decompressor.decompress(b"", OUT_CHUNK)
        except zlib.error as exc:
            raise PayloadError(f"corrupt compressed payload: {exc}") from exc
        if not out:
            return
        yield out


def _peek(blocks: Iterable[bytes]) -> tuple[bytes, Iterator[bytes]]:
    source = iter(blocks)
    first = next(source, b"")

    def rest() -> Iterator[bytes]:
        if first:
            yield first
        yield from source

    return first, rest()


def decode_content(
    blocks: Iterable[bytes], coding: str | None, notes: list[str]
) -> Iterator[bytes]:
    """Undo a gzip/deflate ``Content-Encoding``; other codings pass through with a note."""
    name = (coding or "").strip().lower()
    if name in ("", "identity"):
        return iter(blocks)
    first, source = _peek(blocks)
    if name in ("gzip", "x-gzip"):
        if first and not first.startswith(b"\x1f\x8b"):
            notes.append("declared gzip but not compressed; kept as is")
            return source
        return _inflate(source, _GZIP, notes)
    if name == "deflate":
        wrapped = len(first) >= 2 and first[0] & 0x0F == 8 and (first[0] << 8 | first[1]) % 31 == 0
        return _inflate(source, zlib.MAX_WBITS if wrapped else -zlib.MAX_WBITS, notes)
    notes.append(f"content-encoding {name!r} not decoded")
    return source


def decode_payload(
    blocks: Iterable[bytes], transfer: str | None, coding: str | None, notes: list[str]
) -> Iterator[bytes]:
    """Undo chunked transfer coding, then content coding."""
    if (transfer or "").strip().lower() == "chunked":
        blocks = dechunk(blocks)
    return decode_content(blocks, coding, notes)


def spool(blocks: Iterable[bytes], limit: int) -> tuple[BinaryIO, int]:
    """Copy ``blocks`` into a rewound temporary file; ``PayloadTooLarge`` past ``limit``."""
    target = tempfile.SpooledTemporaryFile(max_size=SPOOL_MEMORY)  # noqa: SIM115 (returned open)
    size = 0
    try:
        for block in blocks:
            size += len(block)
            if size > limit:
                raise PayloadTooLarge(limit)
            target.write(block)
        target.seek(0)
    except BaseException:
        target.close()
        raise
    return cast(BinaryIO, target), size
