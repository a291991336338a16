"""Output formats of query results: one function per format, registered by short name and media type.

``kazcrime query --format`` and the SPARQL endpoint share this one registry.
"""

from __future__ import annotations

import json
from dataclasses import dataclass
from typing import Callable

import pyoxigraph as ox

from .errors import QueryError

__all__ = ["Format", "FORMATS", "find_format", "render", "solutions_as_rows", "term_text"]


@dataclass(frozen=True)
class Format:
    """A way to write results: for SELECT/ASK (``solutions``) or CONSTRUCT/DESCRIBE (``graph``)."""

    name: str
    media_type: str
    kind: str
    write: Callable[[object], bytes]


def term_text(term: object) -> str:
    """A term as a person reads it: the IRI, or the literal's lexical form."""
    if term is None:
        return ""
    return getattr(term, "value", str(term))


def solutions_as_rows(result: ox.QuerySolutions) -> tuple[list[str], list[list[str]]]:
    """Column names and rows of plain strings."""
    names = [v.value for v in result.variables]
    rows = [[term_text(sol[name]) for name in names] for sol in result]
    return names, rows


def _table(result: object) -> bytes:
    if isinstance(result, ox.QueryBoolean):
        return (("yes" if bool(result) else "no") + "\n").encode()
    from .vocab import compact

    names, rows = solutions_as_rows(result)  # type: ignore[arg-type]
    rows = [[compact(cell) for cell in row] for row in rows]
    widths = [min(60, max([len(n)] + [len(r[i]) for r in rows])) for i, n in enumerate(names)]
    cut = lambda s, w: s if len(s) <= w else s[: w - 1] + "…"  # noqa: E731
    lines = ["  ".join(n.ljust(w) for n, w in zip(names, widths)), "  ".join("-" * w for w in widths)]
    lines += ["  ".join(cut(c, w).ljust(w) for c, w in zip(row, widths)) for row in rows]
    lines.append(f"({len(rows)} row{'s' if len(rows) != 1 else ''})")
    return ("\n".join(line.rstrip() for line in lines) + "\n").encode()


def _results(fmt: ox.QueryResultsFormat) -> Callable[[object], bytes]:
    return lambda result: result.serialize(format=fmt)  # type: ignore[attr-defined]


def _graph(fmt: ox.RdfFormat) -> Callable[[object], bytes]:
    return lambda result: ox.serialize(result, format=fmt, prefixes=_prefixes())


def _prefixes() -> dict[str, str]:
    from .vocab import PREFIXES

    return PREFIXES


def _ask_json(result: object) -> bytes:
    return json.dumps({"head": {}, "boolean": bool(result)}).encode()


FORMATS: list[Format] = [
    Format("table", "text/plain", "solutions", _table),
    Format("json", "application/sparql-results+json", "solutions", _results(ox.QueryResultsFormat.JSON)),
    Format("xml", "application/sparql-results+xml", "solutions", _results(ox.QueryResultsFormat.XML)),
    Format("csv", "text/csv", "solutions", _results(ox.QueryResultsFormat.CSV)),
    Format("tsv", "text/tab-separated-values", "solutions", _results(ox.QueryResultsFormat.TSV)),
    Format("turtle", "text/turtle", "graph", _graph(ox.RdfFormat.TURTLE)),
    Format("ntriples", "application/n-triples", "graph", _graph(ox.RdfFormat.N_TRIPLES)),
    Format("jsonld", "application/ld+json", "graph", _graph(ox.RdfFormat.JSON_LD)),
]


def find_format(name_or_media_type: str, kind: str | None = None) -> Format:
    """A format by short name or media type, optionally of one kind.

    :raises QueryError: naming the unknown format and the known ones.
    """
    key = name_or_media_type.split(";")[0].strip().lower()
    for fmt in FORMATS:
        if key in (fmt.name, fmt.media_type) and (kind is None or fmt.kind == kind):
            return fmt
    known = ", ".join(f.name for f in FORMATS if kind is None or f.kind == kind)
    raise QueryError(f"unknown format {name_or_media_type!r}; use one of: {known}")


def result_kind(result: object) -> str:
    """``solutions`` for SELECT/ASK results, ``graph`` for CONSTRUCT/DESCRIBE."""
    return "graph" if isinstance(result, ox.QueryTriples) else "solutions"


def render(result: object, name: str) -> bytes:
    """Serialise a query result in the named format (table for people, or a standard format)."""
    kind = result_kind(result)
    if kind == "graph" and name == "table":
        name = "turtle"
    fmt = find_format(name, kind)
    if isinstance(result, ox.QueryBoolean) and fmt.name == "json":
        return _ask_json(result)
    return fmt.write(result)
