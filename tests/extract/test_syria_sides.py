"""Who is on which side in the Syrian register (the project's own sentences), and what kind
of event it was: a landmark a town is near, 'Tal' in a text whose only country word is a
foreign army's, a group of one country that settles a shared name (places v27-v28); helicopters
that fired, troops landed from the air, reinforcements brought, a harvest or fields taken or
burnt, the wounded of a shelling, a barrel bomb, the act a clash answered, a strike named by
whose it was, a month's toll, a tanker attacked, a denial (events v45-v51); regime prisons,
government strikes, the Jandarma and Turkey's gendarmerie, factions, the coalition, SARC's
volunteers (actors v17-v24); a feud's two sides, the party arrested, struck or handed a post,
a crowd's other side, a perpetrator told in the next sentence (assemble v34-v40); claims that
point back (claims v8)."""

from __future__ import annotations

from datetime import date

import pytest

from raqib.extract.model import Event
from raqib.extract.pipeline import Pipeline
from stage_versions import first_event, stage_version

SYRIA = "Military Forces of Syria (2000-)"
IS = "Islamic State (Syria)"


def _event(pipeline: Pipeline, text: str) -> Event:
    return first_event(pipeline, text, date(2020, 5, 10))


def test_stage_versions(pipeline: Pipeline) -> None:
    assert stage_version(pipeline, "places") >= 34
    assert stage_version(pipeline, "events") >= 56
    assert stage_version(pipeline, "actors") >= 29
    assert stage_version(pipeline, "assemble") >= 48


@pytest.mark.parametrize("text", [
    "The Turkish army bombarded the village of Umm al-Kaif near Tal Tamr.",
    "The Turkish army shelled villages near Tal Tamr.",
])
def test_a_two_word_spelling_is_no_doubtful_match(pipeline: Pipeline, text: str) -> None:
    """'Tal Tamr' is GeoNames' 'Tall Tamr': a spelling of two words is as sure as the name,
    so the Turkish army's demonym no longer makes Turkey the only country it may lie in."""
    event = _event(pipeline, text)
    assert (event.location, event.admin1, event.country) == ("Tall Tamr", "Al-Hasakeh", "Syria")


def test_a_town_near_a_landmark_is_the_place(pipeline: Pipeline) -> None:
    event = _event(pipeline, "On 16 August 2015, government air strikes on a market in the "
                             "rebel-held town of Douma near Damascus killed at least 96 people.")
    assert event.admin1 == "Rural Damascus" and event.geo_precision == 1
    assert event.actor1 == SYRIA  # 'government air strikes' (actors v17)


def test_a_region_near_a_town_is_not_the_place(pipeline: Pipeline) -> None:
    event = _event(pipeline, "On 7 May 2020, bus drivers protested on a highway in Istria, near "
                             "Kanfanar, Croatia, demanding help for their companies.")
    assert event.location == "Kanfanar"


GENDARMERIE = "Military Forces of Turkey (2016-) Gendarmerie"
SNA = "SNA: Syrian National Army"

KINDS = [  # (text, the first event's sub-event type, its actor1 where the rule names it)
    pytest.param("On 5 May 2020, a military helicopter of the regime fired missiles at a village "
                 "in the Ghab plain, Hama.", "Air/drone strike", None,
                 id="events v45: a helicopter that fired"),
    pytest.param("On 5 May 2020, Israeli helicopters fired missiles at regime positions in "
                 "Quneitra.", "Air/drone strike", None, id="events v45: helicopters that fired"),
    pytest.param("On 5 May 2020, Iranian-backed militias brought reinforcements to Albu Kamal, "
                 "Deir-ez-Zor.", "Change to group/activity", None,
                 id="events v45: reinforcements brought"),
    pytest.param("On 5 May 2020, the Turkish-backed National Army seized the olive harvest of "
                 "displaced families in Jinderes, Afrin.", "Looting/property destruction", SNA,
                 id="events v45, actors v17: a harvest seized after 'the'"),
    pytest.param("Barrel bombs dropped by government helicopters killed at least 85 people in "
                 "rebel-held districts of Aleppo on Saturday.", "Air/drone strike", SYRIA,
                 id="actors v17: government helicopters"),
    pytest.param("3 national NGO staff killed and 2 injured when a barrel bomb hit their office "
                 "in Aleppo.", "Air/drone strike", None, id="events v46: a barrel bomb"),
    pytest.param("On 3 May 2020, an Israeli strike near Damascus killed 2 Syrian soldiers and 3 "
                 "Iranian fighters, and wounded 5.", "Air/drone strike", None,
                 id="events v48: a strike named by whose it was, soldiers killed"),
    pytest.param("On 3 May 2020, workers held a general strike in Beirut against the "
                 "government's new taxes.", "Peaceful protest", None,
                 id="events v48: a general strike is no air strike"),
    pytest.param("On 4 May 2020, ISIS cells attacked an oil tanker near Al-Tabni, western "
                 "Deir-ez-Zor countryside.", "Attack", IS, id="events v49: a tanker attacked"),
    pytest.param("On 28 April 2020, a Turkish drone targeted a civilian truck near Misrata, "
                 "killing four civilians.", "Air/drone strike", None,
                 id="events v49: a drone that targeted a truck struck from the air"),
    pytest.param("On 18 October 2019, SNA fighters set fire to wheat fields near Ras al-Ain, "
                 "Hasakeh.", "Looting/property destruction", SNA,
                 id="events v51: fields set on fire"),
    pytest.param("Army units eliminated a number of terrorists and destroyed their vehicles "
                 "equipped with machineguns in Eastern Ghouta.", "Armed clash", None,
                 id="events v56: terrorists eliminated"),
    pytest.param("Army units restore security and stability to villages in Hama northern "
                 "countryside", "Government regains territory", None,
                 id="events v54: security restored to villages"),
    pytest.param("On 29 June 2021, demonstrators in the city of Idleb rallied in solidarity "
                 "with Daraa al-Balad, which is besieged by regime forces.", "Peaceful protest",
                 "Protesters (Syria)", id="events v52: what a place bears is no act of its own"),
]


@pytest.mark.parametrize(("text", "kind", "actor1"), KINDS)
def test_kinds_of_events(pipeline: Pipeline, text: str, kind: str, actor1: str | None) -> None:
    event = _event(pipeline, text)
    assert event.sub_event_type == kind
    if actor1 is not None:
        assert event.actor1 == actor1


ACTORS = [  # (text, the first event's actor1)
    pytest.param("On 5 May 2020, a monitor documented the death of a detainee under torture in a "
                 "regime prison in Damascus.", SYRIA, id="actors v17: a regime prison"),
    pytest.param("On 5 May 2020, Jandarma border guards shot and killed a Syrian man who tried to "
                 "cross into Turkey near Darkush, Idleb.", GENDARMERIE,
                 id="actors v18: the Jandarma"),
    pytest.param("On 4 May 2020, SDF-affiliated youths burned tyres and blocked the main road in "
                 "Manbij to protest against the shelling.", "Rioters (Syria)",
                 id="actors v19: a party's affiliates are a crowd"),
    *[pytest.param(f"On 4 May 2020, {group} attacked a position in Idlib city, Idleb.", name,
                   id=f"actors v20: {group}")
      for group, name in [("Ansar al-Tawhid fighters", "Ansar al Tawhid"),
                          ("Faylaq al-Rahman", "Faylaq al Rahman"),
                          ("the Revolutionary Commando Army", "Maghawir al Thawra"),
                          ("the Quds Brigade", "Liwa al Quds")]],
    pytest.param("On 5 May 2020, the coalition carried out a heliborne operation in Dhiban, "
                 "Deir-ez-Zor, and arrested a suspected ISIS leader.",
                 "Global Coalition Against Daesh", id="actors v22: the coalition in Syria"),
    pytest.param("On 5 May 2020, the coalition carried out an air strike on Houthi positions in "
                 "Saada, Yemen.", "Operation Restoring Hope",
                 id="actors v22: the coalition in Yemen"),
    pytest.param("On 5 May 2020, 3 PKK militants were killed during operations carried out by "
                 "the Gendarmerie forces in Agri, Turkey.", GENDARMERIE,
                 id="actors v23: Turkey's gendarmerie"),
    pytest.param("On 5 May 2020, Turkish gendarmerie shot dead a Syrian man near Darkush, "
                 "Idleb.", GENDARMERIE,
                 id="actors v24: the demonym's own row before the police template"),
]


@pytest.mark.parametrize(("text", "actor1"), ACTORS)
def test_who_acted(pipeline: Pipeline, text: str, actor1: str) -> None:
    assert _event(pipeline, text).actor1 == actor1


@pytest.mark.parametrize(("text", "target"), [
    ("UN convoy hit by mortar fire near Damascus; 1 UN national staff driver wounded.",
     "UN: United Nations"),
    ("On 8 May 2020, a landmine exploded near a vehicle carrying regime soldiers in the vicinity "
     "of Ithriya, Hama, killing 2 soldiers.", SYRIA),
])
def test_the_party_whose_convoy_was_struck_is_the_target(pipeline: Pipeline, text: str,
                                                          target: str) -> None:
    """assemble v35: 'UN convoy hit by', 'near a vehicle carrying': the party is acted on."""
    event = _event(pipeline, text)
    assert event.actor2 == target and event.actor1 != target


def test_troops_landed_from_the_air_made_no_air_strike(pipeline: Pipeline) -> None:
    event = _event(pipeline, "On 6 May 2020, the SDF and the coalition forces conducted an "
                             "airdrop operation in Al-Busayrah, Deir-ez-Zor, arresting two "
                             "ISIS members.")
    assert event.sub_event_type != "Air/drone strike"


@pytest.mark.parametrize(("text", "actor"), [
    ("On 4 May 2020, clashes took place between two tribes in Dhiban town, eastern "
     "Deir-ez-Zor countryside. 2 people were killed.", "Unidentified Tribal Militia (Syria)"),
    ("On 8 May 2020, clashes broke out between two families in the town of Baalbek. The two "
     "sides exchanged fire; one man was killed.", "Unidentified Clan Militia (Lebanon)"),
])
def test_a_feud_has_one_kind_on_both_sides(pipeline: Pipeline, text: str, actor: str) -> None:
    event = _event(pipeline, text)
    assert event.sub_event_type == "Armed clash"
    assert (event.actor1, event.actor2) == (actor, actor)


def test_communal_militias_that_attacked_a_village_fought_no_feud(pipeline: Pipeline) -> None:
    """Without words of two sides, the people a communal militia killed stay its victims."""
    event = _event(pipeline, "On 3 May 2020, communal militias attacked a village in Apa LGA, "
                             "Benue, and killed three residents.")
    assert event.actor2 == "Civilians (Nigeria)"


def test_the_party_arrested_is_acted_on(pipeline: Pipeline) -> None:
    event = _event(pipeline, "On 5 May 2020, the coalition carried out a heliborne operation "
                             "in Dhiban, Deir-ez-Zor, and arrested a suspected ISIS leader.")
    assert event.sub_event_type == "Arrests"
    assert event.actor1 != IS and event.actor2 == IS


def test_the_party_a_place_was_taken_from_lost_it(pipeline: Pipeline) -> None:
    event = _event(pipeline, "US-backed forces captured a district on the western edge of "
                             "Raqqa from Islamic State fighters on Friday.")
    assert (event.actor1, event.actor2) == ("QSD: Syrian Democratic Forces", IS)


def test_the_wounded_of_a_shelling_make_it_an_event(pipeline: Pipeline) -> None:
    """events v46: a wounded count with a weapon named counts for an event as a killed count
    does (the model alone read no event in the aid workers' report)."""
    doc = pipeline.run("t", "1 ICRC international staff and 2 SARC volunteers were injured "
                            "when their convoy was shelled in Eastern Ghouta.", None)
    assert doc.events and doc.events[0].injured == 3


def test_a_group_of_one_country_settles_a_name_two_countries_share(pipeline: Pipeline) -> None:
    """places v28: Dhiban is a town in Jordan and one in Syria, both without a population;
    the SDF, a group of Syria's, votes as a demonym would."""
    event = _event(pipeline, "On 5 May 2020, members of a tribe clashed with the SDF in Dhiban; "
                             "two SDF members were wounded.")
    assert (event.country, event.admin1) == ("Syria", "Deir-ez-Zor")


def test_a_seat_without_a_population_is_a_town_not_nothing(pipeline: Pipeline) -> None:
    """places v29: GeoNames lists Ra's al 'Ayn, a Syrian district's seat, without a
    population, and Ras El Ain in Morocco with one; a Syrian faction names the country."""
    event = _event(pipeline, "Members of the Ahrar al-Sharqiya faction looted civilian "
                             "houses in a village near Ras al-Ain.")
    assert (event.country, event.admin1) == ("Syria", "Al-Hasakeh")


def test_a_name_after_a_terrain_word_is_placed_only_where_the_text_says(
        pipeline: Pipeline) -> None:
    """places v30: 'Jabal al-Zawiya' is a mountain of Idlib, not Az Zawiyah, a Libyan city
    that vouched for itself; in a text about Yemen that names Lahij, 'Jabal al Kirsh' is still
    the town of Kirsh beside it."""
    doc = pipeline.run("t", "Regime forces shelled the town of Kansafra in Jabal al-Zawiya "
                            "with rocket launchers, killing a woman.", None)
    assert doc.events and not any(p.country == "Libya" for p in doc.places)
    event = _event(pipeline, "On 2 May 2020, Houthi forces shelled positions of pro-Hadi "
                             "forces in Jabal al Kirsh, Lahij.")
    assert (event.location, event.admin1) == ("Kirsh", "Lahij")


@pytest.mark.parametrize("text", [
    "On 1 May 2020, Ahrar al-Sham members arrested a civilian in Afrin city, Aleppo.",
    "On 5 May 2020, members of a tribe clashed with the SDF in Dhiban after the SDF arrested "
    "a tribal figure. Two SDF members were wounded.",
])
def test_a_weaker_reading_of_the_same_words_is_no_second_event(pipeline: Pipeline,
                                                               text: str) -> None:
    """assemble v41: a sentence's runner-up type, weaker than its lead and inside the lead's
    words, names the lead's day, not one of its own: it is no second incident."""
    doc = pipeline.run("t", text, date(2020, 5, 10))
    assert len(doc.events) == 1


@pytest.mark.parametrize("text", [
    "A suicide bomber blew himself up at a checkpoint of the Syrian National Army at the "
    "entrance of Afrin city, killing two fighters.",
    "On 30 June 2021, an unknown person threw a grenade at the house of a Fifth Corps "
    "commander in the town of Busra al-Sham, causing material damage.",
])
def test_a_party_whose_post_or_house_was_hit_is_not_the_attacker(pipeline: Pipeline,
                                                                 text: str) -> None:
    """assemble v42: a house is a target's place as a checkpoint is, and when every armed
    party named was acted on, only a battle keeps the order of the words: an explosion's
    attacker is then nobody named, the codebook's unidentified armed group."""
    assert _event(pipeline, text).actor1 == "Unidentified Armed Group (Syria)"


def test_an_ally_named_between_commas_is_no_other_side(pipeline: Pipeline) -> None:
    """assemble v43: 'the SDF, backed by the international coalition, carried out a raid'
    names the coalition as the SDF's ally (assoc_actor_1), not as the one raided."""
    event = _event(pipeline, "On 8 July 2021, the SDF, backed by the international "
                             "coalition, carried out a raid in the town of Diban and arrested "
                             "four people suspected of belonging to ISIS cells.")
    assert event.actor1 == "QSD: Syrian Democratic Forces"
    assert event.assoc_actor_1 == "Global Coalition Against Daesh"
    assert event.actor2 != "Global Coalition Against Daesh"


def test_a_name_found_among_a_foreign_places_other_names_is_no_place_abroad(
        pipeline: Pipeline) -> None:
    """places v32: 'el Mina' (Tripoli's port) is among the other names of Minot, North
    Dakota; in a text about Lebanon it is no place in the United States, and the event model
    still reads it masked, as a name."""
    doc = pipeline.run("t", "On 2 May 2020, protesters blocked roads in el Mina in northern "
                            "Lebanon.", date(2020, 5, 5))
    assert not any(p.country == "United States" for p in doc.places)
    assert [s.text for s in doc.place_names] == ["el Mina"]
    assert doc.events and doc.events[0].actor1 == "Protesters (Lebanon)"


def test_the_party_ambushed_is_not_the_attacker(pipeline: Pipeline) -> None:
    """assemble v44: 'ambushed' and 'attacked' join the target rule's verbs, so the soldiers
    of a convoy that was ambushed are acted on."""
    event = _event(pipeline, "Al-Qaeda-linked militants ambushed a convoy of Malian soldiers "
                             "near Boni, killing 10.")
    assert not event.actor1.startswith("Military Forces of Mali")
    assert event.actor2.startswith("Military Forces of Mali")


def test_the_badia_is_the_syrian_desert_not_a_village_in_italy(pipeline: Pipeline) -> None:
    """places v33: 'the Badia of Palmyra' had voted for Badia in Italy, and with the Russian
    warplanes' demonym Palmyra lost its country."""
    event = _event(pipeline, "On 5 May 2020, Russian warplanes struck ISIS positions in the "
                             "Badia of Palmyra.")
    assert (event.country, event.admin1) == ("Syria", "Homs")
    assert event.actor2 == "Islamic State (Syria)"


def test_foreign_staffs_nationality_is_not_where_it_happened(pipeline: Pipeline) -> None:
    """places v34: AWSD's 'international (German) staff' are Germans abroad; a national
    staff member's demonym is the country's own."""
    doc = pipeline.run("t", "2 INGO international (German) staff killed in ambush.", None)
    assert doc.events and doc.events[0].country != "Germany"
    doc = pipeline.run("t", "1 INGO international (Swiss-American) staff killed in an ambush.",
                       None)  # places v74
    assert doc.events and doc.events[0].country != "United States"
    doc = pipeline.run("t", "1 Afghan national staff killed in an ambush.", None)
    assert doc.events and doc.events[0].country == "Afghanistan"


def test_militants_neutralised_by_a_speakers_forces(pipeline: Pipeline) -> None:
    """events v53, assemble v45: 'neutralised 15 PKK/YPG terrorists' tells of fighting, and
    the ministry whose forces did it is a party, not only a speaker."""
    event = _event(pipeline, "The Turkish defence ministry claimed that its forces "
                             "neutralised 15 PKK/YPG terrorists in the Peace Spring area.")
    assert event.sub_event_type == "Armed clash"
    assert event.actor1 == "Military Forces of Turkey (2016-)"


def test_headlines_of_barrel_bombs_and_a_convoy_attacked(pipeline: Pipeline) -> None:
    """actors v25: 'regime barrel bombs' are the Syrian forces'; assemble v46: a headline's
    'UN aid convoy attacked near Aleppo' makes the UN the target, not the attacker."""
    event = _event(pipeline, "Regime barrel bombs kill 9 in Daraya")
    assert event.actor1.startswith("Military Forces of Syria")
    event = _event(pipeline, "UN aid convoy attacked near Aleppo, 20 trucks destroyed")
    assert event.actor1 != "UN: United Nations" and event.actor2 == "UN: United Nations"


def test_an_aid_convoy_that_arrived_is_no_event(pipeline: Pipeline) -> None:
    """events v55: a convoy that delivered aid is no event; one that was shelled is."""
    doc = pipeline.run("t", "An aid convoy of 13 trucks entered Douma carrying food for 26,000 "
                            "people, the ICRC said.", date(2018, 3, 10))
    assert doc.events == []
    event = _event(pipeline, "An aid convoy of 13 trucks was shelled as it entered Douma, "
                             "killing a driver.")
    assert event.sub_event_type == "Shelling/artillery/missile attack"


def test_a_riots_crowd_is_not_its_own_other_side(pipeline: Pipeline) -> None:
    """assemble v47: 'rioters demonstrating' name one crowd twice; the protesters' mention is
    not the riot's actor2."""
    event = _event(pipeline, "On 1 May 2020, rioters demonstrating against the rising prices "
                             "blocked a road near Zahle with burning tyres.")
    assert event.sub_event_type == "Violent demonstration"
    assert (event.actor1, event.actor2) == ("Rioters (Lebanon)", "")


def test_two_crowds_that_clash_are_rioters_on_both_sides(pipeline: Pipeline) -> None:
    """assemble v48: a brawl of two groups is mob violence with rioters on both sides, as
    ACLED codes it, not a mob that attacked civilians."""
    event = _event(pipeline, "On 8 May 2020, two groups of villagers clashed with sticks over a "
                             "land dispute in Shamli, Uttar Pradesh, injuring 5.")
    assert event.sub_event_type == "Mob violence"
    assert (event.actor1, event.actor2) == ("Rioters (India)", "Rioters (India)")


def test_governmental_positions_are_the_states_forces(pipeline: Pipeline) -> None:
    """actors v26: 'governmental positions', 'government positions' and 'governmental
    forces' name a state's forces, as 'government forces' and 'regime positions' did."""
    event = _event(pipeline, "On 3 May 2020, NAF forces fired heavy machine guns at "
                             "governmental positions near Avdiivka, Donetsk.")
    assert event.actor2.startswith("Military Forces of Ukraine")


def test_a_kurd_is_a_people_not_a_village_in_iran(pipeline: Pipeline) -> None:
    """places v31: 'the Kurd mountains' had placed the event at Kord-e Sofla in Iran, and made
    'regime forces' Iran's army."""
    event = _event(pipeline, "Regime forces regained control of the village of Kbana in the "
                             "Kurd mountains after battles with HTS.")
    assert event.actor1 == "Military Forces of Syria (2000-)" and event.country != "Iran"


@pytest.mark.parametrize(("text", "kind"), [
    ("On 5 May 2020, members of a tribe clashed with the SDF in Dhiban after the SDF arrested "
     "a tribal figure. Two SDF members were wounded.", "Armed clash"),
    ("On 5 May 2020, anti-Houthi forces clashed with the Houthis in Hays after the latter "
     "shelled the town.", "Armed clash"),
])
def test_the_act_a_clash_answered_does_not_name_its_type(pipeline: Pipeline, text: str,
                                                          kind: str) -> None:
    """events v47: what follows a bare 'after' and a party's act tells what the sentence's
    own act answered; it names the type only when the words before it name none, and the
    event keeps the whole sentence's places and counts."""
    doc = pipeline.run("t", text, date(2020, 5, 10))
    assert [e.sub_event_type for e in doc.events] == [kind]
    assert doc.events[0].evidence is not None and doc.events[0].evidence.text.startswith("On 5")


def test_the_whole_sentence_is_read_when_its_start_reads_as_none(pipeline: Pipeline) -> None:
    """events v47: 'people ... were afraid to leave their homes' reads as no event; the
    sentence with its cause clause is read whole, in the document's reading."""
    event = _event(pipeline, "On 5 May 2020, people in Kafr Nabl were afraid to leave their "
                             "homes after the regime shelled the town with artillery.")
    assert event.sub_event_type == "Shelling/artillery/missile attack"
    assert event.evidence is not None and event.evidence.text.endswith("artillery.")


def test_people_arrested_after_their_attack_did_the_attack(pipeline: Pipeline) -> None:
    event = _event(pipeline, "On 4 May 2020, 13 people were arrested after they attacked "
                             "police officers with sticks and stones in the town.")
    assert event.sub_event_type != "Arrests"


def test_the_sentence_s_own_act_leads_its_earlier_clause(pipeline: Pipeline) -> None:
    """assemble v36: of two confident incidents of one sentence, the one told first leads
    (the earlier event's clause had led by its higher score)."""
    doc = pipeline.run("t", "US warships fired 59 cruise missiles at the Shayrat air base on "
                            "Friday, days after a chemical attack killed 86 people in Khan "
                            "Sheikhoun.", date(2017, 4, 7))
    assert [e.sub_event_type for e in doc.events] == [
        "Shelling/artillery/missile attack", "Chemical weapon"]


@pytest.mark.parametrize(("text", "force"), [
    ("On 5 May 2020, HTS fighters shot at demonstrators who were protesting in Kafr Takharim "
     "against new taxes, wounding two of them.", "HTS: Hayat Tahrir al Sham"),
    ("On 5 May 2020, the Asayish dispersed a protest in Qamishli by firing in the air and "
     "arrested several protesters.", "QSD: Syrian Democratic Forces"),
])
def test_an_armed_group_that_stopped_a_crowd_is_its_other_side(pipeline: Pipeline, text: str,
                                                                force: str) -> None:
    """assemble v37: with no state's force named, the armed group that intervened."""
    event = _event(pipeline, text)
    assert (event.actor1, event.actor2) == ("Protesters (Syria)", force)


def test_a_foreign_force_is_never_the_crowd(pipeline: Pipeline) -> None:
    """assemble v37: external forces (inter 8) stop or face a crowd, as a state's do."""
    event = _event(pipeline, "On 3 May 2020, the Russian military police conducted a patrol in "
                             "Al-Darbasiyah, Hasakeh, where locals threw stones at the patrol "
                             "vehicles.")
    assert event.actor1 == "Rioters (Syria)"
    assert event.actor2 == "Military Forces of Russia (2000-)"


def test_a_group_that_organised_a_demonstration_did_not_stop_it(pipeline: Pipeline) -> None:
    event = _event(pipeline, "On 9 May 2020, people in Aden took part in an STC-organized "
                             "demonstration in support of the STC's self-administration.")
    assert event.actor1 == "Protesters (Yemen)" and not event.actor2


def test_a_month_s_documented_toll_is_no_event(pipeline: Pipeline) -> None:
    """events v48: a monitor's count for a month is a period's toll (habitual), while one
    death it documented on a day is an event."""
    doc = pipeline.run("t", "The Syrian Network for Human Rights documented the killing of "
                            "320 civilians in January, most of them by Russian and regime "
                            "forces.", date(2016, 2, 10))
    assert doc.events == []
    assert _event(pipeline, "On 5 May 2020, a monitor documented the death of a detainee under "
                            "torture in a regime prison in Damascus.").fatalities == 1


REPORT = ("BEIRUT - Air strikes killed at least 15 people in a market in the rebel-held town of "
          "Maarat al-Numan in Idlib province on Monday, a war monitor said. The Syrian "
          "Observatory for Human Rights said Russian jets carried out the raids. Moscow denied "
          "its aircraft had struck the town. Separately, insurgents fired rockets at the "
          "government-held city of Hama, wounding four people, state media reported.")


def test_a_denial_is_no_event_and_a_separate_incident_stays_apart(pipeline: Pipeline) -> None:
    """events v50: 'Moscow denied its aircraft had struck the town' reports no strike of its
    own (its claim points back to the lead); assemble v38: 'Separately, ...' merges with
    nothing before it (the rockets on Hama had merged with the denial into an air strike)."""
    doc = pipeline.run("t", REPORT, date(2019, 7, 23))
    assert [(e.sub_event_type, e.location) for e in doc.events] == [
        ("Air/drone strike", "Ma‘arrat an Nu‘mān"),
        ("Shelling/artillery/missile attack", "Ḩamāh")]
    denial = next(c for c in doc.claims if c.stance == "denies")
    assert denial.about == 0


def test_a_party_said_to_have_carried_out_the_raids_is_actor1(pipeline: Pipeline) -> None:
    """assemble v39: the lead names no perpetrator; the next sentence's 'Russian jets carried
    out the raids' does."""
    doc = pipeline.run("t", REPORT, date(2019, 7, 23))
    assert doc.events[0].actor1 == "Military Forces of Russia (2000-)"
    assert doc.events[0].spans["actor1"].text == "Russian jets"


def test_claims_that_point_back_by_the_shells_or_any_involvement(pipeline: Pipeline) -> None:
    """claims v8: 'the shells were fired from ...', 'denied any involvement' and 'recovered
    the bodies' concern the event told before them."""
    doc = pipeline.run("t", "Terrorist organizations fired shells containing toxic gases on "
                            "al-Khalidiya neighbourhood in Aleppo on Saturday evening, causing "
                            "107 cases of suffocation. The Russian Defence Ministry said the "
                            "shells were fired from areas controlled by Hayat Tahrir al-Sham. "
                            "The National Front for Liberation denied any involvement.",
                       date(2018, 11, 25))
    assert [e.sub_event_type for e in doc.events] == ["Chemical weapon"]
    assert {(c.stance, c.about) for c in doc.claims} == {("asserts", 0), ("denies", 0)}


def test_the_party_a_post_was_handed_to_takes_it(pipeline: Pipeline) -> None:
    """assemble v40: in a non-violent transfer the actor that takes the territory is actor1."""
    event = _event(pipeline, "On 15 October 2019, the SDF handed over its positions in Ain Issa "
                             "to regime forces.")
    assert event.sub_event_type == "Non-violent transfer of territory"
    assert (event.actor1, event.actor2) == (SYRIA, "QSD: Syrian Democratic Forces")


def test_sarc_volunteers_are_syria_s_aid_workers(pipeline: Pipeline) -> None:
    """actors v21: the Syrian Arab Red Crescent's people place a text with no place name in
    Syria, as the White Helmets do."""
    doc = pipeline.run("t", "1 SARC volunteer killed in crossfire while evacuating the "
                            "wounded.", None)
    event = doc.events[0]
    assert (event.country, event.actor2, event.assoc_actor_2) == (
        "Syria", "Civilians (Syria)", "Aid Workers (Syria)")
