"""Two armed sides named as fighting each other make an armed clash, whatever the weapons
(`extract.events.v153`: two more forms of the `two-sided-fighting` phrase)."""

from __future__ import annotations

from datetime import date

import pytest

from raqib.extract import taxonomy
from raqib.extract.pipeline import Pipeline
from stage_versions import first_event, stage_version


@pytest.fixture(scope="module")
def two_sided() -> tuple:
    (phrase,) = [(words, weights) for words, weights in taxonomy.load().evidence.phrases
                 if words.search("fire in both directions")]  # two-sided-fighting alone
    return phrase


@pytest.mark.parametrize(("text", "found"), [
    ("a clash between GNA and LNA forces was reported", True),
    ("clashes between the army and rebel fighters", True),
    ("government forces attacked rebel forces near the town", True),
    ("militants attacked the soldiers at a checkpoint", True),
    # not an armed side on both ends
    ("clashes between two villages over grazing land", False),
    ("gunmen attacked the villagers", False),
    ("forces attacked the positions with artillery", False),
])
def test_the_two_sided_forms(two_sided: tuple, text: str, found: bool) -> None:
    words, weights = two_sided
    assert bool(words.search(text)) is found
    assert weights == {"Armed clash": 2.0}


def test_a_clash_named_with_artillery_is_a_clash(pipeline: Pipeline) -> None:
    """events v153: 'a clash between ... forces, involving heavy artillery fire' had been
    shelling, the weapon's reading; the clash the words name is two-sided."""
    assert stage_version(pipeline, "events") >= 153
    event = first_event(pipeline, "On 3 June 2020, a clash between government and rebel "
                                  "forces, involving heavy artillery fire, was reported near "
                                  "Kadugli (South Kordofan). No casualties reported.",
                        date(2020, 6, 4))
    assert event.sub_event_type == "Armed clash"
