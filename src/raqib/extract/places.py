"""Places: find place names in a text, resolve each to a gazetteer entry, grade its precision.

Matching looks up every run of capitalised words (with the connectors of Arabic and Romance
names: 'al-', 'ad', 'de', 'bin' ...) and every run of Arabic-script words in the gazetteer,
longest first, spelling-tolerant as a fallback. Words on the project's stop list, demonyms,
names after a title ('President X') and names that a reporting verb follows ('X said') are
not places. Each match is then resolved: country context (country names, demonyms and the
other places of the text) first, then admin context ('Chibok (Borno)', 'Douma, Rural
Damascus', 'Idlib province'), then population. A place that names an agreement or a meeting
('the Sochi agreement', 'the Astana talks') scores lower as an event's place and votes less
for the text's country (v2); so does the dateline a report was filed from ('Lyon, le 28
novembre 2018', 'BEIRUT, Nov 25 (Reuters) -') (v5). One Arabic word naming a place abroad,
with nothing around it that says it is a place, is taken for a common word (v3).
``geo_precision`` follows ACLED: 1 the named town; 2 near / outskirts / countryside of a
town, or a neighbourhood or landmark; 3 a region or a country, coded to its capital or a
representative point.
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Iterable, Sequence
from dataclasses import replace

from raqib.extract.actor_dictionary import load as load_actors
from raqib.extract.gazetteer import (
    CountryLexicon,
    Gazetteer,
    Place,
    admin1_names,
    ensure_default_index,
    name_key,
    part_names,
)
from raqib.extract.gazetteer_files import load_file
from raqib.extract.model import Analysis, Options, PlaceMention
from raqib.extract.place_context import (
    datelines,
    held_by_next,
    link_destinations,
    link_qualifiers,
    off_front,
    read_context,
)
from raqib.extract.place_countries import (
    country_code,
    group_countries,
    lexicon,
    name_codes,
)
from raqib.extract.place_fit import RegionFit
from raqib.extract.place_other_names import OtherNames, unvoiced
from raqib.extract.place_qualifiers import CountryWords
from raqib.extract.place_ranking import (
    chains,
    coverage,
    doubtful,
    inner_first,
    qualified_abroad,
    regional,
    stands,
)
from raqib.extract.place_rules import (
    InActor,
    Match,
    Window,
    cached_key,
    governs,
    kind_fit,
    not_a_place,
    people_after,
    precision,
    prior,
    sentence_starts,
)
from raqib.extract.place_stopwords import stopwords
from raqib.extract.place_votes import CountryVotes
from raqib.extract.place_windows import (
    ARTICLE_COUNTRIES,
    and_windows,
    arabic_article,
    building_named,
    connector_spellings,
    name_windows,
    qualifying_acronyms,
    spellings,
)

MIN_SCORE = 0.3
SHORT_LOOSE = 6
"""A spelling-tolerant key this long or shorter ('~' and five letters: 'Derbasiyah' for Ad
Darbasiyah) takes only places in ``ARTICLE_COUNTRIES``, whose names are transliterated from
Arabic in many ways; elsewhere it is too short to be safe (v25)."""
FOCUS_VOTE = 1.0
"""The focus country's head start in every text's country vote: as much as one town of it,
named and sure, votes (a country named as a place votes 1.5)."""
GROUP_VOTE = 0.6
"""What a group the text names by its own name votes for its country (v28: 0.5, a demonym's
vote; v77: a little more, so that it outweighs a name's own vote for a namesake abroad: 'the
OSCE SMM observed explosions near Komsomolets' was Komsomolets in Russia)."""
ACTING_STATE_VOTE = 0.5
"""What a country named as a state acting ('Ukraine said it had withdrawn its troops from
Avdiivka') votes for itself, as a demonym does, once however often it acts: no place, and yet
what the text is about."""
ASIDE_PENALTY = 0.3
"""A place that names an agreement or a meeting, or opens a dateline, scores this much less
as the place of an event (it votes less too: ``place_ranking.ASIDE_WEIGHT``)."""
DESTINATION_PENALTY = 0.3
"""A destination ('on their way to Aleppo') scores this much less as the place of an event
(v9): where people were going is not where they were attacked."""


class Places:
    name = "extract.places.v147"

    def __init__(self, gazetteer: Gazetteer, lexicon: CountryLexicon,
                 stopwords: frozenset[str], region_names: Iterable[str] = (),
                 region_groups: Iterable[Sequence[str]] = (), focus: str | None = None,
                 fronts: Iterable[tuple[re.Pattern[str], Iterable[str]]] = ()) -> None:
        """``region_names``: every region name the gazetteers know; ``region_groups``: the
        names of one region together ('Idleb', 'Idlib', 'إدلب'), so that a town of Idleb
        fits 'Idlib' named with it; ``focus``: the ISO code of the country the texts are
        mostly about (``Options.country``), which every text's country vote starts with;
        ``fronts``: each front's cue (its monitors' name) and the regions it runs through
        (``resources/actors/fronts.tsv``)."""
        self.focus = focus
        self.fronts = [(cue, frozenset(name_key(r) for r in regions)) for cue, regions in fronts]
        self.front_countries = {keys: frozenset(  # the countries the front's regions are in
            p.country for places in gazetteer.lookup(keys).values() for p in places
            if p.kind == "admin1") for _, keys in self.fronts}
        self.gazetteer = gazetteer
        self.lexicon = lexicon
        self.stopwords = stopwords | frozenset(lexicon.demonyms)
        self.display = lexicon.display
        self.country_keys = {name_key(n): code for n, code in lexicon.names.items()}
        self.words = CountryWords(self.country_keys, lexicon.demonyms, lexicon.capitals,
                                  lexicon.shared)
        self.codes = name_codes(lexicon)
        """ISO codes by the key of any name of the country, ACLED's among them."""
        self.region_keys = frozenset(name_key(n) for n in region_names) | frozenset(
            self.country_keys)
        self.other_names = OtherNames(lexicon.capitals)
        self.quarters = part_names("quarter")
        self.suburbs = part_names("suburb")
        self.fits = RegionFit(gazetteer, self.country_keys, self.region_keys, region_groups,
                              self.other_names)
        self.votes = CountryVotes(lexicon.demonyms, self.words, self.country_keys,
                                  self.other_names, self.fits)

    def __call__(self, doc: Analysis) -> None:
        text = doc.text
        filed = datelines(doc.text)  # (where its names start, where its body starts)
        matches = self._matches(doc, filed)
        named = {m.window.key for m in matches} & self.region_keys
        # a front's monitors speak of its regions (v93): "the OSCE SMM observed ... near
        # Vesele" is the Vesele of Donetsk, not the larger one of Zaporizhzhia
        fronts = [keys for cue, keys in self.fronts if cue.search(text)]
        named |= {key for keys in fronts for key in keys}
        # the text's other names of each place ('Banfora (Banfora, Comoe)': Comoe province
        # is a name of Banfora, its seat, as well as a region of Ivory Coast; v108)
        names_of: dict[str, set[str]] = {}
        for match in matches:
            for place in match.candidates:
                names_of.setdefault(place.source, set()).add(match.window.key)
        said = self.votes.said(text)  # before any name's own vote
        for country in set(group_countries(doc, self.lexicon)):  # as a demonym (v28)
            if code := self.codes.get(name_key(country)):
                said[code] += GROUP_VOTE
        placed = {m.window.start for m in matches}
        for code in {self.country_keys.get(cached_key(a.span.text)) for a in doc.actors
                     if a.span.start not in placed} - {None}:  # 'Ukraine said' (v85)
            said[code] += ACTING_STATE_VOTE
        if self.focus:
            said[self.focus] += FOCUS_VOTE
        base = said + coverage(text, matches)
        votes = self.votes.first(text, base, matches, named, names_of)
        for _ in range(2):
            for match in matches:
                self._resolve(match, votes, named, names_of)
            votes = self.votes.chosen(text, base, matches)
        for match in matches:  # '(Hodan District)', 'Mogadishu-Hodan': a part of the city,
            # which the event is in (v114), where the name is the quarter's country's (v122)
            country = match.chosen.country if match.chosen else None
            if country in self.quarters.get(match.window.key, ()):
                match.district = match.region = match.vicinity = False
            elif country in self.suburbs.get(match.window.key, ()):
                match.near = True  # 'Zamalka': a town by the city, not the city (v136)
        held_by_next(text, matches)
        for keys in fronts:  # v106: no village of the front's country far from the front
            off_front(matches, keys, self.front_countries[keys], self.fits.regions)
        top = votes.most_common(1)[0][0] if votes else None
        found = self._kept(doc, matches, base, top, said, filed)
        inner_first(text, found)
        shown = self.display.get(top, top) if top else None
        chains(text, found, shown)
        qualified_abroad(text, found, shown)
        doc.places += [replace(m, score=min(max(m.score, 0.05), 0.99)) for _, m in found]

    def _matches(self, doc: Analysis, filed: list[tuple[int, int]]) -> list[Match]:
        """The text's name windows the gazetteer knows (as written, spelling-tolerant, or in
        another transliteration), chosen longest first, with what the words around each say."""
        text = doc.text
        starts = sentence_starts(doc) | {body for _, body in filed}
        acronyms = qualifying_acronyms(text)  # a region's acronym there, no town (v107)
        heads = frozenset(head for head, _ in filed) | acronyms
        windows = name_windows(text, starts, self.stopwords, self.country_keys,
                               self.gazetteer.longest, heads) + self.words.capital_windows(text)
        windows += and_windows(text, starts, self.stopwords)  # 'Sistan and Baluchestan' (v111)
        found = self.gazetteer.lookup({w.key for w in windows})
        for key in [k for k in found if k.startswith("~") and len(k) <= SHORT_LOOSE]:
            found[key] = [p for p in found[key] if p.country in ARTICLE_COUNTRIES]
            if not found[key]:
                del found[key]
        spelled = [replace(w, key=k, loose=" " not in w.key) for w in windows if w.key not in found
                   for k in spellings(w.key)]  # one word is doubtful: only in the text's country
        windows += self._known(spelled, found, ARTICLE_COUNTRIES)
        joined = [replace(w, key=k) for w in windows if w.key not in found
                  for k in connector_spellings(w.key)]  # 'San Andres de Tuxtla' (v125)
        windows += self._known(joined, found, None)
        doc.towns_of_peoples.update({
            (w.start, w.end): frozenset(self.display.get(p.country, p.country)
                                        for p in found[w.key])
            for w in windows if w.key in found and people_after(text, w.end)})
        in_actor = InActor(doc)
        matches = [m for m in self._select(text, windows, found, acronyms) if not (
            in_actor(m.window) and all(c.kind == "town" for c in m.candidates))]
        link_qualifiers(text, matches, self.region_keys)
        link_destinations(text, matches)
        for match in matches:
            self.words.read(text, match)
        return matches

    def _known(self, spelled: list[Window], found: dict[str, list[Place]],
               countries: frozenset[str] | None) -> list[Window]:
        """The windows of ``spelled`` (names looked up under another spelling) whose key the
        gazetteer knows, with a place in ``countries`` (any, when None); their places join
        ``found`` where the key is not there already."""
        for key, places in self.gazetteer.lookup({w.key for w in spelled}).items():
            kept = [p for p in places if countries is None or p.country in countries]
            if kept and key not in found:
                found[key] = kept
        return [w for w in spelled if w.key in found]

    def _kept(self, doc: Analysis, matches: list[Match], base: Counter[str], top: str | None,
              said: Counter[str], filed: list[tuple[int, int]]
              ) -> list[tuple[Match, PlaceMention]]:
        """The resolved matches that stand as places of the text (``top``: its country), each
        with its mention; the names that stand only as names go to ``doc.place_names``, and
        a dateline's to ``doc.filed_from`` (``filed``: the datelines with their dash)."""
        text = doc.text
        found: list[tuple[Match, PlaceMention]] = []
        doubts = [doubtful(text, m) for m in matches]
        spoken = {country for country, n in base.items() if n > 0} | {
            m.chosen.country for m, doubt in zip(matches, doubts, strict=True)
            if m.chosen is not None and not doubt}
        for match, doubt in zip(matches, doubts, strict=True):
            if match.chosen is None and match.lies_in:  # no namesake lies where the text
                # puts it (v46): a place the gazetteer lacks, read by the event model as a name
                doc.place_names.append(doc.span(match.window.start, match.window.end))
            if match.chosen is None or (doubt and not stands(text, match, top, spoken)):
                continue
            mention = self._mention(doc, match, top)
            if match.filed_from:  # where the report was filed, not its events' place (v84)
                doc.filed_from.append(mention)
                if any(head <= match.window.start < body for head, body in filed):
                    doc.place_names.append(mention.span)  # masked on the body's line only:
                continue  # 'GENEVA, 28 November 2018' alone masked read as an event (v59)
            if mention.score < MIN_SCORE:
                # a sea is a name still (v55), and so is a destination (v82: 'fled to
                # Konna' unmasked read as a riot); a dateline is not: masked, "<place>, 28
                # November 2018" alone had read as an event (v59)
                if match.water or match.destination:
                    doc.place_names.append(mention.span)
                continue
            other = self.other_names
            if other.chosen_by(match) and (
                    match.chosen.country != top or unvoiced(match, matches, said, other)):
                doc.place_names.append(mention.span)  # a name, not the text's place (v32)
            else:
                found.append((match, mention))
        return found

    # ------------------------------------------------------------------- match selection

    def _select(self, text: str, windows: list[Window], found: dict[str, list[Place]],
                acronyms: frozenset[int]) -> list[Match]:
        # longest first; of two as long, one that opens with 'the' last ('The Cape Coast
        # Polytechnic' is Cape Coast, not 'The Cape', another name of Buxton, NC: v76)
        # a run of words that is never a place ('Central African') blocks them, unless
        # a longer name holds it ('Central African Republic'; v90)
        ranked = sorted((w for w in windows if w.key in found or not w.key),
                        key=lambda w: (-w.words, bool(w.key), w.loose,
                                       w.key.startswith("the "), w.start))
        taken: list[Match] = []
        used: set[int] = set()
        for window in ranked:
            span = set(range(window.start, window.end))
            if not window.key:
                used |= span
                continue
            if span & used or not_a_place(text, window) or (governs(text, window) and not any(
                    p.kind == "country" for p in found[window.key])):
                continue
            candidates = found[window.key]
            if window.start in acronyms:
                candidates = [p for p in candidates if p.kind == "admin1"]
            if arabic_article(text, window):
                candidates = [p for p in candidates if p.country in ARTICLE_COUNTRIES]
            if building_named(text, window):  # 'the Seray in Tripoli': no town (v99)
                candidates = [p for p in candidates if p.kind != "town"
                              or name_key(p.name).startswith("the ")]
            used |= span
            if candidates:  # else neither 'al-Hol' nor its 'Hol' is Norway's
                match = read_context(text, Match(window, candidates))
                if match.titled and any(p.kind != "country" for p in candidates):
                    # 'Paikoro LGA of Niger State': the state, never the country (v86)
                    match.candidates = [p for p in candidates if p.kind != "country"]
                taken.append(match)
        return sorted(taken, key=lambda m: m.window.start)

    # ----------------------------------------------------------------------- resolution

    def _resolve(self, match: Match, votes: Counter[str], named: set[str],
                 names_of: dict[str, set[str]]) -> None:
        total = sum(votes.values()) or 1.0
        best, best_score = None, -9.0
        for place, lost in zip(match.candidates, self.other_names.penalties(match), strict=True):
            if match.lies_in not in (None, place.country):
                continue
            fit = self.fits(match, place, named, names_of)
            score = 0.30 * prior(place) + 0.35 * votes[place.country] / total + 0.3 * fit
            score += kind_fit(match, place) - lost
            if score > best_score:
                best, best_score, match.fit = place, score, fit
        match.chosen = best if best is not None and (
            match.fit > -1.0 or self.fits.misplaced(match, best)) else None

    def _mention(self, doc: Analysis, match: Match, top: str | None) -> PlaceMention:
        place = match.chosen
        assert place is not None  # the caller skips unresolved matches
        window = match.window
        score = 0.45 + match.locative + 0.1 * prior(place) + 0.2 * max(match.fit, 0.0)
        score += 0.1 if window.words > 1 or match.region else 0.0
        score += 0.1 if place.country == top else -0.2
        if window.loose:
            score -= 0.25
        if window.partial:
            score -= 0.3
        if window.words == 1 and not match.locative and not match.fit:
            score -= 0.2 if window.initial else 0.0
            score -= 0.15 if place.population < 5000 and place.source.startswith(
                "geonames") else 0.0
        score -= {"admin1": 0.05, "admin2": 0.05}.get(place.kind, 0.0)
        if match.qualifier:
            score -= 0.2
        if match.aside:
            score -= ASIDE_PENALTY
        if match.destination:
            score -= DESTINATION_PENALTY
        if place.kind == "country":
            score = min(score - 0.15, 0.45)
        country = self.display.get(place.country, place.country)
        admin1 = place.name if place.kind == "admin1" else place.admin1
        return PlaceMention(
            doc.span(window.start, window.end), place.name, country,
            admin1 or None, place.admin2 or None, place.admin3 or None,
            place.latitude, place.longitude,
            3 if regional(doc.text, match, None) else precision(match, place), place.source,
            round(score, 3),  # bounded once the text's places are ranked
        )


def best_place(doc: Analysis) -> PlaceMention | None:
    """The most confident place mention, the more precise and the earlier on ties."""
    if not doc.places:
        return None
    return max(doc.places, key=rank)


def rank(place: PlaceMention) -> tuple[float, int, int]:
    """Which of two places is the better place of an event: the higher score, then the more
    precise, then the earlier."""
    return (place.score, -place.geo_precision, -place.span.start)


def create(options: Options) -> Places:
    gazetteer = Gazetteer(ensure_default_index(options.cache_dir))
    entries = [entry for path in options.gazetteer_files for entry in load_file(path)]
    gazetteer.add_entries(entries)
    regions = [n for names in admin1_names().values() for n in names]
    regions += [p.name for p, _ in entries if p.kind.startswith("admin")]
    regions += [p.admin1 for p, _ in entries if p.admin1]
    fronts = [(f.cue, f.regions) for f in load_actors(tuple(options.actor_files)).fronts]
    return Places(gazetteer, lexicon(), stopwords(), regions, admin1_names().values(),
                  country_code(options.country) if options.country else None, fronts)
