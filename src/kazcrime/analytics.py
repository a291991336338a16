"""Graph analytics on a view: centrality, communities, shortest paths with their facts, and export.

Everything works on the :class:`~kazcrime.views.View` graphs, so ``kazcrime analyze --view X`` measures
exactly what ``kazcrime view X`` draws. Paths and communities ignore edge direction (a charge links
the court and the accused either way); co-mentions are not relations and are never walked by paths.

>>> import networkx as nx
>>> from kazcrime.views import View
>>> g = nx.MultiDiGraph()
>>> g.add_edge("a", "b", relation="knows"); g.add_edge("b", "c", relation="knows")
0
0
>>> analyze(View("demo", "Demo", g)).top_betweenness[0]["id"]
'b'
"""

from __future__ import annotations

import json
from dataclasses import asdict, dataclass, field
from pathlib import Path

import networkx as nx

from .errors import NotFound
from .paths import atomic_output

__all__ = ["Analysis", "PathStep", "analyze", "shortest_path", "as_table", "as_json", "export", "EXPORTS"]

#: How many entities each ranking lists.
TOP = 10
#: Export formats: name → networkx writer.
EXPORTS = {"gexf": nx.write_gexf, "graphml": nx.write_graphml}


@dataclass
class PathStep:
    """One edge along a shortest path, with what the graph says about it."""

    source: str
    target: str
    relation: str
    forward: bool
    date: str | None
    cited: str | None
    evidence: list[str]
    allegation: bool


@dataclass
class Analysis:
    """Rankings and communities of one view, and a path when one was asked for."""

    view: str
    nodes: int
    edges: int
    top_degree: list[dict] = field(default_factory=list)
    top_betweenness: list[dict] = field(default_factory=list)
    communities: list[list[str]] = field(default_factory=list)
    path: list[PathStep] | None = None
    path_ends: tuple[str, str] | None = None


def _label(graph: nx.MultiDiGraph, n: str) -> str:
    return graph.nodes[n].get("label") or n.rsplit("/", 1)[-1]


def _ranking(graph: nx.MultiDiGraph, scores: dict[str, float]) -> list[dict]:
    ranked = sorted(scores.items(), key=lambda kv: (-kv[1], kv[0]))[:TOP]
    return [{"id": n.rsplit("/", 1)[-1], "label": _label(graph, n), "score": round(v, 4)} for n, v in ranked]


def _relations_only(graph: nx.MultiDiGraph) -> nx.Graph:
    simple = nx.Graph()
    simple.add_nodes_from(graph.nodes)
    simple.add_edges_from((s, o) for s, o, d in graph.edges(data=True) if d.get("kind") != "co-mention" and s != o)
    return simple


def _resolve(graph: nx.MultiDiGraph, name: str) -> str:
    for n, d in graph.nodes(data=True):
        if name in (n, n.rsplit("/", 1)[-1]) or name.lower() == str(d.get("label", "")).lower():
            return n
    raise NotFound(f"{name!r} is not in this view (use an ID such as {next(iter(graph.nodes), 'kazakhstan').rsplit('/', 1)[-1]})")


def shortest_path(graph: nx.MultiDiGraph, a: str, b: str) -> list[PathStep]:
    """The facts along a shortest path between two entities, ignoring direction.

    :raises NotFound: when an end is not in the graph or no path joins them.
    """
    start, end = _resolve(graph, a), _resolve(graph, b)
    try:
        hops = nx.shortest_path(_relations_only(graph), start, end)
    except nx.NetworkXNoPath as exc:
        raise NotFound(f"no path joins {a!r} and {b!r} in this view") from exc
    steps = []
    for x, y in zip(hops, hops[1:]):
        forward = graph.has_edge(x, y)
        s, o = (x, y) if forward else (y, x)
        d = min(graph[s][o].values(), key=lambda e: (e.get("kind") == "co-mention", e.get("relation", "")))
        steps.append(PathStep(_label(graph, x), _label(graph, y), d.get("relation", "link"), forward, d.get("date"),
                              d.get("source"), list(d.get("evidence", [])), bool(d.get("allegation"))))
    return steps


def analyze(view, path: tuple[str, str] | None = None) -> Analysis:
    """Degree and betweenness centrality, communities (greedy modularity), and an optional path."""
    graph = view.graph
    simple = _relations_only(graph)
    result = Analysis(view.name, graph.number_of_nodes(), graph.number_of_edges())
    if graph.number_of_nodes():
        result.top_degree = _ranking(graph, nx.degree_centrality(simple))
        result.top_betweenness = _ranking(graph, nx.betweenness_centrality(simple))
        if simple.number_of_edges():
            found = nx.community.greedy_modularity_communities(simple)
            result.communities = [sorted(_label(graph, n) for n in c) for c in found if len(c) > 1]
    if path:
        result.path_ends = path
        result.path = shortest_path(graph, *path)
    return result


def as_json(result: Analysis) -> str:
    """The analysis as indented JSON."""
    return json.dumps(asdict(result), indent=1, ensure_ascii=False)


def as_table(result: Analysis) -> str:
    """The analysis as plain-text tables for the terminal."""
    lines = [f"view {result.view}: {result.nodes} nodes, {result.edges} edges", ""]
    for title, rows in (("degree centrality", result.top_degree), ("betweenness centrality", result.top_betweenness)):
        lines.append(f"{title} (top {TOP})")
        width = max([len(r["label"]) for r in rows] + [6])
        lines += [f"  {r['label'].ljust(width)}  {r['score']:.4f}" for r in rows] or ["  (empty view)"]
        lines.append("")
    lines.append(f"communities ({len(result.communities)} with two or more members)")
    lines += [f"  {i}. {', '.join(c[:12])}" + (f" and {len(c) - 12} more" if len(c) > 12 else "")
              for i, c in enumerate(result.communities, 1)]
    if result.path is not None:
        lines += ["", f"shortest path {result.path_ends[0]} → {result.path_ends[1]} ({len(result.path)} steps)"]
        for step in result.path:
            arrow = f"—{step.relation}→" if step.forward else f"←{step.relation}—"
            tag = " [allegation]" if step.allegation else ""
            when = f" ({step.date})" if step.date else ""
            lines.append(f"  {step.source} {arrow} {step.target}{when}{tag}")
            lines.append(f"      according to: {step.cited or 'no cited source'}; evidence: {', '.join(step.evidence) or 'none'}")
    return "\n".join(lines) + "\n"


def _flat(value: object) -> object:
    if isinstance(value, (list, tuple, set)):
        return "; ".join(map(str, value))
    return value if isinstance(value, (str, int, float, bool)) else str(value)


def export(view, fmt: str, path: Path) -> None:
    """Write the view's graph as GEXF or GraphML (atomically), attributes flattened to text.

    :raises ValueError: for a format other than gexf or graphml.
    """
    if fmt not in EXPORTS:
        raise ValueError(f"unknown export format {fmt!r}: use one of {', '.join(EXPORTS)}")
    out = nx.MultiDiGraph(name=view.title)
    for n, d in view.graph.nodes(data=True):
        out.add_node(n, **{k: _flat(v) for k, v in d.items() if v is not None and k != "tip"})
    for s, o, d in view.graph.edges(data=True):
        out.add_edge(s, o, **{k: _flat(v) for k, v in d.items() if v is not None})
    with atomic_output(Path(path)) as tmp:
        EXPORTS[fmt](out, str(tmp))
