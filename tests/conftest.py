"""Shared fixtures: the committed graph in an in-memory store, the registered document, paths."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from kazcrime.paths import project_root
from kazcrime.sources import Document, load_registry
from kazcrime.store import load_memory_store

ROOT = project_root()


@pytest.fixture(scope="session")
def root() -> Path:
    return ROOT


@pytest.fixture(scope="session")
def doc() -> Document:
    """The source document, segmented and attributed (skips when the document is not beside the repo)."""
    document = load_registry(ROOT / "graph" / "sources.yaml").document()
    if not document.path.exists():
        pytest.skip(f"source document not found at {document.path}")
    return document


@pytest.fixture(scope="session")
def store():
    """The committed dataset in an in-memory pyoxigraph store (read it, never write it)."""
    return load_memory_store(ROOT / "graph" / "kazcrime.nq")


@pytest.fixture(scope="session")
def sample_store():
    """A tiny made-up graph (tests/data/views-sample.trig) plus the ontology: every view has something to
    draw, and some labels carry markup that must never run as script."""
    import pyoxigraph as ox

    store = ox.Store()
    store.load(path=str(ROOT / "tests" / "data" / "views-sample.trig"), format=ox.RdfFormat.TRIG)
    for path in sorted((ROOT / "ontology").glob("*.ttl")):
        if path.name != "shapes.ttl":
            store.load(path=str(path), format=ox.RdfFormat.TURTLE, to_graph=ox.NamedNode("https://w3id.org/kazcrime/graph/ontology"))
    return store


#: Debian's Chromium (installed by .ci/setup; never a downloaded browser) and the flags it runs with.
CHROMIUM = shutil.which("chromium") or "/usr/bin/chromium"
CHROMIUM_ARGS = ["--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run", "--disable-background-networking",
                 "--disable-component-update", "--disable-sync"]


@pytest.fixture(scope="module")
def chromium():
    """Headless Chromium through Playwright (skips when Playwright or Chromium is missing)."""
    if not Path(CHROMIUM).exists():
        pytest.skip("Debian's chromium is not installed (.ci/setup installs it)")
    sync_api = pytest.importorskip("playwright.sync_api")
    with sync_api.sync_playwright() as p:
        browser = p.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS)
        yield browser
        browser.close()
