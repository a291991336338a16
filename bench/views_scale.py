"""How views scale from 10 to 500 nodes: HTML size, render time, and time until the page has settled
(physics stabilised, then switched off) in headless Chromium with the network blocked.

Prints one row per size and the ratio to the 10-node baseline measured in the same run. Screenshots
go to test-artifacts/bench/ so legibility can be checked by eye.

    .venv/bin/python bench/views_scale.py [sizes...]
"""

from __future__ import annotations

import sys
import time

import networkx as nx

from kazcrime.paths import project_root
from kazcrime.render import NODE_COLOURS, view_to_html, write_html
from kazcrime.views import View

ARGS = ["--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run", "--disable-background-networking",
        "--disable-component-update", "--disable-sync", "--host-resolver-rules=MAP * ~NOTFOUND"]


def synthetic_view(n: int) -> View:
    """A scale-free-ish graph shaped like the views: labelled nodes in legend groups, labelled edges."""
    base = nx.barabasi_albert_graph(n, 2 if n > 3 else 1, seed=7)
    groups = list(NODE_COLOURS)[:12]
    g = nx.MultiDiGraph()
    for i in base.nodes:
        g.add_node(f"https://w3id.org/kazcrime/id/n{i}", label=f"Entity number {i}", group=groups[i % len(groups)],
                   **{"class": "synthetic"})
    for a, b in base.edges:
        g.add_edge(f"https://w3id.org/kazcrime/id/n{a}", f"https://w3id.org/kazcrime/id/n{b}",
                   relation=["supervises", "spouse of", "located in", "agent"][(a + b) % 4], date=str(1990 + a % 20))
    return View(f"synthetic-{n}", f"Synthetic view, {n} nodes", g)


def main(sizes: list[int]) -> None:
    from playwright.sync_api import sync_playwright

    out = project_root() / "test-artifacts" / "bench"
    out.mkdir(parents=True, exist_ok=True)
    rows = []
    with sync_playwright() as p:
        browser = p.chromium.launch(executable_path="/usr/bin/chromium", args=ARGS)
        for n in sizes:
            view = synthetic_view(n)
            t0 = time.perf_counter()
            html = view_to_html(view)
            render_s = time.perf_counter() - t0
            path = out / f"synthetic-{n}.html"
            write_html(html, path)
            page = browser.new_page(viewport={"width": 1280, "height": 800})
            page.route("**/*", lambda r: r.continue_() if r.request.url.startswith("file:") else r.abort())
            t0 = time.perf_counter()
            page.goto(path.as_uri())
            page.wait_for_function("document.body.getAttribute('data-settled') === 'true'", timeout=120_000)
            settle_s = time.perf_counter() - t0
            page.screenshot(path=str(out / f"synthetic-{n}.png"))
            page.close()
            rows.append((n, view.graph.number_of_edges(), len(html) / 1024, render_s, settle_s))
        browser.close()
    base = rows[0]
    print(f"{'nodes':>6} {'edges':>6} {'html KiB':>9} {'render s':>9} {'settle s':>9} {'settle ×':>9}")
    for n, e, kib, r, s in rows:
        print(f"{n:>6} {e:>6} {kib:>9.0f} {r:>9.3f} {s:>9.2f} {s / base[4]:>9.1f}")


if __name__ == "__main__":
    main([int(x) for x in sys.argv[1:]] or [10, 50, 100, 250, 500])
