"""The views as a person sees them: real headless Chromium with every non-file request blocked.

Each page must load, draw exactly the nodes and edges of the networkx graph it was built from (read
back from the page's vis.js DataSets), log no console error, and never run a label as script.
Screenshots go to test-artifacts/views/ so a person can look at them.
"""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from kazcrime.cards import EvidenceReader
from kazcrime.render import render_query_result_as_network, view_to_html, write_html
from kazcrime.views import VIEWS, build_view
from kazcrime.vocab import KZ

CHROMIUM = shutil.which("chromium") or "/usr/bin/chromium"
ARGS = ["--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run", "--disable-background-networking",
        "--disable-component-update", "--disable-sync", "--host-resolver-rules=MAP * ~NOTFOUND"]

pytestmark = pytest.mark.skipif(not Path(CHROMIUM).exists(), reason="Debian's chromium is not installed (.ci/setup installs it)")


@pytest.fixture(scope="module")
def artifacts(root) -> Path:
    folder = root / "test-artifacts" / "views"
    folder.mkdir(parents=True, exist_ok=True)
    return folder


@pytest.fixture(scope="module")
def browser():
    sync_api = pytest.importorskip("playwright.sync_api")
    with sync_api.sync_playwright() as p:
        b = p.chromium.launch(executable_path=CHROMIUM, args=ARGS)
        yield b
        b.close()


class Visit:
    """One page load with its console errors and the requests that tried to leave the machine."""

    def __init__(self, browser, path: Path) -> None:
        self.page = browser.new_page(viewport={"width": 1280, "height": 800})
        self.errors: list[str] = []
        self.blocked: list[str] = []
        self.page.on("console", lambda m: self.errors.append(m.text) if m.type == "error" else None)
        self.page.on("pageerror", lambda e: self.errors.append(str(e)))
        self.page.route("**/*", self._route)
        self.page.goto(path.as_uri())
        self.page.wait_for_function("document.body.getAttribute('data-settled') === 'true'", timeout=60_000)

    def _route(self, route) -> None:
        if route.request.url.startswith(("file:", "data:")):
            route.continue_()
        else:
            self.blocked.append(route.request.url)
            route.abort()

    def drawn(self) -> tuple[set[str], int]:
        ids = self.page.evaluate("kzView.nodes.getIds()")
        return set(ids), self.page.evaluate("kzView.edges.length")


def _check(visit: Visit, graph) -> None:
    ids, n_edges = visit.drawn()
    assert ids == set(graph.nodes)
    assert n_edges == graph.number_of_edges()
    assert visit.errors == [] and visit.blocked == []
    assert visit.page.evaluate("window.__pwned") is None


def _params(name):
    return {"entity": "kazakhstan"} if name == "ego" else {}


@pytest.mark.parametrize("name", sorted(n for n in VIEWS if n != "case"))
def test_each_view_of_the_committed_graph_draws_its_graph_offline(browser, store, artifacts, name):
    view = build_view(store, name, **_params(name))
    path = artifacts / f"{name}.html"
    write_html(view_to_html(view, reader=EvidenceReader()), path)
    visit = Visit(browser, path)
    _check(visit, view.graph)
    visit.page.screenshot(path=str(artifacts / f"{name}.png"))
    visit.page.close()


@pytest.mark.parametrize("name", ["case", "trafficking-flows", "trafficking-map", "drug-routes", "institutions",
                                  "ego", "co-mentions"])
def test_each_view_of_the_sample_graph_draws_its_graph_offline(browser, sample_store, artifacts, name):
    view = build_view(sample_store, name, entity="test-case" if name == "case" else "banker")
    path = artifacts / f"sample-{name}.html"
    write_html(view_to_html(view), path)
    visit = Visit(browser, path)
    _check(visit, view.graph)
    assert view.graph.number_of_nodes() > 0
    visit.page.screenshot(path=str(artifacts / f"sample-{name}.png"))
    visit.page.close()


def test_a_hostile_label_is_shown_as_text_and_never_runs(browser, sample_store, artifacts):
    view = build_view(sample_store, "case", entity="test-case")
    path = artifacts / "sample-hostile.html"
    write_html(view_to_html(view, base_url="http://127.0.0.1:9"), path)
    visit = Visit(browser, path)
    page = visit.page
    # hover then click the banker node, whose label and comment carry markup
    box = page.locator("#kz-network").bounding_box()
    pos = page.evaluate(f"(() => {{ const p = kzView.network.getPosition('{KZ}banker'); return kzView.network.canvasToDOM(p); }})()")
    page.mouse.move(box["x"] + pos["x"], box["y"] + pos["y"])
    page.wait_for_selector(".vis-tooltip .kz-tip", state="attached")
    page.mouse.click(box["x"] + pos["x"], box["y"] + pos["y"])
    page.wait_for_selector("#kz-details:not([hidden])")
    details = page.inner_text("#kz-details")
    assert '<img src=x onerror="window.__pwned=1">Banker' in details and "<script>window.__pwned=2</script>" in details
    assert page.evaluate("document.querySelectorAll('img, main script, aside script').length") == 0
    assert page.get_attribute("#kz-details a", "href") == "http://127.0.0.1:9/id/banker"
    assert page.evaluate("window.__pwned") is None
    assert visit.errors == [] and visit.blocked == []
    page.screenshot(path=str(artifacts / "sample-hostile.png"))
    page.close()


def test_an_allegation_reads_as_an_allegation_on_the_page(browser, sample_store, artifacts):
    path = artifacts / "sample-case-legend.html"
    write_html(view_to_html(build_view(sample_store, "case", entity="test-case")), path)
    visit = Visit(browser, path)
    legend = visit.page.inner_text("#kz-edge-legend")
    assert "allegation (not a finding of guilt)" in legend
    labels = visit.page.evaluate("kzView.edges.get().filter(e => e.allegation).map(e => e.label)")
    assert labels and all(label.startswith("allegation") for label in labels)
    visit.page.close()


def test_a_query_result_shows_as_a_network(browser, sample_store, artifacts):
    html = render_query_result_as_network(sample_store, "SELECT ?a ?b WHERE { ?a kzc:spouseOf|kzc:counselFor ?b }")
    path = artifacts / "sample-query.html"
    write_html(html, path)
    visit = Visit(browser, path)
    ids, n_edges = visit.drawn()
    assert ids == {KZ + "spouse", KZ + "lawyer", KZ + "banker"} and n_edges == 2
    assert visit.errors == [] and visit.blocked == []
    visit.page.close()
