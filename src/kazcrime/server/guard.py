"""What a query sent to the endpoint may do: no SPARQL Update, and SERVICE only to allowed hosts.

pyoxigraph carries out ``SERVICE <url>`` itself, so the check must happen before the query runs.
It reads the query the way the SPARQL grammar does (``\\u`` escapes first, then comments, strings and
IRIs as whole tokens) and refuses what it cannot resolve: a ``SERVICE ?variable`` or an unknown prefix.

>>> check_query("SELECT * { SERVICE <http://127.0.0.1:7878/query> { ?s ?p ?o } }", ["127.0.0.1:7878"])
>>> check_query("SELECT * { SERVICE <http://example.org/sparql> { ?s ?p ?o } }", [])
Traceback (most recent call last):
...
kazcrime.errors.Refused: SERVICE to example.org is not allowed on this endpoint (allowed hosts: none)
"""

from __future__ import annotations

import re
from typing import Iterable, Iterator
from urllib.parse import urljoin, urlsplit

from ..errors import Refused
from ..vocab import PREFIXES

__all__ = ["check_query", "is_update"]

_ESCAPE = re.compile(r"\\u([0-9A-Fa-f]{4})|\\U([0-9A-Fa-f]{8})")
_TOKEN = re.compile(
    r"""(?P<ws>\s+)
      | (?P<comment>\#[^\n\r]*)
      | (?P<string>'''(?:[^'\\]|\\.|'(?!''))*'''|\"\"\"(?:[^"\\]|\\.|"(?!""))*\"\"\"
                  |'(?:[^'\\\n\r]|\\.)*'|"(?:[^"\\\n\r]|\\.)*")
      | (?P<iri><[^<>"{}|^`\\\x00-\x20]*>)
      | (?P<var>[?$][\w\u00B7-\uFFFF]+)
      | (?P<pname>(?:[A-Za-z\u00C0-\uFFFF][\w.\-\u00B7-\uFFFF]*)?:(?:[\w\-.:%\u00B7-\uFFFF]|\\.)*)
      | (?P<word>[A-Za-z_]\w*)
      | (?P<other>.)""",
    re.X | re.S,
)
UPDATE_WORDS = {"INSERT", "DELETE", "LOAD", "CLEAR", "DROP", "CREATE", "ADD", "MOVE", "COPY", "WITH"}


def _unescape(text: str) -> str:
    return _ESCAPE.sub(lambda m: chr(int(m.group(1) or m.group(2), 16)), text)


def _tokens(text: str) -> Iterator[tuple[str, str]]:
    for m in _TOKEN.finditer(_unescape(text)):
        if m.lastgroup not in ("ws", "comment"):
            yield m.lastgroup or "other", m.group()


def is_update(text: str) -> bool:
    """True when the request is SPARQL Update (its first keyword after the prologue is an update operation).

    >>> is_update("PREFIX ex: <http://e/> INSERT DATA { ex:a ex:b ex:c }"), is_update("SELECT * {}")
    (True, False)
    """
    return _is_update(_tokens(text))


def _is_update(tokens: Iterable[tuple[str, str]]) -> bool:
    skip = 0
    for kind, value in tokens:
        if skip:
            skip -= 1
            continue
        upper = value.upper()
        if kind == "word" and upper == "PREFIX":
            skip = 2
        elif kind == "word" and upper == "BASE":
            skip = 1
        else:
            return kind == "word" and upper in UPDATE_WORDS
    return False


def _allowed(iri: str, allow: Iterable[str]) -> bool:
    parts = urlsplit(iri)
    host = (parts.hostname or "").lower()
    if not host:
        return False
    hostport = f"{host}:{parts.port}" if parts.port else host
    return any(entry.lower() in (host, hostport) for entry in allow)


def check_query(text: str, allow_service: Iterable[str] = ()) -> None:
    """Refuse SPARQL Update and SERVICE calls to hosts not on the allowlist (``host`` or ``host:port``).

    :raises Refused: naming the update or the SERVICE target that is not allowed.
    """
    allow = list(allow_service)
    if _is_update(_tokens(text)):
        raise Refused("SPARQL Update is not accepted: this endpoint is read-only")
    if "service" not in _unescape(text).lower():
        return  # the fast path: no SERVICE keyword can hide in the text
    tokens = list(_tokens(text))
    prefixes, base = dict(PREFIXES), ""
    for i, (kind, value) in enumerate(tokens):
        upper = value.upper() if kind == "word" else ""
        nxt = tokens[i + 1 : i + 4]
        if upper == "PREFIX" and len(nxt) >= 2 and nxt[0][0] == "pname" and nxt[1][0] == "iri":
            prefixes[nxt[0][1][:-1]] = urljoin(base, nxt[1][1][1:-1])
        elif upper == "BASE" and nxt and nxt[0][0] == "iri":
            base = urljoin(base, nxt[0][1][1:-1])
        elif upper == "SERVICE":
            if nxt and nxt[0][0] == "word" and nxt[0][1].upper() == "SILENT":
                nxt = nxt[1:]
            _check_service(nxt[0] if nxt else ("other", ""), prefixes, base, allow)


def _check_service(token: tuple[str, str], prefixes: dict[str, str], base: str, allow: list[str]) -> None:
    kind, value = token
    allowed = ", ".join(allow) or "none"
    if kind == "iri":
        iri = urljoin(base, value[1:-1])
    elif kind == "pname" and value.split(":", 1)[0] in prefixes:
        prefix, local = value.split(":", 1)
        iri = prefixes[prefix] + re.sub(r"\\(.)", r"\1", local)
    else:
        raise Refused(f"SERVICE {value or '(nothing)'} is not allowed: name the endpoint by its IRI (allowed hosts: {allowed})")
    if not _allowed(iri, allow):
        host = urlsplit(iri).hostname or iri
        raise Refused(f"SERVICE to {host} is not allowed on this endpoint (allowed hosts: {allowed})")
