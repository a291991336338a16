"""Where the project's files live: the repository root, found from the package location."""

from __future__ import annotations

import os
from pathlib import Path

__all__ = ["project_root", "graph_dir"]


def project_root() -> Path:
    """The checkout holding ``graph/`` and ``ontology/``: ``$KAZCRIME_HOME`` or the package's repo."""
    env = os.environ.get("KAZCRIME_HOME")
    if env:
        return Path(env)
    here = Path(__file__).resolve().parents[2]
    return here if (here / "ontology").is_dir() else Path.cwd()


def graph_dir() -> Path:
    """The folder with the curated facts and the built dataset."""
    return project_root() / "graph"
