"""The plain-text reader: encodings, refusals, the press-release header, scoring."""

from __future__ import annotations

import codecs
import random
from datetime import datetime
from pathlib import Path

import pytest

from raqib.capture.base import Limits, ReaderError, Sample
from raqib.capture.readers.text import TextReader

NOISE = random.Random(2018)  # fixed seed: the same "random" bytes every run

REPO_ROOT = Path(__file__).resolve().parents[2]
SEED = REPO_ROOT.parent / "shared" / "examples" / "press-release-2018-11-26.txt"
FIXTURE = REPO_ROOT / "tests" / "fixtures" / "capture" / "press-release-fictional.txt"

ENGLISH = (
    "The monitors recorded four strikes on the eastern bridge during the night — "
    "residents said the café near the river was hit.\n"
)
FRENCH = (
    "Le gouvernement a déclaré que les frappes aériennes ont touché l’hôpital à Idleb, "
    "selon des témoins présents sur place « hier soir ».\n"
)
ARABIC = "يواصل النظام السوري قصف المدن والقرى في ريف إدلب الجنوبي منذ أسابيع، بحسب شهود عيان.\n"

reader = TextReader()


@pytest.mark.parametrize(
    ("data", "encoding", "expected", "language"),
    [
        (codecs.BOM_UTF8 + ENGLISH.encode("utf-8"), "utf-8", ENGLISH, "en"),
        (ENGLISH.encode("utf-16"), "utf-16", ENGLISH, "en"),
        (codecs.BOM_UTF16_BE + ARABIC.encode("utf-16-be"), "utf-16", ARABIC, "ar"),
        (FRENCH.encode("cp1252"), "cp1252", FRENCH, "fr"),
        (ARABIC.encode("cp1256"), "cp1256", ARABIC, "ar"),
        (ARABIC.encode("utf-8"), "utf-8", ARABIC, "ar"),
    ],
    ids=["utf8-bom", "utf16-le-bom", "utf16-be-bom", "cp1252", "cp1256", "utf8-arabic"],
)
def test_encodings(
    write, limits: Limits, data: bytes, encoding: str, expected: str, language: str
) -> None:
    parsed = reader.read(write("doc.txt", data), limits)
    assert parsed.text == expected
    assert parsed.metadata["encoding"] == encoding
    assert parsed.language == language
    assert parsed.media_type == "text/plain"
    assert not parsed.text.startswith("\ufeff")


def test_newlines_normalised(write, limits: Limits) -> None:
    parsed = reader.read(write("doc.txt", b"line one\r\nline two\rline three\n"), limits)
    assert parsed.text == "line one\nline two\nline three\n"


@pytest.mark.parametrize(
    ("data", "cause"),
    [
        (b"", "empty"),
        (b"  \n\t\r\n ", "empty"),
        (NOISE.randbytes(4096), "not text"),
        (b"\x89PNG\r\n\x1a\n" + NOISE.randbytes(512), "not text"),
        (b"text with a NUL\x00 byte " * 20, "not text"),
        (b"\x01\x02\x03 control \x04\x05 characters \x06\x07" * 20, "not text"),
    ],
    ids=["empty", "whitespace", "random", "png", "nul", "controls"],
)
def test_refuses(write, limits: Limits, data: bytes, cause: str) -> None:
    with pytest.raises(ReaderError, match=f"^{cause}"):
        reader.read(write("doc.txt", data), limits)


def test_too_large(write) -> None:
    path = write("big.txt", b"word " * 100)
    with pytest.raises(ReaderError, match=r"too large to parse safely: 500 bytes > limit 100"):
        reader.read(path, Limits(max_parse_bytes=100))


@pytest.mark.skipif(not SEED.exists(), reason="shared seed press release not available")
def test_seed_press_release(limits: Limits) -> None:
    parsed = reader.read(SEED, limits)
    assert parsed.title == (
        "On Blatant Attempts by Assad Regime & Russia to Undermine Idlib Agreement & Justify "
        "Violations & Attacks"
    )
    assert parsed.publisher == "Syrian Coalition"
    assert parsed.department == "Media and Communications"
    assert parsed.published_at == datetime(2018, 11, 26, 15, 7)
    assert parsed.published_at.tzinfo is None
    assert parsed.kind == "press release"
    assert parsed.language == "en"
    assert parsed.text.startswith("Russia continues to adopt")
    assert "Monday, 26 November 2018" not in parsed.text
    assert "Press release" not in parsed.text
    assert "Home press releases" not in parsed.text


def test_own_press_release_fixture(limits: Limits) -> None:
    parsed = reader.read(FIXTURE, limits)
    assert parsed.title == "On Renewed Shelling of Residential Districts Near the Old Market"
    assert parsed.publisher == "Civilian Protection Council"
    assert parsed.department == "Public Information"
    assert parsed.kind == "press release"
    assert parsed.published_at == datetime(2019, 3, 14, 9, 45)
    assert parsed.metadata["published_at_precision"] == "minute"
    assert parsed.language == "en"
    assert parsed.text.startswith("The Council has received consistent accounts")
    assert "Home press releases" not in parsed.text
    assert "Press release" not in parsed.text


@pytest.mark.parametrize(
    ("head", "filename", "hint", "score"),
    [
        (b"plain words", "notes.txt", None, 10),
        (b"# Heading", "README.md", None, 10),
        (b"plain words", "blob", "text/plain; charset=utf-8", 10),
        (b"plain words", "blob", None, 5),
        (FRENCH.encode("cp1252"), "", None, 5),
        (b"\x89PNG\r\n\x1a\n\x00\x00", "image.txt", None, 0),
        (b"%PDF-1.7\n", "doc.txt", None, 0),
        (b"\x1f\x8b\x08\x00", "x.txt", None, 0),
        (NOISE.randbytes(2048), "blob", None, 0),
    ],
)
def test_score(head: bytes, filename: str, hint: str | None, score: int) -> None:
    assert reader.score(Sample(head=head, filename=filename, media_type_hint=hint)) == score


def test_score_tolerates_cut_multibyte_character() -> None:
    head = ("aé" * 3000).encode("utf-8")[:8192]
    assert head.endswith(b"a\xc3")  # the sample ends inside a two-byte character
    assert reader.score(Sample(head=head, filename="")) == 5
