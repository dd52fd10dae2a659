"""A city's districts and quarters are parts of the city: Mogadishu's (``extract.places.v114``,
the ``quarter`` kind
of ``resources/gazetteer/aliases.tsv``): GeoNames' cities files hold none of them, and
reports name them alone ('(Hodan District)'), so such events had no place or another
country's; ACLED writes 'Mogadishu-Hodan district (Hodan, Banadir)', and codes the event in
the city at precision 1, which a district's word or the hyphen of a road does not change;
Bujumbura's zones and quarters likewise (v115: 'Grenade attack in Kamenge neighborhood'), and
Benghazi's and Tripoli's (v117: 'clashes in Garyounis', 'Abu Salim (Tripoli)'), and South
Africa's townships (v118: 'Residents of Khayelitsha barricaded roads'), and Cairo's districts
(v120: 'a march of doctors in Shubra'), and more townships and quarters of South Africa,
Tunis, Antananarivo and Ouagadougou (v130: 'Residents of Kagiso', 'in Analakely'), and
Abuja's districts (v132: 'in the Apo area of the city'), and the quarters of Damascus,
Aleppo, Homs, Beirut and Lebanon's Tripoli (v135: 'Regime shells hit Jobar')."""

from __future__ import annotations

from datetime import date

import pytest

from raqib.extract.gazetteer import part_names
from raqib.extract.pipeline import Pipeline
from stage_versions import first_event, stage_version

DAY = date(2016, 3, 10)


def test_the_districts_are_quarters() -> None:
    quarters = set(part_names("quarter"))
    assert {"hodan", "heliwa", "yaaqshiid", "hawl wadaag", "villa somalia"} <= quarters


MOGADISHU, BUJUMBURA = ("Mogadishu", "Somalia", 114), ("Bujumbura", "Burundi", 115)
BENGHAZI, TRIPOLI = ("Benghazi", "Libya", 117), ("Tripoli", "Libya", 117)
CAPE_TOWN, DURBAN = ("Cape Town", "South Africa", 118), ("Durban", "South Africa", 118)
CAIRO = ("Cairo", "Egypt", 120)
KRUGERSDORP, PIETERMARITZBURG = ("Krugersdorp", "South Africa", 130), (
    "Pietermaritzburg", "South Africa", 130)
TUNIS, TANA = ("Tunis", "Tunisia", 130), ("Antananarivo", "Madagascar", 130)
OUAGADOUGOU = ("Ouagadougou", "Burkina Faso", 130)
ABUJA = ("Abuja", "Nigeria", 132)
DAMASCUS, ALEPPO, HOMS = ("Damascus", "Syria", 135), ("Aleppo", "Syria", 135), (
    "Homs", "Syria", 135)
BEIRUT, TRIPOLI_LB = ("Beirut", "Lebanon", 135), ("Tripoli", "Lebanon", 135)


@pytest.mark.parametrize(("text", "city"), [
    ("Gunmen threw a hand grenade at a police checkpoint near Dabka junction (Hodan District) "
     "in the evening of 15/02.", MOGADISHU),
    ("Militants attacked a government outpost near the livestock market in Heliwa district "
     "on 24/02.", MOGADISHU),
    ("On 7 May 2020, a roadside bomb hit a police vehicle at Hoosh junction in Mogadishu-"
     "Dharkenley district (Dharkenley, Banadir).", MOGADISHU),
    ("Insurgents fired three mortar rounds at Villa Somalia on the afternoon of 02/04.",
     MOGADISHU),
    ("A grenade attack in Kamenge neighborhood killed one person and injured two.", BUJUMBURA),
    ("Gunmen shot dead three men at a bar in Bwiza on Saturday night.", BUJUMBURA),
    ("Heavy clashes went on in Garyounis and Gwarsha, and jets struck militant positions.",
     BENGHAZI),
    ("On 5 May 2020, shells fell on houses in Abu Salim (Tripoli), wounding two children.",
     TRIPOLI),
    ("Gunmen shot a trader at Bakara market on Tuesday evening.", MOGADISHU),
    ("Residents of Khayelitsha barricaded roads with burning tyres over housing.", CAPE_TOWN),
    ("Taxi drivers blocked the main road in Umlazi to protest against new permits.", DURBAN),
    ("Police dispersed a march of doctors in Shubra with tear gas on 5 March.", CAIRO),
    ("Residents of Kagiso burned tyres on the main road over the slow building of houses.",
     KRUGERSDORP),
    ("Protesters blocked Copesville's streets with rocks after the councillor was removed.",
     PIETERMARITZBURG),
    ("Factory workers in Jebel Jelloud stopped work to demand their unpaid wages.", TUNIS),
    ("Street vendors in Analakely fought the municipal police who seized their stalls.", TANA),
    ("Pupils in Gounghin set fire to a teacher's motorbike over the exam results.",
     OUAGADOUGOU),
    ("A mob beat a suspected thief to death at the market in Apo on Monday morning.",
     ABUJA),
    ("Police fired tear gas at protesters marching towards the assembly in Maitama.", ABUJA),
    ("Regime artillery shelled Jobar and Qaboun through the night.", DAMASCUS),
    ("Kurdish fighters and rebels clashed in Sheikh Maqsoud on Tuesday.", ALEPPO),
    ("Barrel bombs fell on Salaheddine, killing four civilians.", ALEPPO),
    ("Security forces stormed Baba Amr after weeks of siege.", HOMS),
    ("A drone strike hit a flat in Dahiyeh, killing two men.", BEIRUT),
    ("Gunmen from Bab al-Tabbaneh and Jabal Mohsen traded fire overnight.", TRIPOLI_LB),
    ("Shop owners held a sit-in in the Dam and Farez district on Tuesday over the closures.",
     ("Tripoli", "Lebanon", 138)),
])
def test_an_event_in_a_quarter_is_in_the_city(
        pipeline: Pipeline, text: str, city: tuple[str, str, int]) -> None:
    name, country, version = city
    assert stage_version(pipeline, "places") >= version
    event = first_event(pipeline, text, DAY)
    assert (event.location, event.country, event.geo_precision) == (name, country, 1)


def test_a_square_that_many_cities_have_is_no_quarter(pipeline: Pipeline) -> None:
    """v120: Tahrir Square is Cairo's and Baghdad's; it is no quarter alias."""
    event = first_event(pipeline, "Hundreds of demonstrators burned tires in Baghdad's central "
                                  "Tahrir Square on Thursday.", DAY)
    assert event.location == "Baghdad"


def test_a_namesake_of_a_quarter_abroad_keeps_its_district_word(pipeline: Pipeline) -> None:
    """Nyanga is a township of Cape Town and a town of Zimbabwe that names a district: named
    with Manicaland, it is the Zimbabwean town, coded for its district at precision 2 (v122;
    before, the quarter's name lost its district word wherever the place lay)."""
    assert stage_version(pipeline, "places") >= 122
    event = first_event(pipeline, "Party youths beat up opposition members in Nyanga district "
                        "(Manicaland), injuring three.", DAY)
    assert (event.location, event.country, event.geo_precision) == ("Nyanga", "Zimbabwe", 2)


def test_a_syrian_shrine_town_is_no_quarter_of_cairo(pipeline: Pipeline) -> None:
    """Sayyida Zaynab names a district of Cairo and, far more often in reporting, the shrine
    town south of Damascus, which the default gazetteer lacks: the name is no quarter of
    Cairo (v122), so a Syrian report is not placed in Egypt."""
    assert stage_version(pipeline, "places") >= 122
    event = first_event(pipeline, "A car bomb went off near the shrine in Sayyida Zeinab, "
                        "south of Damascus, killing six people.", DAY)
    assert event.country == "Syria"


def test_the_west_rand_is_in_south_africa(pipeline: Pipeline) -> None:
    """v130: 'the West Rand' names Krugersdorp's side of Johannesburg; its 'Rand' alone had
    been Des Plaines, Illinois, by another of that town's names."""
    event = first_event(pipeline, "Hundreds of residents on the West Rand blocked roads with "
                                  "burning tyres over power cuts.", DAY)
    assert (event.location, event.country) == ("Krugersdorp", "South Africa")


def test_a_family_name_is_no_quarter(pipeline: Pipeline) -> None:
    """v135: Ansari is a quarter of Aleppo and a family name; it is left out of the quarters,
    so a killing in Sirte of a man named Al-Ansari stays in Sirte."""
    event = first_event(pipeline, "A militant commander, Abdullah Al-Ansari, was shot dead by a "
                                  "sniper as he left a mosque in Sirte.", DAY)
    assert event.country == "Libya"


@pytest.mark.parametrize("text", [
    "Air strikes on Zamalka killed eight civilians on Tuesday.",
    "A car bomb went off by the shrine in Sayyida Zaynab, killing six pilgrims.",
    "Regime troops stormed Moadamiyeh after a two-year siege.",
])
def test_a_suburb_is_near_its_town(pipeline: Pipeline, text: str) -> None:
    """v136: towns by Damascus that the gazetteer lacks are near the town it has beside them
    (Irbin, Babbila, Darayya): precision 2, in Rural Damascus; they had had no place."""
    assert stage_version(pipeline, "places") >= 136
    event = first_event(pipeline, text, DAY)
    assert (event.country, event.admin1, event.geo_precision) == ("Syria", "Rural Damascus", 2)


@pytest.mark.parametrize(("text", "seat"), [
    ("Hundreds of protesters gathered in Chouf on Friday over the price of bread.",
     "Beït ed Dîne"),
    ("Protesters blocked the coastal highway in Kesrouan with burning tyres.", "Jounieh"),
    ("Residents of the Koura district blocked roads to protest the power cuts.", "Amioûn"),
])
def test_a_lebanese_district_is_near_its_seat(pipeline: Pipeline, text: str,
                                              seat: str) -> None:
    """v147: Lebanon's districts named for no town are near their seats, at precision 2, as
    ACLED codes them; they had had no place."""
    assert stage_version(pipeline, "places") >= 147
    event = first_event(pipeline, text, DAY)
    assert (event.location, event.country, event.geo_precision) == (seat, "Lebanon", 2)
