"""The HTML reader: main text, head metadata, the press-release header, refusals, scoring."""

from __future__ import annotations

import random
import re
from datetime import datetime, timedelta, timezone
from pathlib import Path

import pytest

from raqib.capture.base import Limits, ReaderError, Sample
from raqib.capture.readers.html import HtmlReader
from raqib.capture.readers.text import TextReader

NOISE = random.Random(2018)  # fixed seed: the same "random" bytes every run

REPO_ROOT = Path(__file__).resolve().parents[2]
FIXTURES = REPO_ROOT / "tests" / "fixtures" / "capture"
SAMPLES = REPO_ROOT / "samples"
SAMPLE_RELEASE = SAMPLES / "public" / "press-release-2018-11-27.html"
EET = timezone(timedelta(hours=2))

reader = HtmlReader()

ARTICLE = """<!DOCTYPE html>
<html lang="en"><head><meta charset="utf-8">
<title>Water cut in the northern districts - River Post</title>
<meta property="og:site_name" content="River Post">
<meta property="og:type" content="article">
<meta name="author" content="Night desk">
<link rel="canonical" href="https://river-post.example/water-cut">
<script type="application/ld+json">
{"@type": "NewsArticle", "datePublished": "2019-04-02T08:15:00+03:00"}
</script>
</head><body>
<nav><a href="/">Home</a> <a href="/news">News</a></nav>
<article><h1>Water cut in the northern districts</h1>
<p>Residents of the northern districts said on Tuesday that the water supply had been cut
for a third day after the pumping station was damaged by shelling.</p>
<p>Engineers from the local council said repairs could take a week if crews are allowed to
reach the station, and that families are queuing at wells.</p>
<p>This article is fictional and was written for Raqib's tests.</p>
</article>
<footer>© River Post</footer>
</body></html>
"""


def test_own_press_release_fixture(limits: Limits) -> None:
    parsed = reader.read(FIXTURES / "press-release-fictional.html", limits)
    assert parsed.title == "On Renewed Shelling of Residential Districts Near the Old Market"
    assert parsed.kind == "press release"
    assert parsed.publisher == "Civilian Protection Council"
    assert parsed.department == "Public Information"
    assert parsed.published_at == datetime(2019, 3, 14, 9, 45, tzinfo=EET)
    assert parsed.language == "en"
    assert parsed.text.startswith("The Council has received consistent accounts")
    assert parsed.text.endswith("independent inquiry into the attacks.")
    for header in ("Thursday, 14 March 2019", "Press release", "Department of", "Home"):
        assert header not in parsed.text


def test_html_and_text_versions_agree(limits: Limits) -> None:
    html = reader.read(FIXTURES / "press-release-fictional.html", limits)
    text = TextReader().read(FIXTURES / "press-release-fictional.txt", limits)
    for field in ("title", "kind", "publisher", "department", "language"):
        assert getattr(html, field) == getattr(text, field), field
    assert html.published_at.replace(tzinfo=None) == text.published_at
    assert html.text.split("\n")[0] == text.text.split("\n")[0]
    assert html.text.split()[-1] == text.text.split()[-1]


@pytest.mark.skipif(not SAMPLE_RELEASE.exists(), reason="project sample page not present")
def test_project_sample_press_release(limits: Limits) -> None:
    readme = (SAMPLES / "README.md").read_text(encoding="utf-8")
    title = "On Russian Air Strikes West of Aleppo & the Threat to the Idlib Agreement"
    first = (
        "The Russian air strikes on the western countryside of Aleppo on Sunday 25 November are "
        "a flagrant breach of the Idlib agreement reached in Sochi on 17 September 2018."
    )
    assert title in readme and first in readme  # the README still promises these values
    parsed = reader.read(SAMPLE_RELEASE, limits)
    assert parsed.title == title
    assert parsed.kind == "press release"
    assert parsed.publisher == "Syrian Coalition"
    assert parsed.department == "Media and Communications"
    assert parsed.published_at == datetime(2018, 11, 27, 15, 40, tzinfo=EET)
    assert parsed.language == "en"
    assert parsed.text.startswith(first)
    assert "Home ›" not in parsed.text and "press releases ›" not in parsed.text
    assert "Press release\n" not in parsed.text
    paragraphs = [line for line in parsed.text.split("\n") if line.strip()]
    assert len(paragraphs) == 5


def test_plain_article(write, limits: Limits) -> None:
    parsed = reader.read(write("article.html", ARTICLE.encode("utf-8")), limits)
    assert parsed.kind == "web page"
    assert parsed.title == "Water cut in the northern districts"
    assert parsed.publisher == "River Post"
    assert parsed.author == "Night desk"
    assert parsed.url == "https://river-post.example/water-cut"
    assert parsed.published_at == datetime(2019, 4, 2, 8, 15, tzinfo=timezone(timedelta(hours=3)))
    assert parsed.language == "en"
    assert "pumping station was damaged by shelling" in parsed.text
    assert "© River Post" not in parsed.text


def test_declared_charset_windows_1256(write, limits: Limits) -> None:
    page = (
        '<html lang="ar"><head><meta http-equiv="Content-Type" '
        'content="text/html; charset=windows-1256"><title>قصف</title></head><body>'
        "<p>يواصل النظام السوري قصف المدن والقرى في ريف إدلب الجنوبي منذ أسابيع، "
        "بحسب شهود عيان من المنطقة.</p></body></html>"
    )
    parsed = reader.read(write("ar.html", page.encode("cp1256")), limits)
    assert parsed.metadata["encoding"] == "cp1256"
    assert "يواصل النظام السوري" in parsed.text
    assert parsed.language == "ar"


def test_detection_overrides_wrong_lang(write, limits: Limits) -> None:
    page = (
        '<!doctype html><html lang="en"><body><p>Le gouvernement a annoncé hier soir la reprise '
        "des négociations à Genève, selon plusieurs diplomates présents.</p></body></html>"
    )
    parsed = reader.read(write("fr.html", page.encode("utf-8")), limits)
    assert parsed.language == "fr"
    assert parsed.metadata["declared_language"] == "en"


def test_tiny_document_still_has_text(write, limits: Limits) -> None:
    page = b"<!DOCTYPE html><html><body><p>Short entry about shelling.</p></body></html>"
    parsed = reader.read(write("tiny.html", page), limits)
    assert parsed.text == "Short entry about shelling."


def test_over_the_limit(write) -> None:
    path = write("page.html", ARTICLE.encode("utf-8"))
    size = path.stat().st_size
    with pytest.raises(
        ReaderError, match=rf"^too large to parse safely: {size} bytes > limit 512$"
    ):
        reader.read(path, Limits(max_parse_bytes=512))


@pytest.mark.parametrize(
    ("data", "cause"),
    [
        (b"", "empty"),
        (NOISE.randbytes(3000), "not text"),
        (b"\x89PNG\r\n\x1a\n" + bytes(300), "not text"),
    ],
)
def test_refuses(write, limits: Limits, data: bytes, cause: str) -> None:
    with pytest.raises(ReaderError, match=f"^{re.escape(cause)}"):
        reader.read(write("page.html", data), limits)


@pytest.mark.parametrize(
    ("head", "filename", "hint", "score"),
    [
        (b"<!DOCTYPE html><html>", "", None, 100),
        (b"\xef\xbb\xbf  <!-- saved --> <HTML lang=en>", "", None, 100),
        (b'<?xml version="1.0"?><!DOCTYPE html PUBLIC "x"><html>', "", None, 100),
        ("<!doctype html>".encode("utf-16"), "", None, 100),
        (b"<div>fragment</div>", "", "text/html; charset=utf-8", 50),
        (b"<div>fragment</div>", "", "application/xhtml+xml", 50),
        (b"<div>fragment</div>", "page.htm", None, 10),
        (b"\x89PNG\r\n\x1a\n\x00", "image.html", "text/html", 0),
        (b"plain words", "notes.txt", None, 0),
    ],
)
def test_score(head: bytes, filename: str, hint: str | None, score: int) -> None:
    assert reader.score(Sample(head=head, filename=filename, media_type_hint=hint)) == score
