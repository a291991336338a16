"""Network views: each projection matches the RDF it comes from, hides schema and provenance, labels
allegations and co-mentions for what they are, and renders to a page that needs no network."""

from __future__ import annotations

import re

import networkx as nx
import pytest
from click.testing import CliRunner

from kazcrime.cards import EvidenceReader
from kazcrime.cli import cli
from kazcrime.errors import NotFound, QueryError
from kazcrime.render import network_data, query_network_html, view_to_html
from kazcrime.views import HIDDEN, VIEWS, build_view, query_network
from kazcrime.vocab import KZ, KZC

HOSTILE = '<img src=x onerror="window.__pwned=1">'


def _params(store, name):
    if name == "ego":
        return {"entity": "kazakhstan" if store is not None else "banker"}
    if name == "case":
        cases = [r["c"].value for r in store.query(f"SELECT ?c WHERE {{ GRAPH ?g {{ ?c a <{KZC}Case> }} }}")]
        if not cases:
            pytest.skip("the graph holds no case yet")
        return {"entity": cases[0]}
    return {}


@pytest.mark.parametrize("name", sorted(VIEWS))
def test_every_view_builds_on_the_committed_graph_without_schema_or_provenance_nodes(store, name):
    view = build_view(store, name, **_params(store, name))
    assert not [n for n in view.graph.nodes if n.startswith(HIDDEN)]
    for _, data in view.graph.nodes(data=True):
        assert data["label"] and data["group"]


def test_case_view_draws_events_as_nodes_between_agent_and_target(sample_store):
    view = build_view(sample_store, "case", entity="Test bank case")
    g = view.graph
    rows = list(sample_store.query(
        f"SELECT ?e ?agent ?target WHERE {{ ?e <{KZC}case> <{KZ}test-case> ; <{KZC}agent> ?agent ; <{KZC}target> ?target }}",
        use_default_graph_as_union=True))
    assert rows
    for r in rows:
        assert g.has_edge(r["agent"].value, r["e"].value) and g.has_edge(r["e"].value, r["target"].value)
    # family, counsel and lenders of the people involved come along, with the fact's date
    assert g.has_edge(KZ + "spouse", KZ + "banker") and g.has_edge(KZ + "lender", KZ + "test-bank")
    assert [d["date"] for d in g[KZ + "banker"][KZ + "test-bank"].values()] == ["1998"]


def test_allegations_are_marked_and_convictions_are_not(sample_store):
    g = build_view(sample_store, "case", entity="test-case").graph
    assert g.nodes[KZ + "charge-1"]["allegation"] and g.nodes[KZ + "charge-1"]["group"].startswith("allegation")
    assert not g.nodes[KZ + "conviction-1"]["allegation"]
    for s, o, d in g.edges(data=True):
        assert d.get("allegation", False) == (KZ + "charge-1" in (s, o))
    data = network_data(build_view(sample_store, "case", entity="test-case"))
    alleged = [e for e in data["edges"] if e["allegation"]]
    assert alleged and all(e["label"].startswith("allegation") and e["kzKind"] == "allegation" for e in alleged)
    assert any(item["label"].startswith("allegation") for item in data["legend"]["edges"])


def test_named_case_view_of_a_case_not_in_the_graph_is_empty_and_says_so(sample_store):
    view = build_view(sample_store, "giffen-case")
    assert view.graph.number_of_nodes() == 0
    assert "Nothing to show yet" in view.notes[0] and "Giffen" in view.notes[0] and "test-case" in view.notes[0]


def test_bta_view_draws_both_proceedings_of_the_affair_with_their_people(store):
    view = build_view(store, "bta-case")
    g = view.graph
    assert "2 cases" in view.notes[0]
    assert {KZ + "mukhtar-ablyazov", KZ + "bta-bank", KZ + "alma-ablyazova", KZ + "claire-waquet"} <= set(g.nodes)
    assert any(d.get("allegation") for _, d in g.nodes(data=True)), "the embezzlement accusation is drawn as an allegation"


def test_a_past_post_carries_its_role_into_the_tooltip(store):
    data = network_data(build_view(store, "bta-case"))
    chair = next(e for e in data["edges"] if (e["from"], e["to"]) == (KZ + "mukhtar-ablyazov", KZ + "bta-bank")
                 and e["heading"] == "chair of")
    assert ["role", "chairman (former)"] in chair["tip"]


def test_relations_stated_only_as_alleged_are_drawn_as_allegations(store):
    # the text names the president and the former prime minister only as alleged recipients in the Giffen case
    g = build_view(store, "giffen-case").graph
    edge = lambda s, o: [d for d in g[KZ + s][KZ + o].values() if d["relation"] == "involved in"]  # noqa: E731
    assert all(d["allegation"] for d in edge("nursultan-nazarbayev", "giffen-case"))
    assert all(d["allegation"] for d in edge("nurlan-balgimbaev", "giffen-case"))
    # what the text states outright is not turned into an allegation
    assert not any(d.get("allegation") for d in g[KZ + "james-giffen"][KZ + "nursultan-nazarbayev"].values())
    assert g.nodes[KZ + "giffen-accusation"]["allegation"] and not g.nodes[KZ + "james-giffen"]["allegation"]


def test_case_view_with_an_unknown_case_names_it(sample_store):
    with pytest.raises(NotFound, match="no-such-case.*test-case"):
        build_view(sample_store, "case", entity="no-such-case")


def test_trafficking_flows_fold_places_into_countries_and_count_flows_per_exploitation(sample_store):
    g = build_view(sample_store, "trafficking-flows").graph
    uz, kz, ru = KZ + "uzbekistan", KZ + "kazakhstan", KZ + "russia"
    assert set(g.nodes) == {uz, kz, ru}  # Almaty is folded into Kazakhstan
    forms = sorted(d["kind"] for d in g[uz][kz].values())
    assert forms == ["forced labour", "sex trafficking"]
    assert g.nodes[kz]["transit"] and not g.nodes[uz]["transit"]
    assert all(d["width"] == 1 for _, _, d in g.edges(data=True))
    assert "Almaty" in " ".join(d.get("via_places", "") for d in g[uz][kz].values()).title()


def test_trafficking_map_places_linked_coordinates_and_says_which_are_missing(sample_store):
    view = build_view(sample_store, "trafficking-map")
    assert view.layout == "geo"
    assert view.graph.nodes[KZ + "kazakhstan"]["lat"] == 48.0 and "lat" not in view.graph.nodes[KZ + "uzbekistan"]
    assert any("1 of 3 places have no coordinates" in n for n in view.notes)
    nodes = {n["id"]: n for n in network_data(view)["nodes"]}
    assert nodes[KZ + "russia"]["fixed"] and "fixed" not in nodes[KZ + "uzbekistan"]


def test_drug_routes_chain_origin_via_destination_and_tie_groups_to_commodities(sample_store):
    g = build_view(sample_store, "drug-routes").graph
    assert g.has_edge(KZ + "afghanistan", KZ + "central-asia") and g.has_edge(KZ + "central-asia", KZ + "russia")
    assert g.has_edge(KZ + "gang", "https://w3id.org/kazcrime/concept/heroin")
    leg = next(iter(g[KZ + "afghanistan"][KZ + "central-asia"].values()))
    assert leg["kind"] == "route: heroin" and leg["evidence"] == ["sec04.p01.s01"]


def test_institutions_fold_inverse_statements_into_one_edge(sample_store):
    g = build_view(sample_store, "institutions").graph
    assert g.number_of_edges(KZ + "new-agency", KZ + "old-agency") == 1
    assert not g.has_edge(KZ + "old-agency", KZ + "new-agency")
    assert g.has_edge(KZ + "leader", KZ + "president") and g.has_edge(KZ + "kazakhstan", KZ + "interpol")


@pytest.mark.parametrize("depth", [1, 2, 3])
def test_ego_view_keeps_exactly_the_entities_within_depth(sample_store, depth):
    view = build_view(sample_store, "ego", entity="banker", depth=depth)
    full = build_view(sample_store, "relations").graph.to_undirected()
    expected = set(nx.single_source_shortest_path_length(full, KZ + "banker", cutoff=depth))
    assert set(view.graph.nodes) == expected


def test_co_mentions_are_labelled_as_co_mentions_not_relations(sample_store):
    g = build_view(sample_store, "co-mentions").graph
    assert g.number_of_edges() >= 1
    for _, _, d in g.edges(data=True):
        assert d["kind"] == "co-mention" and "co-mention" in d["relation"] and d["directed"] is False
    legend = network_data(build_view(sample_store, "co-mentions"))["legend"]
    assert [e["label"] for e in legend["edges"]] == ["co-mention"]
    assert any("not a relation" in n for n in legend["notes"])


def test_query_network_links_each_rows_iris(sample_store):
    q = "SELECT ?p ?post ?name WHERE { ?p kzc:holdsPost ?post . ?p rdfs:label ?name }"
    g = query_network(sample_store, q).graph
    assert g.has_edge(KZ + "leader", KZ + "president")
    assert "name: Leader" in g.nodes[KZ + "leader"]["values"]
    g2 = query_network(sample_store, "CONSTRUCT { ?a kzc:spouseOf ?b } WHERE { ?a kzc:spouseOf ?b }").graph
    assert list(g2.edges()) == [(KZ + "spouse", KZ + "banker")]


def test_query_network_rejects_ask_and_malformed_queries(sample_store):
    with pytest.raises(QueryError, match="ASK"):
        query_network(sample_store, "ASK { ?s ?p ?o }")
    with pytest.raises(QueryError, match="malformed"):
        query_network_html(sample_store, "SELECT ?x WHERE { ?x")


def test_unknown_view_and_missing_entity_fail_clearly(sample_store):
    with pytest.raises(NotFound, match="no view named 'nope'"):
        build_view(sample_store, "nope")
    with pytest.raises(ValueError, match="needs an entity"):
        build_view(sample_store, "ego")


def test_page_is_self_contained_and_carries_markup_only_as_escaped_data(sample_store, tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    html = view_to_html(build_view(sample_store, "case", entity="test-case"), base_url="http://127.0.0.1:9")
    assert not re.search(r"<(script|link|img|iframe)[^>]+(src|href)\s*=\s*[\"']?(https?:)?//", html, re.I)
    assert HOSTILE not in html and "<img" not in html and "<script>window.__pwned" not in html
    assert "\\u003cimg src=x onerror" in html  # the label is there, as JSON-escaped data
    assert len(re.findall(r"^<script", html, re.M)) == 3  # data block, vis-network, the page script: nothing else
    assert list(tmp_path.iterdir()) == []  # no lib/ folder, nothing written beside


def test_tooltips_quote_evidence_read_from_the_document(sample_store, doc):
    reader = EvidenceReader(doc.path.parent)
    data = network_data(build_view(sample_store, "case", entity="test-case"), reader=reader)
    edge = next(e for e in data["edges"] if e["from"] == KZ + "court-a")
    quote = next(row for row in edge["tip"] if row[0] == "evidence sec08.p01.s02")
    assert quote[1] == doc.passage("sec08.p01.s02") and quote[2] is True
    assert ["date", "2012-06"] in edge["tip"] and ["source", "A <b>made-up</b> source"] in edge["tip"]


def test_nodes_link_to_their_pages_only_when_served(sample_store):
    view = build_view(sample_store, "institutions")
    served = {n["id"]: n["url"] for n in network_data(view, base_url="http://127.0.0.1:8000/")["nodes"]}
    assert served[KZ + "ministry"] == "http://127.0.0.1:8000/id/ministry"
    assert all(n["url"] is None for n in network_data(view)["nodes"])


def test_cli_view_list_and_write(tmp_path):
    runner = CliRunner()
    listed = runner.invoke(cli, ["view", "--list"])
    assert listed.exit_code == 0 and all(name in listed.output for name in VIEWS)
    out = tmp_path / "inst.html"
    result = runner.invoke(cli, ["view", "institutions", "-o", str(out)])
    assert result.exit_code == 0, result.output
    assert out.read_text(encoding="utf-8").startswith("<!DOCTYPE html>") and "wrote" in result.output


@pytest.mark.parametrize("args,message", [
    (["view", "nope", "-o", "x.html"], "no view named 'nope'"),
    (["view", "ego", "-o", "x.html"], "needs an entity"),
    (["view", "institutions"], "give a view NAME and -o FILE"),
    (["view", "ego", "--entity", "no-such-thing", "-o", "x.html"], "no entity 'no-such-thing'"),
])
def test_cli_view_errors_name_the_problem(tmp_path, args, message):
    result = CliRunner().invoke(cli, args)
    assert result.exit_code != 0 and message in result.output


@pytest.mark.parametrize("fmt,reader", [("gexf", nx.read_gexf), ("graphml", nx.read_graphml)])
def test_cli_view_export_round_trips_for_gephi_and_cytoscape(store, tmp_path, fmt, reader):
    out = tmp_path / f"rel.{fmt}"
    result = CliRunner().invoke(cli, ["view", "relations", "--export", fmt, "-o", str(out)])
    assert result.exit_code == 0, result.output
    back, view = reader(out), build_view(store, "relations")
    assert (back.number_of_nodes(), back.number_of_edges()) == (view.graph.number_of_nodes(), view.graph.number_of_edges())
