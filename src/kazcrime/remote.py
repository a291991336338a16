"""Remote stores: run queries on any SPARQL endpoint (SPARQLWrapper) and publish the dataset to a Graph Store.

``kazcrime query --endpoint URL`` asks the endpoint for standard results (SPARQL JSON, or Turtle for
CONSTRUCT/DESCRIBE) and writes them with the same format registry as the embedded store, so an answer
reads the same whichever store gave it. ``kazcrime publish --store URL`` PUTs each named graph of
``graph/kazcrime.nq`` to a SPARQL 1.1 Graph Store Protocol endpoint (Oxigraph, Fuseki, GraphDB ...).
"""

from __future__ import annotations

import re
import urllib.error
import urllib.request
from collections import defaultdict
from pathlib import Path
from urllib.parse import quote

import pyoxigraph as ox

from .errors import RemoteError
from .formats import find_format, render
from .vocab import PREFIXES

__all__ = ["run_remote", "remote_result", "publish"]

_DECLARED = re.compile(r"^\s*PREFIX\s+([\w.-]*):", re.I | re.M)


def _with_prefixes(text: str) -> str:
    """The query with PREFIX lines for the project prefixes it uses but does not declare (the embedded
    store knows them already; a remote endpoint does not)."""
    declared = set(_DECLARED.findall(text))
    missing = [f"PREFIX {p}: <{ns}>\n" for p, ns in PREFIXES.items() if p not in declared and f"{p}:" in text]
    return "".join(missing) + text


def remote_result(endpoint: str, text: str, timeout: float = 60.0) -> object:
    """Run a query on a remote endpoint and parse its answer into a pyoxigraph result (solutions,
    boolean, or a list of triples).

    :raises RemoteError: when the endpoint cannot be reached or rejects the query.
    """
    from SPARQLWrapper import JSON, TURTLE, SPARQLWrapper
    from SPARQLWrapper.SPARQLExceptions import SPARQLWrapperException

    client = SPARQLWrapper(endpoint)
    client.setTimeout(int(timeout))
    client.setMethod("POST")
    client.setQuery(_with_prefixes(text))
    graph = client.queryType in ("CONSTRUCT", "DESCRIBE")
    client.setReturnFormat(TURTLE if graph else JSON)
    try:
        body = client.query().response.read()
    except SPARQLWrapperException as exc:
        raise RemoteError(f"{endpoint} refused the query: {exc}") from exc
    except (urllib.error.URLError, OSError) as exc:
        raise RemoteError(f"cannot reach the endpoint {endpoint}: {exc}") from exc
    try:
        if graph:
            return list(ox.parse(body, format=ox.RdfFormat.TURTLE))
        return ox.parse_query_results(body, format=ox.QueryResultsFormat.JSON)
    except SyntaxError as exc:
        raise RemoteError(f"{endpoint} sent an answer that does not parse: {exc}") from exc


def run_remote(endpoint: str, text: str, format_: str = "table") -> bytes:
    """Run a query on a remote SPARQL endpoint and write the answer in one of our formats.

    :raises RemoteError: when the endpoint cannot be reached or rejects the query.
    :raises QueryError: for a format unknown for this kind of result.
    """
    result = remote_result(endpoint, text)
    if isinstance(result, list):
        return find_format("turtle" if format_ == "table" else format_, "graph").write(result)
    return render(result, format_)


def publish(store_url: str, nq: Path | None = None, timeout: float = 120.0) -> dict[str, int]:
    """Upload a dataset to a Graph Store Protocol endpoint: one PUT per named graph (replacing it).

    :returns: triples sent per graph IRI (``default`` for the default graph).
    :raises RemoteError: naming the graph and the store's answer when an upload fails.
    """
    from .store import dataset_file

    nq = nq or dataset_file()
    graphs: dict[str, list[ox.Triple]] = defaultdict(list)
    for quad in ox.parse(path=str(nq), format=ox.RdfFormat.N_QUADS):
        key = "default" if isinstance(quad.graph_name, ox.DefaultGraph) else quad.graph_name.value
        graphs[key].append(quad.triple)
    sent = {}
    for graph, triples in sorted(graphs.items()):
        target = f"{store_url}{'&' if '?' in store_url else '?'}" + ("default" if graph == "default" else f"graph={quote(graph, safe='')}")
        body = ox.serialize(triples, format=ox.RdfFormat.N_TRIPLES)
        request = urllib.request.Request(target, data=body, method="PUT",
                                         headers={"Content-Type": "application/n-triples"})
        try:
            with urllib.request.urlopen(request, timeout=timeout) as response:
                response.read()
        except urllib.error.HTTPError as exc:
            detail = exc.read().decode("utf-8", "replace")[:300]
            raise RemoteError(f"{store_url} refused graph <{graph}>: HTTP {exc.code} {detail}") from exc
        except OSError as exc:
            raise RemoteError(f"cannot reach the graph store {store_url}: {exc}") from exc
        sent[graph] = len(triples)
    return sent
