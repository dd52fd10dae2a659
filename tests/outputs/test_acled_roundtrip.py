"""Import an ACLED export, export it again: every row's coded columns come back exactly.

Needs the ACLED files in ../shared/data (not shipped: ACLED's terms allow tests only); the
tests skip cleanly without them.
"""

from __future__ import annotations

import csv
import io
from pathlib import Path

import pytest

import raqib.cli.exports  # noqa: F401  (registers `export` and `import`)
from clirun import run
from raqib.extract.acled_export import open_acled, parse_acled_date
from raqib.outputs.acled import ALIASES, COLUMNS

DATA = Path(__file__).resolve().parents[2].parent / "shared" / "data"
MODERN = sorted((DATA / "acled_global_2020may").glob("*.csv"))
OLDER = sorted((DATA / "acled_africa_2016").glob("*.csv"))
CODED = list(COLUMNS)
"""Every export column (notes and source as ACLED wrote them included); a column the file
lacks (disorder_type, civilian_targeting, tags in these files) must come back empty."""



def source_rows(path: Path) -> list[dict[str, str]]:
    reader, columns = open_acled(path)
    names = {ALIASES.get(k, k): name for k, name in columns.items() if k}
    return [{k: (record[name] or "").strip() for k, name in names.items()} for record in reader]


def normalised(value: str, column: str) -> str:
    if column == "event_date":
        day = parse_acled_date(value)
        return day.isoformat() if day else value
    return value


def round_trip(tmp_path: Path, files: list[Path]) -> tuple[int, list[str]]:
    ws = tmp_path / "ws"
    assert run(tmp_path, "init", str(ws))[0] == 0
    expected: dict[str, dict[str, str]] = {}
    for path in files:
        code, out = run(ws, "import", "acled", str(path))
        assert code == 0, out
        for row in source_rows(path):
            expected[row.get("event_id_cnty") or f"data_id:{row['data_id']}"] = row
    code, out = run(ws, "export", "acled", "--out", str(tmp_path / "out.csv"))
    assert code == 0, out
    text = (tmp_path / "out.csv").read_text(encoding="utf-8")
    exported = list(csv.DictReader(io.StringIO(text)))
    assert next(csv.reader(io.StringIO(text))) == list(COLUMNS)
    by_id = {r["event_id_cnty"]: r for r in exported if r["event_id_cnty"]}
    by_notes = {r["notes"]: r for r in exported if not r["event_id_cnty"]}
    mismatches = []
    for key, source in expected.items():
        wanted = source.get("event_id_cnty")
        got = by_id.get(wanted) if wanted else by_notes.get(source.get("notes", ""))
        if got is None:
            mismatches.append(f"{key}: not exported")
            continue
        for column in CODED:
            want = normalised(source.get(column, ""), column)
            if got[column] != want:
                mismatches.append(f"{key} {column}: {got[column]!r} != {want!r}")
    assert len(exported) == len(expected)
    return len(expected), mismatches


@pytest.mark.skipif(not MODERN, reason="ACLED sample data (../shared/data) not present")
def test_modern_export_round_trips_exactly(tmp_path: Path) -> None:
    rows, mismatches = round_trip(tmp_path, MODERN)
    assert rows > 4000
    assert not mismatches, f"{len(mismatches)} mismatches, e.g. {mismatches[:5]}"


@pytest.mark.skipif(not OLDER, reason="ACLED sample data (../shared/data) not present")
def test_older_column_set_round_trips_exactly(tmp_path: Path) -> None:
    rows, mismatches = round_trip(tmp_path, OLDER)
    assert rows > 6000
    assert not mismatches, f"{len(mismatches)} mismatches, e.g. {mismatches[:5]}"
