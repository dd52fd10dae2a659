"""How well a candidate place fits what is named with its name: the regions and countries of
its context ('Chibok (Borno)', 'Douma, Rural Damascus'), the regions named elsewhere in the
text, and the text's other names of the place itself."""

from __future__ import annotations

from collections.abc import Iterable, Mapping, Sequence

from raqib.extract.gazetteer import Gazetteer, Place, name_key
from raqib.extract.place_other_names import OtherNames
from raqib.extract.place_rules import Match, cached_key

MISPLACED_POPULATION = 10_000
"""A town this large, its country's only one of its name, stands where the region named with
it is another of its country's (``RegionFit.misplaced``, v109)."""


class RegionFit:
    def __init__(self, gazetteer: Gazetteer, country_keys: Mapping[str, str],
                 region_keys: frozenset[str], region_groups: Iterable[Sequence[str]],
                 other_names: OtherNames) -> None:
        """``country_keys``: ISO codes by the key of each country's name; ``region_keys``:
        the keys of every region's and country's name; ``region_groups``: the names of one
        region together ('Idleb', 'Idlib', 'إدلب'), so that a town of Idleb fits 'Idlib'."""
        self.gazetteer = gazetteer
        self.country_keys = country_keys
        self.region_keys = region_keys
        self.other_names = other_names
        self.same_region: dict[str, frozenset[str]] = {}
        for group in region_groups:
            keys = frozenset(name_key(n) for n in group)
            for key in keys:
                self.same_region[key] = self.same_region.get(key, frozenset()) | keys

    def regions(self, place: Place) -> set[str]:
        """The keys of every name of the regions ``place`` lies in."""
        return {k for a in (place.admin1, place.admin2, place.admin3) if a
                for k in self.same_region.get(cached_key(a), (cached_key(a),))}

    def __call__(self, match: Match, place: Place, named: set[str],
                 names_of: dict[str, set[str]]) -> float:
        """1 when the place lies in a region named with it or another of its own names is
        named with it, 0.6 in a country named with it, 0.5 in a region named elsewhere in
        the text, 0 when nothing is named, -1 when what is named with it excludes it.
        ``names_of``: the keys of the text's names of each place, by its source."""
        admins = self.regions(place)
        if not match.context:
            return 0.5 if admins & (named - {match.window.key}) else 0.0
        if place.kind.startswith("admin"):
            admins.add(cached_key(place.name))
        admins |= names_of.get(place.source, set()) - {match.window.key}
        if admins & set(match.context):
            return 1.0
        if any(self.country_keys.get(k) == place.country for k in match.context):
            return 0.6
        known = [k for k in match.context if k in self.region_keys]
        return -1.0 if known else 0.0

    def misplaced(self, match: Match, place: Place) -> bool:
        """'Goniri (Gujba LGA, Borno)', 'Gediz, Istanbul': a town of 10,000 people or more,
        the gazetteer's only place of that name, that the region named with it excludes while
        that region is of the town's own country, is the town all the same (v109): the
        region is more often misnamed (Goniri lies in Yobe) than the town missing from the
        gazetteer while a namesake of that size stands elsewhere in the country."""
        if (place.kind != "town" or place.population < MISPLACED_POPULATION
                or match.listed or match.district or match.window.loose
                or self.other_names.of(match.window.key, place) or any(
                    p.source != place.source and (p.kind == "town" or p.country != place.country)
                    for p in match.candidates)):
            return False  # a list's next item, a district (whose namesake the region may
            # hold: 'Baharak district, Takhar'), a spelling, another of its names, or a name
            # other towns bear too (a common name: villages the gazetteer lacks bear it
            # likely too, 'Bamba (Koro, Mopti)') is no sure name of the town
        regions = self.gazetteer.lookup(k for k in match.context if k in self.region_keys)
        return any(p.kind == "admin1" and p.country == place.country
                   for found in regions.values() for p in found)
