"""The country votes of a text, by which its names are resolved: its demonyms and countries
named in the possessive first, then each name's most likely candidate, then each name's
chosen place."""

from __future__ import annotations

from collections import Counter
from collections.abc import Mapping

from raqib.extract.place_countries import nationality
from raqib.extract.place_fit import RegionFit
from raqib.extract.place_other_names import OtherNames
from raqib.extract.place_qualifiers import CountryWords
from raqib.extract.place_ranking import vote_weight
from raqib.extract.place_rules import TOKEN, Match, cached_key, prior


class CountryVotes:
    def __init__(self, demonyms: Mapping[str, str], words: CountryWords,
                 country_keys: Mapping[str, str], other_names: OtherNames,
                 fits: RegionFit) -> None:
        """``demonyms``: ISO codes by the key of each demonym; ``country_keys``: ISO codes by
        the key of each country's name."""
        self.demonyms = demonyms
        self.words = words
        self.country_keys = country_keys
        self.other_names = other_names
        self.fits = fits

    def said(self, text: str) -> Counter[str]:
        """What the text's demonyms ('Syrian', half a vote, not where they tell a
        nationality) and countries named in the possessive ("Syria's", as a country named)
        say, before any name's own vote."""
        votes: Counter[str] = Counter()
        for token in TOKEN.finditer(text):
            if code := self.demonyms.get(cached_key(token.group())):
                if not nationality(text, token.start(), token.end()):
                    votes[code] += 0.5
            elif key := self.words.possessive_at(text, token.start(), token.end()):
                votes[self.country_keys[key]] += 1.5  # as a country named
        return votes

    def first(self, text: str, base: Counter[str], matches: list[Match], named: set[str],
              names_of: dict[str, set[str]]) -> Counter[str]:
        """First guess of the document's country, before any name is resolved: each name
        for its most populous candidate (one that bears the name only as another name less
        likely, v50), and for each candidate that a region named with it contains."""
        votes = base.copy()
        for match in matches:
            if self.words.shared_qualifier(match):
                continue
            countries = [c for c in match.candidates if c.kind == "country"]
            best = countries[0] if countries else max(zip(
                match.candidates, self.other_names.penalties(match), strict=True),
                key=lambda pair: prior(pair[0]) - pair[1])[0]
            # a name that towns of several countries bear says less of the text's country
            # than one only a country's own towns bear (v62: 'from Beirut to Tripoli')
            shared = len({p.country for p in match.candidates}) > 1 and not countries
            votes[best.country] += vote_weight(text, match, best) * (0.5 if shared else 1.0)
            for place in match.candidates:
                if not countries and self.fits(match, place, named, names_of) >= 1.0:
                    votes[place.country] += 1.0
        return votes

    def chosen(self, text: str, base: Counter[str], matches: list[Match]) -> Counter[str]:
        """The votes once the names are resolved: each name for its chosen place."""
        votes = base.copy()
        for match in matches:
            if match.chosen is not None and not self.words.shared_qualifier(match):
                votes[match.chosen.country] += vote_weight(text, match, match.chosen)
        return votes
