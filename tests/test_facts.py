"""Malformed facts files give errors that name the file, the line and the field."""

from __future__ import annotations

import textwrap

import pytest

from kazcrime.errors import FactsError
from kazcrime.facts import check_facts, load_facts
from kazcrime.vocab import KZ, KZC, load_vocabulary

GOOD = """\
entities:
  - id: test-person
    type: Person
    label: Test Person
    evidence: [sec08.p01.s01]
  - id: test-bank
    type: Bank
    label: Test Bank
    evidence: [sec08.p03.s01]
relations:
  - [test-person, chairOf, test-bank, {evidence: [sec08.p03.s01], date: 2009}]
"""


def _facts(tmp_path, text, name="case.yaml"):
    folder = tmp_path / "facts"
    folder.mkdir(exist_ok=True)
    (folder / name).write_text(textwrap.dedent(text), encoding="utf-8")
    return folder


def test_a_well_formed_file_loads_records_and_relations(tmp_path, doc):
    facts = load_facts(_facts(tmp_path, GOOD), load_vocabulary(), doc)
    assert facts.records["test-person"].type == KZC + "Person"
    (rel,) = facts.relations
    assert (rel.subject, rel.predicate, rel.object.iri) == (KZ + "test-person", KZC + "chairOf", KZ + "test-bank")
    assert rel.qualifiers[0][1].literal == "2009"


@pytest.mark.parametrize(
    "bad,line,field,message",
    [
        (GOOD.replace("type: Bank", "type: Bnak"), 7, "type", "unknown class 'Bnak' (did you mean 'Bank'?)"),
        (GOOD.replace("chairOf", "chairsOf"), 11, "p", "unknown property 'chairsOf'"),
        (GOOD.replace("[test-person, chairOf, test-bank", "[test-person, chairOf, no-such-bank"), 11, "o", "'no-such-bank' is neither a record ID nor a concept ID"),
        (GOOD.replace("date: 2009", "date: March 2009"), 11, "date", "expected a date like 2015"),
        (GOOD.replace("evidence: [sec08.p01.s01]", "evidence: [sec08.p01.s99]"), 5, "evidence", "'sec08.p01.s99' is not a sentence ID"),
        (GOOD.replace("    evidence: [sec08.p01.s01]\n", ""), 2, "evidence", "every fact needs evidence"),
        (GOOD.replace("label: Test Bank", "label: Test Bank\n    value: lots"), 9, "value", "expects a number"),
        (GOOD + "extras: []\n", 12, "extras", "unknown top-level key"),
    ],
    ids=["unknown-class", "unknown-property", "dangling-reference", "bad-date", "unknown-evidence", "no-evidence", "bad-number", "unknown-key"],
)
def test_malformed_fact_is_reported_with_file_line_and_field(tmp_path, doc, bad, line, field, message):
    _, errors = check_facts(_facts(tmp_path, bad), load_vocabulary(), doc)
    assert len(errors) == 1, [str(e) for e in errors]
    error = errors[0]
    assert (error.path, error.line, error.field) == ("facts/case.yaml", line, field)
    assert message in str(error)


def test_yaml_syntax_error_names_the_line(tmp_path, doc):
    _, errors = check_facts(_facts(tmp_path, GOOD.replace("label: Test Person", "label: [Test Person")), load_vocabulary(), doc)
    assert errors and errors[0].path == "facts/case.yaml" and errors[0].line is not None


def test_an_id_defined_in_two_files_names_both_places(tmp_path, doc):
    folder = _facts(tmp_path, GOOD, "a.yaml")
    _facts(tmp_path, GOOD.split("relations:")[0], "b.yaml")
    _, errors = check_facts(folder, load_vocabulary(), doc)
    assert any("already defined at facts/a.yaml:2" in str(e) and e.path == "facts/b.yaml" for e in errors)


def test_load_facts_raises_one_error_listing_all_problems(tmp_path, doc):
    bad = GOOD.replace("type: Bank", "type: Bnak").replace("chairOf", "chairsOf")
    with pytest.raises(FactsError) as caught:
        load_facts(_facts(tmp_path, bad), load_vocabulary(), doc)
    assert "Bnak" in str(caught.value) and "chairsOf" in str(caught.value)


def test_committed_facts_files_have_no_problems(root, doc):
    facts, errors = check_facts(root / "graph" / "facts", load_vocabulary(), doc)
    assert not errors, "\n".join(map(str, errors))
    assert facts.records
