"""Render a :class:`~kazcrime.views.View` as one self-contained HTML file that works offline.

pyvis assembles the vis-network node and edge records; the page itself is our own small template
(``viewpage/``) with vis-network's script inlined from the copy pyvis ships, because pyvis 0.3.2
loads scripts from a CDN even with ``cdn_resources="in_line"`` and writes a ``lib/`` folder into the
working directory. Every label, comment and evidence sentence travels as JSON inside a
``<script type="application/json">`` block and reaches the page through ``textContent`` only.

>>> import networkx as nx
>>> from kazcrime.views import View
>>> g = nx.MultiDiGraph()
>>> _ = g.add_edge("a", "b", relation="knows", label='<img src=x onerror="alert(1)">')
>>> html = view_to_html(View("demo", "Demo", g))
>>> "<img" in html, "src=\\"http" in html
(False, False)
"""

from __future__ import annotations

import json
from functools import lru_cache
from html import escape
from importlib import resources
from pathlib import Path
from string import Template

import networkx as nx
import pyoxigraph as ox

from .cards import EvidenceReader
from .paths import atomic_output
from .vocab import BASE

__all__ = ["view_to_html", "view_html", "query_network_html", "render_query_result_as_network", "write_html",
           "NODE_COLOURS"]

#: Fill colour of each legend group of nodes.
NODE_COLOURS = {
    "allegation (accusation or charge)": "#e8590c",
    "legal action": "#f59f00",
    "event": "#fcc419",
    "person": "#4dabf7",
    "court": "#7048e8",
    "law-enforcement agency": "#364fc7",
    "government body": "#5c7cfa",
    "bank": "#0ca678",
    "company": "#38d9a9",
    "criminal group": "#c2255c",
    "international organisation": "#9775fa",
    "other organisation": "#91a7ff",
    "ethnic or national group": "#f783ac",
    "group of people": "#ffc9c9",
    "post": "#66d9e8",
    "country": "#82c91e",
    "border": "#5c940d",
    "city": "#a9e34b",
    "region": "#d8f5a2",
    "place": "#c0eb75",
    "case": "#495057",
    "law or convention": "#adb5bd",
    "trafficking flow": "#ff8787",
    "smuggling activity": "#ffa8a8",
    "claim": "#e599f7",
    "concept": "#ced4da",
    "other": "#dee2e6",
}
SHAPES = {"allegation (accusation or charge)": "triangle", "legal action": "diamond", "event": "diamond",
          "concept": "box", "post": "star", "case": "hexagon"}
ALLEGATION_COLOUR = "#c92a2a"
COMENTION_COLOUR = "#868e96"
EDGE_PALETTE = ["#1c7ed6", "#2b8a3e", "#e67700", "#862e9c", "#0b7285", "#a61e4d", "#5f3dc4", "#d9480f",
                "#087f5b", "#364fc7", "#66a80f", "#495057"]
#: Evidence sentences quoted in one tooltip; the rest are counted.
MAX_QUOTES = 3
#: Above this many edges, edge labels are left to the tooltips (legibility).
MAX_EDGE_LABELS = 150


def _asset(name: str) -> str:
    return resources.files("kazcrime").joinpath("viewpage", name).read_text(encoding="utf-8")


@lru_cache(maxsize=1)
def _vis_js() -> str:
    import pyvis

    path = Path(pyvis.__file__).parent / "templates" / "lib" / "vis-9.1.2" / "vis-network.min.js"
    text = path.read_text(encoding="utf-8")
    text = "\n".join(line for line in text.split("\n") if not line.startswith("//# sourceMappingURL"))
    return text.replace("</script", "<\\/script")


def _json_for_script(value: object) -> str:
    """JSON that cannot close or confuse the ``<script>`` block it sits in."""
    text = json.dumps(value, ensure_ascii=False, separators=(",", ":"))
    for char, code in (("<", "\\u003c"), (">", "\\u003e"), ("&", "\\u0026"), ("\u2028", "\\u2028"), ("\u2029", "\\u2029")):
        text = text.replace(char, code)
    return text


def _short(text: str, n: int = 34) -> str:
    return text if len(text) <= n else text[: n - 1] + "…"


def _url(iri: str, base_url: str | None) -> str | None:
    if base_url is None or not iri.startswith(BASE):
        return None
    return base_url.rstrip("/") + "/" + iri[len(BASE):]


def _quotes(ids: list[str], reader: EvidenceReader | None) -> list[list]:
    rows: list[list] = []
    for sid in ids[:MAX_QUOTES]:
        text = reader.text(sid) if reader else None
        rows.append([f"evidence {sid}", text or "(the document is not available: sentence ID only)", bool(text)])
    if len(ids) > MAX_QUOTES:
        rows.append(["evidence", f"and {len(ids) - MAX_QUOTES} more sentences: {', '.join(ids[MAX_QUOTES:])}"])
    return rows


def _edge_colours(kinds: list[str]) -> dict[str, str]:
    out, free = {}, iter(EDGE_PALETTE * (1 + len(kinds) // len(EDGE_PALETTE)))
    for kind in sorted(kinds):
        out[kind] = ALLEGATION_COLOUR if kind == "allegation" else COMENTION_COLOUR if kind == "co-mention" else next(free)
    return out


def _edge_kind(d: dict) -> str:
    return "allegation" if d.get("allegation") else d.get("kind", "link")


def _bend(graph: nx.MultiDiGraph, s: str, o: str, key) -> dict:
    """Curve parallel edges apart so each stays visible and hoverable."""
    keys = list(graph[s][o]) + (list(graph[o][s]) if s != o and graph.has_edge(o, s) else [])
    i = keys.index(key)
    return {"smooth": {"enabled": True, "type": "curvedCW", "roundness": 0.12 + 0.15 * i}} if len(keys) > 1 else {}


def network_data(view, base_url: str | None = None, reader: EvidenceReader | None = None) -> dict:
    """The nodes, edges, legend and options the page draws (plain data; the tests compare it with the graph)."""
    from pyvis.network import Network

    graph: nx.MultiDiGraph = view.graph
    net = Network(directed=True, cdn_resources="remote")
    n_nodes = graph.number_of_nodes()
    groups: dict[str, int] = {}
    geo = view.layout == "geo"
    for iri, d in graph.nodes(data=True):
        group = d.get("group", "other")
        groups[group] = groups.get(group, 0) + 1
        label = d.get("label") or iri
        tip = [["class", d.get("class", "resource")]]
        tip += [[k, d[k]] for k in ("date", "comment") if d.get(k)]
        tip += [["value", v] for v in d.get("values", [])[:8]]
        if d.get("transit"):
            tip.append(["transit", "victims pass through this country"])
        tip += _quotes(d.get("evidence", []), reader)
        tip.append(["IRI", iri])
        extra = {}
        if geo and "lat" in d:
            # about 1:1 on screen for a continent (the fit then keeps labels legible); north is up
            extra = {"x": d["long"] * 8, "y": -d["lat"] * 10, "fixed": True, "physics": False}
        net.add_node(
            iri, label=("allegation: " if d.get("allegation") else "") + _short(label),
            shape=SHAPES.get(group, "dot"), color=NODE_COLOURS.get(group, NODE_COLOURS["other"]),
            size=22 if d.get("center") else 14, borderWidth=5 if d.get("transit") else 1,
            heading=label, tip=tip, url=_url(iri, base_url), allegation=bool(d.get("allegation")),
            kzGroup=group, **extra,
        )
    kinds: dict[str, dict] = {}
    for s, o, d in graph.edges(data=True):
        k = _edge_kind(d)
        kinds.setdefault(k, {"count": 0, "dashes": bool(d.get("allegation")) or k == "co-mention"})["count"] += 1
    colours = _edge_colours(list(kinds))
    show_labels = graph.number_of_edges() <= MAX_EDGE_LABELS
    for s, o, key, d in graph.edges(keys=True, data=True):
        kind = _edge_kind(d)
        relation = d.get("relation", "link")
        label = d.get("label") or relation + (f" · {d['date']}" if d.get("date") else "")
        if d.get("allegation"):
            label = "allegation · " + label
        tip = [["relation", relation], ["from", graph.nodes[s].get("label", s)], ["to", graph.nodes[o].get("label", o)]]
        tip += [[k, d[k]] for k in ("date", "role", "note", "victims", "via_places", "flows") if d.get(k)]
        if d.get("transit"):
            tip.append(["transit", "this leg runs to or from a transit country"])
        tip.append(["source", d.get("source") or "(no cited source recorded)"])
        tip += _quotes(d.get("evidence", []), reader)
        net.add_edge(
            s, o, label=_short(label, 40) if show_labels else "", color=colours[kind],
            dashes=[6, 4] if kinds[kind]["dashes"] else False, width=1 + 2 * min(d.get("width", 1), 6) ** 0.5,
            arrows="to" if d.get("directed", True) else {"to": {"enabled": False}}, heading=("allegation · " if d.get("allegation") else "") + relation,
            tip=tip, allegation=bool(d.get("allegation")), kzKind=kind, **_bend(graph, s, o, key),
        )
    notes = list(view.notes)
    if graph.number_of_nodes():
        notes.append("Hover a node or an edge for its relation, date, source and evidence; click to keep it in "
                     "the panel" + ("; double-click a node to open its page." if base_url else "."))
    if not show_labels:
        notes.append(f"Edge labels are hidden above {MAX_EDGE_LABELS} edges: hover an edge to read it.")
    notes.append("Schema, provenance and document nodes are hidden.")
    if reader is None or reader.doc is None:
        notes.append("Evidence is shown by sentence ID only: the source document was not available.")
    options = {
        "physics": {
            "enabled": True, "solver": "forceAtlas2Based",
            "forceAtlas2Based": {"gravitationalConstant": -70, "springLength": 110, "avoidOverlap": 0.5},
            "stabilization": {"enabled": True, "iterations": min(1000, 150 + 2 * n_nodes), "updateInterval": 50, "fit": True},
        },
        "nodes": {"font": {"size": 14 if n_nodes <= 200 else 11, "strokeWidth": 3, "strokeColor": "#ffffff"}},
        "edges": {"font": {"size": 10, "align": "middle", "strokeWidth": 3, "strokeColor": "#ffffff"},
                  "smooth": {"enabled": True, "type": "continuous"}, "arrows": {"to": {"scaleFactor": 0.6}}},
        "interaction": {"hover": True, "tooltipDelay": 120, "hideEdgesOnDrag": n_nodes > 200},
    }
    if net.nodes and all(n.get("fixed") for n in net.nodes):
        options["physics"] = {"enabled": False}  # every node sits at its coordinates: nothing to simulate
    legend = {
        "nodes": [{"label": g, "color": NODE_COLOURS.get(g, NODE_COLOURS["other"]), "count": n}
                  for g, n in sorted(groups.items(), key=lambda x: (-x[1], x[0]))],
        "edges": [{"label": k + (" (not a finding of guilt)" if k == "allegation" else ""), "color": colours[k],
                   "dashes": v["dashes"], "count": v["count"]} for k, v in sorted(kinds.items(), key=lambda x: (-x[1]["count"], x[0]))],
        "notes": notes,
    }
    return {"title": view.title, "nodes": net.nodes, "edges": net.edges, "legend": legend, "options": options}


def view_to_html(view, base_url: str | None = None, reader: EvidenceReader | None = None) -> str:
    """The view as one HTML page with vis-network inlined: no CDN, no files beside it."""
    data = network_data(view, base_url, reader)
    return Template(_asset("page.html")).substitute(
        title=escape(view.title), css=_asset("page.css"), data=_json_for_script(data),
        visjs=_vis_js(), js=_asset("page.js"),
    )


def write_html(html: str, path: Path) -> None:
    """Write a page atomically (a temporary file beside it, then a rename)."""
    with atomic_output(Path(path)) as tmp:
        tmp.write_text(html, encoding="utf-8")


def view_html(name: str, store: ox.Store | None = None, base_url: str | None = None,
              sources_dir: Path | None = None, **params) -> str:
    """The named view as HTML: what ``kazcrime view NAME`` writes and the web page serves.

    :raises NotFound: for an unknown view, entity or case.
    """
    from .store import open_store
    from .views import build_view

    view = build_view(store if store is not None else open_store(), name, **params)
    return view_to_html(view, base_url, EvidenceReader(sources_dir))


def query_network_html(store: ox.Store, query: str, base_url: str | None = None,
                       sources_dir: Path | None = None) -> str:
    """A SPARQL query's result drawn as a network (the web page's "show as network").

    :raises QueryError: for a malformed or ASK query.
    """
    from .views import query_network

    return view_to_html(query_network(store, query), base_url, EvidenceReader(sources_dir))


def render_query_result_as_network(store: ox.Store, sparql: str, base_url: str | None = None) -> str:
    """Alias of :func:`query_network_html`, the name the web layer asked for."""
    return query_network_html(store, sparql, base_url)
