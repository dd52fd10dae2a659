"""A country named beside a town or region of it does not place the event: ACLED codes the
most precise place the report gives (``extract.assemble.v20``), and a town named after the
region the event's words name (v81)."""

from __future__ import annotations

from datetime import date

import pytest

from raqib.extract.pipeline import Pipeline
from stage_versions import first_event, stage_version


def _place(pipeline: Pipeline, text: str) -> tuple[str, str, int]:
    doc = pipeline.run("t", text, date(2020, 5, 6))
    assert doc.events
    event = doc.events[0]
    return event.location, event.country, event.geo_precision


def test_a_town_in_parentheses_beats_its_country(pipeline: Pipeline) -> None:
    """The town, a qualifier in parentheses, and the province rank under the capped country
    score; the town is the event's place."""
    location, country, precision = _place(
        pipeline, "On 5 May 2020, Turkish Military forces conducted airstrikes in the Zap "
                  "(Amadiya) region of Dahuk, Northern Iraq. No fatalities were reported.")
    assert (location, country) == ("Al ‘Amādīyah", "Iraq")
    assert precision < 3


def test_a_country_alone_still_places_the_event(pipeline: Pipeline) -> None:
    location, country, precision = _place(
        pipeline, "On 5 May 2020, Turkish Military forces conducted airstrikes in Northern Iraq. "
                  "No fatalities were reported.")
    assert (location, country, precision) == ("Iraq", "Iraq", 3)


def test_an_events_crowd_is_of_the_country_it_happened_in(pipeline: Pipeline) -> None:
    """The text's places are mostly Turkish (where the ministry spoke and the papers
    printed it) while the protest is placed in Erbil: the protesters are Iraq's, as the event
    is (``extract.assemble.v21``); a state's forces keep their own country."""
    doc = pipeline.run("t", "On 5 May 2020, protesters gathered in Erbil to denounce Turkish air "
                            "strikes. The Turkish defence ministry in Ankara said the strikes hit "
                            "militants; newspapers in Istanbul and Izmir carried the statement.",
                       date(2020, 5, 10))
    assert doc.events
    assert (doc.events[0].actor1, doc.events[0].country) == ("Protesters (Iraq)", "Iraq")


def test_relocated_names_only_local_groups() -> None:
    from raqib.extract.actors import relocated

    assert relocated("Civilians (Syria)", "Syria", "Turkey") == "Civilians (Turkey)"
    assert relocated("Military Forces of Turkey (2016-)", "Turkey", "Iraq") == (
        "Military Forces of Turkey (2016-)")
    assert relocated("Refugees/IDPs (Syria)", "Syria", "Lebanon") == "Refugees/IDPs (Syria)"


def test_a_region_gives_way_to_a_town_of_it_named_after(pipeline: Pipeline) -> None:
    """assemble v81: the event's words name the province, the next sentence the town where
    it happened; ACLED codes the town. The province's capital named by the province's own
    words is no such detail, nor a town of a sentence that names another month."""
    event = first_event(pipeline, "Soldiers killed seven militants in the province of Bouira. "
                        "The defence ministry said they were killed on Wednesday near "
                        "Lakhdaria.", date(2016, 3, 9))
    assert (event.location, event.geo_precision) == ("Lakhdaria", 2)  # near it
    event = first_event(pipeline, "Air strikes hit several villages in Idlib province on "
                        "Monday. Rescue workers in Idlib said the toll would rise.",
                        date(2016, 3, 9))
    assert event.geo_precision == 3
    event = first_event(pipeline, "On 29 October 2018, shelling of a village in southern Idlib "
                        "killed four civilians. In November the monitors recorded shelling of "
                        "Khan Shaykhun and other towns.", date(2018, 12, 1))
    assert (event.location, event.geo_precision) == ("Idlib", 3)  # another month's town
    # assemble v93: nor a town of a sentence that announces another incident
    event = first_event(pipeline, "Gunmen killed four farmers in Katsina state on Saturday. "
                        "In a separate incident on Sunday, bandits abducted nine travellers on "
                        "the Funtua road.", date(2021, 5, 10))
    assert (event.location, event.geo_precision) == ("Katsina", 3)


@pytest.mark.parametrize(("text", "place"), [
    ("Gunmen attacked a checkpoint in Gardez on Monday, and two wounded soldiers were "
     "airlifted to Kabul.", "Gardez"),
    ("Gunmen shot a trader in Beledweyne on Monday; he was later medevaced to Mogadishu.",
     "Beledweyne"),
])
def test_where_the_wounded_were_flown_is_no_place_of_the_event(
        pipeline: Pipeline, text: str, place: str) -> None:
    """places v70: 'airlifted to', 'medevaced to' and 'flown to' name a destination, as
    'evacuated to' did: the larger city the wounded were taken to had been the event's."""
    assert first_event(pipeline, text, date(2016, 3, 9)).location == place


@pytest.mark.parametrize("text", [
    "Four traders from Amhara region were shot dead in the Bati woreda as they drove toward "
    "Afar region.",
    "Gunmen killed two truck drivers from Amhara region who were travelling toward Afar "
    "region through the Bati woreda.",
])
def test_where_the_travellers_were_going_is_no_place_of_the_event(pipeline: Pipeline,
                                                                  text: str) -> None:
    """places v138: 'drove toward', 'travelling toward' name where people were going, as
    'heading for' did: the region they were driving to had been the event's place."""
    event = first_event(pipeline, text, date(2020, 5, 1))
    assert (event.location, event.admin1) == ("Batī", "Amhara")


def test_a_part_of_town_between_the_preposition_and_the_name(pipeline: Pipeline) -> None:
    """places v72: 'in downtown Cairo' was no locative (the word before the name was
    'downtown'), so the town scored as a name merely mentioned, under the factory's town."""
    event = first_event(pipeline, "Dozens of workers protested in downtown Cairo over pay cuts "
                        "at a factory in Suez.", date(2016, 4, 10))
    assert (event.location, event.geo_precision) == ("Cairo", 1)
    doc = pipeline.run("x", "Dozens of workers protested in central Nairobi on Friday.",
                       date(2016, 4, 10))
    assert doc.places[0].score > 0.8


@pytest.mark.parametrize("text", [
    "On 2 June 2020, the OSCE SMM observed 14 explosions involving unknown weapons in the area "
    "of Pikuzy, Donetsk.",
    "On 2 June 2020, Armenian forces fired on Azerbaijani positions near Giyasly, Agdam.",
])
def test_a_town_that_holds_a_place_named_near_is_coded_near_it(pipeline: Pipeline,
                                                               text: str) -> None:
    """places v97: the town after the comma holds the place the near-word stands before,
    which the gazetteer lacks: the event is coded to the town at precision 2, as ACLED codes
    a small area to the town, not 1, as if it were in the town."""
    assert stage_version(pipeline, "places") >= 97
    assert pipeline.run("t", text, None).events[0].geo_precision == 2
