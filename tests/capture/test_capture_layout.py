"""The press-release header recogniser, on the seed release, our fixture and variations."""

from __future__ import annotations

from datetime import datetime
from pathlib import Path

import pytest

from raqib.capture.layout import (
    guess_title,
    is_breadcrumb,
    kind_of,
    normalise_department,
    parse_layout,
)

REPO_ROOT = Path(__file__).resolve().parents[2]
SEED = REPO_ROOT.parent / "shared" / "examples" / "press-release-2018-11-26.txt"
FIXTURE = REPO_ROOT / "tests" / "fixtures" / "capture" / "press-release-fictional.txt"

SEED_TITLE = (
    "On Blatant Attempts by Assad Regime & Russia to Undermine Idlib Agreement & Justify "
    "Violations & Attacks"
)
BODY = (
    "The monitors recorded four strikes on the eastern bridge during the night, and local "
    "volunteers counted several damaged homes near the river.\n\n"
    "The group asks every party to keep civilians out of the fighting."
)


def release(*header: str, body: str = BODY, trailer: str = "") -> str:
    return "\n".join(header) + "\n\n" + body + ("\n\n" + trailer if trailer else "") + "\n"


@pytest.mark.skipif(not SEED.exists(), reason="shared seed press release not available")
def test_seed_press_release() -> None:
    layout = parse_layout(SEED.read_text(encoding="utf-8"))
    assert layout.title == SEED_TITLE
    assert layout.kind == "press release"
    assert layout.publisher == "Syrian Coalition"
    assert layout.department == "Media and Communications"
    assert layout.published_at == datetime(2018, 11, 26, 15, 7)
    assert layout.published_precision == "minute"
    assert layout.body.startswith("Russia continues to adopt")
    assert "Home press releases" not in layout.body
    assert "Press release" not in layout.body
    assert "November 26, 2018" not in layout.body
    assert "Department of Media" not in layout.body
    assert layout.body.endswith("bring those with blood on their hands to justice.")


def test_own_fixture_same_structure() -> None:
    layout = parse_layout(FIXTURE.read_text(encoding="utf-8"))
    assert layout.title == "On Renewed Shelling of Residential Districts Near the Old Market"
    assert layout.kind == "press release"
    assert layout.publisher == "Civilian Protection Council"
    assert layout.department == "Public Information"
    assert layout.published_at == datetime(2019, 3, 14, 9, 45)
    assert layout.body.startswith("The Council has received consistent accounts")
    assert layout.body.endswith("independent inquiry into the attacks.")
    assert "Home press releases" not in layout.body


@pytest.mark.parametrize(
    ("date_line", "expected", "precision"),
    [
        ("2019-03-14", datetime(2019, 3, 14), "day"),
        ("2019-03-14 09:45", datetime(2019, 3, 14, 9, 45), "minute"),
        ("14 March 2019", datetime(2019, 3, 14), "day"),
        ("Mar 14, 2019", datetime(2019, 3, 14), "day"),
        ("Posted on: 14/03/2019", datetime(2019, 3, 14), "day"),
        ("Thursday 14 March 2019 at 9:45 a.m.", datetime(2019, 3, 14, 9, 45), "minute"),
    ],
)
def test_date_formats(date_line: str, expected: datetime, precision: str) -> None:
    layout = parse_layout(
        release(
            date_line, "", "Shelling Near the Eastern Bridge", "", "Press release", "River Watch"
        )
    )
    assert layout.published_at == expected
    assert layout.published_precision == precision
    assert layout.title == "Shelling Near the Eastern Bridge"
    assert layout.body == BODY


def test_offset_in_date_line_is_kept() -> None:
    layout = parse_layout(
        release(
            "14 March 2019 09:45 EET", "Shelling Near the Bridge", "Press release", "River Watch"
        )
    )
    assert layout.published_at is not None
    assert layout.published_at.utcoffset() is not None
    assert layout.published_at.utcoffset().total_seconds() == 7200


def test_no_department_and_no_leading_date() -> None:
    layout = parse_layout(
        release("Shelling Near the Eastern Bridge", "Press Release", "River Watch", "14 March 2019")
    )
    assert layout.publisher == "River Watch"
    assert layout.department is None
    assert layout.published_at == datetime(2019, 3, 14)
    assert layout.body == BODY


def test_statement_marker() -> None:
    layout = parse_layout(release("Shelling Near the Eastern Bridge", "Statement", "River Watch"))
    assert layout.kind == "statement"
    assert layout.publisher == "River Watch"
    assert layout.body == BODY


@pytest.mark.parametrize(
    ("marker", "kind"),
    [
        ("PRESS RELEASE", "press release"),
        ("Press statement:", "statement"),
        ("News", "news article"),
        ("Report", "report"),
        ("بيان صحفي", "press release"),
    ],
)
def test_kind_table(marker: str, kind: str) -> None:
    assert kind_of(marker) == kind
    layout = parse_layout(release("Shelling Near the Eastern Bridge", marker, "River Watch"))
    assert layout.kind == kind


def test_marker_before_title() -> None:
    layout = parse_layout(
        release("Press release", "Shelling Near the Eastern Bridge", "River Watch", "Media Office")
    )
    assert layout.title == "Shelling Near the Eastern Bridge"
    assert layout.publisher == "River Watch"
    assert layout.department == "Media Office"
    assert layout.body == BODY


@pytest.mark.parametrize(
    "crumb",
    [
        "Home › Press releases › Shelling Near the Eastern Bridge",
        "Home > News > Statements",
        "Home » Releases",
        "Home / press / 2019",
        "Home press releases Shelling Near the Eastern Bridge",
    ],
)
def test_trailing_breadcrumbs_removed(crumb: str) -> None:
    text = release(
        "Shelling Near the Eastern Bridge", "Press release", "River Watch", trailer=crumb
    )
    assert parse_layout(text).body == BODY


def test_breadcrumb_rule_needs_home() -> None:
    assert is_breadcrumb("Home › News", None)
    assert not is_breadcrumb("Homes were destroyed › twice", None)
    assert not is_breadcrumb("Home owners said the strike came at night.", None)


def test_department_normalised() -> None:
    assert normalise_department("Department of Media and Communications") == (
        "Media and Communications"
    )
    assert normalise_department("The Department of  Public Information") == "Public Information"
    assert normalise_department("Media Department") == "Media"
    assert normalise_department("Office of the Spokesperson") == "Office of the Spokesperson"


def test_plain_article_unchanged() -> None:
    text = (
        "Residents of the northern districts said on Tuesday that the water supply had been cut "
        "for a third day after the pumping station was damaged.\n\n"
        "Engineers from the local council said repairs could take a week.\n"
    )
    layout = parse_layout(text)
    assert layout.body == text
    assert layout.kind is None
    assert layout.title is None
    assert layout.publisher is None
    assert layout.published_at is None


def test_article_with_clear_title_keeps_body() -> None:
    text = (
        "Water Cut in the Northern Districts\n\n"
        "Residents said on Tuesday that the water supply had been cut for a third day.\n\n"
        "Engineers said repairs could take a week.\n"
    )
    layout = parse_layout(text)
    assert layout.body == text
    assert layout.title == "Water Cut in the Northern Districts"
    assert layout.kind is None


def test_guess_title_prefers_none() -> None:
    assert guess_title(["A sentence that ends like a sentence.", "", "More text."]) is None
    assert guess_title(["lower case start of something", "", "More text."]) is None
    assert guess_title(["Only one line"]) is None
    assert guess_title(["Heading directly followed", "by more text", "", "x"]) is None


def test_news_word_mid_article_is_not_a_header() -> None:
    text = "First paragraph of a story that is long enough to be a paragraph.\n\nNews\n\n" + BODY
    layout = parse_layout(text)
    assert layout.kind is None
    assert layout.body == text


def test_marker_without_title_is_not_a_header() -> None:
    text = "Press release\n\n" + BODY + "\n"
    layout = parse_layout(text)
    assert layout.kind is None
    assert layout.body == text


def test_leading_date_without_header_fills_date_only() -> None:
    text = "26 November 2018\n\n" + BODY
    layout = parse_layout(text)
    assert layout.published_at == datetime(2018, 11, 26)
    assert layout.body == text
    assert layout.kind is None
