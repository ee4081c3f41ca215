"""An ingest whose records reach the search index in batches written by a thread (archiv/indexing.py)
ends with the same index as one that indexes everything at its end."""

from __future__ import annotations

from pathlib import Path

import pytest

import archiv.ingest
from archiv.archive import Archive

SAMPLES = Path(__file__).resolve().parent.parent / "samples"


def _ingest(index: Path) -> tuple[list[str], list[str], set[str]]:
    with Archive(index, create=True) as archive:
        report = archive.ingest([SAMPLES / "pdf", SAMPLES / "text", SAMPLES / "html"], workers=2)
        report_ok = archive.check()
        assert report_ok.ok, report_ok.problems
        assert archive.store.unindexed_ids() == []
        # The same hits; their order may differ where scores tie closely: documents replaced by a later
        # batch still count in the engine's term statistics until their segment is merged.
        hits = sorted(h.id for h in archive.search("Beschluss", pro_seite=100).hits)
        ids = sorted(o.id for o in report.outcomes if o.status == "added" and o.id)
        return ids, hits, {o.status for o in report.outcomes}


def test_batches_written_in_a_thread_give_the_same_index(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    at_end = _ingest(tmp_path / "at-end")  # a short run: every record in the last batch, no thread
    started: list[int] = []
    real = archiv.ingest.IndexBatch

    def counting(*args, **kwargs):  # type: ignore[no-untyped-def]
        batch = real(*args, **kwargs)
        started.append(batch.thread is not None)
        return batch

    monkeypatch.setattr(archiv.ingest, "INDEX_SECONDS", 0.0)  # a batch after every file, in a thread
    monkeypatch.setattr(archiv.ingest, "IndexBatch", counting)
    in_thread = _ingest(tmp_path / "in-thread")
    assert sum(started) >= 2  # several batches were written by the thread while the workers parsed
    assert in_thread == at_end
    assert at_end[0] and at_end[1]


def _kept(index: Path) -> dict[str, bytes]:
    import sqlite3

    with sqlite3.connect(index / "records.sqlite3") as db:
        return dict(db.execute("SELECT group_id, data FROM documents"))


def test_words_analysed_while_the_workers_parse_give_the_same_index(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """The command analyses the stored records' words in a thread while its workers parse
    (indexing.Warmer): the index gets the very documents, byte for byte, and the same hits as an
    ingest that analyses everything in its last batch; and the run leaves no thread or setting behind."""
    import sys

    import archiv.archive
    import archiv.indexing
    from archiv.search import analysis

    interval = sys.getswitchinterval()
    warmed: list[int] = []
    real_warm = archiv.indexing.warm

    def counting(*args):  # type: ignore[no-untyped-def]
        warmed.append(1)
        real_warm(*args)

    analysis._CACHE.clear()
    analysis._PIECES.clear()
    monkeypatch.setattr(archiv.indexing, "warm", counting)
    runs: list[archiv.ingest.IngestRun] = []
    real_run = archiv.archive.IngestRun

    def remembered(*args, **kwargs):  # type: ignore[no-untyped-def]
        runs.append(real_run(*args, **kwargs))
        return runs[-1]

    monkeypatch.setattr(archiv.archive, "IngestRun", remembered)
    warm = _ingest(tmp_path / "warm")
    assert warmed  # the thread did analyse records ahead of the batch
    assert sys.getswitchinterval() == interval
    assert not analysis._READY  # nothing analysed ahead is kept after the run
    thread = runs[0].warmer.thread
    assert thread is not None and runs[0].warmer.stopped
    thread.join(5)
    assert not thread.is_alive()

    analysis._CACHE.clear()
    analysis._PIECES.clear()
    monkeypatch.setattr(archiv.indexing.Warmer, "add", lambda self, records: None)
    cold = _ingest(tmp_path / "cold")
    assert warm == cold
    assert _kept(tmp_path / "warm") == _kept(tmp_path / "cold")
    assert _kept(tmp_path / "warm")
