"""The incident list's map markers come from ``/incidents/points.json``, not from the page:
the page stays small however many incidents there are, and the browser keeps the markers
(ETag of the data generation, 304 while unchanged)."""

from __future__ import annotations

import re

from websupport import Site

from raqib.services import overview


def test_the_list_page_names_the_markers_and_does_not_carry_them(site: Site) -> None:
    client = site.client("viewer")
    page = client.get("/incidents")
    assert page.status_code == 200
    assert 'data-points-url="/incidents/points.json"' in page.text
    assert 'id="map-points"' not in page.text
    response = client.get("/incidents/points.json")
    assert response.status_code == 200
    assert response.headers["content-type"].startswith("application/json")
    markers = response.json()
    ws = site.workspace()
    try:
        expected, placed = overview.mapped(ws, 10_000), overview.placed_count(ws)
    finally:
        ws.close()
    assert placed == len(expected) and len(markers) == placed > 0
    assert [m["id"] for m in markers] == [e["id"] for e in expected]
    assert all({"lat", "lon", "colour", "fmax", "type"} <= m.keys() for m in markers)


def test_the_markers_are_revalidated_by_the_data_generation(site: Site) -> None:
    client = site.client("reviewer")
    first = client.get("/incidents/points.json")
    tag = first.headers["etag"]
    assert first.headers["cache-control"] == "private, no-cache"
    again = client.get("/incidents/points.json", headers={"If-None-Match": tag})
    assert again.status_code == 304 and again.content == b""
    moved = first.json()[0]
    done = client.post(f"/api/incidents/{moved['id']}/review",
                       json={"set": {"latitude": "35.5"}, "reason": "map test"})
    assert done.status_code == 200, done.text
    changed = client.get("/incidents/points.json", headers={"If-None-Match": tag})
    assert changed.status_code == 200 and changed.headers["etag"] != tag
    assert {m["id"]: m["lat"] for m in changed.json()}[moved["id"]] == 35.5


def test_the_markers_need_a_login(site: Site) -> None:
    response = site.client().get("/incidents/points.json", follow_redirects=False)
    assert response.status_code == 303
    assert response.headers["location"] == "/login?next=/incidents/points.json"


def _violations(site: Site, parties_only: bool = False) -> list:
    from raqib.services import agreements

    ws = site.workspace()
    try:
        return agreements.violations(ws, "idlib-2018", parties_only)
    finally:
        ws.close()


def test_an_agreements_markers_are_fetched_and_its_violations_listed_a_page_at_a_time(
        site: Site, monkeypatch) -> None:
    from raqib.web.pages import agreements as page_module

    found = _violations(site)
    assert found, "the demo workspace should hold a violation of the Idlib agreement"
    other = next(i for i in site.client("viewer").get("/api/incidents").json()["items"]
                 if i["id"] != found[0].incident_id)
    moved = site.client("reviewer").post(  # a second violation: moved into the zone
        f"/api/incidents/{other['id']}/review", json={"reason": "paging test", "set": {
            "latitude": str(found[0].latitude), "longitude": str(found[0].longitude),
            "event_date": "2018-12-01", "event_type": "Explosions/Remote violence",
            "sub_event_type": "Shelling/artillery/missile attack"}})
    assert moved.status_code == 200, moved.text
    found = _violations(site)
    assert len(found) >= 2
    monkeypatch.setattr(page_module, "PAGE_SIZE", 1)
    client = site.client("viewer")
    first = client.get("/agreements/idlib-2018")
    assert first.status_code == 200
    assert 'data-points-url="/agreements/idlib-2018/points.json"' in first.text
    assert 'id="agreement-map-points"' not in first.text
    assert f"<strong>{len(found)}</strong> incidents" in first.text
    assert f"page 1 of {len(found)}" in first.text and "?page=2" in first.text
    listed = re.findall(r'<td><a href="/incidents/(\d+)">', first.text)
    assert listed == [str(found[0].incident_id)]
    last = client.get(f"/agreements/idlib-2018?page={len(found) + 5}")  # past the end: the last
    assert re.findall(r'<td><a href="/incidents/(\d+)">', last.text) == [
        str(found[-1].incident_id)]
    markers = client.get("/agreements/idlib-2018/points.json")
    assert markers.status_code == 200
    placed = [v for v in found if v.latitude is not None]
    assert [m["id"] for m in markers.json()] == [v.incident_id for v in placed]
    again = client.get("/agreements/idlib-2018/points.json",
                       headers={"If-None-Match": markers.headers["etag"]})
    assert again.status_code == 304


def test_an_agreements_party_filter_reaches_its_markers_and_pages(site: Site,
                                                                   monkeypatch) -> None:
    from raqib.web.pages import agreements as page_module

    monkeypatch.setattr(page_module, "PAGE_SIZE", 1)
    client = site.client("viewer")
    page = client.get("/agreements/idlib-2018?parties_only=true").text
    by_parties = _violations(site, parties_only=True)
    assert 'data-points-url="/agreements/idlib-2018/points.json?parties_only=true"' in page
    if len(by_parties) > 1:
        assert "?page=2&amp;parties_only=true" in page
    markers = client.get("/agreements/idlib-2018/points.json?parties_only=true").json()
    assert [m["id"] for m in markers] == [v.incident_id for v in by_parties
                                          if v.latitude is not None]
    assert client.get("/agreements/no-such/points.json").status_code == 404
