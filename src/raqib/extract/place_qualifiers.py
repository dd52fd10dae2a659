"""What the words around a place name say about its country: a country after a comma
('Tripoli, Lebanon'), a country's possessive before it ("Syria's Madaya"), a country it is
said to lie in ('the village of Solhan in northern Burkina Faso', 'the Mozambican town of
Palma'), and a capital named by its country's demonym ('the Somali capital'). Used by
``raqib.extract.places``."""

from __future__ import annotations

import re
from collections.abc import Iterable

from raqib.extract.place_rules import Match, Window, cached_key, speaks

COUNTRY_AFTER = re.compile(r"\s*,\s*((?:[A-Z][\w'’.-]*\s?){1,4})")
COUNTRY_IN = re.compile(
    r",?\s+(?:(?:a|an|the)\s+(?:small\s+)?(?:village|town|city|camp|locality)\s+)?in\s+"
    r"(?:the\s+)?(?:(?:north|south|east|west|central|north-?east|north-?west|south-?east|"
    r"south-?west)(?:ern)?\s+)?([A-Z][\w'’.-]*(?:\s+(?:of\s+(?:the\s+)?)?[A-Z][\w'’.-]*){0,4})")
"""A country a town is said to lie in ('the village of Solhan in northern Burkina Faso',
'Solhan, a village in Burkina Faso'; places v46): only a place of that country is the
town."""
_KIND_OF_BEFORE = re.compile(
    r"(?<![\w'’-])([A-Z][\w'’-]+)\s+(?:[a-z][\w-]*\s+){0,2}?(?:town|city|village|port|camp|"
    r"locality|hamlet|settlement|enclave)\s+of\s+$")
"""A country's demonym or possessive before the word for a town ('the northern Mozambican town
of Palma', "Mozambique's coastal town of Palma"): the town lies in that country (v82)."""
_APPOSED = re.compile(r"\s*,\s+the\s+([A-Z][\w'’-]+)\s+capital\b")
"""An apposition that names the place's country by its demonym ('Tripoli, the Libyan
capital'; places v62)."""
CAPITAL_OF = re.compile(r"(?:(?<=\bthe\s)([A-Z][\w'’-]+)|(?<![\w'’-])((?:[A-Z][\w-]+\s+){0,2}"
                        r"[A-Z][\w-]+)['’]s)\s+capital\b(?!\s+(?:region|district|province|"
                        r"territory)\b)(?!,?\s+[A-Z])")
"""A country's capital named by its demonym ('the Somali capital': Mogadishu; places v64) or
by the country's possessive ('Pakistan's capital': Islamabad; v73), not when its name follows
('the Yemeni capital, Sanaa' names it twice) or comes before it (``_NAMED_BEFORE``: 'Tripoli,
the Libyan capital')."""
_NAMED_BEFORE = re.compile(r"[A-Z][\w'’-]*\s*,\s+the\s+$")
_POSSESSIVE = re.compile(r"(?:['’ʼ]s|(?<=[^\W\d_]{4})s)$")
_WORD_BEFORE = re.compile(r"(\S+)\s+$")
_WORDS_BEFORE = re.compile(r"((?:\S+\s+)?\S+)\s+$")
"""The two words before a possessive: a country's name has three at most ("Central African
Republic's")."""


class CountryWords:
    """Reads the country words around matches, given the keys of every country's names
    (``name_key`` -> ISO code)."""

    def __init__(self, country_keys: dict[str, str], demonyms: dict[str, str] | None = None,
                 capitals: Iterable[tuple[str, str]] = (),
                 shared: dict[str, frozenset[str]] | None = None) -> None:
        self.country_keys = country_keys
        self.key_of = {code: key for key, code in country_keys.items()}
        """A key of each country's names, by its ISO code."""
        self.shared = shared or {}
        """The ISO codes of the other countries an alias names too ('Congo'), by its key."""
        self.demonyms = demonyms or {}
        """ISO codes by the key of each demonym ('libyan')."""
        self.capitals = dict(capitals)
        """The key of each country's capital, by its ISO code."""

    def capital_windows(self, text: str) -> list[Window]:
        """'the Somali capital', 'Pakistan's capital': a window over the demonym or the
        possessive and 'capital' whose key is the capital's name (v64, v73); ``read`` then
        keeps the match to that country."""
        return [Window(m.start(), m.end(), 2, key) for m in CAPITAL_OF.finditer(text)
                if (key := self.capitals.get(self._capital_country(m) or ""))
                and not _NAMED_BEFORE.search(text, max(0, m.start() - 60), m.start())]

    def _capital_country(self, named: re.Match[str]) -> str | None:
        """The ISO code of the country whose capital ``named`` (a ``CAPITAL_OF`` match) names:
        by its demonym or by its name in the possessive."""
        if named.group(1):
            return self.demonyms.get(cached_key(named.group(1)))
        return self.country_keys.get(cached_key(named.group(2)))

    def read(self, text: str, match: Match) -> None:
        """Set what the words around ``match`` say of its country: its context (a country
        after a comma, a possessive before it) and the country it lies in."""
        self._after(text, match)
        self._apposed(text, match)
        self._before(text, match)
        self._lies_in(text, match)
        self._kind_of(text, match)
        if named := CAPITAL_OF.fullmatch(text, match.window.start, match.window.end):
            match.lies_in = self._capital_country(named)
        self.widen(match)

    def possessive(self, word: str) -> str | None:
        """The key of the country that ``word`` is the possessive of ("Syria's", and
        "Syrias" as scraped text prints it without its apostrophe), or None."""
        if not word.endswith("s"):  # most words: no regex
            return None
        stem = _POSSESSIVE.sub("", word)
        if stem == word:
            return None
        key = cached_key(stem)
        return key if key in self.country_keys else None

    def _lies_in(self, text: str, match: Match) -> None:
        """'the village of Solhan in northern Burkina Faso': a town said to lie in a country is
        none of its namesakes elsewhere (Solhan, Turkey), unless it is a country itself; the
        country only excludes, it does not make the name surer (v46)."""
        after = COUNTRY_IN.match(text, match.window.end)
        if after and all(p.kind != "country" for p in match.candidates):
            found = self._country(after.group(1))
            match.lies_in = self.country_keys[found[1]] if found else None

    def _kind_of(self, text: str, match: Match) -> None:
        """'the northern Mozambican town of Palma': the town lies in the country the demonym or
        the possessive names, as after 'in' (``_lies_in``): none of its namesakes abroad."""
        if match.lies_in or any(p.kind == "country" for p in match.candidates):
            return
        before = _KIND_OF_BEFORE.search(text, max(0, match.window.start - 60),
                                        match.window.start)
        if not before:
            return
        word = before.group(1)
        key = self.possessive(word)
        match.lies_in = self.country_keys[key] if key else self.demonyms.get(cached_key(word))

    def _apposed(self, text: str, match: Match) -> None:
        """'Tripoli, the Libyan capital': a demonym in an apposition qualifies the place as
        its country named after a comma does (v62)."""
        after = _APPOSED.match(text, match.window.end)
        code = self.demonyms.get(cached_key(after.group(1))) if after else None
        key = self.key_of.get(code) if code else None
        if key and key not in match.context:
            match.context.append(key)

    def possessive_at(self, text: str, start: int, end: int) -> str | None:
        """The key of the country whose possessive ends with the word at ``start:end``, the
        whole of a name of several words ("South Sudan's" is not Sudan's: v63), or None."""
        if not text.endswith("s", start, end):  # most words: no regex
            return None
        if not text.endswith(("'s", "’s"), start, end):  # "Syrias", as scraped text has it
            return self.possessive(text[start:end])
        before = _WORDS_BEFORE.search(text, max(0, start - 40), start)
        words = [*(before.group(1).split() if before else []), text[start:end]]
        return next((k for n in range(len(words), 0, -1)
                     if (k := self.possessive(" ".join(words[-n:])))), None)

    def _before(self, text: str, match: Match) -> None:
        """"Syria's Madaya": a country's possessive before the place qualifies it."""
        before = _WORD_BEFORE.search(text, max(0, match.window.start - 40), match.window.start)
        key = self.possessive_at(text, before.start(1), before.end(1)) if before else None
        if key and key not in match.context:
            match.context.append(key)

    def _after(self, text: str, match: Match) -> None:
        """'Tripoli, Lebanon': a country named after a comma qualifies the place; one that
        speaks ('... in Maarrat an Numan, Russia said') does not (v5)."""
        after = COUNTRY_AFTER.match(text, match.window.end)
        found = self._country(after.group(1)) if after else None
        if found and found[1] not in match.context and not speaks(
                text, after.start(1) + found[0]):
            match.context.append(found[1])

    def shared_qualifier(self, match: Match) -> bool:
        """A name two countries share that qualifies the town before it ('Brazzaville,
        Congo'): the town's country is the one meant, so the name casts no country vote."""
        return match.qualifier and match.window.key in self.shared

    def widen(self, match: Match) -> None:
        """Add to ``match``'s context the other countries an alias in it names too: 'Congo'
        after a comma qualifies a town of either Congo ('Brazzaville, Congo'; places v98)."""
        match.context += [key for named in list(match.context)
                          for code in sorted(self.shared.get(named, ()))
                          if (key := self.key_of.get(code)) and key not in match.context]

    def _country(self, words: str) -> tuple[int, str] | None:
        """(the length, the key) of the longest run of ``words``' first words that names a
        country, or None."""
        split = words.split()
        for n in range(len(split), 0, -1):
            name = " ".join(split[:n])
            if (key := cached_key(name)) in self.country_keys:
                return len(name), key
        return None
