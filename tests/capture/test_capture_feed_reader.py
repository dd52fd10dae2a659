"""The feed reader: RSS 2.0, Atom and RSS 1.0, entry children, no network, scoring."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta, timezone
from pathlib import Path

import pytest

from raqib.capture.base import Limits, ReaderError, Sample
from raqib.capture.readers.feed import FeedReader
from raqib.capture.readers.html import HtmlReader
from raqib.capture.registry import choose

SAMPLE_FEED = Path(__file__).resolve().parents[2] / "samples" / "public" / "feed-2018-11.xml"

RSS = b"""<?xml version="1.0" encoding="utf-8"?>
<rss version="2.0"><channel>
<title>River Watch updates</title><link>https://river-watch.example/</link>
<language>en-gb</language><description>Fictional test feed</description>
<item><title>Shelling near the eastern bridge</title>
<link>https://river-watch.example/2019/03/14/bridge</link>
<pubDate>Thu, 14 Mar 2019 09:45:00 +0200</pubDate><guid>rw-1</guid>
<description>&lt;p&gt;Monitors recorded four strikes near the bridge during the night.&lt;/p&gt;
&lt;script&gt;alert("x")&lt;/script&gt;</description></item>
<item><title>Water cut in the north</title><link>https://river-watch.example/2019/03/15/water</link>
<pubDate>Fri, 15 Mar 2019 08:00:00 GMT</pubDate>
<description>Residents said the water supply had been cut for a third day.</description></item>
</channel></rss>
"""

ATOM = """<?xml version="1.0" encoding="utf-8"?>
<feed xmlns="http://www.w3.org/2005/Atom" xml:lang="fr">
<title>Veille du fleuve</title><id>urn:x</id><updated>2019-03-14T09:45:00+02:00</updated>
<link href="https://veille.example/"/>
<entry><title>Bombardements près du pont</title><id>urn:x:1</id>
<link href="https://veille.example/1"/><published>2019-03-14T09:45:00+02:00</published>
<content type="html">&lt;p&gt;Les observateurs ont compté quatre frappes près du pont
pendant la nuit, selon des habitants.&lt;/p&gt;</content>
</entry></feed>
""".encode()

RDF = b"""<?xml version="1.0"?>
<rdf:RDF xmlns:rdf="http://www.w3.org/1999/02/22-rdf-syntax-ns#" xmlns="http://purl.org/rss/1.0/">
<channel rdf:about="https://old.example/"><title>Old style feed</title><link>https://old.example/</link>
<description>x</description></channel>
<item rdf:about="https://old.example/1"><title>An item</title><link>https://old.example/1</link>
<description>Text of the item.</description></item>
</rdf:RDF>
"""

reader = FeedReader()


def test_rss(write, limits: Limits) -> None:
    parsed = reader.read(write("feed.xml", RSS), limits)
    assert parsed.kind == "feed"
    assert parsed.text is None
    assert parsed.title == "River Watch updates"
    assert parsed.url == "https://river-watch.example/"
    assert parsed.language == "en"
    assert parsed.metadata["entries"] == "2"
    children = list(parsed.children)
    assert [child.title for child in children] == [
        "Shelling near the eastern bridge",
        "Water cut in the north",
    ]
    first, second = children
    assert first.url == "https://river-watch.example/2019/03/14/bridge"
    assert first.published_at == datetime(2019, 3, 14, 9, 45, tzinfo=timezone(timedelta(hours=2)))
    assert second.published_at == datetime(2019, 3, 15, 8, 0, tzinfo=UTC)
    assert first.media_type_hint == "text/html"
    page = first.stream.read()
    assert b"four strikes near the bridge" in page
    assert b"<script" not in page  # feedparser sanitised the entry HTML
    assert first.metadata["entry_id"] == "rw-1"


def test_entry_document_reads_as_html(write, limits: Limits) -> None:
    child = next(reader.read(write("feed.xml", RSS), limits).children)
    page = write("entry.html", child.stream.read())
    parsed = HtmlReader().read(page, limits)
    assert parsed.title == "Shelling near the eastern bridge"
    assert parsed.text == "Monitors recorded four strikes near the bridge during the night."


def test_atom(write, limits: Limits) -> None:
    parsed = reader.read(write("feed.atom", ATOM), limits)
    assert parsed.title == "Veille du fleuve"
    assert parsed.language == "fr"
    assert parsed.metadata["feed_version"] == "atom10"
    [child] = list(parsed.children)
    assert child.url == "https://veille.example/1"
    assert child.published_at == datetime(2019, 3, 14, 9, 45, tzinfo=timezone(timedelta(hours=2)))
    assert b'lang="fr"' in child.stream.read()


def test_rss1(write, limits: Limits) -> None:
    parsed = reader.read(write("feed.rdf", RDF), limits)
    assert parsed.title == "Old style feed"
    assert [child.url for child in parsed.children] == ["https://old.example/1"]


def test_never_fetches(write, limits: Limits, monkeypatch: pytest.MonkeyPatch) -> None:
    import feedparser.http

    def refuse(*args: object, **kwargs: object) -> bytes:
        raise AssertionError("feedparser tried to fetch a URL")

    monkeypatch.setattr(feedparser.http, "get", refuse)
    path = write("url-like.xml", b"https://attacker.example/feed.xml")
    with pytest.raises(ReaderError, match=r"^not a feed"):
        reader.read(path, limits)
    assert reader.read(write("feed.xml", RSS), limits).title == "River Watch updates"


def test_not_a_feed(write, limits: Limits) -> None:
    with pytest.raises(ReaderError, match=r"^not a feed"):
        reader.read(write("x.xml", b"\x89PNG\r\n\x1a\n garbage"), limits)


def test_over_the_limit(write) -> None:
    with pytest.raises(ReaderError, match=r"^too large to parse safely"):
        reader.read(write("feed.xml", RSS), Limits(max_parse_bytes=100))


def test_feeds_beat_html_and_text(readers: list) -> None:
    for head in (RSS, ATOM, RDF):
        assert choose(readers, Sample(head=head, filename="feed.xml")).name == "capture.feed.v1"


@pytest.mark.skipif(not SAMPLE_FEED.exists(), reason="project sample feed not present")
def test_project_sample_feed(limits: Limits) -> None:
    parsed = reader.read(SAMPLE_FEED, limits)
    assert parsed.title == "Ceasefire Monitor North Syria (sample)"
    children = list(parsed.children)
    assert len(children) == 3
    assert [child.published_at.day for child in children] == [24, 25, 26]


@pytest.mark.parametrize(
    ("head", "filename", "hint", "score"),
    [
        (RSS, "", None, 100),
        (ATOM, "", None, 100),
        (RDF, "", None, 100),
        (
            b"<?xml version='1.0'?>\n<?xml-stylesheet href='s.xsl'?>\n<rss version='2.0'>",
            "",
            None,
            100,
        ),
        (b"<feed><title>no namespace</title></feed>", "", None, 0),
        (b"<!DOCTYPE html><html><body>&lt;rss&gt;</body></html>", "", None, 0),
        (b"<x/>", "", "application/rss+xml", 50),
        (b"<x/>", "news.atom", None, 10),
        (b"\x89PNG\r\n\x1a\n", "news.rss", None, 0),
    ],
)
def test_score(head: bytes, filename: str, hint: str | None, score: int) -> None:
    assert reader.score(Sample(head=head, filename=filename, media_type_hint=hint)) == score
