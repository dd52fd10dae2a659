"""Militias named after their people (actors v85): 'Fellata and Rizeigat communal militias
clashed', 'Bari militia', 'clashes between the Nuer and Anuak communities'.

ACLED names such a militia after its people, '{people} Ethnic Militia ({country})', and a
clan's, in Somalia or wherever the text calls it a clan, '{people} Clan Militia ({country})'.
A people the dictionary has a row for keeps its row ('Tiv militias' is the dictionary's Tiv
Ethnic Militia (Nigeria)); a name the dictionary knows as anything else (a country, a
demonym, a group) is no people here. The country is the document's, given by ``localize``
once places are known (``named``).
"""

from __future__ import annotations

import re
from collections.abc import Callable

_NAME = r"(?!(?:Ethnic|Communal|Tribal|Clan|Sub-[Cc]lan|Militias?|Militiam[ae]n)\b)" \
    r"[A-Z][a-z]+(?:[-'’][A-Z]?[a-z]+)?"
_PEOPLE = rf"{_NAME}(?:\s+{_NAME})?"
_JOINED = r"\s*(?:,|\band\b|&)\s*(?:the\s+)?"
_MILITIA = re.compile(
    rf"\b(?:(?P<a>{_PEOPLE}){_JOINED})?(?P<b>{_PEOPLE})\s+(?P<head>(?i:"
    r"(?:ethnic\s+|communal\s+|tribal\s+|(?:sub-)?clan\s+)?(?:militias?|militiam[ae]n)))\b")
"""A people's name, or two joined, before the word for their militia ('Bari militia',
'Salamat and Fellata militia', 'Tiv and Ichen Ethnic Militias')."""
_BETWEEN = re.compile(
    rf"\bbetween\s+(?:the\s+)?(?P<a>{_PEOPLE})\s+and\s+(?:the\s+)?(?P<b>{_PEOPLE})\s+"
    r"(?P<head>(?i:(?:ethnic\s+)?(?:groups|communities|tribes|(?:sub-)?clans)))\b")
"""Two peoples who fought as peoples ('clashes between the Nuer and Anuak ethnic groups',
'between Tabu and Tuareg tribes')."""
_NOT_A_PEOPLE = frozenset((
    "the", "a", "an", "armed", "suspected", "local", "rival", "unidentified", "unknown",
    "alleged", "allegedly", "two", "three", "four", "several", "some", "many", "other", "both",
    "their", "his", "its", "these", "those", "such", "new", "former", "pro", "anti", "government",
    "opposition", "rebel", "rebels", "islamist", "islamic", "jihadist", "christian", "christians",
    "muslim", "muslims", "shia", "shiite", "sunni", "kurdish", "arab", "arabs", "druze",
    "alawite", "hindu", "buddhist", "tribal", "ethnic", "communal", "village", "villages", "clan",
    "clans", "self", "defence", "defense", "vigilante", "vigilantes", "youth", "youths",
    "militia", "militias", "allied", "loyalist", "loyalists", "sectarian", "criminal", "bandit",
    "bandits", "community", "communities", "civilian", "civil", "police", "army", "military",
    "national", "popular", "regional", "state", "federal", "private", "catholic", "protestant",
    "clashes", "fighting", "violence", "attacks", "renewed", "fresh", "heavy", "between", "and",
    "on", "in", "at", "near", "when", "after", "during", "as", "gunmen", "fighters", "herders",
    "farmers", "herdsmen", "residents",
))
"""Capitalised words that are no people's name (a sentence's first word, a group's kind)."""
_WORD = re.compile(r"\S+")
_CLAN_COUNTRIES = frozenset({"Somalia"})
_NAMED = re.compile(r"(?P<people>.+) (?P<kind>Ethnic|Clan) Militia")


def peoples_militias(text: str, known: Callable[[str], bool]
                     ) -> list[tuple[int, int, str, bool]]:
    """Where ``text`` names militias after their peoples: (start, end, people, clan) for each
    people's name; ``known``: whether the dictionary knows a name as anything (then it is
    not read here). The span of a name followed by the militia's word holds that word."""
    out: list[tuple[int, int, str, bool]] = []
    for pattern in (_MILITIA, _BETWEEN):
        for m in pattern.finditer(text):
            clan = "clan" in m.group("head").lower()
            for group in ("a", "b"):
                if m.group(group) is None:
                    continue
                first = m.start(group)
                words = list(_WORD.finditer(text, first, m.end(group)))
                if first and not text[first - 1].isspace():
                    words = words[1:]  # '(Dinka': a word that began before the name
                while words and words[0].group().lower() in _NOT_A_PEOPLE:
                    words.pop(0)  # 'Armed Bari militia': the people is Bari
                if not words or any(w.group().lower() in _NOT_A_PEOPLE for w in words):
                    continue
                start, end = words[0].start(), words[-1].end()
                people = " ".join(w.group() for w in words)
                if known(people):
                    continue
                stop = m.end("head") if group == "b" and pattern is _MILITIA else end
                out.append((start, stop, people, clan))
    return sorted(set(out))


def militia_name(people: str, clan: bool) -> str:
    """The name a people's militia has before its country is known."""
    return f"{people} {'Clan' if clan else 'Ethnic'} Militia"


def named(name: str, country: str, town: bool = False) -> str | None:
    """A people's militia's name (``militia_name``) for ``country``; None for any other
    name. ``town``: the people is named after a town of that country ('Misrata militias':
    ACLED's Misratah Communal Militia)."""
    m = _NAMED.fullmatch(name)
    if m is None:
        return None
    kind = "Communal" if town else "Clan" if country in _CLAN_COUNTRIES else m.group("kind")
    return f"{m.group('people')} {kind} Militia ({country})"
