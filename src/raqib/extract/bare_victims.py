"""A victim a short note or a headline names without its article ('Militiamen kill merchant in
Feina', 'Bar owner shot dead'): where the numbers stage (``raqib.extract.numbers``) reads such
a singular person noun as one victim (numbers v47, v52)."""

from __future__ import annotations

from collections.abc import Collection

from raqib.extract.casualty_words import END

KILL_ACTIVE = frozenset(["kill", "kills", "killed", "killing", "murdered", "murder", "murders",
                         "lynched", "lynches", "executed", "assassinated", "beheaded"])
"""Active killing verbs a bare singular victim may follow in a short note ('kill merchant')."""


def bare_object(w: list[str], i: int, determiners: Collection[str],
                nouns: Collection[str]) -> bool:
    """Whether the person noun at token ``i`` is the object of an active killing verb without
    its article ('Militiamen kill merchant in Feina', 'Soldiers killed civilian in Barodo';
    v47): not an adjective of a noun after it ('killed civilian protesters'), nor the verb an
    adjective after a determiner ('the killed soldier'). ``determiners``: the words that make
    a noun one victim ('the', 'a', 'his'); ``nouns``: the person and thing nouns."""
    return (i > 0 and w[i - 1] in KILL_ACTIVE
            and not (i > 1 and w[i - 2] in determiners)
            and not (i + 1 < len(w) and w[i + 1] in nouns))


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
