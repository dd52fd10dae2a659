"""Language identification: ISO 639-1 codes, None when short or unsure, lazy model."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest

from raqib.capture.language import detect_language, language_probabilities

SRC = Path(__file__).resolve().parents[2] / "src"


@pytest.mark.parametrize(
    ("text", "code"),
    [
        ("The council calls on all parties to respect the ceasefire in the north.", "en"),
        ("يواصل النظام السوري قصف المدن والقرى في ريف إدلب الجنوبي منذ أسابيع", "ar"),
        ("Le gouvernement a annoncé hier soir la reprise des négociations à Genève.", "fr"),
    ],
)
def test_detects_language(text: str, code: str) -> None:
    assert detect_language(text) == code


@pytest.mark.parametrize(
    "text",
    ["", "Hello", "12345 67890 !!! ???", "short text here", "asdf qwer zxcv uiop hjkl asdf qwer"],
)
def test_none_when_short_or_unsure(text: str) -> None:
    assert detect_language(text) is None


def test_arabic_dialect_labels_fold_into_ar() -> None:
    probabilities = language_probabilities("قصفت الطائرات مستشفى في المدينة صباح اليوم")
    assert all(len(code) == 2 for code in probabilities)
    assert max(probabilities, key=probabilities.__getitem__) == "ar"


def test_import_does_not_load_model() -> None:
    code = (
        "import sys; import raqib.capture.language as l; "
        "print(l._identifier.cache_info().currsize, 'py3langid.langid' in sys.modules)"
    )
    result = subprocess.run(
        [sys.executable, "-c", code],
        capture_output=True,
        text=True,
        check=True,
        env={"PYTHONPATH": str(SRC)},
    )
    assert result.stdout.split() == ["0", "False"]
