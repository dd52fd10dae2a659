"""Claims stage on news-style sentences: attribution patterns, stances, hedging, claimants."""

from __future__ import annotations

from datetime import date

import pytest

from raqib.extract import claims
from raqib.extract.model import ActorMention, Analysis, Claim, Options, Sentence, Stage
from raqib.extract.pipeline import Pipeline
from raqib.extract.sentences import split


def analyse(text: str, actors: dict[str, str] | None = None) -> Analysis:
    doc = Analysis(id="t", text=text)
    doc.sentences = [Sentence(doc.span(a, b)) for a, b in split(text)]
    for words, name in (actors or {}).items():
        start = text.index(words)
        doc.actors.append(ActorMention(doc.span(start, start + len(words)), name, 1))
    claims.create(Options())(doc)
    for claim in doc.claims:  # every claim points at its exact words
        assert doc.text[claim.start : claim.end] == claim.statement
    return doc


def only(text: str, **kwargs) -> Claim:
    found = analyse(text, **kwargs).claims
    assert len(found) == 1, found
    return found[0]


def test_stage_contract() -> None:
    stage = claims.create(Options())
    assert isinstance(stage, Stage)
    assert stage.name == "extract.claims.v26"
    doc = Analysis(id="x", text="The ministry said that two soldiers were wounded near Hama.")
    stage(doc)  # no sentence spans yet: the stage splits the text itself
    assert [c.stance for c in doc.claims] == ["asserts"]


@pytest.mark.parametrize(
    ("text", "claimant", "stance", "statement"),
    [
        ("Syrian state media said that rebels shelled a residential district of Aleppo.",
         "Syrian state media", "asserts", "rebels shelled a residential district of Aleppo"),
        ("SANA reported on Sunday that four children were wounded in Jableh.",
         "SANA", "asserts", "four children were wounded in Jableh"),
        ("The opposition denied any role in the attack on the army checkpoint.",
         "The opposition", "denies", "any role in the attack on the army checkpoint"),
        ("Russia accused rebels of violating the ceasefire in Idlib province.",
         "Russia", "accuses", "rebels of violating the ceasefire in Idlib province"),
        ("The militia claimed that its fighters had captured two villages.",
         "The militia", "alleges", "its fighters had captured two villages"),
        ("The United Nations called for an independent investigation into the strike.",
         "The United Nations", "calls_for", "an independent investigation into the strike"),
        ("Turkey urged Russia to rein in government forces around Idlib.",
         "Turkey", "calls_for", "Russia to rein in government forces around Idlib"),
        ("The Syrian Coalition condemned the shelling of the market in Ariha.",
         "The Syrian Coalition", "accuses", "the shelling of the market in Ariha"),
    ],
)
def test_forward_attribution(text: str, claimant: str, stance: str, statement: str) -> None:
    claim = only(text)
    assert (claim.claimant, claim.stance, claim.statement) == (claimant, stance, statement)


def test_reverse_attribution_and_appositive() -> None:
    claim = only("Government forces shelled the town of Khan Shaykhun, the Observatory said.")
    assert claim.claimant == "the Observatory"
    assert claim.claimant_actor == "Observatory"
    assert claim.statement == "Government forces shelled the town of Khan Shaykhun"
    claim = only("The claims were fabricated, said Hadi al-Bahra, a member of the Coalition.")
    assert claim.claimant == "Hadi al-Bahra, a member of the Coalition"
    assert claim.stance == "denies"  # an assertion that calls something fabricated
    claim = only("Rami Abdel Rahman, the head of the Observatory, told AFP that the toll "
                 "would rise.")
    assert claim.claimant == "Rami Abdel Rahman, the head of the Observatory"
    assert claim.statement == "the toll would rise"


def test_according_to_is_hedged_both_ways() -> None:
    claim = only("According to the Syrian Observatory, at least 12 civilians died in Ariha.")
    assert claim.claimant == "the Syrian Observatory"
    assert claim.statement == "at least 12 civilians died in Ariha"
    assert claim.hedged and claim.stance == "asserts"
    claim = only("At least 12 civilians died in air strikes on Ariha, according to local "
                 "activists.")
    assert claim.claimant == "local activists"
    assert claim.statement == "At least 12 civilians died in air strikes on Ariha"
    assert claim.hedged


def test_hedges() -> None:
    claim = only("Activists reportedly said that helicopters dropped barrel bombs on Kafr Zita.")
    assert claim.hedged and claim.claimant == "Activists" and claim.stance == "asserts"
    assert only("The army claimed that the convoy carried weapons.").hedged
    assert not only("The army said that the convoy carried weapons.").hedged
    claim = only("The militia is said to have executed four prisoners near Deir ez-Zor.")
    assert (claim.claimant, claim.stance, claim.hedged) == (claims.UNNAMED, "alleges", True)


def test_coordinated_verbs_share_the_claimant() -> None:
    doc = analyse("The opposition denied using chemical weapons and accused the government "
                  "of staging the attack.")
    assert [(c.claimant, c.stance, c.statement) for c in doc.claims] == [
        ("The opposition", "denies", "using chemical weapons"),
        ("The opposition", "accuses", "the government of staging the attack"),
    ]


def test_denial_words_turn_an_assertion_into_a_denial() -> None:
    claim = only("The regime's allegations are baseless, the opposition said in a statement.")
    assert (claim.claimant, claim.stance) == ("the opposition", "denies")
    assert claim.statement == "The regime's allegations are baseless"


def test_quotes_with_a_speaker() -> None:
    text = ('"We will not allow terrorists to use chemical weapons against our people," '
            "the defence ministry said. The minister said: \u201cThe corridor stays open.\u201d")
    doc = analyse(text)
    assert [(c.claimant, c.statement) for c in doc.claims] == [
        ("the defence ministry",
         "We will not allow terrorists to use chemical weapons against our people"),
        ("The minister", "The corridor stays open"),
    ]


def test_pronoun_claimant_resolves_to_the_previous_one() -> None:
    doc = analyse("Witnesses said the convoy was hit twice. They said the drivers were killed.")
    assert [c.claimant_actor for c in doc.claims] == ["Witnesses", "Witnesses"]
    assert doc.claims[1].claimant == "They"


def test_claimant_actor_comes_from_the_actor_mentions() -> None:
    text = "On Sunday, Russia's defence ministry accused rebels of shelling Aleppo with gas."
    claim = only(text, actors={"Russia": "Military Forces of Russia (2000-)"})
    assert claim.claimant == "Russia's defence ministry"
    assert claim.claimant_actor == "Military Forces of Russia (2000-)"
    claim = only(text)  # no actors stage: the claimant as written, tidied
    assert claim.claimant_actor == "Russia's defence ministry"


@pytest.mark.parametrize(
    "text",
    [
        "The shelling claimed the lives of eight people in Douma.",
        "Inspectors visited the site of the alleged attack in Douma.",
        "Aid was denied to the besieged town for a month.",
        "Rebels shelled the village of Mhardeh, killing two children.",
        "Alleged members of the cartel ambushed a police patrol.",
    ],
)
def test_no_claim_without_a_speaker(text: str) -> None:
    assert analyse(text).claims == []


def test_verb_forms_used_as_nouns_are_not_speakers() -> None:
    claim = only("Local reports said the bridge was destroyed.")
    assert claim.claimant == "Local reports"
    assert claim.statement == "the bridge was destroyed"


def test_contrast_clause_ends_the_statement() -> None:
    doc = analyse("Iranian authorities denied the allegations, but Kabul opened an inquiry.")
    assert [(c.stance, c.statement) for c in doc.claims] == [("denies", "the allegations")]


@pytest.mark.parametrize(
    ("text", "claimant", "statement"),
    [  # the speaker behind an apposition and a relative clause, not the words after "said"
        ("A spokesman for the Front, the largest alliance of factions in the area, who asked "
         "not to be named, said the opposition had never used chemical weapons.",
         "the Front, the largest alliance of factions in the area",
         "the opposition had never used chemical weapons"),
        # a participle after "the" is an adjective inside the speaker's name
        ("The Centre for Reconciliation of the opposing sides said that it had recorded "
         "the shelling.",
         "The Centre for Reconciliation of the opposing sides", "it had recorded the shelling"),
        # "and other …" joins one subject
        ("The Front and other factions denied firing any such shells.",
         "The Front and other factions", "firing any such shells"),
        # a speaker placed "in" somewhere keeps its head word
        ("Residents of villages in the western countryside said the jets struck twice.",
         "Residents of villages in the western countryside", "the jets struck twice"),
    ],
)
def test_speaker_phrases(text: str, claimant: str, statement: str) -> None:
    claim = only(text)
    assert (claim.claimant, claim.statement) == (claimant, statement)


def test_a_sentence_that_starts_inside_a_wrapped_line_keeps_its_first_line() -> None:
    text = ("Shells fell on the district of al-Zahraa. Health authorities in\n"
            "the city reported that 107 people were treated.")
    claim = only(text)
    assert claim.claimant == "Health authorities in the city"  # whitespace folded
    assert claim.statement == "107 people were treated"


@pytest.mark.parametrize(
    "text",
    [
        # a passive "said to be" is a hedge on a fact, not a speaker's words
        "Shells containing a toxic substance, said to be chlorine, fell on three districts.",
        # "reported by" is passive: the cases are not speaking
        "The total includes the 107 cases reported by health authorities in the city.",
        # a headline's noun "claim" before "as" is no reporting verb
        "Aleppo gas claim as jets strike west of the city",
    ],
)
def test_verb_forms_that_report_nobody(text: str) -> None:
    assert analyse(text).claims == []


def test_said_followed_by_a_clause_is_not_said_by_its_subject() -> None:
    claim = only("The convoy was struck twice, said Hadi al-Bahra, a member of the Coalition, "
                 "on Sunday.")
    assert claim.claimant == "Hadi al-Bahra, a member of the Coalition"
    claim = only('"Planes of our air force struck no target near the town," said a statement '
                 "by the defence ministry.")
    assert claim.claimant == "a statement by the defence ministry"


def test_a_claim_that_points_back_at_the_attack_is_about_it(pipeline: Pipeline) -> None:
    """v4: 'the attack was staged' names no place nor day, but points back at the event told
    before it; a claim that points at nothing stays about no event."""
    doc = pipeline.run("t", "On 3 May 2020, a chemical attack hit Saraqib, killing two "
                            "civilians. Russia said the attack was staged.", date(2020, 5, 4))
    assert [(c.claimant, c.stance, c.about) for c in doc.claims] == [("Russia", "denies", 0)]
    doc = pipeline.run("t", "On 3 May 2020, a chemical attack hit Saraqib, killing two "
                            "civilians. Russia said it supports the ceasefire.", date(2020, 5, 4))
    assert [c.about for c in doc.claims] == [None]


@pytest.mark.parametrize("text, statement", [
    ("Local activists told Enab Baladi that regime forces arrested ten men in Saqba.",
     "regime forces arrested ten men in Saqba"),
    ("The activist told the Syrian Observatory on Monday that the shelling killed a child.",
     "the shelling killed a child"),
])
def test_a_hearer_named_in_capitals_is_not_the_statement(text: str, statement: str) -> None:
    """v5: after 'told', a hearer the lexicon does not list, named in capitals, then 'that':
    the statement is what follows 'that'."""
    assert only(text).statement == statement


def test_two_speakers_in_one_sentence_each_say_their_own() -> None:
    """v9: 'A said X; B said Y': A's claim ends at the semicolon before B, so B's denial
    ('staged') does not make A's claim a denial; 'at least' after 'said' is what was said,
    not an adjunct ('said at a press conference')."""
    doc = analyse("Rescue workers said at least 42 people died in a gas attack on Douma on "
                  "Saturday; the Syrian government and Russia said the attack was staged.")
    assert [(c.claimant, c.stance, c.statement) for c in doc.claims] == [
        ("Rescue workers", "asserts", "at least 42 people died in a gas attack on Douma on "
         "Saturday"),
        ("the Syrian government and Russia", "denies", "the attack was staged")]


def test_a_claim_about_a_claim_keeps_its_words() -> None:
    """v9 guard: a speaker inside what another said, with no semicolon before it, does not
    cut the first claim short."""
    doc = analyse("Officials said the rebels accused the army of shelling the market.")
    assert doc.claims[0].statement == "the rebels accused the army of shelling the market"


def test_an_adverb_after_the_claimant_is_not_part_of_it() -> None:
    """v9: 'The coalition initially denied involvement': 'initially' is no word of the
    claimant."""
    assert only("The coalition initially denied involvement.").claimant == "The coalition"


def test_the_united_states_is_a_claimant_not_a_verb() -> None:
    """v10: 'States' (a form of 'state') in a name is no reporting verb: the claimant was 'The
    United', whose statement was 'blamed Russia'; a title-case headline keeps its verb."""
    doc = analyse("The United States blamed Russia for the strike; Moscow denied involvement.")
    assert [(c.claimant, c.stance) for c in doc.claims] == [
        ("The United States", "accuses"), ("Moscow", "denies")]
    assert only("Russia Denies Role In Aleppo Aid Convoy Attack").stance == "denies"


def test_according_to_one_side_ends_where_the_other_speaks() -> None:
    """v11: 'According to X, A, but Y said B': X's claim is A alone."""
    doc = analyse("According to the opposition, the regime dropped barrel bombs on Kafr Zita, "
                  "but state media said the army targeted terrorist positions.")
    assert [(c.claimant, c.statement) for c in doc.claims] == [
        ("the opposition", "the regime dropped barrel bombs on Kafr Zita"),
        ("state media", "the army targeted terrorist positions")]


@pytest.mark.parametrize(("text", "claimant", "statement"), [
    ("The army was accused by residents of burning houses in the village.", "residents",
     "burning houses in the village"),
    ("Russia has been accused by the United States of bombing hospitals in Idlib.",
     "the United States", "bombing hospitals in Idlib"),
])
def test_an_accusation_told_in_the_passive(text: str, claimant: str, statement: str) -> None:
    """v11: 'X was accused by Y of Z' is Y's accusation of Z (it was no claim)."""
    claim = only(text)
    assert (claim.claimant, claim.stance, claim.statement) == (claimant, "accuses", statement)


def test_a_state_that_dismissed_a_report_is_no_party(pipeline: Pipeline) -> None:
    """v11: 'dismissed' and 'rejected' are a source's verbs (verbs.tsv), as 'denied' is: the
    state that dismissed a report of a chemical attack was its attacker."""
    doc = pipeline.run("t", "Russia dismissed the reports of a chemical attack in Douma as "
                            "fabricated.", date(2018, 4, 9))
    assert doc.events[0].actor1 != "Military Forces of Russia (2000-)"
    assert [(c.claimant, c.stance) for c in doc.claims] == [("Russia", "denies")]


@pytest.mark.parametrize(("text", "first", "second"), [
    ("The opposition accused government forces of using chlorine gas in an attack on Douma, a "
     "charge Damascus rejected as a fabrication.",
     ("The opposition", "accuses", "government forces of using chlorine gas in an attack on "
      "Douma"),
     ("Damascus", "denies", "government forces of using chlorine gas in an attack on Douma")),
    ("Rebels shelled Aleppo on Monday, killing five civilians, a report the rebels denied.",
     None, ("the rebels", "denies", "Rebels shelled Aleppo on Monday, killing five civilians")),
])
def test_a_denial_told_after_a_comma(text: str, first, second) -> None:
    """v12: ', a charge Damascus rejected' is Damascus's denial of what came before the
    comma; the accusation before it ends at the comma."""
    found = [(c.claimant, c.stance, c.statement) for c in analyse(text).claims]
    assert found == [x for x in (first, second) if x]


def test_a_denial_after_a_comma_needs_its_words() -> None:
    found = analyse("Rebels shelled Aleppo on Monday, a report said.").claims
    assert all(c.stance != "denies" for c in found)


@pytest.mark.parametrize("text", [
    "We condemn in the strongest terms the arrest of journalist Mohamed Ali by security forces.",
    "We condemn in the strongest possible terms the arrest of journalist Mohamed Ali by security "
    "forces.",
    "We firmly condemn the arrest of journalist Mohamed Ali by security forces.",
])
def test_the_manner_of_speaking_is_no_part_of_the_claim(text: str) -> None:
    """v14: the statement began with 'the strongest terms'."""
    found = [c.statement for c in analyse(text).claims]
    assert found == ["the arrest of journalist Mohamed Ali by security forces"]


@pytest.mark.parametrize("text", [
    "Three people were injured when a car bomb exploded in Afrin; no group has claimed the attack.",
    "A bomb killed two soldiers in Kidal. No one claimed responsibility.",
])
def test_nobody_who_claimed_is_no_claimant(text: str) -> None:
    """v15: 'no group has claimed the attack' was the group 'no group' alleging the attack."""
    assert analyse(text).claims == []


@pytest.mark.parametrize("text", [
    "The army denied reports that its soldiers had killed civilians in the village.",
    "Police rejected reports that officers had beaten the marchers.",
])
def test_a_denial_of_reports_is_a_denial(text: str) -> None:
    """claims v16: 'reports' after a verb in the past is the verb's object, not a verb that
    makes it a noun ('the claims said'): the denial had been lost."""
    claim = only(text)
    assert claim.stance == "denies"
    assert claim.statement.startswith("reports that")


def test_reports_that_speak_are_still_the_speaker() -> None:
    assert only("Reports said twelve people died in the fire.").claimant == "Reports"


@pytest.mark.parametrize("text", [
    "The group claimed responsibility for the bombing in a statement posted online.",
    "The movement claimed the attack in a video released on Sunday.",
])
def test_a_statement_posted_is_no_claimant(text: str) -> None:
    """claims v17: 'posted' after 'a statement' is a participle: 'the bombing in a statement'
    had been a second claimant, asserting 'online'."""
    claim = only(text)
    assert claim.claimant in ("The group", "The movement")


def test_a_statement_that_speaks_is_still_the_speaker() -> None:
    assert only("The statement said twelve soldiers were killed.").claimant == "The statement"
