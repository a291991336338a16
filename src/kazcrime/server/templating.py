"""Page templates (Jinja2, autoescaped: every label and quote is escaped) and the helpers they use."""

from __future__ import annotations

import json

from ..vocab import BASE, compact

__all__ = ["environment", "local_url", "json_for_script"]


def local_url(iri: str) -> str:
    """Where a resource's page is on this server (``https://w3id.org/kazcrime/id/x`` → ``/id/x``), else the IRI.

    >>> local_url("https://w3id.org/kazcrime/id/almaty"), local_url("https://w3id.org/kazcrime/ontology#Person")
    ('/id/almaty', '/ontology#Person')
    """
    return "/" + iri[len(BASE):] if iri.startswith(BASE) else iri


def json_for_script(value: object) -> str:
    """JSON that cannot close the ``<script type="application/json">`` block it sits in."""
    text = json.dumps(value, ensure_ascii=False, separators=(",", ":"))
    for char, code in (("<", "\\u003c"), (">", "\\u003e"), ("&", "\\u0026")):
        text = text.replace(char, code)
    return text


def environment():
    """The Jinja2 environment of the package's ``templates/`` folder, with autoescaping on."""
    import jinja2
    from markupsafe import Markup

    env = jinja2.Environment(loader=jinja2.PackageLoader("kazcrime.server", "templates"),
                             autoescape=True, trim_blocks=True, lstrip_blocks=True)
    env.filters["local"] = local_url
    env.filters["compact"] = compact
    env.filters["json_script"] = lambda v: Markup(json_for_script(v))
    return env
