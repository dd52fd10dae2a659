"""The ACLED taxonomy as data: types, disorder types, precedence and combinations."""

from __future__ import annotations

import copy
import json

import pytest

from raqib.extract import taxonomy
from raqib.extract.train import examples_dir


@pytest.fixture(scope="module")
def tax() -> taxonomy.Taxonomy:
    return taxonomy.load()


def test_six_event_types_and_twenty_five_sub_event_types(tax: taxonomy.Taxonomy) -> None:
    assert sorted(tax.event_types) == [
        "Battles",
        "Explosions/Remote violence",
        "Protests",
        "Riots",
        "Strategic developments",
        "Violence against civilians",
    ]
    assert len(tax.sub_event_types) == 25
    assert tax.labels[-1] == taxonomy.NO_EVENT and len(tax.labels) == 26
    subs = tax.sub_event_types.values()
    per_type = {e: sum(s.event_type == e for s in subs) for e in tax.event_types}
    assert per_type == {
        "Battles": 3,
        "Explosions/Remote violence": 6,
        "Violence against civilians": 3,
        "Protests": 3,
        "Riots": 2,
        "Strategic developments": 8,
    }


def test_event_and_disorder_types(tax: taxonomy.Taxonomy) -> None:
    assert tax.event_type("Air/drone strike") == "Explosions/Remote violence"
    assert tax.event_type("Abduction/forced disappearance") == "Violence against civilians"
    assert tax.disorder_type("Armed clash") == "Political violence"
    assert tax.disorder_type("Peaceful protest") == "Demonstrations"
    assert tax.disorder_type("Protest with intervention") == "Demonstrations"
    assert tax.disorder_type("Excessive force against protesters") == (
        "Political violence; Demonstrations"
    )
    assert tax.disorder_type("Mob violence") == "Political violence"
    assert tax.disorder_type("Violent demonstration") == "Demonstrations"
    assert tax.disorder_type("Looting/property destruction") == "Strategic developments"
    assert set(tax.disorder_types) == {
        "Political violence",
        "Demonstrations",
        "Political violence; Demonstrations",
        "Strategic developments",
    }


def test_every_type_has_a_definition_and_examples(tax: taxonomy.Taxonomy) -> None:
    files = {p.stem for p in examples_dir().glob("*.txt")}
    for label in tax.labels:
        assert tax.slug(label) in files, label
        assert tax.by_slug(tax.slug(label)) == label
    for sub in tax.sub_event_types.values():
        assert len(sub.definition) > 40, sub.name


def test_unknown_names_are_errors(tax: taxonomy.Taxonomy) -> None:
    with pytest.raises(taxonomy.TaxonomyError):
        tax.event_type("Drive-by shooting")
    with pytest.raises(taxonomy.TaxonomyError):
        tax.by_slug("drive_by")
    assert tax.canonical("  air/DRONE   strike ") == "Air/drone strike"
    assert tax.canonical("Battle-No change of territory") is None


@pytest.mark.parametrize(
    ("candidates", "expected"),
    [
        ({"Air/drone strike": 0.4, "Shelling/artillery/missile attack": 0.6},
         "Air/drone strike"),
        ({"Chemical weapon": 0.3, "Air/drone strike": 0.7}, "Chemical weapon"),
        ({"Chemical weapon": 0.3, "Shelling/artillery/missile attack": 0.5}, "Chemical weapon"),
        ({"Abduction/forced disappearance": 0.8, "Attack": 0.35}, "Attack"),
        ({"Suicide bomb": 0.4, "Remote explosive/landmine/IED": 0.5}, "Suicide bomb"),
        ({"Armed clash": 0.6, "Government regains territory": 0.35},
         "Government regains territory"),
        ({"Peaceful protest": 0.6, "Protest with intervention": 0.3}, "Protest with intervention"),
        ({"Peaceful protest": 0.6, "Arrests": 0.4}, "Protest with intervention"),
        ({"Protest with intervention": 0.5, "Attack": 0.4}, "Excessive force against protesters"),
        ({"Attack": 0.5, "Air/drone strike": 0.4}, "Air/drone strike"),
        ({"Attack": 0.6, "Shelling/artillery/missile attack": 0.3},
         "Shelling/artillery/missile attack"),
        ({"Remote explosive/landmine/IED": 0.5, "Attack": 0.45}, "Remote explosive/landmine/IED"),
    ],
)
def test_precedence_resolves_one_incident(
    tax: taxonomy.Taxonomy, candidates: dict[str, float], expected: str
) -> None:
    resolved = tax.apply_precedence(candidates)
    assert list(resolved) == [expected]
    assert resolved[expected] == max(candidates.values())


def test_precedence_keeps_unrelated_types(tax: taxonomy.Taxonomy) -> None:
    resolved = tax.apply_precedence({"Armed clash": 0.5, "Peaceful protest": 0.4})
    assert resolved == {"Armed clash": 0.5, "Peaceful protest": 0.4}
    assert tax.apply_precedence({}) == {}


def _default_data() -> dict:
    return json.loads(taxonomy.default_path().read_text(encoding="utf-8"))


def _add_rule(data: dict) -> None:
    data["precedence"].append({"id": "x", "prefer": "Bombing", "over": ["Attack"]})


def _add_weapon(data: dict) -> None:
    data["evidence"]["weapons"]["rifle"] = {"Shooting": 1.0}


def _bad_disorder(data: dict) -> None:
    data["event_types"][0]["sub_event_types"][0]["disorder_type"] = "Crime"


def _bad_phrase(data: dict) -> None:
    data["evidence"]["phrases"].append({"id": "bad", "markers": ["(unclosed"], "weights": {}})


def _empty_phrase(data: dict) -> None:
    data["evidence"]["phrases"].append({"id": "empty", "weights": {}})


def _bad_scope(data: dict) -> None:
    data["evidence"]["phrases"].append({"id": "far", "scope": "corpus", "markers": ["x"]})


def _unknown_condition(data: dict) -> None:
    data["combinations"].append({"id": "c", "all": ["Grenade", "Armed clash"],
                                 "becomes": "Armed clash", "when": "no-such-phrase"})


def _unknown_alternative(data: dict) -> None:
    data["alternatives"].append({"id": "a", "types": ["Attack", "Shooting"]})


def _unknown_unless(data: dict) -> None:
    data["evidence"]["phrases"].append({"id": "u", "markers": ["fled"], "weights": {},
                                        "unless": ["no-such-phrase"]})


def _add_victims(data: dict) -> None:
    data["evidence"]["victims"]["soldiers"] = {"Skirmish": 1.0}


@pytest.mark.parametrize(("change", "message"), [
    (_add_rule, "Bombing"), (_add_weapon, "Shooting"), (_bad_disorder, "Crime"),
    (_bad_phrase, r"evidence\.phrases 'bad'"), (_empty_phrase, "no markers"),
    (_add_victims, "Skirmish"), (_bad_scope, "scope must be 'sentence' or 'document'"),
    (_unknown_condition, "no evidence phrase 'no-such-phrase'"),
    (_unknown_unless, "unless names no evidence phrase 'no-such-phrase'"),
    (_unknown_alternative, "rule a: unknown sub-event type 'Shooting'"),
])
def test_parse_rejects_what_it_cannot_use(change, message: str) -> None:
    broken = copy.deepcopy(_default_data())
    change(broken)
    with pytest.raises(taxonomy.TaxonomyError, match=message):
        taxonomy.parse(broken)


def test_load_rejects_other_formats(tmp_path) -> None:
    path = tmp_path / "tax.json"
    path.write_text(json.dumps({"format": "something/2"}), encoding="utf-8")
    with pytest.raises(taxonomy.TaxonomyError, match="format"):
        taxonomy.load(path)
    path.write_text("{not json", encoding="utf-8")
    with pytest.raises(taxonomy.TaxonomyError, match="cannot read"):
        taxonomy.load(path)
    with pytest.raises(taxonomy.TaxonomyError, match="cannot read"):
        taxonomy.load(tmp_path / "missing.json")


def test_phrase_and_victim_evidence_is_read(tax: taxonomy.Taxonomy) -> None:
    words, weights = tax.evidence.phrases[0]
    assert words.search("the two sides exchanged heavy artillery fire")
    assert words.search("the two sides exchanged heavy\nartillery  fire")  # a PDF's lines
    assert not words.search("the two sides exchangedheavy artillery fire")
    assert weights == {"Armed clash": 2.0}
    assert not words.search("two mobs clashed over a land dispute")
    assert tax.evidence.victims["police"]["Attack"] < 0


def test_document_scope_phrases_are_kept_apart(tax: taxonomy.Taxonomy) -> None:
    crowd = {"Peaceful protest", "Protest with intervention",
             "Excessive force against protesters", "Violent demonstration", "Mob violence"}
    tag = [(w, weights) for w, weights in tax.evidence.document_phrases
           if w.search("... were injured. [size=no report]")]
    assert len(tag) == 1
    words, weights = tag[0]
    assert set(weights) == crowd | {"none"} and weights["none"] < 0  # a tagged note: an event
    assert len({weights[label] for label in crowd}) == 1  # leans, never chooses among them
    assert all(w is not words for w, _ in tax.evidence.phrases)


@pytest.mark.parametrize("remote", ["Shelling/artillery/missile attack", "Grenade",
                                    "Remote explosive/landmine/IED"])
def test_remote_fire_answered_is_one_clash_only_when_the_words_say_so(
        tax: taxonomy.Taxonomy, remote: str) -> None:
    both = {remote: 0.7, "Armed clash": 0.6}
    answered = "Militants fired at the base. The soldiers returned fire."
    assert tax.apply_precedence(both, answered) == {"Armed clash": 0.7}
    two_sided = "Militants fired mortars at the base. The OSCE saw fire in both directions."
    assert tax.apply_precedence(both, two_sided) == {"Armed clash": 0.7}
    unanswered = "Militants fired at the base. Two soldiers were wounded."
    assert tax.apply_precedence(both, unanswered) == both
    assert tax.apply_precedence(both) == both


def test_a_space_in_a_marker_is_any_white_space(
        tax: taxonomy.Taxonomy) -> None:
    direct = [w for w, weights in tax.evidence.phrases if weights == {"Armed clash": 3.0}]
    assert len(direct) == 1  # "small[- ]arms ... at the ... positions"
    assert direct[0].search("fired small-arms at the\npositions of the militia")
    assert direct[0].search("fired small arms at the positions of the militia")
    assert direct[0].search("fired small\narms at the positions")  # "[- ]": one character
    assert not direct[0].search("fired small\n\narms at the positions")


def test_an_optional_space_in_a_marker_may_be_left_out() -> None:
    """' ?' in a marker is a space or none ('tear ?gas' finds 'teargas'), not one space or more
    (until extract.events.v131 it read as one or more, and 'teargas' was never found)."""
    words = taxonomy._markers(["fired tear ?gas", "heat ?waves?"], "test")
    assert words is not None
    for text in ("police fired teargas", "police fired tear gas", "police fired tear\ngas",
                 "a heatwave", "two heat waves"):
        assert words.search(text), text


def test_one_sentence_is_read_one_way_of_its_alternatives(tax: taxonomy.Taxonomy) -> None:
    """'Gunmen shot dead a police officer': an Attack or an Armed clash, never both."""
    assert tax.one_reading({"Attack": 0.69, "Armed clash": 0.31}) == {"Attack": 0.69}
    assert tax.one_reading({"Attack": 0.3, "Armed clash": 0.6, "Looting/property destruction":
                            0.35}) == {"Armed clash": 0.6, "Looting/property destruction": 0.35}
    assert tax.one_reading({"Attack": 0.5, "Armed clash": 0.5}) == {"Attack": 0.5}  # tie: first
    # across sentences (an attack, then a clash with the forces that came) both may stand
    both = {"Attack": 0.7, "Armed clash": 0.6}
    assert tax.apply_precedence(both) == both


def test_a_phrase_counts_only_where_its_unless_phrases_do_not() -> None:
    """A phrase with ``unless`` (accident words, unless a crowd protested) holds only in a
    text that has none of the other phrases' markers, before or after its own."""
    data = copy.deepcopy(_default_data())
    data["evidence"]["phrases"] += [
        {"id": "test-crowd", "markers": ["protested"], "weights": {}},
        {"id": "test-accident", "markers": ["road accidents?"], "weights": {"none": 3.0},
         "unless": "test-crowd"},
    ]
    words = taxonomy.parse(data).evidence.phrases[-1][0]
    assert words.search("Two people died in a road accident near Kano.")
    assert not words.search("Residents protested after a road accident near Kano.")
    assert not words.search("After a road accident near Kano, residents protested.")


@pytest.mark.parametrize(("both", "untold", "told"), [
    # events v127: an intervention needs forces told stopping, detaining or removing people
    ({"Peaceful protest": 0.45, "Protest with intervention": 0.38},
     "Protesters gathered in front of the parliament.",
     ["Protesters gathered in front of the parliament. Police dispersed them.",
      "Teachers rallied in Lusaka; police detained 12 of them.",
      "Merchants demonstrated at the toll booth and were removed by the police."]),
    # v128: excessive force needs people told killed, wounded or fired on
    ({"Peaceful protest": 0.5, "Excessive force against protesters": 0.35},
     "Opposition supporters marched in Kampala.",
     ["Supporters marched in Kampala. Soldiers opened fire, killing two.",
      "Police fired live rounds at the marchers.", "Three marchers were wounded."]),
    # v129: an abduction is an attack only with words of harm, a clash a place taken only
    # with words of taking it
    ({"Abduction/forced disappearance": 0.5, "Attack": 0.35},
     "Gunmen abducted 30 students from a school.",
     ["Gunmen abducted two traders and killed them."]),
    ({"Armed clash": 0.5, "Government regains territory": 0.35},
     "Troops fought rebels near the town.", ["Troops recaptured the town from rebels."]),
])
def test_a_rule_with_words_overrules_only_when_the_words_tell_it(
        tax: taxonomy.Taxonomy, both: dict[str, float], untold: str, told: list[str]) -> None:
    """A precedence rule with ``when`` needs its phrases in the incident's words; with no
    words (an incident's reports reconciled) every rule applies, as before."""
    winner = list(both)[1]  # the rule's preferred type, listed second
    assert tax.apply_precedence(both, untold) == both
    for text in told:
        assert tax.apply_precedence(both, text) == {winner: max(both.values())}
    assert tax.apply_precedence(both) == {winner: max(both.values())}


def test_arrests_at_a_protest_are_an_intervention_without_words(
        tax: taxonomy.Taxonomy) -> None:
    arrests = {"Protest with intervention": 0.5, "Arrests": 0.6}
    assert tax.apply_precedence(arrests, "Police took part.") == {
        "Protest with intervention": 0.6}


def test_a_rule_that_names_an_unknown_phrase_is_refused() -> None:
    data = json.loads(taxonomy.default_path().read_text(encoding="utf-8"))
    data["precedence"][0]["when"] = ["no-such-phrase"]
    with pytest.raises(taxonomy.TaxonomyError, match=r"precedence rule .*'no-such-phrase'"):
        taxonomy.parse(data)
