"""The block keys of incident linking: what a placed report is filed under and what a new
report looks up (:mod:`raqib.incidents.linking` documents the blocking), and how the
incidents of one key are kept."""

from __future__ import annotations

from collections.abc import Hashable

from raqib.geo import KM_PER_DEGREE, grid_cells
from raqib.incidents.records import ReportView
from raqib.incidents.similarity import (
    LinkSettings,
    ReportKey,
    TextFeatures,
    day_window,
    km_window,
)

__all__ = ["Blocking", "Bucket", "joined", "size"]


class Blocking:
    """A report's block keys under the settings' windows and grids."""

    def __init__(self, settings: LinkSettings) -> None:
        self.settings = s = settings
        self._last: tuple[ReportView, tuple[list, list]] | None = None
        self.grids = sorted({self.grid(r) for r in (*s.km_windows, s.rare_km)})
        """The grids of the geo keys: one for each distance window's radius."""

    def keys(self, mine: ReportKey, feats: TextFeatures, query: bool) -> list[Hashable]:
        """The report's block keys: the hashes of its sketch as they are (bare ints, the
        most keys: no tuple each), then tuples of a kind letter, a place and a day bucket."""
        keys: list[Hashable] = list(feats.sketch)
        report = mine.report
        if report.event_date is None:
            return keys
        buckets = self.buckets(report)
        if mine.rare:  # few: every report of the type meets the others
            keys += [("r", report.sub_event_type.casefold(), b) for b in buckets]
        coords = mine.point is not None
        if coords:
            disc, points = self.geo(report)
            # a disc on one side meets a point on the other (see ``geo``)
            near, here = ("p", "d") if query else ("d", "p")
            keys += [(near, *cell, b) for cell in disc for b in buckets]
            keys += [(here, *cell, b) for cell in points for b in buckets]
        if report.admin1.strip():
            region = (report.country.casefold(), report.admin1.casefold().strip())
            if query:
                kind = "n" if coords else "a"
                keys += [(kind, *region, b) for b in buckets]
            else:
                keys += [("a", *region, b) for b in buckets]
                if not coords:
                    keys += [("n", *region, b) for b in buckets]
        return keys

    def buckets(self, report: ReportView) -> range:
        assert report.event_date is not None
        day = report.event_date.toordinal()
        window = day_window(report, self.settings)
        size = self.settings.bucket_days
        return range((day - window) // size, (day + window) // size + 1)

    def geo(self, report: ReportView) -> tuple[list[tuple[float, int, int]],
                                                  list[tuple[float, int, int]]]:
        """The report's geo cells: those of the disc of its distance window on the grid of
        that radius, and the one cell of its point on every grid. Two reports can link only
        when one lies within the other's window (the wider one gates), so one's point falls
        in the other's disc: a query looks up its disc among the points placed and its points
        among the discs placed. A grid's cells are at least as wide as its radius (the
        ``cell_degrees`` grid doubled as needed), so a disc is a few cells on every grid: at
        75 km, 4 to 6 one-degree cells rather than some 50 of a quarter degree. Cached for
        the report being placed (its query and its entry share them)."""
        if self._last is not None and self._last[0] is report:
            return self._last[1]
        radius = km_window(report, self.settings)
        disc = grid_cells(report.latitude, report.longitude, radius,  # type: ignore[arg-type]
                          self.grid(radius))
        points = [cell for step in self.grids
                  for cell in grid_cells(report.latitude, report.longitude, 0.0, step)]  # type: ignore[arg-type]
        self._last = (report, (disc, points))
        return disc, points

    def grid(self, radius: float) -> float:
        size = self.settings.cell_degrees
        while size * KM_PER_DEGREE < radius:
            size *= 2
        return size


Bucket = int | tuple[int, ...] | set[int]
"""The incidents of one block key: one as a bare id (most keys have one), a tuple of a few
(of ints alone: the collector leaves it alone, and it is a third of a set's size), a set
of more than ``TUPLE_MOST`` (adding to a tuple copies it)."""

TUPLE_MOST = 16


def size(bucket: Bucket) -> int:
    return 1 if isinstance(bucket, int) else len(bucket)


def joined(bucket: Bucket, incident_id: int) -> Bucket | None:
    """``bucket`` with the incident in it (a set grows in place: None), or None when it is
    there already."""
    if isinstance(bucket, set):
        bucket.add(incident_id)
        return None
    if isinstance(bucket, int):
        return None if bucket == incident_id else (bucket, incident_id)
    if incident_id in bucket:
        return None
    return (*bucket, incident_id) if len(bucket) < TUPLE_MOST else {*bucket, incident_id}
