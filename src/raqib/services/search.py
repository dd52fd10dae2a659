"""The parts of incident search: filters, place look-up, words to incidents.

Words go to the full-text index (``raqib.search``); hits on documents and reports lead to
their incidents (``best_hits``). The filters (dates, place and radius, actor, type,
grade, contested) act on the incidents' reconciled fields (``structured`` in SQL, ``matches``
for what SQL cannot do). ``raqib.services.finder.find`` puts them together for the command
line, the API and the pages. With no words, the filters alone select.
"""

from __future__ import annotations

import math
from dataclasses import dataclass
from datetime import date
from typing import Any

from sqlalchemy import and_, exists, func, or_, select
from sqlalchemy.orm import Session
from sqlalchemy.sql import Select
from sqlalchemy.sql.selectable import TextualSelect

from raqib.errors import RaqibError
from raqib.geo import km_apart, lon_spans
from raqib.search import CODES, KINDS, Hit, SearchIndex, key_of, rowid
from raqib.store.models import Incident, Report


class PlaceUnknown(RaqibError):
    """--near names a place the gazetteer does not know."""


class FilterError(RaqibError):
    """Filters that cannot be meant: an unknown grade, a period that ends before it begins,
    a radius that is not a positive number."""


@dataclass(frozen=True)
class Filters:
    """What search, lists, exports and case files select incidents by. Made with values
    that cannot be meant it raises FilterError naming them (before, an unknown grade or
    --from after --to quietly selected nothing)."""

    date_from: date | None = None
    date_to: date | None = None
    near: tuple[float, float] | None = None
    km: float = 25.0
    actor: str | None = None
    type: str | None = None
    grade: str | None = None
    contested: bool | None = None

    def __post_init__(self) -> None:
        problems = filter_problems(self.date_from, self.date_to, self.km, self.grade)
        if problems:
            raise FilterError("; ".join(problems))


def filter_problems(date_from: date | None, date_to: date | None, km: float,
                    grade: str | None) -> list[str]:
    """Why such filters cannot be meant, one line each (none: they can)."""
    from raqib.incidents.grading import GRADES

    problems = []
    if grade is not None and grade not in GRADES:
        problems.append(f"grade must be one of {', '.join(GRADES)}, not {grade!r}")
    if date_from and date_to and date_from > date_to:
        problems.append(f"'from' ({date_from}) is after 'to' ({date_to})")
    if not (0 < km < math.inf):
        problems.append(f"'km' must be a positive number, not {km}")
    return problems


def in_sql(f: Filters) -> bool:
    """Whether SQL applies any of the filters ``f`` (``structured`` adds a condition; the
    actor is tested on rows, by ``matches``)."""
    return structured(select(Incident.id), f).whereclause is not None


def locate(name: str, cache_dir: str | None = None) -> tuple[float, float]:
    """The coordinates of the best-known place called ``name`` (most populous first)."""
    from raqib.extract.gazetteer import Gazetteer, ensure_default_index, name_key

    found = Gazetteer(ensure_default_index(cache_dir)).lookup([name_key(name)])
    places = [p for group in found.values() for p in group if p.latitude is not None]
    if not places:
        raise PlaceUnknown(f"the gazetteer knows no place called {name!r}")
    best = max(places, key=lambda p: p.population or 0)
    return float(best.latitude), float(best.longitude)  # type: ignore[arg-type]


def best_hits(incidents: Select[Any], ranked: TextualSelect,
              within: Select[Any] | None = None) -> Select[Any]:
    """The incidents that ``incidents`` selects (columns of incidents, filtered) and that the
    entries ``ranked`` selects (``SearchIndex.ranked``) lead to, one row each with its best
    hit's ``code``, ``ref`` and ``score``, in no order (a caller sorts them: at 100,000
    documents, SQLite's sort of 11,000 rows cost 30 ms, Python's a few). ``within``: the ids
    of the incidents the filters let through, when there are filters.

    Each incident's best hit is picked among narrow rows (the incident's id and the hit),
    and only then are the incidents read: picking it among rows that carried every column
    the caller wanted made SQLite sort those wide rows (words in 15,900 entries of 100,000
    documents: 196 -> 95 ms with ``find``'s columns). With filters, only the hits of the
    incidents they let through are numbered ("bakery killed" near Aleppo, 13,600 incidents
    with the words, 1,750 of them near: 102 -> 79 ms of SQL)."""
    hits = ranked.cte("hits")
    on_entry = or_(and_(hits.c.code == KINDS["report"], Report.id == hits.c.ref),
                   and_(hits.c.code == KINDS["document"], Report.document_id == hits.c.ref))
    candidates = hits.join(Report, on_entry)
    if within is not None:
        let_through = within.subquery("within")
        candidates = candidates.join(let_through, let_through.c.id == Report.incident_id)
    numbered = select(
        Report.incident_id, hits.c.code, hits.c.ref, hits.c.score, func.row_number().over(
            partition_by=Report.incident_id,
            order_by=(hits.c.score.desc(), hits.c.ref.desc(), hits.c.code)).label("n")
    ).select_from(candidates).subquery("numbered")
    best = select(numbered.c.incident_id, numbered.c.code, numbered.c.ref,
                  numbered.c.score).where(numbered.c.n == 1).subquery("best")
    return incidents.add_columns(best.c.code, best.c.ref, best.c.score).join_from(
        Incident, best, best.c.incident_id == Incident.id)


def best_first(rows: list[Any]) -> list[Any]:
    """Rows of ``best_hits`` (with the incident's ``event_date`` and ``id``) best first,
    then newest, then the higher id (an unknown date last). Columns by position (a row's
    attribute by name costs ten times as much)."""
    if not rows:
        return rows
    score, day, ident = (rows[0]._fields.index(name) for name in ("score", "event_date", "id"))
    return sorted(rows, key=lambda r: (-r[score], -(r[day].toordinal() if r[day] else 0),
                                       -r[ident]))


def has_hit(index: SearchIndex, words: str) -> Any:
    """A SQL condition on an incident: one of its reports' documents, or the reports
    themselves, hold the words (a few index look-ups per incident; the document first, as a
    report's entry is its document's title and words from its text)."""
    return exists().where(Report.incident_id == Incident.id, or_(
        index.contains(words, key_of("document", Report.document_id)),
        index.contains(words, key_of("report", Report.id))))


def newest_hits(session: Session, index: SearchIndex, words: str, ids: list[int]
                ) -> dict[int, Hit]:
    """incident id -> its newest entry holding the words, among the incidents ``ids``."""
    found: dict[int, Hit] = {}
    for kind, ref in (("report", Report.id), ("document", Report.document_id)):
        rows = session.execute(select(Report.incident_id, ref).where(
            Report.incident_id.in_(ids), index.contains(words, key_of(kind, ref))))
        for incident_id, entry in rows:
            old = found.get(incident_id)
            if old is None or rowid(kind, entry) > rowid(old.kind, old.ref):
                found[incident_id] = Hit(kind, int(entry), "", 0.0)
    return found


def hit_of(row: Any) -> Hit:
    """The best hit of a row joined to ``best_hits`` (its ``code``, ``ref``, ``score``)."""
    return Hit(CODES[row.code], int(row.ref), "", float(row.score))


def structured(query: Any, f: Filters) -> Any:
    if f.date_from:
        query = query.where(Incident.event_date >= f.date_from)
    if f.date_to:
        query = query.where(Incident.event_date <= f.date_to)
    if f.grade:
        query = query.where(Incident.grade == f.grade.lower())
    if f.contested is not None:
        query = query.where(Incident.contested.is_(f.contested))
    if f.type:
        wanted = f.type.casefold()
        query = query.where(or_(func.lower(Incident.event_type) == wanted,
                                func.lower(Incident.sub_event_type) == wanted))
    if f.near:
        lat, lon = f.near
        dlat = f.km / 111.0
        dlon = f.km / (111.0 * max(0.01, math.cos(math.radians(lat))))
        query = query.where(Incident.latitude.between(lat - dlat, lat + dlat), or_(
            *(Incident.longitude.between(west, east) for west, east in lon_spans(lon, dlon))))
    return query


def matches(row: Incident, f: Filters) -> bool:
    """The filters SQL cannot apply: the actor (read from ``summary``, needed then only)
    and the exact distance (``structured`` keeps a box around the place)."""
    if f.actor:
        fields = (row.summary or {}).get("fields") or {}
        actors = " | ".join(str(fields.get(k) or "") for k in ("actor1", "actor2")).casefold()
        if f.actor.casefold() not in actors:
            return False
    if not f.near:
        return True
    if row.latitude is None or row.longitude is None:
        return False
    return km_apart(*f.near, row.latitude, row.longitude) <= f.km
