"""The parts of incident linking that compare two reports field by field.

Pure helpers for :mod:`raqib.incidents.linking` (whose docstring documents the scoring): the
date and place parts, and the pair and incident scores; the settings and each report's windows
of days and kilometres are :mod:`raqib.incidents.windows`, text features and their
similarity are :mod:`raqib.incidents.text`, and how two reports' event types, actors and place
names relate is :mod:`raqib.incidents.relations`, and the gates sought before anything is
scored :mod:`raqib.incidents.gates`. What the scoring reads of a report is derived once, in a
:class:`ReportKey` (``report_key``), not again for every pair it is in.
Nothing here keeps state; the document frequencies live in the index.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, replace
from datetime import date
from functools import lru_cache

from raqib.geo import Point, km_between, point
from raqib.incidents.records import ReportView
from raqib.incidents.relations import (
    SAME_SUB_EVENT,
    UNKNOWN_TYPE,
    Actors,
    actor_names,
    actors,
    actors_relation,
    place_name,
    specific_actors,
    types_relation,
)
from raqib.incidents.text import (
    NO_TERMS,
    TextFeatures,
    cosine,
    resemblance,
    text_features,
    text_similarity,
)
from raqib.incidents.windows import (
    LinkSettings,
    country_only,
    day_window,
    follow_up,
    has_coords,
    km_window,
    precision_level,
    rare,
)

__all__ = [
    "GATED",
    "NO_TERMS",
    "LinkSettings",
    "Parts",
    "ReportKey",
    "TextFeatures",
    "compare",
    "cosine",
    "country_only",
    "date_part",
    "day_window",
    "follow_up",
    "has_coords",
    "km_window",
    "pair_parts",
    "parts_score",
    "place_part",
    "precision_level",
    "rare",
    "report_features",
    "report_key",
    "resemblance",
    "score_pair",
    "text_features",
    "text_similarity",
]


GATED = -1.0
"""The score of a pair that a hard gate keeps apart."""


def _note(notes: list[str] | None, text: str) -> None:
    if notes is not None:
        notes.append(text)


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


@dataclass(frozen=True, slots=True)
class ReportKey:
    """What the pair scoring reads of one report, derived once (``report_key``): the linker
    keeps one with each representative and makes one for each report it scores."""

    report: ReportView
    day: int | None
    """``event_date`` as an ordinal."""
    time_level: int
    geo_level: int
    """``precision_level`` of the time and geo precisions."""
    point: Point | None
    """Where it happened (``has_coords``), else None."""
    country: bool
    """Whether a country is given at all."""
    country_name: tuple[str, ...] | None
    admin1: tuple[str, ...] | None
    location: tuple[str, ...] | None
    """``relations.place_name`` of each."""
    actors: Actors
    rare: bool
    follow_up: bool


def report_key(report: ReportView, s: LinkSettings) -> ReportKey:
    here = None
    if has_coords(report):
        here = point(report.latitude, report.longitude)  # type: ignore[arg-type]
    return ReportKey(
        report, _ordinal(report.event_date) if report.event_date else None,
        precision_level(report.time_precision), precision_level(report.geo_precision), here,
        bool(report.country), place_name(report.country), place_name(report.admin1),
        place_name(report.location), actors(report), rare(report, s), follow_up(report, s))


@lru_cache(maxsize=16384)
def _ordinal(day: date) -> int:
    """``day.toordinal()``, one int for each day (the reports of a day share it: a day's
    incidents are read from one place when a dense day's candidates are sought)."""
    return day.toordinal()


def date_part(
    a: ReportKey, b: ReportKey, s: LinkSettings, notes: list[str] | None, both_rare: bool
) -> tuple[float | None, bool]:
    """The date score (None: a date is missing; GATED) and whether it is a day off."""
    if a.day is None or b.day is None:
        if notes is not None:
            notes.append("date missing")
        return None, False
    days = abs(a.day - b.day)
    level = b.time_level if b.time_level > a.time_level else a.time_level
    window = s.day_windows[level - 1]
    if both_rare:
        rare_part = _rare_date_part(a, b, s, notes, days, level, window)
        if rare_part is not None:
            return rare_part, False
    if days > window:
        if notes is not None:
            notes.append(f"{days} days apart (window {window} days)")
        return GATED, False
    if level == 1:
        if notes is not None:
            notes.append("same day" if days == 0 else f"{days} day apart")
        return (s.date_scores[0], False) if days == 0 else (s.near_day_score, True)
    if notes is not None:
        span = "week" if level == 2 else "month"
        notes.append(f"{days} days apart, dates known only to the {span}")
    return s.date_scores[level - 1], False


def _rare_date_part(a: ReportKey, b: ReportKey, s: LinkSettings, notes: list[str] | None,
                    days: int, level: int, window: int) -> float | None:
    """The date score of two reports of one rare type, where it is not the others' (None)."""
    if level == 1 and 0 < days <= s.rare_days:
        # the place part's shape: full on the day, half at the window's end
        if notes is not None:
            notes.append(f"{days} day{'s' if days > 1 else ''} apart, within the window of "
                         f"a rare type ({s.rare_days} days)")
        return s.date_scores[0] * (1 - 0.5 * days / s.rare_days)
    if days > window and days <= s.rare_days:
        if notes is not None:
            notes.append(f"{days} days apart, within the window of a rare type")
        return s.date_scores[2]
    later = a if a.day > b.day else b  # type: ignore[operator]
    if window < days <= s.follow_up_days and later.follow_up:
        # the later report names no day before its own publication: scored as a week's date
        if notes is not None:
            notes.append(f"{days} days apart, the later dated only by its publication: a "
                         f"follow-up of a rare type ({s.follow_up_days} days)")
        return s.date_scores[1]
    return None


def place_part(
    a: ReportKey, b: ReportKey, s: LinkSettings, notes: list[str] | None, both_rare: bool
) -> tuple[float | None, bool]:
    """The place score (None: no place to compare; GATED) and whether it is a weak match."""
    level = b.geo_level if b.geo_level > a.geo_level else a.geo_level
    has_admin = a.admin1 is not None and b.admin1 is not None
    if a.point is not None and b.point is not None:
        km = km_between(a.point, b.point)
        limit = s.km_windows[level - 1]
        if both_rare and not (has_admin and a.admin1 != b.admin1):  # one province only
            limit = max(limit, s.rare_km)
        if km > limit:
            if notes is not None:
                notes.append(f"{km:.0f} km apart (limit {limit:.0f} km)")
            return GATED, False
        if notes is not None:
            notes.append(f"{km:.0f} km apart")
        return (1 - 0.5 * km / limit) * s.place_specificity[level - 1], False
    ra, rb = a.report, b.report
    if a.country and b.country and (a.country_name is None
                                    or a.country_name != b.country_name):
        _note(notes, f"different countries ({ra.country} vs {rb.country})")
        return GATED, False
    if has_admin and a.admin1 != b.admin1:
        _note(notes, f"different admin1 ({ra.admin1} vs {rb.admin1})")
        return GATED, False
    if a.location is not None and a.location == b.location:
        _note(notes, f"same location ({ra.location}), no coordinates")
        return s.location_place_score, not has_admin
    if has_admin:
        _note(notes, f"same admin1 ({ra.admin1}), no coordinates")
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
    return score_pair(report_key(a, s), fa, report_key(b, s), fb, s, notes)


def score_pair(
    a: ReportKey,
    fa: TextFeatures,
    b: ReportKey,
    fb: TextFeatures,
    s: LinkSettings,
    notes: list[str] | None = None,
) -> float:
    """``compare`` of two reports' keys."""
    parts = pair_parts(a, b, s, notes)
    return GATED if parts is None else parts_score(a, fa, b, fb, s, parts, notes)


Parts = tuple[float, "float | None", bool, "float | None", bool]
"""What the fields say of a pair (``pair_parts``): the type part, the date part (None: a date
missing), whether a day apart, the place part (None: no place to compare), whether a weak
place match."""


def pair_parts(a: ReportKey, b: ReportKey, s: LinkSettings, notes: list[str] | None = None
               ) -> Parts | None:
    """The type, date and place parts of a pair, or None when a gate keeps the two apart."""
    ra, rb = a.report, b.report
    kind, words = types_relation(ra.event_type, ra.sub_event_type, rb.event_type,
                                 rb.sub_event_type)
    _note(notes, words)
    if kind is None:
        return None
    both_rare = kind == SAME_SUB_EVENT and a.rare
    when, day_off = date_part(a, b, s, notes, both_rare)
    if when == GATED:
        return None
    where, weak = place_part(a, b, s, notes, both_rare)
    if where == GATED:
        return None
    return kind, when, day_off, where, weak


def parts_score(
    a: ReportKey,
    fa: TextFeatures,
    b: ReportKey,
    fb: TextFeatures,
    s: LinkSettings,
    parts: Parts,
    notes: list[str] | None = None,
    bar: float | None = None,
) -> float:
    """The score of a pair that no gate keeps apart, from its ``pair_parts``. ``bar``: a
    score of use is at least the threshold and at least ``bar``; one that cannot be, whatever
    the words in common, is 0.0 (the words not compared)."""
    kind, when, day_off, where, weak = parts
    actor, actor_words = actors_relation(a.actors, b.actors)
    if bar is not None and when is not None and where is not None:
        if day_off and kind != SAME_SUB_EVENT and kind != UNKNOWN_TYPE:
            return 0.0  # as below, whatever the words
        # the score with every word in common (text similarity is at most 1)
        ceiling = (s.weight_date * when + s.weight_place * where + s.weight_type * kind
                   + s.weight_actor * actor + (0.0 if s.weight_text < 0.0 else s.weight_text))
        if ceiling < s.threshold or ceiling < bar:
            return 0.0
    text = text_similarity(fa, fb, s.sketch_size)
    if notes is not None:
        notes.append(f"text similarity {text:.2f}")
    if when is None or where is None:
        enough = text >= s.text_only_threshold
        if notes is not None:
            notes.append(f"date or place missing: text alone {'is' if enough else 'is not'} "
                         f"similar enough (>= {s.text_only_threshold:.2f})")
        return text if enough else 0.0
    if weak and text < s.weak_place_min_text:
        _note(notes, f"place known only by name or admin1 and text similarity below "
              f"{s.weak_place_min_text:.2f}")
        return 0.0
    if day_off and kind != SAME_SUB_EVENT and kind != UNKNOWN_TYPE:
        _note(notes, "a day apart and of different sub-event types")
        return 0.0
    _note(notes, actor_words)
    if day_off and text < s.near_day_min_text and (
            actor < 1.0 or not specific_actors(a.actors, b.actors, fa.common | fb.common)):
        shared = "no shared actor" if actor < 1.0 else "only a common actor shared"
        _note(notes, f"a day apart, {shared} and text similarity below "
              f"{s.near_day_min_text:.2f}")
        return 0.0
    return (s.weight_date * when + s.weight_place * where + s.weight_type * kind
            + s.weight_actor * actor + s.weight_text * text)
