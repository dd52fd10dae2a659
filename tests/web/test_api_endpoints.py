"""The REST API on the processed sample workspace: what each endpoint answers."""

from __future__ import annotations

import hashlib
from pathlib import Path

import pytest
from fastapi.testclient import TestClient
from websupport import PASSWORD, Site

from raqib.search import SearchIndex
from raqib.services.answers import BUDGET
from raqib.web.app import create_app, from_environment

CHLORINE = "chlorine"


def _chlorine_incident(site: Site) -> int:
    found = site.client("viewer").get("/api/search", params={"q": CHLORINE}).json()
    aleppo = [r for r in found["results"] if r["location"] == "Aleppo"
              and r["sub_event_type"] == "Chemical weapon"]
    assert aleppo, found
    return int(aleppo[0]["id"])


def test_health_is_open_and_everything_else_needs_credentials(site: Site) -> None:
    client = site.client()
    assert client.get("/api/health").json()["status"] == "ok"
    refused = client.get("/api/incidents")
    assert refused.status_code == 401
    assert refused.json()["error"]["code"] == "unauthorized"


def test_search_finds_the_chlorine_incident_with_facets_and_highlights(site: Site) -> None:
    body = site.client("viewer").get("/api/search", params={"q": CHLORINE}).json()
    assert body["total"] >= 1 and body["results"]
    first = body["results"][0]
    assert "[[" in first["snippet"] and "<mark>" in first["snippet_html"]
    assert "[[" not in first["snippet_html"]
    facets = body["facets"]
    assert set(facets) == {"event_type", "grade", "admin1", "side", "contested"}
    assert sum(facets["contested"].values()) == body["total"]
    assert facets["event_type"].get("Explosions/Remote violence", 0) >= 1
    assert {"government", "opposition"} <= set(facets["side"])


def test_search_says_capped_when_the_words_are_too_common_to_rank(
    site: Site, monkeypatch: pytest.MonkeyPatch
) -> None:
    client = site.client("viewer")
    ranked = client.get("/api/search", params={"q": CHLORINE}).json()
    assert ranked["capped"] is False
    monkeypatch.setattr(SearchIndex, "rank_limit", 0)  # every word counts as too common
    fresh = site.client("viewer")  # a new app: the first one keeps its answer for the data
    newest = fresh.get("/api/search", params={"q": CHLORINE}).json()
    assert newest["capped"] is True  # more entries match than were taken
    assert {r["id"] for r in newest["results"]} == {r["id"] for r in ranked["results"]}


def test_search_answers_are_kept_until_the_data_changes(site: Site) -> None:
    """The app keeps whole answers (``raqib.services.answers``): the same search again is
    the kept answer; after a review it is computed anew and shows the change. With
    ``answer_cache=0`` (`raqib serve --answer-cache 0`) nothing is kept."""
    incident = _chlorine_incident(site)
    viewer = site.client("viewer")
    kept = viewer.app.state.answers  # type: ignore[attr-defined]

    def fatalities() -> int | None:
        found = viewer.get("/api/search", params={"q": CHLORINE}).json()["results"]
        return next(r["fatalities_max"] for r in found if r["id"] == incident)

    before = fatalities()
    assert fatalities() == before and kept.counts.hits == 1
    done = site.client("reviewer").post(f"/api/incidents/{incident}/review", json={
        "set": {"fatalities_max": (before or 0) + 7}, "reason": "hospital list"})
    assert done.status_code == 200, done.text
    assert fatalities() == (before or 0) + 7 and kept.counts.hits == 1
    uncached = TestClient(create_app(site.workspace(), answer_cache=0))
    uncached.headers["Authorization"] = f"Bearer {site.tokens['viewer']}"
    assert uncached.app.state.answers is None  # type: ignore[attr-defined]
    body = uncached.get("/api/search", params={"q": CHLORINE}).json()
    assert body == viewer.get("/api/search", params={"q": CHLORINE}).json()


def test_each_worker_of_raqib_serve_takes_its_settings_from_the_environment(
    site: Site, monkeypatch: pytest.MonkeyPatch
) -> None:
    """`raqib serve --workers N` starts each worker through ``from_environment``."""
    monkeypatch.setenv("RAQIB_WORKSPACE", str(site.root))
    for setting, budget in (("0", None), ("7", 7)):
        monkeypatch.setenv("RAQIB_ANSWER_CACHE", setting)
        kept = from_environment().state.answers
        assert (kept.budget if kept else None) == budget
    monkeypatch.delenv("RAQIB_ANSWER_CACHE")
    assert from_environment().state.answers.budget == BUDGET


def test_search_filters_narrow_the_set(site: Site) -> None:
    client = site.client("viewer")
    everything = client.get("/api/search").json()["total"]
    contested = client.get("/api/search", params={"contested": "true"}).json()
    assert 0 < contested["total"] < everything
    assert all(r["contested"] for r in contested["results"])
    by_side = client.get("/api/search", params={"side": "government"}).json()["total"]
    assert 0 < by_side <= everything
    near = client.get("/api/search", params={"near": "Aleppo", "km": 30}).json()
    assert near["total"] >= 1 and all(r["admin1"] == "Aleppo" for r in near["results"])
    unknown = client.get("/api/search", params={"near": "Nowhere-at-all-xyz"})
    assert unknown.status_code == 400 and "error" in unknown.json()
    backwards = client.get("/api/search", params={"from": "2019-01-01", "to": "2018-01-01"})
    assert backwards.status_code == 400
    assert "is after 'to'" in backwards.json()["error"]["message"]


def test_incident_detail_of_the_aleppo_chlorine_incident_is_contested(site: Site) -> None:
    incident = _chlorine_incident(site)
    body = site.client("viewer").get(f"/api/incidents/{incident}").json()
    assert body["contested"] is True
    assert body["summary"]["contest"]["contested"] is True
    assert len(body["summary"]["contest"]["by_side"]) >= 2
    assert body["summary"]["grade"]["reasons"]
    assert "government" in {r["side"] for r in body["reports"]}


def test_original_bytes_match_their_header_and_each_view_is_logged(site: Site) -> None:
    client = site.client("viewer")
    doc = client.get("/api/documents", params={"per_page": 5}).json()["items"][1]
    response = client.get(f"/api/documents/{doc['id']}/original")
    assert response.status_code == 200
    assert hashlib.sha256(response.content).hexdigest() == response.headers["x-content-sha256"]
    assert response.headers["x-content-sha256"] == doc["sha256"]
    assert response.headers["content-type"].startswith(doc["media_type"])
    log = client.get("/api/log", params={"document": str(doc["id"])}).json()["entries"]
    assert [e for e in log if e["action"] == "view" and e["user"] == "viewer"]


def test_sensitive_documents_only_for_roles_allowed_and_reads_logged(site: Site) -> None:
    admin, viewer = site.client("admin"), site.client("viewer")
    listed = admin.get("/api/documents", params={"per_page": 200}).json()["items"]
    sensitive = [d for d in listed if d["sensitive"]]
    assert sensitive and all(d["sha256"] is None and d["title"] == "[sensitive]"
                             for d in sensitive)
    seen_by_viewer = viewer.get("/api/documents", params={"per_page": 200}).json()
    assert not [d for d in seen_by_viewer["items"] if d["sensitive"]]
    ref = str(sensitive[0]["id"])
    assert viewer.get(f"/api/documents/{ref}").status_code == 403
    assert viewer.get(f"/api/documents/{ref}/original").status_code == 403
    assert admin.get(f"/api/documents/{ref}").json()["text"]
    trail = admin.get("/api/log", params={"document": ref}).json()["entries"]
    assert [e for e in trail if e["action"] == "view" and e["user"] == "admin"]
    reports = viewer.get("/api/reports", params={"per_page": 200}).json()["items"]
    assert not [r for r in reports if r["sensitive"]]


def test_a_review_shows_in_the_incident_reviews_and_in_the_log(site: Site) -> None:
    incident = _chlorine_incident(site)
    client = site.client("reviewer")
    done = client.post(f"/api/incidents/{incident}/review",
                       json={"set": {"fatalities_max": 3}, "reason": "hospital list"})
    assert done.status_code == 200, done.text
    assert done.json()["changes"][0]["after"] == 3
    body = client.get(f"/api/incidents/{incident}").json()
    assert body["fatalities_max"] == 3
    assert [r for r in body["reviews"] if r["reason"] == "hospital list"]
    log = client.get("/api/log", params={"last": 5}).json()["entries"]
    assert [e for e in log if e["action"] == "review" and e["object"] == f"incident:{incident}"]
    trail = client.get(f"/api/incidents/{incident}/trail").json()["entries"]
    assert trail[-1]["action"] == "review"
    queue = client.get("/api/review/queue").json()["items"]
    assert incident not in {i["id"] for i in queue}


def test_grade_merge_and_split_through_the_api(site: Site) -> None:
    client = site.client("reviewer")
    incident = _chlorine_incident(site)
    refused = client.post(f"/api/incidents/{incident}/review", json={"grade": "confirmed"})
    assert refused.status_code == 400  # a grade by hand needs a reason
    graded = client.post(f"/api/incidents/{incident}/review",
                         json={"grade": "discounted", "reason": "footage from 2016"})
    assert graded.json()["grade"] == "discounted"
    ids = [i["id"] for i in client.get("/api/incidents").json()["items"]]
    other = next(i for i in ids if i != incident)
    merged = client.post("/api/incidents/merge", json={"ids": [incident, other],
                                                         "reason": "same"})
    assert merged.json() == {"incident": incident}
    assert client.get(f"/api/incidents/{other}").status_code == 404
    reports = client.get("/api/reports", params={"incident": incident}).json()["items"]
    split = client.post(f"/api/incidents/{incident}/split",
                        json={"reports": [reports[-1]["id"]], "reason": "apart"})
    assert split.status_code == 201
    assert client.get(f"/api/incidents/{split.json()['incident']}").status_code == 200


def test_upload_creates_a_document_and_reports(site: Site) -> None:
    text = (b"On 3 December 2018, Syrian government helicopters dropped barrel bombs on "
            b"Khan Shaykhun in southern Idlib, killing four civilians, the Syrian Network "
            b"for Human Rights said.")
    client = site.client("analyst")
    response = client.post("/api/documents", files=[("files", ("barrels.txt", text,
                                                                "text/plain"))],
                           data={"source": "SNHR"})
    assert response.status_code == 201, response.text
    body = response.json()
    result = body["results"][0]
    assert result["status"] == "new" and result["sha256"] == hashlib.sha256(text).hexdigest()
    assert body["processed"] >= 1 and body["reports"] >= 1
    reports = client.get("/api/reports", params={"document": result["id"]}).json()
    assert reports["total"] >= 1
    spans = client.get(f"/api/documents/{result['id']}/reports").json()[0]["spans"]
    assert spans and all(s["part"] in ("title", "text") for s in spans)
    again = client.post("/api/documents", files=[("files", ("same.txt", text, "text/plain"))])
    assert again.json()["results"][0]["status"] == "duplicate"


def test_uploads_over_the_limit_are_refused_with_413(site: Site) -> None:
    client = site.client("analyst")
    client.app.state.ws.config.max_upload_bytes = 1000  # type: ignore[attr-defined]
    response = client.post("/api/documents",
                           files=[("files", ("big.txt", b"x" * 5000, "text/plain"))])
    assert response.status_code == 413
    assert response.json()["error"]["code"] == "too_large"


def test_an_upload_with_a_broken_extraction_setting_is_refused_before_ingest(
        site: Site) -> None:
    """A gazetteer named in raqib.toml that has gone: one error naming it, nothing stored."""
    client = site.client("analyst")
    ws = client.app.state.ws  # type: ignore[attr-defined]
    ws.config.extract_gazetteers = ["gazetteer/gone.txt"]
    before = client.get("/api/documents").json()["total"]
    response = client.post("/api/documents",
                           files=[("files", ("new.txt", b"Shelling hit a town.", "text/plain"))])
    assert response.status_code == 400
    assert "extract_gazetteers: file not found: gazetteer/gone.txt" in \
        response.json()["error"]["message"]
    assert client.get("/api/documents").json()["total"] == before


def test_settings_show_the_workspaces_extraction_settings(site: Site) -> None:
    client = site.client("admin")
    assert client.get("/api/settings").json() == {
        "extract_model": None, "extract_gazetteers": [], "extract_actors": [],
        "extract_country": None}
    client.app.state.ws.config.extract_country = "Syria"  # type: ignore[attr-defined]
    assert client.get("/api/settings").json()["extract_country"] == "Syria"


def test_pagination_bounds(site: Site) -> None:
    client = site.client("viewer")
    first = client.get("/api/documents", params={"per_page": 3}).json()
    assert len(first["items"]) == 3 and first["total"] > 3 and first["per_page"] == 3
    second = client.get("/api/documents", params={"per_page": 3, "page": 2}).json()
    assert {d["id"] for d in first["items"]}.isdisjoint(d["id"] for d in second["items"])
    beyond = client.get("/api/documents", params={"page": 1000}).json()
    assert beyond["items"] == [] and beyond["total"] == first["total"]
    for bad in ({"per_page": 201}, {"per_page": 0}, {"page": 0}, {"page": "x"}):
        response = client.get("/api/incidents", params=bad)
        assert response.status_code == 422, bad
        assert response.json()["error"]["code"] == "invalid"


def test_bad_input_is_422_and_unknown_ids_404_in_the_shape(site: Site) -> None:
    client = site.client("admin")
    for path in ("/api/incidents/999999", "/api/reports/999999", "/api/documents/999999",
                 "/api/agreements/no-such/violations"):
        response = client.get(path)
        assert response.status_code == 404, path
        assert set(response.json()["error"]) == {"status", "code", "message"}
    for path, body in (("/api/incidents/merge", {"ids": "x"}), ("/api/users", {"name": ""}),
                       ("/api/incidents/1/review", {"grade": "excellent"})):
        response = client.post(path, json=body)
        assert response.status_code == 422, path
        assert response.json()["error"]["status"] == 422
    assert client.get("/api/incidents/abc").status_code == 422
    assert client.post("/api/users/nobody/disable").status_code == 404


def test_session_login_logout_and_csrf(site: Site) -> None:
    client = site.client()
    wrong = client.post("/api/session", json={"name": "reviewer", "password": "nope"})
    unknown = client.post("/api/session", json={"name": "nobody", "password": "nope"})
    assert wrong.status_code == unknown.status_code == 401
    assert wrong.json()["error"]["message"] == unknown.json()["error"]["message"]
    ok = client.post("/api/session", json={"name": "reviewer", "password": PASSWORD})
    assert ok.status_code == 200 and ok.json()["role"] == "reviewer"
    csrf = ok.json()["csrf_token"]
    assert client.get("/api/me").json()["user"] == "reviewer"
    assert client.delete("/api/session").status_code == 403  # no CSRF token
    assert client.delete("/api/session", headers={"X-CSRF-Token": csrf}).status_code == 200
    assert client.get("/api/me").status_code == 401


def test_users_sources_agreements_and_checkpoints(site: Site) -> None:
    admin = site.client("admin")
    made = admin.post("/api/users", json={"name": "field-1", "role": "viewer"})
    assert made.status_code == 201
    token = made.json()["token"]
    as_new = site.client()
    as_new.headers["Authorization"] = f"Bearer {token}"
    assert as_new.get("/api/me").json()["role"] == "viewer"
    assert admin.post("/api/users/field-1/disable").json()["disabled"] is True
    assert as_new.get("/api/me").status_code == 401
    name = admin.get("/api/sources").json()[0]["name"]
    edited = admin.patch(f"/api/sources/{name}", json={"reliability": "B", "reason": "t"})
    assert edited.json()["reliability"] == "B"
    assert admin.patch(f"/api/sources/{name}", json={"side": "martian"}).status_code == 400
    shipped = admin.get("/api/agreements").json()[0]
    counts = admin.get(f"/api/agreements/{shipped['name']}/violations",
                       params={"by": "month"}).json()
    assert counts["by"] == "month" and isinstance(counts["summary"], list)
    cp = admin.get("/api/checkpoints/latest").json()
    assert cp["tree_size"] > 0 and cp["note"].count("\n") >= 3


def test_geojson_for_the_map(site: Site) -> None:
    geo = site.client("viewer").get("/api/incidents/geo").json()
    assert geo["type"] == "FeatureCollection" and geo["features"]
    # GeoJSON order, longitude first: the sample's incidents in Syria lie at 30-40 N, 30-45 E
    # (its monthly report also names an agreement signed in Sochi, which is not)
    points = [f["geometry"]["coordinates"] for f in geo["features"]]
    assert any(30 < lat < 40 and 30 < lon < 45 for lon, lat in points)
    assert all(-90 <= lat <= 90 and -180 <= lon <= 180 for lon, lat in points)
    for feature in geo["features"]:
        assert {"grade", "contested", "fatalities_min", "event_type"} <= set(feature["properties"])
    assert geo["total"] == len(geo["features"]) >= 2 and geo["truncated"] is False
    newest = site.client("viewer").get("/api/incidents/geo", params={"limit": 1}).json()
    assert len(newest["features"]) == 1 and newest["total"] == geo["total"]
    assert newest["truncated"] is True
    dates = {f["id"]: f["properties"]["event_date"] or "" for f in geo["features"]}
    assert dates[newest["features"][0]["id"]] == max(dates.values())  # the newest one


def test_an_upload_processes_its_documents_not_a_backlog(site: Site, tmp_path: Path) -> None:
    from click.testing import CliRunner

    from raqib.cli import cli
    from raqib.services import processing

    waiting = tmp_path / "backlog.txt"
    waiting.write_text("On 2 December 2018 shelling hit Maarat al-Numan, killing two.",
                       encoding="utf-8")
    ingested = CliRunner().invoke(cli, ["-w", str(site.root), "ingest", str(waiting)])
    assert ingested.exit_code == 0, ingested.output
    client = site.client("analyst")
    ws = client.app.state.ws  # type: ignore[attr-defined]
    backlog = processing.pending(ws)
    assert len(backlog) == 1
    text = b"On 4 December 2018 an air strike hit a market in Ariha, killing three civilians."
    response = client.post("/api/documents",
                           files=[("files", ("ariha.txt", text, "text/plain"))])
    assert response.status_code == 201, response.text
    assert response.json()["processed"] == 1  # the upload, not the backlog
    assert processing.pending(ws) == backlog
