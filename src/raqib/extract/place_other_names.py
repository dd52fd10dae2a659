"""The other names of a place: names GeoNames gives a town besides its own (in other
languages, older ones), which the places stage (``raqib.extract.places``) trusts less than a
town's own name or a project alias (``resources/gazetteer/aliases.tsv``)."""

from __future__ import annotations

from collections import Counter
from difflib import SequenceMatcher

from raqib.extract.gazetteer import Place, name_key, place_aliases
from raqib.extract.place_rules import Match, cached_key

OTHER_NAME_PENALTY = 0.05
"""What a candidate found by one of its other names loses against one whose own name the text
writes, all else equal: 'Tafas' is the Syrian town of that name before Talas in Turkey, which
bears it as another name (v50)."""


class OtherNames:
    """Which names are a town's other names; ``capitals``: (ISO2, key of the capital's name)
    of each country."""

    def __init__(self, capitals: frozenset[tuple[str, str]]) -> None:
        self.capitals = capitals
        self.aliases = frozenset((country, target, name_key(v))
                                 for (country, target), variants in place_aliases().items()
                                 for v in variants)
        """(country, key of the gazetteer's name, key of a project alias): the spellings in
        common use that ``resources/gazetteer/aliases.tsv`` gives, as sure as the name."""

    def of(self, key: str, place: Place) -> bool:
        """Whether ``key`` is one of a town's other names, not its own nor a project alias."""
        if place.kind in ("country", "admin1"):
            return False
        own = cached_key(place.name)
        return key != own and (place.country, own, key) not in self.aliases

    def chosen_by(self, match: Match) -> bool:
        """The chosen place was found by one of its other names: 'el Mina' (a port of Tripoli,
        Lebanon) is one of Minot's names in North Dakota, 'Komsomolets' one of Qarabalyq's in
        Kazakhstan. Such a match stands only in the text's own country (places v32)."""
        return match.chosen is not None and self.of(match.window.key, match.chosen)

    def penalties(self, match: Match) -> list[float]:
        """What each of ``match.candidates`` loses: ``OTHER_NAME_PENALTY`` for a candidate that
        bears the name only as another of its names, among candidates of several countries;
        within one country, the population decides as before ('Khairpur' is Khairpur Mir's,
        by another name, not the smaller town whose own name it is) (v50). A country's
        capital by its own name is never outranked so: 'Islamabad' is among the old names of
        Chattogram, a larger city of Bangladesh (v58)."""
        key, candidates = match.window.key, match.candidates
        if len({c.country for c in candidates}) < 2:
            return [0.0] * len(candidates)
        other = [self.of(key, c) for c in candidates]
        capital = any((c.country, key) in self.capitals and not o
                      for c, o in zip(candidates, other, strict=True))
        lost = 1.0 if capital else OTHER_NAME_PENALTY
        return [lost if o else 0.0 for o in other]


UNLIKE = 0.5
"""Below this similarity (``difflib``'s ratio of the two keys) another name is not a spelling
of a place's own name: 'Golo' and Cumeré 0.0, 'Gen' and Gennes-sur-Seiche 0.3, against
'Merka' and Marka 0.8 (v75)."""

def unvoiced(match: Match, matches: list[Match], said: Counter[str], other: OtherNames) -> bool:
    """Whether a place found by another of its names, one unlike its own (not a spelling of
    it), lies in a country nothing else speaks for, where the text's own words (a demonym, an
    actor's country) speak for another: 'SLM/A fighters in Golo' is not Cumeré of
    Guinea-Bissau, which bears Golo as another name (v75); 'Merka' stays Marka."""
    place = match.chosen
    if place is None or not any(n > 0 for n in said.values()) or said[place.country] > 0:
        return False
    if SequenceMatcher(None, match.window.key, cached_key(place.name)).ratio() >= UNLIKE:
        return False
    country = place.country
    return not any(m.chosen is not None and m.chosen.country == country
                   and not other.chosen_by(m) for m in matches)
