"""Where the project's files live: the repository root, found from the package location.

Imported by ``kazcrime query`` on its fast path, so modules needed only for writing load lazily.
"""

from __future__ import annotations

import os
from contextlib import contextmanager
from pathlib import Path
from typing import Iterator

__all__ = ["project_root", "graph_dir", "atomic_output"]


def project_root() -> Path:
    """The checkout holding ``graph/`` and ``ontology/``: ``$KAZCRIME_HOME`` or the package's repo."""
    env = os.environ.get("KAZCRIME_HOME")
    if env:
        return Path(env)
    here = Path(__file__).resolve().parents[2]
    return here if (here / "ontology").is_dir() else Path.cwd()


def graph_dir() -> Path:
    """The folder with the curated facts and the built dataset."""
    return project_root() / "graph"


@contextmanager
def atomic_output(path: Path, suffix: str = ".tmp") -> Iterator[Path]:
    """A temporary file beside ``path`` that replaces it (mode 0644) only if the block succeeds."""
    import tempfile

    path = Path(path)
    path.parent.mkdir(parents=True, exist_ok=True)
    fd, name = tempfile.mkstemp(dir=path.parent, prefix=f".{path.name}.", suffix=suffix)
    os.close(fd)
    tmp = Path(name)
    try:
        yield tmp
        tmp.chmod(0o644)
        os.replace(tmp, path)
    finally:
        tmp.unlink(missing_ok=True)
