"""The dates stage: explicit and relative dates, ACLED time precision, exact spans."""

from __future__ import annotations

from datetime import date

import pytest

from raqib.extract import dates
from raqib.extract.model import Analysis, DateMention, Options, Stage
from raqib.extract.sentences import split


@pytest.fixture(scope="module")
def stage() -> dates.Dates:
    return dates.create(Options())


def found(stage: dates.Dates, text: str, ref: date | None = date(2020, 5, 12)) -> list[DateMention]:
    doc = Analysis("t", text, reference_date=ref)
    assert split(text)  # the text is a real document for the sentence splitter too
    stage(doc)
    for mention in doc.dates:
        assert doc.text[mention.span.start : mention.span.end] == mention.span.text
    return doc.dates


def one(stage: dates.Dates, text: str, ref: date | None = date(2020, 5, 12)) -> DateMention:
    mentions = found(stage, text, ref)
    assert len(mentions) == 1, mentions
    return mentions[0]


def test_stage_shape(stage: dates.Dates) -> None:
    assert isinstance(stage, Stage)
    assert stage.name == "extract.dates.v14"


@pytest.mark.parametrize(
    ("text", "words", "value"),
    [
        ("Shelling hit the market on 9 May 2020, residents said.", "9 May 2020", date(2020, 5, 9)),
        ("The raid took place on May 9, 2020 at dawn.", "May 9, 2020", date(2020, 5, 9)),
        ("Report dated 2020-05-09 from the field office.", "2020-05-09", date(2020, 5, 9)),
        ("The convoy was stopped on 25/04/2020 near the border.", "25/04/2020", date(2020, 4, 25)),
        ("17-06-2016 Seven civilians were injured in Aleppo.", "17-06-2016",  # v4
         date(2016, 6, 17)),
        ("Fighting resumed on the 3rd of May 2020.", "3rd of May 2020", date(2020, 5, 3)),
        ("Two shells fell on Sept. 14, 2019 in the old city.", "Sept. 14, 2019", date(2019, 9, 14)),
        ("Lyon, le 28 novembre 2018", "28 novembre 2018", date(2018, 11, 28)),  # v5
        ("Le 1er octobre 2018, des obus sont tombés sur Idleb.", "1er octobre 2018",
         date(2018, 10, 1)),
        # v10: a day of the month as an ordinal word
        ("On the first of May 2020, warplanes struck the town.", "the first of May 2020",
         date(2020, 5, 1)),
        ("On the twenty-first of April 2019, shells hit the market.",
         "the twenty-first of April 2019", date(2019, 4, 21)),
        ("On Friday, the first of May 2020, shells hit the market.",
         "Friday, the first of May 2020", date(2020, 5, 1)),
    ],
)
def test_explicit_dates_are_day_precise(
    stage: dates.Dates, text: str, words: str, value: date
) -> None:
    mention = one(stage, text)
    assert (mention.span.text, mention.value, mention.precision) == (words, value, 1)
    assert not mention.relative


def test_ambiguous_numeric_date_is_not_guessed(stage: dates.Dates) -> None:
    """Day or month first: unread without a reference date, and with one far from both."""
    assert found(stage, "The statement of 09/05/2020 was withdrawn.", None) == []
    assert found(stage, "The statement of 09-05-2020 was withdrawn.", None) == []
    far = date(2020, 7, 1)
    assert found(stage, "The statement of 09-05-2020 was withdrawn.", far) == []
    assert found(stage, "The score stood at 17-06/2016.") == []  # separators differ
    assert one(stage, "The statement of 05/05/2020 was withdrawn.").value == date(2020, 5, 5)


@pytest.mark.parametrize(("words", "ref", "value"), [
    ("09-05-2020", date(2020, 5, 12), date(2020, 5, 9)),
    ("09-05-2020", date(2020, 9, 5), date(2020, 9, 5)),
    ("03/11/2014", date(2014, 11, 3), date(2014, 11, 3)),
])
def test_an_ambiguous_numeric_date_takes_the_reading_near_the_reference(
    stage: dates.Dates, words: str, ref: date, value: date
) -> None:
    """The one reading within a week of the text's reference date is the day (v8)."""
    mention = one(stage, f"{words} Seven civilians were injured in Aleppo.", ref)
    assert (mention.span.text, mention.value, mention.precision) == (words, value, 1)


def test_weekday_with_date_takes_the_year_from_the_reference(stage: dates.Dates) -> None:
    mention = one(
        stage, "Regime helicopters struck the town on Saturday 24 November.", date(2018, 11, 26)
    )
    assert mention.span.text == "Saturday 24 November"
    assert (mention.value, mention.precision, mention.relative) == (date(2018, 11, 24), 1, True)


def test_weekday_and_part_of_day_before_a_date_are_one_mention(stage: dates.Dates) -> None:
    mention = one(stage, "On Sunday afternoon, 25 November, jets struck.", date(2018, 11, 26))
    assert (mention.span.text, mention.value) == ("Sunday afternoon, 25 November",
                                                 date(2018, 11, 25))


def test_weekday_picks_the_texts_own_year_when_the_reference_year_does_not_fit(
    stage: dates.Dates,
) -> None:
    """A statement dated 2018 and read (its reference date) in 2026: "Sunday, 25 November"
    is 2018's (25 November 2026 is a Wednesday). Without a year in the text that fits, or
    when the reference year fits, the reference year stays."""
    text = "Interview of 25 November 2018. On Sunday afternoon, 25 November, jets struck."
    assert found(stage, text, date(2026, 11, 30))[1].value == date(2018, 11, 25)
    alone = "On Sunday afternoon, 25 November, jets struck."
    assert one(stage, alone, date(2026, 11, 30)).value == date(2026, 11, 25)
    fits = "Interview of 25 November 2018. On Wednesday, 25 November, jets struck."
    assert found(stage, fits, date(2026, 11, 30))[1].value == date(2026, 11, 25)


def test_year_less_date_after_the_reference_belongs_to_the_year_before(stage: dates.Dates) -> None:
    assert one(stage, "The siege began on 28 December.", date(2020, 1, 5)).value == date(
        2019, 12, 28
    )
    assert one(stage, "The siege began on 2 January.", date(2020, 1, 5)).value == date(2020, 1, 2)


@pytest.mark.parametrize(
    ("text", "value", "precision"),
    [
        ("Two people were killed yesterday in the north.", date(2020, 5, 11), 1),
        ("A drone was shot down today near the airport.", date(2020, 5, 12), 1),
        ("Warplanes bombed the village last night.", date(2020, 5, 11), 1),
        ("The camp was shelled the day before yesterday.", date(2020, 5, 10), 1),
        ("Gunmen attacked the checkpoint two days ago.", date(2020, 5, 10), 1),
        ("Clashes erupted 3 days ago in the suburbs.", date(2020, 5, 9), 1),
        ("Militias massed on the front line last week.", date(2020, 5, 7), 2),
        ("Protests were held over the weekend.", date(2020, 5, 9), 2),
        ("The hospital was hit earlier this month.", date(2020, 5, 6), 3),
        ("Abductions rose last month in the district.", date(2020, 4, 15), 3),
        ("Airstrikes on the town resumed in April.", date(2020, 4, 15), 3),
        ("The town fell in June, the monitor said.", date(2019, 6, 15), 3),
    ],
)
def test_relative_expressions_resolve_against_the_reference(
    stage: dates.Dates, text: str, value: date, precision: int
) -> None:
    mention = one(stage, text)  # 12 May 2020 is a Tuesday
    assert (mention.value, mention.precision, mention.relative) == (value, precision, True)


@pytest.mark.parametrize(("text", "words"), [
    ("In the hours leading up to Saturdays attacks the women spoke to reporters.", "Saturdays"),
    ("Saturday's attack killed twelve people.", "Saturday"),
])
def test_a_weekdays_possessive_is_that_day_with_or_without_its_apostrophe(
        stage: dates.Dates, text: str, words: str) -> None:
    # v9: scraped text loses the apostrophe ("Tuesdays attack")
    mention = one(stage, text, date(2017, 4, 18))  # a Tuesday
    assert (mention.span.text, mention.value, mention.precision) == (words, date(2017, 4, 15), 1)


@pytest.mark.parametrize("text", [
    "Markets close on Fridays and Saturdays in the town.",
    "On Saturdays protesters gather outside the ministry.",
    "Every week, Saturdays are quiet.",
])
def test_a_weekdays_plural_is_no_date(stage: dates.Dates, text: str) -> None:
    assert found(stage, text, date(2017, 4, 18)) == []


def test_weekday_is_the_latest_such_day_up_to_the_reference(stage: dates.Dates) -> None:
    monday, saturday = date(2018, 11, 26), date(2018, 11, 24)
    assert one(stage, "The market was shelled on Saturday.", monday).value == saturday
    assert one(stage, "The market was shelled on Saturday.", saturday).value == saturday
    assert one(stage, "It was shelled last Saturday.", saturday).value == date(2018, 11, 17)
    assert found(stage, "Talks will resume next Saturday.", monday) == []


def test_ordinal_day_takes_the_reference_month_or_the_one_before(stage: dates.Dates) -> None:
    mention = one(stage, "The bridge was destroyed on the 9th, officials said.")
    assert (mention.span.text, mention.value, mention.precision) == ("the 9th", date(2020, 5, 9), 1)
    assert one(stage, "The bridge was destroyed on the 20th.").value == date(2020, 4, 20)


@pytest.mark.parametrize(
    ("text", "words", "value"),
    [
        (
            "Shelling continued between 1 and 3 May 2020.",
            "between 1 and 3 May 2020",
            date(2020, 5, 1),
        ),
        ("The offensive of 1-3 May 2020 displaced thousands.", "1-3 May 2020", date(2020, 5, 1)),
        (
            "Raids from 30 April to 2 May 2020 left many dead.",
            "30 April to 2 May 2020",
            date(2020, 4, 30),
        ),
        ("Curfews were imposed May 4-6, 2020 in the capital.", "May 4-6, 2020", date(2020, 5, 4)),
    ],
)
def test_ranges_give_their_first_day_with_precision_two(
    stage: dates.Dates, text: str, words: str, value: date
) -> None:
    mention = one(stage, text)
    assert (mention.span.text, mention.value, mention.precision) == (words, value, 2)


def test_month_and_year_is_month_precise(stage: dates.Dates) -> None:
    mention = one(stage, "Chlorine attacks were reported in March 2019.")
    assert (mention.span.text, mention.value, mention.precision) == (
        "March 2019",
        date(2019, 3, 15),
        3,
    )


def test_without_reference_relative_dates_are_skipped(stage: dates.Dates) -> None:
    text = "On 9 May 2020 the town was shelled; yesterday and on Saturday it was quiet."
    mentions = found(stage, text, ref=None)
    assert [(m.span.text, m.value) for m in mentions] == [("9 May 2020", date(2020, 5, 9))]


def test_without_reference_year_less_dates_borrow_the_texts_year(stage: dates.Dates) -> None:
    mentions = found(stage, "Fighting on 3 May left two dead; a truce held on 9 May 2020.", None)
    assert [m.value for m in mentions] == [date(2020, 5, 3), date(2020, 5, 9)]
    assert mentions[0].relative and not mentions[1].relative


@pytest.mark.parametrize(
    "text",
    [
        "Military Forces of Syria (2000-) shelled the town.",
        "Police Forces of Iraq (2014-2018) detained 12 people.",
        "Gunmen killed 12 people and wounded 30 in 2016.",
        "The commander, born on 3 May 1975, was detained.",
        "Rebels may 5 times attempt to cross, analysts warn.",
        "In May 20 people were reported missing.",
    ],
)
def test_counts_years_and_actor_names_are_not_day_dates(stage: dates.Dates, text: str) -> None:
    assert all(m.precision == 3 for m in found(stage, text))


def test_month_followed_by_a_count_is_only_the_month(stage: dates.Dates) -> None:
    mention = one(stage, "In May 20 people were reported missing.")
    assert (mention.span.text, mention.precision) == ("May", 3)


def test_arabic_months_weekdays_and_digits(stage: dates.Dates) -> None:
    mention = one(stage, "قصفت الطائرات البلدة في ٩ أيار ٢٠٢٠ وقتل مدنيون")
    assert (mention.span.text, mention.value, mention.precision) == (
        "٩ أيار ٢٠٢٠",
        date(2020, 5, 9),
        1,
    )
    assert one(stage, "سقطت قذائف على السوق في 14 مايو 2019").value == date(2019, 5, 14)
    assert one(stage, "قتل ثلاثة مدنيين أمس").value == date(2020, 5, 11)
    assert one(stage, "قصف يوم السبت", date(2018, 11, 26)).value == date(2018, 11, 24)


def test_several_dates_in_text_order(stage: dates.Dates) -> None:
    text = "Two were killed on 3 May 2020. On 5 May, 2020 a second strike hit; yesterday a third."
    values = [(m.value, m.precision) for m in found(stage, text)]
    assert values == [(date(2020, 5, 3), 1), (date(2020, 5, 5), 1), (date(2020, 5, 11), 1)]


def test_hedged_day_is_within_a_few_days(stage: dates.Dates) -> None:
    mention = one(stage, "Around 9 May 2020 (as reported), a body was found near the river.")
    assert (mention.span.text, mention.value, mention.precision) == (
        "Around 9 May 2020",
        date(2020, 5, 9),
        2,
    )
    assert one(stage, "On 9 May 2020, about 40 people protested.").precision == 1


@pytest.mark.parametrize(("text", "bound"), [
    ("These were the first air strikes on the zone since 17 September.", True),
    ("Heavy weapons were to be withdrawn by 10 October 2018.", True),
    ("The truce holds until 30 May.", True),
    ("Shortly before 29 October, the town was shelled again.", True),
    ("Aircraft struck the town on 17 September, killing four.", False),
    ("Two days after 4 April, rebels shelled the town.", False),  # an offset, not a limit
])
def test_a_date_that_limits_a_period_is_marked_bound(stage: dates.Dates, text: str,
                                                     bound: bool) -> None:
    mention = one(stage, text, date(2018, 11, 26))
    assert mention.role == ("bound" if bound else "")


@pytest.mark.parametrize(("text", "saturday"), [
    ("Published April 8 2017. A woman was killed near Homs on Saturday.", date(2017, 4, 8)),
    ("Last updated at Apr 08 2017 A woman was killed near Homs on Saturday.", date(2017, 4, 8)),
    # a scraped page's dateline with day and year run together
    ("Last updated at Apr 082017 A woman was killed near Homs on Saturday.", date(2017, 4, 8)),
    ("A woman was killed near Homs on Saturday.", date(2017, 4, 15)),  # no dateline
    # a day with its year opening a line near the start, text after it (v7)
    ("Woman killed near Homs\n\n8 Apr 2017 A woman was killed near Homs on Saturday.",
     date(2017, 4, 8)),
    ("Woman killed near Homs\n\nSat 08 Apr 2017 A woman was killed near Homs on Saturday.",
     date(2017, 4, 8)),
    # not a dateline: the date does not open its line, or nothing follows it there
    ("A woman was killed near Homs on Saturday, the agency said 8 Apr 2017 here.",
     date(2017, 4, 15)),
    ("A woman was killed near Homs on Saturday.\n\nHoms, 8 April 2017.", date(2017, 4, 15)),
    ("A woman was killed near Homs on Saturday, a monitor said.\n8 April 2017",
     date(2017, 4, 15)),
])
def test_relative_dates_count_from_the_texts_own_dateline(stage: dates.Dates, text: str,
                                                          saturday: date) -> None:
    mentions = found(stage, text, date(2017, 4, 16))  # the reference date is a week late
    assert [m.value for m in mentions if m.span.text == "Saturday"] == [saturday]


@pytest.mark.parametrize(("text", "published", "words"), [
    ("Published April 8 2017. A woman was killed near Homs on Saturday.", date(2017, 4, 8),
     "April 8 2017"),
    ("A woman was killed near Homs on 8 April 2017.", None, None),  # a date, no dateline
])
def test_the_stage_keeps_the_day_the_text_says_it_was_published(
        stage: dates.Dates, text: str, published: date | None, words: str | None) -> None:
    """And the dateline's words, which the assembly tells from a day the words name."""
    doc = Analysis("t", text, reference_date=date(2017, 4, 16))
    stage(doc)
    assert doc.published == published
    assert (doc.dateline.text if doc.dateline else None) == words


@pytest.mark.parametrize(("text", "expected"), [
    ("Apr 152017", date(2017, 4, 15)),
    ("Jul 52016", date(2016, 7, 5)),  # a one-digit day: the year is the last four digits
    ("Apr 1234567", None),  # no year of 19xx or 20xx after the day: no date
    ("Apr 15 2017", date(2017, 4, 15)),
])
def test_a_day_and_year_run_together_are_read_as_a_date(stage: dates.Dates, text: str,
                                                        expected: date | None) -> None:
    mentions = found(stage, text, date(2026, 1, 1))
    assert [m.value for m in mentions] == ([expected] if expected else [])


@pytest.mark.parametrize("text", ["Troops killed 5 Mai-Mai fighters near Beni.",
                                  "Residents said they may 5 times have fled.",
                                  "The columns march 3 abreast."])
def test_a_lower_case_english_month_or_the_militia_is_no_date(stage: dates.Dates,
                                                              text: str) -> None:
    """Only the months French writes in lower case are months in lower case; "mai" is not
    one of them, or "5 Mai-Mai fighters" (the Congolese militias) would be 5 May (v5)."""
    assert found(stage, text) == []


def test_month_and_count_is_a_date_when_the_text_names_that_day_again(stage: dates.Dates) -> None:
    text = ("Over 130 Killed in April 15 Terrorist Attack Near Aleppo\n\n"
            "The death toll of the attack near Aleppo on April 15 passed 130.")
    days = [(m.span.text, m.value, m.precision) for m in found(stage, text)]
    assert days == [("April 15", date(2020, 4, 15), 1), ("April 15", date(2020, 4, 15), 1)]


def test_month_and_count_stays_a_month_when_the_day_is_named_only_after_in(
    stage: dates.Dates,
) -> None:
    text = "In May 20 people were reported missing. In May 20 more were freed."
    assert [m.precision for m in found(stage, text)] == [3, 3]


@pytest.mark.parametrize(("text", "precision"), [
    ("Around 5 May 2020 (month of), regime forces arrested a young man in Tafas.", 3),
    ("Around 5 May 2020 (week of), regime forces arrested a young man in Tafas.", 2),
    ("On 5 May 2020 (Week Of), a man was arrested in Tafas.", 2),
    ("Around 5 May 2020 (as reported), regime forces arrested a young man in Tafas.", 2),
    ("On 5 May 2020 (or around), two militias clashed over land near Jasim.", 2),
    ("As reported on 5 May 2020, a soldier was killed by a sniper near Jasim.", 2),
    ("On 5 May 2020, a soldier was killed by a sniper near Jasim.", 1),
])
def test_a_precision_tag_after_the_date_sets_it(stage: dates.Dates, text: str,
                                                precision: int) -> None:
    """v11: ACLED's notes say how precise a date is in parentheses after it, and 'as reported
    on' dates the telling (the event that day or before)."""
    mention = one(stage, text)
    assert (mention.value, mention.precision) == (date(2020, 5, 5), precision)
