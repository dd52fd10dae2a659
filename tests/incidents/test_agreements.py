"""Agreements: the shipped Idlib memorandum, violations on synthetic incidents, bad files."""

from __future__ import annotations

import copy
import json
from datetime import date
from pathlib import Path

import pytest

from raqib.incidents.agreements import (
    AgreementError,
    default_agreements,
    default_folder,
    load,
    summarise,
    violations,
)
from raqib.incidents.reconcile import Reconciled

SYRIA = "Military Forces of Syria (2000-)"
RUSSIA = "Military Forces of Russia (2000-)"
HTS = "HTS: Hayat Tahrir al Sham"

INSIDE = {
    "Khan Shaykhun": (35.441, 36.650),
    "Murek": (35.379, 36.696),
    "Latamina": (35.321, 36.621),
    "Kafr Zita": (35.374, 36.603),
    "Al-Tamanah": (35.492, 36.786),
    "Jarjanaz": (35.609, 36.851),
    "Khan Tuman": (36.12, 37.07),
    "Jisr al-Shughur south-west countryside": (35.78, 36.25),
    "Kabani (north Latakia)": (35.80, 36.17),
    "Qalaat al-Madiq": (35.41, 36.38),
}
OUTSIDE = {
    "Idlib city": (35.93, 36.63),
    "Aleppo city centre": (36.20, 37.16),
    "Hama city": (35.13, 36.75),
    "Damascus": (33.51, 36.29),
}


@pytest.fixture(scope="module")
def idlib():
    (agreement,) = [a for a in default_agreements() if a.name == "idlib-2018"]
    return agreement


def test_idlib_memorandum_is_shipped(idlib) -> None:
    assert idlib.start == date(2018, 10, 15)
    assert idlib.end is None
    assert idlib.prohibited == ("Battles", "Explosions/Remote violence",
                                "Violence against civilians")
    assert SYRIA in idlib.parties
    assert "approximate" in idlib.notes.casefold()
    assert 20 <= len(idlib.zone.exterior.coords) <= 80


@pytest.mark.parametrize("place", sorted(INSIDE))
def test_zone_contains(idlib, place: str) -> None:
    assert idlib.contains(*INSIDE[place])


@pytest.mark.parametrize("place", sorted(OUTSIDE))
def test_zone_leaves_out(idlib, place: str) -> None:
    assert not idlib.contains(*OUTSIDE[place])


def incident(place: tuple[float, float] | None, day: date | None, **fields: object
             ) -> Reconciled:
    values: dict[str, object] = {
        "event_type": "Explosions/Remote violence",
        "sub_event_type": "Shelling/artillery/missile attack",
        "actor1": SYRIA,
        "actor2": "Civilians (Syria)",
        "fatalities_min": 2,
        "fatalities_max": 3,
        "geo_precision": 1,
    }
    values.update(fields)
    lat, lon = place if place else (None, None)
    return Reconciled(event_date=day, latitude=lat, longitude=lon, **values)  # type: ignore[arg-type]


def synthetic() -> list[tuple[int, Reconciled]]:
    nov, dec = date(2018, 11, 4), date(2018, 12, 20)
    return [
        (1, incident(INSIDE["Khan Shaykhun"], nov, location="Khan Shaykhun")),
        (2, incident(INSIDE["Latamina"], dec, fatalities_min=5, fatalities_max=9)),
        (3, incident(INSIDE["Khan Tuman"], dec, event_type="Battles",
                     sub_event_type="Armed clash", actor1=HTS, actor2=SYRIA,
                     fatalities_min=0, fatalities_max=0)),
        (4, incident(OUTSIDE["Idlib city"], nov)),  # outside the zone
        (5, incident(INSIDE["Murek"], date(2018, 10, 14))),  # before the period
        (6, incident(INSIDE["Murek"], nov, event_type="Protests",
                     sub_event_type="Peaceful protest", actor1="Protesters (Syria)")),
        (7, incident(INSIDE["Kafr Zita"], nov, event_type="Strategic developments",
                     sub_event_type="Agreement")),
        (8, incident(None, nov)),  # no coordinates: cannot be judged
        (9, incident(INSIDE["Murek"], None)),  # no date: cannot be judged
        (10, incident(INSIDE["Jarjanaz"], date(2018, 10, 15), event_type="Violence against "
                      "civilians", sub_event_type="Attack", actor1=RUSSIA)),
    ]


def test_violations_inside_zone_period_and_prohibited_type(idlib) -> None:
    found = violations(idlib, synthetic())
    assert [v.incident_id for v in found] == [1, 2, 3, 10]
    first = found[0]
    assert (first.agreement, first.prohibited, first.location) == (
        "idlib-2018", "Explosions/Remote violence", "Khan Shaykhun")
    assert first.by_party and first.parties_involved == [SYRIA]
    hts = found[2]
    assert not hts.by_party and hts.parties_involved == [SYRIA]


def test_violations_by_parties_only(idlib) -> None:
    only = [(3, incident(INSIDE["Khan Tuman"], date(2018, 12, 1), actor1=HTS, actor2=""))]
    assert violations(idlib, only) and not violations(idlib, only, parties_only=True)


def test_period_end_and_sub_event_types(tmp_path: Path) -> None:
    data = json.loads((default_folder() / "idlib-2018.json").read_text(encoding="utf-8"))
    data["period"] = {"start": "2018-10-15", "end": "2018-11-04"}
    data["prohibited"] = ["Air/drone strike"]
    path = tmp_path / "air.json"
    path.write_text(json.dumps(data), encoding="utf-8")
    agreement = load(path)
    khan = INSIDE["Khan Shaykhun"]
    rows = [
        (1, incident(khan, date(2018, 11, 4), sub_event_type="Air/drone strike")),
        (2, incident(khan, date(2018, 11, 5), sub_event_type="Air/drone strike")),
        (3, incident(khan, date(2018, 11, 4))),
    ]
    assert [v.incident_id for v in violations(agreement, rows)] == [1]


def test_multipolygon_zone(tmp_path: Path) -> None:
    data = json.loads((default_folder() / "idlib-2018.json").read_text(encoding="utf-8"))
    square = [[[36.0, 34.0], [36.5, 34.0], [36.5, 34.5], [36.0, 34.5], [36.0, 34.0]]]
    data["zone"] = {"type": "MultiPolygon",
                    "coordinates": [data["zone"]["coordinates"], square]}
    path = tmp_path / "two.json"
    path.write_text(json.dumps(data), encoding="utf-8")
    agreement = load(path)
    assert agreement.contains(34.2, 36.2) and agreement.contains(*INSIDE["Murek"])
    assert not agreement.contains(*OUTSIDE["Damascus"])


def test_summaries(idlib) -> None:
    found = violations(idlib, synthetic())
    assert summarise(found, "actor") == [(SYRIA, 2, 7), (HTS, 1, 0), (RUSSIA, 1, 2)]
    assert summarise(found, "month") == [("2018-10", 1, 2), ("2018-11", 1, 2),
                                         ("2018-12", 2, 5)]
    assert summarise(found, "type") == [("Shelling/artillery/missile attack", 2, 7),
                                        ("Armed clash", 1, 0), ("Attack", 1, 2)]
    assert summarise(found + found, "actor") == summarise(found, "actor")
    with pytest.raises(ValueError, match="summarise by"):
        summarise(found, "country")  # type: ignore[arg-type]


def test_violation_json_is_plain(idlib) -> None:
    data = violations(idlib, synthetic())[0].as_json()
    assert data["event_date"] == "2018-11-04"
    assert json.loads(json.dumps(data)) == data


GOOD = json.loads((default_folder() / "idlib-2018.json").read_text(encoding="utf-8"))


def broken(**changes: object) -> dict:
    data = copy.deepcopy(GOOD)
    for key, value in changes.items():
        if value is None:
            data.pop(key)
        else:
            data[key] = value
    return data


@pytest.mark.parametrize(
    ("data", "field"),
    [
        (broken(format="raqib.agreement/9"), "format"),
        (broken(name=None), "name"),
        (broken(title=""), "title"),
        (broken(period={"start": "15 October 2018"}), "period.start"),
        (broken(period={"start": "2018-10-15", "end": "2018-01-01"}), "period.end"),
        (broken(period=None), "period"),
        (broken(zone={"type": "Point", "coordinates": [36.6, 35.4]}), "zone"),
        (broken(zone={"type": "Polygon", "coordinates": [[[0, 0], [1, 1], [1, 0], [0, 1],
                                                          [0, 0]]]}), "zone"),
        (broken(zone={"type": "Polygon", "coordinates": "nowhere"}), "zone"),
        (broken(zone={"type": "Polygon", "coordinates": [[[35.4, 200], [36, 200], [36, 201],
                                                          [35.4, 200]]]}), "zone"),
        (broken(prohibited=["Bombing"]), "prohibited"),
        (broken(prohibited=[]), "prohibited"),
        (broken(parties="Russia"), "parties"),
    ],
)
def test_malformed_file_names_file_and_field(tmp_path: Path, data: dict, field: str) -> None:
    path = tmp_path / "bad.json"
    path.write_text(json.dumps(data), encoding="utf-8")
    with pytest.raises(AgreementError) as info:
        load(path)
    message = str(info.value)
    assert "\n" not in message
    assert message.startswith(f"{path}: field '{field}': ")


def test_unreadable_files(tmp_path: Path) -> None:
    bad = tmp_path / "bad.json"
    bad.write_text("{not json", encoding="utf-8")
    with pytest.raises(AgreementError, match=r"bad\.json: not JSON"):
        load(bad)
    with pytest.raises(AgreementError, match=r"missing\.json: cannot read"):
        load(tmp_path / "missing.json")
    bad.write_text("[]", encoding="utf-8")
    with pytest.raises(AgreementError, match="expected a JSON object"):
        load(bad)
    assert issubclass(AgreementError, ValueError)
