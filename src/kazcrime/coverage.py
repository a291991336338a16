"""Coverage: how much of the document the graph holds, paragraph by paragraph.

For each paragraph: the facts that cite it, the names in it that the graph does not hold (found with
a gazetteer built from the graph's own labels and alternative names), and the numbers in it that are
neither a value in the graph nor listed as deliberately skipped (``skipped_numbers`` in a facts file).
Name finding is a heuristic (capitalised word runs that the document never writes in lower case), so
the report is a work list for curators, not a verdict.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from pathlib import Path

import pyoxigraph as ox

from .sources import Document, Paragraph

__all__ = ["ParagraphCoverage", "CoverageReport", "coverage", "numbers_in", "name_candidates"]

_QUERIES = Path(__file__).with_name("sparql")
SMALL_WORDS = {"of", "the", "and", "for", "de", "on", "in", "against", "to"}
#: Capitalised words that are never names of entities.
CALENDAR_WORDS = set(
    "January February March April May June July August September October November December "
    "Monday Tuesday Wednesday Thursday Friday Saturday Sunday".split()
)
NUMBER_WORDS = {
    w: i
    for i, w in enumerate(
        "zero one two three four five six seven eight nine ten eleven twelve thirteen fourteen fifteen sixteen "
        "seventeen eighteen nineteen twenty".split()
    )
} | {"thirty": 30, "forty": 40, "fifty": 50, "sixty": 60, "seventy": 70, "eighty": 80, "ninety": 90}
_NUMBER = re.compile(
    r"(?<![\w.])(\d{1,3}(?:, ?\d{3})+|\d+(?:\.\d+)?)(?:\s*(billion|million|thousand))?(?![\w])|"
    r"\b((?:twenty|thirty|forty|fifty|sixty|seventy|eighty|ninety)(?:-(?:one|two|three|four|five|six|seven|eight|nine))?|"
    r"one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|thirteen|fourteen|fifteen|sixteen|seventeen|"
    r"eighteen|nineteen|twenty)\b",
    re.I,
)
_SCALE = {"billion": 10**9, "million": 10**6, "thousand": 10**3}


@dataclass
class ParagraphCoverage:
    """One paragraph: the records citing it, names the graph lacks, numbers not accounted for."""

    id: str
    source: str
    facts: int
    missing_names: list[str] = field(default_factory=list)
    unaccounted_numbers: list[str] = field(default_factory=list)
    numbers: int = 0
    #: Why the paragraph is deliberately left out of the graph (``skipped_paragraphs``), or None.
    skipped: str | None = None


@dataclass
class CoverageReport:
    """Coverage of every paragraph, and the totals."""

    paragraphs: list[ParagraphCoverage]
    totals: dict[str, int]

    def as_dict(self) -> dict:
        return {"paragraphs": [vars(p) for p in self.paragraphs], "totals": self.totals}


def numbers_in(text: str) -> list[tuple[str, float]]:
    """The numbers a text states, as (as written, value); spelled-out numbers included.

    >>> numbers_in("eighty-nine camps, 10, 914 people, $6 billion and 36.7 percent")
    [('eighty-nine', 89.0), ('10, 914', 10914.0), ('6 billion', 6000000000.0), ('36.7', 36.7)]
    """
    out = []
    for m in _NUMBER.finditer(text):
        if m.group(1):
            value = float(re.sub(r"[, ]", "", m.group(1))) * _SCALE.get((m.group(2) or "").lower(), 1)
            out.append((m.group(0).strip(), value))
        else:
            word = m.group(3).lower()
            tens, _, unit = word.partition("-")
            out.append((m.group(3), float(NUMBER_WORDS[tens] + (NUMBER_WORDS[unit] if unit else 0))))
    return out


def name_candidates(text: str, lowercase_words: set[str]) -> list[tuple[int, int, str]]:
    """Runs of capitalised words that look like names: spans and text.

    A word counts as a name word when it is capitalised here and the document never writes it in
    lower case; small words (of, the, and) may join name words.
    """
    out = []
    tokens = list(re.finditer(r"[A-Z][\w’'.-]*[\w]|[A-Z]|[a-z]+", text))
    i = 0
    while i < len(tokens):
        word = tokens[i].group(0)
        if word[0].isupper() and word.lower().rstrip("’s") not in lowercase_words:
            j = i
            while j + 1 < len(tokens):
                nxt = tokens[j + 1].group(0)
                gap = text[tokens[j].end() : tokens[j + 1].start()]
                if gap not in (" ", "-"):
                    break
                if nxt[0].isupper() and nxt.lower() not in lowercase_words:
                    j += 1
                elif nxt in SMALL_WORDS and j + 2 < len(tokens) and tokens[j + 2].group(0)[0].isupper():
                    j += 1
                else:
                    break
            start, end = tokens[i].start(), tokens[j].end()
            out.append((start, end, text[start:end]))
            i = j + 1
        else:
            i += 1
    return out


def _gazetteer(store: ox.Store) -> list[str]:
    rows = store.query(
        """SELECT DISTINCT ?l WHERE {
             { GRAPH <https://w3id.org/kazcrime/graph/entities> {
                 ?x <http://www.w3.org/2000/01/rdf-schema#label>|<http://www.w3.org/2004/02/skos/core#altLabel> ?l } }
             UNION  # concepts (crime types, ...) with the spellings the text uses for them
             { GRAPH <https://w3id.org/kazcrime/graph/ontology> {
                 ?x a <http://www.w3.org/2004/02/skos/core#Concept> ;
                    <http://www.w3.org/2004/02/skos/core#prefLabel>|<http://www.w3.org/2004/02/skos/core#altLabel> ?l } } }"""
    )
    return sorted({row["l"].value for row in rows}, key=len, reverse=True)


def _evidence(store: ox.Store) -> dict[str, dict[str, set[str]]]:
    """Per paragraph ID: the records citing it and the literal values they carry."""
    query = (_QUERIES / "coverage-evidence.rq").read_text(encoding="utf-8")
    out: dict[str, dict[str, set[str]]] = {}
    for row in store.query(query):
        sentence = row["sen"].value.rsplit("/", 1)[-1]
        paragraph = ".".join(sentence.split(".")[:2])
        entry = out.setdefault(paragraph, {"records": set(), "literals": set()})
        entry["records"].add(row["rec"].value)
        if row["lit"] is not None:
            entry["literals"].add(row["lit"].value)
    return out


def _accounted(value: float, literals: set[str], written: str) -> bool:
    for lit in literals:
        for token in re.findall(r"-?\d+(?:\.\d+)?", lit):
            number = float(token)
            if number == value or (0 < value <= 31 and lit.endswith(f"-{int(value):02d}")):
                return True
            if value >= 1000 and value.is_integer() and lit.startswith(written[:4]) and re.fullmatch(r"\d{4}", written):
                return True
    return False


def coverage(store: ox.Store, doc: Document, skipped: list[dict], skipped_paragraphs: list[dict] = ()) -> CoverageReport:
    """Measure, paragraph by paragraph, what the graph holds of the document.

    Paragraphs listed in ``skipped_paragraphs`` (by their ID or their section's) are reported with the
    reason they were left out, and their names and numbers are not counted as gaps.
    """
    lowercase_words = {w for w in re.findall(r"\b[a-z][\w’'-]*", doc.text)}
    gazetteer = _gazetteer(store)
    evidence = _evidence(store)
    skipped_at = {}
    for item in skipped:
        skipped_at.setdefault(".".join(str(item.get("where", "")).split(".")[:2]), set()).add(str(item.get("number")))
    why_skipped = {str(item["where"]): str(item["why"]) for item in skipped_paragraphs}
    paragraphs = []
    for par in (p for s in doc.sections for p in s.paragraphs):
        why = why_skipped.get(par.id) or why_skipped.get(par.id.split(".")[0])
        if why:
            paragraphs.append(ParagraphCoverage(par.id, par.source, len(evidence.get(par.id, {}).get("records", ())), skipped=why))
            continue
        paragraphs.append(_paragraph(doc, par, gazetteer, lowercase_words, evidence.get(par.id), skipped_at.get(par.id, set())))
    cited = sum(1 for p in paragraphs if p.facts and not p.skipped)
    totals = {
        "paragraphs": len(paragraphs),
        "paragraphs skipped": sum(1 for p in paragraphs if p.skipped),
        "paragraphs of substance cited": cited,
        "names missing": sum(len(p.missing_names) for p in paragraphs),
        "numbers": sum(p.numbers for p in paragraphs),
        "numbers unaccounted": sum(len(p.unaccounted_numbers) for p in paragraphs),
    }
    return CoverageReport(paragraphs, totals)


def _sentence_initial_word(body: str, start: int, text: str, starts: set[int]) -> bool:
    """A lone capitalised word opening a sentence is a capital letter, not a name."""
    lead = start
    while lead not in starts and lead > 0 and body[lead - 1] in "“\"‘'( ":
        lead -= 1
    return " " not in text and lead in starts


def _paragraph(doc: Document, par: Paragraph, gazetteer: list[str], lowercase_words: set[str], evidence, skipped: set[str]) -> ParagraphCoverage:
    body = doc.text[par.sentences[0].start : par.sentences[-1].end] if par.sentences else ""
    covered = [False] * len(body)
    for name in gazetteer:
        for m in re.finditer(r"(?<!\w)" + re.escape(name) + r"(?!\w)", body):
            covered[m.start() : m.end()] = [True] * (m.end() - m.start())
    offset = par.sentences[0].start if par.sentences else 0
    starts = {sen.start - offset for sen in par.sentences}
    missing = sorted(
        {
            text
            for start, end, text in name_candidates(body, lowercase_words)
            if not any(covered[start:end])
            and len(text) > 1
            and text not in CALENDAR_WORDS
            and not _sentence_initial_word(body, start, text, starts)
        }
    )
    literals = evidence["literals"] if evidence else set()
    numbers = numbers_in(body)
    unaccounted = [w for w, v in numbers if not _accounted(v, literals, w) and w not in skipped]
    return ParagraphCoverage(par.id, par.source, len(evidence["records"]) if evidence else 0, missing, unaccounted, len(numbers))
