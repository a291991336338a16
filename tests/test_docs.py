"""Documentation stays true: generated README sections, saved-query headers, command help."""

from __future__ import annotations

import click
import pytest

from kazcrime.cli import cli
from kazcrime.kzc import KZC
from kazcrime.namespace_gen import MODULE, namespace_source
from kazcrime.queries import saved_queries
from kazcrime.readme import render_readme, sections


def test_readme_generated_sections_are_up_to_date(root):
    text = (root / "README.md").read_text(encoding="utf-8")
    assert render_readme(text, sections(root)) == text, "run `python -m kazcrime.readme` and commit README.md"


def _commands(group: click.Group, prefix=()):
    for name, command in group.commands.items():
        if isinstance(command, click.Group):
            yield from _commands(command, prefix + (name,))
        else:
            yield prefix + (name,), command


@pytest.mark.parametrize("path,command", list(_commands(cli)), ids=lambda v: " ".join(v) if isinstance(v, tuple) else "")
def test_every_command_has_help_and_is_documented(root, path, command):
    assert command.help, f"kazcrime {' '.join(path)} has no help text"
    assert f"`kazcrime {' '.join(path)}`" in (root / "README.md").read_text(encoding="utf-8")


@pytest.mark.parametrize("name", sorted(saved_queries()))
def test_every_saved_query_starts_with_its_question_and_is_listed(root, name):
    saved = saved_queries()[name]
    assert saved.text.startswith("# ") and "?" in saved.question, f"{name}.rq must open with a question comment"
    assert f"`{name}`" in (root / "README.md").read_text(encoding="utf-8")


def test_generated_namespace_module_matches_the_ontology():
    assert MODULE.read_text(encoding="utf-8") == namespace_source(), "run `python -m kazcrime.namespace_gen`"


def test_a_misspelt_ontology_term_raises():
    with pytest.raises(AttributeError, match="chairsOf"):
        KZC.chairsOf  # noqa: B018
