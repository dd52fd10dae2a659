"""`raqib evaluate --gold FOLDER`: the places stage's mentions against gold entity spans.

The gold is Dstl's re3d (Relationship and Entity Extraction Evaluation Dataset: news, UK and
US government statements and Wikipedia pages on the Syria/Iraq conflict, each entity's
character offsets annotated by hand). A folder holds ``documents.json`` and
``entities.json`` (one JSON object per line: a document's ``_id`` and ``text``; an entity's
``documentId``, ``begin``, ``end``, ``type`` and ``value``), or sub-folders that do (the
data set's sub-corpora). Each document's text goes through the whole pipeline, and its place
mentions (``Analysis.places``) are compared with the gold ``Location`` spans:

- *precision*: the share of place mentions that overlap a gold Location span (the unmatched
  ones that overlap a gold Nationality, "Syrian", are counted apart);
- *recall*: the share of gold Locations that name a place (a capital letter, no digits: not
  "the town" nor a coordinate) that some place mention overlaps ("the Karrada district of
  Baghdad" is found by "Baghdad"). A span annotated as an Organisation too (a country that
  acts: "Turkey said", "the UK will") is left out: the places stage reads it as an actor on
  purpose (``raqib.extract.places``), not as where something happened.
"""

from __future__ import annotations

import json
import re
import time
from collections.abc import Iterator
from dataclasses import dataclass, field, fields
from pathlib import Path

from raqib.errors import RaqibError
from raqib.extract.pipeline import Pipeline
from raqib.scoring import f1

DOCUMENTS, ENTITIES = "documents.json", "entities.json"
_LEADING = re.compile(r"^(?:the|a|an)\s+", re.IGNORECASE)


@dataclass(frozen=True)
class Annotated:
    corpus: str
    doc_id: str
    text: str
    locations: tuple[tuple[int, int, str, bool], ...]
    """Gold Location spans: (begin, end, value, also annotated as an Organisation)."""
    nationalities: tuple[tuple[int, int], ...]


@dataclass
class Tally:
    mentions: int = 0
    matched: int = 0
    nationality: int = 0
    named: int = 0
    found: int = 0

    def add(self, other: Tally) -> None:
        for name in (f.name for f in fields(self)):
            setattr(self, name, getattr(self, name) + getattr(other, name))


@dataclass
class PlaceScores:
    corpora: dict[str, Tally] = field(default_factory=dict)
    documents: int = 0
    seconds: float = 0.0
    missed: list[str] = field(default_factory=list)
    """Gold named Locations no mention overlapped, in document order."""
    spurious: list[str] = field(default_factory=list)
    """Mentions that overlap no gold Location nor Nationality, as 'words -> place'."""

    def total(self) -> Tally:
        all_ = Tally()
        for tally in self.corpora.values():
            all_.add(tally)
        return all_

    def lines(self) -> Iterator[str]:
        yield f"documents: {self.documents}, {self.documents / max(self.seconds, 1e-9):.1f}/s"
        for name, tally in [*sorted(self.corpora.items()), ("all", self.total())]:
            yield (f"{name}: place mentions precision {_ratio(tally.matched, tally.mentions)}, "
                   f"recall of named gold locations {_ratio(tally.found, tally.named)}, "
                   f"F1 {_f1(tally):.3f}; unmatched mentions on a nationality: "
                   f"{tally.nationality}")


def _ratio(part: int, whole: int) -> str:
    return f"{part / whole if whole else 0.0:.3f} ({part}/{whole})"


def _f1(tally: Tally) -> float:
    return f1(tally.matched / tally.mentions if tally.mentions else 0.0,
              tally.found / tally.named if tally.named else 0.0)


def is_named(value: str) -> bool:
    """A gold Location that names a place: a capital letter once a leading article is off,
    and no digit (coordinates are annotated as locations too)."""
    rest = _LEADING.sub("", value.strip())
    return any(ch.isupper() for ch in rest) and not any(ch.isdigit() for ch in rest)


def _lines(path: Path, fields: tuple[str, ...]) -> list[dict]:
    """The file's JSON objects, each checked for ``fields``."""
    out = []
    with path.open(encoding="utf-8") as handle:
        for number, line in enumerate(handle, 1):
            if not line.strip():
                continue
            try:
                obj = json.loads(line)
            except json.JSONDecodeError as exc:
                raise RaqibError(f"{path}:{number}: not a JSON object ({exc.msg})") from None
            missing = [name for name in fields if not isinstance(obj, dict) or name not in obj]
            if missing:
                raise RaqibError(f"{path}:{number}: no {', '.join(missing)}")
            out.append(obj)
    return out


def _offsets(entity: dict, path: Path) -> tuple[int, int]:
    try:
        return int(entity["begin"]), int(entity["end"])
    except (TypeError, ValueError):
        raise RaqibError(f"{path}: entity {entity.get('_id', '?')} has offsets that are not "
                         f"numbers") from None


def _corpus(folder: Path) -> list[Annotated]:
    path = folder / ENTITIES
    entities = _lines(path, ("documentId", "begin", "end", "type", "value"))
    acting = {(str(e["documentId"]), *_offsets(e, path)) for e in entities
              if e["type"] == "Organisation"}
    spans: dict[str, tuple[list, list]] = {}
    for entity in entities:
        document = str(entity["documentId"])
        locations, nationalities = spans.setdefault(document, ([], []))
        begin, end = _offsets(entity, path)
        if entity["type"] == "Location":
            locations.append((begin, end, str(entity["value"]),
                              (document, begin, end) in acting))
        elif entity["type"] == "Nationality":
            nationalities.append((begin, end))
    out = []
    for doc in _lines(folder / DOCUMENTS, ("_id", "text")):
        locations, nationalities = spans.get(str(doc["_id"]), ([], []))
        out.append(Annotated(folder.name, str(doc["_id"]), str(doc["text"]),
                             tuple(sorted(locations)), tuple(sorted(nationalities))))
    return out


def read_re3d(path: Path) -> list[Annotated]:
    """The annotated documents of a re3d folder or of its sub-folders, in name order."""
    folders = [path] if (path / DOCUMENTS).is_file() else sorted(
        p for p in path.iterdir() if (p / DOCUMENTS).is_file())
    if not folders:
        raise RaqibError(f"{path}: no {DOCUMENTS} here or in its sub-folders")
    for folder in folders:
        if not (folder / ENTITIES).is_file():
            raise RaqibError(f"{folder}: {DOCUMENTS} without {ENTITIES}")
    return [doc for folder in folders for doc in _corpus(folder)]


def _overlaps(start: int, end: int, spans: tuple) -> bool:
    return any(start < span[1] and span[0] < end for span in spans)


def evaluate_places(path: Path, pipeline: Pipeline, limit: int | None = None) -> PlaceScores:
    scores = PlaceScores()
    started = time.perf_counter()
    for doc in read_re3d(path)[:limit]:
        analysis = pipeline.run(doc.doc_id, doc.text)
        tally = scores.corpora.setdefault(doc.corpus, Tally())
        mentioned = tuple((p.span.start, p.span.end) for p in analysis.places)
        for place, (start, end) in zip(analysis.places, mentioned, strict=True):
            tally.mentions += 1
            if _overlaps(start, end, doc.locations):
                tally.matched += 1
            elif _overlaps(start, end, doc.nationalities):
                tally.nationality += 1
            else:
                scores.spurious.append(f"{place.span.text} -> {place.name} ({place.country})")
        for begin, end, value, acting in doc.locations:
            if acting or not is_named(value):
                continue
            tally.named += 1
            if _overlaps(begin, end, mentioned):
                tally.found += 1
            else:
                scores.missed.append(value)
        scores.documents += 1
    scores.seconds = time.perf_counter() - started
    return scores
