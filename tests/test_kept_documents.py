"""Index documents kept in the record store (search/kept.py, store_docs.py): a rebuild from them finds
exactly what a rebuild that analyses everything finds, and never a stale document."""

from __future__ import annotations

import json
import shutil
import sqlite3
from collections.abc import Iterable, Iterator
from dataclasses import fields
from pathlib import Path

import pytest

from archiv import grouped, rebuild
from archiv.archive import Archive
from archiv.grouped import analyse_groups, group_document, load_groups
from archiv.search import kept
from archiv.search.analysis import terms
from archiv.search.document import IndexDocument
from archiv.search.kept import group_fingerprint
from archiv.search.tantivy_backend import TantivyBackend
from archiv.store import Store

from .conftest import run

QUERIES = (
    "Feuerwehr", "Haushalt*", "Kindertagesstätte", '"Bebauungsplan Nr"', "betreff:Antrag", "Straße",
    "Sanierung Schule", "gremium:Rat", "jahr:2020..2026", "Radweg",
)  # fmt: skip
NAMES = [f.name for f in fields(IndexDocument) if f.name not in ("vorlage", "record_json")]


def results(index: Path) -> list[dict]:
    """What a user sees for each query: totals, facets and the hits in order (ids and snippets)."""
    out = []
    for q in QUERIES:
        page = run("search", q, "--index", index, "--format", "json", "--limit", "50")
        assert page.exit_code == 0, page.output
        data = json.loads(page.output)
        out.append({k: data[k] for k in ("total", "hits", "facets")})
    return out


def kept_rows(index: Path) -> dict[str, bytes]:
    db = sqlite3.connect(index / "records.sqlite3")
    try:
        return dict(db.execute("SELECT group_id, data FROM documents"))
    finally:
        db.close()


def spoil(index: Path) -> None:
    """As a change of the analysis leaves a store: every kept document's fingerprint stale."""
    db = sqlite3.connect(index / "records.sqlite3")
    with db:
        db.execute("UPDATE documents SET fingerprint = x'00'")
    db.close()


def values(doc: IndexDocument) -> list:
    return [getattr(doc, name) for name in NAMES]


def test_ingest_keeps_the_documents_a_fresh_analysis_makes(fresh_index: Path) -> None:
    store = Store(fresh_index)
    groups = load_groups(store, [g for g, _ in store.iter_groups_raw()])
    rows = kept_rows(fresh_index)
    store.close()
    assert groups and set(rows) == set(groups)  # every Vorlage's document, and no other
    for group_id, group in groups.items():
        assert values(kept.decode(rows[group_id])) == values(group_document(group)), group_id


def test_a_rebuild_from_kept_documents_finds_what_a_full_analysis_finds(fresh_index: Path) -> None:
    assert run("reindex", "--index", fresh_index, "--quiet").exit_code == 0  # from the documents ingest kept
    from_kept = results(fresh_index)
    before = kept_rows(fresh_index)
    spoil(fresh_index)
    assert run("reindex", "--index", fresh_index, "--quiet").exit_code == 0  # everything analysed again
    assert results(fresh_index) == from_kept
    assert kept_rows(fresh_index) == before  # and the same documents kept again, byte for byte
    assert any(r["total"] for r in from_kept)
    check = run("check", "--index", fresh_index)
    assert check.exit_code == 0 and "whole" in check.output, check.output


def test_a_changed_record_is_analysed_again(fresh_index: Path) -> None:
    store = Store(fresh_index)
    group_id, members = next(iter(store.iter_groups_raw()))
    record_id = members[0][0]
    with store.db:  # as any writer of the record would (set_beschluesse, an older archiv): no call to us
        store.db.execute(
            "UPDATE vorlagen SET record = json_set(record, '$.text', json_extract(record, '$.text') || ?) WHERE id = ?",
            (" Zauberwortprüfung", record_id),
        )
    store.close()
    assert run("reindex", "--index", fresh_index, "--quiet").exit_code == 0
    found = json.loads(run("search", "Zauberwortprüfung", "--index", fresh_index, "--format", "json").output)
    assert [h["id"] for h in found["hits"]] == [group_id]


def test_a_record_that_joins_a_group_is_analysed_again(fresh_index: Path) -> None:
    store = Store(fresh_index)
    first, second = [g for g, _ in store.iter_groups_raw()][:2]
    with store.db:  # the second group's records join the first (as regrouping may decide)
        store.db.execute("UPDATE vorlagen SET group_role = 'anlage', group_id = ? WHERE group_id = ?", (first, second))
    raw = store.group_members_raw([first])[first]
    doc = kept.decode(analyse_groups([(first, raw, b"", None)])[0][2] or b"")  # what a fresh analysis makes
    store.close()
    # the trigger dropped the old document; and a document of the group as it was never matches now
    assert first not in kept_rows(fresh_index)
    archive = Archive(fresh_index)
    archive.reindex()
    archive.close()
    assert values(kept.decode(kept_rows(fresh_index)[first])) == values(doc)


def test_a_changed_analysis_is_never_served_from_kept_documents(
    fresh_index: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Documents made by another analysis (here: one that adds a word to every text) are not used."""
    real = grouped.group_fields
    word = " ".join(terms("Neuanalyse"))  # as the query analyses it

    def marked(group: grouped.VorlageGroup) -> dict:
        out = real(group)
        out["text_terms"] += f" {word}"
        return out

    monkeypatch.setattr(grouped, "group_fields", marked)
    archive = Archive(fresh_index)  # a small archive: analysed in this process, where the patch holds
    archive.reindex()
    assert archive.search("neuanalyse").total == 0  # same fingerprint: the kept documents were used
    monkeypatch.setattr(kept, "analysis_fingerprint", lambda: b"another analysis")
    archive.reindex()
    assert archive.search("neuanalyse").total == len(kept_rows(fresh_index)) > 0
    archive.close()


def test_the_analysis_fingerprint_follows_the_source(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    package = tmp_path / "archiv"
    shutil.copytree(kept._PACKAGE, package, ignore=shutil.ignore_patterns("__pycache__"))
    monkeypatch.setattr(kept, "_PACKAGE", package)
    kept.analysis_fingerprint.cache_clear()
    try:
        first = kept.analysis_fingerprint()
        for changed in ("search/stem.py", "search/compounds.py", "vocabulary.toml", "text/keys.py"):
            path = package / changed
            path.write_text(path.read_text(encoding="utf-8") + "\n# changed\n", encoding="utf-8")
            kept.analysis_fingerprint.cache_clear()
            assert kept.analysis_fingerprint() != first, changed
            first = kept.analysis_fingerprint()
        (package / "web" / "app.py").write_text("# not the analysis\n", encoding="utf-8")
        kept.analysis_fingerprint.cache_clear()
        assert kept.analysis_fingerprint() == first
    finally:
        kept.analysis_fingerprint.cache_clear()


def test_a_store_of_an_earlier_version_gets_its_documents_on_the_next_rebuild(fresh_index: Path) -> None:
    assert run("reindex", "--index", fresh_index, "--quiet").exit_code == 0
    before = results(fresh_index)
    db = sqlite3.connect(fresh_index / "records.sqlite3")
    with db:  # as a store made before kept documents: no table, no triggers
        for name in ("documents_insert", "documents_update", "documents_delete"):
            db.execute(f"DROP TRIGGER {name}")
        db.execute("DROP TABLE documents")
    db.close()
    assert run("reindex", "--index", fresh_index, "--quiet").exit_code == 0
    assert results(fresh_index) == before
    store = Store(fresh_index)
    assert len(kept_rows(fresh_index)) == sum(1 for _ in store.iter_groups_raw())
    store.close()


def test_a_backend_that_keeps_records_gets_them_with_kept_documents(fresh_index: Path) -> None:
    """OpenSearch also stores the merged record: a kept document comes with the same record JSON."""
    store = Store(fresh_index)
    items = [(g, m, b"", None) for g, m in store.iter_groups_raw()]
    store.close()
    analysed = analyse_groups(items, records=True)
    again = analyse_groups(
        [(g, m, fp, kept.inflate([data])[0]) for (g, m, fp, _), (_, _, data) in zip(items, analysed, strict=True)],
        records=True,
    )
    assert [values(d) for d, _, _ in again] == [values(d) for d, _, _ in analysed]
    assert [d.record_json for d, _, _ in again] == [d.record_json for d, _, _ in analysed]
    assert all(d.record_json for d, _, _ in again) and all(data is None for _, _, data in again)


def test_a_rebuild_stopped_half_way_leaves_a_consistent_store(
    fresh_index: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Stopped after some documents were kept (a crash between two of its commits): the store is
    whole, the documents it kept are true to their records, and the next rebuild finds everything."""
    spoil(fresh_index)
    monkeypatch.setattr(rebuild, "KEEP_BATCH", 5)
    real = TantivyBackend.add

    def stopping(self: TantivyBackend, docs: Iterable[IndexDocument]) -> int:
        def some() -> Iterator[IndexDocument]:
            for n, doc in enumerate(docs):
                if n == 12:
                    raise KeyboardInterrupt
                yield doc

        return real(self, some())

    monkeypatch.setattr(TantivyBackend, "add", stopping)
    archive = Archive(fresh_index, backend="tantivy")
    with pytest.raises(KeyboardInterrupt):
        archive.reindex()
    archive.close()
    monkeypatch.setattr(TantivyBackend, "add", real)
    store = Store(fresh_index)
    made = {g: group_fingerprint(g, [(m[0], m[3], m[4]) for m in ms]) for g, ms in store.iter_groups_raw()}
    usable = store.kept_documents(made)
    groups = load_groups(store, list(usable))
    store.close()
    assert 5 <= len(usable) < len(made)  # some kept, and those are the documents of their groups
    for g, data in usable.items():
        assert values(kept.decode(data)) == values(group_document(groups[g]))
    assert run("reindex", "--index", fresh_index, "--quiet").exit_code == 0
    check = run("check", "--index", fresh_index)
    assert check.exit_code == 0 and "whole" in check.output, check.output
    assert len(kept_rows(fresh_index)) == len(made)
