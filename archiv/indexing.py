"""Records of the store into the search index, one batch at a time, optionally in a thread.

An ingest hands its records to the index in batches while its workers parse the next files. The
documents' analysis (words, compounds, stems) is the expensive part of a batch and needs neither
the store nor the workers, so an ingest writes the documents in a thread while the main thread
goes on handing files to the workers and storing their records: the workers no longer wait while
the batch is analysed. The store is read and written by the thread that opened it only: the
groups are loaded before the thread starts and marked indexed after it has ended, so the store
holds the same rows at every moment as when the batch runs in one go.
"""

from __future__ import annotations

import sys
import threading
from collections import deque
from collections.abc import Iterable, Iterator
from functools import partial
from typing import TypeVar

from .grouped import VorlageGroup, group_document, indexed_record, parse_group
from .models import Vorlage
from .regroup import regroup
from .search import SearchBackend
from .search.analysis import forget_warmed, warm
from .search.document import IndexDocument, analysed_texts
from .search.kept import decode, encode, group_fingerprint
from .store import Store

T = TypeVar("T")
SWITCH_INTERVAL = 0.0005  # seconds, while a Warmer runs (sys.setswitchinterval)
CHUNK = 200  # groups loaded and written at once (a regrouping can touch many)


class IndexBatch:
    """One batch: grouped anew and loaded now, written to the backend (now, or in a thread with
    ``background``), and marked indexed in the store by ``finish``."""

    def __init__(
        self, store: Store, backend: SearchBackend, records: Iterable[Vorlage], background: bool = False
    ) -> None:
        self.store, self.backend = store, backend
        stale, again = regroup(store)
        again |= set(store.group_ids([r.id for r in records]).values())
        self.gone = stale - again
        self.ids = sorted(again)
        self.error: BaseException | None = None
        self.groups: dict[str, VorlageGroup] = {}  # the groups the thread wrote
        self.made: list[tuple[str, bytes, bytes]] = []  # the documents it analysed, to keep
        self.thread: threading.Thread | None = None
        first = self._load(self.ids[:CHUNK])
        if background and len(self.ids) <= CHUNK:
            self.thread = threading.Thread(target=self._write, args=first, name="archiv-index", daemon=True)
            self.thread.start()
        else:  # many groups moved (a regrouping): chunk by chunk, each marked as soon as it is written
            for i in range(0, len(self.ids), CHUNK):
                loaded = first if i == 0 else self._load(self.ids[i : i + CHUNK])
                self._write(*loaded)
                if self.error is not None:
                    raise self.error
                self._mark(loaded[0])
            self.ids = []

    def _load(self, ids: list[str]) -> tuple[dict[str, VorlageGroup], dict[str, bytes], dict[str, bytes]]:
        """The groups, their fingerprints, and the kept documents that are still true to them."""
        raw = self.store.group_members_raw(ids)
        fingerprints = {g: group_fingerprint(g, ((m[0], m[3], m[4]) for m in ms)) for g, ms in raw.items()}
        return {g: parse_group(g, m) for g, m in raw.items()}, fingerprints, self.store.kept_documents(fingerprints)

    def _write(self, groups: dict[str, VorlageGroup], fingerprints: dict[str, bytes], kept: dict[str, bytes]) -> None:
        def documents() -> Iterable[IndexDocument]:
            for g, group in groups.items():
                if g in kept:  # the record goes along where the index keeps it (opensearch)
                    yield decode(kept[g], vorlage=indexed_record(group) if self.backend.keeps_records else None)
                    continue
                doc = group_document(group)
                self.made.append((g, fingerprints[g], encode(doc)))
                yield doc

        try:
            self.backend.add(documents())
        except BaseException as e:  # raised again by finish, in the thread that called it
            self.error = e
        self.groups = groups

    def _mark(self, groups: dict[str, VorlageGroup]) -> None:
        self.store.keep_documents(self.made)
        self.made = []
        self.store.mark_indexed([m.record.id for g in groups.values() for m in g.members])

    @property
    def running(self) -> bool:
        return self.thread is not None and self.thread.is_alive()

    def finish(self) -> None:
        """Wait for the documents, then mark the records indexed and drop the merged groups' documents."""
        if self.thread is not None:
            self.thread.join()
            self.thread = None
            if self.error is not None:
                raise self.error
            self._mark(self.groups)
        self.backend.delete(self.gone)


class Warmer:
    """Analyses the words of stored records in a thread while the workers parse, so that the batch
    that indexes them finds them analysed (analysis.warm: the same entries, so the same documents).

    The command is nearly idle while its workers parse PDFs, and a run's last batch, which no worker
    overlaps, is mostly this analysis. The thread works only while the main thread waits for a
    worker (``waiting``): where the command is what limits a run (text files, parsed in no time),
    it would only slow the main thread down. A batch written in a thread takes over the records
    queued (``drop``) and pauses the warming until it has ended (``done``); the last batch ends the
    thread (``stop``): the two would do the same work and fight over the GIL. Best effort only:
    anything left undone, or raised, is done (and raised) by the batch again."""

    def __init__(self) -> None:
        self.queue: deque[Vorlage] = deque()
        self.wake = threading.Event()  # records queued, or stopped
        self.idle = threading.Event()  # the main thread waits for its workers, or stopped
        self.free = threading.Event()  # no batch is written in a thread, or stopped
        self.free.set()
        self.stopped = False
        self.thread: threading.Thread | None = None
        self.interval = 0.0
        self.dropped = 0  # how many times a batch took the records queued

    def waiting(self, results: Iterator[T]) -> Iterator[T]:
        """``results``, the thread analysing while the main thread waits for the next one."""
        while True:
            self.idle.set()
            try:
                item = next(results)
            except StopIteration:
                return
            finally:
                self.idle.clear()
            yield item

    def add(self, records: Iterable[Vorlage]) -> None:
        if self.stopped:
            return
        self.queue.extend(records)
        if self.thread is None:  # the first record: a run with nothing to parse starts no thread
            # The main thread wakes from its waits (a worker's result, a system call) wanting the
            # GIL back; it would wait up to the switch interval (5 ms) each time.
            self.interval = sys.getswitchinterval()
            sys.setswitchinterval(min(self.interval, SWITCH_INTERVAL))
            self.thread = threading.Thread(target=self._run, name="archiv-warm", daemon=True)
            self.thread.start()
        self.wake.set()

    def drop(self) -> None:
        """A batch indexes the records queued so far, in a thread: they are not warmed (nor the one
        in hand), and none is until it has ended (``done``): it uses the command's spare time."""
        self.dropped += 1
        self.free.clear()
        self.queue.clear()

    def stop(self) -> None:
        """For good, without waiting: the thread leaves after the piece of text it is analysing."""
        if not self.stopped and self.thread is not None:
            sys.setswitchinterval(self.interval)
        self.stopped = True
        self.queue.clear()
        self.wake.set()
        self.idle.set()
        self.free.set()

    def done(self, last: bool = False) -> None:
        """A batch has ended: what was analysed for it and not taken is dropped (the texts of records
        merged into a group, whose text is another); after the ``last`` one, everything."""
        forget_warmed(None if last else self.dropped)
        self.free.set()

    def _halt(self, dropped: int) -> bool:
        """Whether to leave the record in hand; first waits while the main thread works."""
        if not self.free.is_set():
            self.free.wait()
        if not self.idle.is_set():
            self.idle.wait()
        return self.stopped or self.dropped != dropped

    def _run(self) -> None:
        try:
            while not self.stopped:
                self.wake.clear()
                while self.queue and not self.stopped:
                    dropped = self.dropped
                    try:
                        record = self.queue.popleft()
                    except IndexError:  # dropped meanwhile
                        break
                    warm(analysed_texts(record), partial(self._halt, dropped), dropped)
                self.wake.wait()
        except Exception:  # the batch analyses what is missing, and reports what fails
            self.stopped = True
