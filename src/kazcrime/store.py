"""The embedded query store: a persistent pyoxigraph database loaded from ``graph/kazcrime.nq``.

The committed N-Quads file is the truth; the store under ``graph/.store/`` is a cache of it that is
(re)loaded only when the file changed, so a query opens the store without re-parsing RDF.
This module must not import rdflib: it sits on the fast query path (and loads what only a reload
needs, hashing, locking and copying, when it reloads).
"""

from __future__ import annotations

import os
from pathlib import Path

import pyoxigraph as ox

from .errors import StoreError
from .paths import project_root

__all__ = ["open_store", "store_dir", "load_memory_store", "dataset_file"]

#: Name of the file inside the store folder that records which dataset it was loaded from.
STAMP = "kazcrime-source.txt"


def dataset_file(root: Path | None = None) -> Path:
    """The committed dataset (N-Quads)."""
    return (root or project_root()) / "graph" / "kazcrime.nq"


def store_dir(root: Path | None = None) -> Path:
    """Where the persistent store lives: ``$KAZCRIME_STORE`` or ``graph/.store``."""
    env = os.environ.get("KAZCRIME_STORE")
    return Path(env) if env else (root or project_root()) / "graph" / ".store"


def _stamp_of(nq: Path) -> str:
    stat = nq.stat()
    return f"{stat.st_size} {stat.st_mtime_ns}"


def _digest(nq: Path) -> str:
    import hashlib

    return hashlib.sha256(nq.read_bytes()).hexdigest()


def _is_current(folder: Path, nq: Path) -> bool:
    stamp_file = folder / STAMP
    if not stamp_file.exists():
        return False
    stamp, _, digest = stamp_file.read_text().partition("\n")
    if stamp == _stamp_of(nq):
        return True
    if digest.strip() == _digest(nq):  # same content, new mtime (e.g. a fresh checkout)
        stamp_file.write_text(f"{_stamp_of(nq)}\n{digest.strip()}")
        return True
    return False


def _reload(folder: Path, nq: Path) -> None:
    """Load the dataset into a fresh store beside the old one, then swap it in."""
    import shutil

    tmp = folder.with_name(folder.name + ".loading")
    shutil.rmtree(tmp, ignore_errors=True)
    store = ox.Store(str(tmp))
    store.bulk_load(path=str(nq), format=ox.RdfFormat.N_QUADS)
    store.optimize()
    del store
    (tmp / STAMP).write_text(f"{_stamp_of(nq)}\n{_digest(nq)}")
    old = folder.with_name(folder.name + ".old")
    shutil.rmtree(old, ignore_errors=True)
    if folder.exists():
        folder.rename(old)
    tmp.rename(folder)
    shutil.rmtree(old, ignore_errors=True)


def open_store(nq: Path | None = None, folder: Path | None = None) -> ox.Store:
    """Open the store read-only, (re)loading it first if the dataset changed since it was loaded.

    :raises StoreError: when there is no dataset to load and no store to open.
    """
    nq = nq or dataset_file()
    folder = folder or store_dir()
    if not nq.exists():
        if (folder / STAMP).exists():
            return ox.Store.read_only(str(folder))
        raise StoreError(f"no dataset at {nq}: run `kazcrime build` first")
    folder.parent.mkdir(parents=True, exist_ok=True)
    if not _is_current(folder, nq):
        import fcntl

        with open(folder.with_name(folder.name + ".lock"), "w") as lock:
            fcntl.flock(lock, fcntl.LOCK_EX)
            if not _is_current(folder, nq):
                _reload(folder, nq)
    try:
        return ox.Store.read_only(str(folder))
    except OSError as exc:
        raise StoreError(f"cannot open the store at {folder}: {exc}") from exc


def load_memory_store(nq: Path | str) -> ox.Store:
    """An in-memory store holding a dataset file: for tests and one-off graphs.

    >>> import tempfile, pathlib
    >>> f = pathlib.Path(tempfile.mkdtemp()) / "g.nq"
    >>> _ = f.write_text('<http://a> <http://b> "c" <http://g> .\\n')
    >>> len(load_memory_store(f))
    1
    """
    store = ox.Store()
    store.bulk_load(path=str(nq), format=ox.RdfFormat.N_QUADS)
    return store
