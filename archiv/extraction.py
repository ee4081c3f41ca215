"""Parsing files without an index: the guarded worker pool over the pipeline (Archive.extract and
Archive.extract_many; ``archiv extract`` and ``archiv eval`` use them)."""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from pathlib import Path

from .cpus import default_workers
from .errors import ArchivError
from .guard import DEFAULT_MEMORY_MB, DEFAULT_TIMEOUT, WORKER_PRELOAD, Failure, GuardedPool
from .models import ParseOptions, Vorlage


def extract_many(
    paths: Iterable[Path | str],
    *,
    workers: int | None = None,
    timeout: float = DEFAULT_TIMEOUT,
    memory_mb: int = DEFAULT_MEMORY_MB,
    ocr_cache: Path | str | None = None,
) -> Iterator[tuple[Path, tuple[Vorlage, ...] | ArchivError]]:
    """(path, its records or its error) for each path, in the order the workers finish; one bad
    file never stops the others. ``ocr_cache``: a folder that keeps Tesseract's output per page."""
    from datetime import UTC, datetime

    from .detect import open_source
    from .pipeline import Job, process_file

    stamp = datetime.now(UTC).isoformat(timespec="seconds")
    several = workers is None or workers > 1
    options = ParseOptions(
        ocr_cache=str(ocr_cache) if ocr_cache else None,
        ocr_workers=1 if several else None,  # the cores go to the files, not to the pages
        time_budget=timeout,
        progress=not several,
    )
    unreadable: list[tuple[Path, ArchivError]] = []

    def jobs() -> Iterator[tuple[Path, Job]]:
        for p in map(Path, paths):
            try:
                source, data = open_source(p)
            except ArchivError as e:
                unreadable.append((p, e))
                continue
            yield p, Job(source, data, stamp, False, options)

    pool = GuardedPool(
        process_file,
        workers=workers or default_workers(),
        timeout=timeout,
        memory_mb=memory_mb,
        preload=WORKER_PRELOAD,
    )
    with pool:
        for p, result in pool.run(jobs()):
            yield p, result.exception(str(p)) if isinstance(result, Failure) else result
            yield from unreadable
            unreadable.clear()
    yield from unreadable
