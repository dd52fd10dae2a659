"""Arabic attribution (``raqib.extract.claims_arabic``, extract.claims.v3) on sentences the
project wrote in the way Syrian and Russian outlets report: the verb first, then who speaks,
then what was said after أن or إن; "according to" at either end."""

from __future__ import annotations

from datetime import date

import pytest

from raqib.extract.pipeline import Pipeline

COALITION = "Syrian Coalition: National Coalition of Syrian Revolution and Opposition Forces"
RUSSIA = "Military Forces of Russia (2000-)"


@pytest.mark.parametrize(("text", "stance", "hedged", "claimant", "actor", "statement"), [
    ("أكد الائتلاف الوطني السوري أن نظام الأسد استخدم الأسلحة الكيماوية أكثر من 140 مرة.",
     "asserts", False, "الائتلاف الوطني السوري", COALITION,
     "نظام الأسد استخدم الأسلحة الكيماوية أكثر من 140 مرة"),
    ("قالت وزارة الدفاع الروسية في بيان إن المجموعات الإرهابية أطلقت قذائف تحوي غاز الكلور.",
     "asserts", False, "وزارة الدفاع الروسية", RUSSIA,
     "المجموعات الإرهابية أطلقت قذائف تحوي غاز الكلور"),
    ("نفى الائتلاف الوطني السوري أن تكون فصائل المعارضة قد استخدمت أي مواد سامة.",
     "denies", False, "الائتلاف الوطني السوري", COALITION,
     "تكون فصائل المعارضة قد استخدمت أي مواد سامة"),
    ("اتهمت وزارة الدفاع الروسية المجموعات الإرهابية بإطلاق قذائف تحوي غازات سامة.",
     "accuses", False, "وزارة الدفاع الروسية", RUSSIA,
     "المجموعات الإرهابية بإطلاق قذائف تحوي غازات سامة"),
    ("وطالب الائتلاف مجلس الأمن بإحالة الملف إلى المحكمة الجنائية الدولية.",
     "calls_for", False, "الائتلاف", COALITION,
     "مجلس الأمن بإحالة الملف إلى المحكمة الجنائية الدولية"),
    ("وفقاً للمرصد السوري لحقوق الإنسان، قتل 5 مدنيين في قصف على ريف إدلب.",
     "asserts", True, "للمرصد السوري لحقوق الإنسان",
     "SOHR: Syrian Observatory for Human Rights", "قتل 5 مدنيين في قصف على ريف إدلب"),
    ("قتل 5 مدنيين في قصف على ريف إدلب، بحسب الدفاع المدني.",
     "asserts", True, "الدفاع المدني", "Syria Civil Defence (White Helmets)",
     "قتل 5 مدنيين في قصف على ريف إدلب"),
])
def test_an_arabic_attribution_is_a_claim(pipeline: Pipeline, text: str, stance: str,
                                          hedged: bool, claimant: str, actor: str,
                                          statement: str) -> None:
    doc = pipeline.run("c", text, date(2018, 11, 25))
    claim = doc.claims[0]
    assert (claim.stance, claim.hedged) == (stance, hedged)
    assert (claim.claimant, claim.claimant_actor) == (claimant, actor)
    assert claim.statement == statement == text[claim.start:claim.end]


def test_an_arabic_sentence_without_attribution_has_no_claim(pipeline: Pipeline) -> None:
    doc = pipeline.run("c", "قصفت قوات النظام بلدة كفرنبل بالمدفعية.", date(2018, 11, 25))
    assert doc.claims == []


def test_the_content_may_begin_past_the_claimants_reach(pipeline: Pipeline) -> None:
    """أن as the tenth word after the verb: the content is the words after it, which lie
    beyond the ten the claimant may take (the first form read only within those ten)."""
    text = ("وقال مصدر عسكري في الجيش العربي السوري في حديث خاص إن "
            "المجموعات الإرهابية قصفت الأحياء السكنية.")
    claim = pipeline.run("c", text, date(2018, 11, 25)).claims[0]
    assert claim.claimant == "مصدر عسكري"
    assert claim.statement == "المجموعات الإرهابية قصفت الأحياء السكنية"
