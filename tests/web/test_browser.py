"""The pages in a real headless Chromium (Debian's ``chromium``, driven by Playwright).

A uvicorn server runs over a copy of the processed sample workspace on a free loopback port;
each test logs in through the form in a fresh browser context. Screenshots of the main pages
go to ``$RAQIB_SCREENSHOTS`` (else a ``screenshots`` folder under pytest's temporary folder,
printed at the end) for a person to look at. Skipped, with the reason, when Chromium or the
playwright package is missing. CI: ``apt-get install -y chromium`` and
``pip install playwright==1.65.2`` (no ``playwright install``: Debian's browser is used).
"""

from __future__ import annotations

import os
import shutil
import socket
import threading
import time
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from websupport import PASSWORD, Site

CHROMIUM = os.environ.get("RAQIB_CHROMIUM", "/usr/bin/chromium")

playwright_api = pytest.importorskip(
    "playwright.sync_api", reason="the playwright package is not installed "
    "(pip install playwright==1.65.2; its browser download is not needed)")
if not Path(CHROMIUM).is_file():
    pytest.skip(f"no Chromium at {CHROMIUM} (apt-get install -y chromium)",
                allow_module_level=True)


def _free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return int(sock.getsockname()[1])


@pytest.fixture(scope="module")
def server(built_site: Site, tmp_path_factory: pytest.TempPathFactory) -> Iterator[str]:
    import uvicorn

    from raqib.web.app import create_app

    root = tmp_path_factory.mktemp("browser") / "ws"
    shutil.copytree(built_site.root, root)
    app = create_app(Site(root, built_site.tokens).workspace())
    port = _free_port()
    config = uvicorn.Config(app, host="127.0.0.1", port=port, log_level="warning")
    running = uvicorn.Server(config)
    thread = threading.Thread(target=running.run, daemon=True)
    thread.start()
    deadline = time.monotonic() + 20
    while not running.started:
        if time.monotonic() > deadline or not thread.is_alive():
            pytest.fail("the web server did not start")
        time.sleep(0.05)
    yield f"http://127.0.0.1:{port}"
    running.should_exit = True
    thread.join(timeout=10)


@pytest.fixture(scope="module")
def shots(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Path]:
    configured = os.environ.get("RAQIB_SCREENSHOTS")
    folder = Path(configured) if configured else tmp_path_factory.mktemp("screenshots")
    folder.mkdir(parents=True, exist_ok=True)
    yield folder
    print(f"\nscreenshots of the pages: {folder}")


@pytest.fixture(scope="module")
def browser() -> Iterator[Any]:
    with playwright_api.sync_playwright() as play:
        chromium = play.chromium.launch(executable_path=CHROMIUM, headless=True,
                                        args=["--no-sandbox", "--disable-dev-shm-usage"])
        yield chromium
        chromium.close()


@pytest.fixture
def page(browser: Any, server: str) -> Iterator[Any]:
    """A page logged in as the analyst (may read, review and upload)."""
    context = browser.new_context(base_url=server, viewport={"width": 1360, "height": 900})
    tab = context.new_page()
    problems: list[str] = []
    tab.on("pageerror", lambda exc: problems.append(str(exc)))
    tab.goto("/incidents")
    assert "/login" in tab.url  # not logged in: sent to the form
    tab.fill("input[name=name]", "analyst")
    tab.fill("input[name=password]", PASSWORD)
    tab.click("button[type=submit]")
    tab.wait_for_url("**/incidents")
    yield tab
    context.close()
    assert not problems, f"script errors on the page: {problems}"


def _shot(tab: Any, folder: Path, name: str) -> None:
    tab.screenshot(path=str(folder / f"{name}.png"), full_page=True)


def test_dashboard_draws_the_chart(page: Any, shots: Path) -> None:
    page.goto("/")
    page.wait_for_selector("canvas[data-drawn=yes]")
    assert page.locator(".counts li").count() == 4
    assert page.locator(".contested-list a").count() >= 1
    _shot(page, shots, "dashboard")


def test_search_marks_the_hits_and_offers_facets(page: Any, shots: Path) -> None:
    page.goto("/search")
    page.fill("input[name=q]", "chlorine")
    page.click("form.search button[type=submit]")
    page.wait_for_selector(".hit")
    assert page.locator(".snippet mark").count() >= 1
    assert "chlorine" in page.locator(".snippet mark").first.inner_text().lower()
    assert page.locator(".facets h3", has_text="Source side").count() == 1
    _shot(page, shots, "search")
    page.locator(".facets a", has_text="government").first.click()
    page.wait_for_selector(".chip")
    assert "side=government" in page.url


def test_the_map_shows_markers_offline(page: Any, shots: Path) -> None:
    page.goto("/incidents")
    page.wait_for_selector("#map[data-ready=yes]", timeout=15000)
    markers = page.locator("#map .incident-marker, #map .incident-cluster")
    assert markers.count() >= 1
    assert page.locator("#map .region-label").count() >= 3  # the gazetteer background
    assert page.locator("#map .leaflet-tile").count() == 0  # no tile server
    _shot(page, shots, "incidents")
    markers.first.click()
    if page.locator("#map .incident-marker").count():
        page.locator("#map .incident-marker").first.click()
        page.wait_for_selector(".map-popup a")


def test_open_the_contested_incident(page: Any, shots: Path) -> None:
    page.goto("/search?q=chlorine&contested=yes")
    page.locator(".hit h3 a").first.click()
    page.wait_for_selector("#claims")
    assert page.locator("#claims .side").count() >= 2
    assert page.locator("#claims .claim.against").count() >= 1
    assert page.locator("#evidence code.sha").count() >= 2
    _shot(page, shots, "incident")
    page.locator("#evidence button", has_text="Verify").first.click()
    page.wait_for_selector(".verdict")
    assert "Verified" in page.locator(".verdict").inner_text()
    _shot(page, shots, "verify")


def test_a_correction_in_review_shows_in_the_trail(page: Any, shots: Path) -> None:
    page.goto("/review")
    _shot(page, shots, "review")
    page.locator(".queue a", has_text="review").first.click()
    page.wait_for_selector("#review")
    form = page.locator("form[action='/review/correct']")
    form.locator("select[name=field]").select_option("fatalities_max")
    form.locator("input[name=value]").fill("7")
    form.locator("input[name=reason]").fill("hospital list of 26 November")
    form.locator("button[type=submit]").click()
    page.wait_for_selector(".flash")
    assert "fatalities_max" in page.locator(".flash").first.inner_text()
    history = page.locator("#trail table.history")
    assert "hospital list of 26 November" in history.inner_text()
    assert "review" in page.locator("#trail table.trail").inner_text()
    _shot(page, shots, "incident-after-review")


def test_arabic_document_reads_right_to_left(page: Any, shots: Path) -> None:
    page.goto("/search?q=" + "اختناق")
    page.wait_for_selector(".hit")
    page.goto("/documents/11")
    article = page.locator("article.doc-text")
    assert article.get_attribute("dir") == "rtl"
    assert page.locator("article.doc-text a.span mark").count() >= 1
    _shot(page, shots, "document-arabic")
    page.goto("/documents/2")
    page.locator("article.doc-text a.span").first.click()
    _shot(page, shots, "document")


def test_upload_shows_progress_and_result(page: Any, shots: Path, tmp_path: Path) -> None:
    sample = tmp_path / "statement-2018-11-28.txt"
    sample.write_text("On 27 November 2018, Syrian government helicopters dropped barrel bombs "
                      "on Jisr al-Shughur in Idlib province, killing four civilians, according "
                      "to the Idlib Civil Defence.\n", encoding="utf-8")
    page.goto("/upload")
    page.set_input_files("input[type=file]", str(sample))
    page.fill("input[name=source]", "Idlib Civil Defence")
    page.click("#upload-form button[type=submit]")
    page.wait_for_selector("#upload-form[data-state=done]", timeout=60000)
    assert page.locator("#upload-status").inner_text() == "done"
    row = page.locator("#upload-results tbody tr").first
    assert "new" in row.inner_text()
    _shot(page, shots, "upload")
    row.locator("a").first.click()
    page.wait_for_selector("article.doc-text")
    assert "barrel bombs" in page.locator("article.doc-text").inner_text()


def test_agreement_page(page: Any, shots: Path) -> None:
    page.goto("/agreements/idlib-2018")
    page.wait_for_selector("#agreement-map[data-ready=yes]", timeout=15000)
    assert page.locator("#agreement-map path.leaflet-interactive").count() >= 1  # the zone
    _shot(page, shots, "agreement")
