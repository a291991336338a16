"""A small HTTP/1.1 server on asyncio: requests in, responses out, keep-alive, no framework.

The app is one coroutine ``handle(Request) -> Response``; :func:`serve_forever` puts it on a socket and
:func:`call` runs it in-process (``kazcrime serve --get``, most tests). Staying on asyncio keeps the
main process light: queries run in worker processes (:mod:`.pool`), so it only parses and routes.
"""

from __future__ import annotations

import asyncio
import logging
from dataclasses import dataclass, field
from http import HTTPStatus
from typing import Awaitable, Callable
from urllib.parse import parse_qs, unquote, urlsplit

__all__ = ["Request", "Response", "Handler", "call", "serve_forever"]

log = logging.getLogger("kazcrime.server")

#: Largest request head and body accepted (bytes): a SPARQL query is small.
MAX_HEAD = 64 * 1024
MAX_BODY = 1024 * 1024


@dataclass
class Request:
    """One HTTP request: method, decoded path, query-string parameters, lower-case headers, body."""

    method: str
    path: str
    params: dict[str, list[str]]
    headers: dict[str, str]
    body: bytes = b""
    _form: dict[str, list[str]] | None = field(default=None, repr=False, compare=False)

    @classmethod
    def build(cls, method: str, target: str, headers: dict[str, str] | None = None, body: bytes = b"") -> "Request":
        """A request from a method and a target such as ``/sparql?query=...``."""
        parts = urlsplit(target)
        return cls(method.upper(), unquote(parts.path) or "/", parse_qs(parts.query, keep_blank_values=True),
                   {k.lower(): v for k, v in (headers or {}).items()}, body)

    @property
    def media_type(self) -> str:
        """The body's media type, without parameters."""
        return self.headers.get("content-type", "").split(";")[0].strip().lower()

    def form(self) -> dict[str, list[str]]:
        """Fields of an ``application/x-www-form-urlencoded`` body (empty otherwise), parsed once."""
        if self._form is None:
            form = self.body.decode("utf-8", "replace") if self.media_type == "application/x-www-form-urlencoded" else ""
            self._form = parse_qs(form, keep_blank_values=True)
        return self._form

    def param(self, name: str) -> str | None:
        """The first value of a parameter from the query string or a form body."""
        values = self.params.get(name) or self.form().get(name)
        return values[0] if values else None


@dataclass
class Response:
    """Status, body and media type, plus any extra headers."""

    status: int
    body: bytes = b""
    media_type: str = "text/plain; charset=utf-8"
    headers: dict[str, str] = field(default_factory=dict)

    def head(self, keep_alive: bool) -> bytes:
        """The status line and headers, ready to write."""
        reason = HTTPStatus(self.status).phrase if self.status in HTTPStatus._value2member_map_ else ""
        lines = [f"HTTP/1.1 {self.status} {reason}", f"Content-Type: {self.media_type}",
                 f"Content-Length: {len(self.body)}", "X-Content-Type-Options: nosniff"]
        lines += [f"{k}: {v}" for k, v in self.headers.items()]
        if not keep_alive:
            lines.append("Connection: close")
        return ("\r\n".join(lines) + "\r\n\r\n").encode("latin-1")


Handler = Callable[[Request], Awaitable[Response]]


def call(handler: Handler, method: str, target: str, headers: dict[str, str] | None = None, body: bytes = b"") -> Response:
    """Answer one request in-process, with no socket (``serve --get``)."""
    return asyncio.run(handler(Request.build(method, target, headers, body)))


class _Connection(asyncio.Protocol):
    """One client connection: parses requests in order and answers them one at a time."""

    def __init__(self, handler: Handler) -> None:
        self.handler = handler
        self.buffer = bytearray()
        self.busy = False
        self.transport: asyncio.Transport | None = None

    def connection_made(self, transport: asyncio.BaseTransport) -> None:
        self.transport = transport  # type: ignore[assignment]

    def connection_lost(self, exc: Exception | None) -> None:
        self.transport = None

    def data_received(self, data: bytes) -> None:
        self.buffer += data
        if not self.busy:
            self._next()

    def _fail(self, status: int, message: str) -> None:
        if self.transport is not None:
            response = Response(status, message.encode())
            self.transport.write(response.head(False) + response.body)
            self.transport.close()

    def _next(self) -> None:
        end = self.buffer.find(b"\r\n\r\n")
        if end < 0:
            if len(self.buffer) > MAX_HEAD:
                self._fail(431, "request head too large")
            return
        try:
            lines = self.buffer[:end].decode("latin-1").split("\r\n")
            method, target, version = lines[0].split(" ")
            headers = {}
            for line in lines[1:]:
                name, _, value = line.partition(":")
                headers[name.strip().lower()] = value.strip()
            length = int(headers.get("content-length", "0"))
        except ValueError:
            self._fail(400, "malformed HTTP request")
            return
        if "chunked" in headers.get("transfer-encoding", "").lower():
            self._fail(411, "send the body with a Content-Length")
            return
        if length > MAX_BODY:
            self._fail(413, f"request body over {MAX_BODY} bytes")
            return
        if len(self.buffer) < end + 4 + length:
            return
        body = bytes(self.buffer[end + 4 : end + 4 + length])
        del self.buffer[: end + 4 + length]
        connection = headers.get("connection", "").lower()
        keep_alive = connection != "close" if version == "HTTP/1.1" else connection == "keep-alive"
        self.busy = True
        request = Request.build(method, target, headers, body)
        asyncio.get_running_loop().create_task(self._answer(request, keep_alive))

    async def _answer(self, request: Request, keep_alive: bool) -> None:
        try:
            response = await self.handler(request)
        except Exception:  # noqa: BLE001 - the app maps errors itself; this is the last resort
            log.exception("unhandled error on %s %s", request.method, request.path)
            response = Response(500, b"internal error")
        if self.transport is None:
            return
        body = b"" if request.method == "HEAD" else response.body
        self.transport.write(response.head(keep_alive) + body)
        if not keep_alive:
            self.transport.close()
            return
        self.busy = False
        if self.buffer:
            self._next()


async def serve_forever(handler: Handler, host: str, port: int, ready: Callable[[str], None] | None = None) -> None:
    """Listen on ``host:port`` and answer requests until cancelled."""
    loop = asyncio.get_running_loop()
    server = await loop.create_server(lambda: _Connection(handler), host, port, reuse_address=True, backlog=512)
    if ready:
        ready(", ".join(f"http://{s.getsockname()[0]}:{s.getsockname()[1]}/" for s in server.sockets))
    async with server:
        await server.serve_forever()
