"""The weapons stage: normalised weapon classes with their words."""

from __future__ import annotations

import pytest

from raqib.extract import weapons
from raqib.extract.model import Analysis, Options, Stage


@pytest.fixture(scope="module")
def stage() -> weapons.Weapons:
    return weapons.create(Options())


def found(stage: weapons.Weapons, text: str) -> list[tuple[str, str]]:
    doc = Analysis("t", text)
    stage(doc)
    for mention in doc.weapons:
        assert doc.text[mention.span.start : mention.span.end] == mention.span.text
    return [(m.span.text, m.weapon) for m in doc.weapons]


def test_stage_shape(stage: weapons.Weapons) -> None:
    assert isinstance(stage, Stage)
    assert stage.name == "extract.weapons.v8"


@pytest.mark.parametrize(
    ("text", "words", "weapon"),
    [
        ("An air-strike hit the bakery at noon.", "air-strike", "air strike"),
        ("Russian warplanes pounded the hills.", "warplanes", "air strike"),
        ("The town suffered aerial bombardment for days.", "aerial bombardment", "air strike"),
        ("Explosive barrels fell on the market.", "Explosive barrels", "barrel bomb"),
        ("A UAV struck a car on the highway.", "UAV", "drone strike"),
        ("Heavy shelling hit the eastern quarter.", "shelling", "artillery"),
        ("Grad rockets landed near the school.", "Grad rockets", "artillery"),
        ("Witnesses smelled chlorine after the attack.", "chlorine", "chemical"),
        ("Doctors treated victims of poisonous gas.", "poisonous gas", "chemical"),
        ("Doctors said a toxic substance was used in the district.", "toxic substance",
         "chemical"),
        ("أصيب مدنيون بحالات اختناق جراء غاز الكلور.", "غاز الكلور", "chemical"),
        ("A suicide car bombing tore through the convoy.", "suicide car bombing",
         "suicide bomb"),
        ("A car bombing killed four at the checkpoint.", "car bombing", "IED"),
        ("Terrorist bombings killed civilians in the countryside.", "Terrorist bombings",
         "IED"),  # weapons v7: state media's word for bombs set off by armed groups
        ("A roadside bomb struck the patrol.", "roadside bomb", "IED"),
        ("Two children stepped on a landmine.", "landmine", "IED"),
        ("A VBIED exploded at the checkpoint.", "VBIED", "IED"),
        ("A suicide bomber struck the mosque.", "suicide bomber", "suicide bomb"),
        ("A hand grenade was thrown into the shop.", "hand grenade", "grenade"),
        ("Soldiers opened fire on the crowd.", "opened fire", "small arms"),
        ("Police fired live rounds at the marchers.", "live rounds", "small arms"),  # v8
        ("The farmer was attacked with a machete.", "machete", "knife/blade"),
        ("Militiamen torched the village.", "torched", "arson"),
        ("Settlers set fire to the olive grove.", "set fire", "arson"),
    ],
)
def test_classes(stage: weapons.Weapons, text: str, words: str, weapon: str) -> None:
    assert found(stage, text) == [(words, weapon)]


def test_longest_phrase_wins(stage: weapons.Weapons) -> None:
    assert found(stage, "A drone strike and a suicide car bomb hit the base.") == [
        ("drone strike", "drone strike"),
        ("suicide car bomb", "suicide bomb"),
    ]


def test_every_mention_is_found(stage: weapons.Weapons) -> None:
    assert found(stage, "A helicopter dropped a barrel bomb.") == [
        ("helicopter", "air strike"),
        ("barrel bomb", "barrel bomb"),
    ]


def test_case_sensitive_entries(stage: weapons.Weapons) -> None:
    assert found(stage, "The grad student was not hurt.") == []
    assert found(stage, "She applied for a uav licence.") == []


def test_words_inside_other_words_do_not_count(stage: weapons.Weapons) -> None:
    assert found(stage, "The shelter and the gunsmith's shop stayed open.") == []
    assert found(stage, "Police fired tear gas at protesters.") == []


def test_several_weapons_in_order(stage: weapons.Weapons) -> None:
    text = "Gunmen stabbed a guard, then artillery and airstrikes hit the camp."
    assert [w for _words, w in found(stage, text)] == [
        "small arms",
        "knife/blade",
        "artillery",
        "air strike",
    ]
