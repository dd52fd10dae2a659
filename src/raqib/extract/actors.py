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

Matching and the dictionary's data live in ``raqib.extract.actor_dictionary``, the naming of
mentions for a country (``choose``, ``localize``, ``unnamed`` ...) in
``raqib.extract.actor_naming``; this module re-exports their names (and ``read_tsv``) for
callers.
"""

from __future__ import annotations

import re
from dataclasses import replace
from datetime import date

from raqib.extract.actor_dictionary import (
    CAPITAL,
    DEMONYM,
    Countries,
    Country,
    Dictionary,
    Hit,
    expand,
    load,
    tokens,
)
from raqib.extract.actor_naming import (
    WHERE,
    choose,
    front_sides,
    gang_of,
    governing,
    is_claimant_only,
    localize,
    mention_for,
    own_gang,
    recast,
    relocated,
    resolve_country,
    template_countries,
    text_country,
    unnamed,
    when_of,
)
from raqib.extract.actor_peoples import militia_name, peoples_militias
from raqib.extract.model import ActorMention, Analysis, Options
from raqib.extract.petrarch import read_tsv
from raqib.extract.roles import ARMED, REBELS

__all__ = [
    "NAME", "Actors", "Countries", "Country", "Dictionary", "Hit", "choose", "create", "expand",
    "front_sides", "gang_of", "governing", "is_claimant_only", "load", "localize", "mention_for",
    "own_gang", "read_tsv", "recast", "relocated", "resolve_country", "template_countries",
    "text_country", "tokens", "unnamed",
]

NAME = "extract.actors.v86"
_OPPOSED = re.compile(r"(?<![\w-])anti-$", re.I)
"""'anti-' right before a name: the words name the group's opponents, not the group."""
_HOLDING = re.compile(
    r"[-‐](?:held|controlled|run|ruled|dominated|occupied|besieged|administered)\s+"
    r"(?:(?:northern|southern|eastern|western|north-?(?:east|west)ern|south-?(?:east|west)ern|"
    r"rural|parts of)\s+)?(?:[A-Z]|(?:areas?|territor(?:y|ies)|towns?|villages?|city|cities|"
    r"districts?|neighbou?rhoods?|regions?|provinces?|parts?|enclaves?|pockets?|zones?|"
    r"suburbs?|countryside|quarters?)\b)")
"""After a party: the territory it holds ('rebel-held Idlib', 'IS-controlled areas'), not
an act of its ('a Houthi-controlled prison' is the Houthis' still)."""
_AFFILIATED = re.compile(
    r"[-‐](?:affiliated|aligned|linked|supporting|loyal)\s+(?:young\s+men|youths?|supporters|"
    r"residents|civilians|people|protesters|demonstrators|crowds?|students|women|men|"
    r"activists|teachers|workers)\b", re.I)
"""After a party: people on its side, not its members ('SDF-affiliated youths burned tyres'
are a crowd; v19)."""
_SPONSORING = re.compile(r"[-‐](?:backed|supported|sponsored|funded|financed|trained|armed)\s+\w")
"""After a party: what it sponsors ('the UN-backed government', 'US-trained forces'), which
the words after name: the sponsor is no party to what they do (v79)."""
_FORMER = re.compile(r"\b(?:former|ex|late)[\s-]+$", re.I)
_OFFICE = re.compile(r"\b(?:minister|president|secretary)\b", re.I)
"""A former office holder ('the home of a former Defence Minister') speaks and acts for no
state (v80)."""
_OF = re.compile(r"\s+of\s+(?:the\s+)?", re.I)
_LINKED = re.compile(r"\s+(?:(?:linked|tied|allied|affiliated|aligned|connected|loyal|"
                     r"belonging|pledging\s+allegiance)\s+(?:to|with)|affiliates\s+of)"
                     r"\s+(?:the\s+)?", re.I)
"""Between generic fighters and their group: 'militants linked to the Islamic State' are its
members, as 'fighters of the SNA' are (v83)."""
_POSSESSIVE = re.compile(r"['’]s\s+")
_ELIDED = re.compile(r"\s*(?:,|,?\s*and|&)\s*")
"""Between a demonym read alone and a state's mention: the two share its head noun."""
_QUALIFIED = re.compile(r"\s+(?:[a-z][a-z-]*\s+){1,2}")
"""Between a demonym read alone and a state's mention with no country: a word or two that
qualify the mention ('an Indian paramilitary soldier', 'Israeli border police': v42)."""
_REGIME_AND = re.compile(r"\bregime\s*(?:,|,?\s*and|&)\s*$", re.IGNORECASE)
_JOIN = re.compile(r"\s*(?:,|,?\s*and|&|along with|together with|as well as)\s*", re.I)
_CLAUSE_END = re.compile(r"[.;:!?]\s|\b(?:but|while|after|when|by)\b", re.I)
_BLAMED_FOR = re.compile(r"\s+(?:of|for|responsible)\b", re.IGNORECASE)
_ITS = re.compile(r"\bits\s+$", re.IGNORECASE)
_WHERE_BEFORE = re.compile(rf"\b(?:{WHERE}|from|near|at|outside)\s+(?:the\s+)?$",
                           re.IGNORECASE)
"""Before a country's name: the place where a party is, not the state ('militants in Gaza
fired rockets': v72)."""
_SENTENCE_END = re.compile(r"[.;!?]\s")


class Actors:
    """The stage: every dictionary match becomes a mention, words first; the context country
    is left to ``localize`` (the assembly stage calls it once places are known)."""

    name = NAME

    def __init__(self, dictionary: Dictionary) -> None:
        self.dictionary = dictionary

    def __call__(self, doc: Analysis) -> None:
        when = when_of(doc)
        found: list[tuple[ActorMention, int]] = []
        generic: set[int] = set()
        """Which of ``found`` are generic words ('fighters', 'soldiers', 'militants')."""
        owner: tuple[int, str] | None = None
        """Where the words after a country's possessive start, and the country."""
        demonym: tuple[int, int, str] | None = None
        """The last demonym read alone: whose head noun may come after 'and' (v13)."""
        spoke: tuple[int, str] | None = None
        """Where the last state that spoke ends ('Turkey denied'), and the state (v30)."""
        for start, end, hits in self.dictionary.match(doc.text):
            if _OPPOSED.search(doc.text, max(0, start - 8), start):
                continue  # 'anti-Houthi forces' are the Houthis' enemies (v2)
            if (_HOLDING.match(doc.text, end) or _AFFILIATED.match(doc.text, end)
                    or _SPONSORING.match(doc.text, end)) or (
                    _FORMER.search(doc.text, max(0, start - 8), start)
                    and _OFFICE.search(doc.text, start, end)):
                continue  # 'rebel-held Idlib' names a territory, not a party to it (v11)
            last = found[-1] if found else None
            state = None if (chosen := choose(self.dictionary, hits, None)) else self._state(
                doc.text, start, end, hits)
            hit = chosen or state or self._joined(doc.text, start, hits, last)
            if state is not None and state.country:
                spoke = (end, state.country)
            if hit is None:
                owner = _possessor(doc.text, end, hits) or owner
                demonym = next(((start, end, h.country) for h in hits
                                if h.entry == DEMONYM and h.country), None)
                continue
            if self.dictionary.entries[hit.entry].role == "ignore":
                continue  # 'the Russian and Chinese embassies' name no party either
            if self.dictionary.entries[hit.entry].is_template:
                for first, stop, country in _elided(doc.text, start, demonym, last):
                    found.append((mention_for(self.dictionary, doc, first, stop,
                                              Hit(hit.entry, country), None, when), hit.entry))
            if owner and owner[0] == start and hit.country is None and (
                    self.dictionary.entries[hit.entry].is_template):
                hit = Hit(hit.entry, owner[1])  # "Turkey's defence ministry" is Turkey's (v7)
            elif demonym and hit.country is None and self.dictionary.entries[
                    hit.entry].is_template and _QUALIFIED.fullmatch(doc.text, demonym[1], start):
                hit = Hit(hit.entry, demonym[2])  # "an Indian paramilitary soldier" (v42)
            hit = self._its(doc.text, start, hit, spoke)
            if self._extends_last(doc, found, generic, hit, (start, end), when):
                continue
            if hit.contextual or self.dictionary.entries[hit.entry].country == "*":
                generic.add(len(found))
            found.append((mention_for(self.dictionary, doc, start, end, hit, None, when),
                          hit.entry))
        found = self._peoples(doc, found, when)
        doc.actors.extend(self._protesting(doc, found, when))

    def _peoples(self, doc: Analysis, found: list[tuple[ActorMention, int]],
                 when: date | None) -> list[tuple[ActorMention, int]]:
        """``found`` with the militias named after their peoples (``actor_peoples``, v85):
        each a row of the dictionary where it has one ('Tiv militias'), else named after
        its people; the generic mention of their common word ('communal militias') gives
        way to them."""
        d = self.dictionary
        named = peoples_militias(doc.text, lambda people: bool(d.match(people)))
        added: list[tuple[ActorMention, int]] = []
        for start, end, people, clan in named:
            inside = [f for f in found if start <= f[0].span.start and f[0].span.end <= end]
            if any(f[0].span.start < end and start < f[0].span.end and f not in inside
                   for f in found):
                continue  # words of a party read already
            words = f"{people} militia"
            hits = [h for s, e, hs in d.match(words) if (s, e) == (0, len(words)) for h in hs]
            hit = choose(d, hits, None)
            if hit is not None:
                added.append((mention_for(d, doc, start, end, hit, None, when), hit.entry))
            else:
                added.append((ActorMention(doc.span(start, end), militia_name(people, clan), 4,
                                           None, "communal"),
                              d.unresolved["Unidentified Communal Militia"]))
            found = [f for f in found if f not in inside]
        return sorted(found + added, key=lambda f: f[0].span.start)

    def _extends_last(self, doc: Analysis, found: list[tuple[ActorMention, int]],
                      generic: set[int], hit: Hit, where: tuple[int, int],
                      when: date | None) -> bool:
        """Whether ``hit`` extends the mention found last, which it then replaces: its head
        noun right after it ('Nigerian Army soldiers'), or the group that generic members
        before it belong to ('fighters of the SNA', 'militants linked to IS': v83)."""
        if not found:
            return False
        (mention, entry), (start, end) = found[-1], where
        if self._head(entry, hit) and not doc.text[mention.span.end:start].strip(" \t\n()"):
            found[-1] = (replace(mention, span=doc.span(mention.span.start, end)), entry)
            return True
        if len(found) - 1 in generic and self._members(mention, hit, doc.text[start:end]) and (
                _OF.fullmatch(doc.text, mention.span.end, start)
                or _LINKED.fullmatch(doc.text, mention.span.end, start)):
            found[-1] = (mention_for(self.dictionary, doc, mention.span.start, end, hit, None,
                                     when), hit.entry)
            generic.discard(len(found) - 1)
            return True
        return False

    def _joined(self, text: str, start: int, hits: list[Hit],
                last: tuple[ActorMention, int] | None) -> Hit | None:
        """'military forces of India and Pakistan': a country's name joined by 'and' to a
        mention of a country's template names that template for this country too."""
        name = next((h for h in hits if h.entry == -1), None)
        if name is None or last is None or last[0].country is None:
            return None
        if not self.dictionary.entries[last[1]].is_template or not _JOIN.fullmatch(
                text[last[0].span.end : start]):
            return None
        return Hit(last[1], name.country)

    def _head(self, before: int, hit: Hit) -> bool:
        """Whether ``hit`` is the head noun of the actor named right before it: more words of
        the same row ('Nigerian Army soldiers'), or a generic word of the same kind ('LNA air
        force', 'Houthi fighters' after a named force are that force, not another), or any
        generic armed word after a named armed group ('NLF fighters': v10)."""
        if before == hit.entry:
            return True
        if hit.country is not None:
            return False
        entry, named = self.dictionary.entries[hit.entry], self.dictionary.entries[before]
        # a rebel group's name whose country the context gives ('Islamic State (IS)
        # militants': v54) is named as much as one of a fixed country
        return entry.country == "*" and (not named.is_template or named.inter == REBELS) and (
            entry.inter == named.inter or (entry.inter in ARMED and named.inter in ARMED))

    def _members(self, generic: ActorMention, hit: Hit, name: str) -> bool:
        """Whether the generic armed mention ``generic`` ('fighters', 'soldiers',
        'militants') is followed by the armed group it belongs to, named as a proper name
        (``name``, its words: 'fighters of the Syrian National Army', 'militants of the
        Islamic State')."""
        named = self.dictionary.entries[hit.entry]
        return (generic.inter in ARMED and named.inter in ARMED and not hit.contextual
                and name.removeprefix("the ")[:1].isupper())

    def _its(self, text: str, start: int, hit: Hit, spoke: tuple[int, str] | None) -> Hit:
        """'Turkey denied that its forces had targeted civilians': a state's template after
        'its' in the sentence of a state that spoke is that state's (v30)."""
        if spoke is None or hit.country is not None or not (
                self.dictionary.entries[hit.entry].is_template):
            return hit
        if _ITS.search(text, max(0, start - 6), start) and not _SENTENCE_END.search(
                text, spoke[0], start):
            return Hit(hit.entry, spoke[1])
        return hit

    def _state(self, text: str, start: int, end: int, hits: list[Hit]) -> Hit | None:
        """'Russia said', "Russia's allegations", 'blamed Russia for' (v38): the country's name
        is the state acting or blamed; 'Moscow said', 'Damascus and Moscow blamed', 'Russia and
        Turkey said': a capital, or names joined, followed by speech, are the states speaking;
        not a name after 'in', 'from' ('militants in Gaza fired': v72)."""
        d = self.dictionary
        name = next((h for h in hits if h.entry in (-1, CAPITAL)), None)
        if name is None or not text[start].isupper() or _WHERE_BEFORE.search(
                text, max(0, start - 12), start):
            return None
        acting = name.entry == -1 and (d.agentive.match(text, end) or (
            _BLAMED_FOR.match(text, end) and d.accused.search(text, max(0, start - 20), start)))
        if not (acting or d.speaking.match(text, end)):
            return None
        return Hit(d.unresolved["Military Forces"], name.country)

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


def _elided(text: str, start: int, demonym: tuple[int, int, str] | None,
            last: tuple[ActorMention, int] | None) -> list[tuple[int, int, str | None]]:
    """The parties whose head noun a state's mention starting at ``start`` shares, named
    right before it and joined by 'and' or a comma: a demonym read alone ('Syrian and
    Russian forces', 'Russian and Turkish troops') or 'regime' ('regime and Russian
    forces': the country of the text), unless the mention before already holds it ('the
    regime and Russian forces': 'the regime' is a party of its own); v13."""
    if demonym is not None and _ELIDED.fullmatch(text, demonym[1], start):
        return [demonym]
    regime = _REGIME_AND.search(text, max(0, start - 30), start)
    if regime is None or (last is not None and last[0].span.end > regime.start()):
        return []
    return [(regime.start(), regime.start() + len("regime"), None)]


def _possessor(text: str, end: int, hits: list[Hit]) -> tuple[int, str] | None:
    """A country's name in the possessive ("Turkey's "): where the words it owns start, and
    the country; None for anything else."""
    country = next((h.country for h in hits if h.entry == -1 and h.country), None)
    after = _POSSESSIVE.match(text, end) if country else None
    return (after.end(), country) if after and country else None


def _same_clause(between: str) -> bool:
    return len(between) <= 80 and not _CLAUSE_END.search(between)


def create(options: Options) -> Actors:
    return Actors(load(tuple(options.actor_files)))
