"""Generate ``kazcrime/kzc.py``, the ontology's terms as an rdflib ``DefinedNamespace``.

Like rdflib's own ``_PROF.py``: one annotated attribute per term with its comment, ``_fail = True`` so a
misspelt term raises instead of minting a new IRI. Run ``python -m kazcrime.namespace_gen`` after
changing ``ontology/kazcrime.ttl``; a test fails when the module and the ontology disagree.
"""

from __future__ import annotations

from pathlib import Path

from .paths import project_root
from .vocab import KZC

__all__ = ["namespace_source", "write_namespace_module"]

MODULE = Path(__file__).with_name("kzc.py")


def namespace_source(ontology: Path | None = None) -> str:
    """The Python source of the KZC namespace class for the ontology file."""
    import rdflib
    from rdflib.namespace import OWL, RDF, RDFS

    path = ontology or project_root() / "ontology" / "kazcrime.ttl"
    graph = rdflib.Graph().parse(path, format="turtle")
    groups = {"Classes": OWL.Class, "Object properties": OWL.ObjectProperty, "Datatype properties": OWL.DatatypeProperty}
    lines = [
        '"""The kazcrime ontology\'s terms (generated from ontology/kazcrime.ttl by kazcrime.namespace_gen; do not edit)."""',
        "",
        "from rdflib.namespace import DefinedNamespace, Namespace",
        "from rdflib.term import URIRef",
        "",
        "",
        "class KZC(DefinedNamespace):",
        '    """kazcrime ontology: crime, policing and justice in Kazakhstan.',
        "",
        f"    Generated from: {path.name}",
        '    """',
        "",
        "    _fail = True",
    ]
    for heading, kind in groups.items():
        terms = sorted(str(t)[len(KZC):] for t in graph.subjects(RDF.type, kind) if str(t).startswith(KZC))
        lines += ["", f"    # {heading}"]
        for term in terms:
            comment = str(graph.value(rdflib.URIRef(KZC + term), RDFS.comment) or "").replace("\n", " ")
            lines.append(f"    {term}: URIRef  # {comment}"[:118].rstrip())
    lines += ["", f'    _NS = Namespace("{KZC}")', ""]
    return "\n".join(lines)


def write_namespace_module() -> Path:
    """Regenerate ``kzc.py`` next to this module."""
    MODULE.write_text(namespace_source(), encoding="utf-8")
    return MODULE


if __name__ == "__main__":
    print(write_namespace_module())
