"""The hard gates of incident linking, sought at little cost before anything is scored.

Most incidents that the blocking of :mod:`raqib.incidents.linking` finds for a report are
kept from it by a gate (nine in ten once reports are dense): a representative days away, of an
incompatible type, or kilometres away. A gate against any representative excludes the
incident, and each gate stands alone (only the windows of a rare type depend on the types), so
they are sought first, and in the cheapest order: what the incident's members span (their
days, types and latitudes: :class:`Representatives`, :class:`Probe`), then each pair's date,
type and distance (:func:`gated`). Only an incident that no gate excludes is scored
(``similarity.score_pair``); the scores are those of ``similarity.compare``, and so are the
gates. :func:`best_incident` picks a report's incident among the index's candidates.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from functools import lru_cache
from math import isfinite, radians, sin
from typing import TYPE_CHECKING

from raqib.geo import EARTH_KM, km_between
from raqib.incidents.records import ReportView
from raqib.incidents.relations import SAME_SUB_EVENT, types_relation
from raqib.incidents.similarity import (
    GATED,
    LinkSettings,
    ReportKey,
    TextFeatures,
    date_part,
    pair_parts,
    parts_score,
    place_part,
)

if TYPE_CHECKING:
    from raqib.incidents.linking import IncidentIndex


@dataclass(slots=True)
class Representatives:
    """An incident's first members (``LinkSettings.representatives``), which a report is
    compared with, and what its gates read of them all."""

    members: list[tuple[ReportKey, TextFeatures]] = field(default_factory=list)
    first: int | None = None
    last: int | None = None
    """The earliest and the latest day (ordinal) of the dated members."""
    level: int = 1
    """The coarsest time precision level of the dated members."""
    types: tuple[tuple[str, str], ...] = ()
    """The members' (event type, sub-event type), each once."""
    south: float | None = None
    north: float | None = None
    """The least and the greatest latitude (radians) of the members with a point."""
    west: float | None = None
    east: float | None = None
    """The least and the greatest longitude (degrees) of the members with a point."""
    cos_least: float = 1.0
    """The least cosine of those members' latitudes (the one farthest from the equator)."""
    geo_level: int = 1
    """The coarsest geo precision level of the members with a point."""

    def add(self, key: ReportKey, feats: TextFeatures) -> None:
        self.members.append((key, feats))
        report = key.report
        kind = (report.event_type, report.sub_event_type)
        if kind not in self.types:
            self.types = (*self.types, kind)
        if key.point is not None and isfinite(key.point[0]) and isfinite(key.point[2]):
            latitude, cos, longitude = key.point
            if self.south is None or self.north is None:
                self.south = self.north = latitude
                self.west = self.east = longitude
            else:
                self.south, self.north = min(self.south, latitude), max(self.north, latitude)
                self.west = min(self.west, longitude)  # type: ignore[type-var]
                self.east = max(self.east, longitude)  # type: ignore[type-var]
            self.cos_least = min(self.cos_least, cos)
            self.geo_level = max(self.geo_level, key.geo_level)
        if key.day is None:
            return
        if self.first is None or self.last is None:
            self.first = self.last = key.day
        else:
            self.first, self.last = min(self.first, key.day), max(self.last, key.day)
        self.level = max(self.level, key.time_level)


_MARGIN = 1.0 + 1e-9
"""A distance over a window by more than rounding can make up: a latitude apart by more
than ``window * _MARGIN`` km is past the window whatever the longitudes."""


class Probe:
    """A report about to be placed, with the windows of its gates worked out once."""

    __slots__ = ("cos", "day", "km", "latitude", "longitude", "reach", "report", "spread")

    def __init__(self, key: ReportKey, s: LinkSettings) -> None:
        self.report = key.report
        self.day = None if key.rare else key.day
        """Its day (None: no date gate found here; a rare type's windows depend on the
        other's type: each pair tells)."""
        self.reach = _widest(s.day_windows, key.time_level)
        """The widest date window against a member of each time level or a finer one."""
        point = key.point
        placed = not key.rare and point is not None and isfinite(point[0] + point[2])
        self.latitude = point[0] if placed else None  # type: ignore[index]
        self.longitude = point[2] if placed else 0.0  # type: ignore[index]
        self.cos = point[1] if placed else 0.0  # type: ignore[index]
        self.km = _widest(s.km_windows, key.geo_level, _MARGIN / EARTH_KM)
        """The widest distance window likewise, as radians of latitude."""
        self.spread = _haversines(self.km)
        """The same windows as the haversine of their angle (``geo.km_between``'s ``h``)."""

    def rules_out(self, incident: Representatives) -> bool:
        """Whether a gate excludes the incident, found from its span of days, its members'
        types, latitudes and longitudes alone (False: it may, or may not)."""
        day = self.day
        if day is not None and incident.first is not None and incident.last is not None:
            reach = self.reach[incident.level - 1]
            if day - incident.first > reach or incident.last - day > reach:
                return True
        report = self.report
        for kind in incident.types:
            if types_relation(report.event_type, report.sub_event_type, *kind)[0] is None:
                return True
        latitude = self.latitude
        if latitude is None or incident.south is None or incident.north is None:
            return False
        level = incident.geo_level - 1
        reach_km = self.km[level]
        if latitude - incident.south > reach_km or incident.north - latitude > reach_km:
            return True
        return self._far_east_or_west(incident, level)

    def _far_east_or_west(self, incident: Representatives, level: int) -> bool:
        """Whether the member farthest in longitude is past the window: its haversine is at
        least the cosines' product times the sine squared of half the longitudes' gap, and
        no cosine is below the least (a gap over 180 degrees, or a cosine not above 0, tells
        nothing)."""
        gap = max(self.longitude - incident.west,  # type: ignore[operator]
                  incident.east - self.longitude)  # type: ignore[operator]
        if gap > 180.0 or self.cos <= 0.0 or incident.cos_least <= 0.0:
            return False
        return self.cos * incident.cos_least * sin(radians(gap) / 2) ** 2 > self.spread[level]


@lru_cache(maxsize=64)
def _widest(windows: tuple[float, ...], level: int, scale: float | None = None
            ) -> tuple[float, ...]:
    """The widest of ``windows`` between a report of ``level`` and one of each level or a
    finer one (the window of two is that of the coarser), times ``scale`` if given."""
    within = [windows[max(level, other) - 1] for other in (1, 2, 3)]
    widest = [max(within[:other]) for other in (1, 2, 3)]
    return tuple(widest) if scale is None else tuple(w * scale for w in widest)


@lru_cache(maxsize=64)
def _haversines(angles: tuple[float, ...]) -> tuple[float, ...]:
    """The haversine (``sin(angle / 2) ** 2``) of each angle."""
    return tuple(sin(angle / 2) ** 2 for angle in angles)


def gated(a: ReportKey, b: ReportKey, s: LinkSettings) -> bool:
    """Whether a hard gate keeps the two apart (``score_pair`` is ``GATED``), found at less
    cost: the date first, the most telling and the cheapest."""
    days_apart = (a.day is not None and b.day is not None and abs(a.day - b.day)
                  > s.day_windows[max(a.time_level, b.time_level) - 1])
    if days_apart and not a.rare:
        return True
    ra, rb = a.report, b.report
    kind = types_relation(ra.event_type, ra.sub_event_type, rb.event_type,
                          rb.sub_event_type)[0]
    if kind is None:
        return True
    both_rare = kind == SAME_SUB_EVENT and a.rare
    if days_apart and (not both_rare or date_part(a, b, s, None, True)[0] == GATED):
        return True
    if a.point is not None and b.point is not None:
        limit = s.km_windows[max(a.geo_level, b.geo_level) - 1]
        return km_between(a.point, b.point) > (max(limit, s.rare_km) if both_rare else limit)
    return place_part(a, b, s, None, both_rare)[0] == GATED


def incident_score(
    report: ReportKey,
    feats: TextFeatures,
    representatives: list[tuple[ReportKey, TextFeatures]],
    s: LinkSettings,
    bar: float | None = None,
) -> float:
    """The best pair score against the representatives, or ``GATED`` if any gate fires
    (sought among them all before any is scored). ``bar``: a score of use is at least the
    threshold and above ``bar``; below, any score of no use may stand for the best (a
    member that cannot beat the best so far is not compared word by word:
    ``score_pair``)."""
    parts = []
    for member, _ in representatives:
        found = pair_parts(report, member, s)
        if found is None:
            return GATED
        parts.append(found)
    best = 0.0
    for (member, member_feats), found in zip(representatives, parts, strict=True):
        score = parts_score(report, feats, member, member_feats, s, found,
                            bar=None if bar is None else max(bar, best))
        best = max(best, score)
    return best


def best_incident(report: ReportView, index: IncidentIndex) -> tuple[int | None, float]:
    """The incident the report belongs to (None: a new one) and its score."""
    s = index.settings
    key, feats = index.scored(report)
    probe = Probe(key, s)
    representatives_of = index.representative_keys
    best_id: int | None = None
    best = 0.0
    for incident_id in sorted(index.candidates(report)):
        representatives = representatives_of(incident_id)
        if representatives is None or probe.rules_out(representatives):
            continue  # left behind by the pass (found by its words), or gated
        score = incident_score(key, feats, representatives.members, s, best)
        if score >= s.threshold and score > best:
            best_id, best = incident_id, score
    return best_id, best
