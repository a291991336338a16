"""Analytics and plots: rankings and paths agree with the view they measure, exports and charts are
written whole, and the CLI prints tables and JSON."""

from __future__ import annotations

import json
import xml.etree.ElementTree as ET

import networkx as nx
import pytest
from click.testing import CliRunner

from kazcrime.analytics import analyze, as_json, as_table, export, shortest_path
from kazcrime.cli import cli
from kazcrime.errors import NotFound
from kazcrime.plots import PLOTS, write_plot
from kazcrime.queries import resolve_query, run_query
from kazcrime.views import build_view
from kazcrime.vocab import KZ


def test_rankings_follow_the_undirected_relation_graph(sample_store):
    view = build_view(sample_store, "relations")
    result = analyze(view)
    simple = nx.Graph(view.graph.to_undirected())
    simple.remove_edges_from(nx.selfloop_edges(simple))
    best = max(nx.betweenness_centrality(simple).items(), key=lambda kv: (kv[1], kv[0]))
    assert result.top_betweenness[0]["id"] == best[0].rsplit("/", 1)[-1]
    assert result.top_degree[0]["score"] == round(max(nx.degree_centrality(simple).values()), 4)
    members = {m for c in result.communities for m in c}
    assert members <= {d["label"] for _, d in view.graph.nodes(data=True)}


def test_shortest_path_lists_the_facts_along_it(sample_store):
    view = build_view(sample_store, "relations")
    steps = shortest_path(view.graph, "lender", "spouse")
    assert [s.relation for s in steps] == ["creditor of", "chair of", "spouse of"]
    assert [s.forward for s in steps] == [True, False, False]
    chair = steps[1]
    assert chair.date == "1998" and chair.evidence == ["sec08.p03.s01"] and chair.cited == "A <b>made-up</b> source"


def test_a_path_through_a_charge_is_flagged_as_an_allegation(sample_store):
    steps = shortest_path(build_view(sample_store, "relations").graph, "procurator", "banker")
    assert [s.allegation for s in steps] == [True, True]
    assert "[allegation]" in as_table(analyze(build_view(sample_store, "relations"), ("procurator", "banker")))


def test_paths_between_unknown_or_unjoined_entities_fail_clearly(sample_store):
    graph = build_view(sample_store, "institutions").graph
    with pytest.raises(NotFound, match="'nobody' is not in this view"):
        shortest_path(graph, "nobody", "ministry")
    with pytest.raises(NotFound, match="no path joins"):
        shortest_path(graph, "ministry", "interpol")


def test_co_mentions_are_never_walked_as_relations(sample_store):
    view = build_view(sample_store, "co-mentions")
    with pytest.raises(NotFound, match="no path joins"):
        shortest_path(view.graph, "banker", "spouse")


def test_json_and_table_carry_the_same_rankings(sample_store):
    result = analyze(build_view(sample_store, "relations"), ("lender", "spouse"))
    data = json.loads(as_json(result))
    assert data["top_degree"] == result.top_degree and len(data["path"]) == 3
    table = as_table(result)
    for row in result.top_degree:
        assert row["label"] in table


@pytest.mark.parametrize("fmt,reader", [("gexf", nx.read_gexf), ("graphml", nx.read_graphml)])
def test_export_writes_a_graph_gephi_and_cytoscape_read_back(sample_store, tmp_path, fmt, reader):
    view = build_view(sample_store, "case", entity="test-case")
    out = tmp_path / f"case.{fmt}"
    export(view, fmt, out)
    back = reader(out)
    assert back.number_of_nodes() == view.graph.number_of_nodes() and back.number_of_edges() == view.graph.number_of_edges()
    assert back.nodes[KZ + "charge-1"]["allegation"] in (True, "true", "True")
    assert [p.name for p in tmp_path.iterdir()] == [f"case.{fmt}"]  # no temporary file left behind


def test_export_rejects_an_unknown_format(sample_store, tmp_path):
    with pytest.raises(ValueError, match="unknown export format 'dot'"):
        export(build_view(sample_store, "institutions"), "dot", tmp_path / "x.dot")


def test_cli_analyze_prints_json_with_a_path(store):
    result = CliRunner().invoke(cli, ["analyze", "--format", "json", "--path", "almaty", "astana"])
    assert result.exit_code == 0, result.output
    data = json.loads(result.output)
    assert data["view"] == "relations" and data["path"][0]["source"] == "Almaty" and data["path"][-1]["target"] == "Astana"


def test_cli_analyze_names_an_unknown_entity():
    result = CliRunner().invoke(cli, ["analyze", "--path", "almaty", "atlantis"])
    assert result.exit_code == 1 and "'atlantis' is not in this view" in result.output


@pytest.mark.parametrize("name", sorted(PLOTS))
def test_plots_are_written_as_png_and_svg(store, tmp_path, name):
    png = write_plot(store, name, tmp_path / f"{name}.png")
    svg = write_plot(store, name, tmp_path / f"{name}.svg")
    assert png.read_bytes()[:8] == b"\x89PNG\r\n\x1a\n"
    assert ET.parse(svg).getroot().tag.endswith("svg")


def test_the_series_plot_draws_every_year_of_the_series(store, tmp_path):
    _, text = resolve_query("drug-crime-series")
    years = [r["year"].value for r in run_query(store, text)]
    fig = PLOTS["drug-series"].draw(store)
    crimes = fig.axes[0].lines[0]
    assert [str(int(x)) for x in crimes.get_xdata()] == years and years[0] == "1990" and years[-1] == "2006"


def test_the_timeline_marks_allegations(sample_store):
    fig = PLOTS["timeline"].draw(sample_store)
    labels = [t.get_text() for t in fig.axes[0].get_yticklabels()]
    assert "charge (allegation)" in labels and "conviction or sentence" in labels


@pytest.mark.parametrize("args,message", [
    (["plot", "nope", "-o", "x.png"], "no plot named 'nope'"),
    (["plot", "timeline", "-o", "x.pdf"], "write a .png or .svg file"),
])
def test_cli_plot_errors_name_the_problem(args, message):
    result = CliRunner().invoke(cli, args)
    assert result.exit_code != 0 and message in result.output


def test_cli_plot_list_and_write(tmp_path):
    runner = CliRunner()
    assert "drug-series" in runner.invoke(cli, ["plot", "--list"]).output
    result = runner.invoke(cli, ["plot", "drug-series", "-o", str(tmp_path / "s.svg")])
    assert result.exit_code == 0 and (tmp_path / "s.svg").exists()
