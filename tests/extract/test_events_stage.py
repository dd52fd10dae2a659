"""extract.events.v40: sentence cues from the default model, evidence, precedence, incidents."""

from __future__ import annotations

from dataclasses import replace
from datetime import date
from pathlib import Path

import numpy as np
import pytest

from raqib.extract import event_incidents, events, sentences, taxonomy
from raqib.extract.model import (
    ActorMention,
    Analysis,
    CountMention,
    DateMention,
    EventCue,
    Options,
    PlaceMention,
    Sentence,
    Stage,
    WeaponMention,
)
from raqib.extract.sentences import split

SHARED = Path(__file__).resolve().parents[2].parent / "shared" / "data"


@pytest.fixture(scope="module")
def stage() -> events.EventsStage:
    return events.create(Options())


def analyse(stage: events.EventsStage, text: str, **found) -> Analysis:
    doc = Analysis(id="t", text=text)
    doc.sentences = [Sentence(doc.span(a, b)) for a, b in split(text)]
    for key, value in found.items():
        setattr(doc, key, value)
    stage(doc)
    for cue in doc.cues:
        assert doc.text[cue.span.start : cue.span.end] == cue.span.text
    return doc


def mention(doc_text: str, words: str) -> tuple[int, int]:
    start = doc_text.index(words)
    return start, start + len(words)


def test_stage_protocol(stage: events.EventsStage) -> None:
    assert isinstance(stage, Stage)
    assert stage.name == "extract.events.v159"


@pytest.mark.parametrize(
    ("text", "sub_event_type"),
    [
        (
            "Syrian government warplanes bombed a bakery in the town of Halfaya on Thursday, "
            "killing at least 20 people queuing for bread.",
            "Air/drone strike",
        ),
        (
            "Hundreds of nurses marched peacefully to the health ministry in Nairobi on Monday "
            "to demand the payment of their salary arrears.",
            "Peaceful protest",
        ),
        (
            "Unknown gunmen kidnapped a Catholic priest and his driver on the road between "
            "Kaduna and Zaria late on Saturday.",
            "Abduction/forced disappearance",
        ),
        (
            "Fighting broke out between army troops and rebels of the armed group near the "
            "border town, and both sides used machine guns for hours.",
            "Armed clash",
        ),
        (
            "Separatist forces pounded the frontline village with mortar shells and artillery "
            "overnight, damaging a school.",
            "Shelling/artillery/missile attack",
        ),
        (
            "Police fired tear gas and arrested twenty students who had gathered on campus to "
            "protest against the fee increase.",
            "Protest with intervention",
        ),
    ],
)
def test_clear_sentences(stage: events.EventsStage, text: str, sub_event_type: str) -> None:
    doc = analyse(stage, text)
    assert doc.cues, text
    best = doc.cues[0]
    assert best.sub_event_type == sub_event_type
    tax = taxonomy.load()
    assert best.event_type == tax.event_type(sub_event_type)
    assert best.disorder_type == tax.disorder_type(sub_event_type)
    assert 0 < best.score <= 1
    assert (best.span.start, best.span.end) == (0, len(text))


@pytest.mark.parametrize(
    "text",
    [
        "The foreign ministry summoned the ambassador and said the remarks were unacceptable.",
        "The court adjourned the trial of the former minister until next month.",
        "Heavy rains flooded the capital's main market, and traders counted their losses.",
        "The central bank kept its interest rate unchanged for the third month in a row.",
    ],
)
def test_statements_and_other_news_give_no_cue(stage: events.EventsStage, text: str) -> None:
    assert analyse(stage, text).cues == []


def test_one_cue_list_per_event_sentence_only(stage: events.EventsStage) -> None:
    text = (
        "The governor held a press conference on Tuesday. "
        "Gunmen on motorbikes shot dead three farmers in their fields near the village. "
        "The governor promised a full investigation."
    )
    doc = analyse(stage, text)
    assert {c.span.text for c in doc.cues} == {
        "Gunmen on motorbikes shot dead three farmers in their fields near the village."
    }
    assert doc.cues[0].sub_event_type == "Attack"


def test_without_sentences_the_stage_splits_itself(stage: events.EventsStage) -> None:
    doc = Analysis(id="t", text="Rebels shelled the airport with rockets. Nobody was hurt.")
    stage(doc)
    assert doc.cues and doc.cues[0].span.text == "Rebels shelled the airport with rockets."


def test_weapon_evidence_decides_between_remote_types(stage: events.EventsStage) -> None:
    text = "The town was hit on Sunday and dozens of residents suffocated, local doctors said."
    start, end = mention(text, "hit")
    plain = analyse(stage, text)
    doc = Analysis(id="t", text=text)
    weapons = [WeaponMention(doc.span(start, end), "chemical")]
    with_weapon = analyse(stage, text, weapons=weapons)
    assert with_weapon.cues[0].sub_event_type == "Chemical weapon"
    assert not plain.cues or plain.cues[0].sub_event_type != "Chemical weapon" or (
        with_weapon.cues[0].score > plain.cues[0].score
    )


def test_weapon_evidence_does_not_make_a_statement_an_event(stage: events.EventsStage) -> None:
    text = "The ministry said it would ask the Security Council to discuss air strikes."
    doc = Analysis(id="t", text=text)
    a, b = mention(text, "air strikes")
    assert analyse(stage, text, weapons=[WeaponMention(doc.span(a, b), "air strike")]).cues == []


def test_evidence_outside_the_sentence_is_ignored(stage: events.EventsStage) -> None:
    text = "Rockets hit the market on Friday, wounding five. Chemical weapons were discussed."
    doc = Analysis(id="t", text=text)
    a, b = mention(text, "Chemical")
    found = analyse(stage, text, weapons=[WeaponMention(doc.span(a, b), "chemical")])
    first = found.sentences[0].span
    assert stage.probabilities(found, first) == stage.probabilities(analyse(stage, text), first)


def test_protester_actors_lean_to_protests(stage: events.EventsStage) -> None:
    text = "Residents gathered outside the town hall on Friday over the water cuts."
    doc = Analysis(id="t", text=text)
    a, b = mention(text, "Residents")
    actors = [ActorMention(doc.span(a, b), "Protesters (Kenya)", 6)]
    found = analyse(stage, text, actors=actors)
    assert found.cues and found.cues[0].event_type == "Protests"
    probs = stage.probabilities(found, found.sentences[0].span)
    bare = stage.probabilities(analyse(stage, text), found.sentences[0].span)
    assert probs["Peaceful protest"] > bare["Peaceful protest"]


def test_killed_counts_make_an_event_more_likely(stage: events.EventsStage) -> None:
    text = "Two men died in the village of Kafr Awid on Tuesday."
    doc = Analysis(id="t", text=text)
    a, b = mention(text, "Two men died")
    counts = [CountMention(doc.span(a, b), "killed", 2)]
    with_count = stage.probabilities(analyse(stage, text, counts=counts), doc.span(0, len(text)))
    bare = stage.probabilities(analyse(stage, text), doc.span(0, len(text)))
    assert with_count[taxonomy.NO_EVENT] < bare[taxonomy.NO_EVENT]


def test_air_strike_and_shelling_in_one_sentence_is_an_air_strike(
    stage: events.EventsStage,
) -> None:
    text = (
        "Russian warplanes and regime artillery pounded the town of Kafr Nabl, killing "
        "four civilians."
    )
    doc = analyse(stage, text)
    types = [c.sub_event_type for c in doc.cues]
    assert types[0] == "Air/drone strike"
    assert "Shelling/artillery/missile attack" not in types


def test_best_cues_merges_a_protest_and_its_dispersal(stage: events.EventsStage) -> None:
    text = (
        "On 3 May 2021, hundreds of teachers demonstrated in front of the parliament in "
        "Tegucigalpa to demand unpaid wages. Police fired tear gas and water cannon to "
        "disperse them and detained several teachers."
    )
    doc = analyse(stage, text)
    best = event_incidents.best_cues(doc)
    assert best[0].sub_event_type == "Protest with intervention"
    assert best[0].span.start == 0 and best[0].span.end == len(text)
    assert len(best) == 1


def test_best_cues_abduction_then_killing_is_an_attack() -> None:
    text = "Gunmen abducted a farmer on Monday. They shot him dead the next morning."
    doc = Analysis(id="t", text=text)
    first, second = split(text)
    doc.cues = [
        EventCue(doc.span(*first), "Abduction/forced disappearance", "Violence against civilians",
                 "Political violence", 0.8),
        EventCue(doc.span(*second), "Attack", "Violence against civilians",
                 "Political violence", 0.6),
    ]
    best = event_incidents.best_cues(doc)
    assert [c.sub_event_type for c in best] == ["Attack"]
    assert best[0].score == 0.8 and best[0].span.text == text


def test_best_cues_keeps_separate_incidents_apart() -> None:
    text = ("Rebels shelled the airport on 3 May. Students marched in the capital on 4 May. "
            "Rebels shelled a base on 5 May.")
    doc = Analysis(id="t", text=text)
    a, b, c = split(text)
    doc.dates = [DateMention(doc.span(at, at + 5), date(2021, 5, day), 1)  # each its own day
                 for day in (3, 4, 5) for at in [text.index(f"{day} May")]]
    shelling = ("Shelling/artillery/missile attack", "Explosions/Remote violence")
    doc.cues = [
        EventCue(doc.span(*a), *shelling, "Political violence", 0.4),
        EventCue(doc.span(*b), "Peaceful protest", "Protests", "Demonstrations", 0.9),
        EventCue(doc.span(*c), *shelling, "Political violence", 0.7),
    ]
    best = event_incidents.best_cues(doc)
    assert [(x.sub_event_type, x.score) for x in best] == [
        ("Peaceful protest", 0.9),
        ("Shelling/artillery/missile attack", 0.7),
        ("Shelling/artillery/missile attack", 0.4),
    ]
    assert event_incidents.best_cues(Analysis(id="e", text="")) == []


def test_the_lead_event_goes_first_even_when_background_scores_higher() -> None:
    text = ("Air strikes hit a market in Ariha on Monday. The town has been hit before. "
            "In 2016 a massacre in the same town killed forty people.")
    doc = Analysis(id="t", text=text)
    a, _, b = split(text)  # not adjacent: an air strike and an attack next to each other merge
    doc.cues = [
        EventCue(doc.span(*a), "Air/drone strike", "Explosions/Remote violence",
                 "Political violence", 0.6),
        EventCue(doc.span(*b), "Attack", "Violence against civilians", "Political violence",
                 0.9),
    ]
    best = event_incidents.best_cues(doc)
    assert [x.sub_event_type for x in best] == ["Air/drone strike", "Attack"]


def test_weak_neighbour_of_another_type_does_not_merge() -> None:
    text = "Journalists protested against the arrest of their editor. He was arrested in May."
    doc = Analysis(id="t", text=text)
    a, b = split(text)
    month = text.index("May")
    doc.dates = [DateMention(doc.span(month, month + 3), date(2021, 5, 15), 3)]
    doc.cues = [
        EventCue(doc.span(*a), "Peaceful protest", "Protests", "Demonstrations", 0.6),
        EventCue(doc.span(*b), "Arrests", "Strategic developments", "Strategic developments", 0.2),
    ]
    best = event_incidents.best_cues(doc)
    assert [c.sub_event_type for c in best] == ["Peaceful protest", "Arrests"]


def test_create_uses_options_model(tmp_path: Path) -> None:
    stage = events.create(Options())
    assert stage.model.meta["trained_on"].startswith("raqib examples")
    with pytest.raises(Exception, match="no event model"):
        events.create(Options(model=str(tmp_path / "missing.npz")))


def test_acled_notes_first_sentence_event_type() -> None:
    """Measured on ACLED notes when the shared data is there (a smoke bound, not the target)."""
    path = SHARED / "acled_global_2020may" / "acled_2020-04-27_2020-05-09_excluding_syria.csv"
    if not path.exists():
        pytest.skip("shared ACLED data not available")
    from raqib.extract.acled_export import read_acled

    rows = read_acled(path)[::10]
    stage = events.create(Options())
    hits = 0
    for row in rows:
        best = event_incidents.best_cues(analyse(stage, row.notes))
        hits += bool(best) and best[0].event_type == row.event_type
    assert hits / len(rows) > 0.75


def test_a_weak_incident_that_names_no_day_is_left_out_unless_it_leads() -> None:
    text = "Rebels shelled the airport on 3 May. Officials blamed the Syrian army."
    doc = Analysis(id="t", text=text)
    a, b = split(text)
    day, army = text.index("3 May"), text.index("Syrian army")
    doc.dates = [DateMention(doc.span(day, day + 5), date(2021, 5, 3), 1)]
    doc.actors = [ActorMention(doc.span(army, army + 11), "Military Forces of Syria (2000-)",
                               1)]  # it names an actor: not only more of the shelling
    shelling = ("Shelling/artillery/missile attack", "Explosions/Remote violence")
    change = ("Change to group/activity", "Strategic developments", "Strategic developments")
    doc.cues = [EventCue(doc.span(*a), *shelling, "Political violence", 0.9),
                EventCue(doc.span(*b), *change, 0.45)]
    assert [c.sub_event_type for c in event_incidents.best_cues(doc)] == [shelling[0]]
    doc.cues = [EventCue(doc.span(*b), *change, 0.45)]  # alone, it is the lead: kept
    assert [c.sub_event_type for c in event_incidents.best_cues(doc)] == [change[0]]


def test_a_crowd_size_tag_leans_the_whole_note_to_the_crowd_types(
        stage: events.EventsStage) -> None:
    crowd = {"Peaceful protest", "Protest with intervention",
             "Excessive force against protesters", "Violent demonstration", "Mob violence"}
    lean = stage.evidence.document_evidence(
        "Two groups of men fought near the market. [size=dozens]")
    for label, value in zip(stage.model.classes, lean, strict=True):
        assert value == (1.5 if label in crowd else -1.5 if label == "none" else 0.0), label
    assert not stage.evidence.document_evidence("Two groups of men fought near the market.").any()
    text = "Two groups of men fought near the market. Several were hurt. [size=no report]"
    assert stage.context(text) == pytest.approx(
        stage.taxonomy.evidence.document_context * stage.model.logits(text)
        + stage.evidence.document_evidence(text))


def test_a_sentence_passage_adds_its_phrases_to_the_context(
        stage: events.EventsStage) -> None:
    text = ("Gunmen shot a man in the market. The victim was off duty. He died in hospital. "
            "Police closed the road. Traders went home.")
    doc = Analysis(id="t", text=text)
    spans = [doc.span(a, b) for a, b in split(text)]
    base = np.arange(len(stage.model.classes), dtype=np.float64)
    contexts = stage._passages(spans, base)
    off_duty = next(w for words, w in stage.taxonomy.evidence.phrases
                    if words.search("off duty"))
    lean = stage.evidence.boost([off_duty])
    # the phrase of sentence 2 leans sentences 1-3 (PASSAGE = 1 either side), once each
    for i in (0, 1, 2):
        assert contexts[i] == pytest.approx(base + lean)
    assert contexts[3] is base and contexts[4] is base  # no phrase near: the context as is
    assert stage._passages(spans[3:], None) == [None, None]
    assert stage._passages(spans[1:2], None)[0] == pytest.approx(lean)


def test_a_phrase_weight_for_no_event_counts_in_whether_a_sentence_is_an_event(
        stage: events.EventsStage) -> None:
    text = "Bus drivers protested in the city centre."
    doc = Analysis(id="t", text=text)
    span = doc.span(0, len(text))
    none = stage.model.classes.index(taxonomy.NO_EVENT)
    adjustment = stage.evidence.event_adjustment(doc, span)
    assert adjustment[none] == -1.5 and not np.delete(adjustment, none).any()
    # ... and leans among the types, in its passage, only against a change to a group's
    # activity (events v108: 'young unemployed staged a sit-in'), never for one crowd type
    (lean,) = stage._passages([span], None)
    change = stage.model.classes.index("Change to group/activity")
    assert lean is not None and lean[change] < 0 and not np.delete(lean, change).any()


def test_a_tagged_note_that_reads_as_no_event_is_read_again_against_no_event(
        stage: events.EventsStage) -> None:
    note = ("On 4 May 2021, more than 100 members of environmental groups gathered in the "
            "city centre over the environmental bill being voted in parliament.")
    assert analyse(stage, note).cues == []  # a political statement, read alone
    tagged = analyse(stage, note + " [size=more than 100]")
    assert tagged.cues and tagged.cues[0].sub_event_type == "Peaceful protest"
    reported = "On 4 May 2021, the army shelled the village. [size=no report]"
    assert len(analyse(stage, reported).cues) == len(analyse(stage, reported[:-17]).cues)


def test_a_line_of_a_place_and_a_day_reports_nothing(stage: events.EventsStage) -> None:
    """A video caption's 'Zamalka, 21 August 2013.' says where and when, not what: before
    extract.events.v9 the model read it as shelling once the place was found."""
    text = "Victims of a chemical attack.\n\nZamalka, 21 August 2013."
    town, day = text.index("Zamalka"), text.index("21 August 2013")
    found = {
        "places": [PlaceMention(Analysis("t", text).span(town, town + 7), "Zamalka", "Syria")],
        "dates": [DateMention(Analysis("t", text).span(day, day + 14), date(2013, 8, 21), 1)],
    }
    means = text.index("chemical attack")  # as the weapons stage finds it (events v64)
    weapons = [WeaponMention(Analysis("t", text).span(means, means + 15), "chemical")]
    doc = analyse(stage, text, **found, weapons=weapons)
    assert [c.sub_event_type for c in doc.cues] == ["Chemical weapon"]
    assert doc.cues[0].span.text == "Victims of a chemical attack."
    line = analyse(stage, text[town:], places=[], dates=[])  # nothing found: words remain
    assert sentences.names_only(line, line.span(0, len(line.text))) is False
    shifted = {key: [replace(m, span=line.span(m.span.start - town, m.span.end - town))
                     for m in value] for key, value in found.items()}
    assert analyse(stage, text[town:], **shifted).cues == []


def test_a_war_toll_is_background_not_an_event(stage: events.EventsStage) -> None:
    """The seed press release's summary of the war ('killed and detained hundreds of
    thousands ... from barrel bombs to chemical weapons') was read as a chemical attack with
    100,000 dead before extract.events.v9."""
    text = ("The regime killed and detained hundreds of thousands and displaced millions more "
            "with every means at its disposal, from barrel bombs to chemical weapons.")
    toll = text.index("hundreds of thousands")
    count = CountMention(Analysis("t", text).span(toll, toll + 21), "killed", 100_000)
    assert analyse(stage, text, counts=[count]).cues == []
    one = replace(count, low=100)  # 'hundreds': an event's toll makes an event of it
    assert analyse(stage, text, counts=[one]).cues
