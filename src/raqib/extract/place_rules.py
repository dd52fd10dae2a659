"""Place rules: how the words around a name are read, and how its candidates are scored.

The places stage (``raqib.extract.places``) scans a text for runs of capitalised or Arabic
words (``Window``) and keeps those the gazetteer knows (``Match``). This module holds the
rules it applies: which words can make up a name (capitals, Arabic script, the connectors of
Arabic and Romance names), when a name is a person or organisation instead ('President X',
'X said', 'Damascus forces'), and the scores that rank its candidates: a population prior,
the fit of each kind of place, and the ACLED geo_precision of the one chosen. What a name's
context says of it ('Chibok (Borno)', 'Idlib province', 'near Douma') is in
``place_context``.
"""

from __future__ import annotations

import math
import re
from bisect import bisect_right
from dataclasses import dataclass, field
from functools import lru_cache

from raqib.extract.claims_lexicon import source_verbs
from raqib.extract.gazetteer import ARTICLES, Place, name_key
from raqib.extract.model import Analysis

cached_key = lru_cache(maxsize=1 << 16)(name_key)
TOKEN = re.compile(r"[^\W\d_](?:[^\W\d_]|['’ʼ‘`](?=[^\W\d_]))*")
_JOIN = re.compile(r"[ \-‐]")
_CONNECTORS = ARTICLES | frozenset(
    ["de", "del", "della", "la", "le", "les", "du", "des", "di", "da", "do", "dos", "das",
     "y", "a", "am", "upon", "sur", "bin", "ibn", "bint", "bani", "beni", "of"]
)
_HYPHENATED_ONLY = frozenset(["as", "at", "an", "en", "es", "et", "er", "ed", "au", "aux", "sous"])
"""Small words that join a name only between hyphens ('as-Suwayda', 'Aix-en-Provence'; places
v48: 'Port-au-Prince' had been 'Port' and 'Prince', a name of Cabaret, Haiti)."""
_BETWEEN_HYPHENS = frozenset(["on", "in"])
"""Small words that join a name only with a hyphen on both sides: 'Rostov-on-Don',
'Stoke-on-Trent', 'Sutton-in-Ashfield' (places v80: 'Rostov' and 'Don', a town of France);
never between spaced words ('Attack on Kabul')."""
_ABBREVIATED = frozenset(["St", "Ste", "Mt", "Ft"])
"""Abbreviated name words a full stop ends inside a name: 'St. Louis', 'Ste. Marie', 'Mt.
Kenya', 'Ft. Worth' (places v45; the chain had broken at the full stop, and 'Louis' was
Louisville)."""
_ALSO_A_NAME = frozenset(["beni", "bani"])
"""Connectors that are towns' names alone, capitalised with nothing after them: Beni (North
Kivu), Bani (Dominican Republic, Burkina Faso); they still join 'Beni Suef', 'Bani Walid'
(places v44)."""
_EZAFE = frozenset(["e", "i", "ye", "yi"])
"""The Persian and Pashto ezafe, hyphened inside a name: 'Nawa-e Barakzayi', 'Pul-e Khumri',
'Qala-i-Naw' are one name each, not Nawa, Pul and Qala (places v20)."""
PROCLITICS = ("و", "ب", "ل", "ف")
LOCATIVE = frozenset(
    ["in", "near", "at", "outside", "around", "from", "to", "into", "towards", "toward",
     "between", "across", "inside", "within", "via", "through", "throughout", "off", "on",
     "في", "من", "إلى", "الى"]
)
_TITLE = (r"\b(?:President|Minister|General|Gen|Colonel|Col|Mr|Mrs|Ms|Dr|spokesman|"
          r"spokesperson|commander|leader|chief|King|Prince|Emir|Pope|Senator|Governor|Mayor|"
          r"Brigadier|Lieutenant|Lt|Captain|Capt|Sergeant|Judge|Imam|Sheikh|Shaykh)\.?")
_TITLE_BEFORE = re.compile(_TITLE + r"\s+$")
_TITLE_ABBREVIATIONS = frozenset(
    ["Gen", "Col", "Lt", "Maj", "Capt", "Brig", "Sgt", "Cpl", "Adm", "Cmdr", "Gov", "Sen",
     "Rep", "Rev", "Prof", "Pres", "Dr", "Mr", "Mrs", "Ms"])
_BEFORE_A_NAME = re.compile(r"\.\s+[A-Z]")
"""A title's abbreviation before a name is no place: 'Gen. Khalifa Haftar' is not Gen, a
name of Gennes-sur-Seiche (places v75)."""
_NAMED_BEFORE = re.compile(
    r"(?:" + _TITLE + r"|\b(?:Abu|Abou|Umm))\s+(?:[A-Z][\w'’-]*\s+){1,3}(?:[ae]l-)?$")
"""A title or a kunya ('Abu Omar') and one to three words of a name before a name: the rest
of a person's name ('commander Ahmed Khalil' is no Hebron, whose Arabic name is al-Khalil;
'Abu Omar al-Tunisi', the Tunisian, no Tunis; places v51)."""
_SPEAKER_BEFORE = re.compile(
    r"\b(?:said|says|told|added|according\s+to)\s+(?:[A-Z][\w'’-]*\s+){1,2}(?:[ae]l-)?$")
"""A reporting verb and one or two words of a name before a name: the rest of the speaker's
name ('"We were targeted," said Ahmad Khalil, a nurse' is no Hebron; places v91)."""
_OUTLET_BEFORE = re.compile(
    r"\b(?:(?:tv|television|satellite|radio)\s+(?:station|channel|network)|channel|broadcaster|"
    r"newspaper|daily|news\s+agency|news\s+(?:web)?site|website|"
    r"(?:comments?|remarks|interview|speaking|spoke|talking)\s+(?:to|with))\s+(?:[ae]l-)?$",
    re.I)
"""What names an outlet or a hearer, not a place, when a name follows it: 'the Lebanese TV
station al-Mayadeen', 'the pan-Arab daily Asharq al-Awsat', 'in separate comments to
al-Mayadeen'."""
_PORTFOLIO_BEFORE = re.compile(
    r"\b(?:Ministry|Ministries|Minister|Ministers|Department|Secretary)\s+(?:of|for)\s+"
    r"(?:the\s+)?$", re.I)
"""What names a portfolio, not a place, when a name follows it: 'the Ministry of Energy'
(not Energy, a village in Illinois), 'the Minister of Interior' (places v19)."""
_STREET_AFTER = re.compile(r"\s+(?:Street|St\.|Road|Rd\.?|Avenue|Ave\.?|Boulevard|Blvd\.?)"
                           r"(?![\w-])")
_PEOPLE_AFTER = re.compile(r"\s+(?:militias?|militiamen|tribes?|tribesmen|(?:sub-)?clans?|"
                           r"ethnic\s+group)\b")
"""A name before the word for a people's armed men, tribe or clan names the people, not a
place: 'Bari militia' (South Sudan) is no Bari in Italy, 'Abala tribe' no Abala (places
v75)."""


def people_after(text: str, end: int) -> bool:
    """Whether a people's word ('militia', 'tribesmen', 'clan') follows ``end``."""
    return _PEOPLE_AFTER.match(text, end) is not None


@dataclass
class Window:
    """A run of name words to look up: its span, word count and name key."""

    start: int
    end: int
    words: int
    key: str
    loose: bool = False
    initial: bool = False
    partial: bool = False
    """A capitalised word joins it on either side: 'Bab' in 'Bab Ghaliq'."""


@dataclass
class Match:
    """A window the gazetteer knows: its candidates and what the text around it says."""

    window: Window
    candidates: list[Place]
    context: list[str] = field(default_factory=list)
    """Keys of the admin or country names given with it: 'Chibok (Borno)' -> ['borno']."""
    region: bool = False
    district: bool = False
    """A district's word follows it ('Kunduz district', 'Rafi LGA'): the town it is named
    after at precision 2, not the province of that name (v40)."""
    titled: bool = False
    """A region's word follows it ('Niger state', 'Idlib province'), or it qualifies a
    district in brackets ('Rafi LGA (Niger)'): no country is named so, so it is not the
    country of that name (places v26)."""
    qualifier: bool = False
    """It qualifies the name before it: the 'Borno' of 'Chibok (Borno)'."""
    listed: bool = False
    """What qualifies it is the next item of a list of names that goes on ('in Algiers, Oran,
    Constantine and Chlef'), linked only because both lie in one country (places v109)."""
    near: bool = False
    beside_near: bool = False
    """It qualifies a name a near-word stands before ('near Vodyane, Donetsk'): where it is
    the place chosen, the gazetteer lacks that name, and the event was near it (precision
    2), not in the town (places v97)."""
    vicinity: bool = False
    """The event was by it, not in it: on a way between it and another town ('between Gao and
    Ansongo', 'the Abeokuta-Ayetoro road'; v89): precision 2, and no surer a place for that."""
    destination: bool = False
    """Where people were going or were taken ('their journey to Aleppo, the coastal province
    of Latakia or Damascus'), not where the event happened (v9)."""
    aside: bool = False
    """It names an agreement or a meeting ('the Sochi agreement') or opens a dateline
    ('Lyon, le 28 novembre 2018', 'MOSCOW (Sputnik)'): not where the events of the text
    happen."""
    filed_from: bool = False
    """It opens a dateline, or qualifies the place that does ('QUETTA, Pakistan -'): aside,
    and where the report was filed from, the event's place when its words name none (v84)."""
    locative: float = 0.0
    water: bool = False
    """It names a sea or an ocean ('the Red Sea'): aside, and a name still (v55)."""
    lies_in: str | None = None
    """The ISO code of a country the text says it lies in ('Solhan in northern Burkina
    Faso'): no candidate elsewhere is it (v46)."""
    chosen: Place | None = None
    fit: float = 0.0
    """How well the chosen place fits the context (0..1)."""


def eligible(text: str, token: tuple[int, int], inside: bool, following: tuple[int, int],
             ) -> bool:
    """A word that can be part of a name: capitalised, Arabic, or a connector; an English
    look-alike such as 'as', 'at' or 'an' only hyphenated ('as-Suwayda') or between two
    capitalised words ('Jisr ash Shughur', 'Maarrat an Numan'); an ezafe after a hyphen inside
    a name ('Pul-e Khumri') or between two capitalised words ('Qala i Naw')."""
    word = text[token[0]:token[1]]
    if capital_at(text, token[0]) or is_arabic(word[0]):
        return True
    folded = word.casefold()
    if folded in _EZAFE and inside and (
            text[token[0] - 1:token[0]] == "-"
            or (following[0] == token[1] + 1 and text[following[0]:][:1].isupper())):
        return True  # 'Pul-e Khumri'; spaced between capitals, 'Qala i Naw' (v138)
    if folded in _BETWEEN_HYPHENS:
        return inside and text[token[0] - 1:token[0]] == "-" == text[token[1]:token[1] + 1]
    if folded in _HYPHENATED_ONLY:
        if text[token[1]:token[1] + 1] == "-":
            return True
        return inside and following[0] == token[1] + 1 and text[following[0]:][:1].isupper()
    return folded in _CONNECTORS


def capital_at(text: str, start: int) -> bool:
    """Whether the word at ``start`` is capitalised, or is a name with a lower-case prefix
    before its capital: the Zulu locative of 'eThekwini' (Durban's municipality),
    'uMhlathuze', 'eMalahleni' (places v104)."""
    return text[start].isupper() or (
        text[start + 1:start + 2].isupper() and _PREFIXED_NAME.match(text, start) is not None
        and (start == 0 or not text[start - 1].isalnum()))


_PREFIXED_NAME = re.compile(r"[a-z][A-Z][a-z]{3,}(?![\w'’-])")


def is_arabic(char: str) -> bool:
    return "\u0600" <= char <= "\u06ff"


def continues(text: str, chain: list[tuple[int, int]], token: tuple[int, int]) -> bool:
    """Whether ``token`` extends the name run: one space or hyphen apart, same script."""
    gap = text[chain[-1][1]:token[0]]
    if token[0] < len(text) and gap == ". " and (
            text[chain[-1][0]:chain[-1][1]] in _ABBREVIATED):  # 'St. Louis' (places v45)
        return True
    if token[0] >= len(text) or len(gap) != 1 or not _JOIN.fullmatch(gap):
        return False
    return is_arabic(text[chain[0][0]]) == is_arabic(text[token[0]])


def opens_name(text: str, chain: list[tuple[int, int]], i: int) -> bool:
    """A name starts with a capital, or with an article before a capital: 'al-Bab',
    'al Bab', 'as-Suwayda' (but not the English 'as' or 'at' before a space)."""
    start, end = chain[i]
    word = text[start:end]
    folded = word.casefold()
    rest = chain[i + 1:]
    if capital_at(text, start):
        if folded in _HYPHENATED_ONLY or folded == "of":  # 'An INGO', 'At Aleppo'
            return text[end:end + 1] == "-" and bool(rest)
        return folded not in _CONNECTORS or bool(rest) or folded in _ALSO_A_NAME
    if folded not in ARTICLES or not rest or not text[rest[0][0]].isupper():
        return False
    return folded in ("al", "el") or text[end] == "-"


def is_acronym(words: str) -> bool:
    letters = [c for c in words if c.isalpha()]
    return len(letters) <= 5 and all(c.isupper() for c in letters) and " " not in words


def previous_word(text: str, start: int) -> str:
    match = re.search(r"([^\W\d_]+)\W{0,3}$", text[max(0, start - 30):start])
    return match.group(1).casefold() if match else ""


def sentence_starts(doc: Analysis) -> set[int]:
    if doc.sentences:
        return {s.span.start for s in doc.sentences}
    return {0} | {m.end() for m in re.finditer(r"[.!?]\s+", doc.text)}


def not_a_place(text: str, window: Window) -> bool:
    """A person or organisation: after a title ('President X'), a title or a kunya and a first
    name ('commander Ahmed Khalil', 'Abu Omar al-Tunisi') or a reporting verb and one ('said
    Ahmad Khalil'), or a word that names an outlet
    ('the TV station X'), or before a reporting verb ('X said') without a locative word before
    it; or a street named after a place ('Sanaa Street' in Hodeidah, 'Bolivar Avenue')."""
    before = text[max(0, window.start - 40):window.start]
    if text[window.start:window.end] in _TITLE_ABBREVIATIONS and _BEFORE_A_NAME.match(
            text, window.end):
        return True
    if (_TITLE_BEFORE.search(before) or _NAMED_BEFORE.search(before)
            or _SPEAKER_BEFORE.search(before) or _OUTLET_BEFORE.search(before)
            or _PORTFOLIO_BEFORE.search(before) or _STREET_AFTER.match(text, window.end)
            or people_after(text, window.end)):
        return True
    return (_said_after(text, window.end) and not _after_locative(text, window.start)
            and not _OFFICE_OF.search(before))


_OFFICE_OF = re.compile(
    r"\b(?:mayor|governor|head|chief|residents|inhabitants|people|council|municipality|"
    r"administration|authorities|officials)\s+of\s+(?:the\s+)?$", re.IGNORECASE)
"""The town or region an office or its people belong to speaks through them: 'the mayor of
Kharkiv said ...' names Kharkiv as a place, where 'Moscow said' is the state (places v78)."""


_LISTED_AFTER = re.compile(r"([^\W\d_]+)\s+(?:[A-Z][\w'’-]*\s+){1,3}(?:and|or)\s+$")
"""A word, then a name of up to three words and 'and' or 'or', right before another name."""


def _after_locative(text: str, start: int) -> bool:
    """Whether a locative word comes right before the name, or before the name listed just
    before it ('officials in Damascus and Moscow said': both are where the speakers are)."""
    listed = _LISTED_AFTER.search(text, max(0, start - 50), start)
    word = listed.group(1).casefold() if listed else previous_word(text, start)
    return word in LOCATIVE


_GOVERNMENT_AFTER = re.compile(r"\s+(?:government|regime|authorities|forces|troops)\b")
_CAUSED_BEFORE = re.compile(
    r"\b(?:lead(?:s|ing)?|led|forc(?:e|es|ed|ing)|prompt(?:s|ed|ing)?|push(?:es|ed|ing)?|"
    r"urg(?:e|es|ed|ing)|press(?:es|ed|ing)?|call(?:s|ed|ing)?\s+on|ask(?:s|ed|ing)?|"
    r"allow(?:s|ed|ing)?)\s+(?:to\s+)?$")
_TO_VERB_AFTER = re.compile(r"\s+to\s+(?!the\b|a\b|an\b|its\b|their\b|his\b|her\b)[a-z]+\b")
_BLAMED_ON = re.compile(r"\b(?:blamed|blames|blaming|pinned)\s+on\s+$|\battributed\s+to\s+$")
_ACCUSED = re.compile(r"\b(?:accused|accuses|accusing|blamed|blames|blaming|held)\s+$")
_OF_AFTER = re.compile(r"\s+(?:of|for)\s+[a-z]")
"""'accused Moscow of targeting', 'blamed Damascus for the attack': the government (v57)."""


def governs(text: str, window: Window) -> bool:
    """A town's name standing for the government seated there: before 'forces', 'regime' and
    the like, not after a locative word ('Damascus forces', 'the Damascus regime'; not 'in
    Aleppo government forces ...'), or made to act ('leading Damascus to bomb', 'urged Kabul
    to release'), or blamed ('an air strike blamed on Damascus'; places v47; 'accused Moscow
    of targeting', 'blamed Damascus for'; v57)."""
    if _BLAMED_ON.search(text, max(0, window.start - 20), window.start) or (
            _ACCUSED.search(text, max(0, window.start - 12), window.start)
            and _OF_AFTER.match(text, window.end)):
        return True
    if _GOVERNMENT_AFTER.match(text, window.end):
        return previous_word(text, window.start) not in LOCATIVE
    return bool(_TO_VERB_AFTER.match(text, window.end)
                and _CAUSED_BEFORE.search(text, max(0, window.start - 30), window.start))


POSSESSIVE_ENDS = ("'s", "’s", "ʼs")


def speaks(text: str, end: int) -> bool:
    """Whether the name ending at ``end`` speaks: a reporting verb or a possessive follows
    it ('Russia said', "Russia's defence ministry")."""
    return _said_after(text, end) or text[end:end + 2] in POSSESSIVE_ENDS


@lru_cache(maxsize=1)
def said_after_re() -> re.Pattern[str]:
    """A reporting verb (``source_verbs``) right after a name, after an apposition between
    commas ('Russia, its ally, said'), or after another name the two speak with ('Damascus
    and Moscow blamed', v17)."""
    return re.compile(rf"^\s*(?:,[^,]{{0,40}},\s*)?(?:and\s+(?:[A-Z][\w'’-]*\s+){{1,3}})?"
                      rf"(?:{source_verbs()})\b")


def _said_after(text: str, end: int) -> bool:
    return bool(said_after_re().match(text[end:end + 60]))


TERRAIN_WORD = r"\b(?:Jabal|Jebel|Jabel|Djebel|Wadi|Sahl|[وب]?جبل|[وب]?وادي|[وب]?سهل)[\s-]+"
"""A capitalised word for a mountain, a valley or a plain that opens a longer name ("Jabal
al-Zawiya", "Wadi Barada", "Sahl al-Ghab"; places v30), or the Arabic word ("جبل الزاوية"
had been Az Zawiyah in Libya; v83)."""
ARTICLE_AFTER = r"(?:(?:al|el|as|ash|ad|ar|az|an|at)[\s-]+)?"
"""The Arabic article that may follow it."""


SEAT_PRIOR = 3 / 7
"""The prior of a GeoNames place without a population (places v29): ``cities500`` holds
towns of 500 people or more and the seats of administrative divisions, so a town it lists
without a figure is a seat whose size GeoNames lacks (181 of its 323 Syrian towns, Ra's al
'Ayn among them), weighed as a town of 1,000, not as nothing."""


def prior(place: Place) -> float:
    if place.population <= 0:
        return 0.4 if not place.source.startswith("geonames") else SEAT_PRIOR
    return min(1.0, math.log10(place.population + 1) / 7)


def kind_fit(match: Match, place: Place) -> float:
    if place.kind == "country":
        return 0.0 if match.titled else 0.6
    if match.district:
        return 0.0 if place.kind == "admin1" else 0.3
    if match.region:
        return 0.3 if place.kind.startswith("admin") else 0.0
    return {"town": 0.1, "area": 0.08, "admin3": 0.02}.get(place.kind, -0.05)


def precision(match: Match, place: Place) -> int:
    if place.kind in ("country", "admin1", "admin2", "admin3"):
        return 3
    if (match.near or match.beside_near or place.kind == "area" or match.region
            or match.district or match.vicinity):
        return 2
    return 1


class InActor:
    """Whether a window lies inside an actor's name: a name that only towns bear, read there,
    is a word of the actor's name ("Assads forces" is no village in Morocco, "Asaib ahl al
    Haq" no Haq), where a country or a region is still the text's context ("military forces
    of India and Pakistan", "the Sinaloa Cartel") (v6)."""

    def __init__(self, doc: Analysis) -> None:
        spans = sorted((a.span.start, a.span.end) for a in doc.actors)
        self.starts = [start for start, _ in spans]
        self.ends = [end for _, end in spans]

    def __call__(self, window: Window) -> bool:
        at = bisect_right(self.starts, window.start) - 1
        return at >= 0 and self.ends[at] >= window.end
