"""A full rebuild of the search index from the record store (`archiv reindex`), one document per
Vorlage (grouped.py), analysed on every core (search/parallel.py).

What a rebuild of 100,000 Vorlagen must not do is pass over the 1 GB of records more than once: the
decisions are linked again only where a record changed since the last linking (beschluesse.relink),
the groups only where records changed (regroup.py), and which records the index lacks is a small table
of its own (store.py), so marking them is no rewrite of the records.

Nor must it analyse what it analysed before: a group whose kept document (search/kept.py) was made
from the very records and analysis it has now is indexed from that document, decoded here while the
engine's threads index; the others are analysed by the workers, and their documents kept.
"""

from __future__ import annotations

import itertools
from collections import deque
from collections.abc import Callable, Iterator
from concurrent.futures import Future, ThreadPoolExecutor
from contextlib import nullcontext
from functools import partial

from .beschluesse import relink
from .grouped import Kept, Made, analyse_groups, from_kept
from .regroup import regroup
from .search import SearchBackend
from .search.document import IndexDocument
from .search.kept import group_fingerprint, inflate
from .search.parallel import CHUNK, chunks, index_documents, workers_for
from .store import Store

REINDEX_BATCH = 20_000  # documents per engine commit in a rebuild, unless the backend says (rebuild_batch)
KEEP_BATCH = 500  # kept documents written to the store at once


def rebuild(
    store: Store, backend: SearchBackend, progress: Callable[[int, int, str], None] | None = None, clear: bool = True
) -> int:
    """Write every grouped record's Vorlage into ``backend``; returns how many records were written."""
    if clear:
        backend.clear()
    relink(store)  # decisions from the minutes, over the whole store
    store.mark_all_unindexed()  # until written: a rebuild that is stopped leaves them pending
    regroup(store)
    store.drop_stale_documents()
    total = store.count()
    ids: list[str] = []
    records = backend.keeps_records  # the record too, where the index keeps it (opensearch)

    def read() -> Iterator[tuple[list[Kept], list[int]]]:
        """The groups a chunk at a time, each with its kept document where it is still true to it,
        else its records; and how many records each group has."""
        for chunk in chunks(store.iter_groups_kept(), CHUNK):
            items = []
            for group_id, members, kept_fp, kept_data in chunk:
                ids.extend(m[0] for m in members)
                fp = group_fingerprint(group_id, ((m[0], m[2], m[3]) for m in members))
                items.append((group_id, [], fp, kept_data if kept_fp == fp else None))
            # the records only of the groups analysed anew (or of all, where the backend keeps records)
            wanted = [item[0] for item in items if records or item[3] is None]
            found = store.group_members_raw(wanted) if wanted else {}
            items = [(i[0], found[i[0]], *i[2:]) if i[0] in found else i for i in items]  # type: ignore[misc]
            yield items, [len(c[1]) for c in chunk]

    def raw() -> Iterator[Kept]:
        # Kept documents are inflated in a thread (zstd lets go of the GIL), a chunk ahead of the
        # one this thread decodes and hands to the engine.
        done = 0
        with ThreadPoolExecutor(1, thread_name_prefix="archiv-inflate") as inflater:
            ahead: deque[tuple[list[Kept], list[int], Future[list[bytes | None]]]] = deque()
            for batch in itertools.chain(read(), [None]):
                if batch is not None:
                    ahead.append((*batch, inflater.submit(inflate, [i[3] for i in batch[0]])))
                if len(ahead) > 1 or (batch is None and ahead):
                    chunk, counts, plain = ahead.popleft()
                    for item, data, n in zip(chunk, plain.result(), counts, strict=True):
                        before, done = done, done + n
                        if progress and (done // 100 > before // 100 or done == total):
                            progress(done, total, item[1][0][1] if item[1] else item[0])
                        yield (*item[:3], data)  # type: ignore[misc]

    # a kept document is decoded here, unless the backend needs the record too (made by a worker)
    ready = partial(from_kept, records=records)
    made = index_documents(raw(), workers_for(total), analyse=partial(analyse_groups, records=records), ready=ready)
    docs = _keeping(store, made)
    # A commit holds the documents' flow until the engine has written its segments: tantivy takes a
    # rebuild in one commit (benchmarks/README.md, "Issue 16, reindex rate, fifth round").
    batch = getattr(backend, "rebuild_batch", REINDEX_BATCH)
    with getattr(backend, "rebuilding", nullcontext)():  # opensearch: without replicas while it runs
        if batch is None:
            backend.add(docs)
        else:
            while backend.add(itertools.islice(docs, batch)):
                pass
    done = len(ids)
    if done == total:  # every record was written (all are grouped)
        store.mark_all_indexed()
    else:
        store.mark_indexed(ids)
    return done


def _keeping(store: Store, made: Iterator[Made]) -> Iterator[IndexDocument]:
    """The documents of ``made``, keeping in the store those analysed anew, a batch at a time: a
    rebuild stopped half-way leaves kept documents that are true to their records all the same."""
    rows: list[tuple[str, bytes, bytes]] = []
    for doc, fp, data in made:
        if fp is not None and data is not None:
            rows.append((doc.id, fp, data))
            if len(rows) >= KEEP_BATCH:
                store.keep_documents(rows)
                rows = []
        yield doc
    store.keep_documents(rows)
