"""Who speaks in a text: the claimant of an attribution, and the publisher of the whole text.

``subject()`` reads the claimant before a reporting verb ("Russia's defence ministry said",
"X, head of Y, said") and ``np_forward()`` the one after it ("…, said Hadi al-Bahra, a member
of the Coalition"). The publisher, whose own voice the unattributed sentences are, comes from a
header or signature line ("Press release / X", "Publisher: X", "(Source: X)",
``header_publisher()``) or from an organisation opening the text in the present tense ("The X
condemns …", ``performative_publisher()``); ``first_person()`` tells a text that speaks as
"we" without naming itself. ``Found`` is the record of one attribution the stage has found.
"""

from __future__ import annotations

import re
from bisect import bisect_right
from dataclasses import dataclass

from raqib.extract.claims_lexicon import END_PUNCT, TOKEN, Lexicon, Range, trim
from raqib.extract.model import ActorMention, Analysis, Span
from raqib.extract.positions import ByStart
from raqib.extract.sentences import sentence_spans

PRONOUNS = frozenset(["we", "he", "she", "it", "they", "i"])
"""Claimants that name no one by themselves: the claims stage resolves them to the actor
they stand for, and contest reasons name that actor."""
_STATE = ("Military Forces of", "Police Forces of", "Government of")
"""A state's forces and officials: they side with their own government."""
_JOINED = ("other", "allied")
"""Lower-case words after 'and' that still join one subject ("NFL and other factions")."""
_PREPOSITIONS = ("by", "with", "against")
"""Words that do not end a claimant read forward ("said a statement by the ministry")."""
_KEY_LINE = re.compile(r"\s*([\w ]+?)\s*[:/|–—-]\s*(\S.*?)\s*$")
_RELEASE_LINE = re.compile(r"\s*(\S.*?)\s+(?:press|news) release\s*$", re.IGNORECASE)
_SOURCE_NOTE = re.compile(r"\((?:Source|Publisher)\s*:\s*([^)\n]+)\)")


@dataclass
class Found:
    claimant: str
    cspan: Range | None
    stance: str
    start: int
    end: int
    hedged: bool
    implicit: bool = False
    performative: bool = False
    statement: str | None = None


def subject(lex: Lexicon, text: str, a: int, hi: int) -> Range | None:
    """The claimant before a verb: 'Russia's defence ministry', 'X, head of Y,'."""
    toks = list(TOKEN.finditer(text, a, hi))
    while toks and lex.has("np_adverb", toks[-1].group()):
        toks.pop()
    if not toks or toks[-1].group() != ",":
        return _np_back(lex, toks[:_relative(lex, toks)])
    parts = _comma_parts(toks[:-1])
    if len(parts) < 2:
        return None
    relative = False
    while len(parts) > 1 and parts[-1][0].group().lower() in ("which", "who", "whose"):
        parts, relative = parts[:-1], True  # "X, who asked not to be named, said"
    if len(parts) < 2:
        return _np_back(lex, parts[0]) if relative else None
    head = _np_back(lex, parts[-2])  # "X, head of Y, said": the head and its apposition
    return (head[0], parts[-1][-1].end()) if head else None


def relative_aside(text: str, a: int, hi: int) -> bool:
    """'The monitor, which relies on sources inside Syria, said …': a subject and a relative
    clause set off by commas before the verb, not words said before it ('…, said X'; v24)."""
    toks = list(TOKEN.finditer(text, a, hi))
    parts = _comma_parts(toks[:-1]) if toks and toks[-1].group() == "," else []
    return len(parts) == 2 and parts[1][0].group().lower() in ("which", "who", "whose")


def _relative(lex: Lexicon, toks: list[re.Match[str]]) -> int:
    """Where a relative clause right before the verb opens, with no comma ('A doctor who
    treated the wounded said', 'The UN agency that runs the school said': the claimant is
    the doctor, the agency, not 'the wounded', 'the school'; claims v21); else the end. 'who'
    and 'which' open one at most six words before the verb; 'that' only before a verb's form
    ('that treated', 'that runs the'), not before a subject ('told Reuters that rebels
    said')."""
    for i in range(len(toks) - 2, max(0, len(toks) - 8), -1):
        word, nxt = toks[i].group().lower(), toks[i + 1].group()
        after = toks[i + 2].group() if i + 2 < len(toks) else ""
        if word in ("who", "which") or (word == "that" and (_verbish(nxt, lex) or (
                nxt.islower() and nxt.endswith("s") and (
                    lex.has("determiner", after) or lex.has("pronoun", after))))):
            return i
        if toks[i].group() in (",", ";", ":"):
            break
    return len(toks)


def _comma_parts(toks: list[re.Match[str]]) -> list[list[re.Match[str]]]:
    """The tokens between commas (empty pieces dropped)."""
    parts: list[list[re.Match[str]]] = [[]]
    for t in toks:
        if t.group() == ",":
            parts.append([])
        else:
            parts[-1].append(t)
    return [p for p in parts if p]


def _np_back(lex: Lexicon, toks: list[re.Match[str]]) -> Range | None:
    start = len(toks)
    for i in range(len(toks) - 1, max(-1, len(toks) - 15), -1):
        w, lw = toks[i].group(), toks[i].group().lower()
        nxt = toks[i + 1].group() if i + 1 < len(toks) else ""
        adjective = i > 0 and lex.has("determiner", toks[i - 1].group())  # "the opposing sides"
        if not w[0].isalnum() or lex.has("np_stop", lw) or (_verbish(w, lex) and not adjective):
            break
        named = i > 0 and name_word(w, toks[i - 1].group())
        if (lw in ("and", "or", "&") and not nxt[:1].isupper() and nxt not in _JOINED) or (
                lw in lex.verb_words and not lex.has("np_keep", lw) and not named):
            break  # a verb's form in a name is a word of it: 'the United States' (v10)
        start = i
        of = i > 0 and lex.has("noun_marker", toks[i - 1].group())
        if lex.has("determiner", lw) and not of:  # "the head of the Observatory"
            break
    kept, head = toks[start:], False
    while kept and (_lead(lex, kept[0].group()) or lex.has("np_inner", kept[0].group())):
        first = kept[0].group()
        if first.lower() in ("a", "an") and not head:
            break
        if first == "to" and len(kept) > 1 and kept[1].group().islower():
            return None  # "… fighting to topple Assad said": an infinitive, not a subject
        head, kept = head or lex.has("adjunct", first), kept[1:]
    while len(kept) > 1 and lex.has("time", kept[-1].group()):  # "X on Monday said"
        kept = kept[:-1]
        while len(kept) > 1 and _lead(lex, kept[-1].group()):
            kept = kept[:-1]
    if not kept or all(lex.has("determiner", t.group()) for t in kept):
        return None
    return kept[0].start(), kept[-1].end()


def name_word(word: str, previous: str) -> bool:
    """Whether ``word``, capitalised right after the capitalised ``previous``, is a word of a
    name even when it is a verb's form: 'the United States' (claims v10)."""
    return word[:1].isupper() and previous[:1].isupper()


def np_forward(lex: Lexicon, text: str, s: int, b: int) -> Range | None:
    """'said Hadi al-Bahra, a member of the Coalition, on Sunday': up to an adjunct."""
    first = last = None
    toks = list(TOKEN.finditer(text, s, b))
    for i, t in enumerate(toks):
        w = t.group()
        nxt = toks[i + 1].group() if i + 1 < len(toks) else ""
        if w == "," and last and lex.has("determiner", nxt):
            continue
        if not w[0].isalnum() or (last and _ends_forward(lex, w)):
            break
        first, last = first or t, t
    return (first.start(), last.end()) if first and last else None


def _ends_forward(lex: Lexicon, word: str) -> bool:
    """A word that ends a claimant read forward: 'said the opposition had never …' stops at
    'had', '…, said the Observatory adding' at 'adding'; 'said a statement by X' goes on."""
    if word.lower() in _PREPOSITIONS:
        return False
    return _verbish(word, lex) or any(lex.has(c, word) for c in ("adjunct", "np_stop", "np_adverb"))


def _lead(lex: Lexicon, word: str) -> bool:
    return lex.has("np_lead", word) or lex.has("time", word) or word.isdigit()


def _verbish(word: str, lex: Lexicon) -> bool:
    """A lower-case past tense or gerund ('shelled', 'fighting'): not part of a subject."""
    return (word.islower() and "-" not in word and len(word) > 4
            and word.endswith(("ed", "ing")) and not lex.has("np_keep", word))


def header_publisher(text: str, lex: Lexicon) -> Range | None:
    lines = [(m.start(), m.group()) for m in re.finditer(r"[^\n]+", text)]
    for i, (pos, line) in enumerate(lines[:12] + lines[-4:]):
        key = _KEY_LINE.match(line)
        if key and (lex.has("publisher_key", key.group(1)) or lex.has("header", key.group(1))):
            return pos + key.start(2), pos + key.end(2)
        if key := _RELEASE_LINE.match(line):
            return pos + key.start(1), pos + key.end(1)
        if lex.has("header", line.strip()) and i + 1 < min(len(lines), 12):
            nxt_pos, nxt = lines[i + 1]
            if 0 < len(nxt.split()) <= 8 and not nxt.rstrip().endswith("."):
                return trim(text, nxt_pos, nxt_pos + len(nxt))
    off = max(0, len(text) - 300)
    note = _SOURCE_NOTE.search(text, off)
    return (note.start(1), note.end(1)) if note else None


def performative_publisher(text: str, spans: list[Range], found: list[Found]) -> Range | None:
    """'The Syrian Coalition condemns …' opening one of the first sentences, in a text that
    speaks in the present ('condemns', 'calls on') at least as often as it reports ('said')."""
    proper = [a for a, b in spans if text[a:b].rstrip().endswith(END_PUNCT)][:3]
    performative = [f for f in found if f.performative and f.cspan]
    if len(performative) < sum(1 for f in found if f.cspan and not f.performative):
        return None
    for f in performative:
        if f.cspan and f.cspan[0] in proper and f.claimant.lower() not in PRONOUNS:
            return f.cspan
    return None


def first_person(text: str, spans: list[Range], found: list[Found], lex: Lexicon) -> bool:
    """Sentences opening with 'We'/'Our', at least as many as attributions to others."""
    own = sum(1 for a, b in spans if (w := TOKEN.search(text, a, b)) and lex.has("self", w[0]))
    return own > 0 and own >= sum(1 for f in found if not lex.has("self", f.claimant))


def refers_back(lex: Lexicon, claimant: str) -> bool:
    """A claimant that names no one by itself: a pronoun ('It said'), or 'the' and a word a
    body is called by ('the group', 'the monitor': the lexicon's ``referring_*``)."""
    words = claimant.split()
    if len(words) == 1:
        return lex.has("pronoun", words[0])
    return len(words) == 2 and words[0].lower() == "the" and _kind(lex, words[1]) is not None


def _kind(lex: Lexicon, word: str) -> str | None:
    return next((kind for kind in _SIDES if lex.has(kind, word)), None)


_SIDES: dict[str, frozenset[str]] = {
    "referring_monitor": frozenset({"monitor", "international"}),
    "referring_body": frozenset({"monitor", "international", "group"}),
    "referring_group": frozenset({"monitor", "group", "rebel", "jihadist", "political",
                                 "communal", "opposition", "separatist", "kurdish", "criminal"}),
}
"""The sides of the dictionary's actors that 'the monitor' ('the observatory', 'the
watchdog'), 'the organisation' ('the charity') and 'the group' can stand for."""


def referent(doc: Analysis, lex: Lexicon, actors: ByStart[ActorMention], claimant: str,
             cspan: Range | None, last: tuple[str, str | None] | None, country: str | None
             ) -> tuple[str, str | None] | None:
    """The speaker and side that a claimant referring back stands for (None for one that
    names someone, or where nothing before tells; v24). A pronoun's is the last claim's
    speaker (``last``); with none, 'it' and 'they' are the actor opening the sentence before
    ('Human Rights Watch released a report on Tuesday. It said …'). 'The group' or 'the
    monitor' is the last speaker where that is an actor of a side the word can stand for
    (``_SIDES``), else the last such actor opening a sentence before it."""
    if not cspan or not refers_back(lex, claimant) or actors.inside(Span(*cspan, "")):
        return None
    words = claimant.split()
    if len(words) == 1:  # a pronoun
        if last or claimant.lower() not in ("it", "they"):
            return last
        before = antecedent(doc, cspan[0], None)
    else:
        sides = _SIDES[_kind(lex, words[1]) or ""]
        if last and last[1] in sides:
            return last
        before = antecedent(doc, cspan[0], sides)
    if before is None:
        return None
    return speaker_actor(actors, (before.span.start, before.span.end), before.name, country)


def antecedent(doc: Analysis, before: int, sides: frozenset[str] | None) -> ActorMention | None:
    """The last actor before ``before`` that opens a sentence, after 'the' at most ('Daesh
    held the town, where the group declared …'): of one of ``sides`` (no state's forces or
    officials) in any sentence, or, with no sides given, of any side in the sentence right
    before the one ``before`` is in or in that one."""
    opens = sorted(start for start, _ in sentence_spans(doc)) or [0]

    def opening(pos: int) -> int:  # the start of the sentence ``pos`` is in
        return opens[max(bisect_right(opens, pos) - 1, 0)]

    own = opening(before)
    previous = opening(own - 1) if own else 0
    for actor in sorted(doc.actors, key=lambda a: a.span.start, reverse=True):
        if actor.span.end > before or (sides is None and actor.span.start < previous) or (
                sides is not None and (actor.side not in sides or actor.name.startswith(_STATE))):
            continue
        if doc.text[opening(actor.span.start):actor.span.start].strip().lower() in ("", "the"):
            return actor
    return None


def speaker_actor(actors: ByStart[ActorMention], cspan: Range | None, fallback: str,
                  country: str | None) -> tuple[str, str | None]:
    """The first dictionary actor named inside the claimant's words, with its side ('' for
    none); else ``fallback`` (the claimant as written, tidied) and no side. A foreign state's
    forces or officials (coded 8 by ``localize``, or a government of another country) side
    with their own government, not with the government of the country the text is about:
    'government of Russia' in a report on Syria."""
    inside = [a for a in actors.inside(Span(cspan[0], cspan[1], "")) if a.span.end <= cspan[1]
              ] if cspan else []
    if not inside:
        return fallback, None
    actor = inside[0]
    if actor.country and actor.name.startswith(_STATE):
        own = actor.country == country and actor.inter != 8
        return actor.name, "government" if own else f"government of {actor.country}"
    return actor.name, actor.side or ""
