"""A victim named rather than counted: 'Journalist Javier Valdez was shot dead', 'gunmen shot
dead journalist Javier Valdez', 'gunmen killed Ahmed Ali, a local councillor': one dead
(numbers v31). The numbers stage reads counts and the nouns a figure or an article makes one
victim; a title before a name, with no article, and a name before its title were none."""

from __future__ import annotations

import re

from raqib.extract.model import Analysis, CountMention

_TITLE = (r"(?i:journalist|reporter|photographer|activist|president|prime\s+minister|minister|"
          r"mayor|governor|councillor|councilor|lawmaker|senator|judge|lawyer|priest|imam|"
          r"cleric|official|candidate|commander|general|colonel|chief|leader|major|captain|"
          r"lieutenant|sergeant|brigadier|sheikh|pastor|chairman|businessman)")
_NAME = r"[A-Z][\w'’-]+(?:\s+(?:al-|el-|bin\s+|ibn\s+|de\s+|van\s+)?[A-Z][\w'’-]+){0,3}"
_DIED = (r"(?i:shot\s+dead|shot\s+and\s+killed|killed|assassinated|murdered|stabbed\s+to\s+death|"
         r"beaten\s+to\s+death|beheaded|executed|lynched)")
_PASSIVE = r"\s+(?i:was|has\s+been|had\s+been)\s+"
_APPOSITION = r",\s+[^,;.]{2,60},"
_NAMED = re.compile(
    rf"\b{_TITLE}\s+(?P<a>{_NAME})(?:{_APPOSITION})?{_PASSIVE}{_DIED}\b"
    rf"|\b(?P<d>{_NAME}),\s+(?i:a|an|the)\s+(?:[\w-]+\s+){{0,3}}?{_TITLE}\b[^,;.]{{0,40}},"
    rf"{_PASSIVE}{_DIED}\b"
    rf"|\b{_DIED}\s+(?:(?i:the|a|an|local|former|prominent|senior|veteran)\s+){{0,2}}"
    rf"{_TITLE}\s+(?P<b>{_NAME})"
    rf"|\b{_DIED}\s+(?P<c>{_NAME}),\s+(?i:a|an|the)\s+(?:[\w-]+\s+){{0,2}}?{_TITLE}\b")
"""A title and a name before a passive casualty verb, an apposition between them or not
('General Abdul Raziq, the police chief of Kandahar, was killed'; numbers v32), or after an
active one; a name and its title in apposition after the active verb, or before the passive
one ('Mohammed Homsi, a former rebel commander, was shot dead'; v32)."""


_HEADLINE = re.compile(rf"(?:[\w'’-]+\s+){{0,2}}?{_TITLE}\s+{_NAME}\s+{_DIED}\b")
"""A sentence that opens with a title, a name and the casualty verb, without 'was', as a
headline writes it ('Journalist Javier Valdez shot dead in Culiacan'; numbers v35), one or
two words before the title or not ('Ruling party official Adrien Mudomo shot dead'; v47)."""


def named_victims(doc: Analysis) -> list[CountMention]:
    """One killed for each victim named so, in a sentence where no killed count was read
    (a count there already holds the victims it tells)."""
    counted = [c.span for c in doc.counts if c.kind == "killed"]
    found = []
    for sentence in doc.sentences:
        start, end = sentence.span.start, sentence.span.end
        if any(start <= s.start < end for s in counted):
            continue
        headline = _HEADLINE.match(doc.text, start, end)
        for match in [headline] if headline else _NAMED.finditer(doc.text, start, end):
            found.append(CountMention(doc.span(match.start(), match.end()), "killed", 1))
    return found
