"""Build: registry + curated facts + extracted statistics → one RDF dataset in ``graph/kazcrime.nq``.

Named graphs keep apart what the document's sources assert (one graph per source), what we curated
about entities (labels and types), the document's segmentation, provenance (evidence per fact),
the ontology, what the OWL 2 RL reasoner inferred, and links to external datasets (made offline by
:mod:`kazcrime.links` from packages and from the Wikidata cache). The output is sorted N-Quads, so the same
inputs always give the same bytes, and it is written atomically: a failed build leaves the last
good graph in place.
"""

from __future__ import annotations

import os
import tempfile
from dataclasses import dataclass
from pathlib import Path

from .errors import BuildError, SourceError
from .ontodoc import ontology_doc_path, ontology_html
from .facts import FactSet, Record, Value, load_facts
from .paths import project_root
from .sources import Document, Registry, load_registry
from .statistics import Figure, extract_series, load_series
from .vocab import KZ, KZC, KZD, KZF, KZG, KZS, KZV, PREFIXES, Vocabulary, load_vocabulary, ontology_files

__all__ = ["BuildResult", "build_dataset", "build", "serialize_nquads", "write_atomic", "dataset_path", "source_graph", "source_iri"]

RDF, RDFS, XSD = PREFIXES["rdf"], PREFIXES["rdfs"], PREFIXES["xsd"]
PROV, SKOS, QB, OA, DCT = PREFIXES["prov"], PREFIXES["skos"], PREFIXES["qb"], PREFIXES["oa"], PREFIXES["dcterms"]


def source_iri(source_id: str) -> str:
    """The IRI of a cited source (or of a document, when it is its own source)."""
    return KZS + source_id


def source_graph(source_id: str) -> str:
    """The named graph that holds what one source asserts."""
    return KZG + "source/" + source_id


def dataset_path(root: Path | None = None) -> Path:
    """Where the built dataset lives in the repository."""
    return (root or project_root()) / "graph" / "kazcrime.nq"


@dataclass
class BuildResult:
    """What a build produced: the N-Quads text and the figures a summary reports."""

    nquads: str
    counts: dict[str, int]


class _Quads:
    """Collects quads as rdflib terms, one named graph at a time."""

    def __init__(self) -> None:
        import rdflib

        self.rdflib = rdflib
        self.dataset = rdflib.Dataset()

    def iri(self, value: str):
        return self.rdflib.URIRef(value)

    def lit(self, value: str, datatype: str | None = None, lang: str | None = None):
        if lang:
            return self.rdflib.Literal(value, lang=lang)
        if datatype == XSD + "string":
            datatype = None
        return self.rdflib.Literal(value, datatype=self.rdflib.URIRef(datatype) if datatype else None)

    def term(self, value: Value):
        return self.iri(value.iri) if value.iri else self.lit(value.literal or "", value.datatype)

    def add(self, graph: str, s: str, p: str, o) -> None:
        obj = o if isinstance(o, self.rdflib.term.Identifier) else self.iri(o)
        self.dataset.graph(self.iri(graph)).add((self.iri(s), self.iri(p), obj))


def _document_graph(q: _Quads, registry: Registry, doc: Document, record_ids: set[str]) -> None:
    g = KZG + "document"
    doc_iri = KZD + doc.id
    q.add(g, doc_iri, RDF + "type", KZC + "SourceDocument")
    q.add(g, doc_iri, RDFS + "label", q.lit(doc.title, lang="en"))
    q.add(g, doc_iri, DCT + "date", q.lit(*_date(doc.date)))
    q.add(g, doc_iri, KZC + "sha256", q.lit(doc.sha256))
    q.add(g, doc_iri, KZC + "fileName", q.lit(doc.filename))
    q.add(g, doc_iri, KZC + "compiler", q.lit(doc.compiler))
    for cited in registry.cited.values():
        s = source_iri(cited.id)
        q.add(g, s, RDF + "type", KZC + "Source")
        q.add(g, s, RDFS + "label", q.lit(cited.label, lang="en"))
        q.add(g, s, DCT + "type", q.lit(cited.kind))
        if cited.date:
            q.add(g, s, DCT + "date", q.lit(*_date(cited.date)))
        for prop, ref in (("publishedBy", cited.publisher), ("author", cited.author)):
            if ref and ref in record_ids:
                q.add(g, s, KZC + prop, KZ + ref)
    q.add(g, source_iri(doc.id), RDF + "type", KZC + "Source")
    q.add(g, source_iri(doc.id), RDFS + "label", q.lit(f"{doc.title}, in the compiler's own voice", lang="en"))
    q.add(g, source_iri(doc.id), PROV + "wasDerivedFrom", doc_iri)
    for sec in doc.sections:
        sec_iri = KZD + f"{doc.id}/{sec.id}"
        _passage(q, g, sec_iri, "Section", doc_iri, None, *(sec.title_span or (sec.paragraphs[0].start, sec.paragraphs[0].start)))
        q.add(g, sec_iri, RDFS + "label", q.lit(sec.title, lang="en"))
        for par in sec.paragraphs:
            par_iri = KZD + f"{doc.id}/{par.id}"
            _passage(q, g, par_iri, "Paragraph", doc_iri, sec_iri, par.start, par.end)
            q.add(g, par_iri, KZC + "attributedTo", source_iri(par.source))
            q.add(g, par_iri, KZC + "attributionMethod", q.lit(par.method))
            for sen in par.sentences:
                _passage(q, g, KZD + f"{doc.id}/{sen.id}", "Sentence", doc_iri, par_iri, sen.start, sen.end)


def _passage(q: _Quads, g: str, iri: str, cls: str, doc_iri: str, parent: str | None, start: int, end: int) -> None:
    q.add(g, iri, RDF + "type", KZC + cls)
    q.add(g, iri, KZC + "inDocument", doc_iri)
    if parent:
        q.add(g, iri, KZC + "inPassage", parent)
    q.add(g, iri, KZC + "start", q.lit(str(start), XSD + "integer"))
    q.add(g, iri, KZC + "end", q.lit(str(end), XSD + "integer"))
    selector = iri + "#position"
    q.add(g, iri, OA + "hasSource", doc_iri)
    q.add(g, iri, OA + "hasSelector", selector)
    q.add(g, selector, RDF + "type", OA + "TextPositionSelector")
    q.add(g, selector, OA + "start", q.lit(str(start), XSD + "nonNegativeInteger"))
    q.add(g, selector, OA + "end", q.lit(str(end), XSD + "nonNegativeInteger"))


def _date(text: str) -> tuple[str, str]:
    from .facts import parse_date

    return parse_date(text)


def _sources_of(doc: Document, evidence: list[str]) -> list[str]:
    return sorted({doc.paragraph_of(sid).source for sid in evidence})


def _provenance(q: _Quads, doc: Document, subject: str, evidence: list[str], curated_in: str) -> None:
    g = KZG + "provenance"
    for sid in evidence:
        q.add(g, subject, KZC + "evidence", KZD + f"{doc.id}/{sid}")
    for src in _sources_of(doc, evidence):
        q.add(g, subject, PROV + "wasDerivedFrom", source_iri(src))
    q.add(g, subject, KZC + "curatedIn", q.lit(curated_in))


def _record(q: _Quads, doc: Document, rec: Record) -> None:
    entities = KZG + "entities"
    q.add(entities, rec.iri, RDF + "type", rec.type)
    if rec.label:
        q.add(entities, rec.iri, RDFS + "label", q.lit(rec.label, lang="en"))
    for alt in rec.alt:
        q.add(entities, rec.iri, SKOS + "altLabel", q.lit(alt, lang="en"))
    if rec.comment:
        q.add(entities, rec.iri, RDFS + "comment", q.lit(rec.comment, lang="en"))
    for src in _sources_of(doc, rec.evidence):
        for prop, value in rec.properties:
            q.add(source_graph(src), rec.iri, prop, q.term(value))
    _provenance(q, doc, rec.iri, rec.evidence, f"{rec.file}:{rec.line}")


def _relations(q: _Quads, doc: Document, facts: FactSet) -> None:
    for rel in facts.relations:
        fact = KZF + rel.key
        for src in _sources_of(doc, rel.evidence):
            q.add(source_graph(src), rel.subject, rel.predicate, q.term(rel.object))
            for prop, value in rel.qualifiers:
                q.add(source_graph(src), fact, prop, q.term(value))
        g = KZG + "provenance"
        q.add(g, fact, RDF + "type", KZC + "FactRecord")
        q.add(g, fact, RDF + "subject", rel.subject)
        q.add(g, fact, RDF + "predicate", rel.predicate)
        q.add(g, fact, RDF + "object", q.term(rel.object))
        _provenance(q, doc, fact, rel.evidence, f"{rel.file}:{rel.line}")


def _figures(q: _Quads, doc: Document, specs, figures: list[Figure], vocab: Vocabulary) -> None:
    entities = KZG + "entities"
    for spec in specs:
        ds = KZ + spec.id
        graph = source_graph(doc.paragraph_of(spec.paragraph + ".s01").source)
        q.add(entities, ds, RDF + "type", KZC + "DataSet")
        q.add(entities, ds, RDFS + "label", q.lit(spec.label, lang="en"))
        q.add(graph, ds, KZC + "refArea", KZ + spec.area)
        q.add(graph, ds, KZC + "measure", vocab.concepts[spec.measure])
    by_id = {s.id: s for s in specs}
    for fig in figures:
        spec = by_id[fig.series]
        obs = KZ + fig.id
        graph = source_graph(doc.paragraph_of(fig.sentence).source)
        what = f"{spec.label.split(',')[0]}" + (f" ({vocab_label(fig.breakdown)})" if fig.breakdown else "")
        q.add(entities, obs, RDF + "type", KZC + "Observation")
        q.add(entities, obs, RDFS + "label", q.lit(f"{what}, {fig.year}", lang="en"))
        q.add(graph, obs, QB + "dataSet", KZ + spec.id)
        q.add(graph, obs, KZC + "measure", vocab.concepts[spec.measure])
        q.add(graph, obs, KZC + "unit", vocab.concepts[spec.unit])
        q.add(graph, obs, KZC + "refArea", KZ + spec.area)
        q.add(graph, obs, KZC + "refPeriod", q.lit(fig.year, XSD + "gYear"))
        q.add(graph, obs, KZC + "value", q.lit(str(fig.value), XSD + "decimal"))
        q.add(graph, obs, KZC + "qualifier", KZV + "exact")
        if fig.breakdown:
            q.add(graph, obs, KZC + "breakdown", vocab.concepts[fig.breakdown])
        if fig.irregular:
            q.add(graph, obs, KZC + "note", q.lit("The document prints this figure with a space after the thousands separator."))
        _provenance(q, doc, obs, [fig.sentence], f"extracted from {spec.paragraph} by kazcrime.statistics")
        q.add(KZG + "provenance", obs, KZC + "start", q.lit(str(fig.start), XSD + "integer"))
        q.add(KZG + "provenance", obs, KZC + "end", q.lit(str(fig.end), XSD + "integer"))


def vocab_label(concept_id: str) -> str:
    """A readable form of a concept ID, for generated labels."""
    return concept_id.replace("-", " ")


def build_dataset(registry: Registry, root: Path | None = None, reason: bool = True) -> BuildResult:
    """Build the whole dataset in memory and return it as sorted N-Quads.

    :raises FactsError: a facts file is malformed (file, line, field).
    :raises BuildError: the document changed, so evidence no longer points at the right text.
    """
    root = root or project_root()
    vocab = load_vocabulary(root)
    doc = registry.document()
    try:
        doc.text  # noqa: B018 - reading checks the sha256
    except SourceError as exc:
        affected = _facts_without_document(root, vocab)
        raise BuildError(f"{exc}; {affected}; the last good graph was left in place") from exc
    facts = load_facts(root / "graph" / "facts", vocab, doc)
    specs = load_series(root / "graph" / "series.yaml")
    figures = [fig for spec in specs for fig in extract_series(doc, spec)]
    clash = sorted({f.id for f in figures} & set(facts.records))
    if clash:
        raise BuildError(f"extracted statistics clash with curated record IDs: {', '.join(clash)}")

    q = _Quads()
    for path in ontology_files(root):
        q.dataset.graph(q.iri(KZG + "ontology")).parse(path, format="turtle")
    _document_graph(q, registry, doc, set(facts.records))
    for rec in facts.records.values():
        _record(q, doc, rec)
    _relations(q, doc, facts)
    _figures(q, doc, specs, figures, vocab)
    from .links import add_links

    link_counts = add_links(q, facts, root)
    if reason:
        from .reasoning import infer

        inferred = infer(q.dataset)
        target = q.dataset.graph(q.iri(KZG + "inferred"))
        for triple in inferred:
            target.add(triple)
    _mentions(q)
    text = serialize_nquads(q.dataset)
    counts = {
        "records": len(facts.records),
        "relations": len(facts.relations),
        "extracted statistics": len(figures),
        **link_counts,
        "quads": text.count("\n"),
    }
    return BuildResult(text, counts)


def _mentions(q: _Quads) -> None:
    """The mention index (``graph/mentions``): which paragraphs hold evidence for facts about each record.

    Derived from the graphs built so far by ``sparql/mentions.rq`` (run in pyoxigraph, which answers it in
    milliseconds), so queries that rank or group records by paragraph read one property instead of
    re-deriving it from provenance, roles and the document's segmentation every time.
    """
    import pyoxigraph as ox

    store = ox.Store()
    store.load(input=q.dataset.serialize(format="nquads"), format=ox.RdfFormat.N_QUADS)
    construct = (Path(__file__).with_name("sparql") / "mentions.rq").read_text(encoding="utf-8")
    target = q.dataset.graph(q.iri(KZG + "mentions"))
    for triple in store.query(construct, use_default_graph_as_union=True):
        target.add((q.iri(triple.subject.value), q.iri(triple.predicate.value), q.iri(triple.object.value)))


def _facts_without_document(root: Path, vocab: Vocabulary) -> str:
    """Which facts a changed document affects: every one with evidence (they are all positional)."""
    try:
        facts = load_facts(root / "graph" / "facts", vocab, None)
    except Exception:  # the facts may be broken too; the hash error is the one to report
        return "the facts could not be read to list those affected"
    by_file: dict[str, list[str]] = {}
    for rec in facts.records.values():
        by_file.setdefault(rec.file, []).append(rec.id)
    for rel in facts.relations:
        by_file.setdefault(rel.file, []).append(rel.key)
    parts = [
        f"{name} ({', '.join(sorted(ids)[:5])}{', ...' if len(ids) > 5 else ''})" for name, ids in sorted(by_file.items())
    ]
    return f"{len(facts.records)} records and {len(facts.relations)} relations cite it: " + "; ".join(parts)


def serialize_nquads(dataset) -> str:
    """Sorted, de-duplicated N-Quads: byte-identical for the same quads.

    :raises BuildError: if a blank node slipped in (its label would change from run to run).
    """
    raw = dataset.serialize(format="nquads")
    lines = sorted({line for line in raw.splitlines() if line.strip()})
    if any(line.startswith("_:") or " _:" in line for line in lines):
        raise BuildError("the dataset contains blank nodes, so the output would not be deterministic")
    return "\n".join(lines) + "\n"


def write_atomic(path: Path, text: str) -> None:
    """Write a file so that readers see either the old or the new content, never half of one."""
    path.parent.mkdir(parents=True, exist_ok=True)
    fd, tmp = tempfile.mkstemp(dir=path.parent, prefix=f".{path.name}.", suffix=".tmp")
    try:
        with os.fdopen(fd, "w", encoding="utf-8", newline="\n") as handle:
            handle.write(text)
            handle.flush()
            os.fsync(handle.fileno())
        os.replace(tmp, path)
    except BaseException:
        Path(tmp).unlink(missing_ok=True)
        raise


def build(sources_dir: Path | None = None, root: Path | None = None, check: bool = False) -> BuildResult:
    """The front door: read everything, build, and write (or, with ``check``, compare) the dataset.

    :raises BuildError: on ``check`` when the committed dataset differs from a fresh build.
    """
    root = root or project_root()
    registry = load_registry(root / "graph" / "sources.yaml", sources_dir)
    result = build_dataset(registry, root)
    outputs = {dataset_path(root): result.nquads, ontology_doc_path(root): ontology_html(root)}
    if check:
        for target, text in outputs.items():
            current = target.read_text(encoding="utf-8") if target.exists() else ""
            if current != text:
                raise BuildError(f"{target} is stale: it differs from a fresh build; run `kazcrime build` and commit it")
        return result
    for target, text in outputs.items():
        write_atomic(target, text)
    return result
