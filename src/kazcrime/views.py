"""Network views: networkx projections of the RDF, one function per view, each driven by a SPARQL file.

The SPARQL of every projection lives in ``viewqueries/*.rq``; the functions here only shape rows
into a :class:`networkx.MultiDiGraph` and attach what a reader needs to trust an edge: the relation,
its date, the source that states it and the IDs of its evidence sentences (the text is read from the
document when the view is rendered). Schema, provenance and document nodes never enter a view.

>>> from kazcrime.store import load_memory_store
>>> from kazcrime.paths import project_root
>>> view = build_view(load_memory_store(project_root() / "graph" / "kazcrime.nq"), "institutions")
>>> view.name, view.graph.number_of_nodes() > 0
('institutions', True)
"""

from __future__ import annotations

import inspect
from collections import defaultdict
from dataclasses import dataclass, field
from functools import lru_cache
from importlib import resources
from typing import Callable

import networkx as nx
import pyoxigraph as ox

from .cards import find_entity
from .errors import NotFound, QueryError
from .queries import run_query
from .vocab import BASE, KZC, KZG

__all__ = ["View", "ViewSpec", "VIEWS", "build_view", "view_query", "query_network", "case_iris", "GROUPS"]

SOURCE_GRAPHS = KZG + "source/"
SKOS_CONCEPT = "http://www.w3.org/2004/02/skos/core#Concept"
#: Namespaces of schema, provenance and document resources: never drawn as nodes.
HIDDEN = (KZC, KZG, BASE + "doc/", BASE + "fact/", BASE + "source/", "http://www.w3.org/")
#: Legend groups of nodes, keyed by class local name: a node takes its nearest listed ancestor class.
GROUPS = {
    "Allegation": "allegation (accusation or charge)",
    "LegalAction": "legal action",
    "Event": "event",
    "Person": "person",
    "Court": "court",
    "LawEnforcementAgency": "law-enforcement agency",
    "GovernmentBody": "government body",
    "Bank": "bank",
    "Company": "company",
    "CriminalGroup": "criminal group",
    "InternationalOrganization": "international organisation",
    "Organization": "other organisation",
    "EthnicGroup": "ethnic or national group",
    "PeopleGroup": "group of people",
    "Post": "post",
    "Country": "country",
    "Border": "border",
    "City": "city",
    "Region": "region",
    "Place": "place",
    "Case": "case",
    "Law": "law or convention",
    "TraffickingFlow": "trafficking flow",
    "SmugglingActivity": "smuggling activity",
    "Claim": "claim",
    "Concept": "concept",
}


@dataclass
class View:
    """A projected graph with its title and the notes its legend must show."""

    name: str
    title: str
    graph: nx.MultiDiGraph
    notes: list[str] = field(default_factory=list)
    layout: str = "force"  # "force", or "geo" when nodes carry lat/long


@dataclass(frozen=True)
class ViewSpec:
    """A named view: the function that builds it and the parameters it takes by default."""

    name: str
    title: str
    build: Callable[..., View]
    defaults: dict = field(default_factory=dict)
    needs_entity: bool = False


@lru_cache(maxsize=None)
def view_query(name: str) -> str:
    """The text of ``viewqueries/<name>.rq``."""
    return resources.files("kazcrime").joinpath("viewqueries", f"{name}.rq").read_text(encoding="utf-8")


def _rows(store: ox.Store, name: str, **bindings: str) -> list[ox.QuerySolution]:
    subs = {ox.Variable(k): ox.NamedNode(v) for k, v in bindings.items()}
    try:
        return list(store.query(view_query(name), use_default_graph_as_union=True, substitutions=subs))
    except (SyntaxError, OSError) as exc:
        raise QueryError(f"viewqueries/{name}.rq failed: {exc}") from exc


def _v(sol: ox.QuerySolution, name: str) -> str | None:
    term = sol[name]
    return None if term is None else term.value


def _local(iri: str) -> str:
    return iri.rsplit("#", 1)[-1].rsplit("/", 1)[-1]


def _hidden(iri: str) -> bool:
    return iri.startswith(HIDDEN)


def _add(graph: nx.MultiDiGraph, s: str, o: str, rel: str, **attrs) -> None:
    """Add an edge; the same statement found in several source graphs becomes one edge citing them all."""
    if _hidden(s) or _hidden(o):
        return
    attrs = {k: v for k, v in attrs.items() if v is not None}
    key = f"{rel}|{attrs.get('kind', '')}|{attrs.get('event', '')}"
    if graph.has_edge(s, o, key):
        old = graph[s][o][key]
        ids = set(filter(None, f"{old.get('source_id', '')}; {attrs.get('source_id', '')}".split("; ")))
        old["source_id"] = "; ".join(sorted(ids)) or None
        return
    graph.add_edge(s, o, key=key, rel=rel, **attrs)


def _source_id(graph_iri: str | None) -> str | None:
    return graph_iri.removeprefix(SOURCE_GRAPHS) if graph_iri and graph_iri.startswith(SOURCE_GRAPHS) else None


# --- enrichment shared by every view -------------------------------------------------------------


def _class_tree(store: ox.Store) -> tuple[dict[str, list[str]], dict[str, str]]:
    parents: dict[str, list[str]] = defaultdict(list)
    labels = {}
    for r in _rows(store, "classes"):
        labels[r["class"].value] = r["label"].value
        if r["super"] is not None:
            parents[r["class"].value].append(r["super"].value)
    return dict(parents), labels


def _group(cls: str | None, parents: dict[str, list[str]]) -> str:
    if cls == SKOS_CONCEPT:
        return GROUPS["Concept"]
    frontier, seen = [cls] if cls else [], set()
    while frontier:  # breadth-first: the nearest listed ancestor wins
        nxt = []
        for c in frontier:
            if c.startswith(KZC) and c[len(KZC):] in GROUPS:
                return GROUPS[c[len(KZC):]]
            seen.add(c)
            nxt += [p for p in parents.get(c, []) if p not in seen]
        frontier = nxt
    return "other"


def _describe(store: ox.Store, iris: set[str]) -> dict[str, dict]:
    if not iris:
        return {}
    values = "VALUES ?x { " + " ".join(f"<{i}>" for i in sorted(iris)) + " }"
    text = view_query("nodes").replace("# {values}", values)
    try:
        rows = store.query(text, use_default_graph_as_union=True)
    except (SyntaxError, OSError) as exc:
        raise QueryError(f"viewqueries/nodes.rq failed: {exc}") from exc
    return {r["x"].value: {k: _v(r, k) for k in ("label", "type", "comment", "date", "allegation")} for r in rows}


def _evidence(store: ox.Store) -> tuple[dict[str, set[str]], dict[tuple[str, str, str], set[str]]]:
    records: dict[str, set[str]] = defaultdict(set)
    facts: dict[tuple[str, str, str], set[str]] = defaultdict(set)
    for r in _rows(store, "evidence"):
        sid = _local(r["sentence"].value)
        if r["x"] is not None:
            records[r["x"].value].add(sid)
        else:
            facts[(r["s"].value, r["p"].value, r["o"].value)].add(sid)
    return records, facts


def _alleged(store: ox.Store) -> tuple[set[str], set[tuple[str, str, str]]]:
    """Records and relations that their source states only as alleged or reported."""
    records, facts = set(), set()
    for r in _rows(store, "alleged"):
        if r["x"] is not None:
            records.add(r["x"].value)
        else:
            facts.add((r["s"].value, r["p"].value, r["o"].value))
    return records, facts


def _qualifiers(store: ox.Store) -> dict[tuple[str, str, str], dict[str, str]]:
    """The role and note a source adds to a relation, by (subject, predicate, object)."""
    found: dict[tuple[str, str, str], dict[str, str]] = defaultdict(dict)
    for r in _rows(store, "qualifiers"):
        triple = (r["s"].value, r["p"].value, r["o"].value)
        for key in ("role", "note"):
            if r[key] is not None:
                found[triple].setdefault(key, r[key].value)
    return found


def _finish(store: ox.Store, view: View) -> View:
    """Attach labels, classes, legend groups, sources and evidence IDs to the nodes and edges.

    Accusations and charges, and whatever a source states only as alleged (``kzc:allegedly``), are
    marked as allegations, on the node or on the edge.
    """
    graph = view.graph
    parents, class_labels = _class_tree(store)
    rels = {d["rel"] for _, _, d in graph.edges(data=True) if "://" in d.get("rel", "")}
    info = _describe(store, set(graph.nodes) | rels)
    records, facts = _evidence(store)
    alleged_records, alleged_facts = _alleged(store)
    qualifiers = _qualifiers(store)
    sources = {r["source"].value.rsplit("/", 1)[-1]: r["label"].value for r in _rows(store, "sources")}
    for iri, data in graph.nodes(data=True):
        d = info.get(iri, {})
        cls = d.get("type")
        data.setdefault("label", d.get("label") or _local(iri))
        data["iri"] = iri
        data["class"] = class_labels.get(cls, _local(cls)) if cls else "resource"
        data["group"] = _group(cls, parents)
        data["allegation"] = d.get("allegation") == "true" or iri in alleged_records
        for key in ("comment", "date"):
            if d.get(key) and key not in data:
                data[key] = d[key]
        data.setdefault("evidence", sorted(records.get(iri, ())))
    for s, o, data in graph.edges(data=True):
        rel = data.get("rel", "")
        data.setdefault("relation", (info.get(rel, {}).get("label") or _local(rel)) if rel else "link")
        data.setdefault("kind", data["relation"])
        triple = data.pop("fact", (s, rel, o))
        if triple in alleged_facts:
            data["allegation"] = True
        for key, value in qualifiers.get(triple, {}).items():
            data.setdefault(key, value)
        if "evidence" not in data:
            # a record's own properties rest on the record's evidence; relations on their fact record's
            found = facts.get(triple) or records.get(data.get("event", s), set())
            data["evidence"] = sorted(found)
        if data.get("source_id"):
            data["source"] = "; ".join(sources.get(x, x) for x in sorted(set(data.pop("source_id").split("; "))))
        if graph.nodes[s]["allegation"] or graph.nodes[o]["allegation"] or data.get("allegation"):
            data["allegation"] = True
    return view


# --- the views ------------------------------------------------------------------------------------


def case_iris(store: ox.Store, hint: str) -> list[str]:
    """The IRIs of the cases a hint names: a case's ID or label, or a word of its labels (``BTA``, ``Giffen``).

    An ID or full label names one case; a word names every case whose labels contain it (the BTA affair
    has two proceedings, so ``BTA`` draws both).

    :raises NotFound: when no case matches.
    """
    cases = {
        r["x"].value: " ".join(filter(None, [r["x"].value, _v(r, "label"), _v(r, "alt")])).lower()
        for r in store.query(
            "SELECT ?x (SAMPLE(?l) AS ?label) (GROUP_CONCAT(?a) AS ?alt) WHERE { ?x a <%sCase> "
            "OPTIONAL { ?x <http://www.w3.org/2000/01/rdf-schema#label> ?l } "
            "OPTIONAL { ?x <http://www.w3.org/2004/02/skos/core#altLabel> ?a } } GROUP BY ?x" % KZC,
            use_default_graph_as_union=True,
        )
    }
    try:
        iri = find_entity(store, hint)
        if iri in cases:
            return [iri]
    except NotFound:
        pass
    hits = sorted(i for i, text in cases.items() if hint.lower() in text)
    if hits:
        return hits
    known = ", ".join(sorted(_local(c) for c in cases)) or "none yet"
    raise NotFound(f"no case in the graph matches {hint!r} (cases: {known})")


def case_network(store: ox.Store, entity: str, missing_ok: bool = False) -> View:
    """The cases ``entity`` names: their events as nodes (agent → event → target, roles as edges) and their
    people's relations.

    With ``missing_ok`` a case the graph does not hold yet gives an empty view that says so.
    """
    try:
        iris = case_iris(store, entity)
    except NotFound as exc:
        if not missing_ok:
            raise
        return View("case", f"Case network: {entity}", nx.MultiDiGraph(), [f"Nothing to show yet: {exc}."])
    graph = nx.MultiDiGraph()
    for iri in iris:
        for r in _rows(store, "case", case=iri):
            _add(graph, r["s"].value, r["o"].value, r["rel"].value, event=_v(r, "event"), date=_v(r, "date"),
                 source_id=_source_id(_v(r, "g")))
    notes = ["Legal actions are drawn as event nodes: agent → action → target, dated.",
             "Allegations (accusations, charges) are marked as allegations: they are not findings of guilt."]
    if len(iris) > 1:
        notes.insert(0, f"{len(iris)} cases: {', '.join(_local(i) for i in iris)}.")
    return _finish(store, View("case", f"Case network: {', '.join(_local(i) for i in iris)}", graph, notes))


def trafficking_flows(store: ox.Store, geo: bool = False) -> View:
    """Countries linked by trafficking flows: origin → (transit) → destination, one edge per exploitation."""
    places = {r["place"].value: r for r in _rows(store, "places")}
    country = {p: _v(r, "country") or p for p, r in places.items()}
    flows: dict[str, dict[str, set]] = defaultdict(lambda: defaultdict(set))
    for r in _rows(store, "trafficking"):
        f = flows[r["flow"].value]
        for key in ("origin", "transit", "destination", "exploitation", "victims", "date", "g"):
            if r[key] is not None:
                f[key].add(r[key].value)
    legs: dict[tuple[str, str, str], dict[str, set]] = defaultdict(lambda: defaultdict(set))
    transit_nodes = set()
    for flow, f in flows.items():
        stops = [f["origin"], f["transit"], f["destination"]] if f["transit"] else [f["origin"], f["destination"]]
        for a_set, b_set in zip(stops, stops[1:]):
            for a in a_set:
                for b in b_set:
                    for form in f["exploitation"] or {"unspecified"}:
                        leg = legs[(country.get(a, a), country.get(b, b), form)]
                        leg["flows"].add(flow)
                        leg["places"].update({a, b} - {country.get(a, a), country.get(b, b)})
                        leg["victims"].update(f["victims"])
                        leg["dates"].update(f["date"])
                        leg["sources"].update(filter(None, map(_source_id, f["g"])))
        transit_nodes.update(country.get(t, t) for t in f["transit"])
    names = _describe(store, {form for _, _, form in legs} | {v for leg in legs.values() for v in leg["victims"]})
    records, _ = _evidence(store)
    graph = nx.MultiDiGraph()
    for (a, b, form), leg in sorted(legs.items()):
        form_label = (names.get(form, {}).get("label") or "exploitation not stated")
        _add(
            graph, a, b, KZC + "TraffickingFlow", relation="trafficking flow", kind=form_label,
            label=f"{form_label} ({len(leg['flows'])})", width=len(leg["flows"]),
            date="; ".join(sorted(leg["dates"])) or None,
            victims="; ".join(sorted(names.get(v, {}).get("label") or _local(v) for v in leg["victims"])) or None,
            via_places="; ".join(sorted(_local(p) for p in leg["places"])) or None,
            flows="; ".join(sorted(_local(x) for x in leg["flows"])), source_id="; ".join(sorted(leg["sources"])) or None,
            transit=a in transit_nodes or b in transit_nodes,
            evidence=sorted(set().union(*(records.get(x, set()) for x in leg["flows"]))),
        )
    notes = ["Edge colour: form of exploitation; edge width: number of distinct flows.",
             "Cities and regions are folded into their country; a thick border marks a transit country."]
    for n in graph.nodes:
        graph.nodes[n]["transit"] = n in transit_nodes
    view = View("trafficking-map" if geo else "trafficking-flows",
                "Trafficking flows" + (" (geographic layout)" if geo else ""), graph, notes)
    if geo:
        view.layout = "geo"
        missing = []
        for n in graph.nodes:
            r = places.get(n)
            if r is not None and r["lat"] is not None and r["long"] is not None:
                graph.nodes[n]["lat"], graph.nodes[n]["long"] = float(r["lat"].value), float(r["long"].value)
            else:
                missing.append(n)
        if missing:
            view.notes.append(f"{len(missing)} of {graph.number_of_nodes()} places have no coordinates in the graph "
                              "(no GeoNames link yet): they are placed by the force layout.")
    if not flows:
        view.notes.append("The graph holds no trafficking flows yet.")
    return _finish(store, view)


def drug_routes(store: ox.Store) -> View:
    """Smuggling routes (origin → via → destination per commodity) and the groups that trade along them."""
    acts: dict[str, dict[str, set]] = defaultdict(lambda: defaultdict(set))
    graph = nx.MultiDiGraph()
    for r in _rows(store, "drugs"):
        s, rel, o = r["s"].value, r["rel"].value, r["o"].value
        if _v(r, "event"):
            a = acts[s]
            a[_local(rel)].add(o)
            a["g"].add(_v(r, "g"))
            if r["date"] is not None:
                a["date"].add(r["date"].value)
        else:
            _add(graph, s, o, rel, source_id=_source_id(_v(r, "g")))
    commodities = _describe(store, {c for a in acts.values() for c in a["commodity"]})
    for act, a in acts.items():
        what = ", ".join(sorted(commodities.get(c, {}).get("label") or _local(c) for c in a["commodity"])) or "goods"
        common = dict(event=act, date="; ".join(sorted(a["date"])) or None,
                      source_id="; ".join(sorted(filter(None, map(_source_id, a["g"])))) or None)
        for actor in a["actor"]:
            for c in a["commodity"]:
                _add(graph, actor, c, KZC + "commodity", relation="trades", kind="trades", **common)
        stops = [x for x in (a["origin"], a["via"], a["destination"]) if x]
        if len(stops) == 1 and a["actor"]:
            stops = [a["actor"]] + stops
        for a_set, b_set in zip(stops, stops[1:]):
            for x in a_set:
                for y in b_set:
                    _add(graph, x, y, KZC + "via", relation=f"route: {what}", kind=f"route: {what}",
                         label=what, **common)
    notes = ["Routes run origin → via → destination as each smuggling activity states them; "
             "the Afghanistan → Central Asia → Russia/Europe corridor appears as the chain of such legs."]
    if not acts:
        notes.append("The graph holds no smuggling activities yet.")
    return _finish(store, View("drug-routes", "Drug routes and organised crime", graph, notes))


#: Roles that point from an event to whoever carries it out: drawn actor → event.
ACTOR_ROLES = {KZC + "agent", KZC + "claimant", KZC + "actor"}
#: Inverse properties folded into one direction in the institutions view.
FOLD = {"supervisedBy": "supervises", "predecessorOf": "successorOf", "ledBy": "leads"}


def institutions(store: ox.Store) -> View:
    """Agencies, ministries, posts and international bodies: oversight, reporting, succession, membership."""
    graph = nx.MultiDiGraph()
    seen = set()
    for r in _rows(store, "institutions"):
        s, rel, o = r["s"].value, r["rel"].value, r["o"].value
        name = _local(rel)
        if name in FOLD:
            key = (o, KZC + FOLD[name], s)
        else:
            key = (s, rel, o)
        if key in seen:
            continue
        seen.add(key)
        _add(graph, key[0], key[2], key[1], fact=(s, rel, o), date=_v(r, "date"), source_id=_source_id(_v(r, "g")))
    notes = ["Inverse statements (supervised by, predecessor of, led by) are drawn in one direction."]
    return _finish(store, View("institutions", "Institutions: oversight, reporting, succession", graph, notes))


def _relations_graph(store: ox.Store) -> nx.MultiDiGraph:
    graph = nx.MultiDiGraph()
    for r in _rows(store, "relations"):
        s, rel, o = r["s"].value, r["rel"].value, r["o"].value
        ends = (o, s) if rel in ACTOR_ROLES else (s, o)  # who acts → the event, as in the case view
        _add(graph, *ends, rel, fact=(s, rel, o), event=s, date=_v(r, "date"), source_id=_source_id(_v(r, "g")))
    return graph


def relations(store: ox.Store) -> View:
    """Every asserted link between curated records (events included as nodes)."""
    return _finish(store, View("relations", "All asserted relations", _relations_graph(store)))


def ego(store: ox.Store, entity: str, depth: int = 2, limit: int = 500) -> View:
    """The neighbourhood of one entity to ``depth`` steps, in either direction, nearest first."""
    center = find_entity(store, entity)
    full = _relations_graph(store)
    if center not in full:
        full.add_node(center)
    dist = nx.single_source_shortest_path_length(full.to_undirected(as_view=True), center, cutoff=depth)
    keep = sorted(dist, key=lambda n: (dist[n], n))[:limit]
    view = View("ego", f"Neighbourhood of {_local(center)} (depth {depth})", full.subgraph(keep).copy())
    if len(dist) > limit:
        view.notes.append(f"Showing the {limit} nearest of {len(dist)} entities within depth {depth}.")
    view.graph.nodes[center]["center"] = True
    return _finish(store, view)


def co_mentions(store: ox.Store, entity: str | None = None) -> View:
    """Named things cited by the same evidence sentence: co-mention, not a relation."""
    graph = nx.MultiDiGraph()
    center = find_entity(store, entity) if entity else None
    for r in _rows(store, "comentions"):
        a, b = r["a"].value, r["b"].value
        if center and center not in (a, b):
            continue
        n = int(r["n"].value)
        _add(graph, a, b, "co-mention", relation="co-mention (named in the same sentence)", kind="co-mention",
             label=f"co-mention ×{n}" if n > 1 else "co-mention", width=n, directed=False,
             evidence=sorted(_local(x) for x in r["sentences"].value.split()))
    notes = ["Co-mention means two things are named in the same evidence sentence; it is not a relation."]
    return _finish(store, View("co-mentions", "Co-mention network", graph, notes))


def query_network(store: ox.Store, query: str) -> View:
    """Any SPARQL result as a network: CONSTRUCT triples as edges, or each SELECT row linking its IRIs.

    :raises QueryError: when the query is malformed or is an ASK query.
    """
    result = run_query(store, query)
    graph = nx.MultiDiGraph()
    if isinstance(result, ox.QueryBoolean):
        raise QueryError("an ASK query has no network to show; use SELECT or CONSTRUCT")
    if isinstance(result, ox.QueryTriples):
        for t in result:
            if isinstance(t.object, ox.NamedNode):
                _add(graph, t.subject.value, t.object.value, t.predicate.value)
            elif not _hidden(t.subject.value):
                graph.add_node(t.subject.value)
                graph.nodes[t.subject.value].setdefault("values", []).append(f"{_local(t.predicate.value)}: {t.object.value}")
    else:
        names = [v.value for v in result.variables]
        for sol in result:
            iris = [(n, sol[n].value) for n in names if isinstance(sol[n], ox.NamedNode) and not _hidden(sol[n].value)]
            literals = [f"{n}: {sol[n].value}" for n in names if sol[n] is not None and not isinstance(sol[n], ox.NamedNode)]
            if not iris:
                continue
            first = iris[0][1]
            graph.add_node(first)
            graph.nodes[first].setdefault("values", []).extend(literals)
            for col, iri in iris[1:]:
                _add(graph, first, iri, col, relation=col, kind=col)
    view = View("query", "Query result as a network", graph,
                ["Each result row links its first IRI to the others; other values are in the tooltips."])
    return _finish(store, view)


VIEWS: dict[str, ViewSpec] = {
    spec.name: spec
    for spec in [
        ViewSpec("bta-case", "The Ablyazov / BTA Bank case", case_network, {"entity": "BTA", "missing_ok": True}),
        ViewSpec("giffen-case", "The Giffen case", case_network, {"entity": "Giffen", "missing_ok": True}),
        ViewSpec("case", "Any case (--entity names it)", case_network, needs_entity=True),
        ViewSpec("trafficking-flows", "Trafficking flows between countries", trafficking_flows),
        ViewSpec("trafficking-map", "Trafficking flows, geographic layout", trafficking_flows, {"geo": True}),
        ViewSpec("drug-routes", "Drug routes and organised crime", drug_routes),
        ViewSpec("institutions", "Institutions: oversight, reporting, succession, posts", institutions),
        ViewSpec("ego", "Neighbourhood of one entity (--entity, --depth)", ego, needs_entity=True),
        ViewSpec("co-mentions", "Entities named in the same sentence", co_mentions),
        ViewSpec("relations", "All asserted relations between records", relations),
    ]
}


def build_view(store: ox.Store, name: str, **params) -> View:
    """Build the named view; ``params`` (entity, depth, ...) override the view's defaults.

    :raises NotFound: for an unknown view name, or an entity or case not in the graph.
    :raises ValueError: when a view that needs ``entity`` is given none.
    """
    spec = VIEWS.get(name)
    if spec is None:
        raise NotFound(f"no view named {name!r}; `kazcrime view --list` shows them")
    accepted = inspect.signature(spec.build).parameters
    args = {**spec.defaults, **{k: v for k, v in params.items() if v is not None and k in accepted}}
    if spec.needs_entity and not args.get("entity"):
        raise ValueError(f"the {name!r} view needs an entity (--entity ID)")
    view = spec.build(store, **args)
    view.name = name
    if not spec.needs_entity and args.get("entity") == spec.defaults.get("entity"):
        view.title = spec.title
    return view
