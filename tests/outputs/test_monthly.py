"""`raqib report monthly` on a workspace built from the project's samples."""

from __future__ import annotations

import base64
import io
import json
import re
from datetime import date
from pathlib import Path

import pypdf
import pytest

import raqib.cli.reports  # noqa: F401  (registers `raqib report`)
from clirun import run_split as run
from raqib.outputs import monthly

SAMPLES = Path(__file__).resolve().parents[2] / "samples" / "public"
IMAGE = re.compile(r'<img src="data:image/png;base64,([A-Za-z0-9+/=]+)"')



@pytest.fixture(scope="module")
def ws(tmp_path_factory: pytest.TempPathFactory) -> Path:
    root = tmp_path_factory.mktemp("monthly")
    ws = root / "ws"
    assert run(root, "init", str(ws))[0] == 0
    code, out, err = run(ws, "ingest", "--process", str(SAMPLES))
    assert code in (0, 2), out + err
    return ws


def november(ws: Path) -> list[dict]:
    code, out, _ = run(ws, "incidents", "list", "--json")
    assert code == 0
    rows = [json.loads(line) for line in out.splitlines() if line.startswith("{")]
    found = [r for r in rows if (r["event_date"] or "").startswith("2018-11")]
    assert found, "the samples hold November 2018 incidents"
    return found


def test_html_report_has_incidents_and_inline_charts(ws: Path) -> None:
    code, page, _ = run(ws, "report", "monthly", "--month", "2018-11")
    assert code == 0
    assert page.startswith("<!doctype html>")
    for row in november(ws):
        assert f'<td dir="auto">{row["id"]}</td>' in page
        assert row["location"] in page
    images = IMAGE.findall(page)
    assert len(images) >= 5  # map, type, actor, governorate, day
    for data in images:
        png = base64.b64decode(data)
        assert png.startswith(b"\x89PNG\r\n\x1a\n") and len(png) > 5000
    for heading in ("Incidents by type of event", "Incidents by actor",
                    "Incidents by governorate", "Incidents by day", "Most serious incidents",
                    "Contested incidents", "Methodology"):
        assert heading in page
    assert "lowest figure given by its" in page  # how victims are counted
    assert "Violations of" not in page


def test_contested_incidents_quote_each_side(ws: Path) -> None:
    _, page, _ = run(ws, "report", "monthly", "--month", "2018-11")
    contested = [r for r in november(ws) if r["contested"]]
    assert contested
    section = page.split("Contested incidents", 1)[1]
    assert "denies" in section and "government" in section and "“" in section


def test_pdf_report_opens_with_the_incident_ids(ws: Path, tmp_path: Path) -> None:
    out = tmp_path / "nov.pdf"
    code, _, err = run(ws, "report", "monthly", "--month", "2018-11", "--format", "pdf",
                       "--out", str(out))
    assert code == 0, err
    reader = pypdf.PdfReader(io.BytesIO(out.read_bytes()))
    text = "\n".join(page.extract_text() for page in reader.pages)
    for row in november(ws):
        assert re.search(rf"^{row['id']} {row['event_date']}\s", text, re.M)
    assert "Monthly report: November 2018" in text
    assert sum(len(page.images) for page in reader.pages) >= 5
    assert "مدنيين" in text  # the Arabic SANA title, shaped and extracted


def test_agreement_adds_violations(ws: Path, tmp_path: Path) -> None:
    code, page, _ = run(ws, "report", "monthly", "--month", "2018-11",
                        "--agreement", "idlib-2018")
    assert code == 0 and "Violations of idlib-2018" in page
    zone = {"format": "raqib.agreement/1", "name": "aleppo-test", "title": "Aleppo test zone",
            "zone": {"type": "Polygon", "coordinates": [[[36.9, 36.0], [37.4, 36.0],
                                                         [37.4, 36.4], [36.9, 36.4],
                                                         [36.9, 36.0]]]},
            "period": {"start": "2018-11-01", "end": None},
            "prohibited": ["Explosions/Remote violence", "Battles"]}
    path = tmp_path / "zone.json"
    path.write_text(json.dumps(zone), encoding="utf-8")
    assert run(ws, "agreements", "add", str(path))[0] == 0
    code, page, _ = run(ws, "report", "monthly", "--month", "2018-11",
                        "--agreement", "aleppo-test")
    assert code == 0
    for heading in ("Violations of aleppo-test", "Violations by actor", "Violations by day",
                    "Violations listed"):
        assert heading in page
    aleppo = [r["id"] for r in november(ws) if r["location"] == "Aleppo"]
    listed = page.split("Violations listed", 1)[1]
    assert all(f"<td dir=\"auto\">{i}</td>" in listed for i in aleppo)


def test_empty_month_says_so(ws: Path, tmp_path: Path) -> None:
    code, page, _ = run(ws, "report", "monthly", "--month", "2017-01")
    assert code == 0 and "No incidents were recorded" in page
    out = tmp_path / "empty.pdf"
    assert run(ws, "report", "monthly", "--month", "2017-01", "--format", "pdf",
               "--out", str(out))[0] == 0
    text = pypdf.PdfReader(out).pages[0].extract_text()
    assert "No incidents were recorded" in text


def test_pdf_needs_out_and_month_must_be_a_month(ws: Path) -> None:
    code, out, err = run(ws, "report", "monthly", "--month", "2018-11", "--format", "pdf")
    assert code == 2 and out == ""
    assert err.strip() == "raqib: error: --format pdf needs --out FILE"
    code, _, err = run(ws, "report", "monthly", "--month", "November")
    assert code == 2 and len(err.strip().splitlines()) == 1


def test_most_serious_puts_deaths_then_grades_first() -> None:
    def entry(i: int, killed: int | None, grade: str, kind: str = "Battles") -> monthly.Entry:
        return monthly.Entry(i, date(2018, 11, 1), kind, "", "", "", "", None, None,
                             "", "", killed, killed, grade, grade, "", [], False)

    entries = [entry(1, 0, "weak"), entry(2, 5, "weak"), entry(3, 0, "confirmed"),
               entry(4, 9, "weak", "Strategic developments"),
               entry(5, 0, "confirmed", "Strategic developments"), entry(6, None, "fair")]
    assert [e.id for e in monthly.most_serious(entries)] == [4, 2, 3, 6, 1]
    assert monthly.by_actor(entries).incidents == [6]
    assert monthly.by_type(entries).killed_min[0] == 5


def test_the_map_labels_the_deadliest_when_a_month_has_many(monkeypatch) -> None:  # type: ignore[no-untyped-def]
    from datetime import date
    from types import SimpleNamespace

    from raqib.outputs import render, report_sections

    drawn: dict = {}
    monkeypatch.setattr(render, "map_image", lambda points, title, zones: drawn.update(
        points=points, title=title) or b"")
    month = SimpleNamespace(agreement=None, start=date(2019, 1, 1))
    located = [SimpleNamespace(id=n, latitude=35.0, longitude=36.0 + n / 100,
                               fatalities_min=n % 7) for n in range(1, 41)]
    report_sections._map(month, located)  # type: ignore[arg-type]
    labels = [label for *_, label in drawn["points"]]
    assert len(drawn["points"]) == 40 and sum(1 for x in labels if x) == 25
    kept = {int(x) for x in labels if x}
    assert min(e.fatalities_min for e in located if e.id in kept) >= max(
        e.fatalities_min for e in located if e.id not in kept)
    assert "25 with most people killed" in drawn["title"]
    report_sections._map(month, located[:5])  # type: ignore[arg-type]
    assert all(label for *_, label in drawn["points"]) and "incident ids" in drawn["title"]
