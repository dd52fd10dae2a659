"""A front's monitors report fire without naming who fired: `resources/actors/fronts.tsv`
(`extract.assemble.v77`)."""

from __future__ import annotations

from datetime import date

import pytest

from raqib.extract import actors
from raqib.extract.pipeline import Pipeline
from stage_versions import first_event, stage_version

UKRAINE = "Military Forces of Ukraine (2019-)"
NAF = "NAF: United Armed Forces of Novorossiya"


def _sides(pipeline: Pipeline, text: str) -> tuple[str, str, str]:
    event = first_event(pipeline, text, date(2020, 6, 2))
    return event.sub_event_type, event.actor1, event.actor2


def test_stage_version(pipeline: Pipeline) -> None:
    assert stage_version(pipeline, "assemble") >= 77


def test_a_clash_the_monitors_saw_is_between_the_fronts_sides(pipeline: Pipeline) -> None:
    """Near a place whose side the table does not give (Zaitseve was split by the line), the
    row's order."""
    assert _sides(pipeline, "On 1 June 2020, the OSCE SMM recorded 40 shots of small arms fire "
                            "in both directions of the frontline near Zaitseve, Donetsk.") == (
        "Armed clash", UKRAINE, NAF)


@pytest.mark.parametrize(("place", "first", "second"), [
    ("Zolote, Luhansk", NAF, UKRAINE),  # held by the government: the fire came from the NAF
    ("Toretsk, Donetsk", NAF, UKRAINE),
    ("Horlivka, Donetsk", UKRAINE, NAF),  # held by the armed formations
    ("Molodizhne, Luhansk", UKRAINE, NAF),
])
def test_the_side_across_the_line_from_the_place_fired(
        pipeline: Pipeline, place: str, first: str, second: str) -> None:
    """assemble v83: fire seen near a place one side held came from the other side
    (`resources/actors/front_places.tsv`), as ACLED orders such reports."""
    assert stage_version(pipeline, "assemble") >= 83
    assert _sides(pipeline, "On 1 June 2020, the OSCE SMM recorded 40 shots of small arms fire "
                            f"in both directions of the frontline near {place}.") == (
        "Armed clash", first, second)
    assert _sides(pipeline, "On 1 June 2020, the OSCE SMM heard 12 explosions of undetermined "
                            f"origin near {place}.")[1:] == (first, "")


def test_a_shelling_the_monitors_heard_is_the_first_sides_target_unknown(
        pipeline: Pipeline) -> None:
    assert _sides(pipeline, "On 1 June 2020, the OSCE Special Monitoring Mission heard 12 "
                            "explosions of artillery rounds near Kramatorsk, Donetsk.")[1:] == (
        UKRAINE, "")


@pytest.mark.parametrize("text, expected", [
    # a party named keeps its role
    ("On 1 June 2020, the OSCE SMM reported that NAF forces fired mortars at Ukrainian "
     "positions near Zolote, Luhansk.", NAF),
    # no monitor quoted: nobody is named
    ("On 1 June 2020, 40 shots of small arms fire were heard near Zolote, Luhansk.",
     "Unidentified Armed Group (Ukraine)"),
])
def test_only_fire_that_names_nobody_in_a_monitors_report(pipeline: Pipeline, text: str,
                                                          expected: str) -> None:
    assert _sides(pipeline, text)[1] == expected


def test_the_sides_are_named_for_the_day() -> None:
    assert actors.front_sides("the OSCE SMM observed", "Ukraine", date(2016, 3, 1)) == [
        ("Military Forces of Ukraine (2014-)", 1), (NAF, 2)]
    assert actors.front_sides("the OSCE SMM observed", "Georgia", date(2016, 3, 1)) == []


def test_a_front_holds_for_its_days_only() -> None:
    """Before the war of April 2014 and after Russia's invasion of February 2022 the row does
    not say who fought on the line."""
    assert actors.front_sides("the OSCE SMM observed", "Ukraine", date(2022, 3, 1)) == []
    assert actors.front_sides("the OSCE SMM observed", "Ukraine", date(2014, 3, 25)) == []
    assert actors.front_sides("the OSCE SMM observed", "Ukraine", date(2022, 2, 23))


def test_a_countrys_own_monitor_names_the_country(pipeline: Pipeline) -> None:
    """actors v52: the SMM reports on Ukraine alone, so a text that quotes it and names no
    place the gazetteer knows is about Ukraine (a monitor of one country votes for it, as a
    state's forces do); the front's sides follow, in the fixed order (Novohnativka is not
    among the front places of `front_places.tsv`)."""
    event = first_event(pipeline, "On 1 June 2020, the OSCE SMM observed 12 explosions "
                                  "involving unknown weapons near Novohnativka.", date(2020, 6, 2))
    assert (event.country, event.actor1) == ("Ukraine", UKRAINE)
    dictionary = actors.load(())
    assert actors.text_country(dictionary, "The SMM saw the craters.") == "Ukraine"
    assert actors.text_country(dictionary, "Monitors saw the craters.") is None


def test_the_place_is_read_from_the_words_after_near(pipeline: Pipeline) -> None:
    """assemble v87: a village the gazetteer lacks (Pyshchevyk), or whose name it knows only
    in part ('Zolote-5' was placed at Zolote, held by the other side), is read from the words
    after 'near'."""
    assert stage_version(pipeline, "assemble") >= 87
    assert _sides(pipeline, "On 1 June 2020, the OSCE SMM heard 3 explosions near "
                            "Pyshchevyk.")[1:] == (NAF, "")
    assert _sides(pipeline, "On 1 June 2020, the OSCE SMM heard 3 explosions near "
                            "Zolote-5.")[1:] == (UKRAINE, "")



@pytest.mark.parametrize(("text", "admin1"), [
    # the monitors speak of the front's oblasts: the smaller Vesele of Donetsk, not the
    # larger one of Zaporizhzhia
    ("On 3 June 2020, the SMM counted 9 explosions near Vesele.", "Donetsk"),
    ("On 3 June 2020, residents said a shop burned down in Vesele.", "Zaporizhzhia"),
    # the province named with the village still decides
    ("On 3 June 2020, the SMM counted 9 explosions near Vesele, Zaporizhzhia.", "Zaporizhzhia"),
])
def test_the_monitors_villages_lie_in_the_fronts_regions(pipeline: Pipeline, text: str,
                                                          admin1: str) -> None:
    """places v93: a village name that several oblasts share is read, in a text quoting the
    front's monitors, in the oblasts the front runs through (`fronts.tsv`, `regions`)."""
    assert stage_version(pipeline, "places") >= 93
    assert first_event(pipeline, text, date(2020, 6, 4)).admin1 == admin1
