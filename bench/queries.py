"""Query benchmark: prints, in one run, kazcrime against its baselines measured in the same run.

1. Cold start of `kazcrime query <saved query>` as a whole process (median of several runs), against
   `python -c "import pyoxigraph"` as the floor.
2. Median latency of every saved query through kazcrime's query API, raw pyoxigraph on the same
   (on-disk) store, kazcrime's API on an in-memory copy (what the server's workers hold), and rdflib
   in memory on the same data.
3. The same at synthetic scales (about 10^5 and 10^6 quads) shaped like our graph.

Goals (from issue 4): every saved query under 10 ms median on our graph; kazcrime within 1.5x of
raw pyoxigraph; at least 100x faster than rdflib in memory at 10^6 quads (median over saved
queries); `kazcrime query` cold start under 0.2 s.

Usage: python bench/queries.py [--scales 100000 1000000] [--runs 15] [--rdflib-timeout 20]
"""

from __future__ import annotations

import argparse
import shutil
import signal
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

import pyoxigraph as ox

sys.path.insert(0, str(Path(__file__).parent))
from synthetic import generate  # noqa: E402

from kazcrime.errors import Refused  # noqa: E402
from kazcrime.queries import run_query, saved_queries  # noqa: E402
from kazcrime.server.guard import check_query  # noqa: E402
from kazcrime.store import dataset_file, load_memory_store, open_store  # noqa: E402
from kazcrime.vocab import PREFIXES  # noqa: E402

ROOT = Path(__file__).resolve().parents[1]
KAZCRIME = ROOT / ".venv" / "bin" / "kazcrime"


def median_ms(fn, runs: int) -> float:
    fn()  # warm-up
    times = []
    for _ in range(runs):
        start = time.perf_counter()
        fn()
        times.append((time.perf_counter() - start) * 1000)
    return statistics.median(times)


def process_ms(cmd: list[str], runs: int) -> float:
    subprocess.run(cmd, capture_output=True, check=True)
    times = []
    for _ in range(runs):
        start = time.perf_counter()
        subprocess.run(cmd, capture_output=True, check=True)
        times.append((time.perf_counter() - start) * 1000)
    return statistics.median(times)


def consume(result) -> int:
    return sum(1 for _ in result) if not isinstance(result, ox.QueryBoolean) else 1


class Timeout(Exception):
    pass


def with_alarm(seconds: float, fn):
    def raise_timeout(*_):
        raise Timeout

    old = signal.signal(signal.SIGALRM, raise_timeout)
    signal.setitimer(signal.ITIMER_REAL, seconds)
    try:
        return fn()
    finally:
        signal.setitimer(signal.ITIMER_REAL, 0)
        signal.signal(signal.SIGALRM, old)


def rdflib_dataset(nq: Path):
    import rdflib

    ds = rdflib.Dataset(default_union=True)
    ds.parse(nq, format="nquads")
    return ds


def compare(store: ox.Store, nq: Path, runs: int, rdflib_runs: int, rdflib_timeout: float, label: str) -> list[float]:
    """Print a row per saved query; return the rdflib/kazcrime ratios."""
    queries = saved_queries()
    start = time.perf_counter()
    ds = rdflib_dataset(nq)
    rdflib_load = time.perf_counter() - start
    memory = load_memory_store(nq)
    print(f"\n[{label}] {len(store)} quads; rdflib parsed the N-Quads in {rdflib_load:.1f} s")
    print(f"{'query':42} {'kazcrime ms':>11} {'raw ms':>8} {'layer x':>8} {'memory ms':>10} {'rdflib ms':>10} {'rdflib/kazcrime':>16}")
    ratios, layer, slow, slow_memory = [], [], [], []
    for name, saved in queries.items():
        try:
            check_query(saved.text)
        except Refused:  # a federated query (SERVICE) needs the network: not timed here
            print(f"{name:42} skipped: calls a remote SERVICE")
            continue
        ours = median_ms(lambda: consume(run_query(store, saved.text)), runs)
        raw = median_ms(lambda: consume(store.query(saved.text, use_default_graph_as_union=True)), runs)
        in_memory = median_ms(lambda: consume(run_query(memory, saved.text)), runs)
        try:
            theirs = with_alarm(rdflib_timeout, lambda: median_ms(lambda: len(list(ds.query(saved.text, initNs=PREFIXES))), rdflib_runs))
            ratio = theirs / ours
            theirs_text, ratio_text = f"{theirs:10.1f}", f"{ratio:15.0f}x"
        except Timeout:
            theirs_text, ratio_text = f">{rdflib_timeout * 1000:9.0f}", ">" + f"{rdflib_timeout * 1000 / ours:14.0f}x"
            ratio = rdflib_timeout * 1000 / ours
        except Exception as exc:  # noqa: BLE001 - a query rdflib cannot run is reported, not fatal
            theirs_text, ratio_text, ratio = f"{'error':>10}", f" ({type(exc).__name__})", None
        if ratio is not None:
            ratios.append(ratio)
        layer.append(ours / raw)
        if ours >= 10:
            slow.append(name)
        if in_memory >= 10:
            slow_memory.append(name)
        print(f"{name:42} {ours:11.2f} {raw:8.2f} {ours / raw:8.2f} {in_memory:10.2f} {theirs_text} {ratio_text:>16}")
    print(
        f"[{label}] median kazcrime/raw = {statistics.median(layer):.2f}x (goal <= 1.5); "
        f"median rdflib/kazcrime = {statistics.median(ratios):.0f}x; "
        f"queries >= 10 ms on disk: {slow or 'none'}; in memory: {slow_memory or 'none'}"
    )
    return ratios


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--scales", type=int, nargs="*", default=[100_000, 1_000_000])
    parser.add_argument("--runs", type=int, default=15)
    parser.add_argument("--process-runs", type=int, default=9)
    parser.add_argument("--rdflib-runs", type=int, default=3)
    parser.add_argument("--rdflib-timeout", type=float, default=20.0, help="seconds per query before rdflib is cut off")
    args = parser.parse_args()

    print("1. cold start, whole process (median of %d runs)" % args.process_runs)
    floor = process_ms([sys.executable, "-c", "import pyoxigraph"], args.process_runs)
    name = "drug-crime-peak" if "drug-crime-peak" in saved_queries() else next(iter(saved_queries()))
    cold = process_ms([str(KAZCRIME), "query", name], args.process_runs)
    print(f"   python -c 'import pyoxigraph': {floor:6.1f} ms")
    print(f"   kazcrime query {name}: {cold:6.1f} ms  ({cold / floor:.1f}x the floor; goal < 200 ms)")

    print("\n2. saved queries on our graph")
    compare(open_store(), dataset_file(), args.runs, args.rdflib_runs, args.rdflib_timeout, "our graph")

    print("\n3. synthetic scales")
    for scale in args.scales:
        folder = Path(tempfile.mkdtemp(prefix="kazcrime-bench-"))
        try:
            nq = folder / "synthetic.nq"
            written = generate(scale, nq)
            start = time.perf_counter()
            store = ox.Store(str(folder / "store"))
            store.bulk_load(path=str(nq), format=ox.RdfFormat.N_QUADS)
            print(f"   generated {written} quads; pyoxigraph loaded them in {time.perf_counter() - start:.1f} s")
            compare(store, nq, max(5, args.runs // 3), 1, args.rdflib_timeout, f"synthetic {written} quads")
            del store
        finally:
            shutil.rmtree(folder, ignore_errors=True)


if __name__ == "__main__":
    main()
