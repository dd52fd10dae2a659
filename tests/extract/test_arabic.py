"""Arabic news sentences the project wrote (facts of the kind Syrian media report): the
numbers, weapons and events stages read Arabic words with their front letters and folded
spelling (``raqib.extract.arabic``), and a sentence the model cannot read is an event only
when another stage read something in it (``extract.events.v12``)."""

from __future__ import annotations

from datetime import date

import pytest

from raqib.extract.arabic import known, readings
from raqib.extract.model import Analysis
from raqib.extract.pipeline import Pipeline


def run(pipeline: Pipeline, text: str) -> Analysis:
    return pipeline.run("ar", text, date(2018, 11, 25))


@pytest.mark.parametrize(("word", "expected"), [
    ("وبالمدفعية", ["وبالمدفعيه", "بالمدفعيه", "المدفعيه", "مدفعيه"]),
    ("وإصابة", ["واصابه", "اصابه"]),
    ("للمدنيين", ["للمدنيين", "لمدنيين", "مدنيين"]),
    ("لغم", ["لغم", "غم"]),  # as written first: a landmine, not "for" + nothing
    ("Aleppo", ["Aleppo"]),
])
def test_an_arabic_word_is_read_as_written_then_without_its_front_letters(
        word: str, expected: list[str]) -> None:
    assert readings(word) == expected


def test_the_first_reading_a_list_holds_is_taken() -> None:
    assert known("وإصابة", {"اصابه"}) == "اصابه"
    assert known("لغم", {"لغم", "غم"}) == "لغم"
    assert known("وكذلك", {"اصابه"}) == "وكذلك"


@pytest.mark.parametrize(("text", "sub_event_type", "weapon", "killed", "injured"), [
    ("قصفت قوات النظام بالمدفعية بلدة خان شيخون في ريف إدلب الجنوبي، ما أدى إلى مقتل "
     "ثلاثة مدنيين وإصابة خمسة آخرين.",
     "Shelling/artillery/missile attack", "artillery", 3, 5),
    ("شنت طائرات حربية روسية غارات جوية على مدينة معرة النعمان أمس، ما أسفر عن مقتل 7 "
     "أشخاص.", "Air/drone strike", "air strike", 7, None),
    ("ارتفعت حصيلة ضحايا القصف على مدينة دوما إلى ثلاثة وعشرين قتيلا وعشرات الجرحى.",
     "Shelling/artillery/missile attack", "artillery", 23, 10),
    ("أسفر انفجار سيارة مفخخة في مدينة أعزاز عن مقتل ثلاثة عشر شخصا.",
     "Remote explosive/landmine/IED", "IED", 13, None),
    ("قتل ٥ أشخاص على الأقل وجرح ١٢ آخرون في قصف جوي على بلدة كفرنبل.",
     "Air/drone strike", "air strike", 5, 12),
    ("استهدفت طائرة مسيرة سيارة في ريف إدلب، ما أدى إلى مقتل شخصين.",  # a dual: two
     "Air/drone strike", "drone strike", 2, None),
])
def test_an_arabic_report_of_violence_is_coded(
        pipeline: Pipeline, text: str, sub_event_type: str, weapon: str, killed: int,
        injured: int | None) -> None:
    event = run(pipeline, text).events[0]
    assert (event.sub_event_type, event.weapon) == (sub_event_type, weapon)
    assert (event.fatalities, event.injured) == (killed, injured)


@pytest.mark.parametrize(("text", "sub_event_type"), [
    ("خرجت مسيرة سلمية في مدينة إدلب للمطالبة بإسقاط النظام.", "Peaceful protest"),
    ("اندلعت اشتباكات عنيفة بين فصائل المعارضة وقوات النظام على محور تل ملح في ريف حماة.",
     "Armed clash"),
    ("شنت قوات النظام حملة اعتقالات في مدينة دوما طالت عشرات الشبان.", "Arrests"),
])
def test_arabic_words_of_protests_clashes_and_arrests_decide_the_type(
        pipeline: Pipeline, text: str, sub_event_type: str) -> None:
    assert run(pipeline, text).events[0].sub_event_type == sub_event_type


def test_a_march_is_held_by_protesters(pipeline: Pipeline) -> None:
    doc = run(pipeline, "نظم أهالي مدينة معرة النعمان وقفة احتجاجية ضد القصف.")
    event = doc.events[0]
    assert (event.sub_event_type, event.actor1) == ("Peaceful protest", "Protesters (Syria)")


def test_the_russian_warplanes_are_the_actor(pipeline: Pipeline) -> None:
    doc = run(pipeline, "شنت طائرات حربية روسية غارات جوية على مدينة معرة النعمان.")
    assert doc.events[0].actor1 == "Military Forces of Russia (2000-)"


@pytest.mark.parametrize("text", [
    "أكد وزير الخارجية أن الحكومة ملتزمة بالاتفاق.",  # was an explosion at 0.63
    "عقد المجلس المحلي اجتماعا لمناقشة أوضاع المياه في المدينة.",
])
def test_an_arabic_sentence_with_nothing_read_in_it_reports_no_event(
        pipeline: Pipeline, text: str) -> None:
    assert run(pipeline, text).events == []


@pytest.mark.parametrize(("text", "sub_event_type"), [
    ("شنت الطائرات الحربية الروسية غارات جوية على بلدة كنصفرة في جبل الزاوية، دون ورود أنباء "
     "عن إصابات.", "Air/drone strike"),
    ("قصفت قوات النظام بالقذائف المدفعية قرية كفرعويد في جبل الزاوية دون ورود أنباء عن "
     "إصابات.", "Shelling/artillery/missile attack"),
])
def test_strikes_told_in_arabic_with_nobody_hurt_are_events(
        pipeline: Pipeline, text: str, sub_event_type: str) -> None:
    """Air strikes (غارات جوية, الطائرات الحربية) and shelling (القذائف المدفعية) say an attack
    happened, with no count of victims to say it for them (events v39); the villages the
    default gazetteer lacks leave the event unplaced, and 'جبل' (a mountain) is no town in
    Bulgaria (a stop word since places v22's refit)."""
    doc = run(pipeline, text)
    assert [e.sub_event_type for e in doc.events] == [sub_event_type]
    assert [p.name for p in doc.places] == []


def test_a_tanween_after_an_actors_word_breaks_nothing(pipeline: Pipeline) -> None:
    """actors v15: the tanween of 'مدنياً' tokenised alone had an empty key, the trie's own
    end-of-alias key: the actors stage failed on the sentence (recorded, no actors) once an
    alias ended where the word does; marks alone are no tokens, and 'مدنياً' is a civilian."""
    doc = run(pipeline, "قتل مدنياً وأصيب ثلاثة آخرون جراء قصف مدفعي لقوات النظام على بلدة "
                        "كفرنبل.")
    assert doc.errors == []
    event = doc.events[0]
    assert (event.actor1, event.actor2) == ("Military Forces of Syria (2000-)",
                                            "Civilians (Syria)")


def test_members_of_a_party_counted_dead_are_acted_on(pipeline: Pipeline) -> None:
    """assemble v33: 'عنصرين من قوات النظام' (two members of the regime's forces) killed: the
    forces are the bomb's target, as 'two members of the Asayish' are in English."""
    event = run(pipeline, "انفجرت عبوة ناسفة بسيارة عسكرية في مدينة درعا ما أدى إلى مقتل "
                          "عنصرين من قوات النظام.").events[0]
    assert event.actor2 == "Military Forces of Syria (2000-)"
    assert event.actor1 != event.actor2


def test_young_men_arrested_are_civilians(pipeline: Pipeline) -> None:
    """actors v15: شبان (young men), مواطنين (citizens), نساء (women) are civilians."""
    event = run(pipeline, "اعتقلت قوات سوريا الديمقراطية عشرة شبان في بلدة الشحيل بريف دير "
                          "الزور الشرقي.").events[0]
    assert (event.sub_event_type, event.actor2) == ("Arrests", "Civilians (Syria)")


@pytest.mark.parametrize(("text", "kind"), [
    ("قتل مدني جراء قصف مدفعي على بلدة كفرنبل.", "killed"),
    ("استشهد طفل جراء قصف مدفعي على بلدة كفرنبل.", "killed"),
    ("أصيب جندي بجروح في انفجار لغم.", "injured"),
])
def test_a_bare_singular_victim_counts_one(pipeline: Pipeline, text: str, kind: str) -> None:
    """numbers v13: Arabic writes no 'a': a singular person noun right after a casualty verb
    or noun ('قتل مدني', a civilian was killed) is one victim."""
    assert [(c.kind, c.low) for c in run(pipeline, text).counts] == [(kind, 1)]


@pytest.mark.parametrize(("text", "killed", "injured"), [
    ("استشهد طفلان وأصيبت امرأة بجروح جراء غارة جوية نفذتها طائرة حربية روسية على قرية "
     "كفرنبل.", 2, 1),
    ("قتلت امرأة وأصيب طفلان بقصف مدفعي على كفرنبل.", 1, 2),
])
def test_a_dual_and_a_feminine_verb_count(pipeline: Pipeline, text: str, killed: int,
                                          injured: int) -> None:
    """numbers v29: the nominative dual ('طفلان', two children) counts two, as the other
    cases' 'طفلين' did, and the feminine verbs ('أصيبت', 'قتلت') count their victim."""
    event = run(pipeline, text).events[0]
    assert (event.fatalities, event.injured) == (killed, injured)


@pytest.mark.parametrize(("text", "sub_event_type"), [
    ("سيطرت قوات النظام على بلدة كفرنبودة في ريف حماة الشمالي بعد معارك عنيفة مع فصائل "
     "المعارضة.", "Government regains territory"),
    ("استعادت فصائل المعارضة السيطرة على قرية تل ملح في ريف حماة.",
     "Non-state actor overtakes territory"),
    ("اشتباكات عنيفة بين قوات النظام وفصائل المعارضة في ريف حماة الشمالي.", "Armed clash"),
])
def test_a_place_taken_in_arabic(pipeline: Pipeline, text: str, sub_event_type: str) -> None:
    """events v81: Arabic words of a place taken (arabic-territory) outweigh the fighting it
    came through; fighting alone stays a clash."""
    assert run(pipeline, text).events[0].sub_event_type == sub_event_type


def test_forces_that_shelled_in_arabic(pipeline: Pipeline) -> None:
    """events v85: 'قصفت قوات النظام بلدة ...' (regime forces shelled the town) is a
    shelling; it was no event (the verb was no shelling word)."""
    event = run(pipeline, "قصفت قوات النظام بلدة كفرنبودة في ريف حماة.").events[0]
    assert event.sub_event_type == "Shelling/artillery/missile attack"


def test_homes_burned_in_arabic(pipeline: Pipeline) -> None:
    """events v142: 'أحرق مستوطنون منازل ومركبات' (settlers burned homes and vehicles) is
    property destroyed; it was no event."""
    event = run(pipeline, "أحرق مستوطنون منازل ومركبات فلسطينية في بلدة حوارة جنوب نابلس."
                ).events[0]
    assert event.sub_event_type == "Looting/property destruction"
    assert (event.actor1, event.country) == ("Settlers (Israel)", "Palestine")


@pytest.mark.parametrize("text", [
    "أعدم تنظيم داعش ثلاثة رعاة في بادية حمص.",
    "إعدام ثلاثة شبان على يد التنظيم في دير الزور.",
])
def test_the_executed_count(pipeline: Pipeline, text: str) -> None:
    """numbers v70: 'أعدم' (executed) and 'إعدام' (the execution of) count their dead, and
    'رعاة' (shepherds) are civilians; the three had not been counted."""
    assert run(pipeline, text).events[0].fatalities == 3


def test_a_mountain_in_arabic_is_no_town_abroad(pipeline: Pipeline) -> None:
    """places v83: 'جبل الزاوية' (Jabal al-Zawiya, Idlib) was Az Zawiyah in Libya, and the
    shelled children Libyan civilians; after the Arabic word for a mountain the name is
    doubtful, as after 'Jabal'."""
    event = run(pipeline, "قصفت قوات النظام بالمدفعية الثقيلة قرية البارة في جبل الزاوية، ما "
                "أسفر عن إصابة ثلاثة أطفال.").events[0]
    assert event.country != "Libya"
    assert event.actor2 == "Civilians (Syria)"


@pytest.mark.parametrize(("text", "killed"), [
    ("قتل مسلحون مجهولون شابا بالرصاص في بلدة نوى بريف درعا.", 1),
    ("قتلت قوات النظام مدنيا في قصف على بلدة سراقب.", 1),
    ("قتل 14 شخصا في قصف على مدينة أريحا.", 14),
])
def test_one_victim_as_the_object_of_the_verb(pipeline: Pipeline, text: str,
                                              killed: int) -> None:
    """numbers v71: the accusative 'شابا' (a young man), the object of 'قتل' past its
    subject, is one dead (none were counted); after a count of 11 to 99 the same form is
    the count's noun."""
    assert run(pipeline, text).events[0].fatalities == killed


@pytest.mark.parametrize(("text", "actor"), [
    ("قتل ثلاثة مدنيين في غارة جوية روسية على بلدة معرة النعمان.", "Military Forces of Russia"),
    ("أصيب طفلان بقصف تركي على قرية في ريف تل تمر.", "Military Forces of Turkey"),
    ("استهدفت غارات إسرائيلية مستودعا للأسلحة قرب مطار دمشق.", "Military Forces of Israel"),
])
def test_a_strike_named_by_its_state_in_arabic(pipeline: Pipeline, text: str,
                                               actor: str) -> None:
    """actors v82: 'غارة جوية روسية' (a Russian air strike), the adjective after the noun as
    Arabic puts it, names the state that struck (actor1 was left empty)."""
    assert run(pipeline, text).events[0].actor1.startswith(actor)


@pytest.mark.parametrize("text", [
    "قال الدفاع المدني إن قصفا كيماويا استهدف البلدة فجر اليوم.",
    "أصيب عشرات المدنيين بحالات اختناق بعد سقوط صواريخ كيماوية على الحي.",
    "نقل المصابون بالغازات السامة إلى النقاط الطبية في البلدة.",
    "ضحايا الهجوم الكيميائي",
    "توفي رجل جراء المواد الكيميائية التي حملتها القذائف.",
])
def test_a_chemical_attack_told_in_arabic(pipeline: Pipeline, text: str) -> None:
    """Arabic words of a chemical attack (قصف كيماوي, صواريخ كيماوية, الغازات السامة, الهجوم
    الكيميائي, جراء المواد الكيميائية) say one happened, as the words of air strikes do
    (events v159); three words with their articles written on are a caption long enough to
    tell it (victims of the chemical attack)."""
    assert [e.sub_event_type for e in run(pipeline, text).events] == ["Chemical weapon"]


@pytest.mark.parametrize("text", [
    "بحث الوزيران ملف الأسلحة الكيميائية والتزامات الحكومة بتدميرها.",
    "المجلس المحلي",
])
def test_chemical_weapons_as_a_file_are_no_attack_in_arabic(pipeline: Pipeline,
                                                            text: str) -> None:
    """The weapons as a matter of talks, and a two-word heading, tell no attack."""
    assert run(pipeline, text).events == []


def test_the_city_with_its_article_is_no_town(pipeline: Pipeline) -> None:
    """المدينة is 'the city' (places v137: it had been Medina, Saudi Arabia); Medina itself
    is المدينة المنورة."""
    doc = run(pipeline, "قصفت قوات النظام المدينة بالقذائف المدفعية.")
    assert [p.name for p in doc.places] == []
    doc = run(pipeline, "قتل ثلاثة أشخاص في هجوم على مسجد في المدينة المنورة.")
    assert [p.country for p in doc.places] == ["Saudi Arabia"]
