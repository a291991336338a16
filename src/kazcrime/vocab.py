"""The ontology and its code lists, read from ``ontology/*.ttl`` (vocabularies are data, not code).

:class:`Vocabulary` answers the questions the facts loader asks: is this a class, is this a
property (and of which kind and range), is this a concept. Namespaces live here once.
"""

from __future__ import annotations

from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path

from .paths import project_root

__all__ = ["BASE", "KZC", "KZ", "KZV", "KZG", "KZD", "KZF", "KZS", "compact", "PREFIXES", "Vocabulary", "load_vocabulary", "ontology_files"]

BASE = "https://w3id.org/kazcrime/"
#: Ontology terms (classes and properties).
KZC = BASE + "ontology#"
#: Curated records: entities, events, claims, flows, statistics.
KZ = BASE + "id/"
#: SKOS concepts of the code lists.
KZV = BASE + "concept/"
#: Named graphs.
KZG = BASE + "graph/"
#: Source documents and their passages.
KZD = BASE + "doc/"
#: Fact records (the provenance of one relation).
KZF = BASE + "fact/"
#: Cited sources (reports, articles) and documents speaking in their own voice.
KZS = BASE + "source/"

#: Prefixes used in facts files, saved queries and serialisations.
PREFIXES = {
    "kzc": KZC,
    "kz": KZ,
    "kzv": KZV,
    "kzg": KZG,
    "kzd": KZD,
    "kzf": KZF,
    "kzs": KZS,
    "rdf": "http://www.w3.org/1999/02/22-rdf-syntax-ns#",
    "rdfs": "http://www.w3.org/2000/01/rdf-schema#",
    "owl": "http://www.w3.org/2002/07/owl#",
    "xsd": "http://www.w3.org/2001/XMLSchema#",
    "skos": "http://www.w3.org/2004/02/skos/core#",
    "prov": "http://www.w3.org/ns/prov#",
    "org": "http://www.w3.org/ns/org#",
    "foaf": "http://xmlns.com/foaf/0.1/",
    "schema": "https://schema.org/",
    "qb": "http://purl.org/linked-data/cube#",
    "dcterms": "http://purl.org/dc/terms/",
    "oa": "http://www.w3.org/ns/oa#",
    "geo": "http://www.w3.org/2003/01/geo/wgs84_pos#",
    "wd": "http://www.wikidata.org/entity/",
    "wdt": "http://www.wikidata.org/prop/direct/",
    "gn": "http://www.geonames.org/ontology#",
}


def compact(iri: str) -> str:
    """An IRI as a prefixed name when a known prefix covers it (for tables people read).

    >>> compact("https://w3id.org/kazcrime/id/almaty"), compact("http://example.org/x")
    ('kz:almaty', 'http://example.org/x')
    """
    best = max((ns for ns in PREFIXES.values() if iri.startswith(ns)), key=len, default=None)
    if best is None or "/" in iri[len(best):] or "#" in iri[len(best):]:
        return iri
    prefix = next(k for k, v in PREFIXES.items() if v == best)
    return f"{prefix}:{iri[len(best):]}"


def ontology_files(root: Path | None = None) -> list[Path]:
    """The Turtle files that make up the ontology (shapes excluded), in a fixed order."""
    folder = (root or project_root()) / "ontology"
    return sorted(p for p in folder.glob("*.ttl") if p.name != "shapes.ttl")


@dataclass(frozen=True)
class Vocabulary:
    """Classes, properties (with kind and range) and concepts of the ontology."""

    classes: frozenset[str]
    object_properties: frozenset[str]
    datatype_properties: dict[str, str | None]
    concepts: dict[str, str]

    def property_kind(self, iri: str) -> str | None:
        """``"object"``, ``"datatype"`` or None for an unknown property IRI."""
        if iri in self.object_properties:
            return "object"
        if iri in self.datatype_properties:
            return "datatype"
        return None


@lru_cache(maxsize=4)
def load_vocabulary(root: Path | None = None) -> Vocabulary:
    """Parse the ontology files once and index their terms.

    :raises SyntaxError: with file and line when a Turtle file does not parse.
    """
    import rdflib
    from rdflib.namespace import OWL, RDF, RDFS, SKOS

    graph = rdflib.Graph()
    for path in ontology_files(root):
        try:
            graph.parse(path, format="turtle")
        except Exception as exc:  # rdflib raises its own BadSyntax
            raise SyntaxError(f"{path}: {exc}") from exc
    classes = frozenset(str(c) for c in graph.subjects(RDF.type, OWL.Class) if str(c).startswith(KZC))
    obj = frozenset(str(p) for p in graph.subjects(RDF.type, OWL.ObjectProperty))
    dat = {
        str(p): (str(graph.value(p, RDFS.range)) if graph.value(p, RDFS.range) else None)
        for p in graph.subjects(RDF.type, OWL.DatatypeProperty)
    }
    concepts = {str(c)[len(KZV) :]: str(c) for c in graph.subjects(RDF.type, SKOS.Concept) if str(c).startswith(KZV)}
    return Vocabulary(classes, obj, dat, concepts)
