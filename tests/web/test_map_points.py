"""The incident list's map markers come from ``/incidents/points.json``, not from the page:
the page stays small however many incidents there are, and the browser keeps the markers
(ETag of the data generation, 304 while unchanged)."""

from __future__ import annotations

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
