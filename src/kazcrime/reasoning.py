"""OWL 2 RL reasoning with owlrl, kept to what users need to see.

The reasoner runs on the ontology plus the asserted facts only (not on provenance or the document
segmentation), so the closure stays small. What it adds about our own records (types from the class
hierarchy, inverse and symmetric relations, transitive places) becomes the ``graph/inferred`` named
graph; schema-level and trivial consequences are dropped.
"""

from __future__ import annotations

from .vocab import KZ, KZG, PREFIXES

__all__ = ["infer", "REASONED_GRAPHS"]

#: Named graphs (by prefix) that the reasoner reads.
REASONED_GRAPHS = (KZG + "ontology", KZG + "entities", KZG + "source/")
_TRIVIAL_TYPES = {PREFIXES["owl"] + "Thing", PREFIXES["rdfs"] + "Resource", PREFIXES["owl"] + "NamedIndividual"}


def infer(dataset) -> set[tuple]:
    """The triples OWL 2 RL adds about kazcrime records, given the ontology and asserted facts."""
    import owlrl
    import rdflib

    graph = rdflib.Graph()
    for named in dataset.graphs():
        name = str(named.identifier)
        if any(name.startswith(prefix) for prefix in REASONED_GRAPHS):
            for triple in named:
                graph.add(triple)
    before = set(graph)
    owlrl.DeductiveClosure(owlrl.OWLRL_Semantics, axiomatic_triples=False, datatype_axioms=False).expand(graph)
    same_as = rdflib.OWL.sameAs
    kept = set()
    for s, p, o in set(graph) - before:
        if not isinstance(s, rdflib.URIRef) or not str(s).startswith(KZ):
            continue
        if isinstance(o, rdflib.BNode) or (p == same_as and s == o):
            continue
        if p == rdflib.RDF.type and str(o) in _TRIVIAL_TYPES:
            continue
        kept.add((s, p, o))
    return kept
