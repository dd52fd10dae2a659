"""Sentence spans: the unit that cues, attribution and event assembly work within."""

from __future__ import annotations

import re
from bisect import bisect_left
from collections.abc import Sequence
from functools import cache

from raqib.extract.claims_lexicon import source_verbs
from raqib.extract.model import Analysis, Options, Sentence, Span

# A sentence ends at . ! ? (or Arabic ؟ ۔) followed by space and an upper-case letter, a
# digit, a quote or a non-Latin letter; or at a blank line. Abbreviations do not end one.
_END = re.compile(
    r"(?<=[.!?؟۔])([\"'”’)\]]*)\s+(?=[\"'“‘(\[]?[A-Z0-9\u0600-\u06FF])|()\n\s*\n"
)
_LINE_BREAK = re.compile(r"[ \t]*\n[ \t]*(?=[\"'“‘(\[]?[A-Z\u0600-\u06FF])")
_WRAPPED = re.compile(r"(?:[,;:\-–]|\b(?:of|the|and|or|in|to|a|an|for|by|with|on|at|from))$",
                      re.IGNORECASE)
"""A line that stops on these was wrapped mid-sentence (as PDF text is), not ended."""
_ABBREVIATIONS = re.compile(
    r"(?:\b(?:Mr|Mrs|Ms|Dr|Prof|Gen|Lt|Col|Maj|Capt|Sgt|Brig|Adm|Gov|Sen|Rep|St|Mt|No|Nos|"
    r"vs|etc|approx|Jan|Feb|Mar|Apr|Jun|Jul|Aug|Sep|Sept|Oct|Nov|Dec|U\.S|U\.N|U\.K|al)"
    r"|\b[A-Z])\.$"
)


def sentence_spans(doc: Analysis) -> list[tuple[int, int]]:
    """(start, end) of each sentence of ``doc``: the sentences stage's, else ``split``'s."""
    if doc.sentences:
        return [(s.span.start, s.span.end) for s in doc.sentences]
    return split(doc.text)


def split(text: str) -> list[tuple[int, int]]:
    """(start, end) offsets of each sentence, whitespace trimmed."""
    spans: list[tuple[int, int]] = []
    start = 0
    for match in _END.finditer(text):
        closing = match.group(1) or ""
        if _ABBREVIATIONS.search(text[max(0, match.start() - 12) : match.start()]):
            continue
        spans.append((start, match.start() + len(closing)))
        start = match.end()
    spans.append((start, len(text)))
    pieces = [piece for a, b in spans for piece in _split_lines(text, a, b)]
    return [_trim(text, a, b) for a, b in pieces if text[a:b].strip()]


TITLE_AGAIN_WITHIN = 200
"""How far into the body (characters after the title's own line) the title may be printed
again, after a dateline or a byline."""


def title_line(text: str) -> int | None:
    """Where the title ends: the first line of a text of several, when it is one of three
    words or more with no sentence end; else None."""
    first = text.find("\n")
    title = text[:first].strip() if first > 0 else ""
    if len(title.split()) < 3 or title.endswith((".", "!", "?", ":")):
        return None
    return first


def title_again(text: str) -> tuple[int, int] | None:
    """(start, end) of the title printed again at the start of the body: a scraped page often
    repeats its headline right before the lead, with no full stop ("Bomb kills 18 in Damascus
    suburb\n\nBomb kills 18 in Damascus suburb A bomb killed ..."); None when the first line
    is no title (``title_line``) or is not printed again."""
    first = title_line(text)
    if first is None:
        return None
    title = text[:first].strip()
    again = text.find(title, first, first + len(title) + TITLE_AGAIN_WITHIN)
    return (again, again + len(title)) if again > 0 else None


def _split_lines(text: str, start: int, end: int) -> list[tuple[int, int]]:
    """A line break before a capital ends a title or a paragraph, unless the line was
    wrapped mid-sentence."""
    pieces = []
    for match in _LINE_BREAK.finditer(text, start, end):
        if not _WRAPPED.search(text[max(start, match.start() - 6) : match.start()]):
            pieces.append((start, match.start()))
            start = match.end()
    pieces.append((start, end))
    return pieces


def _trim(text: str, start: int, end: int) -> tuple[int, int]:
    while start < end and text[start].isspace():
        start += 1
    while end > start and text[end - 1].isspace():
        end -= 1
    return start, end


class Sentences:
    name = "extract.sentences.v1"

    def __call__(self, doc: Analysis) -> None:
        doc.sentences = [Sentence(doc.span(a, b)) for a, b in split(doc.text)]


def create(options: Options) -> Sentences:
    return Sentences()


_AFTER_CLAUSE = re.compile(
    r",?\s+(?:just\s+|only\s+|barely\s+|some\s+)?(?:(?:a|one|two|three|several|\d+)\s+)?"
    r"(?:hours?|days?|weeks?|months?)\s+(?:after|since)\s+(?:an?|the|\d[\d,]*)\s", re.I)
"""'..., just hours after a suspected chemical attack left dozens dead in Khan Sheikhun':
a clause that tells an earlier event to date the sentence's own."""
_CLAUSE_LEAD_WORDS = 3


_CAUSE_CLAUSE = re.compile(
    r",?\s+after\s+(?=(?:the|an?|they|he|she|its|their|some|several|two|three|four|five|\d+)"
    r"\s+(?:[\w'’-]+\s+){0,4}?(?:had\s+)?(?:shelled|struck|bombed|attacked|stormed|raided|"
    r"ambushed|arrested|detained|abducted|kidnapped|killed|shot|seized|captured|beat|beaten|"
    r"assaulted|injured|wounded|tortured)\b)", re.I)
"""', after the SDF arrested a tribal figure': a clause that tells what the sentence's act
answered, a party's act right after a bare 'after' (events v47)."""
_AFTER_ATTACK = re.compile(
    r",?\s+(?:after|following)\s+(?:(?:an?|the|their|its)\s+)?(?:[\w'’-]+\s+){0,3}?"
    r"(?:attacks?|strikes?|airstrikes?|raids?|bombings?|shelling|bombardment|massacres?)\b",
    re.I)
"""' after gas attack', ' following the chemical attack on Douma': the attack the sentence's
own act followed, named as a noun; read as a cause clause only when the words before it tell
a bombardment of their own (``_OWN_ACT``: 'forces bombard Damascus suburbs after gas attack'),
since 'five killed after an air strike' is the strike's own toll (events v73)."""
_OWN_ACT = re.compile(
    r"\b(?:bombard(?:s|ed)?|shell(?:s|ed)?|pound(?:s|ed)?|strike|struck|bomb(?:s|ed)?)\b",
    re.I)
"""A bombardment told before '_AFTER_ATTACK': other violent verbs (attacked, clashed) are
left to the whole sentence's reading (one ACLED note of a mob's violence became a clash)."""
_AFTER_TAKING = re.compile(
    r",?\s+(?:after|following)\s+(?:its|their|the\s+[\w'’-]+['’]s|the)\s+"
    r"(?:capture|recapture|fall|takeover|seizure|liberation)\b", re.I)
"""' after its capture', ' following the fall of the town': the taking of a place the
sentence's own act followed ('militias looted shops in the town after its capture' was the
capture; events v82)."""
_DESCRIBING_CLAUSE = re.compile(
    r",\s+(?:which|that|where)\s+(?:is|was|are|were|has\s+been|had\s+been|have\s+been)\s+"
    r"(?:[\w'’-]+\s+){0,2}?(?:besieged|encircled|surrounded|blockaded|shelled|bombed|struck|"
    r"targeted|attacked|controlled|held|occupied|stormed|raided)\s+by\b", re.I)
"""', which is besieged by regime forces': a clause that tells what a place or a people
bears, not the sentence's act ('demonstrators rallied in solidarity with Daraa al-Balad, which
is besieged by regime forces'; events v52); read as a cause clause is."""
_ARRESTED_FOR = re.compile(r"\b(?:was|were|been)\s+(?:arrested|detained|apprehended)\b", re.I)
"""The sentence's own act is the arrest of those who did what follows ('13 people were
arrested after they attacked police officers'): what they did is the event."""


def cause_clause(text: str, start: int, end: int) -> int | None:
    """Where a clause telling the act the sentence's own answered ('clashed with the SDF
    after the SDF arrested a tribal figure') starts in ``text[start:end]``, after at least
    three words of the sentence's own; None when there is none. Its words name the
    sentence's type only when the sentence before it names none (events v47); a clause that
    tells what a place bears (', which is besieged by ...') is read so too (v52), and so is
    an attack named after a bombardment ('bombard ... after gas attack', v73), and a place's
    capture after 'after' ('looted shops ... after its capture', v82)."""
    after = _AFTER_ATTACK.search(text, start, end)
    if after is not None and not _OWN_ACT.search(text, start, after.start()):
        after = None
    found = min((m for m in (_CAUSE_CLAUSE.search(text, start, end),
                             _DESCRIBING_CLAUSE.search(text, start, end),
                             _AFTER_TAKING.search(text, start, end), after)
                 if m is not None),
                key=lambda m: m.start(), default=None)
    if found is None or len(text[start:found.start()].split()) < _CLAUSE_LEAD_WORDS or (
            _ARRESTED_FOR.search(text, start, found.start())):
        return None
    return found.start()


def earlier_clauses(doc: Analysis) -> list[tuple[int, int]]:
    """(start, end) of every clause of ``doc``'s sentences that tells an earlier event
    (``earlier_clause``), in order."""
    return [(at, end) for start, end in sentence_spans(doc)
            if (at := earlier_clause(doc.text, start, end)) is not None]


def earlier_clause(text: str, start: int, end: int) -> int | None:
    """Where a clause telling an earlier event ('hours after a ...', 'days after the ...')
    starts in ``text[start:end]``, after at least three words of the sentence's own; None
    when there is none."""
    found = _AFTER_CLAUSE.search(text, start, end)
    if found is None or len(text[start:found.start()].split()) < _CLAUSE_LEAD_WORDS:
        return None
    return found.start()


_SECOND_ACT = re.compile(r"(?:,\s*(?:while|whereas|and)|;\s*(?:while\s+|and\s+)?)\s*"
                         r"(?:the\s+)?", re.IGNORECASE)
_ACT_VERB = re.compile(
    r"(?:[\w'’-]+\s+){0,5}?(?:shelled|struck|bombed|bombarded|pounded|targeted|attacked|"
    r"stormed|raided|ambushed|clashed|fired|launched|carried\s+out|conducted|killed|shot|"
    r"abducted|kidnapped|arrested|detained|seized|captured|detonated|executed)\b",
    re.IGNORECASE)

_SUBJECT_GAP = re.compile(r"(?:[^\W\d_][\w'’-]*\s+){0,2}")
"""Before the party that acts: a few words, no figure ('and 2 other rebels captured' is a
count of the same event's, its verb left out)."""
_PASSIVE = re.compile(r"\b(?:was|were|been|being|is|are)\s+\S+$", re.IGNORECASE)


def act_clauses(text: str, start: int, end: int, parties: Sequence[int]
                ) -> list[tuple[int, int]]:
    """Where the sentence ``text[start:end]`` goes on to a second act of another party:
    ', while regime forces shelled Kansafra', '; Russian warplanes struck Saraqib', ', and
    the army stormed the village' (a party named, then its violent verb within a few words),
    after at least three words of the sentence's own (events v37): (where the clause before
    ends, where the next begins, after its conjunction). ``parties``: the sorted starts of
    the text's actor mentions."""
    cuts = []
    for found in _SECOND_ACT.finditer(text, start, end):
        if len(text[start:found.start()].split()) < _CLAUSE_LEAD_WORDS:
            continue
        verb = _ACT_VERB.match(text, found.end(), end)
        if verb is None:
            continue
        first = bisect_left(parties, found.end())
        if (first < len(parties) and parties[first] < verb.end() - 4
                and _SUBJECT_GAP.fullmatch(text, found.end(), parties[first])
                and not _PASSIVE.search(text, found.end(), verb.end())):
            cuts.append((found.start(), found.end()))
    return cuts


_THAT = re.compile(r"\bthat\s+", re.IGNORECASE)
DAY_TOLD = r"\s+(?:on|late|early|last|this|overnight)\b"
"""Right after a reporting verb, the start of when it was said ('said on Tuesday', 'said late
on Sunday', 'said overnight'): the events, speakers and roles readers skip it."""
_SPEAKER_FIRST = re.compile(
    r"[^,.;:\"\u201c]{2,80}?\b(?:said|says|claimed|claims|announced|announces|stated)"
    rf"(?:{DAY_TOLD}[^,.;]{{0,30}}?)?"
    r"\s+(?=(?:they|it|he|she|we)\s+(?:had|have|has|were|was|would|will)?\s*\w+ed\b)")
"""A speaker and its verb that open a sentence, with no "that" after them, before a pronoun
and a verb in the past ("Yemen's Houthis said on Tuesday they had targeted a ship ..."):
what follows is the words reported (v87)."""


@cache
def _speaker_at_end() -> re.Pattern[str]:
    """Who spoke, after what they said, after a comma or a closing quote (", Ambassador
    Matthew Rycroft told the UN Security Council."): not part of the words reported."""
    return re.compile(rf"(?:,|[,.]?[\"\u201d])\s+[^,.;]{{0,80}}?\b(?:{source_verbs()})\b"
                      r"[^,;]*$")


@cache
def _speaker_last() -> re.Pattern[str]:
    """Who told a sentence, and nothing more, at its end: ", police said.", ", the ministry
    said in a statement.", ", a local official told AFP.", ", according to local activists."
    Not a speaker who goes on to tell ("..., the army said it killed 12 militants"), nor a
    passive (", heavy artillery fire was reported in Abu Salim.", ", no casualties
    reported.")."""
    return re.compile(
        rf"(?:,|[,.]?[\"\u201d])\s+(?:[^,.;\"\u201d]{{1,80}}?\s+)?(?<!\bwas\s)(?<!\bwere\s)"
        rf"(?<!\bbeen\s)(?<!\bis\s)(?<!\bare\s)(?<!\bbe\s)"
        r"(?<!casualties\s)(?<!injuries\s)(?<!fatalities\s)(?<!deaths\s)(?<!damage\s)"
        rf"(?:{source_verbs()})"
        rf"(?:{DAY_TOLD}[^,.;]{{0,40}}"
        r"|\s+in\s+(?:a|an|its|their|his|her)\b[^,.;]{0,40}"
        r"|\s+(?:[A-Z][\w-]*|reporters|journalists)(?:\s+[A-Z][\w-]*){0,2})?"
        r"\s*[.!?]?[\"\u201d]?\s*$"
        r"|,\s+according\s+to\s+[^,;]{2,80}?[.!?]?\s*$")


def told(text: str, start: int, end: int) -> int:
    """Where the words told by the sentence ``text[start:end]`` end: before a speaker that
    ends it (``_speaker_last``), when at least ``MIN_WORDS`` words are left; else ``end``
    (events v75: the event model reads what was told, not who told it)."""
    found = _speaker_last().search(text, start, end)
    if found is None or len(text[start:found.start()].split()) < MIN_WORDS:
        return end
    return found.start()


def reported_clause(text: str, start: int, end: int) -> tuple[int, int] | None:
    """Where the words after the last "that" of ``text[start:end]`` begin and end: the words a
    statement reports, or what a thing did ("the attack that left four aid workers dead"),
    less a speaker that ends the sentence (events v16); without a "that", the words after a
    speaker that opens the sentence ("X said on Tuesday they had ...", v87); else None."""
    thats = list(_THAT.finditer(text, start, end))
    if thats:
        begin = thats[-1].end()
    elif speaker := _SPEAKER_FIRST.match(text, start, end):
        begin = speaker.end()
    else:
        return None
    said = _speaker_at_end().search(text, begin, end)
    return begin, said.start() if said else end


def reading_spans(text: str, sentences: Sequence[tuple[int, int]], parties: Sequence[int]
                  ) -> tuple[list[tuple[int, int]], dict[tuple[int, int], tuple[int, int]]]:
    """(the (start, end) of each piece of ``sentences`` the events stage reads apart, the
    whole sentence each piece before a cause clause stands for, by the piece's bounds): an
    earlier event's clause (events v14), a second act of another party (v37, without its
    conjunction; ``parties``: the sorted starts of the actors' mentions) and a cause clause,
    which is not read at all (v47)."""
    pieces: list[tuple[int, int]] = []
    whole: dict[tuple[int, int], tuple[int, int]] = {}
    for start, end in sentences:
        cut = earlier_clause(text, start, end)
        cause = None if cut else cause_clause(text, start, end)
        cuts = [*act_clauses(text, start, cause or cut or end, parties),
                *([(cut, cut)] if cut else [])]
        bounds = [start, *(i for pair in cuts for i in pair), cause or end]
        pieces += list(zip(bounds[::2], bounds[1::2], strict=True))
        if cause:
            whole[pieces[-1]] = (pieces[-1][0], end)
    return pieces, whole


MIN_WORDS = 4
"""Fewer words than this ('Syrian Coalition', 'Media and Communications') cannot report an
event, unless three of them make a sentence with its full stop ('Shelling hit Aleppo.'):
header lines have none (events v11). An Arabic word with its article written onto it counts
as two, as in English ('ضحايا القصف الكيماوي', victims of the chemical shelling: v159)."""


def says_nothing(doc: Analysis, span: Span) -> bool:
    """Whether the sentence ``span`` cannot tell of an event by its shape: too short, a
    numbered section's heading, or only names of places and dates (``doc`` holds the mentions
    inside the span)."""
    return _too_short(span) or names_only(doc, span) or _heading(span, doc.text)


_WORD = re.compile(r"[^\W\d_]{2,}")


_ARABIC_ARTICLE = re.compile(r"(?:^|\s)[وفبكل]?(?:ال|لل)[\u0621-\u064a]{2,}")


def _too_short(span: Span) -> bool:
    words = len(span.text.split())
    if words < MIN_WORDS:  # v159: Arabic writes its article onto the word
        words += len(_ARABIC_ARTICLE.findall(span.text))
    return words < MIN_WORDS and not (words == MIN_WORDS - 1 and _full_stop(span))


def _full_stop(span: Span) -> bool:
    """Whether ``span`` ends as a sentence does (a header line does not)."""
    return span.text.rstrip().endswith((".", "!", "?"))


_SECTION_NUMBER = re.compile(r"(?:^|\n)[ \t]*\d{1,2}(?:\.\d{1,2})*\.?[ \t]+$")


def _heading(span: Span, text: str) -> bool:
    """Whether ``span`` is a numbered section heading: a whole line after its number ('3. The
    allegation of 24 November in Aleppo city'), with no full stop; it names what the section
    tells, it is not the telling (v34)."""
    line_end = text.find("\n", span.end)
    rest = text[span.end:line_end if line_end >= 0 else len(text)]
    return (not rest.strip() and not _full_stop(span)
            and bool(_SECTION_NUMBER.search(text, max(0, span.start - 12), span.start)))


def names_only(doc: Analysis, span: Span) -> bool:
    """Whether every word of ``span`` is in a place name or a date (``doc`` holds the
    mentions inside the span): such a line says where and when, not what."""
    named = sorted((m.span.start, m.span.end) for m in [*doc.places, *doc.dates])
    if not named:
        return False
    last, rest = span.start, []
    for start, end in named:
        rest.append(doc.text[last:max(last, start)])
        last = max(last, end)
    rest.append(doc.text[last:span.end])
    return not _WORD.search("".join(rest))
