"""Weapons: the means of an attack, normalised to a small set of classes.

The text is split into words once; each word looks up the lexicon's phrases that start with
it (``resources/lexicon/weapons.tsv``), longest first, so that "drone strike" wins over
"strike" and "suicide car bomb" over "car bomb". A phrase's words may be separated by spaces
or hyphens ("air-strike"), and its last word may take a plural ending. Each match is a
``WeaponMention`` with its span and class ('air strike', 'barrel bomb', 'drone strike',
'artillery', 'chemical', 'IED', 'suicide bomb', 'grenade', 'small arms', 'knife/blade',
'arson'). Arabic phrases are kept folded, and an Arabic word of the text is read as written
and then without its front letters ("بالمدفعية", with the artillery: "مدفعية";
``raqib.extract.arabic``; extract.weapons.v3 knows chemical rockets, missiles, projectiles,
warheads, canisters and substances; v4 the verb "bombard", as "bombardment").
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from raqib.extract.arabic import readings
from raqib.extract.lexicon import read_lexicon
from raqib.extract.model import Analysis, Options, WeaponMention
from raqib.search.folding import fold

LEXICON = "weapons.tsv"
NO_WEAPON = "-"
"""The class of a phrase that names no weapon though a shorter phrase in it does ("shot down":
a drone downed, not small arms; v5)."""
_WORD = re.compile(r"[^\W_]+")
_GAP = re.compile(r"[\s\-‐-―]+")


@dataclass(frozen=True)
class _Entry:
    words: tuple[str, ...]
    """The phrase's words as written (compared lower-cased unless case-sensitive)."""
    weapon: str
    case_sensitive: bool


def _forms(word: str) -> list[str]:
    """The word and what it would be without a plural ending; an Arabic word, its readings
    (folded, then without its front letters)."""
    if not word.isascii():
        arabic = readings(word)
        if arabic != [word]:
            return arabic
    forms = [word]
    if word.endswith("es"):
        forms.append(word[:-2])
    if word.endswith("s"):
        forms.append(word[:-1])
    return forms


class Weapons:
    name = "extract.weapons.v8"

    def __init__(self, rows: list[list[str]]) -> None:
        self._index: dict[str, list[_Entry]] = {}
        for row in rows:
            words = tuple(_WORD.findall(fold(row[0])))
            entry = _Entry(words, row[1], len(row) > 2 and row[2] == "c")
            self._index.setdefault(words[0].lower(), []).append(entry)
        for entries in self._index.values():
            entries.sort(key=lambda entry: -len(entry.words))

    def find(self, text: str) -> list[tuple[int, int, str]]:
        """(start, end, class) of every weapon phrase in ``text``, in order."""
        tokens = list(_WORD.finditer(text))
        found: list[tuple[int, int, str]] = []
        i = 0
        while i < len(tokens):
            hit = self._match(text, tokens, i)
            if hit is None:
                i += 1
                continue
            length, weapon = hit
            if weapon != NO_WEAPON:
                found.append((tokens[i].start(), tokens[i + length - 1].end(), weapon))
            i += length
        return found

    def _match(self, text: str, tokens: list[re.Match[str]], i: int) -> tuple[int, str] | None:
        first = tokens[i].group()
        for form in _forms(first.lower()):
            for entry in self._index.get(form, ()):
                if self._fits(text, tokens, i, entry):
                    return len(entry.words), entry.weapon
        return None

    def _fits(self, text: str, tokens: list[re.Match[str]], i: int, entry: _Entry) -> bool:
        size = len(entry.words)
        if i + size > len(tokens):
            return False
        for offset, expected in enumerate(entry.words):
            token = tokens[i + offset]
            if offset and not _GAP.fullmatch(text, tokens[i + offset - 1].end(), token.start()):
                return False
            actual = token.group()
            if not entry.case_sensitive:
                actual, expected = actual.lower(), expected.lower()
            if offset == 0 or not actual.isascii():
                if expected not in _forms(actual):
                    return False
                continue
            last = offset == size - 1
            if actual != expected and not (last and expected in _forms(actual)):
                return False
        return True

    def __call__(self, doc: Analysis) -> None:
        for start, end, weapon in self.find(doc.text):
            doc.weapons.append(WeaponMention(doc.span(start, end), weapon))


def create(options: Options) -> Weapons:
    return Weapons(read_lexicon(LEXICON))
