"""What the graph holds, in numbers: records by class and the totals people ask for first."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

import pyoxigraph as ox

from .formats import term_text

__all__ = ["Summary", "summarize"]

_QUERIES = Path(__file__).with_name("sparql")


@dataclass
class Summary:
    """Records per class (label → count) and totals (name → count)."""

    by_class: list[tuple[str, int]]
    totals: dict[str, int]

    def text(self) -> str:
        """A short report for people."""
        lines = ["records by class:"]
        lines += [f"  {count:5d}  {label}" for label, count in self.by_class]
        lines.append("totals: " + ", ".join(f"{v} {k}" for k, v in self.totals.items()))
        return "\n".join(lines)


def summarize(store: ox.Store) -> Summary:
    """Count the graph's records by class and its relations, statistics, claims and sources."""
    by_class = [
        (term_text(row["label"]) or term_text(row["class"]).rsplit("#", 1)[-1], int(row["n"].value))
        for row in store.query((_QUERIES / "summary-by-class.rq").read_text(encoding="utf-8"))
    ]
    row = next(iter(store.query((_QUERIES / "summary-totals.rq").read_text(encoding="utf-8"))))
    totals = {name: int(row[name].value) for name in ("relations", "statistics", "claims", "disagreements", "sources")}
    totals = {"records": sum(n for _, n in by_class), **totals}
    return Summary(by_class, totals)
