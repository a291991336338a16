"""Remote stores: publish the dataset to a real `oxigraph serve` on 127.0.0.1, then query it there.

Every saved query must give the same answer remote (SPARQLWrapper → oxigraph serve with the union of
named graphs as default graph) as embedded (pyoxigraph in-process).
"""

from __future__ import annotations

from collections import Counter

import pyoxigraph as ox
import pytest
from click.testing import CliRunner

from kazcrime.cli import cli
from kazcrime.errors import RemoteError
from kazcrime.queries import run_query, saved_queries
from kazcrime.remote import publish, remote_result
from kazcrime.server.launch import free_port, oxigraph_server


@pytest.fixture(scope="module")
def remote(root) -> str:
    with oxigraph_server() as url:
        sent = publish(url + "/store", root / "graph" / "kazcrime.nq")
        assert sent and all(count > 0 for count in sent.values())
        yield url


def _term(term) -> str:
    return "_:" if isinstance(term, ox.BlankNode) else str(term)


def answer(result) -> object:
    """A result as something comparable: the boolean, or the multiset of rows/triples as N-Triples terms."""
    if isinstance(result, ox.QueryBoolean):
        return bool(result)
    if isinstance(result, ox.QuerySolutions):
        names = [v.value for v in result.variables]
        return names, Counter(tuple(_term(s[n]) if s[n] is not None else "" for n in names) for s in result)
    return Counter((_term(t.subject), _term(t.predicate), _term(t.object)) for t in result)


def test_publish_puts_every_named_graph(remote, store) -> None:
    graphs = {g.value for g in store.named_graphs()}
    result = remote_result(remote + "/query", "SELECT DISTINCT ?g WHERE { GRAPH ?g { ?s ?p ?o } }")
    assert {s["g"].value for s in result} == graphs


@pytest.mark.parametrize("name", sorted(saved_queries()))
def test_saved_query_answers_the_same_remote_as_embedded(remote, store, name) -> None:
    text = saved_queries()[name].text
    assert answer(remote_result(remote + "/query", text)) == answer(run_query(store, text))


def test_query_command_with_endpoint_prints_the_embedded_table(remote) -> None:
    name = next(iter(saved_queries()))
    runner = CliRunner()
    here = runner.invoke(cli, ["query", name, "--format", "csv"])
    there = runner.invoke(cli, ["query", name, "--format", "csv", "--endpoint", remote + "/query"])
    assert there.exit_code == 0 and sorted(there.output.splitlines()) == sorted(here.output.splitlines())


def test_unreachable_endpoint_is_a_clear_error() -> None:
    url = f"http://127.0.0.1:{free_port()}/query"
    with pytest.raises(RemoteError, match="cannot reach"):
        remote_result(url, "ASK {}")
    result = CliRunner().invoke(cli, ["publish", "--store", f"http://127.0.0.1:{free_port()}/store"])
    assert result.exit_code == 1 and "cannot reach the graph store" in result.output
