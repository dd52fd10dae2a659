"""The dead a crowd protests, an arrest is for or an attack avenges, who died before it
(``raqib.extract.assemble`` v61, v63, v64, v80): none of its fatalities, and their day not its
own."""

from __future__ import annotations

import re

from raqib.extract.model import CountMention

_DEAD = (r"(?:the\s+)?(?:alleged\s+|recent\s+|brutal\s+|(?:extra-?)?judicial\s+)?(?:killings?|"
         r"deaths?|murders?|shooting|lynching|assassination)\s+of\b")
_DIED_BEFORE = re.compile(
    r"\b(?:protest(?:ed|ing|s)?|in\s+protest\s+(?:at|against|over)|over|against|denounc(?:e|ed|"
    r"ing)|condemn(?:ed|ing)?|justice\s+for|mourn(?:ed|ing)?|(?:suspected|accused)\s+of\s+"
    r"(?:involvement\s+in|taking\s+part\s+in)?|charged\s+with|in\s+connection\s+with|for\s+"
    r"(?:their|his|her)\s+(?:role|part)\s+in)\s+" + _DEAD, re.IGNORECASE)
"""Right before the dead a crowd protests ('to protest the killing of a motorcyclist by
police', 'over the death of a student') or an arrest is for ('suspected of involvement in the
killing of a judge': v64): they died before the protest or the arrest, and are none of its
fatalities (a peaceful protest counts none at all: ``HARMLESS``)."""
_AVENGED = re.compile(
    r"\b(?:in\s+(?:retaliation|revenge|reprisal)\s+for|to\s+avenge)\s+" + _DEAD, re.IGNORECASE)
"""Right before the dead an event of any type avenges ('attacked the police station in
retaliation for the killing of one of their fighters', 'to avenge the death of a herder':
v80)."""


def day_of_dead_before(text: str, start: int) -> bool:
    """Whether a day named at ``start`` is in the clause of the dead a crowd protests ('against
    the killing of three demonstrators last week')."""
    return any(not re.search(r"[,;.]", text[m.end():start]) for m in _DIED_BEFORE.finditer(
        text, max(0, start - 120), start))


def died_before(text: str, count: CountMention, crowd: bool) -> bool:
    """Whether ``count`` is of the dead an event avenges, or (``crowd``: the event is a
    crowd's or an arrest) of the dead a crowd protests or an arrest is for: its words end
    such a phrase or start inside one ('to protest the killing of a motorcyclist')."""
    start = count.span.start
    window = max(0, start - 60), min(len(text), start + 40)
    return any(m.start() < start <= m.end() + 1
               for pattern in ((_DIED_BEFORE, _AVENGED) if crowd else (_AVENGED,))
               for m in pattern.finditer(text, *window))
