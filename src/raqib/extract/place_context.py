"""What the words around a place's name say of it.

The places stage (``raqib.extract.places``) reads the context of each name it keeps: a
qualifier in brackets or after a comma ('Chibok (Borno)', 'Kharkiv, Ukraine'), a region's
word ('Idlib province', 'the province of Idlib'), its surroundings ('near Douma', 'Hama
countryside'), a dateline or an agreement it names (where the text was filed, not where its
events happen), and a destination ('on their way to Idlib'). The rules that decide whether a
run of words is a name at all, and how candidates are scored, are in ``place_rules``.
"""

from __future__ import annotations

import itertools
import re
from collections.abc import Callable
from functools import lru_cache

from raqib.extract.dates import DATE_START
from raqib.extract.gazetteer import Place, name_key
from raqib.extract.place_rules import (
    LOCATIVE,
    Match,
    Window,
    previous_word,
    said_after_re,
    speaks,
)
from raqib.geo import km_apart
from raqib.incidents.sources import default_table

_NEAR_BEFORE = re.compile(
    r"(?:\bnear(?:by)?|\boutside(?: of)?|\boutskirts of|\bvicinity of|\bclose to|\baround|"
    r"\bcountryside of|\benvirons of|\bsurroundings of|\bkm from|\bkilometres from|"
    r"\bkilometers from|\bmiles from|\bthe (?:rural |general |wider )?area of|"
    r"\b(?:north|south|east|west|northeast|northwest|"
    r"southeast|southwest)(?:ern)?(?: part)? of|\b(?:north|south|east|west)ern|\bouter|"
    r"قرب|بالقرب من|محيط|أطراف|ضواحي|ريف)"
    r"(?: the)?(?: (?:town|city|village|district|area) of)?\s*$", re.I)
_NEAR_NAME_BEFORE = re.compile(
    r"(?:\bnear(?:by)?|\bvicinity of|\boutskirts of|\bclose to|\bthe (?:general )?area of)"
    r"(?: the)?\s+(?:[A-Z][\w'’-]*\s+){0,2}[A-Z][\w'’-]*\s*,\s*$")
"""A near-word and a name before the comma that puts the name in this one ('near Vodyane, ')."""
_NEAR_AFTER = re.compile(r"^[\s'’s]*(?:(?:north|south|east|west|northeast|northwest|southeast|"
                         r"southwest|north-east|north-west|south-east|south-west)(?:ern)?\s+)?"
                         r"(?:countryside|outskirts|suburbs?|surroundings|environs|"
                         r"vicinity|area|frontlines?|front|desert|badia)\b", re.I)
"""After a name: its surroundings, maybe of one side ('Hama northwestern countryside',
'Aleppo's western outskirts': places v21; 'Hama desert', 'Homs badia': v24)."""
_ROAD = r"(?:roads?|highways?|motorways?|route|axis|stretch)"
_ROUTE_BEFORE = re.compile(
    r"(?:\bbetween|\b" + _ROAD + r"\s+(?:that\s+)?(?:linking|links|connecting|connects|from))"
    r"\s+(?:the\s+(?:towns?|cities|city|villages?)\s+of\s+)?"
    r"(?:(?:[A-Z][\w'’.-]*\s+){1,4}?(?:and|to|&)\s+)?$|[A-Z][\w'’.]*\s*[-–]\s*$")
"""Before a name: the words of a place between two towns ('between Bani Walid and Misrata',
'the road linking Gao and Ansongo', 'the Abeokuta-Ayetoro road'): the event is on the way,
coded to one of them at ACLED's precision 2 (v89)."""
_ROUTE_AFTER = re.compile(r"^(?:\s*[-–]\s*[A-Z][\w'’.-]*(?:\s+[A-Z][\w'’.-]*)?)?\s+" + _ROAD
                          + r"\b")
"""After a name: a road named by it ('the Kaduna-Abuja highway', 'the Gao road')."""
_REGION_WORD = (r"(?:state|province|governorate|region|district|county|department|oblast|"
                r"prefecture|municipality|division|emirate|wilayat|muhafazah)")
_REGION_AFTER = re.compile(r"^\s+" + _REGION_WORD + r"\b", re.I)
_DISTRICT_AFTER = re.compile(r"^\s+(?:district|sub-?district|county|municipality|subdivision|"
                             r"commune|LGA|sector)\b", re.I)
"""A district's word after a name: a part of a province, coded to its town (v40) at ACLED's
precision 2 (v88: 'Samana subdivision', 'Handwara subdistrict', 'Naushera sector')."""
_REGION_BEFORE = re.compile(r"\b(?:" + _REGION_WORD + r"|gulf|bay|sea|straits?) of\s+(?:the\s+)?$",
                            re.I)
"""Before a name: the region it names ('the province of Idlib'), or a sea named after it ('the
Gulf of Aden' is no attack on Aden's town: precision 3; places v49)."""
_REGION_PAREN_BEFORE = re.compile(r"\b(?:LGA|" + _REGION_WORD + r")\s*\(\s*$|\bLGA\s*,\s*$",
                                  re.I)
"""Before a name in brackets: it qualifies a district ('Rafi LGA (Niger)'), a province; after
a Nigerian LGA and its comma it is a state ('Borgu LGA, Niger': v110)."""
_PLACE_WORD = re.compile(r"^\s+(?:village|town|city|camp|neighbou?rhood|district)\b|"
                         r"(?:village|town|city|camp|neighbou?rhood) of\s+$|"
                         r"(?:مدينة|بلدة|قرية|حي|مخيم|وبلدة|ومدينة|وقرية)\s+$", re.I)

_NAMES_AN_ACCORD = re.compile(
    r"^\s+(?:(?:peace|ceasefire|truce|de-escalation|security)\s+)?(?:agreements?|accords?|deal|"
    r"memorandum|talks|summit|conference|process|format|negotiations|declaration|protocols?|"
    r"conventions?|communiqu[eé]|understandings?|guarantors)\b", re.I)
"""A place that names an agreement or a meeting ('the Sochi agreement', 'the Astana talks')
is not where the events of the text happen."""
_BORDER_BEFORE = re.compile(
    r"\b(?:(?:borders?|frontier)\s+with|bordering)\s+(?:the\s+)?"
    r"(?:(?:[A-Z][\w-]*\s+){0,2}[A-Z][\w-]*['’]s\s+)?$", re.I)
"""A name after 'the border with' or 'bordering' is the neighbour across it ('captured the town
of Bunagana on the border with Uganda' happened in the DR Congo; places v52), and so is a
place of the neighbour's named in its possessive ('near the border with South Sudan's Northern
Bahr el Ghazal'; v63)."""
_WATER = re.compile(r"\s(?:Sea|Ocean)$")
_THE_BEFORE = re.compile(r"\bthe\s+$", re.I)
"""'the Red Sea', 'the Indian Ocean': a sea, not the province named after it (Sudan's and
Egypt's Red Sea; places v55)."""
_WATER_NOUN_AFTER = re.compile(r"^\s+(?:islands?|isles|coast(?:line)?|shores?|waters|ports?)\b")
"""'two Red Sea islands', 'Red Sea ports': the sea's, named as a modifier (v71)."""
_LINE_START = re.compile(r"(?:^|\n)[ \t]*$")
_NAME = r"(?:[A-Z][\w'’.-]*\s+){0,3}[A-Z][\w'’.-]*"
_DATELINE_AFTER = re.compile(
    r"^(?:\s*,\s*" + _NAME + r"(?=\s*,\s*[^\W\d_]{3,9}\.?\s+\d|\s*\(|\s*[-–—]\s))?"
    r"(?:\s*,\s*(?:(?:le|el|the)\s+)?\d{1,2}(?:st|nd|rd|th|er)?\s+[^\W\d_]{3,}|"
    r"\s*,\s*[^\W\d_]{3,9}\.?\s+\d{1,2}\b|\s*\([^()\n]{2,30}\)\s*[-–—:]|\s*[-–—]\s)")
"""A dateline: the place a report was filed from, at the start of a line, before its date
or its agency ('Lyon, le 28 novembre 2018', 'BEIRUT, Nov 25 (Reuters) -', 'Damascus (SANA) -')
is not where the events of the text happen either; nor is a country or region that
qualifies it ('QUETTA, Pakistan -', 'GOMA, Congo -': v84)."""
_QUALIFIES_DATELINE = re.compile(r"(?:^|\n)[ \t]*" + _NAME + r"\s*,\s*$")
"""Before a name: the place that opens a dateline and a comma ('QUETTA, ' of 'QUETTA,
Pakistan - ...')."""
_BODY = re.compile(r"(?m)^[ \t]*(?P<head>)" + _NAME + r"(?:\s*,\s*" + _NAME + r")?"
                   r"(?:\s*,\s*[^\W\d_]{3,9}\.?\s+\d{1,2})?"
                   r"(?:\s*\([^()\n]{2,30}\))?\s*[-–—]+\s+(?=[\"'“‘]?[A-Z])")
"""A dateline with its dash, before the report's first word ('KABUL - A car bomb ...',
'MOSCOW, Feb 5 (Reuters) - Drones ...')."""


def datelines(text: str) -> list[tuple[int, int]]:
    """(where its first name starts, where the report's words start) of each dateline with a
    dash near the start of ``text`` ('PESHAWAR - A suicide bomber ...'). The first word
    after it opens a sentence, and is no name for its capital alone ('KHARTOUM - Air strikes
    hit ...' named no Air Khās, India); a short name in capitals is no acronym there
    ('KABUL, Afghanistan -') (v84)."""
    return [(found.start("head"), found.end())
            for found in _BODY.finditer(text, 0, _DATELINE_WITHIN)]


_DATELINE_WITHIN = 400
"""How far into a text a dateline's dash is looked for."""
_KIND_WORDS = (r"(?:\s+(?:district|area|sector|sub-?district|subdivision|LGA|county|municipality|"
               r"region|village|town|city|community|province|governorate|state|division|"
               r"neighbou?rhood|front|frontline|camp|locality|woreda|circle|township|tehsil|"
               r"taluka?|commune|department|prefecture|oblast|raion|rayon|upazila)s?|"
               r"\s+(?:counties|communities|localities|municipalities))*")
"""Generic words that may stand between a name and what qualifies it: 'Faskari LGA
(Katsina)', 'Baharak district, Takhar', 'the Qaniyah front (Mahliyah, Marib)', 'Kani
township, Sagaing region' (township and the other countries' units: places v81)."""
_PAREN_AFTER = re.compile(r"^" + _KIND_WORDS + r"\s*\(\s*([^()]{2,60}?)\s*\)", re.I)
_REST_OF_NAME = r"(?:\s+(?-i:[A-Z][\w'’-]*|imeni|de|del|la|el|al|bin|ibn)){0,2}"
"""Words of a name the gazetteer does not know, after the part it matched ('Shakhta imeni
Gagarina, Donetsk', 'Puli Alam district, Logar'): the qualifier after them holds the whole."""
_COMMA_AFTER = re.compile(_REST_OF_NAME + _KIND_WORDS + r"\s*,\s*|" + _KIND_WORDS.replace("*", "+")
                          + r"\s+of\s+(?:the\s+)?", re.I)
_LIST_GOES_ON = re.compile(r"\s*(?:,|and\b|or\b|&)\s*[A-Z\u0600-\u06ff]")
_QUALIFIED_BEFORE = re.compile(r"[^\W\d_]\s*\([^()]*$")


def read_context(text: str, match: Match) -> Match:
    window = match.window
    before = text[max(0, window.start - 60):window.start]
    after = text[window.end:window.end + 80]
    if paren := _PAREN_AFTER.match(after):
        match.context = [name_key(part) for part in paren.group(1).split(",")]
    if _QUALIFIED_BEFORE.search(before):
        match.qualifier = match.region = True
    match.titled = bool(_REGION_AFTER.match(after) or _REGION_PAREN_BEFORE.search(before))
    match.region |= match.titled or bool(_REGION_BEFORE.search(before))
    match.district = bool(_DISTRICT_AFTER.match(after))
    match.near = bool(_NEAR_BEFORE.search(before) or _NEAR_AFTER.match(after))
    match.beside_near = bool(_NEAR_NAME_BEFORE.search(before))
    match.vicinity = bool(_ROUTE_BEFORE.search(before) or _ROUTE_AFTER.match(after))
    match.water = bool(_WATER.search(text, window.start, window.end)
                       and (_THE_BEFORE.search(before) or _WATER_NOUN_AFTER.match(after)))
    match.filed_from = _dateline(text, window, before, after)
    match.aside = match.water or match.filed_from or bool(
        _NAMES_AN_ACCORD.match(after) or _BORDER_BEFORE.search(before))
    match.destination = bool(_DESTINATION_BEFORE.search(before))
    previous = previous_word(text, window.start)
    if area := _AREA_BEFORE.search(before):  # 'in downtown Cairo', 'in central Nairobi' (v72)
        previous = area.group(1).casefold()
    if previous in LOCATIVE or match.near or _PLACE_WORD.search(
            after[:20] if _PLACE_WORD.match(after) else before):
        match.locative = 0.25
    elif previous == "of":
        match.locative = 0.1
    return match


_AREA_BEFORE = re.compile(
    r"\b([^\W\d_]+)\s+(?:downtown|central|(?:north|south)?(?:east|west)ern|northern|"
    r"southern|rural|suburban|greater|old|coastal|urban|inner|outer)\s+$")
"""A lower-case word for a part of a town or region between a preposition and the name: the
word before it is the name's preposition ('in downtown Cairo', 'in central Nairobi': v72)."""


def _dateline(text: str, window: Window, before: str, after: str) -> bool:
    """A place at the start of a line, before a date or an agency, with the report's body
    after it: a caption that ends a text ('Casualties of the attack / Duma, 21 August
    2013.') says where its subject is, and is no dateline. Anywhere, a place after no
    preposition and right before a news agency that does not speak, the agency in brackets
    or followed by a date ('MOSCOW (Sputnik) An explosion ...', 'Moscow AFP Saturday 7 Oct',
    as scraped pages run the dateline into the text; not '... in Aleppo SANA') (v7)."""
    found = _DATELINE_AFTER.match(after)
    if (found and (_LINE_START.search(before) or _QUALIFIES_DATELINE.search(before))
            and len(text) - window.end - found.end() > _BODY_AFTER_DATELINE):
        return True
    agency = _agency_after().match(after)
    if agency is None or previous_word(text, window.start) in LOCATIVE:
        return False
    rest = after[agency.end():]
    return not said_after_re().match(rest) and (
        agency.group().rstrip().endswith(")") or bool(_DATE_NEXT.match(rest)))


_DATE_NEXT = re.compile(rf"^\W{{0,3}}{DATE_START}")
"""A date (a day's number, a weekday or a month, in English) right after an agency."""


@lru_cache(maxsize=1)
def _agency_after() -> re.Pattern[str]:
    """A news agency of the known-sources table right after a name, bare or in brackets."""
    names = sorted({key for key, info in default_table().items()
                    if "." not in key and info.kind.endswith("media")}, key=len, reverse=True)
    alternation = "|".join(re.escape(name) for name in names)
    return re.compile(rf"^\s*(?:\(\s*(?:{alternation})\s*\)|(?:{alternation})\b)", re.I)


_BODY_AFTER_DATELINE = 20


_HELD = r"(?:the\s+)?(?:\w+-(?:held|controlled)\s+)?"
_DESTINATION_BEFORE = re.compile(
    r"\b(?:(?:journey|way|trip)\s+(?:back\s+)?to|en\s+route\s+to|"
    r"(?:heading|headed|bound|destined)\s+(?:back\s+)?(?:to|for|towards?)|"
    r"(?:drove|driving|drives|travell?ed|travell?ing|travels|walked|walking|moving|marched|"
    r"marching|going|went|returning|returned)\s+(?:back\s+)?towards?|"
    r"(?:evacuated|medevaced|medevacked|airlifted|flown|bussed|bused|transported|deported)"
    r"\s+(?:back\s+)?to|"
    r"(?:fled|flee|flees|fleeing|escaped|escaping|retreated|retreating)\s+(?:back\s+)?(?:in)?to|"
    r"(?:rushed|taken|admitted|transferred|referred)\s+to\s+(?:an?\s+|the\s+)?(?:[\w'’-]+\s+)?"
    r"(?:hospitals?|clinics?)\s+in|"
    r"(?:tried|trying|tries|attempted|attempting|sought|seeking|planned|planning)\s+to\s+"
    r"march\s+(?:to|on|towards?))\s+" + _HELD
    + r"(?:(?:city|town|village|province|capital)\s+of\s+(?:the\s+)?)?$")
"""What comes before a destination: 'on their way to', 'heading for', 'evacuated to', 'en
route to rebel-held', 'tried to march to' (a march stopped before it arrived: places v60),
'medevaced to', 'airlifted to', 'flown to' (the wounded taken away: v70), 'fled into', 'retreated
to', 'taken to a hospital in' (where people went after the event: v82), 'drove toward',
'travelling toward' (where people were going when it befell them: v138; not 'drove to', after
which the event is often where they arrived);
lower case, so that 'Way' or 'To' in a name is not read as one."""
_DESTINATION_LIST_GAP = re.compile(
    r"\s*,?\s*(?:(?:and|or)\s+)?" + _HELD
    + r"(?:(?:coastal|northern|southern|eastern|western|central)\s+)?"
    r"(?:(?:city|town|village|province|governorate|region|capital)\s+of\s+(?:the\s+)?)?")
"""What may stand between two destinations of one list ('Aleppo, the coastal province of
Latakia or Damascus', as scraped pages also drop the commas)."""


def link_destinations(text: str, matches: list[Match]) -> None:
    """The names listed right after a destination are destinations too (v9)."""
    for match, following in itertools.pairwise(matches):
        if match.destination and _DESTINATION_LIST_GAP.fullmatch(
                text, match.window.end, following.window.start):
            following.destination = True


def link_qualifiers(text: str, matches: list[Match], region_keys: frozenset[str]) -> None:
    """'Vesele, Donetsk.' and 'Kharkiv, Ukraine': a region or country after a comma that
    ends the clause, or that contains the place before it, qualifies that place, also after
    a generic word ('Baharak district, Takhar', 'Holosiivskyi district of Kyiv') (v5)."""
    for match, following in itertools.pairwise(matches):
        gap = text[match.window.end:following.window.start]
        if not _COMMA_AFTER.fullmatch(gap) or following.window.key not in region_keys or (
                speaks(text, following.window.end)):
            continue
        rest = text[following.window.end:following.window.end + 12]
        contains = any(name_key(p.admin1) == following.window.key or
                       p.country == c.country for p in match.candidates
                       for c in following.candidates if c.kind in ("admin1", "country"))
        goes_on = _LIST_GOES_ON.match(rest) is not None
        if contains or not goes_on:
            match.context.append(following.window.key)
            match.listed = goes_on
            following.qualifier = following.region = True


_HELD_GAP = re.compile(_KIND_WORDS + r"\s*[,(]\s*", re.I)
HELD_KM = 60.0
"""How near the town that names a district its places lie (``held_by_next``)."""


def held_by_next(text: str, matches: list[Match]) -> None:
    """'Mora village (Surat, Gujarat)', 'Rampur, Jaunpur (UP)': a name whose comma or bracket
    opens on a town names a place of the district that town names and seats. Of a name the
    gazetteer has several places of, the one nearest that town, in its country, is chosen
    when it lies within ``HELD_KM`` of it (places v100: Bilimora, 49 km from Surat and
    larger, had been chosen over Mora, 18 km from it); not where the name is the town's own
    ('Surat city (Surat, Gujarat)': Surat is among the other names of a village nearby)."""
    for match, following in itertools.pairwise(matches):
        town = following.chosen
        if (match.chosen is None or town is None or town.kind != "town"
                or len(match.candidates) < 2 or match.window.key == following.window.key
                or not _HELD_GAP.fullmatch(text, match.window.end, following.window.start)):
            continue
        near = sorted((km_apart(p.latitude, p.longitude, town.latitude, town.longitude), n)
                      for n, p in enumerate(match.candidates)
                      if p.source != town.source and p.country == town.country)
        if near and near[0][0] <= HELD_KM:
            match.chosen, match.fit = match.candidates[near[0][1]], 1.0  # it fits (v123)


FRONT_TOWN_MAX = 100_000
"""The size under which a town of the front's country, named in a text that quotes the
front's monitors, is not chosen outside the front's regions (``off_front``)."""


def off_front(matches: list[Match], regions: frozenset[str], countries: frozenset[str],
              regions_of: Callable[[Place], set[str]]) -> None:
    """A text that quotes a front's monitors ('the OSCE SMM observed 6 explosions near
    Lozove') names a village of the front: where the gazetteer has no namesake in the front's
    ``regions`` (Donetsk, Luhansk), the namesake it chose elsewhere in the front's
    ``countries`` (Lozove in Crimea, Kruta Balka in Poltava, Sokilnyky in Lviv: hundreds of
    kilometres off) is not chosen: the name is a place the gazetteer lacks, masked for the
    event model as one, and no place of the event (places v106). A town of
    ``FRONT_TOWN_MAX`` people or more, a name qualified where it stands ('Vodyane, Kirovohrad')
    and a place of another country stay."""
    for match in matches:
        place = match.chosen
        if (place is None or place.kind != "town" or place.country not in countries
                or place.population >= FRONT_TOWN_MAX or match.context
                or regions_of(place) & regions):
            continue
        match.chosen, match.lies_in = None, place.country  # a name still, for the event model
