"""Saved competency queries (``queries/*.rq``) and running SPARQL on the embedded store.

Each saved query starts with comment lines that state, in plain words, the question it answers.
Queries see the union of all named graphs as their default graph; ``GRAPH`` still selects one
(a source's assertions, provenance, inferred triples).
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from pathlib import Path

import pyoxigraph as ox

from .errors import NotFound, QueryError
from .paths import project_root
from .vocab import PREFIXES

__all__ = ["SavedQuery", "saved_queries", "resolve_query", "run_query", "queries_dir"]


@dataclass(frozen=True)
class SavedQuery:
    """A named query file and the question its header comment asks."""

    name: str
    path: Path
    question: str
    text: str


def queries_dir(root: Path | None = None) -> Path:
    """The folder of saved queries."""
    return (root or project_root()) / "queries"


def _question(text: str) -> str:
    lines = []
    for line in text.splitlines():
        if not line.startswith("#"):
            break
        lines.append(line.lstrip("#").strip())
    return " ".join(x for x in lines if x)


def saved_queries(folder: Path | None = None) -> dict[str, SavedQuery]:
    """Every saved query by name (the file name without ``.rq``), sorted."""
    folder = folder or queries_dir()
    out = {}
    for path in sorted(folder.glob("*.rq")):
        text = path.read_text(encoding="utf-8")
        out[path.stem] = SavedQuery(path.stem, path, _question(text), text)
    return out


def resolve_query(name_or_text: str, folder: Path | None = None) -> tuple[str, str]:
    """(label, SPARQL text) for a saved query name, a ``.rq`` file path, or a query string.

    :raises NotFound: for a name that is no saved query and a path that does not exist.
    """
    if re.search(r"\b(select|construct|ask|describe)\b", name_or_text, re.I) and ("{" in name_or_text):
        return "(ad-hoc)", name_or_text
    if name_or_text.endswith(".rq"):
        path = Path(name_or_text)
        if not path.exists():
            path = (folder or queries_dir()) / path.name
        if not path.exists():
            raise NotFound(f"query file {name_or_text!r} not found")
        return path.stem, path.read_text(encoding="utf-8")
    saved = (folder or queries_dir()) / f"{name_or_text}.rq"
    if "/" not in name_or_text and saved.is_file():  # one file read, not the whole folder
        return name_or_text, saved.read_text(encoding="utf-8")
    raise NotFound(f"no saved query named {name_or_text!r}; `kazcrime query --list` shows them")


def run_query(store: ox.Store, text: str) -> ox.QuerySolutions | ox.QueryBoolean | ox.QueryTriples:
    """Run a read-only SPARQL query over the union of the named graphs.

    :raises QueryError: with the parser's message when the query is malformed.
    """
    try:
        return store.query(text, use_default_graph_as_union=True, prefixes=PREFIXES)
    except SyntaxError as exc:
        raise QueryError(f"malformed SPARQL: {exc}") from exc
    except OSError as exc:
        raise QueryError(f"the query failed: {exc}") from exc
