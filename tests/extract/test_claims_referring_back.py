"""claims v24: a claimant that refers back ('It said', 'The group said') speaks as the actor it
stands for, and 'X, which ..., said Y' is X's claim of Y, not Y's claim of X; claims v25: 'the
Israeli claim' names a claim, it is no claimant; v26: datelines and own acts."""

from __future__ import annotations

from datetime import date
from functools import cache

from raqib.extract.model import Analysis
from raqib.extract.pipeline import Pipeline


@cache
def _pipeline() -> Pipeline:
    return Pipeline()


def speakers(text: str) -> list[tuple[str, str, str]]:
    doc: Analysis = _pipeline().run("t", text, date(2021, 3, 1))
    return [(c.claimant, c.claimant_actor, c.statement) for c in doc.claims]


def test_a_pronoun_with_no_speaker_before_it_is_the_subject_of_a_sentence_before() -> None:
    found = speakers("Human Rights Watch published a report on Monday. It said troops burned "
                     "dozens of homes in the village.")
    assert found == [("It", "Human Rights Watch",
                      "troops burned dozens of homes in the village")]


def test_the_group_and_the_organisation_are_the_body_named_before() -> None:
    found = speakers("Amnesty International issued its findings on Thursday. The organisation "
                     "said the shelling of the camp was indiscriminate. The group called for "
                     "an inquiry.")
    assert [(c, a) for c, a, _ in found] == [("The organisation", "Amnesty International"),
                                             ("The group", "Amnesty International")]


def test_the_monitor_is_not_a_state_that_spoke_in_between() -> None:
    found = speakers("The Syrian Observatory for Human Rights said nine people were killed in "
                     "the raids on the town. Moscow denied carrying out the raids. The monitor "
                     "said the toll was likely to rise.")
    assert [(c, a) for c, a, _ in found] == [
        ("The Syrian Observatory for Human Rights", "SOHR: Syrian Observatory for Human Rights"),
        ("Moscow", "Military Forces of Russia (2000-)"),
        ("The monitor", "SOHR: Syrian Observatory for Human Rights"),
    ]


def test_a_pronoun_still_follows_the_last_speaker() -> None:
    found = speakers("Human Rights Watch published a report on Monday. The army denied the "
                     "accusations. It said its units had not entered the village.")
    assert [a for _, a, _ in found][-1] == found[-2][1] != "Human Rights Watch"


def test_the_group_with_no_body_before_it_stays_as_written() -> None:
    found = speakers("Civilians fled the town on Sunday. The group said the road was mined.")
    assert [(c, a) for c, a, _ in found] == [("The group", "group")]


def test_a_relative_clause_between_the_speaker_and_the_verb() -> None:
    found = speakers("The monitor, which relies on sources across the country, said Turkish "
                     "drones carried out the strikes.")
    assert [(c, s) for c, _, s in found] == [
        ("The monitor", "Turkish drones carried out the strikes")]


def test_a_claim_named_as_a_noun_is_no_claimant() -> None:
    """claims v25: 'the Israeli claim' is a noun, not 'the Israeli' claiming."""
    found = speakers("Hamas denied the Israeli claim, saying the clinic had no military use.")
    assert [c for c, _, _ in found] == ["Hamas"]
    found = speakers("The rebels claim that the bridge was destroyed by the army.")
    assert [(c, s) for c, _, s in found] == [
        ("The rebels", "the bridge was destroyed by the army")]


def _claims(text: str) -> list[tuple[str, str, int | None]]:
    doc: Analysis = _pipeline().run("t", text, date(2024, 6, 1))
    return [(c.claimant, c.statement, c.about) for c in doc.claims]


def test_what_is_said_starts_after_the_dateline() -> None:
    """claims v26: the dateline is no part of a statement."""
    found = _claims("ODESA, Ukraine (AP) — A drone struck a grain silo in the port on Friday, "
                    "the regional governor said.")
    assert found[0][:2] == ("the regional governor",
                            "A drone struck a grain silo in the port on Friday")


def test_a_party_telling_its_own_act_speaks_of_its_event() -> None:
    """claims v26: 'it had targeted fighters' is about the strike the junta made."""
    found = _claims("Myanmar's military junta carried out air strikes on a village in Sagaing "
                    "region on Monday, killing at least 12 civilians, including four children, "
                    "according to a local resistance group. The junta said it had targeted "
                    "fighters of the People's Defence Force.")
    assert [a for _, _, a in found] == [0, 0]
