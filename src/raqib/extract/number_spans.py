"""Figures of a text that are no count of people (``raqib.extract.numbers``): ages, times,
ordinals, shares, sums of money, distances, years, and the figures inside a date."""

from __future__ import annotations

import re
from bisect import bisect_right

from raqib.extract.casualty_words import DISTANCE
from raqib.extract.model import Analysis

SKIP = re.compile(
    r"\b\d{1,3}[\s-]*(?:years?|yrs?|months?)[\s-]*old\b|\baged?\s+(?:about\s+)?\d{1,3}\b"
    r"|\b\d{1,2}[:.]\d{2}\b|\b\d{1,2}\s*(?:(?:am|pm|hrs|gmt|utc)\b|[ap]\.m\.)"
    r"|\b\d+(?:st|nd|rd|th)\b|\b\d+(?:\.\d+)?\s*%|[$€£]\s*\d[\d,.]*"
    r"|\b\d[\d,.]*\s*(?:" + "|".join(sorted(DISTANCE - {"m"}, key=len, reverse=True))
    + r"|m(?=\s+(?:from|away|north|south|east|west|of|next|near|outside|behind|off)\b))\b",
    re.IGNORECASE,
)
"""Figures that are no count: ages, times, ordinals, shares, sums of money, and distances
('shot dead 100 m from his house', '10 km north of the town': numbers v16; a bare "m" only
before a word of direction, or "2 m people" would be no count)."""


def year(w: list[str], start: int, end: int) -> bool:
    """Whether the figure of tokens ``start`` to ``end`` is a year (1900-2099)."""
    token = w[start]
    return end - start == 1 and len(token) == 4 and token.isdigit() and 1900 <= int(token) < 2100


def blocked_tokens(doc: Analysis, tokens: list[re.Match[str]]) -> set[int]:
    """Tokens that cannot start a figure: inside a date, an age, a time or an ordinal."""
    spans = [(m.start(), m.end()) for m in SKIP.finditer(doc.text)]
    spans += [(d.span.start, d.span.end) for d in doc.dates]
    if not spans:
        return set()
    spans.sort()
    starts = [s for s, _e in spans]
    blocked: set[int] = set()
    for index, token in enumerate(tokens):
        at = bisect_right(starts, token.start()) - 1
        near = spans[max(0, at - 3) : at + 1] if at >= 0 else []
        if any(s <= token.start() < e for s, e in near):
            blocked.add(index)
    return blocked
