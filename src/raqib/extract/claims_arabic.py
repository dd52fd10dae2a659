"""Attribution in Arabic sentences (extract.claims.v3): who says what, with which stance.

Arabic news opens a clause with its reporting verb, then who speaks, then what was said after
أن or إن: "أكد الائتلاف الوطني السوري أن ..." (the Syrian Coalition affirmed that ...), "قالت
وزارة الدفاع الروسية في بيان إن ..." (the Russian defence ministry said in a statement that
...). The English rules of ``raqib.extract.claims`` look for a speaker before the verb, so
this module reads such clauses on its own: the verb (``resources/claims/arabic.tsv``, read
as ``raqib.extract.arabic`` reads words: folded, then without its front letters), the
claimant up to أن/إن, a comma, a colon or an adjunct (في بيان), and the content to the end
of the sentence. A verb with no أن or إن in reach ("اتهمت وزارة الدفاع الروسية المجموعات
الإرهابية بـ ...": accused Y of ...) takes as claimant the first actor the actors stage
found after it, and as content what follows that actor. "According to X" (وفقا ل, حسب,
بحسب, نقلا عن) gives a hedged assertion.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import cache
from importlib import resources

from raqib.extract.arabic import ARABIC, known
from raqib.extract.claims_speaker import Found
from raqib.extract.model import ActorMention
from raqib.search.folding import fold

WORD = re.compile(r"[^\s،,:؛;.!?؟\"“”()]+|[،,:؛;]")
THAT = frozenset({"ان", "بان", "انه", "انها", "بانه", "بانها"})
"""أن and إن (and with ب or a pronoun), folded: the content follows."""
STOPS = frozenset({"،", ",", ":", "؛", ";"})
ADJUNCTS = frozenset({"في", "خلال", "عبر", "امس", "اليوم"})
"""Words that end a claimant: 'في بيان' (in a statement), 'أمس' (yesterday)."""
REACH = 10
"""Words a claimant may take after its verb before أن/إن must have come."""


@dataclass(frozen=True)
class Word:
    text: str
    start: int
    end: int

    @property
    def key(self) -> str:
        return fold(self.text)


@cache
def table() -> dict[str, tuple[str, str, bool]]:
    """Folded form -> (kind, stance, hedged), read once."""
    path = resources.files("raqib").joinpath("resources", "claims", "arabic.tsv")
    found: dict[str, tuple[str, str, bool]] = {}
    for line in path.read_text(encoding="utf-8").splitlines():
        if line.strip() and not line.startswith("#"):
            form, kind, stance, hedged = line.split("\t")
            found[fold(form)] = (kind, stance, hedged == "1")
    return found


def _entry(word: Word) -> tuple[str, str, bool] | None:
    """The word's attribution entry, read as written and then without its front letters
    ("وقال", and said: "قال")."""
    return table().get(known(word.text, table()))


def claims(text: str, a: int, b: int, actors: list[ActorMention]) -> list[Found]:
    """The attributions of the sentence ``text[a:b]`` when it is written in Arabic."""
    if not ARABIC.search(text, a, b):
        return []
    words = [Word(m.group(), m.start(), m.end()) for m in WORD.finditer(text, a, b)]
    for i, word in enumerate(words):
        entry = _entry(word)
        if entry is None:
            continue
        kind, stance, hedged = entry
        found = (_source if kind == "source" else _verb)(text, words, i, b, actors)
        if found is not None:
            claimant, start, end = found
            return [Found(text[claimant[0]:claimant[1]], claimant, stance, start, end, hedged)]
    return []


def _verb(text: str, words: list[Word], i: int, b: int, actors: list[ActorMention]
          ) -> tuple[tuple[int, int], int, int] | None:
    """(claimant span, content start, content end) of VERB CLAIMANT [adjunct] أن CONTENT."""
    after = words[i + 1:i + 1 + REACH]
    that = next((k for k, w in enumerate(after) if w.key in THAT), None)
    if that is not None:
        ends = [k for k, w in enumerate(after[:that]) if w.text in STOPS or w.key in ADJUNCTS]
        last = min(ends, default=that)
        opening = i + 1 + that + 1  # the content's first word (beyond the claimant's reach too)
        if last == 0 or opening >= len(words):
            return None
        return (after[0].start, after[last - 1].end), words[opening].start, _end(text, b)
    speaker = next((x for x in actors if words[i].end <= x.span.start
                    and x.span.start - words[i].end <= 2 and x.span.end <= b), None)
    if speaker is None or speaker.span.end >= _end(text, b):
        return None
    rest = next((w for w in words[i + 1:] if w.start >= speaker.span.end), None)
    if rest is None:
        return None
    return (speaker.span.start, speaker.span.end), rest.start, _end(text, b)


def _source(text: str, words: list[Word], i: int, b: int, actors: list[ActorMention]
            ) -> tuple[tuple[int, int], int, int] | None:
    """"According to X, CONTENT" or "CONTENT، according to X"."""
    after = words[i + 1:]
    if after and after[0].key in ("ل", "عن"):
        after = after[1:]
    stop = next((k for k, w in enumerate(after) if w.text in STOPS), len(after))
    named = after[:min(stop, 6)]
    if not named:
        return None
    claimant = (named[0].start, named[-1].end)
    if stop < len(after) - 1:  # According to X, CONTENT
        return claimant, after[stop + 1].start, _end(text, b)
    before = [w for w in words[:i] if w.text not in STOPS]
    if not before:
        return None
    return claimant, before[0].start, max(w.end for w in before)


def _end(text: str, b: int) -> int:
    end = b
    while end > 0 and (text[end - 1].isspace() or text[end - 1] in ".؟!"):
        end -= 1
    return end
