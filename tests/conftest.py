"""Shared fixtures: the committed graph in an in-memory store, the registered document, paths."""

from __future__ import annotations

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
