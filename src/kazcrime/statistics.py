"""Statistics the document states as series ("4,165 in 1990; 4,984 in 1991; ...") extracted by code.

``graph/series.yaml`` says which paragraph holds which series and what it measures; this module
finds every "N in YEAR" pair there, with the exact character span of each, so every observation
points at the figure itself. Numbers are never typed by hand.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from pathlib import Path

import yaml

from .errors import FactsError
from .sources import Document, Paragraph

__all__ = ["SeriesSpec", "Figure", "load_series", "extract_series", "parse_number"]

#: A figure followed by its year. Thousands separators may carry a stray space ("10, 914").
FIGURE_IN_YEAR = re.compile(r"(?<![\d,])(\d{1,3}(?:, ?\d{3})+|\d+)\s+in\s+((?:19|20)\d{2})\b")
#: The start of a lettered sub-series: "A) Smuggling:".
PART = re.compile(r"\b([A-Z])\)\s*[^:;]+:")


@dataclass(frozen=True)
class SeriesSpec:
    """Which paragraph holds a series, and what its figures measure."""

    id: str
    label: str
    paragraph: str
    measure: str
    unit: str
    area: str
    parts: dict[str, str]


@dataclass(frozen=True)
class Figure:
    """One extracted figure: its series, breakdown, year, value and exact span in the document."""

    series: str
    breakdown: str | None
    year: str
    value: int
    start: int
    end: int
    sentence: str
    irregular: bool

    @property
    def id(self) -> str:
        stem = self.series.removesuffix("-series")
        return f"{stem}-{self.breakdown}-{self.year}" if self.breakdown else f"{stem}-{self.year}"


def parse_number(text: str) -> int:
    """The integer a figure denotes, thousands separators (even spaced ones) removed.

    >>> parse_number("10, 914"), parse_number("4,165"), parse_number("1642")
    (10914, 4165, 1642)
    """
    return int(re.sub(r"[, ]", "", text))


def load_series(path: Path) -> list[SeriesSpec]:
    """Read ``graph/series.yaml``.

    :raises FactsError: naming the file and the series with a missing field.
    """
    try:
        data = yaml.safe_load(path.read_text(encoding="utf-8")) or {}
    except (OSError, yaml.YAMLError) as exc:
        raise FactsError(str(path), None, None, f"cannot read series file: {exc}") from exc
    specs = []
    for i, item in enumerate(data.get("series") or [], start=1):
        try:
            specs.append(
                SeriesSpec(item["id"], item["label"], item["paragraph"], item["measure"], item["unit"], item["area"], dict(item.get("parts") or {}))
            )
        except (KeyError, TypeError) as exc:
            raise FactsError(str(path), None, f"series[{i}]", f"missing field {exc}") from exc
    return specs


def _sentence_at(par: Paragraph, offset: int) -> str:
    for sen in par.sentences:
        if sen.start <= offset < sen.end:
            return sen.id
    return par.sentences[-1].id


def extract_series(doc: Document, spec: SeriesSpec) -> list[Figure]:
    """Every "N in YEAR" figure of a series' paragraph, in document order.

    :raises FactsError: when the paragraph does not exist, holds no figures, or a letter has no breakdown.
    """
    par = doc.index.get(spec.paragraph)
    if not isinstance(par, Paragraph):
        raise FactsError("graph/series.yaml", None, spec.id, f"paragraph {spec.paragraph!r} is not in {doc.id}")
    text = doc.text
    bounds: list[tuple[int, int, str | None]] = [(par.start, par.end, None)]
    if spec.parts:
        marks = list(PART.finditer(text, par.start, par.end))
        bounds = [
            (m.end(), marks[i + 1].start() if i + 1 < len(marks) else par.end, m.group(1)) for i, m in enumerate(marks)
        ]
    figures = []
    for start, end, letter in bounds:
        breakdown = None
        if letter is not None:
            if letter not in spec.parts:
                raise FactsError("graph/series.yaml", None, spec.id, f"part {letter}) in {spec.paragraph} has no breakdown concept")
            breakdown = spec.parts[letter]
        for m in FIGURE_IN_YEAR.finditer(text, start, end):
            figures.append(
                Figure(spec.id, breakdown, m.group(2), parse_number(m.group(1)), m.start(), m.end(), _sentence_at(par, m.start()), ", " in m.group(1))
            )
    if not figures:
        raise FactsError("graph/series.yaml", None, spec.id, f"no 'N in YEAR' figures found in {spec.paragraph}")
    return figures
