"""The exceptions kazcrime raises: one small tree, each class saying when it happens.

The CLI turns any :class:`KazcrimeError` into a one-line message and a non-zero exit;
the web layer maps each class to an HTTP status in one place.
"""

from __future__ import annotations

__all__ = [
    "KazcrimeError",
    "SourceError",
    "FactsError",
    "EvidenceError",
    "BuildError",
    "ValidationFailed",
    "StoreError",
    "QueryError",
    "NotFound",
    "Refused",
    "QueryTimeout",
    "TooManyResults",
    "RemoteError",
]


class KazcrimeError(Exception):
    """Base class: every error kazcrime raises on purpose."""


class SourceError(KazcrimeError):
    """A source document is missing, unreadable, or not the one the registry describes."""


class FactsError(KazcrimeError):
    """A facts file is malformed; the message names the file, line and field."""

    def __init__(self, path: str, line: int | None, field: str | None, message: str) -> None:
        self.path, self.line, self.field = path, line, field
        where = f"{path}:{line}" if line else path
        what = f" [{field}]" if field else ""
        super().__init__(f"{where}{what}: {message}")


class EvidenceError(KazcrimeError):
    """Evidence does not check out: unknown sentence IDs or a changed document hash."""


class BuildError(KazcrimeError):
    """The graph could not be built; the last good graph was left in place."""


class ValidationFailed(KazcrimeError):
    """The graph violates its SHACL shapes or its evidence does not check out."""


class StoreError(KazcrimeError):
    """The embedded store is missing or cannot be opened."""


class QueryError(KazcrimeError):
    """A SPARQL query could not be parsed or run."""


class NotFound(KazcrimeError):
    """An entity, saved query or source passage that was asked for does not exist."""


class Refused(KazcrimeError):
    """A request the read-only endpoint will not carry out: SPARQL Update, or SERVICE to a host not allowed."""


class QueryTimeout(KazcrimeError):
    """A query ran past its time limit and was cut off."""


class TooManyResults(KazcrimeError):
    """A query's result has more rows (or triples) than the configured limit."""


class RemoteError(KazcrimeError):
    """A remote SPARQL endpoint or graph store could not be reached or refused the request."""
