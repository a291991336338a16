"""Run jobs in worker processes with a hard time limit: a query that overruns is killed and replaced.

pyoxigraph cannot cancel a query, so a worker process is the unit that can be stopped. Each worker
holds its own read-only store; the pool hands a job to an idle worker, waits for the answer on its
pipe without blocking the event loop, and kills the worker when the time limit passes. Other clients
are served by the remaining workers meanwhile, and a replacement starts in the background.
"""

from __future__ import annotations

import asyncio
import logging
import multiprocessing
import os
import pickle
import time

from .. import errors
from .worker import Context, Reply, Settings, run_job, worker_main

__all__ = ["WorkerPool", "InlinePool", "default_workers"]

log = logging.getLogger("kazcrime.server")


def default_workers() -> int:
    """One worker per core, at least two, so one runaway query never leaves the server without a worker."""
    return max(2, os.cpu_count() or 1)


def _raise(out: tuple) -> Reply:
    """The reply in a worker's message, or the error it reports raised again here."""
    if out[0] in ("ok", "ready"):
        return out[1]
    if out[0] == "error":
        cls = getattr(errors, out[1], errors.KazcrimeError)
        try:
            raise cls(out[2])
        except TypeError:
            raise errors.KazcrimeError(out[2]) from None
    raise RuntimeError(f"a worker failed:\n{out[1]}")


class _Worker:
    """A worker process and the parent's end of its pipe."""

    def __init__(self, ctx: multiprocessing.context.BaseContext, settings: Settings) -> None:
        self.conn, child = ctx.Pipe()
        self.process = ctx.Process(target=worker_main, args=(child, settings), daemon=True)
        self.process.start()
        child.close()
        self.future: asyncio.Future | None = None

    def wait_ready(self, timeout: float = 120.0) -> None:
        if not self.conn.poll(timeout):
            self.kill()
            raise errors.StoreError("a query worker did not start in time")
        _raise(pickle.loads(self.conn.recv_bytes()))

    def kill(self) -> None:
        if self.process.is_alive():
            self.process.kill()
        self.process.join(5)
        self.conn.close()


class WorkerPool:
    """A fixed number of worker processes; :meth:`run` gives a job to one and enforces the time limit."""

    def __init__(self, settings: Settings, size: int | None = None) -> None:
        self.settings = settings
        self.size = size or default_workers()
        self._mp = multiprocessing.get_context("forkserver")
        self._mp.set_forkserver_preload(["kazcrime.server.worker", "pyoxigraph"])
        self._idle: asyncio.Queue[_Worker] | None = None
        self._all: set[_Worker] = set()
        self.killed = 0

    async def start(self) -> None:
        """Start the workers and wait until each has opened its store.

        :raises StoreError: when the store cannot be opened.
        """
        loop = asyncio.get_running_loop()
        self._idle = asyncio.Queue()
        workers = await asyncio.gather(*(loop.run_in_executor(None, self._spawn) for _ in range(self.size)))
        for worker in workers:
            self._adopt(worker)

    def _spawn(self) -> _Worker:
        worker = _Worker(self._mp, self.settings)
        worker.wait_ready()
        return worker

    def _adopt(self, worker: _Worker) -> None:
        loop = asyncio.get_running_loop()
        loop.add_reader(worker.conn.fileno(), self._readable, worker)
        self._all.add(worker)
        assert self._idle is not None
        self._idle.put_nowait(worker)

    def _readable(self, worker: _Worker) -> None:
        try:
            data = worker.conn.recv_bytes()
        except (EOFError, OSError):
            asyncio.get_running_loop().remove_reader(worker.conn.fileno())
            if worker.future is not None and not worker.future.done():
                worker.future.set_exception(errors.QueryTimeout("the query worker stopped; the query was not answered"))
            return
        if worker.future is not None and not worker.future.done():
            worker.future.set_result(data)

    async def _replace(self, worker: _Worker) -> None:
        loop = asyncio.get_running_loop()
        self._all.discard(worker)
        try:
            loop.remove_reader(worker.conn.fileno())
        except (ValueError, OSError):
            pass
        self.killed += 1
        await loop.run_in_executor(None, worker.kill)
        try:
            self._adopt(await loop.run_in_executor(None, self._spawn))
        except errors.KazcrimeError:
            log.exception("could not replace a query worker")

    async def run(self, job: str, timeout: float | None = None, **kwargs) -> Reply:
        """Run ``job`` in a worker, killing it if no answer comes within ``timeout`` seconds (waiting included).

        :raises QueryTimeout: when the time limit passes; the worker is replaced.
        """
        assert self._idle is not None, "start() the pool first"
        limit = self.settings.timeout if timeout is None else timeout
        deadline = time.monotonic() + limit
        try:
            worker = await asyncio.wait_for(self._idle.get(), limit)
        except asyncio.TimeoutError:
            raise errors.QueryTimeout(f"every query worker stayed busy for {limit:g} s; try again later") from None
        worker.future = asyncio.get_running_loop().create_future()
        try:
            worker.conn.send_bytes(pickle.dumps((job, kwargs)))
            data = await asyncio.wait_for(worker.future, max(0.001, deadline - time.monotonic()))
        except asyncio.TimeoutError:
            asyncio.get_running_loop().create_task(self._replace(worker))
            raise errors.QueryTimeout(f"the query ran over the time limit of {limit:g} s and was stopped") from None
        except BaseException:
            asyncio.get_running_loop().create_task(self._replace(worker))
            raise
        worker.future = None
        self._idle.put_nowait(worker)
        return _raise(pickle.loads(data))

    async def close(self) -> None:
        """Stop every worker."""
        for worker in list(self._all):
            worker.kill()
        self._all.clear()


class InlinePool:
    """Runs jobs in this process, with no time limit: for ``serve --get`` and in-process tests."""

    def __init__(self, settings: Settings) -> None:
        self.settings = settings
        self.ctx = Context(settings)
        self.killed = 0

    async def start(self) -> None:
        """Open the store now, so a missing store fails at start-up."""
        self.ctx.store  # noqa: B018

    async def run(self, job: str, timeout: float | None = None, **kwargs) -> Reply:
        """Run ``job`` here and now."""
        return run_job(self.ctx, job, kwargs)

    async def close(self) -> None:
        """Nothing to stop."""
