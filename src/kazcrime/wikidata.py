"""Wikidata links: curated by a person, confirmed or flagged against the endpoint, cached offline.

A person types a record's Wikidata item into ``graph/links/wikidata.yaml``; the link is *curated*.
``kazcrime link fetch`` (online, SPARQLWrapper) asks the endpoint, in batches, for each item's labels,
description, types, coordinates, ISO codes, population and inception, and writes what it got, with
the retrieval date, to ``graph/external/wikidata.ttl`` (atomically). The build, offline, loads that
cache as its own named graph and judges each curated link against it (:func:`judge`): *confirmed*
when the item's label and type agree with the record, *flagged* (and not asserted) when either
disagrees or the endpoint knew no such item, *curated* while it has not been fetched. No cache is
ever written by hand, so nothing unfetched is presented as fetched.

``kazcrime link suggest`` proposes items (exact label + type) for records without one into a review
file; nothing is asserted until a person accepts one (``kazcrime link accept``).

>>> item = Fetched("Q35493", labels={"Almaty"}, classes={"http://www.wikidata.org/entity/Q486972"})
>>> judge(Linkable("almaty", "Almaty", (), {"http://www.wikidata.org/entity/Q486972"}), item).status
'confirmed'
>>> judge(Linkable("almaty", "Almaty", (), {"http://www.wikidata.org/entity/Q486972"}), Fetched("Q35493", labels={"Astana"},
...       classes={"http://www.wikidata.org/entity/Q486972"})).note
"label: none of ours ('Almaty') equals Wikidata's ('Astana')"
"""

from __future__ import annotations

import json
import re
import socket
import time
import urllib.error
from dataclasses import dataclass, field
from datetime import datetime, timezone
from pathlib import Path
from typing import Callable, Iterable, Iterator

from .errors import FactsError, RemoteError
from .linking import normalize
from .vocab import KZC, PREFIXES

__all__ = ["DEFAULT_ENDPOINT", "WD", "WDT", "CuratedLink", "Linkable", "Fetched", "Verdict", "RetryPolicy",
           "load_curated", "load_alignment", "expected_types", "judge", "read_cache", "write_cache", "fetch",
           "suggest", "write_suggestions", "accept", "user_agent", "cache_path", "curated_path", "suggestions_path"]

#: The public Wikidata Query Service, the default endpoint of ``kazcrime link fetch`` and ``link suggest``.
DEFAULT_ENDPOINT = "https://query.wikidata.org/sparql"
WD = "http://www.wikidata.org/entity/"
WDT = "http://www.wikidata.org/prop/direct/"
SCHEMA_WD = "http://schema.org/"  # Wikidata's schema.org namespace (http, not https)
RDFS, SKOS, XSD = PREFIXES["rdfs"], PREFIXES["skos"], PREFIXES["xsd"]
_QID = re.compile(r"^Q[1-9][0-9]*$")
_SPARQL = Path(__file__).with_name("sparql")


def curated_path(root: Path) -> Path:
    """The curated links file: record ID → Q-ID."""
    return root / "graph" / "links" / "wikidata.yaml"


def cache_path(root: Path) -> Path:
    """The cache ``kazcrime link fetch`` writes and the build reads."""
    return root / "graph" / "external" / "wikidata.ttl"


def suggestions_path(root: Path) -> Path:
    """The review file ``kazcrime link suggest`` writes."""
    return root / "graph" / "links" / "wikidata-suggestions.yaml"


def user_agent() -> str:
    """The descriptive User-Agent sent to the endpoint (Wikimedia's policy asks for one); the contact in
    ``$KAZCRIME_CONTACT``, if set, is added.

    >>> user_agent().startswith("kazcrime/")
    True
    """
    import os
    from importlib.metadata import PackageNotFoundError, version

    def v(name: str) -> str:
        try:
            return version(name)
        except PackageNotFoundError:
            return "unknown"

    contact = os.environ.get("KAZCRIME_CONTACT")
    return (f"kazcrime/{v('kazcrime')} (knowledge graph of crime in Kazakhstan; checks curated Wikidata links"
            + (f"; {contact}" if contact else "") + f") SPARQLWrapper/{v('sparqlwrapper')}")


# ---------------------------------------------------------------------------------------------------------------
# Curated links and what a linked item must be


@dataclass(frozen=True)
class CuratedLink:
    """One line of ``graph/links/wikidata.yaml``: a record, its item, where it was typed."""

    record: str
    qid: str
    source: str  # "graph/links/wikidata.yaml:LINE"

    @property
    def item(self) -> str:
        return WD + self.qid


def load_curated(path: Path, known: Iterable[str] | None = None) -> dict[str, CuratedLink]:
    """The curated links by record ID (a missing file means none).

    :param known: the record IDs that exist; a link to any other raises.
    :raises FactsError: with file and line for a malformed Q-ID, an unknown record, or an item given twice.
    """
    import yaml

    from .facts import _LineLoader

    if not path.exists():
        return {}
    name = f"graph/links/{path.name}"
    data = yaml.load(path.read_text(encoding="utf-8"), Loader=_LineLoader) or {}
    links = data.get("links") or {}
    known_ids = set(known) if known is not None else None
    out: dict[str, CuratedLink] = {}
    owner: dict[str, str] = {}
    for record, qid in links.items():
        line = links.lines.get(record, 0)
        if not isinstance(qid, str) or not _QID.match(qid):
            raise FactsError(name, line, str(record), f"expected a Wikidata item ID such as Q232, got {qid!r}")
        if known_ids is not None and record not in known_ids:
            raise FactsError(name, line, str(record), "no record has this ID")
        if qid in owner:
            raise FactsError(name, line, str(record), f"{qid} is already linked to {owner[qid]}")
        owner[qid] = record
        out[str(record)] = CuratedLink(str(record), qid, f"{name}:{line}")
    return out


def load_alignment(ontology) -> dict[str, set[str]]:
    """``kzc:wikidataType`` by class IRI, read from an rdflib graph of the ontology."""
    import rdflib

    out: dict[str, set[str]] = {}
    for cls, wd_class in ontology.subject_objects(rdflib.URIRef(KZC + "wikidataType")):
        out.setdefault(str(cls), set()).add(str(wd_class))
    return out


def expected_types(cls: str, ontology, alignment: dict[str, set[str]]) -> set[str]:
    """The Wikidata classes an item linked to an instance of ``cls`` must belong to: the class's own
    ``kzc:wikidataType``, else its nearest superclass's (empty when none has one)."""
    import rdflib

    frontier = [rdflib.URIRef(cls)]
    seen = set()
    while frontier:
        found = set().union(*(alignment.get(str(c), set()) for c in frontier))
        if found:
            return found
        seen.update(frontier)
        frontier = [p for c in frontier for p in ontology.objects(c, rdflib.RDFS.subClassOf)
                    if isinstance(p, rdflib.URIRef) and p not in seen]
    return set()


# ---------------------------------------------------------------------------------------------------------------
# Judging a link against what was fetched


@dataclass(frozen=True)
class Linkable:
    """What a link is judged against: the record's names and the Wikidata classes its item must belong to."""

    record: str
    label: str
    alt: tuple[str, ...]
    expected: set[str]


@dataclass
class Fetched:
    """What the cache holds about one item."""

    qid: str
    labels: set[str] = field(default_factory=set)  # English and multilingual labels and aliases
    classes: set[str] = field(default_factory=set)  # expected classes it belongs to (kzc:instanceOfClass)
    types: dict[str, str] = field(default_factory=dict)  # direct wdt:P31 → its English label (or the IRI)
    retrieved_on: str | None = None
    endpoint: str | None = None


@dataclass(frozen=True)
class Verdict:
    """A link's status (``curated``, ``confirmed`` or ``flagged``), why, and when the item was fetched."""

    status: str
    note: str | None = None
    retrieved_on: str | None = None


def judge(record: Linkable, item: Fetched | None) -> Verdict:
    """Confirm or flag a curated link against its fetched item (``None``: not fetched, so still curated)."""
    if item is None:
        return Verdict("curated")
    if not item.labels and not item.types:
        return Verdict("flagged", "the endpoint returned nothing for this item (wrong, deleted or merged ID?)",
                       item.retrieved_on)
    problems = []
    ours = {normalize(n): n for n in (record.label, *record.alt)}
    theirs = {normalize(n) for n in item.labels}
    if not set(ours) & theirs:
        shown = ", ".join(repr(n) for n in sorted(item.labels)[:5]) or "none"
        problems.append(f"label: none of ours ({', '.join(repr(n) for n in ours.values())}) equals Wikidata's ({shown})")
    if not record.expected:
        return Verdict("curated", "the type cannot be checked: no kzc:wikidataType for the record's class",
                       item.retrieved_on) if not problems else Verdict("flagged", "; ".join(problems), item.retrieved_on)
    if not record.expected & item.classes:
        types = ", ".join(sorted(item.types.values())) or "no type"
        problems.append(f"type: expected an instance of {', '.join(sorted(q[len(WD):] for q in record.expected))}; "
                        f"Wikidata says {types}")
    if problems:
        return Verdict("flagged", "; ".join(problems), item.retrieved_on)
    return Verdict("confirmed", None, item.retrieved_on)


# ---------------------------------------------------------------------------------------------------------------
# The cache


def read_cache(path: Path) -> dict[str, Fetched]:
    """What ``graph/external/wikidata.ttl`` holds, by Q-ID (a missing file means nothing was fetched).

    :raises SyntaxError: naming the file when the cache does not parse.
    """
    import rdflib

    if not path.exists():
        return {}
    graph = rdflib.Graph()
    try:
        graph.parse(path, format="turtle")
    except Exception as exc:  # rdflib raises its own BadSyntax
        raise SyntaxError(f"{path}: {exc}") from exc
    return _items(graph)


def _items(graph) -> dict[str, Fetched]:
    import rdflib

    U = rdflib.URIRef
    out: dict[str, Fetched] = {}
    type_labels = {str(s): str(o) for s, o in graph.subject_objects(U(RDFS + "label"))
                   if isinstance(o, rdflib.Literal) and o.language == "en"}
    for s, when in graph.subject_objects(U(KZC + "retrievedOn")):
        qid = str(s)[len(WD):]
        item = out[qid] = Fetched(qid, retrieved_on=str(when), endpoint=str(graph.value(s, U(KZC + "retrievedFrom")) or ""))
        for p in (RDFS + "label", SKOS + "altLabel"):
            item.labels.update(str(o) for o in graph.objects(s, U(p)))
        item.classes.update(str(o) for o in graph.objects(s, U(KZC + "instanceOfClass")))
        item.types.update({str(o): type_labels.get(str(o), str(o)[len(WD):]) for o in graph.objects(s, U(WDT + "P31"))})
    return out


def write_cache(path: Path, triples: Iterable[tuple], endpoint: str, retrieved_on: str) -> int:
    """Write fetched triples (rdflib terms) as sorted Turtle, atomically, with a header naming the endpoint
    and the date; return how many triples were written."""
    import rdflib

    from .paths import atomic_output

    graph = rdflib.Graph()
    for prefix, ns in (("wd", WD), ("wdt", WDT), ("schema", SCHEMA_WD), ("kzc", KZC), ("rdfs", RDFS), ("skos", SKOS),
                       ("xsd", XSD), ("geo", "http://www.opengis.net/ont/geosparql#")):
        graph.bind(prefix, ns, override=True, replace=True)
    for triple in triples:
        graph.add(triple)
    body = graph.serialize(format="turtle")
    header = (f"# Fetched by `kazcrime link fetch` from {endpoint} on {retrieved_on}.\n"
              "# Written by code, never by hand: to refresh it, run the fetch again. The build loads it as the named\n"
              "# graph https://w3id.org/kazcrime/graph/external/wikidata and confirms or flags curated links against it.\n")
    with atomic_output(path) as tmp:
        tmp.write_text(header + body, encoding="utf-8")
    return len(graph)


# ---------------------------------------------------------------------------------------------------------------
# Talking to the endpoint


@dataclass(frozen=True)
class RetryPolicy:
    """How patiently to ask: per-request timeout, attempts, backoff, and a limit on the whole run (seconds)."""

    timeout: float = 60.0
    attempts: int = 4
    backoff: float = 2.0
    time_limit: float = 600.0
    max_wait: float = 60.0


def _filled(name: str, **values: str) -> str:
    """A query of ``sparql/NAME.rq`` with each empty ``VALUES ?var { }`` (or ``VALUES (?a ?b) { }``) filled."""
    text = (_SPARQL / f"{name}.rq").read_text(encoding="utf-8")
    for var, rows in values.items():
        pattern = re.compile(r"VALUES (\?" + var + r"|\(\?" + var + r"[^)]*\)) \{ \}")
        if not pattern.search(text):
            raise ValueError(f"{name}.rq has no empty VALUES block for ?{var}")
        text = pattern.sub(lambda m: f"VALUES {m.group(1)} {{ {rows} }}", text, count=1)
    return text


def _retryable(exc: BaseException) -> tuple[bool, float | None, str]:
    """(retry?, the server's Retry-After in seconds, a short description) for a failed request."""
    from SPARQLWrapper.SPARQLExceptions import EndPointInternalError, SPARQLWrapperException

    if isinstance(exc, urllib.error.HTTPError):
        after = exc.headers.get("Retry-After") if exc.headers else None
        wait = float(after) if after and after.strip().isdigit() else None
        return exc.code in (429, 502, 503, 504), wait, f"HTTP {exc.code}"
    if isinstance(exc, EndPointInternalError):
        return True, None, "HTTP 500"
    if isinstance(exc, SPARQLWrapperException):
        return False, None, str(exc).splitlines()[0]
    if isinstance(exc, (TimeoutError, socket.timeout)) or (
            isinstance(exc, urllib.error.URLError) and isinstance(exc.reason, (TimeoutError, socket.timeout))):
        return True, None, "timed out"
    if isinstance(exc, (urllib.error.URLError, OSError)):
        return False, None, f"cannot reach the endpoint: {getattr(exc, 'reason', exc)}"
    return False, None, repr(exc)


def _select(endpoint: str, query: str, policy: RetryPolicy, deadline: float,
            sleep: Callable[[float], None] = time.sleep) -> list[dict]:
    """Run a SELECT and return its SPARQL JSON bindings, retrying with backoff on 429, 5xx and timeouts.

    :raises RemoteError: when the endpoint refuses, keeps failing, runs out of time, or answers malformed JSON.
    """
    from SPARQLWrapper import JSON, POST, SPARQLWrapper

    last = "no attempt made"
    for attempt in range(1, policy.attempts + 1):
        left = deadline - time.monotonic()
        if left <= 0:
            raise RemoteError(f"{endpoint}: the time limit ran out ({last})")
        client = SPARQLWrapper(endpoint, agent=user_agent())
        client.setMethod(POST)
        client.setReturnFormat(JSON)
        client.setQuery(query)
        client.timeout = max(0.1, min(policy.timeout, left))  # float: SPARQLWrapper's setTimeout rounds to int
        try:
            body = client.query().response.read()
        except Exception as exc:  # noqa: BLE001 - sorted by _retryable
            retry, after, last = _retryable(exc)
            if not retry:
                raise RemoteError(f"{endpoint} refused the query: {last}") from exc
            if attempt == policy.attempts:
                raise RemoteError(f"{endpoint} kept failing ({last}) after {attempt} attempts") from exc
            wait = min(policy.max_wait, after if after is not None else policy.backoff * 2 ** (attempt - 1))
            if time.monotonic() + wait >= deadline:
                raise RemoteError(f"{endpoint}: the time limit ran out ({last})") from exc
            sleep(wait)
            continue
        try:
            data = json.loads(body)
            bindings = data["results"]["bindings"]
            if not isinstance(data["head"]["vars"], list) or not isinstance(bindings, list):
                raise TypeError("not lists")
            return bindings
        except (ValueError, KeyError, TypeError) as exc:
            raise RemoteError(f"{endpoint} sent an answer that is not SPARQL JSON results ({exc})") from exc
    raise RemoteError(f"{endpoint}: {last}")


def _term(binding: dict):
    """An rdflib term from a SPARQL JSON binding (blank nodes give None)."""
    import rdflib

    kind, value = binding.get("type"), binding.get("value")
    if not isinstance(value, str):
        raise RemoteError(f"a result term has no value: {binding!r}")
    if kind == "uri":
        return rdflib.URIRef(value)
    if kind in ("literal", "typed-literal"):
        if binding.get("xml:lang"):
            return rdflib.Literal(value, lang=binding["xml:lang"])
        datatype = binding.get("datatype")
        return rdflib.Literal(value, datatype=rdflib.URIRef(datatype) if datatype and datatype != XSD + "string" else None)
    return None


def _batches(items: list[str], size: int) -> Iterator[list[str]]:
    for start in range(0, len(items), size):
        yield items[start:start + size]


@dataclass
class FetchResult:
    """What a fetch brought back: the triples (cache content) and the items by Q-ID."""

    triples: list[tuple]
    items: dict[str, Fetched]
    batches: int
    retrieved_on: str


def fetch(endpoint: str, qids: Iterable[str], classes: Iterable[str], policy: RetryPolicy | None = None,
          batch_size: int = 50, retrieved_on: str | None = None, sleep: Callable[[float], None] = time.sleep) -> FetchResult:
    """Ask ``endpoint`` about ``qids`` in batches; every item asked about gets ``kzc:retrievedOn`` and
    ``kzc:retrievedFrom`` (so an item the endpoint does not know is recorded as fetched and empty).

    :raises RemoteError: when a batch fails for good (nothing is returned: a cache is all or nothing).
    """
    import rdflib

    policy = policy or RetryPolicy()
    when = retrieved_on or datetime.now(timezone.utc).replace(microsecond=0).strftime("%Y-%m-%dT%H:%M:%SZ")
    deadline = time.monotonic() + policy.time_limit
    class_rows = " ".join(f"<{c}>" for c in sorted(classes))
    triples: list[tuple] = []
    wanted = sorted(set(qids), key=lambda q: int(q[1:]))
    count = 0
    for batch in _batches(wanted, max(1, batch_size)):
        count += 1
        query = _filled("wikidata-fetch", item=" ".join(f"<{WD}{q}>" for q in batch), **{"class": class_rows})
        asked = {WD + q for q in batch}
        for row in _select(endpoint, query, policy, deadline, sleep):
            if not all(k in row for k in ("s", "p", "o")):
                raise RemoteError(f"{endpoint} sent a row without ?s ?p ?o: {row!r}")
            s, p, o = (_term(row[k]) for k in ("s", "p", "o"))
            if s is None or o is None or not isinstance(p, rdflib.URIRef):
                continue
            if p == rdflib.URIRef(KZC + "instanceOfClass") and str(s) not in asked:
                continue
            triples.append((s, p, o))
        for item in sorted(asked):
            triples.append((rdflib.URIRef(item), rdflib.URIRef(KZC + "retrievedOn"), rdflib.Literal(when, datatype=rdflib.XSD.dateTime)))
            triples.append((rdflib.URIRef(item), rdflib.URIRef(KZC + "retrievedFrom"), rdflib.URIRef(endpoint)))
    graph = rdflib.Graph()
    for t in triples:
        graph.add(t)
    return FetchResult(triples, _items(graph), count, when)


# ---------------------------------------------------------------------------------------------------------------
# Suggestions and accepting them


@dataclass(frozen=True)
class Candidate:
    """An item proposed for a record."""

    qid: str
    label: str | None
    description: str | None


def suggest(endpoint: str, records: dict[str, tuple[str, tuple[str, ...], frozenset[str]]], policy: RetryPolicy | None = None,
            batch_size: int = 25, sleep: Callable[[float], None] = time.sleep) -> dict[str, list[Candidate]]:
    """Items whose label or alias equals a record's label or spelling and whose type fits, per record.

    :param records: record ID → (label, spellings, Wikidata classes its item must belong to).
    :raises RemoteError: when the endpoint fails for good.
    """
    policy = policy or RetryPolicy()
    deadline = time.monotonic() + policy.time_limit
    groups: dict[frozenset[str], list[str]] = {}
    for record, (_, _, classes) in sorted(records.items()):
        if classes:
            groups.setdefault(classes, []).append(record)
    found: dict[str, dict[str, Candidate]] = {}
    for classes, members in sorted(groups.items(), key=lambda kv: sorted(kv[0])):
        for batch in _batches(members, max(1, batch_size)):
            rows = []
            for record in batch:
                label, alt, _ = records[record]
                for name in dict.fromkeys(n for n in (re.sub(r"\s*\([^)]*\)", "", label).strip(), *alt) if n):
                    for lang in ("en", "mul"):
                        rows.append(f"({json.dumps(record)} {json.dumps(name)}@{lang})")
            query = _filled("wikidata-suggest", record=" ".join(rows), **{"class": " ".join(f"<{c}>" for c in sorted(classes))})
            for row in _select(endpoint, query, policy, deadline, sleep):
                record, item = row.get("record", {}).get("value"), row.get("item", {}).get("value", "")
                if record not in records or not item.startswith(WD):
                    continue
                qid = item[len(WD):]
                found.setdefault(record, {})[qid] = Candidate(qid, row.get("label", {}).get("value"),
                                                               row.get("description", {}).get("value"))
    return {r: sorted(c.values(), key=lambda c: int(c.qid[1:])) for r, c in sorted(found.items())}


def write_suggestions(path: Path, found: dict[str, list[Candidate]], records: dict[str, tuple], endpoint: str, when: str) -> None:
    """Write the review file of suggestions (atomically); nothing in it is asserted."""
    import yaml

    from .paths import atomic_output

    body = {r: {"label": records[r][0],
                "candidates": [{k: v for k, v in (("item", c.qid), ("label", c.label), ("description", c.description)) if v}
                               for c in cands]}
            for r, cands in found.items()}
    header = (f"# Wikidata items proposed by `kazcrime link suggest` on {when} from {endpoint}, for records without a\n"
              "# curated item: same label or alias, and a type that fits the record's class. Nothing here is asserted.\n"
              "# Check an item, then accept it with `kazcrime link accept RECORD QID` (it goes to graph/links/wikidata.yaml).\n")
    with atomic_output(path) as tmp:
        tmp.write_text(header + yaml.safe_dump({"suggestions": body}, sort_keys=False, allow_unicode=True, width=120),
                       encoding="utf-8")


def accept(path: Path, record: str, qid: str, label: str, known: Iterable[str]) -> CuratedLink:
    """Append ``record: qid`` to the curated links file (a person's decision), after checking it.

    :raises ValueError: for a malformed Q-ID, an unknown record, or a record or item already linked.
    """
    if not _QID.match(qid):
        raise ValueError(f"{qid!r} is not a Wikidata item ID (Q followed by digits)")
    if record not in set(known):
        raise ValueError(f"no record has the ID {record!r}")
    current = load_curated(path)
    if record in current:
        raise ValueError(f"{record} is already linked to {current[record].qid} ({current[record].source})")
    taken = {link.qid: r for r, link in current.items()}
    if qid in taken:
        raise ValueError(f"{qid} is already linked to {taken[qid]}")
    text = path.read_text(encoding="utf-8") if path.exists() else "links:\n"
    if not re.search(r"^links:", text, re.M):
        raise ValueError(f"{path} has no `links:` section to add to")
    when = datetime.now(timezone.utc).strftime("%Y-%m-%d")
    text = text.rstrip("\n") + f"\n  {record}: {qid}  # {label} (accepted {when})\n"
    from .paths import atomic_output

    with atomic_output(path) as tmp:
        tmp.write_text(text, encoding="utf-8")
    return load_curated(path)[record]
