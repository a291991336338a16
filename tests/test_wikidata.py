"""Wikidata links against a real SPARQL server: `oxigraph serve` on 127.0.0.1 loaded with a small graph shaped
like Wikidata's (tests/data/wikidata-sample.ttl), with a loopback proxy in front of it that can answer 429,
503, too slowly, or garbage. Nothing here reaches the internet.
"""

from __future__ import annotations

import shutil
import threading
import time
import urllib.request
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path

import pyoxigraph as ox
import pytest
from click.testing import CliRunner

from kazcrime.cli import cli
from kazcrime.errors import FactsError, RemoteError
from kazcrime.links import accept_link, fetch_links, suggest_links
from kazcrime.server.launch import free_port, oxigraph_server
from kazcrime.wikidata import (WD, Fetched, Linkable, RetryPolicy, fetch, judge, load_curated, read_cache, user_agent,
                               write_cache)

SAMPLE = Path(__file__).parent / "data" / "wikidata-sample.ttl"
CLASSES = [WD + q for q in ("Q486972", "Q6256", "Q3624078", "Q7275", "Q5", "Q43229")]
FAST = RetryPolicy(timeout=5, attempts=3, backoff=0.01, time_limit=30)


@pytest.fixture(scope="module")
def upstream() -> str:
    with oxigraph_server(SAMPLE) as url:
        yield url + "/query"


class Proxy:
    """A loopback HTTP proxy in front of the real server; ``script`` says what to do with each next request
    (``"429"``, ``"503"``, ``"slow"``, ``"garbage"``, ``"not-results"``; then ``"forward"`` for ever)."""

    def __init__(self, upstream: str) -> None:
        self.upstream, self.script, self.seen = upstream, [], []
        proxy = self

        class Handler(BaseHTTPRequestHandler):
            def log_message(self, *args) -> None:  # keep the test output quiet
                pass

            def do_POST(self) -> None:  # noqa: N802 - http.server's naming
                body = self.rfile.read(int(self.headers.get("Content-Length") or 0))
                proxy.seen.append({"agent": self.headers.get("User-Agent", ""), "body": body})
                action = proxy.script.pop(0) if proxy.script else "forward"
                if action in ("429", "503"):
                    self._send(int(action), b"slow down", {"Retry-After": "0"})
                elif action == "slow":
                    time.sleep(2.5)
                    self._send(200, b"{}")
                elif action == "garbage":
                    self._send(200, b"<html>this is not JSON</html>", {"Content-Type": "application/sparql-results+json"})
                elif action == "not-results":
                    self._send(200, b'{"head": {"vars": ["s"]}, "results": {"bindings": "none"}}')
                else:
                    request = urllib.request.Request(proxy.upstream, data=body, method="POST", headers={
                        "Content-Type": self.headers.get("Content-Type", ""), "Accept": self.headers.get("Accept", "")})
                    with urllib.request.urlopen(request, timeout=10) as answer:
                        self._send(answer.status, answer.read(), {"Content-Type": answer.headers.get("Content-Type", "")})

            def _send(self, status: int, body: bytes, headers: dict | None = None) -> None:
                try:
                    self.send_response(status)
                    for key, value in (headers or {}).items():
                        self.send_header(key, value)
                    self.send_header("Content-Length", str(len(body)))
                    self.end_headers()
                    self.wfile.write(body)
                except (BrokenPipeError, ConnectionResetError):  # the client gave up (the timeout test)
                    pass

        self.server = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
        self.server.daemon_threads = True
        self.url = f"http://127.0.0.1:{self.server.server_address[1]}/sparql"
        self.thread = threading.Thread(target=self.server.serve_forever, daemon=True)

    def __enter__(self) -> "Proxy":
        self.thread.start()
        return self

    def __exit__(self, *exc) -> None:
        self.server.shutdown()
        self.server.server_close()


@pytest.fixture
def proxy(upstream):
    with Proxy(upstream) as p:
        yield p


@pytest.fixture
def project(tmp_path, root) -> Path:
    """A copy of the project's ontology and facts, with its own curated links (one of them wrong) and no cache."""
    shutil.copytree(root / "ontology", tmp_path / "ontology")
    shutil.copytree(root / "graph" / "facts", tmp_path / "graph" / "facts")
    (tmp_path / "graph" / "links").mkdir(parents=True)
    (tmp_path / "graph" / "links" / "wikidata.yaml").write_text(
        "links:\n"
        "  kazakhstan: Q232\n"
        "  russia: Q159\n"
        "  almaty: Q1520  # wrong on purpose: Astana's item\n"
        "  astana: Q84    # wrong on purpose: London's item, so the label disagrees\n"
        "  london: Q84000 # no such item\n", encoding="utf-8")
    return tmp_path


def test_fetch_asks_in_batches_and_gets_labels_types_and_data(proxy) -> None:
    result = fetch(proxy.url, ["Q232", "Q159", "Q35493", "Q1520", "Q84"], CLASSES, FAST, batch_size=2)
    assert result.batches == 3 and len(proxy.seen) == 3
    kz = result.items["Q232"]
    assert {"Kazakhstan", "Republic of Kazakhstan"} <= kz.labels and WD + "Q7275" in kz.classes
    assert kz.types[WD + "Q3624078"] == "sovereign state"
    predicates = {str(p) for s, p, o in result.triples if str(s) == WD + "Q232"}
    for prop in ("P31", "P297", "P298", "P299", "P1082", "P571", "P625"):
        assert f"http://www.wikidata.org/prop/direct/{prop}" in predicates
    assert "http://schema.org/description" in predicates
    assert result.items["Q84"].labels == {"London"}  # a multilingual ("mul") label counts


def test_fetch_sends_a_descriptive_user_agent(proxy) -> None:
    fetch(proxy.url, ["Q232"], CLASSES, FAST)
    assert proxy.seen[0]["agent"] == user_agent() and proxy.seen[0]["agent"].startswith("kazcrime/")


@pytest.mark.parametrize("status", ["429", "503"])
def test_fetch_retries_after_a_429_or_5xx_then_succeeds(proxy, status) -> None:
    proxy.script = [status]
    waits = []
    result = fetch(proxy.url, ["Q232"], CLASSES, FAST, sleep=waits.append)
    assert len(proxy.seen) == 2 and waits == [0.0]  # the server's Retry-After: 0 was honoured
    assert "Kazakhstan" in result.items["Q232"].labels


def test_fetch_gives_up_after_its_attempts(proxy) -> None:
    proxy.script = ["503"] * 5
    with pytest.raises(RemoteError, match=r"kept failing \(HTTP 503\) after 3 attempts"):
        fetch(proxy.url, ["Q232"], CLASSES, FAST, sleep=lambda s: None)


def test_fetch_times_out_and_leaves_the_cache_alone(proxy, project) -> None:
    cache = project / "graph" / "external" / "wikidata.ttl"
    cache.parent.mkdir(parents=True)
    cache.write_text("# an earlier cache\n", encoding="utf-8")
    proxy.script = ["slow", "slow"]
    started = time.monotonic()
    with pytest.raises(RemoteError, match="timed out"):
        fetch_links(proxy.url, project, RetryPolicy(timeout=0.5, attempts=2, backoff=0.01, time_limit=20))
    assert time.monotonic() - started < 10
    assert cache.read_text(encoding="utf-8") == "# an earlier cache\n"


@pytest.mark.parametrize("answer", ["garbage", "not-results"])
def test_fetch_refuses_a_malformed_answer(proxy, answer) -> None:
    proxy.script = [answer]
    with pytest.raises(RemoteError, match="not SPARQL JSON results"):
        fetch(proxy.url, ["Q232"], CLASSES, FAST)


def test_unreachable_endpoint_is_a_clear_error() -> None:
    with pytest.raises(RemoteError, match="cannot reach"):
        fetch(f"http://127.0.0.1:{free_port()}/sparql", ["Q232"], CLASSES, FAST)


def test_fetch_confirms_agreeing_links_and_flags_the_others(proxy, project) -> None:
    outcome = fetch_links(proxy.url, project, FAST)
    verdicts = {record: verdict for record, _, verdict in outcome.verdicts}
    assert verdicts["kazakhstan"].status == verdicts["russia"].status == "confirmed"
    assert verdicts["almaty"].status == "flagged" and "label" in verdicts["almaty"].note
    assert verdicts["astana"].status == "flagged" and "'Astana'" in verdicts["astana"].note
    assert verdicts["london"].status == "flagged" and "returned nothing" in verdicts["london"].note
    assert all(v.retrieved_on == verdicts["kazakhstan"].retrieved_on for v in verdicts.values())


def test_fetch_command_reports_flagged_links(proxy, project) -> None:
    result = CliRunner().invoke(cli, ["link", "fetch", "--endpoint", proxy.url, "--batch-size", "2"],
                                env={"KAZCRIME_HOME": str(project)})
    assert result.exit_code == 0, result.output
    assert "flagged: almaty → Q1520: label" in result.output and "2 confirmed, 3 flagged" in result.output
    assert (project / "graph" / "external" / "wikidata.ttl").exists()


def test_cache_round_trip(proxy, project, tmp_path) -> None:
    result = fetch(proxy.url, ["Q232", "Q35493", "Q84000"], CLASSES, FAST)
    path = tmp_path / "cache.ttl"
    write_cache(path, result.triples, proxy.url, result.retrieved_on)
    text = path.read_text(encoding="utf-8")
    assert text.startswith(f"# Fetched by `kazcrime link fetch` from {proxy.url} on {result.retrieved_on}.")
    assert read_cache(path) == result.items
    store = ox.Store()
    store.load(path=str(path), format=ox.RdfFormat.TURTLE)
    assert len(store) == len(set(result.triples))
    assert read_cache(tmp_path / "missing.ttl") == {}


def test_build_step_marks_links_curated_offline_and_confirmed_or_flagged_from_the_cache(proxy, project) -> None:
    from kazcrime.build import _Quads
    from kazcrime.facts import load_facts
    from kazcrime.links import add_links
    from kazcrime.linking import Gazetteer
    from kazcrime.vocab import KZC, KZG, load_vocabulary, ontology_files

    def statuses() -> tuple[dict[str, str], object]:
        q = _Quads()
        for path in ontology_files(project):
            q.dataset.graph(q.iri(KZG + "ontology")).parse(path, format="turtle")
        facts = load_facts(project / "graph" / "facts", load_vocabulary(project), None)
        add_links(q, facts, project, gazetteer=Gazetteer.sample())
        links = q.dataset.graph(q.iri(KZG + "links/wikidata"))
        out = {}
        for r, st in links.subject_objects(q.iri(KZC + "linkStatus")):
            out[str(links.value(r, q.iri("http://www.w3.org/1999/02/22-rdf-syntax-ns#subject"))).rsplit("/", 1)[-1]] = str(st).rsplit("-", 1)[-1]
        return out, q

    offline, q = statuses()
    assert set(offline.values()) == {"curated"}
    assert len(q.dataset.graph(q.iri(KZG + "external/wikidata"))) == 0
    fetch_links(proxy.url, project, FAST)
    online, q = statuses()
    assert online == {"kazakhstan": "confirmed", "russia": "confirmed", "almaty": "flagged", "astana": "flagged",
                      "london": "flagged"}
    exact = {(str(s).rsplit("/", 1)[-1], str(o)) for s, o in
             q.dataset.graph(q.iri(KZG + "links/wikidata")).subject_objects(q.iri("http://www.w3.org/2004/02/skos/core#exactMatch"))}
    assert exact == {("kazakhstan", WD + "Q232"), ("russia", WD + "Q159")}  # flagged links are not asserted
    assert len(q.dataset.graph(q.iri(KZG + "external/wikidata"))) > 0


def test_judge_keeps_a_link_curated_until_fetched_and_flags_a_wrong_type() -> None:
    record = Linkable("almaty", "Almaty", ("Alma-Ata",), {WD + "Q486972"})
    assert judge(record, None).status == "curated"
    person = Fetched("Q1", labels={"Almaty"}, classes=set(), types={WD + "Q5": "human"})
    verdict = judge(record, person)
    assert verdict.status == "flagged" and "type" in verdict.note and "human" in verdict.note


def test_suggest_proposes_items_of_the_right_type_into_a_review_file_only(proxy, project) -> None:
    curated_before = (project / "graph" / "links" / "wikidata.yaml").read_text(encoding="utf-8")
    path, found = suggest_links(proxy.url, project, FAST)
    assert [c.qid for c in found["aktau"]] == ["Q90000001"]  # the person named Aktau is not a city
    assert "kazakhstan" not in found  # already curated
    assert "Q90000001" in path.read_text(encoding="utf-8")
    assert (project / "graph" / "links" / "wikidata.yaml").read_text(encoding="utf-8") == curated_before


def test_accept_adds_a_curated_link_and_refuses_duplicates(project) -> None:
    added = accept_link("aktau", "Q90000001", project)
    assert added.qid == "Q90000001" and added.source.startswith("graph/links/wikidata.yaml:")
    assert load_curated(project / "graph" / "links" / "wikidata.yaml")["aktau"].qid == "Q90000001"
    with pytest.raises(ValueError, match="already linked"):
        accept_link("aktau", "Q5", project)
    with pytest.raises(ValueError, match="not a Wikidata item ID"):
        accept_link("taraz", "232", project)
    result = CliRunner().invoke(cli, ["link", "accept", "no-such-record", "Q1"], env={"KAZCRIME_HOME": str(project)})
    assert result.exit_code == 2 and "no record has the ID" in result.output


@pytest.mark.parametrize("line,message", [
    ("  kazakhstan: 232\n", "expected a Wikidata item ID"),
    ("  no-such-record: Q232\n", "no record has this ID"),
    ("  kazakhstan: Q232\n  russia: Q232\n", "already linked to kazakhstan"),
])
def test_a_malformed_curated_links_file_names_file_and_line(tmp_path, line, message) -> None:
    path = tmp_path / "wikidata.yaml"
    path.write_text("links:\n" + line, encoding="utf-8")
    with pytest.raises(FactsError, match=message) as info:
        load_curated(path, {"kazakhstan", "russia"})
    assert "graph/links/wikidata.yaml:" in str(info.value)


def test_federated_example_joins_our_graph_with_a_remote_endpoint(upstream, root) -> None:
    """The online example, with its SERVICE pointed at the loopback server instead of the public endpoint."""
    from kazcrime.queries import run_query
    from kazcrime.store import load_memory_store

    text = (root / "queries" / "online" / "wikidata-central-asia.rq").read_text(encoding="utf-8")
    assert "SERVICE <https://query.wikidata.org/sparql>" in text
    store = load_memory_store(root / "graph" / "kazcrime.nq")
    rows = list(run_query(store, text.replace("https://query.wikidata.org/sparql", upstream)))
    got = {r["label"].value: r["item"].value for r in rows}
    assert got.get("Kazakhstan") == WD + "Q232" and got.get("Kyrgyzstan") == WD + "Q813"
