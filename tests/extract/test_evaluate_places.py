"""`raqib evaluate --gold FOLDER`: place mentions against re3d-style entity annotations."""

from __future__ import annotations

import json
import re
from pathlib import Path

import pytest
from click.testing import CliRunner

from raqib.cli import cli
from raqib.extract.evaluate_places import evaluate_places, is_named, read_re3d
from raqib.extract.model import Analysis, PlaceMention

RE3D = Path(__file__).resolve().parents[2].parent / "shared" / "data" / "re3d"

TEXT = ("Shelling hit the town of Kafr Nabl and Aleppo on Monday. Syrian officials said the "
        "UK was appalled. Anas fled.")


def _at(text: str, words: str) -> tuple[int, int]:
    start = text.index(words)
    return start, start + len(words)


def write_corpus(folder: Path, entities: list[tuple[str, str]]) -> None:
    """One document of TEXT and the given (words, type) entities, in re3d's layout."""
    folder.mkdir(parents=True)
    (folder / "documents.json").write_text(
        json.dumps({"_id": f"{folder.name}-1", "title": "t", "text": TEXT}) + "\n",
        encoding="utf-8")
    lines = []
    for words, kind in entities:
        begin, end = _at(TEXT, words)
        lines.append(json.dumps({"documentId": f"{folder.name}-1", "begin": begin, "end": end,
                                 "type": kind, "value": words}))
    (folder / "entities.json").write_text("\n".join(lines) + "\n", encoding="utf-8")


class Found:
    """A pipeline that 'finds' the given words as places, to test the scoring alone."""

    def __init__(self, *words: str) -> None:
        self.words = words

    def run(self, doc_id: str, text: str) -> Analysis:
        doc = Analysis(doc_id, text)
        for words in self.words:
            doc.places.append(PlaceMention(doc.span(*_at(text, words)), words, "Syria"))
        return doc


def test_is_named() -> None:
    assert is_named("Aleppo") and is_named("the Karrada district of Baghdad")
    assert not is_named("the town") and not is_named("33.783°N 44.500°E")


def test_scores_count_overlaps_and_leave_out_acting_countries(tmp_path: Path) -> None:
    write_corpus(tmp_path / "news", [
        ("the town of Kafr Nabl", "Location"), ("Aleppo", "Location"), ("the town", "Location"),
        ("Syrian", "Nationality"), ("UK", "Location"), ("UK", "Organisation"),
        ("Anas", "Person"),
    ])
    found = Found("Kafr Nabl", "Syrian", "Anas")
    scores = evaluate_places(tmp_path, found)  # type: ignore[arg-type]
    tally = scores.total()
    # mentions: Kafr Nabl (inside a gold Location), Syrian (a nationality), Anas (wrong)
    assert (tally.mentions, tally.matched, tally.nationality) == (3, 1, 1)
    # named gold locations: Kafr Nabl's span and Aleppo; 'the town' is not named and the UK
    # acts (annotated an Organisation too)
    assert (tally.named, tally.found) == (2, 1)
    assert scores.missed == ["Aleppo"] and scores.spurious == ["Anas -> Anas (Syria)"]
    line = list(scores.lines())[-1]
    assert line.startswith("all: place mentions precision 0.333 (1/3), recall of named gold "
                           "locations 0.500 (1/2), F1 0.400")


def test_subfolders_are_corpora_and_limit(tmp_path: Path) -> None:
    write_corpus(tmp_path / "a", [("Aleppo", "Location")])
    write_corpus(tmp_path / "b", [("Aleppo", "Location")])
    assert [d.corpus for d in read_re3d(tmp_path)] == ["a", "b"]
    scores = evaluate_places(tmp_path, Found("Aleppo"), limit=1)  # type: ignore[arg-type]
    assert list(scores.corpora) == ["a"] and scores.documents == 1


def test_command_on_a_folder_and_its_errors(tmp_path: Path) -> None:
    write_corpus(tmp_path / "news", [("Aleppo", "Location"), ("Kafr Nabl", "Location")])
    result = CliRunner().invoke(cli, ["evaluate", "--gold", str(tmp_path)])
    assert result.exit_code == 0, result.output
    assert re.search(r"^all: place mentions precision [\d.]+ \(\d+/\d+\), recall of named gold "
                     r"locations [\d.]+ \(\d+/2\)", result.output, re.MULTILINE)
    empty = tmp_path / "empty"
    empty.mkdir()
    result = CliRunner().invoke(cli, ["evaluate", "--gold", str(empty)])
    assert result.exit_code != 0 and "no documents.json here or in its sub-folders" in \
        result.output
    (tmp_path / "news" / "entities.json").write_text("{not json\n", encoding="utf-8")
    result = CliRunner().invoke(cli, ["evaluate", "--gold", str(tmp_path / "news")])
    assert result.exit_code != 0 and "entities.json:1: not a JSON object" in result.output
    (tmp_path / "news" / "entities.json").write_text('{"documentId": "news-1"}\n',
                                                      encoding="utf-8")
    result = CliRunner().invoke(cli, ["evaluate", "--gold", str(tmp_path / "news")])
    assert result.exit_code != 0 and "entities.json:1: no begin, end, type, value" in \
        result.output


@pytest.mark.skipif(not RE3D.is_dir(), reason="../shared/data is not here")
def test_re3d_place_mentions_floor() -> None:
    """A floor, not a target (docs/evaluation.md has the figures): few words that are no
    place are read as one, and most named places are found."""
    from raqib.extract.pipeline import Pipeline

    tally = evaluate_places(RE3D, Pipeline()).total()
    assert tally.mentions > 300 and tally.named > 500
    assert tally.matched / tally.mentions >= 0.85
    assert tally.found / tally.named >= 0.55
