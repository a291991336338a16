"""The ``kazcrime`` command: parses options, calls the library, turns its errors into messages.

No graph logic lives here. Heavy libraries are imported inside the commands that need them,
so ``kazcrime query`` starts fast.
"""

from __future__ import annotations

import sys
from pathlib import Path

import click

from .errors import KazcrimeError

sources_option = click.option(
    "--sources",
    "sources_dir",
    type=click.Path(file_okay=False, path_type=Path),
    default=None,
    help="Folder holding the source documents (default: ../shared/sources or $KAZCRIME_SOURCES).",
)


class Group(click.Group):
    """Turns any KazcrimeError raised by a command into a one-line message and exit code 1."""

    def invoke(self, ctx: click.Context):  # type: ignore[override]
        try:
            return super().invoke(ctx)
        except KazcrimeError as exc:
            raise click.ClickException(str(exc)) from exc


@click.group(cls=Group)
@click.version_option(package_name="kazcrime")
def cli() -> None:
    """kazcrime: a knowledge graph of crime, policing and justice in Kazakhstan."""


@cli.group(cls=Group)
def source() -> None:
    """Read the source document: passages by ID, and sentence IDs by words."""


@source.command("show")
@click.argument("passage_id")
@sources_option
def source_show(passage_id: str, sources_dir: Path | None) -> None:
    """Print a section, paragraph or sentence (e.g. sec08, sec08.p03, sec08.p03.s01)."""
    from .sources import load_registry

    doc = load_registry(sources_dir=sources_dir).document()
    item = doc.index.get(passage_id)
    text = doc.passage(passage_id)
    if item is not None and hasattr(item, "source") and getattr(item, "source", ""):
        click.echo(f"[{passage_id} | source: {item.source} ({item.method})]")
    click.echo(text)


@source.command("grep")
@click.argument("words", nargs=-1, required=True)
@sources_option
def source_grep(words: tuple[str, ...], sources_dir: Path | None) -> None:
    """List the IDs of sentences containing all WORDS, with the sentence and its source."""
    from .sources import load_registry

    doc = load_registry(sources_dir=sources_dir).document()
    hits = doc.grep(list(words))
    for sen in hits:
        par = doc.paragraph_of(sen.id)
        click.echo(f"{sen.id}\t[{par.source}]\t{doc.text[sen.start:sen.end]}")
    if not hits:
        raise click.ClickException(f"no sentence contains all of: {' '.join(words)}")


@source.command("list")
@sources_option
def source_list(sources_dir: Path | None) -> None:
    """List sections and paragraphs with the source each paragraph is attributed to."""
    from .sources import load_registry

    doc = load_registry(sources_dir=sources_dir).document()
    for sec in doc.sections:
        click.echo(f"{sec.id}\t{sec.title}")
        for par in sec.paragraphs:
            click.echo(f"  {par.id}\t{len(par.sentences)} sentences\t{par.source} ({par.method})")


def main() -> None:
    """Entry point of the console script."""
    cli(prog_name="kazcrime")


if __name__ == "__main__":
    sys.exit(main())
