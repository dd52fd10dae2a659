"""Place names masked before the event model reads a text (raqib.extract.place_mask)."""

from __future__ import annotations

from dataclasses import replace
from datetime import date

from raqib.extract import classifier, events, place_mask
from raqib.extract.model import Options, Span
from raqib.extract.pipeline import Pipeline


def test_masked_replaces_each_place_inside_the_span() -> None:
    text = "Shelling hit Kafr Nabl and Hass near Maarat al-Numan."
    places = [Span(13, 22, "Kafr Nabl"), Span(27, 31, "Hass"), Span(18, 22, "Nabl"),
              Span(37, 52, "Maarat al-Numan")]
    assert place_mask.masked(text, places, Span(0, len(text), text)) == (
        "Shelling hit qplace and qplace near qplace.")
    # a place that runs past the span's end stays as written
    assert place_mask.masked(text, places, Span(0, 45, text[:45])) == (
        "Shelling hit qplace and qplace near Maarat a")
    assert place_mask.masked("", [], Span(0, 0, "")) == ""


def test_the_name_after_a_terrain_word_is_masked_known_or_not() -> None:
    """places v30: 'Jabal al-Zawiya' is no longer a town abroad; the mountain's, valley's or
    plain's name is masked as a place all the same (the masking the model was fitted to)."""
    text = ("Strikes on Jabal al-Zawiya, Wadi Barada and Sahl al Ghab; jabal is a word; "
            "cells in the Badia of Palmyra.")
    assert place_mask.masked(text, [], Span(0, len(text), text)) == (
        "Strikes on Jabal qplace, Wadi qplace and Sahl qplace; jabal is a word; "
        "cells in the qplace of Palmyra.")


def test_one_sides_label_for_the_others_fighters_reads_as_militants() -> None:
    """events v30: 'terrorists' and 'takfiris' (the plural noun) read as 'militants'; 'a
    terrorist attack' tells what kind of attack it was and stays."""
    text = "Army kills 45 Terrorists and takfiris after a terrorist attack."
    assert place_mask.masked(text, [], Span(0, len(text), text)) == (
        "Army kills 45 militants and militants after a terrorist attack.")


def test_a_headline_reads_the_same_whichever_side_names_the_fighters(
        pipeline: Pipeline) -> None:
    for fighters in ("Terrorists", "Militants"):
        text = f"Army Kills 45 ISIL {fighters} in Deir Ezzor Countryside"
        assert [e.sub_event_type for e in pipeline.run("t", text).events] == ["Armed clash"]


def test_mask_texts_finds_the_places_as_the_pipeline_does() -> None:
    assert place_mask.mask_texts(["Barrel bombs fell on Aleppo and on Mosul."]) == [
        "Barrel bombs fell on qplace and on qplace."]


def _probabilities(stage: events.EventsStage, pipeline: Pipeline, town: str
                   ) -> dict[str, float]:
    doc = pipeline.run("t", f"Barrel bombs killed 11 children in {town} on Sunday.",
                       date(2018, 11, 26))
    assert [p.span.text for p in doc.places] == [town]
    return stage.probabilities(doc, doc.span(0, len(doc.text)))


def test_where_an_attack_was_does_not_change_what_it_was(pipeline: Pipeline) -> None:
    stage = next(s for s in pipeline.stages if isinstance(s, events.EventsStage))
    assert stage.model.meta[place_mask.META_KEY] is True  # the shipped model masks
    assert _probabilities(stage, pipeline, "Aleppo") == _probabilities(stage, pipeline, "Mosul")


def test_a_model_trained_without_masking_reads_the_names() -> None:
    shipped = classifier.load()
    unmasked = events.EventsStage(replace(shipped, meta={}), events.taxonomy.load())
    pipeline = Pipeline(Options())
    assert _probabilities(unmasked, pipeline, "Aleppo") != _probabilities(
        unmasked, pipeline, "Mosul")


def test_an_arabic_common_word_is_not_a_place_abroad(pipeline: Pipeline) -> None:
    # 'سامة' (toxic) is also Same in East Timor; 'حلب' is Aleppo
    doc = pipeline.run("t", "أصيب مدنيون بحالات اختناق جراء غازات سامة أطلقها مسلحون على حلب.",
                       date(2018, 11, 25))
    assert [(p.span.text, p.name) for p in doc.places] == [("حلب", "Aleppo")]


def test_a_lone_arabic_word_needs_its_country_spoken_for(pipeline: Pipeline) -> None:
    """'دون ورود أنباء' (without reports of): ورود is also Warud, a town of 48,000 in India.
    One Arabic word with nothing before it that announces a place stands as a place only where
    something else in the text speaks for its country, or when it is a city of 100,000 or
    more (places v22): 'على حلب' is still Aleppo (above)."""
    doc = pipeline.run("t", "شنت الطائرات الحربية الروسية غارات جوية دون ورود أنباء عن إصابات.",
                       date(2020, 5, 4))
    assert [p.name for p in doc.places] == []
