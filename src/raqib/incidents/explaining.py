"""Why two reports link or not, in plain words: :func:`explain` replays the scoring of
:mod:`raqib.incidents.linking` for one report against one incident's first members."""

from __future__ import annotations

from collections.abc import Sequence
from typing import TYPE_CHECKING

from raqib.extract.classifier import words
from raqib.incidents.records import ReportView
from raqib.incidents.similarity import GATED, LinkSettings, compare, report_features

if TYPE_CHECKING:
    from raqib.incidents.linking import IncidentIndex


def explain(
    report: ReportView,
    incident: Sequence[ReportView],
    settings: LinkSettings | None = None,
    index: IncidentIndex | None = None,
) -> list[str]:
    """Plain-words reasons for linking or not ('same day', '4 km apart', 'text similarity
    0.62'), against each of the incident's first members, then the verdict. Without ``index``
    the document frequencies come from ``report`` and ``incident`` alone, so text similarity
    may differ a little from what :func:`link` saw, and no actor is common."""
    s = settings or (index.settings if index is not None else LinkSettings())
    if not incident:
        return ["the incident has no reports"]
    members = list(incident[: s.representatives])
    everyone = [report, *members]
    df, docs = index.document_frequencies() if index is not None else _local_df(everyone)
    actors = index.actor_frequencies() if index is not None else {}
    feats = [report_features(r, s, df, docs, actors) for r in everyone]
    lines: list[str] = []
    scores = []
    for member, member_feats in zip(members, feats[1:], strict=True):
        notes: list[str] = []
        scores.append(compare(report, feats[0], member, member_feats, s, notes))
        prefix = f"against report {member.id}: " if len(members) > 1 else ""
        lines += [prefix + n for n in notes]
    if GATED in scores:
        lines.append("never link: a hard gate keeps them apart")
    else:
        best = max(scores)
        verdict = "link" if best >= s.threshold else "do not link"
        sign = ">=" if best >= s.threshold else "<"
        lines.append(f"score {best:.2f} {sign} threshold {s.threshold:.2f}: {verdict}")
    return lines


def _local_df(reports: list[ReportView]) -> tuple[dict[str, int], int]:
    df: dict[str, int] = {}
    for report in reports:
        for term in set(words(report.text)):
            df[term] = df.get(term, 0) + 1
    return df, len(reports)
