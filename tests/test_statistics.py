"""Statistics stated as series are extracted by code, with the span of every figure."""

from __future__ import annotations

import re

import pytest

from kazcrime.errors import FactsError
from kazcrime.statistics import SeriesSpec, extract_series, load_series, parse_number


@pytest.fixture(scope="module")
def figures(doc, root):
    return {spec.id: extract_series(doc, spec) for spec in load_series(root / "graph" / "series.yaml")}


def test_every_year_in_a_series_paragraph_becomes_one_figure(doc, root, figures):
    for spec in load_series(root / "graph" / "series.yaml"):
        paragraph = doc.passage(spec.paragraph)
        assert len(figures[spec.id]) == len(re.findall(r"\bin (?:19|20)\d\d\b", paragraph))


def test_each_figure_span_reads_back_as_the_number_and_its_year(doc, figures):
    for series in figures.values():
        for fig in series:
            text = doc.text[fig.start:fig.end]
            assert text.endswith(f"in {fig.year}")
            assert parse_number(text.split(" in ")[0]) == fig.value


def test_drug_crime_series_peaks_in_2000_as_the_document_says(figures):
    series = {f.year: f.value for f in figures["drug-crimes-registered-series"]}
    assert min(series) == "1990" and max(series) == "2006"
    assert max(series, key=series.get) == "2000"
    assert (series["1990"], series["2000"], series["2006"]) == (4165, 23340, 10423)


def test_figure_with_a_spaced_thousands_separator_is_read_and_flagged(figures):
    offenders = {f.year: f for f in figures["drug-crime-offenders-series"]}
    assert offenders["1997"].value == 10914 and offenders["1997"].irregular
    assert not offenders["1998"].irregular


def test_lettered_parts_become_breakdowns(figures):
    by_type = {(f.breakdown, f.year): f.value for f in figures["drug-crimes-by-type-series"]}
    assert by_type[("drug-trafficking", "2006")] == 437
    assert ("drug-storage", "2006") not in by_type  # the document gives storage for 2005 only


def test_series_in_a_paragraph_that_does_not_exist_is_an_error(doc):
    spec = SeriesSpec("x-series", "X", "sec99.p01", "drug-crimes-registered", "count", "kazakhstan", {})
    with pytest.raises(FactsError, match="sec99.p01"):
        extract_series(doc, spec)


def test_paragraph_without_figures_is_an_error(doc):
    spec = SeriesSpec("x-series", "X", "sec08.p01", "drug-crimes-registered", "count", "kazakhstan", {})
    with pytest.raises(FactsError, match="no 'N in YEAR' figures"):
        extract_series(doc, spec)
