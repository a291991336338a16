"""`kazcrime coverage`: the paragraphs the graph cites, the names it lacks and the numbers it leaves out."""

from __future__ import annotations

import textwrap

import pyoxigraph as ox
import pytest
from click.testing import CliRunner

from kazcrime.cli import cli
from kazcrime.coverage import coverage
from kazcrime.facts import check_facts
from kazcrime.vocab import load_vocabulary


def _paragraph(report, pid):
    return next(p for p in report.paragraphs if p.id == pid)


@pytest.fixture(scope="module")
def empty_report(doc):
    """Coverage of an empty graph: every name and number of the document is a gap."""
    return coverage(ox.Store(), doc, [])


@pytest.fixture(scope="module")
def committed_report(store, doc, root):
    facts, _ = check_facts(root / "graph" / "facts", load_vocabulary(), doc)
    return coverage(store, doc, facts.skipped_numbers, facts.skipped_paragraphs)


def test_a_name_the_graph_lacks_is_listed_and_disappears_once_the_graph_holds_it(empty_report, committed_report):
    assert "Mukhtar Ablyazov" in _paragraph(empty_report, "sec08.p01").missing_names
    assert "Mukhtar Ablyazov" not in _paragraph(committed_report, "sec08.p01").missing_names


def test_a_capitalised_word_opening_a_sentence_is_not_taken_for_a_name(empty_report):
    # sec01.p01's second sentence opens with a common noun; the first names a country
    missing = _paragraph(empty_report, "sec01.p01").missing_names
    assert "Seizures" not in missing
    assert "Kazakhstan" in missing


def test_a_figure_in_the_graph_is_accounted_for_and_one_outside_it_is_not(empty_report, committed_report):
    assert "23,340" in _paragraph(empty_report, "sec04.p06").unaccounted_numbers
    assert "23,340" not in _paragraph(committed_report, "sec04.p06").unaccounted_numbers


def test_skipped_paragraphs_are_reported_with_their_reason_and_not_counted_as_gaps(committed_report):
    closing = [p for p in committed_report.paragraphs if p.id.startswith("sec20.")]
    assert closing and all(p.skipped and "boilerplate" in p.skipped for p in closing)
    assert all(not p.missing_names and not p.unaccounted_numbers for p in closing)
    assert committed_report.totals["paragraphs skipped"] == len(closing)


@pytest.mark.parametrize(
    "entry, message",
    [
        ("{where: sec99, why: gone}", "'sec99' is not a section or paragraph ID"),
        ("{where: sec08.p01.s01, why: a sentence}", "'sec08.p01.s01' is not a section or paragraph ID"),
        ("{where: sec08}", "needs `where`"),
    ],
)
def test_a_bad_skipped_paragraph_entry_names_the_file_line_and_field(tmp_path, doc, entry, message):
    folder = tmp_path / "facts"
    folder.mkdir()
    (folder / "skip.yaml").write_text(textwrap.dedent(f"""\
        covers: []
        skipped_paragraphs:
          - {entry}
        """), encoding="utf-8")
    _, errors = check_facts(folder, load_vocabulary(), doc)
    (error,) = errors
    assert "skip.yaml:3" in str(error) and "[skipped_paragraphs]" in str(error) and message in str(error)


def test_cli_coverage_prints_gaps_and_totals(doc):
    result = CliRunner().invoke(cli, ["coverage", "--all"])
    assert result.exit_code == 0, result.output
    assert "sec20.p01" in result.output and "skipped: site boilerplate" in result.output
    assert "totals: " in result.output and "paragraphs of substance cited" in result.output
