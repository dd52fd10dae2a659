"""Which reports of an incident are independent accounts, and which are copies of one story.

A wire story syndicated by ten outlets is one source, not ten. Two reports belong to one
group (one independent account) when any of these holds:

- they come from the same document (same sha256);
- they come from the same named source (``SourceInfo.name``, case-insensitive; an unnamed or
  'unknown source' is never merged on its name alone);
- their texts are near-identical: the Jaccard similarity of their sets of word 3-shingles is
  at least ``THRESHOLD`` (0.6). The document's ``full_text`` is compared when both reports
  have one, else the report's ``text``; a text of fewer than ``MIN_SHINGLES`` shingles is too
  short to tell a copy from two outlets using the same words, and is never merged on text.

Grouping is transitive (union-find): a copy of a copy is the same story. Shingles are hashed
to 64-bit integers by Python's ``hash`` of their words, so a report's fingerprint is a set of
integers whatever its length; the fingerprints are compared within one process and never
kept, so that the hash differs between processes does not matter (BLAKE2b, which does not,
took ten times as long: a fifth of refreshing an incident). Incidents are small (tens of
reports), so the comparison is pairwise within one incident: O(n²) set intersections over
hashed shingles, linear in the text per report.
"""

from __future__ import annotations

import functools
import re
from collections.abc import Sequence

from raqib.incidents.records import ReportView

THRESHOLD = 0.6
"""Word-shingle Jaccard similarity from which two texts are copies of one story."""

SHINGLE = 3
"""Words per shingle."""

MIN_SHINGLES = 8
"""Texts with fewer shingles than this are not compared (too short to be telling)."""

_WORD = re.compile(r"\w+", re.UNICODE)
_GENERIC_NAMES = frozenset({"", "unknown", "unknown source"})


@functools.lru_cache(maxsize=1024)
def shingles(text: str, size: int = SHINGLE) -> frozenset[int]:
    """The hashed word ``size``-shingles of ``text`` (case- and punctuation-insensitive).
    Remembered for the last texts seen: an article's reports share its full text."""
    words = [w.casefold() for w in _WORD.findall(text)]
    if len(words) < size:
        return frozenset()
    runs = zip(*(words[i:] for i in range(size)), strict=False)  # each word with the next
    return frozenset(hash(shingle) for shingle in runs)


def jaccard(a: frozenset[int], b: frozenset[int]) -> float:
    """|a ∩ b| / |a ∪ b|; 0.0 when both are empty."""
    if not a and not b:
        return 0.0
    inter = len(a & b)
    return inter / (len(a) + len(b) - inter)


def _text_of(report: ReportView, use_full: bool) -> str:
    return report.full_text if use_full else report.text


def _similar(a: ReportView, b: ReportView, cache: dict[tuple[int, bool], frozenset[int]]) -> bool:
    use_full = bool(a.full_text.strip() and b.full_text.strip())
    sets = []
    for report in (a, b):
        key = (id(report), use_full)
        if key not in cache:
            cache[key] = shingles(_text_of(report, use_full))
        sets.append(cache[key])
    if min(len(sets[0]), len(sets[1])) < MIN_SHINGLES:
        return False
    return jaccard(sets[0], sets[1]) >= THRESHOLD


def same_story(a: ReportView, b: ReportView) -> bool:
    """Whether two reports are one account (same document, same source, or copied text)."""
    return _same_origin(a, b) or _similar(a, b, {})


def _same_origin(a: ReportView, b: ReportView) -> bool:
    if a.document and a.document == b.document:
        return True
    name_a, name_b = a.source.name.strip().casefold(), b.source.name.strip().casefold()
    return name_a == name_b and name_a not in _GENERIC_NAMES


def independent_groups(reports: Sequence[ReportView]) -> list[list[ReportView]]:
    """The reports partitioned into independent accounts.

    Each group is one account (a source and its syndicated copies). Groups are ordered by
    their lowest report id, and the reports in a group by id, so the result is stable.
    """
    ordered = sorted(reports, key=lambda r: r.id)
    parent = list(range(len(ordered)))

    def find(i: int) -> int:
        while parent[i] != i:
            parent[i] = parent[parent[i]]
            i = parent[i]
        return i

    cache: dict[tuple[int, bool], frozenset[int]] = {}
    for i, a in enumerate(ordered):
        for j in range(i + 1, len(ordered)):
            if find(i) == find(j):
                continue
            b = ordered[j]
            if _same_origin(a, b) or _similar(a, b, cache):
                parent[find(j)] = find(i)
    groups: dict[int, list[ReportView]] = {}
    for i, report in enumerate(ordered):
        groups.setdefault(find(i), []).append(report)
    return list(groups.values())


RELIABILITY_WEIGHT = {"A": 1.0, "B": 0.8, "C": 0.6, "D": 0.4, "E": 0.2, "F": 0.5}
"""Weight of a source's Admiralty reliability in votes. F (cannot be judged) sits between
'usually reliable' and 'unreliable': unknown is not the same as bad."""


def weight(report: ReportView) -> float:
    """A report's vote: its source's reliability weight times its extraction confidence
    (0.5 when the confidence is not set)."""
    confidence = report.confidence if report.confidence > 0 else 0.5
    return RELIABILITY_WEIGHT.get(report.source.reliability, 0.5) * confidence


def representative(group: Sequence[ReportView]) -> ReportView:
    """The report that speaks for a group: the heaviest vote, lowest id on ties."""
    return min(group, key=lambda r: (-weight(r), r.id))
