"""ACLED exports read as training rows: any encoding, any of the usual separators, the
modern columns (``notes``, ``event_type``, ``sub_event_type``, ``disorder_type``,
``event_date``, ``country``), ACLED's date formats; and split into disjoint training and
held-out rows by date or by country. Shared by ``raqib train`` (``raqib.extract.train``),
``raqib evaluate`` and ``raqib import acled``."""

from __future__ import annotations

import csv
import io
import random
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date
from pathlib import Path

from raqib.errors import RaqibError
from raqib.extract import taxonomy as taxonomy_mod

SPLITS = ("date", "country")


class TrainingDataError(RaqibError, ValueError):
    """The training file cannot be used: unreadable, wrong columns, too few rows."""


@dataclass(frozen=True)
class AcledRow:
    notes: str
    event_type: str
    sub_event_type: str
    disorder_type: str
    event_date: date | None
    country: str


def open_acled(csv_path: str | Path) -> tuple[csv.DictReader, dict[str, str]]:
    """An ACLED CSV export (any encoding; comma, semicolon, tab or bar separated) as a
    ``DictReader``, and its column names by their lower-case form. Shared with
    ``raqib import acled`` (``raqib.outputs.acled``)."""
    text = decode_csv(Path(csv_path).read_bytes())
    try:  # only the separator: the sniffer can miss doubled quotes ("") in long notes
        delimiter = csv.Sniffer().sniff(text[:8192], delimiters=",;\t|").delimiter
    except csv.Error:
        delimiter = ","
    reader = csv.DictReader(io.StringIO(text), dialect=csv.excel, delimiter=delimiter)
    columns = {name.strip().casefold(): name for name in reader.fieldnames or []}
    return reader, columns


def read_acled(csv_path: str | Path) -> list[AcledRow]:
    """Rows of an ACLED CSV export (any encoding; comma, semicolon or tab separated)."""
    reader, columns = open_acled(csv_path)
    if "notes" not in columns:
        raise TrainingDataError("no 'notes' column; is this an ACLED export?")
    if "sub_event_type" not in columns:
        hint = ""
        if "event_type" in columns:
            hint = " (ACLED's pre-2019 format, which has only EVENT_TYPE)"
        raise TrainingDataError(
            f"no 'sub_event_type' column{hint}; Raqib codes events into the "
            "2019+ taxonomy of 25 sub-event types, so it needs an export with event_type "
            "and sub_event_type"
        )
    return _rows(reader, columns, csv_path)


def _rows(reader: csv.DictReader, columns: dict[str, str], csv_path) -> list[AcledRow]:
    tax = taxonomy_mod.load()

    def get(record: dict, key: str) -> str:
        name = columns.get(key)
        return (record.get(name) or "").strip() if name else ""

    rows: list[AcledRow] = []
    for record in reader:
        notes, sub = get(record, "notes"), tax.canonical(get(record, "sub_event_type"))
        if not notes or sub is None:
            continue
        rows.append(AcledRow(notes, tax.event_type(sub), sub, get(record, "disorder_type"),
                             parse_acled_date(get(record, "event_date")), get(record, "country")))
    if len(rows) < 10:
        raise TrainingDataError(
            f"only {len(rows)} usable rows (notes + sub-event type)"
        )
    return rows


def decode_csv(data: bytes) -> str:
    """An export's bytes as text: UTF-8 (with or without BOM), else cp1252, else latin-1."""
    for encoding in ("utf-8-sig", "cp1252"):
        try:
            return data.decode(encoding)
        except UnicodeDecodeError:
            continue
    return data.decode("latin-1")


def parse_acled_date(value: str) -> date | None:
    """ACLED's dates in any of its formats ('9-May-20', '09/05/2020', '2020-05-09')."""
    if not value:
        return None
    try:  # ISO first: day-first parsing would read 2020-05-09 as 5 September
        return date.fromisoformat(value.strip())
    except ValueError:
        pass
    from dateutil import parser

    try:
        return parser.parse(value, dayfirst=True).date()
    except (ValueError, OverflowError):
        return None


def split_rows(
    rows: Sequence[AcledRow], by: str, test_fraction: float, seed: int = 0
) -> tuple[list[AcledRow], list[AcledRow]]:
    """Disjoint (train, test): by 'date' the latest ``test_fraction`` of the rows (whole
    days) are held out; by 'country' whole countries, drawn at random with ``seed``."""
    if by not in SPLITS:
        raise ValueError(f"split must be one of {SPLITS}, not {by!r}")
    if not 0 < test_fraction < 1:
        raise ValueError("test_fraction must be between 0 and 1")
    key = (lambda r: r.event_date or date.min) if by == "date" else (lambda r: r.country)
    groups: dict[object, list[AcledRow]] = {}
    for row in rows:
        groups.setdefault(key(row), []).append(row)
    order = sorted(groups, reverse=True) if by == "date" else sorted(groups)
    if by == "country":
        random.Random(seed).shuffle(order)
    test: list[AcledRow] = []
    target = test_fraction * len(rows)
    for group in order:
        if len(test) >= target:
            break
        test.extend(groups[group])
    held = {id(r) for r in test}
    train = [r for r in rows if id(r) not in held]
    if not train or not test:
        raise TrainingDataError(f"cannot split {len(rows)} rows by {by}: one side is empty")
    return train, test
