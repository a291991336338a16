"""The `kazcrime` command as a user meets it: output, exit codes and messages."""

from __future__ import annotations

import csv
import io
import json

import pytest
from click.testing import CliRunner

from kazcrime.cli import cli


@pytest.fixture(scope="module")
def run():
    runner = CliRunner()

    def invoke(*args: str):
        return runner.invoke(cli, list(args), catch_exceptions=False)

    return invoke


def test_query_list_shows_every_saved_query_with_its_question(run, root):
    result = run("query", "--list")
    assert result.exit_code == 0
    names = [line.split("\t")[0] for line in result.output.splitlines()]
    assert names == sorted(p.stem for p in (root / "queries").glob("*.rq"))
    assert all(line.split("\t")[1].endswith("?") or "?" in line for line in result.output.splitlines())


def test_saved_query_as_csv_gives_the_drug_crime_series(run, store):
    result = run("query", "drug-crime-series", "--format", "csv")
    assert result.exit_code == 0
    rows = list(csv.DictReader(io.StringIO(result.output)))
    years = [r["year"] for r in rows]
    assert years == sorted(years) and years[0] == "1990" and years[-1] == "2006"
    peak = max(rows, key=lambda r: int(r["crimes"]))
    assert (peak["year"], peak["crimes"]) == ("2000", "23340")


def test_ad_hoc_query_with_builtin_prefixes_as_json(run):
    result = run("query", "SELECT ?l WHERE { kz:almaty rdfs:label ?l }", "-f", "json")
    assert result.exit_code == 0
    assert json.loads(result.output)["results"]["bindings"][0]["l"]["value"] == "Almaty"


@pytest.mark.parametrize(
    "args,message",
    [
        (["query", "no-such-query"], "no saved query named 'no-such-query'"),
        (["query", "missing.rq"], "query file 'missing.rq' not found"),
        (["query", "SELECT * WHERE { ?s ?p }"], "malformed SPARQL"),
        (["query", "drug-crime-series", "-f", "yaml"], "unknown format 'yaml'"),
        (["show", "no-such-entity"], "no entity 'no-such-entity'"),
        (["source", "show", "sec99.p01"], "no passage 'sec99.p01'"),
    ],
)
def test_bad_requests_exit_non_zero_with_a_clear_message(run, args, message):
    result = CliRunner().invoke(cli, args)
    assert result.exit_code == 1
    assert message in result.output


def test_show_prints_facts_with_source_and_evidence_text(run, doc):
    result = run("show", "almaty", "--sources", str(doc.directory))
    assert result.exit_code == 0
    assert "Almaty" in result.output.splitlines()[0]
    assert "according to:" in result.output
    sentence = doc.passage("sec01.p04.s03")
    assert sentence in result.output


def test_show_finds_an_entity_by_label(run):
    result = run("show", "Nursultan Nazarbayev")
    assert result.exit_code == 0 and "nursultan-nazarbayev" in result.output


def test_show_labels_what_a_source_states_only_as_alleged(run):
    facts = [line for line in run("show", "nursultan-nazarbayev").output.splitlines() if line.startswith("•")]
    involved = [line for line in facts if "involved in → Giffen case" in line]
    adviser = [line for line in facts if "adviser to" in line]
    assert involved and all(line.startswith("• [allegation]") for line in involved)
    assert adviser and not any("[allegation]" in line for line in adviser)


def test_show_says_in_what_role_a_relation_holds_and_what_the_source_leaves_open(run):
    lines = run("show", "mukhtar-ablyazov").output.splitlines()
    # without the role, "chair of BTA Bank" would read as if he still chaired it
    chair = [line for line in lines if "chair of → BTA Bank" in line]
    assert chair and "as chairman (former)" in chair[0]
    post = next(i for i, line in enumerate(lines) if "holds post → Minister" in line)
    assert "as former minister" in lines[post]
    assert lines[post + 1].strip().startswith("note:") and "which ministry" in lines[post + 1]


def test_show_without_the_document_lists_sentence_ids(run, tmp_path):
    result = run("show", "almaty", "--sources", str(tmp_path))
    assert result.exit_code == 0
    assert "source document not available" in result.output and "sec01.p04.s03" in result.output


def test_source_grep_prints_sentence_ids_and_sources(run, doc):
    result = run("source", "grep", "Waquet", "--sources", str(doc.directory))
    assert result.exit_code == 0
    sentence_id, source, _ = result.output.splitlines()[0].split("\t")
    assert sentence_id.startswith("sec08.") and source == "[independent-2015]"


def test_build_check_passes_on_the_committed_graph(run, doc):
    result = run("build", "--check", "--sources", str(doc.directory))
    assert result.exit_code == 0 and "up to date" in result.output
