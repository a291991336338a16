"""Segmentation and attribution of the source document."""

from __future__ import annotations

import re
import shutil

import pytest

from kazcrime.errors import NotFound, SourceError
from kazcrime.sources import CitedSource, attribute, load_registry, match_citation, segment, split_sentences

# What the document's own markers say, paragraph by paragraph: a [Source: ...] bracket ("citation"),
# a trailing mark that refers back to the latest bracket with the same mark ("mark"), no marker after an
# attributed paragraph of the same section ("continuation"), or no marker at all ("compiler").
EXPECTED_ATTRIBUTION = """
sec01.p01 loc-2006 citation | sec01.p02 osac-2016 citation | sec01.p03 osac-2016 continuation
sec01.p04 osac-2016 continuation | sec01.p05 osac-2016 continuation | sec01.p06 loc-1996 citation
sec02.p01 loc-1996 citation | sec02.p02 loc-1996 mark | sec02.p03 loc-1996 mark
sec03.p01 osac-2016 citation | sec03.p02 osac-2016 continuation | sec03.p03 osac-2016 continuation
sec04.p01 unodc-2008 citation | sec04.p02 unodc-2008 continuation | sec04.p03 unodc-2008 continuation
sec04.p04 unodc-2008 mark | sec04.p05 unodc-2008 continuation | sec04.p06 unodc-2008 mark
sec05.p01 state-hrr-2014 citation | sec05.p02 state-hrr-2014 mark | sec05.p03 state-hrr-2014 mark
sec05.p04 state-hrr-2014 mark | sec05.p05 state-hrr-2014 mark | sec05.p06 state-hrr-2014 mark
sec05.p07 state-hrr-2014 mark
sec06.p01 state-tip-2015 citation | sec06.p02 state-tip-2015 mark | sec06.p03 state-tip-2015 mark
sec07.p01 bbc-2012 citation | sec07.p02 bbc-2012 mark | sec07.p03 bbc-2012 mark
sec08.p01 independent-2015 citation | sec08.p02 independent-2015 mark | sec08.p03 independent-2015 mark
sec08.p04 independent-2015 mark | sec08.p05 independent-2015 mark
sec09.p01 berdikeeva-2009 citation | sec09.p02 berdikeeva-2009 mark | sec09.p03 berdikeeva-2009 mark
sec09.p04 berdikeeva-2009 mark
sec10.p01 berdikeeva-2009 citation | sec10.p02 berdikeeva-2009 mark | sec10.p03 berdikeeva-2009 mark
sec10.p04 berdikeeva-2009 mark | sec10.p05 berdikeeva-2009 mark
sec11.p01 berdikeeva-2009 citation | sec11.p02 berdikeeva-2009 mark | sec11.p03 berdikeeva-2009 mark
sec12.p01 berdikeeva-2009 citation | sec12.p02 berdikeeva-2009 mark | sec12.p03 berdikeeva-2009 mark
sec13.p01 berdikeeva-2009 citation | sec13.p02 berdikeeva-2009 continuation | sec13.p03 berdikeeva-2009 mark
sec13.p04 berdikeeva-2009 mark
sec14.p01 kazakhstan-crime compiler | sec14.p02 state-hrr-2014 citation | sec14.p03 loc-1996 citation
sec15.p01 loc-1996 citation | sec15.p02 loc-1996 citation | sec15.p03 state-hrr-2014 citation
sec16.p01 loc-2006 citation | sec16.p02 osac-2016 citation | sec16.p03 osac-2016 continuation
sec16.p04 osac-2016 continuation
sec17.p01 lillis-2015 citation | sec17.p02 lillis-2015 mark | sec17.p03 lillis-2015 mark | sec17.p04 lillis-2015 mark
sec18.p01 loc-1996 citation | sec18.p02 state-hrr-2014 citation | sec18.p03 state-hrr-2014 mark
sec18.p04 state-hrr-2014 mark
sec19.p01 loc-1996 citation | sec19.p02 state-hrr-2014 citation | sec19.p03 state-hrr-2014 mark
sec19.p04 state-hrr-2014 mark
sec20.p01 kazakhstan-crime compiler | sec20.p02 kazakhstan-crime continuation | sec20.p03 kazakhstan-crime continuation
"""
EXPECTED = [tuple(item.split()) for item in re.split(r"[|\n]", EXPECTED_ATTRIBUTION) if item.strip()]


@pytest.mark.parametrize("paragraph_id,source,method", EXPECTED, ids=[e[0] for e in EXPECTED])
def test_paragraph_is_attributed_to_the_source_its_markers_name(doc, paragraph_id, source, method):
    par = doc.index[paragraph_id]
    assert (par.source, par.method) == (source, method)


def test_every_paragraph_of_the_document_is_in_the_attribution_table(doc):
    paragraphs = [p.id for s in doc.sections for p in s.paragraphs]
    assert paragraphs == [e[0] for e in EXPECTED]


def test_star_mark_means_different_sources_in_different_sections(doc):
    # The same "*" follows the 1996 Library of Congress study in one place and the 2014 human-rights
    # report in another: a mark refers to the latest bracket that declared it.
    assert doc.index["sec02.p02"].mark == doc.index["sec05.p02"].mark == "*"
    assert doc.index["sec02.p02"].source != doc.index["sec05.p02"].source


def test_segmentation_is_deterministic(doc):
    again = segment(doc.text)
    assert [(p.id, p.start, p.end, [(s.start, s.end) for s in p.sentences]) for sec in again for p in sec.paragraphs] == [
        (p.id, p.start, p.end, [(s.start, s.end) for s in p.sentences]) for sec in doc.sections for p in sec.paragraphs
    ]


def test_sentences_are_ordered_disjoint_and_inside_their_paragraph(doc):
    for sec in doc.sections:
        for par in sec.paragraphs:
            previous_end = par.start
            for sen in par.sentences:
                assert par.start <= previous_end <= sen.start < sen.end <= par.end, sen.id
                assert doc.text[sen.start:sen.end].strip() == doc.text[sen.start:sen.end]
                previous_end = sen.end


def test_citation_brackets_and_marks_are_not_part_of_any_sentence(doc):
    for sen in (s for s in doc.index.values() if s.__class__.__name__ == "Sentence"):
        text = doc.text[sen.start:sen.end]
        assert "[Source:" not in text, sen.id
        assert not re.search(r"(\+\+\+|\^\^\^|\|~\||\^\|\^)\s*$", text), sen.id


def test_headings_open_sections_with_their_titles(doc):
    titles = [s.title for s in doc.sections]
    assert len(titles) == len(set(titles)) == 20
    assert doc.sections[0].title_span is None  # the lead section has no heading


@pytest.mark.parametrize(
    "text,expected",
    [
        ("The U.S. Embassy said so. It left.", ["The U.S. Embassy said so.", "It left."]),
        ("Ties with the U.S. Crime is low.", ["Ties with the U.S.", "Crime is low."]),
        ("He met Mr. Smith. Then left.", ["He met Mr. Smith.", "Then left."]),
        ("Rates rose.In 2011 they fell.", ["Rates rose.", "In 2011 they fell."]),
        ("“It is over.” She left.", ["“It is over.”", "She left."]),
        ("Volume 7, No. 2 was late. Yes.", ["Volume 7, No. 2 was late.", "Yes."]),
    ],
)
def test_sentence_splitter_handles_abbreviations_quotes_and_missing_spaces(text, expected):
    assert [text[s:e] for s, e in split_sentences(text, 0, len(text))] == expected


def test_changed_document_is_refused_with_both_hashes(tmp_path, root):
    original = load_registry(root / "graph" / "sources.yaml").document()
    if not original.path.exists():
        pytest.skip("source document not available")
    shutil.copy(original.path, tmp_path / original.filename)
    with open(tmp_path / original.filename, "a", encoding="utf-8") as handle:
        handle.write("\nOne more line.\n")
    changed = load_registry(root / "graph" / "sources.yaml", tmp_path).document()
    with pytest.raises(SourceError, match=r"sha256 .* but the registry records"):
        changed.text  # noqa: B018


def test_missing_document_names_where_it_was_looked_for(tmp_path, root):
    missing = load_registry(root / "graph" / "sources.yaml", tmp_path).document()
    with pytest.raises(SourceError, match=re.escape(str(tmp_path))):
        missing.text  # noqa: B018


def test_citation_matching_no_source_is_an_error_naming_the_paragraph():
    cited = {"a": CitedSource("a", "A", "report", None, None, None, ("Alpha",))}
    with pytest.raises(SourceError, match=r"sec09\.p01: citation \[Source: Beta\] matches no registered source"):
        match_citation("Beta", cited, "sec09.p01")


def test_mark_without_an_earlier_bracket_is_an_error():
    text = "Heading One Here\n\nA claim is made here. +++\n"
    with pytest.raises(SourceError, match=r"mark '\+\+\+' refers to no earlier"):
        attribute(segment(text), text, {}, "doc")


def test_unknown_passage_is_not_found(doc):
    with pytest.raises(NotFound, match="sec99"):
        doc.passage("sec99.p01.s01")


def test_grep_finds_sentences_containing_all_words(doc):
    hits = doc.grep(["Waquet", "lawyer"])
    assert [h.id for h in hits] and all("Waquet" in doc.text[h.start:h.end] for h in hits)
