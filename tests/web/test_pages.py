"""The server-rendered pages, in process: who may see what, forms and CSRF, and what the
pages show (claims by side, highlighted spans, right-to-left Arabic, verification)."""

from __future__ import annotations

import hashlib
import html
import re

import pytest
from fastapi.testclient import TestClient
from websupport import PASSWORD, ROLES, Site

from raqib.services import documents, incidents, vault
from raqib.web.auth import PERMISSIONS

PAGES = {  # path -> permission it needs
    "/": "read", "/incidents": "read", "/search?q=chlorine": "read",
    "/incidents/{contested}": "read", "/documents/{doc}": "read", "/agreements": "read",
    "/agreements/idlib-2018": "read", "/review": "review", "/upload": "upload",
}


def login(client: TestClient, name: str, password: str = PASSWORD) -> TestClient:
    form = client.get("/login")
    response = client.post("/login", data={"name": name, "password": password,
                                           "csrf_token": token_of(form.text), "next": "/"},
                           follow_redirects=False)
    assert response.status_code == 303, response.text
    return client


def token_of(html: str) -> str:
    found = re.search(r'name="csrf_token" value="([^"]+)"', html)
    assert found, "no CSRF token in the page"
    return found.group(1)


def contested_chlorine(site: Site) -> int:
    from raqib.services.finder import Query, find
    from raqib.services.search import Filters

    found = find(site.workspace(), Query("chlorine", Filters(contested=True)), 1, 20).rows
    assert found, "the sample has a contested chlorine incident"
    return int(found[0]["id"])


def first_document(site: Site, **wanted: object) -> dict:
    for doc in documents.summaries(site.workspace()):
        if all(doc.get(k) == v for k, v in wanted.items()) and doc["status"] == "new":
            return doc
    raise AssertionError(f"no document with {wanted}")


def resolve(path: str, site: Site) -> str:
    doc = first_document(site, language="en", sensitive=False, parent_id=None)
    return path.format(contested=contested_chlorine(site), doc=doc["id"])


# -- authorisation ----------------------------------------------------------------------


def test_pages_send_strangers_to_the_login_form(site: Site) -> None:
    client = site.client()
    for path in PAGES:
        response = client.get(resolve(path, site), follow_redirects=False)
        assert response.status_code == 303, path
        assert response.headers["location"].startswith("/login?next=/"), path
    response = client.get("/search?q=chlorine", follow_redirects=False)
    assert response.headers["location"] == "/login?next=/search%3Fq%3Dchlorine"


@pytest.mark.parametrize("role", ROLES)
def test_each_page_for_each_role(site: Site, role: str) -> None:
    client = login(site.client(), role)
    for path, permission in PAGES.items():
        response = client.get(resolve(path, site))
        expected = 200 if permission in PERMISSIONS[role] else 403
        assert response.status_code == expected, (role, path)
        assert response.headers["content-type"].startswith("text/html"), (role, path)
        if expected == 403:
            assert "Not allowed" in response.text


def test_api_tokens_open_the_pages_too(site: Site) -> None:
    assert site.client("viewer").get("/incidents").status_code == 200
    assert site.client("viewer").get("/review").status_code == 403


def test_wrong_password_is_401_with_a_message(site: Site) -> None:
    client = site.client()
    form = client.get("/login")
    response = client.post("/login", data={"name": "viewer", "password": "nope",
                                           "csrf_token": token_of(form.text)})
    assert response.status_code == 401
    assert "Wrong user name or password" in response.text
    assert client.get("/", follow_redirects=False).status_code == 303


def test_login_goes_back_only_to_this_site(site: Site) -> None:
    client = site.client()
    for target, landing in (("/incidents", "/incidents"), ("//evil.example", "/"),
                            ("https://evil.example/", "/"), ("/\\evil", "/")):
        form = client.get("/login")
        response = client.post("/login", data={"name": "viewer", "password": PASSWORD,
                                               "csrf_token": token_of(form.text),
                                               "next": target}, follow_redirects=False)
        assert response.headers["location"] == landing, target


def test_login_and_logout_need_the_csrf_token(site: Site) -> None:
    client = site.client()
    client.get("/login")
    response = client.post("/login", data={"name": "viewer", "password": PASSWORD})
    assert response.status_code == 403
    login(client, "viewer")
    assert client.post("/logout", data={}).status_code == 403
    page = client.get("/")
    response = client.post("/logout", data={"csrf_token": token_of(page.text)},
                           follow_redirects=False)
    assert response.status_code == 303
    assert client.get("/", follow_redirects=False).status_code == 303


def test_review_forms_refuse_a_missing_or_wrong_token(site: Site) -> None:
    incident_id = contested_chlorine(site)
    client = login(site.client(), "reviewer")
    data = {"target": f"incident:{incident_id}", "field": "fatalities_max", "value": "5",
            "reason": "test"}
    for token in (None, "forged"):
        sent = data if token is None else {**data, "csrf_token": token}
        response = client.post("/review/correct", data=sent)
        assert response.status_code == 403
        assert "CSRF" in response.text
    assert incidents.details(site.workspace(), incident_id)["reviews"] == []


# -- what the pages show ----------------------------------------------------------------


def test_dashboard_counts_and_chart_data(site: Site) -> None:
    page = login(site.client(), "viewer").get("/").text
    total = len(incidents.list_incidents(site.workspace()))
    assert f"<strong>{total}</strong> incidents" in page
    assert 'id="by-type-data"' in page
    assert "Contested incidents" in page


def test_incident_page_shows_claims_by_side(site: Site) -> None:
    incident_id = contested_chlorine(site)
    page = login(site.client(), "viewer").get(f"/incidents/{incident_id}").text
    contest = incidents.details(site.workspace(), incident_id)["summary"]["contest"]
    assert contest["contested"]
    for side, claims in contest["by_side"].items():
        assert f'<div class="side side-{side.replace(" ", "-")}">' in page
        assert f"<h3>{side}</h3>" in page
        for claim in claims[:3]:
            quote = claim["statement"].replace("\n", " ")[:40]
            assert quote.replace("'", "&#39;") in page.replace("\n", " ")
    assert 'class="claim against"' in page and 'class="claim for"' in page
    assert "Reports by side and source" in page
    assert "Custody trail" in page and "<td>ingest</td>" in page
    assert re.search(r"<code class=\"sha\">[0-9a-f]{64}</code>", page)
    assert 'data-map' in page


def test_verify_runs_the_inclusion_proof(site: Site) -> None:
    incident_id = contested_chlorine(site)
    client = login(site.client(), "viewer")
    page = client.get(f"/incidents/{incident_id}").text
    doc_id = re.search(r'action="/documents/(\d+)/verify"', page).group(1)  # type: ignore[union-attr]
    response = client.post(f"/documents/{doc_id}/verify",
                           data={"csrf_token": token_of(page), "incident": incident_id})
    assert response.status_code == 200
    assert "Verified: the document" in response.text
    assert response.text.count(">pass<") >= 3


def test_document_page_highlights_spans_linked_to_fields(site: Site) -> None:
    client = login(site.client(), "viewer")
    doc = first_document(site, language="en", sensitive=False, kind="web page")
    page = client.get(f"/documents/{doc['id']}").text
    span = re.search(r'<a class="span field" href="#(r\d+-location)"[^>]*><mark>([^<]+)</mark>',
                     page)
    assert span, "the place name is highlighted and linked"
    assert f'<tr id="{span.group(1)}">' in page  # the field it produced
    assert f'href="#span-{span.group(1)}"' in page  # and back
    assert f'/documents/{doc["id"]}/original' in page


def test_arabic_document_is_right_to_left(site: Site) -> None:
    doc = first_document(site, language="ar")
    page = login(site.client(), "viewer").get(f"/documents/{doc['id']}").text
    assert 'lang="ar" dir="rtl"' in page
    assert re.search(r'<h1 dir="auto" lang="ar">', page)
    assert "<mark>" in page


def test_sensitive_documents_only_for_roles_that_may_read_them(site: Site) -> None:
    doc = first_document(site, sensitive=True)
    for role in ("viewer", "reviewer"):
        client = login(site.client(), role)
        assert client.get(f"/documents/{doc['id']}").status_code == 403
        assert client.get(f"/documents/{doc['id']}/original").status_code == 403
    before = len(vault.trail(site.workspace()))
    page = login(site.client(), "analyst").get(f"/documents/{doc['id']}")
    assert page.status_code == 200 and "this view is logged" in page.text
    views = vault.trail(site.workspace())[before:]
    assert [e["action"] for e in views] == ["view"]


def test_original_download_is_the_evidence_and_is_logged(site: Site) -> None:
    doc = first_document(site, sensitive=False, language="en")
    client = login(site.client(), "viewer")
    before = len(vault.trail(site.workspace()))
    response = client.get(f"/documents/{doc['id']}/original")
    assert response.status_code == 200
    assert hashlib.sha256(response.content).hexdigest() == doc["sha256"]
    assert response.headers["x-content-sha256"] == doc["sha256"]
    assert "attachment" in response.headers["content-disposition"]
    entry = vault.trail(site.workspace())[before]
    assert (entry["action"], entry["user"]) == ("view", "viewer")


def test_document_trail_lists_the_views(site: Site) -> None:
    doc = first_document(site, sensitive=False, language="en")
    client = login(site.client(), "viewer")
    client.get(f"/documents/{doc['id']}/original")
    page = client.get(f"/documents/{doc['id']}/trail").text
    assert "<td>ingest</td>" in page and "<td>view</td>" in page
    sensitive = first_document(site, sensitive=True)
    assert client.get(f"/documents/{sensitive['id']}/trail").status_code == 403


def test_search_marks_hits_and_escapes_the_rest(site: Site) -> None:
    page = login(site.client(), "viewer").get("/search?q=chlorine").text
    assert re.search(r"<mark>chlorine</mark>", page, re.IGNORECASE)
    assert "[[" not in page
    for facet in ("Date", "Place", "Actor", "Type", "Grade", "Source side"):
        assert f"<h3>{facet}</h3>" in page
    assert "/search?q=chlorine&amp;side=government" in page
    shown = len(re.findall(r'<li class="hit">', page))
    assert shown >= 1
    summary = re.search(r'<p class="summary">([^<]*)</p>', page)
    assert summary is not None
    assert summary.group(1) == f"{shown} incident{'' if shown == 1 else 's'}"


def test_a_side_facet_counts_what_its_link_finds(site: Site) -> None:
    client = login(site.client(), "viewer")
    page = client.get("/search?q=chlorine").text
    links = re.findall(r'<a href="(/search\?q=chlorine&amp;side=([a-z]+))" dir="auto">\2</a> '
                       r'<span class="count">(\d+)</span>', page)
    assert {side for _, side, _ in links} >= {"government", "opposition"}
    counted = client.get("/api/search", params={"q": "chlorine", "per_page": 200}).json()
    assert {side: int(n) for _, side, n in links} == counted["facets"]["side"]  # all on a page
    for href, side, count in links:
        found = client.get(html.unescape(href)).text
        assert len(re.findall(r'<li class="hit">', found)) == int(count), side


def test_search_says_how_many_match_beyond_the_page(
    site: Site, monkeypatch: pytest.MonkeyPatch
) -> None:
    from raqib.web.pages import search as search_page

    client = login(site.client(), "viewer")
    monkeypatch.setattr(search_page, "LIMIT", 1)
    page = client.get("/search?q=chlorine").text
    summary = re.search(r'<p class="summary">([^<]*)</p>', page)
    assert summary is not None
    assert re.fullmatch(r"1 of \d+\+? incidents \(the first 1\)", summary.group(1)), summary


def test_search_filters_and_bad_input(site: Site) -> None:
    client = login(site.client(), "viewer")
    page = client.get("/search?q=chlorine&contested=yes&side=government").text
    assert 'class="chip"' in page and "contested" in page
    bad = client.get("/search?from=24-11-2018")
    assert bad.status_code == 200 and "must be a date" in bad.text
    unknown = client.get("/search?near=Nowhereville-xyz")
    assert "knows no place" in unknown.text
    for query, why in (("grade=solid", "not &#39;solid&#39;"),
                       ("from=2019-01-01&to=2018-01-01", "is after &#39;to&#39;"),
                       ("near=Aleppo&km=-3", "positive number")):
        refused = client.get(f"/search?q=chlorine&{query}")  # before: no results, no word
        assert refused.status_code == 200 and why in refused.text
        assert 'class="summary"' not in refused.text


def test_a_correction_shows_in_the_incident_trail(site: Site) -> None:
    incident_id = contested_chlorine(site)
    client = login(site.client(), "reviewer")
    page = client.get(f"/incidents/{incident_id}")
    response = client.post("/review/correct", data={
        "csrf_token": token_of(page.text), "target": f"incident:{incident_id}",
        "field": "fatalities_max", "value": "3", "reason": "hospital list",
        "back": f"/incidents/{incident_id}#trail"}, follow_redirects=False)
    assert response.status_code == 303
    assert response.headers["location"] == f"/incidents/{incident_id}#trail"
    after = client.get(f"/incidents/{incident_id}").text
    assert "fatalities_max changed from 0 to 3" in after
    assert "hospital list" in after and "reviewer" in after
    refused = client.post("/review/correct", data={
        "csrf_token": token_of(after), "target": f"incident:{incident_id}",
        "field": "fatalities_max", "value": "many", "reason": "x"})
    assert "Not changed" in refused.text and "must be a whole number" in refused.text
    for target, why in (("incident:abc", "report:N or incident:N, not &#39;incident:abc&#39;"),
                        ("report:99999", "no report 99999")):  # the first was a server error
        refused = client.post("/review/accept", data={
            "csrf_token": token_of(after), "target": target, "reason": "x"})
        assert refused.status_code == 200 and "Not changed: " in refused.text
        assert why in refused.text


def test_split_then_merge_from_the_pages(site: Site) -> None:
    incident_id = contested_chlorine(site)
    reports = [r["id"] for r in incidents.details(site.workspace(), incident_id)["reports"]]
    client = login(site.client(), "reviewer")
    token = token_of(client.get("/review").text)
    response = client.post("/review/split", data={
        "csrf_token": token, "incident": incident_id, "reports": [str(reports[-1])],
        "reason": "another day"}, follow_redirects=False)
    new_id = int(response.headers["location"].rsplit("/", 1)[1])
    assert new_id != incident_id
    response = client.post("/review/merge", data={
        "csrf_token": token, "incident": incident_id, "others": str(new_id)})
    assert response.status_code == 200 and f"merged into {incident_id}" in response.text
    actions = [r["action"] for r in incidents.details(site.workspace(), incident_id)["reviews"]]
    assert actions == ["split", "merge"]
    old_link = client.get(f"/incidents/{new_id}", follow_redirects=False)  # was a 404
    assert old_link.status_code == 303
    assert old_link.headers["location"] == f"/incidents/{incident_id}"
    landed = client.get(f"/incidents/{new_id}")
    assert f"incident {new_id} was merged into {incident_id}" in landed.text


def test_review_queue_lists_unreviewed_work(site: Site) -> None:
    page = login(site.client(), "reviewer").get("/review").text
    assert "Low-confidence reports" in page
    assert 'action="/review/accept"' in page


def test_agreement_page(site: Site) -> None:
    client = login(site.client(), "viewer")
    page = client.get("/agreements/idlib-2018").text
    assert 'id="agreement-map-zone"' in page and "By actor and month" in page
    missing = client.get("/agreements/no-such-thing")  # was 400, as if the request were bad
    assert missing.status_code == 404 and "known: idlib-2018" in missing.text


def test_upload_without_javascript_ingests_and_processes(site: Site) -> None:
    client = login(site.client(), "analyst")
    token = token_of(client.get("/upload").text)
    text = (b"On 27 November 2018, Syrian government helicopters dropped barrel bombs on "
            b"Jisr al-Shughur in Idlib province, killing four civilians.\n")
    response = client.post("/upload", data={"csrf_token": token, "source": "Idlib Monitor"},
                           files={"files": ("barrels.txt", text, "text/plain")})
    assert response.status_code == 200, response.text
    assert ">new<" in response.text
    doc_id = re.search(r'href="/documents/(\d+)"', response.text).group(1)  # type: ignore[union-attr]
    assert re.search(r'href="/incidents/\d+"', response.text)
    again = client.post("/upload", data={"csrf_token": token},
                        files={"files": ("barrels.txt", text, "text/plain")},
                        headers={"Accept": "application/json"})
    answer = again.json()["documents"][0]
    assert (answer["status"], str(answer["id"])) == ("duplicate", doc_id)
    assert client.post("/upload", data={"csrf_token": "x"},
                       files={"files": ("a.txt", b"a", "text/plain")}).status_code == 403


def test_a_missing_page_object_is_an_html_404(site: Site) -> None:
    client = login(site.client(), "viewer")
    response = client.get("/incidents/99999")
    assert response.status_code == 404 and "no incident 99999" in response.text
    assert client.get("/documents/99999").status_code == 404


# -- assets and the offline map ---------------------------------------------------------


def test_offline_map_background_is_the_gazetteer(site: Site) -> None:
    client = login(site.client(), "viewer")
    places = client.get("/map/places.geojson?bbox=35.5,32.3,42.4,37.4").json()
    names = {f["properties"]["name"] for f in places["features"]}
    assert {"Aleppo", "Damascus"} <= names
    assert all(f["geometry"]["type"] == "Point" for f in places["features"])
    assert client.get("/map/places.geojson?bbox=nonsense").status_code == 200


def test_tile_url_is_configurable(site: Site, monkeypatch: pytest.MonkeyPatch) -> None:
    client = login(site.client(), "viewer")
    assert 'data-tile-url=""' in client.get("/incidents").text
    monkeypatch.setenv("RAQIB_TILE_URL", "https://tiles.example/{z}/{x}/{y}.png")
    assert 'data-tile-url="https://tiles.example/{z}/{x}/{y}.png"' in client.get(
        "/incidents").text


def test_vendor_assets_and_their_absence(site: Site, monkeypatch: pytest.MonkeyPatch,
                                         tmp_path) -> None:  # type: ignore[no-untyped-def]
    from raqib.web.pages import assets

    client = login(site.client(), "viewer")
    assert client.get("/vendor/leaflet/../../package.json").status_code == 404
    assert client.get("/vendor/left-pad/index.js").status_code == 404
    if assets.installed():
        response = client.get("/vendor/leaflet/leaflet.js")
        assert response.status_code == 200 and "javascript" in response.headers["content-type"]
        assert client.get("/vendor/leaflet/images/marker-icon.png").status_code == 200
    monkeypatch.setenv(assets.NODE_MODULES_ENV, str(tmp_path / "none"))
    missing = client.get("/vendor/leaflet/leaflet.js")
    assert missing.status_code == 404 and "npm ci --prefix src/raqib/web" in missing.text
    page = client.get("/incidents")
    assert page.status_code == 200 and "front-end libraries" in page.text
    assert "/vendor/leaflet/leaflet.js" not in page.text
