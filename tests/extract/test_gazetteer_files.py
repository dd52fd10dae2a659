"""Importers of other gazetteers: GeoNames dumps, OCHA COD-AB CSVs, the Syrian Archive list."""

from __future__ import annotations

from pathlib import Path

import pytest

from raqib.extract.gazetteer import name_key
from raqib.extract.gazetteer_files import (
    import_geonames,
    import_ocha,
    import_syrianarchive,
    load_file,
)

SHARED = Path(__file__).resolve().parents[2].parent / "shared" / "data" / "syria_gazetteer" / "csv"


def _geonames_line(*fields: str) -> str:
    assert len(fields) == 19
    return "\t".join(fields) + "\n"


@pytest.fixture()
def dump(tmp_path: Path) -> Path:
    """Three records in the GeoNames dump format, written for this test."""
    path = tmp_path / "SY.txt"
    path.write_text(
        _geonames_line("1001", "Muhafazat Idlib", "Muhafazat Idlib", "Idlib Governorate,إدلب",
                       "35.8", "36.6", "A", "ADM1", "SY", "", "12", "", "", "", "1500000",
                       "", "300", "Asia/Damascus", "2020-01-01")
        + _geonames_line("1002", "Sarāqib", "Saraqib", "Saraqeb,سراقب,saraqib", "35.86",
                         "36.8", "P", "PPL", "SY", "", "12", "", "", "", "32000", "", "360",
                         "Asia/Damascus", "2020-01-01")
        + _geonames_line("1003", "Jabal", "Jabal", "", "35.0", "36.0", "T", "MT", "SY", "",
                         "12", "", "", "", "0", "", "900", "Asia/Damascus", "2020-01-01"),
        encoding="utf-8",
    )
    return path


def test_import_geonames(dump: Path) -> None:
    entries = import_geonames(dump)
    assert [(p.source, p.kind) for p, _ in entries] == [("geonames:1001", "admin1"),
                                                        ("geonames:1002", "town")]
    town, names = entries[1]
    assert (town.name, town.country, town.admin1, town.population) == (
        "Sarāqib", "SY", "Muhafazat Idlib", 32000)
    assert (town.latitude, town.longitude) == (35.86, 36.8)
    assert "Saraqeb" in names and "سراقب" in names and "saraqib" not in names
    assert load_file(dump) == entries


def test_import_ocha_tables(tmp_path: Path) -> None:
    (tmp_path / "adm1.csv").write_text(
        "adm1_name,adm1_name1,adm1_pcode,adm0_name,adm0_pcode,center_lat,center_lon\n"
        "Idleb,إدلب,SY07,Syrian Arab Republic,SY,35.85,36.57\n", encoding="utf-8")
    (tmp_path / "adm3.csv").write_text(
        "adm3_name,adm3_name1,adm3_pcode,adm2_name,adm2_pcode,adm1_name,adm1_pcode,adm0_pcode,"
        "center_lat,center_lon\n"
        "Saraqab,مركز سراقب,SY070300,Idleb,SY0700,Idleb,SY07,SY,35.86,36.8\n", encoding="utf-8")
    (tmp_path / "capitals.csv").write_text(
        "adm_p_lvl,name,name_1,x_coord,y_coord,adm3_name,adm3_pcode,adm2_name,adm2_pcode,"
        "adm1_name,adm1_pcode,adm0_pcode\n"
        "3,Saraqab,,36.81,35.87,Saraqab,SY070300,Idleb,SY0700,Idleb,SY07,SY\n",
        encoding="utf-8")
    (tmp_path / "neighbourhoods.csv").write_text(
        "neighborho,neighbor_1,adm1_en\nHay,حي,Idleb\n", encoding="utf-8")
    entries = {p.kind: (p, names) for p, names in import_ocha(tmp_path)}
    assert set(entries) == {"admin1", "admin3", "town"}
    region, names = entries["admin3"]
    assert (region.name, region.admin1, region.admin2, region.admin3) == (
        "Saraqab", "Idleb", "Idleb", "Saraqab")
    assert "سراقب" in names  # 'مركز' (centre of) dropped
    town, _ = entries["town"]
    assert (town.latitude, town.longitude, town.source) == (35.87, 36.81, "ocha:SY070300:Saraqab")
    assert entries["admin1"][0].source == "ocha:SY07"


def test_import_syrianarchive(tmp_path: Path) -> None:
    path = tmp_path / "locations.csv"
    path.write_text(
        "pk,name_en,name_ar,latitude,longitude,region_pk,dataset_id\n"
        "5,IDLIB,إدلب,35.93,36.63,5,0\n"
        "6,Saraqeb,سراقب,35.86,36.8,5,1\n"
        "7,National Hospital,المشفى الوطني,35.93,36.64,5,2\n"
        "9,Saraqeb nahiyah,سراقب,35.86,36.8,5,4\n"
        "8,No Point,,,,5,3\n", encoding="utf-8")
    entries = import_syrianarchive(path)
    assert [(p.name, p.kind, p.admin1) for p, _ in entries] == [
        ("Idlib", "admin1", "Idleb"), ("Saraqeb", "town", "Idleb"),
        ("National Hospital", "area", "Idleb"), ("Saraqeb", "admin3", "Idleb")]
    assert load_file(path) == entries


@pytest.mark.skipif(not SHARED.is_dir(), reason="../shared/data is not here")
def test_real_ocha_and_syrianarchive_files() -> None:
    ocha = import_ocha(SHARED)
    kinds = [p.kind for p, _ in ocha]
    assert (kinds.count("admin1"), kinds.count("admin2"), kinds.count("admin3")) == (14, 62, 272)
    assert kinds.count("town") > 200
    assert all(32 < p.latitude < 38 and 35 < p.longitude < 43 for p, _ in ocha)
    archive = import_syrianarchive(SHARED / "syrianarchive_locations.csv")
    assert len(archive) > 1600
    assert sum(p.kind == "admin1" for p, _ in archive) == 24
    kinds = {(name_key(p.name), p.kind) for p, _ in archive}
    assert {("saraqib", "admin3"), ("ariha", "admin2"), ("ariha", "town")} <= kinds
    both = load_file(SHARED)  # a folder: every CSV, each by its shape
    assert len(both) == len(ocha) + len(archive)
