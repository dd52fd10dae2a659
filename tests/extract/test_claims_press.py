"""Claims stage on press releases: the publisher's own voice, header and signature lines."""

from __future__ import annotations

from pathlib import Path

import pytest

from raqib.extract import claims
from raqib.extract.model import ActorMention, Analysis, Claim, Options, Sentence
from raqib.extract.sentences import split

SEED = Path(__file__).resolve().parents[2].parent / "shared" / "examples" / (
    "press-release-2018-11-26.txt")

OWN_RELEASE = """Statement
Free Doctors Union
3 March 2019

The Free Doctors Union condemns the bombing of the surgical hospital in Kafr Nabl on Saturday. \
Regime and Russian aircraft struck the hospital twice, killing four medical staff. The regime's \
claims that the hospital was a militant base are baseless. We call on the UN Security Council \
to open an investigation; and to protect medical facilities in Idlib.
"""


def analyse(text: str) -> Analysis:
    doc = Analysis(id="t", text=text)
    doc.sentences = [Sentence(doc.span(a, b)) for a, b in split(text)]
    claims.create(Options())(doc)
    for claim in doc.claims:
        if " … " not in claim.statement:
            assert doc.text[claim.start : claim.end] == claim.statement
        assert claim.start < claim.end
    return doc


def find(doc: Analysis, stance: str, *words: str) -> Claim:
    hits = [c for c in doc.claims if c.stance == stance
            and all(w.lower() in c.statement.lower() for w in words)]
    assert hits, f"no {stance} claim with {words}: {doc.claims}"
    return hits[0]


def seed_text() -> str:
    if not SEED.is_file():
        pytest.skip("../shared/examples is absent")
    return SEED.read_text(encoding="utf-8")


def check_seed(doc: Analysis, claimants: set[str], actor: str) -> None:
    wanted = [
        find(doc, "asserts", "Assad regime", "chemical weapons more than 140 times"),
        find(doc, "denies", "lies", "allegations about a chemical attack"),
        find(doc, "accuses", "buildup of Iranian militias", "Aleppo and Idlib",
             "violations of the Idlib agreement"),
        find(doc, "calls_for", "reactivate the Joint Investigative Mechanism"),
        find(doc, "calls_for", "refer all the crimes", "International Criminal Court"),
    ]
    for claim in wanted:
        assert claim.claimant in claimants and claim.claimant_actor == actor
    denial = wanted[1]  # the chemical-attack sentence, labelled with the earlier "lies"
    assert "chemical attack" in doc.text[denial.start : denial.end]


def test_seed_press_release_with_its_header() -> None:
    doc = analyse(seed_text())
    check_seed(doc, {"Syrian Coalition"}, "Syrian Coalition")
    assert all(c.claimant == "Syrian Coalition" for c in doc.claims)
    assert not any("Home press releases" in c.statement for c in doc.claims)  # page footer
    assert not any(c.statement.startswith("Monday, 26 November") for c in doc.claims)


def test_seed_body_with_headers_stripped_and_a_publisher_line_appended() -> None:
    text = seed_text()
    body = text[text.index("Russia continues") : text.index("Home press releases")].strip()
    doc = analyse(body)  # first person, no name: the unknown publisher ("We" as written)
    check_seed(doc, {claims.PUBLISHER, "We"}, claims.PUBLISHER)
    plain = [(c.stance, c.start, c.end) for c in doc.claims]
    doc = analyse(body + "\n\nPublisher: Syrian Coalition\n")
    check_seed(doc, {"Syrian Coalition"}, "Syrian Coalition")
    assert [(c.stance, c.start, c.end) for c in doc.claims] == plain  # offsets unchanged


def test_publisher_actor_from_the_header_mention() -> None:
    text = seed_text()
    doc = Analysis(id="t", text=text)
    doc.sentences = [Sentence(doc.span(a, b)) for a, b in split(text)]
    start = text.index("Syrian Coalition")
    doc.actors.append(ActorMention(doc.span(start, start + 16), "Syrian National Coalition", 3))
    claims.create(Options())(doc)
    assert {c.claimant_actor for c in doc.claims} == {"Syrian National Coalition"}


def test_own_release_with_a_statement_header() -> None:
    doc = analyse(OWN_RELEASE)
    assert {c.claimant_actor for c in doc.claims} == {"Free Doctors Union"}
    assert doc.claims[0].claimant == "The Free Doctors Union"  # as written
    find(doc, "accuses", "bombing of the surgical hospital")
    find(doc, "accuses", "killing four medical staff")
    denial = find(doc, "denies", "claims that the hospital was a militant base")
    assert denial.statement.endswith("are baseless")
    calls = [c.statement for c in doc.claims if c.stance == "calls_for"]
    assert calls == ["the UN Security Council to open an investigation",
                     "to protect medical facilities in Idlib"]


def test_publisher_from_an_opening_performative_sentence() -> None:
    doc = analyse("The Syrian Coalition condemns the shelling of Ariha by regime forces. It calls "
                  "on the international community to protect civilians. Eight people were "
                  "killed in the shelling.")
    assert [(c.claimant_actor, c.stance) for c in doc.claims] == [
        ("Syrian Coalition", "accuses"), ("Syrian Coalition", "calls_for"),
        ("Syrian Coalition", "accuses")]


def test_first_person_text_without_a_name() -> None:
    doc = analyse("We condemn the siege of the town. Civilians have been without bread for weeks.")
    assert [(c.claimant, c.claimant_actor, c.stance) for c in doc.claims] == [
        ("We", claims.PUBLISHER, "accuses"), (claims.PUBLISHER, claims.PUBLISHER, "asserts")]


def test_source_note_at_the_end_names_the_publisher() -> None:
    doc = analyse("Regime helicopters dropped barrel bombs on Daraya, killing six civilians. "
                  "(Source: Syrian Coalition)")
    assert [(c.claimant, c.stance) for c in doc.claims] == [("Syrian Coalition", "accuses")]


def test_news_report_is_not_a_press_release() -> None:
    doc = analyse("Saudi Arabia calls for an emergency meeting on Syria. Riyadh called on "
                  "Wednesday for a meeting of the Security Council, officials said. Rebels "
                  "shelled a school in Aleppo, state media said. Eight people died in the town.")
    assert [(c.claimant, c.statement) for c in doc.claims] == [
        ("Saudi Arabia", "an emergency meeting on Syria"),
        ("officials", "Riyadh called on Wednesday for a meeting of the Security Council"),
        ("Riyadh", "a meeting of the Security Council"),
        ("state media", "Rebels shelled a school in Aleppo")]
    assert all(c.claimant_actor != claims.PUBLISHER for c in doc.claims)


@pytest.mark.parametrize(
    "header",
    ["Press release / Syrian Coalition\n\n", "Syrian Coalition press release\n\n",
     "Issued by: Syrian Coalition\n"],
)
def test_header_forms_name_the_publisher(header: str) -> None:
    doc = analyse(header + "Regime forces shelled Ariha on Monday. We call for a ceasefire.")
    assert [(c.claimant, c.stance) for c in doc.claims] == [
        ("Syrian Coalition", "accuses"), ("Syrian Coalition", "calls_for")]
    assert doc.claims[1].statement == "a ceasefire"
