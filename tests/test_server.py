"""The endpoint and the Linked Data pages over real HTTP: `kazcrime serve` on 127.0.0.1, SPARQLWrapper as client.

Expectations come from the embedded store (the same query run in-process), never from pinned counts.
A few checks run in-process through ``App.get`` (the ``serve --get`` path) where no socket is needed.
"""

from __future__ import annotations

import csv
import io
import json
import socket
import threading
import time
import urllib.error
import urllib.request
from urllib.parse import quote, urlencode

import pyoxigraph as ox
import pytest
from click.testing import CliRunner
from SPARQLWrapper import CSV, JSON, JSONLD, POSTDIRECTLY, TSV, TURTLE, URLENCODED, XML, SPARQLWrapper
from SPARQLWrapper.SPARQLExceptions import QueryBadFormed

from kazcrime.cli import cli
from kazcrime.queries import run_query, saved_queries
from kazcrime.server.app import App, Settings
from kazcrime.server.guard import check_query
from kazcrime.server.launch import kazcrime_server
from kazcrime.errors import Refused
from kazcrime.vocab import KZ, KZC, KZG

TIMEOUT = 2.0
MAX_ROWS = 200
HOSTILE = "SELECT (COUNT(*) AS ?n) WHERE { ?a ?b ?c . ?d ?e ?f . ?g ?h ?i }"
SELECT = "SELECT ?s ?label WHERE { ?s a kzc:Person ; rdfs:label ?label } ORDER BY ?s"
CONSTRUCT = "CONSTRUCT { ?s rdfs:label ?label } WHERE { ?s a kzc:Person ; rdfs:label ?label }"


@pytest.fixture(scope="module")
def server() -> str:
    with kazcrime_server("--timeout", str(TIMEOUT), "--max-rows", str(MAX_ROWS), "--workers", "2") as url:
        yield url


def http(url: str, data: bytes | None = None, headers: dict | None = None) -> tuple[int, dict, bytes]:
    request = urllib.request.Request(url, data=data, headers=headers or {})
    try:
        with urllib.request.urlopen(request, timeout=30) as r:
            return r.status, dict(r.headers), r.read()
    except urllib.error.HTTPError as exc:
        return exc.code, dict(exc.headers), exc.read()


def client(server: str, query: str, fmt=JSON, method: str = "GET", request_method: str = URLENCODED) -> SPARQLWrapper:
    sparql = SPARQLWrapper(server + "/sparql")
    sparql.setQuery("PREFIX kzc: <https://w3id.org/kazcrime/ontology#>\nPREFIX rdfs: <http://www.w3.org/2000/01/rdf-schema#>\n" + query)
    sparql.setReturnFormat(fmt)
    sparql.setMethod(method)
    sparql.setRequestMethod(request_method)
    return sparql


def expected_rows(store, query: str) -> list[tuple[str, ...]]:
    result = run_query(store, query)
    names = [v.value for v in result.variables]
    return [tuple(s[n].value for n in names) for s in result]


@pytest.mark.parametrize("method, request_method", [("GET", URLENCODED), ("POST", URLENCODED), ("POST", POSTDIRECTLY)])
def test_select_answers_like_the_embedded_store(server, store, method, request_method) -> None:
    answer = client(server, SELECT, JSON, method, request_method).queryAndConvert()
    rows = [(b["s"]["value"], b["label"]["value"]) for b in answer["results"]["bindings"]]
    assert rows == expected_rows(store, SELECT) and rows


@pytest.mark.parametrize("fmt, media, kind", [
    (JSON, "application/sparql-results+json", ox.QueryResultsFormat.JSON),
    (XML, "application/sparql-results+xml", ox.QueryResultsFormat.XML),
    (CSV, "text/csv", None),
    (TSV, "text/tab-separated-values", ox.QueryResultsFormat.TSV),
])
def test_select_results_in_each_format_by_accept_header(server, store, fmt, media, kind) -> None:
    response = client(server, SELECT, fmt).query().response
    assert response.headers["Content-Type"].startswith(media)
    if kind is None:  # CSV is lossy: pyoxigraph does not read it back
        header, *rows = csv.reader(io.StringIO(response.read().decode()))
        assert header == ["s", "label"] and [tuple(r) for r in rows] == expected_rows(store, SELECT)
        return
    parsed = ox.parse_query_results(response.read(), format=kind)
    assert [tuple(s[v.value].value for v in parsed.variables) for s in parsed] == expected_rows(store, SELECT)


@pytest.mark.parametrize("fmt, rdf_format", [(TURTLE, ox.RdfFormat.TURTLE), (JSONLD, ox.RdfFormat.JSON_LD)])
def test_construct_results_as_rdf(server, store, fmt, rdf_format) -> None:
    body = client(server, CONSTRUCT, fmt).query().response.read()
    got = {(t.subject.value, t.object.value) for t in ox.parse(body, format=rdf_format)}
    assert got == {(t.subject.value, t.object.value) for t in run_query(store, "PREFIX kzc: <https://w3id.org/kazcrime/ontology#> "
                                                                          "PREFIX rdfs: <http://www.w3.org/2000/01/rdf-schema#> " + CONSTRUCT)}
    assert got


@pytest.mark.parametrize("name", ["ntriples", "application/n-triples"])
def test_format_parameter_wins_over_accept(server, name) -> None:
    status, headers, body = http(f"{server}/sparql?{urlencode({'query': CONSTRUCT, 'format': name})}",
                                 headers={"Accept": "text/turtle"})
    assert status == 200 and headers["Content-Type"].startswith("application/n-triples")
    assert list(ox.parse(body, format=ox.RdfFormat.N_TRIPLES))


def test_ask_query(server) -> None:
    assert client(server, "ASK { ?s a kzc:Person }").queryAndConvert()["boolean"] is True


@pytest.mark.parametrize("data, headers", [
    (urlencode({"update": "INSERT DATA { <urn:a> <urn:b> <urn:c> }"}).encode(), {"Content-Type": "application/x-www-form-urlencoded"}),
    (b"DROP ALL", {"Content-Type": "application/sparql-update"}),
    (urlencode({"query": "CLEAR DEFAULT"}).encode(), {"Content-Type": "application/x-www-form-urlencoded"}),
])
def test_update_is_refused_with_403(server, store, data, headers) -> None:
    before = len(store)
    status, _, body = http(server + "/sparql", data, headers)
    assert status == 403 and b"read-only" in body
    status, _, body = http(f"{server}/sparql?{urlencode({'query': 'SELECT (COUNT(*) AS ?n) { GRAPH ?g { ?s ?p ?o } }'})}",
                           headers={"Accept": "application/sparql-results+json"})
    assert int(json.loads(body)["results"]["bindings"][0]["n"]["value"]) == before


def test_malformed_query_gets_400_with_the_parser_message(server) -> None:
    with pytest.raises(QueryBadFormed, match=r"malformed SPARQL: error at \d+:\d+"):
        client(server, "SELECT * WHERE { ?s ?p }").query()
    status, _, body = http(f"{server}/sparql?query=SELEKT")
    assert status == 400 and b"malformed SPARQL" in body


def test_row_limit_gives_413_with_a_message(server) -> None:
    status, _, body = http(f"{server}/sparql?{urlencode({'query': 'SELECT * { ?s ?p ?o }'})}")
    assert status == 413 and f"more than {MAX_ROWS} rows".encode() in body
    status, _, _ = http(f"{server}/sparql?{urlencode({'query': f'SELECT * {{ ?s ?p ?o }} LIMIT {MAX_ROWS}'})}")
    assert status == 200


def test_service_to_a_host_not_allowed_is_refused_before_any_request(server) -> None:
    trap = socket.socket()
    trap.bind(("127.0.0.1", 0))
    trap.listen(1)
    trap.settimeout(0.5)
    port = trap.getsockname()[1]
    query = f"SELECT * WHERE {{ SERVICE <http://127.0.0.1:{port}/sparql> {{ ?s ?p ?o }} }}"
    status, _, body = http(f"{server}/sparql?{urlencode({'query': query})}")
    assert status == 403 and b"SERVICE to 127.0.0.1 is not allowed" in body
    with pytest.raises(socket.timeout):
        trap.accept()  # nobody called
    trap.close()


@pytest.mark.parametrize("query", [
    "SELECT * { SERVICE ?endpoint { ?s ?p ?o } VALUES ?endpoint { <http://example.org/> } }",
    "PREFIX e: <http://evil.example/> SELECT * { SERVICE SILENT e:sparql { ?s ?p ?o } }",
    "SELECT * { \\u0053ERVICE <http://evil.example/> { ?s ?p ?o } }",
    "BASE <http://evil.example/> SELECT * { service <sparql> { ?s ?p ?o } }",
])
def test_every_spelling_of_service_is_checked(query) -> None:
    with pytest.raises(Refused):
        check_query(query, ["127.0.0.1"])


def test_service_words_inside_strings_iris_and_comments_are_not_calls() -> None:
    check_query('SELECT * { ?s <http://x/SERVICE> "SERVICE <http://evil/>" } # SERVICE <http://evil/>', [])


def test_runaway_query_is_cut_off_without_stalling_others(server) -> None:
    outcome: dict = {}

    def runaway() -> None:
        started = time.monotonic()
        outcome["status"], _, outcome["body"] = http(f"{server}/sparql?{urlencode({'query': HOSTILE})}")
        outcome["took"] = time.monotonic() - started

    thread = threading.Thread(target=runaway)
    thread.start()
    time.sleep(0.3)
    latencies = []
    while thread.is_alive():
        started = time.monotonic()
        status, _, _ = http(f"{server}/sparql?{urlencode({'query': 'ASK { ?s a kzc:Person }'})}")
        latencies.append(time.monotonic() - started)
        assert status == 200
    thread.join()
    assert outcome["status"] == 504 and b"time limit" in outcome["body"]
    assert TIMEOUT <= outcome["took"] < TIMEOUT + 3
    assert len(latencies) > 5 and max(latencies) < 1.0
    assert client(server, "ASK { ?s a kzc:Person }").queryAndConvert()["boolean"] is True


def test_resource_page_by_content_negotiation(server, store) -> None:
    iri = next(iter(run_query(store, f"SELECT ?s {{ GRAPH <{KZG}entities> {{ ?s a <{KZC}Person> }} }} LIMIT 1")))["s"].value
    path = server + "/" + iri.removeprefix("https://w3id.org/kazcrime/")
    status, headers, body = http(path, headers={"Accept": "text/html"})
    assert status == 200 and headers["Content-Type"].startswith("text/html")
    label = next(iter(run_query(store, f"SELECT ?l {{ <{iri}> rdfs:label ?l }}")))["l"].value
    assert label in body.decode()
    for media, fmt in [("text/turtle", ox.RdfFormat.TURTLE), ("application/ld+json", ox.RdfFormat.JSON_LD)]:
        status, headers, body = http(path, headers={"Accept": media})
        assert status == 200 and headers["Content-Type"].startswith(media) and "Accept" in headers["Vary"]
        assert {t.object.value for t in ox.parse(body, format=fmt) if t.subject.value == iri} >= {label}


def test_resource_page_shows_the_role_in_which_a_relation_holds(server) -> None:
    status, _, body = http(server + "/id/bta-bank", headers={"Accept": "text/html"})
    html = body.decode()
    assert status == 200
    row = next(r for r in html.split("<tr") if "Mukhtar Ablyazov" in r and "chair of" in r)
    assert "as chairman (former)" in row


def test_unknown_resource_is_404(server) -> None:
    assert http(server + "/id/no-such-thing-anywhere")[0] == 404


@pytest.mark.parametrize("path", ["/", "/ontology", "/views", "/static/app.js", "/robots.txt"])
def test_pages_are_served(server, path) -> None:
    assert http(server + path)[0] == 200


def test_served_html_loads_nothing_from_another_host(server) -> None:
    import re

    _, headers, body = http(server + "/")
    assert not re.search(rb"""(src|href)\s*=\s*["']?(https?:)?//""", body)
    assert "default-src 'self'" in headers["Content-Security-Policy"]
    assert b'src="/static/vendor/yasqe.min.js"' in body


@pytest.fixture(scope="module")
def xss_app(root, tmp_path_factory):
    """The committed dataset plus an entity whose label and comment carry markup."""
    nq = tmp_path_factory.mktemp("xss") / "kazcrime.nq"
    evil = KZ + "xss-probe"
    extra = (f'<{evil}> <http://www.w3.org/1999/02/22-rdf-syntax-ns#type> <{KZC}Person> <{KZG}entities> .\n'
             f'<{evil}> <http://www.w3.org/2000/01/rdf-schema#label> "<img src=x onerror=alert(1)>Probe" <{KZG}entities> .\n'
             f'<{evil}> <http://www.w3.org/2000/01/rdf-schema#comment> "<script>alert(2)</script>" <{KZG}entities> .\n')
    nq.write_text((root / "graph" / "kazcrime.nq").read_text(encoding="utf-8") + extra, encoding="utf-8")
    return App(Settings(nq=str(nq)), inline=True)


def test_markup_in_a_label_is_escaped_on_resource_pages(xss_app) -> None:
    response = xss_app.get("/id/xss-probe", {"Accept": "text/html"})
    html = response.body.decode()
    assert response.status == 200
    assert "&lt;img src=x onerror=alert(1)&gt;Probe" in html and "<img src=x" not in html
    assert "&lt;script&gt;alert(2)" in html and "<script>alert(2)" not in html


def test_serve_get_answers_in_process() -> None:
    result = CliRunner().invoke(cli, ["serve", "--get", "/sparql?" + urlencode({"query": "ASK {}", "format": "json"})])
    assert result.exit_code == 0 and json.loads(result.output) == {"head": {}, "boolean": True}
    result = CliRunner().invoke(cli, ["serve", "--get", "/sparql?query=" + quote("SELECT {")])
    assert result.exit_code == 1 and "malformed SPARQL" in result.output


def test_every_saved_query_answers_over_http(server, store) -> None:
    for name, saved in saved_queries().items():
        status, _, body = http(server + "/sparql", urlencode({"query": saved.text}).encode(),
                               {"Content-Type": "application/x-www-form-urlencoded", "Accept": "application/sparql-results+json"})
        assert status == 200, (name, body[:300])
        result = run_query(store, saved.text)
        if isinstance(result, ox.QuerySolutions):
            assert len(json.loads(body)["results"]["bindings"]) == len(list(result)), name


def test_charts_are_served_as_the_plot_command_draws_them(server, store) -> None:
    from kazcrime.plots import PLOTS, plot_bytes

    for name in PLOTS:
        status, headers, body = http(server + f"/plot/{name}.svg")
        assert status == 200 and headers["Content-Type"].startswith("image/svg+xml")
        assert body == plot_bytes(store, name, "svg")
        status, headers, body = http(server + f"/plot/{name}.png")
        assert status == 200 and headers["Content-Type"] == "image/png" and body.startswith(b"\x89PNG")
    _, _, page = http(server + "/views")
    assert all(f'src="/plot/{name}.svg"'.encode() in page for name in PLOTS)


@pytest.mark.parametrize("path", ["/plot/no-such-chart.svg", "/plot/drug-series.gif", "/plot/drug-series"])
def test_unknown_chart_or_format_is_404(server, path) -> None:
    status, _, body = http(server + path)
    assert status == 404 and b"no plot" in body
