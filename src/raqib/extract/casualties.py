"""Casualty totals: one figure per kind (killed, injured, …) for a document, by ACLED's rules.

The numbers stage records every casualty figure it reads as a ``CountMention``; ``total()``
reduces a document's mentions of one kind (inside a span, if given) to a single figure and the
span of the words it came from: groups in one sentence add up, a later sentence adds, updates
or repeats the figure according to its wording (the 'subset', 'additive' and 'update' phrases
of ``resources/lexicon/casualties.tsv``). ``fatalities()`` and ``injured()`` are its two
common uses.
"""

from __future__ import annotations

import re
from bisect import bisect_left, bisect_right
from dataclasses import dataclass
from functools import cache

from raqib.extract.claims_lexicon import source_verbs
from raqib.extract.lexicon import read_lexicon
from raqib.extract.model import Analysis, CountMention, Span
from raqib.extract.sentences import split, title_again, title_line

_INDEFINITE = re.compile(r"(?:[^\W\d]+\s+)?(?:a|an|another)\s", re.IGNORECASE)


@dataclass(frozen=True)
class _Markers:
    subset: re.Pattern[str]
    subset_after: re.Pattern[str]
    subset_end: re.Pattern[str]
    """Right after a count, or ending it: the part is of a figure told before ('20 women
    among the dead', numbers v74)."""
    additive: re.Pattern[str]
    update: re.Pattern[str]
    toll_update: re.Pattern[str]
    period: re.Pattern[str]
    pronoun: re.Pattern[str]
    """A victim named by a pronoun alone: 'he was killed', 'killing him' (not 'her daughter')."""


def _alternation(phrases: set[str]) -> str:
    ordered = sorted(phrases, key=len, reverse=True)
    return "|".join(r"\s+".join(map(re.escape, p.split())) for p in ordered)


@cache
def _roles() -> dict[str, set[str]]:
    """The lexicon's glue phrases by role ('subset', 'additive', 'update', ...)."""
    roles: dict[str, set[str]] = {}
    for phrase, role, _kind in read_lexicon("casualties.tsv"):
        roles.setdefault(role, set()).add(phrase)
    return roles


def subset_phrases() -> str:
    """The phrases that make what follows part of a figure told before ('including', 'among
    them', 'most of them'), as a regular-expression alternation."""
    return _alternation(_roles()["subset"])


_RANK = r"(?!\s*-?\s*(?:city|cities|largest|biggest|most\b|richest|poorest|oldest))"
"""After an ordinal, a rank, not another of the events or victims: "Syria's second city",
"the third-largest town" add nothing (numbers v80)."""


@cache
def _markers() -> _Markers:
    roles = _roles()
    among = _alternation({p for p in roles["subset"] if p.startswith("among")})
    return _Markers(
        re.compile(rf"\b(?:{subset_phrases()})[\s,:]*$", re.IGNORECASE),
        re.compile(rf"\s*(?:(?:were|was|are|is)\s+)?(?:{among})\b", re.IGNORECASE),
        re.compile(rf"\b(?:{among})$", re.IGNORECASE),
        re.compile(rf"\b(?:{_alternation(roles['additive'])})\b{_RANK}", re.IGNORECASE),
        re.compile(rf"\b(?:{_alternation(roles['update'])})\b", re.IGNORECASE),
        re.compile(rf"\b(?:{_alternation(roles['toll'])})\b[^.;]{{0,40}}?"
                   rf"\b(?:{_alternation(roles['update'])})\b", re.IGNORECASE),
        re.compile(rf"\b(?:{_alternation(roles['period'])})\b", re.IGNORECASE),
        re.compile(r"^(?:he|she)\b|\b(?:him|her)$", re.IGNORECASE),
    )


def toll_updated(text: str) -> bool:
    """Whether ``text`` tells a toll that rose ('the death toll rose to 12 on Monday'): the
    lexicon's toll noun, then its update verb within a few words."""
    return bool(_markers().toll_update.search(text))


AGGREGATE = 10_000
"""A figure this large counts the victims of many events ("the war has killed more than
350,000", "killed and detained hundreds of thousands"): no single event of ACLED's kinds has
such a toll (its largest are in the low thousands), so it is background, not an event's."""


def aggregate(mention: CountMention) -> bool:
    """Whether the figure is a war's or a period's toll rather than one event's."""
    return mention.low >= AGGREGATE


def fatalities(doc: Analysis, within: Span | None = None) -> tuple[int, Span | None]:
    """Killed, by ACLED's rules, and the span of the words it came from (None: no mention).
    With no dead counted, the injured whose clause tells they died ('a child was wounded by
    shelling and later died') are the dead (numbers v15)."""
    figure, span = total(doc, "killed", within)
    if figure == 0:
        died = _wounded_then_dead(doc, within)
        if died:
            return sum(m.low for m in died), doc.span(died[0].span.start, died[-1].span.end)
    return figure, span


def injured(doc: Analysis, within: Span | None = None) -> tuple[int, Span | None]:
    """Injured, by the same rules as ``fatalities``, less the wounded told to have died of
    their wounds after ('one of them later died', 'he died of his injuries': numbers v15),
    who are counted among the dead only, as ACLED and the Aid Worker Security Database do."""
    figure, span = total(doc, "injured", within)
    if figure and span is not None:
        figure = max(0, figure - _died_of_wounds(doc, span.start, within))
    return figure, span


_DIE = r"(?:died|succumbed|passed\s+away)"
_LATER = r"(?:later\s+|subsequently\s+|eventually\s+)?"
_DIED_LATER = re.compile(
    r"[^.;]{0,40}?\bof\s+(?:them|those|these|whom|the\s+(?:wounded|injured))\b[^.;]{0,30}?\b"
    + _DIE
    + r"|[^.;]{0,40}?\bsuccumbed\b"
    + r"|[^.;]{0,40}?\b" + _DIE + r"\b[^.;]{0,50}?\b(?:of|from|to)\s+(?:his|her|their|the)\s+"
    r"(?:wounds|injuries)\b"
    r"|(?:he|she|they|the\s+(?:victims?|individual|man|woman|wounded|injured))\s+"
    + _LATER + _DIE + r"\b", re.IGNORECASE)
"""A dead count that tells of the wounded, where its words start: one of them that died,
one that succumbed, one that died of their wounds or injuries, or one named back ('he later
died', 'the victim died')."""
_AND_DIED = re.compile(
    r"[^.;,]{0,60}?\s(?:and|but)\s+" + _LATER + _DIE + r"\b", re.IGNORECASE)
"""After the injured, in their clause: 'and later died', 'but died'."""


def _died_of_wounds(doc: Analysis, after: int, within: Span | None) -> int:
    """The wounded told to have died: the dead counted after ``after`` whose words tell they
    died of wounds ('one of them later died'), and the injured whose clause goes on to say so
    ('the individual was injured but later died of his injuries')."""
    dead = sum(m.low for m in _counts(doc, "killed", within)
               if m.span.start > after and _DIED_LATER.match(doc.text, m.span.start))
    return dead + sum(m.low for m in _wounded_then_dead(doc, within))


def _wounded_then_dead(doc: Analysis, within: Span | None) -> list[CountMention]:
    """The injured whose own clause goes on to tell they died ('was injured but later
    died', 'was wounded by shelling and later died')."""
    return [m for m in _counts(doc, "injured", within) if _AND_DIED.match(doc.text, m.span.end)]


def _counts(doc: Analysis, kind: str, within: Span | None) -> list[CountMention]:
    """The document's figures of ``kind`` (inside ``within``), aggregates left out, and the
    wounds of a victim counted before (``_of_the_dead``), and a count with no number inside
    another's words."""
    counts = [m for m in doc.counts if m.kind == kind and not aggregate(m)
              and (within is None or within.start <= m.span.start < within.end)
              and not (kind == "injured" and _of_the_dead(doc, m))]
    return [m for m in counts if not (m.numberless and m.low > 1 and any(  # inside a count's
        o is not m and o.span.start <= m.span.start and m.span.end <= o.span.end  # words:
        for o in counts))]  # 'the death toll of soldiers rose to 15' is 15, not 25 (v74)


_ONE_OF_THE = (r"\b(?:(?:one|two|three|four|five|some|many|most|all|each|several|both)\s+of"
               r"\s+the|among\s+the)\s+")
_OF_THE_DEAD = re.compile(_ONE_OF_THE + r"(?:dead|deceased|slain|killed|bodies|those\s+killed)"
                          r"\b[^.;]*$", re.IGNORECASE)
_OF_THE_VICTIMS = re.compile(_ONE_OF_THE + r"victims\b[^.;]*$", re.IGNORECASE)


def _of_the_dead(doc: Analysis, mention: CountMention) -> bool:
    """Whether an injured count tells of one of the victims counted before: how one of the
    dead died ('One of the dead was a teacher who was shot in the chest'; 'killing two men
    ... One of the victims, a student, was shot in the head') or one of the wounded counted
    already ('wounded four; one of the victims, a boy, was shot in the leg'; numbers v69).
    'Among the victims' with no count before still counts its wounded."""
    start = mention.span.start
    if _OF_THE_DEAD.search(doc.text, max(0, start - 60), start):
        return True
    return bool(_OF_THE_VICTIMS.search(doc.text, max(0, start - 60), start)) and any(
        c.kind in ("killed", "injured") and c.span.end <= start for c in doc.counts)


def total(doc: Analysis, kind: str, within: Span | None = None) -> tuple[int, Span | None]:
    """One figure for ``kind`` from the document's counts (inside ``within`` if given).

    Distinct groups in one sentence add up ("3 soldiers and 2 civilians killed" = 5); a later
    sentence adds when it says so ("also", "another", "a second"), introduces a new victim
    ("a child was killed") or counts other victims (civilians after soldiers); it replaces the
    figure when it updates it ("the toll rose to 12"); otherwise it reports the same victims:
    conflicting figures give the lowest, duplicates count once.
    Zero ("no casualties") counts only when no figure above zero is reported; an aggregate
    figure (``AGGREGATE`` or more) counts no event's victims and is left out.
    """
    markers = _markers()
    mentions, parts, among = [], [], []
    counts = _counts(doc, kind, within)
    told = _told_apart(doc.text, counts)
    for m in counts:
        if markers.subset_after.match(doc.text, m.span.end, m.span.end + 40) or (
                markers.subset_end.search(m.span.text)):
            among.append(m)  # '20 women among the dead': part of a whole told, if any (v74)
            continue
        part = markers.subset.search(doc.text[max(0, m.span.start - 40):m.span.start])
        (parts if part or id(m) in told else mentions).append(m)
    if mentions:
        parts += among
    else:
        mentions = among  # 'a staff member was among those killed': no whole told
    if not mentions:
        return 0, None
    figures = _sentence_figures(doc, kind, mentions, markers)
    if not figures:
        return 0, None
    if any(figure > 0 for figure, _g, _m in figures):
        figures = [entry for entry in figures if entry[0] > 0]
    used = _combined(figures)
    value = sum(m.low for m in used)
    largest = max(parts, key=lambda m: m.low, default=None)
    if largest is not None and largest.low > value:  # a part is no more than the whole:
        value, used = largest.low, [largest]  # 'dozens were killed, including 40 ...' (v68)
    return value, doc.span(min(m.span.start for m in used), max(m.span.end for m in used))


_APPOSED = re.compile(r",\s*$")
"""Right before the first count that tells people apart: a comma, no 'and' ('3 policemen, 2
militia members, and 1 soldier' is a list)."""


def _told_apart(text: str, counts: list[CountMention]) -> set[int]:
    """``id`` of the counts that tell apart the people a count of unnamed people holds, in
    its own words after a comma ('Three members of one family, a father and his two sons,
    were killed': three, not six; numbers v72): nested in its span, adding up to no more than
    it, right after a comma. A list of groups ('Two soldiers, three civilians and a child were
    killed'; '2 militia members, and 1 soldier') adds up."""
    out: set[int] = set()
    for outer in counts:
        if outer.who not in (None, "people"):
            continue
        inner = [m for m in counts if m is not outer and outer.span.start < m.span.start
                 and m.span.end <= outer.span.end]
        if inner and _APPOSED.search(text, outer.span.start,
                                     min(m.span.start for m in inner)) and (
                sum(m.low for m in inner) <= outer.low):
            out.update(id(m) for m in inner)
    return out


_Figure = tuple[int, list[CountMention], str]
"""A sentence's figure, its mentions and how it stands to the figures before it: 'add',
'update' or '' (the same victims told again)."""


def _combined(figures: list[_Figure]) -> list[CountMention]:
    """The mentions whose figures make the total: a later sentence adds, replaces or repeats
    the figure before it by its mode and by whose victims it counts (``total``)."""
    value, used = figures[0][0], list(figures[0][1])
    seen = {m.who for m in used}
    for figure, group, mode in figures[1:]:
        whos = {m.who for m in group}
        named = not (whos | seen) & {None, "people"}
        new = [m for m in group if m.who not in seen]
        if mode == "add" or (named and not whos & seen):
            value, used = value + figure, used + group
        elif mode != "update" and new and named:
            # "3 soldiers were killed ... 1 militant and 1 soldier were killed": the militant
            # is another victim, the soldier may be one counted before (numbers v25)
            value, used = value + sum(m.low for m in new), used + new
        elif mode == "update" or (figure < value and not all(m.numberless for m in group)):
            # a bare plural or a vague word after a figure names its victims again, uncounted
            # (numbers v73, v74)
            value, used = figure, list(group)
        seen |= whos
    return used


def _sentence_figures(doc: Analysis, kind: str, mentions: list[CountMention],
                      markers: _Markers) -> list[_Figure]:
    """Each sentence's figure of ``kind``, in order, less a period's toll."""
    bounds = [(s.span.start, s.span.end) for s in doc.sentences] or split(doc.text)
    again = title_again(doc.text) or (-1, -1)
    if again[1] > 0:  # the title printed again ends a sentence (v74)
        bounds = [piece for start, end in bounds for piece in (
            [(start, again[1]), (again[1], end)] if start < again[1] < end else [(start, end)])]
    head, titles_only = title_line(doc.text) or -1, True
    bounds = [piece for start, end in bounds for piece in _accounts(doc.text, start, end)]
    firsts = [start for start, _end in bounds]
    sentences: dict[int, list[CountMention]] = {}
    for mention in mentions:
        sentences.setdefault(bisect_right(firsts, mention.span.start) - 1, []).append(mention)
    figures: list[_Figure] = []
    others = sorted((m.span.start, m.span.end) for m in doc.counts if m.kind != kind)
    for index in sorted(sentences):
        group, cause = _before_after(doc.text, bounds[index],
                                     list({m.span: m for m in sentences[index]}.values()))
        named = [m for m in group if not (m.low == 1 and markers.pronoun.search(m.span.text))]
        group = named or group  # "a staff member was hurt when he was stabbed": one (v16)
        text = _without(doc.text, bounds[index], others) if index >= 0 else ""
        if markers.period.search(text):
            continue  # "in recent days 57 civilians were killed": many events' toll
        if figures and cause:
            continue  # "... motivated by revenge after the body of a woman was found" (v49)
        # "a child was killed" adds a victim, and "separate raids ... killed 25" adds its 25,
        # unless only the title told as many before: then it is the lead telling the
        # headline's again (numbers v81, v82)
        again_told = bool(figures) and titles_only and (
            sum(m.low for m in group) == figures[-1][0])
        fresh = all(_INDEFINITE.match(m.span.text) for m in group)
        mode = "" if again_told else "add" if fresh or markers.additive.search(text) else ""
        mode = mode or ("update" if markers.update.search(text) else "")
        figures.append((sum(m.low for m in group), group, mode))
        titles_only = titles_only and (bounds[index][1] <= head or bounds[index][1] == again[1])
    return figures


_AFTER = re.compile(r"\bafter\b", re.IGNORECASE)


def _before_after(text: str, bounds: tuple[int, int], group: list[CountMention]
                  ) -> tuple[list[CountMention], bool]:
    """A sentence's figures, less those after a bare 'after' when some come before it: the
    clause after it tells what the event followed ("Clashes killed 50 people after the body of
    a woman was found": 50, not 51), not more of its victims (numbers v27); and whether every
    figure comes after an 'after' inside the sentence, so that the whole sentence, told after
    the first, is such a clause ('The attack was motivated by revenge after the body of a woman
    was found nearby': numbers v49; an 'after' that opens it, 'After the clashes, two more
    died', is not)."""
    start, end = bounds
    after = _AFTER.search(text, start, end)
    if after is None:
        return group, False
    before = [m for m in group if m.span.end <= after.start()]
    if before:
        return before, False
    return group, text[start:after.start()].strip() != ""


_CONTRAST = re.compile(r",?\s+(?:while|but|whereas|though|although|even\s+though)\s+|;\s+",
                       re.IGNORECASE)
_OWN_ACCOUNT = re.compile(r"\s+(?:but|though|although|even\s+though)\s+", re.IGNORECASE)
"""Contrasts after which a source's figure disputes the text's own account before them ("At
least 12 people were killed, though the army put the toll at five"): the first account needs
no source of its own (numbers v66)."""


@cache
def _told() -> re.Pattern[str]:
    return re.compile(rf"\b(?:{source_verbs()}|according\s+to|put\s+the\s+(?:death\s+)?toll)\b",
                      re.IGNORECASE)


def _accounts(text: str, start: int, end: int) -> list[tuple[int, int]]:
    """The sentence ``text[start:end]``, or its two accounts when a contrast joins two told by
    different sources ("The strike killed 12, the Observatory said, while state media put the
    toll at 7"; "Rebels said they killed 30 soldiers, but the army said only four died"): each
    account's figure is then weighed as a sentence's is, so conflicting tolls give the lowest,
    where one sentence's groups add up (numbers v26). After 'but', 'though' or 'although'
    the first account may be the text's own, told by no source (v66)."""
    contrast = _CONTRAST.search(text, start, end)
    if contrast is None:
        return [(start, end)]
    told = _told()
    if told.search(text, contrast.end(), end) and (
            told.search(text, start, contrast.start())
            or _OWN_ACCOUNT.fullmatch(contrast.group().lstrip(","))):
        return [(start, contrast.start()), (contrast.start(), end)]
    return [(start, end)]


def _without(text: str, bounds: tuple[int, int], spans: list[tuple[int, int]]) -> str:
    """The sentence's words with the figures of other kinds (``spans``: sorted (start, end))
    blanked out: the 'others' of 'and dozens of others injured' says nothing of how the
    killed add up."""
    start, end = bounds
    words = text[start:end]
    for a, b in spans[bisect_left(spans, (start, -1)):bisect_left(spans, (end, -1))]:
        words = words[:a - start] + " " * (min(b, end) - a) + words[min(b, end) - start:]
    return words
