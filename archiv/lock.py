"""One writer per index folder: a second ingest (or reindex, check --repair) waits for the first.

Readers (search, show, the web app) take no lock: SQLite in WAL mode and the search engines let
them read the last committed state while a writer works.
"""

from __future__ import annotations

import contextlib
import os
from collections.abc import Callable, Iterator
from pathlib import Path

from .errors import IndexStateError

LOCK_FILE = "writer.lock"


class IndexBusyError(IndexStateError):
    """Another archiv process writes to this index folder (raised where waiting was not wanted)."""


@contextlib.contextmanager
def writer_lock(index_dir: Path, on_wait: Callable[[str], None] | None = None) -> Iterator[None]:
    """Hold the index folder's writer lock; where another process holds it, call ``on_wait`` with a
    message and wait for it (``on_wait`` None: raise IndexBusyError instead)."""
    try:
        import fcntl
    except ImportError:  # not POSIX: the search engines' own writer locks still refuse a second writer
        yield
        return
    index_dir.mkdir(parents=True, exist_ok=True)
    with open(index_dir / LOCK_FILE, "a+") as fh:
        try:
            fcntl.flock(fh, fcntl.LOCK_EX | fcntl.LOCK_NB)
        except BlockingIOError:
            fh.seek(0)
            holder = fh.read().strip() or "?"
            message = f"another archiv process (pid {holder}) is writing to {index_dir}"
            if on_wait is None:
                raise IndexBusyError(f"{message}; try again when it has finished") from None
            on_wait(f"{message}; waiting for it to finish (Ctrl-C to stop waiting)")
            fcntl.flock(fh, fcntl.LOCK_EX)
        fh.seek(0)
        fh.truncate()
        fh.write(f"{os.getpid()}\n")
        fh.flush()
        try:
            yield
        finally:
            fh.seek(0)
            fh.truncate()
            fcntl.flock(fh, fcntl.LOCK_UN)
