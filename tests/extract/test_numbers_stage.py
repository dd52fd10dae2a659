"""The numbers stage: casualty figures by kind, with the words they came from."""

from __future__ import annotations

from collections import Counter

import pytest

from casualty_analysis import analyse
from raqib.extract import dates, numbers
from raqib.extract.lexicon import read_lexicon
from raqib.extract.model import CountMention, Stage


def counts(stages: tuple[dates.Dates, numbers.Numbers], text: str) -> list[CountMention]:
    return analyse(stages, text).counts


def brief(mentions: list[CountMention]) -> list[tuple[str, str, int]]:
    return [(m.span.text, m.kind, m.low) for m in mentions]


def test_stage_shape(stages: tuple[dates.Dates, numbers.Numbers]) -> None:
    assert isinstance(stages[1], Stage)
    assert stages[1].name == "extract.numbers.v89"


@pytest.mark.parametrize(
    ("text", "words", "kind", "low"),
    [
        ("Gunmen killed 3 civilians near the well.", "killed 3 civilians", "killed", 3),
        ("Three people were killed in the blast.", "Three people were killed", "killed", 3),
        ("At least 12 dead after the market strike.", "At least 12 dead", "killed", 12),
        ("The shelling left twenty-three people dead.", "twenty-three people dead", "killed", 23),
        (
            "Officials said 1,250 people were displaced.",
            "1,250 people were displaced",
            "displaced",
            1250,
        ),
        ("A sniper opened fire, killing one.", "killing one", "killed", 1),
        (
            "Militants abducted two aid workers on the road.",
            "abducted two aid workers",
            "kidnapped",
            2,
        ),
        ("Police detained 40 protesters overnight.", "detained 40 protesters", "arrested", 40),
        ("Eleven soldiers were wounded by a mine.", "Eleven soldiers were wounded", "injured", 11),
        ("The death toll rose to 57 on Monday.", "death toll rose to 57", "killed", 57),
        (
            "The death toll from Tuesday's attack on the town of Ariha rose to 86, medics said.",
            "death toll from Tuesday's attack on the town of Ariha rose to 86",
            "killed",
            86,
        ),
        (
            "The toll of the car bomb in Azaz climbed to 19.",
            "toll of the car bomb in Azaz climbed to 19",
            "killed",
            19,
        ),
        (
            "One hundred and five villagers were displaced.",
            "One hundred and five villagers were displaced",
            "displaced",
            105,
        ),
        (
            "A 25-year-old man was shot dead at the gate.",
            "A 25-year-old man was shot dead",
            "killed",
            1,
        ),
        (
            "The strike claimed the lives of 9 members of one family.",
            "claimed the lives of 9 members of one family",
            "killed",
            9,
        ),
    ],
)
def test_figure_kind_and_words(
    stages: tuple[dates.Dates, numbers.Numbers], text: str, words: str, kind: str, low: int
) -> None:
    assert brief(counts(stages, text)) == [(words, kind, low)]


@pytest.mark.parametrize("text", [
    "The death toll was disputed, and the number of shells rose to 40.",
    "The toll is unknown because the price of bread rose to 40 pounds.",
    "The toll of the war on the economy of the whole northern region of the country rose to 40.",
])
def test_a_toll_is_not_read_across_a_clause_or_too_far(
    stages: tuple[dates.Dates, numbers.Numbers], text: str
) -> None:
    assert [m.kind for m in counts(stages, text) if m.kind == "killed"] == []


def test_range_keeps_both_ends(stages: tuple[dates.Dates, numbers.Numbers]) -> None:
    (mention,) = counts(stages, "Between 12 and 15 killed in the raid; 12-15 by other counts.")[:1]
    assert (mention.low, mention.high, mention.approximate) == (12, 15, True)
    (mention,) = counts(stages, "Residents said 12-15 killed in the raid.")
    assert (mention.span.text, mention.low, mention.high) == ("12-15 killed", 12, 15)


@pytest.mark.parametrize(
    ("text", "low"),
    [
        ("Dozens wounded as police fired on the crowd.", 12),
        ("Dozens of people were killed in the fighting.", 12),
        ("Several civilians were injured by shrapnel.", 10),
        ("Hundreds of families were displaced by the offensive.", 100),
        ("Tens of thousands of people were displaced.", 10000),
        ("An unknown number of fighters were killed.", 10),
        ("Civilians were killed when the bridge was bombed.", 10),
    ],
)
def test_vague_figures_follow_acled_conventions(
    stages: tuple[dates.Dates, numbers.Numbers], text: str, low: int
) -> None:
    (mention,) = counts(stages, text)
    assert (mention.low, mention.approximate) == (low, True)


def test_hedges_are_approximate(stages: tuple[dates.Dates, numbers.Numbers]) -> None:
    (mention,) = counts(stages, "More than 30 people were wounded.")
    assert (mention.span.text, mention.low, mention.approximate) == (
        "More than 30 people were wounded",
        30,
        True,
    )
    (mention,) = counts(stages, "30 people were wounded.")
    assert not mention.approximate


def test_groups_of_a_list_are_split_with_who(stages: tuple[dates.Dates, numbers.Numbers]) -> None:
    mentions = counts(stages, "Two soldiers and a civilian were killed by a roadside bomb.")
    assert [(m.low, m.who, m.kind) for m in mentions] == [
        (2, "security forces", "killed"),
        (1, "civilians", "killed"),
    ]
    assert mentions[0].span.text == "Two soldiers and a civilian were killed"
    mentions = counts(stages, "A child and two women were killed in the air raid.")
    assert sum(m.low for m in mentions) == 3


def test_active_subject_is_not_a_victim(stages: tuple[dates.Dates, numbers.Numbers]) -> None:
    mentions = counts(stages, "Three gunmen killed a shepherd and wounded his two sons.")
    assert brief(mentions) == [
        ("killed a shepherd", "killed", 1),
        ("wounded his two sons", "injured", 2),
    ]


def test_killed_and_injured_in_one_sentence(stages: tuple[dates.Dates, numbers.Numbers]) -> None:
    mentions = counts(stages, "The blast killed 4 people and injured 17 others.")
    assert brief(mentions) == [
        ("killed 4 people", "killed", 4),
        ("injured 17 others", "injured", 17),
    ]
    assert brief(counts(stages, "1 killed, 3 injured in the attack.")) == [
        ("1 killed", "killed", 1),
        ("3 injured", "injured", 3),
    ]


def test_no_casualties_and_suicide(stages: tuple[dates.Dates, numbers.Numbers]) -> None:
    assert brief(counts(stages, "No casualties were reported.")) == [
        ("No casualties", "killed", 0),
        ("No casualties", "injured", 0),
    ]
    assert brief(counts(stages, "Luckily no injuries occurred.")) == [("no injuries", "injured", 0)]
    assert brief(counts(stages, "The attacker blew himself up at the gate.")) == [
        ("blew himself up", "killed", 1)
    ]
    assert brief(counts(stages, "The guard killed himself.")) == [("killed himself", "killed", 1)]


@pytest.mark.parametrize(
    ("text", "words"),
    [
        ("The regime used chemical weapons more than 140 times.", "more than 140 times"),
        ("Rebels fired 30 rockets at the airport.", "30 rockets"),
        ("Two vehicles were destroyed in the strike.", "Two vehicles"),
        ("The attack killed 12 cows in the pasture.", "killed 12 cows"),
    ],
)
def test_things_are_never_casualties(
    stages: tuple[dates.Dates, numbers.Numbers], text: str, words: str
) -> None:
    mentions = counts(stages, text)
    assert [(m.span.text, m.kind) for m in mentions] == [(words, "other")]


@pytest.mark.parametrize(
    "text",
    [
        "On 9 May 2020 the town was shelled.",
        "Military Forces of Syria (2000-) shelled the town.",
        "The offensive began in 2016 and lasted months.",
        "A 35-year-old man was interviewed at 10:30 am.",
        "Resolution 2254 calls for a ceasefire.",
    ],
)
def test_dates_years_ages_and_times_are_not_counted(
    stages: tuple[dates.Dates, numbers.Numbers], text: str
) -> None:
    assert counts(stages, text) == []


def test_subject_with_a_phrase_before_the_verb(stages: tuple[dates.Dates, numbers.Numbers]) -> None:
    mentions = counts(stages, "Two staff members of a local charity were shot dead at home.")
    assert brief(mentions) == [("Two staff members of a local charity were shot dead", "killed", 2)]
    mentions = counts(stages, "Five people, including two children, were killed.")
    assert brief(mentions) == [("Five people, including two children, were killed", "killed", 5)]


def test_abduction_then_killing_is_a_killing(stages: tuple[dates.Dates, numbers.Numbers]) -> None:
    assert brief(counts(stages, "Two teachers were abducted and killed.")) == [
        ("Two teachers were abducted and killed", "killed", 2)
    ]


@pytest.mark.parametrize(("text", "expected"), [
    ("One aid worker was abducted outside his home and killed.",
     [("One aid worker was abducted outside his home and killed", "killed", 1)]),
    ("A nurse was abducted from the clinic and shot dead.",
     [("A nurse was abducted from the clinic and shot dead", "killed", 1)]),
    # a new clause after 'and' is not the same victims' fate
    ("Two aid workers were kidnapped in Kabul and police launched a search.",
     [("Two aid workers were kidnapped", "kidnapped", 2)]),
])
def test_two_fates_joined_across_a_phrase_of_place(
        stages: tuple[dates.Dates, numbers.Numbers], text: str,
        expected: list[tuple[str, str, int]]) -> None:
    assert brief(counts(stages, text)) == expected


def test_members_are_people_until_the_text_says_whose(
        stages: tuple[dates.Dates, numbers.Numbers]) -> None:
    militia, = counts(stages, "Two members of a pro-government militia were killed.")
    assert (militia.kind, militia.low, militia.who) == ("killed", 2, "people")
    villagers, = counts(stages, "Gunmen killed four villagers.")
    assert villagers.who == "civilians"


def test_no_arabic_lexicon_word_carries_the_article() -> None:
    """A word listed with the article ال joins the vocabulary as written, and is then no
    longer read without it anywhere ('عدد الجرحى' as a toll had made 'الجرحى' no casualty
    word: numbers v36)."""
    from raqib.extract.lexicon import read_lexicon

    for name in ("casualties.tsv", "nouns.tsv", "numbers.tsv", "vague.tsv"):
        for row in read_lexicon(name):
            assert not any(word.startswith("ال") for word in row[0].split()), (name, row)


@pytest.mark.parametrize("name", ["casualties.tsv", "nouns.tsv", "numbers.tsv", "vague.tsv",
                                  "weapons.tsv", "calendar.tsv"])
def test_no_lexicon_row_twice(name: str) -> None:
    """A row written twice says nothing more, and a noun listed twice keeps only its last
    reading (``Lexicon.nouns`` is a dict): casualties.tsv had three rows twice, nouns.tsv
    'trooper'."""
    rows = read_lexicon(name)
    assert [row for row, n in Counter(map(tuple, rows)).items() if n > 1] == []
    if name == "nouns.tsv":
        assert [w for w, n in Counter(row[0].casefold() for row in rows).items() if n > 1] == []
