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
