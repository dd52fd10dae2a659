"""Text features of reports for incident linking: the TF-IDF vector of a report's content
words and a bottom-k sketch of its word 3-shingles, and the similarity of two reports' features
(:mod:`raqib.incidents.linking` documents how they are scored). Pure functions; the document
frequencies that weigh the words live in the index."""

from __future__ import annotations

import math
import sys
import zlib
from collections.abc import Mapping
from dataclasses import dataclass

from raqib.extract.classifier import words
from raqib.incidents.records import ReportView

STOP_WORDS = frozenset(
    words(
        """a an and are as at be been by for from had has have he in into is it its of on or
    said says that the their there they this to was were which who will with after also
    over than then near while"""
    )
)
"""Words too common to tell two reports apart (English; other languages pass through)."""

SKETCH_SHINGLE = 3
"""Words per shingle in the near-duplicate sketch."""


@dataclass(frozen=True, slots=True)
class TextFeatures:
    """What text similarity needs of one report, computed once."""

    terms: dict[str, int]
    """Counts of the content words of ``text`` (the evidence words and the title)."""
    vector: dict[str, float]
    """``terms`` as a unit-length TF-IDF vector (square-root term frequency), weighted by the
    document frequencies known when the features were made; never re-weighted later."""
    sketch: tuple[int, ...]
    """The smallest shingle hashes of ``full_text`` (or ``text``), sorted: a bottom-k sketch."""
    common: frozenset[str] = frozenset()
    """The report's actors that a large share of the reports placed before it name
    (``LinkSettings.common_actor_share``): shared, they do not vouch for a day-apart link."""


NO_TERMS: dict[str, int] = {}
"""The ``terms`` of features an index keeps: the counts serve the document frequencies when a
report is added, and are not read again (never written to: shared)."""

_MASK = (1 << 64) - 1


def _mix(value: int) -> int:
    """splitmix64's finaliser: spreads the bits of a 64-bit integer."""
    value = ((value ^ (value >> 30)) * 0xBF58476D1CE4E5B9) & _MASK
    value = ((value ^ (value >> 27)) * 0x94D049BB133111EB) & _MASK
    return value ^ (value >> 31)


def shingle_hashes(tokens: list[str]) -> set[int]:
    """Stable 64-bit hashes of the word 3-shingles (one shingle for shorter texts); the same
    in every process, unlike ``hash()``."""
    if not tokens:
        return set()
    h = [zlib.crc32(t.encode()) for t in tokens]
    if len(h) < SKETCH_SHINGLE:
        h += [0] * (SKETCH_SHINGLE - len(h))
    return {
        _mix((h[i] << 40) ^ (h[i + 1] << 20) ^ h[i + 2] ^ (h[i + 2] << 52))
        for i in range(len(h) - SKETCH_SHINGLE + 1)
    }


def weigh(terms: Mapping[str, int], df: Mapping[str, int], docs: int) -> dict[str, float]:
    """Unit-length TF-IDF vector of term counts: square-root term frequency, smooth idf
    ``log((1 + docs) / (1 + df)) + 1`` from the document frequencies ``df`` of ``docs``
    documents."""
    n, known, log, sqrt = 1 + docs, df.get, math.log, math.sqrt
    vector = {t: sqrt(c) * (log(n / (1 + known(t, 0))) + 1.0) for t, c in terms.items()}
    norm = math.sqrt(sum(w * w for w in vector.values()))
    return {t: w / norm for t, w in vector.items()} if norm else {}


def text_features(
    report: ReportView, sketch_size: int, df: Mapping[str, int], docs: int
) -> TextFeatures:
    """``df``, ``docs``: the document frequencies that weigh the report's words."""
    tokens = words(report.text)
    terms: dict[str, int] = {}
    for token in tokens:
        if len(token) > 1 and token not in STOP_WORDS:
            token = sys.intern(token)  # one string per word, not one per report holding it
            terms[token] = terms.get(token, 0) + 1
    if report.full_text:
        tokens = words(report.full_text)
    sketch = tuple(sorted(shingle_hashes(tokens))[:sketch_size])
    return TextFeatures(terms, weigh(terms, df, docs), sketch)


def cosine(a: Mapping[str, float], b: Mapping[str, float]) -> float:
    """Cosine of two unit-length sparse vectors."""
    if len(a) > len(b):
        a, b = b, a
    return min(1.0, sum([w * b[t] for t, w in a.items() if t in b]))


def resemblance(a: tuple[int, ...], b: tuple[int, ...], size: int) -> float:
    """Estimated Jaccard resemblance of two shingle sets from their bottom-k sketches."""
    if not a or not b:
        return 0.0
    both = set(a).intersection(b)
    if not both:  # most pairs: no shingle shared
        return 0.0
    union = sorted(set(a).union(b))[:size]
    return sum(1 for h in union if h in both) / len(union)


def text_similarity(a: TextFeatures, b: TextFeatures, sketch_size: int) -> float:
    """The larger of the TF-IDF cosine and the near-duplicate resemblance."""
    return max(cosine(a.vector, b.vector), resemblance(a.sketch, b.sketch, sketch_size))
