"""`kazcrime validate`: SHACL shapes plus the evidence check."""

from __future__ import annotations

import re

import pytest

from kazcrime.errors import ValidationFailed
from kazcrime.validation import validate
from kazcrime.vocab import KZ, KZC, KZD, KZG


def test_committed_graph_is_valid(root, doc):
    report = validate(sources_dir=doc.directory, root=root)
    assert "conforms" in report.summary and not report.problems


def _broken(root, tmp_path, extra: str, drop: str | None = None):
    text = (root / "graph" / "kazcrime.nq").read_text(encoding="utf-8")
    if drop:
        text = "".join(line + "\n" for line in text.splitlines() if not re.search(drop, line))
    path = tmp_path / "broken.nq"
    path.write_text(text + extra, encoding="utf-8")
    return path


def test_statistic_without_a_unit_violates_the_shapes(root, doc, tmp_path):
    broken = _broken(root, tmp_path, "", drop=rf"<{re.escape(KZ)}drug-crimes-registered-2000> <{re.escape(KZC)}unit>")
    with pytest.raises(ValidationFailed, match=r"drug-crimes-registered-2000 .*a statistic has exactly one unit"):
        validate(broken, sources_dir=doc.directory, root=root)


def test_smuggling_activity_naming_neither_who_nor_where_violates_the_shapes(root, doc, tmp_path):
    # the Almaty corridor has a route but no actor, and is valid; strip its route too and it is not
    corridor = re.escape(f"<{KZ}almaty-opium-heroin-corridor> <{KZC}")
    broken = _broken(root, tmp_path, "", drop=rf"{corridor}(origin|via|destination)>")
    with pytest.raises(ValidationFailed, match=r"almaty-opium-heroin-corridor .*names who does it or where it runs"):
        validate(broken, sources_dir=doc.directory, root=root)


def test_evidence_naming_a_sentence_the_document_lacks_is_reported(root, doc, tmp_path):
    bogus = f"<{KZ}kazakhstan> <{KZC}evidence> <{KZD}kazakhstan-crime/sec01.p01.s99> <{KZG}provenance> .\n"
    with pytest.raises(ValidationFailed, match=r"sec01\.p01\.s99 is not a sentence of kazakhstan-crime"):
        validate(_broken(root, tmp_path, bogus), sources_dir=doc.directory, root=root)


def test_a_changed_document_is_reported(root, doc, tmp_path):
    changed = tmp_path / "sources"
    changed.mkdir()
    (changed / doc.filename).write_text(doc.text + "\n", encoding="utf-8")
    with pytest.raises(ValidationFailed, match="sha256"):
        validate(sources_dir=changed, root=root)
