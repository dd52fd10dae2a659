"""`raqib evaluate`: score the pipeline against coded data it has never seen.

Four gold formats, recognised by their header: an ACLED export (notes are the input, the
coded columns the gold; an export of ACLED's schema before 2019 has its event types scored as
the types they became, ``OLD_EVENT_TYPES``), the Aid Worker Security Database (Details as
input; date, place and killed/wounded counts as gold), labelled snippets (TSV: text,
sub_event_type), and labelled headlines of a public data set (CSV: id, sub_event_type; the
file named after the data set, ``fakes_syria.csv``, whose headlines are read from the shared
data folder: ``eval/headlines``).
A sub_event_type of ``none`` is a text that reports no event; the pipeline's answer for a text
in which it finds none is ``none`` too.
"""

from __future__ import annotations

import csv
import io
import math
import time
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from datetime import UTC, date, datetime
from pathlib import Path

from sklearn.metrics import f1_score

from raqib.errors import RaqibError
from raqib.extract import taxonomy
from raqib.extract.acled_export import decode_csv, parse_acled_date
from raqib.extract.gazetteer import name_key
from raqib.extract.model import Event
from raqib.extract.pipeline import Pipeline
from raqib.extract.place_countries import country_keys
from raqib.geo import km_apart
from raqib.scoring import HALVES, half_of


@dataclass
class Gold:
    text: str
    reference_date: date | None
    fields: dict[str, str]


@dataclass
class Scores:
    pairs: dict[str, list[tuple[str, str]]] = field(default_factory=dict)
    distances: list[float | None] = field(default_factory=list)
    documents: int = 0
    seconds: float = 0.0
    halves: dict[str, Scores] = field(default_factory=dict)
    """Each half's scores, when asked for (``raqib.scoring``)."""

    def add(self, name: str, gold: str, predicted: str) -> None:
        self.pairs.setdefault(name, []).append((gold, predicted))

    def lines(self) -> Iterator[str]:
        yield f"documents: {self.documents}, {self.documents / max(self.seconds, 1e-9):.1f}/s"
        for name, pairs in self.pairs.items():
            right = sum(1 for g, p in pairs if g == p)
            yield f"{name} accuracy: {right / len(pairs):.3f} ({right}/{len(pairs)})"
            if name == "sub_event_type":
                gold, pred = zip(*pairs, strict=True)
                for avg in ("macro", "weighted"):
                    score = f1_score(gold, pred, average=avg, zero_division=0)
                    yield f"sub_event_type {avg}-F1: {score:.3f}"
        if self.distances:
            for km in (10, 25, 50):
                near = sum(1 for d in self.distances if d is not None and d <= km)
                yield (f"location within {km} km: {near / len(self.distances):.3f} "
                       f"({near}/{len(self.distances)})")
        for name, half in self.halves.items():
            for line in half.lines():
                yield f"{name}: {line}"


def _open_csv(path: Path) -> list[dict[str, str]]:
    text = decode_csv(path.read_bytes())
    delimiter = "\t" if path.suffix.lower() in (".tsv", ".tab") else ","
    try:
        return list(csv.DictReader(io.StringIO(text), delimiter=delimiter))
    except csv.Error as exc:
        reason = str(exc).split(" - ")[0]  # what follows " - " is advice to programmers
        raise RaqibError(f"{path}: not a CSV or TSV file ({reason})") from None


def _acled(rows: list[dict[str, str]]) -> Iterator[Gold]:
    for row in rows:
        low = {k.lower(): (v or "") for k, v in row.items() if k}
        stamp = low.get("timestamp", "")
        ref = datetime.fromtimestamp(int(stamp), UTC).date() if stamp.isdigit() else None
        gold_date = parse_acled_date(low.get("event_date", ""))
        low["event_date"] = gold_date.isoformat() if gold_date else ""
        yield Gold(low.get("notes", ""), ref, low)


def _awsd(rows: list[dict[str, str]]) -> Iterator[Gold]:
    for row in rows:
        fields = {
            "fatalities": row.get("Total killed", ""), "injured": row.get("Total wounded", ""),
            "country": row.get("Country", "").strip(), "latitude": row.get("Latitude", ""),
            "longitude": row.get("Longitude", ""),
        }
        year, month, day = (row.get(k, "") for k in ("Year", "Month", "Day"))
        if year and month and day:
            fields["event_date"] = date(int(year), int(month), int(day)).isoformat()
        yield Gold(row.get("Details", ""), None, fields)


def _snippets(rows: list[dict[str, str]]) -> Iterator[Gold]:
    for row in rows:
        yield Gold(row.get("text", ""), None, {"sub_event_type": row.get("sub_event_type", "")})


def _headlines(path: Path, data: Path) -> Callable[[list[dict[str, str]]], Iterator[Gold]]:
    """Labelled headlines: each row's id is a record of the data set the file is named after,
    whose headline (and its date, the reference date) is read from ``data``."""
    from raqib.incidents.evaluate import DATASETS, data_file

    if path.stem not in DATASETS:
        raise RaqibError(f"{path}: labelled headlines must be named after their data set "
                         f"({', '.join(f'{name}.csv' for name in DATASETS)})")
    records = {r.key: r for r in DATASETS[path.stem].read(data_file(path.stem, data))}

    def read(rows: list[dict[str, str]]) -> Iterator[Gold]:
        for row in rows:
            key, kind = (row.get(k, "").strip() for k in ("id", "sub_event_type"))
            if key not in records:
                raise RaqibError(f"{path}: id {key!r} is not in the data set {path.stem}")
            record = records[key]
            yield Gold(record.title, record.reference_date, {"sub_event_type": kind})
    return read


def _reader(rows: list[dict[str, str]], path: Path | None = None, data: Path | None = None
            ) -> tuple[Callable[..., Iterator[Gold]], tuple[str, ...]]:
    header = {k.lower() for k in (rows[0] if rows else {})}
    if {"notes", "event_type"} <= header:
        names = ("event_type", "sub_event_type", "actor1", "actor2", "admin1", "event_date",
                 "fatalities", "time_precision", "geo_precision")
        if "sub_event_type" not in header:
            names = ("event_type", "event_date", "fatalities")  # the old schema
        return _acled, names
    if "details" in header and "total killed" in header:
        return _awsd, ("event_date", "fatalities", "injured", "country")
    if {"text", "sub_event_type"} <= header:
        return _snippets, ("event_type", "sub_event_type")
    if {"id", "sub_event_type"} <= header and path is not None and data is not None:
        return _headlines(path, data), ("event_type", "sub_event_type")
    raise RaqibError("unknown gold format: expected an ACLED export, the AWSD CSV, a TSV "
                     "with 'text' and 'sub_event_type' columns, or labelled headlines "
                     "('id' and 'sub_event_type')")


OLD_EVENT_TYPES = {
    "battle-no change of territory": ("Battles",),
    "battle-government regains territory": ("Battles",),
    "battle-non-state actor overtakes territory": ("Battles",),
    "remote violence": ("Explosions/Remote violence",),
    "violence against civilians": ("Violence against civilians",),
    "riots/protests": ("Protests", "Riots"),
    "strategic development": ("Strategic developments",),
    "headquarters or base established": ("Strategic developments",),
    "non-violent transfer of territory": ("Strategic developments",),
}
"""ACLED's event types before its 2019 codebook (no sub-event types) -> the event types of
today that each became: battles of every kind are Battles, remote violence is
Explosions/Remote violence, the three strategic kinds are Strategic developments, and one
old type, Riots/Protests, split into two (either is right)."""


def _old_event_type(old: str, predicted: str) -> str:
    """The gold event type of an old-schema row in today's taxonomy: the predicted one when
    it is among those the old type became, else the first of them (an old type this table
    does not know stays as it is, and counts as a miss)."""
    became = OLD_EVENT_TYPES.get(old.strip().casefold())
    if became is None:
        return old
    return predicted if predicted in became else became[0]


def _predicted(event: Event | None, name: str) -> str:
    value = getattr(event, name) if event is not None else None
    if value is None and name in ("fatalities", "injured"):
        return "0"  # no figure reported: nobody counted
    if event is None and name in ("event_type", "sub_event_type"):
        return taxonomy.NO_EVENT  # no event found: the label a gold "none" is matched with
    return "" if value is None else str(value)


def _same_country(gold: str, predicted: str) -> bool:
    """Two names of one country, as the country lexicon knows them ('Occupied Palestinian
    Territories' and 'Palestine'); a name it does not know ('Chechnya') is only itself."""
    codes = country_keys()
    code = codes.get(name_key(gold))
    return code is not None and code == codes.get(name_key(predicted))


def _distance(event: Event | None, gold: dict[str, str]) -> float | None:
    try:
        lat, lon = float(gold["latitude"]), float(gold["longitude"])
    except (KeyError, ValueError):
        return None
    if event is None or event.latitude is None or event.longitude is None:
        return math.inf
    return km_apart(lat, lon, event.latitude, event.longitude)


def _count(scores: Scores, names: tuple[str, ...], fields: dict[str, str],
           event: Event | None) -> None:
    for name in names:
        if fields.get(name, "") != "" or name in ("actor2",):
            gold, predicted = fields.get(name, ""), _predicted(event, name)
            if name == "country" and _same_country(gold, predicted):
                predicted = gold  # 'DR Congo' (AWSD) is 'Democratic Republic of Congo' (ACLED)
            scores.add(name, gold, predicted)
    distance = _distance(event, fields)
    if distance is not None:
        scores.distances.append(distance)
    scores.documents += 1


def evaluate(path: Path, pipeline: Pipeline, limit: int | None = None,
             halves: bool = False, data: Path | None = None) -> Scores:
    """The pipeline's first event of each row against the row's coding; with ``halves``,
    each half of the rows (``raqib.scoring``, by the row's number from 0) scored alone as
    well. ``data``: the shared data folder that labelled headlines are read from."""
    rows = _open_csv(path)
    reader, names = _reader(rows, path, data)
    tax = taxonomy.load()
    scores = Scores()
    if halves:
        scores.halves = {name: Scores() for name in HALVES}
    started = time.perf_counter()
    for number, gold in enumerate(reader(rows)):
        if limit is not None and number >= limit:
            break
        doc = pipeline.run(str(number), gold.text, gold.reference_date)
        event = doc.events[0] if doc.events else None
        fields = dict(gold.fields)
        if "event_type" in names and "event_type" not in fields:
            sub = fields["sub_event_type"]  # "none": a text that reports no event
            fields["event_type"] = sub if sub == taxonomy.NO_EVENT else tax.event_type(sub)
        elif "event_type" in names and "sub_event_type" not in names:  # ACLED before 2019
            fields["event_type"] = _old_event_type(fields["event_type"],
                                                   _predicted(event, "event_type"))
        _count(scores, names, fields, event)
        if halves:
            _count(scores.halves[HALVES[half_of(str(number))]], names, fields, event)
    scores.seconds = time.perf_counter() - started
    for half in scores.halves.values():
        half.seconds = scores.seconds
    return scores
