"""reconcile() and independent_groups() on the project's own hand-written reports."""

from __future__ import annotations

import json
from datetime import date

from raqib.incidents.independence import independent_groups, jaccard, same_story, shingles
from raqib.incidents.reconcile import Reconciled, reconcile
from raqib.incidents.records import ReportView, SourceInfo

AFP = SourceInfo("Agence France-Presse", "international media", "international", "B")
SOHR = SourceInfo("Syrian Observatory for Human Rights", "ngo", "opposition", "B")
SANA = SourceInfo("SANA (Syrian Arab News Agency)", "state media", "government", "C")
DAILY = SourceInfo("Daily Sabah", "international media", "opposition", "C")
JORDAN = SourceInfo("Jordan Times", "international media", "neutral", "C")
TIMES = SourceInfo("Ahram", "international media", "neutral", "C")

WIRE = (
    "Air strikes killed 12 civilians on Tuesday in the town of Khan Shaykhun in the south of "
    "Idlib province, a war monitor and rescue workers said, in the deadliest raid since the "
    "Russian-Turkish agreement on a demilitarised zone took effect last month."
)


def report(number: int, source: SourceInfo, **fields: object) -> ReportView:
    values: dict[str, object] = {
        "document": f"doc{number}",
        "event_type": "Explosions/Remote violence",
        "sub_event_type": "Air/drone strike",
        "event_date": date(2018, 11, 20),
        "country": "Syria",
        "admin1": "Idlib",
        "location": "Khan Shaykhun",
        "latitude": 35.441,
        "longitude": 36.65,
        "actor1": "Military Forces of Syria (2000-)",
        "actor2": "Civilians (Syria)",
        "confidence": 0.8,
    }
    values.update(fields)
    return ReportView(id=number, source=source, **values)  # type: ignore[arg-type]


def syndicated(number: int, source: SourceInfo, tail: str = "", **fields: object) -> ReportView:
    return report(number, source, full_text=WIRE + tail, text=WIRE[:80], **fields)


def test_syndicated_copies_are_one_account() -> None:
    copies = [
        syndicated(1, AFP, fatalities=12),
        syndicated(2, DAILY, " Photo: AFP.", fatalities=12),
        syndicated(3, JORDAN, " (AFP)", fatalities=12),
    ]
    groups = independent_groups(copies)
    assert [[r.id for r in g] for g in groups] == [[1, 2, 3]]


def test_fatalities_are_the_range_of_independent_accounts_not_a_sum() -> None:
    reports = [
        syndicated(1, AFP, fatalities=12),
        syndicated(2, DAILY, " Photo: AFP.", fatalities=12),
        syndicated(3, JORDAN, fatalities=12),
        report(4, SOHR, full_text="The Observatory documented 15 dead in Khan Shaykhun.",
               fatalities=15),
        report(5, SANA, full_text="Terrorists shelled safe areas.", fatalities=0),
    ]
    result = reconcile(reports)
    assert (result.fatalities_min, result.fatalities_max) == (12, 15)
    assert result.independent_sources == 3
    assert result.reports == 5


def test_no_count_anywhere_gives_zero_and_injured_none() -> None:
    result = reconcile([report(1, AFP), report(2, SOHR)])
    assert (result.fatalities_min, result.fatalities_max) == (0, 0)
    assert (result.injured_min, result.injured_max) == (None, None)


def test_injured_range_over_accounts_that_state_one() -> None:
    result = reconcile([report(1, AFP, injured=20), report(2, SOHR, injured=35), report(3, SANA)])
    assert (result.injured_min, result.injured_max) == (20, 35)


def test_different_stories_are_independent_and_short_texts_never_merge() -> None:
    a = report(1, AFP, full_text=WIRE)
    b = report(2, SOHR, full_text="The Syrian Observatory said regime warplanes struck the "
               "market of Khan Shaykhun at noon, killing fifteen people including four children.")
    c = report(3, JORDAN, text="Air strike on Khan Shaykhun")
    d = report(4, TIMES, text="Air strike on Khan Shaykhun")
    assert len(independent_groups([a, b, c, d])) == 4
    assert not same_story(c, d)


def test_same_source_name_or_document_is_one_account() -> None:
    a = report(1, SOHR, full_text="First update.")
    b = report(2, SOHR, full_text="A later, longer update with a new count.")
    c = report(3, AFP, document="doc1")
    assert [[r.id for r in g] for g in independent_groups([c, b, a])] == [[1, 2, 3]]


def test_unknown_sources_are_not_merged_on_their_name() -> None:
    unknown = SourceInfo("unknown source")
    assert len(independent_groups([report(1, unknown), report(2, unknown)])) == 2


def test_jaccard_of_hashed_shingles() -> None:
    assert jaccard(shingles(WIRE), shingles(WIRE + " Photo: AFP.")) >= 0.6
    assert jaccard(frozenset(), frozenset()) == 0.0
    assert shingles("two words") == frozenset()


def test_date_most_independent_sources_agree_on() -> None:
    reports = [
        syndicated(1, AFP, event_date=date(2018, 11, 21)),
        syndicated(2, DAILY, event_date=date(2018, 11, 21)),
        syndicated(3, JORDAN, event_date=date(2018, 11, 21)),
        report(4, SOHR, event_date=date(2018, 11, 20)),
        report(5, SANA, event_date=date(2018, 11, 20)),
    ]
    assert reconcile(reports).event_date == date(2018, 11, 20)


def test_date_earliest_on_ties_and_day_precision_first() -> None:
    tie = [report(1, AFP, event_date=date(2018, 11, 21)), report(2, SOHR)]
    assert reconcile(tie).event_date == date(2018, 11, 20)
    assert reconcile(tie).time_precision == 1
    coarse = [
        report(1, AFP, event_date=date(2018, 11, 1), time_precision=3),
        report(2, SOHR, event_date=date(2018, 11, 1), time_precision=3),
        report(3, SANA, event_date=date(2018, 11, 22)),
    ]
    result = reconcile(coarse)
    assert (result.event_date, result.time_precision) == (date(2018, 11, 22), 1)


def test_no_dates_gives_none() -> None:
    result = reconcile([report(1, AFP, event_date=None)])
    assert (result.event_date, result.time_precision) == (None, 3)


def test_most_precise_place_most_sources_name() -> None:
    region = {"location": "Idlib", "latitude": 35.9, "longitude": 36.6, "geo_precision": 3}
    reports = [
        report(1, AFP, **region),
        report(2, SANA, **region),
        report(3, SOHR, location="Khan Shaykhun", latitude=35.441, longitude=36.65),
        report(4, JORDAN, location="Khan Shaykhun", latitude=None, longitude=None),
        report(5, TIMES, location="Al-Tamanah", latitude=35.49, longitude=36.79),
    ]
    result = reconcile(reports)
    assert (result.location, result.admin1, result.country) == ("Khan Shaykhun", "Idlib", "Syria")
    assert (result.latitude, result.longitude, result.geo_precision) == (35.441, 36.65, 1)


def test_event_type_weighted_by_reliability_and_confidence() -> None:
    shelling = {"sub_event_type": "Shelling/artillery/missile attack"}
    reports = [
        report(1, SANA, confidence=0.9, **shelling),
        report(2, TIMES, confidence=0.9, **shelling),
        report(3, SOHR, confidence=0.6),
    ]
    result = reconcile(reports)
    assert result.sub_event_type == "Shelling/artillery/missile attack"
    heavier = [report(1, SANA, confidence=0.3, **shelling), report(3, SOHR, confidence=0.9)]
    assert reconcile(heavier).sub_event_type == "Air/drone strike"


def test_event_type_ties_follow_acled_precedence() -> None:
    reports = [
        report(1, SOHR, sub_event_type="Shelling/artillery/missile attack"),
        report(2, AFP),
    ]
    result = reconcile(reports)
    assert (result.event_type, result.sub_event_type) == (
        "Explosions/Remote violence",
        "Air/drone strike",
    )


def test_actors_and_weapon_most_named() -> None:
    reports = [
        report(1, AFP, actor1="Military Forces of Russia (2000-)", weapon="barrel bomb"),
        report(2, SOHR, weapon="barrel bomb"),
        report(3, SANA, actor2="Opposition Rebels (Syria)"),
        report(4, JORDAN, actor2="Military Forces of Syria (2000-)"),
    ]
    result = reconcile(reports)
    assert result.actor1 == "Military Forces of Syria (2000-)"
    assert result.actor2 == "Civilians (Syria)"
    assert result.weapon == "barrel bomb"


def test_actor2_differs_from_actor1() -> None:
    reports = [report(1, AFP, actor2="Military Forces of Syria (2000-)")]
    assert reconcile(reports).actor2 == ""


def test_empty_incident_and_stable_json() -> None:
    assert reconcile([]) == Reconciled()
    data = reconcile([report(1, AFP, fatalities=3)]).as_json()
    assert list(data) == [
        "event_date", "time_precision", "location", "admin1", "country", "latitude",
        "longitude", "geo_precision", "event_type", "sub_event_type", "actor1", "actor2",
        "weapon", "fatalities_min", "fatalities_max", "injured_min", "injured_max", "reports",
        "independent_sources",
    ]
    assert data["event_date"] == "2018-11-20"
    assert json.loads(json.dumps(data)) == data
