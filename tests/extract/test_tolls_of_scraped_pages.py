"""Tolls as scraped news pages print them (numbers v74, assemble v118): a headline printed
again before the lead, a blank line after the headline, a part named after its count, a vague
word after a figure, a toll that "rises" in a headline's present, a count inside a toll's own
words, and the party whose attack a toll counts."""

from __future__ import annotations

from datetime import date

import pytest

from raqib.extract.pipeline import Pipeline
from raqib.extract.sentences import title_again
from stage_versions import first_event, stage_version

DAY = date(2019, 9, 3)


def test_stage_versions(pipeline: Pipeline) -> None:
    assert stage_version(pipeline, "numbers") >= 83
    assert stage_version(pipeline, "assemble") >= 118


@pytest.mark.parametrize(("text", "killed"), [
    # the headline printed again, run into the lead with no full stop: one toll, not two
    ("Chlorine attack on Kafr Zita kills at least 23 Monitor\n\nMonday 2 Sep 2019 Chlorine "
     "attack on Kafr Zita kills at least 23 Monitor AFP A chlorine attack blamed on government "
     "helicopters killed at least 23 people including 6 children in the town of Kafr Zita on "
     "Monday a monitor said.", 23),
    # a part named after its count is of the whole told before it
    ("Shelling killed 23 people in Ariha on Monday. There were also 9 children among the "
     "dead.", 23),
    # and alone it is the toll: no whole was told
    ("A nurse was among those killed when shells hit the hospital in Ariha on Monday.", 1),
    # a vague word after a figure names those victims again
    ("An air strike killed 37 people in Ariha on Monday. Dozens of people were killed, "
     "residents said.", 37),
    # a toll that rises, in a headline's present
    ("Death toll in market bombing in Azaz rises to 64", 64),
    # the soldiers the toll counts are its 15, not 15 and a plural's 10
    ("The death toll of soldiers rose to 15 after the attack on the base in Idlib.", 15),
    # numbers v80: "Syria's second city" is a rank, no second event's dead
    ("A rocket killed 5 children in Aleppo on Saturday. The rocket struck a district of "
     "Syria's second city, killing five children.", 5),
    # while a second bomb's dead still add
    ("A bomb killed 3 soldiers in Kabul on Monday. A second bomb killed 2 police officers.",
     5),
    # numbers v81: the lead's "a girl" is the headline's child, told again
    ("Rocket kills a child in Aleppo\n\nRocket kills a child in Aleppo. A girl was killed "
     "when a rocket hit the Hamdaniyeh district on Thursday, police said.", 1),
    # numbers v82: "separate raids" that killed the title's 25 are the title's raids
    ("Air raids kill 25 civilians in Idlib\n\nSeparate air raids by government aircraft "
     "killed at least 25 civilians in Idlib province on Friday, a monitor said.", 25),
    # where no title told one, "a woman" is another victim
    ("Rockets hit Aleppo on Thursday, killing a child. A woman was killed in the same "
     "district.", 2),
    # numbers v83: the bomber who blew himself up is no lower toll of the attack's dead
    ("At least 25 soldiers were killed in a suicide attack on an army post in Aleppo on "
     "Monday. The attacker blew himself up at the gate.", 25),
    # and "killed himself and two others" still counts him
    ("A suicide bomber killed himself and two others in front of a mosque in Maiduguri.", 3),
    # numbers v75: the toll's second figure whose people are called wounded are wounded
    ("The death toll from the two car bombs in Homs rose to 41 and more than 90 wounded "
     "persons.", 41),
])
def test_killed(pipeline: Pipeline, text: str, killed: int) -> None:
    assert first_event(pipeline, text, DAY).fatalities == killed


def test_the_wounded_of_a_toll_are_wounded(pipeline: Pipeline) -> None:
    """numbers v75; 'displaced people' after a killing are still among the killed (v45)."""
    event = first_event(pipeline, "The death toll from the two car bombs in Homs rose to 41 "
                                  "and more than 90 wounded persons.", DAY)
    assert (event.fatalities, event.injured) == (41, 90)
    assert first_event(pipeline, "Air strikes killed 4 civilians and 3 displaced people in "
                                 "Idlib.", DAY).fatalities == 7


@pytest.mark.parametrize("blank", ["\n\n", "\n \n", "\r\n\r\n"])
def test_a_headlines_count_ends_at_its_line(pipeline: Pipeline, blank: str) -> None:
    """The count of a headline above a blank line had read on into the next line ("... five
    children Syria rebel ..." counted five rebels, and the toll added up to ten); a blank line
    of Windows' line ends too (numbers v79)."""
    doc = pipeline.run("t", f"Syria rebel rocket kills five children{blank}Syria rebel rocket "
                            "strikes a school in Aleppo, killing five children.", DAY)
    assert {c.who for c in doc.counts if c.kind == "killed"} == {"civilians"}
    assert doc.events[0].fatalities == 5


def test_the_party_whose_attack_a_toll_counts_is_its_author(pipeline: Pipeline) -> None:
    """assemble v118: 'the death toll from the Islamic State attack' names who attacked, not
    who died (it had made the Islamic State the victims of an armed clash)."""
    event = first_event(pipeline, "The death toll from the Islamic State attack on Aqarib "
                                  "village in Hama rose to 51.", DAY)
    assert (event.sub_event_type, event.actor1) == ("Attack", "Islamic State (Syria)")


def test_where_the_title_is_printed_again() -> None:
    text = "Bomb kills 18 in Damascus suburb\n\nAFP Sunday Bomb kills 18 in Damascus suburb A bomb"
    start = text.index("Bomb kills", 10)
    assert title_again(text) == (start, start + len("Bomb kills 18 in Damascus suburb"))
    assert title_again("Bomb kills 18.\n\nBomb kills 18. A bomb") is None  # a sentence
    assert title_again("Bomb kills 18\n\nA bomb killed 18 people.") is None  # not again
