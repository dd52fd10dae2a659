"""Measure extract.actors.v1 on ACLED notes (development data; skipped when absent).

Prints actor1/actor2 rates: the first and second distinct actors mentioned (claimants and a
group's second mention on the same words left out) against ACLED's coding, with the event's
country given (as the places stage will give it) and from the text alone. The thresholds
only guard against regressions; the numbers are reported in the stage's documentation.
"""

from __future__ import annotations

import csv
import re
from datetime import datetime
from pathlib import Path

import pytest

from raqib.extract import actors
from raqib.extract.model import Analysis, Options

DATA = Path(__file__).resolve().parents[2].parent / "shared" / "data" / "acled_global_2020may"


def first_two(doc: Analysis) -> list[str]:
    names: list[str] = []
    spans: set[tuple[int, int]] = set()
    for m in doc.actors:
        where = (m.span.start, m.span.end)
        if not actors.is_claimant_only(m) and where not in spans and m.name not in names:
            names.append(m.name)
        spans.add(where)
    return [*names, "", ""][:2]


def family(name: str) -> str:
    return re.sub(r"\s*\([^)]*\)", "", name).strip()


def test_acled_notes_actor_rates() -> None:
    files = sorted(DATA.glob("*.csv")) if DATA.exists() else []
    if not files:
        pytest.skip("../shared/data/acled_global_2020may is absent")
    with open(files[0], encoding="utf-8") as handle:
        rows = list(csv.DictReader(handle))[::8]  # every 8th row: ~600 notes
    stage = actors.create(Options())
    score = dict.fromkeys(("a1", "a1_family", "a2", "a2_family", "a1_text"), 0)
    with_a2 = 0
    for row in rows:
        when = datetime.strptime(row["event_date"], "%d-%b-%y").date()
        for given in (row["country"], None):
            doc = Analysis(id=row["data_id"], text=row["notes"], reference_date=when)
            stage(doc)
            actors.localize(doc, given)
            a1, a2 = first_two(doc)
            if given is None:
                score["a1_text"] += a1 == row["actor1"]
                continue
            score["a1"] += a1 == row["actor1"]
            score["a1_family"] += family(a1) == family(row["actor1"])
            if row["actor2"]:
                with_a2 += 1
                score["a2"] += a2 == row["actor2"]
                score["a2_family"] += family(a2) == family(row["actor2"])
    rates = {k: v / (with_a2 if k.startswith("a2") else len(rows)) for k, v in score.items()}
    print(f"\nACLED 2020 notes (n={len(rows)}, actor2 given in {with_a2}): "
          + ", ".join(f"{k} {v:.3f}" for k, v in rates.items()))
    assert rates["a1"] > 0.35 and rates["a1_family"] > 0.4 and rates["a2_family"] > 0.15
