"""Bounded payload decoding: chunked transfer coding, gzip/deflate, spooling with a limit."""

from __future__ import annotations

import gzip
import random
import zlib
from collections.abc import Iterator

import pytest

from raqib.capture.streams import PayloadError, PayloadTooLarge, decode_payload, spool

BODY = random.Random(7).randbytes(50_000) + b"readable text " * 5000


def blocks(data: bytes, size: int) -> Iterator[bytes]:
    for start in range(0, len(data), size):
        yield data[start : start + size]


def chunked(data: bytes, sizes: list[int]) -> bytes:
    out, position = b"", 0
    for size in sizes:
        out += b"%x;ext=1\r\n" % size + data[position : position + size] + b"\r\n"
        position += size
    return out + b"0\r\nTrailer: x\r\n\r\n"


@pytest.mark.parametrize("block", [3, 1000, 65536])
def test_dechunk(block: int) -> None:
    data = chunked(BODY, [10, 40_000, len(BODY) - 40_010])
    assert b"".join(decode_payload(blocks(data, block), "chunked", None, [])) == BODY


def test_declared_chunked_but_plain_passes_through() -> None:
    data = b"not chunked at all\nsecond line"
    assert b"".join(decode_payload(blocks(data, 4), "chunked", None, [])) == data


def test_malformed_chunking_after_start() -> None:
    data = b"5\r\nhello\r\nZZZ\r\n"
    with pytest.raises(PayloadError):
        b"".join(decode_payload([data], "chunked", None, []))


def test_gzip_members_and_deflate_variants() -> None:
    data = gzip.compress(BODY) + gzip.compress(b"second member")
    assert b"".join(decode_payload(blocks(data, 999), None, "gzip", [])) == BODY + b"second member"
    assert b"".join(decode_payload([zlib.compress(BODY)], None, "deflate", [])) == BODY
    raw = zlib.compressobj(6, zlib.DEFLATED, -zlib.MAX_WBITS)
    data = raw.compress(BODY) + raw.flush()
    assert b"".join(decode_payload(blocks(data, 4096), None, "deflate", [])) == BODY


def test_chunked_gzip() -> None:
    data = gzip.compress(BODY)
    wire = chunked(data, [7, len(data) - 7])
    assert b"".join(decode_payload(blocks(wire, 512), "chunked", "gzip", [])) == BODY


def test_notes_for_odd_payloads() -> None:
    notes: list[str] = []
    assert b"".join(decode_payload([b"plain"], None, "gzip", notes)) == b"plain"
    assert b"".join(decode_payload([b"x"], None, "br", notes)) == b"x"
    partial = b"".join(decode_payload([gzip.compress(BODY)[:5000]], None, "gzip", notes))
    assert BODY.startswith(partial)
    assert notes == [
        "declared gzip but not compressed; kept as is",
        "content-encoding 'br' not decoded",
        "compressed payload ends early (truncated)",
    ]


def test_spool_limit_and_rewind() -> None:
    stream, size = spool(blocks(BODY, 4096), len(BODY))
    assert size == len(BODY)
    assert stream.read() == BODY
    stream.close()
    with pytest.raises(PayloadTooLarge, match=r"payload exceeds 1000 bytes when decompressed"):
        spool(blocks(BODY, 4096), 1000)


def test_inflation_is_bounded_per_step(gzip_bomb: bytes) -> None:
    steps = decode_payload(blocks(gzip_bomb, 65536), None, "gzip", [])
    sizes = [len(next(steps)) for _ in range(50)]
    assert max(sizes) <= 64 * 1024
