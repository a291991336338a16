"""Load test of the SPARQL endpoint on loopback: `kazcrime serve` against `oxigraph serve` in the same run.

N concurrent clients (keep-alive connections) send the saved queries round-robin over HTTP for a fixed
time; the script prints throughput, p50/p99 latency and errors for each server. Then a hostile phase:
one runaway query (a triple cross product) is in flight on kazcrime while the clients keep going; it
must end at the time limit (504) without the others stalling, and the server must answer after it.

Goals (issue 4): 0 errors, p99 under 50 ms, at least half of oxigraph serve's throughput.
Everything is bounded in time: servers are stopped and the script exits on its own.

Usage: python bench/load.py [--clients 16] [--duration 30] [--timeout 10] [--workers N] [--on-disk]
"""

from __future__ import annotations

import argparse
import asyncio
import statistics
import sys
import time
from urllib.parse import urlencode, urlsplit

from kazcrime.queries import saved_queries
from kazcrime.server.launch import kazcrime_server, oxigraph_server
from kazcrime.store import dataset_file
from kazcrime.vocab import PREFIXES

PROLOGUE = "".join(f"PREFIX {p}: <{ns}>\n" for p, ns in PREFIXES.items())
HOSTILE = "SELECT (COUNT(*) AS ?n) WHERE { ?a ?b ?c . ?d ?e ?f . ?g ?h ?i }"


def request_bytes(url: str, text: str) -> bytes:
    """A keep-alive POST of a form-encoded query asking for SPARQL JSON results."""
    parts = urlsplit(url)
    body = urlencode({"query": PROLOGUE + text}).encode()
    head = (f"POST {parts.path} HTTP/1.1\r\nHost: {parts.netloc}\r\nAccept: application/sparql-results+json\r\n"
            f"Content-Type: application/x-www-form-urlencoded\r\nContent-Length: {len(body)}\r\n\r\n")
    return head.encode() + body


async def read_response(reader: asyncio.StreamReader) -> int:
    """Read one HTTP response (Content-Length or chunked); return its status."""
    head = await reader.readuntil(b"\r\n\r\n")
    lines = head.decode("latin-1").split("\r\n")
    status = int(lines[0].split(" ")[1])
    headers = {k.strip().lower(): v.strip() for k, _, v in (line.partition(":") for line in lines[1:] if line)}
    if "content-length" in headers:
        await reader.readexactly(int(headers["content-length"]))
    elif headers.get("transfer-encoding", "").lower() == "chunked":
        while True:
            size = int((await reader.readuntil(b"\r\n")).split(b";")[0], 16)
            await reader.readexactly(size + 2)
            if size == 0:
                break
    return status


async def client(url: str, requests: list[bytes], offset: int, until: float, record: list) -> None:
    parts = urlsplit(url)
    reader, writer = await asyncio.open_connection(parts.hostname, parts.port)
    i = offset
    try:
        while time.monotonic() < until:
            started = time.perf_counter()
            writer.write(requests[i % len(requests)])
            try:
                status = await read_response(reader)
            except (asyncio.IncompleteReadError, ConnectionError):
                record.append((time.perf_counter() - started, 599))
                writer.close()
                reader, writer = await asyncio.open_connection(parts.hostname, parts.port)
                continue
            record.append((time.perf_counter() - started, status))
            i += 1
    finally:
        writer.close()


async def load(url: str, texts: list[str], clients: int, seconds: float, warmup: float = 1.0) -> dict:
    """Run ``clients`` connections for ``seconds`` after a warm-up; return the figures."""
    requests = [request_bytes(url, t) for t in texts]
    await asyncio.gather(*(client(url, requests, i, time.monotonic() + warmup, []) for i in range(clients)))
    record: list = []
    started = time.monotonic()
    await asyncio.gather(*(client(url, requests, i, started + seconds, record) for i in range(clients)))
    elapsed = time.monotonic() - started
    return figures(record, elapsed)


def figures(record: list, elapsed: float) -> dict:
    latencies = sorted(t for t, _ in record)
    errors = sum(1 for _, s in record if s != 200)
    q = statistics.quantiles(latencies, n=100) if len(latencies) > 1 else [latencies[0]] * 99 if latencies else [0] * 99
    return {"requests": len(record), "rps": len(record) / elapsed, "p50": q[49] * 1000, "p99": q[98] * 1000,
            "max": (latencies[-1] if latencies else 0) * 1000, "errors": errors}


async def hostile(url: str, texts: list[str], clients: int, seconds: float) -> tuple[dict, int, float, int]:
    """The load of :func:`load` with one runaway query in flight; returns the figures, the runaway's status
    and time, and the status of one query sent after it."""
    requests = [request_bytes(url, t) for t in texts]

    async def runaway() -> tuple[int, float]:
        parts = urlsplit(url)
        reader, writer = await asyncio.open_connection(parts.hostname, parts.port)
        started = time.perf_counter()
        writer.write(request_bytes(url, HOSTILE))
        try:
            status = await asyncio.wait_for(read_response(reader), seconds + 30)
        except asyncio.TimeoutError:
            status = 0
        writer.close()
        return status, time.perf_counter() - started

    record: list = []
    started = time.monotonic()
    task = asyncio.create_task(runaway())
    await asyncio.sleep(0.2)
    await asyncio.gather(*(client(url, requests, i, started + seconds, record) for i in range(clients)))
    status, took = await task
    elapsed = time.monotonic() - started
    after: list = []
    await client(url, requests, 0, time.monotonic() + 0.2, after)
    return figures(record, elapsed), status, took, (after[0][1] if after else 0)


def line(name: str, f: dict) -> str:
    return (f"{name:<26} {f['rps']:>9.0f} req/s   p50 {f['p50']:6.2f} ms   p99 {f['p99']:6.2f} ms   "
            f"max {f['max']:7.1f} ms   errors {f['errors']}/{f['requests']}")


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--clients", type=int, default=16)
    parser.add_argument("--duration", type=float, default=30.0, help="seconds of load per server")
    parser.add_argument("--timeout", type=float, default=10.0, help="kazcrime serve's query time limit")
    parser.add_argument("--workers", type=int, default=None, help="kazcrime serve's worker processes")
    parser.add_argument("--on-disk", action="store_true", help="workers open the persistent store read-only")
    parser.add_argument("--skip-hostile", action="store_true")
    args = parser.parse_args()
    texts = [q.text for q in saved_queries().values()]
    if not texts:
        print("no saved queries in queries/", file=sys.stderr)
        return 1
    print(f"{len(texts)} saved queries, {args.clients} clients, {args.duration:g} s per server, loopback only")
    extra = ["--timeout", str(args.timeout)] + (["--workers", str(args.workers)] if args.workers else [])
    extra += ["--on-disk"] if args.on_disk else []
    with kazcrime_server(*extra) as url:
        ours = asyncio.run(load(url + "/sparql", texts, args.clients, args.duration))
        print(line("kazcrime serve", ours), flush=True)
        if not args.skip_hostile:
            during, status, took, after = asyncio.run(hostile(url + "/sparql", texts, args.clients, args.timeout + 3))
            print(line("  with a runaway query", during))
            print(f"  runaway query: HTTP {status} after {took:.2f} s (limit {args.timeout:g} s); "
                  f"next query after it: HTTP {after}", flush=True)
    with oxigraph_server(dataset_file(), read_only=True) as url:
        theirs = asyncio.run(load(url + "/query", texts, args.clients, args.duration))
        print(line("oxigraph serve (yardstick)", theirs))
    ratio = ours["rps"] / theirs["rps"] if theirs["rps"] else float("nan")
    print(f"throughput ratio kazcrime/oxigraph: {ratio:.2f} (goal >= 0.5); p99 {ours['p99']:.1f} ms (goal < 50); "
          f"errors {ours['errors']} (goal 0)")
    ok = ratio >= 0.5 and ours["p99"] < 50 and ours["errors"] == 0
    print("goals met" if ok else "goals NOT met")
    return 0 if ok else 2


if __name__ == "__main__":
    sys.exit(main())
