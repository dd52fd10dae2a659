"""Training: ACLED exports in any encoding, disjoint splits, the model file format."""

from __future__ import annotations

import zipfile
from pathlib import Path

import numpy as np
import pytest

from clirun import run
from made_acled import COLUMNS, rows, write_csv
from raqib.extract import classifier, events, place_mask, taxonomy
from raqib.extract.acled_export import TrainingDataError, read_acled, split_rows
from raqib.extract.model import Analysis, Options
from raqib.extract.train import (
    Example,
    definition_examples,
    fit,
    load_examples,
    masked_examples,
    material_digest,
    train_from_acled,
)

SHARED = Path(__file__).resolve().parents[2].parent / "shared" / "data"

def test_reads_any_encoding_and_separator(tmp_path: Path) -> None:
    records = rows(2)
    records[0]["notes"] = records[0]["notes"].replace("Sao", "São") + " Gendarmes présents."
    for i, (encoding, delimiter) in enumerate(
        [("utf-8", ","), ("utf-8-sig", ";"), ("latin-1", "\t"), ("cp1252", ",")]
    ):
        read = read_acled(write_csv(tmp_path / f"e{i}.csv", records, encoding, delimiter))
        assert len(read) == len(records)
        assert "São" in read[0].notes and "présents" in read[0].notes
        assert read[0].sub_event_type == "Peaceful protest"
        assert read[0].event_date is not None and read[0].event_date.isoformat() == "2020-05-01"


def test_upper_case_columns_and_sub_event_spelling(tmp_path: Path) -> None:
    records = [{k.upper(): v for k, v in r.items()} for r in rows(2)]
    records[0]["SUB_EVENT_TYPE"] = "peaceful  PROTEST"
    read = read_acled(write_csv(tmp_path / "u.csv", records, columns=[c.upper() for c in COLUMNS]))
    assert read[0].sub_event_type == "Peaceful protest" and read[0].event_type == "Protests"


def test_old_format_is_a_clear_error(tmp_path: Path) -> None:
    old = ["GWNO", "EVENT_DATE", "EVENT_TYPE", "ACTOR1", "COUNTRY", "NOTES", "FATALITIES"]
    records = [
        {"EVENT_DATE": "01/05/2016", "EVENT_TYPE": "Remote violence", "NOTES": "A bomb went off."}
    ] * 20
    path = write_csv(tmp_path / "old.csv", records, "latin-1", columns=old)
    with pytest.raises(TrainingDataError, match="pre-2019"):
        read_acled(path)
    with pytest.raises(TrainingDataError, match="pre-2019"):
        train_from_acled(path, tmp_path / "m.npz")


def test_not_an_acled_file(tmp_path: Path) -> None:
    path = tmp_path / "x.csv"
    path.write_text("a,b\n1,2\n", encoding="utf-8")
    with pytest.raises(TrainingDataError, match="notes"):
        read_acled(path)
    few = write_csv(tmp_path / "few.csv", rows(1)[:3])
    with pytest.raises(TrainingDataError, match="usable rows"):
        read_acled(few)


@pytest.mark.parametrize("by", ["date", "country"])
def test_splits_are_disjoint(tmp_path: Path, by: str) -> None:
    read = read_acled(write_csv(tmp_path / "s.csv", rows(6)))
    train, test = split_rows(read, by, 0.25)
    assert len(train) + len(test) == len(read)
    assert not {id(r) for r in train} & {id(r) for r in test}
    if by == "date":
        assert max(r.event_date for r in train) < min(r.event_date for r in test)
    else:
        assert not {r.country for r in train} & {r.country for r in test}
    with pytest.raises(ValueError):
        split_rows(read, "random", 0.25)


def test_train_from_acled_writes_a_model_and_scores(tmp_path: Path) -> None:
    path = write_csv(tmp_path / "export.csv", rows(6))
    out = tmp_path / "mine.npz"
    negatives = [e for e in load_examples() if e.label == taxonomy.NO_EVENT]
    report = train_from_acled(
        path, out, split="date", test_fraction=0.3, extra=negatives, c=5.0
    )
    assert report.train_rows == 48 and report.test_rows == 24
    assert report.scores["event_type_accuracy"] >= 0.9
    assert report.scores["sub_event_type_weighted_f1"] >= 0.9
    model = classifier.load(out)
    assert taxonomy.NO_EVENT in model.classes  # from the project's examples
    assert model.meta["scores"]["rows"] == 24.0
    assert "export.csv" in model.meta["trained_on"]
    assert place_mask.META_KEY not in model.meta  # a user's model keeps its place names
    stage = events.create(Options(model=str(out)))
    doc = Analysis(id="t", text="On 9 May 2020, gunmen kidnapped a nurse from a clinic in Jos.")
    stage(doc)
    assert doc.cues[0].sub_event_type == "Abduction/forced disappearance"
    statement = Analysis(id="s", text="The minister said the talks would resume next month.")
    stage(statement)
    assert statement.cues == []


def test_the_train_command_says_what_cross_validation_chose(tmp_path: Path) -> None:
    path = write_csv(tmp_path / "export.csv", rows(6))
    code, out = run(None, "train", "--acled", str(path), "--split", "date",
                    "--out", str(tmp_path / "m.npz"))
    assert code == 0, out
    assert "chosen by 3-fold cross-validation on those rows: strength " in out
    assert "class weighting " in out and "held out (" in out
    meta = classifier.load(tmp_path / "m.npz").meta
    assert meta["class_weight"] in (None, "balanced") and meta["c"] in (30.0, 100.0, 300.0, 1000.0)


def test_model_file_is_data_not_pickle(tmp_path: Path) -> None:
    data = [Example("rebels and soldiers fought", "Armed clash"),
            Example("students marched peacefully", "Peaceful protest"),
            Example("the minister spoke", taxonomy.NO_EVENT)] * 3
    model = fit(data)
    out = tmp_path / "m.npz"
    model.save(out)
    with zipfile.ZipFile(out) as archive:
        names = sorted(archive.namelist())
    assert names == sorted(f"{n}.npy" for n in
                           ["meta", "classes", "vocab", "idf", "coef", "intercept"])
    with np.load(out, allow_pickle=False) as arrays:
        assert arrays["coef"].dtype == np.float32
    again = classifier.load(out)
    for text in ["soldiers fought rebels", "students marched", "minister"]:
        assert again.predict(text)[0] == model.predict(text)[0]
        assert np.allclose(again.logits(text), model.logits(text), atol=1e-5)


def test_bad_model_files(tmp_path: Path) -> None:
    junk = tmp_path / "junk.npz"
    junk.write_bytes(b"not a zip")
    with pytest.raises(classifier.ModelError):
        classifier.load(junk)
    partial = tmp_path / "partial.npz"
    np.savez(partial, coef=np.zeros((2, 2)))
    with pytest.raises(classifier.ModelError, match="lacks"):
        classifier.load(partial)
    with pytest.raises(TrainingDataError):
        fit([Example("a", "Attack")] * 3)


def test_shipped_default_model() -> None:
    path = classifier.default_model_path()
    assert path.stat().st_size < 5_000_000
    model = classifier.load()
    tax = taxonomy.load()
    assert sorted(model.classes) == sorted(tax.labels)
    assert "no ACLED" in model.meta["trained_on"]
    assert model.meta["material_sha256"] == material_digest(), (
        "examples, definitions or place masking changed: run scripts/build_default_model.py"
    )
    examples = load_examples() + definition_examples(tax)
    assert {e.label for e in examples} == set(tax.labels)
    counts = {label: sum(e.label == label for e in examples) for label in tax.labels}
    assert min(counts.values()) >= 40, counts
    assert model.meta[place_mask.META_KEY] is True  # trained, and read, with places masked
    sample = masked_examples(examples[::3])
    right = sum(model.predict(e.text)[0] == e.label for e in sample)
    assert right / len(sample) > 0.9


def test_shared_old_africa_export_is_refused() -> None:
    path = SHARED / "acled_africa_2016" / "ACLED_All_Africa_20160101_to_20160528.csv"
    if not path.exists():
        pytest.skip("shared ACLED data not available")
    with pytest.raises(TrainingDataError, match="pre-2019"):
        read_acled(path)


def test_a_grid_of_strengths_is_chosen_by_cross_validation_on_the_training_data() -> None:
    data = [Example("rebels and soldiers fought near the town", "Armed clash"),
            Example("students marched peacefully in the square", "Peaceful protest"),
            Example("the minister spoke about the budget", taxonomy.NO_EVENT)] * 4
    model = fit(data, c=(0.01, 10.0))
    assert model.meta["c_grid"] == [0.01, 10.0]
    assert model.meta["c"] in (0.01, 10.0)
    assert model.meta["class_weight"] is None and "class_weight_grid" not in model.meta
    assert 0.0 <= model.meta["cv_weighted_f1"] <= 1.0
    assert model.predict("soldiers and rebels fought")[0] == "Armed clash"


def test_the_class_weighting_is_chosen_by_the_same_cross_validation() -> None:
    # Imbalanced: the rare class is lost without weighting at a strong regularisation.
    data = ([Example(f"rebels and soldiers fought near town {i}", "Armed clash")
             for i in range(12)]
            + [Example(f"students marched peacefully in square {i}", "Peaceful protest")
               for i in range(3)]
            + [Example(f"the minister spoke about budget {i}", taxonomy.NO_EVENT)
               for i in range(12)])
    plain = fit(data, c=(0.01,))
    chosen = fit(data, c=(0.01,), weights=(None, "balanced"))
    assert chosen.meta["class_weight_grid"] == [None, "balanced"]
    assert chosen.meta["class_weight"] == "balanced"
    assert chosen.meta["cv_weighted_f1"] > plain.meta["cv_weighted_f1"]
    assert plain.predict("students marched in the square")[0] != "Peaceful protest"
    assert chosen.predict("students marched in the square")[0] == "Peaceful protest"
