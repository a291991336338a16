"""The query page as a person uses it: real headless Chromium against `kazcrime serve` on 127.0.0.1.

Pick a saved question, see its rows in the table (as many as the embedded store gives), follow the
links; the editor is the vendored YASGUI one; no console error; no request leaves loopback.
"""

from __future__ import annotations

from pathlib import Path
from urllib.parse import urlsplit

import pyoxigraph as ox
import pytest

from kazcrime.queries import run_query, saved_queries
from kazcrime.server.launch import kazcrime_server

VENDOR = Path(__file__).resolve().parents[1] / "src" / "kazcrime" / "server" / "static" / "vendor" / "yasqe.min.js"

pytestmark = pytest.mark.skipif(not VENDOR.exists(), reason="the editor is not vendored: run .ci/setup (npm ci + .ci/vendor-assets)")


@pytest.fixture(scope="module")
def server() -> str:
    with kazcrime_server("--workers", "2") as url:
        yield url


@pytest.fixture(scope="module")
def browser(chromium):
    return chromium


class Visit:
    """A page with its console errors and every request that tried to leave loopback (blocked)."""

    def __init__(self, browser, url: str) -> None:
        self.page = browser.new_page(viewport={"width": 1280, "height": 900})
        self.errors: list[str] = []
        self.outside: list[str] = []
        self.page.on("console", lambda m: self.errors.append(m.text) if m.type == "error" else None)
        self.page.on("pageerror", lambda e: self.errors.append(str(e)))
        self.page.route("**/*", self._route)
        self.page.goto(url)

    def _route(self, route) -> None:
        url = route.request.url
        if url.startswith("data:") or urlsplit(url).hostname == "127.0.0.1":
            route.continue_()
        else:
            self.outside.append(url)
            route.abort()


def _select_query_with_rows(store) -> tuple[str, int]:
    for name, saved in saved_queries().items():
        result = run_query(store, saved.text)
        if isinstance(result, ox.QuerySolutions):
            rows = len(list(result))
            if rows:
                return name, rows
    pytest.skip("no saved SELECT query has rows")


def test_saved_query_from_the_pick_list_shows_its_rows(browser, server, store, root) -> None:
    visit = Visit(browser, server + "/")
    page = visit.page
    page.wait_for_selector(".CodeMirror", timeout=20_000)  # the YASGUI editor took over the textarea
    name, rows = _select_query_with_rows(store)
    page.select_option("#saved", name)
    page.wait_for_selector("table.results tbody tr", timeout=20_000)
    assert page.locator("table.results tbody tr").count() == rows
    assert page.locator("#question").inner_text() == saved_queries()[name].question
    assert f"{rows} row" in page.locator("#status").inner_text()
    assert page.evaluate("document.querySelector('.CodeMirror').CodeMirror.getValue()") == saved_queries()[name].text
    downloads = page.locator("#downloads a.download")
    assert {downloads.nth(i).inner_text() for i in range(downloads.count())} == {"json", "xml", "csv", "tsv"}
    (root / "test-artifacts").mkdir(exist_ok=True)
    page.screenshot(path=str(root / "test-artifacts" / "query-page.png"), full_page=True)
    assert visit.errors == [] and visit.outside == []


def test_links_in_the_results_lead_to_resource_pages(browser, server) -> None:
    visit = Visit(browser, server + "/?query=" + "SELECT%20%3Fperson%20WHERE%20%7B%20%3Fperson%20a%20kzc%3APerson%20%7D")
    page = visit.page
    page.wait_for_selector(".CodeMirror", timeout=20_000)
    page.click("#run")
    page.wait_for_selector("table.results tbody tr a", timeout=20_000)
    href = page.locator("table.results tbody tr a").first.get_attribute("href")
    assert href.startswith("/id/")
    page.locator("table.results tbody tr a").first.click()
    page.wait_for_selector("h1#label")
    assert page.url == server + href
    assert page.locator(".types a.type").count() >= 1
    assert visit.errors == [] and visit.outside == []


def test_show_as_network_draws_the_result(browser, server) -> None:
    visit = Visit(browser, server + "/")
    page = visit.page
    page.wait_for_selector(".CodeMirror", timeout=20_000)
    page.evaluate("document.querySelector('.CodeMirror').CodeMirror.setValue("
                  "'SELECT ?a ?b WHERE { ?a kzc:memberOf|kzc:partOf|kzc:locatedIn ?b } LIMIT 50')")
    href = page.locator("#network").get_attribute("href")
    assert href.startswith("/view?query=")
    page.click("#network")
    page.wait_for_selector("body[data-settled='true']", state="attached", timeout=60_000)
    assert visit.errors == [] and visit.outside == []


def test_views_page_shows_the_charts(browser, server, root) -> None:
    from kazcrime.plots import PLOTS

    visit = Visit(browser, server + "/views")
    page = visit.page
    page.wait_for_load_state("load")
    charts = page.locator("figure.plot img")
    assert charts.count() == len(PLOTS)
    for i in range(charts.count()):  # each image arrived and decoded: it has a drawn size
        assert charts.nth(i).evaluate("img => img.complete && img.naturalWidth > 0")
    page.screenshot(path=str(root / "test-artifacts" / "views-page.png"), full_page=True)
    assert visit.errors == [] and visit.outside == []
