"""The SPARQL 1.1 Protocol endpoint at ``/sparql``: read the query, check it, run it in a worker.

GET ``?query=``, POST form (``query=``) and POST direct (``application/sparql-query``) are accepted;
SPARQL Update in any form is refused. The result format comes from the ``format`` parameter (a short
name or media type of :data:`kazcrime.formats.FORMATS`) or else from the Accept header.
"""

from __future__ import annotations

import io
from itertools import islice
from urllib.parse import quote

import pyoxigraph as ox

from ..errors import QueryError, Refused, TooManyResults
from ..formats import FORMATS, Format, find_format, render, result_kind
from ..queries import run_query
from ..vocab import PREFIXES
from .guard import check_query
from .http import Request, Response
from .worker import Context, Reply

__all__ = ["read_query", "negotiate", "endpoint", "execute"]

#: Media types clients send that name one of our formats by another name.
ALIASES = {"application/json": "json", "application/xml": "xml", "text/xml": "xml",
           "application/x-turtle": "turtle", "application/x-json+ld": "jsonld",
           "json-ld": "jsonld", "ttl": "turtle", "nt": "ntriples", "n-triples": "ntriples"}
DEFAULT = {"solutions": "json", "graph": "turtle"}


def read_query(request: Request) -> str:
    """The query text of a protocol request.

    :raises Refused: for SPARQL Update (``update=`` or ``application/sparql-update``).
    :raises QueryError: when there is no query, or the body is of a media type the protocol does not use.
    """
    if request.method == "POST":
        kind = request.media_type
        if kind == "application/sparql-update" or "update" in request.form():
            raise Refused("SPARQL Update is not accepted: this endpoint is read-only")
        if kind == "application/sparql-query":
            text = request.body.decode("utf-8", "replace")
        elif kind == "application/x-www-form-urlencoded":
            text = request.param("query") or ""
        else:
            raise QueryError(f"POST a query as application/sparql-query or a form, not {kind or 'no content type'!r}")
    else:
        if "update" in request.params:
            raise Refused("SPARQL Update is not accepted: this endpoint is read-only")
        text = request.param("query") or ""
    if not text.strip():
        raise QueryError("no query: give the SPARQL text as the `query` parameter")
    return text


def _accepted(accept: str) -> list[str]:
    ranges = []
    for i, part in enumerate(accept.split(",")):
        media, *params = [x.strip() for x in part.split(";")]
        q = 1.0
        for param in params:
            if param.startswith("q="):
                try:
                    q = float(param[2:])
                except ValueError:
                    q = 0.0
        if media and q > 0:
            ranges.append((-q, i, media.lower()))
    return [media for _, _, media in sorted(ranges)]


def negotiate(kind: str, format_name: str | None, accept: str) -> Format:
    """The format to answer in: ``format_name`` if given, else the best match of ``accept``, else the default.

    >>> negotiate("solutions", None, "text/csv;q=0.5, application/sparql-results+xml").name
    'xml'
    >>> negotiate("graph", None, "application/sparql-results+json, application/n-triples;q=0.9").name
    'ntriples'

    :raises QueryError: for a format name unknown for this kind of result.
    """
    if format_name:
        return find_format(ALIASES.get(format_name.lower(), format_name), kind)
    for media in _accepted(accept):
        name = ALIASES.get(media, media)
        for fmt in FORMATS:
            if fmt.kind == kind and name in (fmt.name, fmt.media_type) and fmt.name != "table":
                return fmt
    return find_format(DEFAULT[kind], kind)


class _RowCap(io.RawIOBase):
    """Collects a TSV result as pyoxigraph writes it, and stops the writing past ``max_rows`` rows."""

    def __init__(self, max_rows: int) -> None:
        self.max_lines = max_rows + 1  # the header line
        self.lines = 0
        self.chunks: list[bytes] = []

    def writable(self) -> bool:
        return True

    def write(self, chunk) -> int:  # type: ignore[override]
        self.lines += chunk.count(b"\n")
        if self.lines > self.max_lines:
            raise _OverLimit
        self.chunks.append(bytes(chunk))
        return len(chunk)


class _OverLimit(Exception):
    pass


def _limited(result: object, max_rows: int) -> object:
    """The result itself when it has at most ``max_rows`` rows or triples.

    :raises TooManyResults: otherwise; nothing much past the limit is computed.
    """
    if isinstance(result, ox.QueryBoolean):
        return result
    what = "triples" if isinstance(result, ox.QueryTriples) else "rows"
    too_many = TooManyResults(f"the result has more than {max_rows} {what}, the limit of this endpoint; "
                              "add a LIMIT or narrow the query")
    if isinstance(result, ox.QueryTriples):
        rows = list(islice(result, max_rows + 1))
        if len(rows) > max_rows:
            raise too_many
        return rows
    # pyoxigraph writes the rows as TSV (in Rust, far faster than reading each cell in Python) into a
    # buffer that stops it at the limit; the TSV read back is a result object any format can write.
    cap = _RowCap(max_rows)
    try:
        result.serialize(cap, format=ox.QueryResultsFormat.TSV)  # type: ignore[attr-defined]
    except _OverLimit:
        raise too_many from None
    return ox.parse_query_results(b"".join(cap.chunks), format=ox.QueryResultsFormat.TSV)


def execute(ctx: Context, text: str, format_name: str | None = None, accept: str = "",
            default_graphs: tuple[str, ...] = (), named_graphs: tuple[str, ...] = ()) -> Reply:
    """Run a query in this worker and write its result (the worker side of the endpoint).

    :raises QueryError: for a malformed query or an unknown format.
    :raises TooManyResults: past the row limit.
    """
    if default_graphs or named_graphs:
        try:
            result = ctx.store.query(
                text, prefixes=PREFIXES,
                default_graph=[ox.NamedNode(g) for g in default_graphs] or None,
                named_graphs=[ox.NamedNode(g) for g in named_graphs] or None,
                use_default_graph_as_union=not default_graphs)
        except (SyntaxError, ValueError, OSError) as exc:
            raise QueryError(f"malformed SPARQL: {exc}") from exc
    else:
        result = run_query(ctx.store, text)
    kind = result_kind(result)
    fmt = negotiate(kind, format_name, accept)
    try:
        if kind == "graph":
            body = fmt.write(_limited(result, ctx.settings.max_rows))
        else:
            body = render(_limited(result, ctx.settings.max_rows), fmt.name)
    except (RuntimeError, OSError) as exc:  # evaluation errors surface while the result is read
        raise QueryError(f"the query failed: {exc}") from exc
    media = fmt.media_type + ("; charset=utf-8" if fmt.media_type.startswith("text/") else "")
    return Reply(body, media)


async def endpoint(app, request: Request) -> Response:
    """Answer a SPARQL Protocol request (the app maps the errors raised here to statuses)."""
    if request.method not in ("GET", "HEAD", "POST"):
        return Response(405, b"use GET or POST", headers={"Allow": "GET, HEAD, POST"})
    if request.method == "GET" and not request.params and "text/html" in request.headers.get("accept", ""):
        return Response(303, headers={"Location": "/"})
    text = read_query(request)
    check_query(text, app.settings.allow_service)
    format_name = request.param("format")
    if format_name is None and request.method == "GET" and _accepted(request.headers.get("accept", ""))[:1] == ["text/html"]:
        return Response(303, headers={"Location": "/?query=" + quote(text)})
    reply = await app.pool.run(
        "sparql", text=text, format_name=format_name, accept=request.headers.get("accept", ""),
        default_graphs=tuple(request.params.get("default-graph-uri", []) or request.form().get("default-graph-uri", [])),
        named_graphs=tuple(request.params.get("named-graph-uri", []) or request.form().get("named-graph-uri", [])),
    )
    return Response(reply.status, reply.body, reply.media_type, {"Vary": "Accept", **reply.headers})
