"""The web app: routes each path to its page module and maps errors to HTTP statuses in one place.

>>> app = App(Settings(), inline=True)
>>> response = app.get("/sparql?query=ASK%20%7B%7D&format=json")
>>> response.status, response.body
(200, b'{"head": {}, "boolean": true}')
"""

from __future__ import annotations

import asyncio
import logging
import mimetypes
from importlib import resources
from pathlib import Path

from .. import errors
from . import pages, resource, sparql
from .http import Request, Response, call, serve_forever
from .pool import InlinePool, WorkerPool
from .worker import Settings

__all__ = ["App", "Settings", "STATUS", "serve"]

log = logging.getLogger("kazcrime.server")

#: The HTTP status of each error kind; the first matching class wins (subclasses first).
STATUS: list[tuple[type[Exception], int]] = [
    (errors.Refused, 403),
    (errors.QueryTimeout, 504),
    (errors.TooManyResults, 413),
    (errors.NotFound, 404),
    (errors.QueryError, 400),
    (errors.StoreError, 503),
    (errors.KazcrimeError, 500),
]

#: Path prefixes of Linked Data resources (``https://w3id.org/kazcrime/<prefix>/...``).
RESOURCE_PREFIXES = ("/id/", "/doc/", "/source/", "/concept/", "/fact/", "/graph/")


def status_of(exc: Exception) -> int:
    """The HTTP status for an error."""
    return next((status for cls, status in STATUS if isinstance(exc, cls)), 500)


class App:
    """Routes requests; holds the settings and the pool of query workers."""

    def __init__(self, settings: Settings, inline: bool = False, workers: int | None = None) -> None:
        self.settings = settings
        self.pool: WorkerPool | InlinePool = InlinePool(settings) if inline else WorkerPool(settings, workers)
        self._started = False

    async def start(self) -> None:
        """Start the workers (each opens the store).

        :raises StoreError: when the store cannot be opened.
        """
        if not self._started:
            await self.pool.start()
            self._started = True

    async def handle(self, request: Request) -> Response:
        """Answer one request; a :class:`~kazcrime.errors.KazcrimeError` becomes its status and message."""
        await self.start()
        try:
            return await self._route(request)
        except errors.KazcrimeError as exc:
            status = status_of(exc)
            if status >= 500 and status not in (503, 504):
                log.error("%s %s: %s", request.method, request.path, exc)
            return pages.error_page(self, request, status, str(exc))
        except Exception:  # noqa: BLE001 - never show a traceback to the client
            log.exception("error on %s %s", request.method, request.path)
            return pages.error_page(self, request, 500, "internal error (see the server log)")

    async def _route(self, request: Request) -> Response:
        path = request.path
        if path == "/sparql":
            return await sparql.endpoint(self, request)
        if path.startswith(RESOURCE_PREFIXES):
            return await resource.page(self, request)
        if path.startswith("/static/"):
            return static(path[len("/static/"):])
        handler = pages.ROUTES.get(path) or next((h for prefix, h in pages.PREFIX_ROUTES if path.startswith(prefix)), None)
        if handler is None:
            raise errors.NotFound(f"no page at {path}")
        return await handler(self, request)

    def get(self, target: str, headers: dict[str, str] | None = None, method: str = "GET", body: bytes = b"") -> Response:
        """Answer one request in-process (``serve --get``): no socket."""
        return call(self.handle, method, target, headers, body)


def static(name: str) -> Response:
    """A file of the package's ``static/`` folder (the vendored editor included)."""
    root = resources.files("kazcrime.server").joinpath("static")
    parts = [p for p in name.split("/") if p]
    if not parts or any(p in ("..", ".") or p.startswith(".") for p in parts):
        raise errors.NotFound(f"no static file {name!r}")
    file = root.joinpath(*parts)
    if not file.is_file():
        hint = " (run .ci/setup to install the editor)" if parts[0] == "vendor" else ""
        raise errors.NotFound(f"no static file {name!r}{hint}")
    media = mimetypes.guess_type(parts[-1])[0] or "application/octet-stream"
    if media.startswith("text/") or media.endswith("javascript"):
        media += "; charset=utf-8"
    return Response(200, file.read_bytes(), media, {"Cache-Control": "public, max-age=3600"})


def serve(settings: Settings, host: str = "127.0.0.1", port: int = 8000, workers: int | None = None,
          ready=None) -> None:
    """Serve the app on ``host:port`` until interrupted.

    :raises StoreError: when the store cannot be opened.
    """
    app = App(settings, workers=workers)

    async def main() -> None:
        await app.start()
        try:
            await serve_forever(app.handle, host, port, ready)
        finally:
            await app.pool.close()

    try:
        asyncio.run(main())
    except KeyboardInterrupt:
        pass


def dataset_settings(nq: Path | None = None, **options) -> Settings:
    """Settings for serving ``nq`` (default: the committed dataset)."""
    from ..store import dataset_file

    return Settings(nq=str(nq or dataset_file()), **options)
