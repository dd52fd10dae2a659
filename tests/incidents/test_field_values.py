"""What a correction may write (``raqib.services.field_values``): each field's values read
as its type, checked against what it can hold, refused by name otherwise — and a refused
correction leaves the record and the log as they were."""

from __future__ import annotations

from pathlib import Path

import pytest

from clirun import processed_samples, run
from raqib.services.field_values import FieldValueError, value


@pytest.mark.parametrize(("name", "raw", "stored"), [
    ("event_date", "2018-11-24", "2018-11-24"),
    ("event_date", " 2016-02-29 ", "2016-02-29"),
    ("latitude", "-90", -90.0), ("longitude", "180", 180.0), ("latitude", "36.2", 36.2),
    ("fatalities", "0", 0), ("fatalities_max", "12", 12), ("injured", "3", 3),
    ("geo_precision", "3", 3), ("time_precision", "1", 1), ("inter1", "8", 8),
    ("confidence", "0.5", 0.5),
    ("sub_event_type", "air/drone  STRIKE", "Air/drone strike"),
    ("event_type", "battles", "Battles"),
    ("disorder_type", "political violence", "Political violence"),
    ("coarsen", "No", False), ("coarsen", "yes", True),
    ("location", "Khan Shaykhun", "Khan Shaykhun"), ("actor1", "Civilians (Syria)",
                                                     "Civilians (Syria)"),
    ("latitude", "", None), ("event_date", "", None),
])
def test_values_a_field_can_hold(name: str, raw: str, stored: object) -> None:
    found = value(name, raw)
    assert found == stored and type(found) is type(stored)


@pytest.mark.parametrize(("name", "raw", "why"), [
    ("event_date", "2020-02-31", "a day as YYYY-MM-DD"),
    ("event_date", "2019-02-29", "a day as YYYY-MM-DD"),
    ("event_date", "20200101", "a day as YYYY-MM-DD"),
    ("event_date", "24 November 2018", "a day as YYYY-MM-DD"),
    ("latitude", "200", "between -90.0 and 90.0"),
    ("longitude", "-180.5", "between -180.0 and 180.0"),
    ("latitude", "nan", "must be a number"), ("longitude", "inf", "must be a number"),
    ("fatalities", "-1", "at least 0"), ("fatalities_min", "2.5", "a whole number"),
    ("injured", "many", "a whole number"),
    ("geo_precision", "4", "between 1 and 3"), ("time_precision", "0", "between 1 and 3"),
    ("inter2", "9", "between 0 and 8"), ("confidence", "1.5", "between 0.0 and 1.0"),
    ("sub_event_type", "Bombing", "must be one of"),
    ("event_type", "Air/drone strike", "must be one of"),
    ("disorder_type", "war", "must be one of"),
    ("coarsen", "maybe", "true or false"),
])
def test_values_a_field_cannot_hold_are_refused_by_name(name: str, raw: str,
                                                        why: str) -> None:
    with pytest.raises(FieldValueError) as refused:
        value(name, raw)
    assert str(refused.value).startswith(f"{name} must be") and why in str(refused.value)
    assert repr(raw) in str(refused.value)


@pytest.fixture(scope="module")
def seeded(tmp_path_factory: pytest.TempPathFactory) -> Path:
    root = tmp_path_factory.mktemp("values") / "ws"
    processed_samples(root, ["init", str(root)], ["press-release-2018-11-27.html"])
    return root


def test_a_refused_correction_changes_nothing(seeded: Path) -> None:
    code, before = run(seeded, "log", "--json")
    assert code == 0
    code, shown = run(seeded, "incidents", "show", "1", "--json")
    for setting in ("event_date=2020-02-31", "latitude=200", "sub_event_type=Bombing"):
        code, out = run(seeded, "incidents", "review", "incident:1", "--set", setting)
        assert code == 1 and out.startswith(f"raqib: error: {setting.split('=')[0]} must")
        assert len(out.strip().splitlines()) == 1
    assert run(seeded, "log", "--json") == (0, before)
    assert run(seeded, "incidents", "show", "1", "--json") == (0, shown)
    code, out = run(seeded, "incidents", "review", "incident:1", "--set", "event_date=2018-11-24")
    assert code == 0 and run(seeded, "log", "--json")[1] != before
