"""Shared rendering: charts and maps are real, non-empty PNGs; PDFs open, hold their text
(Arabic included) and are reproducible."""

from __future__ import annotations

import io
from datetime import datetime

import numpy as np
import pypdf
import pytest
from matplotlib import image as mpimg

from raqib.outputs import render
from raqib.outputs.report_pdf import cell_for_pdf, lines_for_pdf

PNG = b"\x89PNG\r\n\x1a\n"
ALEPPO_AR = "حلب"
QUOTE_AR = "إصابة 107 مدنيين بحالات اختناق في حلب"


def colours(png: bytes) -> int:
    pixels = mpimg.imread(io.BytesIO(png), format="png")
    return len(np.unique(pixels.reshape(-1, pixels.shape[-1]), axis=0))


def test_bar_chart_is_a_stacked_png_with_content() -> None:
    png = render.bar_chart("Incidents by actor", ["Military Forces of Syria (2000-)", "Rebels"],
                           {"confirmed": [1, 2], "weak": [3, 0]})
    assert png.startswith(PNG) and len(png) > 5000
    assert colours(png) > 10  # bars, text, grid: not a blank canvas
    assert png == render.bar_chart("Incidents by actor",
                                   ["Military Forces of Syria (2000-)", "Rebels"],
                                   {"confirmed": [1, 2], "weak": [3, 0]})


def test_bar_chart_of_many_days_and_of_nothing() -> None:
    days = render.bar_chart("By day", [str(d) for d in range(1, 31)], {"n": list(range(30))})
    assert days.startswith(PNG) and colours(days) > 10
    empty = render.bar_chart("Nothing", [], {})
    assert empty.startswith(PNG)


def test_bar_chart_rejects_series_of_the_wrong_length() -> None:
    with pytest.raises(ValueError, match="2 values for 3 labels"):
        render.bar_chart("x", ["a", "b", "c"], {"s": [1, 2]})


def test_map_has_points_and_a_background(tmp_path: object) -> None:
    png = render.map_image([(36.2, 37.16, 3, "9"), (35.93, 36.63, 0, ALEPPO_AR)], "Map",
                           zones=[("zone", [(35.5, 36.2), (36.3, 36.9), (35.5, 36.2)])])
    assert png.startswith(PNG) and len(png) > 10000
    pixels = mpimg.imread(io.BytesIO(png), format="png")
    red = (pixels[..., 0] > 0.7) & (pixels[..., 1] < 0.55) & (pixels[..., 2] < 0.55)
    assert red.sum() > 50  # the incident markers
    assert colours(png) > 20


def test_map_background_comes_from_the_gazetteer() -> None:
    towns, regions = render.background_places((35.0, 37.0, 36.0, 38.0))
    assert any(name == "Aleppo" for _, _, name, _ in towns[:5])
    assert regions


def test_map_without_points_says_so() -> None:
    assert render.map_image([], "Empty").startswith(PNG)


def sections() -> list[render.Section]:
    chart = render.bar_chart("Chart", ["a", "b"], {"n": [1, 2]})
    return [
        render.Section("Summary", ["Incident 9 at Aleppo.", f"قصفت قوات النظام مدينة {ALEPPO_AR}",
                                   f"Source: SANA: “{QUOTE_AR}” (document 51fa9fd7)"],
                       table=(["id", "place", "note"],
                              [["9", ALEPPO_AR, "x" * 300], ["10", "Idlib", QUOTE_AR]]),
                       images=[chart]),
        render.Section("Details", ["More."], level=2),
    ]


def test_pdf_opens_with_text_arabic_images_and_page_numbers() -> None:
    data = render.pdf("Report title", sections(), "subtitle", created=datetime(2018, 12, 1))
    reader = pypdf.PdfReader(io.BytesIO(data))
    text = "\n".join(page.extract_text() for page in reader.pages)
    for words in ("Report title", "Summary", "Incident 9 at Aleppo", "Details", "page 1 of"):
        assert words in text
    assert ALEPPO_AR in text and "مدنيين" in text and "قصفت" in text
    assert str(reader.metadata.get("/CreationDate")).startswith("D:20181201")
    assert any(page.images for page in reader.pages)


def test_pdf_is_reproducible_for_one_creation_date() -> None:
    made = [render.pdf("T", sections(), created=datetime(2018, 12, 1)) for _ in range(2)]
    assert made[0] == made[1]


def test_creation_date_from_source_date_epoch(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("SOURCE_DATE_EPOCH", "1543622400")
    assert render.creation_date().isoformat() == "2018-12-01T00:00:00+00:00"


def test_right_to_left_runs_with_numbers_get_their_own_line() -> None:
    text = f"Source: SANA: “{QUOTE_AR}” (document 1)"
    assert lines_for_pdf(text) == ["Source: SANA:", f"“{QUOTE_AR}”", "(document 1)"]
    assert lines_for_pdf("Mixed: معرة النعمان (Maarat)") == ["Mixed: معرة النعمان (Maarat)"]
    assert cell_for_pdf(text).startswith("\u200f")
    assert cell_for_pdf(QUOTE_AR) == QUOTE_AR


def test_html_inlines_images_and_escapes_text() -> None:
    page = render.html("T <x>", sections(), "sub")
    assert page.count('src="data:image/png;base64,iVBORw0KGgo') == 1
    assert "T &lt;x&gt;" in page and ALEPPO_AR in page and "<h3" in page


def test_text_is_shaped_only_where_a_script_needs_it() -> None:
    from raqib.outputs.report_pdf import needs_shaping

    assert needs_shaping("Aleppo", "حلب")
    assert needs_shaping("\u200fقذائف 107")
    assert not needs_shaping("Khān Shaykhūn, Idleb", "Ανθρώπινα", "Алеппо", "“quoted” – 5")
    assert not needs_shaping()
