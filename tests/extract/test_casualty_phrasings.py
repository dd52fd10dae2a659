"""Casualty phrasings of monitors' and aid workers' reports, read to ACLED's rules: each case of
``data/casualty_phrasings.tsv`` is a sentence (or two) with the killed and injured the numbers
stage and ``casualties`` must give (``extract.numbers.v14``-``v27``; docs/extraction.md gives
each version's change and docs/evaluation.md, "The wounded who later died" to "What
the event followed", the measurements). A case's id names the version that made
it right or guards it."""

from __future__ import annotations

from pathlib import Path

import pytest

from casualty_analysis import analyse, killed_and_injured
from raqib.extract import dates, numbers

CASES_FILE = Path(__file__).parent / "data" / "casualty_phrasings.tsv"


def _cases() -> list[object]:
    rows = [line.split("\t") for line in CASES_FILE.read_text(encoding="utf-8").splitlines()
            if line and not line.startswith("#")]
    return [pytest.param(text, int(killed), int(injured), id=case)
            for case, killed, injured, text in rows]


@pytest.mark.parametrize(("text", "killed_n", "injured_n"), _cases())
def test_casualty_phrasings(stages: tuple[dates.Dates, numbers.Numbers], text: str,
                            killed_n: int, injured_n: int) -> None:
    assert killed_and_injured(stages, text) == (killed_n, injured_n)


def test_an_agent_between_joined_words_is_no_victim(
        stages: tuple[dates.Dates, numbers.Numbers]) -> None:
    """numbers v17: the words of the agent between two joined casualty words stay out of the
    victims' span ('arrested by government security forces ... and later died': the forces
    are the arresters, not among the dead)."""
    doc = analyse(stages, "An NGO staff member was arrested by government security forces at "
                          "a checkpoint and later died in detention.")
    figure, span = numbers.fatalities(doc)
    assert figure == 1
    assert span is not None and span.text == "An NGO staff member was arrested"
