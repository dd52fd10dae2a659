"""The PDF reader: text layer, document info, damaged and text-less PDFs, scoring."""

from __future__ import annotations

from datetime import UTC, datetime
from pathlib import Path

import pytest

from raqib.capture.base import Limits, ReaderError, Sample
from raqib.capture.readers.pdf import PdfReader

SAMPLE_PDF = Path(__file__).resolve().parents[2] / "samples" / "public" / "ngo-report-2018-11.pdf"
PARAGRAPHS = [
    "The monitoring group documented twelve attacks on civilian infrastructure in the northern "
    "districts during the reporting period, most of them at night.",
    "Two schools and a water pumping station were damaged. This report is fictional and was "
    "generated for Raqib's tests.",
]

reader = PdfReader()


def test_text_and_info(write, build_pdf, limits: Limits) -> None:
    created = datetime(2019, 3, 1, 10, 0, tzinfo=UTC)
    data = build_pdf(PARAGRAPHS, title="Monthly report", author="Monitor Group", created=created)
    parsed = reader.read(write("report.pdf", data), limits)
    assert parsed.media_type == "application/pdf"
    assert parsed.title == "Monthly report"
    assert parsed.author == "Monitor Group"
    assert parsed.published_at == created
    assert parsed.language == "en"
    assert "twelve attacks on civilian infrastructure" in parsed.text
    assert "water pumping station" in parsed.text
    assert parsed.metadata["pages"] == "1"


def test_junk_title_is_dropped(write, build_pdf, limits: Limits) -> None:
    data = build_pdf(PARAGRAPHS, title="Microsoft Word - report_final_v3.docx")
    assert reader.read(write("report.pdf", data), limits).title is None


def test_press_release_header_in_pdf(write, build_pdf, limits: Limits) -> None:
    lines = ["Shelling Near the Eastern Bridge", "Press release", "River Watch", "14 March 2019"]
    data = build_pdf(["\n".join(lines), *PARAGRAPHS], title="Untitled")
    parsed = reader.read(write("release.pdf", data), limits)
    assert parsed.kind == "press release"
    assert parsed.title == "Shelling Near the Eastern Bridge"
    assert parsed.publisher == "River Watch"
    assert parsed.published_at == datetime(2019, 3, 14)
    assert parsed.text.startswith("The monitoring group documented")


@pytest.mark.parametrize("keep", [0.5, 0.9, 0.97])
def test_truncated(write, build_pdf, limits: Limits, keep: float) -> None:
    data = build_pdf(PARAGRAPHS)
    path = write("cut.pdf", data[: int(len(data) * keep)])
    with pytest.raises(ReaderError, match=r"^truncated or damaged PDF: "):
        reader.read(path, limits)


def test_damaged_body(write, limits: Limits) -> None:
    data = b"%PDF-1.4\n1 0 obj << /Type /Catalog /Pages 9 0 R >> garbage\ntrailer\n%%EOF\n"
    with pytest.raises(ReaderError, match=r"^truncated or damaged PDF: "):
        reader.read(write("bad.pdf", data), limits)


def test_no_text_layer(write, limits: Limits) -> None:
    from fpdf import FPDF

    pdf = FPDF()
    pdf.add_page()
    pdf.rect(20, 20, 80, 60, style="F")  # a drawing only, as a scan would be an image only
    with pytest.raises(ReaderError, match=r"^PDF has no text layer \(scanned\?\)$"):
        reader.read(write("scan.pdf", bytes(pdf.output())), limits)


def test_not_a_pdf(write, limits: Limits) -> None:
    with pytest.raises(ReaderError, match=r"^not a PDF"):
        reader.read(write("x.pdf", b"just text pretending\n%%EOF"), limits)


def test_over_the_limit(write, build_pdf) -> None:
    path = write("big.pdf", build_pdf(PARAGRAPHS))
    with pytest.raises(ReaderError, match=r"^too large to parse safely"):
        reader.read(path, Limits(max_parse_bytes=200))


@pytest.mark.skipif(not SAMPLE_PDF.exists(), reason="project sample PDF not present")
def test_project_sample_report(limits: Limits) -> None:
    parsed = reader.read(SAMPLE_PDF, limits)
    assert (
        parsed.title == "Monthly report: violations in the Idlib de-escalation zone, November 2018"
    )
    assert parsed.author == "Syrian Documentation Observatory (sample)"
    assert parsed.published_at == datetime(2018, 12, 3, 9, 0, tzinfo=UTC)
    assert parsed.metadata["pages"] == "2"


@pytest.mark.parametrize(
    ("head", "filename", "hint", "score"),
    [
        (b"%PDF-1.7\n%\xe2\xe3", "", None, 100),
        (b"junk before header\n%PDF-1.4\n", "", None, 100),
        (b"whatever", "", "application/pdf", 50),
        (b"whatever", "report.PDF", None, 10),
        (b"\x89PNG\r\n\x1a\n", "image.pdf", None, 0),
        (b"plain words", "notes.txt", None, 0),
    ],
)
def test_score(head: bytes, filename: str, hint: str | None, score: int) -> None:
    assert reader.score(Sample(head=head, filename=filename, media_type_hint=hint)) == score
