"""Two sentence forms of the claims stage (``raqib.extract.claims``) that name the claimant
after what is claimed: an accusation in the passive ('The army was accused by residents of
burning houses': v11) and a denial told after a comma (', a charge Damascus rejected as a
fabrication': v12)."""

from __future__ import annotations

import re

from raqib.extract.claims_lexicon import trim
from raqib.extract.claims_speaker import Found

_ACCUSED_BY = re.compile(
    r"\b(?:was|were|is|are|has\s+been|have\s+been|had\s+been)\s+(?:also\s+|repeatedly\s+)?"
    r"(?:accused|blamed)\s+by\s+(?P<who>[^,;.]{2,80}?)\s+(?:of|for)\s+(?P<what>[^;]{3,})",
    re.IGNORECASE)
"""'The army was accused by residents of burning houses': the accusers accuse, of what
follows 'of' (v11)."""
_REBUTTED = re.compile(
    r",\s+(?:a|an|the)\s+(?:charge|claim|accusation|allegation|report|version|account)s?\s+"
    r"(?:that\s+)?(?P<who>[^,;.]{2,60}?)\s+(?:has\s+|had\s+|have\s+|quickly\s+|strongly\s+)?"
    r"(?:denied|denies|rejected|rejects|dismissed|dismisses|refuted|refutes|disputed|disputes)\b",
    re.IGNORECASE)
"""', a charge Damascus rejected as a fabrication', ', a claim the vessel's operator denied':
the one named denies what the sentence told before the comma (v12)."""


def accused_by(text: str, a: int, b: int) -> Found | None:
    """The accusation of 'X was accused by Y of Z' in ``text[a:b]``: Y accuses, of Z."""
    passive = _ACCUSED_BY.search(text, a, b)
    if passive is None:
        return None
    s, e = trim(text, *passive.span("what"))
    return Found(passive.group("who"), passive.span("who"), "accuses", s, e, False)


def rebuttal(text: str, a: int, b: int, out: list[Found]) -> Found | None:
    """The denial of ', a charge X rejected' in ``text[a:b]``: of what the sentence told
    before the comma (the claim there in ``out``, which is cut at the comma, or the
    sentence's words up to it)."""
    rebut = _REBUTTED.search(text, a, b)
    if rebut is None:
        return None
    cut = rebut.start()
    for f in out:
        if f.start < cut < f.end:
            f.end = trim(text, f.start, cut)[1]
    told = [f.start for f in out if f.start < cut]
    s, e = trim(text, told[-1] if told else a, cut)
    return Found(rebut.group("who"), rebut.span("who"), "denies", s, e, False)
