"""Every project sample document goes through choose() and its reader without surprises."""

from __future__ import annotations

from pathlib import Path

import pytest

from raqib.capture.base import Limits
from raqib.capture.registry import choose, make_sample

SAMPLES = Path(__file__).resolve().parents[2] / "samples"
EXPECTED = {
    "capture-2018-11-26.warc.gz": "capture.warc.v1",
    "feed-2018-11.xml": "capture.feed.v1",
    "latin1-notice.txt": "capture.text.v1",
    "news-opposition-2018-11-25.html": "capture.html.v1",
    "news-sana-2018-11-25.html": "capture.html.v1",
    "news-sana-ar-2018-11-25.html": "capture.html.v1",
    "ngo-report-2018-11.pdf": "capture.pdf.v1",
    "press-release-2018-11-27.html": "capture.html.v1",
}
TITLES = {
    "news-sana-2018-11-25.html": "107 civilians treated for breathing difficulties after "
    "terrorists fire toxic gas shells on Aleppo neighbourhoods",
    "news-opposition-2018-11-25.html": "Opposition denies Aleppo gas claim as Russian jets "
    "strike west of the city",
    "news-sana-ar-2018-11-25.html": "إصابة 107 مدنيين بحالات اختناق جراء قذائف تحوي غازات سامة "
    "أطلقها الإرهابيون على أحياء في حلب",
}


@pytest.mark.parametrize("name", sorted(EXPECTED))
def test_sample_documents(readers: list, name: str) -> None:
    path = SAMPLES / "public" / name
    if not path.exists():
        pytest.skip(f"sample {name} not present")
    reader = choose(readers, make_sample(path, name))
    assert reader is not None and reader.name == EXPECTED[name]
    parsed = reader.read(path, Limits())
    if parsed.children is not None:
        children = list(parsed.children)
        assert children and all(child.error is None for child in children)
        return
    assert parsed.text
    assert parsed.language in {"en", "ar", "fr"}
    if name in TITLES:
        assert parsed.title == TITLES[name]
    if name.endswith(".html"):
        assert parsed.published_at is not None and parsed.published_at.tzinfo is not None


def test_windows_1252_notice(readers: list) -> None:
    path = SAMPLES / "public" / "latin1-notice.txt"
    if not path.exists():
        pytest.skip("sample not present")
    reader = choose(readers, make_sample(path, path.name))
    parsed = reader.read(path, Limits())
    assert parsed.metadata["encoding"] == "cp1252"
    assert parsed.language == "fr"
    assert "\r" not in parsed.text
    assert "é" in parsed.text and "’" in parsed.text and "–" in parsed.text
