"""Running the dates and numbers stages alone over a text, for the tests of casualty figures
(the ``stages`` fixture of ``tests/extract/conftest.py`` builds the two stages)."""

from __future__ import annotations

from datetime import date

from raqib.extract import dates, numbers
from raqib.extract.model import Analysis, Sentence
from raqib.extract.sentences import split

Stages = tuple[dates.Dates, numbers.Numbers]


def analyse(stages: Stages, text: str, ref: date | None = date(2020, 5, 12)) -> Analysis:
    """``text`` read by the two stages on the reference day ``ref``; every count's span must
    hold the words it names."""
    doc = Analysis("t", text, reference_date=ref)
    doc.sentences = [Sentence(doc.span(a, b)) for a, b in split(text)]
    for stage in stages:
        stage(doc)
    for mention in doc.counts:
        assert doc.text[mention.span.start : mention.span.end] == mention.span.text
    return doc


def killed_and_injured(stages: Stages, text: str) -> tuple[int, int]:
    doc = analyse(stages, text)
    return numbers.fatalities(doc)[0], numbers.injured(doc)[0]
