"""The hard gates of incident linking, sought at little cost before anything is scored.

Most incidents that the blocking of :mod:`raqib.incidents.linking` finds for a report are
kept from it by a gate (nine in ten once reports are dense): a representative days away, of an
incompatible type, or kilometres away. A gate against any representative excludes the
incident, and each gate stands alone (only the windows of a rare type depend on the types), so
they are sought first, and in the cheapest order: what the incident's members span (their
days, types and where they lie: :class:`Representatives`, :class:`Probe`), then each pair's
type, date and place (``similarity.pair_parts``, found once for the gates and the score). Only
an incident that no gate excludes is scored (``similarity.parts_score``); the scores are those
of ``similarity.compare``, and so are the gates. :func:`best_incident` picks a report's
incident among the index's candidates.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from functools import lru_cache
from math import isfinite, radians, sin
from typing import TYPE_CHECKING

from raqib.geo import EARTH_KM, Point
from raqib.incidents.records import ReportView
from raqib.incidents.relations import types_relation
from raqib.incidents.similarity import (
    GATED,
    LinkSettings,
    ReportKey,
    TextFeatures,
    pair_parts,
    parts_score,
)

if TYPE_CHECKING:
    from raqib.incidents.linking import IncidentIndex


Area = tuple[float, float, float, float, float]
"""Where members with a point lie: the least and the greatest latitude (radians), the least
and the greatest longitude (degrees), and the least cosine of their latitudes (the one
farthest from the equator)."""


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
    fine_days: tuple[int, int] | None = None
    """When ``level`` is coarser than 1: the earliest and the latest day of the members of
    level 1 (None: none), whose windows are narrower."""
    types: tuple[tuple[str, str], ...] = ()
    """The members' (event type, sub-event type), each once."""
    area: Area | None = None
    """Where the members with a point (a finite one) lie."""
    geo_level: int = 1
    """The coarsest geo precision level of the members with a point."""
    fine_area: Area | None = None
    """When ``geo_level`` is coarser than 1: where those of geo level 1 lie (None: none)."""

    def add(self, key: ReportKey, feats: TextFeatures) -> None:
        self.members.append((key, feats))
        report = key.report
        self.types = _with_type(self.types, report.event_type, report.sub_event_type)
        if key.point is not None and isfinite(key.point[0]) and isfinite(key.point[2]):
            self.area = _widened(self.area, key.point)
            self.geo_level = max(self.geo_level, key.geo_level)
            if self.geo_level > 1:
                self.fine_area = None
                for member, _ in self.members:
                    if member.geo_level == 1 and member.point is not None and isfinite(
                            member.point[0]) and isfinite(member.point[2]):
                        self.fine_area = _widened(self.fine_area, member.point)
        if key.day is None:
            return
        if self.first is None or self.last is None:
            self.first = self.last = key.day
        else:
            self.first, self.last = min(self.first, key.day), max(self.last, key.day)
        self.level = max(self.level, key.time_level)
        if self.level > 1:
            days = [m.day for m, _ in self.members if m.day is not None and m.time_level == 1]
            self.fine_days = (min(days), max(days)) if days else None


@lru_cache(maxsize=4096)
def _with_type(types: tuple[tuple[str, str], ...], event_type: str, sub_event_type: str
               ) -> tuple[tuple[str, str], ...]:
    """``types`` with the type given, once: one tuple for the incidents of the same types
    (read from one place when a dense day's candidates are sought)."""
    kind = (event_type, sub_event_type)
    return types if kind in types else (*types, kind)


def _widened(area: Area | None, point: Point) -> Area:
    """``area`` with ``point`` in it."""
    latitude, cos, longitude = point
    if area is None:
        return latitude, latitude, longitude, longitude, cos
    south, north, west, east, cos_least = area
    return (min(south, latitude), max(north, latitude), min(west, longitude),
            max(east, longitude), min(cos_least, cos))


_MARGIN = 1.0 + 1e-9
"""A distance over a window by more than rounding can make up: a latitude apart by more
than ``window * _MARGIN`` km is past the window whatever the longitudes."""


class Probe:
    """A report about to be placed, with the windows of its gates worked out once."""

    __slots__ = ("cos", "day", "fits", "km", "latitude", "longitude", "reach", "report",
                 "spread")

    def __init__(self, key: ReportKey, s: LinkSettings) -> None:
        self.report = key.report
        self.day = None if key.rare else key.day
        """Its day (None: no date gate found here; a rare type's windows depend on the
        other's type: each pair tells)."""
        self.reach = _widest(s.day_windows, key.time_level)
        """The widest date window against a member of each time level or a finer one."""
        self.fits: dict[tuple[str, str], bool] = {}
        """(event type, sub-event type) -> whether its type may link with the report's."""
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
        types and where they lie alone (False: it may, or may not): the date first, the
        most telling and the cheapest; the members of the finest precision, if the others
        are coarser, over their own narrower windows."""
        day, first = self.day, incident.first
        if day is not None and first is not None:
            reach = self.reach[incident.level - 1]
            if day - first > reach or incident.last - day > reach:  # type: ignore[operator]
                return True
            fine = incident.fine_days
            if fine is not None and (day - fine[0] > self.reach[0]
                                     or fine[1] - day > self.reach[0]):
                return True
        fits = self.fits
        for kind in incident.types:
            fit = fits.get(kind)
            if fit is None:
                report = self.report
                fits[kind] = fit = types_relation(report.event_type, report.sub_event_type,
                                                  *kind)[0] is not None
            if not fit:
                return True
        area = incident.area
        if self.latitude is None or area is None:
            return False
        fine = incident.fine_area
        return self._beyond(area, incident.geo_level - 1) or (
            fine is not None and self._beyond(fine, 0))

    def _beyond(self, area: Area, level: int) -> bool:
        """Whether a member in ``area`` is past the distance window against members of
        geo precision ``level + 1`` or finer: the one farthest in latitude, or the one
        farthest in longitude (its haversine is at least the cosines' product times the sine
        squared of half the longitudes' gap, and no cosine is below the least; a gap over
        180 degrees, or a cosine not above 0, tells nothing)."""
        south, north, west, east, cos_least = area
        latitude, reach = self.latitude, self.km[level]
        if latitude - south > reach or north - latitude > reach:  # type: ignore[operator]
            return True
        gap = east - self.longitude
        if self.longitude - west >= gap:
            gap = self.longitude - west
        if gap > 180.0 or self.cos <= 0.0 or cos_least <= 0.0:
            return False
        return self.cos * cos_least * sin(radians(gap) / 2) ** 2 > self.spread[level]


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


def incident_score(
    report: ReportKey,
    feats: TextFeatures,
    representatives: list[tuple[ReportKey, TextFeatures]],
    s: LinkSettings,
    bar: float | None = None,
) -> float:
    """The best pair score against the representatives, or ``GATED`` if any gate fires
    (sought among them all before any is scored). ``bar``: a score of use is at least the
    threshold and at least ``bar``; any score of no use may stand for one that is of no use
    (a member that cannot reach the bar, or the best so far, is not compared word by word:
    ``similarity.parts_score``)."""
    parts = []
    for member, _ in representatives:
        found = pair_parts(report, member, s)
        if found is None:
            return GATED
        parts.append(found)
    best = 0.0
    for (member, member_feats), found in zip(representatives, parts, strict=True):
        score = parts_score(report, feats, member, member_feats, s, found,
                            bar=None if bar is None else best if best > bar else bar)
        if score > best:  # max(best, score)
            best = score
    return best


def best_incident(report: ReportView, index: IncidentIndex) -> tuple[int | None, float]:
    """The incident the report belongs to (None: a new one) and its score: the highest at
    or above the threshold, ties to the lowest id. The candidates are scored from the newest,
    where a report's incident most often is: once its score is known, an older one that
    cannot reach it is not compared word by word."""
    s = index.settings
    key, feats = index.scored(report)
    rules_out = Probe(key, s).rules_out
    representatives_of = index.kept.get
    best_id: int | None = None
    best = 0.0
    for incident_id in sorted(index.candidates(report), reverse=True):
        representatives = representatives_of(incident_id)
        if representatives is None or rules_out(representatives):
            continue  # left behind by the pass (found by its words), or gated
        score = incident_score(key, feats, representatives.members, s, best)
        # an older incident of the same score wins the tie
        if score >= s.threshold and (score >= best if best_id is not None else score > best):
            best_id, best = incident_id, score
    return best_id, best
