"""`raqib export acled|geojson|jsonl|public`, `raqib export coarsen` and `raqib import acled`
on a workspace built from the repository's samples (plus a seeded sensitive statement)."""

from __future__ import annotations

import csv
import io
import json
import re
from pathlib import Path

import pytest
from shapely.geometry import shape
from sqlalchemy import select

import raqib.cli.exports  # noqa: F401  (registers `export` and `import`)
from clirun import run, run_split
from raqib.cli import cli  # noqa: F401
from raqib.outputs.acled import (
    COLUMNS,
    civilian_targeting,
    interaction,
    number,
    source_scale,
)
from raqib.store.models import Document
from raqib.workspace import Workspace

SAMPLES = Path(__file__).resolve().parents[2] / "samples"
MARKER = "QX-SENSITIVE-MARKER-4471"
WITNESS_NAME = "Samira Haddad-Qutrub"
STATEMENT = f"""Witness statement ({MARKER})
Marking: SENSITIVE
The witness, {WITNESS_NAME}, said that on 25 November 2018 Russian jets struck the western
countryside of Aleppo and that two farmers were killed near the village.
"""
WITNESS_SOURCE = "Idlib Monitor"
"""A public sample source the fixture re-classifies as a witness."""
HEADER = ("event_id_cnty,event_date,year,time_precision,event_type,sub_event_type,actor1,"
          "inter1,actor2,inter2,interaction,country,admin1,location,latitude,longitude,"
          "geo_precision,source,source_scale,notes,fatalities,timestamp")
SYNTHETIC = [  # invented rows in ACLED's shape (no ACLED data)
    'TST1,3-Nov-18,2018,1,Battles,Armed clash,Group A (Testland),2,Group B (Testland),3,23,'
    'Testland,North,Alpha,12.3456,45.6789,1,Paper One,National,"On 3 November 2018, A and '
    'B clashed in Alpha.",2,1541203200',
    'TST2,04/11/2018,2018,2,Protests,Peaceful protest,Protesters (Testland),6,,0,60,Testland,'
    'South,Beta,-1.5,30.25,2,Paper Two; Radio Three,Subnational-National,"Around 4 November '
    '2018, people protested in Beta. [size=no report]",0,1541289600',
]




@pytest.fixture(scope="module")
def ws(tmp_path_factory: pytest.TempPathFactory) -> Path:
    root = tmp_path_factory.mktemp("exports")
    ws = root / "ws"
    assert run(root, "init", str(ws))[0] == 0
    code, out = run(ws, "ingest", "--process", str(SAMPLES / "public"))
    assert code == 0, out
    statement = root / "statement-2018-11-25.txt"
    statement.write_text(STATEMENT, encoding="utf-8")
    code, out = run(ws, "ingest", "--process", "--sensitive", str(SAMPLES / "sensitive"),
                    str(statement))
    assert code == 0, out
    assert run(ws, "sources", "edit", WITNESS_SOURCE, "--kind", "witness")[0] == 0
    return ws


def sensitive_shas(ws: Path) -> list[str]:
    workspace = Workspace.find(ws)
    try:
        with workspace.sessions() as session:
            shas = list(session.execute(select(Document.sha256).where(
                Document.sensitive.is_(True))).scalars())
    finally:
        workspace.close()
    assert len(shas) == 2
    return shas


def acled_rows(text: str) -> list[dict[str, str]]:
    assert next(csv.reader(io.StringIO(text))) == list(COLUMNS)
    return list(csv.DictReader(io.StringIO(text)))


def test_acled_export_columns_ids_and_codes(ws: Path) -> None:
    code, out = run(ws, "export", "acled")
    assert code == 0, out
    rows = acled_rows(out)
    assert rows
    for row in rows:
        assert re.fullmatch(r"[A-Z]{3}\d+", row["event_id_cnty"])
        assert re.fullmatch(r"\d{4}-\d{2}-\d{2}", row["event_date"])
        assert row["year"] == row["event_date"][:4]
        assert row["interaction"] == interaction(row["inter1"], row["inter2"])
        assert row["notes"].startswith(("On ", "Around ", "In "))
        assert "fatalit" in row["notes"].casefold()
        assert row["fatalities"].isdigit()
    syria = [r for r in rows if r["country"] == "Syria"]
    assert syria and all(r["event_id_cnty"].startswith("SYR") and r["iso"] == "760"
                         and r["region"] == "Middle East" for r in syria)
    chlorine = [r for r in rows if r["sub_event_type"] == "Chemical weapon"
                and r["event_date"] == "2018-11-24" and "SANA" in r["source"]]
    assert chlorine and "; " in chlorine[0]["source"]


def test_interaction_targeting_and_scale_codes() -> None:
    assert interaction("1", "2") == interaction("2", "1") == "12"
    assert interaction("2", "7") == "27" and interaction("8", "1") == "18"
    assert interaction("6", "0") == interaction("6", "") == "60"
    assert civilian_targeting("Violence against civilians", "Civilians (Syria)", "7")
    assert civilian_targeting("Explosions/Remote violence", "Civilians (Syria)", "7")
    assert not civilian_targeting("Battles", "Civilians (Syria)", "7")
    assert not civilian_targeting("Explosions/Remote violence", "Rebels (Syria)", "2")
    assert source_scale(["international media", "state media", "witness"]) == (
        "Local partner-National-International")
    assert source_scale(["unknown"]) == "Other"


def test_filters_narrow_the_export(ws: Path) -> None:
    everything = acled_rows(run(ws, "export", "acled")[1])
    chemical = acled_rows(run(ws, "export", "acled", "--type", "Chemical weapon",
                              "--from", "2018-11-20")[1])
    assert 0 < len(chemical) < len(everything)
    assert all(r["sub_event_type"] == "Chemical weapon" and r["event_date"] >= "2018-11-20"
               for r in chemical)


@pytest.mark.parametrize(("args", "named"), [
    (["export", "acled", "--grade", "solid"], "not 'solid'"),
    (["export", "jsonl", "--from", "2019-01-01", "--to", "2018-01-01"],
     "'from' (2019-01-01) is after 'to' (2018-01-01)"),
    (["export", "geojson", "--near", "Aleppo", "--km", "-5"], "not -5.0"),
    (["search", "chlorine", "--grade", "solid"], "not 'solid'"),
    (["search", "--near", "Aleppo", "--km", "nan"], "positive number"),
])
def test_filters_that_cannot_be_meant_are_refused_by_name(ws: Path, args: list[str],
                                                          named: str) -> None:
    """Before, each quietly selected nothing and succeeded."""
    code, out = run(ws, *args)
    assert code == 1 and named in out and len(out.strip().splitlines()) == 1


def test_geojson_is_a_valid_feature_collection(ws: Path, tmp_path: Path) -> None:
    target = tmp_path / "incidents.geojson"
    assert run(ws, "export", "geojson", "--out", str(target))[0] == 0
    data = json.loads(target.read_text(encoding="utf-8"))
    assert data["type"] == "FeatureCollection" and data["features"]
    for feature in data["features"]:
        assert feature["type"] == "Feature" and feature["geometry"]["type"] == "Point"
        lon, lat = feature["geometry"]["coordinates"]
        assert -180 <= lon <= 180 and -90 <= lat <= 90
        assert shape(feature["geometry"]).is_valid
        props = feature["properties"]
        for name in ("id", "event_type", "sub_event_type", "date", "location",
                     "fatalities_min", "fatalities_max", "grade", "contested", "sources"):
            assert name in props
        assert props["fatalities_min"] <= props["fatalities_max"]


def test_jsonl_has_reports_claims_and_provenance(ws: Path) -> None:
    code, out = run(ws, "export", "jsonl")
    assert code == 0
    records = [json.loads(line) for line in out.splitlines()]
    assert records
    secret = set(sensitive_shas(ws))
    for record in records:
        assert record["grade"]["code"] and record["grade"]["reasons"]
        for report in record["reports"]:
            assert report["document"] is None if report["sensitive"] else (
                re.fullmatch(r"[0-9a-f]{64}", report["document"]))
            assert report["components"] and report["source"]["name"]
        for doc in record["documents"]:
            assert doc["processing"]["components"]
            assert doc["sha256"] not in secret
    assert any(r["claims"] for r in records)
    assert any(d["sensitive"] for r in records for d in r["documents"])


@pytest.mark.parametrize("fmt", ["jsonl", "geojson", "acled"])
def test_public_export_holds_nothing_sensitive(ws: Path, fmt: str) -> None:
    internal = run(ws, "export", fmt)[1]  # what the public version must leave out is there
    assert fmt == "geojson" or WITNESS_SOURCE in internal
    assert fmt != "jsonl" or "[sensitive]" in internal
    code, out = run(ws, "export", "public", "--format", fmt)
    assert code == 0, out
    data = out.encode("utf-8")
    for secret in [MARKER, WITNESS_NAME, "Haddad", "[sensitive]", WITNESS_SOURCE,
                   *sensitive_shas(ws)]:
        assert secret.encode("utf-8") not in data, secret
    if fmt == "jsonl":
        records = [json.loads(line) for line in out.splitlines()]
        assert records
        assert not any(r["sensitive"] for rec in records for r in rec["reports"])
        assert not any(d["sensitive"] for rec in records for d in rec["documents"])
        assert any(r["source"]["name"] == "witness" for rec in records for r in rec["reports"])
    if fmt == "acled":
        assert any("witness" in r["source"].split("; ") for r in acled_rows(out))


def test_coarsening_marked_incidents(ws: Path) -> None:
    rows = acled_rows(run(ws, "export", "acled")[1])
    target = next(r for r in rows if r["latitude"] and len(r["latitude"].split(".")[-1]) > 1)
    incident = target["event_id_cnty"][3:]
    code, out = run(ws, "export", "coarsen", incident, "--reason", "protect the village")
    assert code == 0, out
    public = {r["event_id_cnty"]: r for r in acled_rows(
        run(ws, "export", "public", "--format", "acled")[1])}
    coarse = public[target["event_id_cnty"]]
    assert coarse["latitude"] == number(float(target["latitude"]), 1) != target["latitude"]
    assert int(coarse["geo_precision"]) >= 2
    internal = {r["event_id_cnty"]: r for r in acled_rows(run(ws, "export", "acled")[1])}
    assert internal[target["event_id_cnty"]]["latitude"] == target["latitude"]
    history = run(ws, "incidents", "review", incident)[1]
    assert "coarsen" in history and "protect the village" in history
    everything = acled_rows(run(ws, "export", "public", "--format", "acled",
                                "--coarsen-all")[1])
    assert all(len(r["latitude"].split(".")[-1]) <= 1 for r in everything if r["latitude"])
    assert run(ws, "export", "coarsen", incident, "--off")[0] == 0


def write_csv(path: Path, lines: list[str], encoding: str = "utf-8", sep: str = ",") -> None:
    text = "\n".join(lines) + "\n"
    if sep != ",":
        text = "\n".join(sep.join(next(csv.reader([line]))) for line in lines) + "\n"
    path.write_bytes(text.encode(encoding))


def test_import_is_idempotent_and_exports_back(ws: Path, tmp_path: Path) -> None:
    source = tmp_path / "synthetic.csv"
    write_csv(source, [HEADER, *SYNTHETIC])
    code, out = run(ws, "import", "acled", str(source))
    assert code == 0 and "2 new incidents" in out, out
    code, out = run(ws, "import", "acled", str(source))
    assert code == 0 and "0 new incidents" in out and "2 unchanged" in out, out
    rows = {r["event_id_cnty"]: r for r in acled_rows(run(ws, "export", "acled")[1])}
    assert rows["TST1"]["event_date"] == "2018-11-03"
    assert rows["TST2"]["event_date"] == "2018-11-04"
    assert rows["TST2"]["source"] == "Paper Two; Radio Three"
    assert rows["TST2"]["notes"].endswith("[size=no report]")
    assert rows["TST1"]["latitude"] == "12.3456" and rows["TST1"]["timestamp"] == "1541203200"
    listed = [json.loads(line) for line in run(ws, "export", "jsonl", "--type",
                                               "Armed clash")[1].splitlines()]
    imported = [r for r in listed if r["event_id_cnty"] == "TST1"]
    assert imported and imported[0]["origin"] == "acled:synthetic.csv"
    assert imported[0]["fields"]["fatalities_min"] == 2


def test_imported_values_yield_to_corrections(ws: Path, tmp_path: Path) -> None:
    source = tmp_path / "synthetic.csv"
    write_csv(source, [HEADER, *SYNTHETIC])
    run(ws, "import", "acled", str(source))
    row = next(json.loads(line) for line in run(ws, "export", "jsonl")[1].splitlines()
               if json.loads(line)["event_id_cnty"] == "TST2")
    code, out = run(ws, "incidents", "review", str(row["id"]), "--set", "fatalities_min=3")
    assert code == 0, out
    exported = {r["event_id_cnty"]: r for r in acled_rows(run(ws, "export", "acled")[1])}
    assert exported["TST2"]["fatalities"] == "3"
    assert exported["TST2"]["timestamp"] != "1541289600"
    assert exported["TST2"]["notes"].endswith("[size=no report]")


def test_older_columns_other_encodings_and_separators(ws: Path, tmp_path: Path) -> None:
    old = tmp_path / "old.csv"
    write_csv(old, [
        "GWNO,EVENT_ID_CNTY,EVENT_DATE,YEAR,EVENT_TYPE,ACTOR1,ALLY_ACTOR_1,INTER1,COUNTRY,"
        "LOCATION,LATITUDE,LONGITUDE,NOTES,FATALITIES",
        '999,77TST,05/11/2018,2018,Riots/Protests,Protesters (Testland),Étudiants,6,Testland,'
        'Gamma,1.0,2.0,"Students marched in Gamma, Région Sud.",0',
    ], encoding="cp1252", sep=";")
    code, out = run(ws, "import", "acled", str(old))
    assert code == 0, out
    rows = {r["event_id_cnty"]: r for r in acled_rows(run(ws, "export", "acled")[1])}
    assert rows["77TST"]["assoc_actor_1"] == "Étudiants"
    assert rows["77TST"]["event_date"] == "2018-11-05" and rows["77TST"]["sub_event_type"] == ""
    assert rows["77TST"]["notes"] == "Students marched in Gamma, Région Sud."


def test_bad_rows_are_named_and_the_rest_imported(ws: Path, tmp_path: Path) -> None:
    bad = tmp_path / "bad.csv"
    good = SYNTHETIC[0].replace("TST1,", "TST9,")
    write_csv(bad, [
        HEADER,
        good.replace("3-Nov-18", "31-Feb-18"),
        good.replace("TST9,", "TST10,").replace("12.3456", "north"),
        good.replace("TST9,", "TST11,") + ",extra",
        good,
    ])
    code, out, err = run_split(ws, "import", "acled", str(bad))
    assert code == 2
    errors = [line for line in err.splitlines() if "cannot read" in line]
    assert len(errors) == 3
    for line, text in zip((2, 3, 4), errors, strict=True):
        assert text.startswith(f"raqib: {bad}:{line}: cannot read the row: ")
    assert "1 new incidents" in out and "3 unreadable" in out
    assert "TST9" in {r["event_id_cnty"] for r in acled_rows(run(ws, "export", "acled")[1])}


def test_import_and_export_leaves_verify(ws: Path) -> None:
    code, out = run(ws, "verify")
    assert code == 0, out


@pytest.mark.parametrize("fmt", ["jsonl", "geojson", "acled"])
def test_an_export_is_the_same_whatever_its_batches(ws: Path, fmt: str,
                                                    monkeypatch: pytest.MonkeyPatch) -> None:
    """Records are read a batch of incidents at a time; a batch of one or two incidents gives
    the same bytes as one batch of all, public versions included."""
    from raqib.outputs import export_records
    from raqib.outputs.exports import export
    from raqib.services.search import Filters

    def text(public: bool) -> str:
        out = io.StringIO()
        workspace = Workspace.find(ws)
        try:
            export(workspace, fmt, Filters(), "test", out, public=public)
        finally:
            workspace.close()
        return out.getvalue()

    whole = {public: text(public) for public in (False, True)}
    assert whole[False] and whole[False] != whole[True]
    if fmt == "jsonl":  # each record's reports and claims in id order
        for record in map(json.loads, whole[False].splitlines()):
            for part in ("reports", "claims"):
                ids = [item["id"] for item in record[part]]
                assert ids == sorted(ids)
    for size in (1, 2):
        monkeypatch.setattr(export_records, "BATCH", size)
        assert {public: text(public) for public in (False, True)} == whole


def test_the_log_holds_the_digest_of_what_was_written(ws: Path, tmp_path: Path) -> None:
    import hashlib

    target = tmp_path / "out.jsonl"
    assert run(ws, "export", "jsonl", "--out", str(target))[0] == 0
    digest = hashlib.sha256(target.read_bytes()).hexdigest()
    code, out = run(ws, "log", "--json")
    assert code == 0
    last = [json.loads(line) for line in out.splitlines() if line.startswith("{")][-1]
    assert last["action"] == "export" and last["object"] == f"export:{digest}"
    assert list(tmp_path.iterdir()) == [target]  # no partial file left beside it


def test_an_export_that_fails_leaves_no_file(ws: Path, tmp_path: Path,
                                             monkeypatch: pytest.MonkeyPatch) -> None:
    from raqib.outputs import exports

    made = 0

    def second_fails(record):  # type: ignore[no-untyped-def]
        nonlocal made
        made += 1
        if made == 2:
            raise RuntimeError("disk gone")
        return {}

    monkeypatch.setattr(exports, "jsonl_object", second_fails)
    target = tmp_path / "out.jsonl"
    with pytest.raises(RuntimeError, match="disk gone"):
        run(ws, "export", "jsonl", "--out", str(target))
    assert list(tmp_path.iterdir()) == []


@pytest.mark.parametrize("args", [
    ["export", "acled"], ["export", "jsonl"], ["export", "public", "--format", "geojson"],
    ["report", "monthly", "--month", "2018-11"],
    ["report", "monthly", "--month", "2018-11", "--format", "pdf"],
])
def test_a_destination_that_cannot_be_written_is_named_in_one_line(
        ws: Path, tmp_path: Path, args: list[str]) -> None:
    import raqib.cli.reports  # noqa: F401  (registers `report`)

    target = tmp_path / "no-such-folder" / "out.file"
    code, out, err = run_split(ws, *args, "--out", str(target))
    assert code == 1 and out == ""
    assert err == f"raqib: error: {target}: No such file or directory\n"
    assert list(tmp_path.iterdir()) == []
