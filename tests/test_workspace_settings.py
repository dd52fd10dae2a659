"""`raqib settings`: a workspace's own gazetteer (and actors, model) used by `raqib process`,
each change on the custody log, a missing file named in one line."""

from __future__ import annotations

import hashlib
import json
import tomllib
from pathlib import Path

import pytest
from sqlalchemy import select

from clirun import run
from made_places import VILLAGE, village_line
from raqib.store.models import Processing, Report
from raqib.workspace import Workspace

REPORT = (f"Government forces shelled the village of {VILLAGE} on 3 May 2019, killing two "
          "civilians, local activists said.")


@pytest.fixture()
def workspace(tmp_path: Path) -> Path:
    ws = tmp_path / "ws"
    assert run(None, "init", str(ws))[0] == 0
    (ws / "gazetteer").mkdir()
    (ws / "gazetteer" / "villages.txt").write_text(village_line(), encoding="utf-8")
    (tmp_path / "report.txt").write_text(REPORT, encoding="utf-8")
    return ws


def locations(ws: Path) -> list[str]:
    code, out = run(ws, "incidents", "list", "--json")
    assert code == 0, out
    return [json.loads(line)["location"] for line in out.splitlines() if line.startswith("{")]


def test_process_places_the_text_with_the_workspaces_gazetteer(workspace: Path) -> None:
    report = workspace.parent / "report.txt"
    code, out = run(workspace, "settings")
    assert code == 0 and "extract_gazetteers: (none)" in out
    code, out = run(workspace, "settings", "--gazetteer", str(workspace / "gazetteer" /
                                                              "villages.txt"),
                    "--reason", "our villages")
    assert code == 0, out
    assert "extract_gazetteers: gazetteer/villages.txt" in out
    stored = tomllib.loads((workspace / "raqib.toml").read_text(encoding="utf-8"))
    assert stored["extract_gazetteers"] == ["gazetteer/villages.txt"]  # relative: portable
    code, out = run(workspace, "ingest", "--process", str(report))
    assert code == 0, out
    assert locations(workspace) == [VILLAGE]
    code, out = run(workspace, "log")
    assert code == 0 and "workspace:settings" in out and "our villages" in out
    digest = hashlib.sha256((workspace / "gazetteer" / "villages.txt").read_bytes()).hexdigest()
    ws = Workspace.open(workspace)
    with ws.sessions() as session:  # each coding names the reference data that made it
        run_components = session.execute(select(Processing.components)).scalar_one()
        report_components = session.execute(select(Report.components)).scalars().first()
    ws.close()
    assert f"gazetteer villages.txt sha256:{digest[:16]}" in run_components
    assert run_components == report_components
    code, out = run(workspace, "verify")
    assert code == 0, out


def test_without_the_setting_the_village_is_unknown(workspace: Path) -> None:
    code, out = run(workspace, "ingest", "--process", str(workspace.parent / "report.txt"))
    assert code == 0, out
    assert VILLAGE not in locations(workspace)


def test_a_missing_file_stops_processing_with_one_line(workspace: Path) -> None:
    village = workspace / "gazetteer" / "villages.txt"
    assert run(workspace, "settings", "--gazetteer", str(village))[0] == 0
    village.unlink()
    code, out = run(workspace, "ingest", str(workspace.parent / "report.txt"))
    assert code == 0, out
    code, out = run(workspace, "process")
    assert code == 1
    assert "raqib.toml: extract_gazetteers: file not found: gazetteer/villages.txt" in out
    code, out = run(workspace, "settings", "--no-gazetteers")
    assert code == 0 and "extract_gazetteers: (none)" in out
    assert run(workspace, "process")[0] == 0


def test_an_unchanged_setting_writes_nothing(workspace: Path) -> None:
    village = str(workspace / "gazetteer" / "villages.txt")
    assert run(workspace, "settings", "--gazetteer", village)[0] == 0
    def changes() -> int:
        return sum("workspace:settings" in line for line in run(workspace, "log")[1].splitlines())

    assert changes() == 1
    assert run(workspace, "settings", "--gazetteer", village)[0] == 0
    assert changes() == 1


def test_a_focus_country_is_stored_by_its_name_and_an_unknown_one_refused(
        workspace: Path) -> None:
    code, out = run(workspace, "settings", "--country", "sy")
    assert code == 0 and "extract_country: Syria" in out
    stored = tomllib.loads((workspace / "raqib.toml").read_text(encoding="utf-8"))
    assert stored["extract_country"] == "Syria"
    code, out = run(workspace, "settings", "--country", "Narnia")
    assert code == 1 and "unknown country: 'Narnia'" in out
    assert "extract_country: Syria" in run(workspace, "settings")[1]
    assert "extract_country: (none)" in run(workspace, "settings", "--no-country")[1]


@pytest.mark.parametrize(("option", "why"), [
    ("--gazetteer", "no places in it"),
    ("--actors", "neither an actor TSV"),
    ("--model", "is not an event model file"),
])
def test_a_file_of_another_kind_is_refused_when_named(workspace: Path, option: str,
                                                      why: str) -> None:
    """Before 2026-12-02 any existing file was taken: a gazetteer that held no place, or an
    actor list with no actor, was on the record and quietly added nothing."""
    other = workspace.parent / "notes.csv"
    other.write_text("when,what\n2019-05-03,a meeting\n", encoding="utf-8")
    config = (workspace / "raqib.toml").read_bytes()
    code, log = run(workspace, "log", "--json")
    code, out = run(workspace, "settings", option, str(other))
    assert code == 1 and out.startswith(f"raqib: error: {other}") and why in out
    assert len(out.splitlines()) == 1
    assert (workspace / "raqib.toml").read_bytes() == config
    assert run(workspace, "log", "--json") == (0, log)


def test_a_folder_of_gazetteer_tables_is_a_gazetteer(workspace: Path) -> None:
    folder = workspace / "gazetteer"
    code, out = run(workspace, "settings", "--gazetteer", str(folder))
    assert code == 0 and "extract_gazetteers: gazetteer\n" in out, out
    code, out = run(workspace, "ingest", "--process", str(workspace.parent / "report.txt"))
    assert code == 0, out
    assert locations(workspace) == [VILLAGE]
