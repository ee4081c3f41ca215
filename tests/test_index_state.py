"""Which records the search index still lacks is kept in a table of its own (store.py), not in a column
of the records: stores made before it must open with every record's state as it was."""

from __future__ import annotations

import sqlite3
from pathlib import Path

from archiv.models import SourceInfo, Vorlage
from archiv.store import Store


def _record(i: str) -> Vorlage:
    source = SourceInfo(f"{i}.txt", i * 8, "text", None, None, "2026-01-01T00:00:00+00:00")
    return Vorlage(
        id=i, vorlage_nr=None, aktenzeichen=None, art=None, datum=None, oeffentlich=True, koerperschaft=None,
        fachbereich=None, beteiligungen=(), produkt=None, betreff=f"Betreff {i}", beschlusslauf=(),
        beschlussvorschlag=None, begruendung=None, anlagen=(), entities={}, source=source, text="Text",
    )  # fmt: skip


def _indexed(store: Store) -> dict[str, bool]:
    return {vid: indexed for vid, _sha, _original, indexed in store.iter_rows()}


def test_marks_follow_puts_and_rebuilds(tmp_path: Path) -> None:
    store = Store(tmp_path, create=True)
    for i in ("aa", "bb", "cc"):
        store.put(_record(i), None)
    assert sorted(store.unindexed_ids()) == ["aa", "bb", "cc"]
    store.mark_indexed(["aa", "bb"])
    assert store.unindexed_ids() == ["cc"] and _indexed(store) == {"aa": True, "bb": True, "cc": False}
    assert [r.id for r in store.iter_records(only_unindexed=True)] == ["cc"]
    store.put(_record("aa"), None)  # written again: its document is stale
    assert sorted(store.unindexed_ids()) == ["aa", "cc"]
    store.mark_all_indexed()
    assert store.unindexed_ids() == [] and all(_indexed(store).values())
    store.mark_all_unindexed()
    assert sorted(store.unindexed_ids()) == ["aa", "bb", "cc"]
    store.mark_indexed(["bb"])
    store.mark_indexed(["bb"], value=False)
    assert "bb" in store.unindexed_ids()


def _store_from_before(folder: Path, ids: tuple[str, ...], indexed: str) -> None:
    """A store as an earlier version left it: the flag in the records' column (``indexed``: an SQL
    expression), no tables of its own."""
    store = Store(folder, create=True)
    for i in ids:
        store.put(_record(i), None)
    store.close()
    db = sqlite3.connect(folder / "records.sqlite3")
    with db:
        db.execute("DROP TABLE unindexed")
        db.execute("DROP TABLE counters")
        db.execute(f"UPDATE vorlagen SET indexed = ({indexed})")
    db.close()


def test_a_store_from_before_keeps_its_marks(tmp_path: Path) -> None:
    _store_from_before(tmp_path, ("aa", "bb", "cc"), "id != 'bb'")
    store = Store(tmp_path)
    assert store.unindexed_ids() == ["bb"]
    assert _indexed(store) == {"aa": True, "bb": False, "cc": True}
    assert {r.id for r in store.iter_records()} == {"aa", "bb", "cc"}  # nothing lost


def test_a_store_from_before_on_a_read_only_share_is_read_as_it_is(tmp_path: Path, monkeypatch) -> None:
    _store_from_before(tmp_path, ("aa", "bb"), "id = 'aa'")
    connect = sqlite3.connect  # read-only as SQLite sees it (file modes do not stop root)
    monkeypatch.setattr(sqlite3, "connect", lambda path, **kw: connect(f"file:{path}?mode=ro", uri=True, **kw))
    store = Store(tmp_path)
    assert store.unindexed_ids() == ["bb"]
    assert _indexed(store) == {"aa": True, "bb": False}
    assert [r.id for r in store.iter_records(only_unindexed=True)] == ["bb"]
    store.close()
