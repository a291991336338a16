"""The build: deterministic, atomic, and refusing evidence that no longer points at the right text."""

from __future__ import annotations

import shutil

import pytest

from kazcrime.build import build, dataset_path
from kazcrime.errors import BuildError, FactsError
from kazcrime.store import load_memory_store
from kazcrime.vocab import KZ, KZC, KZG

CASE = """\
entities:
  - {id: test-banker, type: Person, label: Test Banker, evidence: [sec08.p03.s01]}
  - {id: test-bank, type: Bank, label: Test Bank, evidence: [sec08.p03.s01]}
relations:
  - [test-banker, chairOf, test-bank, {evidence: [sec08.p03.s01]}]
"""


@pytest.fixture()
def project(tmp_path, root, doc):
    """A copy of the project's inputs (ontology, registry, series, shared facts) to build in isolation."""
    shutil.copytree(root / "ontology", tmp_path / "ontology")
    (tmp_path / "graph" / "facts").mkdir(parents=True)
    for name in ("sources.yaml", "series.yaml"):
        shutil.copy(root / "graph" / name, tmp_path / "graph" / name)
    shutil.copy(root / "graph" / "facts" / "common.yaml", tmp_path / "graph" / "facts" / "common.yaml")
    (tmp_path / "graph" / "facts" / "case.yaml").write_text(CASE, encoding="utf-8")
    return tmp_path


def _build(project, doc, **kw):
    return build(sources_dir=doc.directory, root=project, **kw)


def test_same_inputs_give_byte_identical_output(project, doc):
    _build(project, doc)
    first = dataset_path(project).read_bytes()
    _build(project, doc)
    assert dataset_path(project).read_bytes() == first


def test_check_passes_on_a_fresh_build_and_fails_when_a_fact_changes(project, doc):
    _build(project, doc)
    _build(project, doc, check=True)
    facts = project / "graph" / "facts" / "case.yaml"
    facts.write_text(CASE.replace("Test Bank,", "Test Savings Bank,"), encoding="utf-8")
    with pytest.raises(BuildError, match="is stale"):
        _build(project, doc, check=True)


def test_a_failed_build_leaves_the_last_good_graph_in_place(project, doc):
    _build(project, doc)
    good = dataset_path(project).read_bytes()
    (project / "graph" / "facts" / "case.yaml").write_text(CASE.replace("chairOf", "chairsOf"), encoding="utf-8")
    with pytest.raises(FactsError, match=r"facts/case.yaml:5 \[p\]"):
        _build(project, doc)
    assert dataset_path(project).read_bytes() == good
    assert not list(dataset_path(project).parent.glob("*.tmp"))


def test_a_changed_document_fails_the_build_naming_the_facts_it_affects(project, doc, tmp_path_factory):
    _build(project, doc)
    good = dataset_path(project).read_bytes()
    changed = tmp_path_factory.mktemp("sources")
    (changed / doc.filename).write_text(doc.text.replace("Ablyazov", "Ablyazow"), encoding="utf-8")
    with pytest.raises(BuildError, match=r"sha256.*test-bank.*last good graph was left in place"):
        build(sources_dir=changed, root=project)
    assert dataset_path(project).read_bytes() == good


def test_asserted_facts_sit_in_their_source_graph_with_provenance_and_inferences_apart(project, doc):
    _build(project, doc)
    store = load_memory_store(dataset_path(project))
    banker, bank = f"<{KZ}test-banker>", f"<{KZ}test-bank>"
    # sec08.p03 is attributed to the Independent article, so the relation is in that source's graph
    assert store.query(f"ASK {{ GRAPH <{KZG}source/independent-2015> {{ {banker} <{KZC}chairOf> {bank} }} }}")
    # the relation's evidence is recorded on its fact record, as a sentence with character offsets
    rows = list(store.query(f"""SELECT ?start ?end WHERE {{ GRAPH <{KZG}provenance> {{
        ?f <http://www.w3.org/1999/02/22-rdf-syntax-ns#subject> {banker} ; <{KZC}evidence> ?s }}
        GRAPH <{KZG}document> {{ ?s <{KZC}start> ?start ; <{KZC}end> ?end }} }}"""))
    sentence = doc.index["sec08.p03.s01"]
    assert [(int(r["start"].value), int(r["end"].value)) for r in rows] == [(sentence.start, sentence.end)]
    # chairOf is a sub-property of leads, whose inverse is ledBy: inferred, and only in the inferred graph
    assert store.query(f"ASK {{ GRAPH <{KZG}inferred> {{ {bank} <{KZC}ledBy> {banker} }} }}")
    assert not store.query(f"ASK {{ GRAPH ?g {{ {bank} <{KZC}ledBy> {banker} }} FILTER(?g != <{KZG}inferred>) }}")


def test_the_graph_ships_without_the_documents_text(root, doc):
    text = dataset_path(root).read_text(encoding="utf-8")
    for par in (p for s in doc.sections for p in s.paragraphs):
        for sen in par.sentences:
            sentence = doc.text[sen.start:sen.end]
            if len(sentence.split()) >= 8:
                assert sentence not in text, sen.id


def test_the_build_writes_the_ontology_documentation_page(project, doc):
    _build(project, doc)
    page = (project / "graph" / "ontology.html").read_text(encoding="utf-8")
    assert "trafficking flow" in page and "<script src=\"http" not in page


def test_mention_index_lists_the_paragraphs_of_a_records_facts_and_roles_apart_from_the_sources(project, doc):
    (project / "graph" / "facts" / "case.yaml").write_text(CASE + """\
events:
  - {id: test-ruling, type: Ruling, label: Test ruling, agent: test-bank, evidence: [sec08.p04.s01]}
""", encoding="utf-8")
    _build(project, doc)
    store = load_memory_store(dataset_path(project))

    def mentioned_in(record: str) -> set[str]:
        rows = store.query(f"SELECT ?p WHERE {{ GRAPH <{KZG}mentions> {{ <{KZ}{record}> <{KZC}mentionedIn> ?p }} }}")
        return {r["p"].value.rsplit("/", 1)[-1] for r in rows}

    # own evidence and the chairOf relation (sec08.p03); the bank is also the agent of the ruling (sec08.p04)
    assert mentioned_in("test-banker") == {"sec08.p03"}
    assert mentioned_in("test-bank") == {"sec08.p03", "sec08.p04"}
    assert mentioned_in("test-ruling") == {"sec08.p04"}
    # an index the build derives, not a statement of any source
    assert not store.query(f"ASK {{ GRAPH ?g {{ ?x <{KZC}mentionedIn> ?p }} FILTER(?g != <{KZG}mentions>) }}")
