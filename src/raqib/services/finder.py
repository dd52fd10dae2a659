"""Incidents found by words and filters, one page at a time, with facets (for the API).

Builds on ``raqib.services.search``: the same full-text hits, the same filters on the
incidents' reconciled fields, plus a filter on the side of the sources that reported an
incident. Only the light columns of the whole matching set are read (for the total and the
facets); full incident records and snippets are made for the requested page only.
"""

from __future__ import annotations

import html
import re
from collections import Counter
from dataclasses import dataclass, field, replace
from operator import itemgetter
from typing import Any

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from raqib.incidents.records import packed_sides, unpacked_sides
from raqib.search import Hit, SearchIndex, for_session
from raqib.search.folding import restore
from raqib.services.answers import Answers
from raqib.services.incidents import LISTED, incidents_json, live, newest_first
from raqib.services.search import (
    Filters,
    best_first,
    best_hits,
    has_hit,
    hit_of,
    in_sql,
    matches,
    newest_hits,
    structured,
)
from raqib.store.idsets import among
from raqib.store.models import Document, Incident, Report
from raqib.workspace import Workspace

FACETS = ("event_type", "grade", "admin1", "side", "contested")
UNKNOWN = "unknown"


@dataclass(frozen=True)
class Query:
    words: str = ""
    filters: Filters = field(default_factory=Filters)
    side: str | None = None
    """Only incidents with a report from a source of this side."""


NEWEST_DEPTH = 500
"""Words in more entries than the index ranks (``SearchIndex.rank_limit``): the newest this
many incidents that hold them and pass the filters (more when the page asked for lies
deeper)."""


@dataclass
class Found:
    rows: list[dict[str, Any]]
    total: int
    facets: dict[str, dict[str, int]]
    capped: bool = False
    """The words are in too many entries to rank: ``total`` and the facets cover the newest
    ``NEWEST_DEPTH`` matching incidents, and more match."""


def find(ws: Workspace, query: Query, page: int, per_page: int,
         with_facets: bool = True, answers: Answers | None = None) -> Found:
    """One page of the incidents matching ``query``: best first with words, else newest.

    The filters select among every incident the words lead to: words in up to
    ``rank_limit`` entries are ranked all, then filtered; words in more are answered with
    the newest ``NEWEST_DEPTH`` incidents (or as many as the page needs) that pass the
    filters and hold them, or with no filter the incidents of the newest entries that hold
    them (twice the depth). ``answers``: the web app's kept answers
    (``raqib.services.answers``), given again while the data is unchanged."""
    with ws.sessions() as session:
        if answers is None:
            return _find(session, query, page, per_page, with_facets)
        return answers.answer(session, ("find", query, page, per_page, with_facets),
                              lambda: _find(session, query, page, per_page, with_facets))


def _find(session: Session, query: Query, page: int, per_page: int,
          with_facets: bool) -> Found:
    f = query.filters
    words = query.words.strip()
    if not words and not (f.actor or f.near):  # the database counts, pages, facets
        facets = _facets_in_sql(session, query) if with_facets else {}
        total = sum(facets["contested"].values()) if facets else None
        return _page_only(session, query, page, per_page, total, facets)
    index = for_session(session)
    common = bool(words) and index.common(words)
    depth = max(NEWEST_DEPTH, page * per_page)
    matched, capped = _matching(session, query, index if words else None, common, depth)
    facets = _facets(matched) if with_facets else {}
    page_rows = matched[(page - 1) * per_page:page * per_page]
    shown = [row.id for row in page_rows]
    rows = _records(session, shown)
    if words and rows:
        ranked = "score" in page_rows[0]._fields  # else the newest-first walk's rows
        hits = ({row.id: hit_of(row) for row in page_rows} if ranked
                else newest_hits(session, index, words, shown))
        marked = as_written(session, index.snippets(query.words, [hits[i] for i in shown]))
        for data, hit in zip(rows, marked, strict=True):
            data["snippet"] = hit.snippet
            data["snippet_html"] = snippet_html(hit.snippet)
    return Found(rows, len(matched), facets, capped)


ARABIC = re.compile("[\u0600-\u06FF]")


def as_written(session: Session, hits: list[Hit]) -> list[Hit]:
    """The hits with their snippets in their words' own Arabic spelling: the index keeps the
    folded spelling (``raqib.search.folding``); each snippet is laid back on the text its
    entry was made from (a document's title and text, a report's document title and
    evidence), and left folded if that text has changed since."""
    arabic = [h for h in hits if ARABIC.search(h.snippet)]
    if not arabic:
        return hits
    wanted = {kind: [h.ref for h in arabic if h.kind == kind] for kind in ("document", "report")}
    texts: dict[tuple[str, int], tuple[str, ...]] = {}
    for ref, title, body in session.execute(select(Document.id, Document.title, Document.text)
                                            .where(among(session, Document.id,
                                                         wanted["document"]))):
        texts["document", ref] = (body or "", title or "")
    for ref, title, body in session.execute(
            select(Report.id, Document.title, Report.evidence).join(Document)
            .where(among(session, Report.id, wanted["report"]))):
        texts["report", ref] = (body or "", title or "")
    return [replace(h, snippet=restore(h.snippet, texts[h.kind, h.ref]))
            if (h.kind, h.ref) in texts else h for h in hits]


def _selected(query: Query, *columns: Any) -> Any:
    """The standing incidents (``live``) that pass the filters SQL can apply, as
    ``columns``."""
    statement = structured(live(), query.filters).with_only_columns(*columns)
    if query.side:  # the sides are stored on the incident (migration 0012)
        statement = statement.where(Incident.sides.contains(packed_sides([query.side]),
                                                            autoescape=True))
    return statement


def _page_only(session: Session, query: Query, page: int, per_page: int,
               total: int | None = None, facets: dict[str, dict[str, int]] | None = None
               ) -> Found:
    """Newest first, without words or filters done in Python: count (unless ``total`` is
    known: the facets' counts add up to it) and page in SQL."""
    if total is None:
        total = session.execute(_selected(query, func.count(Incident.id))).scalar_one()
    wanted = list(session.execute(_selected(query, Incident.id).order_by(
        *newest_first()).offset((page - 1) * per_page)
        .limit(per_page)).scalars())
    return Found(_records(session, wanted), int(total), facets or {})


def _matching(session: Session, query: Query, index: SearchIndex | None,
              common: bool = False, depth: int = NEWEST_DEPTH) -> tuple[list[Any], bool]:
    """The light columns of every matching incident, in order: best hit first with words
    (then newest), else newest first; and whether more match than were taken (words too
    common to rank: see ``find``). Ranked rows also have their best hit's ``code``, ``ref``
    and ``score``."""
    f = query.filters
    columns = [Incident.id, Incident.event_type, Incident.grade, Incident.admin1,
               Incident.contested, Incident.sides, Incident.latitude, Incident.longitude]
    if f.actor:  # what search.matches reads (near: the coordinates, taken already)
        columns.append(Incident.summary)
    filtered = query.filters != Filters() or query.side is not None
    if index is not None and not (common and filtered):
        # all the matches when few enough to rank; else, with no filter to miss, the
        # incidents of the newest entries that hold the words
        ranked = index.ranked(query.words, 2 * depth if common else None,
                              common=common)
        if ranked is None:  # nothing searchable in the words
            return [], False
        reached = _selected(query, *columns, Incident.event_date)
        within = _selected(query, Incident.id) if in_sql(f) or query.side else None
        rows = best_first(list(session.execute(best_hits(reached, ranked, within))))
    else:
        statement = _selected(query, *columns).order_by(*newest_first())
        if index is not None:
            # too many to rank, and a filter to meet: the newest incidents that pass it,
            # each kept if it holds the words, until one more than the depth
            statement = statement.where(has_hit(index, query.words)).limit(depth + 1)
        rows = list(session.execute(statement))
    if f.actor or f.near:
        rows = [r for r in rows if matches(r, f)]
    if not common:
        return rows, False
    return rows[:depth], len(rows) > depth or not filtered


FACET_COLUMNS = {"event_type": Incident.event_type, "grade": Incident.grade,
                 "admin1": Incident.admin1, "contested": Incident.contested,
                 "side": Incident.sides}
"""The incidents' columns the facets count (an incident counts once for each of its sides:
how many incidents a source of each side reported)."""


def _count(counts: dict[str, Counter[str]], name: str, value: Any, n: int) -> None:
    """Add ``n`` incidents whose column for facet ``name`` holds ``value``."""
    if name == "contested":
        counts[name]["true" if value else "false"] += n
    elif name == "side":
        for side in unpacked_sides(value):
            counts[name][side] += n
    else:
        counts[name][value or UNKNOWN] += n


def _ordered(counts: dict[str, Counter[str]]) -> dict[str, dict[str, int]]:
    """Most first, ties by name (the same order however they were counted)."""
    return {name: dict(sorted(counter.items(), key=lambda kv: (-kv[1], kv[0])))
            for name, counter in counts.items()}


def _facets(matched: list[Any]) -> dict[str, dict[str, int]]:
    """The facets of the rows ``_matching`` found (their light columns, counted here; by
    position: a row's attribute by name cost ten times as much, 30 ms for 13,500 rows)."""
    counts: dict[str, Counter[str]] = {name: Counter() for name in FACETS}
    if not matched:
        return _ordered(counts)
    fields = matched[0]._fields
    for name, column in FACET_COLUMNS.items():
        at = itemgetter(fields.index(column.key))
        for value, n in Counter(map(at, matched)).items():
            _count(counts, name, value, n)
    return _ordered(counts)


def _facets_in_sql(session: Session, query: Query) -> dict[str, dict[str, int]]:
    """The facets of a query without words or filters done in Python, counted by the
    database (at a million incidents a month of one type is 4,000 rows: no need to carry
    them through Python)."""
    counts: dict[str, Counter[str]] = {name: Counter() for name in FACETS}
    columns = list(FACET_COLUMNS.values())
    for *values, n in session.execute(  # one pass: a row per combination of the five
            _selected(query, *columns, func.count()).group_by(*columns)):
        for name, value in zip(FACET_COLUMNS, values, strict=True):
            _count(counts, name, value, n)
    return _ordered(counts)


def _records(session: Session, ids: list[int]) -> list[dict[str, Any]]:
    if not ids:
        return []
    rows = {r.id: r for r in session.execute(select(*LISTED).where(Incident.id.in_(ids)))}
    return incidents_json(session, [rows[i] for i in ids])


def snippet_html(snippet: str | None) -> str | None:
    """A ``[[hit]]`` snippet as HTML: everything escaped, the hits in ``<mark>``."""
    if snippet is None:
        return None
    out = []
    for i, part in enumerate(snippet.split("[[")):
        if i == 0:
            out.append(html.escape(part))
            continue
        hit, sep, rest = part.partition("]]")
        out.append(f"<mark>{html.escape(hit)}</mark>{html.escape(rest)}" if sep
                   else html.escape("[[" + part))
    return "".join(out)


GEO_LIMIT = 10_000
"""Map features returned by default: the newest (as the incident list's map draws them)."""


@dataclass(frozen=True)
class Mapped:
    features: list[dict[str, Any]]
    """GeoJSON features, by incident id."""
    total: int
    """Matching incidents that have coordinates (more than ``features`` when cut)."""


def geo(ws: Workspace, query: Query, answers: Answers | None = None,
        limit: int = GEO_LIMIT) -> Mapped:
    """GeoJSON features of the newest ``limit`` matching incidents that have coordinates,
    and how many match in all (a map of every incident of a 100,000-incident archive was a
    32 MB answer that took 9 s)."""
    with ws.sessions() as session:
        if answers is None:
            return _geo(session, query, limit)
        return answers.answer(session, ("geo", query, limit),
                              lambda: _geo(session, query, limit),
                              weight=lambda found: 1 + len(found.features))


def _geo(session: Session, query: Query, limit: int) -> Mapped:
    f = query.filters
    if f.actor or f.near:  # filters done in Python: every match, then the newest placed
        placed = [r.id for r in _matching(session, query, None)[0]
                  if r.latitude is not None and r.longitude is not None]
        total, ids = len(placed), placed[:limit]
    else:  # the database counts and cuts (the newest 10,000 of 100,000: 0.46 s in process)
        where = (Incident.latitude.is_not(None), Incident.longitude.is_not(None))
        total = session.execute(_selected(query, func.count(Incident.id)).where(*where)
                                ).scalar_one()
        ids = list(session.execute(_selected(query, Incident.id).where(*where).order_by(
            *newest_first()).limit(limit)).scalars())
    rows = session.execute(select(*FEATURE_COLUMNS).where(among(session, Incident.id, ids)))
    return Mapped(sorted((_feature(row) for row in rows), key=lambda f: f["id"]), int(total))


FEATURE_COLUMNS = (Incident.id, Incident.event_type, Incident.sub_event_type,
                   Incident.event_date, Incident.location, Incident.latitude,
                   Incident.longitude, Incident.fatalities_min, Incident.fatalities_max,
                   Incident.grade, Incident.contested)
"""What a map feature shows: only these are read (whole incidents carry their summaries,
whose decoding made 10,000 features at 100,000 documents cost 0.94 s)."""


def _feature(row: Any) -> dict[str, Any]:
    """A map feature of a row of ``FEATURE_COLUMNS`` (unpacked: by name, each column cost
    ten times as much)."""
    (ident, event_type, sub_event_type, day, location, latitude, longitude, fatalities_min,
     fatalities_max, grade, contested) = row
    return {
        "type": "Feature", "id": ident,
        "geometry": {"type": "Point", "coordinates": [longitude, latitude]},
        "properties": {
            "id": ident, "event_type": event_type, "sub_event_type": sub_event_type,
            "event_date": day.isoformat() if day else None, "location": location,
            "fatalities_min": fatalities_min, "fatalities_max": fatalities_max,
            "grade": grade, "contested": contested,
        },
    }
