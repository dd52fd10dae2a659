"""The sections of a monthly report (``raqib.outputs.monthly``), shared by its HTML and PDF:
summary and map, counts by type, actor, governorate and day (tables and charts), the most
serious incidents, contested incidents with each side's account, an agreement's violations,
the sources, and the methodology."""

from __future__ import annotations

from collections import Counter
from datetime import date

from raqib.incidents.agreements import Agreement, Violation, summarise
from raqib.outputs import render
from raqib.outputs.monthly import (
    GRADES,
    Entry,
    Month,
    Tally,
    by_actor,
    by_day,
    by_governorate,
    by_type,
    most_serious,
    tally,
)
from raqib.outputs.render import Section

GRADE_COLORS = {"confirmed": "#2ca25f", "fair": "#2c7fb8", "weak": "#9e9e9e",
                "contested": "#e6a03c", "discounted": "#d9d9d9"}
KILLED_COLORS = {"killed (lowest count)": "#c0392b", "more in the highest count": "#f1a99f"}
COUNT_HEADER = ["incidents", "killed (at least)", "killed (range)"]
SIDE_NAMES = {"unknown": "side unknown"}


def _day(day: date) -> str:
    return f"{day.day} {day.strftime('%B %Y')}"


def subtitle(month: Month) -> str:
    made = f"; generated {month.generated:%Y-%m-%d %H:%M} UTC" if month.generated else ""
    extra = f"; violations of {month.agreement.name}" if month.agreement else ""
    return f"Incidents from {_day(month.start)} to {_day(month.end)}{extra}{made}. Raqib."


def sections(month: Month) -> list[Section]:
    entries = month.entries
    parts = [_summary(month)]
    if entries:
        parts += [
            _counts("Incidents by type of event", "type", by_type(entries)),
            _counts("Incidents by actor", "actor (actor 1)", by_actor(entries)),
            _counts("Incidents by governorate", "governorate (admin1)", by_governorate(entries)),
            _days(month),
            *_serious(entries),
            *_contested(entries),
        ]
    if month.agreement is not None:
        parts += _violations(month, month.agreement)
    if entries:
        parts += [_listing(entries), _sources(entries)]
    parts.append(_methodology())
    return parts


def _charts(title: str, counts: Tally) -> list[bytes]:
    images = [render.bar_chart(f"{title}: incidents by grade", counts.labels, counts.by_grade,
                               colors=GRADE_COLORS)]
    if any(counts.killed_max):
        extra = [high - low for low, high in zip(counts.killed_min, counts.killed_max,
                                                 strict=True)]
        images.append(render.bar_chart(
            f"{title}: people killed", counts.labels,
            {"killed (lowest count)": counts.killed_min, "more in the highest count": extra},
            colors=KILLED_COLORS))
    return images


def _summary(month: Month) -> Section:
    entries = month.entries
    if not entries:
        return Section("Summary", [
            f"No incidents were recorded from {_day(month.start)} to {_day(month.end)} in "
            f"this workspace. This says only that no processed document reported an "
            f"incident dated in this month; it does not mean that nothing happened."])
    low = sum(e.fatalities_min or 0 for e in entries)
    high = sum(e.fatalities_max or e.fatalities_min or 0 for e in entries)
    no_figure = sum(1 for e in entries if e.fatalities_min is None)
    grades = Counter(e.grade for e in entries)
    places = {e.admin1 for e in entries if e.admin1}
    text = [
        f"{len(entries)} incidents were recorded from {_day(month.start)} to "
        f"{_day(month.end)}, in {len(places)} governorates. At least {low} people were "
        f"killed (the lowest count of independent accounts, summed); the highest counts "
        f"add up to {high}." + (f" {no_figure} incidents have no figure." if no_figure else ""),
        "Grades: " + ", ".join(f"{grades[g]} {g}" for g in _grade_order(grades)) + ".",
        f"{sum(1 for e in entries if e.contested)} incidents are contested: sides give "
        f"opposing accounts (see below).",
    ]
    located = [e for e in entries if e.latitude is not None and e.longitude is not None]
    if len(located) < len(entries):
        text.append(f"{len(entries) - len(located)} incidents have no coordinates and are "
                    f"not on the map.")
    return Section("Summary", text, images=[_map(month, located)])


def _grade_order(grades: Counter[str]) -> list[str]:
    return [g for g in GRADES if g in grades] + sorted(set(grades) - set(GRADES))


MAP_LABELS = 25
"""Incidents whose ids the month's map writes beside their points: the deadliest (a month
of 2,145 incidents labelled every point, unreadable, and drawing the labels took 17 s)."""


def _map(month: Month, located: list[Entry]) -> bytes:
    deadliest = sorted(located, key=lambda e: (-(e.fatalities_min or 0), e.id))[:MAP_LABELS]
    labelled = {e.id for e in deadliest}
    points = [(e.latitude or 0.0, e.longitude or 0.0, float(e.fatalities_min or 0),
               str(e.id) if e.id in labelled else "") for e in located]
    which = ("incident ids" if len(located) <= MAP_LABELS
             else f"the ids of the {MAP_LABELS} with most people killed")
    zones = []
    if month.agreement is not None:
        geometry = month.agreement.zone
        polygons = getattr(geometry, "geoms", [geometry])
        zones = [(f"{month.agreement.name} zone (approximate)",
                  [(lat, lon) for lon, lat in polygon.exterior.coords]) for polygon in polygons]
    return render.map_image(points, f"Incidents, {month.start:%B %Y} (labels: {which}; "
                            f"size: people killed)", zones=zones)


def _counts(heading: str, what: str, counts: Tally) -> Section:
    return Section(heading, table=([what, *COUNT_HEADER], counts.rows()),
                   images=_charts(heading, counts))


def _days(month: Month) -> Section:
    counts = by_day(month)
    rows = [[f"{label} {month.start:%b}", *row[1:]] for label, row in
            zip(counts.labels, counts.rows(), strict=True) if int(row[1])]
    return Section("Incidents by day", table=(["day", *COUNT_HEADER], rows),
                   images=_charts("Incidents by day", counts))


def _serious(entries: list[Entry]) -> list[Section]:
    top = most_serious(entries)
    rows = [[str(e.id), e.day.isoformat(), e.place, e.kind, e.killed,
             f"{e.grade_label} {e.admiralty}".strip()] for e in top]
    parts = [Section("Most serious incidents", [
        "The incidents with the most people killed (lowest count first, then highest), then "
        "the best corroborated; each with its grade and the reasons for it."],
        table=(["incident", "date", "place", "type", "killed", "grade"], rows))]
    for e in top:
        parts.append(Section(f"Incident {e.id}: {e.kind}, {e.place}, {_day(e.day)}",
                             _incident_text(e), level=2))
    return parts


def _incident_text(e: Entry) -> list[str]:
    actors = " against ".join(a for a in (e.actor1, e.actor2) if a) or "no actor named"
    text = [f"{e.event_type or 'unknown type'} / {e.kind}. Actors: {actors}. Killed: {e.killed}."
            f" Grade: {e.grade_label or e.grade}" + (f" ({e.admiralty})." if e.admiralty else ".")]
    text += [f"Why: {reason}" for reason in e.reasons]
    for s in e.sources:
        title = f": “{s.title}”" if s.title else ""
        doc = f" (document {s.document[:12]}…)" if s.document else " (sensitive document)"
        text.append(f"Source: {s.name} ({s.kind}, {s.side} side, rated {s.reliability})"
                    f"{title}{doc}")
    return text


def _contested(entries: list[Entry]) -> list[Section]:
    contested = [e for e in entries if e.contested]
    if not contested:
        return [Section("Contested incidents", ["No incident of the month is contested."])]
    parts = [Section("Contested incidents", [
        "Incidents where sides give opposing accounts: a denial against an assertion, or "
        "sides blaming opposite camps. Each side's claims are quoted as published; Raqib "
        "does not decide between them."])]
    for e in contested:
        rows = [[SIDE_NAMES.get(c.side, c.side), f"{c.claimant or '?'} (in {c.source})",
                 c.stance + (" (hedged)" if c.hedged else ""), f"“{c.statement}”"]
                for c in e.claims]
        reasons = [f"Why contested: {r}" for r in e.contest_reasons]
        parts.append(Section(f"Incident {e.id}: {e.kind}, {e.place}, {_day(e.day)}",
                             reasons, table=(["side", "who (source)", "says", "quote"], rows),
                             level=2))
    return parts


def _violations(month: Month, agreement: Agreement) -> list[Section]:
    found = month.violations
    period = f"from {agreement.start.isoformat()} to " + (
        agreement.end.isoformat() if agreement.end else "(open-ended)")
    text = [
        f"{agreement.title} ({agreement.name}), in force {period}. Prohibited in its zone: "
        f"{', '.join(agreement.prohibited)}. Parties: {', '.join(agreement.parties) or 'none'}.",
        f"{len(found)} incidents of the month fall in the zone and period and are of a "
        f"prohibited kind; at least {sum(v.fatalities_min for v in found)} people were killed "
        f"in them.",
    ]
    if agreement.notes:
        text.append(f"About the zone: {agreement.notes}")
    parts = [Section(f"Violations of {agreement.name}", text)]
    if not found:
        return parts
    day_counts = tally([_as_entry(v) for v in found], lambda e: str(e.day.day),
                       order=[str(d) for d in range(1, month.end.day + 1)])
    by_actor_rows = [[k, str(n), str(killed)] for k, n, killed in summarise(found, "actor")]
    by_day_rows = [[f"{label} {month.start:%b}", str(n), str(low)] for label, n, low in zip(
        day_counts.labels, day_counts.incidents, day_counts.killed_min, strict=True) if n]
    listing = [[str(v.incident_id), v.event_date.isoformat(), v.sub_event_type, v.location,
                v.actor1 or "unidentified", str(v.fatalities_min), v.prohibited,
                "yes" if v.by_party else "no", str(v.geo_precision)] for v in found]
    parts += [
        Section("Violations by actor", table=(["actor 1", "incidents", "killed (at least)"],
                                              by_actor_rows), level=2),
        Section("Violations by day", table=(["day", "incidents", "killed (at least)"],
                                            by_day_rows),
                images=[render.bar_chart("Violations by day", day_counts.labels,
                                         {"violations": day_counts.incidents})], level=2),
        Section("Violations listed", [
            "geo precision 1: the town; 2: near it; 3: only the region is known, weak "
            "evidence that the event was inside the zone."],
            table=(["incident", "date", "type", "place", "actor 1", "killed", "prohibited",
                    "by a party", "geo precision"], listing), level=2),
    ]
    return parts


def _as_entry(v: Violation) -> Entry:
    return Entry(v.incident_id, v.event_date, v.event_type, v.sub_event_type, v.location, "",
                 "", v.latitude, v.longitude, v.actor1, v.actor2, v.fatalities_min,
                 v.fatalities_max, "violation", "", "", [], False)


def _listing(entries: list[Entry]) -> Section:
    rows = [[str(e.id), e.day.isoformat(), e.place, e.kind, e.actor1 or "unidentified",
             e.killed, f"{e.grade_label or e.grade} {e.admiralty}".strip()] for e in entries]
    return Section("All incidents of the month", [
        "Every incident in date order; the identifiers are those of `raqib incidents show ID`."],
        table=(["incident", "date", "place", "type", "actor 1", "killed", "grade"], rows))


def _sources(entries: list[Entry]) -> Section:
    seen: dict[str, tuple[str, str, str, set[str], set[int]]] = {}
    for e in entries:
        for s in e.sources:
            *_, docs, ids = seen.setdefault(
                s.name, (s.kind, s.side, s.reliability, set(), set()))
            docs.add(s.document or f"sensitive:{e.id}")
            ids.add(e.id)
    rows = [[name, kind, side, rating, str(len(docs)), ", ".join(map(str, sorted(ids)))]
            for name, (kind, side, rating, docs, ids) in sorted(seen.items())]
    return Section("Sources", [
        "Every source behind the month's incidents, with its kind, its side and its "
        "Admiralty reliability rating (A completely reliable … E unreliable, F cannot be "
        "judged) as set in the workspace's source table."],
        table=(["source", "kind", "side", "rating", "documents", "incidents"], rows))


def _methodology() -> Section:
    return Section("Methodology", [
        "Counting incidents. Raqib extracts each event a document reports (who did what to "
        "whom, where, when, with what weapon) and links the reports of one real-world event "
        "across documents and sources into one incident, by date, place, type, actors and "
        "wording within the precision each report allows. An incident is counted once however "
        "many sources tell it; it belongs to the month of its reconciled date. Reviewers can "
        "merge, split and correct incidents; their corrections win.",
        "Counting victims. Copies of one story (syndicated texts, the same source twice) are "
        "one account. The number killed in an incident is the lowest figure given by its "
        "independent accounts, and the range runs to the highest; accounts are never added "
        "together. Totals sum the lowest figures, so they are a floor, not an estimate.",
        "Grades. Confirmed: at least two independent sources from two sides, or a source "
        "rated A or B and another independent source. Fair: two independent sources from one "
        "side, or one A/B source. Weak: one source. Contested: a denial stands against an "
        "assertion, or sides blame opposite camps; contested wins over corroboration. "
        "Discounted: set by a reviewer. Each grade carries an Admiralty code (source "
        "reliability A–F, credibility 1–6) and its reasons in plain words.",
        "Sources and their limits. These figures come only from the documents collected in "
        "this workspace; they undercount what happened, more so where few sources report. "
        "State media, opposition bodies and NGOs report selectively; a source's side is noted "
        "so that a reader can weigh it. Places are resolved through a gazetteer; precision 3 "
        "means only the region is known. Fatality figures are as reported, not verified "
        "body counts. Agreement zones are approximate where no official map exists.",
    ])
