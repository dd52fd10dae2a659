"""RSS and Atom feeds through feedparser: the feed, and one child document per entry.

feedparser is given the bytes wrapped in a stream, never a string (which it may treat as
a URL or a path), so it fetches nothing. Entry HTML is sanitised by feedparser and wrapped
into a small HTML document that the HTML reader reads like any page.
"""

from __future__ import annotations

import html
import io
import re
from collections.abc import Iterator
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

from raqib.capture.base import Child, Limits, Parsed, Reader, ReaderError, Sample
from raqib.capture.dates import parse_timestamp
from raqib.capture.support import (
    declared_score,
    normalise_language,
    read_limited,
    reader_errors,
    resolve_language,
    strip_prolog,
)

_ATOM_NS = b"http://www.w3.org/2005/atom"
_RSS1_NS = b"http://purl.org/rss/1.0/"
_RSS_ROOT = re.compile(rb"^<rss[\s>]")
_ATOM_ROOT = re.compile(rb"^<(?:[\w-]+:)?feed[\s>]")
_FEED_TYPES = {"application/rss+xml", "application/atom+xml"}
_FEED_SUFFIXES = {".rss", ".atom"}
_HTML_TYPES = {"text/html", "application/xhtml+xml"}
_SAMPLE_ENTRIES = 20


def _is_feed_root(head: bytes) -> bool:
    start = strip_prolog(head, doctype=True)
    lowered = start.lower()
    if _RSS_ROOT.match(lowered):
        return True
    tag = lowered[: lowered.find(b">") + 1] if b">" in lowered else lowered
    if _ATOM_ROOT.match(lowered) and _ATOM_NS in tag:
        return True
    return lowered.startswith(b"<rdf:rdf") and _RSS1_NS in head.lower()


def _entry_content(entry: Any) -> tuple[str, str]:
    """The entry's fullest content and its type ('text/html' or 'text/plain')."""
    for item in entry.get("content") or []:
        if item.get("value"):
            return item["value"], item.get("type") or "text/html"
    detail = entry.get("summary_detail") or {}
    return entry.get("summary") or "", detail.get("type") or "text/html"


def _entry_date(entry: Any) -> datetime | None:
    for key in ("published", "updated", "created"):
        value = parse_timestamp(entry.get(key))
        if value is not None:
            return value
    for key in ("published_parsed", "updated_parsed"):
        parsed = entry.get(key)
        if parsed:
            return datetime(*parsed[:6], tzinfo=UTC)
    return None


def _entry_document(
    title: str | None, content: str, ctype: str, lang: str | None
) -> tuple[bytes, str]:
    """The bytes of a small document holding the entry, and their media type."""
    if ctype in _HTML_TYPES:
        lang_attribute = f' lang="{html.escape(lang)}"' if lang else ""
        page = (
            f'<!DOCTYPE html>\n<html{lang_attribute}><head><meta charset="utf-8">'
            f"<title>{html.escape(title or '')}</title></head>\n"
            f"<body><article>\n{content}\n</article></body></html>\n"
        )
        return page.encode("utf-8"), "text/html"
    return content.encode("utf-8"), "text/plain"


def _entry_child(entry: Any, index: int, source: str, lang: str | None) -> Child:
    title = " ".join((entry.get("title") or "").split()) or None
    content, ctype = _entry_content(entry)
    if not content.strip():
        content, ctype = title or "", "text/plain"
    data, media_type = _entry_document(title, content, ctype, lang)
    metadata = {"entry_id": entry.get("id"), "author": entry.get("author")}
    return Child(
        name=f"{source}#entry={index}",
        stream=io.BytesIO(data),
        media_type_hint=media_type,
        url=entry.get("link"),
        published_at=_entry_date(entry),
        title=title,
        metadata={key: str(value) for key, value in metadata.items() if value},
        error=None if data.strip() else "feed entry has no title and no content",
    )


def _children(entries: list[Any], source: str, lang: str | None) -> Iterator[Child]:
    for index, entry in enumerate(entries):
        yield _entry_child(entry, index, source, lang)


def _sample_text(feed: Any, entries: list[Any]) -> str:
    parts = [feed.get("title") or "", feed.get("subtitle") or ""]
    for entry in entries[:_SAMPLE_ENTRIES]:
        parts.append(entry.get("title") or "")
        parts.append(re.sub(r"<[^>]*>", " ", entry.get("summary") or ""))
    return "\n".join(part for part in parts if part)


class FeedReader:
    """``capture.feed.v1``: an RSS or Atom feed and its entries."""

    name = "capture.feed.v1"
    streaming = False

    def score(self, sample: Sample) -> int:
        """100 for an <rss>, Atom <feed> or RSS 1.0 <rdf:RDF> root; 50 type; 10 extension."""
        if _is_feed_root(sample.head):
            return 100
        return declared_score(sample, _FEED_TYPES, _FEED_SUFFIXES)

    def read(self, path: Path, limits: Limits) -> Parsed:
        """The feed as a container; ``ReaderError`` if feedparser finds no feed."""
        import feedparser

        data = read_limited(path, limits)
        with reader_errors("cannot parse feed"):
            parsed = feedparser.parse(io.BytesIO(data))
        feed, entries = parsed.get("feed") or {}, list(parsed.get("entries") or [])
        if not parsed.get("version") and not entries:
            cause = parsed.get("bozo_exception") or "no RSS or Atom structure"
            raise ReaderError(f"not a feed: {' '.join(str(cause).split())}")
        lang = normalise_language(feed.get("language"))
        metadata = {
            "feed_version": parsed.get("version") or "unknown",
            "entries": str(len(entries)),
        }
        if feed.get("subtitle"):
            metadata["subtitle"] = " ".join(feed["subtitle"].split())
        return Parsed(
            text=None,
            media_type="application/atom+xml"
            if "atom" in metadata["feed_version"]
            else "application/rss+xml",
            title=" ".join((feed.get("title") or "").split()) or None,
            publisher=feed.get("publisher"),
            kind="feed",
            published_at=parse_timestamp(feed.get("published") or feed.get("updated")),
            language=resolve_language(lang, _sample_text(feed, entries)),
            url=feed.get("link"),
            metadata=metadata,
            children=_children(entries, path.name, lang),
        )


READERS: list[Reader] = [FeedReader()]
