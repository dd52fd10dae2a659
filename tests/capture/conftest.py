"""Shared fixtures for the capture tests: paths, file writers, WARC and PDF builders."""

from __future__ import annotations

import io
import zlib
from collections.abc import Callable, Iterable
from datetime import UTC, datetime
from pathlib import Path

import pytest
from warcio.statusandheaders import StatusAndHeaders
from warcio.warcwriter import WARCWriter

from raqib.capture.base import Limits
from raqib.capture.registry import load_readers

Writer = Callable[[str, bytes], Path]
Record = tuple[str, bytes, list[tuple[str, str]]]


@pytest.fixture
def write(tmp_path: Path) -> Writer:
    """Write bytes to a file in the test's temporary folder and return its path."""

    def _write(name: str, data: bytes) -> Path:
        path = tmp_path / name
        path.write_bytes(data)
        return path

    return _write


@pytest.fixture
def limits() -> Limits:
    return Limits()


@pytest.fixture(scope="session")
def readers() -> list:
    return load_readers()


def warc_bytes(records: Iterable[Record], *, gzip: bool) -> bytes:
    """A WARC with a warcinfo record and one response record per (uri, body, headers)."""
    buffer = io.BytesIO()
    writer = WARCWriter(buffer, gzip=gzip)
    writer.write_record(writer.create_warcinfo_record("test.warc", {"software": "raqib-tests"}))
    for uri, body, extra in records:
        http = StatusAndHeaders(
            "200 OK",
            [("Content-Type", "text/html; charset=utf-8"), *extra],
            protocol="HTTP/1.1",
        )
        record = writer.create_warc_record(
            uri,
            "response",
            payload=io.BytesIO(body),
            http_headers=http,
            warc_headers_dict={"WARC-Date": "2018-11-26T09:00:00Z"},
        )
        writer.write_record(record)
    return buffer.getvalue()


def single_record_bytes(uri: str, body: bytes, *, gzip: bool) -> bytes:
    """One response record alone (no warcinfo), for splicing archives together."""
    buffer = io.BytesIO()
    writer = WARCWriter(buffer, gzip=gzip)
    http = StatusAndHeaders(
        "200 OK", [("Content-Type", "text/html; charset=utf-8")], protocol="HTTP/1.1"
    )
    writer.write_record(
        writer.create_warc_record(uri, "response", payload=io.BytesIO(body), http_headers=http)
    )
    return buffer.getvalue()


@pytest.fixture(scope="session")
def gzip_bomb() -> bytes:
    """About 200 MB of zeros, gzip-compressed in a streaming way (about 200 KB)."""
    compressor = zlib.compressobj(9, zlib.DEFLATED, 16 + zlib.MAX_WBITS)
    zeros = bytes(1024 * 1024)
    parts = [compressor.compress(zeros) for _ in range(200)]
    parts.append(compressor.flush())
    return b"".join(parts)


def make_pdf(
    paragraphs: list[str],
    *,
    title: str | None = None,
    author: str | None = None,
    created: datetime | None = None,
) -> bytes:
    """A small PDF with a real text layer, generated with fpdf2."""
    from fpdf import FPDF

    pdf = FPDF()
    if title:
        pdf.set_title(title)
    if author:
        pdf.set_author(author)
    pdf.set_creation_date(created or datetime(2019, 3, 1, 10, 0, tzinfo=UTC))
    pdf.add_page()
    pdf.set_font("helvetica", size=11)
    for paragraph in paragraphs:
        pdf.multi_cell(0, 6, paragraph)
        pdf.ln(4)
    return bytes(pdf.output())


@pytest.fixture
def build_warc() -> Callable[..., bytes]:
    return warc_bytes


@pytest.fixture
def build_record() -> Callable[..., bytes]:
    return single_record_bytes


@pytest.fixture
def build_pdf() -> Callable[..., bytes]:
    return make_pdf
