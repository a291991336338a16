"""How long each view takes to build (SPARQL projection + networkx) on synthetic graphs of growing size.

Prints seconds per view and the ratio to the smallest size measured in the same run. The views must
stay interactive (well under a second) at 10^5 quads: a query that joins with a FILTER over a
cross product instead of a join shows up here at once (institutions took 215 s before its rewrite).

    .venv/bin/python bench/views_build.py [target-quads...]
"""

from __future__ import annotations

import sys
import tempfile
import time
from pathlib import Path

import pyoxigraph as ox

sys.path.insert(0, str(Path(__file__).parent))
from synthetic import generate  # noqa: E402

from kazcrime.paths import project_root  # noqa: E402
from kazcrime.views import VIEWS, build_view  # noqa: E402


def _store(target: int) -> ox.Store:
    path = Path(tempfile.mkdtemp()) / "synthetic.nq"
    generate(target, path)
    store = ox.Store()
    store.bulk_load(path=str(path), format=ox.RdfFormat.N_QUADS)
    for ttl in sorted((project_root() / "ontology").glob("*.ttl")):
        if ttl.name != "shapes.ttl":
            store.load(path=str(ttl), format=ox.RdfFormat.TURTLE, to_graph=ox.NamedNode("https://w3id.org/kazcrime/graph/ontology"))
    return store


def main(sizes: list[int]) -> None:
    results: dict[int, dict[str, float]] = {}
    for target in sizes:
        store = _store(target)
        hub = max(build_view(store, "relations").graph.degree, key=lambda kv: kv[1])[0]
        times = {}
        for name in VIEWS:
            params = {"entity": hub} if name == "ego" else {}
            if name == "case":
                continue
            t0 = time.perf_counter()
            build_view(store, name, **params)
            times[name] = time.perf_counter() - t0
        results[len(store)] = times
    quads = sorted(results)
    print(f"{'view':<18}" + "".join(f"{q:>12,} q" for q in quads) + f"{'×':>8}")
    for name in results[quads[0]]:
        first, last = results[quads[0]][name], results[quads[-1]][name]
        print(f"{name:<18}" + "".join(f"{results[q][name]:>13.3f}s" for q in quads) + f"{last / max(first, 1e-6):>8.1f}")


if __name__ == "__main__":
    main([int(x) for x in sys.argv[1:]] or [20_000, 100_000])
