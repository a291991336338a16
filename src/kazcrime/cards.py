"""Entity cards: everything the graph says about one entity, with sources and evidence sentences.

A card is plain data (:class:`Card`), so the CLI prints it and the web page renders it from the
same structure. Evidence text is read from the source document at run time, never from the graph;
without the document a card still lists the sentence IDs.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

import pyoxigraph as ox

from .errors import NotFound
from .formats import term_text
from .vocab import KZ, KZC, KZD, KZG, KZS as SOURCE_IRI

__all__ = ["Fact", "Card", "find_entity", "entity_card", "EvidenceReader"]

SOURCE_GRAPHS = KZG + "source/"
ALLEGATION = KZC + "Allegation"


@dataclass
class Fact:
    """One statement about the entity: direction, property, the other end, source and evidence."""

    direction: str  # "out" (entity → value) or "in" (other → entity)
    predicate: str
    predicate_label: str
    other: str
    other_label: str
    other_is_iri: bool
    source: str
    source_label: str
    evidence: list[str]
    allegation: bool = False
    date: str | None = None
    #: what the source adds to the statement itself: the role in which it holds ("chairman (former)") and a note
    role: str | None = None
    note: str | None = None


@dataclass
class Card:
    """An entity's labels, types and facts."""

    iri: str
    label: str
    alt_labels: list[str]
    comment: str | None
    asserted_types: list[str]
    inferred_types: list[str]
    facts: list[Fact] = field(default_factory=list)
    mentions: list[str] = field(default_factory=list)


class EvidenceReader:
    """Reads evidence sentences from the source document, if it is available."""

    def __init__(self, sources_dir=None) -> None:
        self.doc = None
        try:
            from .sources import load_registry

            doc = load_registry(sources_dir=sources_dir).document()
            doc.text  # noqa: B018 - checks the hash
            self.doc = doc
        except Exception:  # noqa: BLE001 - without the document, cards show IDs only
            self.doc = None

    def text(self, sentence_id: str) -> str | None:
        """The sentence's text, or None when the document is not available."""
        if self.doc is None:
            return None
        try:
            return self.doc.passage(sentence_id)
        except NotFound:
            return None


def _one(store: ox.Store, query: str) -> list[ox.QuerySolution]:
    return list(store.query(query, use_default_graph_as_union=True))


def find_entity(store: ox.Store, name: str) -> str:
    """The IRI of an entity given its ID, IRI or (case-insensitive) label.

    :raises NotFound: when nothing matches, or when a label matches several entities.
    """
    iri = name if name.startswith("http") else KZ + name
    if re.fullmatch(r"[^\s<>\"{}|^`\\]+", iri) and bool(store.query(f"ASK {{ GRAPH <{KZG}entities> {{ <{iri}> ?p ?o }} }}")):
        return iri
    needle = name.lower().replace("\\", "\\\\").replace('"', '\\"')
    rows = _one(
        store,
        f"""SELECT DISTINCT ?e WHERE {{ GRAPH <{KZG}entities> {{
              ?e <http://www.w3.org/2000/01/rdf-schema#label>|<http://www.w3.org/2004/02/skos/core#altLabel> ?l }}
              FILTER(LCASE(STR(?l)) = "{needle}") }} ORDER BY ?e""",
    )
    if len(rows) == 1:
        return rows[0]["e"].value
    if len(rows) > 1:
        options = ", ".join(r["e"].value.removeprefix(KZ) for r in rows)
        raise NotFound(f"{name!r} names several entities: {options}")
    raise NotFound(f"no entity {name!r} in the graph (try an ID such as mukhtar-ablyazov, or `kazcrime query` to search)")


def _labels(store: ox.Store, iris: set[str]) -> dict[str, str]:
    if not iris:
        return {}
    values = " ".join(f"<{i}>" for i in sorted(iris))
    rows = _one(
        store,
        f"""SELECT ?x (SAMPLE(?l) AS ?label) WHERE {{ VALUES ?x {{ {values} }}
              ?x <http://www.w3.org/2000/01/rdf-schema#label>|<http://www.w3.org/2004/02/skos/core#prefLabel> ?l }} GROUP BY ?x""",
    )
    return {r["x"].value: r["label"].value for r in rows}


def _local(iri: str) -> str:
    return iri.rsplit("#", 1)[-1].rsplit("/", 1)[-1]


def entity_card(store: ox.Store, name: str) -> Card:
    """Build the card of an entity.

    :raises NotFound: when the entity is not in the graph.
    """
    iri = find_entity(store, name)
    rows = _one(
        store,
        f"""SELECT ?p ?o ?g WHERE {{ GRAPH ?g {{ <{iri}> ?p ?o }}
              FILTER(?g IN (<{KZG}entities>, <{KZG}inferred>)) }}""",
    )
    label, alts, comment, asserted, inferred = _local(iri), [], None, [], []
    for r in rows:
        p, o, g = r["p"].value, r["o"], r["g"].value
        if p.endswith("#label"):
            label = o.value
        elif p.endswith("#altLabel"):
            alts.append(o.value)
        elif p.endswith("#comment"):
            comment = o.value
        elif p.endswith("#type"):
            (asserted if g.endswith("/entities") else inferred).append(o.value)
    card = Card(iri, label, sorted(alts), comment, sorted(asserted), sorted(inferred))
    card.mentions = [
        r["s"].value.rsplit("/", 1)[-1]
        for r in _one(store, f"SELECT ?s WHERE {{ GRAPH <{KZG}provenance> {{ <{iri}> <{KZC}evidence> ?s }} }} ORDER BY ?s")
    ]
    facts = _one(
        store,
        f"""SELECT ?dir ?p ?other ?g (GROUP_CONCAT(DISTINCT STR(?sen); separator=" ") AS ?evidence)
                   (SAMPLE(?isAllegation) AS ?alleged) (SAMPLE(COALESCE(?factDate, ?d)) AS ?date)
                   (SAMPLE(?r) AS ?role) (SAMPLE(?n) AS ?note) WHERE {{
              {{ GRAPH ?g {{ <{iri}> ?p ?other }} BIND("out" AS ?dir) BIND(<{iri}> AS ?s) BIND(?other AS ?o) }}
              UNION
              {{ GRAPH ?g {{ ?other ?p <{iri}> }} BIND("in" AS ?dir) BIND(?other AS ?s) BIND(<{iri}> AS ?o) }}
              FILTER(STRSTARTS(STR(?g), "{SOURCE_GRAPHS}"))
              OPTIONAL {{ GRAPH <{KZG}provenance> {{ ?fact <http://www.w3.org/1999/02/22-rdf-syntax-ns#subject> ?s ;
                          <http://www.w3.org/1999/02/22-rdf-syntax-ns#predicate> ?p ;
                          <http://www.w3.org/1999/02/22-rdf-syntax-ns#object> ?o ; <{KZC}evidence> ?factSen }}
                          OPTIONAL {{ GRAPH ?g {{ ?fact <{KZC}allegedly> true }} BIND(true AS ?factAlleged) }}
                          OPTIONAL {{ GRAPH ?g {{ ?fact <{KZC}role> ?r }} }}
                          OPTIONAL {{ GRAPH ?g {{ ?fact <{KZC}note> ?n }} }}
                          OPTIONAL {{ GRAPH ?g {{ ?fact <{KZC}date> ?factDate }} }} }}
              OPTIONAL {{ GRAPH <{KZG}provenance> {{ ?s <{KZC}evidence> ?recordSen }} }}
              BIND(COALESCE(?factSen, ?recordSen) AS ?sen)
              OPTIONAL {{ GRAPH ?g {{ ?s <{KZC}allegedly> true }} BIND(true AS ?recordAlleged) }}
              OPTIONAL {{ ?other a <{ALLEGATION}> . BIND(true AS ?otherAllegation) }}
              # an accusation or charge, or a relation or record its source states only as alleged
              BIND(COALESCE(?otherAllegation, ?factAlleged, ?recordAlleged) AS ?isAllegation)
              OPTIONAL {{ ?other <{KZC}date> ?d }}
            }} GROUP BY ?dir ?p ?other ?g ORDER BY ?dir ?p ?other ?g""",
    )
    names = _labels(
        store,
        {r["p"].value for r in facts}
        | {r["other"].value for r in facts if isinstance(r["other"], ox.NamedNode)}
        | {SOURCE_IRI + r["g"].value.removeprefix(SOURCE_GRAPHS) for r in facts},
    )
    for r in facts:
        other, g = r["other"], r["g"].value
        source = g.removeprefix(SOURCE_GRAPHS)
        is_iri = isinstance(other, ox.NamedNode)
        evidence = sorted(e.rsplit("/", 1)[-1] for e in term_text(r["evidence"]).split() if e.startswith(KZD))
        card.facts.append(
            Fact(
                r["dir"].value,
                r["p"].value,
                names.get(r["p"].value, _local(r["p"].value)),
                other.value,
                names.get(other.value, _local(other.value)) if is_iri else other.value,
                is_iri,
                source,
                names.get(SOURCE_IRI + source, source),
                evidence,
                allegation=r["alleged"] is not None,
                date=term_text(r["date"]) or None,
                role=term_text(r["role"]) or None,
                note=term_text(r["note"]) or None,
            )
        )
    return card

