"""Linking evaluation: metrics on hand examples, loaders, the command, the real data sets."""

from __future__ import annotations

import csv
import itertools
import json
from collections.abc import Sequence
from datetime import date
from pathlib import Path

import pytest
from click.testing import CliRunner
from hypothesis import given
from hypothesis import strategies as st

import raqib.cli.evaluate_linking  # noqa: F401  (registers the command)
from raqib.cli.app import cli
from raqib.extract.model import Analysis, Event, Span
from raqib.incidents import evaluate as ev
from raqib.incidents.evaluate import (
    EvaluationError,
    bcubed,
    evaluate,
    pairwise,
    read_fakes,
    read_labels,
    read_syrianarchive,
    to_report,
)
from raqib.incidents.records import ReportView
from raqib.incidents.sources import recognise
from raqib.scoring import half_of

SHARED = Path(__file__).resolve().parents[2].parent / "shared" / "data"
LABELS = Path(__file__).resolve().parents[2] / "eval" / "linking"


def by_day_and_province(reports: Sequence[ReportView], settings: object = None) -> dict[int, int]:
    """A trivial stand-in linker: one incident per (event date, governorate)."""
    keys: dict[tuple, int] = {}
    return {r.id: keys.setdefault((r.event_date, r.admin1), len(keys)) for r in reports}


# --- metrics ------------------------------------------------------------------------------


def test_pairwise_and_bcubed_on_a_classic_example() -> None:
    gold = {"1": "A", "2": "A", "3": "A", "4": "A", "5": "A", "6": "B", "7": "B"}
    pred = {"1": "X", "2": "X", "3": "X", "4": "Y", "5": "Y", "6": "Y", "7": "Y"}
    pw = pairwise(gold, pred)
    assert (pw["true_pairs"], pw["gold_pairs"], pw["predicted_pairs"]) == (5, 11, 9)
    assert pw["precision"] == pytest.approx(5 / 9)
    assert pw["recall"] == pytest.approx(5 / 11)
    assert pw["f1"] == pytest.approx(2 * (5 / 9) * (5 / 11) / (5 / 9 + 5 / 11))
    b3 = bcubed(gold, pred)
    assert b3["precision"] == pytest.approx(5 / 7)
    assert b3["recall"] == pytest.approx(4.6 / 7)


def test_no_shared_pair_scores_zero_pairwise() -> None:
    gold, pred = {"a": "1", "b": "1", "c": "2"}, {"a": "x", "b": "y", "c": "y"}
    assert pairwise(gold, pred)["f1"] == 0.0
    b3 = bcubed(gold, pred)
    assert b3["precision"] == pytest.approx(2 / 3)
    assert b3["recall"] == pytest.approx(2 / 3)


def test_all_singletons_on_both_sides_is_perfect() -> None:
    gold = {str(i): f"g{i}" for i in range(4)}
    pred = {str(i): f"p{i}" for i in range(4)}
    assert pairwise(gold, pred)["f1"] == 1.0
    assert bcubed(gold, pred) == {"precision": 1.0, "recall": 1.0, "f1": 1.0}


def test_one_gold_cluster_predicted_as_singletons() -> None:
    gold = {str(i): "g" for i in range(4)}
    pred = {str(i): f"p{i}" for i in range(4)}
    pw = pairwise(gold, pred)
    assert (pw["precision"], pw["recall"], pw["f1"]) == (1.0, 0.0, 0.0)
    b3 = bcubed(gold, pred)
    assert b3["precision"] == 1.0
    assert b3["recall"] == pytest.approx(1 / 4)


def test_singletons_predicted_as_one_cluster() -> None:
    gold = {str(i): f"g{i}" for i in range(4)}
    pred = {str(i): "p" for i in range(4)}
    pw = pairwise(gold, pred)
    assert (pw["precision"], pw["recall"], pw["f1"]) == (0.0, 1.0, 0.0)
    b3 = bcubed(gold, pred)
    assert (b3["precision"], b3["recall"]) == (pytest.approx(1 / 4), 1.0)


def test_one_cluster_on_both_sides_is_perfect() -> None:
    gold = {str(i): "g" for i in range(5)}
    pred = {str(i): "p" for i in range(5)}
    assert pairwise(gold, pred)["f1"] == 1.0
    assert bcubed(gold, pred)["f1"] == 1.0


def test_metrics_refuse_empty_or_mismatched_items() -> None:
    with pytest.raises(ValueError, match="no items"):
        pairwise({}, {})
    with pytest.raises(ValueError, match="different items"):
        bcubed({"a": "1"}, {"b": "1"})


@given(st.lists(st.tuples(st.integers(0, 3), st.integers(0, 3)), min_size=1, max_size=12))
def test_counting_agrees_with_enumerating_pairs(labels: list[tuple[int, int]]) -> None:
    gold = {str(i): str(g) for i, (g, _) in enumerate(labels)}
    pred = {str(i): str(p) for i, (_, p) in enumerate(labels)}
    pairs = list(itertools.combinations(gold, 2))
    same_gold = {(a, b) for a, b in pairs if gold[a] == gold[b]}
    same_pred = {(a, b) for a, b in pairs if pred[a] == pred[b]}
    pw = pairwise(gold, pred)
    assert pw["true_pairs"] == len(same_gold & same_pred)
    assert (pw["gold_pairs"], pw["predicted_pairs"]) == (len(same_gold), len(same_pred))
    n = len(gold)
    p = sum(
        sum(pred[o] == pred[i] and gold[o] == gold[i] for o in gold)
        / sum(pred[o] == pred[i] for o in gold) for i in gold
    ) / n
    assert bcubed(gold, pred)["precision"] == pytest.approx(p)


# --- loaders and reports ------------------------------------------------------------------


def _write(path: Path, header: list[str], rows: list[list[str]]) -> Path:
    path.parent.mkdir(parents=True, exist_ok=True)
    with path.open("w", encoding="utf-8", newline="") as handle:
        writer = csv.writer(handle)
        writer.writerow(header)
        writer.writerows(rows)
    return path


FAKES_HEADER = ["unit_id", "article_title", "article_content", "source", "date", "location",
                "labels"]
STORY = ("Air strikes on a market in the town of Atareb in Aleppo province killed 12 civilians "
         "on Monday, a monitor said.")


def _tiny_data(root: Path) -> tuple[Path, Path]:
    data, labels = root / "data", root / "labels"
    _write(data / "fakes_syria" / "FA-KES-Dataset.csv", FAKES_HEADER, [
        ["1", "Strikes kill 12 in Atareb", STORY, "reuters", "11/13/2017", "aleppo", "1"],
        ["2", "Market in Atareb hit", STORY + " Rescuers searched.", "sana", "11/13/2017",
         "aleppo", "0"],
        ["2", "Market in Atareb hit", STORY, "sana", "11/13/2017", "idlib", "1"],
        ["3", "Car bomb in Homs", "A car bomb killed 5 people in Homs on Friday.", "etilaf",
         "3/6/2014", "homs", "1"],
    ])
    _write(labels / "fakes_syria.csv", ["id", "group"], [["1", "g1"], ["2", "g1"], ["3", "g2"]])
    return data, labels


def test_read_fakes_keeps_one_record_per_id(tmp_path: Path) -> None:
    data, _ = _tiny_data(tmp_path)
    records = read_fakes(data / "fakes_syria" / "FA-KES-Dataset.csv")
    assert [r.key for r in records] == ["1", "2", "3"]
    assert records[0].text.startswith("Strikes kill 12 in Atareb\n\nAir strikes")
    assert records[0].reference_date == date(2017, 11, 13)
    assert records[0].source == recognise("reuters")
    assert "Rescuers searched" in records[1].text


def test_read_syrianarchive_puts_place_and_date_in_words(tmp_path: Path) -> None:
    path = _write(tmp_path / "chemweap.csv",
                  ["unique_event_ID", "location_name", "date_time", "event_summary", "sources"],
                  [["CW_1", "Zamalka", "08/21/13 12:00 AM", "Victims of chemical attack",
                    "Some Committee"], ["CW_2", "", "08/22/13 12:00 AM", "", "UnKnown"]])
    first, second = read_syrianarchive(path)
    assert first.text == "Victims of chemical attack\n\nZamalka, 21 August 2013."
    assert first.reference_date == date(2013, 8, 21)
    assert second.text == "22 August 2013"
    assert first.source.name == "Some Committee"


def test_read_syrianarchive_reads_both_summaries(tmp_path: Path) -> None:
    """A record's Arabic summary is its words too: after the English one, or alone where the
    English is empty (52 of the 138 records)."""
    path = _write(tmp_path / "chemweap.csv",
                  ["unique_event_ID", "location_name", "date_time", "event_summary",
                   "event_summary_ar", "sources"],
                  [["CW_1", "Zamalka", "08/21/13 12:00 AM", "", "ضحايا القصف الكيماوي",
                    "Some Committee"],
                   ["CW_2", "Duma", "08/21/13 12:00 AM", "A field hospital", "مشفى ميداني",
                    "Some Committee"]])
    first, second = read_syrianarchive(path)
    assert first.text == "ضحايا القصف الكيماوي\n\nZamalka, 21 August 2013."
    assert second.text == "A field hospital\n\nمشفى ميداني\n\nDuma, 21 August 2013."
    assert second.title == "A field hospital"


def test_to_report_uses_the_first_event_or_the_record_date(tmp_path: Path) -> None:
    data, _ = _tiny_data(tmp_path)
    record = read_fakes(data / "fakes_syria" / "FA-KES-Dataset.csv")[0]
    empty = to_report(7, record, Analysis(id="1", text=record.text))
    assert (empty.id, empty.event_type, empty.event_date) == (7, "", date(2017, 11, 13))
    event = Event("Explosions/Remote violence", "Air/drone strike", "Political violence",
                  admin1="Aleppo", event_date="2017-11-13", fatalities=12,
                  evidence=Span(0, 10, "Air strikes"))
    report = to_report(3, record, Analysis(id="1", text=record.text, events=[event]))
    assert (report.sub_event_type, report.admin1, report.fatalities) == (
        "Air/drone strike", "Aleppo", 12)
    assert report.text == "Strikes kill 12 in Atareb\nAir strikes"
    assert report.full_text == record.text and len(report.document) == 64


def test_read_labels_demands_every_record_exactly_once(tmp_path: Path) -> None:
    path = _write(tmp_path / "l.csv", ["id", "group"], [["a", "g1"], ["b", "g1"]])
    assert read_labels(path, ["a", "b"]) == {"a": "g1", "b": "g1"}
    with pytest.raises(EvaluationError, match="1 records without a label"):
        read_labels(path, ["a", "b", "c"])
    twice = _write(tmp_path / "t.csv", ["id", "group"], [["a", "g1"], ["a", "g2"]])
    with pytest.raises(EvaluationError, match="labelled twice"):
        read_labels(twice, ["a"])


def test_evaluate_end_to_end_with_a_stand_in_linker(tmp_path: Path) -> None:
    data, labels = _tiny_data(tmp_path)
    result = evaluate("fakes_syria", data, labels, linker=by_day_and_province)
    assert (result["records"], result["gold_groups"]) == (3, 2)
    assert 1 <= result["predicted_incidents"] <= 3
    assert 0.0 <= result["pairwise"]["f1"] <= 1.0
    assert result["seconds"] >= 0.0


def test_a_report_the_linker_leaves_out_counts_alone(tmp_path: Path) -> None:
    data, labels = _tiny_data(tmp_path)
    result = evaluate("fakes_syria", data, labels, linker=lambda reports, settings: {})
    assert result["predicted_incidents"] == 3


def _one_group_per_half() -> tuple[str, str]:
    names = [f"g{n}" for n in range(20)]
    return (next(n for n in names if half_of(n) == 0),
            next(n for n in names if half_of(n) == 1))


def test_halves_score_each_half_alone(tmp_path: Path) -> None:
    """Records 1 and 2 are one incident of the read half, record 3 another of the unread
    half; a linker that joins all three makes two false pairs, which cross the halves and
    so count in neither half's score."""
    data, labels = _tiny_data(tmp_path)
    read, unread = _one_group_per_half()
    _write(labels / "fakes_syria.csv", ["id", "group"], [["1", read], ["2", read],
                                                         ["3", unread]])
    result = evaluate("fakes_syria", data, labels,
                      linker=lambda reports, settings: {r.id: 1 for r in reports})
    assert result["pairwise"]["precision"] == pytest.approx(1 / 3)
    halves = result["halves"]
    assert list(halves) == list(ev.HALVES)
    assert (halves["read half"]["records"], halves["unread half"]["records"]) == (2, 1)
    assert halves["read half"]["pairwise"]["precision"] == 1.0
    assert halves["read half"]["pairwise"]["recall"] == 1.0
    assert halves["unread half"]["pairwise"]["predicted_pairs"] == 0
    _write(labels / "fakes_syria.csv", ["id", "group"], [["1", read], ["2", read],
                                                         ["3", read]])
    only = evaluate("fakes_syria", data, labels, linker=by_day_and_province)
    assert list(only["halves"]) == ["read half"]  # an empty half is left out


# --- the command --------------------------------------------------------------------------


def test_command_names_the_missing_data_file(tmp_path: Path) -> None:
    out = CliRunner().invoke(cli, ["evaluate-linking", "--data", str(tmp_path / "nowhere"),
                                   "--labels", str(tmp_path)])
    assert out.exit_code == 1
    assert "data file not found" in out.output and "FA-KES-Dataset.csv" in out.output


def test_command_names_the_missing_labels_file(tmp_path: Path) -> None:
    data, _ = _tiny_data(tmp_path)
    out = CliRunner().invoke(cli, ["evaluate-linking", "--dataset", "fakes_syria", "--data",
                                   str(data), "--labels", str(tmp_path / "none")])
    assert out.exit_code == 1
    assert "labels file not found" in out.output and "fakes_syria.csv" in out.output


def test_command_prints_a_table_and_json(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    data, labels = _tiny_data(tmp_path)
    monkeypatch.setattr(ev, "_default_linker", lambda: by_day_and_province)
    args = ["evaluate-linking", "--dataset", "fakes_syria", "--labels", str(labels)]
    env = {"RAQIB_SHARED_DATA": str(data)}
    table = CliRunner().invoke(cli, args, env=env)
    assert table.exit_code == 0, table.output
    assert "fakes_syria" in table.output and "pair F1" in table.output
    assert "read half" not in table.output
    with_halves = CliRunner().invoke(cli, [*args, "--halves"], env=env)
    assert with_halves.exit_code == 0, with_halves.output
    assert "  read half" in with_halves.output or "  unread half" in with_halves.output
    as_json = CliRunner().invoke(cli, [*args, "--json"], env=env)
    assert json.loads(as_json.output)[0]["records"] == 3
    assert set(json.loads(as_json.output)[0]["halves"]) <= set(ev.HALVES)


# --- the real data sets (skipped where the shared data is absent) --------------------------

needs_data = pytest.mark.skipif(not SHARED.is_dir(), reason=f"no shared data at {SHARED}")


def _linker() -> ev.Linker:
    try:
        return ev._default_linker()
    except EvaluationError:
        return by_day_and_province


@needs_data
@pytest.mark.parametrize("name", sorted(ev.DATASETS))
def test_labels_cover_every_record_exactly_once(name: str) -> None:
    spec = ev.dataset(name)
    keys = [r.key for r in spec.read(ev.data_file(name, SHARED))]
    assert len(keys) == len(set(keys))
    labels = read_labels(ev.labels_file(name, LABELS), keys)
    assert set(labels) == set(keys)
    with (LABELS / f"{name}.csv").open(encoding="utf-8") as handle:
        assert sum(1 for _ in handle) == len(keys) + 1


@needs_data
@pytest.mark.parametrize("name", sorted(ev.DATASETS))
def test_evaluate_on_real_data_returns_sane_numbers(name: str) -> None:
    result = evaluate(name, SHARED, LABELS, linker=_linker())
    assert result["records"] == {"fakes_syria": 792, "syrianarchive_cw_2015": 138}[name]
    assert 1 <= result["predicted_incidents"] <= result["records"]
    for metric in ("pairwise", "bcubed"):
        for key in ("precision", "recall", "f1"):
            assert 0.0 <= result[metric][key] <= 1.0
    assert result["pairwise"]["gold_pairs"] > 0
