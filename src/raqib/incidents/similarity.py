"""The parts of incident linking that compare two reports field by field.

Pure helpers for :mod:`raqib.incidents.linking` (whose docstring documents the scoring): text
features (TF-IDF vector and a bottom-k shingle sketch), text similarity, dates and distance,
and the pair and incident scores with their settings; how two reports' event types, actors
and place names relate is :mod:`raqib.incidents.relations`. Nothing here keeps state; the
document frequencies live in the index.
"""

from __future__ import annotations

import math
import sys
import zlib
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, replace
from functools import lru_cache

from raqib.extract.classifier import words
from raqib.geo import km_apart
from raqib.incidents.records import ReportView
from raqib.incidents.relations import (
    SAME_SUB_EVENT,
    UNKNOWN_TYPE,
    actor_names,
    actor_relation,
    same_name,
    specific_actor,
    type_relation,
)

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


def report_features(report: ReportView, s: LinkSettings, df: Mapping[str, int], docs: int,
                    actors: Mapping[str, int]) -> TextFeatures:
    """What the linker compares of ``report`` besides its fields: its words weighed by the
    document frequencies ``df`` of ``docs`` reports, and its actors that ``actors`` (reports
    naming each) make common (``LinkSettings.common_actor_share``)."""
    feats = text_features(report, s.sketch_size, df, docs)
    if docs < s.common_actor_min_reports:
        return feats
    least = s.common_actor_share * docs
    common = frozenset(n for n in actor_names(report) if actors.get(n, 0) >= least)
    return replace(feats, common=common) if common else feats


def cosine(a: Mapping[str, float], b: Mapping[str, float]) -> float:
    """Cosine of two unit-length sparse vectors."""
    if len(a) > len(b):
        a, b = b, a
    return min(1.0, sum(w * b[t] for t, w in a.items() if t in b))


def resemblance(a: tuple[int, ...], b: tuple[int, ...], size: int) -> float:
    """Estimated Jaccard resemblance of two shingle sets from their bottom-k sketches."""
    if not a or not b:
        return 0.0
    union = sorted(set(a) | set(b))[:size]
    both = set(a) & set(b)
    return sum(1 for h in union if h in both) / len(union)


def text_similarity(a: TextFeatures, b: TextFeatures, sketch_size: int) -> float:
    """The larger of the TF-IDF cosine and the near-duplicate resemblance."""
    return max(cosine(a.vector, b.vector), resemblance(a.sketch, b.sketch, sketch_size))


# --- pairs of reports -------------------------------------------------------------------

GATED = -1.0
"""The score of a pair that a hard gate keeps apart."""


@dataclass(frozen=True)
class LinkSettings:
    """Thresholds and windows of linking; the defaults are documented in
    :mod:`raqib.incidents.linking`, which re-exports this class."""

    threshold: float = 0.6
    text_only_threshold: float = 0.8
    weak_place_min_text: float = 0.5
    near_day_min_text: float = 0.3
    day_windows: tuple[int, int, int] = (1, 7, 31)
    km_windows: tuple[float, float, float] = (10.0, 25.0, 75.0)
    date_scores: tuple[float, float, float] = (1.0, 0.6, 0.4)
    near_day_score: float = 0.5
    place_specificity: tuple[float, float, float] = (1.0, 0.85, 0.6)
    location_place_score: float = 0.7
    admin1_place_score: float = 0.4
    weight_date: float = 0.30
    weight_place: float = 0.25
    weight_type: float = 0.15
    weight_actor: float = 0.10
    weight_text: float = 0.20
    rare_types: tuple[str, ...] = ("Chemical weapon", "Suicide bomb")
    """Sub-event types whose events are few and far between and told for days after: two
    reports of one such type are compared over ``rare_days`` and ``rare_km``."""
    rare_days: int = 3
    rare_km: float = 75.0
    follow_up_days: int = 10
    """How long after an attack of a rare type a report dated only by its own publication day
    may still tell of it (``follow_up``: reactions, tests, inquiries, funerals)."""
    rare_unplaced_score: float = 0.5
    """The place part of two reports of one rare type when one gives neither coordinates nor
    a province: their day and kind vouch for the link, with some words in common. 0.5, as an
    unknown actor's or type's part is (0.3 until 2026-12-05)."""
    representatives: int = 6
    """Members of an incident that a new report is compared with (its first ones)."""
    max_candidates: int = 256
    cell_degrees: float = 0.25
    bucket_days: int = 4
    sketch_size: int = 8
    sketch_bucket_cap: int = 32
    common_actor_share: float = 0.2
    """An actor named by at least this share of the reports placed before (once there are
    ``common_actor_min_reports``) is common: sharing it does not let two reports a day apart
    with little text in common link (``near_day_min_text``)."""
    common_actor_min_reports: int = 100


def precision_level(*values: int) -> int:
    """The coarsest of ACLED precision codes, held to 1-3."""
    return min(3, max(1, *values))


def has_coords(report: ReportView) -> bool:
    """The report has a point that says where in its country it happened."""
    return (report.latitude is not None and report.longitude is not None
            and not country_only(report))


def country_only(report: ReportView) -> bool:
    """Placed only in its country ('Trump says Syria attack cannot be tolerated'), coded as
    ACLED codes a country: at its capital, precision 3, no admin1. The capital's point says
    nothing of where the event was, so the report is compared as one without a place."""
    return bool(report.country.strip()) and (
        (report.geo_precision >= 3 and not report.admin1.strip())
        or same_name(report.location, report.country))


def _note(notes: list[str] | None, text: str) -> None:
    if notes is not None:
        notes.append(text)


def rare(report: ReportView, s: LinkSettings) -> bool:
    """The report's sub-event type is one of ``s.rare_types``."""
    return report.sub_event_type.casefold() in _folded(s.rare_types)


@lru_cache(maxsize=16)
def _folded(names: tuple[str, ...]) -> frozenset[str]:
    return frozenset(name.casefold() for name in names)


def follow_up(report: ReportView, s: LinkSettings) -> bool:
    """A report of a rare type dated to its own document's publication day that counts no
    dead of its own: the words gave no earlier day, so the attack they tell of may be days
    older (a reaction, a test result, an inquiry: "Sarin nerve gas used in Syria, British
    scientists say", published nine days after the attack). A report with a toll of its own
    is news of an attack on its day ("Four killed in suspected gas attack on Aleppo", eight
    days after another on the city)."""
    return (report.published is not None and report.event_date == report.published
            and report.fatalities == 0 and rare(report, s))


def day_window(report: ReportView, s: LinkSettings) -> int:
    window = s.day_windows[precision_level(report.time_precision) - 1]
    if not rare(report, s):
        return window
    return max(window, s.rare_days, s.follow_up_days if follow_up(report, s) else 0)


def km_window(report: ReportView, s: LinkSettings) -> float:
    limit = s.km_windows[precision_level(report.geo_precision) - 1]
    return max(limit, s.rare_km) if rare(report, s) else limit


def _date_part(
    a: ReportView, b: ReportView, s: LinkSettings, notes: list[str] | None, both_rare: bool
) -> tuple[float | None, bool]:
    """The date score (None: a date is missing; GATED) and whether it is a day off."""
    if a.event_date is None or b.event_date is None:
        _note(notes, "date missing")
        return None, False
    days = abs((a.event_date - b.event_date).days)
    level = precision_level(a.time_precision, b.time_precision)
    window = s.day_windows[level - 1]
    if both_rare and level == 1 and 0 < days <= s.rare_days:
        # the place part's shape: full on the day, half at the window's end
        _note(notes, f"{days} day{'s' if days > 1 else ''} apart, within the window of a "
              f"rare type ({s.rare_days} days)")
        return s.date_scores[0] * (1 - 0.5 * days / s.rare_days), False
    if both_rare and days > window and days <= s.rare_days:
        _note(notes, f"{days} days apart, within the window of a rare type")
        return s.date_scores[2], False
    later = a if a.event_date > b.event_date else b
    if both_rare and window < days <= s.follow_up_days and follow_up(later, s):
        # the later report names no day before its own publication: scored as a week's date
        _note(notes, f"{days} days apart, the later dated only by its publication: a "
              f"follow-up of a rare type ({s.follow_up_days} days)")
        return s.date_scores[1], False
    if days > window:
        _note(notes, f"{days} days apart (window {window} days)")
        return GATED, False
    if level == 1:
        _note(notes, "same day" if days == 0 else f"{days} day apart")
        return (s.date_scores[0], False) if days == 0 else (s.near_day_score, True)
    span = "week" if level == 2 else "month"
    _note(notes, f"{days} days apart, dates known only to the {span}")
    return s.date_scores[level - 1], False


def _place_part(
    a: ReportView, b: ReportView, s: LinkSettings, notes: list[str] | None, both_rare: bool
) -> tuple[float | None, bool]:
    """The place score (None: no place to compare; GATED) and whether it is a weak match."""
    level = precision_level(a.geo_precision, b.geo_precision)
    if has_coords(a) and has_coords(b):
        km = km_apart(a.latitude, a.longitude, b.latitude, b.longitude)  # type: ignore[arg-type]
        limit = s.km_windows[level - 1]
        if both_rare:
            limit = max(limit, s.rare_km)
        if km > limit:
            _note(notes, f"{km:.0f} km apart (limit {limit:.0f} km)")
            return GATED, False
        _note(notes, f"{km:.0f} km apart")
        return (1 - 0.5 * km / limit) * s.place_specificity[level - 1], False
    if a.country and b.country and not same_name(a.country, b.country):
        _note(notes, f"different countries ({a.country} vs {b.country})")
        return GATED, False
    has_admin = bool(a.admin1.strip() and b.admin1.strip())
    if has_admin and not same_name(a.admin1, b.admin1):
        _note(notes, f"different admin1 ({a.admin1} vs {b.admin1})")
        return GATED, False
    if same_name(a.location, b.location):
        _note(notes, f"same location ({a.location}), no coordinates")
        return s.location_place_score, not has_admin
    if has_admin:
        _note(notes, f"same admin1 ({a.admin1}), no coordinates")
        return s.admin1_place_score, True
    if both_rare:
        _note(notes, "a rare type, no place on one side")
        return s.rare_unplaced_score, False
    _note(notes, "place missing")
    return None, False


def compare(
    a: ReportView,
    fa: TextFeatures,
    b: ReportView,
    fb: TextFeatures,
    s: LinkSettings,
    notes: list[str] | None = None,
) -> float:
    """Score of one pair of reports in [0, 1], or ``GATED``; reasons go to ``notes``."""
    kind, words = type_relation(a, b)
    _note(notes, words)
    if kind is None:
        return GATED
    both_rare = kind == SAME_SUB_EVENT and rare(a, s)
    when, day_off = _date_part(a, b, s, notes, both_rare)
    if when == GATED:
        return GATED
    where, weak = _place_part(a, b, s, notes, both_rare)
    if where == GATED:
        return GATED
    text = text_similarity(fa, fb, s.sketch_size)
    _note(notes, f"text similarity {text:.2f}")
    if when is None or where is None:
        enough = text >= s.text_only_threshold
        _note(notes, f"date or place missing: text alone {'is' if enough else 'is not'} "
              f"similar enough (>= {s.text_only_threshold:.2f})")
        return text if enough else 0.0
    if weak and text < s.weak_place_min_text:
        _note(notes, f"place known only by name or admin1 and text similarity below "
              f"{s.weak_place_min_text:.2f}")
        return 0.0
    if day_off and kind != SAME_SUB_EVENT and kind != UNKNOWN_TYPE:
        _note(notes, "a day apart and of different sub-event types")
        return 0.0
    actor, actor_words = actor_relation(a, b)
    _note(notes, actor_words)
    if day_off and text < s.near_day_min_text and (
            actor < 1.0 or not specific_actor(a, b, fa.common | fb.common)):
        shared = "no shared actor" if actor < 1.0 else "only a common actor shared"
        _note(notes, f"a day apart, {shared} and text similarity below "
              f"{s.near_day_min_text:.2f}")
        return 0.0
    return (s.weight_date * when + s.weight_place * where + s.weight_type * kind
            + s.weight_actor * actor + s.weight_text * text)


def incident_score(
    report: ReportView,
    feats: TextFeatures,
    representatives: Sequence[tuple[ReportView, TextFeatures]],
    s: LinkSettings,
) -> float:
    """The best pair score against the representatives, or ``GATED`` if any gate fires."""
    best = 0.0
    for member, member_feats in representatives:
        score = compare(report, feats, member, member_feats, s)
        if score == GATED:
            return GATED
        best = max(best, score)
    return best
