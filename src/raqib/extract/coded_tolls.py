"""A toll the text says its coders recorded (assemble v120).

ACLED's notes often end by saying which figure was coded and how it was shared out:
"Fatalities coded as 0 (VoJ reported 2).", "Unclear fatalities coded as 10.", "Fatalities
coded as 18 and spread across five locations.", "Fatalities are split across 2 events (4)."
The note's words then state the event's fatalities outright: the figure coded, or its share
of one of the events or locations it was spread over, whatever the counts in the note's
other sentences add up to.
"""

from __future__ import annotations

import re
from bisect import bisect_left, bisect_right
from collections.abc import Iterable

from raqib.extract.gazetteer import name_key
from raqib.extract.model import Analysis, Event, Span

_WORDS = {"two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7, "eight": 8,
          "nine": 9, "ten": 10}
_COUNT = r"(?:\d+|" + "|".join(_WORDS) + r")"
_CODED = re.compile(
    r"\b(?:coded\s+as|rounded\s+(?:down\s+|up\s+)?to)\s+(?P<n>\d+)\b"
    r"(?!\s*(?:separate\s+)?(?:events?|locations?|incidents?)\b)"
    r"(?:\s*\([^()]*\))?(?P<rest>[^.;]*)", re.IGNORECASE)
"""'Fatalities coded as 10 (VoJ reported 12) and spread across two locations', 'Dozens of
fatalities and injuries coded as 6', '... specific numbers were not reported (coded as
10)', '... reported as half, rounded down to 3': a figure coded, where the sentence before it
speaks of a toll (``_TOLL_WORDS``)."""
_TOLL_WORDS = re.compile(r"\b(?:fatalit\w*|deaths?|dead|killed|casualt\w*)", re.IGNORECASE)
_SENTENCE_START = re.compile(r"[.;!?]\s")
_SHARED = re.compile(
    rf"\b(?:split|spread|divided|distributed|shared|coded)\s+(?:up\s+|evenly\s+|equally\s+)?"
    rf"(?:between|across|among|over)\s+(?P<k>{_COUNT})\s+(?:separate\s+)?"
    rf"(?:events|locations|incidents|areas|districts|provinces|days)\b"
    rf"(?:\s*\((?P<each>\d+)\))?(?:\s+(?:in|over|across)\s+(?P<days>{_COUNT})\s+days\b)?",
    re.IGNORECASE)
"""'spread across three locations in two days', 'split across 2 events (4)'."""
_SPLIT_TOLL = re.compile(r"\b(?:fatalit(?:y|ies)|deaths)\s+(?:(?:are|were|was|is)\s+)?"
                         r"(?=(?:split|spread|divided|distributed|shared|coded)\b)", re.IGNORECASE)
"""'Fatalities split between 2 events': the note's own toll, shared out."""
_GIVEN_AFTER = re.compile(r"\s*\(")
"""'... divided between three events (5 fatalities recorded in Al Arish, ...)': the note
gives each event's figure itself, which its counts have read."""


def _of_a_toll(text: str, at: int) -> bool:
    """Whether the sentence up to ``at`` (a 'coded as') speaks of a toll."""
    opened = max((m.end() for m in _SENTENCE_START.finditer(text, max(0, at - 200), at)),
                 default=max(0, at - 200))
    return bool(_TOLL_WORDS.search(text, opened, at))


def _number(word: str) -> int:
    return int(word) if word.isdigit() else _WORDS[word.casefold()]


def _share(whole: int, shared: re.Match[str]) -> int:
    """One event's share of ``whole`` spread as ``shared`` says: its figure in brackets
    when it gives one, else the whole over the parts, half up ('10 across two locations':
    5)."""
    if shared.group("each"):
        return int(shared.group("each"))
    parts = _number(shared.group("k")) * (_number(shared.group("days"))
                                         if shared.group("days") else 1)
    return int(whole / max(parts, 1) + 0.5)


_PLACE_FIGURE = re.compile(
    r"(?<![\w.,])(?P<n>\d{1,3})\s+(?:fatalit(?:y|ies)\s+)?(?:(?:were\s+)?(?:recorded|coded)\s+)?"
    r"(?:in|for|at)\s+(?P<name>[A-Z][\w'’-]*(?:[ -][A-Z][\w'’-]*){0,3})")
"""'8 fatalities recorded in Sheikh Zuweid', '10 in Al-Arish', '2 fatalities coded for Loliondo'."""
_SENTENCE = re.compile(r"[^.]+")


class CodedTolls:
    """The coded figures and the places' figures a document states, read once: each event
    looks up the first told from its words on (a long report's events each scanning the text
    from their own start had made the stage quadratic in its length)."""

    def __init__(self, doc: Analysis) -> None:
        self.doc = doc
        text = doc.text
        self._coded = _Ordered(
            m for m in _CODED.finditer(text) if _of_a_toll(text, m.start()))
        self._split = _Ordered(_SPLIT_TOLL.finditer(text))
        self._lists: list[list[re.Match[str]]] = []
        self._ends: list[int] = []
        for sentence in _SENTENCE.finditer(text):
            found = list(_PLACE_FIGURE.finditer(text, sentence.start(), sentence.end()))
            if len(found) >= 2 and _TOLL_WORDS.search(text, sentence.start(), sentence.end()):
                self._lists.append(found)
                self._ends.append(sentence.end())

    def toll(self, start: int, killed: int) -> tuple[int, Span] | None:
        """The fatalities the text says were coded for the event told from ``start`` on,
        with the span of the words that say so; ``killed``: the toll its counts give, shared
        out when the text says only that it was split ('Fatalities split between 2
        events'). None: the text says nothing of the kind."""
        doc, text = self.doc, self.doc.text
        if coded := self._coded.first(start):
            whole = int(coded.group("n"))
            shared = _SHARED.search(coded.group("rest"))
            figure = _share(whole, shared) if shared else whole
            return figure, doc.span(coded.start(), coded.end("n"))
        if said := self._split.first(start):
            shared = _SHARED.match(text, said.end())
            if shared and (shared.group("each") or (
                    killed > 0 and not _GIVEN_AFTER.match(text, shared.end()))):
                return _share(killed, shared), doc.span(said.start(), shared.end())
        return None

    def place(self, start: int, event: Event) -> tuple[int, Span] | None:
        """The figure the text gives ``event``'s own place, from ``start`` on, in a sentence
        of a toll that lists two or more places' figures ('8 fatalities recorded in Sheikh
        Zuweid, 7 fatalities recorded in Rafah'), the place as written or as the gazetteer
        names it."""
        if not event.location or not self._lists:
            return None
        written = event.spans.get("location")
        keys = {name_key(event.location), *([name_key(written.text)] if written else [])}
        for found in self._lists[bisect_right(self._ends, start):]:
            for figure in found:
                if figure.start() >= start and name_key(figure.group("name")) in keys:
                    return int(figure.group("n")), self.doc.span(figure.start(), figure.end())
        return None


class _Ordered:
    """Matches in text order, looked up by where they start."""

    def __init__(self, matches: Iterable[re.Match[str]]) -> None:
        self.matches = list(matches)
        self.starts = [m.start() for m in self.matches]

    def first(self, start: int) -> re.Match[str] | None:
        """The first match that starts at ``start`` or after."""
        at = bisect_left(self.starts, start)
        return self.matches[at] if at < len(self.matches) else None
