"""Naming actors for a country: choosing among a name's dictionary rows, the document's
country, and the names of groups the codebook names for the country they are in.

The actors stage (``raqib.extract.actors``) finds the mentions; a mention left without a
country is named later by ``localize`` (called by the assembly stage, after places), for the
document's country (``resolve_country``: the places found, else the country names in the
text), and state forces of another country are coded 8 (external forces), as ACLED does.
"""

from __future__ import annotations

import functools
import re
from bisect import bisect_right
from collections import Counter
from dataclasses import replace
from datetime import date

from raqib.extract.actor_dictionary import CAPITAL, Dictionary, Hit, load
from raqib.extract.actor_peoples import named as peoples_militia
from raqib.extract.model import ActorMention, Analysis, Options

WHERE = r"in|inside|across|throughout|within|into"
"""Prepositions before a country's name that make it a place, not a state."""
_LOCATIVE = re.compile(rf"\b(?:{WHERE}|of northern|of southern|"
                       r"of eastern|of western)\s+(?:the\s+)?(?:\w+ern\s+)?$", re.I)


def choose(dictionary: Dictionary, hits: list[Hit], country: str | None) -> Hit | None:
    """The hit that fits the context country best (see the README's matching rules)."""
    named = {h.country for h in hits if h.country}  # the demonyms' countries (v24)

    def rank(h: Hit) -> int:
        entry = dictionary.entries[h.entry]
        if entry.role == "ignore":
            return -1
        if not entry.is_template:
            if (country and entry.country == country) or (
                    entry.country in named and not h.contextual):
                return 0  # a row of the country its own words name ('Turkish gendarmerie')
            return (5 if country is None else 9) if h.contextual else 4
        if h.country is not None:
            return 1
        if "|" in entry.country:  # with no country yet, kept for localize() to decide
            return 6 if country is None else 2 if country in entry.country.split("|") else 9
        return 3
    best = min((h for h in hits if h.entry >= 0), key=rank, default=None)
    return best if best is not None and rank(best) < 9 else None


def mention_for(dictionary: Dictionary, doc: Analysis, start: int, end: int, hit: Hit,
                country: str | None, when: date | None) -> ActorMention:
    entry = dictionary.entries[hit.entry]
    if entry.is_template:
        own = hit.country or country
    elif hit.contextual and country != entry.country:
        own = None  # not confirmed yet: localize() decides
    else:
        own = entry.country if entry.country in dictionary.countries.by_name else None
    inter = 8 if entry.inter == 1 and own and country and own != country else entry.inter
    return ActorMention(doc.span(start, end), dictionary.render(entry, own, when), inter, own,
                        entry.side or None)


def text_country(dictionary: Dictionary, text: str) -> str | None:
    """The country the text is about: country names after 'in' (3 votes), other country names,
    demonyms, state forces and a country's own monitors (1: 'the OSCE SMM', SOHR; actors
    v52), civilians of a named country (2); None on a tie."""
    votes: Counter[str] = Counter()
    for start, _, hits in dictionary.match(text):
        hit = next((h for h in hits if h.entry < 0), None) or choose(dictionary, hits, None)
        if hit is None or not hit.country or hit.country not in dictionary.countries.by_name:
            continue
        if hit.entry == CAPITAL:  # "Moscow" in a report on Syria is no vote for Russia
            continue
        if hit.entry < 0:
            votes[hit.country] += 3 if hit.entry == -1 and _LOCATIVE.search(
                text[max(0, start - 24) : start]) else 1
        elif (entry := dictionary.entries[hit.entry]).role != "ignore":
            votes[hit.country] += {1: 1, 7: 2}.get(entry.inter, 0) + (entry.side == "monitor")
    votes = +votes  # drop zero counts
    ranked = votes.most_common(2)
    return ranked[0][0] if ranked and (len(ranked) == 1 or ranked[1][1] < ranked[0][1]) else None


def resolve_country(doc: Analysis, options: Options | None = None) -> str | None:
    """The document's country: the places found (most named), else the text's country names."""
    places = Counter(p.country for p in doc.places if p.country)
    if places:
        return places.most_common(1)[0][0]
    return text_country(load(tuple((options or Options()).actor_files)), doc.text)


def localize(doc: Analysis, country: str | None = None, options: Options | None = None) -> None:
    """Name the mentions left without a country for ``country`` (default
    ``resolve_country(doc)``), in place: "Civilians" -> "Civilians (Nigeria)", "IS" ->
    "Islamic State (West Africa)"; drops '~' aliases that do not fit; state forces of another
    country become inter 8 (external forces), as ACLED codes them."""
    country = country or resolve_country(doc, options)
    if country is None:
        return
    dictionary = load(tuple((options or Options()).actor_files))
    when = when_of(doc)
    kept: list[ActorMention] = []
    for m in doc.actors:
        if m.country is not None and m.country != country:
            m = _own_row(dictionary, doc, m, country, when)
        if m.country is None and m.name not in dictionary.names and (
                name := peoples_militia(m.name, country, _town(doc, m, country))):
            m = replace(m, name=name, country=country)  # 'Fellata Ethnic Militia (Sudan)'
        if m.country is None:
            hits = [h for h in dictionary.lookup(m.span.text) if h.entry >= 0]
            if m.name not in {dictionary.render(dictionary.entries[h.entry], None, when)
                              for h in hits}:  # 'residents' turned Protesters
                hits = [Hit(dictionary.unresolved[m.name], None)] if (
                    m.name in dictionary.unresolved) else []
            hit = choose(dictionary, hits, country)
            if hit is None and hits:
                continue
            if hit is not None:
                m = mention_for(dictionary, doc, m.span.start, m.span.end, hit, country, when)
        elif m.inter == 1 and m.country != country and m.country in dictionary.countries.by_name:
            m = replace(m, inter=8)
        kept.append(m)
    doc.actors[:] = _marks_name_their_gang(doc, kept)


def _town(doc: Analysis, mention: ActorMention, country: str) -> bool:
    """Whether ``mention`` opens with a town of ``country`` named before a people's word
    (``Analysis.towns_of_peoples``: 'Misrata militias')."""
    return any(start == mention.span.start and country in countries
               for (start, _), countries in doc.towns_of_peoples.items())


_MARK = re.compile(r"drive-by|tied|handcuffed|blindfolded|beheaded|coup de grace|"
                   r"threatening message|signs of|executed|back of the head|slit|mutilated|"
                   r"dismembered|remains", re.IGNORECASE)
"""Words of a gang's alias that tell what it did, not who it is ('a drive-by incident',
'hands tied'; actors v60-v61)."""


def _marks_name_their_gang(doc: Analysis, mentions: list[ActorMention]) -> list[ActorMention]:
    """Where a gang is named by its marks ('shot by armed individuals in a drive-by
    incident'), the unidentified armed men of the same sentence are that gang, one mention,
    and the marks no party of their own (actors v63: the marks had stood as a third party,
    and a police patrol fired on became civilians)."""
    marks = [m for m in mentions if m.name.startswith("Unidentified Gang")
             and _MARK.search(m.span.text)]
    if not marks:
        return mentions
    starts = [s.span.start for s in doc.sentences]  # a mention's sentence, by bisection
    out, dropped = [], set()
    for m in mentions:
        mark = next((k for k in marks if m.name.startswith("Unidentified Armed Group")
                     and bisect_right(starts, k.span.start) == bisect_right(starts, m.span.start)
                     ), None)
        if mark is not None:
            out.append(replace(m, name=mark.name, inter=mark.inter))
            dropped.add(id(mark))
        else:
            out.append(m)
    return [m for m in out if id(m) not in dropped]


def _own_row(dictionary: Dictionary, doc: Analysis, m: ActorMention, country: str,
             when: date | None) -> ActorMention:
    """The mention as the document country's own row when its words are a contextual alias
    of one ("Saudi forces" in Yemen are Operation Restoring Hope): the stage chose a foreign
    country's template before the document's country was known."""
    own = [h for h in dictionary.lookup(m.span.text) if h.entry >= 0 and h.contextual
           and dictionary.entries[h.entry].country == country]
    if not own:
        return m
    return mention_for(dictionary, doc, m.span.start, m.span.end, own[0], country, when)


def recast(mention: ActorMention, inter: int, options: Options | None = None) -> ActorMention:
    """The same words as Rioters (5), Protesters (6) or Civilians (7) of the mention's
    country: for the assembly stage, when the event says what the people did (mob violence)."""
    dictionary = load(tuple((options or Options()).actor_files))
    entry = dictionary.entries[dictionary.unresolved[{5: "Rioters", 6: "Protesters",
                                                      7: "Civilians"}[inter]]]
    return ActorMention(mention.span, dictionary.render(entry, mention.country, None), inter,
                        mention.country, entry.side or None)


def unnamed(template: str, country: str, options: Options | None = None) -> str:
    """A template's name for ``country`` where no words name the actor: 'Unidentified Armed
    Group' gives 'Unidentified Armed Group (Brazil)' (the codebook's unknown perpetrator),
    'Civilians' gives 'Civilians (Brazil)'."""
    dictionary = load(tuple((options or Options()).actor_files))
    return dictionary.render(dictionary.entries[dictionary.unresolved[template]], country, None)


def template_countries(template: str, options: Options | None = None) -> frozenset[str]:
    """The countries a template restricted to some countries names actors in (the gang
    template: Mexico, Brazil, ...; ``resources/actors/actors.tsv``)."""
    return _template_countries(template, tuple((options or Options()).actor_files))


@functools.lru_cache(maxsize=16)
def _template_countries(template: str, files: tuple[str, ...]) -> frozenset[str]:
    return frozenset(c for entry in load(files).entries if entry.name == template + " ({country})"
                     and "|" in entry.country for c in entry.country.split("|"))


def gang_of(country: str, options: Options | None = None) -> str:
    """ACLED's name for an unidentified gang of ``country``: its own row's (``own_gang``),
    else the gang template's ('Unidentified Gang (Mexico)')."""
    return own_gang(country, options) or unnamed("Unidentified Gang", country, options)


def own_gang(country: str, options: Options | None = None) -> str | None:
    """The name of a row of ``country`` whose name opens with 'Unidentified Gang'
    ('Unidentified Gang and/or Police Militia', Brazil's), or None."""
    return _own_gangs(tuple((options or Options()).actor_files)).get(country)


@functools.lru_cache(maxsize=4)
def _own_gangs(files: tuple[str, ...]) -> dict[str, str]:
    """Country -> the name of its own row of unidentified gangs, where it has one."""
    return {e.country: e.name for e in load(files).entries
            if e.name.startswith("Unidentified Gang") and not e.is_template and e.country}


LOCAL_GROUPS = (
    "Civilians", "Protesters", "Rioters", "Unidentified Armed Group", "Unidentified Gang",
    "Unidentified Communal Militia", "Unidentified Tribal Militia", "Women", "Journalists",
    "Health Workers", "Aid Workers", "Teachers", "Students", "Farmers", "Labour Group",
    "Prisoners", "Lawyers", "Christian Group", "Muslim Group", "Hindu Group",
)
"""Groups the codebook names for the country they are in ('Protesters (Lebanon)'), not for a
state or a nationality (military and police forces, governments, refugees and migrants keep
their own country wherever they are)."""


def relocated(name: str, country: str, to: str, options: Options | None = None) -> str:
    """``name``, a group of ``LOCAL_GROUPS`` named for ``country``, named for ``to`` instead
    (an event's protesters are of the country the event happened in, whatever the text's
    country); any other name as it is."""
    for template in LOCAL_GROUPS:
        if name == unnamed(template, country, options):
            return unnamed(template, to, options)
    return name


def is_claimant_only(mention: ActorMention, options: Options | None = None) -> bool:
    """True for sources and bodies that speak but take no part in events (SANA, SOHR...)."""
    dictionary = load(tuple((options or Options()).actor_files))
    return any(dictionary.entries[h.entry].role == "claimant"
               for h in dictionary.lookup(mention.span.text) if h.entry >= 0)


def front_sides(text: str, country: str, when: date | None, options: Options | None = None,
                places: list[str] | None = None) -> list[tuple[str, int]]:
    """The two sides (name for ``when``, inter code) of a front of ``country`` whose
    monitors ``text`` quotes (``resources/actors/fronts.tsv``: the OSCE's mission in
    Ukraine) on the day ``when`` (None: any day), or [] (assembly v77); the side that did
    not hold the first of ``places`` the front knows (``front_places.tsv``) first, since
    the fire seen there came from across the line (assembly v83), else the row's order."""
    dictionary = load(tuple((options or Options()).actor_files))
    for front in dictionary.fronts:
        if front.country == country and front.holds(when) and front.cue.search(text):
            order = (front.side2, front.side1) if front.holder(text, places or []) == 1 else (
                front.side1, front.side2)
            sides = [dictionary.entries[n] for n in order]
            return [(dictionary.render(entry, country, when), entry.inter) for entry in sides]
    return []


_GOVERNING = re.compile(r"\b(?:government|authorities|administration)$", re.IGNORECASE)
DECIDED = ("Agreement", "Change to group/activity", "Other")
"""Strategic developments a government decides (a prisoner release, a lockdown, an accord)."""


def governing(name: str, words: str, sub_event_type: str) -> str:
    """A state's forces named by the words of its government ('the Afghan government released
    52 Taliban prisoners', 'Houthi authorities announced a lockdown') in a development it
    decided (``DECIDED``) are ACLED's `Government of` that state, with the same period and
    branch ('Government of Yemen (2016-) Supreme Political Council'); 'government forces'
    stay forces (assembly v79)."""
    if (sub_event_type in DECIDED and name.startswith("Military Forces of ")
            and _GOVERNING.search(words.strip())):
        return "Government of " + name.removeprefix("Military Forces of ")
    return name


def when_of(doc: Analysis) -> date | None:
    return doc.dates[0].value if doc.dates else doc.reference_date
