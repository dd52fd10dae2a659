"""Distances on the Earth, for places, search radii and linking."""

from __future__ import annotations

import math
from collections.abc import Iterable

EARTH_KM = 6371.0
KM_PER_DEGREE = 110.0
"""Kilometres per degree of latitude, rounded down: two points are at least this far apart
for each degree of latitude between them, and a grid cell is never narrower than this."""


Point = tuple[float, float, float]
"""A point as ``km_between`` reads it: latitude in radians, its cosine, longitude in degrees."""


def km_apart(lat1: float, lon1: float, lat2: float, lon2: float) -> float:
    """Great-circle distance in kilometres (haversine)."""
    return km_between(point(lat1, lon1), point(lat2, lon2))


def point(latitude: float, longitude: float) -> Point:
    """The point (``Point``) at ``latitude``, ``longitude``: made once for a place measured
    from many others."""
    radians = math.radians(latitude)
    return radians, math.cos(radians), longitude


def km_between(a: Point, b: Point) -> float:
    """``km_apart`` of two points (``point``): the same figure to the last bit."""
    dp, dl = b[0] - a[0], math.radians(b[2] - a[2])
    h = math.sin(dp / 2) ** 2 + a[1] * b[1] * math.sin(dl / 2) ** 2
    return 2 * EARTH_KM * math.asin(min(1.0, math.sqrt(h)))


def lon_spans(lon: float, half: float) -> list[tuple[float, float]]:
    """The longitudes within ``half`` degrees of ``lon``, as one or two spans inside
    [-180, 180]: a span that crosses the antimeridian (Fiji, Chukotka) is cut in two, the part
    past it wrapped to the other side; one span of every longitude when ``half`` reaches 180."""
    if half >= 180.0:
        return [(-180.0, 180.0)]
    if not -180.0 <= lon <= 180.0:  # (inside, left as it is: the same cells as ever)
        lon = (lon + 180.0) % 360.0 - 180.0
    west, east = lon - half, lon + half
    if west < -180.0:
        return [(west + 360.0, 180.0), (-180.0, east)]
    if east > 180.0:
        return [(west, 180.0), (-180.0, east - 360.0)]
    return [(west, east)]


def grid_cells(latitude: float, longitude: float, radius: float, size: float
               ) -> list[tuple[float, int, int]]:
    """The cells (grid size, row, column) of a ``size``-degree grid that the box round the
    disc of ``radius`` km about the point touches (the columns wrap round at longitude 180)."""
    dlat = radius / KM_PER_DEGREE
    widest = min(89.0, abs(latitude) + dlat)
    dlon = min(180.0, radius / (KM_PER_DEGREE * math.cos(math.radians(widest))))
    rows = range(math.floor((latitude - dlat) / size), math.floor((latitude + dlat) / size) + 1)
    spans = lon_spans(longitude, dlon)
    if len(spans) == 1:  # most: in order already, none twice
        west, east = spans[0]
        cols: Iterable[int] = range(math.floor(west / size), math.floor(east / size) + 1)
    else:
        cols = sorted({c for west, east in spans
                       for c in range(math.floor(west / size), math.floor(east / size) + 1)})
    return [(size, r, c) for r in rows for c in cols]
