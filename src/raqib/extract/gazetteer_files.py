"""Importers of other gazetteers: GeoNames dumps, OCHA COD-AB CSVs, the Syrian Archive list.

Each returns ``(Place, names)`` entries for ``Gazetteer.add_entries``; ``load_file`` picks the
importer by the file's shape. ``Options.gazetteer_files`` lists such files (or folders).
"""

from __future__ import annotations

import csv
import re
from collections.abc import Iterator
from pathlib import Path

from raqib.errors import ResourceError
from raqib.extract.gazetteer import Place, admin1_names, name_key, usable_name

Entry = tuple[Place, list[str]]
_GEONAMES_KINDS = {"ADM1": "admin1", "ADM2": "admin2", "ADM3": "admin3"}


def import_geonames(path: str | Path) -> list[Entry]:
    """A GeoNames dump (``SY.txt``, ``allCountries.txt``: 19 tab-separated columns, no
    header): populated places (feature class P) as towns, ADM1-3 as regions, each with its
    admin1/admin2 names from the dump's own ADM1/ADM2 records (else the default admin1
    table)."""
    rows = []
    with open(path, encoding="utf-8") as handle:
        for line in handle:
            fields = line.rstrip("\n").split("\t")
            if len(fields) >= 15 and fields[6] in ("P", "A"):
                rows.append(fields)
    regions = {(r[7], r[8], r[10], r[11] if r[7] != "ADM1" else ""): r[1]
               for r in rows if r[7] in ("ADM1", "ADM2")}
    default_admin1 = admin1_names()
    entries = []
    for r in rows:
        kind = "town" if r[6] == "P" else _GEONAMES_KINDS.get(r[7])
        if kind is None:
            continue
        admin1 = regions.get(("ADM1", r[8], r[10], "")) or default_admin1.get(
            f"{r[8]}.{r[10]}", [""])[0]
        admin2 = regions.get(("ADM2", r[8], r[10], r[11]), "") if kind != "admin1" else ""
        place = Place(f"geonames:{r[0]}", r[1], r[8], admin1, admin2, latitude=float(r[4]),
                      longitude=float(r[5]), population=int(r[14] or 0), kind=kind)
        names = [r[1], r[2], *(n for n in r[3].split(",") if usable_name(n))]
        entries.append((place, names))
    return entries


def _csv_rows(path: Path) -> list[dict[str, str]]:
    with open(path, encoding="utf-8-sig", newline="") as handle:
        return list(csv.DictReader(handle))


def _ocha_entry(row: dict[str, str], level: int, kind: str, name: str, arabic: str,
                lat: str, lon: str) -> Entry | None:
    if not (name and lat and lon):
        return None
    admins = [row.get(f"adm{n}_name", "") if n <= level else "" for n in (1, 2, 3)]
    pcode = next((row[f"adm{n}_pcode"] for n in (3, 2, 1) if row.get(f"adm{n}_pcode")), "")
    if kind == "town":
        pcode = row.get("loc_pcode") or f"{pcode}:{name}"
    place = Place(f"ocha:{pcode}", name, row.get("adm0_pcode") or "SY", *admins,
                  latitude=float(lat), longitude=float(lon), kind=kind)
    extra = [arabic.removeprefix("مركز ").strip()] if arabic else []
    return place, [name, *extra, row.get(f"adm{level}_ref_n", "") or name]


def import_ocha(path: str | Path) -> list[Entry]:
    """OCHA COD-AB CSVs (a file or a folder of them): admin1-3 tables (``*_name``,
    ``*_name1`` Arabic, ``*_pcode``, ``center_lat``/``center_lon``), admin label points
    (``admin_leve``, ``x_coord``/``y_coord``) and admin capitals (``adm_p_lvl``) as towns.
    The neighbourhoods table has no coordinates and is skipped."""
    path = Path(path)
    files = sorted(path.glob("*.csv")) if path.is_dir() else [path]
    entries: dict[str, Entry] = {}
    for file in files:
        for entry in _ocha_file(_csv_rows(file)):
            entries.setdefault(entry[0].source + entry[0].kind, entry)
    return list(entries.values())


def _ocha_file(rows: list[dict[str, str]]) -> Iterator[Entry]:
    if not rows:
        return
    header = rows[0].keys()
    for row in rows:
        if "adm_p_lvl" in header:
            level = int(row["adm_p_lvl"] or 0)
            entry = _ocha_entry(row, max(level, 1) if level else 0, "town", row["name"],
                                row.get("name_1", ""), row["y_coord"], row["x_coord"])
        elif "admin_leve" in header:
            level = int(row["admin_leve"] or 0)
            if not 1 <= level <= 3:
                continue
            entry = _ocha_entry(row, level, f"admin{level}", row["name"], row.get("name1", ""),
                                row["y_coord"], row["x_coord"])
        else:
            level = max((n for n in (1, 2, 3) if f"adm{n}_pcode" in header), default=0)
            if not level or "center_lat" not in header:
                continue
            entry = _ocha_entry(row, level, f"admin{level}", row[f"adm{level}_name"],
                                row.get(f"adm{level}_name1", ""), row["center_lat"],
                                row["center_lon"])
        if entry:
            yield entry


_LANDMARK = re.compile(r"\b(?:roundabout|hospital|school|mosque|church|square|street|road|"
                       r"bridge|checkpoint|camp|airport|airbase|base|factory|prison|university|"
                       r"bakery|market|neighbou?rhood|district|hay|dam|station|building)\b", re.I)


_UNIT = re.compile(r"\s+(nahiyah|mantiqah)$", re.I)
_UNIT_KINDS = {"nahiyah": "admin3", "mantiqah": "admin2"}


def import_syrianarchive(path: str | Path) -> list[Entry]:
    """The Syrian Archive location list (``pk, name_en, name_ar, latitude, longitude,
    region_pk``): the entries that are their own region are governorates; '... mantiqah' and
    '... nahiyah' are districts and sub-districts; the others are
    towns and villages, or areas (neighbourhoods, landmarks: named so) in the governorate
    ``region_pk`` names, whose admin1 is that governorate's name as the project spells it."""
    rows = [r for r in _csv_rows(Path(path)) if r.get("latitude") and r.get("longitude")
            and r.get("name_en")]
    spelled = {name_key(n): names[0] for code, names in admin1_names().items()
               if code.startswith("SY.") for n in names}
    regions = {r["pk"]: spelled.get(name_key(r["name_en"]), "") for r in rows
               if r.get("region_pk") == r["pk"]}
    entries = []
    for row in rows:
        name = row["name_en"].strip()
        name = name.title() if name.isupper() or name.islower() else name
        own = row.get("region_pk") == row["pk"]
        kind = "admin1" if own else "area" if _LANDMARK.search(name) else "town"
        if unit := _UNIT.search(name):  # 'Saraqib nahiyah': the sub-district
            name, kind = name[:unit.start()], _UNIT_KINDS[unit.group(1).lower()]
        place = Place(f"syrianarchive:{row['pk']}", name, "SY",
                      regions.get(row.get("region_pk", ""), ""),
                      latitude=float(row["latitude"]), longitude=float(row["longitude"]),
                      kind=kind)
        entries.append((place, [name, row.get("name_ar", "")]))
    return entries


def load_file(path: str | Path) -> list[Entry]:
    """An extra gazetteer, by its shape: a GeoNames dump (tab-separated), a Syrian Archive
    CSV (``name_en``), an OCHA COD-AB CSV, or a folder of such files (its OCHA tables read
    together, so that a unit in two tables counts once). A file it cannot read, or in which
    it finds no place, raises ResourceError naming it."""
    path = Path(path)
    try:
        entries = _read(path)
    except UnicodeDecodeError:
        raise ResourceError(f"{path}: cannot be read as a gazetteer (not UTF-8 text)") from None
    except (ValueError, KeyError, IndexError, csv.Error) as exc:
        reason = f"no column {exc}" if isinstance(exc, KeyError) else str(exc)[:200]
        raise ResourceError(f"{path}: cannot be read as a gazetteer ({reason})") from None
    if not entries:
        raise ResourceError(f"{path}: no places in it: not a GeoNames dump, an OCHA COD-AB "
                            "table with coordinates, or a Syrian Archive location list")
    return entries


def _read(path: Path) -> list[Entry]:
    if path.is_dir():
        entries = import_ocha(path)
        for file in sorted(path.iterdir()):
            if file.suffix in (".csv", ".txt", ".tsv") and _shape(file) != "ocha":
                entries += _read(file)
        return entries
    shape = _shape(path)
    if shape == "geonames":
        return import_geonames(path)
    return import_syrianarchive(path) if shape == "syrianarchive" else import_ocha(path)


def _shape(path: Path) -> str:
    with open(path, encoding="utf-8-sig") as handle:
        first = handle.readline()
    if first.count("\t") >= 14:
        return "geonames"
    return "syrianarchive" if "name_en" in first.split(",") else "ocha"
