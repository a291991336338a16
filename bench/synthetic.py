"""A synthetic dataset shaped like kazcrime's graph, at any size, for benchmarks.

Same classes and properties, same named-graph layout (entities, one graph per source, provenance with
reified fact records, document passages, inferred types), so the saved queries exercise the same
access paths at 10^5 or 10^6 quads as on the real graph.
"""

from __future__ import annotations

import random
from pathlib import Path

KZ = "https://w3id.org/kazcrime/id/"
KZC = "https://w3id.org/kazcrime/ontology#"
KZV = "https://w3id.org/kazcrime/concept/"
KZG = "https://w3id.org/kazcrime/graph/"
KZD = "https://w3id.org/kazcrime/doc/synthetic/"
KZS = "https://w3id.org/kazcrime/source/"
KZF = "https://w3id.org/kazcrime/fact/"
RDF = "http://www.w3.org/1999/02/22-rdf-syntax-ns#"
RDFS = "http://www.w3.org/2000/01/rdf-schema#"
XSD = "http://www.w3.org/2001/XMLSchema#"
PROV = "http://www.w3.org/ns/prov#"
QB = "http://purl.org/linked-data/cube#"

CLASSES = ["Person", "GovernmentBody", "Bank", "Court", "Country", "City", "CriminalGroup", "Region"]
RELATIONS = ["memberOf", "supervises", "reportsTo", "locatedIn", "cooperatesWith", "counselFor", "chairOf", "linkedTo"]
EVENTS = ["Accusation", "Charge", "Arrest", "Conviction", "Ruling", "Extradition", "Deportation"]
MEASURES = ["drug-crimes-registered", "drug-crime-offenders", "prison-population", "police-strength"]
SOURCES = [f"synthetic-source-{i}" for i in range(10)]


def _iri(x: str) -> str:
    return f"<{x}>"


def _lit(value: str, datatype: str | None = None) -> str:
    return f'"{value}"^^<{datatype}>' if datatype else f'"{value}"@en'


def generate(target_quads: int, path: Path, seed: int = 7) -> int:
    """Write about ``target_quads`` N-Quads to ``path``; return the exact count written."""
    rng = random.Random(seed)
    # one "unit" below writes about 36 quads: an entity, a relation with provenance, an event, a figure
    units = max(1, target_quads // 36)
    entities = [f"{KZ}synthetic-entity-{i}" for i in range(units)]
    count = 0
    with path.open("w", encoding="utf-8") as out:

        def quad(s: str, p: str, o: str, g: str) -> None:
            nonlocal count
            out.write(f"{s} {p} {o} {_iri(g)} .\n")
            count += 1

        for i, entity in enumerate(entities):
            cls = CLASSES[i % len(CLASSES)]
            source = SOURCES[i % len(SOURCES)]
            graph = KZG + "source/" + source
            sentence = f"{KZD}sec{i % 20:02d}.p{i % 9:02d}.s{i % 7:02d}-{i}"
            e = _iri(entity)
            quad(e, _iri(RDF + "type"), _iri(KZC + cls), KZG + "entities")
            quad(e, _iri(RDFS + "label"), _lit(f"Entity {i}"), KZG + "entities")
            quad(e, _iri(RDF + "type"), _iri(KZC + "Organization" if cls not in ("Person", "Country", "City", "Region") else KZC + "Place"), KZG + "inferred")
            quad(e, _iri(KZC + "evidence"), _iri(sentence), KZG + "provenance")
            quad(e, _iri(PROV + "wasDerivedFrom"), _iri(KZS + source), KZG + "provenance")
            quad(_iri(sentence), _iri(RDF + "type"), _iri(KZC + "Sentence"), KZG + "document")
            quad(_iri(sentence), _iri(KZC + "start"), _lit(str(i * 40), XSD + "integer"), KZG + "document")
            quad(_iri(sentence), _iri(KZC + "end"), _lit(str(i * 40 + 39), XSD + "integer"), KZG + "document")
            # a relation, reified in provenance
            other = _iri(rng.choice(entities))
            rel = RELATIONS[i % len(RELATIONS)]
            quad(e, _iri(KZC + rel), other, graph)
            fact = _iri(f"{KZF}synthetic-{i}.{rel}")
            for p, o in ((RDF + "type", _iri(KZC + "FactRecord")), (RDF + "subject", e), (RDF + "predicate", _iri(KZC + rel)),
                         (RDF + "object", other), (KZC + "evidence", _iri(sentence)), (PROV + "wasDerivedFrom", _iri(KZS + source))):
                quad(fact, _iri(p), o, KZG + "provenance")
            # an event (legal action) with agent, target, date
            event = _iri(f"{KZ}synthetic-event-{i}")
            kind = EVENTS[i % len(EVENTS)]
            quad(event, _iri(RDF + "type"), _iri(KZC + kind), KZG + "entities")
            quad(event, _iri(RDFS + "label"), _lit(f"Event {i}"), KZG + "entities")
            quad(event, _iri(RDF + "type"), _iri(KZC + "LegalAction"), KZG + "inferred")
            if kind in ("Accusation", "Charge"):
                quad(event, _iri(RDF + "type"), _iri(KZC + "Allegation"), KZG + "inferred")
            quad(event, _iri(KZC + "target"), e, graph)
            quad(event, _iri(KZC + "agent"), other, graph)
            quad(event, _iri(KZC + "date"), _lit(str(1990 + i % 30), XSD + "gYear"), graph)
            quad(event, _iri(KZC + "evidence"), _iri(sentence), KZG + "provenance")
            # a statistic
            obs = _iri(f"{KZ}synthetic-obs-{i}")
            quad(obs, _iri(RDF + "type"), _iri(KZC + "Observation"), KZG + "entities")
            quad(obs, _iri(RDFS + "label"), _lit(f"Figure {i}"), KZG + "entities")
            quad(obs, _iri(QB + "dataSet"), _iri(f"{KZ}synthetic-dataset-{i % 50}"), graph)
            # like the real graph: many measures, each a short annual series (the first ones are the real drug series)
            series = i // 17
            measure = MEASURES[series] if series < len(MEASURES) else f"synthetic-measure-{series}"
            quad(obs, _iri(KZC + "measure"), _iri(KZV + measure), graph)
            quad(obs, _iri(KZC + "unit"), _iri(KZV + "count"), graph)
            quad(obs, _iri(KZC + "refPeriod"), _lit(str(1990 + i % 17), XSD + "gYear"), graph)
            quad(obs, _iri(KZC + "refArea"), other, graph)
            quad(obs, _iri(KZC + "value"), _lit(str(rng.randint(10, 50000)), XSD + "decimal"), graph)
            quad(obs, _iri(KZC + "evidence"), _iri(sentence), KZG + "provenance")
            # a claim now and then, some in conflict
            if i % 5 == 0:
                claim = _iri(f"{KZ}synthetic-claim-{i}")
                quad(claim, _iri(RDF + "type"), _iri(KZC + "Claim"), KZG + "entities")
                quad(claim, _iri(RDFS + "label"), _lit(f"Claim {i}"), KZG + "entities")
                quad(claim, _iri(KZC + "claimant"), e, graph)
                quad(claim, _iri(KZC + "stance"), _iri(KZV + ("denies" if i % 10 else "asserts")), graph)
                quad(claim, _iri(KZC + "about"), event, graph)
                quad(claim, _iri(KZC + "conflictsWith"), _iri(f"{KZ}synthetic-claim-{max(0, i - 5)}"), graph)
                quad(claim, _iri(KZC + "evidence"), _iri(sentence), KZG + "provenance")
        # the ontology and code lists, in their own graph as in the real dataset
        import pyoxigraph as ox

        for path in sorted((Path(__file__).resolve().parents[1] / "ontology").glob("*.ttl")):
            if path.name == "shapes.ttl":
                continue
            for triple in ox.parse(path=str(path), format=ox.RdfFormat.TURTLE):
                out.write(f"{triple.subject} {triple.predicate} {triple.object} <{KZG}ontology> .\n")
                count += 1
    return count
