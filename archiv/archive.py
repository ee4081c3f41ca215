"""Archive: the library object that the CLI and the web app wrap."""

from __future__ import annotations

import os
import shutil
from collections.abc import Callable, Iterable, Iterator
from datetime import UTC, datetime
from pathlib import Path

from .beschluesse import relink
from .counts import Counts, count_by_period
from .detect import open_source
from .errors import ArchivError, IndexStateError, InputFileError, NotFoundError
from .extract.normalize import identifier_keys
from .guard import DEFAULT_MEMORY_MB, DEFAULT_TIMEOUT, Failure, GuardedPool
from .models import FileOutcome, IngestReport, ParseOptions, SearchHit, SearchPage, Vorlage
from .pipeline import process
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
from .search.query import And, AnyOf, Node, Not, Term, parse_query
from .search.snippets import snippet
from .search.suggest import similar_terms
from .search.suggest import suggestion as suggest
from .store import Store
from .vorgang import Vorgang
from .vorgang import build as build_vorgang

Progress = Callable[[int, int, str], None]  # (done, total, current path)
INDEX_BATCH = 200
OCR_CACHE = "ocr-cache"  # in the index folder: Tesseract's output per page image, so no page is OCRed twice


def collect_files(paths: Iterable[Path]) -> list[Path]:
    """Files under ``paths``, recursively, in a stable order; hidden files and folders are skipped."""
    out: list[Path] = []
    for p in paths:
        if p.is_dir():
            for root, dirs, files in os.walk(p):
                dirs[:] = sorted(d for d in dirs if not d.startswith("."))
                out.extend(Path(root) / f for f in sorted(files) if not f.startswith("."))
        else:
            out.append(p)
    return out


def default_workers() -> int:
    return max(1, min(2, os.cpu_count() or 1))


class Archive:
    def __init__(self, index_dir: Path | str = "index", backend: str | None = None, *, create: bool = False) -> None:
        self.dir = Path(index_dir)
        self.store = Store(self.dir, create=create)
        # The backend the index was built with, unless one is named; naming another is an error
        # (except for reindex, which rebuilds with it), never a silent switch to an empty index.
        self._recorded = recorded_backend(self.dir)
        self.backend_name = backend or self._recorded or DEFAULT_BACKEND
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

    def ingest(
        self,
        paths: Iterable[Path],
        *,
        progress: Progress | None = None,
        copy: bool = True,
        nichtoeffentlich: bool = False,
        workers: int | None = None,
        timeout: float = DEFAULT_TIMEOUT,
        memory_mb: int = DEFAULT_MEMORY_MB,
        ocr_workers: int | None = None,
    ) -> IngestReport:
        files = collect_files(paths)
        options = ParseOptions(
            ocr_cache=str(self.dir / OCR_CACHE),
            ocr_workers=ocr_workers,
            time_budget=timeout,
            progress=progress is not None,
        )
        backend = self.backend  # fails early (schema mismatch, lock) before any work
        self._index_pending(backend)
        outcomes: dict[str, FileOutcome] = {}
        data_of: dict[str, bytes] = {}
        seen: dict[str, str] = {}
        done = 0

        def report(path: str, outcome: FileOutcome) -> None:
            nonlocal done
            outcomes[path] = outcome
            done += 1
            if progress:
                progress(done, len(files), path)

        def jobs() -> Iterator[tuple[str, tuple]]:
            stamp = datetime.now(UTC).isoformat(timespec="seconds")
            for f in files:
                name = str(f)
                try:
                    source, data = open_source(f)
                except InputFileError as e:
                    report(name, FileOutcome(name, "failed", error=e.reason))
                    continue
                if self.store.has_sha(source.sha256):
                    self.store.remember_path(name, source.sha256)
                    report(name, FileOutcome(name, "unchanged", id=source.sha256[:16]))
                    continue
                if source.sha256 in seen:
                    report(
                        name,
                        FileOutcome(
                            name, "duplicate", id=source.sha256[:16], error=f"same bytes as {seen[source.sha256]}"
                        ),
                    )
                    continue
                seen[source.sha256] = name
                data_of[name] = data
                yield name, (source, data, stamp, nichtoeffentlich, options)

        pending: list[Vorlage] = []
        with GuardedPool(process, workers=workers or default_workers(), timeout=timeout, memory_mb=memory_mb) as pool:
            for name, result in pool.run(jobs()):
                data = data_of.pop(name)
                if isinstance(result, Failure):
                    report(name, FileOutcome(name, "failed", error=result.reason))
                    continue
                self.store.put(result, data if copy else None)
                pending.append(result)
                report(name, FileOutcome(name, "added", id=result.id))
                if len(pending) >= INDEX_BATCH:
                    self._index(backend, pending)
                    pending = []
        if pending:
            self._index(backend, pending)
        if any(o.status == "added" for o in outcomes.values()):
            relink(self.store)  # minutes and papers may come in any order: link over the whole store
            self._index_pending(backend)
        return IngestReport(tuple(outcomes[str(f)] for f in files if str(f) in outcomes))

    def _index(self, backend: SearchBackend, records: list[Vorlage]) -> None:
        backend.add(index_document(r) for r in records)
        self.store.mark_indexed([r.id for r in records])

    def _index_pending(self, backend: SearchBackend) -> None:
        """Index records that reached the store but not the index (an earlier run was stopped)."""
        batch: list[Vorlage] = []
        for record in self.store.iter_records(only_unindexed=True):
            batch.append(record)
        for i in range(0, len(batch), INDEX_BATCH):
            self._index(backend, batch[i : i + INDEX_BATCH])

    def reindex(self, progress: Progress | None = None) -> int:
        """Rebuild the search index from the record store."""
        if self._backend is None:
            try:
                self._backend = open_backend(self.backend_name, self.dir, create=True)
            except IndexStateError:
                # Built by another version or damaged: the store is the truth, so build the folder anew.
                shutil.rmtree(self.dir / self.backend_name, ignore_errors=True)
                self._backend = open_backend(self.backend_name, self.dir, create=True)
        backend = self._backend
        backend.clear()
        relink(self.store)
        self.store.mark_all_unindexed()
        total = self.store.count()
        done = 0
        batch: list[Vorlage] = []
        ids: list[str] = []

        def flush() -> None:
            nonlocal batch
            backend.add(index_document(r) for r in batch)
            ids.extend(r.id for r in batch)
            batch = []

        for record in self.store.iter_records():
            batch.append(record)
            done += 1
            if len(batch) >= 2000:
                flush()
            if progress and (done % 100 == 0 or done == total):
                progress(done, total, record.source.path)
        if batch:
            flush()
        self.store.mark_indexed(ids)
        record_backend(self.dir, self.backend_name)
        self._recorded = self.backend_name
        return done

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
        # the outcome facet only where decisions are linked at all (an archive without minutes has none)
        facets = {k: v for k, v in result.facets.items() if v or k != "ergebnis"}
        return SearchPage(total=result.total, hits=tuple(hits), facets=facets, suggestion=suggestion)

    def find(self, ref: str) -> list[Vorlage]:
        """Records by id, Vorlage-Nr. or Aktenzeichen (any spelling); NotFoundError if none."""
        found = self.store.find(ref)
        if not found:
            raise NotFoundError(f"no Vorlage with id, Vorlage-Nr. or Aktenzeichen '{ref}' in {self.dir}")
        return found

    def counts(self, query: str, filters: Filters | None = None, *, per: str = "year") -> Counts:
        """How many records the search finds per year or month (all hits, not one page)."""
        tree = parse_query(query)
        filters = filters or Filters()
        ids: list[str] = []
        step = 5000
        while True:
            result = self.backend.search(tree, filters, limit=step, offset=len(ids), sort="datum")
            ids += [h.id for h in result.hits]
            if not result.hits or len(ids) >= result.total:
                break
        dates = self.store.dates(ids)
        return count_by_period((dates.get(i) for i in ids if i in dates), per)

    def vorgang(self, ref: str) -> Vorgang:
        """The matter of the Vorlage ``ref`` names: related papers and their dated timeline."""
        return build_vorgang(self.find(ref)[0], self.store.find, self._citing)

    def _citing(self, nr: str) -> list[Vorlage]:
        """Records whose text cites the Vorlage-Nr. ``nr`` (the index knows every cited number)."""
        keys = set(identifier_keys(nr))
        try:
            page = self.search(nr, limit=100)
        except ArchivError:
            return []
        found = self.store.get_many([h.id for h in page.hits])
        return [
            r
            for h in page.hits
            if (r := found.get(h.id))
            and keys & {k for ref in r.entities.get("vorlagen", ()) for k in identifier_keys(ref)}
        ]

    def records(self) -> Iterator[Vorlage]:
        return self.store.iter_records()
