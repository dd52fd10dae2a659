"""`raqib process`, `incidents`, `search`, reviews and agreements on a real workspace, on both
backends (``backend`` / ``module_backend``, tests/conftest.py)."""

from __future__ import annotations

import json
import re
from pathlib import Path

import pytest
from click.testing import CliRunner
from sqlalchemy import select

from backends import Backend
from raqib.cli import cli
from raqib.services import placing, processing
from raqib.store.models import ClaimRecord, Document
from raqib.workspace import Workspace

SAMPLES = Path(__file__).resolve().parents[2] / "samples"
PRESS = SAMPLES / "public" / "press-release-2018-11-27.html"
SANA = SAMPLES / "public" / "news-sana-2018-11-25.html"
OPPOSITION = SAMPLES / "public" / "news-opposition-2018-11-25.html"
REPORT = SAMPLES / "public" / "ngo-report-2018-11.pdf"  # a month of incidents in one file
ETILAF = "Syrian Coalition: National Coalition of Syrian Revolution and Opposition Forces"


def run(ws: Path, *args: str) -> tuple[int, str]:
    result = CliRunner().invoke(cli, ["-w", str(ws), *args])
    if result.exception and not isinstance(result.exception, SystemExit):
        raise result.exception
    return result.exit_code, result.output


def jsonl(output: str) -> list[dict]:
    return [json.loads(line) for line in output.splitlines() if line.startswith("{")]


@pytest.fixture(scope="module")
def seeded(tmp_path_factory: pytest.TempPathFactory, module_backend: Backend) -> Path:
    """A workspace with the seed press release and a state-media account, processed."""
    root = tmp_path_factory.mktemp("incidents")
    ws = root / "ws"
    assert run(root, *module_backend.init_args(ws))[0] == 0
    code, out = run(ws, "ingest", "--process", str(PRESS), str(SANA))
    assert code == 0, out
    return ws


def incidents(ws: Path) -> list[dict]:
    code, out = run(ws, "incidents", "list", "--json")
    assert code == 0
    return jsonl(out)


def test_list_json_has_the_contract_fields(seeded: Path) -> None:
    rows = incidents(seeded)
    assert rows
    for row in rows:
        for name in ("id", "event_type", "sub_event_type", "event_date", "location",
                     "latitude", "longitude", "fatalities_min", "fatalities_max", "grade",
                     "contested", "documents"):
            assert name in row
        assert all(len(sha) == 64 for sha in row["documents"])
        assert row["fatalities_min"] <= row["fatalities_max"]


def test_an_opposition_account_of_aleppo_stays_in_syria(tmp_path: Path) -> None:
    """The opposition's page on the Aleppo chlorine shells names quarters of Aleppo the
    gazetteer lacks ('al-Khalidiya'): none of its incidents may go abroad (the quarter once
    went to Al Khalidiyah in Jordan by its final-h spelling, places v24)."""
    ws = tmp_path / "ws"
    assert run(tmp_path, "init", str(ws))[0] == 0
    code, out = run(ws, "ingest", "--process", str(OPPOSITION))
    assert code == 0, out
    rows = incidents(ws)
    assert rows and {r["country"] for r in rows} == {"Syria"}


def test_state_media_and_opposition_accounts_form_one_contested_incident(seeded: Path) -> None:
    both = [r for r in incidents(seeded) if len(r["documents"]) == 2]
    assert both, "the chlorine allegation and its denial should be one incident"
    chlorine = both[0]
    assert chlorine["sub_event_type"] == "Chemical weapon"
    assert chlorine["event_date"] == "2018-11-24"
    assert chlorine["contested"] is True
    assert chlorine["grade"] == "contested"
    _, out = run(seeded, "incidents", "show", str(chlorine["id"]), "--json")
    detail = json.loads(out)
    by_side = detail["summary"]["contest"]["by_side"]
    assert {"government", "opposition"} <= set(by_side)
    denials = [c for c in by_side["opposition"] if c["stance"] == "denies"]
    assert any("Coalition" in c["claimant"] for c in denials)
    assert any(c["stance"] == "asserts" for c in by_side["government"])
    reasons = " ".join(detail["summary"]["grade"]["reasons"])
    assert "2 sides" in reasons and "denied by" in reasons
    held = {c["claimant_actor"]: c["holder_side"] for side in by_side.values() for c in side}
    assert held.get(ETILAF) == "opposition"


def test_a_press_release_speaks_in_its_publishers_voice(seeded: Path) -> None:
    """Its header went to the metadata; extraction is told the publisher by a closing line,
    so its unattributed sentences are the Coalition's, not an unknown publisher's."""
    ws = Workspace.open(seeded)
    with ws.sessions() as session:
        release = session.execute(select(Document).where(
            Document.kind == "press release")).scalar_one()
        text = processing.payload(release, ws)["text"]
        claims = session.execute(select(ClaimRecord).where(
            ClaimRecord.document_id == release.id)).scalars().all()
    assert text.endswith("\n\nPublisher: Syrian Coalition")
    own = [c for c in claims if c.claimant == "Syrian Coalition"]
    assert own and all(c.claimant_actor == ETILAF and c.claimant_side == "opposition"
                       for c in own)
    assert not [c for c in claims if c.claimant_actor == "(publisher)"]


def test_processing_again_is_idempotent(seeded: Path) -> None:
    before = incidents(seeded)
    code, out = run(seeded, "process")
    assert code == 0 and "processed 0 documents" in out
    assert incidents(seeded) == before


def test_search_words_and_filters(seeded: Path) -> None:
    code, out = run(seeded, "search", "chlorine", "--json")
    assert code == 0
    found = jsonl(out)
    assert found and all("[[" in r["snippet"] for r in found)
    code, out = run(seeded, "search", "chlorine", "--contested", "--json")
    assert all(r["contested"] for r in jsonl(out))
    code, out = run(seeded, "search", "--near", "Aleppo", "--km", "30", "--json")
    assert jsonl(out) and all(r["location"] for r in jsonl(out))
    code, out = run(seeded, "search", "--from", "2030-01-01", "--json")
    assert jsonl(out) == []
    code, out = run(seeded, "search", 'chlorine" OR NEAR(', "--json")  # FTS syntax is inert
    assert code == 0


def test_search_near_an_unknown_place_is_one_clear_error(seeded: Path) -> None:
    code, out = run(seeded, "search", "--near", "Qqqzzxville")
    assert code == 1 and "Qqqzzxville" in out and "Traceback" not in out


def test_correction_is_logged_and_survives_a_rerun(tmp_path: Path, backend: Backend) -> None:
    ws = tmp_path / "ws"
    assert run(tmp_path, *backend.init_args(ws))[0] == 0
    assert run(ws, "ingest", "--process", str(SANA))[0] == 0
    report_id = 1
    code, out = run(ws, "incidents", "review", f"report:{report_id}", "--set",
                    "fatalities=3", "--reason", "hospital list names three dead")
    assert code == 0, out
    code, out = run(ws, "process", "--again")
    assert code == 0, out
    rows = incidents(ws)
    mine = [r for r in rows if r["fatalities_max"] == 3]
    assert mine, rows
    code, out = run(ws, "incidents", "review", str(mine[0]["id"]), "--grade", "discounted",
                    "--reason", "footage shown to be from 2016")
    assert code == 0, out
    assert any(r["grade"] == "discounted" for r in incidents(ws))
    code, out = run(ws, "log")
    assert out.count("review") >= 2
    code, out = run(ws, "verify")
    assert code == 0, out


def test_merge_and_split_are_kept_by_relinking(tmp_path: Path, backend: Backend) -> None:
    ws = tmp_path / "ws"
    assert run(tmp_path, *backend.init_args(ws))[0] == 0
    assert run(ws, "ingest", "--process", str(PRESS), str(SANA), str(REPORT))[0] == 0
    rows = incidents(ws)
    assert len(rows) >= 2
    first, second = rows[0]["id"], rows[1]["id"]
    assert run(ws, "incidents", "review", str(second), "--accept")[0] == 0
    code, out = run(ws, "incidents", "merge", str(first), str(second), "--reason", "same")
    assert code == 0, out
    assert second not in {r["id"] for r in incidents(ws)}
    code, out = run(ws, "incidents", "review", str(second), "--accept")  # was accepted
    assert code == 1 and f"merged into {first}" in out
    code, out = run(ws, "incidents", "review", str(second))  # its history stays readable
    assert code == 0 and [e["action"] for e in jsonl(out)] == ["accept"]
    detail = json.loads(run(ws, "incidents", "show", str(first), "--json")[1])
    moved = [r["id"] for r in detail["reports"]][-1:]
    code, out = run(ws, "incidents", "split", str(first), *map(str, moved))
    assert code == 0, out
    assert run(ws, "process", "--again")[0] == 0
    after = json.loads(run(ws, "incidents", "show", str(first), "--json")[1])
    assert moved[0] not in [r["id"] for r in after["reports"]]
    code, out = run(ws, "incidents", "split", str(first), "999")
    assert code == 1 and "999" in out


def test_bad_review_input_names_the_fault(seeded: Path) -> None:
    code, out = run(seeded, "incidents", "review", "report:1", "--set", "fatalities=many")
    assert code == 1 and "fatalities" in out
    code, out = run(seeded, "incidents", "review", "incident:1", "--set", "colour=red")
    assert code == 1 and "colour" in out
    code, out = run(seeded, "incidents", "show", "4242")
    assert code == 1 and "4242" in out


@pytest.mark.parametrize(("args", "named"), [
    (["incident:abc", "--accept"], "incident:abc"),  # was a traceback
    (["incident:²", "--accept"], "incident:²"),
    (["report:99999"], "no report 99999"),  # a history of nothing: was empty, exit 0
    (["incident:99999"], "no incident 99999"),
    (["bogus"], "bogus"),
    (["report:99999", "--accept"], "no report 99999"),
])
def test_a_review_of_no_such_thing_is_refused_by_name(seeded: Path, args: list[str],
                                                       named: str) -> None:
    code, out = run(seeded, "incidents", "review", *args)
    assert code == 1 and named in out and "Traceback" not in out
    assert len(out.strip().splitlines()) == 1


def test_agreement_violations_from_the_command_line(seeded: Path) -> None:
    code, out = run(seeded, "agreements", "list")
    assert "idlib-2018" in out
    code, out = run(seeded, "agreements", "violations", "idlib-2018", "--json")
    assert code == 0
    for row in jsonl(out):
        assert row["agreement"] == "idlib-2018"
    code, out = run(seeded, "agreements", "violations", "no-such-deal")
    assert code == 1 and "no-such-deal" in out


def test_a_malformed_agreement_file_is_refused_by_name(seeded: Path, tmp_path: Path) -> None:
    bad = tmp_path / "bad.json"
    bad.write_text('{"format": "raqib.agreement/1", "name": "x"}', encoding="utf-8")
    code, out = run(seeded, "agreements", "add", str(bad))
    assert code == 1 and "bad.json" in out


def test_a_failing_document_is_recorded_and_the_run_goes_on(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, backend: Backend
) -> None:
    from raqib.extract.pipeline import Pipeline

    ws = tmp_path / "ws"
    assert run(tmp_path, *backend.init_args(ws))[0] == 0
    assert run(ws, "ingest", str(PRESS), str(SANA))[0] == 0
    real = Pipeline.run

    def flaky(self, doc_id, text, *args, **kwargs):  # type: ignore[no-untyped-def]
        if doc_id == "1":
            raise RuntimeError("model file truncated")
        return real(self, doc_id, text, *args, **kwargs)

    monkeypatch.setattr(Pipeline, "run", flaky)
    code, out = run(ws, "process")
    assert code == 2
    assert "document 1: processing failed: RuntimeError: model file truncated" in out
    assert "processed 1 documents (1 failed)" in out
    assert incidents(ws)  # the other document's reports were linked
    monkeypatch.setattr(Pipeline, "run", real)
    code, out = run(ws, "process")  # a re-run retries what failed, and only that
    assert code == 0 and "processed 1 documents (0 failed)" in out
    took = re.search(r"^took ([\d.,]+) s: starting [\d.]+ s, processing [\d.]+ s, "
                     r"linking [\d.]+ s, refreshing [\d.]+ s$", out, re.MULTILINE)
    assert took, out  # each step timed, in the order they ran
    assert len({sha for row in incidents(ws) for sha in row["documents"]}) == 2


def test_sources_are_recognised_and_an_edit_is_kept_and_logged(seeded: Path) -> None:
    code, out = run(seeded, "sources", "list")
    assert "SANA (Syrian Arab News Agency)\tstate media\tgovernment\tC" in out
    code, out = run(seeded, "sources", "edit", "SANA (Syrian Arab News Agency)",
                    "--reliability", "D", "--reason", "repeated false casualty figures")
    assert code == 0, out
    code, out = run(seeded, "sources", "list")
    assert "government\tD\tedited" in out
    code, out = run(seeded, "sources", "edit", "SANA (Syrian Arab News Agency)", "--side", "x")
    assert code == 1 and "side" in out
    code, out = run(seeded, "sources", "edit", "SANA (Syrian Arab News Agency)", "--kind",
                    "press agency")  # was taken, and exports then gave it scale 'Other'
    assert code == 1 and out.startswith("raqib: error: kind must be one of state media, ")
    code, out = run(seeded, "sources", "edit", "SANA (Syrian Arab News Agency)", "--kind",
                    "State  Media")
    assert code == 0 and "{'kind': 'state media'}" in out
    code, out = run(seeded, "verify")
    assert code == 0, out


def test_a_run_that_stopped_before_refreshing_is_finished_by_the_next(
        tmp_path: Path, backend: Backend) -> None:
    from raqib.services import incidents as service
    from raqib.workspace import Workspace

    done, stopped = tmp_path / "done", tmp_path / "stopped"
    for ws in (done, stopped):
        assert run(tmp_path, *backend.init_args(ws))[0] == 0
        assert run(ws, "ingest", str(PRESS), str(SANA))[0] == 0
    assert run(done, "process")[0] == 0
    workspace = Workspace.open(stopped)
    try:  # what a cluster run leaves when it stops after linking, before its workers refresh
        from raqib.extract.pipeline import Pipeline
        from raqib.services import processing

        processing.process(workspace, Pipeline())
        placing.link_new(workspace, refresh_now=False)
        assert service.stale_incidents(workspace)
    finally:
        workspace.close()
    code, out = run(stopped, "process")  # nothing to extract: it refreshes what waits
    assert code == 0 and "processed 0 documents" in out, out
    workspace = Workspace.open(stopped)
    try:
        assert service.stale_incidents(workspace) == []
    finally:
        workspace.close()
    listed = [jsonl(run(ws, "incidents", "list", "--json")[1]) for ws in (done, stopped)]
    assert listed[0] == listed[1] and all(row["grade"] for row in listed[1])


def test_a_denial_that_points_back_at_the_attack_contests_it(tmp_path: Path) -> None:
    """'Russia said the attack was staged' names no place nor weapon: the claims stage ties it
    to the attack told before it (extract.claims.v4), so the one-report incident is contested
    by a denial from another side (before: graded fair, not contested)."""
    ws = tmp_path / "ws"
    assert run(tmp_path, "init", str(ws))[0] == 0
    text = tmp_path / "report.txt"
    text.write_text("Saraqib, 4 May 2020 (SOHR) - A chemical attack hit Saraqib on Sunday, "
                    "killing two civilians, local sources said. Russia said the attack was "
                    "staged.\n", encoding="utf-8")
    assert run(ws, "ingest", "--source", "SOHR", "--process", str(text))[0] == 0
    (row,) = incidents(ws)
    assert (row["sub_event_type"], row["contested"], row["grade"]) == (
        "Chemical weapon", True, "contested")


def test_views_read_as_columns_are_those_of_the_report_objects(seeded: Path) -> None:
    """A linking pass reads reports as columns (``incidents.REPORT_COLUMNS``, streamed on the
    session's connection, the fields by position) and their sources as columns: the views
    are those made from the ``Report`` objects, each with its document's source."""
    from raqib.incidents.records import SourceInfo
    from raqib.services import incidents as stored
    from raqib.store.models import Processing, Report, Source

    ws = Workspace.open(seeded)
    try:
        with ws.sessions() as session:
            columns = [view for _, view in stored.streamed_views(
                session, select(*stored.REPORT_COLUMNS).order_by(Report.id))]
            objects = stored.report_views(
                session, session.scalars(select(Report).order_by(Report.id)).all())
            document = dict(session.execute(select(Report.id, Report.document_id)).all())
            source = {doc_id: SourceInfo(s.name, s.kind, s.side, s.reliability, s.language)
                      for doc_id, s in session.execute(select(Processing.document_id, Source)
                      .join(Source, Processing.source_id == Source.id))}
        assert columns == objects
        assert [v.source for v in columns] == [
            source.get(document[v.id], SourceInfo("unknown source")) for v in columns]
        assert len({v.source.name for v in columns} - {"unknown source"}) == 2
    finally:
        ws.close()
