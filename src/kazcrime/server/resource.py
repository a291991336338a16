"""Linked Data: every IRI under ``https://w3id.org/kazcrime/`` has a page here, as HTML or RDF.

``/id/x`` answers for ``https://w3id.org/kazcrime/id/x`` (and likewise ``/doc/``, ``/source/``,
``/concept/``, ``/fact/``): an HTML page for people, or Turtle, JSON-LD or N-Triples by content
negotiation (Accept header, or ``?format=``). Curated records get their entity card: every fact with
its source and evidence sentence (read from the document at run time), allegations labelled so.
"""

from __future__ import annotations

from functools import lru_cache
from importlib import resources

import pyoxigraph as ox

from ..cards import entity_card
from ..errors import NotFound
from ..formats import find_format, term_text
from ..vocab import BASE, KZD, KZG
from .http import Request, Response
from .worker import Context, Reply

__all__ = ["choose", "page", "render", "server_query"]

#: What each media type of an Accept header asks for.
MEDIA = {"text/html": "html", "application/xhtml+xml": "html", "text/turtle": "turtle",
         "application/x-turtle": "turtle", "application/ld+json": "jsonld", "application/n-triples": "ntriples"}


@lru_cache(maxsize=None)
def server_query(name: str) -> str:
    """The text of the server's ``queries/<name>.rq``."""
    return resources.files("kazcrime.server").joinpath("queries", f"{name}.rq").read_text(encoding="utf-8")


def choose(accept: str, format_name: str | None = None) -> str:
    """``html``, ``turtle``, ``jsonld`` or ``ntriples``: the format param wins, then the Accept header.

    >>> choose("text/turtle;q=0.9, application/ld+json"), choose("*/*"), choose("", "ttl")
    ('jsonld', 'html', 'turtle')
    """
    if format_name:
        name = {"ttl": "turtle", "json-ld": "jsonld", "nt": "ntriples"}.get(format_name.lower(), format_name.lower())
        if name == "html" or name in MEDIA.values():
            return name
        raise NotFound(f"no {format_name!r} version of this page: use html, turtle, jsonld or ntriples")
    from .sparql import _accepted

    for media in _accepted(accept):
        if media in MEDIA:
            return MEDIA[media]
        if media in ("*/*", "text/*"):
            return "html"
    return "html"


def _query(ctx: Context, name: str, iri: str):
    return ctx.store.query(server_query(name), use_default_graph_as_union=True,
                           substitutions={ox.Variable("this"): ox.NamedNode(iri)})


def _value(term: object) -> dict:
    iri = isinstance(term, ox.NamedNode)
    return {"iri": iri, "value": term_text(term), "blank": isinstance(term, ox.BlankNode)}


def _statements(ctx: Context, iri: str) -> tuple[list[dict], list[dict]]:
    out = [{"p": r["p"].value, "plabel": term_text(r["plabel"]), "o": _value(r["o"]),
            "olabel": term_text(r["olabel"]), "g": r["g"].value.removeprefix(KZG)} for r in _query(ctx, "outgoing", iri)]
    into = [{"p": r["p"].value, "plabel": term_text(r["plabel"]), "s": _value(r["s"]),
             "slabel": term_text(r["slabel"]), "g": r["g"].value.removeprefix(KZG)} for r in _query(ctx, "incoming", iri)]
    return out, into


def _passage(ctx: Context, iri: str) -> str | None:
    """The text of a document passage (section, paragraph, sentence) when ``iri`` names one."""
    doc = ctx.reader.doc
    if doc is None or not iri.startswith(f"{KZD}{doc.id}/"):
        return None
    return ctx.reader.text(iri.rsplit("/", 1)[-1].split("#")[0])


def render(ctx: Context, iri: str, format_name: str = "html") -> Reply:
    """A resource's page or RDF description (the worker side of :func:`page`).

    :raises NotFound: when the graph says nothing about ``iri``.
    """
    if not bool(_query(ctx, "exists", iri)):
        raise NotFound(f"the graph says nothing about <{iri}>")
    if format_name != "html":
        fmt = find_format(format_name, "graph")
        return Reply(fmt.write(list(_query(ctx, "describe", iri))), fmt.media_type)
    env = ctx.templates
    external = [r["link"].value for r in _query(ctx, "external", iri)]
    doc = ctx.reader.doc
    if bool(_query(ctx, "is-entity", iri)):
        card = entity_card(ctx.store, iri)
        evidence = {sid: ctx.reader.text(sid) for fact in card.facts for sid in fact.evidence}
        mentions = [(sid, ctx.reader.text(sid)) for sid in card.mentions[:50]]
        html = env.get_template("entity.html").render(
            card=card, evidence=evidence, mentions=mentions, more_mentions=max(0, len(card.mentions) - 50),
            external=external, doc_base=f"/doc/{doc.id}/" if doc else None, has_document=doc is not None,
            title=card.label)
    else:
        out, into = _statements(ctx, iri)
        label = next((s["o"]["value"] for s in out if s["p"].endswith(("#label", "#prefLabel"))), iri.rsplit("/", 1)[-1])
        html = env.get_template("resource.html").render(
            iri=iri, label=label, outgoing=out, incoming=into, external=external, passage=_passage(ctx, iri),
            title=label)
    return Reply(html.encode(), "text/html; charset=utf-8")


async def page(app, request: Request) -> Response:
    """Answer ``/id/...``, ``/doc/...``, ``/source/...``, ``/concept/...``, ``/fact/...``."""
    iri = BASE + request.path.lstrip("/")
    kind = choose(request.headers.get("accept", ""), request.param("format"))
    reply = await app.pool.run("resource", iri=iri, format_name=kind)
    headers = {"Vary": "Accept"}
    if kind == "html":
        headers["Content-Security-Policy"] = CSP
    return Response(reply.status, reply.body, reply.media_type, headers)


#: The pages' content security policy: scripts and styles from this server only, no other host.
CSP = ("default-src 'self'; script-src 'self'; style-src 'self' 'unsafe-inline'; img-src 'self' data:; "
       "connect-src 'self'; object-src 'none'; base-uri 'none'; frame-ancestors 'none'")
