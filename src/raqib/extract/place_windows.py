"""The places stage's candidate windows (``raqib.extract.places``): the runs of words that
may name a place, and the sub-runs of each that the gazetteer is asked about. Split from
``raqib.extract.places`` in its v9.
"""

from __future__ import annotations

from collections.abc import Mapping

from raqib.extract.gazetteer import loose_key, name_key
from raqib.extract.place_rules import (
    POSSESSIVE_ENDS,
    PROCLITICS,
    TOKEN,
    Window,
    cached_key,
    continues,
    eligible,
    is_acronym,
    is_arabic,
    opens_name,
)


def name_windows(text: str, starts: set[int], stopwords: frozenset[str],
                 country_keys: Mapping[str, str], longest: int) -> list[Window]:
    """Every window of ``text`` that may be a place name: the runs of name words (see
    ``place_rules.eligible``) and, within each, every sub-run that opens a name, up to
    ``longest`` words; ``starts``: the offsets where sentences start; ``stopwords``: keys
    that are never places (a run of several that is one blocks its words); ``country_keys``:
    the keys of country names, whose possessive qualifies the name after it instead."""
    tokens = [(m.start(), m.end()) for m in TOKEN.finditer(text)]
    tokens.append((len(text) + 2, len(text) + 2))
    windows: list[Window] = []
    chain: list[tuple[int, int]] = []
    for number, token in enumerate(tokens):
        if chain and not continues(text, chain, token):
            windows += _chain_windows(text, chain, starts, stopwords, country_keys, longest)
            chain = []
        if token[0] < len(text) and eligible(text, token, bool(chain), tokens[number + 1]):
            chain.append(token)
    return windows


def _chain_windows(text: str, chain: list[tuple[int, int]], starts: set[int],
                   stopwords: frozenset[str], country_keys: Mapping[str, str],
                   longest: int) -> list[Window]:
    arabic = is_arabic(text[chain[0][0]])
    out = []
    # how many capitalised, non-generic words the chain holds up to each position, so
    # that "does a word outside the window join it" costs O(1) (long chains exist)
    prefix = [0]
    for t in chain:
        joins = text[t[0]].isupper() and cached_key(text[t[0]:t[1]]) not in stopwords
        prefix.append(prefix[-1] + joins)
    for i in range(len(chain)):
        first = text[chain[i][0]:chain[i][1]]
        if not arabic and not opens_name(text, chain, i):
            continue
        words = 0
        for j in range(i + 1, len(chain) + 1):
            words += text[chain[j - 1][0]].isupper() or arabic
            if words > longest:
                break
            if not arabic and not text[chain[j - 1][0]].isupper():
                continue
            start, end = chain[i][0], chain[j - 1][1]
            key = cached_key(text[start:end])
            if key in stopwords and j - i > 1:
                out.append(Window(start, end, j - i, "", initial=True))
            if not key or key in stopwords or is_acronym(text[start:end]):
                continue
            initial = start in starts
            partial = not arabic and prefix[-1] - (prefix[j] - prefix[i]) > 0
            possessive = not arabic and text[end - 2:end] in POSSESSIVE_ENDS
            if possessive and j - i == 1:  # "Assad's" is Assad's, not Assads (Morocco)
                key = ""
            else:  # "St. John's" is a name
                out.append(Window(start, end, j - i, key, False, initial, partial))
            if possessive:  # "Baghdad's"
                stem = cached_key(text[start:end - 2])
                if stem not in country_keys:  # "Syria's X" qualifies X instead
                    out.append(Window(start, end - 2, j - i, stem, False, initial,
                                      partial))
            if arabic and first.startswith(PROCLITICS) and len(first) > 3:
                out.append(Window(start, end, j - i, name_key(text[start + 1:end]),
                                   initial=initial))
            elif key and not arabic and len(loose := loose_key(key)) >= 6:
                out.append(Window(start, end, j - i, "~" + loose, True, initial, partial))
    return out
