"""The places stage's candidate windows (``raqib.extract.places``): the runs of words that
may name a place, and the sub-runs of each that the gazetteer is asked about. Split from
``raqib.extract.places`` in its v9.
"""

from __future__ import annotations

import re
from collections.abc import Mapping

from raqib.extract.gazetteer import ARTICLES, loose_key, name_key
from raqib.extract.place_rules import (
    POSSESSIVE_ENDS,
    PROCLITICS,
    TOKEN,
    Window,
    cached_key,
    capital_at,
    continues,
    eligible,
    is_acronym,
    is_arabic,
    opens_name,
)

FACILITY_QUALIFIERS = frozenset(
    ["international", "military", "central", "national", "civil", "general", "main"])
"""Words that, right before a stop word of the chain ("Damascus International Airport",
"Hama Military Airport", "Aleppo Central Prison"), describe the facility and are no part of
a longer place name: the town before them is named whole, not in part (places v24)."""


FACILITY_NOUNS = frozenset(
    ["university", "college", "campus", "hospital", "building", "airport", "stadium", "prison",
     "hotel", "mall", "barracks"])
"""Words of a facility: a chain that opens with a town and holds one after it names a
facility of the town, whatever words stand between ('Durban University of Technology', 'Port
Elizabeth Wool Exchange Building'): the town is named whole, not in part (places v139)."""


def name_windows(text: str, starts: set[int], stopwords: frozenset[str],
                 country_keys: Mapping[str, str], longest: int,
                 heads: frozenset[int] = frozenset()) -> list[Window]:
    """Every window of ``text`` that may be a place name: the runs of name words (see
    ``place_rules.eligible``) and, within each, every sub-run that opens a name, up to
    ``longest`` words; ``starts``: the offsets where sentences start; ``stopwords``: keys
    that are never places (a run of several that is one blocks its words); ``country_keys``:
    the keys of country names, whose possessive qualifies the name after it instead;
    ``heads``: where a dateline's names start, which are no acronyms ('KABUL -', v84), and
    the acronyms in a qualifier's place (``qualifying_acronyms``, v107)."""
    tokens = [(m.start(), m.end()) for m in TOKEN.finditer(text)]
    tokens.append((len(text) + 2, len(text) + 2))
    windows: list[Window] = []
    chain: list[tuple[int, int]] = []
    for number, token in enumerate(tokens):
        if chain and not continues(text, chain, token):
            windows += _chain_windows(text, chain, starts, stopwords, country_keys, longest,
                                      heads)
            chain = []
        if token[0] < len(text) and eligible(text, token, bool(chain), tokens[number + 1]):
            chain.append(token)
    return windows


def _chain_windows(text: str, chain: list[tuple[int, int]], starts: set[int],
                   stopwords: frozenset[str], country_keys: Mapping[str, str],
                   longest: int, heads: frozenset[int]) -> list[Window]:
    arabic = is_arabic(text[chain[0][0]])
    out = []
    # how many capitalised, non-generic words the chain holds up to each position, so
    # that "does a word outside the window join it" costs O(1) (long chains exist)
    keys = [cached_key(text[t[0]:t[1]]) for t in chain] + [""]
    prefix = [0]
    for k, t in enumerate(chain):
        joins = capital_at(text, t[0]) and keys[k] not in stopwords and not (
            keys[k] in FACILITY_QUALIFIERS and keys[k + 1] in stopwords)
        prefix.append(prefix[-1] + joins)
    for i in range(len(chain)):
        first = text[chain[i][0]:chain[i][1]]
        if not arabic and not opens_name(text, chain, i):
            continue
        if not arabic and _construct_tail(text, chain, i, prefix):
            continue
        words = 0
        for j in range(i + 1, len(chain) + 1):
            words += capital_at(text, chain[j - 1][0]) or arabic
            if words > longest:
                break
            if not arabic and not capital_at(text, chain[j - 1][0]):
                continue
            start, end = chain[i][0], chain[j - 1][1]
            key = cached_key(text[start:end])
            if key in stopwords and j - i > 1:
                out.append(Window(start, end, j - i, "", initial=True))
            if not key or key in stopwords or (
                    is_acronym(text[start:end]) and start not in heads):
                continue
            initial = start in starts
            partial = not arabic and prefix[-1] - (prefix[j] - prefix[i]) > 0 and not (
                i == 0 and any(k in FACILITY_NOUNS for k in keys[j:]))
            if not arabic and text[end - 2:end] in POSSESSIVE_ENDS:
                partial = prefix[i] > 0  # the words after it are another name (v53)
                key, found = _possessive(text, Window(start, end, j - i, key, False, initial,
                                                      partial), country_keys, stopwords)
                out += found
            else:
                out.append(Window(start, end, j - i, key, False, initial, partial))
            if arabic and first.startswith(PROCLITICS) and len(first) > 3:
                out.append(Window(start, end, j - i, name_key(text[start + 1:end]),
                                   initial=initial))
            elif key and not arabic and len(loose := loose_key(key)) >= 5:
                out.append(Window(start, end, j - i, "~" + loose, True, initial, partial))
    return out + _with_compass(text, chain[0][0], out, country_keys)


def _possessive(text: str, window: Window, country_keys: Mapping[str, str],
                stopwords: frozenset[str]) -> tuple[str, list[Window]]:
    """(the key left for spelling-tolerant look-ups, the windows) of a name in the possessive:
    the name itself when it has several words ("St. John's"; one word's is none: "Assad's"
    is Assad's, not Assads in Morocco), and its stem ("Baghdad's"), unless a country's
    ("Syria's X" qualifies X instead), an acronym's ("an INGO's vehicles" is no Ingå, v42)
    or a stop word's ("the University's administration" is no University, Florida, v69)."""
    out = [window] if window.words > 1 else []
    stem = cached_key(text[window.start:window.end - 2])
    if (stem not in country_keys and stem not in stopwords
            and not is_acronym(text[window.start:window.end - 2])):
        out.append(Window(window.start, window.end - 2, window.words, stem, False,
                          window.initial, window.partial))
    return (window.key if window.words > 1 else ""), out


_COMPASS_BEFORE = re.compile(r"(?<![\w-])(north|south|east|west)(?:ern)?\s+$")
"""A point of the compass in lower case right before a name ('in north Sinai', 'north
Darfur', 'southern Kordofan')."""


def _with_compass(text: str, start: int, windows: list[Window],
                  country_keys: Mapping[str, str]) -> list[Window]:
    """The windows that open the chain at ``start`` again, with the point of the compass
    before them as the first word of the name ('north Sinai' is North Sinai, a governorate
    of Egypt, where 'Sinai' alone is a town of Ecuador; places v56). Not before a country's
    name: 'southern Sudan' is a part of Sudan in a report of 2005, 'southern Lebanon' no
    South Lebanon (a town of Ohio)."""
    compass = _COMPASS_BEFORE.search(text, max(0, start - 12), start)
    if compass is None:
        return []
    return [Window(compass.start(), w.end, w.words + 1,
                   cached_key(f"{compass.group(1)} {text[w.start:w.end]}"), False, w.initial,
                   w.partial)
            for w in windows if w.start == start and w.key and not w.loose
            and w.key not in country_keys]


def _construct_tail(text: str, chain: list[tuple[int, int]], i: int, joins: list[int]
                    ) -> bool:
    """Whether the sub-run at ``chain[i]`` opens with the Arabic article (or is the name right
    after it) after a space and a name word of the same chain: the second half of a name the
    gazetteer lacks ("Muadamiyat al-Sham" is a town of Rural Damascus, not al-Sham, Damascus;
    "Hay al-Sukkari" a quarter), asked about only as the whole ("Deir al-Zor", "Ras al-Ain")
    and its head (places v43). Not after a hyphen ("the Marib-Al Jawf road" joins two
    places), nor an English word ("the LoC at Uri"). ``joins``: how many name words the chain
    holds up to each position."""
    article = next((k for k in (i, i - 1) if k > 0
                    and text[chain[k][0]:chain[k][1]].casefold() in ARTICLES), None)
    return (article is not None and joins[article] > joins[article - 1]
            and opens_name(text, chain, article)
            and text[chain[article - 1][1]:chain[article][0]].isspace())


def spellings(key: str) -> list[str]:
    """Other spellings of a Latin name key, as Arabic names are transliterated, for a name the
    gazetteer lacks as written (only places in ``ARTICLE_COUNTRIES`` are taken by them): the
    last word's ta marbuta with or without its h ('sukhna' and 'sukhnah', 'raqqah' and
    'raqqa'; places v24), and a first word 'tal', 'tel' or 'tell' (a hill) as GeoNames writes
    it, 'tall' ('Tal Tamr' is Tall Tamr, 'Tel Hamis' Tall Hamis; v25); a vowel written twice
    once ('Qaatabah', the ayn written as a vowel, is GeoNames' Qa‘ţabah: v102), and so a
    consonant ('Bossaso' is Bosaso: v129); a final 'eh' as 'ah' (v128); two words of
    three letters or more written as one ('Ceel Buur' is Ceelbuur, as Somali names are often
    written: v113). None for any other key, nor for one under five letters."""
    if len(key) < 5 or key.startswith("~") or not key.isascii():
        return []
    once = _TWICE.sub(r"\1", key)
    out = [once] if once != key else []
    for word in dict.fromkeys((key, once)):
        if word.endswith(("ah", "eh")):
            out.append(word[:-1])
        elif word.endswith(("a", "e")):
            out.append(word + "h")
    first, _, rest = key.partition(" ")
    if rest and first in _HILL:
        out += [f"tall {k}" for k in (rest, *spellings(rest))]
    words = key.split()
    if len(words) == 2 and min(map(len, words)) >= 3 and first not in _HILL:
        out.append("".join(words))  # 'Ceel Buur' is GeoNames' Ceelbuur (v113)
    return out


def connector_spellings(key: str) -> list[str]:
    """A Romance name written with or without its 'de' ('San Andres de Tuxtla' is GeoNames'
    San Andrés Tuxtla, 'San Francisco Campeche' its San Francisco de Campeche; v125): the key
    without each connector it has, or, for a name of three or four words with none, with 'de'
    between two of its words. Taken in any country: the whole name is still spelled out."""
    words = key.split()
    if key.startswith("~") or not 3 <= len(words) <= 5:
        return []
    inner = [n for n in range(1, len(words) - 1) if words[n] in _CONNECTORS]
    if inner:
        return [" ".join(words[:n] + words[n + 1:]) for n in inner]
    if len(words) > 4:
        return []
    return [" ".join([*words[:n], "de", *words[n:]]) for n in range(1, len(words))]


_CONNECTORS = frozenset(["de", "del", "da", "do", "di"])


_HILL = frozenset(["tal", "tel", "tell"])
_TWICE = re.compile(r"([a-z])\1")


ARTICLE_COUNTRIES = frozenset([  # the Arab League's, then their neighbours'
    "DZ", "BH", "KM", "DJ", "EG", "IQ", "JO", "KW", "LB", "LY", "MR", "MA", "OM", "PS", "QA",
    "SA", "SO", "SD", "SY", "TN", "AE", "YE", "EH",
    "IR", "TR", "IL", "AF", "PK", "TD", "ML", "NE", "ER", "ET", "NG", "SS", "CM", "PH", "KE",
    "TZ"])
"""Countries whose place names are written with the Arabic article ('al-Hawl', 'Ash
Shaddadi', 'Al-Barka' in Basilan): the Arab League's and their neighbours where Arabic names
are common."""

_ARTICLE = re.compile(r"(?:al|ash|as|ad|ar|az|adh|ath)-|al\s", re.IGNORECASE)


def arabic_article(text: str, window: Window) -> bool:
    """Whether the name in ``window`` opens with the Arabic article ('al-Hol', 'Al Bab',
    'ash-Shaddadi'; not 'El', which Spanish names share, nor 'At-', 'An-', which Turkic ones
    do: 'At-Bashy'): a place of that name elsewhere ('Hol', Norway) is not the one meant
    (places v24)."""
    return bool(_ARTICLE.match(text, window.start)) and window.start + 3 < window.end


_THE_BEFORE = re.compile(r"(?<![\w-])the\s+$")
_NO_NOUN_AFTER = re.compile(
    r"\s*(?:[,.;:)\"”]|$)|\s+(?:in|on|at|from|of|with|near|by|for|into|where|which|that|who|"
    r"was|were|is|are|has|had|(?:and|or|to)(?=\s+[a-z]))\b")


def building_named(text: str, window: Window) -> bool:
    """Whether the name in ``window`` follows the definite article and no noun follows it:
    a building, an institution or a landmark ('protesters gathered outside the Seray in
    Tripoli', 'marched from the Saray to the City entrance'), which English names with 'the'
    where it names a town without it; a town's name in 'the Aleppo countryside', 'the Douma
    attack' or 'the Aguelhoc to Tessalit road' qualifies the noun after it, a country or a
    region keeps its article ('the Gambia', 'the Sahel'), and 'the Congolese capital' is no
    name of one (places v99)."""
    return (_THE_BEFORE.search(text, max(0, window.start - 5), window.start) is not None
            and _NO_NOUN_AFTER.match(text, window.end) is not None
            and all(word[:1].isupper() for word in text[window.start:window.end].split()))


_ACRONYM_AFTER = re.compile(
    r"[(,]\s*(?:([A-Z][\w'’ -]*),\s*)?([A-Z]{2,3})(?=\s*[),.;]|$)(?!\)\s*[-–—])")
_NAME_BEFORE = re.compile(
    r"\b((?:[A-Z][\w'’-]*\s+){0,3}[A-Z][\w'’-]*)(?:\s+(?:district|town|city|village))?\s*$")


def qualifying_acronyms(text: str) -> frozenset[int]:
    """Where an acronym stands in a qualifier's place, after a name's bracket or comma ('Jaunpur
    (UP)', '(Nellore, AP)', 'Camperdown, KZN'): a state's or a province's, looked up as a
    region's name there only (places v107). Not an agency's credit after a dateline
    ('WASHINGTON (AP) -'), nor the initials of the words before it ('the Unity Party (UP)')."""
    out = set()
    for match in _ACRONYM_AFTER.finditer(text):
        acronym = match.group(2)
        # the name the bracket follows, else the one inside it ('sector area (Haveli
        # district, AJK)': v140)
        names = [_NAME_BEFORE.search(text, max(0, match.start() - 60), match.start())]
        if match.group(1):
            names.append(_NAME_BEFORE.search(text, match.start(1), match.end(1)))
        if any(name and not "".join(w[0] for w in name.group(1).split()).endswith(acronym)
               for name in names):
            out.add(match.start(2))
    return frozenset(out)


_NAME_RUN = r"[A-Z][\w'’]*(?:[ \-‐][A-Z][\w'’]*)*"
_JOINED_BY_AND = re.compile(rf"(?<![\w-]){_NAME_RUN}(?: and (?:the )?{_NAME_RUN})+")
"""Runs of capitalised words joined by 'and' ('Sistan and Baluchestan', 'Trinidad and
Tobago', 'Saint Vincent and the Grenadines')."""
_WORD = re.compile(r"[\w'’]+")


def and_windows(text: str, starts: set[int], stopwords: frozenset[str]) -> list[Window]:
    """The windows across an 'and' between capitalised words: a region's or a country's name
    that holds it ('Kohgiluyeh and Boyer-Ahmad province', 'Trinidad and Tobago'; places v111).
    The name runs never join across 'and', which joins names in lists ('Aleppo and Idlib');
    these windows are only looked up, and stand only where the gazetteer knows the whole."""
    out: list[Window] = []
    for run in _JOINED_BY_AND.finditer(text):
        words = [m for m in _WORD.finditer(text, run.start(), run.end())
                 if m.group() not in ("and", "the")]
        # a capitalised word joins a window on either side unless it is a stop word
        joins = [cached_key(w.group()) not in stopwords for w in words] + [False]
        for i, first in enumerate(words):
            for j in range(i + 1, len(words)):
                start, end = first.start(), words[j].end()
                if " and " in text[start:end]:
                    out.append(Window(start, end, len(text[start:end].split()),
                                      cached_key(text[start:end]), initial=start in starts,
                                      partial=(i > 0 and joins[i - 1]) or joins[j + 1]))
    return out
