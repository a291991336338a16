"""Source documents as data: the registry, a deterministic segmentation, and attribution.

A document is split into sections (one-line title-case headings), paragraphs (blocks between
blank lines) and sentences. IDs are positional (``sec09.p03.s02``) and only stable while the
document's sha256 stays the one the registry records; every build checks that hash, so an ID
can never silently point at different text.

Each paragraph is attributed to the source it cites: a ``[Source: ...]`` bracket names it
directly, a trailing mark (``*``, ``|~|``, ...) refers back to the latest bracket that carried
the same mark, and an unmarked paragraph continues the one before it in its section (or, first
in its section, belongs to the compiler of the document).
"""

from __future__ import annotations

import hashlib
import os
import re
from dataclasses import dataclass, field
from functools import cached_property
from pathlib import Path

import yaml

from .errors import NotFound, SourceError
from .paths import project_root

__all__ = [
    "Sentence",
    "Paragraph",
    "Section",
    "CitedSource",
    "Document",
    "Registry",
    "load_registry",
    "default_sources_dir",
]

#: Words that stay lower-case inside a title-case heading.
HEADING_SMALL_WORDS = frozenset(
    "a an and as at by for from in into of on or the to with along against".split()
)
#: Trailing marks that refer back to a source; variants on the right map to the mark on the left.
MARK_ALIASES = {"*\\": "*", "/*\\": "/*"}
_MARK = r"(\*\*|/\*\\?|\*\\?|\|~\||\^\^\^|\+\+\+|\^\|\^|-)"
_TRAILING_MARK = re.compile(r"\s+" + _MARK + r"\s*$")
_BRACKET = re.compile(r"\[Source:\s*(?P<body>[^\]]*?)\s*(?:\s" + _MARK[:-1] + r"))?\s*\]")
#: Abbreviations after which a full stop does not end a sentence.
ABBREVIATIONS = frozenset("mr mrs ms dr st no vol pp p vs etc jr sr".split())
#: Words that continue a name after an initialism such as "U.S." (no sentence break before them).
INITIALISM_CONTINUATIONS = frozenset("Department Embassy Consulate State Congress Government Section".split())


@dataclass(frozen=True)
class Sentence:
    """One sentence: its ID and its character span in the document (code points)."""

    id: str
    start: int
    end: int


@dataclass
class Paragraph:
    """A block of text, its sentences, and the source the document attributes it to."""

    id: str
    start: int
    end: int
    sentences: list[Sentence]
    citation: str | None = None
    mark: str | None = None
    source: str = ""
    method: str = ""


@dataclass
class Section:
    """A heading (absent for the untitled lead section) and its paragraphs."""

    id: str
    title: str
    title_span: tuple[int, int] | None
    paragraphs: list[Paragraph] = field(default_factory=list)


@dataclass(frozen=True)
class CitedSource:
    """A report, article or paper that the document's paragraphs cite."""

    id: str
    label: str
    kind: str
    date: str | None
    publisher: str | None
    author: str | None
    match: tuple[str, ...]


@dataclass
class Document:
    """A registered source document, segmented and attributed on first use."""

    id: str
    title: str
    compiler: str
    date: str
    sha256: str
    filename: str
    directory: Path
    cited: dict[str, CitedSource]

    @property
    def path(self) -> Path:
        return self.directory / self.filename

    @cached_property
    def text(self) -> str:
        """The document's text, after checking its sha256 against the registry."""
        try:
            raw = self.path.read_bytes()
        except OSError as exc:
            raise SourceError(
                f"source document {self.id!r} not found at {self.path}; "
                "pass --sources DIR or set KAZCRIME_SOURCES"
            ) from exc
        digest = hashlib.sha256(raw).hexdigest()
        if digest != self.sha256:
            raise SourceError(
                f"{self.path} has sha256 {digest}, but the registry records {self.sha256}: "
                "the document changed, so its sentence IDs no longer point at the evidence"
            )
        return raw.decode("utf-8")

    @cached_property
    def sections(self) -> list[Section]:
        sections = segment(self.text)
        attribute(sections, self.text, self.cited, self.id)
        return sections

    @cached_property
    def index(self) -> dict[str, Section | Paragraph | Sentence]:
        """Every section, paragraph and sentence by ID."""
        out: dict[str, Section | Paragraph | Sentence] = {}
        for sec in self.sections:
            out[sec.id] = sec
            for par in sec.paragraphs:
                out[par.id] = par
                for sen in par.sentences:
                    out[sen.id] = sen
        return out

    def paragraph_of(self, sentence_id: str) -> Paragraph:
        """The paragraph that holds a sentence (or the paragraph itself)."""
        par_id = ".".join(sentence_id.split(".")[:2])
        par = self.index.get(par_id)
        if not isinstance(par, Paragraph):
            raise NotFound(f"no paragraph {par_id!r} in {self.id}")
        return par

    def passage(self, passage_id: str) -> str:
        """The text of a section, paragraph or sentence, read from the document.

        :raises NotFound: when the ID names nothing in this document.
        """
        item = self.index.get(passage_id)
        if item is None:
            raise NotFound(f"no passage {passage_id!r} in {self.id} (IDs look like sec09.p03.s02)")
        if isinstance(item, Section):
            parts = [self.text[slice(*item.title_span)]] if item.title_span else []
            parts += [self.text[p.start : p.end] for p in item.paragraphs]
            return "\n\n".join(parts)
        return self.text[item.start : item.end]

    def grep(self, words: list[str]) -> list[Sentence]:
        """Sentences that contain every one of the words (case-insensitive)."""
        needles = [w.lower() for w in words]
        hits = []
        for sen in (s for s in self.index.values() if isinstance(s, Sentence)):
            text = self.text[sen.start : sen.end].lower()
            if all(n in text for n in needles):
                hits.append(sen)
        return hits


def _is_heading(line: str) -> bool:
    words = line.rstrip(":").split()
    if not words or len(words) > 12 or line[-1] in ".!?”\"]*\\|^+-":
        return False
    return all(w[0].isupper() or w[0].isdigit() or w[0] in "$(" or w.lower() in HEADING_SMALL_WORDS for w in words)


def _blocks(text: str) -> list[tuple[int, int]]:
    """Spans of the blocks of non-blank lines, trailing white space excluded."""
    spans = []
    for m in re.finditer(r"[^\n]+(?:\n[^\n]*\S[^\n]*)*", text):
        s, e = m.start(), m.end()
        while e > s and text[e - 1].isspace():
            e -= 1
        if e > s:
            spans.append((s, e))
    return spans


def _body_span(text: str, start: int, end: int) -> tuple[int, int, str | None, str | None]:
    """The paragraph's prose span, without its citation bracket and trailing mark."""
    chunk = text[start:end]
    citation = mark = None
    bracket = _BRACKET.search(chunk)
    if bracket:
        citation = bracket.group("body").strip()
        mark = bracket.group(2)
        end = start + bracket.start()
        chunk = text[start:end]
    trailing = _TRAILING_MARK.search(chunk)
    if trailing:
        mark = mark or trailing.group(1)
        end = start + trailing.start()
    while end > start and text[end - 1].isspace():
        end -= 1
    if mark:
        mark = MARK_ALIASES.get(mark, mark)
    return start, end, citation, mark


_BOUNDARY = re.compile(
    r"(?P<stop>[.!?]|\.\.\.|…)(?P<close>[”\"’')]*)(?P<note>\d{1,3})?(?P<gap>\s+|(?=[A-Z][a-z]))(?=[“\"(A-Z0-9])"
)


def split_sentences(text: str, start: int, end: int) -> list[tuple[int, int]]:
    """Sentence spans inside ``text[start:end]``; deterministic, rule-based.

    >>> t = "The U.S. Embassy said so. Mr. X left.In 2011 it rose."
    >>> [t[s:e] for s, e in split_sentences(t, 0, len(t))]
    ['The U.S. Embassy said so.', 'Mr. X left.', 'In 2011 it rose.']
    """
    spans, cur = [], start
    for m in _BOUNDARY.finditer(text, start, end):
        before = text[cur : m.start()].split()
        word = before[-1] if before else ""
        bare = word.strip("“\"(").lower()
        after = text[m.end() : end].split(maxsplit=1)
        nxt = after[0] if after else ""
        if m.group("stop") == "." and bare in ABBREVIATIONS:
            continue
        if m.group("stop") == "." and re.fullmatch(r"(?:[A-Z]\.)*[A-Z]", word.strip("“\"(")):
            if nxt.strip("“\"") in INITIALISM_CONTINUATIONS or len(word.strip("“\"(")) == 1:
                continue
        if not m.group("gap") and not (m.group("stop") == "..." or re.search(r"[a-z]{2}$", word)):
            continue
        cut = m.end() - len(m.group("gap") or "")
        spans.append((cur, cut))
        cur = m.end()
    if cur < end:
        spans.append((cur, end))
    return [(s, e) for s, e in spans if text[s:e].strip()]


def segment(text: str) -> list[Section]:
    """Split a document into sections, paragraphs and sentences with positional IDs."""
    sections = [Section("sec01", "(untitled lead)", None)]
    for s, e in _blocks(text):
        line = text[s:e]
        if "\n" not in line and _is_heading(line):
            if sections[-1].paragraphs or sections[-1].title_span:
                sections.append(Section(f"sec{len(sections) + 1:02d}", "", None))
            sections[-1].title = line.rstrip(":")
            sections[-1].title_span = (s, e)
            continue
        sec = sections[-1]
        pid = f"{sec.id}.p{len(sec.paragraphs) + 1:02d}"
        bs, be, citation, mark = _body_span(text, s, e)
        sentences = [
            Sentence(f"{pid}.s{i:02d}", a, b) for i, (a, b) in enumerate(split_sentences(text, bs, be), start=1)
        ]
        sec.paragraphs.append(Paragraph(pid, s, e, sentences, citation, mark))
    return sections


def attribute(sections: list[Section], text: str, cited: dict[str, CitedSource], compiler: str) -> None:
    """Set each paragraph's source and the method that found it (citation, mark, continuation, compiler)."""
    marks: dict[str, str] = {}
    for sec in sections:
        previous: Paragraph | None = None
        for par in sec.paragraphs:
            if par.citation is not None:
                par.source, par.method = match_citation(par.citation, cited, par.id), "citation"
                if par.mark:
                    marks[par.mark] = par.source
            elif par.mark:
                if par.mark not in marks:
                    raise SourceError(f"{par.id}: mark {par.mark!r} refers to no earlier [Source: ...] bracket")
                par.source, par.method = marks[par.mark], "mark"
            elif previous is not None:
                par.source, par.method = previous.source, "continuation"
            else:
                par.source, par.method = compiler, "compiler"
            previous = par


def match_citation(citation: str, cited: dict[str, CitedSource], where: str) -> str:
    """The registered source whose match strings all occur in a citation bracket."""
    found = [s.id for s in cited.values() if all(m in citation for m in s.match)]
    if len(found) != 1:
        problem = "matches no registered source" if not found else f"matches several sources {found}"
        raise SourceError(f"{where}: citation [Source: {citation}] {problem}; fix graph/sources.yaml")
    return found[0]


def default_sources_dir() -> Path:
    """``$KAZCRIME_SOURCES``, else ``../shared/sources`` beside the project."""
    env = os.environ.get("KAZCRIME_SOURCES")
    return Path(env) if env else project_root().parent / "shared" / "sources"


@dataclass
class Registry:
    """The registered documents and the sources they cite, from ``graph/sources.yaml``."""

    documents: dict[str, Document]
    cited: dict[str, CitedSource]

    def document(self, doc_id: str | None = None) -> Document:
        """A document by ID; the only one when there is one."""
        if doc_id is None and len(self.documents) == 1:
            return next(iter(self.documents.values()))
        if doc_id not in self.documents:
            raise NotFound(f"no registered document {doc_id!r}; known: {', '.join(self.documents)}")
        return self.documents[doc_id]


def load_registry(path: Path | None = None, sources_dir: Path | None = None) -> Registry:
    """Read the registry; documents are looked for in ``sources_dir``.

    :raises SourceError: when the registry file is missing or malformed.
    """
    path = path or project_root() / "graph" / "sources.yaml"
    try:
        data = yaml.safe_load(path.read_text(encoding="utf-8"))
    except (OSError, yaml.YAMLError) as exc:
        raise SourceError(f"cannot read source registry {path}: {exc}") from exc
    directory = Path(sources_dir) if sources_dir else default_sources_dir()
    try:
        cited = {
            key: CitedSource(
                key, v["label"], v["kind"], _s(v.get("date")), v.get("publisher"), v.get("author"), tuple(v["match"])
            )
            for key, v in data["cited_sources"].items()
        }
        documents = {
            key: Document(
                key, v["title"], v["compiler"], _s(v["date"]), v["sha256"], v["file"], directory, cited
            )
            for key, v in data["documents"].items()
        }
    except (KeyError, TypeError) as exc:
        raise SourceError(f"{path}: missing field {exc} in the source registry") from exc
    return Registry(documents, cited)


def _s(value: object) -> str | None:
    return None if value is None else str(value)
