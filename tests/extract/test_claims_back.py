"""claims v6: a denial that points back at claims ('rejected the claims as fake news') or names
only the earlier event's kind ('denied using chemical weapons') is about that event."""

from __future__ import annotations

from datetime import date

from raqib.extract.pipeline import Pipeline
from stage_versions import stage_version


def _claims(pipeline: Pipeline, text: str) -> list[tuple[str, int | None]]:
    doc = pipeline.run("t", text, date(2019, 5, 10))
    assert doc.events
    return [(c.stance, c.about) for c in doc.claims]


def test_stage_version(pipeline: Pipeline) -> None:
    assert stage_version(pipeline, "claims") >= 6


def test_a_denial_of_the_claims_is_about_the_event_they_told(pipeline: Pipeline) -> None:
    assert _claims(pipeline, "The White Helmets reported that Russian warplanes targeted a "
                             "hospital in Kafr Nabl, putting it out of service. The Russian "
                             "Defence Ministry rejected the claims as fake news.") == [
        ("asserts", 0), ("denies", 0)]


def test_a_denial_naming_the_events_kind_is_about_it(pipeline: Pipeline) -> None:
    """The issue's own case: the governments accused armed groups of a chlorine attack on
    Aleppo; the opposition denied using chemical weapons."""
    assert _claims(pipeline, "The Syrian government and Russia accused armed groups of firing "
                             "shells containing chlorine on Aleppo on Saturday, injuring 107 "
                             "people. The opposition denied using chemical weapons and called "
                             "the accusation a fabrication.") == [("accuses", 0), ("denies", 0)]


def test_a_denial_of_another_kind_stays_unattached(pipeline: Pipeline) -> None:
    """A denial that names neither the event's place, day nor kind is about nothing."""
    claims = _claims(pipeline, "Regime helicopters dropped barrel bombs on Kafr Nabl on "
                               "Thursday, killing 3 civilians. Separately, the ministry denied "
                               "holding any political prisoners.")
    assert ("denies", None) in claims


def test_a_party_disowning_the_act_denies_it(pipeline: Pipeline) -> None:
    """claims v7: 'said its aircraft had not carried out any strikes' denies the strike told
    before (the lexicon's `disowned` phrases), and 'aircraft' ties it to the air strike."""
    assert stage_version(pipeline, "claims") >= 7
    assert _claims(pipeline, "According to the Syrian Observatory, 12 civilians were killed in "
                             "Russian air strikes on Kafranbel. The Russian Defence Ministry "
                             "said its aircraft had not carried out any strikes in the area.") == [
        ("asserts", 0), ("denies", 0)]
