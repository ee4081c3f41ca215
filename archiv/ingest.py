"""One ingest run: every input path gets exactly one outcome, and no file stops the batch.

The order of questions for each path, cheapest first:
  walk      not a regular file (FIFO, socket, device, link loop, dangling link, …) -> skipped
  stat      empty -> failed; over --max-size -> skipped; both before any byte is read
  sha256    trusted from the last run while the stat is the same, else read and hashed
  seen      the same bytes earlier in this run -> duplicate of that path
  store     added before -> unchanged; skipped/failed before by this version -> the same again
  parse     in a guarded worker (time and memory limit) -> added, skipped or failed
Records are committed to the store one file per transaction and reach the search index in
batches (every INDEX_BATCH records or INDEX_SECONDS; a batch's documents are written in a thread
while the workers parse on), so searches see them while the run goes on;
a stopped run leaves them marked unindexed, and the next ingest or 'archiv check --repair'
indexes them.
"""

from __future__ import annotations

import re
import time
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass, replace
from datetime import UTC, datetime
from pathlib import Path
from typing import TYPE_CHECKING, Any

from . import __version__
from .detect import MAX_FILE_BYTES, check_stat, read_source
from .errors import InputFileError, SkippedFileError
from .fsnames import path_bytes
from .guard import DEFAULT_MEMORY_MB, DEFAULT_TIMEOUT, WORKER_PRELOAD, Failure, GuardedPool
from .indexing import IndexBatch, Warmer
from .models import FileOutcome, IngestReport, ParseOptions, Source, Vorlage
from .outcomes import MAX_REASON, InOrder, short_reason
from .pipeline import Job, process_file
from .search.analysis import index_terms
from .walk import Entry, walk

if TYPE_CHECKING:
    from .archive import Archive

INDEX_BATCH = 200
INDEX_SECONDS = 2.0
STATS_BATCH = 500
KNOWN_HINT = " (known from an earlier run; --retry-failed parses it again)"
Progress = Callable[[int, int, str], None]  # (done, total, current path)


@dataclass(frozen=True)
class IngestOptions:
    copy: bool = True
    nichtoeffentlich: bool = False
    koerperschaft: str | None = None  # the user knows the folder's body better than the papers' letterheads
    workers: int = 1
    timeout: float = DEFAULT_TIMEOUT
    memory_mb: int = DEFAULT_MEMORY_MB
    ocr_workers: int | None = None
    max_bytes: int = MAX_FILE_BYTES
    exclude: tuple[str, ...] = ()
    retry_failed: bool = False


@dataclass
class _Job:
    index: int
    entry: Entry
    source: Source
    data: bytes
    started: float = 0.0


_MD_HEADING = re.compile(r"^#{1,6} \S", re.M)
_MD_OTHER = re.compile(r"^(```|\s*\|?\s*:?-{3,}:?\s*\||\s*[-*+] \S)|\]\(\S+\)", re.M)


def documentation(records: tuple[Vorlage, ...]) -> str | None:
    """Why a plain-text file is no Vorlage but documentation (a README.md beside an export), or None.

    Only Markdown (headings and lists, tables, code or links) that names no Vorlage-Nr.,
    Aktenzeichen, Betreff, Beschlusslauf or Beschlussvorschlag: a text export of a Vorlage whose
    fields the extractor misses is still kept, and Markdown that is a Vorlage carries its number."""
    if len(records) != 1 or records[0].source.format != "text":
        return None
    r = records[0]
    if r.vorlage_nr or r.aktenzeichen or r.betreff or r.beschlusslauf or r.beschlussvorschlag:
        return None
    if len(_MD_HEADING.findall(r.text)) >= 2 and len(_MD_OTHER.findall(r.text)) >= 3:
        return (
            "Markdown text without a Vorlage-Nr., Aktenzeichen, Betreff or Beschlusslauf: documentation, not a Vorlage"
        )
    return None


class IngestRun:
    def __init__(
        self,
        archive: Archive,
        options: IngestOptions,
        *,
        progress: Progress | None = None,
        on_outcome: Callable[[FileOutcome], None] | None = None,
    ) -> None:
        self.archive = archive
        self.store = archive.store
        self.options = options
        self.progress = progress
        self.order = InOrder(on_outcome or (lambda o: None))
        self.seen: dict[str, str] = {}  # sha256 -> the first path with these bytes in this run
        self.stats: list[tuple[bytes, Any, str]] = []
        self.pending: list[Vorlage] = []
        self.pending_since = 0.0
        self.done = 0
        self.total = 0
        self.inflight: dict[int, _Job] = {}
        self.batch: IndexBatch | None = None  # the batch whose documents a thread writes
        self.warmer = Warmer()  # analyses the stored records' words while the workers parse
        self.warm_index = False  # load the search analysis before the first parse (while workers start)

    def run(self, paths: Iterable[Path | str]) -> IngestReport:
        # The pool first: where its workers come from a fork server, that loads spaCy and the
        # parsers while this process scans the folders and readies the search index.
        pool = GuardedPool(
            process_file,
            workers=self.options.workers,
            timeout=self.options.timeout,
            memory_mb=self.options.memory_mb,
            preload=WORKER_PRELOAD,
        )
        self.warm_index = pool.preloading  # (the pool holds no process before it runs)
        entries = walk(paths, self.options.exclude)
        self.total = len(entries)
        self.archive.index_pending()
        parse_options = ParseOptions(
            ocr_cache=self.archive.ocr_cache,
            ocr_workers=self.options.ocr_workers,
            time_budget=self.options.timeout,
            progress=self.progress is not None,
        )
        stamp = datetime.now(UTC).isoformat(timespec="seconds")
        try:
            with pool:
                for index, result in self.warmer.waiting(pool.run(self._jobs(entries, stamp, parse_options))):
                    self._finish(self.inflight.pop(index), result)
                    self._maybe_index()
        finally:
            # Also on Ctrl-C: what is committed to the store reaches the index, the stats are kept.
            self._flush_stats()
            self._index()
        return IngestReport(tuple(self.order.outcomes))

    # -- deciding without parsing ---------------------------------------------------------------

    def _jobs(self, entries: list[Entry], stamp: str, options: ParseOptions) -> Iterator[tuple[int, Job]]:
        for index, entry in enumerate(entries):
            job = self._decide(index, entry)
            if job is None:
                continue
            if self.warm_index:  # the first file to parse: the server is still loading, so load
                index_terms("Vorlage")  # the word list and the stemmer the first index batch needs
                self.warm_index = False
            job.started = time.monotonic()
            self.inflight[index] = job
            yield index, Job(job.source, job.data, stamp, self.options.nichtoeffentlich, options)

    def _decide(self, index: int, entry: Entry) -> _Job | None:
        """The outcome of a path that needs no parsing (reported here), else its parse job."""
        if entry.status:
            self._report(index, FileOutcome(entry.shown, entry.status, error=entry.reason))  # type: ignore[arg-type]
            return None
        opts = self.options
        try:
            st = check_stat(entry.path, max_bytes=opts.max_bytes, shown=entry.shown)
            key = path_bytes(entry.path)
            sha = self.store.cached_sha(key, st)
            loaded = None
            if sha is None:
                loaded = read_source(entry.path, max_bytes=opts.max_bytes, shown=entry.shown)
                sha = loaded[0].sha256
                self._remember_stat(key, st, sha)
            outcome = self._known(entry.shown, sha)
            if outcome is None and loaded is None:  # trusted from the stat, but to be parsed: read it now
                loaded = read_source(entry.path, max_bytes=opts.max_bytes, shown=entry.shown)
                if loaded[0].sha256 != sha:  # changed since the stat: decide again on what was read
                    self.seen.pop(sha, None)
                    sha = loaded[0].sha256
                    self._remember_stat(key, st, sha)
                    outcome = self._known(entry.shown, sha)
        except SkippedFileError as e:
            outcome = FileOutcome(entry.shown, "skipped", error=short_reason(e.reason))
        except InputFileError as e:
            outcome = FileOutcome(entry.shown, "failed", error=short_reason(e.reason))
        if outcome is not None:
            self._report(index, outcome)
            return None
        assert loaded is not None
        return _Job(index, entry, *loaded)

    def _known(self, shown: str, sha: str) -> FileOutcome | None:
        """The outcome of bytes seen in this run or known to the store; None: they are to be parsed."""
        if sha in self.seen:
            return FileOutcome(shown, "duplicate", error=f"duplicate of {self.seen[sha]}")
        self.seen[sha] = shown
        known = self.store.known_outcome(sha, __version__)
        if known is None:
            return None
        if known.status == "added":
            return FileOutcome(shown, "unchanged", id=known.first_id, records=known.records)
        if known.status == "failed" and self.options.retry_failed:
            return None
        reason = known.reason or known.status
        if known.status == "failed":
            reason = short_reason(reason, MAX_REASON - len(KNOWN_HINT)) + KNOWN_HINT
        return FileOutcome(shown, known.status, error=reason, known=True)  # type: ignore[arg-type]

    # -- after parsing --------------------------------------------------------------------------

    def _finish(self, job: _Job, result: Any) -> None:
        seconds = time.monotonic() - job.started
        shown, sha = job.entry.shown, job.source.sha256
        if isinstance(result, Failure):
            status = "skipped" if result.skipped else "failed"
            reason = short_reason(result.reason)
            self.store.remember_outcome(sha, status, reason, __version__)
            self._report(job.index, FileOutcome(shown, status, error=reason, seconds=seconds))  # type: ignore[arg-type]
            return
        records: tuple[Vorlage, ...] = result
        if self.options.koerperschaft:
            records = tuple(replace(r, koerperschaft=self.options.koerperschaft) for r in records)
        why_not = documentation(records)
        if why_not:
            self.store.remember_outcome(sha, "skipped", why_not, __version__)
            self._report(job.index, FileOutcome(shown, "skipped", error=why_not, seconds=seconds))
            return
        self.store.put_file(records, job.data if self.options.copy else None, sha, __version__)
        if not self.pending:
            self.pending_since = time.monotonic()
        self.pending.extend(records)
        self.warmer.add(records)
        first = records[0].id if records else None
        self._report(job.index, FileOutcome(shown, "added", id=first, seconds=seconds, records=len(records)))

    def _report(self, index: int, outcome: FileOutcome) -> None:
        self.done += 1
        if self.progress:
            self.progress(self.done, self.total, outcome.path)
        self.order.put(index, outcome)

    def _remember_stat(self, key: bytes, st: Any, sha: str) -> None:
        self.stats.append((key, st, sha))
        if len(self.stats) >= STATS_BATCH:
            self._flush_stats()

    def _flush_stats(self) -> None:
        self.store.remember_stats(self.stats)
        self.stats = []

    def _maybe_index(self) -> None:
        if self.batch is not None:
            if self.batch.running:  # one batch at a time: the next one waits for it
                return
            self._finish_batch()
        if len(self.pending) >= INDEX_BATCH or (
            self.pending and time.monotonic() - self.pending_since >= INDEX_SECONDS
        ):
            self._index(background=True)

    def _index(self, background: bool = False) -> None:
        """Index the pending records; ``background``: their documents are written in a thread
        (archiv/indexing.py) while the workers get their next files, and marked indexed later."""
        if background:
            self.warmer.drop()
        else:  # the last batch: no worker parses any more, so this thread analyses what is left
            self.warmer.stop()
        self._finish_batch()
        if self.pending:
            batch = IndexBatch(self.store, self.archive.backend, self.pending, background)
            self.pending = []
            if background:
                self.batch = batch
            else:
                batch.finish()
        if not background:
            self.warmer.done(last=True)

    def _finish_batch(self) -> None:
        if self.batch is not None:
            batch, self.batch = self.batch, None
            batch.finish()
            self.warmer.done()
