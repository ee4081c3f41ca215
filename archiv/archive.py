"""Archive: the library object that the CLI and the web app wrap."""

from __future__ import annotations

import shutil
from collections.abc import Callable, Iterable, Iterator
from pathlib import Path

from .beschluesse import relink
from .check import CheckReport
from .check import check as check_archive
from .counts import Counts, YearCounts, count_by_period
from .cpus import default_workers
from .detect import MAX_FILE_BYTES
from .errors import ArchivError, IndexStateError, NotFoundError
from .extract.normalize import identifier_keys
from .extraction import extract_many
from .grouped import VorlageGroup, group_document, group_of, load_groups
from .guard import DEFAULT_MEMORY_MB, DEFAULT_TIMEOUT
from .indexing import IndexBatch
from .ingest import IngestOptions, IngestRun
from .lock import writer_lock
from .models import DateiRef, FileOutcome, IngestReport, SearchHit, SearchPage, Vorlage
from .names import SORTIERUNGEN, sortierung_of
from .oparl import file_name
from .rebuild import rebuild
from .search import (
    DEFAULT_BACKEND,
    BackendResult,
    Filters,
    SearchBackend,
    open_backend,
    record_backend,
    recorded_backend,
)
from .search.query import Node, parse_query
from .search.results import best_snippet, similar_query
from .search.results import suggestion as suggested
from .search.snippets import Judged
from .store import Store
from .vorgang import Vorgang
from .vorgang import build as build_vorgang

Progress = Callable[[int, int, str], None]  # (done, total, current path)
OCR_CACHE = "ocr-cache"  # in the index folder: Tesseract's output per page image, so no page is OCRed twice


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

    # -- extract (no index) -------------------------------------------------------------------

    @staticmethod
    def extract(
        path: Path | str, *, timeout: float = DEFAULT_TIMEOUT, memory_mb: int = DEFAULT_MEMORY_MB
    ) -> tuple[Vorlage, ...]:
        """The records of one file (one per Paper of an OParl list), parsed in a guarded worker;
        writes nothing. Raises the ArchivError of the file with its own type (ParseTimeoutError,
        ParseCrashError, MissingDependencyError, ...)."""
        for _, result in extract_many([path], workers=1, timeout=timeout, memory_mb=memory_mb):
            if isinstance(result, ArchivError):
                raise result
            return result
        raise AssertionError("extract_many yields one result per path")

    extract_many = staticmethod(extract_many)

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
            self.store.sweep_temporary()  # we hold the writer lock: a .tmp- file is a killed run's
            report = IngestRun(self, options, progress=progress, on_outcome=on_outcome).run(paths)
            # minutes and papers may come in any order: link over the whole store, and write again
            # the Vorlagen whose decisions changed
            if any(o.status == "added" for o in report.outcomes) and relink(self.store):
                self.index_pending()
            return report

    def index_records(self, records: list[Vorlage]) -> None:
        """Index records that are in the store: group the store anew (new records may join Vorlagen
        already indexed), index each Vorlage that changed as one document, drop the documents of
        Vorlagen that merged, and mark the records indexed."""
        IndexBatch(self.store, self.backend, records).finish()

    def index_pending(self) -> int:
        """Index records that reached the store but not the index (an earlier run was stopped)."""
        pending = self.store.unindexed_ids()
        if pending:
            self.index_records(list(self.store.get_many(pending).values()))
        return len(pending)

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

    def _reindex(self, progress: Progress | None = None, clear: bool = True) -> int:
        if self._backend is None:
            try:
                self._backend = open_backend(self.backend_name, self.dir, create=True)
            except IndexStateError:
                # Built by another version or damaged: the store is the truth, so build the folder anew.
                shutil.rmtree(self.dir / self.backend_name, ignore_errors=True)
                self._backend = open_backend(self.backend_name, self.dir, create=True, rebuild=True)
        done = rebuild(self.store, self._backend, progress, clear)
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
        sortierung: str = "relevanz",
        pro_seite: int = 10,
        seite: int = 1,
        offset: int | None = None,
        limit: int | None = None,
        sort: str | None = None,
    ) -> SearchPage:
        """One page of hits. ``offset`` (hits to leave out) overrides ``seite``; ``limit`` and ``sort``
        are the older names of ``pro_seite`` and ``sortierung``."""
        order = SORTIERUNGEN[sortierung_of(sort or sortierung)]
        size = limit or pro_seite
        skip = (seite - 1) * size if offset is None else offset
        tree = parse_query(query)
        filters = filters or Filters()
        result = self.backend.search(tree, filters, limit=size, offset=skip, sort=order)
        suggestion = None
        if skip == 0 and not result.hits and result.total == 0:  # the total may still be counted
            suggestion = suggested(query, tree, self.backend, filters)
        return self._page(result, tree, suggestion)

    def similar(
        self, ref: str, filters: Filters | None = None, *, pro_seite: int = 10, limit: int | None = None
    ) -> SearchPage:
        """Vorlagen like the one ``ref`` names (id, Vorlage-Nr. or Aktenzeichen): more like this."""
        limit = limit or pro_seite
        group = self.group(self.find(ref)[0].id)
        doc = group_document(group)
        tree = similar_query(doc.betreff_terms, doc.text_terms, group.id, self.backend)
        if tree is None:
            return SearchPage(total=0, hits=())
        return self._page(self.backend.search(tree, filters or Filters(), limit=limit), tree, None)

    def _page(self, result: BackendResult, tree: Node, suggestion: str | None) -> SearchPage:
        groups = load_groups(self.store, [h.id for h in result.hits])
        hits: list[SearchHit] = []
        judged: Judged = {}  # the page's texts share most of their words: each judged once for the snippets
        for h in result.hits:
            # a Vorlage another machine ingested (opensearch: its record comes from the index)
            g = groups.get(h.id) or group_of(self.store, h.id)
            if g is None:  # in the index but not the store: the store is the truth
                continue
            hits.append(_hit(g, h.score, tree, judged))
        # the outcome facet only where decisions are linked at all (an archive without minutes has none)
        facets = {k: v for k, v in result.facets.items() if v or k != "ergebnis"}
        return SearchPage(total=result.total, hits=tuple(hits), facets=facets, suggestion=suggestion)

    def group(self, record_id: str) -> VorlageGroup:
        """The Vorlage a record belongs to: its files, versions and Anlagen."""
        group = group_of(self.store, record_id)
        if group is None:
            raise NotFoundError(f"no Vorlage with id '{record_id}' in {self.dir}")
        return group

    def groups(self, records: list[Vorlage]) -> list[VorlageGroup]:
        """The Vorlagen of these records, each once, in the order of their first record."""
        out: dict[str, VorlageGroup] = {}
        for r in records:
            if not any(g.role(r.id) for g in out.values()):
                g = self.group(r.id)
                out.setdefault(g.id, g)
        return list(out.values())

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

    def records(self, *, with_text: bool = True) -> Iterator[Vorlage]:
        return self.store.iter_records() if with_text else self.store.iter_records_without_text()

    def get(self, record_id: str) -> Vorlage | None:
        """The record with this id, None if there is none (``find`` reads any reference)."""
        return self.store.get(record_id)

    def get_many(self, ids: list[str]) -> dict[str, Vorlage]:
        return self.store.get_many(ids)

    def group_ids(self, ids: list[str]) -> dict[str, str]:
        return self.store.group_ids(ids)  # record id -> the id of its Vorlage (the primary record)

    def original_path(self, record_id: str) -> Path | None:
        return self.store.original_path(record_id)  # kept, or referenced in place (--no-copy)

    def year_counts(self, *, public_only: bool = False) -> YearCounts:
        """Records per Gremium and year, decisions per outcome and year, and the date of every record."""
        s = self.store
        ids = s.all_ids(public_only=public_only)
        return YearCounts(s.gremium_year_counts(public_only), s.ergebnis_year_counts(public_only), s.dates(ids))


def _hit(g: VorlageGroup, score: float, tree: Node, judged: Judged | None = None) -> SearchHit:
    """A Vorlage as a hit: the fields of the paper, its files, the passage that matched (in
    whichever of its files it is)."""
    v = g.merged
    texts = [v.text] + [m.record.text for m in g.members if m.record.text.strip() and m.record.text != v.text]
    text, marks = best_snippet(texts, tree, judged)
    sessions = sorted({r.datum for r in v.beschlusslauf if r.datum})
    return SearchHit(
        id=g.id,
        vorlage_nr=v.vorlage_nr,
        aktenzeichen=v.aktenzeichen,
        art=v.art,
        datum=v.datum,
        betreff=v.betreff,
        score=round(score, 4),
        snippet=text,
        marks=marks,
        koerperschaft=v.koerperschaft,
        sitzungen=tuple(sessions),
        dateien=tuple(DateiRef(m.record.id, file_name(m.record), m.record.source.format, m.role) for m in g.members),
        fassungen=tuple(f.vorlage_nr for f in g.fassungen if f.vorlage_nr),
    )
