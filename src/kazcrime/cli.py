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


@cli.command()
@sources_option
@click.option("--check", is_flag=True, help="Fail if the committed graph differs from a fresh build (for CI).")
def build(sources_dir: Path | None, check: bool) -> None:
    """Build graph/kazcrime.nq from the registry, the curated facts and the extracted statistics."""
    from .build import build as run_build, dataset_path

    result = run_build(sources_dir=sources_dir, check=check)
    summary = ", ".join(f"{v} {k}" for k, v in result.counts.items())
    click.echo(f"{dataset_path()} is up to date ({summary})" if check else f"wrote {dataset_path()} ({summary})")


@cli.command()
def summary() -> None:
    """Print what the graph holds: records by class, relations, statistics, claims, sources."""
    from .store import open_store
    from .summary import summarize

    click.echo(summarize(open_store()).text())


@cli.command()
@sources_option
@click.option("--port", default=8000, show_default=True, help="Port of the web app on 127.0.0.1.")
@click.option("--no-serve", is_flag=True, help="Build and summarise only; do not start the web app.")
@click.pass_context
def up(ctx: click.Context, sources_dir: Path | None, port: int, no_serve: bool) -> None:
    """The main job: build the graph (if the source document is there), summarise it, serve it on 127.0.0.1."""
    from .build import build as run_build
    from .errors import SourceError
    from .formats import render
    from .queries import resolve_query, run_query
    from .store import open_store
    from .summary import summarize

    try:
        result = run_build(sources_dir=sources_dir)
        click.echo("built the graph: " + ", ".join(f"{v} {k}" for k, v in result.counts.items()))
    except SourceError as exc:
        click.echo(f"using the committed graph ({exc})")
    store = open_store()
    click.echo(summarize(store).text())
    name, text = resolve_query("drug-crime-series")
    click.echo(f"\nsample query {name}:")
    click.echo(render(run_query(store, text), "table").decode())
    del store
    serve_command = cli.commands.get("serve")
    if no_serve or serve_command is None:
        return
    ctx.invoke(serve_command, port=port)


@cli.command()
@sources_option
@click.option("--json", "as_json", is_flag=True, help="Print the report as JSON.")
@click.option("--all", "show_all", is_flag=True, help="List every paragraph, not only those with gaps.")
def coverage(sources_dir: Path | None, as_json: bool, show_all: bool) -> None:
    """Report, paragraph by paragraph, the facts citing it, names the graph lacks, numbers not accounted for."""
    import json

    from .coverage import coverage as measure
    from .facts import check_facts
    from .paths import graph_dir
    from .sources import load_registry
    from .store import open_store
    from .summary import summarize
    from .vocab import load_vocabulary

    doc = load_registry(sources_dir=sources_dir).document()
    found, _ = check_facts(graph_dir() / "facts", load_vocabulary(), doc)
    store = open_store()
    report = measure(store, doc, found.skipped_numbers, found.skipped_paragraphs)
    if as_json:
        click.echo(json.dumps({**report.as_dict(), "summary": vars(summarize(store))}, indent=1))
        return
    for par in report.paragraphs:
        if par.skipped:
            if show_all:
                click.echo(f"{par.id}  [{par.source}]  skipped: {par.skipped}")
            continue
        if show_all or not par.facts or par.missing_names or par.unaccounted_numbers:
            click.echo(f"{par.id}  [{par.source}]  facts: {par.facts}")
            if par.missing_names:
                click.echo(f"    names not in the graph: {'; '.join(par.missing_names)}")
            if par.unaccounted_numbers:
                click.echo(f"    numbers not in the graph nor skipped: {'; '.join(par.unaccounted_numbers)}")
    click.echo("totals: " + ", ".join(f"{v} {k}" for k, v in report.totals.items()))
    click.echo(summarize(store).text())


@cli.group(cls=Group)
def facts() -> None:
    """Check the curated facts files in graph/facts/."""


@facts.command("check")
@sources_option
def facts_check(sources_dir: Path | None) -> None:
    """Report every problem in the facts files (file:line [field]: message), then counts."""
    from .facts import check_facts
    from .paths import graph_dir
    from .sources import load_registry
    from .vocab import load_vocabulary

    doc = load_registry(sources_dir=sources_dir).document()
    found, errors = check_facts(graph_dir() / "facts", load_vocabulary(), doc)
    for error in errors:
        click.echo(str(error), err=True)
    click.echo(f"{len(found.records)} records, {len(found.relations)} relations, {len(errors)} problems")
    if errors:
        raise SystemExit(1)


@cli.command()
@click.argument("query", required=False)
@click.option("--list", "list_", is_flag=True, help="List the saved queries and the question each answers.")
@click.option(
    "-f", "--format", "format_", default="table", show_default=True,
    help="table, csv, tsv, json or xml (SELECT/ASK); turtle, ntriples or jsonld (CONSTRUCT/DESCRIBE).",
)
@click.option("--endpoint", default=None, help="Run against a remote SPARQL endpoint (URL) instead of the embedded store.")
def query(query: str | None, list_: bool, format_: str, endpoint: str | None) -> None:
    """Run QUERY: a saved query's name, a .rq file, or a SPARQL string."""
    from .queries import resolve_query, saved_queries

    if list_:
        for name, saved in saved_queries().items():
            click.echo(f"{name}\t{saved.question}")
        return
    if not query:
        raise click.UsageError("give a saved query name, a .rq file or a SPARQL string (or --list)")
    _, text = resolve_query(query)
    if endpoint:
        from .remote import run_remote

        sys.stdout.buffer.write(run_remote(endpoint, text, format_))
        return
    from .formats import render
    from .queries import run_query
    from .store import open_store

    sys.stdout.buffer.write(render(run_query(open_store(), text), format_))


@cli.command()
@click.option("--host", default="127.0.0.1", show_default=True, help="Interface to listen on (loopback only by default).")
@click.option("--port", default=8000, show_default=True, type=click.IntRange(0, 65535), help="Port (0: any free port).")
@click.option("--timeout", default=10.0, show_default=True, type=click.FloatRange(0.1, 3600), help="Seconds a query may run.")
@click.option("--max-rows", default=10_000, show_default=True, type=click.IntRange(1), help="Most rows (or triples) a result may have.")
@click.option("--allow-service", multiple=True, metavar="HOST", help="A host (or host:port) SERVICE may call; repeatable.")
@click.option("--workers", default=None, type=click.IntRange(1, 64), help="Query worker processes (default: one per core, at least 2).")
@click.option("--on-disk", is_flag=True, help="Workers open the persistent store read-only instead of an in-memory copy each.")
@click.option("--get", "get_path", default=None, metavar="PATH", help="Answer one request for PATH in-process, print it, exit.")
@sources_option
def serve(host: str, port: int, timeout: float, max_rows: int, allow_service: tuple[str, ...], workers: int | None,
          on_disk: bool, get_path: str | None, sources_dir: Path | None) -> None:
    """Serve the SPARQL endpoint, the Linked Data pages and the query page (http://127.0.0.1:8000/)."""
    from .server.app import App, Settings, serve as run_server
    from .store import dataset_file, open_store, store_dir

    if on_disk:
        open_store()  # (re)loads the cache if the dataset changed, before the workers open it read-only
    settings = Settings(nq=str(dataset_file()), folder=str(store_dir()) if on_disk else None, memory=not on_disk,
                        timeout=timeout, max_rows=max_rows, allow_service=allow_service,
                        sources_dir=str(sources_dir) if sources_dir else None)
    if get_path:
        response = App(settings, inline=True).get(get_path)
        sys.stdout.buffer.write(response.body)
        if response.status >= 400:
            raise SystemExit(1)
        return
    if host not in ("127.0.0.1", "localhost", "::1"):
        click.echo(f"warning: listening on {host}, not only on loopback", err=True)
    run_server(settings, host, port, workers, ready=lambda url: click.echo(f"serving on {url} (Ctrl-C stops)"))


@cli.command()
@click.option("--store", "store_url", required=True, help="Graph Store Protocol URL (e.g. http://127.0.0.1:7878/store).")
def publish(store_url: str) -> None:
    """Upload graph/kazcrime.nq to a SPARQL 1.1 Graph Store, one PUT per named graph."""
    from .remote import publish as upload

    for graph, count in upload(store_url).items():
        click.echo(f"{graph}\t{count} triples")


@cli.command()
@click.argument("entity")
@sources_option
def show(entity: str, sources_dir: Path | None) -> None:
    """Print the card of ENTITY (an ID, IRI or label): labels, types, facts, sources, evidence."""
    from .cards import EvidenceReader, entity_card
    from .store import open_store

    card = entity_card(open_store(), entity)
    reader = EvidenceReader(sources_dir)
    click.echo(f"{card.label}  <{card.iri}>")
    click.echo(f"types: {', '.join(t.rsplit('#', 1)[-1] for t in card.asserted_types)}"
               + (f"  (inferred: {', '.join(t.rsplit('#', 1)[-1].rsplit('/', 1)[-1] for t in card.inferred_types)})"
                  if card.inferred_types else ""))
    if card.alt_labels:
        click.echo(f"also called: {', '.join(card.alt_labels)}")
    if card.comment:
        click.echo(card.comment)
    if reader.doc is None:
        click.echo("(source document not available: evidence is shown by sentence ID only)")
    click.echo("")
    for fact in card.facts:
        tag = "[allegation] " if fact.allegation else ""
        date = f" ({fact.date})" if fact.date else ""
        role = f" — as {fact.role}" if fact.role else ""
        arrow = (f"{fact.predicate_label} → {fact.other_label}{date}" if fact.direction == "out"
                 else f"{fact.other_label}{date} —{fact.predicate_label}→ this")
        click.echo(f"• {tag}{arrow}{role}   [according to: {fact.source_label}]")
        if fact.note:
            click.echo(f"    note: {fact.note}")
        for sid in fact.evidence:
            text = reader.text(sid)
            click.echo(f"    {sid}: {text}" if text else f"    {sid}")


@cli.command()
@sources_option
def validate(sources_dir: Path | None) -> None:
    """Check the built graph against the SHACL shapes and check every evidence pointer."""
    from .validation import validate as run_validation

    report = run_validation(sources_dir=sources_dir)
    click.echo(report.summary)


def _listed(list_: bool, entries, name: str | None, output: Path | None, what: str) -> bool:
    """Print ``name<TAB>title`` of each entry for --list (True); otherwise insist on NAME and -o FILE."""
    if list_:
        for entry in entries:
            click.echo(f"{entry.name}\t{entry.title}")
        return True
    if not name or output is None:
        raise click.UsageError(f"give a {what} NAME and -o FILE (or --list)")
    return False


@cli.command()
@click.argument("name", required=False)
@click.option("--list", "list_", is_flag=True, help="List the views.")
@click.option("--entity", default=None, help="The entity (ID, IRI or label) of an ego or case view.")
@click.option("--depth", type=click.IntRange(1, 6), default=None, help="Steps from the entity (ego view; default 2).")
@click.option("--base-url", default=None, help="Link nodes to their pages under this URL (e.g. http://127.0.0.1:8000).")
@click.option("--export", "export_format", type=click.Choice(["gexf", "graphml"]), default=None,
              help="Write the graph for Gephi/Cytoscape instead of HTML.")
@click.option("-o", "--output", type=click.Path(dir_okay=False, path_type=Path), default=None, help="File to write.")
@sources_option
def view(name: str | None, list_: bool, entity: str | None, depth: int | None, base_url: str | None,
         export_format: str | None, output: Path | None, sources_dir: Path | None) -> None:
    """Write view NAME as a self-contained HTML network (opens offline), or export it (--export)."""
    from .views import VIEWS, build_view

    if _listed(list_, VIEWS.values(), name, output, "view"):
        return
    from .store import open_store

    try:
        built = build_view(open_store(), name, entity=entity, depth=depth)
    except ValueError as exc:
        raise click.UsageError(str(exc)) from exc
    if export_format:
        from .analytics import export

        export(built, export_format, output)
    else:
        from .cards import EvidenceReader
        from .render import view_to_html, write_html

        write_html(view_to_html(built, base_url, EvidenceReader(sources_dir)), output)
    click.echo(f"wrote {output} ({built.graph.number_of_nodes()} nodes, {built.graph.number_of_edges()} edges)")


@cli.command()
@click.option("--view", "view_name", default="relations", show_default=True, help="The view to measure.")
@click.option("--entity", default=None, help="The entity of an ego or case view.")
@click.option("--depth", type=click.IntRange(1, 6), default=None, help="Steps from the entity (ego view).")
@click.option("--path", "path_ends", nargs=2, default=None, metavar="A B", help="Shortest path between two entities.")
@click.option("--format", "format_", type=click.Choice(["table", "json"]), default="table", show_default=True)
def analyze(view_name: str, entity: str | None, depth: int | None, path_ends: tuple[str, str] | None, format_: str) -> None:
    """Degree and betweenness centrality, communities, and shortest paths with the facts along them."""
    from .analytics import analyze as run_analysis, as_json, as_table
    from .store import open_store
    from .views import build_view

    try:
        result = run_analysis(build_view(open_store(), view_name, entity=entity, depth=depth), path_ends or None)
    except ValueError as exc:
        raise click.UsageError(str(exc)) from exc
    click.echo(as_json(result) if format_ == "json" else as_table(result), nl=False)


@cli.command()
@click.argument("name", required=False)
@click.option("--list", "list_", is_flag=True, help="List the plots.")
@click.option("-o", "--output", type=click.Path(dir_okay=False, path_type=Path), default=None, help="A .png or .svg file.")
def plot(name: str | None, list_: bool, output: Path | None) -> None:
    """Draw plot NAME (the drug-crime series, the timeline of dated events) as PNG or SVG."""
    from .plots import PLOTS, write_plot

    if _listed(list_, PLOTS.values(), name, output, "plot"):
        return
    from .store import open_store

    try:
        click.echo(f"wrote {write_plot(open_store(), name, output)}")
    except ValueError as exc:
        raise click.UsageError(str(exc)) from exc


@cli.group(cls=Group)
def link() -> None:
    """Links to external datasets: GeoNames and ISO 3166 (made by the build), Wikidata (curated, then fetched)."""


def _policy(timeout: float, attempts: int, time_limit: float):
    from .wikidata import RetryPolicy

    return RetryPolicy(timeout=timeout, attempts=attempts, time_limit=time_limit)


endpoint_option = click.option("--endpoint", default=None, metavar="URL",
                               help="SPARQL endpoint (default: the public Wikidata Query Service).")
retry_options = [
    click.option("--timeout", default=60.0, show_default=True, type=click.FloatRange(0.1), help="Seconds per request."),
    click.option("--attempts", default=4, show_default=True, type=click.IntRange(1, 10),
                 help="Tries per request (429, 5xx and timeouts are retried with backoff)."),
    click.option("--time-limit", default=600.0, show_default=True, type=click.FloatRange(1), help="Seconds for the whole run."),
]


def _with_retry_options(f):
    for option in reversed(retry_options):
        f = option(f)
    return f


@link.command("report")
def link_report() -> None:
    """Print, per class, how many records have each kind of link and its status, then what needs a person."""
    from .links import link_report as make_report
    from .store import open_store

    click.echo(make_report(open_store()).text())


@link.command("fetch")
@endpoint_option
@click.option("--batch-size", default=50, show_default=True, type=click.IntRange(1, 500), help="Items per query.")
@_with_retry_options
def link_fetch(endpoint: str | None, batch_size: int, timeout: float, attempts: int, time_limit: float) -> None:
    """Fetch the curated Wikidata items (online) into graph/external/wikidata.ttl; confirm or flag each link."""
    from .links import fetch_links
    from .wikidata import DEFAULT_ENDPOINT

    outcome = fetch_links(endpoint or DEFAULT_ENDPOINT, policy=_policy(timeout, attempts, time_limit), batch_size=batch_size)
    click.echo(f"wrote {outcome.cache} ({outcome.triples} triples in {outcome.batches} batches, retrieved {outcome.retrieved_on})")
    counts: dict[str, int] = {}
    for record, qid, verdict in outcome.verdicts:
        counts[verdict.status] = counts.get(verdict.status, 0) + 1
        if verdict.status != "confirmed":
            click.echo(f"{verdict.status}: {record} → {qid}" + (f": {verdict.note}" if verdict.note else ""))
    click.echo(", ".join(f"{n} {status}" for status, n in sorted(counts.items()))
               + "; run `kazcrime build` to take the cache into the graph")


@link.command("suggest")
@endpoint_option
@_with_retry_options
def link_suggest(endpoint: str | None, timeout: float, attempts: int, time_limit: float) -> None:
    """Propose Wikidata items (same label, fitting type) for records without one, into a review file."""
    from .links import suggest_links
    from .wikidata import DEFAULT_ENDPOINT

    path, found = suggest_links(endpoint or DEFAULT_ENDPOINT, policy=_policy(timeout, attempts, time_limit))
    for record, candidates in found.items():
        click.echo(f"{record}: " + "; ".join(f"{c.qid} {c.label or ''}".strip() for c in candidates))
    click.echo(f"wrote {path} ({len(found)} records with candidates); nothing is asserted until accepted")


@link.command("accept")
@click.argument("record")
@click.argument("qid")
def link_accept(record: str, qid: str) -> None:
    """Accept Wikidata item QID for RECORD: add it to graph/links/wikidata.yaml (curated until fetched)."""
    from .links import accept_link

    try:
        added = accept_link(record, qid)
    except ValueError as exc:
        raise click.UsageError(str(exc)) from exc
    click.echo(f"added {added.record}: {added.qid} ({added.source}); run `kazcrime build`, and `kazcrime link fetch` to confirm it")


def main() -> None:
    """Entry point of the console script."""
    cli(prog_name="kazcrime")


if __name__ == "__main__":
    sys.exit(main())
