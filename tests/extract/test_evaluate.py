"""`raqib evaluate` on the three gold formats: it reads them and reports every measure."""

from __future__ import annotations

import csv
import re
from pathlib import Path

import pytest
from click.testing import CliRunner

from raqib.cli import cli

ACLED = Path(__file__).resolve().parents[2].parent / "shared" / "data" / "acled_global_2020may"
COLUMNS = ["event_date", "event_type", "sub_event_type", "actor1", "actor2", "country", "admin1",
           "location", "latitude", "longitude", "notes", "fatalities", "timestamp"]


def evaluate(*args: str) -> tuple[int, str]:
    result = CliRunner().invoke(cli, ["evaluate", *args])
    return result.exit_code, result.output


def test_acled_format(tmp_path: Path) -> None:
    gold = tmp_path / "gold.csv"
    with gold.open("w", newline="", encoding="utf-8") as out:
        writer = csv.writer(out)
        writer.writerow(COLUMNS)
        writer.writerow(["12-March-2019", "Explosions/Remote violence", "Air/drone strike",
                         "Military Forces of Russia (2000-)", "Civilians (Syria)", "Syria",
                         "Idleb", "Maaret Tamsrin", "35.96", "36.62",
                         "On 12 March 2019, Russian warplanes struck Maaret Tamsrin in Idleb, "
                         "killing 4 civilians.", "4", "1552608000"])
        writer.writerow(["3-April-2019", "Protests", "Peaceful protest", "Protesters (Jordan)",
                         "", "Jordan", "Amman", "Amman", "31.95", "35.93",
                         "On 3 April 2019, teachers protested peacefully in Amman over pay.",
                         "0", "1554508800"])
    code, out = evaluate("--gold", str(gold))
    assert code == 0, out
    assert "documents: 2" in out
    for name in ("event_type accuracy", "sub_event_type weighted-F1", "actor1 accuracy",
                 "admin1 accuracy", "event_date accuracy", "fatalities accuracy",
                 "location within 25 km"):
        assert name in out
    assert "location within 25 km: 1.000 (2/2)" in out  # both gold points are the towns named


def test_an_old_acled_export_is_scored_in_todays_event_types(tmp_path: Path) -> None:
    """Before 2019 ACLED had no sub-event types and other event types: 'Remote violence' is
    today's Explosions/Remote violence, a battle of any kind is Battles, and 'Riots/Protests'
    became two types, either of which is right (the protest here and the riot)."""
    gold = tmp_path / "old.csv"
    with gold.open("w", newline="", encoding="latin-1") as out:
        writer = csv.writer(out)
        writer.writerow(["EVENT_DATE", "EVENT_TYPE", "ACTOR1", "COUNTRY", "LOCATION",
                         "LATITUDE", "LONGITUDE", "NOTES", "FATALITIES"])
        rows = [("Remote violence", "Rebels shelled the airport of Kismayo, killing two."),
                ("Battle-No change of territory",
                 "Soldiers and rebels fought for hours near Kismayo; two killed."),
                ("Riots/Protests", "Teachers protested peacefully in Kismayo over pay."),
                ("Riots/Protests", "Rioters burned tyres and stoned police in Kismayo."),
                ("Strategic development", "Soldiers and rebels fought near Kismayo.")]
        for kind, note in rows:
            writer.writerow(["03/04/2016", kind, "", "Somalia", "Kismayo", "-0.358",
                             "42.545", note, "0"])
    code, out = evaluate("--gold", str(gold))
    assert code == 0, out
    assert "event_type accuracy: 0.800 (4/5)" in out, out  # the battle told as strategic: no


def test_acled_precision_codes_are_scored_where_the_export_has_them(tmp_path: Path) -> None:
    """ACLED exports carry time_precision and geo_precision: each gets an accuracy line (the
    protest in Amman, the city named, is precision 1 for both; the strike told as 'in Idleb
    province' is precision 3 for its place)."""
    gold = tmp_path / "gold.csv"
    with gold.open("w", newline="", encoding="utf-8") as out:
        writer = csv.writer(out)
        writer.writerow([*COLUMNS, "time_precision", "geo_precision"])
        writer.writerow(["3-April-2019", "Protests", "Peaceful protest", "Protesters (Jordan)",
                         "", "Jordan", "Amman", "Amman", "31.95", "35.93",
                         "On 3 April 2019, teachers protested peacefully in Amman over pay.",
                         "0", "1554508800", "1", "1"])
        writer.writerow(["12-March-2019", "Explosions/Remote violence", "Air/drone strike",
                         "Military Forces of Russia (2000-)", "", "Syria", "Idleb", "Idleb",
                         "35.93", "36.63", "On 12 March 2019, Russian warplanes struck villages "
                         "in Idleb province.", "0", "1552608000", "1", "3"])
    code, out = evaluate("--gold", str(gold))
    assert code == 0, out
    assert "time_precision accuracy: 1.000 (2/2)" in out
    assert "geo_precision accuracy: 1.000 (2/2)" in out

def test_a_country_is_matched_by_any_of_its_names(tmp_path: Path) -> None:
    """AWSD writes 'DR Congo' and 'Occupied Palestinian Territories', the pipeline ACLED's
    'Democratic Republic of Congo' and 'Palestine': one country each; 'Chechnya' is no
    country the lexicon knows, so 'Russia' does not match it."""
    gold = tmp_path / "awsd.csv"
    with gold.open("w", newline="", encoding="utf-8") as out:
        writer = csv.writer(out)
        writer.writerow(["Incident ID", "Year", "Month", "Day", "Country", "Total killed",
                         "Total wounded", "Latitude", "Longitude", "Details"])
        writer.writerow(["1", "2010", "", "", "DR Congo", "1", "0", "", "",
                         "1 INGO national staff shot and killed by gunmen in Bunia, Ituri."])
        writer.writerow(["2", "2010", "", "", "Occupied Palestinian Territories", "1", "0",
                         "", "", "1 UN national staff shot and killed in Tulkarem, West Bank."])
        writer.writerow(["3", "2010", "", "", "Chechnya", "0", "0", "", "",
                         "1 INGO national staff kidnapped in Grozny, Russia."])
    code, out = evaluate("--gold", str(gold))
    assert code == 0, out
    assert "country accuracy: 0.667 (2/3)" in out


def test_snippets_and_unknown_formats(tmp_path: Path) -> None:
    tsv = tmp_path / "snippets.tsv"
    tsv.write_text("text\tsub_event_type\nRioters burned tyres and threw stones at police in "
                   "the capital.\tViolent demonstration\n", encoding="utf-8")
    code, out = evaluate("--gold", str(tsv))
    assert code == 0 and "sub_event_type accuracy" in out and "documents: 1" in out
    other = tmp_path / "other.csv"
    other.write_text("a,b\n1,2\n", encoding="utf-8")
    code, out = evaluate("--gold", str(other))
    assert code == 1 and "unknown gold format" in out


def test_a_snippet_labelled_none_is_matched_by_no_event(tmp_path: Path) -> None:
    """'none' is a class in every format with sub_event_type labels (the module's promise)."""
    tsv = tmp_path / "snippets.tsv"
    tsv.write_text("text\tsub_event_type\nForeign ministers met in Geneva to discuss the "
                   "talks.\tnone\n", encoding="utf-8")
    code, out = evaluate("--gold", str(tsv))
    assert code == 0, out
    assert "sub_event_type accuracy: 1.000 (1/1)" in out


def test_halves_split_the_rows_by_their_number(tmp_path: Path) -> None:
    from raqib.scoring import half_of

    tsv = tmp_path / "snippets.tsv"
    rows = ["Rioters burned tyres and threw stones at police in the capital.",
            "Soldiers and rebels fought for hours near the border town.",
            "Hundreds marched peacefully through the city centre on Friday.",
            "Gunmen shot dead two farmers in their field."]
    types = ["Violent demonstration", "Armed clash", "Peaceful protest", "Attack"]
    tsv.write_text("text\tsub_event_type\n" + "".join(
        f"{text}\t{kind}\n" for text, kind in zip(rows, types, strict=True)), encoding="utf-8")
    code, out = evaluate("--gold", str(tsv), "--halves")
    assert code == 0, out
    read = sum(1 for n in range(4) if half_of(str(n)) == 0)
    assert 0 < read < 4  # both halves have rows here
    assert "documents: 4," in out
    assert f"read half: documents: {read}," in out
    assert f"unread half: documents: {4 - read}," in out
    assert "read half: sub_event_type accuracy" in out or "unread half: sub_event_type" in out
    code, out = evaluate("--gold", str(tsv))
    assert "half" not in out
    folder = tmp_path / "annotations"
    folder.mkdir()
    code, out = evaluate("--gold", str(folder), "--halves")
    assert code == 2 and "--halves applies to coded data" in out


@pytest.mark.skipif(not ACLED.is_dir(), reason="../shared/data is absent")
def test_real_acled_sample_floor() -> None:
    """A floor well under the measured figures (docs/evaluation.md), not a tuned target."""
    (path,) = ACLED.glob("*.csv")
    code, out = evaluate("--gold", str(path), "--limit", "300")
    assert code == 0
    score = float(re.search(r"event_type accuracy: ([0-9.]+)", out).group(1))  # type: ignore[union-attr]
    assert score >= 0.7


@pytest.mark.parametrize("args", [
    ["evaluate", "--gold", "{bin}"],
    ["extract", "--model", "{bin}", "{jsonl}"],
    ["extract", "--model", "{text}", "{jsonl}"],
    ["evaluate", "--gold", "{text}", "--model", "{bin}"],
    ["train", "--acled", "{empty}", "--out", "{out}"],
    ["extract", "--gazetteer", "{text}", "{jsonl}"],
    ["extract", "--gazetteer", "{bin}", "{jsonl}"],
    ["extract", "--actors", "{text}", "{jsonl}"],
])
def test_files_of_the_wrong_kind_are_named_in_one_line(tmp_path: Path,
                                                       args: list[str]) -> None:
    """Each of these was a traceback (or named its file twice) before 2026-12-02."""
    files = {"bin": tmp_path / "noise.bin", "jsonl": tmp_path / "in.jsonl",
             "text": tmp_path / "notes.txt", "empty": tmp_path / "empty.csv",
             "out": tmp_path / "model.npz"}
    files["bin"].write_bytes(bytes(range(256)) * 8 + b"\r\n\"x\r\"y")
    files["jsonl"].write_text('{"id": "1", "text": "Shelling killed two."}\n')
    files["text"].write_text("text,sub_event_type\nno numbers here,Attack\n")
    files["empty"].write_text("")
    argv = [a.format(**files) for a in args]
    result = CliRunner().invoke(cli, argv)
    if result.exception and not isinstance(result.exception, SystemExit):
        raise result.exception
    assert result.exit_code == 1 and result.stdout == ""
    lines = result.stderr.splitlines()
    assert len(lines) == 1 and lines[0].startswith("raqib: error: ")
    named = [str(path) for path in files.values() if str(path) in lines[0]]
    assert len(named) == 1 and lines[0].count(named[0]) == 1
    assert not files["out"].exists()


def test_a_reader_that_goes_away_ends_the_command_quietly(tmp_path: Path) -> None:
    """`raqib extract big.jsonl | head -1`: the closed pipe is no error to report (it was a
    traceback, then "raqib: error: Broken pipe"); the exit status says the output was cut."""
    import subprocess
    import sys

    lines = "".join(f'{{"id": "{n}", "text": "Shelling killed {n} people in Idlib."}}\n'
                    for n in range(300))
    (tmp_path / "in.jsonl").write_text(lines)
    proc = subprocess.Popen(
        [sys.executable, "-c", "from raqib.cli import main; main()", "extract",
         str(tmp_path / "in.jsonl")], stdout=subprocess.PIPE, stderr=subprocess.PIPE)
    assert proc.stdout is not None and proc.stderr is not None
    first = proc.stdout.readline()
    proc.stdout.close()  # as `head -1` does
    err = proc.stderr.read()
    assert proc.wait(timeout=120) == 141
    assert first.startswith(b'{"id": "0"') and err == b""


FAKES = ACLED.parent / "fakes_syria" / "FA-KES-Dataset.csv"
HEADLINES = Path(__file__).resolve().parents[2] / "eval" / "headlines" / "fakes_syria.csv"


def _fakes_data(root: Path) -> Path:
    """A shared data folder with a two-row FA-KES file of the project's own headlines."""
    folder = root / "data" / "fakes_syria"
    folder.mkdir(parents=True)
    with (folder / "FA-KES-Dataset.csv").open("w", newline="", encoding="utf-8") as out:
        writer = csv.writer(out)
        writer.writerow(["unit_id", "article_title", "article_content", "source", "date",
                         "location", "labels"])
        writer.writerow(["11", "Car bomb kills nine near army checkpoint in Homs", "Body.",
                         "sana", "3/5/2017", "homs", "1"])
        writer.writerow(["12", "Foreign ministers meet in Geneva to discuss the talks", "Body.",
                         "reuters", "3/6/2017", "damascus", "1"])
    return root / "data"


def test_labelled_headlines_are_read_from_the_shared_data(tmp_path: Path) -> None:
    """eval/headlines: a labels file named after its data set; 'none' is a headline with no
    event, matched when the pipeline finds none."""
    data = _fakes_data(tmp_path)
    labels = tmp_path / "fakes_syria.csv"
    labels.write_text("id,sub_event_type\n11,Remote explosive/landmine/IED\n12,none\n",
                      encoding="utf-8")
    code, out = evaluate("--gold", str(labels), "--data", str(data))
    assert code == 0, out
    assert "documents: 2," in out
    assert "sub_event_type accuracy: 1.000 (2/2)" in out
    assert "event_type accuracy: 1.000 (2/2)" in out


def test_labelled_headlines_name_what_is_wrong(tmp_path: Path) -> None:
    data = _fakes_data(tmp_path)
    labels = tmp_path / "fakes_syria.csv"
    labels.write_text("id,sub_event_type\n99,Attack\n", encoding="utf-8")
    code, out = evaluate("--gold", str(labels), "--data", str(data))
    assert code == 1 and "id '99' is not in the data set fakes_syria" in out
    other = tmp_path / "headlines.csv"
    other.write_text("id,sub_event_type\n11,Attack\n", encoding="utf-8")
    code, out = evaluate("--gold", str(other), "--data", str(data))
    assert code == 1 and "must be named after their data set (fakes_syria.csv" in out
    code, out = evaluate("--gold", str(labels), "--data", str(tmp_path / "nowhere"))
    assert code == 1 and "data file not found" in out


@pytest.mark.skipif(not FAKES.is_file(), reason="../shared/data is absent")
def test_real_headlines_floor() -> None:
    """A floor well under the measured figure (docs/evaluation.md, "News headlines")."""
    code, out = evaluate("--gold", str(HEADLINES), "--data", str(ACLED.parent))
    assert code == 0, out
    assert "documents: 245," in out
    score = float(re.search(r"sub_event_type accuracy: ([0-9.]+)", out).group(1))  # type: ignore[union-attr]
    assert score >= 0.75
