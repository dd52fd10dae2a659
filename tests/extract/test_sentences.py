"""Sentence spans: abbreviations, quotes, titles on their own line, PDF-wrapped lines."""

from __future__ import annotations

import pytest

from raqib.extract.sentences import earlier_clause, reported_clause, split


def sentences(text: str) -> list[str]:
    return [text[a:b] for a, b in split(text)]


def test_abbreviations_and_closing_quotes() -> None:
    text = 'Gen. Ali said 3 died. U.S. forces left. Russia said it "hit terrorists." Then it ended.'
    assert sentences(text) == [
        "Gen. Ali said 3 died.", "U.S. forces left.", 'Russia said it "hit terrorists."',
        "Then it ended.",
    ]


def test_a_title_line_is_its_own_sentence_but_wrapped_lines_are_not() -> None:
    text = (
        "Opposition denies gas claim as jets strike west of the city\n"
        "Armed factions denied it. Forces of the\nSyrian regime shelled the town of\n"
        "Kafr Nabl on Monday, killing\ntwo people."
    )
    assert sentences(text) == [
        "Opposition denies gas claim as jets strike west of the city",
        "Armed factions denied it.",
        "Forces of the\nSyrian regime shelled the town of\nKafr Nabl on Monday, killing\n"
        "two people.",
    ]


def test_arabic_and_blank_lines() -> None:
    assert sentences("قال المرصد. وقتل اثنان\n\nSecond paragraph") == [
        "قال المرصد.", "وقتل اثنان", "Second paragraph",
    ]


@pytest.mark.parametrize(("text", "clause"), [
    ("Shelling killed 19 in Douma on Tuesday, just hours after a chemical attack in Khan "
     "Shaykhun.", ", just hours after a chemical attack in Khan Shaykhun."),
    ("Troops entered the town two days after the rebels withdrew.",
     " two days after the rebels withdrew."),
    ("Hours after the truce began, jets struck Idlib.", None),  # the sentence's own start
    ("Shelling hit Douma after a day of calm.", None),
])
def test_a_clause_that_dates_the_sentence_by_an_earlier_event(text: str,
                                                              clause: str | None) -> None:
    at = earlier_clause(text, 0, len(text))
    assert (text[at:] if at is not None else None) == clause


@pytest.mark.parametrize(("text", "clause"), [
    ("The minister deplored the attack that left four aid workers dead in Jonglei.",
     "left four aid workers dead in Jonglei."),
    ('Britain said that it is likely that the regime was responsible for the attack, the '
     'ambassador told the Council.', "the regime was responsible for the attack"),
    ('"It is likely that the regime gassed the town" the ambassador told the Council.',
     "the regime gassed the town"),
    ('"It is likely that the regime gassed the town," the opposition coalition alleged.',
     "the regime gassed the town"),
    ("Shelling hit Douma on Tuesday.", None),
])
def test_the_words_after_the_last_that_without_who_said_them(text: str,
                                                             clause: str | None) -> None:
    bounds = reported_clause(text, 0, len(text))
    assert (text[slice(*bounds)] if bounds else None) == clause
