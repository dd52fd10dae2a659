"""How the places stage weighs and ranks what it found (``raqib.extract.places``).

The country votes (each name for its likeliest candidate, weighed by how sure it is, and for
every country that can hold it), which matches are doubtful, and the ranking passes over a
text's place mentions: what says where a place is ranks just under it (a region under the
town it holds, a qualifier under the place it follows), and in a chain of names joined by
bare commas each name is held by the next (v5).
"""

from __future__ import annotations

import itertools
import re
from collections import Counter
from dataclasses import replace

from raqib.extract.gazetteer import Place
from raqib.extract.model import PlaceMention
from raqib.extract.place_rules import ARTICLE_AFTER, TERRAIN_WORD, Match, is_arabic, prior
from raqib.geo import km_apart

COVER_WEIGHT = 0.5
"""Each distinct name with a candidate in a country votes this much for it."""
SURE = 0.6
"""The least a name with candidates in one country only votes, whatever their size."""
ASIDE_WEIGHT = 0.3
"""A place that names an agreement or a meeting, or opens a dateline, votes this much for
the text's country."""


def inner_first(text: str, found: list[tuple[Match, PlaceMention]]) -> None:
    """What says where a place is scores just under the place: ACLED codes an event to the
    most precise place its report names, and 'Faskari LGA (Katsina)', 'the Rutba desert in
    Anbar province' or 'Siliguri town (Darjeeling district, West Bengal)' name Katsina,
    Anbar and Darjeeling to place the town. The outer one is a region that holds a more
    precise place of the text, or a qualifier that follows the place it holds (v5), or the
    landmark a place is measured from ('Jayrud, 60 km northeast of Damascus') (v8) or that a
    town is said to be near ('Douma near Damascus', within 75 km: v27)."""
    precise: dict[tuple[str | None, str | None], dict[str, float]] = {}
    for _, place in found:  # the best score of each precise place name, by region
        if place.geo_precision < 3:
            names = precise.setdefault((place.country, place.admin1), {})
            names[place.name] = max(place.score, names.get(place.name, 0.0))
    for number, (match, outer) in enumerate(found):
        holds = regional(text, match, outer)
        inside = precise.get((outer.country, outer.admin1), {}) if holds else {}
        inner = [score for name, score in inside.items() if name != outer.name]
        if number and match.qualifier:
            head_match, head = found[number - 1]
            if _close(text, head_match, match) and (
                    (holds and within(outer, head)) or _near(head, outer)):
                inner.append(head.score)
        elif number:  # 'Jayrud, 60 kilometres northeast of Damascus': Damascus is the landmark
            head_match, head = found[number - 1]
            gap = text[head_match.window.end:match.window.start]
            if head.country == outer.country and (_DISTANCE_GAP.match(gap) or (
                    _NEAR_GAP.match(gap) and head.geo_precision < 3 and _near(head, outer))
                    or (_IN_GAP.fullmatch(gap) and not head_match.window.partial
                        and head.geo_precision < 3 and (
                        (within(outer, head) and _near(head, outer, 100.0))
                        or _near(head, outer, 30.0)))):
                inner.append(head.score)
        if inner and outer.score >= max(inner):
            found[number] = (match, replace(outer, score=round(max(inner) - 0.01, 3)))


def _close(text: str, head: Match, qualifier: Match) -> bool:
    """The qualifier follows the name it qualifies closely, in the same sentence."""
    gap = text[head.window.end:qualifier.window.start]
    return len(gap) < 60 and not re.search(r"[.;!?]\s", gap)


_DISTANCE_GAP = re.compile(
    r"^\W{0,3}(?:about |some |around )?\d[\d.,]*\s*(?:km|kilomet(?:re|er)s?|miles?)\b"
    r"(?:\s*\([^()]{0,30}\))?\s*(?:(?:to the )?(?:north|south|east|west|northeast|northwest|"
    r"southeast|southwest)(?:ern)?\s+of|from|of|outside)\s+(?:the\s+)?"
    r"(?:(?:town|city|village|capital)\s+of\s+)?$", re.I)
"""What stands between a place and the landmark it is measured from ('Jayrud, 60 kilometres
(35 miles) northeast of Damascus'): the landmark scores just under the place (v8)."""
_NEAR_GAP = re.compile(
    r"^,?\s+(?:near|close\s+to|outside|not\s+far\s+from|on\s+the\s+outskirts\s+of)\s+"
    r"(?:the\s+)?(?:(?:town|city|village|capital)\s+of\s+)?$", re.I)
"""Between a place and a landmark near it ('the town of Douma near Damascus'): the place is
where the event was, the landmark says where that is (places v27)."""
_GENERIC = r"(?:village|town|city|district|sub-?district|subdivision)"
_IN_GAP = re.compile(r",?\s+(?:(?:" + _GENERIC + r"\s+)?in|" + _GENERIC + r"\s+of)\s+(?:the\s+)?",
                     re.I)
"""Between a town and a town of its province named after it ('in Hajin in Deir ez-Zor',
'Dogankoy village of Pervari, Siirt'): the second says where the first is (places v35). Not
after a neighbourhood's or an area's word: ACLED codes 'Maltepe neighborhood of Zeytinburnu'
and 'Palanpur area of Surat city' to the district and the city."""


def chains(text: str, found: list[tuple[Match, PlaceMention]], top: str | None) -> None:
    """'Barangay Lawa, Calamba, Laguna': names joined by bare commas, with no 'and' before
    the last, are a chain, each held by the next, not a list. A name of the chain that the
    gazetteer placed far from the next one (over 150 km, and not in its region) is a place it
    does not know under a name it shares with one elsewhere: it ranks under the next, when
    the next lies in the text's country (v5); also when both lie in one province (v41:
    'Jalalpur, Shamli (UP)' had a Jalalpur 640 km from Shamli, Uttar Pradesh holding
    several)."""
    runs: list[list[int]] = []
    for number in range(len(found)):
        if number and _COMMA_ONLY.fullmatch(
                text, found[number - 1][0].window.end, found[number][0].window.start):
            runs[-1].append(number)
        else:
            runs.append([number])
    for run in runs:
        last = found[run[-1]][0].window.end
        if len(run) < 2 or _LIST_END.match(text, last):
            continue
        for one, after in itertools.pairwise(run):
            head, next_ = found[one][1], found[after][1]
            if found[after][0].window.partial or next_.country != top:
                continue  # a part of a longer name, or itself out of the text's country
            if max(head.geo_precision, next_.geo_precision) < 3 and not _near(
                    head, next_, 150.0):
                found[one] = (found[one][0], replace(head, score=min(
                    head.score, round(next_.score - 0.01, 3))))


def qualified_abroad(text: str, found: list[tuple[Match, PlaceMention]], top: str | None) -> None:
    """'Oba town in Idemili South LGA (Anambra)', 'Sidi Bouafif (Hoceima)': a qualifier in
    the text's country right after a name the gazetteer placed in another country says the
    name is a place it does not know, under a name shared with one abroad (Oba in Turkey):
    the name ranks under its qualifier (places v14)."""
    for number in range(1, len(found)):
        match, outer = found[number]
        head_match, head = found[number - 1]
        if outer.name == outer.country:  # a country says less than the name abroad
            continue
        if match.qualifier:
            if top is None or outer.country != top or head.country == top:
                continue
        elif head.country == outer.country or not _IN_GAP.fullmatch(
                text, head_match.window.end, match.window.start):
            continue  # v124: 'Capitol Hill in Monrovia' is no place of the United States
        if _close(text, head_match, match):
            found[number - 1] = (head_match, replace(head, score=min(
                head.score, round(outer.score - 0.01, 3))))


_COMMA_ONLY = re.compile(r"\s*,\s*")
_LIST_END = re.compile(r"\s*,?\s+(?:and|or|&)\s+\S")


def _near(one: PlaceMention, other: PlaceMention, km: float = 75.0) -> bool:
    if None in (one.latitude, one.longitude, other.latitude, other.longitude):
        return False
    return km_apart(one.latitude, one.longitude, other.latitude, other.longitude) < km


def regional(text: str, match: Match, mention: PlaceMention | None) -> bool:
    """A region, or a town named after its own province with a point of the compass before
    it ('southern Idlib', 'northern Hama': the province's south, not the city's, coded at
    precision 3 like the province), or a point of the compass and its countryside after it
    ('Hama northwestern countryside', "Aleppo's western countryside": v21)."""
    if mention is not None and mention.geo_precision == 3 and mention.name == mention.admin1:
        return True
    chosen = match.chosen
    if chosen is not None and chosen.kind == "town" and (
            _PROVINCE_AFTER.match(text, match.window.end)
            or _PROVINCE_BEFORE.search(text, max(0, match.window.start - 30),
                                       match.window.start)):
        return True  # 'Hasaka province', 'Turkistan region': the gazetteer knows the city (v6)
    compass = _COMPASS_BEFORE.search(text, max(0, match.window.start - 20),
                                     match.window.start) or _COMPASS_AFTER.match(
        text, match.window.end)  # 'Hama northwestern countryside' (v21)
    return chosen is not None and bool(compass) and any(
        c.kind == "admin1" and c.country == chosen.country and c.admin1 == chosen.admin1
        for c in match.candidates)


_PROVINCE_WORD = r"(?:province|governorate|oblast|wilayat|muhafazah|region|state)"
_PROVINCE_AFTER = re.compile(r"\s+" + _PROVINCE_WORD + r"\b", re.I)
_PROVINCE_BEFORE = re.compile(r"\b" + _PROVINCE_WORD + r"\s+of\s+(?:the\s+)?$", re.I)
_COMPASS_BEFORE = re.compile(
    r"\b(?:north|south|east|west)(?:-?(?:east|west))?ern\s+(?:rural\s+)?$", re.I)
_COMPASS_AFTER = re.compile(
    r"(?:['’]s)?\s+(?:north|south|east|west)(?:-?(?:east|west))?ern\s+countryside\b", re.I)


def within(region: PlaceMention, place: PlaceMention) -> bool:
    """``place``, a town or a small area, lies in ``region`` (its admin1), and is not it."""
    return (place.geo_precision < 3 and place.country == region.country
            and place.admin1 == region.admin1 and place.name != region.name)


def vote_weight(text: str, match: Match, place: Place) -> float:
    """How much a name votes for the country of ``place``, its chosen or likeliest
    candidate: a country named as a place or a qualifying region 1.5, a country named as an
    actor ('Russia said') 0.5, as a demonym; other names 1, times (when nothing named with
    them settles it) 0.6 and the place's prior for a name of several countries, or the
    prior but at least ``SURE`` for a name of one ('Energy', a village in Illinois, no
    longer votes as surely as Beirut); half, and times the prior, for a doubtful match
    (``doubtful``); half for a partial one ('Bala' of 'Bala Duri'); less for an agreement's
    name or a dateline (v5)."""
    if place.kind == "country" and not (match.locative or match.qualifier or match.context):
        return 0.5  # 'Russia said', 'Russia's jets': a country as an actor, as a demonym votes
    weight = 1.5 if place.kind == "country" or match.qualifier else 1.0
    if place.kind != "country" and match.fit < 1.0:
        several = len({c.country for c in match.candidates}) > 1
        weight *= 0.6 * prior(place) if several else max(prior(place), SURE)
    if doubtful(text, match):
        weight *= 0.5 * prior(place)
    elif match.window.partial:
        weight *= 0.5
    return weight * (ASIDE_WEIGHT if match.aside else 1.0)


def coverage(text: str, matches: list[Match]) -> Counter[str]:
    """``COVER_WEIGHT`` for each distinct name that has a candidate in a country: the country
    in which most of a text's names can lie wins ('Markhazah (Qaatabah, Ad Dali)' is in
    Yemen, which has an Ad Dali governorate, not at Dali in China) (v5)."""
    covered: dict[str, set[str]] = {}
    for match in matches:
        if not (match.window.partial or match.aside or doubtful(text, match)):
            for place in match.candidates:
                covered.setdefault(place.country, set()).add(match.window.key)
    return Counter({country: COVER_WEIGHT * len(keys) for country, keys in covered.items()})


def doubtful(text: str, match: Match) -> bool:
    """A match that is kept only in the document's own country, and votes less for it (half,
    times its place's prior once chosen): a spelling-tolerant one, or one Arabic word with no
    word before it that announces a place and no region named with it (Arabic has no
    capitals to tell a name from a common word: 'سامة', toxic, is also Same in East Timor)
    (v3); a name right after a terrain word (``_TERRAIN_BEFORE``, v30)."""
    if match.window.loose or after_terrain(text, match):
        return True
    return (match.window.words == 1 and is_arabic(text[match.window.start])
            and not match.locative and match.fit <= 0)


_TERRAIN_BEFORE = re.compile(TERRAIN_WORD + ARTICLE_AFTER + "$")
"""A mountain's, a valley's or a plain's word right before a name the gazetteer knows only in
part ("Jabal al-Zawiya", a mountain of Idlib; Az Zawiyah is a town of Libya): the name is
doubtful, a place only in the text's own country where something else speaks for it ("Jabal
al Kirsh" beside Kirsh, in a text about Yemen that names Lahij) (v30)."""


def after_terrain(text: str, match: Match) -> bool:
    """The match's name comes right after a terrain word (``_TERRAIN_BEFORE``)."""
    start = match.window.start  # the words just before it: a search from 0 would cost O(n)
    return bool(_TERRAIN_BEFORE.search(text, max(0, start - _TERRAIN_REACH), start))


_TERRAIN_REACH = 24
"""How far back a terrain word and its article can start ('Djebel ash-', 12 characters)."""


SELF_VOUCHING = 100_000
"""People in a city whose name, one Arabic word, is taken as a place with nothing else in the
text for its country."""


def stands(text: str, match: Match, top: str | None, spoken: set[str]) -> bool:
    """Whether a doubtful match stands: only in the text's own country (``top``; v3), and
    there when it is spelling-tolerant, a city of at least ``SELF_VOUCHING`` people, or in a
    country something sure speaks for (``spoken``: a demonym or a country's name, a match that
    is not doubtful): 'دون ورود أنباء' (without reports of) is Warud in India only when
    something else in the text is Indian; 'على حلب' is Aleppo alone (v22). A name after a
    terrain word never vouches for itself ('Jabal al-Zawiya' is not Az Zawiyah, a Libyan city
    of 186,000; v30)."""
    place = match.chosen
    if place is None or place.country != top:
        return False
    return (match.window.loose or place.country in spoken or (
        place.population >= SELF_VOUCHING and not after_terrain(text, match)))
