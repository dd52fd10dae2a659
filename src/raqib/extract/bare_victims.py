"""A victim a short note or a headline names without its article ('Militiamen kill merchant in
Feina', 'Bar owner shot dead'): where the numbers stage (``raqib.extract.numbers``) reads such
a singular person noun as one victim (numbers v47, v52)."""

from __future__ import annotations

from collections.abc import Collection

from raqib.extract.casualty_words import END

KILL_ACTIVE = frozenset(["kill", "kills", "killed", "killing", "murdered", "murder", "murders",
                         "lynched", "lynches", "executed", "assassinated", "beheaded"])
"""Active killing verbs a bare singular victim may follow in a short note ('kill merchant')."""


DESCRIBING_MOST = 3
"""Tokens that may describe a bare victim between the verb and it ('kills al-Shabaab
commander', 'kills senior ISIS commander'; numbers v88)."""
_NO_DESCRIPTION = frozenset(["in", "of", "on", "at", "by", "for", "with", "from", "to", "and",
                             "or", "as", "after", "near", "while", "when", "who", "that"])
"""Words that end what describes a victim: a phrase or a clause opens there."""
_SHOOT = frozenset(["shoot", "shoots", "shot"])
"""Before 'dead', a killing verb ('Police shoot dead robbery suspect'; numbers v89)."""


def bare_object(w: list[str], i: int, determiners: Collection[str],
                nouns: Collection[str]) -> int | None:
    """Where the victim's words start when the person noun at token ``i`` is the object of
    an active killing verb without its article ('Militiamen kill merchant in Feina',
    'Soldiers killed civilian in Barodo'; v47), also after words that describe it ('Drone
    strike kills al-Shabaab commander', 'Gunmen kill police commander': v88): the first
    describing word's token, else ``i``; None when it is no such object: an adjective of a
    noun after it ('killed civilian protesters'), or the verb an adjective after a
    determiner ('the killed soldier'). ``determiners``: the words that make a noun one
    victim ('the', 'a', 'his'); ``nouns``: the person and thing nouns."""
    if i + 1 < len(w) and w[i + 1] in nouns:
        return None
    for k in range(i - 1, max(-1, i - 2 - DESCRIBING_MOST), -1):
        if w[k] in KILL_ACTIVE or (w[k] == "dead" and k > 0 and w[k - 1] in _SHOOT):
            return None if k > 0 and w[k - 1] in determiners else k + 1
        if w[k] in determiners or w[k] in _NO_DESCRIPTION or not (
                w[k].isalpha() or w[k] == "-"):
            return None
    return None


def opens(w: list[str], i: int, glue: Collection[str]) -> bool:
    """Whether token ``i`` opens its sentence, or follows only one or two words that describe
    it there ('Bar owner shot dead', 'Ruling party official killed', 'UN staff was shot';
    v47, v52); ``glue``: the function and stop words, which describe nothing."""
    for k in range(i, max(-1, i - 3), -1):
        if k == 0 or w[k - 1] in END:
            return True
        before = w[k - 1]
        if not before.isalpha() or before in glue:
            return False
    return False
