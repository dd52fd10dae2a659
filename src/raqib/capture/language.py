"""Language identification with py3langid, returning ISO 639-1 codes.

The model ships inside the py3langid package; it is loaded on first use (cached for the
process), never at import.
"""

from __future__ import annotations

from functools import lru_cache
from typing import Any

MIN_LETTERS = 20
"""Texts with fewer letters than this are too short to identify."""
MIN_PROBABILITY = 0.5
"""Normalised probability the best language (variants summed) must reach."""
MAX_CHARS = 20_000
"""Only the start of long texts is classified; it is enough and keeps the cost bounded."""

# py3langid labels that are not ISO 639-1 but belong to a language that has a code:
# Arabic dialects, Southern Uzbek, Cantonese and Wu Chinese, Southern Kurdish, Guaraní.
_VARIANTS: dict[str, str] = {
    "ary": "ar",
    "arz": "ar",
    "uzs": "uz",
    "yue": "zh",
    "wuu": "zh",
    "sdh": "ku",
    "gug": "gn",
}


@lru_cache(maxsize=1)
def _identifier() -> Any:
    from py3langid.langid import MODEL_FILE, LanguageIdentifier

    return LanguageIdentifier.from_model_file(MODEL_FILE, norm_probs=True)


def _iso639_1(label: str) -> str | None:
    if label in _VARIANTS:
        return _VARIANTS[label]
    return label if len(label) == 2 else None


def language_probabilities(text: str) -> dict[str, float]:
    """Normalised probability per ISO 639-1 code (dialect labels folded into their language)."""
    totals: dict[str, float] = {}
    for label, probability in _identifier().rank(text[:MAX_CHARS]):
        code = _iso639_1(label)
        if code is not None:
            totals[code] = totals.get(code, 0.0) + float(probability)
    return totals


def detect_language(text: str) -> str | None:
    """The ISO 639-1 code of ``text``'s language, or None if too short or not confident."""
    sample = text[:MAX_CHARS]
    if sum(1 for char in sample if char.isalpha()) < MIN_LETTERS:
        return None
    totals = language_probabilities(sample)
    if not totals:
        return None
    best = max(totals, key=lambda code: (totals[code], code))
    return best if totals[best] >= MIN_PROBABILITY else None
