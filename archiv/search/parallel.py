"""Index documents analysed on every core: the analysis (analysis.py) is Python and holds the GIL, so
a rebuild of a large archive hands the stored records to worker processes in chunks and indexes what
comes back, in the order of the store. Each worker keeps its own cache of analysed words."""

from __future__ import annotations

import json
import multiprocessing
from collections import deque
from collections.abc import Callable, Iterable, Iterator
from contextlib import ExitStack
from multiprocessing.pool import AsyncResult, Pool
from typing import Any, TypeVar

from ..cpus import default_workers
from ..models import Vorlage
from .analysis import learned, teach
from .document import IndexDocument, index_document

CHUNK = 200  # records per task: large enough that pickling is a small share, small enough to spread
MIN_PARALLEL = 2_000  # fewer records are analysed in this process: starting workers costs about a second


def _analyse(chunk: list[str]) -> list[IndexDocument]:
    return [index_document(Vorlage.from_dict(json.loads(raw))) for raw in chunk]


def _task(
    analyse: Callable[[list[Any]], list[Any]], chunk: list[Any], known: tuple[dict, ...]
) -> tuple[list[Any], dict]:
    """One chunk in a worker: first the words the other workers analysed, then back the ones it did."""
    for words in known:
        teach(words)
    return analyse(chunk), learned()


T = TypeVar("T")


def chunks(items: Iterable[T], size: int = CHUNK) -> Iterator[list[T]]:
    """``items`` in lists of ``size`` (the last one shorter)."""
    chunk: list[T] = []
    for item in items:
        chunk.append(item)
        if len(chunk) >= size:
            yield chunk
            chunk = []
    if chunk:
        yield chunk


def workers_for(total: int) -> int:
    return default_workers(4) if total >= MIN_PARALLEL else 1


def index_documents(
    raw: Iterable[Any],
    workers: int,
    analyse: Callable[[list[Any]], list[Any]] = _analyse,
    ready: Callable[[Any], Any] | None = None,
) -> Iterator[Any]:
    """The index documents of stored records (their JSON; or what ``analyse``, a module-level function
    the workers can import, makes documents of), analysed by ``workers`` processes, in the order of
    ``raw``. An item that ``ready`` turns into a result (not None) in this process is not sent."""
    if workers <= 1:
        for chunk in chunks(raw):
            local, todo = _split(chunk, ready)
            yield from _merged(local, iter(analyse(todo) if todo else ()))
        return
    # spawn, not fork: the parent holds the search engine's threads and an open SQLite connection.
    # The chunks are read here, in this thread (SQLite), with a few tasks in flight, in order.
    # Each worker's new words go out with the next few tasks, to reach the others (the pool picks
    # which worker runs a task): a word missed is analysed again, to the very same terms.
    # The pool starts with the first item to send (a rebuild from kept documents may need none).
    with ExitStack() as stack:
        pool: Pool | None = None
        pending: deque[tuple[list[Any], AsyncResult | None]] = deque()
        outbox: deque[dict] = deque(maxlen=workers)

        def done() -> Iterator[Any]:
            local, result = pending.popleft()
            sent: list[Any] = []
            if result is not None:
                sent, words = result.get()
                outbox.append(words)
            return _merged(local, iter(sent))

        for chunk in chunks(raw):
            local, todo = _split(chunk, ready)
            result = None
            if todo:
                if pool is None:
                    pool = stack.enter_context(multiprocessing.get_context("spawn").Pool(workers))
                result = pool.apply_async(_task, (analyse, todo, tuple(outbox)))
            pending.append((local, result))
            if len(pending) > 2 * workers:
                yield from done()
        while pending:
            yield from done()


def _split(chunk: list[Any], ready: Callable[[Any], Any] | None) -> tuple[list[Any], list[Any]]:
    """What ``ready`` makes of each item of the chunk here (None: nothing), and the items left to send."""
    local = [ready(item) for item in chunk] if ready else [None] * len(chunk)
    return local, [item for item, made in zip(chunk, local, strict=True) if made is None]


def _merged(local: list[Any], sent: Iterator[Any]) -> Iterator[Any]:
    """The chunk's results in its order: those made here, and in the gaps those the workers made."""
    for made in local:
        yield next(sent) if made is None else made
