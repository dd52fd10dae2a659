"""A text that names no place is in the country of a group it names by its own name ('FARDC
soldiers beat an aid worker' is in the DR Congo: ``extract.places.v23``); a demonym votes once, so
'Saudi troops shelled farms ... in Saada governorate' stays in Yemen."""

from __future__ import annotations

from datetime import date

from raqib.extract.pipeline import Pipeline
from stage_versions import stage_version


def test_stage_version(pipeline: Pipeline) -> None:
    assert stage_version(pipeline, "places") >= 23


def test_a_named_force_gives_its_country(pipeline: Pipeline) -> None:
    doc = pipeline.run("t", "FARDC soldiers beat an aid worker at a checkpoint.", None)
    assert doc.events[0].country == "Democratic Republic of Congo"


def test_a_demonym_votes_once(pipeline: Pipeline) -> None:
    doc = pipeline.run("t", "On 3 June 2021, Saudi troops shelled farms near Shada in Saada "
                            "governorate, damaging two houses.", date(2021, 6, 4))
    event = doc.events[0]
    assert (event.country, event.actor1) == ("Yemen", "Operation Restoring Hope")


def test_a_name_several_countries_bear_votes_less(pipeline: Pipeline) -> None:
    """places v62: Tripoli, told twice, outvoted Zgharta, which only Lebanon has, and both
    Tripolis were Libya's."""
    assert stage_version(pipeline, "places") >= 62
    doc = pipeline.run("t", "Protesters from Zgharta joined a sit-in in Tripoli; the Tripoli "
                            "protest lasted into the night.", None)
    assert {p.country for p in doc.places} == {"Lebanon"}


def test_a_country_of_two_words_in_the_possessive(pipeline: Pipeline) -> None:
    """places v63: "South Sudan's" had been read as Sudan's, which excluded Jonglei."""
    doc = pipeline.run("t", "Three aid workers were killed when their convoy was ambushed by "
                            "gunmen in South Sudan's Jonglei state.", None)
    event = doc.events[0]
    assert (event.country, event.admin1) == ("South Sudan", "Jonglei")


def test_a_place_across_the_border_in_the_possessive(pipeline: Pipeline) -> None:
    """The neighbour's own place is across the border ('the border with Uganda', v52)."""
    doc = pipeline.run("t", "Clashes between the military of South Sudan and herders in the "
                            "Miraya area of East Darfur near the border with South Sudan's "
                            "Northern Bahr el Ghazal.", None)
    assert doc.events[0].country == "Sudan"


def test_a_capital_named_by_its_demonym(pipeline: Pipeline) -> None:
    """places v64: 'the Somali capital' is Mogadishu; named again after it, it is one place."""
    assert stage_version(pipeline, "places") >= 64
    doc = pipeline.run("t", "A car bomb exploded outside a hotel in the Somali capital on "
                            "Friday, killing five people.", None)
    assert (doc.events[0].location, doc.events[0].country) == ("Mogadishu", "Somalia")
    doc = pipeline.run("t", "Protests continued in the Sudanese capital, Khartoum.", None)
    assert [p.name for p in doc.places] == ["Khartoum"]
    doc = pipeline.run("t", "Fighting spread to the Syrian capital region.", None)
    assert "Damascus" not in {p.name for p in doc.places}


def test_a_capital_named_by_its_countrys_possessive(pipeline: Pipeline) -> None:
    """places v73: 'Pakistan's capital' is Islamabad, as 'the Pakistani capital' is; named
    again after it, it is one place."""
    doc = pipeline.run("t", "A bomb exploded in a restaurant in Pakistan's capital at dinner "
                            "time, killing one.", None)
    assert (doc.events[0].location, doc.events[0].country) == ("Islamabad", "Pakistan")
    doc = pipeline.run("t", "Gunmen attacked a checkpoint in Sri Lanka\u2019s capital.", None)
    assert (doc.events[0].location, doc.events[0].country) == ("Colombo", "Sri Lanka")
    doc = pipeline.run("t", "Protests continued in Sudan's capital, Khartoum.", None)
    assert [p.name for p in doc.places] == ["Khartoum"]


def test_a_named_group_outvotes_a_name_abroad(pipeline: Pipeline) -> None:
    """places v77: a group named by its own name votes 0.6 for its country, a little over a
    demonym: 'near Komsomolets' with the OSCE's monitors in Ukraine had been Komsomolets in
    Russia, the group's 0.5 tying the name's own vote."""
    assert stage_version(pipeline, "places") >= 77
    doc = pipeline.run("t", "On 6 May 2020, the OSCE SMM observed a total of 15 explosions "
                            "involving unknown weapons near Komsomolets.", date(2020, 5, 7))
    assert doc.events[0].country == "Ukraine"
