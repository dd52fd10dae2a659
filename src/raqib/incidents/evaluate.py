"""Measuring incident linking against hand-made labels of real reporting.

Two public data sets are read record by record, each record goes through Raqib's extraction
(``raqib.extract.pipeline``) to become a :class:`ReportView`, the reports are linked with
``raqib.incidents.linking.link_all`` and the predicted incidents are scored against the gold
groups in ``eval/linking/<dataset>.csv`` (``id,group``; how they were made:
``eval/linking/README.md``). The scores are pairwise precision/recall/F1 over same-incident
pairs and B-cubed precision/recall/F1, both computed from the contingency table of gold
group x predicted incident, never by enumerating pairs.
"""

from __future__ import annotations

import csv
import hashlib
import time
from collections import Counter
from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass
from datetime import date, datetime
from pathlib import Path
from typing import TYPE_CHECKING, Any

from raqib.errors import RaqibError
from raqib.incidents.records import ReportView, SourceInfo
from raqib.incidents.sources import recognise
from raqib.scoring import HALVES, f1, half_of

if TYPE_CHECKING:
    from raqib.extract.model import Analysis, Event
    from raqib.extract.pipeline import Pipeline

Linker = Callable[[Sequence[ReportView], Any], Mapping[int, int]]
"""``link_all(reports, settings)``: report id -> incident id."""


class EvaluationError(RaqibError):
    """A data or labels file is missing or does not match the data set."""


# --- metrics ------------------------------------------------------------------------------


def _contingency(gold: Mapping[str, str], predicted: Mapping[str, str]) -> Counter[tuple]:
    if not gold:
        raise ValueError("nothing to score: no items")
    if gold.keys() != predicted.keys():
        missing = sorted(set(gold) ^ set(predicted))[:3]
        raise ValueError(f"gold and predicted cover different items, e.g. {missing}")
    return Counter((gold[item], predicted[item]) for item in gold)


def _pairs(n: int) -> int:
    return n * (n - 1) // 2


def pairwise(gold: Mapping[str, str], predicted: Mapping[str, str]) -> dict[str, float | int]:
    """Precision, recall and F1 over unordered pairs of items put in one cluster.

    A pair is a true positive when both gold and prediction put its two items together.
    With no predicted pairs precision is 1.0 (nothing wrongly joined); with no gold pairs
    recall is 1.0 (nothing missed). Items are the keys of ``gold``; ``predicted`` must have
    the same keys.
    """
    cells = _contingency(gold, predicted)
    true_pairs = sum(_pairs(n) for n in cells.values())
    gold_pairs = sum(_pairs(n) for n in Counter(gold.values()).values())
    predicted_pairs = sum(_pairs(n) for n in Counter(predicted.values()).values())
    precision = true_pairs / predicted_pairs if predicted_pairs else 1.0
    recall = true_pairs / gold_pairs if gold_pairs else 1.0
    return {
        "precision": precision, "recall": recall, "f1": f1(precision, recall),
        "true_pairs": true_pairs, "gold_pairs": gold_pairs, "predicted_pairs": predicted_pairs,
    }


def bcubed(gold: Mapping[str, str], predicted: Mapping[str, str]) -> dict[str, float]:
    """B-cubed precision, recall and F1 (Bagga and Baldwin 1998), averaged over items.

    For an item, precision is the share of its predicted cluster that shares its gold
    group, recall the share of its gold group that shares its predicted cluster (both count
    the item itself, so all-singletons scores precision 1.0).
    """
    cells = _contingency(gold, predicted)
    gold_sizes = Counter(gold.values())
    predicted_sizes = Counter(predicted.values())
    items = len(gold)
    precision = sum(n * n / predicted_sizes[p] for (_, p), n in cells.items()) / items
    recall = sum(n * n / gold_sizes[g] for (g, _), n in cells.items()) / items
    return {"precision": precision, "recall": recall, "f1": f1(precision, recall)}


# --- data sets ----------------------------------------------------------------------------


@dataclass(frozen=True)
class Record:
    """One record of a data set, as the extraction will read it."""

    key: str
    """The data set's own id (FA-KES ``unit_id``, Syrian Archive ``unique_event_ID``)."""
    title: str
    text: str
    reference_date: date | None
    source: SourceInfo


def _open_rows(path: Path) -> list[dict[str, str]]:
    with path.open(encoding="utf-8", newline="") as handle:
        return list(csv.DictReader(handle))


def read_fakes(path: Path) -> list[Record]:
    """FA-KES: one record per ``unit_id`` (the file repeats nine ids, each a copy of one
    article with another governorate or label; the first copy is kept)."""
    records: list[Record] = []
    seen: set[str] = set()
    for row in _open_rows(path):
        key = row["unit_id"].strip()
        if key in seen:
            continue
        seen.add(key)
        title = row["article_title"].strip()
        month, day, year = (int(part) for part in row["date"].split("/"))
        records.append(Record(
            key, title, f"{title}\n\n{row['article_content'].strip()}",
            date(year, month, day), recognise(row["source"]),
        ))
    return records


def read_syrianarchive(path: Path) -> list[Record]:
    """Syrian Archive chemical-weapons videos: the short summaries (English, then Arabic),
    the place and the date in words make the text (most summaries are a few words; 52 have
    no English, 46 of them an Arabic one)."""
    records: list[Record] = []
    for row in _open_rows(path):
        when = datetime.strptime(row["date_time"].strip(), "%m/%d/%y %I:%M %p").date()
        summary = row["event_summary"].strip()
        place = row["location_name"].strip()
        said = f"{when.day} {when:%B %Y}"
        where = f"{place}, {said}." if place else said
        told = [part for part in (summary, row.get("event_summary_ar", "").strip()) if part]
        text = "\n\n".join([*told, where])
        records.append(Record(
            row["unique_event_ID"].strip(), summary, text, when, recognise(row["sources"]),
        ))
    return records


@dataclass(frozen=True)
class Dataset:
    name: str
    file: str
    """Path of the data file under the shared data folder."""
    read: Callable[[Path], list[Record]]


DATASETS: dict[str, Dataset] = {
    "fakes_syria": Dataset("fakes_syria", "fakes_syria/FA-KES-Dataset.csv", read_fakes),
    "syrianarchive_cw_2015": Dataset(
        "syrianarchive_cw_2015", "syrianarchive_cw_2015/chemweap.csv", read_syrianarchive
    ),
}


def dataset(name: str) -> Dataset:
    try:
        return DATASETS[name]
    except KeyError:
        raise EvaluationError(f"unknown data set {name!r} (known: {', '.join(DATASETS)})") from None


def _resolve(path: Path, file: str) -> Path:
    """``path`` when it names a file, else ``file`` under it (a folder, present or not)."""
    return path if path.is_file() or path.suffix == ".csv" else path / file


def data_file(name: str, data_path: str | Path) -> Path:
    """The data file: ``data_path`` itself, or the data set's file under that folder."""
    path = _resolve(Path(data_path), dataset(name).file)
    if not path.is_file():
        raise EvaluationError(f"data file not found: {path}")
    return path


def labels_file(name: str, labels_path: str | Path) -> Path:
    """The labels file: ``labels_path`` itself, or ``<name>.csv`` under that folder."""
    path = _resolve(Path(labels_path), f"{name}.csv")
    if not path.is_file():
        raise EvaluationError(f"labels file not found: {path}")
    return path


def read_labels(path: Path, keys: Sequence[str]) -> dict[str, str]:
    """``id,group`` rows; every record of the data set exactly once, nothing else."""
    labels: dict[str, str] = {}
    for row in _open_rows(path):
        key, group = row["id"].strip(), row["group"].strip()
        if key in labels:
            raise EvaluationError(f"{path}: id {key} is labelled twice")
        labels[key] = group
    missing = [key for key in keys if key not in labels]
    extra = sorted(set(labels) - set(keys))
    if missing or extra:
        raise EvaluationError(
            f"{path}: labels do not match the data ({len(missing)} records without a label, "
            f"e.g. {missing[:3]}; {len(extra)} unknown ids, e.g. {extra[:3]})"
        )
    return labels


# --- reports ------------------------------------------------------------------------------


def _event_date(event: Event, fallback: date | None) -> date | None:
    try:
        return date.fromisoformat(event.event_date) if event.event_date else fallback
    except ValueError:
        return fallback


def to_report(number: int, record: Record, analysis: Analysis) -> ReportView:
    """The record's most likely event (the extraction's first) as a report; a record with no
    event becomes a report with an empty type on its reference date."""
    document = hashlib.sha256(record.text.encode("utf-8")).hexdigest()
    if not analysis.events:
        return ReportView(
            id=number, document=document, source=record.source, event_type="",
            sub_event_type="", event_date=record.reference_date, text=record.title,
            full_text=record.text, published=record.reference_date,
        )
    event = analysis.events[0]
    evidence = event.evidence.text if event.evidence else ""
    return ReportView(
        id=number, document=document, source=record.source, event_type=event.event_type,
        sub_event_type=event.sub_event_type,
        event_date=_event_date(event, record.reference_date),
        time_precision=event.time_precision or 1, latitude=event.latitude,
        longitude=event.longitude, geo_precision=event.geo_precision or 1,
        country=event.country, admin1=event.admin1, location=event.location,
        actor1=event.actor1, actor2=event.actor2, fatalities=event.fatalities,
        injured=event.injured, weapon=event.weapon,
        text=f"{record.title}\n{evidence}".strip(), full_text=record.text,
        confidence=event.confidence, published=record.reference_date,
    )


def extract_reports(records: Sequence[Record], pipeline: Pipeline) -> list[ReportView]:
    """Reports numbered 0.. in record order (the number is the report id)."""
    return [
        to_report(number, record, pipeline.run(
            record.key, record.text, reference_date=record.reference_date, language=None
        ))
        for number, record in enumerate(records)
    ]


def _default_linker() -> Linker:
    try:
        from raqib.incidents.linking import link_all
    except ImportError as exc:
        raise EvaluationError(f"incident linking is not available: {exc}") from exc
    return link_all


# --- the measurement ----------------------------------------------------------------------


def halves(
    records: Sequence[Record], reports: Sequence[ReportView], labels: Mapping[str, str],
    incidents: Mapping[int, int],
) -> dict[str, dict[str, Any]]:
    """The scores of each half's records alone, halved by their gold group's label
    (``raqib.scoring``; pairs across the halves count in neither); a half with no records
    (three groups can all fall in one) is left out."""
    out = {}
    for number, name in enumerate(HALVES):
        kept = [(record, report) for record, report in zip(records, reports, strict=True)
                if half_of(labels[record.key]) == number]
        if kept:
            out[name] = score([r for r, _ in kept], [v for _, v in kept], labels, incidents,
                              split=False)
    return out


def score(
    records: Sequence[Record], reports: Sequence[ReportView], labels: Mapping[str, str],
    incidents: Mapping[int, int], split: bool = True,
) -> dict[str, Any]:
    """Scores of one linking; a report the linker left out counts as an incident alone.
    With ``split``, also each half's (``halves``)."""
    gold = {record.key: labels[record.key] for record in records}
    predicted = {
        record.key: str(incidents.get(report.id, f"alone-{report.id}"))
        for record, report in zip(records, reports, strict=True)
    }
    result = {
        "records": len(records),
        "gold_groups": len(set(gold.values())),
        "gold_multi_groups": sum(1 for n in Counter(gold.values()).values() if n > 1),
        "predicted_incidents": len(set(predicted.values())),
        "pairwise": pairwise(gold, predicted),
        "bcubed": bcubed(gold, predicted),
    }
    if split:
        result["halves"] = halves(records, reports, labels, incidents)
    return result


def evaluate(
    dataset_name: str, data_path: str | Path, labels_path: str | Path, settings: Any = None,
    *, linker: Linker | None = None, pipeline: Pipeline | None = None,
) -> dict[str, Any]:
    """Extract, link and score one data set.

    ``data_path`` is the data file or the shared data folder; ``labels_path`` the labels
    file or the folder of ``<dataset>.csv``; ``settings`` is passed to the linker
    (``LinkSettings``). ``linker`` and ``pipeline`` replace ``link_all`` and a default
    :class:`Pipeline` (tests, or one pipeline shared across data sets).
    """
    spec = dataset(dataset_name)
    records = spec.read(data_file(dataset_name, data_path))
    labels = read_labels(labels_file(dataset_name, labels_path), [r.key for r in records])
    link = linker or _default_linker()
    if pipeline is None:
        from raqib.extract.pipeline import Pipeline

        pipeline = Pipeline()
    started = time.perf_counter()
    reports = extract_reports(records, pipeline)
    extracted = time.perf_counter()
    incidents = link(reports, settings)
    linked = time.perf_counter()
    result = {"dataset": dataset_name, **score(records, reports, labels, incidents)}
    result.update(
        extract_seconds=round(extracted - started, 3), link_seconds=round(linked - extracted, 3),
        seconds=round(linked - started, 3),
    )
    return result
