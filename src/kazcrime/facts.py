"""Curated facts: read ``graph/facts/*.yaml`` into typed records, with file and line for every error.

The loader checks what a reviewer cannot easily see: that every type, property and concept exists in
the ontology, that every reference names a record or concept, that IDs are unique across files, and
(given a document) that every evidence ID names a sentence of it. All problems are collected, so a
curator sees them together; :func:`load_facts` raises one :class:`FactsError` listing them.
"""

from __future__ import annotations

import datetime as _dt
import difflib
import re
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import yaml

from .errors import FactsError
from .sources import Document, Sentence
from .vocab import KZ, KZC, PREFIXES, Vocabulary

__all__ = ["Value", "Record", "Relation", "FactSet", "load_facts", "check_facts", "parse_date"]

#: Top-level lists of records, and the type a record in them has when it names none.
RECORD_LISTS = {"entities": None, "events": None, "claims": "Claim", "flows": "TraffickingFlow", "statistics": "Observation"}
#: Keys of a record that are not ontology properties.
RECORD_KEYS = {"id", "type", "label", "alt", "comment", "evidence"}
#: Qualifiers a relation may carry, and the kzc property each becomes.
QUALIFIERS = {"date": "date", "role": "role", "note": "note", "allegedly": "allegedly"}
#: Datatype properties whose values are dates of year, month or day precision.
DATE_PROPERTIES = {KZC + p for p in ("date", "startDate", "endDate", "refPeriod", "periodEnd")}
TOP_LEVEL = set(RECORD_LISTS) | {"covers", "review", "relations", "skipped_numbers", "skipped_paragraphs"}
ID_PATTERN = re.compile(r"^[a-z0-9][a-z0-9-]*$")
XSD = PREFIXES["xsd"]


@dataclass(frozen=True)
class Value:
    """A resolved property value: an IRI, or a literal with its datatype IRI."""

    iri: str | None = None
    literal: str | None = None
    datatype: str | None = None


@dataclass
class Record:
    """An entity, event, claim, flow or statistic with its properties and evidence."""

    id: str
    type: str
    label: str | None
    alt: list[str]
    comment: str | None
    evidence: list[str]
    properties: list[tuple[str, Value]]
    file: str
    line: int

    @property
    def iri(self) -> str:
        return KZ + self.id


@dataclass
class Relation:
    """A binary fact between records (or a record and a literal), with evidence and qualifiers."""

    subject: str
    predicate: str
    object: Value
    evidence: list[str]
    qualifiers: list[tuple[str, Value]]
    file: str
    line: int

    @property
    def key(self) -> str:
        """The stable identifier of this fact, minted from the curated IDs it links."""
        obj = self.object.iri or self.object.literal or ""
        local = lambda iri: iri.rsplit("/", 1)[-1].rsplit("#", 1)[-1]  # noqa: E731
        return f"{local(self.subject)}.{local(self.predicate)}.{re.sub(r'[^A-Za-z0-9-]+', '_', local(obj))}"


@dataclass
class FactSet:
    """Everything curated: records by ID, relations, and what each file covers and skips."""

    records: dict[str, Record] = field(default_factory=dict)
    relations: list[Relation] = field(default_factory=list)
    covers: dict[str, list[str]] = field(default_factory=dict)
    reviews: dict[str, dict[str, Any]] = field(default_factory=dict)
    skipped_numbers: list[dict[str, Any]] = field(default_factory=list)
    #: Paragraphs or sections deliberately left out of the graph (e.g. the site's own boilerplate), with why.
    skipped_paragraphs: list[dict[str, Any]] = field(default_factory=list)


class _Map(dict):
    line: int = 0
    lines: dict[str, int]


class _Seq(list):
    line: int = 0


class _LineLoader(yaml.SafeLoader):
    """A safe loader whose mappings and sequences remember their line numbers."""


def _construct_mapping(loader: _LineLoader, node: yaml.MappingNode) -> _Map:
    loader.flatten_mapping(node)
    out = _Map()
    out.line, out.lines = node.start_mark.line + 1, {}
    for key_node, value_node in node.value:
        key = loader.construct_object(key_node, deep=True)
        out[key] = loader.construct_object(value_node, deep=True)
        out.lines[key] = key_node.start_mark.line + 1
    return out


def _construct_sequence(loader: _LineLoader, node: yaml.SequenceNode) -> _Seq:
    out = _Seq(loader.construct_object(child, deep=True) for child in node.value)
    out.line = node.start_mark.line + 1
    return out


_LineLoader.add_constructor(yaml.resolver.BaseResolver.DEFAULT_MAPPING_TAG, _construct_mapping)
_LineLoader.add_constructor(yaml.resolver.BaseResolver.DEFAULT_SEQUENCE_TAG, _construct_sequence)


def parse_date(value: object) -> tuple[str, str]:
    """A date of the precision the text gives, as (lexical form, xsd datatype IRI).

    >>> parse_date(2015), parse_date("2015-03"), parse_date(_dt.date(2015, 3, 4))
    (('2015', 'http://www.w3.org/2001/XMLSchema#gYear'), ('2015-03', 'http://www.w3.org/2001/XMLSchema#gYearMonth'), ('2015-03-04', 'http://www.w3.org/2001/XMLSchema#date'))
    """
    if isinstance(value, _dt.date):
        return value.isoformat(), XSD + "date"
    text = str(value)
    if re.fullmatch(r"\d{4}", text):
        return text, XSD + "gYear"
    if re.fullmatch(r"\d{4}-(0[1-9]|1[0-2])", text):
        return text, XSD + "gYearMonth"
    if re.fullmatch(r"\d{4}-\d{2}-\d{2}", text):
        _dt.date.fromisoformat(text)
        return text, XSD + "date"
    raise ValueError(f"expected a date like 2015, 2015-03 or 2015-03-04, got {value!r}")


class _Collector:
    """Gathers problems as FactsErrors so that all of them can be reported at once."""

    def __init__(self) -> None:
        self.errors: list[FactsError] = []

    def add(self, path: str, line: int | None, field_: str | None, message: str) -> None:
        self.errors.append(FactsError(path, line, field_, message))


def _expand(name: str, vocab: Vocabulary, kinds: tuple[str, ...]) -> str | None:
    """The IRI of a property written as a local name (kzc) or a CURIE, if the ontology has it."""
    if ":" in name:
        prefix, local = name.split(":", 1)
        iri = PREFIXES.get(prefix, "\0") + local
    else:
        iri = KZC + name
    return iri if vocab.property_kind(iri) in kinds else None


def _suggest(name: str, options: list[str]) -> str:
    close = difflib.get_close_matches(name, options, n=1)
    return f" (did you mean {close[0]!r}?)" if close else ""


class _Loader:
    def __init__(self, vocab: Vocabulary, doc: Document | None) -> None:
        self.vocab, self.doc = vocab, doc
        self.problems = _Collector()
        self.facts = FactSet()
        self.raw: list[tuple[str, _Map, str | None]] = []
        self.raw_relations: list[tuple[str, Any]] = []
        self.local_props = sorted(
            {i[len(KZC):] for i in list(vocab.object_properties) + list(vocab.datatype_properties) if i.startswith(KZC)}
        )
        self.local_classes = sorted(c[len(KZC):] for c in vocab.classes)

    # -- first pass: shapes and IDs ------------------------------------------------------------
    def read_file(self, path: Path, label: str) -> None:
        try:
            data = yaml.load(path.read_text(encoding="utf-8"), Loader=_LineLoader)
        except yaml.YAMLError as exc:
            mark = getattr(exc, "problem_mark", None)
            self.problems.add(label, mark.line + 1 if mark else None, None, f"not valid YAML: {getattr(exc, 'problem', exc)}")
            return
        except OSError as exc:
            self.problems.add(label, None, None, f"cannot read: {exc}")
            return
        if data is None:
            return
        if not isinstance(data, dict):
            self.problems.add(label, 1, None, "a facts file must be a mapping of lists (entities:, relations:, ...)")
            return
        for key in data:
            if key not in TOP_LEVEL:
                self.problems.add(label, data.lines[key], key, f"unknown top-level key{_suggest(key, sorted(TOP_LEVEL))}")
        self.facts.covers[label] = list(data.get("covers") or [])
        if data.get("review"):
            self.facts.reviews[label] = dict(data["review"])
        for item in data.get("skipped_numbers") or []:
            self.facts.skipped_numbers.append({**item, "file": label})
        for item in data.get("skipped_paragraphs") or []:
            self._skip_paragraph(label, item)
        for list_name, default_type in RECORD_LISTS.items():
            items = data.get(list_name) or []
            if not isinstance(items, list):
                self.problems.add(label, data.lines[list_name], list_name, "must be a list of records")
                continue
            for item in items:
                if not isinstance(item, dict):
                    self.problems.add(label, getattr(items, "line", None), list_name, "each record must be a mapping")
                    continue
                self._register(label, item, default_type)
        relations = data.get("relations") or []
        if not isinstance(relations, list):
            self.problems.add(label, data.lines["relations"], "relations", "must be a list")
            relations = []
        for item in relations:
            self.raw_relations.append((label, item))

    def _skip_paragraph(self, label: str, item: Any) -> None:
        line = getattr(item, "line", None)
        if not isinstance(item, dict) or not item.get("where") or not item.get("why"):
            self.problems.add(label, line, "skipped_paragraphs", "each entry needs `where` (a section or paragraph ID) and `why`")
            return
        where = str(item["where"])
        if self.doc is not None and isinstance(self.doc.index.get(where), Sentence | None):
            self.problems.add(label, line, "skipped_paragraphs", f"{where!r} is not a section or paragraph ID of {self.doc.id}")
            return
        self.facts.skipped_paragraphs.append({"where": where, "why": str(item["why"]), "file": label})

    def _register(self, label: str, item: _Map, default_type: str | None) -> None:
        rid = item.get("id")
        if not isinstance(rid, str) or not ID_PATTERN.match(rid):
            self.problems.add(label, item.line, "id", f"missing or malformed id {rid!r} (use lower-case words joined by hyphens)")
            return
        if rid in self.vocab.concepts:
            self.problems.add(label, item.line, "id", f"{rid!r} is already a concept ID in ontology/concepts.ttl")
        for other_label, other, _ in self.raw:
            if other.get("id") == rid:
                self.problems.add(label, item.line, "id", f"{rid!r} is already defined at {other_label}:{other.line}")
                return
        self.raw.append((label, item, default_type))

    # -- second pass: resolve -----------------------------------------------------------------
    def resolve(self) -> FactSet:
        ids = {item["id"] for _, item, _ in self.raw}
        for label, item, default_type in self.raw:
            record = self._record(label, item, default_type, ids)
            if record:
                self.facts.records[record.id] = record
        for label, item in self.raw_relations:
            relation = self._relation(label, item, ids)
            if relation:
                self.facts.relations.append(relation)
        self._check_duplicate_relations()
        return self.facts

    def _record(self, label: str, item: _Map, default_type: str | None, ids: set[str]) -> Record | None:
        line = lambda key: item.lines.get(key, item.line)  # noqa: E731
        type_name = item.get("type", default_type)
        if not type_name:
            self.problems.add(label, item.line, "type", f"record {item['id']!r} has no type")
            return None
        if KZC + str(type_name) not in self.vocab.classes:
            self.problems.add(label, line("type"), "type", f"unknown class {type_name!r}{_suggest(str(type_name), self.local_classes)}")
        alt = item.get("alt") or []
        if isinstance(alt, str):
            alt = [alt]
        evidence = self._evidence(label, line("evidence"), item.get("evidence"), item["id"])
        props: list[tuple[str, Value]] = []
        for key, raw in item.items():
            if key in RECORD_KEYS:
                continue
            props.extend(self._values(label, line(key), key, raw, ids))
        text = lambda key: None if item.get(key) is None else str(item.get(key))  # noqa: E731
        return Record(item["id"], KZC + str(type_name), text("label"), [str(a) for a in alt], text("comment"), evidence, props, label, item.line)

    def _values(self, label: str, line: int, key: str, raw: Any, ids: set[str]) -> list[tuple[str, Value]]:
        prop = _expand(str(key), self.vocab, ("object", "datatype"))
        if prop is None:
            self.problems.add(label, line, str(key), f"unknown property {key!r}{_suggest(str(key), self.local_props)}")
            return []
        values = raw if isinstance(raw, list) else [raw]
        out = []
        for value in values:
            resolved = self._value(label, line, str(key), prop, value, ids)
            if resolved:
                out.append((prop, resolved))
        return out

    def _value(self, label: str, line: int, key: str, prop: str, value: Any, ids: set[str]) -> Value | None:
        if self.vocab.property_kind(prop) == "object":
            if not isinstance(value, str):
                self.problems.add(label, line, key, f"expects a record or concept ID, got {value!r}")
                return None
            if value in ids:
                return Value(iri=KZ + value)
            if value in self.vocab.concepts:
                return Value(iri=self.vocab.concepts[value])
            options = sorted(ids) + sorted(self.vocab.concepts)
            self.problems.add(label, line, key, f"{value!r} is neither a record ID nor a concept ID{_suggest(value, options)}")
            return None
        try:
            return _literal(prop, value, self.vocab.datatype_properties.get(prop))
        except ValueError as exc:
            self.problems.add(label, line, key, str(exc))
            return None

    def _relation(self, label: str, item: Any, ids: set[str]) -> Relation | None:
        line = getattr(item, "line", None)
        if isinstance(item, list):
            if len(item) not in (3, 4) or (len(item) == 4 and not isinstance(item[3], dict)):
                self.problems.add(label, line, "relations", "a relation list is [subject, property, object] or [s, p, o, {evidence: ...}]")
                return None
            extra = item[3] if len(item) == 4 else {}
            s, p, o = item[:3]
        elif isinstance(item, dict):
            extra = {k: v for k, v in item.items() if k not in ("s", "p", "o")}
            s, p, o = item.get("s"), item.get("p"), item.get("o")
            line = item.line
        else:
            self.problems.add(label, line, "relations", "each relation must be a list or a mapping")
            return None
        if s not in ids:
            self.problems.add(label, line, "s", f"subject {s!r} is not a record ID")
            return None
        prop = _expand(str(p), self.vocab, ("object", "datatype"))
        if prop is None:
            self.problems.add(label, line, "p", f"unknown property {p!r}{_suggest(str(p), self.local_props)}")
            return None
        obj = self._value(label, line, "o", prop, o, ids)
        if obj is None:
            return None
        for key in extra:
            if key != "evidence" and key not in QUALIFIERS:
                self.problems.add(label, line, str(key), f"unknown relation qualifier (allowed: evidence, {', '.join(QUALIFIERS)})")
        quals = []
        for key, name in QUALIFIERS.items():
            if key in extra:
                quals.extend(self._values(label, line, name, extra[key], ids))
        evidence = self._evidence(label, line, extra.get("evidence"), f"{s} {p} {o}")
        return Relation(KZ + s, prop, obj, evidence, quals, label, line or 0)

    def _evidence(self, label: str, line: int | None, raw: Any, what: str) -> list[str]:
        if not raw:
            self.problems.add(label, line, "evidence", f"{what}: every fact needs evidence (sentence IDs like sec08.p03.s01)")
            return []
        ids = [str(x) for x in (raw if isinstance(raw, list) else [raw])]
        if self.doc is not None:
            for sid in ids:
                if not isinstance(self.doc.index.get(sid), Sentence):
                    self.problems.add(label, line, "evidence", f"{what}: {sid!r} is not a sentence ID of {self.doc.id}")
        return ids

    def _check_duplicate_relations(self) -> None:
        seen: dict[str, Relation] = {}
        for rel in self.facts.relations:
            if rel.key in seen:
                first = seen[rel.key]
                self.problems.add(rel.file, rel.line, "relations", f"duplicate of the relation at {first.file}:{first.line}; merge their evidence")
            seen[rel.key] = rel


def _literal(prop: str, value: Any, range_: str | None) -> Value:
    """A typed literal for a datatype property, following its declared range."""
    if prop in DATE_PROPERTIES:
        lexical, datatype = parse_date(value)
        return Value(literal=lexical, datatype=datatype)
    if range_ == XSD + "decimal":
        if isinstance(value, bool) or not isinstance(value, (int, float, str)):
            raise ValueError(f"expects a number, got {value!r}")
        try:
            number = float(str(value).replace(",", ""))
        except ValueError:
            raise ValueError(f"expects a number, got {value!r}") from None
        text = str(value).replace(",", "")
        return Value(literal=text if "." in text else str(int(number)), datatype=XSD + "decimal")
    if range_ == XSD + "integer":
        if isinstance(value, bool) or not isinstance(value, int):
            raise ValueError(f"expects a whole number, got {value!r}")
        return Value(literal=str(value), datatype=XSD + "integer")
    if range_ == XSD + "boolean":
        if not isinstance(value, bool):
            raise ValueError(f"expects true or false, got {value!r}")
        return Value(literal="true" if value else "false", datatype=XSD + "boolean")
    if isinstance(value, (dict, list)):
        raise ValueError(f"expects a single value, got {value!r}")
    return Value(literal=str(value), datatype=XSD + "string")


def _facts_files(folder: Path) -> list[Path]:
    return sorted(folder.glob("*.yaml"))


def check_facts(folder: Path, vocab: Vocabulary, doc: Document | None) -> tuple[FactSet, list[FactsError]]:
    """Load every facts file in ``folder`` and return the facts with all problems found."""
    loader = _Loader(vocab, doc)
    for path in _facts_files(folder):
        loader.read_file(path, f"{folder.name}/{path.name}" if folder.name == "facts" else str(path))
    facts = loader.resolve()
    return facts, loader.problems.errors


def load_facts(folder: Path, vocab: Vocabulary, doc: Document | None) -> FactSet:
    """Load every facts file; raise one :class:`FactsError` listing all problems if there are any.

    :raises FactsError: naming file, line and field of the first problem, then the others.
    """
    facts, errors = check_facts(folder, vocab, doc)
    if errors:
        first = errors[0]
        more = "".join(f"\n  {e}" for e in errors[1:])
        raise FactsError(first.path, first.line, first.field, f"{str(first).split(': ', 1)[1]}{more}")
    return facts
