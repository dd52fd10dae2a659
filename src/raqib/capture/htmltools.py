"""HTML helpers for the HTML reader: decoding, head metadata and block-level text lines."""

from __future__ import annotations

import json
import re
from collections.abc import Iterator
from dataclasses import dataclass
from datetime import datetime

from lxml import etree, html

from raqib.capture.base import ReaderError
from raqib.capture.dates import parse_timestamp
from raqib.capture.encoding import Decoded, decode_text, sniff_html_charset
from raqib.capture.support import normalise_language

_XML_DECLARATION = re.compile(r"^\s*<\?xml[^>]*\?>", re.IGNORECASE)
_PUBLISHED_KEYS = (
    "article:published_time",
    "og:published_time",
    "datepublished",
    "date",
    "dc.date.issued",
    "dcterms.issued",
    "dc.date",
    "pubdate",
    "publish-date",
    "publish_date",
    "parsely-pub-date",
    "sailthru.date",
)
_SKIP = {
    "script", "style", "noscript", "template", "nav", "footer", "aside", "form", "svg",
    "iframe", "button", "select", "textarea", "head", "menu",
}  # fmt: skip
_BLOCK = {
    "address", "article", "blockquote", "body", "br", "dd", "div", "dl", "dt", "figcaption",
    "figure", "h1", "h2", "h3", "h4", "h5", "h6", "header", "hr", "li", "main", "ol", "p",
    "pre", "section", "table", "td", "th", "tr", "ul",
}  # fmt: skip
MAX_JSON_LD = 100_000


@dataclass(frozen=True)
class PageMeta:
    """What the ``<head>`` (and ``<html>``) of a page declares about it."""

    language: str | None = None
    site_name: str | None = None
    title: str | None = None
    author: str | None = None
    description: str | None = None
    url: str | None = None
    og_type: str | None = None
    published_at: datetime | None = None


def decode_html(data: bytes) -> Decoded:
    """Decode HTML bytes: BOM, then ``<meta charset>``, then UTF-8, then detection."""
    return decode_text(data, declared=sniff_html_charset(data))


def parse_html(text: str) -> html.HtmlElement:
    """An lxml tree of the document; ``ReaderError`` if there is no markup to parse."""
    source = _XML_DECLARATION.sub("", text, count=1)
    try:
        tree = html.document_fromstring(source)
    except (etree.ParserError, ValueError) as exc:
        raise ReaderError(f"cannot parse HTML: {exc}") from exc
    return tree


def _meta_values(tree: html.HtmlElement) -> dict[str, str]:
    values: dict[str, str] = {}
    for meta in tree.iter("meta"):
        key = (meta.get("property") or meta.get("name") or meta.get("itemprop") or "").strip()
        content = (meta.get("content") or "").strip()
        if key and content:
            values.setdefault(key.lower(), content)
        equiv = (meta.get("http-equiv") or "").strip().lower()
        if equiv and content:
            values.setdefault(f"http-equiv:{equiv}", content)
    return values


def _json_ld_dates(tree: html.HtmlElement) -> Iterator[str]:
    for script in tree.iter("script"):
        if (script.get("type") or "").lower() != "application/ld+json":
            continue
        raw = (script.text or "")[:MAX_JSON_LD]
        try:
            data = json.loads(raw)
        except ValueError:
            continue
        items = data if isinstance(data, list) else [data]
        for item in items:
            if isinstance(item, dict):
                graph = item.get("@graph")
                nodes = graph if isinstance(graph, list) else [item]
                for node in nodes:
                    if isinstance(node, dict) and isinstance(node.get("datePublished"), str):
                        yield node["datePublished"]


def _published(tree: html.HtmlElement, meta: dict[str, str]) -> datetime | None:
    candidates = [meta[key] for key in _PUBLISHED_KEYS if key in meta]
    candidates.extend(_json_ld_dates(tree))
    candidates.extend(
        element.get("datetime", "") for element in tree.iter("time") if element.get("pubdate")
    )
    for candidate in candidates:
        value = parse_timestamp(candidate)
        if value is not None:
            return value
    return None


def _language(tree: html.HtmlElement, meta: dict[str, str]) -> str | None:
    for tag in (
        tree.get("lang"),
        tree.get("{http://www.w3.org/XML/1998/namespace}lang"),
        meta.get("http-equiv:content-language"),
        meta.get("og:locale"),
    ):
        code = normalise_language(tag)
        if code:
            return code
    return None


def _canonical(tree: html.HtmlElement, meta: dict[str, str]) -> str | None:
    for link in tree.iter("link"):
        if "canonical" in (link.get("rel") or "").lower().split() and link.get("href"):
            return link.get("href", "").strip() or None
    return meta.get("og:url")


def page_meta(tree: html.HtmlElement) -> PageMeta:
    """Language, site name, title, author, description, URL and publication time."""
    meta = _meta_values(tree)
    title_element = tree.find(".//title")
    title = " ".join((title_element.text_content() if title_element is not None else "").split())
    return PageMeta(
        language=_language(tree, meta),
        site_name=meta.get("og:site_name") or meta.get("application-name"),
        title=meta.get("og:title") or title or None,
        author=meta.get("author") or meta.get("article:author"),
        description=meta.get("description") or meta.get("og:description"),
        url=_canonical(tree, meta),
        og_type=(meta.get("og:type") or "").lower() or None,
        published_at=_published(tree, meta),
    )


def _skipped(element: html.HtmlElement) -> bool:
    tag = element.tag if isinstance(element.tag, str) else ""
    if tag in _SKIP:
        return True
    # A site-wide <header>, not an article's own header.
    if tag == "header":
        return not any(parent.tag in ("article", "main") for parent in element.iterancestors())
    return False


def block_lines(tree: html.HtmlElement) -> list[str]:
    """The visible text of ``<body>``, one line per block element, without navigation."""
    body = tree.find("body")
    if body is None:
        return []
    lines: list[str] = []
    current: list[str] = []

    def flush() -> None:
        line = " ".join("".join(current).split())
        if line:
            lines.append(line)
        current.clear()

    walker = etree.iterwalk(body, events=("start", "end"))
    for event, element in walker:
        is_element = isinstance(element.tag, str)
        block = is_element and element.tag in _BLOCK
        if event == "start":
            if block:
                flush()
            if _skipped(element):
                walker.skip_subtree()
            elif is_element and element.text:
                current.append(element.text)
        else:
            if block:
                flush()
            if element.tail:
                current.append(element.tail)
    flush()
    return lines
