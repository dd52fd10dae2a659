"""Sentence forms of the claims stage (``raqib.extract.claims``) that its reporting verbs do
not read alone: two that name the claimant after what is claimed, an accusation in the passive
('The army was accused by residents of burning houses': v11) and a denial told after a comma
(', a charge Damascus rejected as a fabrication': v12); and a denial by a name for the account
('The opposition called it a fabrication', 'described the claims as lies': v20); two
parties that blame each other ('The army and the RSF traded blame for the shelling': v22)."""

from __future__ import annotations

import re

from raqib.extract.claims_lexicon import FALSEHOOD, Lexicon, trim
from raqib.extract.claims_speaker import Found, subject

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


_BRANDED = re.compile(
    r"\b(?:called|calls|call|described|describes|describe|branded|brands|brand|labell?ed|"
    r"labels|termed|terms|dubbed|dubs|dismissed|dismisses|dismiss)\s+(?P<what>"
    r"(?:(?:it|this|that|them|these|those)|(?:the|these|those|such|their|its|his|her|"
    r"[A-Z][\w-]*['’]s?)\s+(?:[\w-]+\s+){0,3}?(?:accusations?|allegations?|claims?|"
    r"reports?|charges?|accounts?|stor(?:y|ies)|footage|videos?|images?|pictures?|photos?|"
    r"news))\s+(?:as\s+)?(?:(?:an?|pure|complete|total|outright|blatant|sheer|baseless|"
    r"mere)\s+)*" + FALSEHOOD + r")\b", re.IGNORECASE)
"""'called it a fabrication', 'described the claims as lies', 'branded the reports false',
'dismissed Russia's accusations as propaganda': naming the account a falsehood (v20)."""


def branded(lex: Lexicon, text: str, a: int, b: int) -> Found | None:
    """The denial of 'X called it a fabrication' in ``text[a:b]``: X, the subject before the
    verb, denies what the words name (the account told before, or named in them)."""
    brand = _BRANDED.search(text, a, b)
    if brand is None:
        return None
    cspan = subject(lex, text, a, brand.start())
    if cspan is None:
        return None
    s, e = trim(text, *brand.span("what"))
    return Found(text[cspan[0] : cspan[1]], cspan, "denies", s, e, False)


_EACH_OTHER = re.compile(
    r"\b(?:traded|trade|trading|exchanged|exchange|exchanging)\s+(?:blame|accusations|charges)"
    r"|\b(?:blamed|blame|blaming|accused|accuse|accusing)\s+(?:each\s+other|one\s+another)",
    re.IGNORECASE)
_BOTH_BEFORE = re.compile(r"\s*,?\s+and\s+$", re.IGNORECASE)
_AND = re.compile(r"\s+and\s+", re.IGNORECASE)


def each_other(lex: Lexicon, text: str, a: int, b: int) -> list[Found]:
    """'The army and the RSF traded blame for the shelling of a market': each party of the
    subject accuses (the other) of what follows (v22). The second party is
    the subject before the verb, the first the subject before the 'and' that precedes it."""
    blame = _EACH_OTHER.search(text, a, b)
    if blame is None:
        return []
    second = subject(lex, text, a, blame.start())
    inner = list(_AND.finditer(text, *second)) if second else []
    if second and inner:  # 'Armenia and Azerbaijan': one subject of two names
        first, second = trim(text, second[0], inner[-1].start()), trim(
            text, inner[-1].end(), second[1])
    else:
        join = _BOTH_BEFORE.search(text, a, second[0]) if second else None
        first = subject(lex, text, a, join.start()) if join else None
    s, e = trim(text, blame.end(), b)
    if first is None or second is None or e - s < 3:
        return []
    return [Found(text[p[0] : p[1]], p, "accuses", s, e, False) for p in (first, second)]
