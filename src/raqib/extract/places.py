"""Places: find place names in a text, resolve each to a gazetteer entry, grade its precision.

Matching looks up every run of capitalised words (with the connectors of Arabic and Romance
names: 'al-', 'ad', 'de', 'bin' ...) and every run of Arabic-script words in the gazetteer,
longest first, spelling-tolerant as a fallback. Words on the project's stop list, demonyms,
names after a title ('President X') and names that a reporting verb follows ('X said') are
not places. Each match is then resolved: country context (country names, demonyms and the
other places of the text) first, then admin context ('Chibok (Borno)', 'Douma, Rural
Damascus', 'Idlib province'), then population. ``geo_precision`` follows ACLED: 1 the named
town; 2 near / outskirts / countryside of a town, or a neighbourhood or landmark; 3 a region
or a country, coded to its capital or a representative point.
"""

from __future__ import annotations

import itertools
import math
import re
from collections import Counter
from collections.abc import Iterable
from dataclasses import dataclass, field
from functools import cache, lru_cache
from importlib import resources

from raqib.extract.gazetteer import (
    ARTICLES,
    CountryLexicon,
    Gazetteer,
    Place,
    admin1_names,
    country_lexicon,
    ensure_default_index,
    loose_key,
    name_key,
)
from raqib.extract.gazetteer_files import load_file
from raqib.extract.model import Analysis, Options, PlaceMention

MIN_SCORE = 0.3
_key = lru_cache(maxsize=1 << 16)(name_key)
_TOKEN = re.compile(r"[^\W\d_](?:[^\W\d_]|['’ʼ‘`](?=[^\W\d_]))*")
_JOIN = re.compile(r"[ \-‐]")
_CONNECTORS = ARTICLES | frozenset(
    ["de", "del", "della", "la", "le", "les", "du", "des", "di", "da", "do", "dos", "das",
     "y", "bin", "ibn", "bint", "bani", "beni", "of"]
)
_HYPHENATED_ONLY = frozenset(["as", "at", "an", "en", "es", "et", "er", "ed"])
_PROCLITICS = ("و", "ب", "ل", "ف")
_LOCATIVE = frozenset(
    ["in", "near", "at", "outside", "around", "from", "to", "into", "towards", "toward",
     "between", "across", "inside", "within", "via", "through", "throughout", "off", "on",
     "في", "من", "إلى", "الى"]
)
_NEAR_BEFORE = re.compile(
    r"(?:\bnear(?:by)?|\boutside(?: of)?|\boutskirts of|\bvicinity of|\bclose to|\baround|"
    r"\bcountryside of|\benvirons of|\bsurroundings of|\bkm from|\bkilometres from|"
    r"\bkilometers from|\bmiles from|\b(?:north|south|east|west|northeast|northwest|"
    r"southeast|southwest)(?:ern)?(?: part)? of|\b(?:north|south|east|west)ern|\bouter|"
    r"قرب|بالقرب من|محيط|أطراف|ضواحي|ريف)"
    r"(?: the)?(?: (?:town|city|village|district|area) of)?\s*$", re.I)
_NEAR_AFTER = re.compile(r"^[\s'’s]*(?:countryside|outskirts|suburbs?|surroundings|environs|"
                         r"vicinity|area|frontlines?|front)\b", re.I)
_REGION_WORD = (r"(?:state|province|governorate|region|district|county|department|oblast|"
                r"prefecture|municipality|division|emirate|wilayat|muhafazah)")
_REGION_AFTER = re.compile(r"^\s+" + _REGION_WORD + r"\b", re.I)
_REGION_BEFORE = re.compile(r"\b" + _REGION_WORD + r" of\s+(?:the\s+)?$", re.I)
_PLACE_WORD = re.compile(r"^\s+(?:village|town|city|camp|neighbou?rhood|district)\b|"
                         r"(?:village|town|city|camp|neighbou?rhood) of\s+$|"
                         r"(?:مدينة|بلدة|قرية|حي|مخيم|وبلدة|ومدينة|وقرية)\s+$", re.I)
_TITLE_BEFORE = re.compile(
    r"(?:\b(?:President|Minister|General|Gen|Colonel|Col|Mr|Mrs|Ms|Dr|spokesman|"
    r"spokesperson|commander|leader|chief|King|Prince|Emir|Pope|Senator|Governor|Mayor|"
    r"Brigadier|Lieutenant|Lt|Captain|Capt|Sergeant|Judge|Imam|Sheikh|Shaykh)\.?)\s+$")
_SAID_AFTER = re.compile(r"^\s*(?:,[^,]{0,40},\s*)?(?:said|says|told|stated|added|claimed|"
                         r"announced|denied|accused|confirmed)\b")
_PAREN_AFTER = re.compile(r"^\s*\(\s*([^()]{2,60}?)\s*\)")
_COMMA_AFTER = re.compile(r"^\s*,\s*")
_COUNTRY_AFTER = re.compile(r"\s*,\s*((?:[A-Z][\w'’.-]*\s?){1,4})")
_LIST_GOES_ON = re.compile(r"\s*(?:,|and\b|or\b|&)\s*[A-Z\u0600-\u06ff]")
_QUALIFIED_BEFORE = re.compile(r"[^\W\d_]\s*\([^()]*$")


@dataclass
class _Window:
    start: int
    end: int
    words: int
    key: str
    loose: bool = False
    initial: bool = False
    partial: bool = False
    """A capitalised word joins it on either side: 'Bab' in 'Bab Ghaliq'."""


@dataclass
class _Match:
    window: _Window
    candidates: list[Place]
    context: list[str] = field(default_factory=list)
    """Keys of the admin or country names given with it: 'Chibok (Borno)' -> ['borno']."""
    region: bool = False
    qualifier: bool = False
    """It qualifies the name before it: the 'Borno' of 'Chibok (Borno)'."""
    near: bool = False
    locative: float = 0.0
    chosen: Place | None = None
    fit: float = 0.0
    """How well the chosen place fits the context (0..1)."""


class Places:
    name = "extract.places.v1"

    def __init__(self, gazetteer: Gazetteer, lexicon: CountryLexicon,
                 stopwords: frozenset[str], region_names: Iterable[str] = ()) -> None:
        self.gazetteer = gazetteer
        self.lexicon = lexicon
        self.stopwords = stopwords | frozenset(lexicon.demonyms)
        self.display = lexicon.display
        self.country_keys = {name_key(n): code for n, code in lexicon.names.items()}
        self.region_keys = frozenset(name_key(n) for n in region_names) | frozenset(
            self.country_keys)

    def __call__(self, doc: Analysis) -> None:
        text = doc.text
        windows = self._windows(text, _sentence_starts(doc))
        found = self.gazetteer.lookup({w.key for w in windows})
        matches = self._select(text, windows, found)
        _link(text, matches, self.region_keys)
        for match in matches:
            self._country_after(text, match)
        named = {m.window.key for m in matches} & self.region_keys
        demonyms = self._demonym_votes(text)
        votes = self._country_votes(demonyms, matches, named)
        for _ in range(2):
            for match in matches:
                self._resolve(match, votes, named)
            votes = self._chosen_votes(demonyms, matches)
        top = votes.most_common(1)[0][0] if votes else None
        for match in matches:
            if match.chosen is None or (match.window.loose and match.chosen.country != top):
                continue
            mention = self._mention(doc, match, top)
            if mention.score >= MIN_SCORE:
                doc.places.append(mention)

    # ---------------------------------------------------------------- candidate windows

    def _windows(self, text: str, starts: set[int]) -> list[_Window]:
        tokens = [(m.start(), m.end()) for m in _TOKEN.finditer(text)]
        tokens.append((len(text) + 2, len(text) + 2))
        windows: list[_Window] = []
        chain: list[tuple[int, int]] = []
        for number, token in enumerate(tokens):
            if chain and not _continues(text, chain, token):
                windows += self._chain_windows(text, chain, starts)
                chain = []
            if token[0] < len(text) and _eligible(text, token, bool(chain), tokens[number + 1]):
                chain.append(token)
        return windows

    def _chain_windows(self, text: str, chain: list[tuple[int, int]],
                       starts: set[int]) -> list[_Window]:
        arabic = _arabic(text[chain[0][0]])
        out = []
        for i in range(len(chain)):
            first = text[chain[i][0]:chain[i][1]]
            if not arabic and not _opens_name(text, chain, i):
                continue
            words = 0
            for j in range(i + 1, len(chain) + 1):
                words += text[chain[j - 1][0]].isupper() or arabic
                if words > self.gazetteer.longest:
                    break
                if not arabic and not text[chain[j - 1][0]].isupper():
                    continue
                start, end = chain[i][0], chain[j - 1][1]
                key = _key(text[start:end])
                if key in self.stopwords and j - i > 1:
                    out.append(_Window(start, end, j - i, "", initial=True))
                if not key or key in self.stopwords or _acronym(text[start:end]):
                    continue
                initial = start in starts
                partial = not arabic and self._partial(text, chain, i, j)
                out.append(_Window(start, end, j - i, key, False, initial, partial))
                if arabic and first.startswith(_PROCLITICS) and len(first) > 3:
                    out.append(_Window(start, end, j - i, name_key(text[start + 1:end]),
                                       initial=initial))
                elif not arabic and len(loose := loose_key(key)) >= 6:
                    out.append(_Window(start, end, j - i, "~" + loose, True, initial, partial))
        return out

    def _partial(self, text: str, chain: list[tuple[int, int]], i: int, j: int) -> bool:
        """Whether a capitalised word that is no generic word ('City', 'Township') joins
        the window: 'Bab' in 'Bab Ghaliq', not 'Kabul' in 'Kabul City'."""
        return any(text[t[0]].isupper() and _key(text[t[0]:t[1]]) not in self.stopwords
                   for t in chain[:i] + chain[j:])

    def _country_after(self, text: str, match: _Match) -> None:
        """'Tripoli, Lebanon': a country named after a comma qualifies the place."""
        after = _COUNTRY_AFTER.match(text, match.window.end)
        if after:
            words = after.group(1).split()
            for n in range(len(words), 0, -1):
                key = _key(" ".join(words[:n]))
                if key in self.country_keys and key not in match.context:
                    match.context.append(key)
                    return

    # ------------------------------------------------------------------- match selection

    def _select(self, text: str, windows: list[_Window],
                found: dict[str, list[Place]]) -> list[_Match]:
        ranked = sorted((w for w in windows if w.key in found),
                        key=lambda w: (-w.words, w.loose, w.start))
        taken: list[_Match] = []
        used = {i for w in windows if not w.key for i in range(w.start, w.end)}
        for window in ranked:
            span = set(range(window.start, window.end))
            if span & used or _not_a_place(text, window):
                continue
            used |= span
            taken.append(_context(text, _Match(window, found[window.key])))
        return sorted(taken, key=lambda m: m.window.start)

    # ----------------------------------------------------------------------- resolution

    def _demonym_votes(self, text: str) -> Counter[str]:
        votes: Counter[str] = Counter()
        for token in _TOKEN.finditer(text):
            if code := self.lexicon.demonyms.get(_key(token.group())):
                votes[code] += 0.5
        return votes

    def _country_votes(self, demonyms: Counter[str], matches: list[_Match],
                       named: set[str]) -> Counter[str]:
        """First guess of the document's country, before any name is resolved."""
        votes = demonyms.copy()
        for match in matches:
            by_country = {c.country for c in match.candidates}
            kinds = {c.kind for c in match.candidates}
            if "country" in kinds:
                votes[next(c.country for c in match.candidates if c.kind == "country")] += 1.5
                continue
            best = max(match.candidates, key=_prior)
            weight = 1.0 if len(by_country) == 1 else 0.6 * _prior(best)
            weight *= 1.5 if match.qualifier else 0.5 if match.window.loose else 1.0
            votes[best.country] += weight
            for place in match.candidates:
                if self._fit(match, place, named) >= 1.0:
                    votes[place.country] += 1.0
        return votes

    def _chosen_votes(self, demonyms: Counter[str], matches: list[_Match]) -> Counter[str]:
        votes = demonyms.copy()
        for match in matches:
            if match.chosen is not None:
                kind = match.chosen.kind
                weight = 1.5 if kind == "country" or match.qualifier else 1.0
                votes[match.chosen.country] += weight * (0.5 if match.window.loose else 1.0)
        return votes

    def _fit(self, match: _Match, place: Place, named: set[str]) -> float:
        """1 when the place lies in a region named with it, 0.6 in a country named with it,
        0.5 in a region named elsewhere in the text, 0 when nothing is named, -1 when what
        is named with it excludes it."""
        admins = {_key(a) for a in (place.admin1, place.admin2, place.admin3) if a}
        if not match.context:
            return 0.5 if admins & (named - {match.window.key}) else 0.0
        if place.kind.startswith("admin"):
            admins.add(_key(place.name))
        if admins & set(match.context):
            return 1.0
        if any(self.country_keys.get(k) == place.country for k in match.context):
            return 0.6
        known = [k for k in match.context if k in self.region_keys]
        return -1.0 if known else 0.0

    def _resolve(self, match: _Match, votes: Counter[str], named: set[str]) -> None:
        total = sum(votes.values()) or 1.0
        best, best_score = None, -9.0
        for place in match.candidates:
            fit = self._fit(match, place, named)
            score = 0.30 * _prior(place) + 0.35 * votes[place.country] / total + 0.3 * fit
            score += _kind_fit(match, place)
            if score > best_score:
                best, best_score, match.fit = place, score, fit
        match.chosen = best if match.fit > -1.0 else None

    def _mention(self, doc: Analysis, match: _Match, top: str | None) -> PlaceMention:
        place = match.chosen
        assert place is not None  # the caller skips unresolved matches
        window = match.window
        score = 0.45 + match.locative + 0.1 * _prior(place) + 0.2 * max(match.fit, 0.0)
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
        if place.kind == "country":
            score = min(score - 0.15, 0.45)
        country = self.display.get(place.country, place.country)
        admin1 = place.name if place.kind == "admin1" else place.admin1
        return PlaceMention(
            doc.span(window.start, window.end), place.name, country,
            admin1 or None, place.admin2 or None, place.admin3 or None,
            place.latitude, place.longitude, _precision(match, place), place.source,
            round(min(max(score, 0.05), 0.99), 3),
        )


# ----------------------------------------------------------------------------- helpers

def _eligible(text: str, token: tuple[int, int], inside: bool, following: tuple[int, int],
              ) -> bool:
    """A word that can be part of a name: capitalised, Arabic, or a connector; an English
    look-alike such as 'as', 'at' or 'an' only hyphenated ('as-Suwayda') or between two
    capitalised words ('Jisr ash Shughur', 'Maarrat an Numan')."""
    word = text[token[0]:token[1]]
    if word[0].isupper() or _arabic(word[0]):
        return True
    folded = word.casefold()
    if folded in _HYPHENATED_ONLY:
        if text[token[1]:token[1] + 1] == "-":
            return True
        return inside and following[0] == token[1] + 1 and text[following[0]:][:1].isupper()
    return folded in _CONNECTORS


def _arabic(char: str) -> bool:
    return "\u0600" <= char <= "\u06ff"


def _continues(text: str, chain: list[tuple[int, int]], token: tuple[int, int]) -> bool:
    """Whether ``token`` extends the name run: one space or hyphen apart, same script."""
    gap = text[chain[-1][1]:token[0]]
    if token[0] >= len(text) or len(gap) != 1 or not _JOIN.fullmatch(gap):
        return False
    return _arabic(text[chain[0][0]]) == _arabic(text[token[0]])


def _opens_name(text: str, chain: list[tuple[int, int]], i: int) -> bool:
    """A name starts with a capital, or with an article before a capital: 'al-Bab',
    'al Bab', 'as-Suwayda' (but not the English 'as' or 'at' before a space)."""
    start, end = chain[i]
    word = text[start:end]
    folded = word.casefold()
    rest = chain[i + 1:]
    if word[0].isupper():
        if folded in _HYPHENATED_ONLY or folded == "of":  # 'An INGO', 'At Aleppo'
            return text[end:end + 1] == "-" and bool(rest)
        return folded not in _CONNECTORS or bool(rest)
    if folded not in ARTICLES or not rest or not text[rest[0][0]].isupper():
        return False
    return folded in ("al", "el") or text[end] == "-"


def _acronym(words: str) -> bool:
    letters = [c for c in words if c.isalpha()]
    return len(letters) <= 5 and all(c.isupper() for c in letters) and " " not in words


def _previous_word(text: str, start: int) -> str:
    match = re.search(r"([^\W\d_]+)\W{0,3}$", text[max(0, start - 30):start])
    return match.group(1).casefold() if match else ""


def _sentence_starts(doc: Analysis) -> set[int]:
    if doc.sentences:
        return {s.span.start for s in doc.sentences}
    return {0} | {m.end() for m in re.finditer(r"[.!?]\s+", doc.text)}


def _not_a_place(text: str, window: _Window) -> bool:
    """A person or organisation: after a title ('President X'), or before a reporting verb
    ('X said') without a locative word before it."""
    before = text[max(0, window.start - 40):window.start]
    if _TITLE_BEFORE.search(before):
        return True
    locative = _previous_word(text, window.start) in _LOCATIVE
    return bool(_SAID_AFTER.match(text[window.end:window.end + 60])) and not locative


def _context(text: str, match: _Match) -> _Match:
    window = match.window
    before = text[max(0, window.start - 60):window.start]
    after = text[window.end:window.end + 80]
    if paren := _PAREN_AFTER.match(after):
        match.context = [name_key(part) for part in paren.group(1).split(",")]
    if _QUALIFIED_BEFORE.search(before):
        match.qualifier = match.region = True
    match.region |= bool(_REGION_AFTER.match(after) or _REGION_BEFORE.search(before))
    match.near = bool(_NEAR_BEFORE.search(before) or _NEAR_AFTER.match(after))
    previous = _previous_word(text, window.start)
    if previous in _LOCATIVE or match.near or _PLACE_WORD.search(
            after[:20] if _PLACE_WORD.match(after) else before):
        match.locative = 0.25
    elif previous == "of":
        match.locative = 0.1
    return match


def _link(text: str, matches: list[_Match], region_keys: frozenset[str]) -> None:
    """'Vesele, Donetsk.' and 'Kharkiv, Ukraine': a region or country after a comma that
    ends the clause, or that contains the place before it, qualifies that place."""
    for match, following in itertools.pairwise(matches):
        gap = text[match.window.end:following.window.start]
        if not _COMMA_AFTER.fullmatch(gap) or following.window.key not in region_keys:
            continue
        rest = text[following.window.end:following.window.end + 12]
        contains = any(name_key(p.admin1) == following.window.key or
                       p.country == c.country for p in match.candidates
                       for c in following.candidates if c.kind in ("admin1", "country"))
        if contains or not _LIST_GOES_ON.match(rest):
            match.context.append(following.window.key)
            following.qualifier = following.region = True


def _prior(place: Place) -> float:
    if place.population <= 0:
        return 0.4 if not place.source.startswith("geonames") else 0.1
    return min(1.0, math.log10(place.population + 1) / 7)


def _kind_fit(match: _Match, place: Place) -> float:
    if place.kind == "country":
        return 0.6
    if match.region:
        return 0.3 if place.kind.startswith("admin") else 0.0
    return {"town": 0.1, "area": 0.08, "admin3": 0.02}.get(place.kind, -0.05)


def _precision(match: _Match, place: Place) -> int:
    if place.kind in ("country", "admin1", "admin2", "admin3"):
        return 3
    if match.near or place.kind == "area" or match.region:
        return 2
    return 1


@cache
def _stopwords() -> frozenset[str]:
    text = resources.files("raqib").joinpath("resources", "gazetteer", "stopwords.txt")
    lines = text.read_text("utf-8").splitlines()
    return frozenset(name_key(w) for w in lines if w.strip() and not w.startswith("#"))


@cache
def _lexicon() -> CountryLexicon:
    return country_lexicon()


def document_country(doc: Analysis) -> str | None:
    """The document's most likely country (ACLED-style name): the places found, weighted by
    their scores, plus the country names and demonyms in the text."""
    lexicon = _lexicon()
    votes: Counter[str] = Counter()
    for place in doc.places:
        if place.country:
            votes[place.country] += place.score * (1.5 if place.geo_precision < 3 else 1.0)
    for token in _TOKEN.finditer(doc.text):
        code = lexicon.demonyms.get(_key(token.group()))
        if code:
            votes[lexicon.display.get(code, code)] += 0.3
    return votes.most_common(1)[0][0] if votes else None


def best_place(doc: Analysis) -> PlaceMention | None:
    """The most confident place mention, the more precise and the earlier on ties."""
    if not doc.places:
        return None
    return max(doc.places, key=lambda p: (p.score, -p.geo_precision, -p.span.start))


def create(options: Options) -> Places:
    gazetteer = Gazetteer(ensure_default_index(options.cache_dir))
    entries = [entry for path in options.gazetteer_files for entry in load_file(path)]
    gazetteer.add_entries(entries)
    regions = [n for names in admin1_names().values() for n in names]
    regions += [p.name for p, _ in entries if p.kind.startswith("admin")]
    regions += [p.admin1 for p, _ in entries if p.admin1]
    return Places(gazetteer, _lexicon(), _stopwords(), regions)
