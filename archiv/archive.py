"""Archive: the library object that the CLI and the web app wrap."""

from __future__ import annotations

import itertools
import os
import shutil
from collections.abc import Callable, Iterable, Iterator
from pathlib import Path

from .check import CheckReport
from .check import check as check_archive
from .detect import MAX_FILE_BYTES
from .errors import IndexStateError, NotFoundError
from .guard import DEFAULT_MEMORY_MB, DEFAULT_TIMEOUT
from .ingest import INDEX_BATCH, IngestOptions, IngestRun
from .lock import writer_lock
from .models import FileOutcome, IngestReport, SearchHit, SearchPage, Vorlage
from .search import (
    DEFAULT_BACKEND,
    BackendResult,
    Filters,
    SearchBackend,
    open_backend,
    record_backend,
    recorded_backend,
)
from .search.document import index_document
from .search.parallel import index_documents, workers_for
from .search.query import And, AnyOf, Node, Not, Term, parse_query
from .search.snippets import snippet
from .search.suggest import similar_terms
from .search.suggest import suggestion as suggest
from .store import Store

Progress = Callable[[int, int, str], None]  # (done, total, current path)
REINDEX_BATCH = 20_000  # documents per engine commit in a rebuild
OCR_CACHE = "ocr-cache"  # in the index folder: Tesseract's output per page image, so no page is OCRed twice


def default_workers() -> int:
    return max(1, min(2, os.cpu_count() or 1))


class Archive:
    def __init__(self, index_dir: Path | str = "index", backend: str | None = None, *, create: bool = False) -> None:
        self.dir = Path(index_dir)
        # A server of an OpenSearch index that other machines fill needs no records of its own.
        self.store = Store(self.dir, create=create or backend == "opensearch")
        # The backend the index was built with, unless one is named; naming another is an error
        # (except for reindex, which rebuilds with it), never a silent switch to an empty index.
        self._recorded = recorded_backend(self.dir)
        self.backend_name = backend or self._recorded or DEFAULT_BACKEND
        if self.backend_name == "opensearch":
            from .search.remote_store import RemoteRecords

            self.store = RemoteRecords(self.store, lambda: self.backend)  # type: ignore[assignment]
        self._backend: SearchBackend | None = None
        self._create = create

    @property
    def backend(self) -> SearchBackend:
        if self._backend is None:
            if self._recorded and self._recorded != self.backend_name:
                raise IndexStateError(
                    f"the search index in {self.dir} was built with the {self._recorded} backend, not "
                    f"{self.backend_name}: leave out --backend, or run 'archiv reindex --backend "
                    f"{self.backend_name}' to rebuild it with {self.backend_name}"
                )
            self._backend = open_backend(self.backend_name, self.dir, create=self._create)
            if self._recorded is None and self._create:
                record_backend(self.dir, self.backend_name)
                self._recorded = self.backend_name
        return self._backend

    def close(self) -> None:
        if self._backend is not None:
            self._backend.close()
        self.store.close()

    def __enter__(self) -> Archive:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    # -- ingest -------------------------------------------------------------------------------

    @property
    def ocr_cache(self) -> str:
        return str(self.dir / OCR_CACHE)

    def ingest(
        self,
        paths: Iterable[Path | str],
        *,
        progress: Progress | None = None,
        on_outcome: Callable[[FileOutcome], None] | None = None,
        on_wait: Callable[[str], None] | None = None,
        copy: bool = True,
        nichtoeffentlich: bool = False,
        koerperschaft: str | None = None,
        workers: int | None = None,
        timeout: float = DEFAULT_TIMEOUT,
        memory_mb: int = DEFAULT_MEMORY_MB,
        ocr_workers: int | None = None,
        max_bytes: int = MAX_FILE_BYTES,
        exclude: Iterable[str] = (),
        retry_failed: bool = False,
    ) -> IngestReport:
        """Ingest files and folders; every input path gets one outcome (see archiv/ingest.py).

        ``on_outcome`` receives each outcome in input order as soon as it is known; ``on_wait``
        a message where another process writes to this index (None: IndexBusyError instead of waiting)."""
        options = IngestOptions(
            copy=copy,
            nichtoeffentlich=nichtoeffentlich,
            koerperschaft=koerperschaft,
            workers=workers or default_workers(),
            timeout=timeout,
            memory_mb=memory_mb,
            ocr_workers=ocr_workers,
            max_bytes=max_bytes,
            exclude=tuple(exclude),
            retry_failed=retry_failed,
        )
        with writer_lock(self.dir, on_wait):
            self.backend  # noqa: B018  (fails early: schema mismatch, another backend)
            return IngestRun(self, options, progress=progress, on_outcome=on_outcome).run(paths)

    def index_records(self, records: list[Vorlage]) -> None:
        """Add records that are in the store to the search index, and mark them indexed."""
        for i in range(0, len(records), INDEX_BATCH):
            batch = records[i : i + INDEX_BATCH]
            self.backend.add(index_document(r) for r in batch)
            self.store.mark_indexed([r.id for r in batch])

    def index_pending(self) -> int:
        """Index records that reached the store but not the index (an earlier run was stopped)."""
        batch = list(self.store.iter_records(only_unindexed=True))
        self.index_records(batch)
        return len(batch)

    def reindex(
        self,
        progress: Progress | None = None,
        on_wait: Callable[[str], None] | None = None,
        *,
        clear: bool = True,
    ) -> int:
        """Rebuild the search index from the record store (``clear=False``: add to what the index holds,
        for the second and later machines that fill one shared OpenSearch index)."""
        with writer_lock(self.dir, on_wait):
            return self._reindex(progress, clear)

    def _reindex(self, progress: Progress | None, clear: bool) -> int:
        if self._backend is None:
            try:
                self._backend = open_backend(self.backend_name, self.dir, create=True)
            except IndexStateError:
                # Built by another version or damaged: the store is the truth, so build the folder anew.
                shutil.rmtree(self.dir / self.backend_name, ignore_errors=True)
                self._backend = open_backend(self.backend_name, self.dir, create=True, rebuild=True)
        backend = self._backend
        if clear:
            backend.clear()
        self.store.mark_all_unindexed()
        total = self.store.count()
        ids: list[str] = []

        def raw() -> Iterator[str]:
            for done, (vid, path, record) in enumerate(self.store.iter_raw(), 1):
                ids.append(vid)
                if progress and (done % 100 == 0 or done == total):
                    progress(done, total, path)
                yield record

        # The analysis runs on every core (search/parallel.py); the engine writes in big batches.
        docs = index_documents(raw(), workers_for(total))
        while backend.add(itertools.islice(docs, REINDEX_BATCH)):
            pass
        done = len(ids)
        self.store.mark_indexed(ids)
        record_backend(self.dir, self.backend_name)
        self._recorded = self.backend_name
        return done

    def check(
        self,
        *,
        repair: bool = False,
        progress: Progress | None = None,
        on_wait: Callable[[str], None] | None = None,
    ) -> CheckReport:
        """Verify the archive (originals, search index = store); with ``repair``, fix what the store can."""
        if not repair:
            return check_archive(self, progress=progress)
        with writer_lock(self.dir, on_wait):
            return check_archive(self, repair=True, progress=progress)

    # -- reading ------------------------------------------------------------------------------

    def search(
        self,
        query: str,
        filters: Filters | None = None,
        *,
        limit: int = 10,
        offset: int = 0,
        sort: str = "relevance",
    ) -> SearchPage:
        tree = parse_query(query)
        filters = filters or Filters()
        result = self.backend.search(tree, filters, limit=limit, offset=offset, sort=sort)
        suggestion = None
        if result.total == 0 and offset == 0:
            better = suggest(query, tree, self.backend)
            if better and self.backend.search(parse_query(better), filters, limit=1).total:
                suggestion = better
        return self._page(result, tree, suggestion)

    def similar(self, ref: str, filters: Filters | None = None, *, limit: int = 10) -> SearchPage:
        """Vorlagen like the one ``ref`` names (id, Vorlage-Nr. or Aktenzeichen): more like this."""
        record = self.find(ref)[0]
        doc = index_document(record)
        stems = (doc.betreff_terms + " ") * 3 + doc.text_terms  # the Betreff weighs as in the search
        wanted = similar_terms(stems.split(), self.backend, max(1, self.backend.count()))
        if not wanted:
            return SearchPage(total=0, hits=())
        tree = And((AnyOf(wanted), Not(Term("id", record.id))))
        return self._page(self.backend.search(tree, filters or Filters(), limit=limit), tree, None)

    def _page(self, result: BackendResult, tree: Node, suggestion: str | None) -> SearchPage:
        records = self.store.get_many([h.id for h in result.hits])
        hits = []
        for h in result.hits:
            r = records.get(h.id)
            if r is None:  # in the index but not the store: the store is the truth
                continue
            hits.append(
                SearchHit(
                    id=r.id,
                    vorlage_nr=r.vorlage_nr,
                    aktenzeichen=r.aktenzeichen,
                    art=r.art,
                    datum=r.datum,
                    betreff=r.betreff,
                    score=round(h.score, 4),
                    snippet=snippet(r.text, tree),
                )
            )
        return SearchPage(total=result.total, hits=tuple(hits), facets=result.facets, suggestion=suggestion)

    def find(self, ref: str) -> list[Vorlage]:
        """Records by id, Vorlage-Nr. or Aktenzeichen (any spelling); NotFoundError if none."""
        found = self.store.find(ref)
        if not found:
            raise NotFoundError(f"no Vorlage with id, Vorlage-Nr. or Aktenzeichen '{ref}' in {self.dir}")
        return found

    def records(self) -> Iterator[Vorlage]:
        return self.store.iter_records()
