"""What linking reads of one report before comparing it with another: its settings, and the
windows of days and kilometres within which another report may be the same event.

The windows widen with the report's time and geo precision (``LinkSettings.day_windows``,
``km_windows``) and for the rare kinds of event told for days after (``rare``,
``follow_up``); a report placed only in its country is compared as one with no place
(``country_only``). :mod:`raqib.incidents.similarity` re-exports each name.
"""

from __future__ import annotations

from dataclasses import dataclass
from functools import lru_cache

from raqib.incidents.records import ReportView
from raqib.incidents.relations import same_name


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
