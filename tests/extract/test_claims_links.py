"""Claims stage: links to events, its resource files, and robustness on real reporting."""

from __future__ import annotations

import csv
from datetime import date
from importlib import resources
from pathlib import Path

import pytest

from raqib.extract import claims
from raqib.extract.model import Analysis, DateMention, Event, Options, PlaceMention, Sentence
from raqib.extract.sentences import split

DATA = Path(__file__).resolve().parents[2].parent / "shared" / "data"
STANCES = {"asserts", "denies", "accuses", "alleges", "calls_for"}

TEXT = ("Regime aircraft struck a market in Ariha on Monday, killing nine people. "
        "The opposition said that the strike on Ariha was a war crime. "
        "Russia denied that its jets flew over Saraqib on 3 March.")


def prepared(text: str = TEXT) -> Analysis:
    doc = Analysis(id="t", text=text)
    doc.sentences = [Sentence(doc.span(a, b)) for a, b in split(text)]
    return doc


def event(doc: Analysis, words: str, location: str, day: str) -> Event:
    start = doc.text.index(words)
    return Event("Explosions/Remote violence", "Air/drone strike", "Political violence",
                 location=location, event_date=day, evidence=doc.span(start, start + len(words)))


def mention(doc: Analysis, words: str, occurrence: int = 0) -> tuple[int, int]:
    start = -1
    for _ in range(occurrence + 1):
        start = doc.text.index(words, start + 1)
    return start, start + len(words)


def test_about_links_by_evidence_then_place_and_date() -> None:
    doc = prepared()
    doc.events = [event(doc, "Regime aircraft struck a market in Ariha", "Ariha", "2019-03-04"),
                  event(doc, "killing nine people", "Saraqib", "2019-03-03")]
    doc.places = [PlaceMention(doc.span(*mention(doc, "Ariha", 1)), "Ariha", "Syria"),
                  PlaceMention(doc.span(*mention(doc, "Saraqib")), "Saraqib", "Syria")]
    doc.dates = [DateMention(doc.span(*mention(doc, "3 March")), date(2019, 3, 3), 1)]
    claims.create(Options())(doc)
    by_claimant = {c.claimant: c for c in doc.claims}
    assert by_claimant["The opposition"].about == 0  # names the place of event 0
    assert by_claimant["Russia"].about == 1  # place and date of event 1
    assert by_claimant["Russia"].stance == "denies"


def test_about_prefers_overlapping_evidence_and_is_null_without_events() -> None:
    doc = prepared("The army said that its jets struck a depot near Kafr Zita at dawn.")
    claims.create(Options())(doc)
    assert doc.claims[0].about is None
    doc = prepared("The army said that its jets struck a depot near Kafr Zita at dawn.")
    doc.events = [event(doc, "The army", "", ""), event(doc, "jets struck a depot", "", "")]
    claims.create(Options())(doc)
    assert doc.claims[0].about == 1


def test_stage_appends_and_loads_its_lists_once() -> None:
    stage = claims.create(Options())
    doc = prepared()
    doc.claims.append(claims.Claim("x", "x", "asserts", "kept", 0, 4))
    stage(doc)
    assert doc.claims[0].statement == "kept" and len(doc.claims) > 1
    first = stage.lexicon
    stage(prepared())
    assert stage.lexicon is first


def read(name: str) -> list[list[str]]:
    text = (resources.files("raqib") / "resources" / "claims" / name).read_text("utf-8")
    return [line.split("\t") for line in text.splitlines()
            if line.strip() and not line.startswith("#")]


def test_resource_files_follow_their_documented_format() -> None:
    verbs = read("verbs.tsv")
    assert len(verbs) > 50
    for row in verbs:
        assert len(row) == 6, row
        form, stance, hedged, frame, performative, source = row
        assert stance in STANCES and frame in {"say", "tell", "object"}, row
        assert {hedged, performative, source} <= {"0", "1"} and form == form.strip()
    rows = read("lexicon.tsv")
    assert all(len(row) == 2 and row[1].strip() == row[1] for row in rows)
    readme = (resources.files("raqib") / "resources" / "claims" / "README.md").read_text("utf-8")
    for category in {row[0] for row in rows}:
        assert f"`{category}`" in readme, f"category {category} is not documented"


def test_news_length_texts() -> None:
    text = ("On Tuesday, Syrian state media said that rebels fired rockets at a residential "
            "district of Aleppo, wounding 14 people, including three children. The opposition "
            "denied the accusation and accused government forces of shelling the town of "
            "Atareb, where at least six civilians were killed, according to activists.")
    doc = prepared(text)
    claims.create(Options())(doc)
    assert [c.stance for c in doc.claims] == ["asserts", "asserts", "denies", "accuses"]


def test_real_reporting_offsets_and_stances() -> None:
    path = DATA / "fakes_syria" / "FA-KES-Dataset.csv"
    if not path.is_file():
        pytest.skip("../shared/data is absent")
    with path.open(encoding="utf-8") as handle:
        rows = list(csv.DictReader(handle))[::4]
    stage, total = claims.create(Options()), 0
    for row in rows:
        doc = prepared(row["article_content"])
        stage(doc)
        for c in doc.claims:
            assert c.stance in STANCES and c.claimant and c.claimant_actor
            assert 0 <= c.start < c.end <= len(doc.text)
            if " … " not in c.statement:
                assert doc.text[c.start : c.end] == c.statement
        total += len(doc.claims)
    assert total > len(rows)  # news about a war is full of attributed claims
