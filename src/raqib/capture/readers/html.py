"""HTML pages: trafilatura for the main text, lxml for head metadata, ``layout`` for headers.

trafilatura drops short lines such as "Press release" or a publisher's name as boilerplate,
so the press-release header is looked for in two places: in trafilatura's text, and in the
page's own block-level lines just above where trafilatura's main text begins. When a header
is recognised its fields win, and the body is trafilatura's text from the first body
paragraph on, without the trailing breadcrumb.
"""

from __future__ import annotations

import logging
from datetime import datetime
from pathlib import Path
from typing import Any

from raqib.capture.base import Limits, Parsed, Reader, ReaderError, Sample
from raqib.capture.dates import parse_timestamp
from raqib.capture.htmltools import PageMeta, block_lines, decode_html, page_meta, parse_html
from raqib.capture.layout import (
    Layout,
    is_body_like,
    kind_of,
    parse_layout,
    strip_trailing_breadcrumbs,
)
from raqib.capture.support import (
    declared_score,
    one_line,
    read_limited,
    reader_errors,
    resolve_language,
    strip_prolog,
)

_LOG = logging.getLogger(__name__)
_HTML_TYPES = {"text/html", "application/xhtml+xml"}
_HTML_SUFFIXES = {".html", ".htm", ".xhtml", ".shtml"}
_WINDOW = 12
"""How many page lines above the main text are searched for a header."""
_PREAMBLE = 4


def _normal(line: str) -> str:
    return " ".join(line.split()).lower()


def _index_of(lines: list[str], wanted: str, start: int = 0) -> int | None:
    key = _normal(wanted)
    for index in range(start, len(lines)):
        if _normal(lines[index]) == key:
            return index
    return None


def _header_window(main: list[str], blocks: list[str]) -> list[str] | None:
    """The page lines around the last kind marker above the start of the main text."""
    anchor_line = next((line for line in main if is_body_like(line)), None)
    anchor = _index_of(blocks, anchor_line) if anchor_line else None
    if anchor is None:
        return None
    markers = [i for i in range(max(0, anchor - _WINDOW), anchor) if kind_of(blocks[i])]
    if not markers:
        return None
    last = _index_of(blocks, main[-1], anchor) if main else None
    end = (last if last is not None else len(blocks) - 1) + 4
    return blocks[max(0, markers[-1] - _PREAMBLE) : end]


def _apply_layout(main: list[str], blocks: list[str]) -> tuple[Layout | None, str]:
    """The recognised header (or None) and the body text."""
    text = "\n".join(main)
    direct = parse_layout(text)
    if direct.has_header:
        return direct, direct.body
    window = _header_window(main, blocks)
    if window is None:
        return None, text
    layout = parse_layout("\n".join(window), max_preamble=_PREAMBLE)
    if not layout.has_header:
        return None, text
    first = next((line for line in layout.body.split("\n") if line.strip()), "")
    start = _index_of(main, first) if first else None
    if start is None:
        return layout, layout.body
    return layout, "\n".join(strip_trailing_breadcrumbs(main[start:], layout.title))


def _extract(text: str) -> Any:
    """trafilatura's Document for the page, or None if it found no main text."""
    import trafilatura

    try:
        return trafilatura.bare_extraction(
            text, with_metadata=True, include_comments=False, favor_precision=False
        )
    except Exception as exc:  # fall back to the page's own block lines
        _LOG.info("trafilatura failed, using block text: %s", one_line(exc))
        return None


def _published(layout: Layout | None, meta: PageMeta, extracted: Any) -> datetime | None:
    """The layout's date, upgraded to the meta tag's time and offset when they agree."""
    fallback = meta.published_at or parse_timestamp(getattr(extracted, "date", None))
    if layout is None or layout.published_at is None:
        return fallback
    ours, theirs = layout.published_at, meta.published_at
    if theirs is not None and theirs.tzinfo is not None:
        if layout.published_precision == "day":
            same = theirs.date() == ours.date() and ours.tzinfo is None
        else:
            same = theirs.replace(tzinfo=None) == ours.replace(tzinfo=None)
        if same:
            return theirs
    return ours


def _metadata(
    encoding: str, meta: PageMeta, extracted: Any, layout: Layout | None
) -> dict[str, str]:
    values = {
        "encoding": encoding,
        "description": meta.description or getattr(extracted, "description", None),
        "hostname": getattr(extracted, "hostname", None),
        "published_at_precision": layout.published_precision if layout else None,
        "declared_language": meta.language,
    }
    return {key: value for key, value in values.items() if value}


class HtmlReader:
    """``capture.html.v1``: main text and metadata of an HTML page."""

    name = "capture.html.v1"
    streaming = False

    def score(self, sample: Sample) -> int:
        """100 for a doctype/<html> start, 50 for an HTML media type, 10 for the extension."""
        start = strip_prolog(sample.head)[:14].lower()
        if start.startswith((b"<!doctype html", b"<html")):
            return 100
        return declared_score(sample, _HTML_TYPES, _HTML_SUFFIXES)

    def read(self, path: Path, limits: Limits) -> Parsed:
        """Parse the page; ``ReaderError`` if it is not text or has no markup."""
        data = read_limited(path, limits)
        if not data.strip():
            raise ReaderError(f"empty: {len(data)} bytes")
        decoded = decode_html(data)
        with reader_errors("cannot parse HTML"):
            tree = parse_html(decoded.text)
            meta = page_meta(tree)
            blocks = block_lines(tree)
        extracted = _extract(decoded.text)
        main_text = getattr(extracted, "text", None) or ""
        main = [line for line in main_text.split("\n") if line.strip()] or blocks
        with reader_errors("cannot read page layout"):
            layout, body = _apply_layout(main, blocks)
        return Parsed(
            text=body or None,
            media_type="text/html",
            title=(layout.title if layout else None)
            or getattr(extracted, "title", None)
            or meta.title,
            author=meta.author or getattr(extracted, "author", None),
            publisher=(layout.publisher if layout else None)
            or meta.site_name
            or getattr(extracted, "sitename", None),
            department=layout.department if layout else None,
            kind=layout.kind if layout else "web page",
            published_at=_published(layout, meta, extracted),
            language=resolve_language(meta.language, body),
            url=meta.url or getattr(extracted, "url", None),
            metadata=_metadata(decoded.encoding, meta, extracted, layout),
        )


READERS: list[Reader] = [HtmlReader()]
