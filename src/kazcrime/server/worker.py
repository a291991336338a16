"""The worker side: what one query process holds (a store, the document reader) and the jobs it runs.

Every query and every page that queries the graph runs as a job here, in a separate process, so a
query that runs away can be killed without touching the server or the other clients.
"""

from __future__ import annotations

import pickle
import traceback
from dataclasses import dataclass, field
from functools import cached_property
from pathlib import Path
from typing import Callable

import pyoxigraph as ox

from .. import errors

__all__ = ["Settings", "Context", "Reply", "JOBS", "run_job", "worker_main"]


@dataclass(frozen=True)
class Settings:
    """How the server runs; picklable, so each worker process gets a copy.

    ``memory``: each worker loads ``nq`` into memory (fastest on a small graph) instead of opening the
    persistent store at ``folder`` read-only.
    """

    nq: str | None = None
    folder: str | None = None
    memory: bool = True
    timeout: float = 10.0
    max_rows: int = 10_000
    allow_service: tuple[str, ...] = ()
    sources_dir: str | None = None


@dataclass
class Reply:
    """A job's answer: body and media type (the app adds status and headers)."""

    body: bytes
    media_type: str
    status: int = 200
    headers: dict[str, str] = field(default_factory=dict)


class Context:
    """What jobs share inside one worker: the store, the evidence reader and the page templates."""

    def __init__(self, settings: Settings) -> None:
        self.settings = settings

    @cached_property
    def store(self) -> ox.Store:
        from ..store import load_memory_store, open_store

        s = self.settings
        if s.memory:
            from ..store import dataset_file

            nq = Path(s.nq) if s.nq else dataset_file()
            if not nq.exists():
                raise errors.StoreError(f"no dataset at {nq}: run `kazcrime build` first")
            return load_memory_store(nq)
        if s.folder:
            try:
                return ox.Store.read_only(s.folder)
            except OSError as exc:
                raise errors.StoreError(f"cannot open the store at {s.folder}: {exc}") from exc
        return open_store(Path(s.nq) if s.nq else None)

    @cached_property
    def reader(self):
        from ..cards import EvidenceReader

        return EvidenceReader(Path(self.settings.sources_dir) if self.settings.sources_dir else None)

    @cached_property
    def templates(self):
        from .templating import environment

        return environment()


def _jobs() -> dict[str, Callable[..., Reply]]:
    from . import pages, resource, sparql

    return {"sparql": sparql.execute, "resource": resource.render, "view": pages.render_view,
            "network": pages.render_network, "plot": pages.render_plot}


JOBS: dict[str, Callable[..., Reply]] = {}


def run_job(ctx: Context, job: str, kwargs: dict) -> Reply:
    """Run a named job in this process."""
    if not JOBS:
        JOBS.update(_jobs())
    return JOBS[job](ctx, **kwargs)


def worker_main(conn, settings: Settings) -> None:
    """The loop of a worker process: open the store, say ready, then answer jobs until the pipe closes."""
    ctx = Context(settings)
    try:
        ctx.store  # noqa: B018 - open it before saying ready
        JOBS.update(_jobs())
        conn.send_bytes(pickle.dumps(("ready", None)))
    except errors.KazcrimeError as exc:
        conn.send_bytes(pickle.dumps(("error", type(exc).__name__, str(exc))))
        return
    while True:
        try:
            job, kwargs = pickle.loads(conn.recv_bytes())
        except (EOFError, OSError):
            return
        try:
            out = ("ok", run_job(ctx, job, kwargs))
        except errors.KazcrimeError as exc:
            out = ("error", type(exc).__name__, str(exc))
        except Exception:  # noqa: BLE001 - reported to the server as an internal error
            out = ("crash", traceback.format_exc())
        conn.send_bytes(pickle.dumps(out, protocol=pickle.HIGHEST_PROTOCOL))
