"""Charts of the graph as PNG or SVG (matplotlib, no display needed): the series and the timeline.

Each plot is one function taking the store and returning a matplotlib Figure; :func:`write_plot`
saves it atomically in the format the file name asks for. The web page shows the same files.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path
from typing import Callable

import pyoxigraph as ox

from .errors import NotFound
from .paths import atomic_output
from .queries import resolve_query, run_query
from .views import view_query

__all__ = ["PLOTS", "PLOT_FORMATS", "Plot", "drug_series", "plot_bytes", "timeline", "write_plot", "year_of"]


@dataclass(frozen=True)
class Plot:
    """A named chart and the function that draws it."""

    name: str
    title: str
    draw: Callable


def _figure(width: float, height: float):
    """A figure outside pyplot: no global state, no display backend, works headless and in notebooks."""
    from matplotlib.figure import Figure

    fig = Figure(figsize=(width, height), dpi=110)
    return fig, fig.subplots()


def year_of(date: str) -> float:
    """A date as the text gives it (``2009``, ``2009-06``, ``2009-06-15``) as a fractional year.

    >>> year_of("2009"), year_of("2009-07"), round(year_of("2009-07-02"), 2)
    (2009.0, 2009.5, 2009.5)
    """
    parts = [int(p) for p in date.split("-")[:3] if p.isdigit()]
    year, month, day = (parts + [1, 1])[:3]
    return year + (month - 1) / 12 + ((day - 1) / 365 if len(parts) > 2 else 0)


def drug_series(store: ox.Store):
    """Drug-related crimes and offenders registered per year (1990–2006), two lines on one axis."""
    _, text = resolve_query("drug-crime-series")
    rows = [(int(r["year"].value[:4]), float(r["crimes"].value), float(r["offenders"].value) if r["offenders"] else None)
            for r in run_query(store, text)]
    fig, ax = _figure(9, 4.8)
    if rows:
        years = [r[0] for r in rows]
        ax.plot(years, [r[1] for r in rows], marker="o", color="#1c7ed6", label="drug-related crimes registered")
        off = [(y, o) for y, _, o in rows if o is not None]
        ax.plot([y for y, _ in off], [o for _, o in off], marker="s", color="#e8590c", label="drug-crime offenders")
        ax.set_xticks(years)
        ax.tick_params(axis="x", rotation=60)
        ax.legend(frameon=False)
    else:
        ax.text(0.5, 0.5, "The graph holds no drug-crime series yet.", ha="center", transform=ax.transAxes)
    ax.set_title("Drug-related crime in Kazakhstan, 1990–2006 (UNODC figures as cited)")
    ax.set_ylabel("count per year")
    ax.grid(axis="y", alpha=0.3)
    ax.spines[["top", "right"]].set_visible(False)
    fig.tight_layout()
    return fig


def timeline(store: ox.Store):
    """Dated events as a timeline, one row per kind; allegations drawn hollow and named as such."""
    rows = list(store.query(view_query("timeline"), use_default_graph_as_union=True))
    kinds = sorted({r["kind"].value if r["kind"] else "event" for r in rows})
    fig, ax = _figure(10, max(2.5, 0.45 * len(kinds) + 1.5))
    for r in rows:
        kind = r["kind"].value if r["kind"] else "event"
        alleged = r["allegation"].value == "true"
        y = kinds.index(kind)
        ax.scatter(year_of(r["date"].value), y, s=60, zorder=3, marker="o",
                   facecolors="none" if alleged else ("#e67700" if r["legalAction"].value == "true" else "#1c7ed6"),
                   edgecolors="#c92a2a" if alleged else "#343a40", linewidths=1.6 if alleged else 0.6)
    alleged_kinds = {r["kind"].value for r in rows if r["kind"] and r["allegation"].value == "true"}
    ax.set_yticks(range(len(kinds)), [k + (" (allegation)" if k in alleged_kinds else "") for k in kinds])
    from matplotlib.ticker import MaxNLocator

    ax.xaxis.set_major_locator(MaxNLocator(integer=True))
    if not rows:
        ax.text(0.5, 0.5, "The graph holds no dated events yet.", ha="center", transform=ax.transAxes)
    ax.set_title(f"Dated events ({len(rows)}); hollow red circles are allegations, not findings of guilt")
    ax.grid(axis="x", alpha=0.3)
    ax.spines[["top", "right"]].set_visible(False)
    fig.tight_layout()
    return fig


PLOTS = {p.name: p for p in [
    Plot("drug-series", "Drug-related crimes and offenders per year, 1990–2006", drug_series),
    Plot("timeline", "Dated events, allegations marked", timeline),
]}


#: The file formats a plot is drawn in, with their media types.
PLOT_FORMATS = {"png": "image/png", "svg": "image/svg+xml"}


def plot_bytes(store: ox.Store, name: str, fmt: str) -> bytes:
    """The named plot drawn as PNG or SVG bytes (what the web page serves).

    :raises NotFound: for an unknown plot name.
    :raises ValueError: for a format other than png or svg.
    """
    import io

    if name not in PLOTS:
        raise NotFound(f"no plot named {name!r}; `kazcrime plot --list` shows them")
    if fmt not in PLOT_FORMATS:
        raise ValueError(f"plots are drawn as .png or .svg, not {fmt!r}")
    from matplotlib import rc_context

    out = io.BytesIO()
    # no date and fixed element IDs in the SVG, so the same graph always draws the same bytes
    with rc_context({"svg.hashsalt": "kazcrime"}):
        PLOTS[name].draw(store).savefig(out, format=fmt, metadata={"Date": None} if fmt == "svg" else None)
    return out.getvalue()


def write_plot(store: ox.Store, name: str, path: Path) -> Path:
    """Draw the named plot into ``path`` (.png or .svg), atomically.

    :raises NotFound: for an unknown plot name.
    :raises ValueError: for a file name that ends neither in .png nor .svg.
    """
    path = Path(path)
    fmt = path.suffix.lower().lstrip(".")
    if fmt not in PLOT_FORMATS:
        raise ValueError(f"{path}: write a .png or .svg file")
    data = plot_bytes(store, name, fmt)
    with atomic_output(path, suffix=f".{fmt}") as tmp:
        tmp.write_bytes(data)
    return path
