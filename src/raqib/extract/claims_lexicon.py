"""The claims stage's word lists, and the text helpers shared by the claims modules.

``Lexicon`` reads ``resources/claims`` once: the reporting verbs of verbs.tsv, each a ``Verb``
with its stance, hedging, frame and whether it marks a publisher speaking for itself, and the
phrase categories of lexicon.tsv (hedges, adjuncts, determiners, …), each compiled into one
pattern, longest phrase first. Beside them are the pieces that ``claims`` and
``claims_speaker`` both work with: ``TOKEN`` (a word or a punctuation mark), ``Range`` (start
and end offsets in the text), ``END_PUNCT`` (what ends a proper sentence) and ``trim()``.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import cache
from importlib import resources

Range = tuple[int, int]
TYPE_WORDS: dict[str, tuple[str, ...]] = {
    "Chemical weapon": ("chemical", "chlorine", "sarin", "toxic gas", "poison gas", "gas attack"),
    "Air/drone strike": ("air strike", "airstrike", "air raid", "drone", "warplane", "aircraft",
                         "helicopter", "bombing"),
    "Shelling/artillery/missile attack": ("shelling", "shells", "rocket", "missile", "artillery"),
    "Suicide bomb": ("suicide",),
    "Remote explosive/landmine/IED": ("car bomb", "explosive device", "ied", "landmine"),
}
"""Words of a sub-event type specific enough to tie a claim that names no place or day to
an event of that type (the claims stage's ``about``, and an incident's unattached claims in
``raqib.incidents.contested``)."""
FALSEHOOD = (r"(?:fabrications?|fabricated|lies|lie|hoax|false|baseless|unfounded|groundless|"
             r"fake|propaganda|nonsense|slander|fiction|fictitious|untrue|staged|provocation)")
"""A word that names an account false ('called it a fabrication', 'described the claims as
lies'): the denial of ``claims_forms.branded``, and the pronoun so named points back at the
event told before (``claims_about``; claims v20)."""
TOKEN = re.compile(r"(?:[A-Z]\.){2,}(?=\s+[A-Z])|\w[\w'’.&-]*\w|\w|[^\w\s]")
"""A word, a mark, or capitals with their points before a capitalised word ('U.S. Secretary
of State X said' keeps its 'U.S.': claims v18)."""
END_PUNCT = (".", "!", "?", '"', "”", "’")


@dataclass(frozen=True)
class Verb:
    stance: str
    hedged: bool
    frame: str
    """'say' (content after 'that'), 'tell' (an addressee first), 'object' (content follows)."""
    performative: bool
    """Present tense of an organisation speaking for itself ('condemns'): marks a publisher."""


class Lexicon:
    """The stage's word lists, read from ``resources/claims`` (verbs.tsv, lexicon.tsv)."""

    def __init__(self, verbs: dict[str, Verb], words: dict[str, set[str]]) -> None:
        self.verbs, self.words = verbs, words
        self.verb_re = _phrases(set(verbs))
        self.verb_words = {form.split()[0] for form in verbs}
        self.res = {cat: _phrases(items) for cat, items in words.items()}
        nouns = "|".join(map(re.escape, sorted(words.get("speech_noun", {"allegations"}))))
        self.owned = re.compile(  # "X's (latest) allegations", "allegations by/of X"
            rf"['’]s\s+(?:\w+\s+){{0,2}}?(?:{nouns})\b"
            rf"|\b(?:{nouns})\s+(?:made\s+)?(?:by|of)\s+(?:the\s+)?[A-Z]")

    @classmethod
    def load(cls) -> Lexicon:
        folder = resources.files("raqib") / "resources" / "claims"
        verbs = {form.lower(): Verb(stance, hedged == "1", frame, perf == "1")
                 for form, stance, hedged, frame, perf, _source in _rows(folder / "verbs.tsv")}
        words: dict[str, set[str]] = {}
        for category, phrase in _rows(folder / "lexicon.tsv"):
            words.setdefault(category, set()).add(phrase.lower())
        return cls(verbs, words)

    def has(self, category: str, word: str) -> bool:
        return word.lower() in self.words.get(category, ())

    def find(self, category: str, text: str, start: int = 0, end: int | None = None):
        return self.res[category].search(text, start, len(text) if end is None else end)

    def verb(self, m: re.Match[str]) -> Verb:
        return self.verbs[" ".join(m.group().lower().split())]


@cache
def source_verbs(stance: str | None = None) -> str:
    """The forms of verbs.tsv marked ``source`` as one regex alternation, longest first, its
    words joined by any white space: the verbs whose subject is the source of an account
    ('the ministry said', 'Russia accused'), shared by the stages that tell a speaker from a
    party to the event or from a place (not 'demanded' or 'declared', which protesters and
    authorities do as the event itself); only those of ``stance`` when given ('denies':
    'denied', 'dismissed')."""
    folder = resources.files("raqib") / "resources" / "claims"
    forms = {row[0].lower() for row in _rows(folder / "verbs.tsv")
             if row[5] == "1" and stance in (None, row[1])}
    return "|".join(re.escape(form).replace(r"\ ", r"\s+")
                    for form in sorted(forms, key=len, reverse=True))


def _phrases(items: set[str]) -> re.Pattern[str]:
    """One pattern for a list of phrases, longest first, on word boundaries."""
    alts = [re.escape(p).replace(r"\ ", r"\s+") for p in sorted(items, key=len)[::-1]]
    words = [a for a, p in zip(alts, sorted(items, key=len)[::-1], strict=True) if p[0].isalnum()]
    other = [a for a in alts if a not in words]  # ", but": no word boundary before it
    bounded = [r"(?<![\w-])(?:" + "|".join(words) + r")(?![\w-])"] if words else []
    return re.compile("|".join(bounded + other), re.IGNORECASE)


def _rows(path) -> list[list[str]]:
    lines = path.read_text(encoding="utf-8").splitlines()
    return [line.split("\t") for line in lines if line.strip() and not line.startswith("#")]


def trim(text: str, start: int, end: int) -> Range:
    while start < end and (text[start].isspace() or text[start] in ",;:\"“”"):
        start += 1
    while end > start and (text[end - 1].isspace() or text[end - 1] in ",;:.\"“”"):
        end -= 1
    return start, end


def sentence_body(text: str, a: int, b: int, lines: list[Range]) -> Range:
    """A sentence's words that can be said: without short header lines glued to it, a
    bracketed note after its full stop ('… pandemic. [size=no report]') or the dateline it
    opens with ('KHARKIV, Ukraine (AP) — A Russian missile struck ...': what is said starts
    at 'A Russian'; claims v26). ``lines``: the text's datelines (``place_context.datelines``:
    where each one's names and its body start)."""
    a, b = _body(text, a, b)
    for head, body in lines:
        if head <= a < body < b:
            return body, b
    return a, b


def _body(text: str, a: int, b: int) -> Range:
    """Drop short header lines (no final punctuation) glued to a sentence, and a bracketed
    note after its full stop ('… pandemic. [size=no report]')."""
    note = text.find(". [", a, b)
    b = note + 1 if note >= 0 else b
    while (nl := text.find("\n", a, b)) >= 0:
        line = text[a:nl].strip()
        mid_line = text[text.rfind("\n", 0, a) + 1 : a].strip()  # a wrapped line, not a header
        if len(line) >= 60 or line.endswith((".", ",", ";", ":", "!", "?")) or mid_line:
            break
        a = trim(text, nl, b)[0]
    return a, b
