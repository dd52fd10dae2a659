"""How well an incident is corroborated: an Airwars-style grade and an Admiralty code.

The scale (the full rules with examples: ``docs/grading.md``), first match wins:

1. a reviewer's grade (``manual``) wins over everything and says so in the reasons;
   ``discounted`` is only ever set this way;
2. ``contested``: the incident is contested (``contested.contest``: a denial by another side,
   or sides blaming different perpetrators);
3. ``confirmed``: at least 2 independent sources from at least 2 known sides, or a source
   rated A/B plus at least one other independent source;
4. ``fair``: at least 2 independent sources (one side, or sides unknown), or one source
   rated A/B;
5. ``weak``: one source (or none).

Independent sources are ``independence.independent_groups`` (syndicated copies are one);
a source whose claims about the incident only deny it (``contested.deniers``) reports the
event in order to deny it and does not count as a source for it.
A side is a source's ``SourceInfo.side`` other than 'unknown'; 'international' and 'neutral'
count as sides of their own, independent of the warring ones.

The Admiralty code is the best (lowest letter) reliability among the independent sources
(A..F) and a credibility digit: 1 confirmed by other independent sources (≥2 sources from
≥2 sides), 2 probably true (≥2 independent sources, or an A/B source), 3 possibly true (one
source), 6 cannot be judged (no reports, or one source of reliability F); contested lowers
the digit by one step (1→2, 2→3, 3→4 doubtful); discounted is 5 (improbable). A reviewer
may give the code too (``Manual.admiralty``).
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

from raqib.incidents.contested import Contest, deniers
from raqib.incidents.contested import contest as find_contest
from raqib.incidents.independence import independent_groups
from raqib.incidents.records import IncidentView, ReportView, SourceInfo

GRADES = ("confirmed", "fair", "weak", "contested", "discounted")
LABELS = {code: code.capitalize() for code in GRADES}
UNKNOWN_SIDE = "unknown"
RELIABLE = ("A", "B")
CREDIBILITY = {
    1: "confirmed by other independent sources",
    2: "probably true",
    3: "possibly true",
    4: "doubtful",
    5: "improbable",
    6: "cannot be judged",
}


class GradeError(ValueError):
    """A manual grade that is not on the scale."""


@dataclass(frozen=True)
class Manual:
    """A reviewer's grade: it wins over the computed one."""

    code: str
    reason: str
    reviewer: str = ""
    admiralty: str | None = None


@dataclass(frozen=True)
class Grade:
    code: str
    label: str
    admiralty: str
    reasons: list[str] = field(default_factory=list)
    independent_sources: int = 0
    sides: list[str] = field(default_factory=list)
    best_reliability: str = "F"
    manual: bool = False

    def as_json(self) -> dict[str, Any]:
        return {
            "code": self.code,
            "label": self.label,
            "admiralty": self.admiralty,
            "reasons": list(self.reasons),
            "independent_sources": self.independent_sources,
            "sides": list(self.sides),
            "best_reliability": self.best_reliability,
            "manual": self.manual,
        }


def grade(
    incident: IncidentView,
    contest: Contest | None = None,
    manual: Manual | tuple[str, str] | None = None,
    groups: list[list[ReportView]] | None = None,
) -> Grade:
    """The grade of ``incident``; ``contest`` and the independent accounts (``groups``,
    ``independent_groups`` of its reports) are computed when not given.

    ``manual`` is a reviewer's grade, as ``Manual`` or ``(code, reason)``; it wins.
    """
    contest = contest if contest is not None else find_contest(incident)
    denying = deniers(contest)
    groups = groups if groups is not None else independent_groups(incident.reports)
    groups = [g for g in groups if not all(r.source.name in denying for r in g)]
    sources = [_best_source(g) for g in groups]
    sides = sorted({s.side for s in sources if s.side and s.side != UNKNOWN_SIDE})
    best = min((s.reliability for s in sources), default="F")
    code, reasons = _rule(sources, sides, contest)
    credibility = _credibility(code, sources, sides)
    computed = Grade(code, LABELS[code], f"{best}{credibility}", reasons, len(sources), sides,
                     best)
    if manual is None:
        return computed
    return _override(computed, manual if isinstance(manual, Manual) else Manual(*manual))


def _best_source(group: list) -> SourceInfo:
    return min((r.source for r in group), key=lambda s: (s.reliability, s.name))


def _rule(
    sources: list[SourceInfo], sides: list[str], contest: Contest
) -> tuple[str, list[str]]:
    count = _count_words(sources, sides)
    reliable = [s for s in sources if s.reliability in RELIABLE]
    if contest.contested:
        return "contested", [count, *contest.reasons]
    if len(sources) >= 2 and len(sides) >= 2:
        return "confirmed", [f"{count}; no denial"]
    if len(sources) >= 2 and reliable:
        return "confirmed", [f"{count}, one rated {reliable[0].reliability} "
                             f"({reliable[0].name}); no denial"]
    if len(sources) >= 2:
        return "fair", [f"{count}; no denial"]
    if reliable:
        return "fair", [f"only one source, rated {reliable[0].reliability} "
                        f"({_describe(reliable[0])}); no denial"]
    if not sources:
        return "weak", ["no reports"]
    return "weak", [f"only one source ({_describe(sources[0])})"]


def _count_words(sources: list[SourceInfo], sides: list[str]) -> str:
    if len(sources) == 1:
        return f"only one source ({_describe(sources[0])})"
    noun = "source" if len(sources) == 1 else "sources"
    if not sides:
        return f"{len(sources)} independent {noun}, sides unknown"
    side_noun = "side" if len(sides) == 1 else "sides"
    return f"{len(sources)} independent {noun} from {len(sides)} {side_noun} ({', '.join(sides)})"


def _describe(source: SourceInfo) -> str:
    parts = [source.name]
    if source.kind and source.kind != "unknown":
        parts.append(source.kind)
    if source.side and source.side != UNKNOWN_SIDE:
        parts.append(f"{source.side} side")
    return ", ".join(parts)


def _credibility(code: str, sources: list[SourceInfo], sides: list[str]) -> int:
    if not sources or (len(sources) == 1 and sources[0].reliability == "F"):
        return 6
    if len(sources) >= 2 and len(sides) >= 2:
        level = 1
    elif len(sources) >= 2 or sources[0].reliability in RELIABLE:
        level = 2
    else:
        level = 3
    return level + 1 if code == "contested" else level


def _override(computed: Grade, manual: Manual) -> Grade:
    if manual.code not in GRADES:
        raise GradeError(f"grade must be one of {', '.join(GRADES)}, not {manual.code!r}")
    who = f"a reviewer ({manual.reviewer})" if manual.reviewer else "a reviewer"
    reason = manual.reason.strip() or "no reason given"
    reasons = [
        f"set by {who}: {reason}",
        f"computed grade would be {computed.label}: {'; '.join(computed.reasons)}",
    ]
    admiralty = manual.admiralty or computed.admiralty
    if manual.admiralty is None and manual.code == "discounted":
        admiralty = f"{computed.best_reliability}5"
    return Grade(manual.code, LABELS[manual.code], admiralty, reasons,
                 computed.independent_sources, list(computed.sides),
                 computed.best_reliability, manual=True)
