"""The header block of press releases and similar pages, recognised in plain text lines.

Many publishers lay out a release the same way, whether as a web page or a text copy::

    Monday, 26 November 2018 15:07          <- optional leading date(-time)
    On ... Attacks                          <- title
    Press release                           <- kind marker (a small table, any case)
    Syrian Coalition                        <- publisher
    Department of Media and Communications  <- optional department
    November 26, 2018                       <- optional date
    <body paragraphs>
    Home press releases On ... Attacks      <- optional trailing breadcrumb

The kind marker may also come first, before the title. A header is recognised only if a
kind marker and a title are found near the top; otherwise the text is returned unchanged
(a title is guessed only when the first line clearly stands alone as one). The text
reader and the HTML reader share this module.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from datetime import datetime

from raqib.capture.dates import DateMatch, parse_date_line

KINDS: dict[str, str] = {
    "press release": "press release",
    "news release": "press release",
    "media release": "press release",
    "communiqué de presse": "press release",
    "communique de presse": "press release",
    "بيان صحفي": "press release",
    "press statement": "statement",
    "statement": "statement",
    "joint statement": "statement",
    "official statement": "statement",
    "communiqué": "statement",
    "communique": "statement",
    "déclaration": "statement",
    "بيان": "statement",
    "news": "news article",
    "news article": "news article",
    "أخبار": "news article",
    "خبر": "news article",
    "report": "report",
    "situation report": "report",
    "تقرير": "report",
}
"""Kind marker lines (lower case, without trailing punctuation) and the kind they mean."""

_DEPARTMENT = re.compile(
    r"\b(?:department|dept\.?|office|directorate|unit|bureau|division|section|secretariat|"
    r"desk)\b|(?:دائرة|مكتب|إدارة|مديرية|قسم)",
    re.IGNORECASE,
)
_DEPARTMENT_PREFIX = re.compile(
    r"^(?:the\s+)?(?:department|dept\.?)\s+(?:of|for)\s+(?:the\s+)?", re.I
)
_DEPARTMENT_SUFFIX = re.compile(r"\s+(?:department|dept\.?)$", re.IGNORECASE)
_BREADCRUMB_START = re.compile(r"^(?:you are here\s*:?\s*)?home\b", re.IGNORECASE)
_SEPARATORS = ("›", ">", "»", "/", "|", "→")
_SENTENCE_END = (".", "!", ";", ":", "،", "؛", ",")
MAX_PREAMBLE = 1
"""Stray lines allowed before a header in plain text (a site name, a breadcrumb)."""
_MAX_META_LINES = 5


@dataclass(frozen=True)
class Layout:
    """What the header block said; fields the text did not state are None."""

    title: str | None
    kind: str | None
    publisher: str | None
    department: str | None
    published_at: datetime | None
    body: str
    published_precision: str | None = None
    """'day', 'minute' or 'second': how precisely the text stated ``published_at``."""

    @property
    def has_header(self) -> bool:
        """True if a press-release style header was recognised and removed from ``body``."""
        return self.kind is not None


@dataclass
class _Header:
    """Header fields collected while scanning; ``end`` is the last header line's index."""

    title: str | None = None
    publisher: str | None = None
    department: str | None = None
    dates: list[DateMatch] = field(default_factory=list)
    end: int = -1


def _clean(line: str) -> str:
    return " ".join(line.split())


def kind_of(line: str) -> str | None:
    """The kind a marker line announces ('Press Release:' -> 'press release'), else None."""
    key = _clean(line).lower().rstrip(" :.-–—")
    return KINDS.get(key)


def _words(line: str) -> int:
    return len(line.split())


def is_body_like(line: str) -> bool:
    """A paragraph rather than a heading or a label: long, or a sentence of many words."""
    return len(line) > 160 or (_words(line) > 14 and line.endswith((".", "!", "?", "؟")))


def _is_title_like(line: str) -> bool:
    if not 2 <= _words(line) <= 40 or len(line) > 250 or line.endswith(_SENTENCE_END):
        return False
    return not (kind_of(line) or parse_date_line(line) or _is_separator_crumb(line))


def _is_short_name(line: str) -> bool:
    if len(line) > 100 or _words(line) > 12 or line.endswith(_SENTENCE_END):
        return False
    return not (kind_of(line) or parse_date_line(line) or line[:1].islower())


def is_department(line: str) -> bool:
    """True for a line naming a department, office, directorate or unit."""
    return _is_short_name(line) and _DEPARTMENT.search(line) is not None


def normalise_department(line: str) -> str:
    """'Department of Media and Communications' -> 'Media and Communications'."""
    name = _DEPARTMENT_SUFFIX.sub("", _DEPARTMENT_PREFIX.sub("", _clean(line)))
    return name or _clean(line)


def _is_separator_crumb(line: str) -> bool:
    if not _BREADCRUMB_START.match(line):
        return False
    return any(sep in line for sep in ("›", ">", "»"))


def is_breadcrumb(line: str, title: str | None) -> bool:
    """A navigation trail: starts with 'Home' and repeats the title or uses separators."""
    text = _clean(line)
    if not text or len(text) > 500 or not _BREADCRUMB_START.match(text):
        return False
    if title and _clean(title).lower() in text.lower():
        return True
    return any(sep in text for sep in _SEPARATORS) and _words(text) <= 40


def strip_trailing_breadcrumbs(lines: list[str], title: str | None) -> list[str]:
    """``lines`` without trailing blank lines and up to three trailing breadcrumb lines."""
    result = list(lines)
    removed = 0
    while result and (not result[-1].strip() or (removed < 3 and is_breadcrumb(result[-1], title))):
        if result[-1].strip():
            removed += 1
        result.pop()
    return result


def _scan_before(nonblank: list[tuple[int, str]], marker: int, header: _Header) -> int:
    """Read title and date upwards from the marker; return how many lines are left above."""
    position = marker - 1
    while position >= 0:
        line = nonblank[position][1]
        date = parse_date_line(line)
        if date is not None and not header.dates:
            header.dates.append(date)
        elif header.title is None and _is_title_like(line):
            header.title = line
        elif is_breadcrumb(line, header.title):
            pass
        else:
            break
        position -= 1
    return position + 1


def _take_meta_line(line: str, header: _Header) -> bool:
    """Assign one line after the marker to a header field; False if it is not header."""
    date = parse_date_line(line)
    if date is not None:
        header.dates.append(date)
    elif header.title is None and _is_title_like(line) and not is_department(line):
        header.title = line
    elif header.publisher is None and header.department is None and _is_short_name(line):
        if _DEPARTMENT_PREFIX.match(line) or line.lower().startswith("office of"):
            header.department = normalise_department(line)
        else:
            header.publisher = line
    elif header.department is None and is_department(line):
        header.department = normalise_department(line)
    else:
        return False
    return True


def _scan_after(
    lines: list[str], nonblank: list[tuple[int, str]], marker: int, header: _Header
) -> None:
    header.end = nonblank[marker][0]
    for index, line in nonblank[marker + 1 : marker + 1 + _MAX_META_LINES]:
        gap = any(not text.strip() for text in lines[header.end + 1 : index])
        if is_body_like(line) or (gap and header.title and header.end > nonblank[marker][0]):
            return
        if not _take_meta_line(line, header):
            return
        header.end = index


def _best_date(dates: list[DateMatch]) -> DateMatch | None:
    order = {"second": 2, "minute": 1, "day": 0}
    return max(dates, key=lambda date: order[date.precision], default=None)


def _body_after(lines: list[str], end: int, title: str | None) -> str:
    rest = strip_trailing_breadcrumbs(lines[end + 1 :], title)
    while rest and not rest[0].strip():
        rest.pop(0)
    return "\n".join(rest)


def _find_marker(nonblank: list[tuple[int, str]], max_preamble: int) -> int | None:
    for position, (_, line) in enumerate(nonblank[: max_preamble + 4]):
        if kind_of(line):
            return position
    return None


def guess_title(lines: list[str]) -> str | None:
    """The first line as a title, only if it clearly stands alone as one."""
    nonblank = [(i, line.strip()) for i, line in enumerate(lines) if line.strip()]
    if nonblank and parse_date_line(nonblank[0][1]):
        nonblank = nonblank[1:]
    if len(nonblank) < 2:
        return None
    index, line = nonblank[0]
    stands_alone = index + 1 < len(lines) and not lines[index + 1].strip()
    if not stands_alone or not 3 <= _words(line) <= 20 or len(line) > 160:
        return None
    if (
        not _is_title_like(line)
        or line.endswith("?")
        or not (line[0].isupper() or not line[0].isascii())
    ):
        return None
    return line


def _unrecognised(text: str, lines: list[str]) -> Layout:
    nonblank = [line for line in lines if line.strip()]
    date = parse_date_line(nonblank[0]) if nonblank else None
    return Layout(
        title=guess_title(lines),
        kind=None,
        publisher=None,
        department=None,
        published_at=date.value if date else None,
        body=text,
        published_precision=date.precision if date else None,
    )


def parse_layout(text: str, *, max_preamble: int = MAX_PREAMBLE) -> Layout:
    """Recognise a press-release header in ``text`` and separate it from the body."""
    lines = text.split("\n")
    nonblank = [(i, _clean(line)) for i, line in enumerate(lines) if line.strip()]
    marker = _find_marker(nonblank, max_preamble)
    if marker is None:
        return _unrecognised(text, lines)
    header = _Header()
    first = _scan_before(nonblank, marker, header)
    _scan_after(lines, nonblank, marker, header)
    if header.title is None or first > max_preamble:
        return _unrecognised(text, lines)
    date = _best_date(header.dates)
    return Layout(
        title=header.title,
        kind=kind_of(nonblank[marker][1]),
        publisher=header.publisher,
        department=header.department,
        published_at=date.value if date else None,
        body=_body_after(lines, header.end, header.title),
        published_precision=date.precision if date else None,
    )
