"""A full rebuild of the search index from the record store (`archiv reindex`), one document per
Vorlage (grouped.py), analysed on every core (search/parallel.py).

What a rebuild of 100,000 Vorlagen must not do is pass over the 1 GB of records more than once: the
decisions are linked again only where a record changed since the last linking (beschluesse.relink),
the groups only where records changed (regroup.py), and which records the index lacks is a small table
of its own (store.py), so marking them is no rewrite of the records.
"""

from __future__ import annotations

import itertools
from collections.abc import Callable, Iterator
from contextlib import nullcontext
from functools import partial

from .beschluesse import relink
from .grouped import analyse_groups
from .regroup import regroup
from .search import SearchBackend
from .search.parallel import index_documents, workers_for
from .store import Store

REINDEX_BATCH = 20_000  # documents per engine commit in a rebuild (a backend may ask for others)


def rebuild(
    store: Store, backend: SearchBackend, progress: Callable[[int, int, str], None] | None = None, clear: bool = True
) -> int:
    """Write every grouped record's Vorlage into ``backend``; returns how many records were written."""
    if clear:
        backend.clear()
    relink(store)  # decisions from the minutes, over the whole store
    store.mark_all_unindexed()  # until written: a rebuild that is stopped leaves them pending
    regroup(store)
    total = store.count()
    ids: list[str] = []

    def raw() -> Iterator[tuple[str, list[tuple[str, str, str, str | None]]]]:
        done = 0
        for group_id, members in store.iter_groups_raw():
            ids.extend(m[0] for m in members)
            before, done = done, done + len(members)
            if progress and (done // 100 > before // 100 or done == total):
                progress(done, total, members[0][1])
            yield group_id, members

    analyse = partial(analyse_groups, records=backend.keeps_records)  # a record only where the index keeps it
    docs = index_documents(raw(), workers_for(total), analyse=analyse)
    # Commits in batches: one commit for the whole rebuild was tried for tantivy and cost more CPU on
    # an idle machine (benchmarks/README.md, "Reindex, second round").
    with getattr(backend, "rebuilding", nullcontext)():  # opensearch: without replicas while it runs
        while backend.add(itertools.islice(docs, REINDEX_BATCH)):
            pass
    done = len(ids)
    if done == total:  # every record was written (all are grouped)
        store.mark_all_indexed()
    else:
        store.mark_indexed(ids)
    return done
