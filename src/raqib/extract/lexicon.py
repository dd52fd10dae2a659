"""Word lists under ``resources/lexicon``, and matching their phrases against text.

``read_lexicon`` reads one TSV file of that folder, skipping '#' comments and blank lines; the
dates, numbers and weapons stages all read their words with it. ``words_of`` splits text into
the lower-cased word tokens the numbers stage works on (``TOKEN``), and ``Phrases`` finds a
list's phrases among those tokens, longest first, starting at a token or ending just before
one. ``Lexicon`` gathers the numbers stage's word lists (numbers.tsv, vague.tsv, nouns.tsv,
casualties.tsv) into those tables, read once per stage instance. Arabic phrases are kept
folded (``raqib.search.folding``), and ``Lexicon.vocabulary`` holds every word of the lists,
so that a text's Arabic word can be read as the list holds it (``raqib.extract.arabic``).
"""

from __future__ import annotations

import re
from importlib import resources

from raqib.search.folding import fold

TOKEN = re.compile(r"\d+(?:,\d{3})+(?!\d)|\d+|[^\W\d_]+(?:['’][^\W\d_]+)*|[^\w\s]")


def read_lexicon(name: str) -> list[list[str]]:
    """Rows of a TSV file in ``resources/lexicon``: '#' comments and blank lines skipped."""
    path = resources.files("raqib").joinpath("resources", "lexicon", name)
    rows: list[list[str]] = []
    for line in path.read_text(encoding="utf-8").splitlines():
        if line.strip() and not line.startswith("#"):
            rows.append([cell.strip() for cell in line.split("\t")])
    return rows


def words_of(text: str) -> list[str]:
    return [match.group().lower() for match in TOKEN.finditer(text)]


class Phrases:
    """Phrases of lower-cased tokens, found longest first at a token or ending before one."""

    def __init__(self) -> None:
        self._first: dict[str, list[tuple[tuple[str, ...], str]]] = {}
        self._last: dict[str, list[tuple[tuple[str, ...], str]]] = {}
        self.vocabulary: set[str] = set()

    def add(self, phrase: str, value: str) -> None:
        words = tuple(words_of(fold(phrase)))
        self.vocabulary.update(words)
        for index, key in ((self._first, words[0]), (self._last, words[-1])):
            entries = index.setdefault(key, [])
            entries.append((words, value))
            entries.sort(key=lambda entry: -len(entry[0]))

    def at(self, words: list[str], i: int) -> tuple[int, str] | None:
        """(length, value) of the longest phrase starting at token ``i``."""
        for phrase, value in self._first.get(words[i], ()):
            if tuple(words[i : i + len(phrase)]) == phrase:
                return len(phrase), value
        return None

    def ending(self, words: list[str], end: int) -> tuple[int, str] | None:
        """(start, value) of the longest phrase that ends just before token ``end``."""
        for phrase, value in self._last.get(words[end - 1], ()) if end > 0 else ():
            start = end - len(phrase)
            if start >= 0 and tuple(words[start:end]) == phrase:
                return start, value
        return None


class Lexicon:
    """The numbers stage's word lists, read once per stage instance."""

    def __init__(self) -> None:
        self.words: dict[str, tuple[str, int]] = {}
        self.modifiers = Phrases()
        for phrase, kind, value in read_lexicon("numbers.tsv"):
            if kind == "modifier":
                self.modifiers.add(phrase, value)
            else:
                self.words[fold(phrase)] = (kind, int(value))
        self.vague = Phrases()
        self.plural = 10
        for phrase, value, _source in read_lexicon("vague.tsv"):
            if phrase == "<plural>":
                self.plural = int(value)
            else:
                self.vague.add(phrase, value)
        self.nouns = {fold(row[0]): (row[1], row[2]) for row in read_lexicon("nouns.tsv")}
        self.terms, self.before, self.tolls = Phrases(), Phrases(), Phrases()
        self.zero, self.selfs, self.unknowns = Phrases(), Phrases(), Phrases()
        self.roles: dict[str, set[str]] = {}
        for phrase, role, kind in read_lexicon("casualties.tsv"):
            self._add_term(fold(phrase), role, kind)
        self.vocabulary: set[str] = {*self.words, *self.nouns, *self.modifiers.vocabulary,
                                     *self.vague.vocabulary}
        for table in (self.terms, self.before, self.tolls, self.zero, self.selfs,
                      self.unknowns):
            self.vocabulary |= table.vocabulary
        for phrases in self.roles.values():
            self.vocabulary |= {word for phrase in phrases for word in words_of(phrase)}

    def _add_term(self, phrase: str, role: str, kind: str) -> None:
        if role in ("verb", "after"):
            self.terms.add(phrase, f"{role}:{kind}")
        if role in ("verb", "before"):
            self.before.add(phrase, kind)
        table = {"toll": self.tolls, "zero": self.zero, "self": self.selfs,
                 "unknown": self.unknowns}.get(role)
        if table is not None:
            table.add(phrase, kind)
        self.roles.setdefault(role, set()).add(phrase)

    def role(self, name: str) -> set[str]:
        return self.roles.get(name, set())
