"""Validation of the built graph: SHACL shapes (pySHACL) plus the evidence check.

The evidence check reads the source document: its sha256 must be the one the graph records, and
every evidence pointer must name a sentence of it whose offsets match the document's segmentation.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path

from .errors import ValidationFailed
from .paths import project_root
from .vocab import KZC, KZD

__all__ = ["Report", "validate", "check_evidence", "shacl_check"]


@dataclass
class Report:
    """The outcome of a validation: problems (empty when valid) and a one-paragraph summary."""

    problems: list[str] = field(default_factory=list)
    summary: str = ""


def _dataset(nq: Path):
    import rdflib

    ds = rdflib.Dataset(default_union=True)
    ds.parse(nq, format="nquads")
    return ds


def shacl_check(ds, shapes_path: Path) -> list[str]:
    """SHACL violations of the data graphs (everything but the ontology), one line each."""
    import pyshacl
    import rdflib

    data = rdflib.Graph()
    for g in ds.graphs():  # concepts live in the ontology graph and sh:class needs their types
        for triple in g:
            data.add(triple)
    shapes = rdflib.Graph().parse(shapes_path, format="turtle")
    conforms, results, _ = pyshacl.validate(data, shacl_graph=shapes, inference="none", advanced=True, allow_warnings=True)
    if conforms:
        return []
    sh = rdflib.Namespace("http://www.w3.org/ns/shacl#")
    out = []
    for result in results.subjects(rdflib.RDF.type, sh.ValidationResult):
        focus = results.value(result, sh.focusNode)
        path = results.value(result, sh.resultPath)
        message = results.value(result, sh.resultMessage)
        out.append(f"SHACL: {focus} {('[' + str(path) + '] ') if path else ''}{message}")
    return sorted(out)


def check_evidence(ds, sources_dir: Path | None = None) -> list[str]:
    """Evidence problems: a changed document, unknown sentence IDs, or offsets that moved."""
    import rdflib

    from .errors import SourceError
    from .sources import Sentence, load_registry

    doc = load_registry(sources_dir=sources_dir).document()
    try:
        doc.text  # noqa: B018 - reading checks the registry hash
    except SourceError as exc:
        return [str(exc)]
    problems = []
    recorded = {str(o) for o in ds.objects(rdflib.URIRef(KZD + doc.id), rdflib.URIRef(KZC + "sha256"))}
    if recorded != {doc.sha256}:
        problems.append(f"the graph records sha256 {sorted(recorded)} for {doc.id}, the registry {doc.sha256}")
    prefix = KZD + doc.id + "/"
    start, end = rdflib.URIRef(KZC + "start"), rdflib.URIRef(KZC + "end")
    for fact, _, sentence in ds.triples((None, rdflib.URIRef(KZC + "evidence"), None)):
        sid = str(sentence).removeprefix(prefix)
        item = doc.index.get(sid)
        if not str(sentence).startswith(prefix) or not isinstance(item, Sentence):
            problems.append(f"evidence of {fact}: {sentence} is not a sentence of {doc.id}")
            continue
        offsets = (ds.value(sentence, start), ds.value(sentence, end))
        if offsets != (None, None) and (int(offsets[0]), int(offsets[1])) != (item.start, item.end):
            problems.append(f"evidence of {fact}: {sid} is recorded at {offsets}, the document has it at {(item.start, item.end)}")
    return sorted(set(problems))


def validate(nq: Path | None = None, sources_dir: Path | None = None, root: Path | None = None) -> Report:
    """Validate the built dataset; raise when anything is wrong.

    :raises ValidationFailed: listing every SHACL violation and evidence problem.
    """
    root = root or project_root()
    nq = nq or root / "graph" / "kazcrime.nq"
    ds = _dataset(nq)
    problems = shacl_check(ds, root / "ontology" / "shapes.ttl") + check_evidence(ds, sources_dir)
    if problems:
        shown = "\n  ".join(problems[:50])
        more = f"\n  ... and {len(problems) - 50} more" if len(problems) > 50 else ""
        raise ValidationFailed(f"{nq} is not valid ({len(problems)} problems):\n  {shown}{more}")
    evidence = sum(1 for _ in ds.triples((None, __import__("rdflib").URIRef(KZC + "evidence"), None)))
    return Report([], f"{nq} conforms to the SHACL shapes; {evidence} evidence pointers checked against the document")
