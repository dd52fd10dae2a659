"""Incident linking: reports of one real-world event become one incident.

Reports are placed one at a time, in the order given, each into the best-scoring existing
incident or into a new one. The work per report is bounded (near-linear in all):

**Blocking.** :class:`IncidentIndex` keys every placed report by geo cell and day bucket over
its own uncertainty window (dates widened by ``time_precision``, places by ``geo_precision``;
the cells wrap round at longitude 180): the cells of the disc of its distance window, and the
cell of its point on each grid, where each window's radius has a grid of cells at least as
wide (a new report looks up its disc among the points and its point among the discs, since
one of two reports that may link lies within the other's window); by (country, admin1, day
bucket) when it has an admin1; and by the few smallest hashes of its word 3-shingles (a
bottom-k sketch, for syndicated copies). A new report looks up the keys of its own window;
since any two reports that the gates below could let through share a key, the incidents found
are the only ones that could pass them.
Reports with coordinates meet reports without them through the admin1 keys; sketch keys shared
by more than ``sketch_bucket_cap`` incidents (boilerplate) are ignored; at most
``max_candidates`` incidents (the most recent ids) are scored. The keys are made by
:mod:`raqib.incidents.blocking`.

**Scoring a report against an incident.** The report is compared with the incident's first
``representatives`` members. Against each member:

1. Hard gates, any of which forbids the link: incompatible event types (see
   :func:`raqib.incidents.relations.type_relation`: same sub-event type 1.0, a near-synonym
   pair across event types 0.6, same event type 0.7 except among strategic developments
   and the pairs of ``relations.APART`` (a suicide bomb or a grenade against an air strike
   or a chemical weapon, a suicide bomb against shelling), anything else never); dates
   further apart than the wider window of the two (``day_windows``: 1 day, a week, a month
   for time precision 1, 2, 3); coordinates further apart than the wider distance
   (``km_windows``: 10, 25, 75 km for geo precision 1, 2, 3);
   without coordinates on both, different countries or different admin1. Two reports of
   one *rare* sub-event type (``rare_types``: chemical weapon, suicide bomb; few, and told
   for days after) are compared over at least ``rare_days`` (3) and ``rare_km`` (75 km):
   a follow-up dated by its own day, or placed at the province's capital, is the same
   attack, where shelling two days or 50 km apart is other shelling. The wider distance
   holds within one province only: two such reports whose admin1 are known and differ are
   held to their own distances (a gas attack on Saraqeb, Idlib, and one on Aleppo two days
   later are two attacks). Such a report with
   neither coordinates nor a province ('Victims of the chemical attack', a video's caption)
   meets the others of its type by a key of type and day bucket, and its place part is
   ``rare_unplaced_score`` (0.5, as an unknown actor's or type's part is) instead of leaving
   the link to the text alone. A report placed only in its country (at its capital, precision
   3, no admin1) has no point to compare: it is such a report too. A report of
   a rare type dated to its own document's publication day (``ReportView.published``: its
   words named no earlier day) and counting no dead of its own may tell of an attack up to
   ``follow_up_days`` (10) before it: reactions, test results, inquiries
   (``similarity.follow_up``); against an
   earlier report of its type its date part is a week's (0.6), and the blocking looks that
   far back for it.
2. Parts in [0, 1]: *date* 1.0 on the same day, 0.5 a day off, 0.6 / 0.4 when either date is
   only known to the week / month (for a rare type dated to the day, ``1 - 0.5 * days /
   rare_days``: 0.83, 0.67, 0.5 one to three days off, as the place part falls over its
   distance); *place*
   ``(1 - 0.5 * km / limit)`` times 1.0 / 0.85 / 0.6 by geo precision, 0.7 for the same location
   name without coordinates, 0.4 for only the same admin1; *type* as above (0.5 when
   unknown); *actor* 1.0 for a shared actor, 0.0 when both name actors and share none, 0.5
   when either names none (qualifiers such as '(Syria)' and victim categories such as
   'Civilians' do not count); *text* the larger of the TF-IDF cosine of the content words of
   ``text`` and the bottom-k sketch resemblance of the word 3-shingles of ``full_text`` (or
   ``text``). Each report's TF-IDF vector is made once, when it is scored, from the document
   frequencies of the reports placed before it (square-root term frequency, smooth idf), and
   never re-weighted: simple, stable, and deterministic for a given order.
3. Score ``0.30 date + 0.25 place + 0.15 type + 0.10 actor + 0.20 text``. A place known
   only by admin1 (or a bare location name) also needs text similarity >= 0.5, and dates a
   day apart need a shared actor or text similarity >= 0.3 (a report told a day late is
   common, but so is shelling of one town on consecutive days; the gates against every
   compared member keep such merges to two days), except for a rare type; and a member a day
   apart of another sub-event type does not vouch for the link at all (the next day's
   bombardment of the suburbs a chemical attack struck is another event, whatever words the
   two share). The shared actor
   must not be *common*: once ``common_actor_min_reports`` (100) reports are placed, an
   actor that ``common_actor_share`` (a fifth) of them name, as a war's government forces
   are, does not vouch for the link (its score part still counts).
4. When either report lacks a date or any place, the fields cannot vouch for the link: the
   score is the text similarity alone, and it links only at >= 0.8 (syndicated copies).

A gate against any compared member excludes the incident (so incidents do not creep from day
to day or town to town); otherwise the incident scores its best member. The gates are sought
before any score, most from what the incident's members span (days, types, latitudes and
longitudes; :mod:`raqib.incidents.gates`): where reports are dense, nine in ten candidates are
gated. The report joins the highest-scoring incident at or above ``threshold`` (0.6; ties to
the lowest incident id); the candidates are scored from the newest, and a member that could
not reach the best score so far with every word in common is not compared word by word.
The defaults were chosen on hand-written cases and checked on the synthetic benchmark
(``benchmarks/linking.py``); they are not fitted to real annotated data.

**Memory.** A pass over reports that are all dated, by date (``link(...,
dated_in_order=True)``, as ``link_all`` and ``raqib process`` do when none is undated), lets
the index forget the incidents it has left behind (:meth:`IncidentIndex.forget_before`): the
incidents are the same, and the index holds the window's incidents, not the archive's. A
sketch key is the bare hash, and a key's few incidents a tuple (``blocking.Bucket``).
"""

from __future__ import annotations

import heapq
import itertools
from collections.abc import Callable, Hashable, Iterable, Mapping, Sequence
from dataclasses import replace
from datetime import date

from raqib.incidents.blocking import Blocking, Bucket, joined, size
from raqib.incidents.explaining import explain
from raqib.incidents.gates import Representatives, best_incident, incident_score
from raqib.incidents.records import ReportView
from raqib.incidents.relations import actor_names
from raqib.incidents.similarity import (
    NO_TERMS,
    LinkSettings,
    ReportKey,
    TextFeatures,
    compare,
    report_features,
    report_key,
)

__all__ = [
    "IncidentIndex",
    "LinkSettings",
    "best_incident",
    "compare",
    "explain",
    "incident_score",
    "link",
    "link_all",
]


class IncidentIndex:
    """Incremental blocking index over the reports already placed in incidents."""

    def __init__(self, settings: LinkSettings | None = None) -> None:
        self.settings = settings or LinkSettings()
        self._members: dict[int, list[ReportView]] = {}
        self._reps: dict[int, Representatives] = {}
        self._incident_of: dict[int, int] = {}
        self._blocks: dict[Hashable, Bucket] = {}
        """Block key -> the incidents keyed by it (``Bucket``)."""
        self._df: dict[str, int] = {}
        self._docs = 0
        self._actor_df: dict[str, int] = {}
        """Reports naming each actor (``relations.actor_names``), of ``_docs``."""
        self._last: tuple[ReportKey, TextFeatures] | None = None
        self._blocking = Blocking(self.settings)
        s = self.settings
        self._widest = max(*s.day_windows, s.rare_days, s.follow_up_days)
        """The most days two dated reports can be apart and still link."""
        self._horizon: dict[int, int | None] = {}
        """Incident -> the last day (ordinal) a dated report could still join it: its
        representatives' latest day plus ``_widest``; None when one is undated (never)."""
        self._ends: list[tuple[int, int]] = []
        """(horizon, incident), a heap: the next incidents a pass leaves behind."""
        self._bucketed: dict[int, list[Hashable]] = {}
        """Day bucket -> the block keys of it, and a heap of those buckets: what
        ``forget_before`` drops."""
        self._buckets_heap: list[int] = []
        self._swept = date.min.toordinal()
        self._gone: set[int] = set()

    def __len__(self) -> int:
        return len(self._incident_of)

    def incident_of(self, report_id: int) -> int | None:
        return self._incident_of.get(report_id)

    def members(self, incident_id: int) -> list[ReportView]:
        return list(self._members.get(incident_id, ()))

    def representatives(self, incident_id: int) -> list[tuple[ReportView, TextFeatures]]:
        reps = self._reps.get(incident_id)
        return [(key.report, feats) for key, feats in reps.members] if reps else []

    @property
    def kept(self) -> Mapping[int, Representatives]:
        """Incident -> its representatives as the scoring reads them
        (``gates.incident_score``), for the incidents the pass has not left behind."""
        return self._reps

    def document_frequencies(self) -> tuple[dict[str, int], int]:
        """The word counts the index weighs new reports' words by, and of how many reports."""
        return self._df, self._docs

    def actor_frequencies(self) -> dict[str, int]:
        """How many of the placed reports name each actor (of ``document_frequencies``'
        count): what makes an actor common (``LinkSettings.common_actor_share``)."""
        return self._actor_df

    def features(self, report: ReportView) -> TextFeatures:
        """The report's text features (the last report's are kept until it is added)."""
        return self.scored(report)[1]

    def scored(self, report: ReportView) -> tuple[ReportKey, TextFeatures]:
        """What the scoring reads of the report: its key and its text features (the last
        report's are kept until it is added)."""
        if self._last is None or self._last[0].report is not report:
            s = self.settings
            self._last = (report_key(report, s), report_features(
                report, s, self._df, self._docs, self._actor_df))
        return self._last

    def add(self, incident_id: int, report: ReportView) -> None:
        placed = self._incident_of.get(report.id)
        if placed is not None:
            if placed != incident_id:
                raise ValueError(f"report {report.id} is already in incident {placed}")
            return
        if incident_id in self._gone:
            raise ValueError(f"incident {incident_id} was left behind by the pass "
                             f"(forget_before): report {report.id} cannot join it")
        mine, feats = self.scored(report)
        self._last = None
        self._incident_of[report.id] = incident_id
        self._members.setdefault(incident_id, []).append(report)
        reps = self._reps.get(incident_id)
        if reps is None:
            self._reps[incident_id] = reps = Representatives()
        if len(reps.members) < self.settings.representatives:
            reps.add(mine, replace(feats, terms=NO_TERMS))  # the counts served the df
            self._reach(incident_id, report.event_date)
        cap = self.settings.sketch_bucket_cap
        for key in self._blocking.keys(mine, feats, query=False):
            bucket = self._blocks.get(key)
            if bucket is None:
                self._blocks[key] = incident_id
                if type(key) is not int:
                    self._file(key)
            elif type(key) is int and size(bucket) > cap:
                continue  # boilerplate: no longer grown (see ``candidates``)
            else:
                grown = joined(bucket, incident_id)
                if grown is not None:
                    self._blocks[key] = grown
        for term in feats.terms:
            self._df[term] = self._df.get(term, 0) + 1
        for name in set(actor_names(report)):
            self._actor_df[name] = self._actor_df.get(name, 0) + 1
        self._docs += 1

    def forget_before(self, day: date) -> None:
        """The pass has reached ``day`` and will place no report dated before it, nor any
        undated one: drop the representatives and members of every incident whose
        representatives are all more than ``_widest`` days before it (a dated report is
        gated against each of them, so none can join it again), and the block keys of day
        buckets no report from ``day`` on looks up. The sketch keys stay, with the
        forgotten incidents in them, so the boilerplate cap and the ``max_candidates`` cut
        see what they would have seen; a forgotten incident found by them scores nothing,
        as it would have been gated. Placements are the same as without forgetting; memory
        follows the reports of the window, not the archive."""
        today = day.toordinal()
        if today < self._swept:
            before = date.fromordinal(self._swept)
            raise ValueError(f"reports out of date order: {day} after {before}")
        self._swept = today
        while self._ends and self._ends[0][0] < today:
            end, incident = heapq.heappop(self._ends)
            if self._horizon.get(incident, -1) == end:  # not reached further since
                del self._horizon[incident]
                self._reps.pop(incident, None)
                self._members.pop(incident, None)
                self._gone.add(incident)
        first = (today - self._widest) // self.settings.bucket_days
        while self._buckets_heap and self._buckets_heap[0] < first:
            for key in self._bucketed.pop(heapq.heappop(self._buckets_heap)):
                del self._blocks[key]

    def _reach(self, incident_id: int, day: date | None) -> None:
        """A representative of ``day`` joined the incident: how long it stays reachable."""
        if incident_id in self._horizon and self._horizon[incident_id] is None:
            return
        if day is None:
            self._horizon[incident_id] = None
            return
        end = max(day.toordinal() + self._widest, self._horizon.get(incident_id) or 0)
        self._horizon[incident_id] = end
        heapq.heappush(self._ends, (end, incident_id))

    def _file(self, key: Hashable) -> None:
        bucket = key[-1]  # type: ignore[index]
        keys = self._bucketed.get(bucket)
        if keys is None:
            self._bucketed[bucket] = keys = []
            heapq.heappush(self._buckets_heap, bucket)
        keys.append(key)

    def candidates(self, report: ReportView) -> set[int]:
        """Incident ids worth scoring: those sharing a block key with the report."""
        ids: list[int] = []
        buckets: list[tuple[int, ...] | set[int]] = []
        cap = self.settings.sketch_bucket_cap
        blocks = self._blocks
        for key in self._blocking.keys(*self.scored(report), query=True):
            bucket = blocks.get(key)
            if bucket is None or (type(key) is int and size(bucket) > cap):
                continue
            if isinstance(bucket, int):
                ids.append(bucket)
            else:
                buckets.append(bucket)
        found = set(ids).union(*buckets)  # in one call
        limit = self.settings.max_candidates
        return found if len(found) <= limit else set(heapq.nlargest(limit, found))


def link(
    reports: Iterable[ReportView], index: IncidentIndex, new_incident_id: Callable[[], int],
    dated_in_order: bool = False,
) -> dict[int, int]:
    """Place each report (in the given order) in its best existing incident, or a new one;
    update the index; return report id -> incident id. Deterministic: the same reports in the
    same order give the same result. A report already in the index keeps its incident.
    ``dated_in_order``: the caller promises every report is dated and they come by date (a
    ValueError if not); the index then forgets what the pass has left behind
    (``IncidentIndex.forget_before``), with the same result."""
    placed: dict[int, int] = {}
    for report in reports:
        if dated_in_order:
            if report.event_date is None:
                raise ValueError(f"report {report.id} is undated in a pass by date")
            index.forget_before(report.event_date)
        incident = index.incident_of(report.id)
        if incident is None:
            incident, _ = best_incident(report, index)
            if incident is None:
                incident = new_incident_id()
            index.add(incident, report)
        placed[report.id] = incident
    return placed


def _batch_order(report: ReportView) -> tuple[bool, date, int]:
    return (report.event_date is None, report.event_date or date.min, report.id)


def link_all(
    reports: Sequence[ReportView], settings: LinkSettings | None = None
) -> dict[int, int]:
    """Batch convenience: link into an empty index, incident ids 1, 2, ...; reports sorted by
    (event_date, id) first (undated last) so that the result does not depend on input order."""
    counter = itertools.count(1)
    dated = all(r.event_date is not None for r in reports)  # undated ones meet every incident
    return link(sorted(reports, key=_batch_order), IncidentIndex(settings), lambda: next(counter),
                dated_in_order=dated)
