"""Formatting for the templates: marked search hits, highlighted spans, JSON for scripts.

Everything that builds HTML here escapes the text it is given and returns ``Markup``; the
templates escape everything else (autoescape is on).
"""

from __future__ import annotations

import json
import re
from collections import Counter
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from itertools import pairwise
from typing import Any

from markupsafe import Markup, escape

HIT = re.compile(r"\[\[(.*?)\]\]", re.DOTALL)

TYPE_COLOURS = {
    "Battles": "#c0392b",
    "Explosions/Remote violence": "#d35400",
    "Violence against civilians": "#8e44ad",
    "Protests": "#2471a3",
    "Riots": "#b7950b",
    "Strategic developments": "#117a65",
}
OTHER_COLOUR = "#566573"
PALETTE = ("#1f77b4", "#ff7f0e", "#2ca02c", "#d62728", "#9467bd", "#8c564b", "#e377c2",
           "#7f7f7f", "#bcbd22", "#17becf")


def marked(snippet: str | None) -> Markup:
    """A search snippet with its ``[[hits]]`` in <mark>; everything else escaped."""
    if not snippet:
        return Markup("")
    out, last = [], 0
    for match in HIT.finditer(snippet):
        out.append(escape(snippet[last:match.start()]))
        out.append(Markup("<mark>{}</mark>").format(match.group(1)))
        last = match.end()
    out.append(escape(snippet[last:]))
    return Markup("").join(out)


@dataclass(frozen=True)
class Span:
    start: int
    end: int
    anchor: str
    """The id of the field row this span produced (the <mark> links to it)."""
    label: str
    kind: str = "field"
    """'field', 'claim' or 'passage' (a long span: shown lighter than the words in it)."""


def highlighted(text: str, spans: Iterable[Span]) -> Markup:
    """``text`` with each span in a <mark> linked to its field; overlapping spans are cut
    into pieces so that every piece names every span that covers it."""
    usable = [s for s in spans if 0 <= s.start < s.end <= len(text)]
    cuts = sorted({0, len(text), *(s.start for s in usable), *(s.end for s in usable)})
    first_piece: set[str] = set()
    out: list[Markup] = []
    for start, end in pairwise(cuts):
        piece = text[start:end]
        covering = sorted((s for s in usable if s.start <= start and end <= s.end),
                          key=lambda s: (s.end - s.start, s.anchor))
        if not covering:
            out.append(escape(piece))
            continue
        if not piece.strip():
            out.append(escape(piece))
            continue
        best = covering[0]
        labels = ", ".join(dict.fromkeys(s.label for s in covering))
        ident = ""
        if best.anchor not in first_piece:
            first_piece.add(best.anchor)
            ident = Markup(' id="span-{}"').format(best.anchor)
        out.append(Markup('<a class="span {}" href="#{}" title="{}"{}><mark>{}</mark></a>')
                   .format(best.kind, best.anchor, labels, ident, piece))
    return Markup("").join(out)


def script_json(value: Any) -> Markup:
    """JSON safe inside <script type="application/json"> (no '</script>' can end it)."""
    text = json.dumps(value, ensure_ascii=False, default=str)
    return Markup(text.replace("<", "\\u003c").replace(">", "\\u003e").replace("&", "\\u0026"))


def colour(event_type: str | None) -> str:
    return TYPE_COLOURS.get(event_type or "", OTHER_COLOUR)


def fatalities(item: dict[str, Any]) -> str:
    low, high = item.get("fatalities_min") or 0, item.get("fatalities_max") or 0
    return str(low) if low == high else f"{low}–{high}"


def short_sha(value: str | None) -> str:
    return (value or "")[:12]


def text_dir(language: str | None) -> str:
    return "rtl" if (language or "").split("-")[0] in {"ar", "fa", "he", "ur", "ps", "ku"} \
        else "auto"


def month_counts(items: Sequence[dict[str, Any]], key: str = "event_type"
                 ) -> dict[str, Any]:
    """Counts by month and ``key`` for a stacked chart: {months, series: [{label, colour,
    data}]} (months without events in between are filled with zeros)."""
    return month_chart(Counter((str(i["event_date"])[:7], str(i.get(key) or "unknown"))
                               for i in items if i.get("event_date")))


def month_chart(counted: Counter[tuple[str, str]]) -> dict[str, Any]:
    """A stacked chart of (month, label) counts: {months, series: [{label, colour, data}]}
    (months without events in between are filled with zeros)."""
    months = sorted({month for month, _ in counted})
    if months:
        months = _month_range(months[0], months[-1])
    labels = sorted({label for _, label in counted})
    series = []
    for number, label in enumerate(labels):
        shade = TYPE_COLOURS.get(label) or PALETTE[number % len(PALETTE)]
        series.append({"label": label, "colour": shade,
                       "data": [counted.get((month, label), 0) for month in months]})
    return {"months": months, "series": series}


def _month_range(first: str, last: str) -> list[str]:
    year, month = int(first[:4]), int(first[5:7])
    out = []
    while f"{year:04d}-{month:02d}" <= last and len(out) < 600:
        out.append(f"{year:04d}-{month:02d}")
        year, month = (year + 1, 1) if month == 12 else (year, month + 1)
    return out


FILTERS = {
    "marked": marked, "script_json": script_json, "colour": colour,
    "fatalities": fatalities, "short_sha": short_sha, "text_dir": text_dir,
}
