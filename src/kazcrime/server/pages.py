"""The pages people read: the query page at ``/``, the ontology, the views index and network views.

The query page holds the YASGUI editor (vendored from npm into ``static/vendor/``, never a CDN),
the saved queries as a pick list, a results table linking to resource pages, downloads in each
format and "show as network" (``/view?query=...``, drawn by :mod:`kazcrime.render`).
"""

from __future__ import annotations

from functools import lru_cache

from ..errors import NotFound, QueryError
from ..formats import FORMATS
from ..paths import graph_dir
from ..queries import saved_queries
from ..vocab import PREFIXES
from .guard import check_query
from .http import Request, Response
from .resource import CSP, choose, server_query
from .worker import Context, Reply

__all__ = ["ROUTES", "PREFIX_ROUTES", "error_page", "view_page", "plot_page", "render_view", "render_network", "render_plot"]

#: Network views inline their drawing library, so they need inline scripts; other hosts stay blocked.
VIEW_CSP = "default-src 'self' 'unsafe-inline' data: blob:; object-src 'none'; base-uri 'none'"
HTML = "text/html; charset=utf-8"


@lru_cache(maxsize=1)
def _templates():
    from .templating import environment

    return environment()


def _html(template: str, status: int = 200, csp: str = CSP, **values) -> Response:
    body = _templates().get_template(template).render(**values).encode()
    return Response(status, body, HTML, {"Content-Security-Policy": csp})


def wants_html(request: Request) -> bool:
    """True when the client's first choice is HTML (a browser)."""
    from .sparql import _accepted

    first = _accepted(request.headers.get("accept", ""))[:1]
    return first == ["text/html"] or first == ["application/xhtml+xml"]


def error_page(app, request: Request, status: int, message: str) -> Response:
    """An error as an HTML page for browsers, as one line of text for everyone else."""
    if wants_html(request) and request.path != "/sparql":
        return _html("error.html", status, title=f"Error {status}", status=status, message=message)
    return Response(status, (message + "\n").encode())


async def home(app, request: Request) -> Response:
    """The query page: editor, saved queries, results, downloads, network."""
    saved = saved_queries()
    chosen = request.param("saved")
    text = request.param("query")
    if text is None:
        first = saved.get(chosen or "") or next(iter(saved.values()), None)
        chosen = first.name if first else None
        text = first.text if first else "SELECT ?s ?p ?o WHERE { ?s ?p ?o } LIMIT 10"
    data = {
        "saved": [{"name": q.name, "question": q.question, "text": q.text} for q in saved.values()],
        "prefixes": PREFIXES,
        "formats": [{"name": f.name, "kind": f.kind, "media": f.media_type} for f in FORMATS if f.name != "table"],
    }
    return _html("home.html", title="Query the graph", saved=saved, chosen=chosen, text=text, data=data)


async def ontology(app, request: Request) -> Response:
    """The ontology's documentation page (``graph/ontology.html``, written by the build), or its RDF."""
    kind = choose(request.headers.get("accept", ""), request.param("format"))
    if kind != "html":
        reply = await app.pool.run("sparql", text=server_query("ontology"), format_name=kind)
        return Response(200, reply.body, reply.media_type, {"Vary": "Accept"})
    page = graph_dir() / "ontology.html"
    if not page.exists():
        raise NotFound("no ontology page yet: run `kazcrime build`")
    csp = "default-src 'none'; style-src 'unsafe-inline'; img-src data:; base-uri 'none'"
    return Response(200, page.read_bytes(), HTML, {"Content-Security-Policy": csp, "Vary": "Accept"})


async def views_index(app, request: Request) -> Response:
    """The list of network views."""
    from ..plots import PLOTS
    from ..views import VIEWS

    return _html("views.html", title="Network views and charts", views=list(VIEWS.values()), plots=list(PLOTS.values()))


async def view_page(app, request: Request) -> Response:
    """``/view/<name>?entity=...&depth=...``: a named network view."""
    name = request.path.removeprefix("/view/")
    depth = request.param("depth")
    try:
        depth_value = int(depth) if depth else None
    except ValueError:
        raise QueryError(f"depth must be a whole number, not {depth!r}") from None
    reply = await app.pool.run("view", name=name, entity=request.param("entity") or None, depth=depth_value)
    return Response(200, reply.body, reply.media_type, {"Content-Security-Policy": VIEW_CSP})


async def plot_page(app, request: Request) -> Response:
    """``/plot/<name>.svg`` or ``.png``: a chart of the graph (the series, the timeline), drawn by a worker."""
    name, _, fmt = request.path.removeprefix("/plot/").rpartition(".")
    reply = await app.pool.run("plot", name=name, fmt=fmt)
    return Response(200, reply.body, reply.media_type, {"Cache-Control": "no-cache"})


async def network(app, request: Request) -> Response:
    """``/view?query=...``: a query's result drawn as a network ("show as network")."""
    text = request.param("query")
    if not text:
        return Response(303, headers={"Location": "/views"})
    check_query(text, app.settings.allow_service)
    reply = await app.pool.run("network", text=text)
    return Response(200, reply.body, reply.media_type, {"Content-Security-Policy": VIEW_CSP})


def render_view(ctx: Context, name: str, entity: str | None = None, depth: int | None = None) -> Reply:
    """The worker side of :func:`view_page`.

    :raises NotFound: for an unknown view or entity.
    """
    from ..render import view_to_html
    from ..views import build_view

    try:
        view = build_view(ctx.store, name, entity=entity, depth=depth)
    except ValueError as exc:
        raise QueryError(str(exc)) from exc
    return Reply(view_to_html(view, "", ctx.reader).encode(), HTML)


def render_network(ctx: Context, text: str) -> Reply:
    """The worker side of :func:`network`.

    :raises QueryError: for a malformed or ASK query.
    """
    from ..render import view_to_html
    from ..views import query_network

    return Reply(view_to_html(query_network(ctx.store, text), "", ctx.reader).encode(), HTML)


def render_plot(ctx: Context, name: str, fmt: str) -> Reply:
    """The worker side of :func:`plot_page`.

    :raises NotFound: for an unknown plot or format.
    """
    from ..plots import PLOT_FORMATS, plot_bytes

    if fmt not in PLOT_FORMATS:
        raise NotFound(f"no plot at {name}.{fmt}: plots are served as .svg or .png")
    return Reply(plot_bytes(ctx.store, name, fmt), PLOT_FORMATS[fmt])


async def robots(app, request: Request) -> Response:
    """Keep crawlers off the endpoint."""
    return Response(200, b"User-agent: *\nDisallow: /sparql\nDisallow: /view\n")


ROUTES = {"/": home, "/ontology": ontology, "/views": views_index, "/view": network, "/robots.txt": robots}
#: Pages whose path continues after a prefix (a view's or a plot's name).
PREFIX_ROUTES = [("/view/", view_page), ("/plot/", plot_page)]

