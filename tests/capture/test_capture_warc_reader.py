"""The WARC reader: children, codings, damaged archives, zip bombs, bounded memory."""

from __future__ import annotations

import gzip
import random
import tracemalloc
from datetime import UTC, datetime
from pathlib import Path

import pytest

from raqib.capture.base import Child, Limits, ReaderError, Sample
from raqib.capture.readers.warc import WarcReader

NOISE = random.Random(2018)  # fixed seed: the same "random" bytes every run

SAMPLE_WARC = (
    Path(__file__).resolve().parents[2] / "samples" / "public" / "capture-2018-11-26.warc.gz"
)
PAGE_A = b"<!DOCTYPE html><html><body><p>First page</p></body></html>"
PAGE_B = b"<!DOCTYPE html><html><body><p>Second page</p></body></html>"
MB = 1024 * 1024

reader = WarcReader()


def children(path: Path, limits: Limits) -> list[tuple[Child, bytes]]:
    """Consume the children in order, reading each stream before advancing."""
    parsed = reader.read(path, limits)
    assert parsed.children is not None
    return [(child, child.stream.read()) for child in parsed.children]


@pytest.mark.parametrize("compressed", [False, True])
def test_children(write, build_warc, limits: Limits, compressed: bool) -> None:
    records = [
        ("https://example.org/a", PAGE_A, []),
        ("https://example.org/b", gzip.compress(PAGE_B), [("Content-Encoding", "gzip")]),
    ]
    path = write("c.warc.gz" if compressed else "c.warc", build_warc(records, gzip=compressed))
    parsed = reader.read(path, limits)
    assert parsed.text is None
    assert parsed.media_type == "application/warc"
    assert parsed.metadata["compression"] == ("gzip" if compressed else "none")
    found = children(path, limits)
    assert [child.url for child, _ in found] == ["https://example.org/a", "https://example.org/b"]
    assert [data for _, data in found] == [PAGE_A, PAGE_B]
    for child, _ in found:
        assert child.error is None
        assert child.media_type_hint == "text/html"
        assert child.captured_at == datetime(2018, 11, 26, 9, 0, tzinfo=UTC)
        assert child.metadata["http_status"] == "200"
        assert child.name.startswith(path.name + "#offset=")


def test_chunked_and_gzip_payload(write, build_warc, limits: Limits) -> None:
    body = gzip.compress(PAGE_B)
    chunked = b"%x\r\n%s\r\n%x\r\n%s\r\n0\r\n\r\n" % (10, body[:10], len(body) - 10, body[10:])
    headers = [("Transfer-Encoding", "chunked"), ("Content-Encoding", "gzip")]
    path = write("c.warc", build_warc([("https://example.org/b", chunked, headers)], gzip=False))
    [(_child, data)] = children(path, limits)
    assert data == PAGE_B


@pytest.mark.parametrize("compressed", [False, True])
def test_corrupt_record_between_good_ones(
    write, build_record, limits: Limits, compressed: bool
) -> None:
    first = build_record("https://example.org/1", PAGE_A, gzip=compressed)
    third = build_record("https://example.org/3", PAGE_B, gzip=compressed)
    middle = build_record("https://example.org/2", PAGE_B, gzip=compressed)
    broken = middle[: len(middle) // 2] if compressed else b"GARBAGE\r\nMORE GARBAGE\r\n"
    path = write("bad.warc", first + broken + third)
    found = children(path, limits)
    assert found[0][0].url == "https://example.org/1"
    assert found[0][1] == PAGE_A
    assert len(found) == 2
    error = found[1][0].error
    assert error is not None
    assert f"at byte {len(first)}" in error
    assert "stopped reading the archive" in error
    assert found[1][1] == b""


def test_missing_content_length(write, build_record, limits: Limits) -> None:
    first = build_record("https://example.org/1", PAGE_A, gzip=False)
    second = build_record("https://example.org/2", PAGE_B, gzip=False)
    second = second.replace(b"Content-Length", b"Content-Lngth", 1)
    found = children(write("bad.warc", first + second), limits)
    assert found[0][0].error is None
    assert "bad Content-Length" in found[1][0].error


@pytest.mark.parametrize("compressed", [False, True])
def test_truncated_last_record(write, build_record, limits: Limits, compressed: bool) -> None:
    first = build_record("https://example.org/1", PAGE_A, gzip=compressed)
    second = build_record("https://example.org/2", PAGE_B, gzip=compressed)
    found = children(write("cut.warc", first + second[:-30]), limits)
    assert found[0][1] == PAGE_A
    assert found[1][0].error.startswith(f"corrupt record at byte {len(first)}: ")
    assert "truncated" in found[1][0].error


@pytest.mark.parametrize("compressed", [False, True])
def test_zip_bomb_is_refused_in_bounded_memory(
    write, build_warc, gzip_bomb: bytes, compressed: bool
) -> None:
    records = [
        ("https://example.org/bomb", gzip_bomb, [("Content-Encoding", "gzip")]),
        ("https://example.org/after", PAGE_A, []),
    ]
    path = write("bomb.warc", build_warc(records, gzip=compressed))
    limits = Limits(max_child_bytes=MB)
    tracemalloc.start()
    try:
        found = children(path, limits)
        peak = tracemalloc.get_traced_memory()[1]
    finally:
        tracemalloc.stop()
    bomb, bomb_data = found[0]
    assert bomb.error == f"payload exceeds {MB} bytes when decompressed (possible zip bomb)"
    assert bomb_data == b""
    assert found[1][0].url == "https://example.org/after"  # the archive goes on
    assert found[1][1] == PAGE_A
    assert peak < 50 * MB


def test_large_payload_streams_through_a_spool(write, build_warc) -> None:
    body = NOISE.randbytes(12 * MB)
    path = write("big.warc", build_warc([("https://example.org/big", body, [])], gzip=False))
    tracemalloc.start()
    try:
        parsed = reader.read(path, Limits(max_child_bytes=64 * MB))
        child = next(parsed.children)
        total = 0
        while block := child.stream.read(MB):
            total += len(block)
        peak = tracemalloc.get_traced_memory()[1]
    finally:
        tracemalloc.stop()
    assert total == len(body)
    assert peak < 8 * MB


def test_damaged_gzip_content_is_a_child_error(write, build_warc, limits: Limits) -> None:
    bad = gzip.compress(PAGE_A)[:10] + b"\x07" + bytes(40)  # deflate block type 3: invalid
    records = [
        ("https://example.org/bad", bad, [("Content-Encoding", "gzip")]),
        ("https://example.org/ok", PAGE_B, []),
    ]
    found = children(write("c.warc", build_warc(records, gzip=False)), limits)
    assert found[0][0].error.startswith("cannot decode payload")
    assert found[1][1] == PAGE_B


def test_not_a_warc(write, limits: Limits) -> None:
    with pytest.raises(ReaderError, match=r"^not a WARC file"):
        reader.read(write("x.warc", b"hello"), limits)
    with pytest.raises(ReaderError, match=r"^not a WARC file"):
        reader.read(write("x.warc.gz", gzip.compress(b"hello")), limits)


@pytest.mark.skipif(not SAMPLE_WARC.exists(), reason="project sample WARC not present")
def test_project_sample_warc(limits: Limits) -> None:
    found = children(SAMPLE_WARC, limits)
    assert [child.url for child, _ in found] == [
        "https://sana.example/en/?p=151234",
        "https://idlib-monitor.example/2018/11/25/opposition-denies-aleppo-gas-claim/",
    ]
    assert all(child.captured_at == datetime(2018, 11, 26, 9, tzinfo=UTC) for child, _ in found)
    html = SAMPLE_WARC.parent / "news-sana-2018-11-25.html"
    if html.exists():  # the live page as served: the saved copy plus the cache's comment
        saved = html.read_bytes().replace(b"</body>", b"", 1)
        assert found[0][1].replace(b"</body>", b"", 1).startswith(saved.split(b"</html>")[0][:5000])
        assert b"served by edge cache" in found[0][1]


@pytest.mark.parametrize(
    ("head", "filename", "hint", "score"),
    [
        (b"WARC/1.1\r\n", "", None, 100),
        (gzip.compress(b"WARC/1.0\r\nWARC-Type: warcinfo\r\n"), "capture.bin", None, 100),
        (b"\x1f\x8b\x08\x00" + NOISE.randbytes(64), "crawl.warc.gz", None, 100),
        (gzip.compress(b"not a warc"), "x.gz", None, 0),
        (b"whatever", "", "application/warc", 50),
        (b"whatever", "crawl.warc", None, 10),
        (b"\x89PNG\r\n\x1a\n", "crawl.warc", None, 0),
    ],
)
def test_score(head: bytes, filename: str, hint: str | None, score: int) -> None:
    assert reader.score(Sample(head=head, filename=filename, media_type_hint=hint)) == score
