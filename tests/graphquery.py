"""Small helpers the section tests share: SPARQL over the committed graph with the project's prefixes, and
what the sources state about one record (inferred triples and provenance left out)."""

from __future__ import annotations

from collections import defaultdict

from kazcrime.vocab import KZ, KZC, KZG, KZV

PREFIXES = (f"PREFIX kzc: <{KZC}>\nPREFIX kz: <{KZ}>\nPREFIX kzv: <{KZV}>\nPREFIX kzg: <{KZG}>\n"
            "PREFIX xsd: <http://www.w3.org/2001/XMLSchema#>\n")
#: The prefix of the sources' named graphs (``graph/source/<source id>``).
SOURCE_GRAPH = KZG + "source/"


def rows(store, query: str) -> list:
    """The solutions of a SELECT query (the prefixes above are declared)."""
    return list(store.query(PREFIXES + query))


def ask(store, query: str) -> bool:
    """The answer of an ASK query (the prefixes above are declared)."""
    return bool(store.query(PREFIXES + query))


def short(term) -> str:
    """A record, concept or ontology term by its local ID; a literal by its lexical form."""
    value = term.value
    for namespace in (KZ, KZV, KZC):
        if value.startswith(namespace):
            return value[len(namespace):]
    return value


def stated(store, record: str) -> dict[str, set[tuple[str, str]]]:
    """``{property: {(object, source id)}}``: what the sources' graphs state about one record."""
    found = defaultdict(set)
    for r in rows(store, f"""
            SELECT ?p ?o ?g WHERE {{ GRAPH ?g {{ kz:{record} ?p ?o }} FILTER(STRSTARTS(STR(?g), "{SOURCE_GRAPH}")) }}"""):
        found[short(r["p"])].add((short(r["o"]), r["g"].value[len(SOURCE_GRAPH):]))
    return found
