"""Place names: the place record every gazetteer yields, and the keys its names are matched by.

A ``Place`` is one gazetteer record (source id, name, ISO country, admin names, point,
population, kind). ``name_key`` folds a name to the key both the index and the matcher use
(case, accents, apostrophes, hyphens and Arabic articles ignored); ``loose_key`` adds a
spelling-tolerant variant for Latin-script names; ``usable_name`` says which alternate names
are worth indexing. Changing how names are keyed changes the index: bump
``gazetteer_index.FORMAT`` with it.
"""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass

KINDS = ("town", "area", "admin3", "admin2", "admin1", "country")
"""'town' a populated place; 'area' a neighbourhood or landmark; admin* an administrative
region (its point is its capital or a representative point); 'country'."""


@dataclass(frozen=True, slots=True)
class Place:
    source: str
    """Gazetteer and record id: 'geonames:170063', 'ocha:SY0200', 'syrianarchive:12'."""
    name: str
    country: str
    """ISO 3166-1 alpha-2 code ('SY')."""
    admin1: str = ""
    admin2: str = ""
    admin3: str = ""
    latitude: float = 0.0
    longitude: float = 0.0
    population: int = 0
    kind: str = "town"


# --------------------------------------------------------------------------- name keys

_APOSTROPHES = dict.fromkeys(map(ord, "'’‘`´ʼʻʿʾ′\u02bc"), None)
_FOLD = str.maketrans({"ı": "i", "ø": "o", "đ": "d", "ł": "l", "æ": "ae", "œ": "oe",
                       "ð": "d", "þ": "th", "ى": "ي", "ة": "ه", "ٱ": "ا", "ـ": None})
_SEPARATORS = re.compile(r"[\s\-‐‑–—_.,/()]+")
ARTICLES = frozenset(
    ["al", "el", "ad", "ar", "as", "ash", "at", "az", "an", "ath", "adh",
     "ed", "er", "es", "esh", "et", "ez", "en", "ul"]
)
_VOWELS = re.compile(r"[aeiouwy]")
_DOUBLES = re.compile(r"(.)\1+")


def name_key(name: str) -> str:
    """Case-, accent-, apostrophe-, hyphen- and Arabic-article-insensitive key of a name:
    'Ma‘arrat al-Nu‘man' and 'Maarrat an Numan' both give 'maarrat numan'."""
    if name.isascii():
        text = name.translate(_APOSTROPHES).lower()
    else:
        text = unicodedata.normalize("NFKD", name)
        text = "".join(ch for ch in text if not unicodedata.combining(ch))
        text = text.translate(_APOSTROPHES).casefold().translate(_FOLD)
    return " ".join(t for t in _SEPARATORS.split(text) if t and t not in ARTICLES)


def loose_key(key: str) -> str:
    """A spelling-tolerant key of a Latin-script ``name_key``: vowels after each word's first
    letter dropped, q→k, doubled letters merged, words joined ('khan shaykhun' and 'khan
    sheikhoun' give 'khnshkhn'). Empty when too short to be safe or not Latin."""
    if not key.isascii():
        return ""
    words = [w[0] + _VOWELS.sub("", w[1:]) for w in key.replace("q", "k").split()]
    loose = _DOUBLES.sub(r"\1", "".join(words).replace("ph", "f"))
    return loose if len(loose) >= 5 else ""


_LATIN = re.compile(r"[\x00-\u024f\u02b0-\u02ff\u1e00-\u1eff\u2000-\u206f]*")
_ARABIC = re.compile(r"[\u0600-\u06ff][\u0600-\u06ff\s\-'’]*")


def _is_latin(text: str) -> bool:
    return bool(_LATIN.fullmatch(text))


def _is_arabic(text: str) -> bool:
    return bool(_ARABIC.fullmatch(text))


def usable_name(name: str) -> bool:
    """Whether an alternate name is worth indexing: a capitalised Latin-script name (GeoNames'
    lower-case entries are transliterations from other scripts) that is no short code, or an
    Arabic-script name."""
    if len(name) < 3:
        return False
    if _is_arabic(name):
        return True
    if not _is_latin(name):
        return False
    words = [w for w in _SEPARATORS.split(name) if w]
    head = next((w for w in words if w.casefold() not in ARTICLES), "")
    if not head or not head[0].isupper():
        return False
    return not (name.isupper() and len(name) <= 4)
