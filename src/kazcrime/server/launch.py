"""Start real servers on loopback for tests and benchmarks: ``kazcrime serve`` and ``oxigraph serve``.

Each runs as a subprocess on 127.0.0.1 with a free port and is stopped by the context manager,
whatever happens inside it (like datasette's ``utils/testing.py``, but with real sockets).
"""

from __future__ import annotations

import contextlib
import os
import shutil
import socket
import subprocess
import sys
import tempfile
import time
import urllib.request
from pathlib import Path
from typing import Iterator

__all__ = ["free_port", "wait_until_up", "kazcrime_server", "oxigraph_server"]


def free_port() -> int:
    """A TCP port free on 127.0.0.1 right now."""
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def wait_until_up(url: str, proc: subprocess.Popen, timeout: float = 60.0) -> None:
    """Wait until ``url`` answers (any HTTP status).

    :raises RuntimeError: when the process exits or the time runs out first.
    """
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        if proc.poll() is not None:
            raise RuntimeError(f"the server exited with code {proc.returncode} before answering {url}")
        try:
            urllib.request.urlopen(url, timeout=2).close()
            return
        except urllib.error.HTTPError:
            return
        except OSError:
            time.sleep(0.05)
    raise RuntimeError(f"no answer from {url} within {timeout:g} s")


def _stop(proc: subprocess.Popen) -> None:
    if proc.poll() is None:
        proc.terminate()
        try:
            proc.wait(10)
        except subprocess.TimeoutExpired:
            proc.kill()
            proc.wait(10)


@contextlib.contextmanager
def kazcrime_server(*args: str, env: dict[str, str] | None = None) -> Iterator[str]:
    """``kazcrime serve`` with extra ``args`` on a free loopback port; yields its base URL (no trailing /)."""
    port = free_port()
    cmd = [sys.executable, "-m", "kazcrime", "serve", "--host", "127.0.0.1", "--port", str(port), *args]
    proc = subprocess.Popen(cmd, env={**os.environ, **(env or {})}, stdout=subprocess.DEVNULL)
    url = f"http://127.0.0.1:{port}"
    try:
        wait_until_up(url + "/robots.txt", proc)
        yield url
    finally:
        _stop(proc)


def oxigraph_binary() -> str:
    """The ``oxigraph`` command installed beside this Python (PyPI package ``oxigraph``), or on PATH."""
    local = Path(sys.executable).with_name("oxigraph")
    found = str(local) if local.exists() else shutil.which("oxigraph")
    if not found:
        raise RuntimeError("the `oxigraph` command is missing: pip install oxigraph")
    return found


@contextlib.contextmanager
def oxigraph_server(nq: Path | None = None, read_only: bool = False, timeout_s: int | None = None) -> Iterator[str]:
    """``oxigraph serve`` on a free loopback port with the union of named graphs as default graph,
    optionally loaded with ``nq`` first; yields its base URL (``/query``, ``/store``)."""
    folder = Path(tempfile.mkdtemp(prefix="kazcrime-oxigraph-"))
    port = free_port()
    binary = oxigraph_binary()
    try:
        if nq is not None:
            subprocess.run([binary, "load", "--location", str(folder), "--file", str(nq)], check=True,
                           stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
        mode = "serve-read-only" if read_only else "serve"
        proc = subprocess.Popen([binary, mode, "--location", str(folder), "--bind", f"127.0.0.1:{port}",
                                 "--union-default-graph", *(["--timeout-s", str(timeout_s)] if timeout_s else [])],
                                stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
        url = f"http://127.0.0.1:{port}"
        try:
            wait_until_up(url + "/query?query=ASK%7B%7D", proc)
            yield url
        finally:
            _stop(proc)
    finally:
        shutil.rmtree(folder, ignore_errors=True)
