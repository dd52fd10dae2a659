"""Arabic words as the word lists hold them: folded spelling, and the word without the
letters Arabic writes onto its front.

Arabic joins a conjunction (و "and", ف "so"), a preposition (ب "with, by", ل "for", ك
"like") and the article (ال) to the word that follows: "وبالمدفعية" is "and with the
artillery", "وإصابة" "and the wounding of". A word list cannot hold every such form, so the
stages that read words from lists (numbers, weapons) try the word as written and then without
those letters, in that order, each folded as search folds it (``raqib.search.folding``:
"اصابة" and "إصابة" alike). The word as written comes first, so a word that merely begins
with those letters ("لغم", a landmine) is still itself.
"""

from __future__ import annotations

import re

from raqib.search.folding import fold

ARABIC = re.compile("[\u0600-\u06FF]")
_FRONT = re.compile("^(?P<conj>[وف])?(?P<prep>[بلك])?(?P<art>ال)?")


def readings(word: str) -> list[str]:
    """``word`` folded, then folded without its conjunction, preposition and article, the
    longest first; a word without Arabic letters is only itself. A reading keeps at least
    two letters ("بل" is a word, not "with" and nothing)."""
    if not ARABIC.search(word):
        return [word]
    folded = fold(word)
    found = [folded]
    front = _FRONT.match(folded)
    if front is None:
        return found
    cuts = []
    if front.group("conj"):
        cuts.append(1)
    if front.group("prep"):
        cuts.append(front.end("prep"))
    if front.group("art"):
        cuts.append(front.end("art"))
    if front.group("prep") == "ل" and folded[front.end("prep"):].startswith("ل"):
        cuts.append(front.end("prep") + 1)  # "للمدنيين": li + (a)l- written as one lam
    for cut in cuts:
        rest = folded[cut:]
        if len(rest) >= 2 and rest not in found:
            found.append(rest)
    return found


def known(word: str, vocabulary: set[str] | dict[str, object]) -> str:
    """The first reading of ``word`` that ``vocabulary`` holds, else ``word``."""
    if word.isascii():  # most words of most texts: no regular expression for them
        return word
    for reading in readings(word):
        if reading in vocabulary:
            return reading
    return word
