"""The countries of a text's places: which country a document is about, a country's ISO code
and ACLED name, and the demonyms that tell a nationality rather than a place. Split from
:mod:`raqib.extract.places`, whose stage uses them, as the assembly and claims stages do."""

from __future__ import annotations

import re
from collections import Counter
from functools import cache

from raqib.errors import RaqibError
from raqib.extract.gazetteer import CountryLexicon, country_lexicon, name_key
from raqib.extract.model import Analysis, PlaceMention
from raqib.extract.place_rules import TOKEN, cached_key

_INTERNATIONAL_BEFORE = re.compile(r"\binternationals?\s*(?:staff\s*)?\(\s*(?:\d+\s+)?"
                                   r"(?:\w+\s*[,/-]\s*(?:\d+\s+)?)*$", re.IGNORECASE)


_SPONSOR_AFTER = re.compile(r"\s*-\s*(?:backed|led|supported|sponsored|funded|trained|"
                            r"armed|allied|affiliated|aligned|controlled|held|brokered|"
                            r"mediated)\b", re.IGNORECASE)


def nationality(text: str, start: int, end: int) -> bool:
    """The demonym at ``text[start:end]`` tells foreign staff's nationality, not where
    something happened: '2 INGO international (German) staff', '(2 British, 2 Dutch)',
    '(Swiss-American)', as AWSD writes it (places v34, v74). A national staff member's
    demonym ('1 Afghan national staff') is the country's, and votes. Nor does a sponsor's
    ('Turkish-backed factions looted houses in Ras al-Ain', 'Iranian-backed militias':
    places v61)."""
    return bool(_INTERNATIONAL_BEFORE.search(text, max(0, start - 60), start)
                or _SPONSOR_AFTER.match(text, end))


@cache
def lexicon() -> CountryLexicon:
    return country_lexicon()


FILED_FROM_VOTE = 0.4
"""The vote of the town a text's dateline names ('KHAN YOUNIS - Israeli tanks advanced ...')
for its country: a reporter in a town is where its news is, whatever a demonym says."""
FILED_IN_CAPITAL_VOTE = 0.2
"""A capital's vote: less than a demonym, as bureaux in capitals report their region too
('BEIRUT - Syrian troops shelled ...'; places v84)."""


def document_country(doc: Analysis) -> str | None:
    """The document's most likely country (ACLED-style name): the places found, weighted by
    their scores, plus the country names and demonyms in the text, and its dateline's."""
    known = lexicon()
    votes: Counter[str] = Counter()
    for place in doc.places:
        if place.country:
            votes[place.country] += place.score * (1.5 if place.geo_precision < 3 else 1.0)
    for token in TOKEN.finditer(doc.text):
        code = known.demonyms.get(cached_key(token.group()))
        if code and not nationality(doc.text, token.start(), token.end()):
            votes[known.display.get(code, code)] += 0.3
    for country in group_countries(doc, known):
        votes[country] += 0.3
    for place in doc.filed_from[:1]:  # where it was filed (v84)
        votes[place.country] += FILED_IN_CAPITAL_VOTE if capital(place) else FILED_FROM_VOTE
    return votes.most_common(1)[0][0] if votes else None


def capital(place: PlaceMention) -> bool:
    """The place is its country's capital."""
    code = country_keys().get(name_key(place.country))
    return (code, name_key(place.name)) in lexicon().capitals


def group_countries(doc: Analysis, known: CountryLexicon) -> list[str]:
    """The country of each group the text names by its own name, where the actor dictionary
    knows one ('FARDC soldiers beat ...', 'clashed with the SDF in Dhiban', 'state news
    agency SANA reported'): the mention holding a capitalised word other than its country's
    name (v54; its first word until then: 'military forces of Armenia' names the country,
    which votes as a place already) and no demonym, which votes already (v23)."""
    out = []
    for actor in doc.actors:
        if not actor.country:
            continue
        words = [t.group() for t in TOKEN.finditer(actor.span.text)]
        named = actor.country.split()
        sponsor = _SPONSOR_AFTER.search(actor.span.text)  # 'Turkish-backed factions' (v61)
        if sponsor is not None:
            words = [t.group() for t in TOKEN.finditer(actor.span.text, sponsor.end())]
        if (sponsor is not None and words) or (
                any(w[:1].isupper() and w not in named for w in words)
                and not any(cached_key(w) in known.demonyms for w in words)):
            out.append(actor.country)
    return out


def country_code(name: str) -> str:
    """The ISO code of a country given by its name or code ('Syria', 'SY'); an unknown one is
    an error naming it."""
    if name.upper() in lexicon().display:
        return name.upper()
    code = country_keys().get(name_key(name))
    if code is None:
        raise ExtractionSetupError(f"unknown country: {name!r} (a name such as 'Syria' or an "
                                   "ISO code such as 'SY')")
    return code


@cache
def country_keys() -> dict[str, str]:
    """The ISO code of each country by the key of any of its names, ACLED's among them
    ('DR Congo', 'Democratic Republic of Congo': CD), in the default lexicon."""
    return name_codes(lexicon())


def name_codes(known: CountryLexicon) -> dict[str, str]:
    """ISO codes by the key of any name of the country, ACLED's among them."""
    return {name_key(n): code for n, code in known.names.items()} | {
        name_key(n): code for code, n in known.display.items()}


def display_name(code: str) -> str:
    """The ACLED-style name of a country's ISO code."""
    return lexicon().display.get(code, code)


class ExtractionSetupError(RaqibError):
    """An extraction option that names nothing the project knows."""
