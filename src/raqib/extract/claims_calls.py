"""A claim's stance refined by its words, and a call split into the things it calls for
(``raqib.extract.claims``): "... are lies" denies, "We call for A; B; and C" is three calls."""

from __future__ import annotations

import re

from raqib.extract.claims_lexicon import TOKEN, Lexicon, trim
from raqib.extract.claims_speaker import Found

_OWN_CLAUSE = re.compile(
    r"(?:[\w’'-]+\s+){1,3}?(?:was|were|had|has|have|used|fired|dispersed|arrested|detained|"
    r"killed|shot|attacked|stormed|raided|responded|said|denied|clashed|beat)\b", re.IGNORECASE)
"""A piece after a semicolon that opens with its own subject and verb ('...; police used tear
gas to disperse them') is a clause of its own, not one more of the things called for (v13)."""


def refine(lex: Lexicon, text: str, f: Found) -> list[Found]:
    """``f`` with the stance its words give it ('... are lies': denies; a call's words:
    calls_for), a call split at its semicolons into one claim a thing called for."""
    content = text[f.start : f.end]
    if f.stance == "asserts" or (f.stance == "accuses" and f.implicit):
        if lex.find("falsity", content) or lex.find("disowned", content):
            f.stance = "denies"  # "... are lies"; "its aircraft had not carried out" (v7)
        elif lex.find("call", content):
            f.stance = "calls_for"
    call = lex.find("call", content)
    if f.stance != "calls_for":
        return [f]
    start, out = f.start, []
    if call and (not content[: call.start()].strip(" ,") or _self_call(content, call, lex)):
        start = f.start + call.end()  # "We reiterate the need to …": the called-for acts
    for n, piece in enumerate(text[start : f.end].split(";")):
        s, e = trim(text, start, start + len(piece))
        s += len(re.match(r"(?:and|or)\s+|", text[s:e]).group())
        if n and _OWN_CLAUSE.match(text, s, e):
            break
        if e - s >= 3:
            out.append(Found(f.claimant, f.cspan, f.stance, s, e, f.hedged, f.implicit))
        start += len(piece) + 1
    return out or [f]


def _self_call(content: str, call: re.Match[str], lex: Lexicon) -> bool:
    return all(lex.has("self", w) or lex.has("np_adverb", w) or w.lower() in lex.verb_words
               for w in TOKEN.findall(content[: call.start()]))
