"""The page helpers that build HTML: search hits, span highlighting, JSON in scripts."""

from __future__ import annotations

import json

from raqib.web.pages.document import analysed_text
from raqib.web.pages.fmt import Span, highlighted, marked, month_counts, script_json
from raqib.web.pages.session import safe_next


def test_marked_turns_hits_into_marks_and_escapes_everything_else() -> None:
    text = marked("<b>x</b> [[chlorine]] & [[<script>]] ...")
    assert str(text) == ("&lt;b&gt;x&lt;/b&gt; <mark>chlorine</mark> &amp; "
                         "<mark>&lt;script&gt;</mark> ...")
    assert str(marked(None)) == ""


def test_highlighted_cuts_overlapping_spans_and_links_each_piece() -> None:
    text = "Shells hit <Aleppo> city"
    html = str(highlighted(text, [Span(0, 24, "r1-sub", "sub", "passage"),
                                  Span(11, 19, "r1-location", "location")]))
    assert '<a class="span field" href="#r1-location" title="location, sub" ' \
           'id="span-r1-location"><mark>&lt;Aleppo&gt;</mark></a>' in html
    assert html.count('href="#r1-sub"') == 2  # before and after the place
    assert "<Aleppo>" not in html


def test_highlighted_ignores_spans_outside_the_text() -> None:
    assert str(highlighted("abc", [Span(2, 9, "x", "x"), Span(-1, 1, "y", "y")])) == "abc"


def test_script_json_cannot_close_the_script_element() -> None:
    value = {"name": "</script><script>alert(1)</script> & more"}
    text = str(script_json(value))
    assert "</" not in text and "&" not in text.replace("\\u0026", "")
    assert json.loads(text) == value


def test_month_counts_fill_the_gaps() -> None:
    items = [{"event_date": "2018-10-02", "event_type": "Battles"},
             {"event_date": "2018-12-30", "event_type": "Battles"},
             {"event_date": None, "event_type": "Riots"}]
    chart = month_counts(items)
    assert chart["months"] == ["2018-10", "2018-11", "2018-12"]
    assert chart["series"] == [{"label": "Battles", "colour": "#c0392b", "data": [1, 0, 1]}]


def test_analysed_text_is_what_the_extractor_read() -> None:
    assert analysed_text("Title", "Body") == "Title\n\nBody"
    assert analysed_text("Title", "Title and body") == "Title and body"
    assert analysed_text(None, "Body") == "Body"


def test_safe_next_stays_on_the_site() -> None:
    assert safe_next("/incidents/3?x=1") == "/incidents/3?x=1"
    for bad in ("//evil", "https://evil", "/\\evil", "", None, "evil"):
        assert safe_next(bad) == "/"
